"""Starting and finding out: the starter files of ``vnadmin-docs init`` and the indicator set
as ``vnadmin-docs criteria`` prints it.

:func:`starter_files` returns commented, valid starter files in Vietnamese: for a school
(``truong``) a dossier input ``ho-so.yaml`` and its self-assessment ``tu-danh-gia.yaml``
(generated from the indicator set: one key per criterion or item, its rule in a comment), for
a managing body (``phong``, ``so``) a plan input ``ke-hoach.yaml``. :func:`write_starter`
writes them and refuses to overwrite a file. :func:`criteria` describes a set (groups,
criteria, items, rules, caps, level bands) as plain data.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any, Final, Literal

from .._atomic import atomic_path
from ..assessment.rules import describe
from ..assessment.sets import BoChiSo, ChiBao, QuyTac, TieuChi
from ..errors import InputError, Problem
from ..vn.numbers import dinh_dang_so

__all__ = ["KINDS", "Kind", "criteria", "starter_files", "write_starter"]

Kind = Literal["truong", "phong", "so"]
KINDS: Final[tuple[Kind, ...]] = ("truong", "phong", "so")


def _n(x: Decimal | None) -> str:
    return "" if x is None else dinh_dang_so(x)


def _comment(text: str, indent: str = "") -> list[str]:
    return [f"{indent}# {line}".rstrip() for line in text.splitlines()]


def _default_fact(rule: QuyTac) -> tuple[str, str]:
    """A fact that scores 0 (valid as written) and what the key means."""
    if rule.loai == "co_khong":
        return "co: false", "co: true nếu đã triển khai, false nếu chưa"
    if rule.loai == "ty_le":
        return "ty_le: 0", "ty_le: tỷ lệ phần trăm 0–100 (hoặc so: … và tong: …)"
    if rule.loai == "so_luong":
        return "so_luong: 0", "so_luong: số lượng (số nguyên)"
    if rule.loai == "lua_chon":
        zero = [k for k, v in rule.lua_chon.items() if v == 0]
        first = zero[0] if zero else next(iter(rule.lua_chon))
        return f"chon: {first}", f"chon: một trong {', '.join(rule.lua_chon)}"
    return "chuc_nang: []", (
        "chuc_nang: số thứ tự các chức năng đã triển khai, ví dụ [1, 3]: "
        + "; ".join(f"{i}. {c}" for i, c in enumerate(rule.chuc_nang, start=1))
    )


def _entry(code: str, text: str, toi_da: Decimal, rule: QuyTac) -> list[str]:
    fact, meaning = _default_fact(rule)
    lines = _comment(f"{code} {text}", "  ")
    lines += _comment(f"Cách tính (tối đa {_n(toi_da)} điểm): {describe(rule, toi_da)}", "  ")
    lines += _comment(f"{meaning}; diem: điểm tự chấm (mặc định: mức tối đa theo dữ kiện)", "  ")
    return [*lines, f'  "{code}": {{{fact}, minh_chung: []}}']


def _assessment(bo: BoChiSo, don_vi: str, nam_hoc: str, bo_chi_so: str) -> str:
    lines = [
        "# Tệp tự đánh giá mức độ chuyển đổi số (điền rồi chạy: vnadmin-docs score tu-danh-gia.yaml)",
        f"# Bộ chỉ số: {bo.ten} ({bo.nguon})",
        "# Mỗi mã dưới ket_qua là một tiêu chí hoặc chỉ báo; sửa dữ kiện theo thực tế nhà trường.",
        "# minh_chung: danh sách minh chứng (văn bản, đường liên kết), ví dụ [Kế hoạch số 02/KH-…]",
        "",
        "# don_vi: tên đơn vị, phải giống co_quan.ten trong ho-so.yaml",
        f"don_vi: {don_vi}",
        "# nam_hoc: năm học, phải giống ho-so.yaml",
        f"nam_hoc: {nam_hoc}",
        "# bo_chi_so: mã bộ chỉ số (xem: vnadmin-docs criteria) hoặc đường dẫn tệp bộ chỉ số",
        f"bo_chi_so: {bo_chi_so}",
        "# ket_qua: dữ kiện của từng mã; các giá trị dưới đây đều là 'chưa có' (0 điểm hoặc bậc",
        "# thấp nhất), cần sửa theo thực tế",
        "ket_qua:",
    ]
    for nhom in bo.nhom:
        lines += [
            "",
            *_comment(f"Nhóm {nhom.ma}. {nhom.ten} (tối đa {_n(nhom.toi_da)} điểm)", "  "),
        ]
        for tc in nhom.tieu_chi:
            lines += _criterion(tc)
    return "\n".join(lines) + "\n"


def _criterion(tc: TieuChi) -> list[str]:
    if tc.bat_buoc:
        return [
            *_comment(f"{tc.ma} {tc.noi_dung}", "  "),
            *_comment(
                "Điều kiện bắt buộc (không tính điểm): dat: true nếu đạt, false nếu chưa", "  "
            ),
            f'  "{tc.ma}": {{dat: false, minh_chung: []}}',
        ]
    if tc.quy_tac is not None:
        return _entry(tc.ma, tc.noi_dung, tc.toi_da or Decimal(0), tc.quy_tac)
    lines = _comment(f"Tiêu chí {tc.ma} {tc.noi_dung} (tối đa {_n(tc.toi_da)} điểm):", "  ")
    item: ChiBao
    for item in tc.chi_bao:
        lines += _entry(item.ma, item.noi_dung, item.toi_da, item.quy_tac)
    return lines


_DOSSIER: Final = """\
# Hồ sơ tự đánh giá mức độ chuyển đổi số của nhà trường (một năm học).
# Tạo hồ sơ:  vnadmin-docs dossier ho-so.yaml -o ho-so
# (chỉ .docx: thêm --docx-only; dùng mẫu riêng của trường: --mau thu-muc-mau)
# Ngày viết dạng năm-tháng-ngày (2025-03-20); "so: null" khi văn bản chưa có số.

