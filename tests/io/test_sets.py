"""The shipped indicator sets' JSON twins (issue 12: what the library reads, without PyYAML)
are their YAML sources, value for value, and give the same set."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from vnadmin_docs.io.files import load_data
from vnadmin_docs.io.problems import ReadCache
from vnadmin_docs.io.sets import _folder, _load_set_file, indicator_set_names, load_indicator_set

ROOT = Path(__file__).resolve().parent.parent.parent
SCRIPT = ROOT / "scripts" / "build_sets.py"


def test_each_twin_is_its_source() -> None:
    names = indicator_set_names()
    assert names
    for name in names:
        source, twin = _folder() / f"{name}.yaml", _folder() / f"{name}.json"
        data, _ = load_data(Path(str(source)))
        again = json.loads(twin.read_text(encoding="utf-8"))
        # repr: 10 and 10.0 differ; a stale twin: run scripts/build_sets.py
        assert repr(again) == repr(data), f"{twin.name} differs from {source.name}"
        assert load_indicator_set(name) == _load_set_file(Path(str(source)), source=name,
                                                          cache=ReadCache(), shipped=True)  # fmt: skip


def test_the_script_writes_what_is_shipped() -> None:
    sys.path.insert(0, str(SCRIPT.parent))
    try:
        import build_sets
    finally:
        sys.path.remove(str(SCRIPT.parent))
    for name in indicator_set_names():
        source = Path(str(_folder() / f"{name}.yaml"))
        twin = source.with_suffix(".json")
        assert build_sets.twin_text(source) == twin.read_text(encoding="utf-8")


def test_a_shipped_set_loads_without_pyyaml() -> None:
    code = (
        "import sys\nfrom vnadmin_docs.io.sets import load_indicator_set\n"
        "bo = load_indicator_set('qd-4725-2022')\n"
        "print(bo.ma, 'yaml' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["qd-4725-2022", "False"]
