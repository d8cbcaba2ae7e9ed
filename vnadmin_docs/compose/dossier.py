"""The annual self-assessment dossier (hồ sơ tự đánh giá): one input → consistent documents.

From one description of a school's year (:class:`~vnadmin_docs.model.HoSo`) and its scorecard,
:func:`compose` derives every part of the bound dossier [seed 001, II.4.b] once: Bìa, Tờ trình,
Biên bản, Báo cáo (with the Bảng tự đánh giá and the danh mục minh chứng as its phụ lục),
Quyết định phê duyệt — one function per part. Scores, levels, numbers and dates come from the
one input and the scorecard, never retyped; each document cites the others by their real
numbers and dates. The prose is in ``compose/texts/``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Final

from ..assessment.scorecard import GroupScore, Scorecard
from ..assessment.sets import BoChiSo
from ..errors import InputError, Problem
from ..model import (
    DEFAULT_ORDER,
    BaoCao,
    BienBan,
    CoQuan,
    HoSo,
    NguoiKy,
    PartKey,
    PhuLuc,
    QuyetDinh,
    ToTrinh,
    VanBan,
    trich_dan,
)
from ..vn.markup import Cell, Table, cell, escape
from ..vn.numbering import LoaiVanBan, SoKyHieu
from ..vn.numbers import dinh_dang_so
from ..vn.words import so_thanh_chu
from .tables import dinh_kem_bang_diem
from .texts import Raw, text

__all__ = [
    "DEFAULT_ORDER",
    "LABELS",
    "PDF_NAME",
    "TITLES",
    "Bia",
    "Dossier",
    "Phan",
    "check_order",
    "compose",
    "output_names",
    "part_names",
]

PDF_NAME: Final = "ho-so.pdf"
"""The assembled dossier's file name in its folder."""

TITLES: Final[dict[PartKey, str]] = {
    "bia": "Bìa hồ sơ",
    "to_trinh": "Tờ trình đề nghị công nhận kết quả tự đánh giá",
    "bien_ban": "Biên bản họp Hội đồng tự đánh giá",
    "bao_cao": "Báo cáo kết quả tự đánh giá",
    "quyet_dinh": "Quyết định phê duyệt kết quả tự đánh giá",
}
"""Each part's title in the mục lục and the bookmarks."""

LABELS: Final[dict[PartKey, str]] = {
    "bia": "Bìa",
    "to_trinh": "Tờ trình",
    "bien_ban": "Biên bản",
    "bao_cao": "Báo cáo",
    "quyet_dinh": "Quyết định",
}
"""Each part's page-label prefix in the assembled PDF (``Tờ trình 2``)."""


@dataclass(frozen=True)
class Bia:
    """The cover (mẫu M1)."""

    co_quan: CoQuan
    tieu_de: str
    nam_hoc: str
    dia_danh_nam: str


@dataclass(frozen=True)
class Phan:
    """One part of the dossier: its key, its bookmark title, and what to render."""

    key: PartKey
    title: str
    doc: VanBan | Bia

    @property
    def label(self) -> str:
        return LABELS[self.key]


@dataclass(frozen=True)
class Dossier:
    """A composed dossier: the input, its indicator set and scorecard, and every part, in
    binding order. Built once by :func:`compose`; rendering and assembly only read it."""

    ho_so: HoSo
    bo: BoChiSo
    scorecard: Scorecard
    parts: tuple[Phan, ...]

    @property
    def names(self) -> list[str]:
        """The parts' file names (without extension), numbered in binding order."""
        return part_names(self.parts)


def part_names(parts: Sequence[Phan]) -> list[str]:
    """File names (without extension) of the parts, numbered in dossier order."""
    return output_names([p.key for p in parts])


def output_names(order: Sequence[PartKey]) -> list[str]:
    """The parts' file names for a binding order, without composing anything.

    >>> output_names(["bia", "to_trinh"])
    ['01-bia', '02-to-trinh']
    """
    return [f"{i:02d}-{key.replace('_', '-')}" for i, key in enumerate(order, start=1)]


