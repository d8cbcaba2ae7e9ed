"""Render every example document into a folder and check each one (used by ``scripts/demo``).

Run: ``python examples/build_examples.py OUTDIR``
"""

from __future__ import annotations

import sys
from pathlib import Path

from vnadmin_docs.cli import main as cli

HERE = Path(__file__).resolve().parent


def build(out: Path) -> list[Path]:
    """Render ``examples/documents/*.yaml`` and the in-code Quyết định into ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for source in sorted((HERE / "documents").glob("*.yaml")):
        target = out / f"{source.stem}.docx"
        if cli(["render", str(source), "-o", str(target)]) != 0:
            raise SystemExit(f"không tạo được {target}")
        written.append(target)
    sys.path.insert(0, str(HERE))
    import quyet_dinh_in_code

    target = out / "quyet-dinh-thanh-lap-hoi-dong-thcs-quyet-tien-2024.docx"
    if quyet_dinh_in_code.main([str(target)]) != 0:
        raise SystemExit(f"{target} không đúng thể thức")
    written.append(target)
    return written


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else Path("build/examples")
    written = build(out)
    status = cli(["check", *map(str, written)])
    print(f"Đã tạo {len(written)} văn bản trong {out}")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
