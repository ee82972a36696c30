"""Every setting of a terminal, declared once: its key in the store's settings table, its type and default.

The shape is MusicBrainz Picard's ``picard/config.py``: each setting is an ``Option`` object declared at
module level (a text, a whole number within bounds, or one of a list of choices) and registered by its
key, so a key cannot be declared twice and nothing reads a setting with a string default of its own.
Callers read ``OPTION.read(store)`` or ``settings.value(OPTION)`` (``Settings`` below) and get the typed
value; stored text that is missing or unreadable gives the declared default.

The settings are kept as text in the store (``settings`` table, ``Store.setting``/``set_setting``); the
sync engine's own bookkeeping (its token, pull cursor, audit anchor) lives beside them in
``sync/sync_keys.py`` and is not something staff set. The server address has one key, ``SERVER_URL``:
the address this terminal registered with, which the engine uses. The desk once kept a second key,
``server_url``, for what was typed in Settings; :func:`migrate` folds it into the one key.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, MutableMapping
from typing import Any, ClassVar, Generic, TypeVar

from membership.i18n import DEFAULT_LANGUAGE, LANGUAGES

T = TypeVar("T")


class Option(Generic[T]):
    """One setting: ``key`` in the settings table, the typed ``default``, what it is for."""

    registry: ClassVar[dict[str, Option[Any]]] = {}

    def __init__(self, key: str, default: T, description: str) -> None:
        if key in Option.registry:
            raise ValueError(f"the setting {key!r} is declared twice")
        self.key, self.default, self.description = key, default, description
        Option.registry[key] = self

    def parse(self, text: str) -> T:
        """The typed value of stored text; ``ValueError`` when the text is not one."""
        raise NotImplementedError

    def text(self, value: T) -> str:
        """The text stored for ``value``."""
        return str(value)

    def value(self, raw: str | None) -> T:
        """The typed value of what is stored: the default when nothing is, or when it does not parse."""
        if raw is None:
            return self.default
        try:
            return self.parse(raw)
        except ValueError:
            return self.default

    def read(self, store: Any) -> T:
        """This setting's value in ``store`` (a ``sync.store.Store``)."""
        return self.value(store.setting(self.key))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.key!r}, default={self.default!r})"


class TextOption(Option[str]):
    def parse(self, text: str) -> str:
        return text


class ChoiceOption(Option[str]):
    """Text that must be one of ``choices`` (anything else reads as the default)."""

    def __init__(self, key: str, default: str, choices: tuple[str, ...], description: str) -> None:
        if default not in choices:
            raise ValueError(f"the default of {key!r} is not one of its choices")
        self.choices = choices
        super().__init__(key, default, description)

    def parse(self, text: str) -> str:
        if text not in self.choices:
            raise ValueError(text)
        return text


class FloatOption(Option[float]):
    """A number between ``minimum`` and ``maximum`` (inclusive)."""

    def __init__(self, key: str, default: float, minimum: float, maximum: float, description: str) -> None:
        if not minimum <= default <= maximum:
            raise ValueError(f"the default of {key!r} is outside its range")
        self.minimum, self.maximum = minimum, maximum
        super().__init__(key, default, description)

    def parse(self, text: str) -> float:
        number = float(text.strip())
        if not self.minimum <= number <= self.maximum:  # also refuses nan
            raise ValueError(text)
        return number


class IntOption(Option[int]):
    """A whole number between ``minimum`` and ``maximum`` (inclusive), or one of ``choices``."""

    def __init__(
        self,
        key: str,
        default: int,
        minimum: int,
        maximum: int,
        description: str,
        choices: tuple[int, ...] | None = None,
    ) -> None:
        if not minimum <= default <= maximum or (choices is not None and default not in choices):
            raise ValueError(f"the default of {key!r} is outside its range")
        self.minimum, self.maximum, self.choices = minimum, maximum, choices
        super().__init__(key, default, description)

    def parse(self, text: str) -> int:
        number = int(text.strip())
        if not self.minimum <= number <= self.maximum or (self.choices is not None and number not in self.choices):
            raise ValueError(text)
        return number


# -- the settings ------------------------------------------------------------------------------------------

