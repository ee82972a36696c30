"""A private, unlocked OS keyring for a Linux machine with no desktop session (CI, this build box, a demo).

A desk terminal keeps its store key in the keyring of the signed-in user: Windows Credential Manager, or
on Linux the GNOME Keyring that the login unlocks. A headless machine has neither, so the tests and
``scripts/run`` start their own: a D-Bus session bus and ``gnome-keyring-daemon`` on it, with the
keyring files in a folder of our choosing. It is the real Secret Service the desk uses, not a stand-in.

    python scripts/keyring_session.py DIR -- COMMAND ...   # run COMMAND with that keyring
"""

from __future__ import annotations

import atexit
import ctypes
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

# The password of the development keyring in DIR (a real terminal's keyring is unlocked by its login).
DEV_PASSWORD = "memberdesk-dev"


def keyring_works() -> bool:
    """True when the ``keyring`` package finds a usable backend already (a desktop session, Windows…)."""
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return False
    backend = keyring.get_keyring()
    if isinstance(backend, fail.Keyring):
        return False
    if type(backend).__name__ == "ChainerBackend" and not backend.backends:
        return False
    try:
        keyring.get_password("MemberDesk probe", "probe")
    except Exception:
        return False
    return True


def _die_with_parent() -> None:
    """Linux: the bus gets SIGTERM when the process that started it dies, however it dies."""
    libc = ctypes.CDLL("libc.so.6", use_errno=True)
    libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def start(data_dir: Path) -> dict[str, str]:
    """Start a session bus and an unlocked GNOME Keyring keeping its files in ``data_dir``.

    Returns the environment variables a client needs (``DBUS_SESSION_BUS_ADDRESS``); both daemons stop
    when this process ends.
    """
    for tool in ("dbus-daemon", "gnome-keyring-daemon"):
        if shutil.which(tool) is None:
            raise RuntimeError(f"{tool} is missing: run scripts/setup (it installs gnome-keyring and dbus)")
    data_dir = Path(data_dir).resolve()
    runtime = data_dir / "runtime"
    runtime.mkdir(parents=True, exist_ok=True, mode=0o700)
    bus = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--nopidfile", "--print-address=1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        preexec_fn=_die_with_parent if sys.platform.startswith("linux") else None,
    )
    assert bus.stdout is not None
    address = bus.stdout.readline().strip()
    atexit.register(_stop, bus)
    env = {
        **os.environ,
        "DBUS_SESSION_BUS_ADDRESS": address,
        "XDG_DATA_HOME": str(data_dir),
        "XDG_RUNTIME_DIR": str(runtime),
    }
    subprocess.run(
        ["gnome-keyring-daemon", "--unlock", "--components=secrets", "--daemonize"],
        input=DEV_PASSWORD,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        text=True,
        timeout=30,
        check=True,
    )
    return {"DBUS_SESSION_BUS_ADDRESS": address}


def _stop(bus: subprocess.Popen[str]) -> None:
    # gnome-keyring-daemon leaves when its bus goes away.
    if bus.poll() is None:
        bus.terminate()
        try:
            bus.wait(5)
        except subprocess.TimeoutExpired:
            bus.kill()


def ensure(data_dir: Path) -> None:
    """Make a keyring usable in this process (and its children), starting one only when there is none."""
    if keyring_works():
        return
    os.environ.update(start(data_dir))
    import keyring.core

    keyring.core.set_keyring(keyring.core.load_keyring("keyring.backends.SecretService.Keyring"))


def main(argv: list[str]) -> int:
    if len(argv) < 3 or argv[1] != "--":
        print(__doc__, file=sys.stderr)
        return 2
    ensure(Path(argv[0]))
    # Not exec: the bus must outlive the command and stop after it.
    return subprocess.call(argv[2:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