# ---------------------------------------------------------------- texts shared by the parts


def _points(x: Decimal | None) -> str:
    return "" if x is None else dinh_dang_so(x)


def _unmet(g: GroupScore) -> str:
    """The group's unmet mandatory conditions, code and text: ``1.2 “Có ban hành …”``."""
    return "; ".join(f"{c.code} “{escape(c.text)}”" for c in g.criteria if c.code in g.unmet)


def _results(sc: Scorecard, *, words: bool = False, end: str = ".") -> Raw:
    """One line per group: its points and level; a level held down by an unmet mandatory
    condition says so, naming the condition (the one statement of each result)."""
    lines = []
    for i, g in enumerate(sc.groups):
        spoken = f" ({so_thanh_chu(g.points)} điểm)" if words else ""
        close = ";" if i < len(sc.groups) - 1 else end
        head = f"- Nhóm tiêu chí “{escape(g.name)}”: **{_points(g.points)}/{_points(g.max)}** điểm{spoken}"
        if g.unmet and g.level < g.points_level:
            lines.append(
                f"{head}, xếp **Mức độ {g.level}** ({escape(g.level_name)}) vì chưa đạt điều kiện "
                f"bắt buộc {_unmet(g)}{close}"
            )
        elif g.unmet:
            lines.append(
                f"{head}, đạt **Mức độ {g.level}** ({escape(g.level_name)}); chưa đạt điều kiện "
                f"bắt buộc {_unmet(g)}{close}"
            )
        else:
            lines.append(f"{head}, đạt **Mức độ {g.level}** ({escape(g.level_name)}){close}")
    return Raw("\n".join(lines))


def _mandatory(sc: Scorecard) -> Raw:
    """The mandatory conditions met (those unmet are named in the results, once)."""
    codes = [c.code for _, c in sc.criteria() if c.mandatory]
    met = [c.code for _, c in sc.criteria() if c.mandatory and c.met]
    if len(met) == len(codes):
        return Raw(f"- Các điều kiện bắt buộc ({', '.join(codes)}): đạt.")
    if not met:
        return Raw("- Chưa đạt điều kiện bắt buộc nào.")
    return Raw(f"- Các điều kiện bắt buộc khác ({', '.join(met)}): đạt.")


def _dashes(lines: Sequence[str]) -> Raw:
    return Raw("\n".join(f"- {escape(x)}" for x in lines))


def _one_line(value: str) -> str:
    """User text as one table-cell line of the markup."""
    return escape(value).replace("\n", " ")


def _criteria_table(sc: Scorecard) -> Raw:
    rows = [
        "| Mã | Tiêu chí | Điểm tối đa | Điểm tự đánh giá | Mức độ |",
        "|:---:|---|:---:|:---:|:---:|",
    ]
    for g in sc.groups:
        rows.append(
            f"| **{g.code}** | **{_one_line(g.name)}** | **{_points(g.max)}** | "
            f"**{_points(g.points)}** | **{g.level}** |"
        )
        for c in g.criteria:
            if c.mandatory:
                met = "Đạt" if c.met else "Chưa đạt"
                rows.append(f"| {c.code} | {_one_line(c.text)} | Bắt buộc | {met} | |")
            else:
                rows.append(
                    f"| {c.code} | {_one_line(c.text)} | {_points(c.max)} | "
                    f"{_points(c.points)} | {c.level} |"
                )
    return Raw("\n".join(rows))


def _evidence_table(sc: Scorecard) -> Table:
    rows: list[tuple[Cell | None, ...]] = [
        tuple(cell(t, bold=True, align="center") for t in ("STT", "Mã", "Tiêu chí", "Minh chứng"))
    ]
    n = 0
    for _, c in sc.criteria():
        for evidence in c.evidence or ("(chưa có minh chứng)",):
            n += 1
            rows.append((cell(str(n), align="center"), cell(c.code, align="center"),
                         cell(_one_line(c.text)), cell(_one_line(evidence))))  # fmt: skip
    return Table(tuple(rows), header_rows=1)  # widths follow the content


