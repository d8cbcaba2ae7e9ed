"""Vietnamese descriptions of every key of the input files, for the JSON Schema an editor reads
(hover text, autocompletion). The docstrings of the fields say the same in English, for
developers; this table is what school staff read. A test checks that every field of every class
an input file describes has its entry here.

Keys are ``(class name, field)``; a field a class inherits is looked up under the class that
declares it (``VanBan`` for every document's ``so``, ``ngay``…).

>>> mo_ta("CongVan", "trich_yeu", ("CongVan", "VanBan"))
'Trích yếu nội dung văn bản, ví dụ “Về việc tổng kết, báo cáo kết quả đánh giá mức độ chuyển đổi số”.'
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

__all__ = ["MO_TA", "mo_ta"]

_VAN_BAN: Final = {
    "co_quan": "Cơ quan, tổ chức ban hành văn bản (tên, tên viết tắt, địa danh, cơ quan chủ quản).",
    "ngay": "Ngày ban hành, dạng YYYY-MM-DD (có thể chỉ ghi năm hoặc năm-tháng cho bản nháp).",
    "trich_yeu": (
        "Trích yếu nội dung văn bản, ví dụ “Về việc tổng kết, báo cáo kết quả đánh giá mức độ "
        "chuyển đổi số”."
    ),
    "so": "Số văn bản; để trống khi chưa cấp số (bản dự thảo).",
    "ky_hieu": "Ký hiệu sau dấu “/” nếu muốn ghi khác mặc định (viết tắt loại văn bản, cơ quan).",
    "don_vi_soan_thao": "Đơn vị soạn thảo (ví dụ VP): thêm vào ký hiệu Công văn và dòng “Lưu:”.",
    "noi_nhan": "Nơi nhận, mỗi dòng một nơi; dấu “- ”, “;” và dòng “Lưu:” được thêm tự động.",
    "luu": "Những nơi ghi ở dòng “Lưu:”; mặc định VT và đơn vị soạn thảo.",
    "phu_luc": "Các phụ lục kèm theo văn bản.",
    "nguoi_ky": "Người ký: chức vụ, họ tên và thẩm quyền ký (TM., KT., Q., TL., TUQ.).",
    "can_cu": "Các căn cứ ban hành, mỗi dòng một căn cứ.",
    "noi_dung": "Nội dung văn bản (các đoạn cách nhau một dòng trống; **đậm**, *nghiêng*, bảng).",
    "kinh_gui": "Nơi được kính gửi, mỗi dòng một nơi.",
}

MO_TA: Final[dict[tuple[str, str], str]] = {
    **{("VanBan", k): v for k, v in _VAN_BAN.items() if k not in ("nguoi_ky", "can_cu",
                                                                  "noi_dung", "kinh_gui")},
    **{(cls, k): _VAN_BAN[k] for cls in ("KeHoach", "BaoCao", "ToTrinh", "CongVan", "QuyetDinh",
                                         "BienBan") for k in ("nguoi_ky", "can_cu", "noi_dung",
                                                              "kinh_gui")},
    ("QuyetDinh", "tham_quyen_ban_hanh"): (
        "Thẩm quyền ban hành ghi trước phần căn cứ, ví dụ “Hiệu trưởng Trường THCS Quyết Tiến”."
    ),
    ("QuyetDinh", "dieu"): "Các điều của quyết định, mỗi mục một điều (“Điều 1.”… tự thêm).",
    ("QuyetDinh", "theo_de_nghi"): "Người đề nghị, ví dụ “Chủ tịch Hội đồng tự đánh giá”.",
    ("BienBan", "thoi_gian_bat_dau"): "Thời gian bắt đầu cuộc họp, dạng YYYY-MM-DDTHH:MM.",
    ("BienBan", "thoi_gian_ket_thuc"): "Thời gian kết thúc cuộc họp, dạng YYYY-MM-DDTHH:MM.",
    ("BienBan", "dia_diem"): "Địa điểm cuộc họp.",
    ("BienBan", "thanh_phan"): "Thành phần tham dự, mỗi dòng một người hoặc một nhóm.",
    ("BienBan", "chu_toa"): "Người chủ trì cuộc họp (họ tên, chức vụ).",
    ("BienBan", "thu_ky"): "Thư ký cuộc họp (họ tên, chức vụ).",
    # parts
    ("CoQuan", "ten"): "Tên cơ quan viết thường, ví dụ “Trung tâm GDNN-GDTX huyện Thanh Trì”.",
    ("CoQuan", "viet_tat"): "Tên viết tắt dùng trong ký hiệu văn bản, ví dụ “GDNN-GDTXTT”.",
    ("CoQuan", "dia_danh"): "Địa danh ghi ở dòng ngày tháng, ví dụ “Thanh Trì”.",
    ("CoQuan", "chu_quan"): "Cơ quan chủ quản ghi phía trên tên cơ quan, ví dụ “UBND huyện Thanh Trì”.",
    ("CoQuan", "ten_ngan"): "Tên ngắn dùng khi nhắc lại, ví dụ “Phòng GDĐT”; mặc định là tên.",
    ("NguoiKy", "chuc_vu"): "Chức vụ của người ký, ví dụ “Hiệu trưởng”.",
    ("NguoiKy", "ho_ten"): "Họ và tên người ký.",
    ("NguoiKy", "tham_quyen"): "Thẩm quyền ký: để trống, TM, KT, Q, TL hoặc TUQ.",
    ("NguoiKy", "thay_mat"): "Với TM./KT./TL./TUQ.: tập thể hoặc người đứng đầu được ký thay.",
    ("NguoiKy", "thay_mat_tap_the"): (
        "Tập thể ký thay mặt, ghi trên dòng thẩm quyền (ví dụ “Ủy ban nhân dân” → “TM. ỦY BAN "
        "NHÂN DÂN”)."
    ),
    ("ThanhVien", "ho_ten"): "Họ và tên.",
    ("ThanhVien", "chuc_vu"): "Chức vụ.",
    ("PhuLuc", "tieu_de"): "Tiêu đề của phụ lục.",
    ("PhuLuc", "noi_dung"): "Nội dung phụ lục (cùng cách viết như nội dung văn bản).",
    ("PhuLuc", "ngang"): "In trang ngang (cho bảng rộng).",
    ("PhuLuc", "ten"): "Tên phụ lục nếu muốn ghi khác mặc định (“Phụ lục I”…).",
    ("PhuLuc", "kem_theo"): "Dòng “(Kèm theo …)” nếu muốn ghi khác mặc định.",
    ("PhuLuc", "khoi"): "Các khối nội dung do chương trình tạo (ví dụ bảng điểm); không cần ghi tay.",
    # markup blocks (made in code, described for completeness)
    ("Heading", "level"): "Cấp đề mục.",
    ("Heading", "spans"): "Các đoạn chữ của đề mục.",
    ("Span", "text"): "Đoạn chữ.",
    ("Span", "bold"): "Chữ đậm.",
    ("Span", "italic"): "Chữ nghiêng.",
    ("Paragraph", "spans"): "Các đoạn chữ của đoạn văn.",
    ("Paragraph", "marker"): "Dấu đầu dòng: không có, “-” hoặc “+”.",
    ("Table", "rows"): "Các hàng của bảng.",
    ("Table", "header_rows"): "Số hàng tiêu đề.",
    ("Table", "widths"): "Độ rộng các cột.",
    ("Cell", "spans"): "Các đoạn chữ trong ô.",
    ("Cell", "rowspan"): "Số hàng ô chiếm.",
    ("Cell", "colspan"): "Số cột ô chiếm.",
    ("Cell", "align"): "Căn lề: left (trái), center (giữa), right (phải).",
    # the dossier
    ("HoSo", "nam_hoc"): "Năm học, ví dụ “2024-2025”.",
    ("HoSo", "co_quan"): "Cơ sở giáo dục lập hồ sơ (tên, tên viết tắt, địa danh, cơ quan chủ quản).",
    ("HoSo", "cap_hoc"): "Cấp học để tổng hợp (Tiểu học, THCS…); nếu không ghi, đoán từ tên trường.",
    ("HoSo", "co_quan_quan_ly"): (
        "Cơ quan quản lý nhận Tờ trình và Báo cáo, ví dụ “Phòng Giáo dục và Đào tạo huyện Tiên Lãng”."
    ),
    ("HoSo", "thu_truong"): "Thủ trưởng đơn vị, người ký Tờ trình, Báo cáo và Quyết định.",
    ("HoSo", "hoi_dong"): "Hội đồng tự đánh giá: chủ tịch, thư ký, các thành viên.",
    ("HoSo", "bien"): "Biến riêng cho mẫu văn bản ({{ bien.TEN }}), xem tùy chọn --mau.",
    ("HoSo", "bien_ban"): "Biên bản họp Hội đồng: số, ngày, thời gian bắt đầu, kết thúc, địa điểm.",
    ("HoSo", "bao_cao"): "Số và ngày của Báo cáo tự đánh giá.",
    ("HoSo", "to_trinh"): "Số và ngày của Tờ trình đề nghị công nhận.",
    ("HoSo", "quyet_dinh"): "Số và ngày của Quyết định công bố kết quả tự đánh giá.",
    ("HoSo", "tu_danh_gia"): (
        "Kết quả tự đánh giá ghi ngay tại đây, hoặc đường dẫn tệp tự đánh giá (.yaml, .xlsx)."
    ),
    ("HoSo", "can_cu"): "Căn cứ bổ sung cho Báo cáo, Tờ trình, Quyết định (ví dụ kế hoạch của Phòng).",
    ("HoSo", "bo_sung"): "Đoạn văn bổ sung vào Tờ trình, Biên bản, Báo cáo.",
    ("HoSo", "thu_tu"): "Thứ tự các phần khi đóng hồ sơ.",
    ("HoiDong", "chu_tich"): "Chủ tịch Hội đồng (họ tên, chức vụ).",
    ("HoiDong", "thu_ky"): "Thư ký Hội đồng (họ tên, chức vụ).",
    ("HoiDong", "thanh_vien"): "Các thành viên khác của Hội đồng.",
    ("HoiDong", "quyet_dinh_thanh_lap"): "Số và ngày của quyết định thành lập Hội đồng.",
    ("SoNgay", "so"): "Số văn bản; để trống khi chưa cấp số.",
    ("SoNgay", "ngay"): "Ngày ban hành, dạng YYYY-MM-DD.",
    ("CuocHop", "bat_dau"): "Thời gian bắt đầu, dạng YYYY-MM-DDTHH:MM.",
    ("CuocHop", "ket_thuc"): "Thời gian kết thúc, dạng YYYY-MM-DDTHH:MM.",
    ("CuocHop", "dia_diem"): "Địa điểm họp.",
    ("TuDanhGia", "bo_chi_so"): "Bộ chỉ số: mã bộ có sẵn (qd-4725-2022) hoặc đường dẫn tệp bộ chỉ số.",
    ("TuDanhGia", "ket_qua"): "Kết quả theo mã tiêu chí, chỉ báo (1.1, 1.3.b…): dữ kiện và điểm.",
    ("BoSung", "to_trinh"): "Đoạn bổ sung vào Tờ trình.",
    ("BoSung", "bien_ban"): "Đoạn bổ sung vào Biên bản.",
    ("BoSung", "bao_cao"): "Đoạn bổ sung vào Báo cáo.",
    # the self-assessment
    ("DanhGia", "don_vi"): "Tên cơ sở giáo dục, ví dụ “Trung tâm GDNN-GDTX huyện Thanh Trì”.",
    ("DanhGia", "nam_hoc"): "Năm học, ví dụ “2024-2025”.",
    ("DanhGia", "bo_chi_so"): "Bộ chỉ số: mã bộ có sẵn (qd-4725-2022) hoặc đường dẫn tệp bộ chỉ số.",
    ("DanhGia", "cap_hoc"): "Cấp học để tổng hợp (Tiểu học, THCS…); nếu không ghi, đoán từ tên.",
    ("DanhGia", "ket_qua"): "Kết quả theo mã tiêu chí, chỉ báo (1.1, 1.3.b…): dữ kiện và điểm.",
    ("KetQua", "co"): "Đã triển khai hay chưa (chỉ báo có/không): true hoặc false.",
    ("KetQua", "dat"): "Điều kiện bắt buộc đã đạt: true hoặc false.",
    ("KetQua", "ty_le"): "Tỷ lệ phần trăm, từ 0 đến 100 (chỉ báo tính theo tỷ lệ).",
    ("KetQua", "so"): "Số đạt, dùng cùng “tong” thay cho tỷ lệ (ví dụ 14 trên 16 phòng).",
    ("KetQua", "tong"): "Tổng số, dùng cùng “so”.",
    ("KetQua", "so_luong"): "Số lượng (chỉ báo tính theo số lượng).",
    ("KetQua", "chon"): "Mức đã chọn (chỉ báo lựa chọn), ví dụ muc_2, chung_thu_so.",
    ("KetQua", "chuc_nang"): "Các chức năng đã triển khai, theo số thứ tự (ví dụ [1, 3]).",
    ("KetQua", "diem"): "Điểm tự đánh giá; không quá mức dữ kiện cho phép; mặc định là mức đó.",
    ("KetQua", "minh_chung"): "Minh chứng: mô tả, đường dẫn hoặc văn bản đã ban hành.",
    ("KetQua", "ghi_chu"): "Ghi chú (khó khăn, lưu ý cho hội đồng); không phải minh chứng.",
    # the plan and its assignment table
    ("KeHoachTrienKhai", "nam_hoc"): "Năm học, ví dụ “2024-2025”.",
    ("KeHoachTrienKhai", "co_quan"): "Cơ quan quản lý ban hành kế hoạch.",
    ("KeHoachTrienKhai", "dia_ban"): "Địa bàn, ví dụ “quận Ba Đình” (từ 2025 thường là xã, phường).",
    ("KeHoachTrienKhai", "co_quan_cap_tren"): "Nơi nhận báo cáo tổng hợp, ví dụ “Sở GDĐT Hà Nội”.",
    ("KeHoachTrienKhai", "nguoi_ky"): "Người ký kế hoạch và công văn.",
    ("KeHoachTrienKhai", "lien_he"): "Người liên hệ: họ tên, chức vụ, email, điện thoại.",
    ("KeHoachTrienKhai", "han"): "Các mốc thời hạn của kế hoạch.",
    ("KeHoachTrienKhai", "ke_hoach"): "Số và ngày của Kế hoạch.",
    ("KeHoachTrienKhai", "cong_van"): "Số và ngày của Công văn hướng dẫn.",
    ("KeHoachTrienKhai", "bao_cao_tong_hop"): "Số và ngày của Báo cáo tổng hợp (nếu lập).",
    ("KeHoachTrienKhai", "bo_chi_so"): "Các bộ chỉ số áp dụng (mã bộ hoặc đường dẫn tệp).",
    ("KeHoachTrienKhai", "co_so"): "Danh sách cơ sở giáo dục thực hiện (tên, cấp học).",
    ("KeHoachTrienKhai", "can_cu"): "Các căn cứ ban hành kế hoạch.",
    ("KeHoachTrienKhai", "noi_nhan"): "Nơi nhận kế hoạch, mỗi dòng một nơi.",
    ("KeHoachTrienKhai", "phan_cong"): "Phân công theo mã tiêu chí: bộ phận chủ trì, thực hiện.",
    ("KeHoachTrienKhai", "don_vi_soan_thao"): "Đơn vị soạn thảo (thêm vào ký hiệu Công văn).",
    ("KeHoachTrienKhai", "bien"): "Biến riêng cho mẫu văn bản ({{ bien.TEN }}), xem tùy chọn --mau.",
    ("KeHoachTrienKhai", "cap_quan_ly"): "Cấp quản lý ban hành: xa (Ủy ban nhân dân xã, phường), so hoặc phong.",
    ("KeHoachTrienKhai", "don_vi_tham_muu"): (
        "Đơn vị tham mưu về giáo dục; với xã, mặc định “Phòng Văn hóa - Xã hội”."
    ),
    ("LienHe", "ho_ten"): "Họ và tên người liên hệ.",
    ("LienHe", "chuc_vu"): "Chức vụ người liên hệ.",
    ("LienHe", "email"): "Thư điện tử.",
    ("LienHe", "dien_thoai"): "Số điện thoại.",
    ("Han", "ban_hanh_ke_hoach"): "Hạn các trường ban hành kế hoạch.",
    ("Han", "tu_danh_gia"): "Hạn hoàn thành tự đánh giá.",
    ("Han", "danh_gia_ngoai"): "Thời gian đánh giá ngoài, kiểm tra.",
    ("Han", "cong_nhan"): "Hạn công nhận kết quả.",
    ("Han", "cap_nhat_csdl_truong"): "Hạn các trường cập nhật cơ sở dữ liệu.",
    ("Han", "cap_nhat_csdl"): "Hạn cơ quan quản lý cập nhật cơ sở dữ liệu.",
    ("Han", "bao_cao"): "Hạn các trường gửi báo cáo về cơ quan quản lý (ghi trong Công văn).",
    ("CoSo", "ten"): "Tên cơ sở giáo dục.",
    ("CoSo", "cap_hoc"): "Cấp học (Mầm non, Tiểu học, THCS, THPT, GDTX…).",
    ("PhanCong", "chu_tri"): "Bộ phận, người chủ trì.",
    ("PhanCong", "thuc_hien"): "Bộ phận, người thực hiện.",
    ("BangPhanCong", "bo_chi_so"): "Bộ chỉ số: mã bộ có sẵn (qd-4725-2022) hoặc đường dẫn tệp.",
    ("BangPhanCong", "tieu_de"): "Tiêu đề của bảng phân công.",
    ("BangPhanCong", "phan_cong"): "Phân công theo mã tiêu chí: bộ phận chủ trì, thực hiện.",
}  # fmt: skip


def mo_ta(cls: str, field: str, mro: Iterable[str] = ()) -> str | None:
    """The Vietnamese description of ``field`` of ``cls`` (or of the first class of ``mro``
    that has one), ``None`` when the table has none."""
    for name in (cls, *mro):
        if (name, field) in MO_TA:
            return MO_TA[(name, field)]
    return None
