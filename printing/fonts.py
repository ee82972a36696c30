"""The bundled fonts, registered once for reportlab, with per-character face selection and a thread-safe canvas.

Droid Sans Fallback has every CJK character but no Latin letters or digits (it is a fallback face);
Roboto has those. Text is therefore drawn in *runs*: each character goes to Roboto when Roboto has
it, to Droid Sans Fallback otherwise. Both are Apache-2.0; the licences sit next to the files.
"""

from __future__ import annotations

import threading
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

LATIN = "MemberDeskLatin"
LATIN_BOLD = "MemberDeskLatin-Bold"
CJK = "MemberDeskCJK"
FONT = LATIN  # the base face of paragraph styles; CJK runs are switched in by markup()

FILES = {
    LATIN: "Roboto-Regular.ttf",
    LATIN_BOLD: "Roboto-Bold.ttf",
    CJK: "DroidSansFallbackFull.ttf",
}

_register_lock = threading.Lock()
_registered = False
_latin_chars: frozenset[int] = frozenset()
# Glyph advance widths per 1 pt of font size, filled on first use. Plain dict writes are atomic under
# the GIL, and two threads computing the same width write the same value, so no lock is needed.
_widths: dict[tuple[str, str], float] = {}

# reportlab embeds a subset of each font when a document is saved, reading the font file through a
# cursor shared by every document (TTFontParser._pos). Two threads saving at once would interleave
# their reads, so saving is serialised; it takes milliseconds, and the layout before it runs in parallel.
_subset_lock = threading.Lock()


def fonts_dir() -> Path:
    return Path(__file__).resolve().parent.parent / "resources" / "fonts"


def ensure_fonts() -> str:
    """Register the bundled fonts with reportlab (once, ~0.2 s) and return the base face name."""
    global _registered, _latin_chars
    if _registered:
        return FONT
    with _register_lock:
        if not _registered:
            for name, file in FILES.items():
                path = fonts_dir() / file
                if not path.exists():
                    raise FileNotFoundError(f"a bundled font is missing: {path}")
                font = TTFont(name, str(path))
                pdfmetrics.registerFont(font)
                if name == LATIN:
                    _latin_chars = frozenset(font.face.charToGlyph)
            # <b> in paragraph markup picks Roboto Bold for Latin runs.
            addMapping(LATIN, 0, 0, LATIN)
            addMapping(LATIN, 1, 0, LATIN_BOLD)
            addMapping(LATIN, 0, 1, LATIN)
            addMapping(LATIN, 1, 1, LATIN_BOLD)
            addMapping(CJK, 0, 0, CJK)
            addMapping(CJK, 1, 0, CJK)
            addMapping(CJK, 0, 1, CJK)
            addMapping(CJK, 1, 1, CJK)
            _registered = True
    return FONT


def face_for(char: str, bold: bool = False) -> str:
    if ord(char) in _latin_chars:
        return LATIN_BOLD if bold else LATIN
    return CJK


def runs(text: str, bold: bool = False) -> list[tuple[str, str]]:
    """``text`` split into (face, chunk) runs; spaces stay in the run they are in."""
    ensure_fonts()
    latin = LATIN_BOLD if bold else LATIN
    if text.isascii():
        return [(latin, text)] if text else []
    out: list[tuple[str, str]] = []
    current = ""
    start = 0
    for i, char in enumerate(text):
        if char == " " and current:
            continue
        face = latin if ord(char) in _latin_chars else CJK
        if face != current:
            if current:
                out.append((current, text[start:i]))
            current, start = face, i
    if current:
        out.append((current, text[start:]))
    return out


def char_width(char: str, bold: bool = False) -> float:
    """The advance width of ``char`` at 1 pt in the face it will be drawn in."""
    face = face_for(char, bold)
    key = (face, char)
    width = _widths.get(key)
    if width is None:
        width = pdfmetrics.stringWidth(char, face, 1.0)
        _widths[key] = width
    return width


def string_width(text: str, size: float, bold: bool = False) -> float:
    ensure_fonts()
    return size * sum(char_width(char, bold) for char in text)


def draw_runs(
    canvas: Canvas, x: float, y: float, text: str, size: float, *, bold: bool = False, anchor: str = "start"
) -> float:
    """Draw ``text`` with its baseline at ``y``; ``anchor`` is start, middle or end. Returns the width.

    Bold uses Roboto Bold for Latin runs; the CJK face has no bold, so its glyphs are filled and
    stroked to thicken them.
    """
    width = string_width(text, size, bold)
    if anchor == "middle":
        x -= width / 2
    elif anchor == "end":
        x -= width
    t = canvas.beginText(x, y)
    for face, chunk in runs(text, bold):
        t.setFont(face, size)
        if bold and face == CJK:
            t.setTextRenderMode(2)
            canvas.setLineWidth(size * 0.035)
        t.textOut(chunk)
        if bold and face == CJK:
            t.setTextRenderMode(0)
    canvas.drawText(t)
    return width


def markup(text: str, bold: bool = False) -> str:
    """``text`` as escaped Paragraph markup with the CJK runs in the CJK face (newlines become breaks)."""
    parts = []
    for face, chunk in runs(text):
        chunk = escape(chunk).replace("\n", "<br/>")
        parts.append(f'<font face="{CJK}">{chunk}</font>' if face == CJK else chunk)
    joined = "".join(parts)
    return f"<b>{joined}</b>" if bold else joined


class SafeCanvas(Canvas):
    """A reportlab canvas whose ``save`` (where fonts are subset) holds the process-wide font lock.

    Output is invariant (no creation date or random document id), so the same data always gives the
    same bytes: reprints are byte-identical and tests can compare documents.
    """

    def __init__(self, *args, **kwargs):
        # platypus passes invariant=None and pageCompression=None explicitly, so setdefault is not enough.
        if kwargs.get("invariant") is None:
            kwargs["invariant"] = 1
        if kwargs.get("pageCompression") is None:
            kwargs["pageCompression"] = 1
        super().__init__(*args, **kwargs)

    def save(self) -> None:
        with _subset_lock:
            super().save()