def _head_title(thu_truong: NguoiKy) -> str:
    """The head's own title, also when a deputy signs for them (KT. HIỆU TRƯỞNG)."""
    return thu_truong.thay_mat or thu_truong.chuc_vu


_CITES: Final[dict[PartKey, tuple[PartKey, ...]]] = {
    "quyet_dinh": ("bien_ban",),
    "bao_cao": ("bien_ban", "quyet_dinh"),
    "to_trinh": ("quyet_dinh", "bao_cao"),
}
"""Which parts each part cites, in issuing order (QĐ 4725's process, seed 004's schedule):
Biên bản → Quyết định phê duyệt (căn cứ the Biên bản) → Báo cáo (the Biên bản and the
Quyết định) → Tờ trình đề nghị công nhận (căn cứ the Quyết định and the Báo cáo). A part must
not be dated before what it cites (same day allowed); nothing cites a later part."""


def check_order(ho_so: HoSo) -> list[Problem]:
    """A document may only cite documents of the same day or earlier."""
    problems = []
    for doc, cited in _CITES.items():
        day = getattr(ho_so, doc).ngay.day
        for other in cited:
            other_day = getattr(ho_so, other).ngay.day
            if day is not None and other_day is not None and day < other_day:
                problems.append(Problem.at(
                    (doc, "ngay"),
                    f"{TITLES[doc]} ({day:%d/%m/%Y}) trích dẫn {TITLES[other].lower()} "
                    f"ban hành sau nó ({other_day:%d/%m/%Y})",
                ))  # fmt: skip
    return problems


# ---------------------------------------------------------------- the parts


@dataclass(frozen=True)
class _Facts:
    """What several parts say alike, worked out once."""

    ho_so: HoSo
    bo: BoChiSo
    sc: Scorecard

    @property
    def head(self) -> str:
        return _head_title(self.ho_so.thu_truong)

    @property
    def council(self) -> str:
        return f"Hội đồng tự đánh giá mức độ chuyển đổi số {self.ho_so.co_quan.ten_mot_dong}"

    @property
    def chuan(self) -> str:
        return f"{self.bo.nguon} ban hành {self.bo.ten}"

    def can_cu(self, *cited: str) -> list[str]:
        """A part's căn cứ: the input's, the set, then what it cites (already issued)."""
        return [*self.ho_so.can_cu, f"Căn cứ {self.chuan}", *(f"Căn cứ {x}" for x in cited)]


def bien_ban(f: _Facts) -> BienBan:
    """Biên bản họp Hội đồng tự đánh giá (mẫu M3)."""
    ho_so, cq, hd = f.ho_so, f.ho_so.co_quan, f.ho_so.hoi_dong
    thanh_phan = []
    if hd.quyet_dinh_thanh_lap is not None:
        qd_tl = hd.quyet_dinh_thanh_lap
        number = SoKyHieu(qd_tl.so, f"{LoaiVanBan.QUYET_DINH.viet_tat}-{cq.viet_tat}")
        cited = trich_dan(LoaiVanBan.QUYET_DINH, number, qd_tl.ngay)
        thanh_phan.append(
            f"Các thành viên Hội đồng tự đánh giá theo {cited} của {f.head} {cq.ten_mot_dong}"
        )
    members = [hd.chu_tich, *hd.thanh_vien, hd.thu_ky]
    thanh_phan += [f"{m.ho_ten} - {m.chuc_vu}" if m.chuc_vu else m.ho_ten for m in members]
    bb = ho_so.bien_ban
    return BienBan(
        co_quan=cq, so=bb.so, ngay=bb.ngay,
        trich_yeu=f"Họp Hội đồng tự đánh giá mức độ chuyển đổi số năm học {ho_so.nam_hoc}",
        thoi_gian_bat_dau=bb.bat_dau, thoi_gian_ket_thuc=bb.ket_thuc, dia_diem=bb.dia_diem,
        thanh_phan=thanh_phan, chu_toa=hd.chu_tich, thu_ky=hd.thu_ky,
        noi_nhan=[f"{f.head} (để phê duyệt)", "Các thành viên Hội đồng"],
        noi_dung=text(
            "bien_ban", nguon=f.bo.nguon, bang_tieu_chi=_criteria_table(f.sc),
            ket_qua=_results(f.sc, words=True), bat_buoc=_mandatory(f.sc),
            bo_sung=Raw(ho_so.bo_sung.bien_ban), nam_hoc=ho_so.nam_hoc, thu_truong=f.head,
            don_vi=cq.ten_mot_dong, co_quan_quan_ly=ho_so.co_quan_quan_ly,
        ),
    )  # fmt: skip