# nam_hoc: năm học của hồ sơ
nam_hoc: {nam_hoc}
# co_quan: nhà trường
co_quan:
  # chu_quan: cơ quan chủ quản, in phía trên tên trường
  chu_quan: UBND xã Tân Lập
  # ten: tên trường (viết thường, có dấu)
  ten: {don_vi}
  # viet_tat: chữ viết tắt dùng trong ký hiệu văn bản (số 04/BC-THTL)
  viet_tat: THTL
  # dia_danh: địa danh ở dòng ngày tháng (Tân Lập, ngày … tháng … năm …)
  dia_danh: Tân Lập
# cap_hoc: cấp học để tổng hợp (Mầm non, Tiểu học, THCS, THPT, GDTX…)
cap_hoc: Tiểu học
# co_quan_quan_ly: cơ quan nhận tờ trình và báo cáo
co_quan_quan_ly: Phòng Giáo dục và Đào tạo
# thu_truong: người đứng đầu nhà trường, ký tờ trình, báo cáo và quyết định
thu_truong: {{chuc_vu: Hiệu trưởng, ho_ten: Nguyễn Văn An}}
# hoi_dong: Hội đồng tự đánh giá
hoi_dong:
  # quyet_dinh_thanh_lap: số và ngày quyết định thành lập Hội đồng
  quyet_dinh_thanh_lap: {{so: 1, ngay: 2025-03-03}}
  # chu_tich, thu_ky: họ tên và chức vụ trong Hội đồng
  chu_tich: {{ho_ten: Nguyễn Văn An, chuc_vu: "Hiệu trưởng, Chủ tịch Hội đồng"}}
  thu_ky: {{ho_ten: Trần Thị Bình, chuc_vu: "Giáo viên, Thư ký Hội đồng"}}
  # thanh_vien: các ủy viên
  thanh_vien:
    - {{ho_ten: Các tổ trưởng chuyên môn, chuc_vu: Ủy viên}}
