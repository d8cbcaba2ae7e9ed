"""PDF/A-2b and the NĐ30 Phụ lục VI metadata, end to end with the real LibreOffice.

Every example document converted by LibreOffice (one-shot and warm over UNO) and both example
dossiers (assembled by ``build_dossier`` and by the ``dossier`` command) pass ``check_pdfa``;
files that break one claim at a time fail it with the expected problem; the metadata beside each
PDF lists every document with its số, ký hiệu, date and pages, the same in JSON and XML.
"""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import DictionaryObject, FloatObject, NameObject

from tests.helpers import EXAMPLES
from vnadmin_docs.app.dossier import build_dossier
from vnadmin_docs.app.loading import load_dossier
from vnadmin_docs.cli import main as cli
from vnadmin_docs.compose.metadata import STANDARD, metadata, metadata_xml
from vnadmin_docs.model import BienBan, CoQuan, NguoiKy, ThamQuyen, ThanhVien, ToTrinh, VanBan
from vnadmin_docs.pdf.assemble import TocFont
from vnadmin_docs.pdf.libreoffice import LibreOfficeConverter, find_toc_font, find_uno_python
from vnadmin_docs.pdf.page_check import check_pages
from vnadmin_docs.pdf.pdfa import DocInfo, claims_pdfa, make_pdfa
from vnadmin_docs.pdf.pdfa_check import check_pdfa
from vnadmin_docs.pdf.warm import WarmLibreOffice
from vnadmin_docs.vn.dates import Ngay

pytestmark = pytest.mark.e2e

THANH_TRI = EXAMPLES / "thanh-tri-2024-2025" / "ho-so.yaml"
QUYET_TIEN = EXAMPLES / "quyet-tien-2023-2024" / "ho-so.yaml"
VN = timezone(timedelta(hours=7))


@pytest.fixture(scope="module")
def pdfs(
    rendered_examples: dict[str, Path], soffice: str, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Path]:
    """Every example document, converted by a one-shot LibreOffice with the default options."""
    out = LibreOfficeConverter(soffice, timeout=300).convert(
        list(rendered_examples.values()), tmp_path_factory.mktemp("pdfa")
    )
    return {p.stem: p for p in out}


