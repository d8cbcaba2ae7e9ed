"""The aggregate as a workbook (``tong-hop.xlsx``), for the managing body's office to sort,
filter and forward: what ``aggregate`` counted, in four sheets.

* ``Theo đơn vị``: a row per school counted: its level of schooling, each group's points and
  level, the groups whose mandatory conditions are not met, and where the result came from;
* ``Tổng hợp``: per group, the schools at each level (count and percentage, adding up to 100);
* ``Chưa tính``: every school or file not counted and why: a file or row with errors, a
  duplicate, a result outside the aggregation's scope, an expected school without a result
  (read from the aggregate's JSON form, so the workbook says what ``tong-hop.json`` says);
* ``Theo tiêu chí``: per criterion, the average points and how many schools it covers.

Numbers are written as numbers (not text), so Excel sums and sorts them.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from pathlib import Path

from .._atomic import atomic_path
from ..assessment.aggregation import TongHop, phan_tram_lam_tron
from ..assessment.sets import BoChiSo
from .xlsx import HEADER, TITLE, TOP_WRAPPED, Cell, Sheet, column_letter, write_workbook

__all__ = ["SHEETS", "left_out_rows", "write_tong_hop"]

SHEETS = ("Theo đơn vị", "Tổng hợp", "Chưa tính", "Theo tiêu chí")


def _table(name: str, title: str, header: Sequence[str], rows: Sequence[Sequence[object]],
           widths: Sequence[int], *, wrapped: int | None = None) -> Sheet:  # fmt: skip
    """A sheet with a title in A1, the header in row 3 (frozen, filtered), ``rows`` from row 4;
    column ``wrapped`` (1-based) of the rows wraps its text."""
    body: Iterable[Sequence[object]] = rows
    if wrapped is not None:
        at = wrapped - 1
        body = ([*row[:at], Cell(row[at], TOP_WRAPPED), *row[at + 1 :]] for row in rows)
    return Sheet(
        name,
        itertools.chain([[Cell(title, TITLE)], [], [Cell(h, HEADER) for h in header]], body),
        widths,
        freeze="A4",
        auto_filter=f"A3:{column_letter(len(header))}{3 + len(rows)}" if rows else None,
    )


def left_out_rows(data: Mapping[str, object]) -> list[tuple[str, str, str]]:
    """(school or file, status, details) of everything the aggregate's JSON form says was not
    counted: ``broken``, ``duplicates``, ``loai_ra`` (outside the scope), ``thieu`` (missing)."""
    rows: list[tuple[str, str, str]] = []

    def items(key: str) -> list[object]:
        value = data.get(key)
        return list(value) if isinstance(value, list) else []

    for b in items("broken"):
        if isinstance(b, dict):
            rows.append((str(b.get("source", "")), "Có lỗi, không tính",
                         "; ".join(map(str, b.get("problems", [])))))  # fmt: skip
    for d in items("duplicates"):
        rows.append((str(d).split(": ", 1)[0], "Trùng, chỉ tính một lần", str(d)))
    for x in items("loai_ra"):
        if isinstance(x, dict):
            where = f"{x.get('don_vi', '')} ({x.get('source', '')})"
            rows.append((where, "Ngoài phạm vi tổng hợp", str(x.get("ly_do", ""))))
    for m in items("thieu"):
        name = str(m.get("don_vi", "")) if isinstance(m, dict) else str(m)
        cap = str(m.get("cap_hoc", "")) if isinstance(m, dict) else ""
        rows.append((name, "Chưa có kết quả", cap))
    return rows


def write_tong_hop(th: TongHop, bo: BoChiSo, data: Mapping[str, object], out: Path | str) -> Path:
    """Write ``th`` (counted against ``bo``) to ``out`` atomically; ``data`` is the aggregate's
    JSON form as the command writes it (``th.to_json()`` and ``broken``), for what was left out."""
    groups = [(n.ma, n.ten) for n in bo.nhom]

    per_school = []
    for i, r in enumerate(th.counted, start=1):
        by_code = {g.code: g for g in r.groups}
        cells: list[object] = [i, r.don_vi, r.cap_hoc]
        for code, _ in groups:
            g = by_code.get(code)
            cells += [g.points, g.level] if g else [None, None]
        unmet = [f"Nhóm {g.code}" for g in r.groups if not g.mandatory_met]
        per_school.append([*cells, ", ".join(unmet), r.source])
    header = ["STT", "Đơn vị", "Cấp học"]
    for code, _ in groups:
        header += [f"Nhóm {code}: điểm", f"Nhóm {code}: mức độ"]
    header += ["Điều kiện bắt buộc chưa đạt", "Nguồn"]
    sheets = [_table(SHEETS[0], f"KẾT QUẢ TỪNG ĐƠN VỊ ({bo.ma})", header, per_school,
           [6, 40, 14, *([12, 12] * len(groups)), 26, 30])]  # fmt: skip

    counts = []
    for dem in th.groups:
        shares = phan_tram_lam_tron(dem.total)
        for level, k, pct in zip(th.levels, dem.total, shares, strict=True):
            counts.append([f"Nhóm {dem.code}", dem.name, level, bo.muc_ten(level), k, pct])
    sheets.append(_table(SHEETS[1], f"SỐ ĐƠN VỊ THEO MỨC ĐỘ ({len(th.counted)} đơn vị)",
           ["Nhóm", "Tên nhóm", "Mức độ", "Tên mức độ", "Số đơn vị", "Tỷ lệ %"], counts,
           [10, 44, 10, 24, 12, 10]))  # fmt: skip

    sheets.append(_table(SHEETS[2], "ĐƠN VỊ, HỒ SƠ CHƯA ĐƯỢC TÍNH",
           ["Đơn vị / tệp", "Tình trạng", "Chi tiết"],
           left_out_rows(data), [48, 28, 80]))  # fmt: skip

    n: dict[str, int] = {}
    for r in th.counted:
        for code in r.criteria:
            n[code] = n.get(code, 0) + 1
    criteria: list[list[object]] = []
    for nhom, tc in bo.tieu_chi():
        top: Decimal | None = tc.toi_da
        average = th.averages.get(tc.ma)
        criteria.append([nhom.ma, tc.ma, tc.noi_dung, top, average, n.get(tc.ma, 0)])
    sheets.append(_table(SHEETS[3], "ĐIỂM TRUNG BÌNH THEO TIÊU CHÍ",
           ["Nhóm", "Tiêu chí", "Nội dung", "Điểm tối đa", "Điểm trung bình", "Số đơn vị"],
           criteria, [8, 10, 60, 12, 16, 12], wrapped=3))  # fmt: skip

    out = Path(out)
    with atomic_path(out) as tmp:
        write_workbook(tmp, sheets)
    return out
