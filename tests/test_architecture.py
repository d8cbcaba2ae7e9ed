"""The layers of docs/dev/architecture.md: imports point down only; heavy libraries stay in place."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import vnadmin_docs

PACKAGE = Path(vnadmin_docs.__file__).parent

LAYERS = {
    # layer 0: pure, no I/O
    "errors": 0,
    "text": 0,
    "dates": 0,
    "numbers": 0,
    "words": 0,
    "numbering": 0,
    "markup": 0,
    "model": 0,
    # layer 1: indicator sets, scoring, the tables built from them
    "indicators": 1,
    "scoring": 1,
    "tables": 1,
    "dossier": 1,
    "aggregate": 1,
    "managing": 1,
    # layer 2: rendering to and reading .docx
    "_ooxml": 2,
    "_wordml": 2,
    "_atomic": 2,
    "rendering": 2,
    "checker": 2,
    # layer 3: conversion to PDF, assembly, the whole dossier
    "convert": 3,
    "assemble": 3,
    "build": 3,
    "_uno_client": 3,
    "pdf": 3,  # package: page checks of laid-out PDFs
    # layer 4: the edge
    "loader": 4,
    "batch": 4,
    "cli": 4,
    "__main__": 4,
    "__init__": 4,
}

ONLY_IN = {
    "docxtpl": {"rendering"},
    "jinja2": {"rendering"},
    "subprocess": {"convert"},
    "pypdf": {"assemble", "pdf"},
    "pypdfium2": {"pdf"},
    "reportlab": {"assemble"},
    "uno": {"_uno_client"},
    "yaml": {"loader"},
}


def _imports(path: Path) -> tuple[set[str], set[str]]:
    """Top-level modules of the package and external libraries imported by a module (a
    ``name.py`` file, or every file of the subpackage ``name/``)."""
    internal: set[str] = set()
    external: set[str] = set()
    if not path.exists() and path.with_suffix("").is_dir():
        for part in sorted(path.with_suffix("").glob("*.py")):
            inner, outer = _imports_of(part, depth=2)
            internal |= inner
            external |= outer
        return internal, external
    return _imports_of(path, depth=1)


def _imports_of(path: Path, *, depth: int) -> tuple[set[str], set[str]]:
    internal, external = set(), set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level == depth:
                internal.add((node.module or "").split(".")[0])
            elif 0 < node.level < depth:
                continue  # a sibling inside the subpackage
            elif node.module:
                external.add(node.module.split(".")[0])
        elif isinstance(node, ast.Import):
            external |= {a.name.split(".")[0] for a in node.names}
    return internal, external


def test_every_module_has_a_layer() -> None:
    modules = {p.stem for p in PACKAGE.glob("*.py")}
    modules |= {p.parent.name for p in PACKAGE.glob("*/__init__.py")}
    assert modules == set(LAYERS)


def test_imports_point_down() -> None:
    for name, layer in LAYERS.items():
        internal, _ = _imports(PACKAGE / f"{name}.py")
        for target in internal:
            if target:
                assert LAYERS[target] <= layer, f"{name} (layer {layer}) imports {target}"


def test_heavy_libraries_stay_in_their_module() -> None:
    for name in LAYERS:
        _, external = _imports(PACKAGE / f"{name}.py")
        for lib, allowed in ONLY_IN.items():
            if lib in external:
                assert name in allowed, f"{name} imports {lib}"


def test_public_surface() -> None:
    assert sorted(vnadmin_docs.__all__) == sorted(set(vnadmin_docs.__all__))
    for name in vnadmin_docs.__all__:
        assert hasattr(vnadmin_docs, name), name
    importlib.import_module("vnadmin_docs.__main__".replace(".__main__", ""))
    assert (PACKAGE / "py.typed").exists()
