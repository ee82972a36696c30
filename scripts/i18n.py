"""Maintain the Qt Linguist translation files: extract, fill from the TSV sources, check, compile.

    python scripts/i18n.py update    # lupdate over every package, then fill translations from src/*.tsv
    python scripts/i18n.py check     # list strings without a translation (exit 1 if any)
    python scripts/i18n.py release   # compile .ts to .qm for Qt (done by set-up; .qm files are not committed)

Translations are written in ``resources/translations/src/<area>.tsv`` (context, source, zh_CN, zh_TW;
tab-separated; ``\\n`` for a line break) so they review well in diffs; ``update`` merges them into the
``memberdesk_<lang>.ts`` files that Qt and :mod:`membership.i18n` read. A translation typed into a
``.ts`` file with Qt Linguist is kept unless a TSV row for the same string says otherwise.
"""

from __future__ import annotations

import csv
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
SOURCES = ["membership", "sync", "server", "printing", "desktop"]
LANGS = {"zh_CN": "zh_CN", "zh_TW": "zh_TW", "en": "en"}


def _tool(name: str) -> str:
    here = Path(sys.executable).parent / name
    found = str(here) if here.exists() else shutil.which(name)
    if not found:
        sys.exit(f"{name} not found: install the dev environment first (scripts/test does)")
    return found


def read_tsv_rows() -> dict[tuple[str, str], tuple[str, str]]:
    rows: dict[tuple[str, str], tuple[str, str]] = {}
    for path in sorted((TRANSLATIONS / "src").glob("*.tsv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for lineno, row in enumerate(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE), 1):
                if not row or row[0].startswith("#"):
                    continue
                if len(row) != 4:
                    sys.exit(f"{path.name}:{lineno}: expected 4 tab-separated columns, got {len(row)}")
                context, source, zh_cn, zh_tw = (cell.replace("\\n", "\n") for cell in row)
                rows[(context, source)] = (zh_cn, zh_tw)
    return rows


def _ts_path(lang: str) -> Path:
    return TRANSLATIONS / f"memberdesk_{lang}.ts"


def update() -> None:
    files = [str(p) for pkg in SOURCES for p in sorted((ROOT / pkg).rglob("*.py"))]
    for lang in LANGS:
        subprocess.run(
            [
                _tool("pyside6-lupdate"),
                "-no-obsolete",
                "-locations",
                "none",
                "-target-language",
                lang,
                *files,
                "-ts",
                str(_ts_path(lang)),
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    rows = read_tsv_rows()
    for lang in ("zh_CN", "zh_TW"):
        path = _ts_path(lang)
        tree = ET.parse(path)
        for context in tree.getroot().iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                source = message.findtext("source") or ""
                translation = message.find("translation")
                assert translation is not None
                row = rows.get((name, source))
                if row:
                    translation.text = row[0] if lang == "zh_CN" else row[1]
                    translation.attrib.pop("type", None)
        ET.indent(tree)
        path.write_text(
            '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
            + ET.tostring(tree.getroot(), encoding="unicode")
            + "\n",
            encoding="utf-8",
        )
    # English is the source language: mark every entry finished so lrelease and checks are quiet.
    path = _ts_path("en")
    tree = ET.parse(path)
    for translation in tree.getroot().iter("translation"):
        translation.attrib.pop("type", None)
        translation.text = None
    ET.indent(tree)
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
        + ET.tostring(tree.getroot(), encoding="unicode")
        + "\n",
        encoding="utf-8",
    )
    missing = untranslated()
    print(f"translations updated; {len(missing)} strings still untranslated")


def untranslated() -> list[str]:
    out = []
    for lang in ("zh_CN", "zh_TW"):
        root = ET.parse(_ts_path(lang)).getroot()
        for context in root.iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                translation = message.find("translation")
                if translation is None or translation.get("type") == "unfinished" or not translation.text:
                    out.append(f"{lang}\t{name}\t{message.findtext('source')}")
    return out


def release() -> None:
    for lang in LANGS:
        subprocess.run(
            [_tool("pyside6-lrelease"), str(_ts_path(lang)), "-qm", str(TRANSLATIONS / f"memberdesk_{lang}.qm")],
            check=True,
            stdout=subprocess.DEVNULL,
        )


def main() -> None:
    command = sys.argv[1] if len(sys.argv) > 1 else "check"
    if command == "update":
        update()
    elif command == "release":
        release()
    elif command == "check":
        missing = untranslated()
        print("\n".join(missing) or "every string is translated")
        sys.exit(1 if missing else 0)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
