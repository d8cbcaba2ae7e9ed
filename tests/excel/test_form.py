"""The self-assessment workbook: written from the set, filled as a school would, read back by cell.

The filler finds rows by the code in column "Mã" and columns by their headers, as a person
reading the sheet does; it never looks at the hidden map the reader uses.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from tests.helpers import EXAMPLES, missing
from vnadmin_docs.app.loading import load_assessment, load_dossier
from vnadmin_docs.assessment.scoring import score
from vnadmin_docs.assessment.sets import BoChiSo, QuyTac
from vnadmin_docs.cli import main as cli
from vnadmin_docs.errors import InputError
from vnadmin_docs.excel.form import write_form
from vnadmin_docs.excel.layout import (
    CHOICE_SHEET,
    FORM_SHEET,
    GUIDE_SHEET,
    MAP_SHEET,
    option_labels,
)
from vnadmin_docs.io import load_indicator_set
from vnadmin_docs.io.form import read_form
from vnadmin_docs.model import DanhGia

load_form = load_assessment

BO = load_indicator_set("qd-4725-2022")
THANH_TRI = EXAMPLES / "thanh-tri-2024-2025" / "tu-danh-gia.yaml"
QUYET_TIEN = EXAMPLES / "quyet-tien-2023-2024" / "tu-danh-gia.yaml"


def _rules(bo: BoChiSo) -> dict[str, QuyTac | None]:
    rules: dict[str, QuyTac | None] = {}
    for _, tc in bo.tieu_chi():
        rules[tc.ma] = tc.quy_tac
        rules |= {i.ma: i.quy_tac for i in tc.chi_bao}
    return rules


class School:
    """Fills a form the way a clerk does: by the codes and headers printed on the sheet."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.book = load_workbook(path)
        self.ws = self.book[FORM_SHEET]
        header = next(r for r in range(1, 20) if self.ws[f"A{r}"].value == "Mã")
        self.col = {
            str(c.value).split(" (")[0]: c.column_letter for c in self.ws[header] if c.value
        }
        self.rows = {
            str(self.ws[f"A{r}"].value): r
            for r in range(header + 1, self.ws.max_row + 1)
            if self.ws[f"A{r}"].value
        }

    def detail(self, label: str, value: object) -> None:
        for row in self.ws.iter_rows(min_row=1, max_row=5):
            for cell in row:
                if cell.value == label:
                    self.ws.cell(cell.row, cell.column + 1, value)
                    return
        raise AssertionError(label)

    def ref(self, code: str, column: str, below: int = 0) -> str:
        return f"{self.col[column]}{self.rows[code] + below}"

    def put(self, code: str, column: str, value: object, below: int = 0) -> str:
        ref = self.ref(code, column, below)
        self.ws[ref] = value
        return ref

    def fact(self, code: str, value: object) -> str:
        return self.put(code, "Dữ kiện", value)

    def save(self) -> Path:
        self.book.save(self.path)
        return self.path


def fill_from(danh_gia: DanhGia, bo: BoChiSo, path: Path) -> Path:
    """Type a YAML assessment's facts into a fresh form."""
    write_form(bo, path)
    school = School(path)
    school.detail("Đơn vị:", danh_gia.don_vi)
    school.detail("Năm học:", danh_gia.nam_hoc)
    rules = _rules(bo)
    for code, kq in danh_gia.ket_qua.items():
        rule = rules[code]
        if kq.dat is not None:
            school.fact(code, "Đạt" if kq.dat else "Chưa đạt")
        if kq.co is not None:
            school.fact(code, "Có" if kq.co else "Không")
        if kq.ty_le is not None:
            school.fact(code, float(kq.ty_le))
        if kq.so is not None and kq.tong is not None:
            school.fact(code, kq.so * 100 / kq.tong)  # 14 of 16 rooms: the clerk types 87.5
        if kq.so_luong is not None:
            school.fact(code, kq.so_luong)
        if kq.chon is not None:
            assert rule is not None
            school.fact(code, option_labels(rule)[kq.chon])
        if kq.chuc_nang is not None:
            assert rule is not None
            for n in range(1, len(rule.chuc_nang) + 1):
                school.put(code, "Dữ kiện", "Có" if n in kq.chuc_nang else "Không", below=n)
        if kq.diem is not None:
            school.put(code, "Điểm tự đánh giá", float(kq.diem))
        if kq.minh_chung:
            school.put(code, "Minh chứng", "\n".join(kq.minh_chung))
    return school.save()


