"""The annual self-assessment dossier (hồ sơ tự đánh giá): one input → consistent documents.

From one description of a school's year (:class:`HoSo`) and its scorecard, :func:`documents`
derives every part of the bound dossier [seed 001, II.4.b]: Bìa, Tờ trình, Biên bản, Báo cáo
(with the Bảng tự đánh giá and the danh mục minh chứng as its phụ lục), Quyết định phê duyệt.
Scores, levels, numbers and dates come from the one input and the scorecard, never retyped;
each document cites the others by their real numbers and dates.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Literal

from .dates import Ngay
from .errors import InputError, Problem
from .indicators import BoChiSo
from .markup import Cell, Table, cell
from .model import (
    BaoCao,
    BienBan,
    CoQuan,
    NguoiKy,
    PhuLuc,
    QuyetDinh,
    So,
    ThanhVien,
    ToTrinh,
    VanBan,
    trich_dan,
)
from .numbering import LoaiVanBan, SoKyHieu
from .numbers import dinh_dang_so
from .scoring import KetQua, Scorecard
from .tables import dinh_kem_bang_diem
from .text import Record
from .words import so_thanh_chu

__all__ = [
    "DEFAULT_ORDER",
    "Bia",
    "CuocHop",
    "HoSo",
    "HoiDong",
    "Phan",
    "SoNgay",
    "TuDanhGia",
    "documents",
]

PartKey = Literal["bia", "to_trinh", "bien_ban", "bao_cao", "quyet_dinh"]
DEFAULT_ORDER: tuple[PartKey, ...] = ("bia", "to_trinh", "bien_ban", "bao_cao", "quyet_dinh")
"""The order of seed 001, II.4.b: Bìa (M1), Tờ trình (M2), Biên bản (M3), Báo cáo (M4), Quyết định."""

TITLES: dict[PartKey, str] = {
    "bia": "Bìa hồ sơ",
    "to_trinh": "Tờ trình đề nghị công nhận kết quả tự đánh giá",
    "bien_ban": "Biên bản họp Hội đồng tự đánh giá",
    "bao_cao": "Báo cáo kết quả tự đánh giá",
    "quyet_dinh": "Quyết định phê duyệt kết quả tự đánh giá",
}


@dataclass(frozen=True, kw_only=True)
class SoNgay(Record):
    """The number and date of one document of the dossier (``so: null`` for a draft)."""

    so: So | None = None
    ngay: Ngay


@dataclass(frozen=True, kw_only=True)
class CuocHop(SoNgay):
    """The council's meeting: the Biên bản's number and date, when and where."""

    bat_dau: datetime
    ket_thuc: datetime | None = None
    dia_diem: str


@dataclass(frozen=True, kw_only=True)
class HoiDong(Record):
    """The self-assessment council: chair, secretary, members, and the decision that set it up."""

    chu_tich: ThanhVien
    thu_ky: ThanhVien
    thanh_vien: list[ThanhVien] = field(default_factory=list)
    quyet_dinh_thanh_lap: SoNgay | None = None


@dataclass(frozen=True, kw_only=True)
class TuDanhGia(Record):
    """The self-assessment given inline in the dossier input (or a path to a file instead)."""

    bo_chi_so: str = "qd-4725-2022"
    ket_qua: dict[str, KetQua] = field(default_factory=dict)


@dataclass(frozen=True, kw_only=True)
class BoSung(Record):
    """Optional extra prose per document, in the body markup."""

    to_trinh: str = ""
    bien_ban: str = ""
    bao_cao: str = ""


@dataclass(frozen=True, kw_only=True)
class HoSo(Record):
    """One school's dossier for one school year."""

    nam_hoc: str
    """``2024-2025``."""
    co_quan: CoQuan
    cap_hoc: str | None = None
    """The school level for aggregation (``THCS``…); guessed from the name when absent."""
    co_quan_quan_ly: str
    """The managing body the Tờ trình and Báo cáo go to, e.g. ``Phòng Giáo dục và Đào tạo huyện Tiên Lãng``."""
    thu_truong: NguoiKy
    """The head of the school, who signs the Tờ trình, the Báo cáo and the Quyết định."""
    hoi_dong: HoiDong
    bien_ban: CuocHop
    bao_cao: SoNgay
    to_trinh: SoNgay
    quyet_dinh: SoNgay
    tu_danh_gia: str | TuDanhGia
    """The assessment inline, or the path of an assessment file (relative to this file)."""
    can_cu: list[str] = field(default_factory=list)
    """Extra legal bases for the Báo cáo, Tờ trình and Quyết định (e.g. the managing body's plan)."""
    bo_sung: BoSung = field(default_factory=BoSung)
    thu_tu: list[PartKey] = field(default_factory=lambda: list(DEFAULT_ORDER))
    """The order of the parts in the bound dossier."""

    def __post_init__(self) -> None:
        super().__post_init__()
        if sorted(self.thu_tu) != sorted(DEFAULT_ORDER):
            valid = ", ".join(DEFAULT_ORDER)
            raise ValueError(f"thu_tu phải gồm đúng một lần mỗi phần: {valid}")


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


