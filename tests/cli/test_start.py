"""Starting and finding out: ``init`` writes commented starter files that load and build as
written and refuses to overwrite; ``criteria`` prints the indicator set in Vietnamese (plain
and ``--json``)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from vnadmin_docs.app.loading import load_assessment, load_dossier, load_plan
from vnadmin_docs.cli import main
from vnadmin_docs.io.form import is_form
from vnadmin_docs.io.sets import load_indicator_set
from vnadmin_docs.model import BO_CHI_SO_MAC_DINH


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def _top_keys_commented(path: Path) -> None:
    """Every top-level key has a comment line right above it (or above its block)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    for i, line in enumerate(lines):
        if line and not line.startswith(("#", " ", "-")):
            assert lines[i - 1].startswith("#"), f"{path.name}: {line!r} has no comment"


def test_init_truong_is_valid_and_builds(tmp_path: Path) -> None:
    folder = tmp_path / "truong"
    code, out, _ = _run("init", "truong", str(folder), "--excel")
    assert code == 0 and "ho-so.yaml" in out
    for name in ("ho-so.yaml", "tu-danh-gia.yaml"):
        _top_keys_commented(folder / name)
    assert is_form(folder / "phieu-tu-danh-gia.xlsx")
    danh_gia, bo, scorecard = load_assessment(folder / "tu-danh-gia.yaml")
    # one key per criterion or item of the set, each with its rule in a comment
    expected = {tc.ma for _, tc in bo.tieu_chi() if tc.bat_buoc or tc.quy_tac is not None}
    expected |= {i.ma for _, tc in bo.tieu_chi() for i in tc.chi_bao}
    assert set(danh_gia.ket_qua) == expected
    text = (folder / "tu-danh-gia.yaml").read_text(encoding="utf-8")
    assert "# Cách tính (tối đa 24 điểm)" in text and "Điều kiện bắt buộc" in text
    dossier = load_dossier(folder / "ho-so.yaml")
    assert dossier.ho_so.co_quan.ten == danh_gia.don_vi and len(dossier.parts) == 5
    assert scorecard.groups
    code, _, err = _run("dossier", str(folder / "ho-so.yaml"), "-o", str(tmp_path / "out"),
                        "--docx-only")  # fmt: skip
    assert code == 0, err
    assert len(list((tmp_path / "out").glob("*.docx"))) == 5


@pytest.mark.parametrize("kind", ["phong", "so"])
def test_init_managing_body_is_valid_and_builds(tmp_path: Path, kind: str) -> None:
    folder = tmp_path / kind
    assert _run("init", kind, str(folder))[0] == 0
    _top_keys_commented(folder / "ke-hoach.yaml")
    plan, sets = load_plan(folder / "ke-hoach.yaml")
    assert plan.co_so and sets[0].ma == BO_CHI_SO_MAC_DINH
    assert ("Sở" in plan.co_quan.ten) == (kind == "so")
    code, _, err = _run("plan", str(folder / "ke-hoach.yaml"), "-o", str(tmp_path / "out"))
    assert code == 0, err
    assert {p.name for p in (tmp_path / "out").glob("*.docx")} >= {"ke-hoach.docx", "cong-van.docx"}


def test_init_refuses_to_overwrite(tmp_path: Path) -> None:
    folder = tmp_path / "truong"
    folder.mkdir()
    (folder / "tu-danh-gia.yaml").write_text("# của tôi\n", encoding="utf-8")
    code, _, err = _run("init", "truong", str(folder))
    assert code == 2 and "tu-danh-gia.yaml" in err and "không ghi đè" in err
    assert (folder / "tu-danh-gia.yaml").read_text(encoding="utf-8") == "# của tôi\n"
    assert not (folder / "ho-so.yaml").exists()  # nothing written


def test_criteria_plain_and_json() -> None:
    code, text, _ = _run("criteria")
    assert code == 0
    bo = load_indicator_set(BO_CHI_SO_MAC_DINH)
    assert bo.nguon in text
    for code_ in bo.ma_chi_so():
        assert f" {code_}  " in text
    assert "Tối đa 24 điểm, mỗi chức năng triển khai tối đa 6 điểm" in text
    assert "[điều kiện bắt buộc: đạt/chưa đạt]" in text and "mức 3" in text
    assert "(ghi trong tệp tự đánh giá: chon: một trong " in text
    code, raw, _ = _run("criteria", BO_CHI_SO_MAC_DINH, "--json")
    data = json.loads(raw)
    codes = {tc["ma"] for g in data["nhom"] for tc in g["tieu_chi"]}
    codes |= {i["ma"] for g in data["nhom"] for tc in g["tieu_chi"] for i in tc["chi_bao"]}
    assert code == 0 and codes == bo.ma_chi_so()
    assert [m["muc"] for m in data["muc_do"]] == [m.muc for m in bo.muc_do]
    assert _run("criteria", "khong-co-bo-nay")[0] == 2
