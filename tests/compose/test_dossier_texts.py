"""The sentences of the dossier written from the scorecard's facts (issue 12): one statement per
result, an unmet mandatory condition named as what blocks the level, the Tờ trình's request."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from tests.helpers import EXAMPLES
from vnadmin_docs.app.loading import load_assessment, load_dossier
from vnadmin_docs.assessment.scoring import score
from vnadmin_docs.compose.dossier import Dossier, compose
from vnadmin_docs.model import BaoCao, KetQua, ToTrinh

QUYET_TIEN = EXAMPLES / "quyet-tien-2023-2024"


def _without_1_2() -> Dossier:
    dossier = load_dossier(QUYET_TIEN / "ho-so.yaml")
    danh_gia, _, _ = load_assessment(QUYET_TIEN / "tu-danh-gia.yaml")
    facts = {**danh_gia.ket_qua, "1.2": KetQua(dat=False)}
    sc = score(dossier.bo, dataclasses.replace(danh_gia, ket_qua=facts))
    return compose(dossier.ho_so, dossier.bo, sc)


def _part(dossier: Dossier, key: str) -> object:
    return next(p.doc for p in dossier.parts if p.key == key)


def test_each_result_stated_once_in_the_bao_cao() -> None:
    bc = _part(load_dossier(QUYET_TIEN / "ho-so.yaml"), "bao_cao")
    assert isinstance(bc, BaoCao)
    assert bc.noi_dung.count("59") == 1  # stated once; the advice says what is missing
    assert bc.noi_dung.count("đạt mức độ 2") == 0
    assert (
        "- Nhóm tiêu chí “Chuyển đổi số trong dạy, học”: **59/100** điểm, đạt **Mức độ 2** "
        "(Mức đáp ứng cơ bản);\n"
    ) in bc.noi_dung
    assert "- Mức độ chung (lấy mức thấp hơn của các nhóm): mức độ 2 (Mức đáp ứng cơ bản)." in (
        bc.noi_dung
    )


def test_unmet_condition_in_the_bao_cao() -> None:
    bc = _part(_without_1_2(), "bao_cao")
    assert isinstance(bc, BaoCao)
    assert (
        "- Nhóm tiêu chí “Chuyển đổi số trong dạy, học”: **59/100** điểm, xếp **Mức độ 1** (Mức "
        "chưa đáp ứng) vì chưa đạt điều kiện bắt buộc 1.2 “Có ban hành quy chế tổ chức dạy học "
        "trực tuyến”;"
    ) in bc.noi_dung
    assert "- Các điều kiện bắt buộc khác (1.1, 2.1, 2.2): đạt." in bc.noi_dung
    assert (
        "- Nhóm 1 “Chuyển đổi số trong dạy, học”: chưa đạt điều kiện bắt buộc 1.2 “Có ban hành "
        "quy chế tổ chức dạy học trực tuyến”, nên nhóm chỉ được xếp mức độ 1 dù tổng điểm 59 (từ "
        "50 đến 75); cần đạt điều kiện này trước tiên, khi đó nhóm đạt mức độ 2; cần thêm ít nhất "
        "16,5 điểm để vượt 75 điểm, đạt mức độ 3 (trên 75). Có thể tăng điểm ở: 1.3 Triển khai "
        "phần mềm dạy học trực tuyến (còn 12 điểm); "
    ) in bc.noi_dung


def test_to_trinh_asks_only_for_what_the_group_can_have() -> None:
    tt = _part(_without_1_2(), "to_trinh")
    assert isinstance(tt, ToTrinh)
    assert tt.noi_dung.endswith(
        "Trường THCS Quyết Tiến kính trình Phòng Giáo dục và Đào tạo huyện Tiên Lãng xem xét, công "
        "nhận kết quả tự đánh giá mức độ chuyển đổi số năm học 2023-2024 của đơn vị theo Quyết "
        "định phê duyệt: nhóm tiêu chí “Chuyển đổi số trong dạy, học”: Mức độ 1; nhóm tiêu chí "
        "“Chuyển đổi số trong quản trị cơ sở giáo dục”: Mức độ 3. Do chưa đạt điều kiện bắt buộc "
        "1.2 “Có ban hành quy chế tổ chức dạy học trực tuyến”, đơn vị không đề nghị công nhận mức "
        "độ cao hơn; đơn vị cam kết hoàn thiện điều kiện này và báo cáo Phòng Giáo dục và Đào tạo "
        "huyện Tiên Lãng để được đánh giá lại."
    )
    ok = _part(load_dossier(QUYET_TIEN / "ho-so.yaml"), "to_trinh")
    assert isinstance(ok, ToTrinh)
    assert ok.noi_dung.endswith(
        "Trường THCS Quyết Tiến kính trình Phòng Giáo dục và Đào tạo huyện Tiên Lãng xem xét, công "
        "nhận kết quả tự đánh giá mức độ chuyển đổi số năm học 2023-2024 của đơn vị."
    )


def test_bien_ban_has_noi_nhan_under_the_thu_ky(tmp_path: Path) -> None:
    from docx import Document

    from vnadmin_docs import check
    from vnadmin_docs.model import BienBan
    from vnadmin_docs.word.render import render

    bb = _part(load_dossier(QUYET_TIEN / "ho-so.yaml"), "bien_ban")
    assert isinstance(bb, BienBan)
    assert bb.noi_nhan_dong() == [
        "- Hiệu trưởng (để phê duyệt);",
        "- Các thành viên Hội đồng;",
        "- Lưu: VT, Hồ sơ.",
    ]
    target = render(bb, tmp_path / "bien-ban.docx")
    table = Document(str(target)).tables[-1]
    left = [p.text for p in table.cell(0, 0).paragraphs if p.text]
    assert left == [
        "THƯ KÝ",
        "Nguyễn Thị Hoa",
        "Nơi nhận:",
        "- Hiệu trưởng (để phê duyệt);",
        "- Các thành viên Hội đồng;",
        "- Lưu: VT, Hồ sơ.",
    ]
    assert check(target) == []
