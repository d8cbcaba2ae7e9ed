"""The page check end to end: documents rendered from the model (or changed with python-docx
to break their layout on purpose), converted by the real LibreOffice, checked on the PDF.

Each finding kind has a broken document the check catches, and the clean short document
has no finding at all. All documents go through one LibreOffice run (a module fixture).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from docx import Document
from docx.document import Document as DocumentObject
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from pypdf import PdfReader, PdfWriter
from pypdf.constants import PageLabelStyle
from reportlab.pdfgen.canvas import Canvas

from vnadmin_docs.cli import main
from vnadmin_docs.errors import InputError
from vnadmin_docs.model import (
    BienBan,
    CoQuan,
    KeHoach,
    NguoiKy,
    QuyetDinh,
    ThamQuyen,
    ThanhVien,
    VanBan,
)
from vnadmin_docs.pdf.header_names import bad_breaks
from vnadmin_docs.pdf.libreoffice import LibreOfficeConverter
from vnadmin_docs.pdf.page_check import PageFinding, check_pages
from vnadmin_docs.vn.dates import Ngay
from vnadmin_docs.word.render import render

pytestmark = pytest.mark.e2e

SHORT = CoQuan(ten="Trường THCS An Lạc", viet_tat="THCSAL", dia_danh="An Lạc")
KY = NguoiKy(chuc_vu="Hiệu trưởng", ho_ten="Nguyễn Văn An")


def _quyet_dinh(*, co_quan: CoQuan = SHORT, nguoi_ky: NguoiKy = KY) -> QuyetDinh:
    return QuyetDinh(
        co_quan=co_quan,
        so=3,
        ngay=Ngay(2025, 3, 6),
        trich_yeu="Về việc phê duyệt kết quả tự đánh giá mức độ chuyển đổi số",
        tham_quyen_ban_hanh=f"Hiệu trưởng {co_quan.ten}",
        can_cu=["Căn cứ Quyết định số 4725/QĐ-BGDĐT ngày 30/12/2022 của Bộ Giáo dục và Đào tạo"],
        dieu=[
            "Phê duyệt kết quả tự đánh giá mức độ chuyển đổi số năm học 2024-2025.",
            "Quyết định có hiệu lực kể từ ngày ký.",
            "Các tổ chuyên môn và cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này.",
        ],
        nguoi_ky=nguoi_ky,
        noi_nhan=["Phòng GDĐT (để b/c)"],
    )


def _ke_hoach() -> KeHoach:
    return KeHoach(
        co_quan=SHORT,
        so=4,
        ngay=Ngay(2025, 3, 6),
        trich_yeu="Triển khai chuyển đổi số năm học 2024-2025",
        noi_dung="# MỤC ĐÍCH, YÊU CẦU\n\nNâng cao chất lượng dạy và học.\n\n"
        "# NỘI DUNG\n\nTriển khai phần mềm quản lý học tập.",
        nguoi_ky=KY,
    )


def _bien_ban() -> BienBan:
    return BienBan(
        co_quan=SHORT,
        so=1,
        ngay=Ngay(2025, 3, 5),
        trich_yeu="Họp Hội đồng tự đánh giá",
        thoi_gian_bat_dau=datetime(2025, 3, 5, 14, 0),
        dia_diem="Phòng họp Trường THCS An Lạc",
        thanh_phan=["Các thành viên Hội đồng tự đánh giá"],
        chu_toa=ThanhVien(ho_ten="Nguyễn Văn An", chuc_vu="Hiệu trưởng"),
        thu_ky=ThanhVien(ho_ten="Trần Thị Bình", chuc_vu="Giáo viên"),
        noi_dung="Hội đồng thống nhất kết quả tự đánh giá.",
        thoi_gian_ket_thuc=datetime(2025, 3, 5, 16, 0),
    )


def _open(doc: VanBan, out: Path) -> DocumentObject:
    render(doc, out)
    return Document(str(out))


def _empty_paragraphs_before(paragraph: object, count: int) -> None:
    element = paragraph._p  # type: ignore[attr-defined]
    for _ in range(count):
        element.addprevious(OxmlElement("w:p"))


def _unprotected(d: DocumentObject) -> DocumentObject:
    """``d`` without the layout's protections (rows that cannot split, paragraphs kept with
    the next or kept whole), so that what is done to it next breaks the pages as it would
    break a document typed by hand."""
    body = d.element.body
    for tag in ("w:cantSplit", "w:keepNext", "w:keepLines"):
        for element in list(body.iter(qn(tag))):
            element.getparent().remove(element)
    return d


def _signature_cells(d: DocumentObject) -> list[object]:
    return list(d.tables[-1].rows[0].cells)


# ---------------------------------------------------------------- the documents


def _clean(out: Path) -> None:
    render(_quyet_dinh(), out)


def _name_on_next_page(out: Path) -> None:
    """The signature space made taller than the page: the name goes to the next page alone."""
    d = _unprotected(_open(_quyet_dinh(), out))
    right = _signature_cells(d)[-1]
    _empty_paragraphs_before(right.paragraphs[-1], 45)  # type: ignore[attr-defined]
    d.save(str(out))


def _titles_split(out: Path) -> None:
    ky = NguoiKy(
        tham_quyen=ThamQuyen.KT, thay_mat="Hiệu trưởng", chuc_vu="Phó Hiệu trưởng", ho_ten="Lê B"
    )
    d = _unprotected(_open(_quyet_dinh(nguoi_ky=ky), out))
    right = _signature_cells(d)[-1]
    titles = [p for p in right.paragraphs if p.text.strip()]  # type: ignore[attr-defined]
    _empty_paragraphs_before(titles[1], 45)
    d.save(str(out))


def _signature_alone(out: Path) -> None:
    """A page break before the Nơi nhận and signature table."""
    d = _open(_quyet_dinh(), out)
    p = OxmlElement("w:p")
    run = OxmlElement("w:r")
    br = OxmlElement("w:br")
    br.set(qn("w:type"), "page")
    run.append(br)
    p.append(run)
    d.tables[-1]._tbl.addprevious(p)
    d.save(str(out))


def _bien_ban_split(out: Path) -> None:
    d = _unprotected(_open(_bien_ban(), out))
    for cell in _signature_cells(d):
        names = [p for p in cell.paragraphs if p.text in ("Trần Thị Bình", "Nguyễn Văn An")]  # type: ignore[attr-defined]
        _empty_paragraphs_before(names[0], 45)
    d.save(str(out))


def _heading_at_foot(out: Path) -> None:
    """The first heading loses keep-with-next and the paragraph after it starts a new page."""
    d = _open(_ke_hoach(), out)
    paragraphs = d.paragraphs
    k = next(i for i, p in enumerate(paragraphs) if "MỤC ĐÍCH" in p.text)
    paragraphs[k].paragraph_format.keep_with_next = False
    paragraphs[k + 1].paragraph_format.page_break_before = True
    d.save(str(out))


def _table(d: DocumentObject, lines: int, *, cant_split: bool) -> None:
    table = d.add_table(rows=2, cols=2)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ("STT", "Nội dung"), strict=True):
        cell.paragraphs[0].add_run(text).bold = True
    number, content = table.rows[1].cells
    number.paragraphs[0].add_run("1")
    content.paragraphs[0].add_run("Dòng 1")
    for k in range(2, lines + 1):
        content.add_paragraph(f"Dòng {k}")
    if cant_split:
        trpr = table.rows[1]._tr.get_or_add_trPr()
        trpr.append(OxmlElement("w:cantSplit"))


def _plain(out: Path, build: Callable[[DocumentObject], None]) -> None:
    d = Document()
    section = d.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    d.styles["Normal"].font.size = Pt(13)
    d.styles["Normal"].paragraph_format.space_after = Pt(0)
    for k in range(12):
        d.add_paragraph(f"Đoạn văn thứ {k + 1} của văn bản thử.")
    build(d)
    d.save(str(out))


def _header_row_at_foot(out: Path) -> None:
    """A row that cannot split and does not fit leaves the header row alone at the foot."""
    _plain(out, lambda d: _table(d, 36, cant_split=True))


def _row_split(out: Path) -> None:
    """A row that may split and does not fit below the text splits: its first cell stays
    behind, the rest goes on (on a page of its own it would have fitted)."""
    _plain(out, lambda d: _table(d, 40, cant_split=False))


def _row_taller_than_a_page(out: Path) -> None:
    """A row taller than a page: it cannot but split."""
    _plain(out, lambda d: _table(d, 70, cant_split=False))


def _addresses(d: DocumentObject) -> None:
    table = d.add_table(rows=60, cols=2)
    table.style = "Table Grid"
    for k, row in enumerate(table.rows):
        number, address = row.cells
        number.paragraphs[0].add_run(str(k + 1))
        address.paragraphs[0].add_run(f"https://truong{k + 1}.edu.vn")
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def _wide_margins(out: Path) -> None:
    d = _open(_quyet_dinh(), out)
    d.sections[0].left_margin = Mm(10)
    d.sections[0].right_margin = Mm(5)
    d.save(str(out))


def _header_broken(out: Path) -> None:
    so = CoQuan(
        ten="Sở Giáo dục và Đào tạo", viet_tat="SGDĐT", dia_danh="Hải Phòng",
        chu_quan="Ủy ban nhân dân thành phố Hải Phòng",
    )  # fmt: skip
    d = _open(_quyet_dinh(co_quan=so), out)
    # undo the layout's care: plain spaces in the names, and a header column too narrow
    name_cell = d.tables[0].rows[0].cells[0]
    for paragraph in name_cell.paragraphs:
        for run in paragraph.runs:
            run.text = run.text.replace("\u00a0", " ")
    d.tables[0].columns[0].width = Mm(40)
    for cell in d.tables[0].columns[0].cells:
        cell.width = Mm(40)
    d.save(str(out))


def _number_on_first_page(out: Path) -> None:
    d = _open(_quyet_dinh(), out)
    d.sections[0].different_first_page_header_footer = False
    d.save(str(out))


BUILDERS: dict[str, Callable[[Path], None]] = {
    "clean": _clean,
    "name-on-next-page": _name_on_next_page,
    "titles-split": _titles_split,
    "signature-alone": _signature_alone,
    "bien-ban-split": _bien_ban_split,
    "heading-at-foot": _heading_at_foot,
    "header-row-at-foot": _header_row_at_foot,
    "row-split": _row_split,
    "row-taller-than-a-page": _row_taller_than_a_page,
    "addresses": lambda out: _plain(out, _addresses),
    "wide-margins": _wide_margins,
    "header-broken": _header_broken,
    "number-on-first-page": _number_on_first_page,
}


@pytest.fixture(scope="module")
def docx_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("page-docx")
    files = {}
    for name, build in BUILDERS.items():
        files[name] = out / f"{name}.docx"
        build(files[name])
    return files


@pytest.fixture(scope="module")
def pdfs(
    docx_files: dict[str, Path],
    converter: LibreOfficeConverter,
    tmp_path_factory: pytest.TempPathFactory,
) -> dict[str, Path]:
    out = converter.convert(list(docx_files.values()), tmp_path_factory.mktemp("page-pdf"))
    return {p.stem: p for p in out}


def _rules(findings: list[PageFinding]) -> dict[str, list[PageFinding]]:
    found: dict[str, list[PageFinding]] = {}
    for f in findings:
        found.setdefault(f.rule, []).append(f)
    return found


def _pages(path: Path) -> int:
    return len(PdfReader(path).pages)


# ---------------------------------------------------------------- the tests


def test_the_clean_short_document_has_no_finding(pdfs: dict[str, Path]) -> None:
    assert _pages(pdfs["clean"]) == 1
    assert check_pages(pdfs["clean"]) == []


def test_a_name_alone_on_the_next_page(pdfs: dict[str, Path]) -> None:
    found = _rules(check_pages(pdfs["name-on-next-page"]))
    (split,) = found["chu-ky-tach"]
    assert split.page == 1
    assert "họ tên người ký nằm ở trang 2" in split.message
    (empty,) = found["trang-it-chu"]
    assert empty.page == 2 and "Nguyễn Văn An" in empty.message


def test_signer_titles_on_two_pages(pdfs: dict[str, Path]) -> None:
    messages = [f.message for f in check_pages(pdfs["titles-split"]) if f.rule == "chu-ky-tach"]
    assert any("KT. HIỆU TRƯỞNG" in m and "PHÓ HIỆU TRƯỞNG" in m for m in messages), messages


def test_a_page_with_only_noi_nhan_and_signature(pdfs: dict[str, Path]) -> None:
    found = check_pages(pdfs["signature-alone"])
    alone = [f for f in found if "trang chỉ có nơi nhận và chữ ký" in f.message]
    assert [f.page for f in alone] == [2]
    assert not [f for f in found if "bị tách" in f.message]  # the block itself is whole


def test_bien_ban_signatures_apart_from_their_names(pdfs: dict[str, Path]) -> None:
    messages = [f.message for f in check_pages(pdfs["bien-ban-split"]) if f.rule == "chu-ky-tach"]
    assert any("THƯ KÝ" in m and "bị tách" in m for m in messages), messages
    assert any("CHỦ TỌA" in m and "bị tách" in m for m in messages), messages


def test_a_heading_last_on_its_page(pdfs: dict[str, Path]) -> None:
    found = [f for f in check_pages(pdfs["heading-at-foot"]) if f.rule == "cuoi-trang"]
    assert [f.page for f in found] == [1]
    assert "MỤC ĐÍCH" in found[0].message


def test_a_table_header_row_last_on_its_page(pdfs: dict[str, Path]) -> None:
    found = _rules(check_pages(pdfs["header-row-at-foot"]))
    (foot,) = found["cuoi-trang"]
    assert foot.page == 1 and "STT" in foot.message
    assert "bang-tach-hang" not in found  # the row moved whole to page 2
    assert "trang-it-chu" not in found  # and fills it


def test_a_table_row_split_across_pages(pdfs: dict[str, Path]) -> None:
    found = _rules(check_pages(pdfs["row-split"]))
    assert [f.page for f in found["bang-tach-hang"]][:1] == [1]
    assert "trang 2" in found["bang-tach-hang"][0].message


def test_a_row_taller_than_a_page_may_split(pdfs: dict[str, Path]) -> None:
    assert _pages(pdfs["row-taller-than-a-page"]) >= 2
    assert "bang-tach-hang" not in _rules(check_pages(pdfs["row-taller-than-a-page"]))


def test_a_row_opening_with_an_address_is_no_continuation(pdfs: dict[str, Path]) -> None:
    """Lower case at the top of a page's first row means a sentence goes on, unless it
    opens a web address."""
    assert _pages(pdfs["addresses"]) == 2
    assert check_pages(pdfs["addresses"]) == []


def test_text_outside_the_printable_area(pdfs: dict[str, Path]) -> None:
    found = [f for f in check_pages(pdfs["wide-margins"]) if f.rule == "ngoai-vung-in"]
    sides = {f.message.split("(")[0] for f in found}
    assert sides == {"chữ nằm ngoài vùng in ở lề trái ", "chữ nằm ngoài vùng in ở lề phải "}
    assert all(f.page == 1 for f in found)


def test_a_header_name_broken_inside_a_word_group(pdfs: dict[str, Path]) -> None:
    found = [f for f in check_pages(pdfs["header-broken"]) if f.rule == "ten-co-quan"]
    assert found, "expected the header name to be broken"
    assert all(f.page == 1 for f in found)


def test_the_header_name_heuristic() -> None:
    assert bad_breaks([["SỞ", "GIÁO", "DỤC", "VÀ", "ĐÀO"], ["TẠO"]]) == [0]
    assert bad_breaks([["UBND", "HUYỆN", "THANH"], ["TRÌ", "HÀ", "NỘI"]]) == [0]
    assert bad_breaks([["SỞ", "GIÁO", "DỤC"], ["VÀ", "ĐÀO", "TẠO"]]) == []
    assert bad_breaks([["ỦY", "BAN", "NHÂN", "DÂN"], ["THÀNH", "PHỐ", "HẢI", "PHÒNG"]]) == []


def test_a_page_number_on_the_first_page(pdfs: dict[str, Path]) -> None:
    found = [f for f in check_pages(pdfs["number-on-first-page"]) if f.rule == "so-trang-dau"]
    assert [f.page for f in found] == [1]
    assert "«1»" in found[0].message


def _stamped(source: Path, out: Path) -> Path:
    """``source`` with a line of text in Helvetica, a standard font PDFs need not embed."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(595.3, 841.9))
    canvas.setFont("Helvetica", 12)
    canvas.drawString(100, 400, "Ghi chu")
    canvas.save()
    stamp = PdfReader(io.BytesIO(buffer.getvalue())).pages[0]
    writer = PdfWriter(clone_from=source)
    writer.pages[0].merge_page(stamp)
    with out.open("wb") as handle:
        writer.write(handle)
    return out


