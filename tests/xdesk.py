"""A real desk session for end-to-end tests: an X display, a window manager, a Chinese input method, the
central server started the way ``scripts/run`` starts it, and the desk app as its own process.

Nothing here goes through Qt's test API. Keys are X events sent with ``xdotool`` (XTest), exactly what a
keyboard or a keyboard-wedge scanner sends: a scanner types about 8 ms a character and presses Shift
around every capital letter, then its suffix (Enter, Tab, CR or LF). The input method is a real ibus
daemon with the libpinyin engine on a private D-Bus session, reached by the app through Qt's ibus
input-context plugin (``QT_IM_MODULE=ibus``), as on a desk PC where staff type names in pinyin.

What the app shows is read from outside: the terminal store, the server database, printed PDFs, window
titles (``xdotool getwindowname``), screenshots (``import -window root``), and the small JSON file the
app writes when ``MEMBERDESK_STATE_FILE`` is set (``desktop/probe.py``: screen, message, focus).

Every process started here is stopped by its PID; the X server, the bus and ibus also die with the
test process (``PR_SET_PDEATHSIG``) if it is killed.
"""

from __future__ import annotations

import contextlib
import ctypes
import importlib.util
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "artifacts" / "desk-day"
X_TOOLS = ("Xvfb", "openbox", "xdotool", "ibus-daemon", "ibus", "import", "dbus-daemon")
IBUS_MEMCONF = "/usr/libexec/ibus-memconf"  # the in-memory config: the pinyin engine waits for a config
PINYIN_ENGINE = "libpinyin"
PLAIN_ENGINE = "xkb:us::eng"
SCREEN = (1280, 800)
SCANNER_DELAY = 0.008  # seconds per character, as a USB keyboard-wedge scanner types
HUMAN_DELAY_MS = 110  # a quick person at the keyboard

# xdotool key names for the characters a code can hold (letters and digits are their own names).
_KEY_NAMES = {
    "-": "minus",
    " ": "space",
    ".": "period",
    "/": "slash",
    ":": "colon",
    "+": "plus",
    "_": "underscore",
}
# What each scanner suffix is on the wire: a USB HID scanner sends CR as the Return key, and LF as Ctrl+J.
SUFFIXES = {
    "enter": ["Return"],
    "keypad-enter": ["KP_Enter"],
    "tab": ["Tab"],
    "cr": ["Return"],
    "lf": ["ctrl+j"],
    "": [],
}


def missing_tools() -> list[str]:
    missing = [tool for tool in X_TOOLS if shutil.which(tool) is None]
    if importlib.util.find_spec("Xlib") is None:
        missing.append("python-xlib (the dev extra in pyproject.toml)")
    if not Path(IBUS_MEMCONF).exists() or not Path("/usr/share/ibus/component/libpinyin.xml").exists():
        missing.append("ibus-libpinyin")
    return missing


def start_session_or_skip(workdir: Path, artifacts: Path, what: str) -> XSession:
    """An X session for a test; without the X tools the test is skipped on a developer's machine, but
    fails in CI (``CI=true``), where they must be installed."""
    import pytest

    missing = missing_tools()
    if missing:
        message = f"{what} needs {', '.join(missing)}: run scripts/setup (scripts/apt-packages.txt)"
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    return XSession(workdir, artifacts=artifacts).start()


def _die_with_parent() -> None:
    """Linux: the child gets SIGTERM when the test process dies, however it dies."""
    libc = ctypes.CDLL("libc.so.6", use_errno=True)
    libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def wait_for(condition: Callable[[], Any], timeout: float = 30.0, what: str = "condition") -> Any:
    """Poll ``condition`` until it returns something truthy; fail with ``what`` after ``timeout`` seconds."""
    from server_fixtures import wait_until

    return wait_until(condition, timeout=timeout, interval=0.05, what=what)


def _stop(process: subprocess.Popen | None, timeout: float = 10) -> None:
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout)


