"""Everything that needs no PDF works on a machine without LibreOffice (a school's Windows PC
before it is installed); what needs it says, in Vietnamese, how to install it or do without."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import EXAMPLES
from vnadmin_docs.cli import main as cli
from vnadmin_docs.pdf import libreoffice

DOSSIER = EXAMPLES / "quyet-tien-2023-2024" / "ho-so.yaml"


@pytest.fixture
def no_libreoffice(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(libreoffice, "find_soffice", lambda *a, **k: None)
    empty = tmp_path / "empty-path"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))  # nothing else could find one either
    monkeypatch.delenv("VNADMIN_SOFFICE", raising=False)


@pytest.mark.usefixtures("no_libreoffice")
def test_what_needs_no_pdf_works(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = next((EXAMPLES / "documents").glob("cong-van-*.yaml"))
    out = tmp_path / "cv.docx"
    assert cli(["render", str(doc), "-o", str(out)]) == 0
    assert cli(["check", str(out)]) == 0
    assert cli(["score", str(EXAMPLES / "quyet-tien-2023-2024" / "tu-danh-gia.yaml")]) == 0
    plan = EXAMPLES / "ba-dinh-2024-2025" / "ke-hoach.yaml"
    assert cli(["plan", str(plan), "-o", str(tmp_path / "plan")]) == 0
    assert (tmp_path / "plan" / "ke-hoach.docx").stat().st_size > 10_000
    assert cli(["form", "-o", str(tmp_path / "phieu.xlsx")]) == 0
    assert cli(["dossier", str(DOSSIER), "-o", str(tmp_path / "hs"), "--docx-only"]) == 0
    assert len(list((tmp_path / "hs").glob("*.docx"))) == 5
    assert not list((tmp_path / "hs").glob("*.pdf"))


@pytest.mark.usefixtures("no_libreoffice")
def test_a_pdf_without_libreoffice_says_what_to_do(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert cli(["dossier", str(DOSSIER), "-o", str(tmp_path / "hs")]) == 2
    err = capsys.readouterr().err
    for phrase in ("Không tìm thấy LibreOffice", "VNADMIN_SOFFICE", "--docx-only", "cai-dat.md"):
        assert phrase in err, phrase
    assert "Traceback" not in err
    assert not (tmp_path / "hs").exists() or not list((tmp_path / "hs").iterdir())