@pytest.mark.parametrize(
    ("example", "points"),
    [(THANH_TRI, (84, 94)), (QUYET_TIEN, (59, 94))],
    ids=["thanh-tri", "quyet-tien"],
)
def test_a_filled_form_scores_exactly_as_the_yaml(
    tmp_path: Path, example: Path, points: tuple[int, int]
) -> None:
    yaml_danh_gia, bo, expected = load_assessment(example)
    form = fill_from(yaml_danh_gia, bo, tmp_path / "phieu.xlsx")
    danh_gia, _, got = load_form(form)
    assert got == expected  # every group, criterion, item, cap, level, evidence, explanation
    assert tuple(g.points for g in got.groups) == tuple(Decimal(p) for p in points)
    assert [(c.code, c.points, c.level, c.met) for _, c in got.criteria()] == [
        (c.code, c.points, c.level, c.met) for _, c in expected.criteria()
    ]
    assert score(bo, read_form(form)) == expected
    assert danh_gia.don_vi == yaml_danh_gia.don_vi and danh_gia.nam_hoc == yaml_danh_gia.nam_hoc
    # evidence stays whole: commas are not separators
    assert danh_gia.ket_qua["2.1"].minh_chung == yaml_danh_gia.ket_qua["2.1"].minh_chung


def test_values_typed_in_other_ways(tmp_path: Path) -> None:
    path = tmp_path / "phieu.xlsx"
    write_form(BO, path, don_vi="Trường THCS A", nam_hoc="2024 – 2025")
    school = School(path)
    pct = school.fact("1.6.a", 0.85)
    school.ws[pct].number_format = "0%"  # "85%" typed in Excel: 0.85 shown as a percentage
    school.fact("1.6.b", "87,5%")
    school.fact("1.6.c", "25")
    school.fact("1.4", 45.0)
    school.fact("1.3.a", "x")
    school.fact("1.1", "đạt")
    school.fact("2.3.c", "chung_thu_so")  # the key instead of the label
    school.fact("2.3.d", "file pdf")
    school.put("1.3.b", "Dữ kiện", "Có", below=2)
    school.put("1.3.b", "Dữ kiện", "không", below=3)
    school.put("2.3.a", "Minh chứng", "Quy chế số 5/QC-THCS, ngày 05/9/2024; https://a.edu.vn\n")
    school.save()
    dg = read_form(path)
    kq = dg.ket_qua
    assert dg.nam_hoc == "2024-2025"
    percentages = (kq["1.6.a"].ty_le, kq["1.6.b"].ty_le, kq["1.6.c"].ty_le)
    assert percentages == (Decimal(85), Decimal("87.5"), Decimal(25))
    assert kq["1.4"].so_luong == 45 and isinstance(kq["1.4"].so_luong, int)
    assert kq["1.3.a"].co is True and kq["1.1"].dat is True
    assert (kq["2.3.c"].chon, kq["2.3.d"].chon) == ("chung_thu_so", "pdf")
    assert kq["1.3.b"].chuc_nang == (2,)
    assert kq["2.3.a"].minh_chung == ("Quy chế số 5/QC-THCS, ngày 05/9/2024", "https://a.edu.vn")
    assert "1.5.a" not in kq  # left blank: not deployed