def bao_cao(f: _Facts, bien_ban: BienBan, quyet_dinh: QuyetDinh) -> BaoCao:
    """Báo cáo kết quả tự đánh giá (mẫu M4), with the scored table and the evidence list."""
    ho_so, cq, sc = f.ho_so, f.ho_so.co_quan, f.sc
    chi_dao = (
        Raw(ho_so.bo_sung.bao_cao)
        if ho_so.bo_sung.bao_cao
        else Raw(text("bao_cao_chi_dao", hoi_dong=f.council))
    )
    base = BaoCao(
        co_quan=cq, so=ho_so.bao_cao.so, ngay=ho_so.bao_cao.ngay, nguoi_ky=ho_so.thu_truong,
        trich_yeu=f"Kết quả tự đánh giá mức độ chuyển đổi số năm học {ho_so.nam_hoc}",
        kinh_gui=[ho_so.co_quan_quan_ly],
        can_cu=f.can_cu(),
        noi_dung=text(
            "bao_cao", don_vi=cq.ten_mot_dong, nam_hoc=ho_so.nam_hoc, chi_dao=chi_dao,
            bien_ban=bien_ban.trich_dan, quyet_dinh=quyet_dinh.trich_dan, thu_truong=f.head,
            ket_qua=_results(sc), bat_buoc=_mandatory(sc),
            giai_thich=_dashes(sc.explanations[len(sc.groups):]),
            cai_thien=_dashes([g.gap for g in sc.groups]),
        ),
    )  # fmt: skip
    with_table = dinh_kem_bang_diem(base, sc)
    evidence = PhuLuc(
        tieu_de="Danh mục minh chứng", khoi=(_evidence_table(sc),),
        kem_theo=f"(Kèm theo {with_table.trich_dan} của {cq.ten_goi})",
    )  # fmt: skip
    return dataclasses.replace(with_table, phu_luc=[*with_table.phu_luc, evidence])


def _request(f: _Facts) -> Raw:
    """What the Tờ trình asks for: recognition of the result the Quyết định approved; when a
    mandatory condition is unmet, each group at the level it can have (the condition named, the
    level its points alone would give not asked for) and the school's undertaking to meet it."""
    ho_so, cq, sc = f.ho_so, f.ho_so.co_quan, f.sc
    blocked = [g for g in sc.groups if g.unmet]
    if not blocked:
        return Raw(text("to_trinh_ket_luan", don_vi=cq.ten_mot_dong, nam_hoc=ho_so.nam_hoc,
                        co_quan_quan_ly=ho_so.co_quan_quan_ly))  # fmt: skip
    levels = "; ".join(f"nhóm tiêu chí “{escape(g.name)}”: Mức độ {g.level}" for g in sc.groups)
    conditions = "; ".join(_unmet(g) for g in blocked)
    return Raw(text(
        "to_trinh_ket_luan_chua_dat", don_vi=cq.ten_mot_dong, nam_hoc=ho_so.nam_hoc,
        co_quan_quan_ly=ho_so.co_quan_quan_ly, muc_do=Raw(levels), dieu_kien=Raw(conditions),
    ))  # fmt: skip