@pytest.fixture(scope="module")
def dossiers(soffice: str, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Both example dossiers: Thành Trì with the CLI (warm LibreOffice), Quyết Tiến with
    ``build_dossier`` and a one-shot converter. Name → output folder."""
    root = tmp_path_factory.mktemp("dossiers")
    assert cli(["dossier", str(THANH_TRI), "-o", str(root / "thanh-tri")]) == 0
    dossier = load_dossier(QUYET_TIEN)
    found = find_toc_font()
    assert found is not None
    result = build_dossier(
        dossier, root / "quyet-tien", converter=LibreOfficeConverter(soffice, timeout=300),
        font=TocFont(*found),
    )  # fmt: skip
    assert result.pdf is not None and result.pdf.pdfa
    assert [p.name for p in result.metadata] == ["ho-so.metadata.json", "ho-so.metadata.xml"]
    return {"thanh-tri": root / "thanh-tri", "quyet-tien": root / "quyet-tien"}


def test_every_example_document_is_pdfa(pdfs: dict[str, Path]) -> None:
    assert len(pdfs) >= 10
    for stem, path in pdfs.items():
        assert check_pdfa(path) == [], stem
        assert claims_pdfa(PdfReader(path)), stem


def test_every_example_document_passes_the_page_check(pdfs: dict[str, Path]) -> None:
    """The same PDFs read as a reviewer would (issue 11): nothing split, nothing outside;
    the two Báo cáo with the seed's detailed scored table too (an indicator's rows are kept on
    one page, and a group taller than a page splits only where it must)."""
    found = {stem: [str(f) for f in check_pages(path)] for stem, path in pdfs.items()}
    assert "bao-cao-thcs-quyet-tien-2024-kem-bang-diem" in found
    assert {s: f for s, f in found.items() if f} == {}


def test_both_dossiers_pass_the_whole_page_check(dossiers: dict[str, Path]) -> None:
    found = {name: [str(f) for f in check_pages(d / "ho-so.pdf")] for name, d in dossiers.items()}
    assert {name: f for name, f in found.items() if f} == {}


def test_the_warm_libreoffice_writes_pdfa_too(
    soffice: str, rendered_examples: dict[str, Path], tmp_path: Path
) -> None:
    uno_python = find_uno_python()
    assert uno_python is not None
    sources = [rendered_examples["bien-ban-thcs-quyet-tien-2024"],
               rendered_examples["cong-van-sgddt-hai-phong-2023"]]  # fmt: skip
    with WarmLibreOffice(soffice, uno_python, timeout=300) as warm:
        out = warm.convert(sources, tmp_path / "pdfa")
    with WarmLibreOffice(soffice, uno_python, timeout=300, pdfa=False) as warm:
        plain = warm.convert(sources[:1], tmp_path / "plain")
    for path in out:
        assert check_pdfa(path) == [], path.name
    assert "thiếu ý định đầu ra (OutputIntent /GTS_PDFA1 có DestOutputProfile)" in check_pdfa(
        plain[0]
    )


def test_both_dossiers_are_pdfa(dossiers: dict[str, Path]) -> None:
    # the latest issue date of each dossier: its Tờ trình and Báo cáo, the last of the chain
    expected_dates = {"thanh-tri": "2025-03-06", "quyet-tien": "2024-02-06"}
    for name, folder in dossiers.items():
        pdf = folder / "ho-so.pdf"
        assert check_pdfa(pdf) == [], name
        reader = PdfReader(pdf)
        info = reader.metadata
        assert info is not None
        # the Quyết định's date, never the clock
        assert (
            str(info["/CreationDate"]) == f"D:{expected_dates[name].replace('-', '')}000000+07'00'"
        )
        root: Any = reader.root_object
        xmp = root["/Metadata"].get_object().get_data().decode()
        assert f"<xmp:CreateDate>{expected_dates[name]}T00:00:00+07:00</xmp:CreateDate>" in xmp
        assert "<pdfaid:part>2</pdfaid:part>" in xmp and "<pdfaid:conformance>B" in xmp
        intents = root["/OutputIntents"]
        assert len(intents) == 1
        assert intents[0].get_object()["/OutputConditionIdentifier"] == "sRGB IEC61966-2.1"


def test_a_plain_pdf_fails_with_the_expected_problems(
    soffice: str, rendered_examples: dict[str, Path], tmp_path: Path
) -> None:
    (plain,) = LibreOfficeConverter(soffice, timeout=300, pdfa=False).convert(
        [rendered_examples["to-trinh-thcs-quyet-tien-2024"]], tmp_path
    )
    assert check_pdfa(plain) == [
        "thiếu siêu dữ liệu XMP (/Metadata trong danh mục tài liệu)",
        "thiếu ý định đầu ra (OutputIntent /GTS_PDFA1 có DestOutputProfile)",
    ]


def test_plain_parts_assemble_into_a_plain_pdf_that_claims_nothing(tmp_path: Path) -> None:
    class Blank:
        def convert(self, sources: Any, outdir: Path, *, progress: Any = None) -> list[Path]:
            out = []
            for source in sources:
                writer = PdfWriter()
                writer.add_blank_page(595, 842)
                target = outdir / f"{Path(source).stem}.pdf"
                with target.open("wb") as handle:
                    writer.write(handle)
                out.append(target)
            return out

    found = find_toc_font()
    assert found is not None
    result = build_dossier(
        load_dossier(QUYET_TIEN), tmp_path, converter=Blank(), font=TocFont(*found)
    )
    assert result.pdf is not None and not result.pdf.pdfa
    problems = check_pdfa(result.pdf.path)
    assert "thiếu siêu dữ liệu XMP (/Metadata trong danh mục tài liệu)" in problems
    assert "thiếu mã định danh tệp (/ID trong trailer)" not in problems


def _rewrite(source: Path, target: Path, change: Any) -> Path:
    writer = PdfWriter(clone_from=source)
    change(writer)
    with target.open("wb") as handle:
        writer.write(handle)
    return target


def test_a_font_that_is_not_embedded_fails(pdfs: dict[str, Path], tmp_path: Path) -> None:
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer, invariant=True)
    canvas.setFont("Helvetica", 12)  # one of the standard 14: reportlab does not embed it
    canvas.drawString(72, 720, "Helvetica")
    canvas.showPage()
    canvas.save()
    extra = PdfReader(io.BytesIO(buffer.getvalue()))
    source = pdfs["quyet-dinh-thcs-quyet-tien-2024"]
    pages = len(PdfReader(source).pages)
    target = _rewrite(source, tmp_path / "helvetica.pdf", lambda w: w.add_page(extra.pages[0]))
    assert check_pdfa(target) == [f"trang {pages + 1}: phông Helvetica không được nhúng vào tệp"]


def test_transparency_needs_the_output_intent(pdfs: dict[str, Path], tmp_path: Path) -> None:
    source = pdfs["to-trinh-thcs-quyet-tien-2024"]

    def translucent(writer: PdfWriter) -> None:
        resources: Any = writer.pages[0]["/Resources"].get_object()
        resources[NameObject("/ExtGState")] = DictionaryObject(
            {NameObject("/GSx"): DictionaryObject({NameObject("/ca"): FloatObject(0.5)})}
        )

    with_intent = _rewrite(source, tmp_path / "a.pdf", translucent)
    assert check_pdfa(with_intent) == []  # PDF/A-2 allows it with an output intent

    def no_intent(writer: PdfWriter) -> None:
        translucent(writer)
        del writer.root_object["/OutputIntents"]

    problems = check_pdfa(_rewrite(source, tmp_path / "b.pdf", no_intent))
    assert "trang 1: /GSx có độ trong suốt /ca = 0.5 mà không có ý định đầu ra" in problems

    def odd_blend(writer: PdfWriter) -> None:
        resources: Any = writer.pages[0]["/Resources"].get_object()
        resources[NameObject("/ExtGState")] = DictionaryObject(
            {NameObject("/GSy"): DictionaryObject({NameObject("/BM"): NameObject("/Plus")})}
        )

    problems = check_pdfa(_rewrite(source, tmp_path / "c.pdf", odd_blend))
    assert problems == ["trang 1: /GSy dùng chế độ hòa trộn /Plus không chuẩn"]


def test_info_and_xmp_must_agree(pdfs: dict[str, Path], tmp_path: Path) -> None:
    source = pdfs["bien-ban-thcs-quyet-tien-2024"]
    target = _rewrite(
        source, tmp_path / "title.pdf", lambda w: w.add_metadata({"/Title": "Tiêu đề khác"})
    )
    (problem,) = check_pdfa(target)
    assert problem.startswith("tiêu đề trong Info ('Tiêu đề khác') khác dc:title trong XMP")


def test_encryption_fails(pdfs: dict[str, Path], tmp_path: Path) -> None:
    target = _rewrite(
        pdfs["to-trinh-thcs-quyet-tien-2024"], tmp_path / "locked.pdf",
        lambda w: w.encrypt("", "chu-so-huu", algorithm="RC4-128"),
    )  # fmt: skip
    assert check_pdfa(target) == ["tệp được mã hóa (PDF/A không cho phép mã hóa)"]


def test_make_pdfa_dates_come_from_the_parameter(pdfs: dict[str, Path], tmp_path: Path) -> None:
    readers = [PdfReader(pdfs["to-trinh-thcs-quyet-tien-2024"])]
    for when, expected in ((datetime(2025, 3, 7, 9, 30, tzinfo=VN), True), (None, False)):
        writer = PdfWriter()
        writer.append(readers[0])
        info = DocInfo("Tiêu đề", "Trường", "Chủ đề", "a, b", date=when)
        assert make_pdfa(writer, readers, info)
        target = tmp_path / f"{expected}.pdf"
        with target.open("wb") as handle:
            writer.write(handle)
        assert check_pdfa(target) == []
        meta = PdfReader(target).metadata
        assert meta is not None
        assert ("/CreationDate" in meta) is expected
        if expected:
            assert str(meta["/CreationDate"]) == "D:20250307093000+07'00'"


# ---------------------------------------------------------------- the NĐ30 metadata

QUYET_TIEN_NUMBERS = {
    # type: (CodeNumber, CodeNotation, IssuedDate), from examples/quyet-tien-2023-2024/ho-so.yaml
    "Tờ trình": ("04", "TTr-THCSQT", "2024-02-06"),
    "Biên bản": ("01", "BB-THCSQT", "2024-02-05"),
    "Báo cáo": ("03", "BC-THCSQT", "2024-02-06"),
    "Quyết định": ("02", "QĐ-THCSQT", "2024-02-05"),
}


def _page_amounts(pdf: Path) -> list[int]:
    """Pages per bookmark (the cover, the mục lục, each part), from the PDF's outline."""
    reader = PdfReader(pdf)
    firsts: list[int] = []
    for item in reader.outline:
        assert not isinstance(item, list)
        first = reader.get_destination_page_number(item)
        assert first is not None
        firsts.append(first)
    ends = [*firsts[1:], len(reader.pages)]
    return [end - first for first, end in zip(firsts, ends, strict=True)]