# bien_ban: cuộc họp Hội đồng (số, ngày, giờ bắt đầu, giờ kết thúc, địa điểm của biên bản)
bien_ban:
  so: 1
  ngay: 2025-03-10
  bat_dau: 2025-03-10T08:00
  ket_thuc: 2025-03-10T10:30
  dia_diem: Phòng họp Hội đồng sư phạm, {don_vi}
# thứ tự ban hành: Biên bản → Quyết định phê duyệt → Báo cáo → Tờ trình (cùng ngày được);
# mỗi số có thể ghi "auto" để lấy từ sổ đăng ký văn bản đi (--so-dang-ky)
# quyet_dinh: số và ngày của Quyết định phê duyệt kết quả (căn cứ biên bản: cùng ngày hoặc sau)
quyet_dinh: {{so: 2, ngay: 2025-03-10}}
# bao_cao: số và ngày của Báo cáo kết quả tự đánh giá (sau quyết định)
bao_cao: {{so: 3, ngay: 2025-03-11}}
# to_trinh: số và ngày của Tờ trình đề nghị công nhận (căn cứ quyết định và báo cáo)
to_trinh: {{so: 4, ngay: 2025-03-12}}
# can_cu: căn cứ bổ sung (ví dụ kế hoạch của Phòng), mỗi dòng một căn cứ
can_cu: []
# tu_danh_gia: tệp tự đánh giá (cùng thư mục), hoặc phiếu Excel .xlsx đã điền
tu_danh_gia: tu-danh-gia.yaml
# bo_sung: đoạn văn thêm vào từng văn bản (tùy chọn), ví dụ:
#   bao_cao: |
#     - Tổ chức quán triệt các văn bản chỉ đạo về chuyển đổi số …
bo_sung: {{}}
# bien: biến thêm cho mẫu riêng của trường ({{{{ bien.khau_hieu }}}} trong mẫu .docx)
bien: {{}}
"""

_PLAN: Final = """\
# Kế hoạch triển khai đánh giá mức độ chuyển đổi số của {ten} (một năm học).
# Tạo bộ kế hoạch (kế hoạch, công văn):  vnadmin-docs plan ke-hoach.yaml -o ke-hoach
# Tổng hợp kết quả các đơn vị:  vnadmin-docs aggregate <các tệp> --ke-hoach ke-hoach.yaml -o tong-hop
# Ngày viết dạng năm-tháng-ngày, hoặc năm-tháng (2025-03) khi chưa định ngày; "so: null" khi chưa có số.

# nam_hoc: năm học của kế hoạch
nam_hoc: {nam_hoc}
# co_quan: cơ quan ban hành
co_quan:
  # chu_quan: cơ quan chủ quản, in phía trên tên cơ quan
  chu_quan: {chu_quan}
  # ten: tên cơ quan (viết thường, có dấu); ten_ngan: tên gọi tắt khi trích dẫn
  ten: {ten}
  ten_ngan: {ten_ngan}
  # viet_tat: chữ viết tắt trong ký hiệu văn bản (số 12/KH-{viet_tat})
  viet_tat: {viet_tat}
  # dia_danh: địa danh ở dòng ngày tháng
  dia_danh: {dia_danh}