class XSession:
    """Xvfb on a free display, openbox, a private D-Bus session and ibus with the pinyin engine."""

    def __init__(self, workdir: Path, artifacts: Path = ARTIFACTS):
        self.workdir = Path(workdir)
        self.artifacts = artifacts
        self.home = self.workdir / "home"
        self.processes: list[subprocess.Popen] = []
        self.display = ""
        self.bus_address = ""
        self._shots = 0

    # -- start and stop -------------------------------------------------------------------------------

    def start(self) -> XSession:
        for sub in ("home/.config", "home/.cache", "runtime"):
            (self.workdir / sub).mkdir(parents=True, exist_ok=True, mode=0o700)
        self.artifacts.mkdir(parents=True, exist_ok=True)
        self._start_x()
        self._start_wm()
        self._start_bus()
        self._start_ibus()
        return self

    def _spawn(self, argv: list[str], log: str, env: dict[str, str] | None = None, **kw: Any) -> subprocess.Popen:
        out = (self.workdir / log).open("ab")
        process = subprocess.Popen(
            argv, env=env or self.env(), stdout=kw.pop("stdout", out), stderr=out, preexec_fn=_die_with_parent, **kw
        )
        self.processes.append(process)
        return process

    def _start_x(self) -> None:
        # -displayfd: the server picks a free display number itself and writes it to us (no race with
        # another test session or desk on this machine).
        read, write = os.pipe()
        width, height = SCREEN
        # Xvfb plays the scanner's key events at their times; on a machine shared with other work it runs
        # ahead of it (as a real keyboard's interrupts do), when allowed to (root), so they stay on time.
        nice = ["nice", "-n", "-10"] if os.geteuid() == 0 and shutil.which("nice") else []
        self._spawn(
            [*nice, "Xvfb", "-displayfd", str(write), "-screen", "0", f"{width}x{height}x24", "-nolisten", "tcp"],
            "xvfb.log",
            env=dict(os.environ),
            pass_fds=(write,),
        )
        os.close(write)
        with os.fdopen(read) as pipe:
            number = pipe.readline().strip()
        if not number.isdigit():
            raise RuntimeError(f"Xvfb did not start: {(self.workdir / 'xvfb.log').read_text()[-2000:]}")
        self.display = f":{number}"

    def _start_wm(self) -> None:
        self._spawn(["openbox", "--sm-disable"], "openbox.log")
        # openbox is up once it owns the window-manager selection (_NET_SUPPORTING_WM_CHECK on the root).
        wait_for(
            lambda: "window id" in self._run(["xprop", "-root", "_NET_SUPPORTING_WM_CHECK"], check=False),
            30,
            "openbox to manage the display",
        )
        # NumLock on, as a desk PC starts: keypad digits (a scanner in keypad mode) are digits, not arrows.
        self._run(["xdotool", "key", "Num_Lock"])

    def _start_bus(self) -> None:
        bus = self._spawn(
            ["dbus-daemon", "--session", "--nofork", "--nopidfile", "--print-address=1"],
            "dbus.log",
            stdout=subprocess.PIPE,
        )
        assert bus.stdout is not None
        self.bus_address = bus.stdout.readline().decode().strip()
        if not self.bus_address:
            raise RuntimeError("dbus-daemon did not print its address")

    def _start_ibus(self) -> None:
        env = {**self.env(), "DBUS_SESSION_BUS_ADDRESS": self.bus_address, "GSETTINGS_BACKEND": "memory"}
        self._spawn(
            [
                "ibus-daemon",
                "--panel=disable",
                "--emoji-extension=disable",
                f"--config={IBUS_MEMCONF}",
                "--cache=none",
            ],
            "ibus.log",
            env=env,
        )
        wait_for(self.ibus_address, 30, "ibus-daemon to publish its address")
        # Clients (Qt's plugin, the ibus command) find the daemon through this file, per display.
        wait_for(lambda: self._ibus(["list-engine"], check=False).find(PINYIN_ENGINE) >= 0, 30, "the pinyin engine")

    def ibus_address(self) -> str:
        folder = self.home / ".config" / "ibus" / "bus"
        for path in folder.glob(f"*-unix-{self.display.lstrip(':')}"):
            for line in path.read_text().splitlines():
                if line.startswith("IBUS_ADDRESS="):
                    return line.split("=", 1)[1]
        return ""

    def stop(self) -> None:
        for process in reversed(self.processes):
            _stop(process)
        self.processes.clear()

    # -- environment --------------------------------------------------------------------------------------

    def env(self, **extra: str) -> dict[str, str]:
        """The environment of a program in this session (the desk app adds its own on top)."""
        env = {
            key: value
            for key, value in os.environ.items()
            if key not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY", "XAUTHORITY", "IBUS_ADDRESS")
        }
        env.update(
            DISPLAY=self.display,
            HOME=str(self.home),
            XDG_CONFIG_HOME=str(self.home / ".config"),
            XDG_CACHE_HOME=str(self.home / ".cache"),
            XDG_RUNTIME_DIR=str(self.workdir / "runtime"),
            LANG="C.UTF-8",
            LC_ALL="C.UTF-8",
        )
        env.update(extra)
        return env

    def _run(self, argv: list[str], check: bool = True, timeout: float = 30) -> str:
        result = subprocess.run(argv, env=self.env(), capture_output=True, text=True, timeout=timeout, check=False)
        if check and result.returncode != 0:
            raise RuntimeError(f"{' '.join(argv)} failed ({result.returncode}): {result.stderr[-1000:]}")
        return result.stdout

    def _ibus(self, argv: list[str], check: bool = True) -> str:
        return self._run(["ibus", *argv], check=check)

    # -- the input method ---------------------------------------------------------------------------------

    def engine(self) -> str:
        return self._ibus(["engine"], check=False).strip()

    def ime_on(self) -> None:
        """Switch the pinyin input method on, as a person does before typing a name."""
        self._set_engine(PINYIN_ENGINE)

    def ime_off(self) -> None:
        self._set_engine(PLAIN_ENGINE)

    def _set_engine(self, name: str) -> None:
        # ``ibus engine NAME`` may report a timeout while the engine process starts; what counts is that
        # the daemon then names it as the global engine.
        self._ibus(["engine", name], check=False)
        wait_for(lambda: self.engine() == name, 30, f"ibus to switch to {name}")

    # -- windows ---------------------------------------------------------------------------------------------

    def active_window_name(self) -> str:
        return self._run(["xdotool", "getactivewindow", "getwindowname"], check=False).strip()

    def activate(self, name: str, timeout: float = 60) -> str:
        """Give the window whose title contains ``name`` the keyboard focus (as clicking its title would)."""
        window = wait_for(
            lambda: self._run(["xdotool", "search", "--onlyvisible", "--name", name], check=False).split(),
            timeout,
            f"a window named {name!r}",
        )[0]
        self._run(["xdotool", "windowactivate", "--sync", window], check=False)
        wait_for(lambda: name in self.active_window_name(), timeout, f"{name!r} to have the focus")
        return window

    def screenshot(self, name: str) -> Path:
        self._shots += 1
        path = self.artifacts / f"{self._shots:02d}-{name}.png"
        self._run(["import", "-display", self.display, "-window", "root", str(path)])
        return path

    # -- the keyboard --------------------------------------------------------------------------------------------

    def xdotool(self, *args: str) -> None:
        self._run(["xdotool", *args], timeout=120)

    def key(self, *keys: str) -> None:
        """Press and release keys one after the other, as a person does (e.g. ``key("Tab")``, ``key("F3")``)."""
        for name in keys:
            self.xdotool("key", "--clearmodifiers", name)
            time.sleep(HUMAN_DELAY_MS / 1000)

    def type_text(self, text: str) -> None:
        """Type ASCII text at a person's speed (Shift for capitals, as xdotool does)."""
        # xdotool's --delay is spent half after the press and half after the release of each key... and
        # measured under this harness a character takes half of it: twice the delay is a person's pace.
        self.xdotool("type", "--delay", str(2 * HUMAN_DELAY_MS), "--", text)

    def scan(self, code: str, suffix: str = "enter", keypad: bool = False) -> None:
        """Type ``code`` as a keyboard-wedge scanner: 8 ms a character, Shift pressed and released around each
        capital letter (never held across characters), keypad digits if ``keypad``, then the suffix.

        The events go through XTest with the delay of each one given to the X server, which holds them
        back itself: the gaps between keys are the server's, as with a USB scanner whose reports the kernel
        delivers on time, and do not grow when this process is descheduled on a busy machine.
        """
        from Xlib import XK, X, display
        from Xlib.ext import xtest

        conn = display.Display(self.display)
        try:

            def keycode(name: str) -> int:
                code_ = conn.keysym_to_keycode(XK.string_to_keysym(name))
                if not code_:
                    raise ValueError(f"no key for {name!r} on this display")
                return code_

            shift, control = keycode("Shift_L"), keycode("Control_L")
            delay_ms = int(SCANNER_DELAY * 1000)
            events: list[tuple[int, int, int]] = []  # (press or release, keycode, delay before it in ms)

            def tap(key: int, delay: int, modifier: int | None = None) -> None:
                if modifier is not None:
                    events.append((X.KeyPress, modifier, delay))
                    delay = 0
                events.extend([(X.KeyPress, key, delay), (X.KeyRelease, key, 0)])
                if modifier is not None:
                    events.append((X.KeyRelease, modifier, 0))

            for index, char in enumerate(code):
                delay = delay_ms if index else 0
                if char.isupper():
                    tap(keycode(char.lower()), delay, shift)
                elif char.isdigit() and keypad:
                    tap(keycode(f"KP_{char}"), delay)
                else:
                    tap(keycode(_KEY_NAMES.get(char, char)), delay)
            for name in SUFFIXES[suffix]:
                if name.startswith("ctrl+"):
                    tap(keycode(name[len("ctrl+") :]), delay_ms, control)
                else:
                    tap(keycode(name), delay_ms)
            for kind, key, delay in events:
                xtest.fake_input(conn, kind, key, time=delay)
            conn.sync()  # returns once the server has played every event
        finally:
            conn.close()


