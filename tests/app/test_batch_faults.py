"""Batches and parallel builds that must lose nothing: colliding output folders are refused
before anything is built, a school that fails is told in Vietnamese, a hung LibreOffice costs
one school (not every following one), and four dossiers built at once into one folder all
succeed."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.helpers import EXAMPLES
from vnadmin_docs.app.batch import BatchOptions, build_batch
from vnadmin_docs.cli import main as cli
from vnadmin_docs.pdf.libreoffice import find_toc_font, find_uno_python

sys.path.insert(0, str(EXAMPLES))
import generate_schools

QUYET_TIEN = EXAMPLES / "quyet-tien-2023-2024" / "ho-so.yaml"


def test_colliding_output_folders_are_refused_before_anything_is_built(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = generate_schools.generate(2, tmp_path / "a", seed=7)
    twin = tmp_path / "b" / first.parent.name / "ho-so.yaml"  # another school, same folder name
    shutil.copytree(second.parent, twin.parent)
    upper = tmp_path / "c" / second.parent.name.upper() / "ho-so.yaml"  # differs only in case
    shutil.copytree(first.parent, upper.parent)
    stem = tmp_path / "d" / f"{first.parent.name}.yaml"  # a file stem naming the same folder
    stem.parent.mkdir()
    shutil.copyfile(second, stem)
    out = tmp_path / "out"
    for inputs, culprit, other, why in (
        ([first, second, twin], twin, first, "trùng"),
        ([first, second, upper], upper, second, "trùng"),
        ([first, stem], stem, first, "trùng"),
        ([first, second, first], first, first, "hai lần"),
    ):
        assert cli(["batch", *map(str, inputs), "-o", str(out), "--docx-only"]) == 2
        err = capsys.readouterr().err
        line = next(x for x in err.splitlines() if f"- {culprit}:" in x)
        assert why in line and (f"của {other}" in line or f"là {other}" in line), err
        assert "Traceback" not in err
        assert not out.exists()  # refused before building anything
    # with distinct folders every school gets its own, and each folder holds its own school
    assert cli(["batch", str(first), str(second), "-o", str(out), "--docx-only"]) == 0
    names = {p.name for p in out.iterdir()}
    assert names == {first.parent.name, second.parent.name}


def test_a_school_that_fails_is_told_in_vietnamese(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = generate_schools.generate(2, tmp_path / "schools", seed=8)
    out = tmp_path / "out"
    out.mkdir()
    (out / first.parent.name).write_text("not a folder", encoding="utf-8")
    assert cli(["batch", str(first), str(second), "-o", str(out), "--docx-only"]) == 1
    captured = capsys.readouterr()
    assert "Đã tạo 1, bỏ qua (đã mới nhất) 0, lỗi 1" in captured.out
    assert f"Lỗi: {first}" in captured.err
    assert "Không đọc hoặc ghi được" in captured.err
    assert "Error" not in captured.err and "Traceback" not in captured.err, captured.err
    assert (out / second.parent.name / "01-bia.docx").is_file()


def _running(marker: str) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                cmdline = (entry / "cmdline").read_bytes()
                state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
            except (OSError, IndexError):
                continue
            if marker.encode() in cmdline and state != "Z":
                found.append(int(entry.name))
    return found


@pytest.mark.e2e
def test_a_hung_libreoffice_costs_one_school_not_the_following_ones(
    soffice: str, tmp_path: Path
) -> None:
    uno_python, font = find_uno_python(), find_toc_font()
    assert uno_python is not None and font is not None
    first_start = tmp_path / "first-start"
    wrapper = tmp_path / "soffice"
    # the first LibreOffice started hangs (stopped before it runs); the following ones work
    wrapper.write_text(
        f'#!/bin/sh\nif [ ! -e "{first_start}" ]; then touch "{first_start}"; kill -STOP $$; fi\n'
        f'exec "{soffice}" "$@"\n',
        encoding="utf-8",
    )
    wrapper.chmod(0o755)
    paths = generate_schools.generate(2, tmp_path / "schools", seed=9)
    pool = tmp_path / "pool"
    options = BatchOptions(
        soffice=str(wrapper), uno_python=uno_python, font=(str(font[0]), str(font[1])),
        profiles=str(pool), timeout=30,
    )  # fmt: skip
    started = time.monotonic()
    outcomes = build_batch(paths, tmp_path / "out", options)
    elapsed = time.monotonic() - started
    print(f"batch of 2, the first LibreOffice hung: {elapsed:.1f} s (timeout 30 s)")
    assert [o.status for o in outcomes] == ["failed", "built"], outcomes
    assert "không phản hồi sau 30 giây" in outcomes[0].message
    assert not (tmp_path / "out" / paths[0].parent.name / "ho-so.pdf").exists()
    assert len(PdfReader(tmp_path / "out" / paths[1].parent.name / "ho-so.pdf").pages) > 5
    until = time.monotonic() + 30  # the last LibreOffice was asked to quit; it goes on its own
    while _running(str(pool)) and time.monotonic() < until:
        time.sleep(0.2)
    assert _running(str(pool)) == [] and _running(str(wrapper)) == []


@pytest.mark.e2e
def test_four_dossiers_at_once_into_one_folder_all_succeed(soffice: str, tmp_path: Path) -> None:
    out = tmp_path / "out"
    env = {**os.environ, "PATH": f"{Path(soffice).parent}:{os.environ.get('PATH', '')}"}
    command = [sys.executable, "-m", "vnadmin_docs", "dossier", str(QUYET_TIEN), "-o", str(out)]
    runs = [
        subprocess.Popen(
            [*command, "--timeout", "240"],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env=env,
        )
        for _ in range(4)
    ]
    results = [(run.wait(timeout=300), run.communicate()[0]) for run in runs]
    for code, output in results:
        assert code == 0, output
        assert "ho-so.pdf" in output
    assert len(PdfReader(out / "ho-so.pdf").pages) > 5
    leftovers = [p.name for p in out.iterdir() if p.name.startswith(".")]
    leftovers = [n for n in leftovers if n != ".vnadmin-manifest.json"]  # what each build wrote
    assert leftovers == []  # no temporary file, no LibreOffice lock file