# don_vi_soan_thao: đơn vị soạn thảo, trong ký hiệu công văn (số …/{viet_tat}-VP) và dòng Lưu
don_vi_soan_thao: VP
# dia_ban: địa bàn quản lý, in trong văn bản
dia_ban: {dia_ban}
# co_quan_cap_tren: nơi nhận báo cáo tổng hợp
co_quan_cap_tren: {cap_tren}
# nguoi_ky: người ký kế hoạch và công văn
nguoi_ky: {{chuc_vu: {chuc_vu}, ho_ten: Lê Văn Cường}}
# lien_he: người liên hệ khi các đơn vị cần hỏi
lien_he: {{ho_ten: Phạm Thị Dung, chuc_vu: Chuyên viên, email: dungpt@example.edu.vn, dien_thoai: "0912345678"}}
# ke_hoach: số và ngày của kế hoạch
ke_hoach: {{so: null, ngay: 2025-03}}
# cong_van: số và ngày của công văn gửi các đơn vị
cong_van: {{so: null, ngay: 2025-03}}
# bao_cao_tong_hop: số và ngày của báo cáo tổng hợp (khi chạy aggregate)
bao_cao_tong_hop: {{so: null, ngay: 2025-06}}
# han: các mốc thời gian, ghi như sẽ in trong kế hoạch
han:
  # ban_hanh_ke_hoach: ban hành kế hoạch
  ban_hanh_ke_hoach: Tháng 3/2025
  # tu_danh_gia: các đơn vị tự đánh giá
  tu_danh_gia: Trước 31/3/2025
  # danh_gia_ngoai: kiểm tra, đánh giá ngoài
  danh_gia_ngoai: Tháng 5/2025
  # cong_nhan: công nhận kết quả
  cong_nhan: Trước 30/5/2025
  # cap_nhat_csdl_truong: các đơn vị cập nhật cơ sở dữ liệu
  cap_nhat_csdl_truong: Trước 31/5/2025
  # cap_nhat_csdl: {ten_ngan} cập nhật cơ sở dữ liệu
  cap_nhat_csdl: Trước 20/6/2025
  # bao_cao: hạn các đơn vị gửi báo cáo (in trong công văn)
  bao_cao: Trước 31/3/2025
# bo_chi_so: các bộ chỉ số áp dụng (xem: vnadmin-docs criteria)
bo_chi_so: [{bo_chi_so}]
# can_cu: căn cứ ban hành, mỗi dòng một căn cứ
can_cu:
  - Căn cứ Quyết định số 4725/QĐ-BGDĐT ngày 30/12/2022 của Bộ Giáo dục và Đào tạo ban hành Bộ chỉ số đánh giá mức độ chuyển đổi số của cơ sở giáo dục phổ thông và giáo dục thường xuyên
# noi_nhan: nơi nhận (ngoài các đơn vị)
noi_nhan: [Lưu VT]
# co_so: các đơn vị trực thuộc: tên và cấp học (Mầm non, Tiểu học, THCS, THPT, GDTX…)
co_so:
{co_so}
# phan_cong: phân công theo tiêu chí (mã tiêu chí: chu_tri chủ trì, thuc_hien thực hiện), tùy chọn
phan_cong:
  "1.1": {{chu_tri: Hiệu trưởng, thuc_hien: Tổ chuyên môn}}
