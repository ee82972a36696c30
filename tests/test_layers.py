"""The package arrows of ARCHITECTURE.md stay true: who may import whom, and where Qt, SQL and clocks live."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
OURS = {"membership", "sync", "server", "printing", "desktop"}
ALLOWED = {
    "membership": set(),
    "sync": {"membership"},
    "server": {"membership", "printing"},  # the office console prints the desks' daily report (issue 14)
    "printing": {"membership"},
    "desktop": {"membership", "sync", "printing"},
}
QT = ("PySide6", "shiboken6")
FORBIDDEN_IN_MEMBERSHIP = ("sqlite3", "sqlite_utils", "requests", "http", "urllib", "socket", "PySide6")


def imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
    return found


def package_files(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


@pytest.mark.parametrize("package", sorted(ALLOWED))
def test_package_imports_only_what_its_layer_allows(package):
    for path in package_files(package):
        ours = imports(path) & OURS - {package}
        assert ours <= ALLOWED[package], f"{path.relative_to(ROOT)} imports {sorted(ours - ALLOWED[package])}"


@pytest.mark.parametrize("package", sorted(OURS - {"desktop"}))
def test_only_desktop_imports_qt(package):
    for path in package_files(package):
        assert not imports(path) & set(QT), f"{path.relative_to(ROOT)} imports Qt"


def test_membership_has_no_sql_http_or_clock():
    for path in package_files("membership"):
        found = imports(path)
        assert not found & set(FORBIDDEN_IN_MEMBERSHIP), f"{path.name}: {found & set(FORBIDDEN_IN_MEMBERSHIP)}"
        text = path.read_text(encoding="utf-8")
        for clock in ("datetime.now(", "date.today(", "time.time(", "utcnow(", "perf_counter("):
            assert clock not in text, f"{path.name} reads the clock ({clock})"


def test_no_floats_for_money_in_the_domain():
    for path in package_files("membership"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        floats = [n.lineno for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, float)]
        assert not floats, f"{path.name} has float literals at lines {floats}"
