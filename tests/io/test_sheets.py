"""The managing body's spreadsheets: Vietnamese headers, Excel's CSV in any locale, rows that
cannot be read reported without losing the rest, and ``tong-hop.xlsx``."""

from __future__ import annotations

import json
import random
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from tests.excel.test_form import fill_from
from tests.helpers import EXAMPLES
from vnadmin_docs.app.loading import load_assessment
from vnadmin_docs.assessment.aggregation import phan_tram_lam_tron
from vnadmin_docs.cli import main as cli
from vnadmin_docs.errors import InputError
from vnadmin_docs.excel.tong_hop import SHEETS, left_out_rows
from vnadmin_docs.io import load_indicator_set
from vnadmin_docs.io.results import read_result_rows
from vnadmin_docs.io.sheet_headers import column_key, read_sheet
from vnadmin_docs.model import DanhGia

sys.path.insert(0, str(EXAMPLES))
import generate_schools

BO = load_indicator_set("qd-4725-2022")
GROUPS = {n.ma: n.ten for n in BO.nhom}
CRITERIA = [tc.ma for _, tc in BO.tieu_chi()]


def _level(points: Decimal, met: bool) -> int:
    """QĐ 4725's bands, written out here: below 50 → 1, 50 to 75 → 2, above 75 → 3; an unmet
    mandatory condition → 1."""
    if not met or points < 50:
        return 1
    return 2 if points <= 75 else 3


@dataclass(frozen=True)
class School:
    name: str
    cap: str
    danh_gia: DanhGia
    groups: dict[str, tuple[Decimal, bool]]
    """Group code → (points, mandatory conditions met), as the engine scored the YAML."""
    criteria: dict[str, Decimal]


def _schools(tmp_path: Path, count: int = 30) -> list[School]:
    """``count`` schools' facts as assessment files, and what the engine scored each."""
    rng = random.Random(7)
    schools = []
    (tmp_path / "yaml").mkdir()
    for i in range(count):
        level, prefix, _ = generate_schools.LEVELS[i % 2]
        name = f"{prefix} {generate_schools.NAMES[i % len(generate_schools.NAMES)]} số {i + 1}"
        body = {"don_vi": name, "nam_hoc": "2024-2025", "cap_hoc": level,
                "bo_chi_so": "qd-4725-2022", "ket_qua": generate_schools.assessment(rng)}  # fmt: skip
        path = tmp_path / "yaml" / f"truong-{i + 1:02d}.json"
        path.write_text(json.dumps(body, ensure_ascii=False), encoding="utf-8")
        danh_gia, _, sc = load_assessment(path)
        groups = {g.code: (g.points, g.mandatory_met) for g in sc.groups}
        criteria = {c.code: c.points for _, c in sc.criteria() if c.points is not None}
        schools.append(School(name, level, danh_gia, groups, criteria))
    return schools


Expected = tuple[dict[str, list[int]], dict[str, Decimal], dict[str, int]]


def _expected(schools: list[School]) -> Expected:
    """Counts per group and level, criterion averages and how many schools each covers,
    computed here from the schools' points."""
    counts = {}
    for code in GROUPS:
        tally = Counter(_level(*s.groups[code]) for s in schools)
        counts[code] = [tally[lv] for lv in (1, 2, 3)]
    sums: dict[str, Decimal] = {}
    n: Counter[str] = Counter()
    for s in schools:
        for code, points in s.criteria.items():
            sums[code] = sums.get(code, Decimal(0)) + points
            n[code] += 1
    averages = {c: (v / n[c]).quantize(Decimal("0.01")) for c, v in sums.items()}
    return counts, averages, dict(n)


def _comma(x: Decimal) -> str:
    return format(x.normalize(), "f").replace(".", ",")  # Excel in a Vietnamese locale


def _write_csv(schools: list[School], path: Path) -> Path:
    header = ["STT", "Tên đơn vị", "Cấp học", "Điểm nhóm 1", GROUPS["2"],
              "Điều kiện bắt buộc nhóm 1", "Đạt điều kiện bắt buộc nhóm 2",
              *(f"Tiêu chí {c}" for c in CRITERIA)]  # fmt: skip
    lines = [";".join(header)]
    for i, s in enumerate(schools, start=1):
        (p1, met1), (p2, met2) = s.groups["1"], s.groups["2"]
        cells = [str(i), s.name, s.cap, _comma(p1), _comma(p2),
                 "Đạt" if met1 else "Chưa đạt", "x" if met2 else "chưa đạt",
                 *(_comma(s.criteria[c]) if c in s.criteria else "" for c in CRITERIA)]  # fmt: skip
        lines.append(";".join(cells))
    path.write_bytes("\r\n".join(lines).encode("utf-8-sig"))
    return path


