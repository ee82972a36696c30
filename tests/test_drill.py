"""The outage drill (scripts/drill.py) against a real server: nothing lost, nothing counted twice."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_outage_drill_passes_every_check(tmp_path):
    spec = importlib.util.spec_from_file_location("drill", ROOT / "scripts" / "drill.py")
    drill = importlib.util.module_from_spec(spec)
    sys.modules["drill"] = drill
    spec.loader.exec_module(drill)
    lines: list[str] = []
    result = drill.run_drill(tmp_path, log=lines.append)
    failed = [name for name, passed in result["checks"].items() if not passed]
    assert not failed, (failed, result["figures"], lines)
    figures = result["figures"]
    assert figures["pending"] == 0 and figures["server_ops"] == figures["terminal_ops"] >= 15
    assert len(figures["slips_keyed"]) == 3 and figures["slips_refused"][0][1] == "benefit_already_claimed"
    assert sorted(figures["server_exceptions"]) == ["receipt_already_credited", "slip_already_keyed"]
