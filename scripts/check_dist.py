"""Build the wheel and the sdist into a temporary folder and check that both hold every file of
the package the repository tracks (templates, indicator sets, compose/texts, py.typed…), so an
installed copy works outside the repository. The wheel is built from the sdist, as ``pip``
builds it when it installs from the sdist. Run by ``scripts/test`` after pytest."""

from __future__ import annotations

import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MUST = (
    "vnadmin_docs/templates/",
    "vnadmin_docs/data/indicator_sets/",
    "vnadmin_docs/compose/texts/",
)


def main() -> int:
    tracked = subprocess.run(["git", "ls-files", "vnadmin_docs"], cwd=ROOT, check=True,
                             capture_output=True, text=True).stdout.split()  # fmt: skip
    tracked = [p for p in tracked if (ROOT / p).is_file()]
    for prefix in MUST:
        if not any(p.startswith(prefix) for p in tracked):
            print(f"nothing tracked under {prefix}", file=sys.stderr)
            return 1
    with tempfile.TemporaryDirectory(prefix="vnadmin-dist-") as tmp:
        subprocess.run([sys.executable, "-m", "build", "--outdir", tmp, str(ROOT)],
                       check=True, cwd=tmp, stdout=subprocess.DEVNULL)  # fmt: skip
        (wheel,) = Path(tmp).glob("vnadmin_docs-*.whl")
        (sdist,) = Path(tmp).glob("vnadmin_docs-*.tar.gz")
        with zipfile.ZipFile(wheel) as z:
            in_wheel = set(z.namelist())
        with tarfile.open(sdist) as t:
            in_sdist = {name.split("/", 1)[1] for name in t.getnames() if "/" in name}
        problems = [f"{wheel.name} lacks {p}" for p in tracked if p not in in_wheel]
        problems += [f"{sdist.name} lacks {p}" for p in tracked if p not in in_sdist]
        for line in problems:
            print(line, file=sys.stderr)
        if problems:
            return 1
        print(f"{wheel.name} and {sdist.name}: all {len(tracked)} package files "
              f"(templates, data, compose/texts) present")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
