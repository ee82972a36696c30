"""Translating, formatting and wrapping the text every document prints."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from typing import Any

from membership.i18n import DEFAULT_LANGUAGE, Catalog, Message, Text, catalog
from membership.money import format_yuan

from .fonts import char_width, ensure_fonts, string_width

CTX = "Print"


class Tr:
    """Translates the "Print" labels (and any Message or Text) into one language."""

    def __init__(self, language: str = DEFAULT_LANGUAGE):
        self.language = language
        self.catalog: Catalog = catalog(language)

    def __call__(self, source: str, **params: Any) -> str:
        """``source`` must be a literal wrapped in QT_TRANSLATE_NOOP("Print", ...) at the call site."""
        if not params:
            return self.catalog.translate(CTX, source)
        return self.msg(Message(CTX, source, params))

    def msg(self, message: Message) -> str:
        # Rendered here rather than with Message.render, which takes the language from the catalog only
        # when the catalog is truthy; a catalog with no entries yet (len 0) would print English.
        template = self.catalog.translate(message.context, message.text)
        params = {
            key: value.get(self.language)
            if isinstance(value, Text)
            else self.msg(value)
            if isinstance(value, Message)
            else value
            for key, value in message.params.items()
        }
        try:
            return template.format(**params)
        except (KeyError, IndexError, ValueError):
            # A broken translation must never hide the message: fall back to the source text.
            return message.text.format(**params)

    def text(self, value: Text | str | None) -> str:
        if value is None:
            return ""
        return value if isinstance(value, str) else value.get(self.language)


def yuan(fen: int) -> str:
    """¥1,234.50 (negative amounts as −¥12.00)."""
    return f"−¥{format_yuan(-fen)}" if fen < 0 else f"¥{format_yuan(fen)}"


def yuan_whole(fen: int) -> str:
    """¥5,000 for whole yuan (thresholds, minimum spends), ¥12.50 otherwise."""
    if fen % 100 == 0 and fen >= 0:
        return f"¥{fen // 100:,}"
    return yuan(fen)


def points(value: int) -> str:
    return f"{value:,}"


def signed_points(value: int) -> str:
    return f"+{value:,}" if value > 0 else f"−{-value:,}" if value < 0 else "0"


def yuan_plain(fen: int) -> str:
    """1234.50: for CSV cells, where thousands separators would split or confuse spreadsheets."""
    sign = "-" if fen < 0 else ""
    fen = abs(fen)
    return f"{sign}{fen // 100}.{fen % 100:02d}"


def _wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F")


def _break_between(before: str, after: str) -> bool:
    """A line may break after a space or hyphen, or next to any CJK character, but never before closing
    punctuation or after opening punctuation (the Chinese 避头尾 rules)."""
    if after in _NO_START or before in _NO_END:
        return False
    return before in " -/" or _wide(before) or _wide(after)


# Characters that must not start a line (Chinese line-breaking rules, 避头) and that must not end one.
_NO_START = set("，。、；：？！）》」』】〕〉”’,.;:?!)]}%·…")
_NO_END = set("（《「『【〔〈“‘([{¥$")


def wrap(text: str, size: float, width: float, bold: bool = False) -> list[str]:
    """Break ``text`` into lines no wider than ``width`` points in the bundled font at ``size``.

    Latin words stay whole where they fit; CJK text breaks between characters; a word longer than a
    line is cut by character so nothing ever runs off the paper. Explicit newlines are kept.
    """
    ensure_fonts()
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines.extend(_wrap_paragraph(paragraph, size, width, bold))
    return lines


def _wrap_paragraph(text: str, size: float, width: float, bold: bool) -> list[str]:
    if not text or string_width(text, size, bold) <= width:
        return [text]
    return _break_lines(text, width, lambda char: char_width(char, bold) * size)


def _break_lines(text: str, width: float, measure: Callable[[str], float]) -> list[str]:
    """Greedy line breaking shared by the PDF (points) and the thermal printer (columns)."""
    lines: list[str] = []
    start = 0
    n = len(text)
    while start < n:
        # Grow the line character by character, remembering the last place a break is allowed.
        width_so_far = 0.0
        last_break = -1
        i = start
        while i < n:
            w = measure(text[i])
            if width_so_far + w > width and i > start:
                break
            width_so_far += w
            if i + 1 < n and _break_between(text[i], text[i + 1]):
                last_break = i + 1
            i += 1
        if i >= n:
            lines.append(text[start:].rstrip())
            break
        cut = last_break if last_break > start else i
        lines.append(text[start:cut].rstrip())
        start = cut
        while start < n and text[start] == " ":
            start += 1
    return lines


def fit(text: str, size: float, width: float) -> str:
    """``text`` cut with an ellipsis to fit ``width``: for table cells where a second line would mislead."""
    if string_width(text, size) <= width:
        return text
    while text and string_width(text + "…", size) > width:
        text = text[:-1]
    return text + "…"


# -- fixed-pitch text (ESC/POS printers) ----------------------------------------------------------------


def cell_width(char: str) -> int:
    """Columns a character takes on a thermal printer in Chinese mode: 1 for ASCII, 2 for anything else.

    A printer in Chinese (Kanji) mode draws every multi-byte character from its double-width Chinese
    font, and GB18030/GBK encode every non-ASCII character in two or more bytes (· × “ ” included)."""
    return 1 if ord(char) < 0x80 else 2


def columns(text: str) -> int:
    """The width of ``text`` in printer columns (see :func:`cell_width`)."""
    return sum(cell_width(char) for char in text)


def wrap_columns(text: str, width: int) -> list[str]:
    """Break ``text`` into lines of at most ``width`` printer columns, with the same rules as :func:`wrap`:
    Latin words whole where they fit, CJK between characters, 避头尾, over-long words cut."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines.extend(_wrap_columns(paragraph, width))
    return lines


def _wrap_columns(text: str, width: int) -> list[str]:
    if columns(text) <= width:
        return [text]
    return _break_lines(text, width, cell_width)


__all__ = [
    "CTX",
    "Tr",
    "cell_width",
    "columns",
    "fit",
    "points",
    "signed_points",
    "wrap",
    "wrap_columns",
    "yuan",
    "yuan_plain",
]