# ---------------------------------------------------------------- texts shared by the parts


def _points(x: Decimal | None) -> str:
    return "" if x is None else dinh_dang_so(x)


def _group_lines(sc: Scorecard, *, words: bool = False) -> list[str]:
    lines = []
    for g in sc.groups:
        spoken = f" ({so_thanh_chu(g.points)} điểm)" if words else ""
        lines.append(
            f"Nhóm tiêu chí “{g.name}”: **{_points(g.points)}/{_points(g.max)}** điểm{spoken}, "
            f"đạt **Mức độ {g.level}** ({g.level_name})"
        )
    return lines


def _results(sc: Scorecard, *, words: bool = False, end: str = ".") -> str:
    items = _group_lines(sc, words=words)
    return "\n".join(
        f"- {line}{';' if i < len(items) - 1 else end}" for i, line in enumerate(items)
    )


def _mandatory(sc: Scorecard) -> str:
    codes = [c.code for _, c in sc.criteria() if c.mandatory]
    unmet = [c.code for _, c in sc.criteria() if c.mandatory and not c.met]
    if not unmet:
        return f"- Các điều kiện bắt buộc ({', '.join(codes)}): đạt."
    return f"- Các điều kiện bắt buộc chưa đạt: **{', '.join(unmet)}**."


def _esc(text: str) -> str:
    """Make user text safe inside generated markup (emphasis and table syntax stay literal)."""
    out = text.replace("\\", "\\\\")
    for ch in "*|#":
        out = out.replace(ch, "\\" + ch)
    return out.replace("\n", " ")


def _criteria_table(sc: Scorecard) -> str:
    rows = ["| Mã | Tiêu chí | Điểm tối đa | Điểm tự đánh giá | Mức độ |", "|---|---|---|---|---|"]
    for g in sc.groups:
        rows.append(
            f"| **{g.code}** | **{_esc(g.name)}** | **{_points(g.max)}** | "
            f"**{_points(g.points)}** | **{g.level}** |"
        )
        for c in g.criteria:
            if c.mandatory:
                rows.append(
                    f"| {c.code} | {_esc(c.text)} | Bắt buộc | {'Đạt' if c.met else 'Chưa đạt'} | |"
                )
            else:
                rows.append(
                    f"| {c.code} | {_esc(c.text)} | {_points(c.max)} | {_points(c.points)} | {c.level} |"
                )
    return "\n".join(rows)


def _evidence_table(sc: Scorecard) -> Table:
    rows: list[tuple[Cell | None, ...]] = [
        tuple(cell(t, bold=True, align="center") for t in ("STT", "Mã", "Tiêu chí", "Minh chứng"))
    ]
    n = 0
    for _, c in sc.criteria():
        for evidence in c.evidence or ("(chưa có minh chứng)",):
            n += 1
            rows.append((cell(str(n), align="center"), cell(c.code, align="center"),
                         cell(_esc(c.text)), cell(_esc(evidence))))  # fmt: skip
    return Table(tuple(rows), header_rows=1, widths=(1.2, 1.4, 6.0, 7.9))


def _head_title(thu_truong: NguoiKy) -> str:
    """The head's own title, also when a deputy signs for them (KT. HIỆU TRƯỞNG)."""
    return thu_truong.thay_mat or thu_truong.chuc_vu


def _check_order(ho_so: HoSo) -> list[Problem]:
    """A document may only cite documents of the same day or earlier."""
    cites: dict[PartKey, list[PartKey]] = {
        "bao_cao": ["bien_ban"],
        "to_trinh": ["bien_ban", "bao_cao"],
        "quyet_dinh": ["bien_ban", "to_trinh"],
    }
    problems = []
    for doc, cited in cites.items():
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


