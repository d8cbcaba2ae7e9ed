"""The three promises of issue 10 over generated inputs of every command's format: a clear
answer (exit 0/1/2, a Vietnamese message naming the file on exit 2, never "Traceback"), no
partial output (nothing left in the output folder on failure), typed text back exactly.

A seeded generator mutates the shipped examples (types swapped, YAML scalars that are not
text, huge and special values, broken syntax, nesting, aliases, encodings). CI runs
``VNADMIN_FUZZ_CASES`` cases per format (default 40); a long run:
``VNADMIN_FUZZ_CASES=2000 .venv/bin/pytest tests/test_fuzz.py -q``.
"""

from __future__ import annotations

import io
import json
import os
import random
import zipfile
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.helpers import ROOT
from vnadmin_docs.cli import main

CASES = int(os.environ.get("VNADMIN_FUZZ_CASES", "40"))
EX = ROOT / "examples"
SPECIAL = "A & B < C > D \" E ' F {{ x }} {% if %} G\nH"

VALUES: list[Any] = [
    True, False, None, 0, 1, -1, 12.5, 1e30, 10**30, float("inf"), "", " ", "yes", "01",
    "x" * 300, [], {}, [1, 2], {"a": 1}, "2024-02-30", "12:00", SPECIAL, "\u0000", "\u202e",
]  # fmt: skip
RAW = [
    "a: &a [*a]\n",
    "a: " + "[" * 200 + "]" * 200 + "\n",
    "a: b: c\n",
    "\t- x\n",
    "",
    "a: 1\na: 2\n",
    '{"a": 1,}',
    "---\na: 1\n---\nb: 2\n",
]


def _mutate(data: Any, rnd: random.Random) -> Any:
    """``data`` with one value somewhere replaced, removed or duplicated."""
    if isinstance(data, dict) and data and rnd.random() < 0.8:
        key = rnd.choice(list(data))
        out = dict(data)
        r = rnd.random()
        if r < 0.15:
            del out[key]
        elif r < 0.6:
            out[key] = _mutate(out[key], rnd)
        else:
            out[key] = rnd.choice(VALUES)
        return out
    if isinstance(data, list) and data and rnd.random() < 0.8:
        out_list = list(data)
        i = rnd.randrange(len(out_list))
        out_list[i] = _mutate(out_list[i], rnd) if rnd.random() < 0.6 else rnd.choice(VALUES)
        return out_list
    return rnd.choice(VALUES)


def _load(source: Path) -> Any:
    text = source.read_text(encoding="utf-8")
    return json.loads(text) if source.suffix == ".json" else yaml.safe_load(text)


def _case(source: Path, rnd: random.Random) -> bytes:
    r = rnd.random()
    if r < 0.08:
        return rnd.choice(RAW).encode()
    if r < 0.12:
        return source.read_text(encoding="utf-8").encode(
            rnd.choice(["utf-16", "latin-1"]), "replace"
        )
    data = _load(source)
    for _ in range(rnd.randint(1, 3)):
        data = _mutate(data, rnd)
    if source.suffix == ".json":
        return json.dumps(data, ensure_ascii=rnd.random() < 0.5, default=str).encode()
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    if r < 0.2:  # an unquoted scalar YAML will type: yes, 01, 2024-02
        text = text.replace("'", "", 2)
    return text.encode()


CSV_CELLS = ["", "nan", "NaN", "-1", "999", "1e400", "80", "90.5", "đạt", "false", "x" * 500,
             "Trường THCS A", "\u0007", '"', ",", "=1+1"]  # fmt: skip


def _csv_case(rnd: random.Random) -> bytes:
    header = ["don_vi", "cap_hoc", "nhom_1", "nhom_2", "bat_buoc_1", "bat_buoc_2"]
    if rnd.random() < 0.2:
        header = rnd.sample(header, rnd.randint(0, len(header)))
    rows = [",".join(header)]
    for i in range(rnd.randint(0, 6)):
        cells = [f"Trường {i}", "THCS", "80", "90", "đạt", "đạt"][: len(header)]
        for _ in range(rnd.randint(0, 3)):
            if cells:
                cells[rnd.randrange(len(cells))] = rnd.choice(CSV_CELLS)
        rows.append(",".join(cells))
    text = "\n".join(rows) + "\n"
    return text.encode(rnd.choice(["utf-8", "utf-8", "utf-8", "utf-16", "cp1258"]), "replace")


SCORECARD = ROOT / "tests" / "data" / "scorecard.json"

