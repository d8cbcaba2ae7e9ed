"""readable_json gives back what json.dumps would, indented for a reader (issue 12)."""

from __future__ import annotations

import json
import random

from vnadmin_docs.io.json_text import readable_json


def _value(rng: random.Random, depth: int = 0) -> object:
    r = rng.random()
    if depth > 3 or r < 0.3:
        return rng.choice(
            [1, 2.5, None, True, False, 'x"y\\z\n', "Việt", -0.0, 10**20, "", "{{ }}"]
        )
    if r < 0.6:
        return [_value(rng, depth + 1) for _ in range(rng.randint(0, 14))]
    return {rng.choice(["a", "b", "é", "1"]) + str(i): _value(rng, depth + 1)
            for i in range(rng.randint(0, 5))}  # fmt: skip


def test_the_same_data_as_json_dumps() -> None:
    rng = random.Random(1)
    for _ in range(2000):
        value = _value(rng)
        assert json.loads(readable_json(value)) == json.loads(json.dumps(value))


def test_layout() -> None:
    text = readable_json({"counts": [1, 2, 3], "schools": [f"Trường {i}" for i in range(12)]})
    lines = text.splitlines()
    assert lines[1] == '  "counts": [1, 2, 3],'
    assert lines[2:4] == ['  "schools": [', '    "Trường 0",']
    assert len(lines) == 1 + 1 + 1 + 12 + 1 + 1
    assert readable_json({1: "a", None: "b"}) == '{\n  "1": "a",\n  "null": "b"\n}'  # as json
