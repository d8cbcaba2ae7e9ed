"""The tables schools submit, as document blocks the spine renders.

- :func:`scored_table`: "Bảng tự đánh giá mức độ chuyển đổi số" (seed 000): STT | Tiêu chí |
  Điểm tối đa | Điểm thành phần | Điểm tự đánh giá (theo mức độ) | Điểm nhà trường tự đánh giá |
  Ghi chú minh chứng; group rows with totals; criterion cells merged over their items;
  mandatory rows marked.
- :func:`assignment_table`: the plan's assignment table (seed 001): per criterion the guidance,
  the evidence expected, who leads (Chủ trì) and who does it (Thực hiện).

Both return :class:`~vnadmin_docs.markup.Table` blocks, so they go into any document of the
model (as a :class:`~vnadmin_docs.model.PhuLuc`, see :func:`dinh_kem_bang_diem`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from .indicators import BoChiSo, QuyTac
from .markup import Cell, Table, cell
from .model import BaoCao, PhuLuc
from .numbers import dinh_dang_so
from .scoring import CriterionScore, Scorecard
from .text import Record

__all__ = [
    "LANDSCAPE_WIDTHS",
    "BangPhanCong",
    "PhanCong",
    "assignment_table",
    "dinh_kem_bang_diem",
    "rule_text",
    "scored_table",
]

LANDSCAPE_WIDTHS = (1.3, 8.0, 1.7, 4.0, 3.6, 2.0, 4.6)
"""Column widths (cm) of the scored table on a landscape A4 page (25.2 cm of text)."""


def _so(value: Decimal | None) -> str:
    return "" if value is None else dinh_dang_so(value)


def rule_text(rule: QuyTac, toi_da: Decimal) -> str:
    """The "Điểm thành phần" text of a rule, e.g. ``Tối đa 6 điểm``."""
    if rule.mo_ta:
        return rule.mo_ta
    if rule.loai == "co_khong":
        return f"Tối đa {_so(toi_da)} điểm"
    if rule.loai == "moi_chuc_nang":
        return (
            f"Tối đa {_so(toi_da)} điểm, mỗi chức năng triển khai tối đa {_so(rule.diem_moi)} điểm"
        )
    if rule.loai == "lua_chon":
        return "; ".join(f"{k}: tối đa {_so(v)} điểm" for k, v in rule.lua_chon.items())
    unit = "%" if rule.loai == "ty_le" else ""
    lines = [f"{b.mo_ta(unit)}: tối đa {_so(b.diem)} điểm" for b in rule.bac]
    return "\n".join(line[:1].upper() + line[1:] for line in lines)


def _bands_text(c: CriterionScore) -> str:
    return "\n".join(f"Mức độ {b.muc}: {b.mo_ta()} điểm" for b in c.bands)


def _criterion_rows(c: CriterionScore) -> list[tuple[Cell | None, ...]]:
    evidence = "\n".join(c.evidence)
    if c.mandatory:
        met = "Đạt" if c.met else "**Chưa đạt**"
        return [(
            cell(f"{c.code}.", align="center"), cell(c.text), cell(""),
            cell("Điều kiện bắt buộc", italic=True), cell(""), cell(met, align="center"),
            cell(evidence),
        )]  # fmt: skip
    points = f"{_so(c.points)}\n*Mức độ {c.level}*"
    if not c.items:
        assert c.rule is not None and c.max is not None
        return [(
            cell(f"{c.code}.", align="center"), cell(c.text), cell(_so(c.max), align="center"),
            cell(rule_text(c.rule, c.max)), cell(_bands_text(c)),
            cell(points, bold=True, align="center"), cell(evidence),
        )]  # fmt: skip
    span = 1 + len(c.items)
    rows: list[tuple[Cell | None, ...]] = [(
        cell(f"{c.code}.", align="center", rowspan=span), cell(f"**{c.text}**"),
        cell(_so(c.max), align="center", rowspan=span), cell(""),
        cell(_bands_text(c), rowspan=span), cell(points, bold=True, align="center", rowspan=span),
        cell(evidence, rowspan=span),
    )]  # fmt: skip
    for item in c.items:
        got = f"{rule_text(item.rule, item.max)}\n*Tự đánh giá: {_so(item.points)}*"
        rows.append((None, cell(f"- {item.text}"), None, cell(got), None, None, None))
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


def dinh_kem_bang_diem(bao_cao: BaoCao, sc: Scorecard) -> BaoCao:
    """The Báo cáo with the scored table attached as a landscape phụ lục, ``(Đính kèm …)``."""
    phu_luc = PhuLuc(
        tieu_de=f"Bảng tự đánh giá mức độ chuyển đổi số\n{sc.unit} năm học {sc.year}",
        khoi=(scored_table(sc),),
        ngang=True,
        kem_theo=f"(Đính kèm {bao_cao.trich_dan} của {bao_cao.co_quan.ten_goi})",
    )
    return dataclasses.replace(bao_cao, phu_luc=[*bao_cao.phu_luc, phu_luc])


@dataclass(frozen=True, kw_only=True)
class PhanCong(Record):
    """Who leads (``chu_tri``) and who does (``thuc_hien``) the work on one criterion."""

    chu_tri: str = ""
    thuc_hien: str = ""


@dataclass(frozen=True, kw_only=True)
class BangPhanCong(Record):
    """An assignment input: which indicator set, the appendix title, and who does what."""

    bo_chi_so: str = "qd-4725-2022"
    tieu_de: str = "Hướng dẫn triển khai đánh giá mức độ chuyển đổi số của các đơn vị"
    phan_cong: dict[str, PhanCong] = dataclasses.field(default_factory=dict)

    def phu_luc(self, bo: BoChiSo) -> PhuLuc:
        """The assignment table as a landscape phụ lục of a plan."""
        return PhuLuc(
            tieu_de=self.tieu_de, khoi=(assignment_table(bo, self.phan_cong),), ngang=True
        )


def assignment_table(bo: BoChiSo, phan_cong: Mapping[str, PhanCong]) -> Table:
    """The plan's assignment table (seed 001) for an indicator set."""
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
                cell(tc.ma, align="center"), cell(tc.noi_dung), cell(max_text, align="center"),
                cell(tc.huong_dan), cell(tc.minh_chung), cell(who.chu_tri), cell(who.thuc_hien),
            ))  # fmt: skip
    return Table(tuple(rows), header_rows=1, widths=(1.2, 6.6, 1.8, 7.0, 3.2, 2.7, 2.7))
