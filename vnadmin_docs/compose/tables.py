"""The tables schools submit, as document blocks the spine renders.

- :func:`scored_table`: "Bảng tự đánh giá mức độ chuyển đổi số" (seed 000): STT | Tiêu chí |
  Điểm tối đa | Điểm thành phần | Điểm tự đánh giá (theo mức độ) | Điểm nhà trường tự đánh giá |
  Ghi chú minh chứng; group rows with totals; criterion cells merged over their items;
  mandatory rows marked.
- :func:`assignment_table`: the plan's assignment table (seed 001): per criterion the guidance,
  the evidence expected, who leads (Chủ trì) and who does it (Thực hiện).
- :func:`aggregate_table`: seed 003's Phụ lục 2, schools per level, per group and school level.

Every text that comes from data (criterion names, evidence, names) is escaped: it prints as typed.

Both return :class:`~vnadmin_docs.markup.Table` blocks, so they go into any document of the
model (as a :class:`~vnadmin_docs.model.PhuLuc`, see :func:`dinh_kem_bang_diem`).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from ..assessment.aggregation import TongHop, phan_tram_lam_tron
from ..assessment.rules import describe
from ..assessment.scorecard import CriterionScore, Scorecard
from ..assessment.sets import BoChiSo
from ..errors import InputError, Problem
from ..vn import nd30
from ..vn.markup import Cell, Table, cell, escape
from ..vn.numbers import dinh_dang_so
from ..vn.text import khoa_ten

if TYPE_CHECKING:  # the documents' classes: imported where a document is made
    from ..model import BangPhanCong, BaoCao, PhanCong, PhuLuc

__all__ = [
    "LANDSCAPE_WIDTHS",
    "aggregate_table",
    "assignment_table",
    "check_bang_diem",
    "dinh_kem_bang_diem",
    "phu_luc_phan_cong",
    "scored_table",
]

LANDSCAPE_WIDTHS = (1.3, 8.0, 1.7, 4.0, 3.6, 2.4, 4.2)
"""Column widths (cm) of the scored table on a landscape A4 page (they fill
:data:`~vnadmin_docs.vn.nd30.LANDSCAPE_TEXT_WIDTH_CM`)."""


def _so(value: Decimal | None) -> str:
    return "" if value is None else dinh_dang_so(value)


def _bands_text(c: CriterionScore) -> str:
    return "\n".join(f"Mức độ {b.muc}: {b.mo_ta()} điểm" for b in c.bands)


def _criterion_rows(c: CriterionScore) -> list[tuple[Cell | None, ...]]:
    evidence = escape("\n".join(c.evidence))
    if c.mandatory:
        met = "Đạt" if c.met else "**Chưa đạt**"
        return [(
            cell(f"{c.code}.", align="center"), cell(escape(c.text)), cell(""),
            cell("Điều kiện bắt buộc", italic=True), cell(""), cell(met, align="center"),
            cell(evidence),
        )]  # fmt: skip
    points = f"{_so(c.points)}\n*Mức độ {c.level}*"
    if not c.items:
        assert c.rule is not None and c.max is not None
        return [(
            cell(f"{c.code}.", align="center"), cell(escape(c.text)),
            cell(_so(c.max), align="center"), cell(escape(describe(c.rule, c.max))),
            cell(_bands_text(c)),
            cell(points, bold=True, align="center"), cell(evidence),
        )]  # fmt: skip
    span = 1 + len(c.items)
    rows: list[tuple[Cell | None, ...]] = [(
        cell(f"{c.code}.", align="center", rowspan=span), cell(f"**{escape(c.text)}**"),
        cell(_so(c.max), align="center", rowspan=span), cell(""),
        cell(_bands_text(c), rowspan=span), cell(points, bold=True, align="center", rowspan=span),
        cell(evidence, rowspan=span),
    )]  # fmt: skip
    for item in c.items:
        got = f"{escape(describe(item.rule, item.max))}\n*Tự đánh giá: {_so(item.points)}*"
        rows.append((None, cell(f"- {escape(item.text)}"), None, cell(got), None, None, None))
    return rows


def scored_table(sc: Scorecard) -> Table:
    """The scored table of a scorecard, laid out as schools submit it (seed 000)."""
    header = tuple(
        cell(t, bold=True, align="center")
        for t in ("STT", "Tiêu chí", "Điểm tối đa", "Điểm thành phần",
                  "Điểm tự đánh giá (theo mức độ)", "Điểm nhà trường tự đánh giá",
                  "Ghi chú minh chứng")
    )  # fmt: skip
    rows: list[tuple[Cell | None, ...]] = [header]
    for g in sc.groups:
        level = f"{_so(g.points)}\n*Mức độ {g.level}*"
        rows.append((
            cell(g.code, bold=True, align="center"), cell(g.name, bold=True),
            cell(_so(g.max), bold=True, align="center"), cell(""), cell(""),
            cell(level, bold=True, align="center"), cell(""),
        ))  # fmt: skip
        for c in g.criteria:
            rows += _criterion_rows(c)
    return Table(tuple(rows), header_rows=1, widths=LANDSCAPE_WIDTHS)


_YEAR = re.compile(r"(\d{4})\s*[-–—]\s*(\d{4})")


def _years(text: str) -> set[str]:
    return {f"{a}-{b}" for a, b in _YEAR.findall(text)}


def check_bang_diem(bao_cao: BaoCao, sc: Scorecard) -> list[Problem]:
    """Why the scorecard ``sc`` is not this Báo cáo's: another unit (``don_vi`` against the
    Báo cáo's ``co_quan.ten``, NFC-, case- and space-insensitive) or another school year (the
    years the trích yếu names, else those of the body; a report naming none is refused too)."""
    problems = []
    if khoa_ten(sc.unit) != khoa_ten(bao_cao.co_quan.ten):
        problems.append(Problem("bang_diem.don_vi", (
            f"bảng điểm của đơn vị “{sc.unit}”, không phải của đơn vị ban hành báo cáo "
            f"“{bao_cao.co_quan.ten}”; không đính kèm bảng điểm của đơn vị khác"
        )))  # fmt: skip
    stated = _years(bao_cao.trich_yeu) or _years(bao_cao.noi_dung)
    year = next(iter(_years(sc.year)), sc.year)
    if not stated:
        problems.append(Problem("bang_diem.nam_hoc", (
            f"báo cáo không ghi năm học (trích yếu hoặc nội dung), nên không đối chiếu được với "
            f"bảng điểm năm học {sc.year}; ghi “năm học {sc.year}” trong trích yếu"
        )))  # fmt: skip
    elif year not in stated:
        problems.append(Problem("bang_diem.nam_hoc", (
            f"bảng điểm năm học {sc.year}, còn báo cáo nói về năm học {', '.join(sorted(stated))}; "
            f"không đính kèm bảng điểm của năm học khác"
        )))  # fmt: skip
    return problems


def dinh_kem_bang_diem(bao_cao: BaoCao, sc: Scorecard) -> BaoCao:
    """The Báo cáo with the scored table attached as a landscape phụ lục, ``(Đính kèm …)``;
    raises :class:`~vnadmin_docs.errors.InputError` when the table is another unit's or another
    year's (:func:`check_bang_diem`)."""
    from ..model import PhuLuc

    problems = check_bang_diem(bao_cao, sc)
    if problems:
        raise InputError(problems)
    phu_luc = PhuLuc(
        tieu_de=f"Bảng tự đánh giá mức độ chuyển đổi số\n{sc.unit} năm học {sc.year}",
        khoi=(scored_table(sc),),
        ngang=True,
        kem_theo=f"(Đính kèm {bao_cao.trich_dan} của {bao_cao.co_quan.ten_goi})",
    )
    return dataclasses.replace(bao_cao, phu_luc=[*bao_cao.phu_luc, phu_luc])


