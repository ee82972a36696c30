"""The store's creation lock (``sync.storekey.creation_lock``) across real processes.

The lock is the operating system's (``filelock``), so: several processes racing for it hold it one at a time,
a holder killed with SIGKILL lets the next waiter in at once (no stale-lock guesswork), and a waiter that
runs out of time gets the translated "in use by another program" message with nothing changed.
"""

from __future__ import annotations

import functools
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from membership.i18n import catalog
from sync import storekey
from sync.store import Store, StoreError

ROOT = Path(__file__).resolve().parent.parent

# Each child: say it is ready, wait for the parent's go (a line on its stdin), then take the lock `rounds` times.
# Inside, it claims a marker file with O_EXCL (fails if another holder is inside too) and does a
# read-modify-write of a shared counter (a second holder inside would lose an update).
RACER = r"""
import os, sys, time
from pathlib import Path
from sync.storekey import creation_lock

store, marker, counter, rounds = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3]), int(sys.argv[4])
print("ready", flush=True)
sys.stdin.readline()
for _ in range(rounds):
    with creation_lock(store, timeout_s=60):
        fd = os.open(marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY)  # FileExistsError: two holders at once
        value = int(counter.read_text())
        time.sleep(0.002)  # widen the window in which a second holder would interleave
        counter.write_text(str(value + 1))
        os.close(fd)
        os.unlink(marker)
print("done", flush=True)
"""

# Takes the lock, says so, and holds it until killed (or its stdin is closed).
HOLDER = r"""
import sys
from pathlib import Path
from sync.storekey import creation_lock

with creation_lock(Path(sys.argv[1]), timeout_s=10):
    print("held", flush=True)
    sys.stdin.read()
"""

# Announces it is about to wait, then waits for the lock and reports when it has it.
WAITER = r"""
import sys
from pathlib import Path
from sync.storekey import creation_lock

print("waiting", flush=True)
with creation_lock(Path(sys.argv[1]), timeout_s=60):
    print("got", flush=True)
"""


def child(code: str, *args: object) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", code, *map(str, args)],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def lock_is_free(path: Path) -> bool:
    try:
        with storekey.creation_lock(path, timeout_s=0):
            return True
    except TimeoutError:
        return False


@pytest.fixture
def reaper():
    started: list[subprocess.Popen[str]] = []
    yield started
    for proc in started:  # whatever a failed assertion left running
        if proc.poll() is None:
            proc.kill()
        proc.communicate(timeout=30)


def test_racing_processes_hold_the_lock_one_at_a_time(tmp_path, reaper):
    store = tmp_path / "race.sqlite3"
    marker = tmp_path / "inside"
    counter = tmp_path / "counter"
    counter.write_text("0")
    processes, rounds = 5, 20
    racers = [child(RACER, store, marker, counter, rounds) for _ in range(processes)]
    reaper.extend(racers)
    for racer in racers:
        assert racer.stdout is not None and racer.stdout.readline().strip() == "ready"
    for racer in racers:  # all go at once
        assert racer.stdin is not None
        racer.stdin.write("go\n")
        racer.stdin.flush()
    for racer in racers:
        out, err = racer.communicate(timeout=120)
        assert racer.returncode == 0, err
        assert out.strip() == "done"
    assert int(counter.read_text()) == processes * rounds  # no lost update: never two holders inside
    assert not marker.exists()
    assert not Path(str(store) + ".keylock").exists()  # nothing left beside the store


def test_a_killed_holder_lets_the_next_waiter_in(tmp_path, reaper):
    store = tmp_path / "killed.sqlite3"
    holder = child(HOLDER, store)
    reaper.append(holder)
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    waiter = child(WAITER, store)
    reaper.append(waiter)
    assert waiter.stdout is not None and waiter.stdout.readline().strip() == "waiting"
    assert not lock_is_free(store)  # held: the waiter cannot have it either

    os.kill(holder.pid, signal.SIGKILL)  # no finally, no clean-up: only the kernel releases it
    holder.communicate(timeout=30)
    assert holder.returncode == -signal.SIGKILL

    assert waiter.stdout.readline().strip() == "got"  # at once, not after a stale-lock timeout
    _, err = waiter.communicate(timeout=30)
    assert waiter.returncode == 0, err
    assert lock_is_free(store)


def test_a_lock_held_too_long_is_a_translated_message_and_changes_nothing(tmp_path, reaper, monkeypatch):
    path = tmp_path / "busy.sqlite3"
    holder = child(HOLDER, path)
    reaper.append(holder)
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    with pytest.raises(TimeoutError), storekey.creation_lock(path, timeout_s=0.2):
        pass
    # The store's own wait is 30 s; shortened here, it is the same lock and the same message.
    monkeypatch.setattr(storekey, "creation_lock", functools.partial(storekey.creation_lock, timeout_s=0.2))
    with pytest.raises(StoreError) as err:
        Store(path)
    message = err.value.message
    assert message.render() == f"The database at {path} is in use by another program; close it and try again."
    translated = message.render(catalog("zh_CN"))
    assert str(path) in translated and translated != message.render()
    assert not path.exists()  # no store file, and no key was made for it
    assert storekey.load_key(path) is None
    holder.communicate(timeout=30)  # closes its stdin: it lets go
    assert holder.returncode == 0
    with Store(path) as store:  # once the other program is done, the store opens
        assert store.integrity_check() == "ok"