def load_run_demo() -> Any:
    """``scripts/run_demo.py`` as a module: the test starts the server and the terminal with its pieces."""
    spec = importlib.util.spec_from_file_location("run_demo", ROOT / "scripts" / "run_demo.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class DemoServer:
    """The central server the way ``scripts/run`` starts it: demo data, staff, a process on 127.0.0.1."""

    def __init__(self, workdir: Path, members: int = 300):
        self.run_demo = load_run_demo()
        self.run_demo.VAR = Path(workdir)  # where run_demo keeps its files and the server's log
        self.workdir = Path(workdir)
        self.url = f"sqlite:///{self.workdir / 'server.sqlite3'}"
        self.port = self.run_demo.free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.members = members
        self.process: subprocess.Popen | None = None

    def prepare(self) -> DemoServer:
        self.run_demo.prepare_server(self.url, self.members)
        return self

    def start(self) -> DemoServer:
        self.process = self.run_demo.start_server(self.url, self.port)
        return self

    def kill(self) -> None:
        """SIGKILL, as in a power cut or a crashed server."""
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)

    def hang(self) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGSTOP)

    def resume(self) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGCONT)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGCONT)  # a stopped process cannot act on SIGTERM
        _stop(self.process)

    def register_terminal(self, store_path: Path) -> None:
        self.run_demo.prepare_terminal(store_path, self.url, self.base_url)

    @contextlib.contextmanager
    def db(self) -> Iterator[Any]:
        from server.db import ServerDB

        db = ServerDB(self.url)
        try:
            yield db
        finally:
            db.dispose()

    def rows(self, sql: str, **params: Any) -> list[tuple]:
        from sqlalchemy import text

        with self.db() as db, db.read() as conn:
            return [tuple(r) for r in conn.execute(text(sql), params)]


