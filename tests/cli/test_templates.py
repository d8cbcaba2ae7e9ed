"""Templates everywhere: a school's template folder (``--mau``) with its own to_trinh.docx and
bia.docx, a logo and extra variables reaches the dossier's parts, the plan and the batch; an
unknown variable in a folder template is refused before anything is written."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import pytest
from docx import Document
from PIL import Image

from vnadmin_docs.cli import main
from vnadmin_docs.vn.layout import readable
from vnadmin_docs.word.check import check
from vnadmin_docs.word.standalone import COVER_CATEGORY

from ..helpers import EXAMPLES

SCHOOL = EXAMPLES / "quyet-tien-2023-2024"
MOTTO = "Dạy thật, học thật & {trưởng thành} thật"


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def _texts(path: Path) -> str:
    return "\n".join(readable(p.text) for p in Document(str(path)).paragraphs)


def _media(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as z:
        return [n for n in z.namelist() if n.startswith("word/media/")]


def _export(loai: str, target: Path, *lines: str) -> None:
    """``vnadmin-docs template LOAI`` then paragraphs appended as a school would in Word."""
    assert _run("template", loai, "-o", str(target))[0] == 0
    d = Document(str(target))
    for line in lines:
        d.add_paragraph(line)
    d.save(str(target))


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    mau = tmp_path / "mau"
    mau.mkdir()
    _export("to_trinh", mau / "to_trinh.docx", "Khẩu hiệu: {{ bien.khau_hieu }}", "{{ logo }}")
    _export("bia", mau / "bia.docx", "{{ logo }}", "Phương châm: {{ khau_hieu }}")
    Image.new("RGB", (60, 40), (200, 30, 30)).save(mau / "logo.png")
    return mau


def test_dossier_parts_use_the_folder(tmp_path: Path, folder: Path) -> None:
    source = tmp_path / "school" / "ho-so.yaml"
    shutil.copytree(SCHOOL, source.parent)
    out = tmp_path / "out"
    code, _, err = _run("dossier", str(source), "-o", str(out), "--docx-only",
                        "--mau", str(folder), "--bien", f"khau_hieu={MOTTO}")  # fmt: skip
    assert code == 0, err
    to_trinh, bia = out / "02-to-trinh.docx", out / "01-bia.docx"
    assert f"Khẩu hiệu: {MOTTO}" in _texts(to_trinh)  # typed text comes out as typed
    assert f"Phương châm: {MOTTO}" in _texts(bia)
    assert "TRƯỜNG THCS QUYẾT TIẾN" in _texts(bia) and "NĂM HỌC 2023-2024" in _texts(bia)
    assert _media(to_trinh) and _media(bia)  # the logo
    # types without a folder template use the shipped one: no motto, no logo
    assert MOTTO not in _texts(out / "03-bien-ban.docx") and not _media(out / "03-bien-ban.docx")
    # the cover from a user template is still a cover (core properties), the Tờ trình NĐ30
    from vnadmin_docs.word.ooxml import core_property

    assert core_property(Document(str(bia)), "category") == COVER_CATEGORY
    assert check(to_trinh) == []


def test_input_bien_and_template_alias(tmp_path: Path, folder: Path) -> None:
    school = tmp_path / "school"
    shutil.copytree(SCHOOL, school)
    source = school / "ho-so.yaml"
    source.write_text(source.read_text(encoding="utf-8") + "bien: {khau_hieu: Từ tệp}\n",
                      encoding="utf-8")  # fmt: skip
    out = tmp_path / "out"
    assert _run("dossier", str(source), "-o", str(out), "--docx-only",
                "--template", str(folder))[0] == 0  # fmt: skip
    assert "Khẩu hiệu: Từ tệp" in _texts(out / "02-to-trinh.docx")
    # --bien wins over the input's bien
    assert _run("dossier", str(source), "-o", str(out), "--docx-only", "--mau", str(folder),
                "--bien", "khau_hieu=Từ lệnh")[0] == 0  # fmt: skip
    assert "Khẩu hiệu: Từ lệnh" in _texts(out / "02-to-trinh.docx")


def test_unknown_variable_is_refused_before_anything_is_written(
    tmp_path: Path, folder: Path
) -> None:
    _export("quyet_dinh", folder / "quyet_dinh.docx", "{{ bien.khau_hieu }} {{ khong_co_bien }}")
    out = tmp_path / "out"
    code, _, err = _run("dossier", str(SCHOOL / "ho-so.yaml"), "-o", str(out), "--docx-only",
                        "--mau", str(folder), "--bien", "khau_hieu=x")  # fmt: skip
    assert code == 2
    assert "quyet_dinh.docx" in err and "khong_co_bien" in err
    assert not out.exists() or not any(out.iterdir())
    # a logo the folder lacks is an unknown variable too
    (folder / "logo.png").unlink()
    (folder / "quyet_dinh.docx").unlink()
    code, _, err = _run("dossier", str(SCHOOL / "ho-so.yaml"), "-o", str(out), "--docx-only",
                        "--mau", str(folder), "--bien", "khau_hieu=x")  # fmt: skip
    assert code == 2 and "logo" in err
    assert not out.exists() or not any(out.iterdir())


def test_misnamed_template_and_bad_variable_are_refused(tmp_path: Path, folder: Path) -> None:
    shutil.copyfile(folder / "to_trinh.docx", folder / "totrinh.docx")
    code, _, err = _run("dossier", str(SCHOOL / "ho-so.yaml"), "-o", str(tmp_path / "o"),
                        "--docx-only", "--mau", str(folder))  # fmt: skip
    assert code == 2 and "totrinh.docx" in err and "to_trinh.docx" in err
    (folder / "totrinh.docx").unlink()
    code, _, err = _run("dossier", str(SCHOOL / "ho-so.yaml"), "-o", str(tmp_path / "o"),
                        "--docx-only", "--mau", str(folder), "--bien", "khau hieu")  # fmt: skip
    assert code == 2 and "--bien" in err


def test_plan_and_batch_take_the_folder(tmp_path: Path, folder: Path) -> None:
    _export("cong_van", folder / "cong_van.docx", "{{ logo }} Đường dây nóng: {{ bien.hotline }}")
    out = tmp_path / "plan"
    code, _, err = _run("plan", str(EXAMPLES / "ba-dinh-2024-2025" / "ke-hoach.yaml"),
                        "-o", str(out), "--mau", str(folder), "--bien", "hotline=1900 1234",
                        "--bien", "khau_hieu=x")  # fmt: skip
    assert code == 0, err
    assert "Đường dây nóng: 1900 1234" in _texts(out / "cong-van.docx")
    assert _media(out / "cong-van.docx") and "1900" not in _texts(out / "ke-hoach.docx")

    school = tmp_path / "school"
    shutil.copytree(SCHOOL, school)
    code, _, err = _run("batch", str(school / "ho-so.yaml"), "-o", str(tmp_path / "batch"),
                        "--docx-only", "--mau", str(folder), "--bien", f"khau_hieu={MOTTO}",
                        "--bien", "hotline=1")  # fmt: skip
    assert code == 0, err
    built = tmp_path / "batch" / "school"
    assert f"Khẩu hiệu: {MOTTO}" in _texts(built / "02-to-trinh.docx")
    assert f"Phương châm: {MOTTO}" in _texts(built / "01-bia.docx")
