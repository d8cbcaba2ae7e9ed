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

from ..assessment.aggregation import TongHop, phan_tram_lam_tron
from ..assessment.sets import BoChiSo
from ..model import BaoCao, CongVan, KeHoach, KeHoachTrienKhai, PhuLuc, SoNgay
from ..model.documents import roman
from ..vn.markup import Cell, Table, cell, escape
from ..vn.numbers import dinh_dang_so
from .tables import aggregate_table, assignment_table
from .texts import Raw, text

__all__ = ["bao_cao_tong_hop", "plan_documents"]


def _schedule(plan: KeHoachTrienKhai) -> Table:
    h = plan.han
    who = (
        f"{plan.co_quan.ten} ({plan.tham_muu})" if plan.tham_muu else plan.co_quan.ten_goi
    ).upper()
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
        noi_dung=text(
            "ke_hoach_trien_khai", co_quan=body, ten_co_quan=cq.ten_mot_dong, dia_ban=area, nam_hoc=year,
            nguon=sources, han_danh_gia_ngoai=h.danh_gia_ngoai,
            co_quan_cap_tren=plan.co_quan_cap_tren, han_cap_nhat_csdl=h.cap_nhat_csdl.lower(),
            han_tu_danh_gia=h.tu_danh_gia.lower(),
            han_cap_nhat_csdl_truong=h.cap_nhat_csdl_truong.lower(), lien_he=_contact(plan),
            to_chuc_co_quan=Raw(text(
                f"to_chuc_thuc_hien_{plan.cap_quan_ly}", co_quan=body, ten_co_quan=cq.ten_mot_dong,
                tham_muu=plan.tham_muu or cq.ten_mot_dong, dia_ban=area, han_danh_gia_ngoai=h.danh_gia_ngoai,
                co_quan_cap_tren=plan.co_quan_cap_tren, han_cap_nhat_csdl=h.cap_nhat_csdl.lower(),
            )),
        ),
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
        noi_dung=text(
            "cong_van_trien_khai", ke_hoach=ke_hoach.trich_dan, co_quan=body, dia_ban=area,
            nam_hoc=year, han_bao_cao=h.bao_cao.lower(), lien_he=_contact(plan),
        ),
        noi_nhan=[plan.co_quan_cap_tren + " (để b/c)"],
        phu_luc=[
            PhuLuc(tieu_de=f"Đề cương báo cáo kết quả triển khai chuyển đổi số năm học {year}",
                   noi_dung=text("de_cuong_bao_cao")),
            PhuLuc(ngang=True,
                   tieu_de=f"Kết quả đánh giá mức độ chuyển đổi số của các cơ sở giáo dục năm học {year}",
                   khoi=tuple(aggregate_table(None, s, plan.cap_hoc()) for s in sets)),
        ],
    )  # fmt: skip
    return [("ke-hoach", ke_hoach), ("cong-van", cong_van)]


def _averages(th: TongHop) -> list[str]:
    """The criterion averages, each with how many schools it covers."""
    if not th.averages:
        return []
    counts = {th.averages_n.get(code, 0) for code in th.averages}
    rows = sorted(th.averages.items())
    if len(counts) == 1:
        (n,) = counts
        table = f"| Tiêu chí | Điểm trung bình (n = {n}) |\n|---|---|\n" + "\n".join(
            f"| {code} | {dinh_dang_so(v)} |" for code, v in rows
        )
    else:
        table = "| Tiêu chí | Điểm trung bình | Số cơ sở (n) |\n|---|---|---|\n" + "\n".join(
            f"| {code} | {dinh_dang_so(v)} | {th.averages_n.get(code, 0)} |" for code, v in rows
        )
    note = (
        f"Điểm trung bình tính trên các cơ sở gửi điểm từng tiêu chí (n cơ sở; {len(th.counted)} "
        "cơ sở được tổng hợp)."
    )
    return ["# ĐIỂM TRUNG BÌNH THEO TIÊU CHÍ", note, table]


def bao_cao_tong_hop(
    plan: KeHoachTrienKhai,
    th: TongHop,
    bo: BoChiSo,
    *,
    n_broken: int,
    broken: Sequence[str] = (),
) -> BaoCao:
    """The summary report with the filled aggregate table as its phụ lục: the schools counted
    (of those the plan expects), the criterion averages with how many schools each covers, the
    expected schools without a result by name, and what was left out, each with its reason."""
    cq = plan.co_quan
    so_ngay = plan.bao_cao_tong_hop or SoNgay(ngay=plan.cong_van.ngay)
    n = len(th.counted)
    lines = []
    for g in th.groups:
        pct = phan_tram_lam_tron(g.total)
        parts = [f"Mức độ {lv}: {k} ({dinh_dang_so(p, chu_so_thap_phan=1)}%)"
                 for lv, k, p in zip(th.levels, g.total, pct, strict=True)]  # fmt: skip
        lines.append(
            f"- Nhóm tiêu chí “{escape(g.name)}” (n = {sum(g.total)}): " + "; ".join(parts) + "."
        )
    of = f" (trên tổng số {th.expected} cơ sở theo kế hoạch)" if th.expected is not None else ""
    body = [
        f"{escape(cq.ten_goi)} tổng hợp kết quả tự đánh giá mức độ chuyển đổi số năm học {escape(plan.nam_hoc)} của "
        f"{n} cơ sở giáo dục trên địa bàn {escape(plan.dia_ban)}{of} theo {escape(bo.nguon)}, cụ thể như sau:",
        "# KẾT QUẢ",
        *lines,
        "Chi tiết theo cấp học tại Phụ lục kèm theo.",
        *_averages(th),
    ]
    unmet = [f"- {escape(school)} (nhóm {', '.join(groups)})" for school, groups in th.unmet]
    body += ["# CÁC ĐƠN VỊ CHƯA ĐẠT ĐIỀU KIỆN BẮT BUỘC", "\n".join(unmet) or "Không có."]
    if th.expected is not None:
        missing = [f"- {escape(c.ten)} ({escape(c.cap_hoc)})" for c in th.missing]
        body += [
            f"# CÁC CƠ SỞ CHƯA GỬI KẾT QUẢ ({len(th.missing)})",
            "\n".join(missing) or "Không có.",
        ]
    left_out = [
        f"- {escape(x.don_vi)} ({escape(x.source)}): {escape(x.ly_do)}" for x in th.excluded
    ]
    left_out += [f"- {escape(p.path)}: {escape(p.message)}" for p in th.duplicates]
    left_out += [f"- {escape(source)}: hồ sơ chưa hợp lệ" for source in broken]
    if n_broken > len(broken):
        left_out.append(f"- {n_broken - len(broken)} hồ sơ chưa hợp lệ khác")
    body += [f"# KẾT QUẢ KHÔNG ĐƯỢC TÍNH ({len(left_out)})", "\n".join(left_out) or "Không có."]
    headings = iter(range(1, len(body) + 1))
    body = [f"# {roman(next(headings))}. {b[2:]}" if b.startswith("# ") else b for b in body]
    body.append(
        f"Trên đây là báo cáo tổng hợp kết quả đánh giá mức độ chuyển đổi số năm học {escape(plan.nam_hoc)} của {escape(cq.ten_goi)}."
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