def test_every_mistake_is_reported_by_its_cell(tmp_path: Path) -> None:
    path = tmp_path / "phieu.xlsx"
    write_form(BO, path)
    school = School(path)
    school.detail("Năm học:", "2024")
    cells = {
        "count": school.fact("1.4", 12.5),
        "percent": school.fact("1.6.a", 130),
        "text": school.fact("1.6.b", "nhiều"),
        "option": school.fact("1.7.b", "Mức độ 9"),
        "yes": school.fact("1.3.a", "có lẽ"),
        "met": school.fact("2.1", "gần đạt"),
        "function": school.put("1.3.b", "Dữ kiện", "chưa", below=1),
        "negative": school.fact("2.4.a", "Có"),
        "claim": school.put("1.5.a", "Điểm tự đánh giá", 20),
        "claim_text": school.put("2.3.b", "Điểm tự đánh giá", "sáu"),
    }
    school.fact("1.5.a", "Có")  # cap 15: the claim of 20 is the engine's finding
    school.put("1.6.a", "Điểm tự đánh giá", 7)  # its fact is unreadable: no second finding
    school.put("2.4.a", "Điểm tự đánh giá", -1)
    school.save()
    with pytest.raises(InputError) as caught:
        load_form(path)
    found = {p.path: p.message for p in caught.value.problems}
    expected = {
        f"Phieu!{cells['count']} (1.4, so_luong)": "số lượng phải là số nguyên, không phải 12,5",
        f"Phieu!{cells['percent']} (1.6.a, ty_le)": "tỷ lệ phải từ 0 đến 100%, không phải 130",
        f"Phieu!{cells['text']} (1.6.b, ty_le)": "tỷ lệ phải là một số, không phải 'nhiều'",
        f"Phieu!{cells['option']} (1.7.b, chon)": "lựa chọn 'Mức độ 9' không có",
        f"Phieu!{cells['yes']} (1.3.a, co)": "chọn Có hoặc Không, không phải 'có lẽ'",
        f"Phieu!{cells['met']} (2.1, dat)": "chọn Đạt hoặc Chưa đạt, không phải 'gần đạt'",
        f"Phieu!{cells['function']} (1.3.b, chuc_nang 1)": "chọn Có hoặc Không",
        f"Phieu!{school.ref('2.4.a', 'Điểm tự đánh giá')} (2.4.a, diem)": "không được âm",
        f"Phieu!{cells['claim']} (1.5.a, diem)": "điểm tự đánh giá 20 vượt mức tối đa 15",
        f"Phieu!{cells['claim_text']} (2.3.b, diem)": "phải là một số, không phải 'sáu'",
        "Phieu!B3 (Đơn vị)": "thiếu tên đơn vị",
        "Phieu!E3 (Năm học)": "năm học phải có dạng 2024-2025",
    }
    for where, message in expected.items():
        assert where in found, (where, sorted(found))
        assert message in found[where], (where, found[where])
    assert len(found) == len(caught.value.problems) == len(expected)
    assert "Mức độ 1; Mức độ 2; Mức độ 3" in found[f"Phieu!{cells['option']} (1.7.b, chon)"]


def test_the_cli_reports_cells_and_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "phieu.xlsx"
    write_form(BO, path, don_vi="Trường THCS A", nam_hoc="2024-2025")
    school = School(path)
    ref = school.fact("1.4", 12.5)
    school.save()
    assert cli(["score", str(path)]) == 2
    err = capsys.readouterr().err
    assert f"Phieu!{ref} (1.4, so_luong): số lượng phải là số nguyên" in err


def test_not_a_form(tmp_path: Path) -> None:
    from openpyxl import Workbook

    Workbook().save(tmp_path / "khac.xlsx")
    with pytest.raises(InputError, match="không phải phiếu tự đánh giá"):
        read_form(tmp_path / "khac.xlsx")
    (tmp_path / "hong.xlsx").write_bytes(b"not a zip")
    with pytest.raises(InputError, match="không mở được tệp Excel"):
        read_form(tmp_path / "hong.xlsx")