def phu_luc_phan_cong(bang: BangPhanCong, bo: BoChiSo) -> PhuLuc:
    """The assignment table of ``bang`` as a landscape phụ lục of a plan."""
    from ..model import PhuLuc

    return PhuLuc(tieu_de=bang.tieu_de, khoi=(assignment_table(bo, bang.phan_cong),), ngang=True)


def assignment_table(bo: BoChiSo, phan_cong: Mapping[str, PhanCong]) -> Table:
    """The plan's assignment table (seed 001) for an indicator set."""
    from ..model import PhanCong

    header = tuple(
        cell(t, bold=True, align="center")
        for t in ("STT", "Tiêu chí", "Điểm tối đa", "Hướng dẫn thực hiện", "Minh chứng",
                  "Chủ trì", "Thực hiện")
    )  # fmt: skip
    rows: list[tuple[Cell | None, ...]] = [header]
    for nhom in bo.nhom:
        rows.append((
            cell(nhom.ma, bold=True, align="center"), cell(nhom.ten, bold=True),
            cell(_so(nhom.toi_da), bold=True, align="center"), cell(""), cell(""), cell(""),
            cell(""),
        ))  # fmt: skip
        for tc in nhom.tieu_chi:
            who = phan_cong.get(tc.ma, PhanCong())
            max_text = "Điều kiện bắt buộc" if tc.bat_buoc else _so(tc.toi_da)
            rows.append((
                cell(tc.ma, align="center"), cell(escape(tc.noi_dung)), cell(max_text, align="center"),
                cell(escape(tc.huong_dan)), cell(escape(tc.minh_chung)), cell(escape(who.chu_tri)),
                cell(escape(who.thuc_hien)),
            ))  # fmt: skip
    return Table(tuple(rows), header_rows=1, widths=(1.2, 6.6, 1.8, 7.0, 3.2, 2.7, 2.7))