FORMATS = {
    "render": (EX / "documents" / "bao-cao-thcs-quyet-tien-2024.yaml", ["render"], "o.docx"),
    "score": (EX / "thanh-tri-2024-2025" / "tu-danh-gia.yaml", ["score"], None),
    "dossier": (EX / "thanh-tri-2024-2025" / "ho-so.yaml", ["dossier", "--docx-only"], "out"),
    "plan": (EX / "ba-dinh-2024-2025" / "ke-hoach.yaml", ["plan"], "out"),
    "aggregate": (EX / "thanh-tri-2024-2025" / "tu-danh-gia.yaml", ["aggregate", "--docx-only"], "out"),
    "aggregate-json": (SCORECARD, ["aggregate", "--docx-only"], "out"),
    "aggregate-csv": (Path("ket-qua.csv"), ["aggregate", "--docx-only"], "out"),
    "render-json": (EX / "documents" / "quyet-dinh-thcs-quyet-tien-2024.yaml", ["render"], "o.docx"),
}  # fmt: skip
SUMMARY: Counter[str] = Counter()
"""What the cases came to, over all formats (printed at the end with ``-s``)."""


def _run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(argv, stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize(
    "kind",
    sorted(FORMATS),
)
def test_generated_inputs_get_a_clear_answer(kind: str, tmp_path: Path) -> None:
    """Every generated input: exit 0/1/2, no traceback, a message naming the file on exit 2,
    nothing left in the output folder when it fails."""
    source, command, output = FORMATS[kind]
    rnd = random.Random(f"{kind}-10")
    codes: dict[int, int] = {}
    for n in range(CASES):
        case = tmp_path / f"c{n}"
        case.mkdir()
        for sibling in source.parent.iterdir():  # the files a dossier refers to
            if sibling.suffix in (".yaml", ".json") and sibling != source:
                (case / sibling.name).write_bytes(sibling.read_bytes())
        target = case / (source.stem + ".json" if kind == "render-json" else source.name)
        if kind == "aggregate-csv":
            target.write_bytes(_csv_case(rnd))
        elif kind == "render-json":
            data = _mutate(_load(source), rnd) if rnd.random() < 0.9 else rnd.choice(VALUES)
            target.write_text(json.dumps(data, ensure_ascii=False, default=str), encoding="utf-8")
        else:
            target.write_bytes(_case(source, rnd))
        argv = [*command, str(target)]
        out_path = case / output if output else None
        if out_path is not None:
            argv += ["-o", str(out_path)]
        code, _, err = _run(argv)
        codes[code] = codes.get(code, 0) + 1
        SUMMARY[f"{kind} exit {code}"] += 1
        assert code in (0, 1, 2), (kind, n, code, err)
        assert "Traceback" not in err, (kind, n, err)
        if code == 2:
            named = target.name in err or f"{case}{os.sep}" in err  # or a file it refers to
            assert "Lỗi" in err and named, (kind, n, err)
            if out_path is not None and out_path.exists() and out_path.is_dir():
                assert not list(out_path.iterdir()), (kind, n, err)
            elif out_path is not None:
                assert not out_path.exists(), (kind, n, err)
        leftovers = [p.name for p in case.rglob(".*.tmp")]
        assert not leftovers, (kind, n, leftovers)
    assert sum(codes.values()) == CASES
    print(f"\n{kind}: {CASES} cases, exit codes {dict(sorted(codes.items()))}")


@pytest.mark.parametrize(
    "field", ["trich_yeu", "noi_dung", "nguoi_ky.ho_ten", "co_quan.ten", "noi_nhan"]
)
def test_typed_text_comes_back_exactly(field: str, tmp_path: Path) -> None:
    """Special characters and line breaks come out as typed, also in long values."""
    source = EX / "documents" / "bao-cao-thcs-quyet-tien-2024.yaml"
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    rnd = random.Random(field)
    typed = "".join(
        rnd.choice(["&", "<", ">", '"', "'", "{{", "}}", "{%", "%}", "x", "ư"]) for _ in range(40)
    )
    value = f"Đầu {typed} {'dài ' * 80}cuối"
    where = data
    *parents, last = field.split(".")
    for p in parents:
        where = where[p]
    where[last] = [value] if last == "noi_nhan" else value
    if last == "noi_dung":
        where[last] = value + "\n\nĐoạn hai"
    path = tmp_path / "in.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    code, _, err = _run(["render", str(path), "-o", str(tmp_path / "o.docx")])
    assert code == 0, err
    with zipfile.ZipFile(tmp_path / "o.docx") as z:
        xml = z.read("word/document.xml").decode()
    import docx

    d = docx.Document(str(tmp_path / "o.docx"))
    texts = [p.text for p in d.paragraphs] + [
        p.text for t in d.tables for row in t.rows for c in row.cells for p in c.paragraphs
    ]
    assert any(typed in t or typed.upper() in t for t in texts), (field, typed)
    assert "{_{" not in xml


def _template_with(tmp_path: Path, payload: str) -> Path:
    src = ROOT / "templates" / "bao_cao.docx"
    out = tmp_path / "mau.docx"
    with zipfile.ZipFile(src) as z, zipfile.ZipFile(out, "w") as w:
        for item in z.infolist():
            data = z.read(item)
            if item.filename == "word/document.xml":
                data = data.decode().replace("{{ trich_yeu }}", payload, 1).encode()
            w.writestr(item, data)
    return out


@pytest.mark.parametrize(
    "payload",
    [
        "{% include 'x' %}",
        "{% import 'x' as y %}",
        "{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}{% endfor %}",
        "{{ 10 ** 10 ** 10 }}",
        "{{ 'x' * 1000000000 }}",
        "{{ trich_yeu.center(1000000000) }}",
        "{{ trich_yeu | center(1000000000) }}",
        "{{ lipsum(10000000) }}",
        "{% macro f(n) %}{{ f(n) }}{% endmacro %}{{ f(1) }}",
        "{{ '{0.__class__}'.format_map(1) }}",
        "{{ noi_dung }}",
        "{%p if true %}",
    ],
)
def test_hostile_templates_are_template_errors(payload: str, tmp_path: Path) -> None:
    source = EX / "documents" / "bao-cao-thcs-quyet-tien-2024.yaml"
    template = _template_with(tmp_path, payload)
    out = tmp_path / "o.docx"
    code, _, err = _run(["render", str(source), "--template", str(template), "-o", str(out)])
    assert code == 2, err
    assert "mẫu" in err.lower() and "Traceback" not in err, err
    assert not out.exists()


def _leaves(data: Any, loc: tuple[Any, ...] = ()) -> list[tuple[tuple[Any, ...], Any]]:
    if isinstance(data, dict):
        return [leaf for k, v in data.items() for leaf in _leaves(v, (*loc, k))]
    if isinstance(data, list):
        return [leaf for i, v in enumerate(data) for leaf in _leaves(v, (*loc, i))]
    return [(loc, data)]


def _replaced(data: Any, loc: tuple[Any, ...], value: Any) -> Any:
    if not loc:
        return value
    out = dict(data) if isinstance(data, dict) else list(data)
    out[loc[0]] = _replaced(data[loc[0]], loc[1:], value)
    return out


WHOLE = {"so", "tong", "so_luong"}
"""Fields that hold whole numbers (a document number, counts)."""


def _wrong(value: Any, name: Any) -> list[str]:
    """YAML scalars the field would only take by coercion."""
    if isinstance(value, bool):
        return ['"yes"', "1"]
    if isinstance(value, int):
        return ["12.5", "true"] if name in WHOLE else ["true"]
    if isinstance(value, str) and not value.isdigit():
        return ["yes", "01", "12.5"]
    return []


def _read(kind: str) -> Any:
    from vnadmin_docs.io.documents import load_document
    from vnadmin_docs.io.inputs import read_assessment, read_dossier, read_plan

    return {"document": load_document, "assessment": read_assessment, "dossier": read_dossier,
            "plan": read_plan}[kind]  # fmt: skip


PROBED = {
    "document": EX / "documents" / "bien-ban-thcs-quyet-tien-2024.yaml",
    "assessment": EX / "thanh-tri-2024-2025" / "tu-danh-gia.yaml",
    "dossier": EX / "thanh-tri-2024-2025" / "ho-so.yaml",
    "plan": EX / "ba-dinh-2024-2025" / "ke-hoach.yaml",
}


@pytest.mark.parametrize("kind", sorted(PROBED))
def test_no_value_is_silently_coerced(kind: str, tmp_path: Path) -> None:
    """Every text, whole number and boolean of an example, typed as another YAML type, is
    refused with a problem at its own path (never taken as another value)."""
    from vnadmin_docs.errors import InputError, format_path
    from vnadmin_docs.io.files import load_data

    typed, _ = load_data(PROBED[kind])
    data = typed
    read = _read(kind)
    probes = [
        (loc, w) for loc, value in _leaves(typed) for w in _wrong(value, loc[-1] if loc else None)
    ]
    rnd = random.Random(kind)
    probes = rnd.sample(probes, min(len(probes), max(CASES, 30)))
    silent = []
    for loc, wrong in probes:
        if any(isinstance(p, str) and p.replace(".", "").isdigit() for p in loc):
            continue  # a code key (1.3.b) or its facts: the indicator set checks them
        path = tmp_path / PROBED[kind].name
        text = yaml.safe_dump(_replaced(data, loc, "@@@"), allow_unicode=True)
        path.write_text(text.replace("'@@@'", wrong), encoding="utf-8")
        try:
            read(path)
        except InputError as exc:
            assert any(
                p.path == format_path(loc) or p.path.startswith(format_path(loc[:-1]) or "~")
                for p in exc.problems
            ), (loc, wrong, exc)
            continue
        silent.append((format_path(loc), wrong))
    assert not silent, silent