def _validations(ws: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for dv in ws.data_validations.dataValidation:
        for rng in dv.sqref.ranges:
            for row in ws[rng.coord] if ":" in rng.coord else [[ws[rng.coord]]]:
                for cell in row:
                    out[cell.coordinate] = dv
    return out


def test_input_cells_have_validation_and_the_rest_is_locked(tmp_path: Path) -> None:
    path = write_form(BO, tmp_path / "phieu.xlsx", don_vi="Trường THCS A")
    book = load_workbook(path)
    ws = book[FORM_SHEET]
    assert book.sheetnames[:2] == [FORM_SHEET, GUIDE_SHEET]
    assert book[MAP_SHEET].sheet_state == "hidden" and book[CHOICE_SHEET].sheet_state == "hidden"
    assert ws["B3"].value == "Trường THCS A" and ws["E4"].value == "qd-4725-2022"
    dvs = _validations(ws)
    mapped = [row for row in book[MAP_SHEET].iter_rows(min_row=3, values_only=True)]
    maxima = {i.ma: i.toi_da for _, tc in BO.tieu_chi() for i in tc.chi_bao} | {
        tc.ma: tc.toi_da for _, tc in BO.tieu_chi() if tc.toi_da is not None
    }
    kinds: dict[str, int] = {}
    for target, code, fact, _ in mapped:
        assert target.startswith("=Phieu!")  # a reference Excel keeps up to date
        ref = target.removeprefix("=Phieu!")
        kinds[fact] = kinds.get(fact, 0) + 1
        cell = ws[ref]
        assert cell.protection.locked is False, ref
        dv: Any = dvs.get(ref)
        if fact in ("co", "chuc_nang"):
            assert (dv.type, dv.formula1) == ("list", '"Có,Không"'), ref
        elif fact == "dat":
            assert (dv.type, dv.formula1) == ("list", '"Đạt,Chưa đạt"'), ref
        elif fact == "ty_le":
            assert (dv.type, dv.operator, dv.formula1, dv.formula2) == (
                "decimal", "between", "0", "100",
            ), ref  # fmt: skip
        elif fact == "so_luong":
            assert (dv.type, dv.operator, dv.formula1) == ("whole", "greaterThanOrEqual", "0")
        elif fact == "chon":
            assert dv.type == "list"
            target = book.defined_names[dv.formula1].attr_text
            sheet, cells = target.split("!")
            labels = [r[0].value for r in book[sheet.strip("'")][cells.replace("$", "")]]
            rule = _rules(BO)[code]
            assert rule is not None and labels == list(option_labels(rule).values())
        elif fact == "diem":
            assert (dv.type, dv.formula1, Decimal(dv.formula2)) == ("decimal", "0", maxima[code])
        elif fact == "cap_hoc":
            assert dv.type == "list" and "THCS" in dv.formula1 and dv.errorStyle == "warning"
        else:
            assert dv is None, ref  # evidence, the school's details: free text
        assert dv is None or (dv.showErrorMessage and dv.error), ref
    assert kinds == {"don_vi": 1, "nam_hoc": 1, "cap_hoc": 1, "bo_chi_so": 1, "dat": 4,
                     "co": 14, "ty_le": 4, "so_luong": 1, "chon": 3, "chuc_nang": 4,
                     "diem": 23, "minh_chung": 33}  # fmt: skip
    assert ws.protection.sheet and not ws.protection.password
    assert ws.freeze_panes == "C7"
    header = {c.value: c.column_letter for c in ws[6]}
    live = [c for c in header if c and "tạm tính" in c]
    assert len(live) == 4
    row = next(r for r in range(7, ws.max_row) if ws[f"A{r}"].value == "1.6.a")
    # the first tier starts above 0: a fact of zero earns zero (issue 12)
    assert ws[f"D{row}"].value == (
        ">0% và <30%: tối đa 2 điểm; 30%–60%: tối đa 4 điểm; >60%: tối đa 7 điểm"
    )
    cap, points = ws[f"{header['Tối đa theo dữ kiện (tạm tính)']}{row}"], ws[f"I{row}"]
    assert str(cap.value).startswith("=IF(ISNUMBER(E") and points.value.startswith("=IF(")
    assert cap.protection.locked is not False
    assert ws["A7"].font.name == "Times New Roman" and ws[f"B{row}"].alignment.wrap_text


def _recalculated(soffice: str, path: Path, out: Path) -> list[list[str]]:
    """The form's first sheet as LibreOffice computes it (CSV, formulas evaluated)."""
    profile = out / "profile"
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
         "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", str(out), str(path)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    import csv

    with (out / f"{path.stem}.csv").open(encoding="utf-8") as handle:
        return list(csv.reader(handle))


@pytest.mark.parametrize("example", [THANH_TRI, QUYET_TIEN], ids=["thanh-tri", "quyet-tien"])
def test_live_formulas_match_the_engine(soffice: str, tmp_path: Path, example: Path) -> None:
    danh_gia, bo, expected = load_assessment(example)
    form = fill_from(danh_gia, bo, tmp_path / "phieu.xlsx")
    school = School(form)  # 1.6.a typed as "85%": Excel stores 0.85 with a percent format
    ref = school.ref("1.6.a", "Dữ kiện")
    school.ws[ref] = float(school.ws[ref].value) / 100
    school.ws[ref].number_format = "0%"
    school.save()
    assert load_form(form)[2] == expected
    rows = _recalculated(soffice, form, tmp_path)
    by_code = {r[0]: r for r in rows if r and r[0]}
    for g in expected.groups:
        row = by_code[f"Nhóm {g.code}"]
        assert (Decimal(row[8]), int(row[9])) == (g.points, g.level), g.code
        for c in g.criteria:
            if not c.mandatory:
                row = by_code[c.code]
                assert (Decimal(row[8]), int(row[9])) == (c.points, c.level), c.code
            for i in c.items:
                row = by_code[i.code]
                assert (Decimal(row[7]), Decimal(row[8])) == (i.cap, i.points), i.code
    overall = next(r for r in rows if len(r) > 1 and r[1].startswith("Mức độ chung"))
    assert int(overall[9]) == expected.lowest_level


def test_cli_form_fill_score_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    form = tmp_path / "phieu.xlsx"
    assert cli(["form", "-o", str(form), "--don-vi", "Trung tâm GDNN-GDTX huyện Thanh Trì",
                "--nam-hoc", "2024-2025"]) == 0  # fmt: skip
    assert "Đã tạo phiếu tự đánh giá" in capsys.readouterr().out
    danh_gia, bo, expected = load_assessment(THANH_TRI)
    school = School(form)
    # the details came pre-filled; fill the rest the same way as above
    filled = fill_from(danh_gia, bo, tmp_path / "tmp.xlsx")
    source = load_workbook(filled)[FORM_SHEET]
    for row in school.ws.iter_rows(min_row=7):
        for cell in row:
            if cell.protection.locked is False:
                cell.value = source[cell.coordinate].value
    school.save()
    assert cli(["score", str(form), "--json"]) == 0
    got = json.loads(capsys.readouterr().out)
    assert got == json.loads(json.dumps(expected.to_json()))
    assert [g["diem"] for g in got["nhom"]] == [84, 94]


def test_a_dossier_can_name_a_form(tmp_path: Path) -> None:
    folder = tmp_path / "thanh-tri"
    shutil.copytree(EXAMPLES / "thanh-tri-2024-2025", folder)
    danh_gia, bo, expected = load_assessment(THANH_TRI)
    fill_from(danh_gia, bo, folder / "phieu.xlsx")
    dossier = folder / "ho-so.yaml"
    text = dossier.read_text(encoding="utf-8")
    assert "tu_danh_gia: tu-danh-gia.yaml" in text
    dossier.write_text(text.replace("tu_danh_gia: tu-danh-gia.yaml", "tu_danh_gia: phieu.xlsx"))
    scorecard = load_dossier(dossier).scorecard
    assert scorecard == expected


def test_form_for_a_set_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import importlib.resources

    resource = importlib.resources.files("vnadmin_docs") / "data" / "indicator_sets"
    sets = tmp_path / "sets"
    sets.mkdir()
    with importlib.resources.as_file(resource / "qd-4725-2022.yaml") as shipped:
        shutil.copyfile(shipped, sets / "tinh.yaml")
    out = tmp_path / "forms" / "phieu.xlsx"
    cwd = Path.cwd()
    os.chdir(tmp_path)
    try:
        assert cli(["form", "--bo-chi-so", "sets/tinh.yaml", "-o", "forms/phieu.xlsx"]) == 0
    finally:
        os.chdir(cwd)
    ws = load_workbook(out)[FORM_SHEET]
    assert ws["E4"].value == "../sets/tinh.yaml"
    school = School(out)
    school.detail("Đơn vị:", "Trường THCS A")
    school.detail("Năm học:", "2024-2025")
    school.fact("1.4", 45)
    school.save()
    _, bo, sc = load_form(out)
    assert bo.ma == "qd-4725-2022" and sc.group("1").points == 10


def test_aggregate_counts_filled_forms(tmp_path: Path) -> None:
    from vnadmin_docs.app.managing import load_school_results

    forms = []
    for n, example in enumerate((THANH_TRI, QUYET_TIEN)):
        danh_gia, bo, _ = load_assessment(example)
        forms.append(fill_from(danh_gia, bo, tmp_path / f"phieu-{n}.xlsx"))
    broken_form = tmp_path / "loi.xlsx"
    write_form(BO, broken_form)
    results, broken = load_school_results([*forms, broken_form], bo=BO)
    assert [(r.don_vi, tuple(g.points for g in r.groups)) for r in results] == [
        ("Trung tâm GDNN-GDTX huyện Thanh Trì", (Decimal(84), Decimal(94))),
        ("Trường THCS Quyết Tiến", (Decimal(59), Decimal(94))),
    ]
    assert results[1].cap_hoc == "THCS" and results[1].criteria["1.4"] == 6
    ((source, problems),) = broken
    assert source == str(broken_form)
    assert {p.path for p in problems} == {"Phieu!B3 (Đơn vị)", "Phieu!E3 (Năm học)"}


def test_a_form_saved_by_libreoffice_reads_with_computed_formulas(
    soffice: str, tmp_path: Path
) -> None:
    danh_gia, bo, expected = load_assessment(THANH_TRI)
    form = fill_from(danh_gia, bo, tmp_path / "phieu.xlsx")
    school = School(form)
    ref = school.fact("1.7.a", "=14/16*100")  # the clerk lets Excel work out 14 of 16 rooms
    school.save()
    with pytest.raises(InputError) as caught:
        load_form(form)  # openpyxl stores no computed value
    (problem,) = caught.value.problems
    assert (
        problem.path == f"Phieu!{ref} (1.7.a, ty_le)"
        and "công thức chưa được tính" in problem.message
    )
    saved = tmp_path / "saved"
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless",
         "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(saved), str(form)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    assert load_form(saved / "phieu.xlsx")[2] == expected
    book = load_workbook(saved / "phieu.xlsx")
    assert book[MAP_SHEET].sheet_state == "hidden" and book[FORM_SHEET].protection.sheet


def test_rows_moved_behind_the_maps_back_are_reported_not_misread(tmp_path: Path) -> None:
    danh_gia, bo, _ = load_assessment(QUYET_TIEN)
    form = fill_from(danh_gia, bo, tmp_path / "phieu.xlsx")
    book = load_workbook(form)
    row = School(form).rows["2.4"]
    book[FORM_SHEET].insert_rows(row)  # openpyxl, unlike Excel, does not update references
    book[MAP_SHEET]["A3"] = "=Phieu!#REF!"  # what Excel writes for a deleted cell
    book.save(form)
    with pytest.raises(InputError) as caught:
        read_form(form)
    lost, moved = caught.value.problems
    assert lost.path == "Phieu (Đơn vị)" and lost.message.startswith("ô nhập này đã bị xóa;")
    assert moved.path == f"Phieu!G{row} (2.4, minh_chung)"
    assert moved.message.startswith("ô không còn ở dòng của mã 2.4 (10 ô nhập): phiếu đã bị chèn")


def test_rows_inserted_in_libreoffice_keep_the_map(soffice: str, tmp_path: Path) -> None:
    from vnadmin_docs.pdf.libreoffice import find_uno_python

    uno_python = find_uno_python()
    if uno_python is None:
        missing("python3-uno is not installed: run scripts/setup")
    danh_gia, bo, expected = load_assessment(THANH_TRI)
    form = fill_from(danh_gia, bo, tmp_path / "phieu.xlsx")
    row = School(form).rows["1.6"]
    script = Path(__file__).with_name("uno_insert_rows.py")
    subprocess.run(
        [uno_python, str(script), soffice, str(tmp_path / "profile"), str(form), FORM_SHEET,
         str(row), "3"],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    moved = School(form)
    assert moved.rows["1.6"] == row + 3  # the rows really moved
    assert load_form(form)[2] == expected