def test_fonts_not_embedded(pdfs: dict[str, Path], tmp_path: Path) -> None:
    assert not [f for f in check_pages(pdfs["clean"]) if f.rule == "phong-chua-nhung"]
    found = check_pages(_stamped(pdfs["clean"], tmp_path / "stamped.pdf"))
    fonts = [f for f in found if f.rule == "phong-chua-nhung"]
    assert [f.page for f in fonts] == [1] and "Helvetica" in fonts[0].message


def test_documents_of_one_file_are_checked_apart(pdfs: dict[str, Path], tmp_path: Path) -> None:
    """Bookmarks split a file: the second document's first page must not show its number."""
    writer = PdfWriter()
    writer.append(str(pdfs["clean"]))
    second = len(writer.pages)
    writer.append(str(pdfs["number-on-first-page"]))
    writer.add_outline_item(title="Quyết định 1", page_number=0)
    writer.add_outline_item(title="Quyết định 2", page_number=second)
    last = len(writer.pages) - 1
    writer.set_page_label(0, second - 1, style=PageLabelStyle.DECIMAL, prefix="QĐ1 ")
    writer.set_page_label(second, last, style=PageLabelStyle.DECIMAL, prefix="QĐ2 ")
    path = tmp_path / "two.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    found = [f for f in check_pages(path) if f.rule == "so-trang-dau"]
    assert [(f.page, f.label) for f in found] == [(second + 1, "QĐ2 1")]
    assert str(found[0]).startswith(f"[so-trang-dau] trang {second + 1} (QĐ2 1): ")
    # given explicitly as one document, the second part's first page is no first page
    assert not [f for f in check_pages(path, documents=[("", 1)]) if f.rule == "so-trang-dau"]


