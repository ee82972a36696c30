"""Every user-visible string is translated into Simplified and Traditional Chinese, and renders."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from membership.decisions import Refused
from membership.i18n import Catalog, Message, Text, catalog

ROOT = Path(__file__).resolve().parent.parent


def test_every_string_has_both_chinese_translations():
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "i18n.py"), "check"], capture_output=True, text=True
    )
    assert result.returncode == 0, "untranslated:\n" + result.stdout[:3000]


def test_translation_files_are_up_to_date_with_the_code(tmp_path):
    """Every QT_TRANSLATE_NOOP in the code is in the committed .ts files (run scripts/i18n.py update)."""
    import re

    pattern = re.compile(r'QT_TRANSLATE_NOOP\(\s*"(\w+)",\s*((?:"(?:[^"\\]|\\.)*"\s*)+)\)', re.S)
    cat = catalog("zh_CN")
    missing = []
    for package in ("membership", "sync", "server", "printing", "desktop"):
        for path in (ROOT / package).rglob("*.py"):
            for context, literal in pattern.findall(path.read_text(encoding="utf-8")):
                text = "".join(eval(part) for part in re.findall(r'"(?:[^"\\]|\\.)*"', literal))
                if cat.translate(context, text) == text:
                    missing.append(f"{path.name}: [{context}] {text}")
    assert not missing, "\n".join(missing[:20])


def test_messages_render_in_each_language():
    refusal = Refused("x", "Not enough points: this needs {need}, the member has {have}.", need=300, have=120)
    assert str(refusal.message) == "Not enough points: this needs 300, the member has 120."
    zh = refusal.message.render(catalog("zh_CN"))
    tw = refusal.message.render(catalog("zh_TW"))
    assert "300" in zh and "120" in zh and zh != str(refusal.message)
    assert tw != zh or all(ord(c) < 0x3400 for c in zh)


def test_text_params_and_json_round_trip():
    message = Message("Receipt", "Birthday gift: {gift}", {"gift": Text("生日礼品", "生日禮品", "Birthday gift")})
    assert message.render(Catalog("en", {})) == "Birthday gift: Birthday gift"
    assert "生日禮品" in message.render(catalog("zh_TW"))
    assert Message.from_json(message.to_json()) == message


def test_a_broken_translation_falls_back_to_the_source():
    broken = Catalog("zh_CN", {("Refusal", "Hello {name}"): "你好 {nom}"})
    assert Message("Refusal", "Hello {name}", {"name": "张三"}).render(broken) == "Hello 张三"


def _i18n_script():
    import importlib.util

    spec = importlib.util.spec_from_file_location("i18n_script", ROOT / "scripts" / "i18n.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_script_writes_catalogues_in_lupdates_own_layout(tmp_path):
    """Re-writing a catalogue gives the same bytes, so lupdate, Linguist and `import` make one diff."""
    import xml.etree.ElementTree as ET

    script = _i18n_script()
    for lang in ("zh_CN", "zh_TW", "en"):
        committed = ROOT / "resources" / "translations" / f"memberdesk_{lang}.ts"
        copy = tmp_path / committed.name
        script._write(ET.parse(committed), copy)
        assert copy.read_bytes() == committed.read_bytes(), lang


def test_import_writes_rows_once_and_refuses_unknown_strings(tmp_path, monkeypatch):
    import shutil

    script = _i18n_script()
    for lang in ("zh_CN", "zh_TW", "en"):
        shutil.copy(ROOT / "resources" / "translations" / f"memberdesk_{lang}.ts", tmp_path)
    monkeypatch.setattr(script, "TRANSLATIONS", tmp_path)
    rows = tmp_path / "rows.tsv"
    rows.write_text("ActionScreen\tChecking online…\t正在联网核对（新）\t正在連線核對（新）\n", encoding="utf-8")
    try:
        script.import_rows(rows)
    except SystemExit as stop:
        assert stop.code == 0
    zh = Catalog.from_ts(tmp_path / "memberdesk_zh_CN.ts", "zh_CN")
    tw = Catalog.from_ts(tmp_path / "memberdesk_zh_TW.ts", "zh_TW")
    assert zh.translate("ActionScreen", "Checking online…") == "正在联网核对（新）"
    assert tw.translate("ActionScreen", "Checking online…") == "正在連線核對（新）"
    text = (tmp_path / "memberdesk_zh_CN.ts").read_text(encoding="utf-8")
    rows.write_text("NoSuchContext\tNo such string\t无\t無\n", encoding="utf-8")
    before = text
    try:
        script.import_rows(rows)
        raise AssertionError("an unknown row must make import fail")
    except SystemExit as stop:
        assert stop.code == 1
    assert (tmp_path / "memberdesk_zh_CN.ts").read_text(encoding="utf-8") == before
