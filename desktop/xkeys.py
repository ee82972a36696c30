"""Keyboard-wedge scans read from the raw X key events, before a Chinese input method can take them.

With an input method active (ibus with a pinyin engine, reached through Qt's ibus input context), Qt
hands every key press to the IME before any widget or event filter sees it, and the IME does not give a
scan back intact: ibus-libpinyin holds the scanner's letters and commits them as one string, takes the
digits as candidate choices and swallows the Enter (``MA2B3CD45⏎`` arrives as the commit ``MABCD``).
So on Qt's ``xcb`` platform this module reads the scan one step earlier, from the X key events
themselves (``QAbstractNativeEventFilter``), where it sees each key's keycode, modifier state and the
X server's time stamp, before Qt or the IME do.

The first key of a scan arrives before anything shows it is one, so no key is let through blindly:

- a character key (or a modifier press: the Shift a scanner sends around a capital) is *held* for a
  short window (``hold_ms``, 40 ms). A person's next key comes 80 ms or more later: the held key is
  then *replayed*, sent back to the same window through the X server unchanged (same keycode, state
  and time), and reaches Qt and the IME as if nothing had happened, only a few tens of milliseconds late;
- a second character within ``max_gap_ms`` (35 ms, by the X server's time stamps) starts a burst: every
  key from then on is held (Shift presses and releases, CapsLock and NumLock included, so the IME never
  sees a lone Shift tap, which would switch it to English);
- a suffix (Enter, keypad Enter, Tab, Ctrl+J = LF, Ctrl+M = CR) ending a burst of at least
  ``min_length`` characters makes it a scan: the held keys are dropped (so neither the IME nor the
  focused field ever saw them), the releases of keys still down are swallowed when they come, the
  input method is reset, and the code goes to the :class:`desktop.scanner.WedgeDetector`'s
  ``code_scanned`` (the desk's one scan router, as for every other scan);
- anything else ends the hold and every held key is replayed in order: a fast typist, a burst without a
  suffix, a function key, a shortcut. Nothing a person types is lost or reordered (while a replay is on
  its way back, later keys are sent behind it rather than overtaking it).

Behind a modal dialog (a PIN prompt, a question) nothing is held: the dialog gets its keys, no scan is
routed. Keycodes become characters with the keyboard's own map through libxkbcommon (``libxkbcommon-x11``,
the library Qt's xcb platform itself uses), reloaded when the X keyboard mapping changes.

On other platforms (offscreen tests, Windows) nothing is installed: the Qt-level ``WedgeDetector``
keeps working there on its own, and it keeps working on xcb too for everything that reaches Qt.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import os
import time
from dataclasses import dataclass

from PySide6.QtCore import QAbstractNativeEventFilter, QCoreApplication, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

log = logging.getLogger("memberdesk.xkeys")

XCB_KEY_PRESS = 2
XCB_KEY_RELEASE = 3
XCB_FOCUS_IN = 9
XCB_FOCUS_OUT = 10
XCB_MAPPING_NOTIFY = 34
_SENT = 0x80  # the bit the X server sets on an event a client sent (our replays)
_EVENT_SIZE = 32
_LOST_REPLAY_S = 1.0  # a replay not back after this long went to a window that is gone

# Core modifier bits of xcb_key_press_event_t.state, by the names xkbcommon gives the real modifiers.
_CORE_MODS = ("Shift", "Lock", "Control", "Mod1", "Mod2", "Mod3", "Mod4", "Mod5")
_CONTROL = 1 << 2
# Ctrl, Alt and Super make a shortcut, never a character of a code (Shift, CapsLock, NumLock may).
_SHORTCUT_MODS = 1 << 2 | 1 << 3 | 1 << 6

# Keysyms: modifier keys on their own, and the suffixes a scanner ends a code with.
_MODIFIER_SYMS = frozenset(
    [*range(0xFFE1, 0xFFEF), *range(0xFE01, 0xFE10), 0xFF7E, 0xFF7F, 0xFF14]
)  # Shift/Control/Caps/Meta/Alt/Super/Hyper, ISO level shifts, Mode_switch, Num_Lock, Scroll_Lock
_SUFFIX_SYMS = frozenset({0xFF0D, 0xFF8D, 0xFF09, 0xFF0A})  # Return, KP_Enter, Tab, Linefeed
_SUFFIX_CHARS = frozenset({"\r", "\n", "\t"})
_CTRL_SUFFIX = {0x6A: "\n", 0x4A: "\n", 0x6D: "\r", 0x4D: "\r"}  # Ctrl+J = LF, Ctrl+M = CR


class _Cookie(ctypes.Structure):
    _fields_ = [("sequence", ctypes.c_uint)]


class _Libraries:
    """libxcb and libxkbcommon(-x11) through ctypes, with the signatures used here."""

    def __init__(self) -> None:
        self.xcb = ctypes.CDLL(ctypes.util.find_library("xcb") or "libxcb.so.1")
        self.xkb = ctypes.CDLL(ctypes.util.find_library("xkbcommon") or "libxkbcommon.so.0")
        self.xkb_x11 = ctypes.CDLL(ctypes.util.find_library("xkbcommon-x11") or "libxkbcommon-x11.so.0")
        self.libc = ctypes.CDLL(None)
        self.libc.free.argtypes = [ctypes.c_void_p]
        self.libc.free.restype = None
        p, c_int, c_uint32, c_char_p = ctypes.c_void_p, ctypes.c_int, ctypes.c_uint32, ctypes.c_char_p
        for lib, name, restype, argtypes in (
            (self.xcb, "xcb_connect", p, [c_char_p, ctypes.POINTER(c_int)]),
            (self.xcb, "xcb_connection_has_error", c_int, [p]),
            (self.xcb, "xcb_disconnect", None, [p]),
            (self.xcb, "xcb_flush", c_int, [p]),
            (self.xcb, "xcb_send_event", _Cookie, [p, ctypes.c_uint8, c_uint32, c_uint32, c_char_p]),
            (self.xcb, "xcb_poll_for_event", p, [p]),
            (self.xkb, "xkb_context_new", p, [c_int]),
            (self.xkb, "xkb_context_unref", None, [p]),
            (self.xkb, "xkb_keymap_unref", None, [p]),
            (self.xkb, "xkb_keymap_mod_get_index", c_uint32, [p, c_char_p]),
            (self.xkb, "xkb_state_new", p, [p]),
            (self.xkb, "xkb_state_unref", None, [p]),
            (
                self.xkb,
                "xkb_state_update_mask",
                c_int,
                [p, c_uint32, c_uint32, c_uint32, c_uint32, c_uint32, c_uint32],
            ),
            (self.xkb, "xkb_state_key_get_utf32", c_uint32, [p, c_uint32]),
            (self.xkb, "xkb_state_key_get_one_sym", c_uint32, [p, c_uint32]),
            (
                self.xkb_x11,
                "xkb_x11_setup_xkb_extension",
                c_int,
                [p, ctypes.c_uint16, ctypes.c_uint16, c_int] + [p] * 4,
            ),
            (self.xkb_x11, "xkb_x11_get_core_keyboard_device_id", ctypes.c_int32, [p]),
            (self.xkb_x11, "xkb_x11_keymap_new_from_device", p, [p, p, ctypes.c_int32, c_int]),
        ):
            function = getattr(lib, name)
            function.restype = restype
            function.argtypes = argtypes


class XConnection:
    """A second connection to the app's X display: the keyboard map (keycode → character) and the replays."""

    def __init__(self, display: str | None = None):
        self.lib = _Libraries()
        name = (display or os.environ.get("DISPLAY") or "").encode() or None
        self.conn = self.lib.xcb.xcb_connect(name, None)
        if not self.conn or self.lib.xcb.xcb_connection_has_error(self.conn):
            raise OSError(f"cannot connect to the X display {display or os.environ.get('DISPLAY')!r}")
        if not self.lib.xkb_x11.xkb_x11_setup_xkb_extension(self.conn, 1, 0, 0, None, None, None, None):
            self.close()
            raise OSError("the X server has no XKB extension")
        self.context = self.lib.xkb.xkb_context_new(0)
        self.keymap = None
        self.state = None
        self._mod_bits: list[int] = []
        self.load_keymap()

    def load_keymap(self) -> None:
        """(Re)read the keyboard map from the server, as Qt does when it changes."""
        xkb, x11 = self.lib.xkb, self.lib.xkb_x11
        device = x11.xkb_x11_get_core_keyboard_device_id(self.conn)
        keymap = x11.xkb_x11_keymap_new_from_device(self.context, self.conn, device, 0) if device >= 0 else None
        if not keymap:
            raise OSError("cannot read the X keyboard map")
        self._release_keymap()
        self.keymap = keymap
        self.state = xkb.xkb_state_new(keymap)
        self._mod_bits = []
        for name in _CORE_MODS:
            index = xkb.xkb_keymap_mod_get_index(keymap, name.encode())
            self._mod_bits.append(0 if index == 0xFFFFFFFF else 1 << index)

    def lookup(self, keycode: int, core_state: int) -> tuple[int, str]:
        """The keysym and the character (or "") a key gives with the modifiers of the event's state."""
        mask = 0
        for bit, xkb_bit in enumerate(self._mod_bits):
            if core_state & (1 << bit):
                mask |= xkb_bit
        group = (core_state >> 13) & 3
        xkb = self.lib.xkb
        xkb.xkb_state_update_mask(self.state, mask, 0, 0, 0, 0, group)
        sym = xkb.xkb_state_key_get_one_sym(self.state, keycode)
        code = xkb.xkb_state_key_get_utf32(self.state, keycode)
        return sym, chr(code) if 0 < code < 0x110000 else ""

    def send(self, raw: bytes) -> None:
        """Send a key event back to the window it was for; the X server delivers it to us (the window's
        creator) behind everything it already delivered."""
        window = int.from_bytes(raw[12:16], "little")
        self.lib.xcb.xcb_send_event(self.conn, 0, window, 0, raw[:_EVENT_SIZE])

    def flush(self) -> None:
        self.lib.xcb.xcb_flush(self.conn)
        # This connection selects no events, but the server still sends it a few (MappingNotify goes to
        # every client; an error if a replay's window has just closed): read and drop them, so they
        # never pile up.
        while event := self.lib.xcb.xcb_poll_for_event(self.conn):
            self.lib.libc.free(event)

    def _release_keymap(self) -> None:
        if self.state:
            self.lib.xkb.xkb_state_unref(self.state)
        if self.keymap:
            self.lib.xkb.xkb_keymap_unref(self.keymap)
        self.state = self.keymap = None

    def close(self) -> None:
        self._release_keymap()
        if getattr(self, "context", None):
            self.lib.xkb.xkb_context_unref(self.context)
            self.context = None
        if self.conn:
            self.lib.xcb.xcb_disconnect(self.conn)
            self.conn = None