SERVER_URL = TextOption(
    "sync.server_url", "", "The central server this terminal registered with (empty: not registered)."
)
LANGUAGE = ChoiceOption("language", DEFAULT_LANGUAGE, tuple(LANGUAGES), "The desk's language.")
IDLE_MINUTES = IntOption("idle_minutes", 15, 1, 120, "Minutes without a key or a touch before the desk locks.")
CAMERA = TextOption("camera", "", "The camera that reads member codes, by index (empty: scanner only).")
PRINTER = TextOption("printer", "", "The printer for A4 and PDF documents, by queue name (empty: print preview).")
PAPER = IntOption("paper", 80, 58, 80, "The receipt paper's width in millimetres.", choices=(58, 80))
PRINTER_PROFILE = TextOption(
    "printer_profile", "", "The receipt printer: 'none', 'pdf' (a driver's queue) or an ESC/POS model's key."
)
PRINTER_TRANSPORT = ChoiceOption(
    "printer_transport", "usb", ("usb", "tcp", "cups"), "How the ESC/POS printer is reached."
)
PRINTER_ADDRESS = TextOption("printer_address", "", "Its device file, host:port or raw queue name.")
PRINTER_ENCODING = TextOption("printer_encoding", "", "Its Chinese code page (empty: as the model).")
PRINTER_LOGO = TextOption("printer_logo", "", "A PNG printed at the top of every slip (empty: none).")
SCANNER_PORT = TextOption("scanner_port", "", "The serial port of a USB-COM scanner (empty: none).")
# How long an online pre-check (balance, coupon status) waits for the server before the desk goes on
# offline rules (half for connecting, half for the answer); set by an operator, not on the Settings screen.
ONLINE_CHECK_TIMEOUT = FloatOption(
    "sync.online_check_timeout_s", 2.0, 0.2, 30.0, "Seconds an online pre-check waits before offline rules."
)
SCANNER_BAUD = IntOption("scanner_baud", 9600, 1200, 115_200, "The serial scanner's speed in baud.")

# The desk's settings, loaded when its window opens (in this order on the Settings screen's save).
DESK_OPTIONS: tuple[Option[Any], ...] = (
    LANGUAGE,
    IDLE_MINUTES,
    CAMERA,
    PRINTER,
    PAPER,
    PRINTER_PROFILE,
    PRINTER_TRANSPORT,
    PRINTER_ADDRESS,
    PRINTER_ENCODING,
    PRINTER_LOGO,
    SCANNER_PORT,
    SCANNER_BAUD,
)

SERVER_URL_KEY = SERVER_URL.key  # the plain key, for the sync modules that read the store directly
LEGACY_SERVER_URL = "server_url"  # the desk's old second key for the server address


def migrate(store: Any) -> None:
    """Fold the old ``server_url`` key into ``SERVER_URL``, once.

    A registered terminal always has ``SERVER_URL`` (registration writes it), so the old key is a stale
    copy and is dropped. A terminal that holds a sign-in token but no ``SERVER_URL`` gets the old address
    as its one server address. On a terminal never registered the old key only remembered what was typed
    in Settings before registering; an address means nothing to the engine without registration (and
    ``SERVER_URL`` set means "registered" to the desk), so it is dropped too: the address is typed again
    with the one-time code.
    """
    old = store.setting(LEGACY_SERVER_URL)
    if old is None:
        return
    with store.transaction() as conn:
        from .sync_keys import TOKEN

        if not store.setting(SERVER_URL.key) and old.strip() and store.setting(TOKEN):
            store.set_setting(conn, SERVER_URL.key, old.strip().rstrip("/"))
        conn.execute("DELETE FROM settings WHERE key = ?", (LEGACY_SERVER_URL,))


class Settings(MutableMapping[str, str]):
    """A terminal's desk settings in memory: the stored text by key (what is saved and what the printing
    package's ``config_from_settings`` reads), and ``value(OPTION)`` for the typed value."""

    def __init__(self, raw: Mapping[str, str] | None = None) -> None:
        self._raw: dict[str, str] = dict(raw or {})

    @classmethod
    def load(cls, store: Any, options: tuple[Option[Any], ...] = DESK_OPTIONS) -> Settings:
        """The stored ``options`` (those never set are left out, so ``is_set`` can tell)."""
        migrate(store)
        return cls({o.key: value for o in options if (value := store.setting(o.key)) is not None})

    def value(self, option: Option[T]) -> T:
        return option.value(self._raw.get(option.key))

    def is_set(self, option: Option[Any]) -> bool:
        """Whether the setting was ever saved at this terminal (a first run has none)."""
        return option.key in self._raw

    def __getitem__(self, key: str) -> str:
        return self._raw[key]

    def __setitem__(self, key: str, value: str) -> None:
        self._raw[key] = value

    def __delitem__(self, key: str) -> None:
        del self._raw[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._raw)

    def __len__(self) -> int:
        return len(self._raw)