def documents(ho_so: HoSo, bo: BoChiSo, sc: Scorecard) -> list[Phan]:
    """Every part of the dossier, in ``ho_so.thu_tu`` order; raises :class:`InputError` when the
    dates contradict the citations."""
    problems = _check_order(ho_so)
    if problems:
        raise InputError(problems)
    cq = ho_so.co_quan
    year = ho_so.nam_hoc
    head = _head_title(ho_so.thu_truong)
    council = f"Hội đồng tự đánh giá mức độ chuyển đổi số {cq.ten}"
    chuan = f"{bo.nguon} ban hành {bo.ten}"
    hd = ho_so.hoi_dong

    thanh_phan = []
    if hd.quyet_dinh_thanh_lap is not None:
        qd_tl = hd.quyet_dinh_thanh_lap
        number = SoKyHieu(qd_tl.so, f"{LoaiVanBan.QUYET_DINH.viet_tat}-{cq.viet_tat}")
        cited = trich_dan(LoaiVanBan.QUYET_DINH, number, qd_tl.ngay)
        thanh_phan.append(f"Các thành viên Hội đồng tự đánh giá theo {cited} của {head} {cq.ten}")
    members = [hd.chu_tich, *hd.thanh_vien, hd.thu_ky]
    thanh_phan += [f"{m.ho_ten} - {m.chuc_vu}" if m.chuc_vu else m.ho_ten for m in members]

    bb = ho_so.bien_ban
    bien_ban = BienBan(
        co_quan=cq, so=bb.so, ngay=bb.ngay,
        trich_yeu=f"Họp Hội đồng tự đánh giá mức độ chuyển đổi số năm học {year}",
        thoi_gian_bat_dau=bb.bat_dau, thoi_gian_ket_thuc=bb.ket_thuc, dia_diem=bb.dia_diem,
        thanh_phan=thanh_phan, chu_toa=hd.chu_tich, thu_ky=hd.thu_ky,
        noi_dung="\n\n".join(x for x in (
            f"# 1. Thông qua kết quả tự đánh giá theo {bo.nguon}",
            "Thư ký Hội đồng trình bày kết quả chấm điểm từng tiêu chí, đối chiếu với danh mục minh "
            "chứng đã thu thập:",
            _criteria_table(sc),
            _results(sc, words=True),
            _mandatory(sc),
            ho_so.bo_sung.bien_ban,
            "# 2. Kết luận",
            f"Hội đồng thống nhất thông qua kết quả tự đánh giá mức độ chuyển đổi số năm học {year} "
            f"và đề nghị {head} {cq.ten} phê duyệt, báo cáo {ho_so.co_quan_quan_ly} công nhận.",
        ) if x),
    )  # fmt: skip

    bc = ho_so.bao_cao
    bao_cao_base = BaoCao(
        co_quan=cq, so=bc.so, ngay=bc.ngay, nguoi_ky=ho_so.thu_truong,
        trich_yeu=f"Kết quả tự đánh giá mức độ chuyển đổi số năm học {year}",
        kinh_gui=[ho_so.co_quan_quan_ly],
        can_cu=[*ho_so.can_cu, f"Căn cứ {chuan}"],
        noi_dung="\n\n".join(x for x in (
            f"{cq.ten} đã tiến hành tự đánh giá mức độ chuyển đổi số năm học {year} theo Bộ chỉ số, "
            "kết quả cụ thể như sau:",
            "# I. CÔNG TÁC CHỈ ĐẠO VÀ TRIỂN KHAI THỰC HIỆN",
            ho_so.bo_sung.bao_cao or (
                f"- Thành lập {council}; tổ chức thu thập, lập danh mục minh chứng theo các tiêu chí "
                "của Bộ chỉ số."
            ),
            f"- Hội đồng họp, chấm điểm và thông qua kết quả tự đánh giá ({bien_ban.trich_dan}).",
            "# II. KẾT QUẢ TỰ ĐÁNH GIÁ",
            _results(sc),
            _mandatory(sc),
            "\n".join(f"- {x}" for x in sc.explanations),
            "Chi tiết tại Bảng tự đánh giá (Phụ lục I) và Danh mục minh chứng (Phụ lục II) kèm theo.",
            "# III. NỘI DUNG CẦN TIẾP TỤC CẢI THIỆN",
            "\n".join(f"- {g.gap}" for g in sc.groups),
            f"Trên đây là báo cáo kết quả tự đánh giá mức độ chuyển đổi số năm học {year} của {cq.ten}.",
        ) if x),
    )  # fmt: skip
    bao_cao = dinh_kem_bang_diem(bao_cao_base, sc)
    bao_cao = dataclasses.replace(
        bao_cao,
        phu_luc=[
            *bao_cao.phu_luc,
            PhuLuc(tieu_de="Danh mục minh chứng", khoi=(_evidence_table(sc),),
                   kem_theo=f"(Kèm theo {bao_cao.trich_dan} của {cq.ten_goi})"),
        ],
    )  # fmt: skip

    # the Tờ trình and the Quyết định both rest on the set and the council's Biên bản
    after_meeting = [*ho_so.can_cu, f"Căn cứ {chuan}", f"Căn cứ {bien_ban.trich_dan} của {council}"]
    tt = ho_so.to_trinh
    to_trinh = ToTrinh(
        co_quan=cq, so=tt.so, ngay=tt.ngay, nguoi_ky=ho_so.thu_truong,
        trich_yeu=f"Về việc đề nghị công nhận kết quả tự đánh giá mức độ chuyển đổi số năm học {year}",
        kinh_gui=[ho_so.co_quan_quan_ly],
        can_cu=[*after_meeting, f"Căn cứ {bao_cao.trich_dan} của {cq.ten_goi}"],
        noi_dung="\n\n".join(x for x in (
            f"{cq.ten} đã tổ chức tự đánh giá mức độ chuyển đổi số năm học {year} theo Bộ chỉ số, "
            "kết quả như sau:",
            _results(sc),
            ho_so.bo_sung.to_trinh,
            f"{cq.ten} kính trình {ho_so.co_quan_quan_ly} xem xét, công nhận kết quả tự đánh giá mức "
            f"độ chuyển đổi số năm học {year} của đơn vị.",
        ) if x),
        noi_nhan=["Hội đồng tự đánh giá"],
    )  # fmt: skip

    qd = ho_so.quyet_dinh
    quyet_dinh = QuyetDinh(
        co_quan=cq, so=qd.so, ngay=qd.ngay, nguoi_ky=ho_so.thu_truong,
        trich_yeu=f"Về việc phê duyệt kết quả tự đánh giá mức độ chuyển đổi số năm học {year}",
        tham_quyen_ban_hanh=f"{head} {cq.ten}",
        can_cu=[*after_meeting, f"Căn cứ {to_trinh.trich_dan} của {cq.ten_goi}"],
        theo_de_nghi="Chủ tịch Hội đồng tự đánh giá mức độ chuyển đổi số",
        dieu=[
            f"Phê duyệt kết quả tự đánh giá mức độ chuyển đổi số năm học {year} của {cq.ten} như sau:\n"
            + _results(sc),
            "Quyết định có hiệu lực kể từ ngày ký.",
            f"Hội đồng tự đánh giá mức độ chuyển đổi số, các bộ phận và cá nhân có liên quan của "
            f"{cq.ten} chịu trách nhiệm thi hành Quyết định này.",
        ],
        noi_nhan=[f"{ho_so.co_quan_quan_ly} (để b/c)"],
    )  # fmt: skip

    end = ho_so.quyet_dinh.ngay.nam
    bia = Bia(co_quan=cq, tieu_de="Hồ sơ tự đánh giá mức độ chuyển đổi số", nam_hoc=year,
              dia_danh_nam=f"{cq.dia_danh}, năm {end}")  # fmt: skip
    by_key: dict[PartKey, VanBan | Bia] = {
        "bia": bia, "to_trinh": to_trinh, "bien_ban": bien_ban, "bao_cao": bao_cao,
        "quyet_dinh": quyet_dinh,
    }  # fmt: skip
    return [Phan(key, TITLES[key], by_key[key]) for key in ho_so.thu_tu]


def part_names(parts: Sequence[Phan]) -> list[str]:
    """File names (without extension) of the parts, numbered in dossier order."""
    return [f"{i:02d}-{p.key.replace('_', '-')}" for i, p in enumerate(parts, start=1)]
