"""One set of argon2id parameters (``membership.argon2_params``) for the desks, the server and the console.

A PIN set on the server is pulled by a desk and must verify there without a rehash; a desk's own hash
verifies with the server's hasher; and no ``PasswordHasher`` in the code carries numbers of its own.
"""

from __future__ import annotations

import ast
from datetime import UTC, datetime
from pathlib import Path

import argon2
import pytest

from membership.argon2_params import PIN_HASHING
from server import admin
from server.console import auth as console_auth
from sync import auth

ROOT = Path(__file__).resolve().parent.parent


def parameters_of(encoded: str) -> argon2.Parameters:
    return argon2.extract_parameters(encoded)


EXPECTED = argon2.Parameters(
    type=argon2.Type[PIN_HASHING.variant], version=argon2.low_level.ARGON2_VERSION, **PIN_HASHING.hasher_kwargs()
)


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_a_pin_set_on_the_server_logs_in_at_a_desk_without_a_rehash(server, make_terminal):
    admin.save_staff(server.db, "D070", "王芳", "desk", "7070", datetime.now(UTC))
    [server_hash] = [r[0] for r in server.rows("SELECT pin_hash FROM staff WHERE staff_no = 'D070'")]
    assert parameters_of(server_hash) == EXPECTED

    terminal = make_terminal(server, 7)
    terminal.sync()
    [pulled] = terminal.store.query("SELECT pin_hash FROM staff WHERE staff_no = 'D070'")
    assert pulled["pin_hash"] == server_hash  # the server's hash, as it was made
    session = terminal.services.login("D070", "7070")
    assert session.staff_no == "D070"
    [after] = terminal.store.query("SELECT pin_hash FROM staff WHERE staff_no = 'D070'")
    assert after["pin_hash"] == server_hash  # same parameters: the desk saw no reason to rehash it


def test_desk_and_server_hashes_verify_on_either_side_with_the_same_parameters():
    desk_hash = auth.hash_pin("2468")
    assert parameters_of(desk_hash) == EXPECTED
    assert admin._HASHER.verify(desk_hash, "2468")
    assert not admin._HASHER.check_needs_rehash(desk_hash)

    server_hash = admin._HASHER.hash("1357")
    assert auth.pin_matches(server_hash, "1357") and not auth.pin_matches(server_hash, "1358")
    assert not auth.needs_rehash(server_hash)
    # The console's office passwords go through the server's hasher (the console's dummy hash shows it).
    assert parameters_of(console_auth._DUMMY_HASH) == EXPECTED


def test_a_hash_made_with_other_parameters_is_upgraded_on_both_sides():
    weaker = argon2.PasswordHasher(
        **{**PIN_HASHING.hasher_kwargs(), "time_cost": PIN_HASHING.time_cost - 1}, type=argon2.Type.ID
    ).hash("2468")
    assert auth.pin_matches(weaker, "2468")  # still accepted, then rehashed at login
    assert auth.needs_rehash(weaker) and admin._HASHER.check_needs_rehash(weaker)


def test_every_password_hasher_is_built_from_the_one_definition():
    calls: list[str] = []
    for package in ("sync", "server", "desktop", "printing", "membership"):
        for path in sorted((ROOT / package).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", "")) in (
                    "PasswordHasher",
                    "hash_secret",
                    "hash_secret_raw",
                ):
                    where = f"{path.relative_to(ROOT)}:{node.lineno}"
                    calls.append(str(path.relative_to(ROOT)))
                    # No numbers of its own: only ``**PIN_HASHING.hasher_kwargs()`` and ``type=Type[PIN_HASHING.variant]``.
                    assert not node.args, where
                    assert [ast.unparse(k.value) for k in node.keywords if k.arg is None] == [
                        "PIN_HASHING.hasher_kwargs()"
                    ], where
                    assert [(k.arg, ast.unparse(k.value)) for k in node.keywords if k.arg is not None] == [
                        ("type", "Type[PIN_HASHING.variant]")
                    ], where
    assert sorted(calls) == ["server/admin.py", "sync/auth.py"]  # one hasher a side (the console uses the server's)


PIN_CASES = {
    "1234": True,
    "12345678": True,
    "123": False,
    "123456789": False,
    "１２３４": False,  # full-width digits: Python's \d took them at the desk
    "²²²²": False,  # superscripts: str.isdigit() took them on the server
    "1234\n": False,  # "$" let a trailing newline through at the desk
    " 1234": False,
    "12a4": False,
}


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_desks_and_server_accept_the_same_pins(server):
    """One PIN rule (membership.validation.is_pin): what the server accepts a desk can log in with."""
    for number, (pin, good) in enumerate(PIN_CASES.items()):
        try:
            auth.check_pin_format(pin)
            desk_ok = True
        except auth.AuthError:
            desk_ok = False
        try:
            admin.save_staff(server.db, f"P{number:03d}", "测试", "desk", pin, datetime.now(UTC))
            server_ok = True
        except admin.AdminError:
            server_ok = False
        assert (desk_ok, server_ok) == (good, good), repr(pin)
    saved = {r[0] for r in server.rows("SELECT staff_no FROM staff WHERE staff_no LIKE 'P%'")}
    assert saved == {f"P{n:03d}" for n, good in enumerate(PIN_CASES.values()) if good}