def aggregate_table(th: TongHop | None, bo: BoChiSo, caps: Sequence[str] = ()) -> Table:
    """Seed 003's Phụ lục 2 table; with ``th=None`` the empty form for the listed ``caps``."""
    levels = th.levels if th else tuple(sorted(b.muc for b in bo.muc_do))
    names = {b.muc: b.ten for b in bo.muc_do}
    head1: list[Cell | None] = [cell("STT", bold=True, rowspan=2, align="center"),
                                cell("Nhóm tiêu chí", bold=True, rowspan=2, align="center")]  # fmt: skip
    head2: list[Cell | None] = [None, None]
    for lv in levels:
        head1 += [
            cell(f"{names.get(lv, '')} (Mức độ {lv})", bold=True, colspan=2, align="center"),
            None,
        ]
        head2 += [
            cell("Số lượng", bold=True, align="center"),
            cell("Tỷ lệ %", bold=True, align="center"),
        ]
    rows: list[tuple[Cell | None, ...]] = [tuple(head1), tuple(head2)]

    def counts_cells(counts: Sequence[int] | None) -> list[Cell | None]:
        if counts is None:
            return [cell("", align="center") for _ in range(2 * len(levels))]
        cells: list[Cell | None] = []
        for c, p in zip(counts, phan_tram_lam_tron(counts), strict=True):
            cells += [
                cell(str(c), align="center"),
                cell(dinh_dang_so(p, chu_so_thap_phan=1), align="center"),
            ]
        return cells

    for g_index, nhom in enumerate(bo.nhom, start=1):
        tally = next((g for g in th.groups if g.code == nhom.ma), None) if th else None
        rows.append((cell(str(g_index), bold=True, align="center"), cell(escape(nhom.ten), bold=True, align="left"),
                     *counts_cells(tally.total if tally else None)))  # fmt: skip
        listed = list(tally.by_cap_hoc) if tally else list(caps)
        for cap in listed:
            counts = tally.by_cap_hoc[cap] if tally else None
            rows.append(
                (
                    cell("", align="center"),
                    cell(f"+ {escape(cap)}", align="left"),
                    *counts_cells(counts),
                )
            )
    width = nd30.LANDSCAPE_TEXT_WIDTH_CM
    widths = (1.6, 6.6, *([(width - 8.2) / (2 * len(levels))] * (2 * len(levels))))
    return Table(tuple(rows), header_rows=2, widths=widths)
