"""Edits kept: the manifest stops a rebuild that would overwrite an edited part, ``--ghi-de``
overwrites, a deleted part is rebuilt; ``assemble`` puts the parts as they are now (edited)
into ho-so.pdf. End to end through the CLI, with the real LibreOffice for ``assemble``."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

from docx import Document
from pypdf import PdfReader

from vnadmin_docs.app.assemble_dir import find_parts
from vnadmin_docs.app.manifest import MANIFEST_NAME, edited, sha256
from vnadmin_docs.cli import main
from vnadmin_docs.compose.dossier import TITLES

from ..helpers import EXAMPLES

SCHOOL = EXAMPLES / "quyet-tien-2023-2024"
EDIT = "Đoạn bổ sung do văn thư tự viết thêm trong Word (kiểm tra lần ghép)."


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def _school(tmp_path: Path) -> Path:
    folder = tmp_path / "school"
    shutil.copytree(SCHOOL, folder)
    return folder / "ho-so.yaml"


def _append(path: Path, text: str) -> None:
    d = Document(str(path))
    d.add_paragraph(text)
    d.save(str(path))


def _texts(path: Path) -> str:
    return "\n".join(p.text for p in Document(str(path)).paragraphs)


def test_rebuild_stops_on_an_edited_part_and_ghi_de_overwrites(tmp_path: Path) -> None:
    source, out = _school(tmp_path), tmp_path / "out"
    assert _run("dossier", str(source), "-o", str(out), "--docx-only")[0] == 0
    manifest = json.loads((out / MANIFEST_NAME).read_text(encoding="utf-8"))
    assert set(manifest["files"]) == {p.name for p in out.glob("*.docx")}
    entry = manifest["files"]["04-bao-cao.docx"]
    assert entry["sha256"] == sha256(out / "04-bao-cao.docx")
    assert entry["source"] == str(source) and entry["tool"].startswith("vnadmin-docs ")

    report = out / "04-bao-cao.docx"
    _append(report, EDIT)
    edited_bytes = report.read_bytes()
    before = {p.name: p.read_bytes() for p in out.glob("*.docx")}
    assert edited(out, sorted(before)) == ["04-bao-cao.docx"]
    code, _, err = _run("dossier", str(source), "-o", str(out), "--docx-only")
    assert code == 2
    assert "Tệp 04-bao-cao.docx đã được sửa sau lần tạo trước; dùng --ghi-de" in err
    # nothing was written: the edit and every other part are as they were
    assert report.read_bytes() == edited_bytes
    assert {p.name: p.read_bytes() for p in out.glob("*.docx")} == before

    # a part the user deleted is simply rebuilt (the edited one still stops the build)
    (out / "02-to-trinh.docx").unlink()
    assert _run("dossier", str(source), "-o", str(out), "--docx-only")[0] == 2
    assert not (out / "02-to-trinh.docx").exists()

    code, _, _ = _run("dossier", str(source), "-o", str(out), "--docx-only", "--ghi-de")
    assert code == 0
    assert EDIT not in _texts(report) and (out / "02-to-trinh.docx").is_file()
    assert edited(out, [p.name for p in out.glob("*.docx")]) == []
    # after an overwrite, deleting an unedited part and rebuilding needs no flag
    (out / "03-bien-ban.docx").unlink()
    assert _run("dossier", str(source), "-o", str(out), "--docx-only")[0] == 0
    assert (out / "03-bien-ban.docx").is_file()
    # --force is the same as --ghi-de
    _append(report, EDIT)
    assert _run("dossier", str(source), "-o", str(out), "--docx-only", "--force")[0] == 0
    assert EDIT not in _texts(report)


def test_render_and_plan_keep_edits(tmp_path: Path) -> None:
    doc = EXAMPLES / "documents" / "to-trinh-thcs-quyet-tien-2024.yaml"
    target = tmp_path / "to-trinh.docx"
    assert _run("render", str(doc), "-o", str(target))[0] == 0
    _append(target, EDIT)
    code, _, err = _run("render", str(doc), "-o", str(target))
    assert code == 2 and "to-trinh.docx đã được sửa" in err and EDIT in _texts(target)
    assert _run("render", str(doc), "-o", str(target), "--ghi-de")[0] == 0
    assert EDIT not in _texts(target)

    plan, out = EXAMPLES / "ba-dinh-2024-2025" / "ke-hoach.yaml", tmp_path / "plan"
    assert _run("plan", str(plan), "-o", str(out))[0] == 0
    _append(out / "cong-van.docx", EDIT)
    kept = (out / "ke-hoach.docx").read_bytes()
    code, _, err = _run("plan", str(plan), "-o", str(out))
    assert code == 2 and "cong-van.docx" in err and "ke-hoach.docx" not in err
    assert EDIT in _texts(out / "cong-van.docx") and (out / "ke-hoach.docx").read_bytes() == kept
    assert _run("plan", str(plan), "-o", str(out), "--force")[0] == 0
    assert EDIT not in _texts(out / "cong-van.docx")


def test_batch_reports_an_edited_school_and_builds_the_others(tmp_path: Path) -> None:
    first = _school(tmp_path)
    second_dir = tmp_path / "second" / "thanh-tri"
    shutil.copytree(EXAMPLES / "thanh-tri-2024-2025", second_dir)
    second = second_dir / "ho-so.yaml"
    out = tmp_path / "batch"
    args = ["batch", str(first), str(second), "-o", str(out), "--docx-only"]
    assert _run(*args)[0] == 0
    school = out / "school"
    _append(school / "04-bao-cao.docx", EDIT)
    code, out_text, err = _run(*args, "--force")  # rebuild all: the edited one is refused
    assert code == 1
    assert "04-bao-cao.docx đã được sửa" in err and "Đã tạo 1" in out_text
    assert EDIT in _texts(school / "04-bao-cao.docx")
    assert _run(*args, "--force", "--ghi-de")[0] == 0
    assert EDIT not in _texts(school / "04-bao-cao.docx")


def test_find_parts_reports_renamed_and_missing(tmp_path: Path) -> None:
    for name in ("01-bia.docx", "02-to-trinh.docx", "04-bao-cao.docx", "bao-cao-sua.docx",
                 "~$-bao-cao.docx"):  # fmt: skip
        (tmp_path / name).write_bytes(b"")
    parts, notes = find_parts(tmp_path)
    assert [key for key, _ in parts] == ["bia", "to_trinh", "bao_cao"]
    assert any("bao-cao-sua.docx" in n for n in notes)
    assert any(TITLES["bien_ban"].lower() in n for n in notes)
    assert any(TITLES["quyet_dinh"].lower() in n for n in notes)
    assert not any("~$" in n for n in notes)


def test_assemble_puts_the_edit_into_the_pdf(tmp_path: Path, soffice: str) -> None:
    source, out = _school(tmp_path), tmp_path / "out"
    assert _run("dossier", str(source), "-o", str(out), "--docx-only")[0] == 0
    _append(out / "04-bao-cao.docx", EDIT)
    (out / "05-quyet-dinh.docx").rename(out / "quyet-dinh-sua.docx")
    code, text, err = _run("assemble", str(out))
    assert code == 1, err  # a part renamed: reported, the others assembled
    assert "quyet-dinh-sua.docx" in err and TITLES["quyet_dinh"].lower() in err
    reader = PdfReader(out / "ho-so.pdf")
    pages = [page.extract_text() for page in reader.pages]
    joined = " ".join(" ".join(pages).split())
    assert " ".join(EDIT.split()) in joined
    assert [getattr(item, "title", None) for item in reader.outline] == [
        TITLES["bia"],
        "Mục lục",
        TITLES["to_trinh"],
        TITLES["bien_ban"],
        TITLES["bao_cao"],
    ]
    labels = reader.page_labels
    assert labels[0] == "Bìa" and labels[1] == "Mục lục" and labels[-1].startswith("Báo cáo")
    assert reader.metadata is not None
    assert "Trường THCS Quyết Tiến" in str(reader.metadata.title)
    # the edited part's page is in the mục lục's page count; the manifest knows the new PDF
    assert "MỤC LỤC" in pages[1]
    from vnadmin_docs.pdf.pdfa_check import check_pdfa

    assert check_pdfa(out / "ho-so.pdf") == []  # PDF/A-2b, as the dossier build makes it
    manifest = json.loads((out / MANIFEST_NAME).read_text(encoding="utf-8"))
    assert manifest["files"]["ho-so.pdf"]["sha256"] == sha256(out / "ho-so.pdf")
    # a ho-so.pdf changed since (signed, say) is not overwritten by assemble either
    with (out / "ho-so.pdf").open("ab") as handle:
        handle.write(b"\n% signed\n")
    code, _, err = _run("assemble", str(out))
    assert code == 2 and "ho-so.pdf đã được sửa" in err
    # assembling did not make the edit look like the build's own: a rebuild still refuses
    assert _run("dossier", str(source), "-o", str(out), "--docx-only")[0] == 2
    assert "Đã tạo" in text
