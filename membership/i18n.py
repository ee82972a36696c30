"""Translatable messages for layers without Qt, read from the same Qt Linguist .ts files the desktop uses.

User-visible text in `membership`, `sync`, `server` and `printing` is written as an English source string
wrapped in ``QT_TRANSLATE_NOOP(context, text)``; ``pyside6-lupdate`` extracts those calls into the
``resources/translations/*.ts`` files. The desktop compiles them to ``.qm`` for Qt; every other layer
reads the ``.ts`` XML directly with :class:`Catalog` below, so there is one source of truth.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

LANGUAGES = ("zh_CN", "zh_TW", "en")
DEFAULT_LANGUAGE = "zh_CN"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for extraction by lupdate; returns it unchanged."""
    return text


@dataclass(frozen=True)
class Text:
    """Data that comes with its own translations (a tier name, a gift, coupon terms) rather than a catalog."""

    zh_CN: str
    zh_TW: str
    en: str

    def get(self, language: str) -> str:
        return getattr(self, language, None) or self.zh_CN

    def to_json(self) -> dict[str, str]:
        return {"zh_CN": self.zh_CN, "zh_TW": self.zh_TW, "en": self.en}


@dataclass(frozen=True)
class Message:
    """A translatable message: an English source text with ``{name}`` placeholders and its values."""

    context: str
    text: str
    params: dict[str, Any] = field(default_factory=dict)

    def render(self, catalog: Catalog | None = None) -> str:
        language = catalog.language if catalog is not None else "en"
        template = catalog.translate(self.context, self.text) if catalog is not None else self.text
        params = {
            key: value.get(language)
            if isinstance(value, Text)
            else value.render(catalog)
            if isinstance(value, Message)
            else value
            for key, value in self.params.items()
        }
        try:
            return template.format(**params)
        except (KeyError, IndexError, ValueError):
            # A broken translation must never hide the message: fall back to the source text.
            return self.text.format(**params)

    def __str__(self) -> str:
        return self.render()

    def to_json(self) -> dict[str, Any]:
        """A JSON form, so a receipt can be reprinted in any language later."""
        params = {
            key: {"$text": value.to_json()}
            if isinstance(value, Text)
            else {"$msg": value.to_json()}
            if isinstance(value, Message)
            else value
            for key, value in self.params.items()
        }
        return {"context": self.context, "text": self.text, "params": params}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Message:
        params: dict[str, Any] = {}
        for key, value in data.get("params", {}).items():
            if isinstance(value, dict) and "$text" in value:
                params[key] = Text(**value["$text"])
            elif isinstance(value, dict) and "$msg" in value:
                params[key] = cls.from_json(value["$msg"])
            else:
                params[key] = value
        return cls(data["context"], data["text"], params)


class Catalog:
    """Translations of one language, read from a Qt Linguist ``.ts`` file."""

    def __init__(self, language: str, entries: dict[tuple[str, str], str]):
        self.language = language
        self._entries = entries

    def translate(self, context: str, text: str) -> str:
        return self._entries.get((context, text)) or text

    def __len__(self) -> int:
        return len(self._entries)

    @classmethod
    def from_ts(cls, path: Path, language: str) -> Catalog:
        entries: dict[tuple[str, str], str] = {}
        root = ET.parse(path).getroot()
        for context in root.iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                source = message.findtext("source") or ""
                translation = message.find("translation")
                if translation is None or translation.get("type") in ("unfinished", "obsolete", "vanished"):
                    continue
                if translation.text:
                    entries[(name, source)] = translation.text
        return cls(language, entries)


def translations_dir() -> Path:
    return Path(__file__).resolve().parent.parent / "resources" / "translations"


@lru_cache(maxsize=8)
def catalog(language: str = DEFAULT_LANGUAGE, directory: Path | None = None) -> Catalog:
    """The catalog for ``language``; English (the source language) is an empty catalog."""
    if language not in LANGUAGES:
        raise ValueError(f"unsupported language {language!r}; choose one of {', '.join(LANGUAGES)}")
    path = (directory or translations_dir()) / f"memberdesk_{language}.ts"
    if language == "en" or not path.exists():
        return Catalog(language, {})
    return Catalog.from_ts(path, language)
