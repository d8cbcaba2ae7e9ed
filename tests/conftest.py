"""Shared fixtures: example paths, rendering helpers, and the real LibreOffice.

End-to-end tests need LibreOffice. On a developer machine without it they are skipped with
a reason; in CI (``CI`` set) a missing LibreOffice fails them instead: they never skip
silently there.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from vnadmin_docs.pdf.libreoffice import LibreOfficeConverter, find_soffice

from .helpers import EXAMPLES, missing


@pytest.fixture(scope="session")
def soffice() -> str:
    found = find_soffice()
    if found is None:
        message = "LibreOffice (soffice) is not installed: run scripts/setup"
        missing(message)
    return found


@pytest.fixture(scope="session")
def converter(soffice: str) -> LibreOfficeConverter:
    return LibreOfficeConverter(soffice, timeout=300)


@pytest.fixture(scope="session")
def rendered_examples(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every example document rendered once for the session: stem → .docx path."""
    import sys

    sys.path.insert(0, str(EXAMPLES))
    import build_examples

    out = tmp_path_factory.mktemp("examples")
    return {p.stem: p for p in build_examples.build(out)}


@pytest.fixture
def workdir(tmp_path: Path) -> Iterator[Path]:
    cwd = Path.cwd()
    os.chdir(tmp_path)
    try:
        yield tmp_path
    finally:
        os.chdir(cwd)


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Keep the CLI's warm LibreOffice profiles out of the user's own cache."""
    old = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("cache"))
    yield
    if old is None:
        del os.environ["XDG_CACHE_HOME"]
    else:
        os.environ["XDG_CACHE_HOME"] = old
