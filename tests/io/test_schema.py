"""The JSON Schemas of every input file kind: Vietnamese descriptions for every key, and the
shipped examples valid against them."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from tests.helpers import EXAMPLES
from vnadmin_docs.cli import main as cli
from vnadmin_docs.errors import InputError
from vnadmin_docs.io.files import load_data
from vnadmin_docs.io.json_schema import SCHEMA_KINDS, model_classes, schema
from vnadmin_docs.model import DOCUMENT_TYPES
from vnadmin_docs.model.mo_ta import MO_TA, mo_ta

ROOTS = [c for c, _ in SCHEMA_KINDS.values() if c is not object] + list(DOCUMENT_TYPES.values())

EXAMPLES_BY_KIND = {
    "ho_so": sorted(EXAMPLES.glob("*/ho-so.yaml")),
    "tu_danh_gia": sorted(EXAMPLES.glob("*/tu-danh-gia.yaml")),
    "ke_hoach": sorted(EXAMPLES.glob("*/ke-hoach.yaml")),
    "phan_cong": sorted(EXAMPLES.glob("plans/phan-cong-*.yaml")),
    "van_ban": sorted(EXAMPLES.glob("documents/*.yaml")),
}


def test_every_field_of_every_input_class_has_a_vietnamese_description() -> None:
    missing = []
    for root in ROOTS:
        for name, cls in model_classes(root).items():
            mro = [k.__name__ for k in cls.__mro__]
            for f in dataclasses.fields(cls):
                if cls.__module__ == "vnadmin_docs.vn.dates":
                    continue  # Ngay is read from a string, it has no keys
                text = mo_ta(name, f.name, mro)
                if not text or text.isascii():
                    missing.append(f"{name}.{f.name}")
    assert missing == []
    assert all(not text.isascii() for text in MO_TA.values())


def _properties(node: Any) -> list[tuple[str, dict[str, Any]]]:
    found = []
    if isinstance(node, dict):
        for key, prop in node.get("properties", {}).items():
            found.append((key, prop))
        for value in node.values():
            found += _properties(value)
    elif isinstance(node, list):
        for value in node:
            found += _properties(value)
    return found


@pytest.mark.parametrize("kind", list(SCHEMA_KINDS))
def test_every_key_is_described_and_the_examples_validate(kind: str) -> None:
    doc = schema(kind)
    Draft202012Validator.check_schema(doc)
    props = _properties(doc)
    assert len(props) >= 5
    undescribed = [k for k, p in props if not p.get("description")]
    assert undescribed == []
    validator = Draft202012Validator(doc)
    assert EXAMPLES_BY_KIND[kind], kind
    for path in EXAMPLES_BY_KIND[kind]:
        data, _ = load_data(path)
        plain = json.loads(json.dumps(data, default=str))  # YAML dates as the strings typed
        errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(plain)]
        assert errors == [], path
        plain["khoa_la"] = 1  # a key no class has is refused, so an editor flags a typo
        assert not validator.is_valid(plain), path


def test_cli_prints_each_kind(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(["schema", "ho_so"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["properties"]["hoi_dong"]["description"].startswith("Hội đồng tự đánh giá")
    assert cli(["schema"]) == 0
    assert "oneOf" in json.loads(capsys.readouterr().out)
    assert cli(["schema", "ho-so"]) == 2
    assert "không có lược đồ" in capsys.readouterr().err
    with pytest.raises(InputError):
        schema("khac")