def test_metadata_lists_every_document_of_the_dossier(dossiers: dict[str, Path]) -> None:
    for name, source in (("quyet-tien", QUYET_TIEN), ("thanh-tri", THANH_TRI)):
        folder = dossiers[name]
        data = json.loads((folder / "ho-so.metadata.json").read_text(encoding="utf-8"))
        loaded = load_dossier(source)
        ho_so = loaded.ho_so
        model = [p.doc for p in loaded.parts]
        docs = data["Documents"]
        assert [d["TypeName"] for d in docs] == [
            "Bìa hồ sơ", "Mục lục văn bản trong hồ sơ", "Tờ trình", "Biên bản", "Báo cáo",
            "Quyết định",
        ]  # fmt: skip
        assert [d["DocOrdinal"] for d in docs] == [1, 2, 3, 4, 5, 6]
        assert [d["PageAmount"] for d in docs] == _page_amounts(folder / "ho-so.pdf")
        assert data["PageTotal"] == len(PdfReader(folder / "ho-so.pdf").pages)
        assert data["DocTotal"] == 4 and data["Standard"] == STANDARD
        numbered = [d for d in docs if d["CodeNumber"]]
        van_ban = [d for d in model if isinstance(d, VanBan)]
        assert len(numbered) == len(van_ban) == 4
        for entry, doc in zip(numbered, van_ban, strict=True):
            assert entry["CodeNotation"] == doc.ky_hieu_day_du
            assert entry["Subject"] == doc.trich_yeu
            assert entry["OrganName"] == ho_so.co_quan.ten
            assert entry["Language"] == "vi"
        for entry in docs[2:]:
            if entry["TypeName"] != "Biên bản":
                assert entry["SignerInfo"] == {
                    "Position": ho_so.thu_truong.chuc_vu, "FullName": ho_so.thu_truong.ho_ten,
                }  # fmt: skip
        if name == "quyet-tien":
            for entry in numbered:
                assert QUYET_TIEN_NUMBERS[entry["TypeName"]] == (
                    entry["CodeNumber"], entry["CodeNotation"], entry["IssuedDate"],
                )  # fmt: skip
            assert (data["StartDate"], data["EndDate"]) == ("2024-02-05", "2024-02-06")
            bien_ban = next(d for d in docs if d["TypeName"] == "Biên bản")
            assert bien_ban["SignerInfo"] == {"Position": "Hiệu trưởng, Chủ tịch Hội đồng",
                                              "FullName": "Lương Anh Khương"}  # fmt: skip
        else:
            assert [d["CodeNumber"] for d in numbered] == ["90", "01", "89", "87"]
        assert docs[0]["CodeNumber"] == docs[0]["IssuedDate"] == ""


