"""Start real server processes quickly: one pre-imported "zygote" process forks each test's server.

Most tests talk to a central server of their own (a real ``memberdesk-server run`` process on 127.0.0.1,
its own SQLite file). Starting one costs about 2 s, nearly all of it importing FastAPI, SQLAlchemy,
Alembic and the console; with a few hundred such tests that alone would be most of the suite's time. The
zygote imports all of that once; each server is then a ``fork()`` of it that runs the very same
``server.cli.main(["--db", …, "run", …])`` as the command line, as its own process with its own PID, so a
test can still SIGSTOP, SIGCONT, SIGTERM or SIGKILL it exactly like a server started by ``subprocess``.

Used only where it cannot change behaviour: from the main thread, for servers without extra environment
variables, while ``MEMBERDESK_*`` variables are what they were when the zygote started (some are read at
import time). Everything else, and any failure here, falls back to a plain subprocess. Every forked
server dies with the zygote, and the zygote with the test session (``PR_SET_PDEATHSIG``).

    python tests/server_zygote.py        # the zygote itself: reads one JSON request a line on stdin
"""

from __future__ import annotations

import contextlib
import ctypes
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PR_SET_PDEATHSIG = 1


def die_with_parent() -> None:
    """Ask Linux to SIGKILL this process when its parent goes (so a killed test run leaves no servers)."""
    with contextlib.suppress(OSError):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)


def _memberdesk_env(env: dict[str, str]) -> dict[str, str]:
    return {k: v for k, v in env.items() if k.startswith("MEMBERDESK_")}


class ForkedServer:
    """The part of ``subprocess.Popen`` the server fixtures use, for a process forked by the zygote.

    The zygote ignores SIGCHLD, so the kernel reaps its children at once: a process that is gone has no
    PID any more, and its exit status is not known (``returncode`` is then -1).
    """

    def __init__(self, pid: int):
        self.pid = pid
        self.returncode: int | None = None

    def poll(self) -> int | None:
        if self.returncode is None:
            try:
                os.kill(self.pid, 0)
                state = Path(f"/proc/{self.pid}/stat").read_text().split(") ", 1)[1][0]
                if state in "ZX":
                    self.returncode = -1
            except (ProcessLookupError, FileNotFoundError, IndexError):
                self.returncode = -1
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        deadline = None if timeout is None else time.monotonic() + timeout
        while self.poll() is None:
            if deadline is not None and time.monotonic() > deadline:
                raise subprocess.TimeoutExpired(f"server {self.pid}", timeout)
            time.sleep(0.01)
        return self.returncode  # type: ignore[return-value]

    def send_signal(self, sig: int) -> None:
        if self.poll() is None:
            try:
                os.kill(self.pid, sig)
            except ProcessLookupError:
                self.returncode = -1

    def terminate(self) -> None:
        self.send_signal(signal.SIGTERM)

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)


class Zygote:
    """The test session's side: start the zygote once, ask it for servers."""

    _instance: Zygote | None = None
    _lock = threading.Lock()

    def __init__(self) -> None:
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        self.env = _memberdesk_env(env)
        self.proc = subprocess.Popen(
            [sys.executable, str(Path(__file__).resolve())],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            cwd=ROOT,
            env=env,
            preexec_fn=die_with_parent,
        )
        ready = self.proc.stdout.readline()  # the zygote says so once everything is imported
        if ready.strip() != b"ready":
            raise RuntimeError(f"server zygote did not start: {ready!r}")

    @classmethod
    def get(cls) -> Zygote | None:
        if os.environ.get("MEMBERDESK_TEST_NO_ZYGOTE") or threading.current_thread() is not threading.main_thread():
            return None  # PR_SET_PDEATHSIG follows the thread that started the zygote: only the main one
        with cls._lock:
            if cls._instance is None or cls._instance.proc.poll() is not None:
                try:
                    cls._instance = Zygote()
                except (OSError, RuntimeError):
                    cls._instance = None
            return cls._instance

    def spawn(self, argv: list[str], env: dict[str, str], cwd: Path, log: Path) -> ForkedServer | None:
        if _memberdesk_env(env) != self.env:
            return None  # some settings are read at import time: this server needs its own interpreter
        request = {"argv": argv, "env": env, "cwd": str(cwd), "log": str(log)}
        with self._lock:
            try:
                self.proc.stdin.write((json.dumps(request) + "\n").encode())
                self.proc.stdin.flush()
                answer = self.proc.stdout.readline()
            except (BrokenPipeError, OSError):
                return None
        if not answer.strip().isdigit():
            return None
        return ForkedServer(int(answer))


def spawn_server(argv: list[str], env: dict[str, str], cwd: Path, log: Path, plain: bool = False):
    """A running ``python -m server.cli <argv>`` process: forked from the zygote where it can be, else a
    plain subprocess. Either way a real, separate server process."""
    if not plain:
        zygote = Zygote.get()
        if zygote is not None:
            forked = zygote.spawn(argv, env, cwd, log)
            if forked is not None:
                return forked
    return subprocess.Popen(
        [sys.executable, "-m", "server.cli", *argv],
        cwd=cwd,
        env=env,
        stdout=log.open("ab"),
        stderr=subprocess.STDOUT,
        preexec_fn=die_with_parent if threading.current_thread() is threading.main_thread() else None,
    )


# -- the zygote process ---------------------------------------------------------------------------------------


def _serve_child(request: dict) -> None:
    """In the forked child: become the server the request describes, then exit."""
    code = 1
    try:
        die_with_parent()
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        log = os.open(request["log"], os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
        null = os.open(os.devnull, os.O_RDONLY)
        os.dup2(null, 0)
        os.dup2(log, 1)
        os.dup2(log, 2)
        os.close(null)
        os.close(log)
        sys.stdin = open(0, closefd=False)  # noqa: SIM115 - the process's own descriptors
        sys.stdout = open(1, "w", buffering=1, closefd=False)  # noqa: SIM115
        sys.stderr = open(2, "w", buffering=1, closefd=False)  # noqa: SIM115
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        from server import cli

        code = cli.main(request["argv"]) or 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    except BaseException:
        import traceback

        traceback.print_exc()
    finally:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(code)


def zygote_main() -> None:
    die_with_parent()
    sys.path.insert(0, str(ROOT))
    # Everything a server imports on its way to serving, once.
    import uvicorn
    import uvicorn.lifespan.on
    import uvicorn.loops.auto
    import uvicorn.protocols.http.auto
    import uvicorn.protocols.websockets.auto  # noqa: F401

    import server.app
    import server.cli
    import server.console  # noqa: F401

    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # children are reaped by the kernel
    out = sys.stdout.buffer
    out.write(b"ready\n")
    out.flush()
    for line in sys.stdin.buffer:
        request = json.loads(line)
        pid = os.fork()
        if pid == 0:
            _serve_child(request)
        out.write(f"{pid}\n".encode())
        out.flush()


if __name__ == "__main__":
    zygote_main()
