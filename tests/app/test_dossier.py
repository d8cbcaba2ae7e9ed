"""The annual dossier: one input → consistent documents → one bookmarked PDF."""

from __future__ import annotations

import re
import shutil
import unicodedata
import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path

import pytest
from lxml import etree
from pypdf import PdfReader, PdfWriter

from tests.helpers import EXAMPLES, pdf_fonts
from vnadmin_docs import check
from vnadmin_docs.app.dossier import build_dossier
from vnadmin_docs.app.loading import load_dossier
from vnadmin_docs.cli import main as cli
from vnadmin_docs.model import BaoCao, BienBan, QuyetDinh, ToTrinh, VanBan
from vnadmin_docs.pdf.assemble import TocFont
from vnadmin_docs.pdf.libreoffice import (
    LibreOfficeConverter,
    Progress,
    find_toc_font,
    find_uno_python,
)
from vnadmin_docs.pdf.page_check import check_pages
from vnadmin_docs.pdf.warm import WarmLibreOffice
from vnadmin_docs.word.render import context

THANH_TRI = EXAMPLES / "thanh-tri-2024-2025" / "ho-so.yaml"
QUYET_TIEN = EXAMPLES / "quyet-tien-2023-2024" / "ho-so.yaml"


def _text(doc: VanBan) -> str:
    from vnadmin_docs.vn.markup import Heading, Paragraph, Table, plain

    parts = [" ".join(str(v) for v in context(doc).values() if isinstance(v, str))]
    for block in doc.body():
        if isinstance(block, Heading | Paragraph):
            parts.append(plain(block.spans))
        elif isinstance(block, Table):
            parts += [plain(c.spans) for row in block.rows for c in row if c]
    return "\n".join(parts)


def test_parts_in_seed_001_order_and_consistent() -> None:
    parts = list(load_dossier(THANH_TRI).parts)
    assert [p.key for p in parts] == ["bia", "to_trinh", "bien_ban", "bao_cao", "quyet_dinh"]
    docs = {p.key: p.doc for p in parts}
    tt, bb, bc, qd = docs["to_trinh"], docs["bien_ban"], docs["bao_cao"], docs["quyet_dinh"]
    assert isinstance(tt, ToTrinh) and isinstance(bb, BienBan) and isinstance(bc, BaoCao)
    assert isinstance(qd, QuyetDinh)
    assert str(bc.so_ky_hieu) == "89/BC-GDNN-GDTXTT" and str(qd.so_ky_hieu) == "87/QĐ-GDNN-GDTXTT"
    for doc in (tt, bb, bc, qd):
        text = _text(doc)
        assert "84/100" in text and "94/100" in text and text.count("Mức độ 3") >= 2, type(doc)
    assert "năm mươi" not in _text(bb) and "tám mươi tư điểm" in _text(bb)
    # citations by real numbers and dates, in issuing order: BB → QĐ → BC → TTr
    assert qd.can_cu[-1] == (
        "Căn cứ Biên bản số 01/BB-GDNN-GDTXTT ngày 05/3/2025 của Hội đồng tự đánh giá mức độ "
        "chuyển đổi số Trung tâm GDNN-GDTX huyện Thanh Trì"
    )
    assert "Tờ trình" not in " ".join(qd.can_cu) and "Báo cáo" not in " ".join(qd.can_cu)
    assert tt.can_cu[-2:] == [
        "Căn cứ Quyết định số 87/QĐ-GDNN-GDTXTT ngày 05/3/2025 của Giám đốc Trung tâm "
        "GDNN-GDTX huyện Thanh Trì",
        "Căn cứ Báo cáo số 89/BC-GDNN-GDTXTT ngày 06/3/2025 của Trung tâm GDNN-GDTX huyện "
        "Thanh Trì",
    ]
    assert "Tờ trình" not in _text(bc)
    assert (
        "Hội đồng họp, chấm điểm và thông qua kết quả tự đánh giá (Biên bản số 01/BB-GDNN-GDTXTT "
        "ngày 05/3/2025); Giám đốc phê duyệt kết quả tự đánh giá (Quyết định số "
        "87/QĐ-GDNN-GDTXTT ngày 05/3/2025)."
    ) in _text(bc)
    assert any("Quyết định số 85/QĐ-GDNN-GDTXTT ngày 03/3/2025" in x for x in bb.thanh_phan)
    assert [p.tieu_de.split("\n")[0] for p in bc.phu_luc] == [
        "Bảng tự đánh giá mức độ chuyển đổi số",
        "Danh mục minh chứng",
    ]
    assert qd.tham_quyen_ban_hanh == "Giám đốc Trung tâm GDNN-GDTX huyện Thanh Trì"
    assert tt.kinh_gui == ["Sở Giáo dục và Đào tạo Hà Nội"]


