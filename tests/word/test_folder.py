"""The cover as a template (``template bia``) and the template folder's variables."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

from vnadmin_docs.errors import InputError, TemplateError
from vnadmin_docs.model import CoQuan
from vnadmin_docs.vn.layout import readable
from vnadmin_docs.word.folder import TemplateFolder, parse_variables, template_names
from vnadmin_docs.word.render import TemplateCache, template_variables
from vnadmin_docs.word.standalone import cover_template, render_cover

CQ = CoQuan(ten="Trường THCS Quyết Tiến", viet_tat="THCSQT", dia_danh="Quyết Tiến",
            chu_quan="UBND huyện Tiên Lãng")  # fmt: skip
ARGS = (CQ, "Hồ sơ tự đánh giá mức độ chuyển đổi số", "2023-2024", "Quyết Tiến, năm 2024")


def _texts(path: Path) -> list[str]:
    return [readable(p.text) for p in Document(str(path)).paragraphs]


def test_the_exported_cover_renders_like_the_shipped_one(tmp_path: Path) -> None:
    template = cover_template(tmp_path / "bia.docx")
    assert template_variables(template) == {"chu_quan", "co_quan", "tieu_de", "nam_hoc",
                                            "dia_danh_nam"}  # fmt: skip
    shipped = render_cover(*ARGS, tmp_path / "shipped.docx")
    from_template = render_cover(*ARGS, tmp_path / "user.docx", template=template)
    assert _texts(from_template) == _texts(shipped)
    assert "UBND HUYỆN TIÊN LÃNG" in _texts(shipped)


def test_a_cover_template_with_an_unknown_variable_is_refused(tmp_path: Path) -> None:
    template = cover_template(tmp_path / "bia.docx")
    d = Document(str(template))
    d.add_paragraph("{{ hieu_truong }}")
    d.save(str(template))
    with pytest.raises(TemplateError) as caught:
        render_cover(*ARGS, tmp_path / "out.docx", template=template, cache=TemplateCache())
    assert caught.value.unknown == ("hieu_truong",) and not (tmp_path / "out.docx").exists()
    # the same name given as an extra variable is accepted
    out = render_cover(*ARGS, tmp_path / "out.docx", template=template,
                       variables={"hieu_truong": "Lương Anh Khương"})  # fmt: skip
    assert "Lương Anh Khương" in _texts(out)


def test_folder_and_variables(tmp_path: Path) -> None:
    assert "bia.docx" in template_names() and "to_trinh.docx" in template_names()
    assert parse_variables(["a=1"]) == {"a": "1"}
    with pytest.raises(InputError):
        parse_variables(["không-hợp-lệ=1"])
    with pytest.raises(TemplateError):
        TemplateFolder(tmp_path / "khong-co")
    (tmp_path / "to_trinh.docx").write_bytes(b"")
    (tmp_path / "logo.png").write_bytes(b"")
    folder = TemplateFolder(tmp_path, {"x": "1"})
    assert folder.template("to_trinh") == tmp_path / "to_trinh.docx"
    assert folder.template("bien_ban") is None and folder.logo == tmp_path / "logo.png"
    assert folder.with_variables({"x": "2", "y": "3"}).variables == {"x": "2", "y": "3"}
