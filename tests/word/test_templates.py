"""The committed templates are exactly what scripts/build_templates.py builds."""

from __future__ import annotations

import importlib.util
import zipfile
from pathlib import Path

import pytest

from tests.helpers import ROOT

PARTS = ("word/document.xml", "word/styles.xml", "word/settings.xml")


def _builder() -> object:
    spec = importlib.util.spec_from_file_location(
        "build_templates", ROOT / "scripts" / "build_templates.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("templates")
    assert _builder().main([str(out)]) == 0  # type: ignore[attr-defined]
    return out


def _parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        names = [n for n in z.namelist() if n in PARTS or n.startswith("word/header")]
        return {n: z.read(n) for n in names}


def test_committed_templates_match_the_builder(fresh: Path) -> None:
    for built in sorted(fresh.glob("*.docx")):
        shipped = ROOT / "vnadmin_docs" / "templates" / built.name
        assert _parts(shipped) == _parts(built), (
            f"{built.name} differs: run python scripts/build_templates.py and commit"
        )


def test_templates_carry_only_what_a_document_needs() -> None:
    for shipped in sorted((ROOT / "vnadmin_docs" / "templates").glob("*.docx")):
        with zipfile.ZipFile(shipped) as z:
            names = z.namelist()
            styles = z.read("word/styles.xml").decode()
        assert not [n for n in names if "stylesWithEffects" in n or "customXml" in n]
        assert not [n for n in names if n.startswith("docProps/thumbnail")]
        assert styles.count('w:type="table"') == 2, shipped.name  # Table Normal, Table Grid