def _xml_as_json(path: Path) -> dict[str, Any]:
    root = ET.parse(path).getroot()
    assert root.tag == "File"

    def value(element: ET.Element) -> Any:
        if len(element):
            return {child.tag: value(child) for child in element}
        return element.text or ""

    data: dict[str, Any] = {c.tag: value(c) for c in root if c.tag != "Documents"}
    documents_element = root.find("Documents")
    assert documents_element is not None
    data["Documents"] = [value(d) for d in documents_element]
    return data


def _as_text(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _as_text(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_text(v) for v in value]
    return str(value)


def test_xml_is_well_formed_and_says_the_same(dossiers: dict[str, Path]) -> None:
    for folder in dossiers.values():
        data = json.loads((folder / "ho-so.metadata.json").read_text(encoding="utf-8"))
        assert _xml_as_json(folder / "ho-so.metadata.xml") == _as_text(data)


def test_the_aggregate_report_pdf_is_pdfa_with_its_metadata(soffice: str, tmp_path: Path) -> None:
    plan = EXAMPLES / "ba-dinh-2024-2025" / "ke-hoach.yaml"
    out = tmp_path / "tong-hop"
    results = EXAMPLES / "ba-dinh-2024-2025" / "ket-qua.csv"  # the plan's own schools
    assert cli(["aggregate", str(results), "--ke-hoach", str(plan), "-o", str(out)]) == 0
    pdf = out / "bao-cao-tong-hop.pdf"
    assert check_pdfa(pdf) == []
    assert check_pages(pdf) == []  # and a reviewer finds nothing on its pages
    data = json.loads((out / "bao-cao-tong-hop.metadata.json").read_text(encoding="utf-8"))
    (entry,) = data["Documents"]
    assert entry["TypeName"] == "Báo cáo"
    assert entry["PageAmount"] == data["PageTotal"] == len(PdfReader(pdf).pages)
    assert _xml_as_json(out / "bao-cao-tong-hop.metadata.xml") == _as_text(data)


def test_the_plan_kit_passes_the_page_check(
    soffice: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = EXAMPLES / "ba-dinh-2024-2025" / "ke-hoach.yaml"
    assert cli(["plan", str(plan), "-o", str(tmp_path)]) == 0
    kit = [tmp_path / "ke-hoach.docx", tmp_path / "cong-van.docx"]
    capsys.readouterr()
    assert cli(["check", "--pages", *map(str, kit)]) == 0
    assert capsys.readouterr().out.count("đúng thể thức") == 2


def test_a_draft_has_no_number_and_no_issue_date() -> None:
    cq = CoQuan(ten="Trường THCS Quyết Tiến", viet_tat="THCSQT", dia_danh="Quyết Tiến")
    ky = NguoiKy(tham_quyen=ThamQuyen.KT, thay_mat="Hiệu trưởng", chuc_vu="Phó Hiệu trưởng",
                 ho_ten="Nguyễn Văn A")  # fmt: skip
    draft = ToTrinh(co_quan=cq, ngay=Ngay(2024, 2), trich_yeu="Về việc x", nguoi_ky=ky,
                    kinh_gui=["Phòng GDĐT"])  # fmt: skip
    dated_draft = ToTrinh(co_quan=cq, ngay=Ngay(2024, 2, 6), trich_yeu="Về việc y", nguoi_ky=ky,
                          kinh_gui=["Phòng GDĐT"])  # fmt: skip
    meeting = BienBan(
        co_quan=cq, so=1, ngay=Ngay(2024, 2, 5), trich_yeu="Họp", dia_diem="Phòng họp",
        thoi_gian_bat_dau=datetime(2024, 2, 5, 8), thanh_phan=["A"],
        chu_toa=ThanhVien(ho_ten="Lương Anh Khương", chuc_vu="Chủ tịch"),
        thu_ky=ThanhVien(ho_ten="Nguyễn Thị Hoa", chuc_vu="Thư ký"),
    )  # fmt: skip
    data = metadata([(draft, 1), (dated_draft, 2), (meeting, 3)], title="Thử")
    first, second, third = data["Documents"]
    assert (first["CodeNumber"], first["IssuedDate"], first["CodeNotation"]) == (
        "",
        "",
        "TTr-THCSQT",
    )
    assert (second["CodeNumber"], second["IssuedDate"]) == ("", "")
    assert first["SignerInfo"] == {"Position": "Phó Hiệu trưởng", "FullName": "Nguyễn Văn A"}
    assert first["Description"] == "Thẩm quyền ký: KT. Hiệu trưởng"
    assert third["SignerInfo"] == {"Position": "Chủ tịch", "FullName": "Lương Anh Khương"}
    assert "Nguyễn Thị Hoa" in third["Description"]
    assert (data["StartDate"], data["EndDate"], data["PageTotal"]) == (
        "2024-02-05",
        "2024-02-05",
        6,
    )
    assert ET.fromstring(metadata_xml(data)).findtext("Documents/Document/Subject") == "Về việc x"


def test_a_file_that_is_not_a_pdf_is_reported(tmp_path: Path) -> None:
    target = tmp_path / "khong-phai.pdf"
    target.write_bytes(b"PK\x03\x04 a zip, not a PDF")
    problems = check_pdfa(target)
    assert problems[0].startswith("đầu tệp")
    assert problems[-1].startswith("không đọc được tệp PDF")
