"""Finding LibreOffice and the mục lục font on Linux, Windows and macOS (the environment is
passed in by the edge: the library never reads it)."""

from __future__ import annotations

import stat
from pathlib import Path

from vnadmin_docs.pdf.libreoffice import (
    SOFFICE_ENV,
    SOFFICE_LOCATIONS,
    TOC_FONT_FILES,
    find_soffice,
    find_toc_font,
)


def _executable(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("#!/bin/sh\n", encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


def test_the_variable_names_it_outright(tmp_path: Path) -> None:
    exe = _executable(tmp_path / "bin" / "soffice")
    env = {SOFFICE_ENV: r"D:\LibreOffice\program\soffice.exe", "PATH": str(exe.parent)}
    assert find_soffice(env=env) == r"D:\LibreOffice\program\soffice.exe"


def test_path_then_the_installers_locations(tmp_path: Path) -> None:
    exe = _executable(tmp_path / "bin" / "soffice")
    assert find_soffice(env={"PATH": str(exe.parent)}) == str(exe)
    empty = tmp_path / "empty"
    empty.mkdir()
    app = _executable(
        tmp_path / "Applications" / "LibreOffice.app" / "Contents" / "MacOS" / "soffice"
    )
    assert find_soffice(env={"PATH": str(empty)}, locations=(str(app),)) == str(app)
    home = {"PATH": str(empty), "HOME": str(tmp_path)}  # ~/Applications on macOS
    assert find_soffice(env=home, locations=()) == str(app)
    program_files = {"PATH": str(empty), "ProgramFiles": str(tmp_path / "PF")}
    windows = _executable(tmp_path / "PF" / "LibreOffice" / "program" / "soffice.exe")
    assert find_soffice(env=program_files, locations=()) == str(windows)
    assert find_soffice(env={"PATH": str(empty)}, locations=(str(tmp_path / "none"),)) is None


def test_the_standard_locations_are_listed() -> None:
    assert r"C:\Program Files\LibreOffice\program\soffice.exe" in SOFFICE_LOCATIONS
    assert r"C:\Program Files (x86)\LibreOffice\program\soffice.exe" in SOFFICE_LOCATIONS
    assert "/Applications/LibreOffice.app/Contents/MacOS/soffice" in SOFFICE_LOCATIONS
    assert (r"C:\Windows\Fonts\times.ttf", r"C:\Windows\Fonts\timesbd.ttf") in TOC_FONT_FILES
    assert any("Times New Roman Bold.ttf" in bold for _, bold in TOC_FONT_FILES)


def test_the_font_without_fontconfig(tmp_path: Path) -> None:
    regular, bold = tmp_path / "times.ttf", tmp_path / "timesbd.ttf"
    files = [(str(tmp_path / "x.ttf"), str(tmp_path / "y.ttf")), (str(regular), str(bold))]
    assert find_toc_font(files, fc_match=None) is None
    regular.write_bytes(b"")
    bold.write_bytes(b"")
    assert find_toc_font(files, fc_match=None) == (regular, bold)
    assert find_toc_font(files, fc_match="no-such-fc-match") == (regular, bold)  # not installed