@dataclass
class KeyEvent:
    raw: bytes
    press: bool
    keycode: int
    time: int  # X server time, ms
    state: int

    @classmethod
    def parse(cls, raw: bytes) -> KeyEvent:
        return cls(
            raw=raw,
            press=raw[0] & 0x7F == XCB_KEY_PRESS,
            keycode=raw[1],
            time=int.from_bytes(raw[4:8], "little"),
            state=int.from_bytes(raw[28:30], "little"),
        )


# What a key press is, for the burst.
MODIFIER, CHAR, SUFFIX, OTHER = "modifier", "char", "suffix", "other"


def classify(sym: int, char: str, state: int) -> tuple[str, str]:
    """A key press as the burst sees it: a modifier on its own, a character of a code, a suffix, or other."""
    if sym in _MODIFIER_SYMS:
        return MODIFIER, ""
    if state & _CONTROL and (sym in _CTRL_SUFFIX or char in ("\n", "\r")):
        return SUFFIX, _CTRL_SUFFIX.get(sym, char)
    if sym in _SUFFIX_SYMS or char in _SUFFIX_CHARS:
        return SUFFIX, char or "\r"
    if state & _SHORTCUT_MODS or len(char) != 1 or not (" " <= char <= "~"):
        return OTHER, ""
    return CHAR, char


