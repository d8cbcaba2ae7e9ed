"""The managing body's side: the year's plan kit and the summary report (seeds 003, 004, 001).

From one description of the managing body's year (:class:`KeHoachTrienKhai`) the library derives
the Kế hoạch triển khai đánh giá with its schedule appendix (TT | Nội dung | Thời gian | Sản phẩm,
grouped by who acts) and the criterion assignment table for schools, the Công văn asking schools
for reports with its outline appendix and the empty aggregate table, and, once the schools'
results are in, the Báo cáo tổng hợp embedding the filled table.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field

from .aggregate import TongHop, aggregate_table, phan_tram_lam_tron
from .dossier import SoNgay
from .indicators import BoChiSo
from .markup import Cell, Table, cell
from .model import BaoCao, CongVan, CoQuan, KeHoach, NguoiKy, PhuLuc
from .numbers import dinh_dang_so
from .tables import PhanCong, assignment_table
from .text import Record

__all__ = ["CoSo", "Han", "KeHoachTrienKhai", "LienHe", "bao_cao_tong_hop", "plan_documents"]


@dataclass(frozen=True, kw_only=True)
class LienHe(Record):
    """The contact person for schools' questions."""

    ho_ten: str
    chuc_vu: str = "Chuyên viên"
    email: str = ""
    dien_thoai: str = ""


@dataclass(frozen=True, kw_only=True)
class CoSo(Record):
    """A school under the managing body."""

    ten: str
    cap_hoc: str


@dataclass(frozen=True, kw_only=True)
class Han(Record):
    """The year's deadlines, as the plan prints them (``Tháng 4/2025``, ``Trước 31/3/2025``)."""

    ban_hanh_ke_hoach: str
    tu_danh_gia: str
    danh_gia_ngoai: str
    cong_nhan: str
    cap_nhat_csdl_truong: str
    cap_nhat_csdl: str
    bao_cao: str
    """When schools' reports are due to the managing body (the Công văn)."""


@dataclass(frozen=True, kw_only=True)
class KeHoachTrienKhai(Record):
    """The managing body's year: who it is, its schools, deadlines, contact, the sets in force."""

    nam_hoc: str
    co_quan: CoQuan
    dia_ban: str
    """The area, e.g. ``quận Ba Đình`` (since 2025 often a commune: ``phường Ba Đình``)."""
    co_quan_cap_tren: str
    """Where the summary goes, e.g. ``Sở GDĐT Hà Nội``."""
    nguoi_ky: NguoiKy
    lien_he: LienHe
    han: Han
    ke_hoach: SoNgay
    cong_van: SoNgay
    bao_cao_tong_hop: SoNgay | None = None
    bo_chi_so: list[str] = field(default_factory=lambda: ["qd-4725-2022"])
    co_so: list[CoSo] = field(default_factory=list)
    can_cu: list[str] = field(default_factory=list)
    noi_nhan: list[str] = field(default_factory=list)
    phan_cong: dict[str, PhanCong] = field(default_factory=dict)
    don_vi_soan_thao: str | None = None

    def cap_hoc(self) -> list[str]:
        from .aggregate import CAP_HOC

        present = {c.cap_hoc for c in self.co_so}
        return [c for c in CAP_HOC if c in present] + sorted(present - set(CAP_HOC))