def _check_outputs(out: Path, expected: Expected, schools: list[School]) -> None:
    counts, averages, n = expected
    data = json.loads((out / "tong-hop.json").read_text(encoding="utf-8"))
    assert data["so_truong"] == len(schools)
    for g in data["groups"]:
        assert [g["counts"][str(lv)] for lv in (1, 2, 3)] == counts[g["code"]], g["code"]
    assert {k: Decimal(str(v)) for k, v in data["averages"].items()} == averages
    book = load_workbook(out / "tong-hop.xlsx", read_only=True)
    assert book.sheetnames == list(SHEETS)
    rows = list(book[SHEETS[0]].iter_rows(min_row=4, values_only=True))
    assert len(rows) == len(schools)
    by_name = {r[1]: r for r in rows}
    for s in schools:
        row = by_name[s.name]
        assert row[2] == s.cap
        for k, code in enumerate(GROUPS):
            points, met = s.groups[code]
            assert Decimal(str(row[3 + 2 * k])) == points
            assert row[4 + 2 * k] == _level(points, met)
        unmet = [f"Nhóm {c}" for c in GROUPS if not s.groups[c][1]]
        assert (row[7] or "") == ", ".join(unmet)
    tally = list(book[SHEETS[1]].iter_rows(min_row=4, values_only=True))
    for code in GROUPS:
        mine = [r for r in tally if r[0] == f"Nhóm {code}"]
        assert [r[4] for r in mine] == counts[code]
        assert [Decimal(str(r[5])) for r in mine] == list(phan_tram_lam_tron(counts[code]))
    per_criterion = {r[1]: r for r in book[SHEETS[3]].iter_rows(min_row=4, values_only=True)}
    assert set(per_criterion) == set(CRITERIA)
    for code, average in averages.items():
        assert Decimal(str(per_criterion[code][4])) == average
        assert per_criterion[code][5] == n[code]
    assert list(book[SHEETS[2]].iter_rows(min_row=4, values_only=True)) == []


def test_thirty_schools_from_a_vietnamese_csv_and_from_their_forms(tmp_path: Path) -> None:
    schools = _schools(tmp_path)
    expected = _expected(schools)
    counts = expected[0]
    assert sum(counts["1"]) == 30 and all(len([c for c in v if c]) >= 2 for v in counts.values())
    assert any(not met for s in schools for _, met in s.groups.values())

    csv = _write_csv(schools, tmp_path / "ket-qua.csv")
    assert csv.read_bytes().startswith(b"\xef\xbb\xbf")
    out = tmp_path / "csv"
    assert cli(["aggregate", str(csv), "-o", str(out), "--docx-only"]) == 0
    _check_outputs(out, expected, schools)

    forms = [
        fill_from(s.danh_gia, BO, tmp_path / f"phieu-{i:02d}.xlsx") for i, s in enumerate(schools)
    ]
    out = tmp_path / "forms"
    assert cli(["aggregate", *map(str, forms), "-o", str(out), "--docx-only"]) == 0
    _check_outputs(out, expected, schools)


def test_a_nan_row_is_reported_and_the_rows_after_it_are_read(tmp_path: Path) -> None:
    path = tmp_path / "kq.csv"
    path.write_text(
        "don_vi,cap_hoc,nhom_1,nhom_2\n"
        "Trường THCS A,THCS,60,70\n"
        "nan,nan,nan,nan\n"
        "\n"
        "Trường THCS B,THCS,,80\n"
        "Trường THCS C,THCS,NaN,80\n"
        "Trường THCS D,THCS,80,90\n",
        encoding="utf-8",
    )
    results, broken = read_result_rows(path, BO)
    assert [r.don_vi for r in results] == ["Trường THCS A", "Trường THCS D"]
    assert [where for where, _ in broken] == ["kq.csv:dòng 3", "kq.csv:dòng 5", "kq.csv:dòng 6"]
    assert "không có dữ liệu" in str(broken[0][1][0])
    assert "thiếu điểm nhóm 1" in str(broken[1][1][0])
    assert "không phải None" not in " ".join(str(p) for _, ps in broken for p in ps)


def _cp1258(text: str) -> bytes:
    """What Windows-1258 holds: precomposed letters where it has them, else combining marks."""
    out = b""
    for c in text:
        try:
            out += c.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", c)
            out += unicodedata.normalize("NFC", parts[:-1]).encode("cp1258")
            out += parts[-1].encode("cp1258")
    return out