class XcbWedgeFilter(QAbstractNativeEventFilter):
    """Recognises wedge-scanner bursts in the raw X key events and keeps them from the input method."""

    def __init__(
        self,
        deliver,
        connection: XConnection,
        max_gap_ms: int = 35,
        hold_ms: int = 40,
        give_back_ms: int = 150,
        min_length: int = 4,
    ):
        super().__init__()
        self.deliver = deliver  # called (on the GUI thread, outside the event filter) with each scanned code
        self.x = connection
        self.max_gap_ms = max_gap_ms
        self.min_length = min_length
        self.hold_ms = hold_ms
        self.give_back_ms = give_back_ms
        self.held: list[KeyEvent] = []
        self.chars: list[str] = []
        self.last_char_time = 0
        self.down: set[int] = set()  # keys the server says are down (a press of one of them is auto-repeat)
        self.swallow_releases: set[int] = set()  # keys of a recognised scan still down: their releases go too
        self.in_flight = 0  # replays sent and not yet back
        self.sent_at = 0.0  # when the last replay was sent (monotonic)
        self.timer = QTimer()
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._timeout)
        self._in_timeout = False

    # -- the filter ----------------------------------------------------------------------------------------

    def nativeEventFilter(self, event_type, message):  # Qt calls it with every X event, first
        if bytes(event_type) != b"xcb_generic_event_t":
            return False, 0
        address = int(message)  # a shiboken VoidPtr without a size: only its address is of use
        if not address:
            return False, 0
        head = ctypes.string_at(address, 1)[0]
        kind = head & 0x7F
        if kind == XCB_MAPPING_NOTIFY:
            self._keymap_changed()
            return False, 0
        if kind in (XCB_FOCUS_IN, XCB_FOCUS_OUT):
            self.down.clear()  # a key released while another window had the focus never tells us
            return False, 0
        if kind not in (XCB_KEY_PRESS, XCB_KEY_RELEASE):
            return False, 0
        if head & _SENT:
            # A replay of ours coming back (or another client's synthetic key): Qt and the IME take it.
            self.in_flight = max(0, self.in_flight - 1)
            return False, 0
        try:
            return self._key(KeyEvent.parse(ctypes.string_at(address, _EVENT_SIZE))), 0
        except Exception:  # the keyboard must keep working whatever happens here
            log.exception("the X key filter failed; replaying what it held")
            self._replay_held()
            return False, 0

    def _key(self, event: KeyEvent) -> bool:
        """True: the event is held, replayed or part of a scan (Qt must not see it now)."""
        if not event.press:
            self.down.discard(event.keycode)
            if event.keycode in self.swallow_releases:
                self.swallow_releases.discard(event.keycode)
                return True
            if self.held:
                return self._hold(event, self.give_back_ms if self._burst() else self.hold_ms)
            return self._pass(event)
        repeat = event.keycode in self.down
        self.down.add(event.keycode)
        if QApplication.activeModalWidget() is not None:
            self._replay_held()  # a dialog is open: its keys are its own, no scan is routed
            return self._pass(event)
        sym, char = self.x.lookup(event.keycode, event.state)
        what, char = classify(sym, char, event.state)
        if repeat and what != MODIFIER:
            what = OTHER  # a key held down repeating is a person's
        if what == MODIFIER:
            return self._hold(event, self.give_back_ms if self._burst() else self.hold_ms)
        if what == CHAR:
            if self.chars and event.time - self.last_char_time > self.max_gap_ms:
                self._replay_held()  # too slow for a scanner: what was held was a person's
            self.chars.append(char)
            self.last_char_time = event.time
            return self._hold(event, self.give_back_ms if self._burst() else self.hold_ms)
        if (
            what == SUFFIX
            and self._burst()
            and len(self.chars) >= self.min_length
            and event.time - self.last_char_time <= self.max_gap_ms * 2
        ):
            self._scanned(event)
            return True
        # A key that is not part of a code (or a suffix too early): everything held goes back in order.
        if self.held:
            self.held.append(event)
            self._replay_held()
            return True
        return self._pass(event)

    def _burst(self) -> bool:
        return len(self.chars) >= 2

    def _hold(self, event: KeyEvent, window_ms: int) -> bool:
        self.held.append(event)
        self.timer.start(window_ms)
        return True

    def _pass(self, event: KeyEvent) -> bool:
        """Let a key through, unless replays are still on their way: then it is sent behind them."""
        if self.in_flight and time.monotonic() - self.sent_at > _LOST_REPLAY_S:
            self.in_flight = 0  # sent to a window that closed meanwhile: it will never come back
        if not self.in_flight:
            return False
        self._send([event])
        return True

    # -- outcomes -----------------------------------------------------------------------------------------

    def _scanned(self, suffix: KeyEvent) -> None:
        code = "".join(self.chars)
        down: set[int] = set()
        orphans: list[KeyEvent] = []  # releases of keys pressed before the scan began (a person's)
        for event in self.held:
            if event.press:
                down.add(event.keycode)
            elif event.keycode in down:
                down.discard(event.keycode)
            else:
                orphans.append(event)
        self.swallow_releases |= down | {suffix.keycode}
        self._clear()
        if orphans:
            self._send(orphans)
        QTimer.singleShot(0, lambda: self._deliver(code))

    def _deliver(self, code: str) -> None:
        # Nothing of the scan reached the IME; a composition the person had open is dropped with it.
        QGuiApplication.inputMethod().reset()
        self.deliver(code)

    def _timeout(self) -> None:
        if self._in_timeout or not self.held:
            return
        # Keys the X server already sent may be waiting in Qt's queue (the GUI thread was busy): take them
        # in first, so a scanner's next key is not mistaken for silence.
        self._in_timeout = True
        try:
            QCoreApplication.processEvents()
        finally:
            self._in_timeout = False
        if self.held and not self.timer.isActive():
            self._replay_held()

    def _replay_held(self) -> None:
        held = self.held
        self._clear()
        if held:
            self._send(held)

    def _send(self, events: list[KeyEvent]) -> None:
        for event in events:
            self.x.send(event.raw)
        self.in_flight += len(events)
        self.sent_at = time.monotonic()
        self.x.flush()

    def _clear(self) -> None:
        self.timer.stop()
        self.held = []
        self.chars = []
        self.last_char_time = 0

    def _keymap_changed(self) -> None:
        try:
            self.x.load_keymap()
        except OSError:
            log.exception("cannot reload the X keyboard map; keeping the old one")

    def close(self) -> None:
        self._clear()  # the app is closing: what is held is dropped with its windows
        self.x.close()


def install(app: QCoreApplication, deliver) -> XcbWedgeFilter | None:
    """On Qt's xcb platform, read wedge scans from the X key events (see the module docstring); elsewhere
    (offscreen, Windows, Wayland) do nothing and return None. ``deliver(code)`` gets each scanned code."""
    if QGuiApplication.platformName() != "xcb" or os.environ.get("MEMBERDESK_XKEYS") == "0":
        return None
    try:
        connection = XConnection()
    except OSError as exc:
        log.warning("wedge scans are read through Qt only (an active IME may mangle them): %s", exc)
        return None
    native = XcbWedgeFilter(deliver, connection)
    app.installNativeEventFilter(native)
    return native


def uninstall(app: QCoreApplication, native: XcbWedgeFilter | None) -> None:
    if native is not None:
        app.removeNativeEventFilter(native)
        native.close()
