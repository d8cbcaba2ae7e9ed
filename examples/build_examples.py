"""Render every example document into a folder and check each one (used by ``scripts/demo``).

Run: ``python examples/build_examples.py OUTDIR``
"""

from __future__ import annotations

import sys
from pathlib import Path

from vnadmin_docs.cli import main as cli

HERE = Path(__file__).resolve().parent


DOCS = HERE / "documents"
THANH_TRI = HERE / "thanh-tri-2024-2025"
QUYET_TIEN = HERE / "quyet-tien-2023-2024"

WITH_TABLES = {
    # output name: (input, extra render arguments)
    "ke-hoach-gdtx-hai-phong-2023-kem-phan-cong": (
        DOCS / "ke-hoach-gdtx-hai-phong-2023.yaml",
        ["--phan-cong", str(HERE / "plans" / "phan-cong-gdtx-hai-phong-2023.yaml")],
    ),
    "bao-cao-thanh-tri-2024-2025-kem-bang-diem": (
        THANH_TRI / "bao-cao.yaml",
        ["--bang-diem", str(THANH_TRI / "tu-danh-gia.yaml")],
    ),
    "bao-cao-thcs-quyet-tien-2024-kem-bang-diem": (
        DOCS / "bao-cao-thcs-quyet-tien-2024.yaml",
        ["--bang-diem", str(QUYET_TIEN / "tu-danh-gia.yaml")],
    ),
}


def _render(source: Path, target: Path, *extra: str) -> Path:
    if cli(["render", str(source), "-o", str(target), *extra]) != 0:
        raise SystemExit(f"không tạo được {target}")
    return target


def build(out: Path) -> list[Path]:
    """Render every example document into ``out``: ``examples/documents/*.yaml`` (documents),
    the reports with their scored tables, the plan with its assignment table, and the
    Quyết định built in code. Returns the .docx paths."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for source in sorted(DOCS.glob("*.yaml")):
        written.append(_render(source, out / f"{source.stem}.docx"))
    for name, (source, extra) in WITH_TABLES.items():
        written.append(_render(source, out / f"{name}.docx", *extra))
    sys.path.insert(0, str(HERE))
    import quyet_dinh_in_code

    target = out / "quyet-dinh-thanh-lap-hoi-dong-thcs-quyet-tien-2024.docx"
    if quyet_dinh_in_code.main([str(target)]) != 0:
        raise SystemExit(f"{target} không đúng thể thức")
    written.append(target)
    return written


def score(out: Path) -> list[Path]:
    """Score both example assessments and write their standalone scored tables."""
    tables = []
    for folder in (THANH_TRI, QUYET_TIEN):
        target = out / f"bang-tu-danh-gia-{folder.name}.docx"
        if cli(["score", str(folder / "tu-danh-gia.yaml"), "--docx", str(target)]) != 0:
            raise SystemExit(f"không chấm được {folder}")
        tables.append(target)
    return tables


def dossiers(out: Path, *, docx_only: bool = False) -> list[Path]:
    """Build both example dossiers; returns their folders."""
    folders = []
    for folder in (THANH_TRI, QUYET_TIEN):
        target = out / "ho-so" / folder.name
        extra = ["--docx-only"] if docx_only else []
        if cli(["dossier", str(folder / "ho-so.yaml"), "-o", str(target), *extra]) != 0:
            raise SystemExit(f"không tạo được hồ sơ {folder.name}")
        folders.append(target)
    return folders


def managing_body(out: Path) -> list[Path]:
    """The plan kits of seed 004's Phòng GDĐT (2024-2025), of a commune and of a Sở (since
    01/7/2025), and a Báo cáo tổng hợp of the Phòng's schools (``ket-qua.csv``: every school
    of its plan, of its year and set)."""
    written = []
    for folder in ("ba-dinh-2024-2025", "xa-xuan-dong-2025-2026", "so-hai-phong-2025-2026"):
        plan = HERE / folder / "ke-hoach.yaml"
        target = out / "ke-hoach" / folder
        if cli(["plan", str(plan), "-o", str(target)]) != 0:
            raise SystemExit(f"không tạo được bộ kế hoạch {folder}")
        written += [target / "ke-hoach.docx", target / "cong-van.docx"]
    plan = HERE / "ba-dinh-2024-2025" / "ke-hoach.yaml"
    results = HERE / "ba-dinh-2024-2025" / "ket-qua.csv"
    if cli(["aggregate", str(results), "--ke-hoach", str(plan), "-o", str(out / "tong-hop")]) != 0:
        raise SystemExit("không tổng hợp được")
    return [*written, out / "tong-hop" / "bao-cao-tong-hop.docx"]


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else Path("build/examples")
    written = build(out)
    score(out)
    folders = dossiers(out)
    written += managing_body(out)
    parts = [p for folder in folders for p in sorted(folder.glob("*.docx"))]
    status = cli(["check", *map(str, written + parts)])
    print(f"Đã tạo {len(written)} văn bản trong {out}")
    for folder in folders:
        print(f"Hồ sơ PDF: {folder / 'ho-so.pdf'}")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
