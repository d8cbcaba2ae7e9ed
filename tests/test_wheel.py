"""Shipped templates work from an installed wheel, not only from the repository."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import DOCUMENTS, ROOT

pytestmark = pytest.mark.slow


def test_wheel_installs_and_renders_outside_the_repository(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist), str(ROOT)],
        check=True,
        cwd=tmp_path,
    )
    (wheel,) = dist.glob("vnadmin_docs-*.whl")
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run(
        [str(venv / "bin" / "pip"), "install", "-q", str(wheel)], check=True, cwd=tmp_path
    )
    source = next(p for p in DOCUMENTS if p.stem.startswith("cong-van"))
    out = tmp_path / "cv.docx"
    exe = str(venv / "bin" / "vnadmin-docs")
    run = subprocess.run(
        [exe, "render", str(source), "-o", str(out)], cwd=tmp_path, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr
    check = subprocess.run([exe, "check", str(out)], cwd=tmp_path, capture_output=True, text=True)
    assert check.returncode == 0, check.stdout
    where = subprocess.run(
        [str(venv / "bin" / "python"), "-c", "import vnadmin_docs; print(vnadmin_docs.__file__)"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )
    assert str(ROOT) not in where.stdout
    assessment = ROOT / "examples" / "quyet-tien-2023-2024" / "tu-danh-gia.yaml"
    scored = subprocess.run([exe, "score", str(assessment), "--json"], cwd=tmp_path,
                            capture_output=True, text=True)  # fmt: skip
    assert scored.returncode == 0, scored.stderr  # the shipped QĐ 4725 data works from the wheel
    assert '"diem": 59' in scored.stdout
    dossier = ROOT / "examples" / "quyet-tien-2023-2024" / "ho-so.yaml"
    built = subprocess.run([exe, "dossier", str(dossier), "-o", str(tmp_path / "hs"), "--docx-only"],
                           cwd=tmp_path, capture_output=True, text=True)  # fmt: skip
    assert built.returncode == 0, built.stderr
    assert len(list((tmp_path / "hs").glob("*.docx"))) == 5
    exported = tmp_path / "mau.docx"
    assert (
        subprocess.run(
            [exe, "template", "quyet_dinh", "-o", str(exported)], cwd=tmp_path
        ).returncode
        == 0
    )
    assert exported.stat().st_size > 10_000