def test_an_unreadable_pdf_is_an_input_error(tmp_path: Path) -> None:
    bad = tmp_path / "hong.pdf"
    bad.write_bytes(b"%PDF-1.7 not really")
    with pytest.raises(InputError):
        check_pages(bad)
    out, err = io.StringIO(), io.StringIO()
    assert main(["check", str(bad)], stdout=out, stderr=err) == 2
    assert "không đọc được tệp PDF" in err.getvalue()


def test_cli_checks_pdf_files(pdfs: dict[str, Path]) -> None:
    out = io.StringIO()
    assert main(["check", str(pdfs["clean"])], stdout=out) == 0
    assert "đúng thể thức" in out.getvalue()
    out = io.StringIO()
    assert main(["check", str(pdfs["name-on-next-page"])], stdout=out) == 1
    assert "trang 1: khối chữ ký bị tách sang trang sau (họ tên người ký nằm ở trang 2)" in (
        out.getvalue()
    )


def test_cli_pages_converts_a_docx_and_runs_both_checks(
    docx_files: dict[str, Path], soffice: str, tmp_path: Path
) -> None:
    source = tmp_path / "so-trang.docx"
    source.write_bytes(docx_files["number-on-first-page"].read_bytes())
    out = io.StringIO()
    assert main(["check", str(source)], stdout=out) == 1
    assert "so-trang-dau" not in out.getvalue()  # without --pages: the .docx check only
    out = io.StringIO()
    assert main(["check", "--pages", str(source)], stdout=out) == 1
    text = out.getvalue()
    assert "[so-trang]" in text and "[so-trang-dau] trang 1:" in text