# bien: biến thêm cho mẫu riêng ({{{{ bien.KEY }}}} trong mẫu .docx)
bien: {{}}
"""

_BODIES: Final[dict[str, dict[str, str]]] = {
    "phong": {
        "ten": "Phòng Giáo dục và Đào tạo", "ten_ngan": "Phòng GDĐT", "viet_tat": "PGDĐT",
        "chu_quan": "UBND huyện Tân Lập", "dia_danh": "Tân Lập", "dia_ban": "huyện Tân Lập",
        "cap_tren": "Sở GDĐT tỉnh Tân Lập", "chuc_vu": "Trưởng phòng",
        "co_so": "  - {ten: Trường Tiểu học Tân Lập, cap_hoc: Tiểu học}\n"
                 "  - {ten: Trường THCS Tân Lập, cap_hoc: THCS}",
    },
    "so": {
        "ten": "Sở Giáo dục và Đào tạo", "ten_ngan": "Sở GDĐT", "viet_tat": "SGDĐT",
        "chu_quan": "UBND tỉnh Tân Lập", "dia_danh": "Tân Lập", "dia_ban": "tỉnh Tân Lập",
        "cap_tren": "Bộ Giáo dục và Đào tạo", "chuc_vu": "Giám đốc",
        "co_so": "  - {ten: Trường THPT Tân Lập, cap_hoc: THPT}\n"
                 "  - {ten: Trung tâm GDNN-GDTX huyện Tân Lập, cap_hoc: GDTX}",
    },
}  # fmt: skip


def starter_files(
    kind: Kind, bo: BoChiSo, *, bo_chi_so: str, nam_hoc: str = "2024-2025",
    don_vi: str = "Trường Tiểu học Tân Lập",
) -> dict[str, str]:  # fmt: skip
    """The starter files of ``kind`` by file name (valid as written, commented)."""
    if kind == "truong":
        return {
            "ho-so.yaml": _DOSSIER.format(nam_hoc=nam_hoc, don_vi=don_vi),
            "tu-danh-gia.yaml": _assessment(bo, don_vi, nam_hoc, bo_chi_so),
        }
    return {"ke-hoach.yaml": _PLAN.format(nam_hoc=nam_hoc, bo_chi_so=bo_chi_so, **_BODIES[kind])}


def write_starter(folder: Path, files: dict[str, str], *, extra: Sequence[str] = ()) -> list[Path]:
    """Write ``files`` into ``folder`` (atomically); refuses, writing nothing, when any of them
    or of ``extra`` (files the caller writes next) exists already."""
    existing = [name for name in [*files, *extra] if (folder / name).exists()]
    if existing:
        problems = [Problem(name, "tệp đã có; không ghi đè (xóa hoặc chọn thư mục khác)")
                    for name in existing]  # fmt: skip
        raise InputError(problems, source=str(folder))
    written = []
    for name, text in files.items():
        with atomic_path(folder / name) as tmp:
            tmp.write_text(text, encoding="utf-8")
        written.append(folder / name)
    return written


# ---------------------------------------------------------------- criteria


def _rule(rule: QuyTac, toi_da: Decimal) -> dict[str, Any]:
    return {"loai": rule.loai, "mo_ta": describe(rule, toi_da), "cach_ghi": _default_fact(rule)[1]}


def criteria(bo: BoChiSo) -> dict[str, Any]:
    """The set as plain data (JSON-ready): groups, criteria, items, rules, caps, level bands."""

    def tieu_chi(tc: TieuChi) -> dict[str, Any]:
        out: dict[str, Any] = {"ma": tc.ma, "noi_dung": tc.noi_dung, "bat_buoc": tc.bat_buoc,
                               "toi_da": None if tc.toi_da is None else _n(tc.toi_da)}  # fmt: skip
        if tc.quy_tac is not None:
            out["quy_tac"] = _rule(tc.quy_tac, tc.toi_da or Decimal(0))
        if tc.muc_do:
            out["muc_do"] = [{"muc": m.muc, "khoang": m.mo_ta("điểm")} for m in tc.muc_do]
        out["chi_bao"] = [
            {"ma": i.ma, "noi_dung": i.noi_dung, "toi_da": _n(i.toi_da),
             "quy_tac": _rule(i.quy_tac, i.toi_da)}
            for i in tc.chi_bao
        ]  # fmt: skip
        if tc.minh_chung:
            out["minh_chung"] = tc.minh_chung
        return out

    return {
        "ma": bo.ma, "ten": bo.ten, "nguon": bo.nguon,
        "muc_do": [{"muc": m.muc, "ten": m.ten, "khoang": m.mo_ta("điểm")} for m in bo.muc_do],
        "nhom": [{"ma": g.ma, "ten": g.ten, "toi_da": _n(g.toi_da),
                  "tieu_chi": [tieu_chi(tc) for tc in g.tieu_chi]} for g in bo.nhom],
    }  # fmt: skip
