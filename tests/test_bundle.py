"""The PyInstaller bundle builds and starts: login screen reached offscreen, translations and fonts found
inside the bundle, clean exit. Run on its own with ``./scripts/test -m bundle``; CI runs it with the rest."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import copy_store

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.bundle
def test_bundle_builds_and_reaches_the_login_screen(template_store, tmp_path):
    dist, work = tmp_path / "dist", tmp_path / "build"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "ERROR",
            "--distpath",
            str(dist),
            "--workpath",
            str(work),
            str(ROOT / "build.spec"),
        ],
        cwd=ROOT,
        check=True,
        timeout=1200,
    )
    exe = dist / "memberdesk" / ("MemberDesk.exe" if sys.platform == "win32" else "memberdesk")
    assert exe.exists()
    store = tmp_path / "terminal.sqlite3"
    copy_store(template_store, store)
    # Run from an empty folder with no source tree around: everything must come from the bundle.
    run_dir = tmp_path / "elsewhere"
    run_dir.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    result = subprocess.run(
        [str(exe), "--db", str(store), "--self-check"],
        cwd=run_dir,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["frozen"] and report["login_screen"] and report["translated"]
    assert report["fonts"] == ["Droid Sans Fallback", "Roboto"]
    assert report["printing"] == {"escpos": True, "preview": True, "serial": True}  # loaded inside the bundle
    assert str(dist) in report["resources"]  # found inside the bundle, not in the source tree
    version = subprocess.run([str(exe), "--version"], env=env, capture_output=True, text=True, timeout=60)
    assert version.stdout.strip() == f"MemberDesk {__import__('membership').__version__}"
    # The command line store IT uses ships alongside and works on the same store.
    cli = dist / "memberdesk" / ("memberdesk-cli.exe" if sys.platform == "win32" else "memberdesk-cli")
    check = subprocess.run(
        [str(cli), "--db", str(store), "audit-verify"], cwd=run_dir, env=env, capture_output=True, text=True, timeout=60
    )
    assert check.returncode == 0 and "intact" in check.stdout, check.stderr[-2000:]