def _schedule(plan: KeHoachTrienKhai) -> Table:
    h = plan.han
    who = plan.co_quan.ten_goi.upper()
    body = plan.co_quan.ten_goi

    rows: list[tuple[Cell | None, ...]] = [
        (cell("TT", bold=True, align="center"), cell("Nội dung", bold=True, align="center"),
         cell("Thời gian", bold=True, align="center"), cell("Sản phẩm", bold=True, align="center")),
        (cell("I", bold=True, align="center"), cell(who, bold=True), cell(""), cell("")),
        (cell("1", align="center"), cell("Xây dựng và ban hành kế hoạch đánh giá mức độ chuyển đổi số."),
         cell(h.ban_hanh_ke_hoach), cell("Kế hoạch kiểm tra, đánh giá.")),
        (cell("2", align="center"), cell(f"Ban hành Quyết định thành lập các đoàn kiểm tra, đánh giá ngoài của {body}."),
         cell(h.danh_gia_ngoai), cell("- Quyết định thành lập đoàn kiểm tra, đánh giá; - Thông báo phân công nhiệm vụ các thành viên.")),
        (cell("3", align="center"), cell(f"Thực hiện kiểm tra, đánh giá ngoài các cơ sở giáo dục trên địa bàn {plan.dia_ban}."),
         cell(h.danh_gia_ngoai), cell("- Hoàn thành công tác kiểm tra, đánh giá; - Danh sách các đơn vị đề nghị công nhận mức độ chuyển đổi số.")),
        (cell("4", align="center"), cell("Công nhận mức độ chuyển đổi số của các cơ sở giáo dục."), cell(h.cong_nhan),
         cell(f"- Quyết định công nhận mức độ chuyển đổi số, báo cáo {plan.co_quan_cap_tren}.")),
        (cell("5", align="center"), cell("Cập nhật kết quả đánh giá trên hệ thống cơ sở dữ liệu ngành Giáo dục."),
         cell(h.cap_nhat_csdl), cell("")),
        (cell("II", bold=True, align="center"), cell(f"CÁC CƠ SỞ GIÁO DỤC TRÊN ĐỊA BÀN {plan.dia_ban.upper()}", bold=True), cell(""), cell("")),
        (cell("1", align="center"), cell("Tự đánh giá mức độ chuyển đổi số theo Bộ chỉ số. Đề nghị đánh giá ngoài mức độ chuyển đổi số."),
         cell(h.tu_danh_gia), cell("- Biên bản tự đánh giá; - Quyết định phê duyệt kết quả tự đánh giá; - Tờ trình đề nghị công nhận kết quả tự đánh giá.")),
        (cell("2", align="center"), cell(f"Đón đoàn kiểm tra, đánh giá của {body}."), cell(h.danh_gia_ngoai), cell("")),
        (cell("3", align="center"), cell("Cập nhật kết quả đánh giá trên cơ sở dữ liệu ngành. Công bố kết quả trên trang thông tin điện tử của đơn vị."),
         cell(h.cap_nhat_csdl_truong), cell("")),
    ]  # fmt: skip
    return Table(tuple(rows), header_rows=1, widths=(1.2, 7.3, 3.0, 5.0))


def _contact(plan: KeHoachTrienKhai) -> str:
    lh = plan.lien_he
    details = ", ".join(x for x in (f"email {lh.email}" if lh.email else "",
                                    f"số điện thoại {lh.dien_thoai}" if lh.dien_thoai else "") if x)  # fmt: skip
    return f"đ/c {lh.ho_ten} - {lh.chuc_vu}" + (f" ({details})" if details else "")


