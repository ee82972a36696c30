"""Maintain the Qt Linguist translation files: extract, check, compile, and enter translations in batch.

    python scripts/i18n.py update          # lupdate over every package; translations already in the .ts are kept
    python scripts/i18n.py check           # list strings without a translation (exit 1 if any)
    python scripts/i18n.py release         # compile .ts to .qm for Qt (done by set-up; .qm files are not committed)
    python scripts/i18n.py import ROWS.tsv # write translations into the .ts files once (then delete ROWS.tsv)
    python scripts/i18n.py export [LANG]   # print the catalogue as rows, for review or for a translator

The ``memberdesk_<lang>.ts`` files are the one translation source: edit them in Qt Linguist, or review
them as text (``lconvert -i memberdesk_zh_CN.ts -o review.po`` gives a gettext view if wanted).
``import`` is a one-shot convenience for typing many translations at once (rows of context, English
source, zh_CN, zh_TW, tab-separated, ``\\n`` for a line break): it writes them into the ``.ts`` files and
keeps nothing, so a later edit in Qt Linguist is never overwritten by an old row.
"""

from __future__ import annotations

import csv
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
SOURCES = ["membership", "sync", "server", "printing", "desktop"]
LANGS = ("zh_CN", "zh_TW", "en")
TRANSLATED = ("zh_CN", "zh_TW")  # English is the source language


def _tool(name: str) -> str:
    here = Path(sys.executable).parent / name
    found = str(here) if here.exists() else shutil.which(name)
    if not found:
        sys.exit(f"{name} not found: install the dev environment first (scripts/setup does)")
    return found


def _ts_path(lang: str) -> Path:
    return TRANSLATIONS / f"memberdesk_{lang}.ts"


def _write(tree: ET.ElementTree, path: Path) -> None:
    """Write a catalogue in lupdate's own layout, so lupdate, Qt Linguist and this script give one diff."""
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode").replace("\n    ", "\n")
    body = re.sub(r">([^<]*)<", lambda m: ">" + m.group(1).replace("'", "&apos;").replace('"', "&quot;") + "<", body)
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")


def _messages(root: ET.Element):
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            yield name, message.findtext("source") or "", message


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
    # English is the source language: mark every entry finished so lrelease and checks are quiet.
    path = _ts_path("en")
    tree = ET.parse(path)
    for translation in tree.getroot().iter("translation"):
        translation.attrib.pop("type", None)
        translation.text = None
    _write(tree, path)
    print(f"translations updated; {len(untranslated())} strings still untranslated")


def read_rows(path: Path) -> dict[tuple[str, str], tuple[str, str]]:
    rows: dict[tuple[str, str], tuple[str, str]] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for lineno, row in enumerate(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE), 1):
            if not row or row[0].startswith("#"):
                continue
            if len(row) != 4:
                sys.exit(f"{path}:{lineno}: expected 4 tab-separated columns, got {len(row)}")
            context, source, zh_cn, zh_tw = (cell.replace("\\n", "\n") for cell in row)
            rows[(context, source)] = (zh_cn, zh_tw)
    return rows


def import_rows(path: Path) -> None:
    rows = read_rows(path)
    unused = set(rows)
    for index, lang in enumerate(TRANSLATED):
        ts = _ts_path(lang)
        tree = ET.parse(ts)
        for name, source, message in _messages(tree.getroot()):
            row = rows.get((name, source))
            if row is None:
                continue
            unused.discard((name, source))
            translation = message.find("translation")
            assert translation is not None
            translation.text = row[index]
            translation.attrib.pop("type", None)
        _write(tree, ts)
    for context, source in sorted(unused):
        print(f"not in the catalogue (run update first, or check the context): {context}\t{source}")
    print(f"{len(rows) - len(unused)} translations written")
    sys.exit(1 if unused else 0)


def export(lang: str | None) -> None:
    languages = [lang] if lang else list(TRANSLATED)
    catalogues = [
        {(n, s): m.findtext("translation") or "" for n, s, m in _messages(ET.parse(_ts_path(x)).getroot())}
        for x in languages
    ]
    for key in catalogues[0]:
        print("\t".join(cell.replace("\n", "\\n") for cell in (*key, *(c.get(key, "") for c in catalogues))))


def untranslated() -> list[str]:
    out = []
    for lang in TRANSLATED:
        for name, source, message in _messages(ET.parse(_ts_path(lang)).getroot()):
            translation = message.find("translation")
            if translation is None or translation.get("type") == "unfinished" or not translation.text:
                out.append(f"{lang}\t{name}\t{source}")
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
    elif command == "import" and len(sys.argv) == 3:
        import_rows(Path(sys.argv[2]))
    elif command == "export":
        export(sys.argv[2] if len(sys.argv) > 2 else None)
    elif command == "check":
        missing = untranslated()
        print("\n".join(missing) or "every string is translated")
        sys.exit(1 if missing else 0)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
