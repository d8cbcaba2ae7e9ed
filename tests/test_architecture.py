"""The layout of docs/dev/architecture.md: one folder per stage, imports pointing down only,
heavy libraries in their place, small modules, no hidden state, an exact public surface."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import vnadmin_docs
from tests.helpers import ROOT

PACKAGE = Path(vnadmin_docs.__file__).parent

TOP = {"__init__", "__main__", "errors", "_atomic", "_lazy"}
"""Modules at the top: the facade, the error tree, atomic writes, lazy exports."""
DEPRECATED = {"build", "loader", "convert", "assemble", "tables", "batch"}
"""Old import paths kept for one release: re-exports only."""
STAGES = (
    "vn", "model", "assessment", "compose", "word", "excel", "pdf", "io", "register", "app", "cli",
)  # fmt: skip

MAY_IMPORT = {
    "vn": set(),
    "model": {"vn"},
    "assessment": {"model", "vn"},
    "compose": {"assessment", "model", "vn"},
    "word": {"model", "vn"},
    "excel": {"assessment", "model", "vn"},
    "register": {"model", "vn", "word", "excel"},
    "pdf": {"model", "vn"},
    "io": {"assessment", "model", "vn", "excel"},
    "app": {"vn", "model", "assessment", "compose", "word", "excel", "pdf", "io", "register"},
    "cli": {
        "vn",
        "model",
        "assessment",
        "compose",
        "word",
        "excel",
        "pdf",
        "io",
        "register",
        "app",
    },
}
"""Which other stages each stage may import (every stage may import ``errors``, ``_atomic``
and ``_lazy``; only ``app`` joins compose, word and pdf)."""

ONLY_IN = {
    "docxtpl": {"word.render"},
    "jinja2": {"word.render", "word.sandbox"},
    "subprocess": {"pdf.libreoffice", "pdf.warm"},
    "pypdf": {"pdf.*"},
    "pyhanko": {"pdf.sign", "pdf.verify", "pdf.appearance", "pdf.signed"},
    "pdfplumber": {"pdf.*"},
    "pypdfium2": {"pdf.*"},
    "reportlab": {"pdf.*"},
    "uno": {"pdf._uno_client"},
    "yaml": {"io.files", "io._yaml"},
    "pydantic": {"io.problems"},
    "openpyxl": {"io.results", "io.sheet_headers", "io.form", "excel.*", "register.export"},
    "psycopg": {"register.backends"},
    "sqlite3": {"register.backends"},
}

MAX_LINES = 420


def _modules() -> dict[str, Path]:
    """Every module by dotted name below the package (``word.check.body``)."""
    out = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        out[".".join(parts)] = path
    return out


def _imports(name: str, path: Path) -> tuple[set[str], set[str]]:
    """The package modules (dotted, resolved) and the external top-level packages imported."""
    internal, external = set(), set()
    package = name.split(".")[:-1] if path.name != "__init__.py" else name.split(".")
    if path.name == "__init__.py" and name == "__init__":
        package = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - (node.level - 1)]
                target = [*base, *(node.module.split(".") if node.module else [])]
                internal.add(".".join(target) if target else "__init__")
            elif node.module:
                external.add(node.module.split(".")[0])
        elif isinstance(node, ast.Import):
            external |= {a.name.split(".")[0] for a in node.names}
    return internal, external


def _stage(name: str) -> str:
    return name.split(".")[0]


def test_every_module_is_in_a_stage() -> None:
    for name in _modules():
        assert name in TOP | DEPRECATED or _stage(name) in STAGES, name


def test_imports_point_down() -> None:
    for name, path in _modules().items():
        stage = _stage(name)
        if name in TOP | DEPRECATED:
            continue
        internal, _ = _imports(name, path)
        for target in internal:
            other = _stage(target)
            if other in TOP or other == stage:
                continue
            assert other in MAY_IMPORT[stage], f"{name} ({stage}) imports {target}"


def test_compose_and_word_never_import_each_other() -> None:
    for name, path in _modules().items():
        internal, _ = _imports(name, path)
        stages = {_stage(t) for t in internal}
        if _stage(name) == "compose":
            assert "word" not in stages, name
        if _stage(name) == "word":
            assert "compose" not in stages, name


def test_heavy_libraries_stay_in_their_module() -> None:
    for name, path in _modules().items():
        _, external = _imports(name, path)
        for lib, allowed in ONLY_IN.items():
            if lib in external:
                stages = {a.removesuffix(".*") for a in allowed if a.endswith(".*")}
                assert name in allowed or _stage(name) in stages, f"{name} imports {lib}"


def test_deprecated_paths_only_re_export() -> None:
    for name in DEPRECATED:
        tree = ast.parse((PACKAGE / f"{name}.py").read_text(encoding="utf-8"))
        for node in tree.body:
            if isinstance(node, ast.ClassDef):
                raise AssertionError(f"{name} defines a class")
    from vnadmin_docs.assemble import TocFont  # noqa: F401 - the paths the 0.1 docs named
    from vnadmin_docs.batch import build_batch  # noqa: F401
    from vnadmin_docs.build import build_dossier  # noqa: F401
    from vnadmin_docs.convert import LibreOfficeConverter, find_soffice, find_toc_font  # noqa: F401
    from vnadmin_docs.loader import load_dossier  # noqa: F401
    from vnadmin_docs.tables import assignment_table, scored_table  # noqa: F401


def test_modules_stay_small() -> None:
    for name, path in _modules().items():
        lines = len(path.read_text(encoding="utf-8").splitlines())
        assert lines <= MAX_LINES, f"{name} has {lines} lines"


_MUTABLE = (ast.Dict, ast.List, ast.Set, ast.DictComp, ast.ListComp, ast.SetComp)
STATE_ALLOWED = {"app.batch._WORKER"}
"""The one piece of process state (a pool worker's own context), documented where it is."""


def test_no_module_global_mutable_state() -> None:
    for name, path in _modules().items():
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.AnnAssign) and "Final" in ast.unparse(node.annotation):
                continue
            if isinstance(node, ast.Assign | ast.AnnAssign) and isinstance(node.value, _MUTABLE):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                for target in targets:
                    label = f"{name}.{ast.unparse(target)}"
                    if ast.unparse(target) == "__all__" or label in STATE_ALLOWED:
                        continue
                    raise AssertionError(f"{label}: module-level mutable value (make it Final)")


def test_no_import_time_side_effects() -> None:
    """No module rewrites another library's state: python-docx's prefix map in particular
    (core properties are written with their namespaces spelled out instead)."""
    for name, path in _modules().items():
        assert "nsmap[" not in path.read_text(encoding="utf-8"), name


def test_the_import_walk_sees_relative_imports() -> None:
    internal, external = _imports("word.render", PACKAGE / "word" / "render.py")
    assert {"model", "errors", "word.wordml"} <= internal and "docxtpl" in external
    internal, _ = _imports("word.check", PACKAGE / "word" / "check" / "__init__.py")
    assert "word.check.body" in internal and "word.ooxml" in internal


def test_public_surface_is_the_documented_one() -> None:
    """``__all__`` is exactly the names docs/reference/api.md documents (first column of its
    tables), and every one of them resolves."""
    doc = (ROOT / "docs" / "reference" / "api.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `([A-Za-z_][A-Za-z0-9_]*)", doc, re.M))
    assert set(vnadmin_docs.__all__) == documented
    assert len(vnadmin_docs.__all__) == len(set(vnadmin_docs.__all__))
    for name in vnadmin_docs.__all__:
        assert hasattr(vnadmin_docs, name), name
    assert (PACKAGE / "py.typed").exists()