def plan_documents(
    plan: KeHoachTrienKhai, sets: Sequence[BoChiSo]
) -> list[tuple[str, KeHoach | CongVan]]:
    """The plan kit: ``[("ke-hoach", …), ("cong-van", …)]``."""
    cq = plan.co_quan
    year = plan.nam_hoc
    area = plan.dia_ban
    body = cq.ten_goi
    sources = "; ".join(s.nguon for s in sets)
    h = plan.han
    ke_hoach = KeHoach(
        co_quan=cq, so=plan.ke_hoach.so, ngay=plan.ke_hoach.ngay, nguoi_ky=plan.nguoi_ky,
        don_vi_soan_thao=plan.don_vi_soan_thao,
        trich_yeu=f"Triển khai đánh giá mức độ chuyển đổi số các cơ sở giáo dục trên địa bàn {area} năm học {year}",
        can_cu=plan.can_cu or [f"Căn cứ {s.nguon} ban hành {s.ten}" for s in sets],
        noi_dung="\n\n".join((
            f"{body} ban hành Kế hoạch triển khai đánh giá mức độ chuyển đổi số các cơ sở giáo dục trên địa bàn "
            f"{area} năm học {year}, cụ thể như sau:",
            "# I. MỤC ĐÍCH, YÊU CẦU", "## 1. Mục đích",
            "- Tuyên truyền nhằm nâng cao nhận thức của cán bộ quản lý, giáo viên, nhân viên về ý nghĩa, tác dụng "
            "của chuyển đổi số trong giáo dục và đào tạo. Thúc đẩy chuyển đổi số ở các cơ sở giáo dục.\n"
            f"- Theo dõi, đánh giá kết quả chuyển đổi số trong các cơ sở giáo dục trên địa bàn {area}. Phát hiện "
            "các điển hình, mô hình chuyển đổi số thực hiện hiệu quả để nhân rộng.",
            "## 2. Yêu cầu",
            "Bảo đảm thực hiện kiểm tra, đánh giá khách quan, thực chất, công bằng kết quả chuyển đổi số trong các "
            "đơn vị. Trong quá trình tự đánh giá, thực hiện thu thập, lập danh mục minh chứng theo các tiêu chí của "
            "Bộ chỉ số.",
            "# II. NHIỆM VỤ TRIỂN KHAI",
            "- Đẩy mạnh công tác thông tin tuyên truyền về ý nghĩa, tầm quan trọng của chuyển đổi số trong giáo dục.\n"
            f"- Tổ chức quán triệt, triển khai thực hiện đầy đủ nội dung của {sources} đến toàn thể cán bộ, giáo "
            "viên, nhân viên tại các cơ sở giáo dục.\n"
            "- Các cơ sở giáo dục tiến hành thu thập, tập hợp, lập danh mục minh chứng theo các tiêu chí của Bộ chỉ số "
            "(hướng dẫn, phân công theo Phụ lục II).\n"
            "- Triển khai các nhiệm vụ bảo đảm đúng tiến độ, nội dung của Kế hoạch theo Phụ lục I.",
            "# III. TỔ CHỨC THỰC HIỆN", f"## 1. {cq.ten}",
            "- Ban hành Kế hoạch, chỉ đạo, hướng dẫn các cơ sở giáo dục tổ chức tự đánh giá mức độ chuyển đổi số "
            "theo Bộ chỉ số.\n"
            f"- Triển khai kiểm tra đánh giá ngoài, công nhận mức độ chuyển đổi số đối với các cơ sở giáo dục trên "
            f"địa bàn {area} ({h.danh_gia_ngoai}).\n"
            f"- Báo cáo kết quả thực hiện về {plan.co_quan_cap_tren}; hoàn thành cập nhật kết quả đánh giá trên hệ "
            f"thống cơ sở dữ liệu ngành **{h.cap_nhat_csdl.lower()}**.",
            f"## 2. Các cơ sở giáo dục trên địa bàn {area}",
            "- Thực hiện tự đánh giá, chấm điểm mức độ chuyển đổi số theo các tiêu chí của Bộ chỉ số. Thủ trưởng các "
            f"cơ sở giáo dục ban hành quyết định phê duyệt kết quả tự đánh giá, báo cáo về {body} "
            f"**{h.tu_danh_gia.lower()}**.\n"
            "- Chuẩn bị hồ sơ minh chứng theo các tiêu chí của Bộ chỉ số để kiểm tra, đánh giá.\n"
            "- Hoàn thành cập nhật kết quả đánh giá mức độ chuyển đổi số trên hệ thống cơ sở dữ liệu ngành "
            f"**{h.cap_nhat_csdl_truong.lower()}**.",
            f"Trên đây là Kế hoạch triển khai đánh giá mức độ chuyển đổi số các cơ sở giáo dục trên địa bàn {area} "
            f"năm học {year}. Nếu có khó khăn, vướng mắc, đơn vị báo cáo về {body} qua {_contact(plan)} để phối hợp "
            "giải quyết.",
        )),
        noi_nhan=plan.noi_nhan or [plan.co_quan_cap_tren, f"Các cơ sở giáo dục trên địa bàn {area}"],
        phu_luc=[
            PhuLuc(tieu_de=f"Lịch triển khai kiểm tra, đánh giá mức độ chuyển đổi số các cơ sở giáo dục trên địa bàn {area} năm học {year}",
                   khoi=(_schedule(plan),)),
            PhuLuc(tieu_de="Hướng dẫn triển khai đánh giá mức độ chuyển đổi số của các đơn vị", ngang=True,
                   khoi=tuple(assignment_table(s, plan.phan_cong) for s in sets)),
        ],
    )  # fmt: skip
    cong_van = CongVan(
        co_quan=cq, so=plan.cong_van.so, ngay=plan.cong_van.ngay, nguoi_ky=plan.nguoi_ky,
        don_vi_soan_thao=plan.don_vi_soan_thao,
        trich_yeu=f"tổng kết, báo cáo kết quả đánh giá mức độ chuyển đổi số năm học {year}",
        kinh_gui=[f"Các cơ sở giáo dục trên địa bàn {area}"],
        noi_dung="\n\n".join((
            f"Thực hiện {ke_hoach.trich_dan} của {body} về triển khai đánh giá mức độ chuyển đổi số các cơ sở giáo "
            f"dục trên địa bàn {area} năm học {year}, {body} đề nghị các đơn vị:",
            f"1. Tổng kết và báo cáo kết quả triển khai chuyển đổi số năm học {year} theo Đề cương tại Phụ lục 1.",
            "2. Gửi kết quả tự đánh giá mức độ chuyển đổi số (hồ sơ tự đánh giá và bảng điểm) để tổng hợp theo "
            "Phụ lục 2.",
            f"Báo cáo đề nghị gửi về {body} **{h.bao_cao.lower()}** (thông tin liên hệ: {_contact(plan)}).",
        )),
        noi_nhan=[plan.co_quan_cap_tren + " (để b/c)"],
        phu_luc=[
            PhuLuc(ten="Phụ lục 1", tieu_de=f"Đề cương báo cáo kết quả triển khai chuyển đổi số năm học {year}",
                   noi_dung="\n\n".join((
                       "# I. Tình hình chung", "(Bối cảnh, thuận lợi, khó khăn của đơn vị)",
                       "# II. Kết quả triển khai thực hiện các nhiệm vụ",
                       "## 1. Công tác chỉ đạo điều hành", "## 2. Kết quả tự đánh giá theo Bộ chỉ số",
                       "- Nhóm tiêu chí 1: …… điểm, mức độ ……\n- Nhóm tiêu chí 2: …… điểm, mức độ ……",
                       "# III. Đề xuất, kiến nghị"))),
            PhuLuc(ten="Phụ lục 2", ngang=True,
                   tieu_de=f"Kết quả đánh giá mức độ chuyển đổi số của các cơ sở giáo dục năm học {year}",
                   khoi=tuple(aggregate_table(None, s, plan.cap_hoc()) for s in sets)),
        ],
    )  # fmt: skip
    return [("ke-hoach", ke_hoach), ("cong-van", cong_van)]


