"""The terminal's settings: declared once with type and default (sync/settings.py), read typed by the desk,
one key for the server address (the old desk key migrated), no setting read by a string of its own."""

from __future__ import annotations

import ast
import os
from pathlib import Path

import pytest
import test_desktop_layout

os.environ["MEMBERDESK_RAISE"] = "1"
ROOT = Path(__file__).resolve().parent.parent
TIMEOUT = 10_000
win = test_desktop_layout.win  # the same real window fixture


def _stored(store, key: str, value: str) -> None:
    with store.transaction() as conn:
        store.set_setting(conn, key, value)


def test_each_setting_is_declared_once_with_a_typed_default():
    from sync import settings

    declared = [value for value in vars(settings).values() if isinstance(value, settings.Option)]
    assert len({o.key for o in declared}) == len(declared) >= 13
    assert {o.key for o in declared} == set(settings.Option.registry)
    with pytest.raises(ValueError):
        settings.TextOption("printer", "", "a second declaration of a key is refused")
    assert settings.IDLE_MINUTES.default == 15 and isinstance(settings.IDLE_MINUTES.default, int)
    assert settings.PAPER.default == 80 and settings.SCANNER_BAUD.default == 9600
    # The sync engine reads the server address by the declared key.
    from sync.sync_keys import SERVER_URL

    assert SERVER_URL == settings.SERVER_URL.key == "sync.server_url"


def test_stored_text_reads_typed_and_bad_text_reads_as_the_default(local_store):
    from sync.settings import IDLE_MINUTES, LANGUAGE, PAPER, PRINTER_TRANSPORT, SCANNER_BAUD, Settings

    assert Settings.load(local_store).value(IDLE_MINUTES) == 15  # never set: the declared default
    for key, text in (("idle_minutes", " 30 "), ("paper", "58"), ("scanner_baud", "115200"), ("language", "en")):
        _stored(local_store, key, text)
    loaded = Settings.load(local_store)
    assert (loaded.value(IDLE_MINUTES), loaded.value(PAPER), loaded.value(SCANNER_BAUD)) == (30, 58, 115_200)
    assert loaded.value(LANGUAGE) == "en" and loaded.is_set(LANGUAGE)
    assert not loaded.is_set(PRINTER_TRANSPORT) and loaded.value(PRINTER_TRANSPORT) == "usb"
    # Unreadable, out of range, not a choice: the default, never a crash at start-up.
    for key, text in (("idle_minutes", "soon"), ("paper", "60"), ("scanner_baud", "0"), ("language", "fr")):
        _stored(local_store, key, text)
    loaded = Settings.load(local_store)
    assert (loaded.value(IDLE_MINUTES), loaded.value(PAPER), loaded.value(SCANNER_BAUD)) == (15, 80, 9600)
    assert loaded.value(LANGUAGE) == LANGUAGE.default
    assert loaded["paper"] == "60"  # the stored text itself is kept as it is


def test_the_old_server_url_key_is_migrated_into_the_one_key(store, local_store):
    """Registered terminal (``store``, against a real server): the old desk copy is dropped, the registered
    address stays. Unregistered: the typed-but-never-registered address is dropped (it would otherwise make
    the desk believe it is registered). A token without an address: the old address becomes the address."""
    from sync.settings import LEGACY_SERVER_URL, SERVER_URL, Settings
    from sync.sync_keys import TOKEN

    registered = SERVER_URL.read(store)
    assert registered.startswith("http://127.0.0.1:")
    _stored(store, LEGACY_SERVER_URL, "http://old.example:8000")
    Settings.load(store)
    assert store.setting(LEGACY_SERVER_URL) is None and SERVER_URL.read(store) == registered

    _stored(local_store, LEGACY_SERVER_URL, "http://typed.example:8000")
    Settings.load(local_store)
    assert store.setting(LEGACY_SERVER_URL) is None
    assert local_store.setting(LEGACY_SERVER_URL) is None and local_store.setting(SERVER_URL.key) is None

    _stored(local_store, TOKEN, "a-token")
    _stored(local_store, LEGACY_SERVER_URL, "http://kept.example:8000/")
    Settings.load(local_store)
    assert SERVER_URL.read(local_store) == "http://kept.example:8000"
    assert local_store.setting(LEGACY_SERVER_URL) is None


def test_printing_reads_the_declared_printer_keys():
    """``printing`` may not import ``sync``, so it names the keys itself: they must be the declared ones."""
    from printing.escpos import profiles
    from sync import settings

    assert settings.PRINTER_PROFILE.key == profiles.PROFILE_KEY
    assert settings.PRINTER_TRANSPORT.key == profiles.TRANSPORT_KEY
    assert settings.PRINTER_ADDRESS.key == profiles.ADDRESS_KEY
    assert settings.PRINTER_ENCODING.key == profiles.ENCODING_KEY
    assert settings.PRINTER_LOGO.key == profiles.LOGO_KEY
    assert settings.PAPER.key == profiles.PAPER_KEY


def literal_setting_reads(source: str) -> list[int]:
    """Lines that read or write a setting by a literal key: ``store.setting("…")``, ``settings.get("…")``,
    ``settings["…"]``."""
    lines: list[int] = []
    for node in ast.walk(ast.parse(source)):
        call = (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and (
                node.func.attr in ("setting", "set_setting")
                or (node.func.attr == "get" and "setting" in ast.unparse(node.func.value))
            )
            and any(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in node.args[:2])
        )
        subscript = (
            isinstance(node, ast.Subscript)
            and "settings" in ast.unparse(node.value)
            and isinstance(node.slice, ast.Constant)
        )
        if call or subscript:
            lines.append(node.lineno)
    return lines


def test_the_desk_reads_no_setting_by_a_string_key():
    """No setting read by a literal key in desktop/: every caller goes through a declaration."""
    sample = 'a = store.setting("paper")\nb = self.settings.get("idle_minutes", "15")\nc = win.settings["camera"]\n'
    assert literal_setting_reads(sample) == [1, 2, 3]  # the check sees each form
    assert literal_setting_reads("a = settings.value(PAPER)\nb = store.setting(PAPER.key)\n") == []
    found = [
        f"{path.relative_to(ROOT)}:{line}"
        for path in sorted((ROOT / "desktop").rglob("*.py"))
        for line in literal_setting_reads(path.read_text(encoding="utf-8"))
    ]
    assert not found, found


def test_settings_screen_shows_the_registered_server_and_saves_typed_values(qtbot, win, services, store):
    from sync.settings import IDLE_MINUTES, PAPER, SERVER_URL, Settings

    win.logged_in(services.login("M001", "1234"))
    win.show_settings()
    screen = win.settings_screen
    assert screen.server.text() == SERVER_URL.read(store) != ""  # one key: what the engine uses
    screen.idle.setValue(42)
    screen.paper.setCurrentIndex(screen.paper.findData("58"))
    screen.save()
    qtbot.waitUntil(lambda: "已保存" in screen.message.text(), timeout=TIMEOUT)
    assert win.idle_timer.interval() == 42 * 60_000
    reloaded = Settings.load(store)  # what the next start reads
    assert (reloaded.value(IDLE_MINUTES), reloaded.value(PAPER)) == (42, 58)
    assert store.setting("server_url") is None  # the second key is gone for good
    assert SERVER_URL.read(store) == screen.server.text()
