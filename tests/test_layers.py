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


# -- desktop/ has no import cycle -------------------------------------------------------------------------
#
# Every import counts: module level, inside a function (a lazy import is still a dependency) and under
# ``if TYPE_CHECKING:``. A type-only import is still one more module a reader must hold in their head to
# follow the code, and the 11-file circle this check keeps away was closed by exactly such an import
# (widgets.py → main_window.py for a type hint). Screens reach the window through ``desktop/shell.py``.


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def desktop_import_graph() -> dict[str, set[str]]:
    """Module → the ``desktop`` modules it imports (``from . import x`` counts as ``desktop.x``)."""
    paths = {_module_name(p): p for p in package_files("desktop")}
    graph: dict[str, set[str]] = {}
    for name, path in paths.items():
        package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {alias.name for alias in node.names}
            elif isinstance(node, ast.ImportFrom):
                base = ".".join(package[: len(package) - node.level + 1]) if node.level else ""
                module = ".".join(part for part in (base, node.module or "") if part)
                found.add(module)
                found |= {f"{module}.{alias.name}" for alias in node.names}  # `from . import serial_scanner`
        graph[name] = {m for m in found if m in paths and m != name}
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle as a path that ends where it starts, or None."""
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt]
            if nxt not in state and (cycle := visit(nxt)) is not None:
                return cycle
        path.pop()
        state[node] = 2
        return None

    for start in sorted(graph):
        if start not in state and (cycle := visit(start)) is not None:
            return cycle
    return None


def test_desktop_has_no_import_cycle():
    graph = desktop_import_graph()
    assert graph.get("desktop.main_window"), "the graph was not built"
    cycle = find_cycle(graph)
    assert cycle is None, "import cycle in desktop/: " + " → ".join(cycle or [])


def test_the_cycle_check_finds_a_cycle():
    """The check itself: the old shape (widgets importing the window for a type hint) is a cycle."""
    graph = desktop_import_graph()
    graph["desktop.widgets"] = graph["desktop.widgets"] | {"desktop.main_window"}
    cycle = find_cycle(graph)
    assert cycle is not None and "desktop.main_window" in cycle and "desktop.widgets" in cycle


def test_screens_see_the_window_only_through_the_shell_protocol():
    """No screen imports the window or its parts; what a screen uses of it (``self.win.X``) is declared on
    ``desktop.shell.Shell``, and the window defines every name the Protocol lists."""
    graph = desktop_import_graph()
    window = {"desktop.main_window"} | {m for m in graph if m.startswith("desktop.window")}
    screens = [m for m in graph if m.startswith("desktop.screens")] + ["desktop.widgets"]
    for name in screens:
        assert not graph[name] & window, f"{name} imports {sorted(graph[name] & window)}"

    shell = ast.parse((ROOT / "desktop" / "shell.py").read_text(encoding="utf-8"))
    protocol = next(n for n in shell.body if isinstance(n, ast.ClassDef) and n.name == "Shell")
    declared = {n.name for n in protocol.body if isinstance(n, ast.FunctionDef)} | {
        n.target.id for n in protocol.body if isinstance(n, ast.AnnAssign) and isinstance(n.target, ast.Name)
    }
    used: dict[str, str] = {}
    for path in [*package_files("desktop/screens"), ROOT / "desktop" / "widgets.py"]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Attribute)
                and node.value.attr == "win"
                and isinstance(node.value.value, ast.Name)
                and node.value.value.id == "self"
            ):
                used.setdefault(node.attr, path.name)
            elif isinstance(node, ast.Call) and getattr(node.func, "id", "") == "getattr" and len(node.args) >= 2:
                target, attr = node.args[0], node.args[1]
                if isinstance(target, ast.Attribute) and target.attr == "win" and isinstance(attr, ast.Constant):
                    used.setdefault(attr.value, path.name)
    undeclared = {attr: where for attr, where in used.items() if attr not in declared}
    assert not undeclared, f"screens use window members the Shell protocol does not declare: {undeclared}"
    assert len(used) >= 20, sorted(used)  # the walk really saw the screens' calls

    defined: set[str] = set()
    for path in [ROOT / "desktop" / "main_window.py", *package_files("desktop/window")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef):
                defined.add(node.name)
            elif isinstance(node, (ast.Assign, ast.AnnAssign)):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                for target in targets:
                    if isinstance(target, ast.Attribute) and getattr(target.value, "id", "") == "self":
                        defined.add(target.attr)
                    elif isinstance(target, ast.Name):
                        defined.add(target.id)  # class attributes such as the signals
    assert declared <= defined, f"MainWindow lacks {sorted(declared - defined)} of the Shell protocol"