def to_trinh(f: _Facts, quyet_dinh: QuyetDinh, bao_cao: BaoCao) -> ToTrinh:
    """Tờ trình đề nghị công nhận (mẫu M2), issued last: căn cứ the Quyết định and the Báo cáo."""
    ho_so, cq = f.ho_so, f.ho_so.co_quan
    return ToTrinh(
        co_quan=cq, so=ho_so.to_trinh.so, ngay=ho_so.to_trinh.ngay, nguoi_ky=ho_so.thu_truong,
        trich_yeu="Về việc đề nghị công nhận kết quả tự đánh giá mức độ chuyển đổi số năm học "
        f"{ho_so.nam_hoc}",
        kinh_gui=[ho_so.co_quan_quan_ly],
        can_cu=f.can_cu(f"{quyet_dinh.trich_dan} của {f.head} {cq.ten_mot_dong}",
                        f"{bao_cao.trich_dan} của {cq.ten_goi}"),
        noi_dung=text(
            "to_trinh", don_vi=cq.ten_mot_dong, nam_hoc=ho_so.nam_hoc, ket_qua=_results(f.sc),
            bo_sung=Raw(ho_so.bo_sung.to_trinh), ket_luan=_request(f),
        ),
        noi_nhan=["Hội đồng tự đánh giá"],
    )  # fmt: skip


def quyet_dinh(f: _Facts, bien_ban: BienBan) -> QuyetDinh:
    """Quyết định phê duyệt kết quả tự đánh giá: căn cứ the council's Biên bản (it is issued
    before the Báo cáo and the Tờ trình, and cites neither)."""
    ho_so, cq = f.ho_so, f.ho_so.co_quan
    return QuyetDinh(
        co_quan=cq, so=ho_so.quyet_dinh.so, ngay=ho_so.quyet_dinh.ngay,
        nguoi_ky=ho_so.thu_truong,
        trich_yeu="Về việc phê duyệt kết quả tự đánh giá mức độ chuyển đổi số năm học "
        f"{ho_so.nam_hoc}",
        tham_quyen_ban_hanh=f"{f.head} {cq.ten_mot_dong}",
        can_cu=f.can_cu(f"{bien_ban.trich_dan} của {f.council}"),
        theo_de_nghi="Chủ tịch Hội đồng tự đánh giá mức độ chuyển đổi số",
        dieu=[
            text("quyet_dinh_dieu_1", nam_hoc=ho_so.nam_hoc, don_vi=cq.ten_mot_dong,
                 ket_qua=_results(f.sc)),
            text("quyet_dinh_dieu_2"),
            text("quyet_dinh_dieu_3", don_vi=cq.ten_mot_dong),
        ],
        noi_nhan=[f"{ho_so.co_quan_quan_ly} (để b/c)"],
    )  # fmt: skip


def bia(f: _Facts) -> Bia:
    """The cover (mẫu M1)."""
    cq = f.ho_so.co_quan
    return Bia(co_quan=cq, tieu_de="Hồ sơ tự đánh giá mức độ chuyển đổi số",
               nam_hoc=f.ho_so.nam_hoc,
               dia_danh_nam=f"{cq.dia_danh}, năm {f.ho_so.quyet_dinh.ngay.nam}")  # fmt: skip


def compose(ho_so: HoSo, bo: BoChiSo, sc: Scorecard) -> Dossier:
    """Every part of the dossier, in ``ho_so.thu_tu`` order, each composed once; raises
    :class:`~vnadmin_docs.errors.InputError` when the dates contradict the citations."""
    problems = check_order(ho_so)
    if problems:
        raise InputError(problems)
    f = _Facts(ho_so, bo, sc)
    bb = bien_ban(f)  # composed in issuing order, each citing only what precedes it
    qd = quyet_dinh(f, bb)
    bc = bao_cao(f, bb, qd)
    tt = to_trinh(f, qd, bc)
    by_key: dict[PartKey, VanBan | Bia] = {
        "bia": bia(f), "to_trinh": tt, "bien_ban": bb, "bao_cao": bc, "quyet_dinh": qd,
    }  # fmt: skip
    parts = tuple(Phan(key, TITLES[key], by_key[key]) for key in ho_so.thu_tu)
    return Dossier(ho_so, bo, sc, parts)
