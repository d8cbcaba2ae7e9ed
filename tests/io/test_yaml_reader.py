"""The YAML reader's two ways through a text give the same data and lines (issue 12: the plain
way reads a dossier in a third of the time): on every input the repository holds and on
generated texts covering YAML's scalar types, styles, keys, nesting, aliases and tags."""

from __future__ import annotations

import random
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import EXAMPLES
from vnadmin_docs.errors import InputError
from vnadmin_docs.io import _yaml
from vnadmin_docs.io.files import MAX_DEPTH, load_data, number_problems

sys.path.insert(0, str(EXAMPLES))
import generate_schools

ROOT = EXAMPLES.parent
VALUES = ["yes", "No", "~", "null", "", "0o17", "017", "0x1F", "1_000", "1:30", "1.5e3", ".inf",
          "-.inf", ".nan", "1e400", "12345678901234567", "'012'", '"a\\tb"', '"\\x07"',
          "|\n    lit\n    block", ">\n    folded", "[1, 2, {a: b}]", "{x: 1, y: [a, b]}", "&A 5",
          "*A", "!!str 12", "!custom x", "2024-01-02", "true", "-0", "+12", ".5", "Việt",
          "Vie\u0302\u0323t", "'Vie\u0302\u0323t'", "a # comment", "'it''s'", '"q\\"uote"', "=",
          "<<", "Ba Đình: số 1", "'2024-2025'", "60"]  # fmt: skip
KEYS = [
    "a",
    "b",
    "1.10",
    "'1.1'",
    "Việt",
    '"k"',
    "<<",
    "=",
    "12",
    "yes",
    "null",
    "Vie\u0302\u0323t",
]


def _full(text: str) -> tuple[Any, dict[Any, int] | None, dict[Any, str] | None, bool]:
    """What the full reader gives: data, lines, typed scalars, and whether it found problems."""
    try:
        data, node, lines = _yaml.read_full(text)
    except Exception as exc:
        return type(exc).__name__, None, None, True
    problems: list[Any] = []
    if node is not None:
        _yaml.node_lines(node, (), lines, problems)
    number_problems(data, (), lines, problems)
    return data, dict(lines), dict(lines.scalars), bool(problems)


def _same(text: str) -> bool | None:
    """Whether the plain way took ``text`` (``None``: it left it to the full one), asserting
    that what it gives is what the full way gives."""
    data, lines, scalars, problems = _full(text)
    try:
        plain, plain_lines = _yaml.read_plain(text)
    except _yaml.Unusual:
        return None
    except Exception as exc:
        assert data == type(exc).__name__, text
        return True
    assert not problems, f"the plain way took a text with problems: {text!r}"
    assert repr(plain) == repr(data), text  # repr: 1, 1.0 and True differ
    assert dict(plain_lines) == lines, text
    assert dict(plain_lines.scalars) == scalars, text
    return True


def _generated(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for _ in range(n):
        parts = []
        for _ in range(rng.randint(1, 6)):
            key, value = rng.choice(KEYS), rng.choice(VALUES)
            shape = rng.random()
            if shape < 0.3:
                parts.append(f"{key}:\n  - {value}\n  - {rng.choice(VALUES)}")
            elif shape < 0.6:
                parts.append(f"{key}:\n  {rng.choice(KEYS)}: {value}")
            else:
                parts.append(f"{key}: {value}")
        if rng.random() < 0.05:
            parts.append("---\nz: 1")
        texts.append("\n".join(parts) + "\n")
    return texts


def test_every_input_of_the_repository_reads_the_same_both_ways(tmp_path: Path) -> None:
    paths = [p for pattern in ("examples/**/*.yaml", "examples/**/*.json",
                               "vnadmin_docs/data/**/*.yaml", "tests/**/*.yaml")
             for p in ROOT.glob(pattern)]  # fmt: skip
    paths += generate_schools.generate(40, tmp_path, seed=11, vary=True)
    assert len(paths) > 50
    taken = [_same(p.read_text(encoding="utf-8-sig")) for p in paths]
    assert taken.count(True) > 50  # the ordinary inputs go the plain way


def test_generated_texts_read_the_same_both_ways() -> None:
    taken = [_same(text) for text in _generated(1500, seed=4)]
    assert taken.count(True) > 150 and taken.count(None) > 150  # both ways were exercised


@pytest.mark.parametrize(
    "text",
    ["a: &x 1\nb: *x\n", "a: !!str 12\n", "<<: {m: 1}\n", "a: 1\na: 2\n", "a: 1\n---\nb: 2\n",
     "a: .inf\n", "a: 10000000000000000\n", "? [1, 2]\n: x\n", "a: \"\\x07\"\n",
     "Vie\u0302\u0323t: 1\n"],
)  # fmt: skip
def test_what_the_plain_way_leaves_to_the_full_one(text: str) -> None:
    with pytest.raises(_yaml.Unusual):
        _yaml.read_plain(text)


def test_too_deep_is_refused_the_same_way(tmp_path: Path) -> None:
    text = "a:\n" + "".join("  " * (i + 1) + f"k{i}:\n" for i in range(MAX_DEPTH + 2)) + "  x: 1\n"
    with pytest.raises(_yaml.TooMuch) as plain:
        _yaml.read_plain(text)
    with pytest.raises(_yaml.TooMuch) as full:
        _yaml.read_full(text)
    assert plain.value.problem == full.value.problem
    path = tmp_path / "sau.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match="lồng nhau quá sâu"):
        load_data(path)


def test_a_duplicate_key_is_still_reported_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "lap.yaml"
    path.write_text("a: 1\nb:\n  c: 2\n  c: 3\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_data(path)
    (problem,) = info.value.problems
    assert (problem.path, problem.message, problem.line) == ("b.c", "khóa bị lặp lại", 4)
