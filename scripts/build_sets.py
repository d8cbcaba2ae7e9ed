"""Write each shipped indicator set's JSON twin (``vnadmin_docs/data/indicator_sets/*.json``)
from its YAML source, the one that is edited.

Run: ``.venv/bin/python scripts/build_sets.py`` after changing a set. The twin is what the
library reads (the json module: no PyYAML to import, no YAML to parse, ≈30 ms of every run
that loads a shipped set); ``tests/io/test_sets.py`` fails when a twin differs from its source.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from vnadmin_docs.io.files import load_data  # noqa: E402

FOLDER = ROOT / "vnadmin_docs" / "data" / "indicator_sets"


def twin_text(source: Path) -> str:
    """The JSON twin of the YAML set ``source``, as written."""
    data, _ = load_data(source)
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def main() -> int:
    for source in sorted(FOLDER.glob("*.yaml")):
        target = source.with_suffix(".json")
        target.write_text(twin_text(source), encoding="utf-8")
        print(f"wrote {target.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
