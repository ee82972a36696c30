"""The one picture in docs/DECISIONS.md stays true: the code imports only along the diagram's arrows.

The picture is a mermaid ``graph`` under the heading ``## The shape of the code in one picture``. Each node's
label names a package, a sub-package or a module (``sync``, ``desktop/screens``, ``sync/services/executor.py``;
several, comma-separated, for a group). A file belongs to the most specific node whose path holds it.
``A --> B`` means code in A may import code in B. Inside a package, arrows name exact nodes, so
"screens never import the main window" is simply an arrow that is not there. Between packages: an arrow
to a package's top node allows all of that package (its inner structure is its own business), and a
node inside a package may import what its package's top node may import from other packages, unless it
draws arrows of its own into that package (``executor --> write plan``: then only those).

Checked here, with ``ast`` over every ``.py`` file of the five packages (``TYPE_CHECKING`` imports count):
every import between two nodes follows an arrow, every node names files that exist, no file is left
out of the picture, and the picture is one-way (no cycle).
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DECISIONS = ROOT / "docs" / "DECISIONS.md"
HEADING = "## The shape of the code in one picture"
PACKAGES = ("membership", "sync", "server", "printing", "desktop")

NODE = r"(\w+)(?:\[\"([^\"]+)\"\])?"
ARROW = re.compile(rf"^\s*{NODE}\s*-->\s*(.+?)\s*;?\s*$")
DECLARATION = re.compile(rf"^\s*{NODE}\s*;?\s*$")


@dataclass(frozen=True)
class Picture:
    labels: dict[str, tuple[str, ...]]  # node id -> the paths it stands for
    arrows: set[tuple[str, str]]  # (from id, to id)


def picture(markdown: str) -> Picture:
    """The mermaid block under HEADING: its nodes (with the paths their labels name) and arrows."""
    section = markdown.split(HEADING, 1)[1]
    block = re.search(r"```mermaid\n(.*?)```", section, re.S)
    assert block, f"no ```mermaid block under {HEADING!r}"
    labels: dict[str, tuple[str, ...]] = {}
    arrows: set[tuple[str, str]] = set()

    def node(node_id: str, label: str | None) -> str:
        if label is not None:
            paths = tuple(p.strip().rstrip("/") for p in label.split(","))
            assert labels.setdefault(node_id, paths) == paths, f"{node_id} is labelled twice, differently"
        return node_id

    for line in block.group(1).splitlines():
        if match := ARROW.match(line):
            source = node(match.group(1), match.group(2))
            for target in match.group(3).split("&"):
                declared = DECLARATION.match(target)
                assert declared, f"cannot read the arrow target {target!r} in {line!r}"
                arrows.add((source, node(declared.group(1), declared.group(2))))
        elif match := DECLARATION.match(line):
            node(match.group(1), match.group(2))
    unlabelled = {n for arrow in arrows for n in arrow} - set(labels)
    assert not unlabelled, f"nodes without a label naming their paths: {sorted(unlabelled)}"
    return Picture(labels, arrows)


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def our_modules() -> dict[str, Path]:
    return {module_name(p): p for package in PACKAGES for p in sorted((ROOT / package).rglob("*.py"))}


def imported_modules(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """Our modules that ``path`` imports (``from pkg import mod`` counts as importing ``pkg.mod``)."""

    def known(dotted: str) -> str | None:
        parts = dotted.split(".")
        while parts and ".".join(parts) not in modules:
            parts.pop()
        return ".".join(parts) or None

    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    found: set[str | None] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {known(a.name) for a in node.names if a.name.split(".")[0] in PACKAGES}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            if target.split(".")[0] in PACKAGES:
                found |= {known(f"{target}.{a.name}") or known(target) for a in node.names}
    return {m for m in found if m is not None and m != name}


def owner(path: Path, pic: Picture) -> str | None:
    """The node holding ``path``: the one whose label names the longest path prefix of it."""
    rel = path.relative_to(ROOT).as_posix()
    best: tuple[int, str] | None = None
    for node_id, paths in pic.labels.items():
        for label in paths:
            inside = rel == label or rel.startswith(label + "/")
            if inside and (best is None or len(label) > best[0]):
                best = (len(label), node_id)
    return best[1] if best else None


def package_of(node_id: str, pic: Picture) -> str:
    return pic.labels[node_id][0].split("/")[0]


def top_node(package: str, pic: Picture) -> str | None:
    return next((n for n, paths in pic.labels.items() if paths == (package,)), None)


def allowed(source: str, target: str, pic: Picture) -> bool:
    """Whether code in node ``source`` may import code in node ``target`` (see the module docstring)."""
    if source == target or (source, target) in pic.arrows:
        return True
    here, there = package_of(source, pic), package_of(target, pic)
    if here == there:
        return False  # inside a package only the arrows drawn
    # Into another package: an arrow to its top node allows all of it. A node inside a package takes its
    # package's arrows into other packages, unless it draws its own into that package (then only those).
    own = any(package_of(t, pic) == there for s, t in pic.arrows if s == source)
    sources = {source} if own else {source, top_node(here, pic)}
    return any((s, t) in pic.arrows for s in sources for t in (target, top_node(there, pic)))


def violations(pic: Picture) -> list[str]:
    modules = our_modules()
    problems: list[str] = []
    for name, path in modules.items():
        source = owner(path, pic)
        for imported in sorted(imported_modules(name, path, modules)):
            target = owner(modules[imported], pic)
            assert source is not None and target is not None  # every file is in the picture (checked below)
            if not allowed(source, target, pic):
                problems.append(f"{path.relative_to(ROOT)} imports {imported} ({source} --> {target} is not drawn)")
    return problems


def test_the_picture_names_only_paths_that_exist_and_holds_every_file():
    pic = picture(DECISIONS.read_text(encoding="utf-8"))
    for package in PACKAGES:
        assert top_node(package, pic), f"{package} has no node of its own"
    for node_id, paths in pic.labels.items():
        assert len({p.split("/")[0] for p in paths}) == 1, f"{node_id} groups paths of several packages"
        for label in paths:
            assert (ROOT / label).is_dir() or (ROOT / label).is_file(), f"{node_id}: {label} does not exist"
    left_out = [str(p.relative_to(ROOT)) for p in our_modules().values() if owner(p, pic) is None]
    assert not left_out, f"files in no node of the picture: {left_out}"


def test_the_picture_is_one_way():
    pic = picture(DECISIONS.read_text(encoding="utf-8"))
    graph: dict[str, set[str]] = {n: set() for n in pic.labels}
    for source, target in pic.arrows:
        graph[source].add(target)
    try:
        tuple(TopologicalSorter(graph).static_order())
    except CycleError as err:
        raise AssertionError(f"the picture has a cycle: {' --> '.join(err.args[1])}") from None


def test_the_code_imports_only_along_the_arrows():
    assert violations(picture(DECISIONS.read_text(encoding="utf-8"))) == []


def test_a_missing_arrow_is_reported():
    """The check can fail: take away one arrow the code relies on and the import along it is named."""
    pic = picture(DECISIONS.read_text(encoding="utf-8"))
    [printing] = [n for n, paths in pic.labels.items() if paths == ("printing",)]
    [membership] = [n for n, paths in pic.labels.items() if paths == ("membership",)]
    cut = Picture(pic.labels, pic.arrows - {(printing, membership)})
    found = violations(cut)
    assert found and all(f"({printing} --> " in line for line in found)
    assert any(line.startswith("printing/") and "imports membership." in line for line in found)