class DeskApp:
    """``python -m desktop --db STORE`` in the X session, on Qt's xcb platform with the ibus input context."""

    def __init__(self, session: XSession, store_path: Path, workdir: Path, lang: str | None = None):
        self.session = session
        self.store_path = store_path
        self.state_file = Path(workdir) / "desk-state.json"
        self.log = Path(workdir) / "desk.log"
        self.lang = lang
        self.process: subprocess.Popen | None = None

    def start(self) -> DeskApp:
        self.state_file.unlink(missing_ok=True)
        env = self.session.env(
            QT_QPA_PLATFORM="xcb",
            QT_IM_MODULE="ibus",
            XMODIFIERS="@im=ibus",
            PYTHONPATH=str(ROOT),
            MEMBERDESK_STATE_FILE=str(self.state_file),
        )
        # The app keeps the test's D-Bus session (its store key is in that keyring); ibus has its own bus.
        env.pop("MEMBERDESK_RAISE", None)  # the real app: a crash is a dialog and a log line, seen below
        argv = [sys.executable, "-m", "desktop", "--db", str(self.store_path)]
        if self.lang:
            argv += ["--lang", self.lang]
        self.process = subprocess.Popen(
            argv, cwd=ROOT, env=env, stdout=self.log.open("ab"), stderr=subprocess.STDOUT, preexec_fn=_die_with_parent
        )
        self.wait(lambda s: s.get("screen") == "LoginScreen", 90, "the login screen")
        self.session.activate("MemberDesk")
        return self

    def stop(self) -> None:
        """Close the window as a person does (Alt+F4: openbox asks the app to close), then make sure."""
        if self.process is not None and self.process.poll() is None:
            with contextlib.suppress(Exception):
                self.session.activate("MemberDesk", timeout=5)
                self.session.key("alt+F4")
                self.process.wait(20)
        _stop(self.process, timeout=20)

    def state(self) -> dict[str, Any]:
        if self.process is not None and self.process.poll() is not None:
            raise AssertionError(f"the desk app exited with {self.process.returncode}: {self.log_text()[-3000:]}")
        try:
            return json.loads(self.state_file.read_text(encoding="utf-8"))
        except (FileNotFoundError, json.JSONDecodeError):
            return {}

    def wait(self, predicate: Callable[[dict[str, Any]], Any], timeout: float = 60, what: str = "the app") -> dict:
        """Wait until the app's published state satisfies ``predicate``; the failure shows the last state."""
        last: dict[str, Any] = {}

        def check() -> Any:
            nonlocal last
            last = self.state()
            return last if last and predicate(last) else None

        try:
            return wait_for(check, timeout, what)
        except AssertionError as exc:
            raise AssertionError(f"{exc}; the app shows {json.dumps(last, ensure_ascii=False)}") from None

    def wait_screen(self, screen: str, timeout: float = 60) -> dict:
        return self.wait(lambda s: s.get("screen") == screen and not s.get("busy"), timeout, f"the {screen}")

    def wait_focus(self, object_name: str, timeout: float = 30) -> dict:
        return self.wait(lambda s: s.get("focus", {}).get("name") == object_name, timeout, f"focus on {object_name}")

    def log_text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace") if self.log.exists() else ""