def test_encodings_are_named(tmp_path: Path) -> None:
    text = "Tên đơn vị;Nhóm 1;Nhóm 2\nTrường Tiểu học Đông Mỹ;60;70\n"
    utf16 = tmp_path / "u16.csv"
    utf16.write_bytes(text.encode("utf-16"))
    with pytest.raises(InputError, match="UTF-16"):
        read_result_rows(utf16, BO)
    legacy = tmp_path / "cp.csv"
    legacy.write_bytes(_cp1258(text))
    with pytest.raises(InputError, match="cp1258") as caught:
        read_result_rows(legacy, BO)
    assert caught.value.problems[0].line == 1
    plain = tmp_path / "plain.csv"
    plain.write_text(text, encoding="utf-8")  # no BOM
    (result,), broken = read_result_rows(plain, BO)
    assert broken == [] and result.don_vi == "Trường Tiểu học Đông Mỹ"
    assert result.cap_hoc == "Tiểu học"


def test_headers_in_any_spelling_and_a_title_row(tmp_path: Path) -> None:
    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.append(["BẢNG TỔNG HỢP KẾT QUẢ"])
    ws.append([])
    ws.append(["ĐƠN VỊ", "CAP HOC", "Nhóm 1: Chuyển đổi số trong dạy, học", "tong diem nhom 2",
               "Bắt buộc nhóm 2", "Năm học"])  # fmt: skip
    ws.append(["Trường THPT X", "THPT", 80.5, 40, "chưa đạt", "2024-2025"])
    ws.append([None] * 6)
    ws.append(["Trường THPT Y", "THPT", 50, 76, "đạt", "2024-2025"])
    path = tmp_path / "kq.xlsx"
    book.save(path)
    sheet = read_sheet(path)
    assert sheet.header_line == 3 and [n for n, _ in sheet.rows] == [4, 6]
    results, broken = read_result_rows(path, BO)
    assert broken == []
    x, y = results
    assert [(g.code, g.points, g.level) for g in x.groups] == [("1", Decimal("80.5"), 3),
                                                               ("2", Decimal(40), 1)]  # fmt: skip
    assert not x.groups[1].mandatory_met and y.groups[1].level == 3
    assert column_key("Năm học", GROUPS, CRITERIA) == "nam_hoc"


def test_a_missing_column_is_named_and_two_meaning_the_same_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "kq.csv"
    path.write_text("Tên đơn vị,Nhóm 1\nA,50\n", encoding="utf-8")
    with pytest.raises(InputError, match="không tìm thấy cột Nhóm 2"):
        read_result_rows(path, BO)
    path.write_text("Tên đơn vị;Đơn vị;Nhóm 1;Nhóm 2\nA;A;50;50\n", encoding="utf-8")
    with pytest.raises(InputError, match="hai cột cùng nghĩa 'don_vi'"):
        read_result_rows(path, BO)


def test_left_out_schools_reach_the_workbook(tmp_path: Path) -> None:
    path = tmp_path / "kq.csv"
    path.write_text(
        "sep=;\nTên đơn vị;Nhóm 1;Nhóm 2\nTrường THCS A;60;70\nTrường THCS A;61;70\n"
        "Trường THCS B;abc;70\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    assert cli(["aggregate", str(path), "-o", str(out), "--docx-only"]) == 1
    book = load_workbook(out / "tong-hop.xlsx", read_only=True)
    rows = list(book[SHEETS[2]].iter_rows(min_row=4, values_only=True))
    statuses = sorted(str(r[1]) for r in rows)
    assert statuses == ["Có lỗi, không tính", "Trùng, chỉ tính một lần"]
    assert any("kq.csv:dòng 5" in str(r[0]) for r in rows)
    assert len(list(book[SHEETS[0]].iter_rows(min_row=4))) == 1


def test_the_left_out_sheet_reads_every_kind_of_left_out() -> None:
    duplicate = "b.json: trùng đơn vị 'Trường THCS B' với c.json; chỉ tính một lần"
    data = {
        "broken": [{"source": "a.csv:dòng 4", "problems": ["a.csv:dòng 4.nhom_1: thiếu điểm"]}],
        "duplicates": [duplicate],
        "loai_ra": [{"don_vi": "Trường THCS D", "source": "d.json",
                     "ly_do": "kết quả năm học 2023-2024, không phải năm học 2024-2025"}],
        "thieu": [{"don_vi": "Trường Tiểu học E", "cap_hoc": "Tiểu học"}],
    }  # fmt: skip
    assert left_out_rows(data) == [
        ("a.csv:dòng 4", "Có lỗi, không tính", "a.csv:dòng 4.nhom_1: thiếu điểm"),
        ("b.json", "Trùng, chỉ tính một lần", duplicate),
        ("Trường THCS D (d.json)", "Ngoài phạm vi tổng hợp",
         "kết quả năm học 2023-2024, không phải năm học 2024-2025"),
        ("Trường Tiểu học E", "Chưa có kết quả", "Tiểu học"),
    ]  # fmt: skip
    assert left_out_rows({}) == []
