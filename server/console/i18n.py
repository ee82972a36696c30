"""Translation for the console's templates: ``_("English")`` in a template is looked up in context "Console".

lupdate reads only Python, so every template string is also listed in :mod:`server.console.strings`
(``python -m server.console.strings`` rewrites that file from the templates; a test checks it is current
and that every string has its translations).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from membership.i18n import DEFAULT_LANGUAGE, LANGUAGES, Message, catalog

CONTEXT = "Console"
TEMPLATES = Path(__file__).resolve().parent / "templates"
# _("…") or _('…') with an optional parameter list; the strings of the templates.
_CALL = re.compile(r"""_\(\s*"((?:[^"\\]|\\.)*)"|_\(\s*'((?:[^'\\]|\\.)*)'""")


def language_of(value: str | None) -> str:
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


def translator(language: str) -> Any:
    cat = catalog(language)

    def _(source: str, **params: Any) -> str:
        template = cat.translate(CONTEXT, source)
        try:
            return template.format(**params) if params else template
        except (KeyError, IndexError, ValueError):
            return source.format(**params)

    return _


def render_message(message: Message, language: str) -> str:
    return message.render(catalog(language))


def template_strings() -> list[str]:
    """Every ``_("…")`` string in the templates, in order of first appearance."""
    found: dict[str, None] = {}
    for path in sorted(TEMPLATES.glob("*.html")):
        for match in _CALL.finditer(path.read_text(encoding="utf-8")):
            found[match.group(1) or match.group(2)] = None
    return list(found)
