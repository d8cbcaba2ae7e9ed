"""What the reader refuses, each with a located Vietnamese problem, and what strict types at
the edge refuse (issue 10)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.helpers import EXAMPLES
from vnadmin_docs.errors import InputError
from vnadmin_docs.io.documents import load_document
from vnadmin_docs.io.files import MAX_DEPTH, MAX_FILE_BYTES, MAX_TEXT_CHARS, load_data


def _refused(path: Path) -> str:
    with pytest.raises(InputError) as info:
        load_data(path)
    assert info.value.source == str(path)
    return "; ".join(str(p) for p in info.value.problems)


def _billion_laughs() -> str:
    text = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    prev = "a"
    for name in "bcdefghi":
        text += f"{name}: &{name} [{','.join('*' + prev for _ in range(9))}]\n"
        prev = name
    return text


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("a: " + "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1), "lồng nhau quá sâu"),
        ("a: " + "[" * 5000 + "]" * 5000, "lồng nhau quá sâu"),
        ("a: &a [*a]\n", "tự tham chiếu"),
        ("a: &a {b: *a}\n", "tự tham chiếu"),
        (_billion_laughs(), "lặp lại quá nhiều"),
        ("a: 1\na: 2\n", "khóa bị lặp lại"),
        (f"a: {'x' * (MAX_TEXT_CHARS + 1)}\n", "giá trị quá dài"),
        ("   \n\n", "tệp rỗng"),
        ("a: 1.0e+400\n", "số quá lớn"),
        ("a: .nan\n", "không phải là số"),
        (f"a: {10**30}\n", "số quá lớn"),
        (f"a: {'9' * 5000}\n", "số quá lớn"),
        ("a: b: c\n", "dấu ':' đặt sai chỗ"),
        ('a: "x\n', "tệp kết thúc giữa chừng"),
    ],
)
def test_refused_with_a_vietnamese_problem(content: str, expected: str, tmp_path: Path) -> None:
    path = tmp_path / "in.yaml"
    path.write_text(content, encoding="utf-8")
    assert expected in _refused(path)


def test_json_errors_in_vietnamese(tmp_path: Path) -> None:
    path = tmp_path / "in.json"
    path.write_text('{"a": 1,}', encoding="utf-8")
    assert "thiếu tên khóa" in _refused(path)
    path.write_text('{"a": ' + "[" * 3000 + "]" * 3000 + "}", encoding="utf-8")
    assert "lồng nhau quá sâu" in _refused(path)


@pytest.mark.parametrize(
    ("data", "looks_like"),
    [
        ("ten: Trươ\u0300ng ho\u0323c\n".encode("cp1258"), "Windows-1258"),
        ("ten: Trường học\n".encode("utf-16"), "UTF-16"),
        ("ten: café\n".encode("latin-1"), "Latin-1"),
    ],
)
def test_encoding_named(data: bytes, looks_like: str, tmp_path: Path) -> None:
    path = tmp_path / "in.yaml"
    path.write_bytes(data)
    message = _refused(path)
    assert "UTF-8" in message and looks_like in message


def test_big_file_and_directory(tmp_path: Path) -> None:
    path = tmp_path / "in.yaml"
    path.write_bytes(b"a: b\n" * (MAX_FILE_BYTES // 5 + 1))
    assert "tệp quá lớn" in _refused(path)
    assert "thư mục" in _refused(tmp_path)


def _document(tmp_path: Path, **changes: object) -> Path:
    data = yaml.safe_load(
        (EXAMPLES / "documents" / "bao-cao-thcs-quyet-tien-2024.yaml").read_text(encoding="utf-8")
    )
    for key, value in changes.items():
        *parents, last = key.split("__")
        where = data
        for p in parents:
            where = where[p]
        where[last] = value
    path = tmp_path / "doc.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_yaml_scalars_for_text_get_a_quote_hint_all_at_once(tmp_path: Path) -> None:
    path = _document(tmp_path, co_quan__ten=True, nguoi_ky__ho_ten=1, so=True, trich_yeu=" ")
    text = path.read_text(encoding="utf-8").replace("ho_ten: 1", "ho_ten: 01")
    path.write_text(text.replace("ten: true", "ten: yes"), encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_document(path)
    by_path = {p.path: p for p in info.value.problems}
    assert "hãy đặt trong dấu nháy: 'yes'" in by_path["co_quan.ten"].message
    assert "hãy đặt trong dấu nháy: '01'" in by_path["nguoi_ky.ho_ten"].message
    assert "true/false" in by_path["so"].message
    assert "trich_yeu" in by_path  # the blank text is reported together with the type errors
    assert all(p.line is not None for p in info.value.problems)


def test_a_number_is_not_a_meeting_time(tmp_path: Path) -> None:
    data = yaml.safe_load(
        (EXAMPLES / "documents" / "bien-ban-thcs-quyet-tien-2024.yaml").read_text(encoding="utf-8")
    )
    data["thoi_gian_bat_dau"] = 12
    path = tmp_path / "bb.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_document(path)
    (problem,) = [p for p in info.value.problems if p.path == "thoi_gian_bat_dau"]
    assert "YYYY-MM-DD HH:MM" in problem.message and problem.line is not None
