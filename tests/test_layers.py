"""Layers point one way (ARCHITECTURE.md, "Layers"): a module imports only from its own
unit or from a lower layer, and never a private name of another module.

Every import is read from the source (``ast``), including imports inside functions,
so a cycle cannot hide in a function body. A new module must be given a layer here.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "storyline"

#: Lowest first. Units of one layer are peers: they may not import each other.
LAYERS: tuple[tuple[str, ...], ...] = (
    # records and what every layer shares about them
    ("storyline.records storyline.names storyline.intervals storyline.dates storyline.errors"
     " storyline.pipeline storyline.headline storyline.headline_rules storyline.serialize"
     " storyline.vocab",),
    ("storyline.ingest", "storyline.nlp", "storyline.timex", "storyline.dedup"),
    ("storyline.events",),
    ("storyline.store",),
    ("storyline.timeline",),
    ("storyline.engine storyline.extract storyline.evaluate",),
    ("storyline.api",),
    ("storyline.web",),
    ("storyline.server",),
    ("storyline.cli storyline.cli_common storyline.cli_help storyline.cli_progress"
     " storyline.cli_table storyline.cli_timeline storyline.cli_serve storyline.cli_logging"
     " storyline.output",),
    ("storyline",),  # the package's own __init__: the public names
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Import:
    module: str  # the importing module
    target: str  # the imported module
    names: tuple[str, ...]  # names taken from it (empty for ``import x``)
    line: int


def _module_name(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@cache
def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _resolve(module: str, is_package: bool, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    base = module.split(".")
    base = base if is_package else base[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join([*base, *([node.module] if node.module else [])])


def _imports(module: str, path: Path) -> list[Import]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    return _imports_of(module, path, tree)


def _imports_of(module: str, path: Path, tree: ast.AST) -> list[Import]:
    is_package = path.name == "__init__.py"
    modules = _modules()
    out: list[Import] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("storyline"):
                    out.append(Import(module, alias.name, (), node.lineno))
        elif isinstance(node, ast.ImportFrom):
            target = _resolve(module, is_package, node)
            if not target.startswith("storyline"):
                continue
            plain = []
            for alias in node.names:  # ``from package import submodule`` imports a module
                sub = f"{target}.{alias.name}"
                if sub in modules:
                    out.append(Import(module, sub, (), node.lineno))
                else:
                    plain.append(alias.name)
            if plain:
                out.append(Import(module, target, tuple(plain), node.lineno))
    return out


def _unit(module: str) -> tuple[int, str]:
    """The layer (its rank) and unit of a module: the unit with the longest prefix of
    its name (``storyline`` alone stands for the package's ``__init__`` only)."""
    matches = [
        (len(prefix), rank, unit)
        for rank, units in enumerate(LAYERS)
        for unit in units
        for prefix in unit.split()
        if module == prefix or (prefix != "storyline" and module.startswith(prefix + "."))
    ]
    if not matches:
        raise KeyError(module)
    _, rank, unit = max(matches)
    return rank, unit


def _all_imports() -> list[Import]:
    return [i for m, p in _modules().items() for i in _imports(m, p)]


def test_every_module_has_a_layer() -> None:
    unplaced = []
    for module in _modules():
        try:
            _unit(module)
        except KeyError:
            unplaced.append(module)
    assert not unplaced, f"give these modules a layer in tests/test_layers.py: {unplaced}"


def test_imports_never_point_upward_nor_sideways() -> None:
    bad = []
    for imp in _all_imports():
        (rank, unit), (target_rank, target_unit) = _unit(imp.module), _unit(imp.target)
        if imp.target == "storyline" and all(_dunder(n) for n in imp.names):
            continue  # the package's metadata (``__version__``) is everyone's
        if unit != target_unit and target_rank >= rank:
            bad.append(
                f"{imp.module}:{imp.line} imports {imp.target} (layer {target_rank} >= {rank})"
            )
    assert not bad, "\n".join(bad)


def _dunder(name: str) -> bool:
    return name.startswith("__") and name.endswith("__")


def _private(name: str) -> bool:
    return name.startswith("_") and not _dunder(name)


def test_no_private_name_crosses_a_module() -> None:
    bad = []
    for imp in _all_imports():
        if any(_private(part) for part in imp.target.split(".")):
            bad.append(f"{imp.module}:{imp.line} imports the private module {imp.target}")
        for name in imp.names:
            if _private(name) and imp.target != imp.module:
                bad.append(f"{imp.module}:{imp.line} imports {imp.target}.{name}")
    bad += _private_attributes()
    assert not bad, "\n".join(bad)


def _private_attributes() -> list[str]:
    """``y._name`` where ``y`` is a storyline module bound by ``from storyline.x import y``
    or ``import storyline.x.y as y``."""
    modules = _modules()
    bad = []
    for module, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        bound = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                target = _resolve(module, path.name == "__init__.py", node)
                bound |= {a.asname or a.name for a in node.names if f"{target}.{a.name}" in modules}
            elif isinstance(node, ast.Import):
                bound |= {a.asname for a in node.names if a.asname and a.name in modules}
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id in bound
                and _private(node.attr)
            ):
                bad.append(f"{module}:{node.lineno} uses {node.value.id}.{node.attr}")
    return bad


@pytest.mark.parametrize(
    ("module", "target", "allowed"),
    [
        ("storyline.timeline.facets", "storyline.store.api", True),
        ("storyline.store.sqlite", "storyline.timeline.dates", False),  # upward
        ("storyline.nlp.actors.stage", "storyline.ingest.cleaning", False),  # sideways
        ("storyline.web.pages", "storyline.api.queries", True),
        ("storyline.api.app", "storyline.web.pages", False),
    ],
)
def test_the_rule_itself(module: str, target: str, allowed: bool) -> None:
    (rank, unit), (target_rank, target_unit) = _unit(module), _unit(target)
    assert (unit == target_unit or target_rank < rank) is allowed


#: storyline imports kept inside functions, each for start-up time or an optional
#: package (never for a cycle): (importing module, imported module).
LAZY = {
    # the build machinery loads only when ``build`` runs, Ray only for --engine ray
    ("storyline.cli", "storyline.engine.local"),
    ("storyline.cli", "storyline.engine.lock"),
    ("storyline.cli", "storyline.engine.stages"),
    ("storyline.cli", "storyline.nlp.spacy_pipeline"),
    ("storyline.cli", "storyline.engine.ray_engine"),
    # FastAPI, uvicorn and Jinja2 (the serve extra) load only when ``serve`` runs
    ("storyline.cli_serve", "storyline.server"),
    # spaCy loads only when a pipeline is built
    ("storyline.nlp.spacy_pipeline", "storyline.nlp.entity_rules"),
    # relations are optional in the API (503 when they cannot load)
    ("storyline.api.deps", "storyline.timeline.relations"),
}


def test_no_import_inside_a_function_hides_a_cycle() -> None:
    found = set()
    for module, path in _modules().items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for fn in ast.walk(tree):
            if isinstance(fn, ast.FunctionDef | ast.AsyncFunctionDef):
                body = ast.Module(body=fn.body, type_ignores=[])
                found |= {(module, i.target) for i in _imports_of(module, path, body)}
    assert found <= LAZY, f"import these at the top of the module: {sorted(found - LAZY)}"