def bao_cao_tong_hop(plan: KeHoachTrienKhai, th: TongHop, bo: BoChiSo, *, n_broken: int) -> BaoCao:
    """The summary report with the filled aggregate table as its phụ lục."""
    cq = plan.co_quan
    so_ngay = plan.bao_cao_tong_hop or SoNgay(ngay=plan.cong_van.ngay)
    lines = []
    for g in th.groups:
        pct = phan_tram_lam_tron(g.total)
        parts = [f"Mức độ {lv}: {n} ({dinh_dang_so(p, chu_so_thap_phan=1)}%)"
                 for lv, n, p in zip(th.levels, g.total, pct, strict=True)]  # fmt: skip
        lines.append(f"- Nhóm tiêu chí “{g.name}”: " + "; ".join(parts) + ".")
    unmet = [f"- {school} (nhóm {', '.join(groups)})" for school, groups in th.unmet]
    averages = [f"| {code} | {dinh_dang_so(v)} |" for code, v in sorted(th.averages.items())]
    body = [
        f"{cq.ten_goi} tổng hợp kết quả tự đánh giá mức độ chuyển đổi số năm học {plan.nam_hoc} của "
        f"{len(th.counted)} cơ sở giáo dục trên địa bàn {plan.dia_ban} theo {bo.nguon}, cụ thể như sau:",
        "# I. KẾT QUẢ",
        *lines,
        "Chi tiết theo cấp học tại Phụ lục kèm theo.",
    ]
    if averages:
        body += [
            "# II. ĐIỂM TRUNG BÌNH THEO TIÊU CHÍ",
            "| Tiêu chí | Điểm trung bình |\n|---|---|\n" + "\n".join(averages),
        ]
    body += ["# III. CÁC ĐƠN VỊ CHƯA ĐẠT ĐIỀU KIỆN BẮT BUỘC", "\n".join(unmet) or "Không có."]
    if n_broken or th.duplicates:
        body.append(
            f"(Có {n_broken} hồ sơ chưa hợp lệ và {len(th.duplicates)} hồ sơ trùng không được tính.)"
        )
    body.append(
        f"Trên đây là báo cáo tổng hợp kết quả đánh giá mức độ chuyển đổi số năm học {plan.nam_hoc} của {cq.ten_goi}."
    )
    report = BaoCao(
        co_quan=cq, so=so_ngay.so, ngay=so_ngay.ngay, nguoi_ky=plan.nguoi_ky, don_vi_soan_thao=plan.don_vi_soan_thao,
        trich_yeu=f"Kết quả đánh giá mức độ chuyển đổi số các cơ sở giáo dục năm học {plan.nam_hoc}",
        kinh_gui=[plan.co_quan_cap_tren],
        noi_dung="\n\n".join(body),
    )  # fmt: skip
    table = PhuLuc(
        tieu_de=f"Kết quả đánh giá mức độ chuyển đổi số của các cơ sở giáo dục năm học {plan.nam_hoc}",
        ngang=True, khoi=(aggregate_table(th, bo),),
        kem_theo=f"(Kèm theo {report.trich_dan} của {cq.ten_goi})",
    )  # fmt: skip
    return dataclasses.replace(report, phu_luc=[table])