# -- what the desk tests do again and again -----------------------------------------------------------------


@contextlib.contextmanager
def open_store(path: Path) -> Iterator[Any]:
    from sync.store import Store

    store = Store(path)
    try:
        yield store
    finally:
        store.close()


def a_demo_member(store_path: Path) -> str:
    """The first active member of the demo data."""
    with open_store(store_path) as store:
        row = store.query_one("SELECT member_no FROM members WHERE status = 'active' ORDER BY member_no LIMIT 1")
    return row["member_no"]


def member_token(store_path: Path, member_no: str) -> str:
    """The member's QR code as the terminal signs it (what the welcome slip and the member's app show)."""
    from sync.services import DeskServices

    with open_store(store_path) as store:
        token = DeskServices(store).member_token(member_no)
    assert token
    return token


def log_in(x: XSession, desk: DeskApp, staff: tuple[str, str]) -> None:
    """Staff number, Enter, PIN, Enter: the home screen."""
    desk.wait_focus("StaffNo")
    x.type_text(staff[0])
    x.key("Return")  # Enter in the staff number moves on to the PIN
    desk.wait_focus("Pin")
    x.type_text(staff[1])
    x.key("Return")
    desk.wait(lambda s: s.get("logged_in") == staff[0] and s.get("screen") == "HomeScreen", 60, "the home screen")


def is_chinese(text: str) -> bool:
    return bool(text) and all("\u4e00" <= ch <= "\u9fff" for ch in text)
