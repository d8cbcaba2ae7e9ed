"""The use cases join the stages once: a dossier is composed once for loading and building,
problems found by any stage carry the line of the file, and a batch asks which files a dossier
produces instead of guessing."""

from __future__ import annotations

import os
import shutil
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.helpers import EXAMPLES
from vnadmin_docs import Context, InputError, build_dossier, load_dossier
from vnadmin_docs.app.batch import up_to_date
from vnadmin_docs.compose import dossier as composing

QUYET_TIEN = EXAMPLES / "quyet-tien-2023-2024"


def test_loading_and_building_compose_each_part_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: Counter[str] = Counter()
    for name in ("bia", "bien_ban", "bao_cao", "to_trinh", "quyet_dinh"):
        original = getattr(composing, name)

        def counted(*args: Any, _name: str = name, _f: Any = original) -> Any:
            calls[_name] += 1
            return _f(*args)

        monkeypatch.setattr(composing, name, counted)
    context = Context()
    dossier = load_dossier(QUYET_TIEN / "ho-so.yaml", context=context)
    result = build_dossier(dossier, tmp_path, context=context)
    assert calls == Counter(bia=1, bien_ban=1, bao_cao=1, to_trinh=1, quyet_dinh=1)
    assert [p.name for p in result.docx] == [f"{n}.docx" for n in dossier.names]


def test_a_composing_problem_has_the_line_of_the_input(tmp_path: Path) -> None:
    for f in QUYET_TIEN.iterdir():
        shutil.copy(f, tmp_path / f.name)
    source = tmp_path / "ho-so.yaml"
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    data["bao_cao"]["ngay"] = "2024-01-01"  # before the Biên bản and the Quyết định it cites
    source.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_dossier(source)
    problems = info.value.problems
    assert [p.path for p in problems] == ["bao_cao.ngay", "bao_cao.ngay"]
    assert [p.message.split(" trích dẫn ")[1].split(" ban hành")[0] for p in problems] == [
        "biên bản họp hội đồng tự đánh giá",
        "quyết định phê duyệt kết quả tự đánh giá",
    ]
    lines = source.read_text(encoding="utf-8").splitlines()
    for problem in problems:
        assert problem.line is not None
        assert lines[problem.line - 1].strip().startswith("ngay:")


def test_up_to_date_asks_which_files_a_reordered_dossier_produces(tmp_path: Path) -> None:
    for f in QUYET_TIEN.iterdir():
        shutil.copy(f, tmp_path / f.name)
    source = tmp_path / "ho-so.yaml"
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    data["thu_tu"] = ["bia", "quyet_dinh", "to_trinh", "bien_ban", "bao_cao"]
    source.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    out = tmp_path / "out"
    build_dossier(load_dossier(source), out)
    assert (out / "05-bao-cao.docx").is_file() and not (out / "05-quyet-dinh.docx").is_file()
    assert up_to_date(source, out, docx_only=True)
    (out / "02-quyet-dinh.docx").unlink()
    assert not up_to_date(source, out, docx_only=True)
    build_dossier(load_dossier(source), out)
    later = os.stat(source).st_mtime + 10
    os.utime(source, (later, later))
    assert not up_to_date(source, out, docx_only=True)
