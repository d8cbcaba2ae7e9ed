"""Contact sheets: the pages of some PDFs side by side in one PNG, to look at a layout at a glance.

Run: ``python scripts/contact_sheet.py OUT.png A.pdf [B.pdf …] [--dpi 40] [--columns 8]``.
Each PDF's pages start a new row (its name above it); pages are rendered with ``pdftoppm``.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image, ImageDraw


def pages(pdf: Path, dpi: int, work: Path) -> list[Image.Image]:
    prefix = work / pdf.stem
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(pdf), str(prefix)], check=True)
    return [Image.open(p).convert("L") for p in sorted(work.glob(f"{pdf.stem}-*.png"))]


def sheet(pdfs: list[Path], out: Path, *, dpi: int = 40, columns: int = 8) -> Path:
    gap, label = 6, 14
    rows: list[tuple[str, list[Image.Image]]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for k, pdf in enumerate(pdfs):
            work = Path(tmp) / str(k)
            work.mkdir()
            rows.append((f"{pdf.parent.name}/{pdf.name}", pages(pdf, dpi, work)))
        cell = max(max(im.width, im.height) for _, ims in rows for im in ims)
        height = 0
        for _, ims in rows:
            height += label + ((len(ims) + columns - 1) // columns) * (cell + gap)
        canvas = Image.new("L", (columns * (cell + gap) + gap, height + gap), 160)
        draw = ImageDraw.Draw(canvas)
        y = gap
        for name, ims in rows:
            draw.text((gap, y), name, fill=0)
            y += label
            for i, im in enumerate(ims):
                x = gap + (i % columns) * (cell + gap)
                canvas.paste(im, (x, y + (i // columns) * (cell + gap)))
            y += ((len(ims) + columns - 1) // columns) * (cell + gap)
        canvas = canvas.quantize(colors=8)
        canvas.save(out, optimize=True)
    return out


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("pdfs", type=Path, nargs="+")
    parser.add_argument("--dpi", type=int, default=40)
    parser.add_argument("--columns", type=int, default=8)
    args = parser.parse_args(argv)
    sheet(args.pdfs, args.out, dpi=args.dpi, columns=args.columns)
    print(f"{args.out}: {args.out.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