def test_order_is_configurable(tmp_path: Path) -> None:
    text = (
        THANH_TRI.read_text(encoding="utf-8")
        + "thu_tu: [bia, bao_cao, bien_ban, to_trinh, quyet_dinh]\n"
    )
    source = tmp_path / "ho-so.yaml"
    source.write_text(
        text.replace(
            "tu_danh_gia: tu-danh-gia.yaml", f"tu_danh_gia: {THANH_TRI.parent / 'tu-danh-gia.yaml'}"
        ),
        encoding="utf-8",
    )
    assert [p.key for p in load_dossier(source).parts] == [
        "bia",
        "bao_cao",
        "bien_ban",
        "to_trinh",
        "quyet_dinh",
    ]


def _broken(tmp_path: Path, replacements: Sequence[tuple[str, str]]) -> Path:
    text = QUYET_TIEN.read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new)
    text = text.replace(
        "tu_danh_gia: tu-danh-gia.yaml", f"tu_danh_gia: {QUYET_TIEN.parent / 'tu-danh-gia.yaml'}"
    )
    path = tmp_path / "ho-so.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_broken_dossier_reports_everything_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _broken(
        tmp_path,
        [
            ("nam_hoc: 2023-2024\n", ""),
            ("bao_cao: {so: 3, ngay: 2024-02-06}", "bao_cao: {so: -3, ngay: 2024-02-31}"),
            (
                "thu_truong: {chuc_vu: Hiệu trưởng, ho_ten: Lương Anh Khương}",
                "thu_truong: {chuc_vu: Hiệu trưởng}",
            ),
            ("  dia_diem: Phòng họp", "  dia_diem2: Phòng họp"),
        ],
    )
    out = tmp_path / "out"
    assert cli(["dossier", str(source), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    for expected in (
        "nam_hoc (dòng 3): thiếu trường bắt buộc",
        "bao_cao.so (dòng",
        "bao_cao.ngay (dòng",
        "thu_truong.ho_ten (dòng",
        "bien_ban.dia_diem2 (dòng",
    ):
        assert expected in err, expected
    assert not out.exists()


def test_dates_must_follow_the_citations(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _broken(
        tmp_path,
        [("quyet_dinh: {so: 2, ngay: 2024-02-05}", "quyet_dinh: {so: 2, ngay: 2024-02-01}")],
    )
    assert cli(["dossier", str(source), "-o", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert (
        "quyet_dinh.ngay (dòng 25): Quyết định phê duyệt kết quả tự đánh giá (01/02/2024) trích "
        "dẫn biên bản họp hội đồng tự đánh giá ban hành sau nó (05/02/2024)"
    ) in err
    assert not (tmp_path / "out").exists()


def test_the_tờ_trình_comes_last(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = _broken(
        tmp_path,
        [
            ("bao_cao: {so: 3, ngay: 2024-02-06}", "bao_cao: {so: 3, ngay: 2024-02-08}"),
            ("to_trinh: {so: 4, ngay: 2024-02-06}", "to_trinh: {so: 4, ngay: 2024-02-07}"),
        ],
    )
    assert cli(["dossier", str(source), "-o", str(tmp_path / "out"), "--docx-only"]) == 2
    err = capsys.readouterr().err
    assert (
        "to_trinh.ngay (dòng 24): Tờ trình đề nghị công nhận kết quả tự đánh giá (07/02/2024) "
        "trích dẫn báo cáo kết quả tự đánh giá ban hành sau nó (08/02/2024)"
    ) in err
    assert "quyet_dinh.ngay" not in err


def test_seed_dossiers_cite_in_issuing_order() -> None:
    """Both seeds: 84/94 and 59/94; each part cites only parts issued before it."""
    for path, figures in ((THANH_TRI, ("84/100", "94/100")), (QUYET_TIEN, ("59/100", "94/100"))):
        dossier = load_dossier(path)
        assert [str(g.points) for g in dossier.scorecard.groups] == [f[:2] for f in figures]
        docs: dict[str, object] = {p.key: p.doc for p in dossier.parts}
        order = ["bien_ban", "quyet_dinh", "bao_cao", "to_trinh"]
        numbers = {k: str(getattr(docs[k], "so_ky_hieu")) for k in order}  # noqa: B009
        for i, key in enumerate(order):
            doc = docs[key]
            assert isinstance(doc, VanBan)
            text = _text(doc) + " ".join(getattr(doc, "can_cu", []))
            for later in order[i + 1 :]:
                assert numbers[later] not in text, (key, later)
            assert all(x in text for x in figures), key
        tt, qd = docs["to_trinh"], docs["quyet_dinh"]
        assert isinstance(tt, ToTrinh) and isinstance(qd, QuyetDinh)
        assert numbers["quyet_dinh"] in " ".join(tt.can_cu)
        assert numbers["bao_cao"] in " ".join(tt.can_cu)
        assert numbers["bien_ban"] in " ".join(qd.can_cu)


def test_inline_assessment_errors_are_located(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _broken(
        tmp_path,
        [
            (
                "tu_danh_gia: tu-danh-gia.yaml",
                "tu_danh_gia:\n  ket_qua:\n    1.3.a: {co: true, diem: 9}\n",
            )
        ],
    )
    assert cli(["dossier", str(source), "-o", str(tmp_path / "out")]) == 2
    assert 'tu_danh_gia.ket_qua["1.3.a"].diem (dòng' in capsys.readouterr().err


class BlankPdfs:
    """A fake converter: one call, blank pages (as many as each part's index + 1)."""

    def __init__(self) -> None:
        self.calls: list[list[Path]] = []

    def convert(
        self, sources: Iterable[Path], outdir: Path, *, progress: Progress | None = None
    ) -> list[Path]:
        paths = list(sources)
        self.calls.append(paths)
        out = []
        for index, source in enumerate(paths):
            writer = PdfWriter()
            for _ in range(index + 1):
                writer.add_blank_page(595, 842)
            target = outdir / f"{source.stem}.pdf"
            with target.open("wb") as handle:
                writer.write(handle)
            out.append(target)
        return out


def _outline(reader: PdfReader) -> list[tuple[str, int]]:
    """The top-level bookmarks as (title, 1-based page)."""
    entries = []
    for item in reader.outline:
        assert not isinstance(item, list)
        number = reader.get_destination_page_number(item)
        assert number is not None and item.title is not None
        entries.append((str(item.title), number + 1))
    return entries


def _font() -> TocFont:
    found = find_toc_font()
    assert found is not None, "fonts-liberation2 is installed by scripts/setup"
    return TocFont(*found)


def test_one_conversion_call_and_a_right_table_of_contents(tmp_path: Path) -> None:
    fake = BlankPdfs()
    result = build_dossier(load_dossier(QUYET_TIEN), tmp_path, converter=fake, font=_font())
    assert len(fake.calls) == 1 and len(fake.calls[0]) == 5
    assert result.pdf is not None
    # parts of 1, 2, 3, 4, 5 pages; the mục lục after the cover
    assert [first for _, first in result.pdf.starts] == [1, 3, 5, 8, 12]
    reader = PdfReader(result.pdf.path)
    assert len(reader.pages) == 16
    toc = reader.pages[1].extract_text()
    lines = [" ".join(line.split()) for line in toc.splitlines()]
    assert "MỤC LỤC" in lines[0]
    for title, first in result.pdf.starts:
        assert title in toc and str(first) in toc
    assert _outline(reader) == [("Bìa hồ sơ", 1), ("Mục lục", 2), *result.pdf.starts[1:]]
    labels = [reader.page_labels[i] for i in range(len(reader.pages))]
    assert labels[:5] == ["Bìa", "Mục lục", "Tờ trình 1", "Tờ trình 2", "Biên bản 1"]
    meta = reader.metadata
    assert meta is not None and meta.author == "Trường THCS Quyết Tiến"
    assert (
        meta.title is not None
        and "Hồ sơ tự đánh giá mức độ chuyển đổi số năm học 2023-2024" in meta.title
    )
    assert str(reader.root_object["/Lang"]) == "vi-VN"


def test_core_properties_are_in_the_standard_namespace(tmp_path: Path) -> None:
    result = build_dossier(load_dossier(QUYET_TIEN), tmp_path, converter=None)
    core = "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}"
    for path in result.docx:
        with zipfile.ZipFile(path) as z:
            root = etree.fromstring(z.read("docProps/core.xml"))
        assert "custom-properties" not in etree.tostring(root).decode()
        assert root.findtext(f"{core}lastModifiedBy") == "Trường THCS Quyết Tiến"
    with zipfile.ZipFile(result.docx[0]) as z:
        assert (
            etree.fromstring(z.read("docProps/core.xml")).findtext(f"{core}category") == "Bìa hồ sơ"
        )


def test_docx_only_writes_no_pdf(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(["dossier", str(QUYET_TIEN), "-o", str(tmp_path), "--docx-only"]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        ".vnadmin-manifest.json",  # what the build wrote (app.manifest)
        "01-bia.docx",
        "02-to-trinh.docx",
        "03-bien-ban.docx",
        "04-bao-cao.docx",
        "05-quyet-dinh.docx",
    ]
    for path in tmp_path.glob("*.docx"):
        assert check(path) == [], path


def _fake_soffice(tmp_path: Path, body: str) -> str:
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\n" + body)
    fake.chmod(0o755)
    return str(fake)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("echo 'Error: crashed' >&2\nexit 134\n", "mã lỗi 134"),
        ("sleep 30\n", "không phản hồi"),
    ],
)
def test_failing_libreoffice_leaves_no_pdf(tmp_path: Path, body: str, message: str) -> None:
    from vnadmin_docs.errors import ConversionError

    dossier = load_dossier(QUYET_TIEN)
    converter = LibreOfficeConverter(_fake_soffice(tmp_path, body), timeout=2)
    with pytest.raises(ConversionError, match=message):
        build_dossier(dossier, tmp_path / "out", converter=converter, font=_font())
    assert not (tmp_path / "out" / "ho-so.pdf").exists()
    assert not list((tmp_path / "out").glob("*.pdf*"))


def test_missing_libreoffice_is_a_clear_cli_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    assert cli(["dossier", str(QUYET_TIEN), "-o", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert "Không tìm thấy LibreOffice" in err and "apt-get install" in err
    assert not (tmp_path / "out" / "ho-so.pdf").exists()


# ---------------------------------------------------------------- end to end, real LibreOffice


def _pdf_text(path: Path) -> list[str]:
    return [
        " ".join(unicodedata.normalize("NFC", p.extract_text()).split())
        for p in PdfReader(path).pages
    ]


@pytest.mark.e2e
@pytest.mark.parametrize("mode", ["warm", "one-shot"])
def test_example_dossiers_end_to_end(
    mode: str, soffice: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    extra = ["--one-shot"] if mode == "one-shot" else []
    if mode == "warm":
        assert find_uno_python() is not None
    for source, scores in (
        (THANH_TRI, ("84", "94", "Mức độ 3")),
        (QUYET_TIEN, ("59", "94", "Mức độ 2")),
    ):
        out = tmp_path / source.parent.name
        assert cli(["dossier", str(source), "-o", str(out), *extra]) == 0
        assert "Không dùng được LibreOffice chạy sẵn" not in capsys.readouterr().err
        pdf = out / "ho-so.pdf"
        reader = PdfReader(pdf)
        pages = _pdf_text(pdf)
        # what a reviewer sees: nothing split, nothing outside the margins (the sheet numbers too)
        assert [str(f) for f in check_pages(pdf)] == []
        outline = _outline(reader)
        assert [t for t, _ in outline] == [
            "Bìa hồ sơ",
            "Mục lục",
            "Tờ trình đề nghị công nhận kết quả tự đánh giá",
            "Biên bản họp Hội đồng tự đánh giá",
            "Báo cáo kết quả tự đánh giá",
            "Quyết định phê duyệt kết quả tự đánh giá",
        ]
        starts = dict(outline)
        # the mục lục's page numbers are right: each part starts where it says
        toc = pages[starts["Mục lục"] - 1]
        for title, page in outline:
            if title != "Mục lục":
                assert re.search(re.escape(title) + r"\s*\.+\s*" + str(page) + r"\b", toc), (
                    title,
                    page,
                )
        assert "HỒ SƠ TỰ ĐÁNH GIÁ MỨC ĐỘ CHUYỂN ĐỔI SỐ" in pages[0]
        for title, marker in (
            ("Tờ trình", "TỜ TRÌNH"),
            ("Biên bản", "BIÊN BẢN"),
            ("Báo cáo", "BÁO CÁO"),
            ("Quyết định", "QUYẾT ĐỊNH"),
        ):
            first = next(p for t, p in outline if t.startswith(title))
            assert marker in pages[first - 1], title
        # the scorecard's numbers in every document and in the table
        body = {t: " ".join(pages[p - 1 :]) for t, p in outline}
        for title in ("Tờ trình", "Biên bản", "Báo cáo", "Quyết định"):
            text = next(v for k, v in body.items() if k.startswith(title))
            for score in scores:
                assert score in text, (title, score)
        assert "BẢNG TỰ ĐÁNH GIÁ MỨC ĐỘ CHUYỂN ĐỔI SỐ" in " ".join(
            pages
        ) and "DANH MỤC MINH CHỨNG" in " ".join(pages)
        # fonts embedded, Vietnamese intact
        fonts = pdf_fonts(reader)
        assert fonts and all(fonts.values()), fonts
        assert "Độc lập - Tự do - Hạnh phúc" in " ".join(pages)
        for docx in out.glob("*.docx"):
            assert check(docx) == [], docx


@pytest.mark.e2e
def test_warm_libreoffice_restarts_when_it_dies(soffice: str, tmp_path: Path) -> None:
    import os
    import signal

    uno_python = find_uno_python()
    assert uno_python is not None
    dossier = load_dossier(QUYET_TIEN)
    docx = list(build_dossier(dossier, tmp_path / "docx", converter=None).docx)
    with WarmLibreOffice(soffice, uno_python, timeout=120) as warm:
        assert len(warm.convert(docx[:2], tmp_path / "a")) == 2
        assert warm._listener is not None
        os.killpg(warm._listener.pid, signal.SIGKILL)
        again = warm.convert(docx, tmp_path / "b")
        assert [p.name for p in again] == [d.with_suffix(".pdf").name for d in docx]
    shutil.rmtree(tmp_path / "a")


def test_the_table_of_contents_lists_appendices_and_sheet_numbers_are_printed(
    tmp_path: Path,
) -> None:
    result = build_dossier(load_dossier(QUYET_TIEN), tmp_path, converter=BlankPdfs(), font=_font())
    assert result.pdf is not None
    reader = PdfReader(result.pdf.path)
    toc = " ".join(reader.pages[1].extract_text().split())
    # the Báo cáo's appendices under it (blank parts: found at the part's last page, 11)
    assert "Phụ lục I. Bảng tự đánh giá mức độ chuyển đổi số" in toc
    assert "Phụ lục II. Danh mục minh chứng" in toc
    assert "Tờ số" in toc
    # every sheet after the cover carries its number, the one the mục lục gives
    assert "Tờ" not in (reader.pages[0].extract_text() or "")
    for number in (2, 3, 8, 16):
        assert f"Tờ {number}" in reader.pages[number - 1].extract_text()


def test_a_long_subtitle_wraps_inside_the_margins() -> None:
    import io

    from vnadmin_docs.pdf.assemble import toc_page

    subtitle = "Hồ sơ tự đánh giá mức độ chuyển đổi số năm học 2024-2025 - " + "Trường " * 20
    page = PdfReader(io.BytesIO(toc_page("MỤC LỤC", subtitle, [("Bìa", 1)], _font()))).pages[0]
    xs: list[float] = []
    page.extract_text(
        visitor_text=lambda text, cm, tm, *_: xs.append(tm[4]) if text.strip() else None
    )
    left = 30 * 72 / 25.4
    assert xs and min(xs) >= left - 1  # nothing starts left of the left margin
    lines = [x for x in page.extract_text().splitlines() if "Trường" in x]
    assert len(lines) >= 2  # wrapped
