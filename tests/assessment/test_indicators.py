"""Indicator sets are data: the shipped QĐ 4725 set is sound, and broken sets say everything."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from tests.helpers import ROOT
from vnadmin_docs.assessment.validation import validate
from vnadmin_docs.errors import InputError
from vnadmin_docs.io import indicator_set_names, load_indicator_set


def test_shipped_sets_are_sound_and_cite_their_source() -> None:
    assert "qd-4725-2022" in indicator_set_names()
    for name in indicator_set_names():
        bo = load_indicator_set(name)
        assert validate(bo) == []
        assert "Quyết định" in bo.nguon or "QĐ" in bo.nguon


def test_shipped_sets_are_built_without_pydantic_as_pydantic_builds_them() -> None:
    """A shipped set is built from its data directly (no validator to build): the very same
    objects as pydantic's; a value not already of its field's type goes to pydantic."""
    import importlib.resources

    from vnadmin_docs.assessment.sets import BoChiSo
    from vnadmin_docs.io.files import load_data
    from vnadmin_docs.io.problems import parse_as
    from vnadmin_docs.io.sets import _folder, _plain

    for name in indicator_set_names():
        with importlib.resources.as_file(_folder() / f"{name}.yaml") as path:
            data, lines = load_data(path)
        direct = _plain(BoChiSo, data)
        assert direct is not None
        validated = parse_as(BoChiSo, data, lines=lines)
        assert direct == validated and repr(direct) == repr(validated)
        assert load_indicator_set(name) == validated
    for change in ({"buoc_diem": 0.5}, {"buoc_diem": "0.5"}, {"ma": 1}, {"khac": "x"},
                   {"bat_buoc_chua_dat": "khac"}, {"nhom": "1"}):  # fmt: skip
        assert _plain(BoChiSo, {**data, **change}) is None, change
    assert _plain(BoChiSo, {k: v for k, v in data.items() if k != "ten"}) is None


def test_4725_tree() -> None:
    bo = load_indicator_set("qd-4725-2022")
    assert [(n.ma, int(n.toi_da)) for n in bo.nhom] == [("1", 100), ("2", 100)]
    criteria = {tc.ma: tc for _, tc in bo.tieu_chi()}
    assert [c for c, tc in criteria.items() if tc.bat_buoc] == ["1.1", "1.2", "2.1", "2.2"]
    assert {c: tc.toi_da for c, tc in criteria.items() if not tc.bat_buoc} == {
        "1.3": 30,
        "1.4": 10,
        "1.5": 20,
        "1.6": 20,
        "1.7": 20,
        "2.3": 70,
        "2.4": 30,
    }
    items = {i.ma: i for tc in criteria.values() for i in tc.chi_bao}
    assert len(items) == 22
    assert items["2.3.c"].quy_tac.lua_chon == {"khong": 0, "pdf": 3, "chung_thu_so": 10}
    assert items["1.3.b"].quy_tac.diem_moi == 6 and len(items["1.3.b"].quy_tac.chuc_nang) == 4
    assert [b.muc for b in bo.muc_do] == [1, 2, 3]
    assert bo.muc_do[1].tu == 50 and bo.muc_do[1].den == 75 and bo.muc_do[2].tren == 75


def _shipped_data() -> dict:  # type: ignore[type-arg]
    path = ROOT / "vnadmin_docs" / "data" / "indicator_sets" / "qd-4725-2022.yaml"
    data: dict = yaml.safe_load(path.read_text(encoding="utf-8"))  # type: ignore[type-arg]
    return data


def test_a_province_variant_is_just_another_file(tmp_path: Path) -> None:
    data = _shipped_data()
    data["ma"] = "hai-phong-2023"
    data["ten"] = "Bộ chỉ số áp dụng tại Hải Phòng"
    data["bat_buoc_chua_dat"] = "bo_qua"
    path = tmp_path / "hai-phong.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    bo = load_indicator_set(path)
    assert bo.ma == "hai-phong-2023" and bo.bat_buoc_chua_dat == "bo_qua"


def test_a_broken_set_reports_every_problem(tmp_path: Path) -> None:
    data = _shipped_data()
    g1 = data["nhom"][0]["tieu_chi"]
    g1[2]["toi_da"] = 31  # 1.3: items no longer add up, nor does group 1
    g1[3]["ma"] = "1.3"  # duplicate code
    g1[4]["muc_do"] = [
        {"muc": 1, "duoi": 8},
        {"muc": 2, "tu": 9, "den": 14},
        {"muc": 3, "tren": 14},
    ]
    g1[5]["chi_bao"][0]["quy_tac"]["bac"] = [{"duoi": 30, "diem": 2}, {"tu": 25, "diem": 7}]
    g1[6]["chi_bao"][0]["ma"] = "1.8.a"
    data["muc_do"][2] = {"muc": 3, "tu": 75}
    path = tmp_path / "broken.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_indicator_set(path)
    text = "\n".join(map(str, info.value.problems))
    for expected in (
        "muc_do (dòng",
        "thuộc nhiều khoảng",
        "nhom[0].toi_da",
        "tổng điểm các tiêu chí (101) khác điểm tối đa của nhóm (100)",
        "nhom[0].tieu_chi[2].toi_da",
        "tổng điểm các chỉ báo (30) khác điểm tối đa (31)",
        "nhom[0].tieu_chi[3].ma",
        "bị trùng",
        "nhom[0].tieu_chi[4].muc_do",
        "không thuộc khoảng nào",
        "nhom[0].tieu_chi[5].chi_bao[0].quy_tac.bac",
        "nhom[0].tieu_chi[6].chi_bao[0].ma",
        "phải bắt đầu bằng '1.7'",
    ):
        assert expected in text, expected
    assert all(p.line for p in info.value.problems)


def test_structural_errors_in_a_set(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(
        "ma: x\nten: y\nnguon: z\nmuc_do: []\nnhom:\n  - {ma: '1', ten: a, toi_da: abc, tieu_chi: [], them: 1}\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as info:
        load_indicator_set(path)
    paths = [p.path for p in info.value.problems]
    assert "nhom[0].toi_da" in paths and "nhom[0].them" in paths


def test_unknown_set_name() -> None:
    with pytest.raises(InputError, match="qd-4725-2022"):
        load_indicator_set("qd-9999")


def test_decimal_bounds() -> None:
    bo = load_indicator_set("qd-4725-2022")
    assert [b.chua(Decimal("75.5")) for b in bo.muc_do] == [False, False, True]
