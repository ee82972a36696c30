"""Receipt-printer models and the set-up of one desk's printer: model profile, transport, address, paper.

A profile says what the printer's firmware understands: its Chinese encoding (GB18030, GBK or UTF-8),
whether it draws QR codes itself (``GS ( k``) or needs them as a raster image, and the paper widths it
takes. The desk keeps one settings key per thing (see ``SETTING_KEYS``); :func:`config_from_settings`
turns them into a :class:`PrinterConfig` or explains, translated, what is wrong.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from membership.i18n import QT_TRANSLATE_NOOP, Message

CTX = "Print"

ENCODINGS = ("gb18030", "gbk", "utf-8")
TRANSPORTS = ("usb", "tcp", "cups")
DEFAULT_TCP_PORT = 9100

# Settings keys, one per thing. ``paper`` (80/58) and ``printer`` (the CUPS queue for PDF documents)
# already existed and keep their meaning; ``printer_profile`` chooses ESC/POS or PDF for slips.
PROFILE_KEY = "printer_profile"
TRANSPORT_KEY = "printer_transport"
ADDRESS_KEY = "printer_address"
ENCODING_KEY = "printer_encoding"
LOGO_KEY = "printer_logo"
PAPER_KEY = "paper"
SETTING_KEYS = (PROFILE_KEY, TRANSPORT_KEY, ADDRESS_KEY, ENCODING_KEY, LOGO_KEY)

# ``printer_profile`` values that are not ESC/POS models.
PDF = "pdf"  # slips as PDF through the system print queue (a printer with a driver), A4 always so
NONE = "none"  # no printer at this desk: documents open in a print preview


@dataclass(frozen=True)
class PrinterProfile:
    key: str
    name: str  # the model as printed on the printer; brand names are not translated
    encoding: str  # what the firmware expects in Chinese mode
    native_qr: bool  # draws QR codes from GS ( k; otherwise they are sent as a raster image
    widths: tuple[int, ...]  # paper widths in mm the model takes


PROFILES: dict[str, PrinterProfile] = {
    p.key: p
    for p in (
        PrinterProfile("epson-tm-t88-cn", "Epson TM-T88 (Chinese model)", "gb18030", True, (80, 58)),
        PrinterProfile("xprinter-xp80", "Xprinter XP-80", "gbk", True, (80,)),
        PrinterProfile("xprinter-xp58", "Xprinter XP-58", "gbk", False, (58,)),
        PrinterProfile("gprinter-80", "Gprinter GP-80", "gb18030", True, (80,)),
        PrinterProfile("gprinter-58", "Gprinter GP-58", "gb18030", False, (58,)),
        PrinterProfile("generic-utf8", "ESC/POS printer, UTF-8", "utf-8", True, (80, 58)),
        PrinterProfile("generic-raster", "ESC/POS printer, GB18030, no QR command", "gb18030", False, (80, 58)),
    )
}

# Dots across the printable width (203 dpi heads: 72 mm of an 80 mm roll, 48 mm of a 58 mm roll) and
# columns of the standard 12 × 24 font. CJK characters take two columns.
DOTS = {80: 576, 58: 384}
COLUMNS = {80: 48, 58: 32}


class ConfigError(ValueError):
    """The printer set-up is incomplete or wrong; ``message`` says what to fix, translatably."""

    def __init__(self, message: Message):
        super().__init__(message.text)
        self.message = message


def _bad(text: str, **params: object) -> ConfigError:
    return ConfigError(Message(CTX, text, params))


@dataclass(frozen=True)
class PrinterConfig:
    """One desk's receipt printer, as the ESC/POS code needs it."""

    profile: PrinterProfile
    transport: str  # "usb" (device file), "tcp" (port 9100) or "cups" (a raw queue)
    address: str  # /dev/usb/lp0, host or host:port, or the queue name
    width_mm: int = 80
    encoding_override: str = ""  # "" uses the profile's
    logo: str = ""  # a PNG/BMP printed at the top of every slip, or ""

    @property
    def encoding(self) -> str:
        return self.encoding_override or self.profile.encoding

    @property
    def columns(self) -> int:
        return COLUMNS[self.width_mm]

    @property
    def dots(self) -> int:
        return DOTS[self.width_mm]

    @property
    def label(self) -> str:
        """How messages name the printer: model and where it is."""
        return f"{self.profile.name} ({self.address})"

    def tcp_endpoint(self) -> tuple[str, int]:
        return parse_tcp_address(self.address)


def parse_tcp_address(address: str) -> tuple[str, int]:
    host, sep, port = address.strip().rpartition(":")
    if not sep:
        host, port = address.strip(), str(DEFAULT_TCP_PORT)
    host = host.strip("[]")
    if not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise _bad(
            QT_TRANSLATE_NOOP(
                "Print", "“{address}” is not a printer network address. Write it as 192.168.1.50 or 192.168.1.50:9100."
            ),
            address=address,
        )
    return host, int(port)


def make_config(
    profile: str,
    transport: str,
    address: str,
    width_mm: int | str = 80,
    encoding: str = "",
    logo: str = "",
) -> PrinterConfig:
    """Check one set-up and build its :class:`PrinterConfig`; raises :class:`ConfigError` with what to fix."""
    found = PROFILES.get(profile.strip())
    if found is None:
        raise _bad(
            QT_TRANSLATE_NOOP("Print", "Unknown printer model “{profile}”. Choose one of: {choices}."),
            profile=profile,
            choices=", ".join(PROFILES),
        )
    transport = transport.strip().lower()
    if transport not in TRANSPORTS:
        raise _bad(
            QT_TRANSLATE_NOOP("Print", "Unknown printer connection “{transport}”. Choose usb, tcp or cups."),
            transport=transport,
        )
    address = address.strip()
    if not address:
        raise _bad(
            QT_TRANSLATE_NOOP(
                "Print",
                "The printer address is empty. Give the device (/dev/usb/lp0), the network address "
                "(192.168.1.50:9100) or the print queue's name.",
            )
        )
    if transport == "tcp":
        parse_tcp_address(address)
    try:
        width = int(width_mm)
    except (TypeError, ValueError):
        width = 0
    if width not in DOTS:
        raise _bad(QT_TRANSLATE_NOOP("Print", "Receipt paper must be 80 or 58 mm wide."))
    if width not in found.widths:
        raise _bad(
            QT_TRANSLATE_NOOP("Print", "The {model} takes {widths} mm paper, not {width} mm."),
            model=found.name,
            widths=" / ".join(str(w) for w in found.widths),
            width=width,
        )
    encoding = encoding.strip().lower()
    if encoding and encoding not in ENCODINGS:
        raise _bad(
            QT_TRANSLATE_NOOP("Print", "Unknown printer encoding “{encoding}”. Choose GB18030, GBK or UTF-8."),
            encoding=encoding,
        )
    return PrinterConfig(found, transport, address, width, encoding, logo.strip())


def config_from_settings(settings: Mapping[str, str]) -> PrinterConfig | None:
    """The ESC/POS printer the settings describe, or None when slips go to PDF (or there is no printer)."""
    profile = settings.get(PROFILE_KEY, "") or ""
    if profile in ("", PDF, NONE):
        return None
    return make_config(
        profile,
        settings.get(TRANSPORT_KEY, "") or "",
        settings.get(ADDRESS_KEY, "") or "",
        settings.get(PAPER_KEY, "80") or "80",
        settings.get(ENCODING_KEY, "") or "",
        settings.get(LOGO_KEY, "") or "",
    )
