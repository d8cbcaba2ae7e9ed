"""Loading input files (YAML or JSON) into the typed model, at the edge.

Every problem in an input is reported at once, each with its path (``noi_nhan[2]``), the
line in the file where the loader knows it, and a message in Vietnamese. Every string is
normalised to Unicode NFC before validation.

>>> doc = document_from_data({
...     "loai": "cong_van", "ngay": "2023-06", "trich_yeu": "tổng kết năm học",
...     "co_quan": {"ten": "Sở Giáo dục và Đào tạo", "viet_tat": "SGDĐT", "dia_danh": "Hải Phòng"},
...     "don_vi_soan_thao": "VP", "kinh_gui": ["Các trường"],
...     "nguoi_ky": {"chuc_vu": "Giám đốc", "ho_ten": "A"}})
>>> str(doc.so_ky_hieu)
'/SGDĐT-VP'
>>> document_from_data({"loai": "thu_moi"})
Traceback (most recent call last):
...
vnadmin_docs.errors.InputError: 1 lỗi trong dữ liệu đầu vào:
  - loai: loại văn bản không hợp lệ 'thu_moi'; chọn một trong: ke_hoach, bao_cao, quyet_dinh, bien_ban, to_trinh, cong_van
"""

from __future__ import annotations

import csv
import dataclasses
import difflib
import importlib.resources
import json
import re
import typing
from collections.abc import Mapping, Sequence
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import TypeAdapter, ValidationError

from .aggregate import KetQuaTruong, NhomKetQua, cap_hoc_tu_ten
from .dossier import HoSo, documents
from .errors import InputError, Problem, format_path
from .indicators import BoChiSo
from .indicators import validate as validate_set
from .managing import KeHoachTrienKhai
from .model import DOCUMENT_TYPES, ModelError, VanBan
from .numbering import LoaiVanBan
from .scoring import DanhGia, Scorecard, level_for, score
from .tables import BangPhanCong
from .text import forbidden_character, forbidden_message, nfc

__all__ = [
    "LineMap",
    "document_from_data",
    "indicator_set_names",
    "load_assessment",
    "load_assignment",
    "load_data",
    "load_document",
    "load_dossier",
    "load_indicator_set",
    "load_plan",
    "load_school_results",
    "parse_as",
    "schema",
]

T = TypeVar("T")
Path_ = tuple[str | int, ...]
LineMap = dict[Path_, int]
"""Where each value of an input starts: path → 1-based line."""

_IGNORED_KEYS = ("$schema",)


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """SafeLoader (libyaml's, when PyYAML has it: 5× faster) that leaves dates as text (the
    model parses them and reports bad ones) and keeps mapping keys as typed: ``1.10:`` is the
    code "1.10", not the number 1.1."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        self.flatten_mapping(node)
        mapping: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                key: Any = key_node.value
            else:
                key = self.construct_object(key_node, deep=deep)
            mapping[key] = self.construct_object(value_node, deep=deep)
        return mapping


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


# ---------------------------------------------------------------- reading files


def _lines(node: yaml.Node, path: Path_, out: LineMap, problems: list[Problem]) -> None:
    out[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key, value in node.value:
            name = nfc(str(key.value))
            if name in seen:
                problems.append(
                    Problem(_format((*path, name)), "khóa bị lặp lại", key.start_mark.line + 1)
                )
            seen.add(name)
            _lines(value, (*path, name), out, problems)
            out[(*path, name)] = key.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _lines(item, (*path, index), out, problems)
    elif isinstance(node.value, str) and (code := forbidden_character(node.value)):
        problems.append(Problem(_format(path), forbidden_message(code), node.start_mark.line + 1))


def _normalize(value: Any) -> Any:
    if isinstance(value, str):
        return nfc(value)
    if isinstance(value, list):
        return [_normalize(v) for v in value]
    if isinstance(value, dict):
        return {nfc(str(k)): _normalize(v) for k, v in value.items()}
    return value


def load_data(path: Path | str) -> tuple[Any, LineMap]:
    """Read a YAML or JSON file: its data (NFC-normalised) and where each value is."""
    path = Path(path)
    source = str(path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise InputError([Problem("", f"không tìm thấy tệp {path}")], source=source) from None
    except UnicodeDecodeError as exc:
        problem = Problem("", f"tệp không phải văn bản UTF-8 (byte {exc.start})")
        raise InputError([problem], source=source) from None
    except OSError as exc:
        raise InputError([Problem("", f"không đọc được tệp: {exc}")], source=source) from None
    problems: list[Problem] = []
    lines: LineMap = {}
    try:
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.reader.ReaderError as exc:  # a control character typed into the file itself
        at = text.count("\n", 0, exc.position) + 1
        message = forbidden_message(f"U+{exc.character:04X}")
        raise InputError([Problem("", f"tệp {message}", at)], source=source) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        what = "JSON" if path.suffix.lower() == ".json" else "YAML"
        detail = getattr(exc, "problem", None) or str(exc)
        raise InputError(
            [Problem("", f"tệp {what} không hợp lệ: {detail}", line)], source=source
        ) from None
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            problem = Problem("", f"tệp JSON không hợp lệ: {exc.msg}", exc.lineno)
            raise InputError([problem], source=source) from None
    if node is not None:
        _lines(node, (), lines, problems)
    if problems:
        raise InputError(problems, source=source)
    return _normalize(data), lines


# ---------------------------------------------------------------- validation errors → Problems


_format = format_path


def _line(path: Path_, lines: LineMap | None) -> int | None:
    if not lines:
        return None
    for end in range(len(path), -1, -1):
        if path[:end] in lines:
            return lines[path[:end]]
    return None


_TYPE_TAG = re.compile(
    r"^(function-\w+\[.*\]|int|str|bool|float|list\[.*\]|dict\[.*\]|none|nullable"
    r"|date|datetime|lax-or-strict\[.*\]|json-or-python\[.*\])$"
)

_MESSAGES = {
    "missing": "thiếu trường bắt buộc",
    "missing_keyword_only_argument": "thiếu trường bắt buộc",
    "missing_argument": "thiếu trường bắt buộc",
    "string_type": "phải là chuỗi ký tự",
    "int_type": "phải là số nguyên",
    "int_parsing": "phải là số nguyên",
    "int_from_float": "phải là số nguyên",
    "float_type": "phải là số",
    "float_parsing": "phải là số",
    "decimal_type": "phải là số",
    "decimal_parsing": "phải là số",
    "bool_type": "phải là true hoặc false",
    "bool_parsing": "phải là true hoặc false",
    "list_type": "phải là danh sách (các dòng bắt đầu bằng '- ')",
    "dict_type": "phải là một nhóm trường (khóa: giá trị)",
    "dataclass_type": "phải là một nhóm trường (khóa: giá trị)",
    "dataclass_args_type": "phải là một nhóm trường (khóa: giá trị)",
    "datetime_type": "phải là ngày giờ dạng YYYY-MM-DD HH:MM",
    "datetime_parsing": "phải là ngày giờ dạng YYYY-MM-DD HH:MM",
    "datetime_from_date_parsing": "phải là ngày giờ dạng YYYY-MM-DD HH:MM",
    "date_type": "phải là ngày dạng YYYY-MM-DD",
    "date_parsing": "phải là ngày dạng YYYY-MM-DD",
    "date_from_datetime_parsing": "phải là ngày dạng YYYY-MM-DD",
    "greater_than_equal": "quá nhỏ (phải ≥ {ge})",
    "less_than_equal": "quá lớn (phải ≤ {le})",
    "greater_than": "quá nhỏ (phải > {gt})",
    "less_than": "quá lớn (phải < {lt})",
}


@cache
def _known_fields() -> tuple[str, ...]:
    names: set[str] = set()
    stack: list[Any] = list(DOCUMENT_TYPES.values())
    seen: set[Any] = set()
    while stack:
        cls = stack.pop()
        if cls in seen or not dataclasses.is_dataclass(cls):
            continue
        seen.add(cls)
        hints = typing.get_type_hints(cls)
        for f in dataclasses.fields(cls):
            names.add(f.name)
            stack.extend(_classes_in(hints.get(f.name)))
    return tuple(sorted(names))


def _classes_in(tp: Any) -> list[Any]:
    if isinstance(tp, type):
        return [tp]
    return [c for arg in typing.get_args(tp) for c in _classes_in(arg)]


def _message(err: Mapping[str, Any], field: str | None) -> str:
    kind = err["type"]
    ctx = err.get("ctx") or {}
    if kind in ("unexpected_keyword_argument", "extra_forbidden"):
        close = difflib.get_close_matches(field or "", _known_fields(), n=1)
        hint = f" (có phải là '{close[0]}'?)" if close else ""
        return f"trường không có trong định dạng tệp{hint}"
    if kind in ("enum", "literal_error"):
        expected = str(ctx.get("expected", "")).replace(" or ", ", ")
        return f"giá trị không hợp lệ; chọn một trong: {expected}"
    if kind in ("value_error", "assertion_error") and "error" in ctx:
        return str(ctx["error"])
    if kind in _MESSAGES:
        try:
            return _MESSAGES[kind].format(**ctx)
        except (KeyError, IndexError):
            return _MESSAGES[kind]
    return f"không hợp lệ ({err.get('msg', kind)})"


def problems_from(
    exc: ValidationError, *, lines: LineMap | None = None, prefix: Path_ = ()
) -> list[Problem]:
    """Translate a pydantic ``ValidationError`` into located Vietnamese problems."""
    problems: list[Problem] = []
    seen: set[tuple[str, str]] = set()
    for err in exc.errors(include_url=False):
        loc = prefix + tuple(
            p for p in err["loc"] if not (isinstance(p, str) and _TYPE_TAG.match(p))
        )
        error = (err.get("ctx") or {}).get("error")
        if isinstance(error, ModelError):
            pairs = [(loc + ((f,) if f else ()), m) for f, m in error.problems]
        else:
            last = loc[-1] if loc and isinstance(loc[-1], str) else None
            pairs = [(loc, _message(err, last))]
        for path, message in pairs:
            key = (_format(path), message)
            if key not in seen:
                seen.add(key)
                problems.append(Problem(key[0], message, _line(path, lines)))
    return problems


# ---------------------------------------------------------------- documents


_ADAPTERS: dict[Any, TypeAdapter[Any]] = {}


def _adapter(cls: Any) -> TypeAdapter[Any]:
    if cls not in _ADAPTERS:
        _ADAPTERS[cls] = TypeAdapter(cls)
    return _ADAPTERS[cls]


def parse_as(
    cls: type[T],
    data: Any,
    *,
    lines: LineMap | None = None,
    source: str | None = None,
    prefix: Path_ = (),
) -> T:
    """Validate ``data`` as ``cls`` (a model dataclass), raising :class:`InputError` with every
    problem at once."""
    try:
        return typing.cast(T, _adapter(cls).validate_python(_normalize(data)))
    except ValidationError as exc:
        raise InputError(problems_from(exc, lines=lines, prefix=prefix), source=source) from None
    except ModelError as exc:
        problems = [
            Problem(_format(prefix + ((f,) if f else ())), m, _line(prefix, lines))
            for f, m in exc.problems
        ]
        raise InputError(problems, source=source) from None


def document_type(
    data: Any, *, lines: LineMap | None = None, source: str | None = None
) -> type[VanBan]:
    """The document class an input names in its ``loai`` key."""
    if not isinstance(data, dict):
        raise InputError(
            [Problem("", "tệp phải là một nhóm trường (khóa: giá trị)", 1)], source=source
        )
    valid = ", ".join(m.key for m in LoaiVanBan)
    if "loai" not in data:
        raise InputError(
            [Problem("loai", f"thiếu loại văn bản; chọn một trong: {valid}", _line((), lines))],
            source=source,
        )
    try:
        return DOCUMENT_TYPES[LoaiVanBan.parse(str(data["loai"]))]
    except ValueError as exc:
        raise InputError(
            [Problem("loai", str(exc), _line(("loai",), lines))], source=source
        ) from None


def document_from_data(
    data: Any, *, lines: LineMap | None = None, source: str | None = None
) -> VanBan:
    """Build a document from already-read data with a ``loai`` key."""
    cls = document_type(data, lines=lines, source=source)
    fields = {k: v for k, v in data.items() if k != "loai" and k not in _IGNORED_KEYS}
    return parse_as(cls, fields, lines=lines, source=source)


def load_document(path: Path | str) -> VanBan:
    """Load one document from a YAML or JSON file."""
    data, lines = load_data(path)
    return document_from_data(data, lines=lines, source=str(path))


# ---------------------------------------------------------------- indicator sets and assessments


def _with_lines(exc: InputError, lines: LineMap, source: str) -> InputError:
    problems = [
        p if p.line is not None or not p.loc else dataclasses.replace(p, line=_line(p.loc, lines))
        for p in exc.problems
    ]
    return InputError(problems, source=source)


def indicator_set_names() -> list[str]:
    """The codes of the indicator sets shipped in the package."""
    folder = importlib.resources.files("vnadmin_docs") / "data" / "indicator_sets"
    return sorted(
        p.name.removesuffix(".yaml") for p in folder.iterdir() if p.name.endswith(".yaml")
    )


def load_indicator_set(name_or_path: str | Path, *, base: Path | None = None) -> BoChiSo:
    """Load and validate an indicator set: a shipped one by code (``qd-4725-2022``) or a file.

    A relative path is taken from ``base`` (the folder of the file that names it).
    """
    name = str(name_or_path)
    if name in indicator_set_names():
        resource = (
            importlib.resources.files("vnadmin_docs") / "data" / "indicator_sets" / f"{name}.yaml"
        )
        with importlib.resources.as_file(resource) as path:
            return _load_set_file(path, source=name)
    path = Path(name_or_path)
    if base is not None and not path.is_absolute():
        path = base / path
    if not path.exists():
        known = ", ".join(indicator_set_names())
        message = f"không có bộ chỉ số {name!r} (có sẵn: {known}) và không tìm thấy tệp {path}"
        raise InputError([Problem("bo_chi_so", message)])
    return _load_set_file(path, source=str(path))


_SETS: dict[tuple[str, float], BoChiSo] = {}


def _load_set_file(path: Path, *, source: str) -> BoChiSo:
    key = (str(path.resolve()), path.stat().st_mtime)
    if key not in _SETS:
        _SETS[key] = _read_set_file(path, source=source)
    return _SETS[key]


def _read_set_file(path: Path, *, source: str) -> BoChiSo:
    data, lines = load_data(path)
    bo = parse_as(BoChiSo, data, lines=lines, source=source)
    problems = validate_set(bo)
    if problems:
        raise _with_lines(InputError(problems), lines, source)
    return bo


def load_assessment(path: Path | str) -> tuple[DanhGia, BoChiSo, Scorecard]:
    """Load a self-assessment, its indicator set, and score it; every problem at once.

    A ``.xlsx`` file is a filled self-assessment form (``vnadmin-docs form``), read by cell."""
    path = Path(path)
    if path.suffix.lower() == ".xlsx":
        from .io_form import load_form

        return load_form(path)
    data, lines = load_data(path)
    danh_gia = parse_as(DanhGia, data, lines=lines, source=str(path))
    try:
        bo = load_indicator_set(danh_gia.bo_chi_so, base=path.parent)
    except InputError as exc:
        if exc.source is None:
            raise _with_lines(exc, lines, str(path)) from None
        raise
    try:
        return danh_gia, bo, score(bo, danh_gia)
    except InputError as exc:
        raise _with_lines(exc, lines, str(path)) from None


def load_assignment(path: Path | str) -> tuple[BangPhanCong, BoChiSo]:
    """Load a plan's assignment table input and its indicator set; unknown codes are problems."""
    path = Path(path)
    data, lines = load_data(path)
    bang = parse_as(BangPhanCong, data, lines=lines, source=str(path))
    bo = load_indicator_set(bang.bo_chi_so, base=path.parent)
    known = {tc.ma for _, tc in bo.tieu_chi()}
    problems = [
        Problem(
            "phan_cong." + code,
            f"mã tiêu chí {code!r} không có trong bộ chỉ số {bo.ma}",
            _line(("phan_cong", code), lines),
        )
        for code in bang.phan_cong
        if code not in known
    ]
    if problems:
        raise InputError(problems, source=str(path))
    return bang, bo


def load_dossier(path: Path | str) -> tuple[HoSo, BoChiSo, Scorecard]:
    """Load a dossier input, its assessment (inline or a file beside it) and indicator set,
    and score it; every problem at once, with paths and lines."""
    path = Path(path)
    data, lines = load_data(path)
    ho_so = parse_as(HoSo, data, lines=lines, source=str(path))
    if isinstance(ho_so.tu_danh_gia, str):
        danh_gia, bo, scorecard = load_assessment(path.parent / ho_so.tu_danh_gia)
        problems = [
            Problem("tu_danh_gia", f"{name} của tệp tự đánh giá ({got!r}) khác hồ sơ ({want!r})",
                    _line(("tu_danh_gia",), lines))
            for name, got, want in (("nam_hoc", danh_gia.nam_hoc, ho_so.nam_hoc),
                                    ("don_vi", danh_gia.don_vi, ho_so.co_quan.ten))
            if got != want
        ]  # fmt: skip
        if problems:
            raise InputError(problems, source=str(path))
    else:
        inline = ho_so.tu_danh_gia
        danh_gia = DanhGia(don_vi=ho_so.co_quan.ten, nam_hoc=ho_so.nam_hoc,
                           bo_chi_so=inline.bo_chi_so, ket_qua=inline.ket_qua)  # fmt: skip
        try:
            bo = load_indicator_set(inline.bo_chi_so, base=path.parent)
            scorecard = score(bo, danh_gia)
        except InputError as exc:
            moved = [Problem.at(("tu_danh_gia", *p.loc), p.message) if p.loc else p
                     for p in exc.problems]  # fmt: skip
            raise _with_lines(InputError(moved), lines, str(path)) from None
    try:
        documents(ho_so, bo, scorecard)
    except InputError as exc:
        raise _with_lines(exc, lines, str(path)) from None
    return ho_so, bo, scorecard


# ---------------------------------------------------------------- many schools' results


SchoolProblems = tuple[str, tuple[Problem, ...]]
"""A file (or a row of a spreadsheet) that could not be counted, and why."""


def _yes(value: object) -> bool | None:
    text = str(value).strip().casefold()
    if text in ("", "none"):
        return True
    if text in ("1", "true", "có", "co", "đạt", "dat", "x", "yes"):
        return True
    if text in ("0", "false", "không", "khong", "chưa đạt", "chua dat", "no"):
        return False
    return None


def _rows(path: Path) -> list[dict[str, object]]:
    if path.suffix.lower() == ".csv":
        with path.open(encoding="utf-8-sig", newline="") as handle:
            return [dict(row) for row in csv.DictReader(handle)]
    from openpyxl import load_workbook

    sheet = load_workbook(path, read_only=True, data_only=True).worksheets[0]
    values = list(sheet.iter_rows(values_only=True))
    if not values:
        return []
    header = [str(h).strip() if h is not None else "" for h in values[0]]
    return [
        dict(zip(header, row, strict=False))
        for row in values[1:]
        if any(v is not None for v in row)
    ]


def _from_row(row: dict[str, object], bo: BoChiSo, where: str) -> KetQuaTruong:
    problems = []
    name = nfc(str(row.get("don_vi") or "").strip())
    if not name:
        problems.append(Problem(f"{where}.don_vi", "thiếu tên đơn vị"))
    for column in ("don_vi", "cap_hoc"):
        if code := forbidden_character(str(row.get(column) or "")):
            problems.append(Problem(f"{where}.{column}", forbidden_message(code)))
    groups = []
    for nhom in bo.nhom:
        column = f"nhom_{nhom.ma}"
        raw = row.get(column)
        points: Decimal | None = None
        try:
            points = Decimal(str(raw).replace(",", ".").strip())
        except ArithmeticError:
            problems.append(Problem(f"{where}.{column}", f"điểm phải là số, không phải {raw!r}"))
        if points is not None and not 0 <= points <= nhom.toi_da:
            message = f"điểm phải từ 0 đến {nhom.toi_da}, không phải {points}"
            problems.append(Problem(f"{where}.{column}", message))
            points = None
        met = _yes(row.get(f"bat_buoc_{nhom.ma}", ""))
        if met is None:
            problems.append(Problem(f"{where}.bat_buoc_{nhom.ma}", "ghi 'đạt' hoặc 'chưa đạt'"))
        if points is not None and met is not None:
            level = level_for(bo, points, mandatory_met=met)
            groups.append(NhomKetQua(nhom.ma, points, level, met))
    if problems:
        raise InputError(problems)
    cap = nfc(str(row.get("cap_hoc") or "").strip()) or cap_hoc_tu_ten(name)
    return KetQuaTruong(name, cap, where, tuple(groups))


def _from_scorecard_json(data: dict[str, Any], source: str, base: Path) -> KetQuaTruong:
    if not isinstance(data, dict) or "groups" not in data or "don_vi" not in data:
        raise InputError([Problem("", "không phải kết quả chấm điểm (thiếu don_vi, groups)")])
    bo = load_indicator_set(str(data.get("bo_chi_so", "qd-4725-2022")), base=base)
    problems = []
    groups = []
    maxima = {n.ma: n.toi_da for n in bo.nhom}
    for i, g in enumerate(data["groups"]):
        code = str(g.get("code"))
        if code not in maxima:
            problems.append(
                Problem(f"groups[{i}].code", f"nhóm {code!r} không có trong bộ chỉ số {bo.ma}")
            )
            continue
        points = Decimal(str(g.get("points")))
        met = bool(g.get("mandatory_met", True))
        if not 0 <= points <= maxima[code]:
            problems.append(Problem(f"groups[{i}].points", f"điểm phải từ 0 đến {maxima[code]}"))
            continue
        level = level_for(bo, points, mandatory_met=met)
        if g.get("level") is not None and int(g["level"]) != level:
            problems.append(Problem(f"groups[{i}].level",
                                    f"mức độ {g['level']} không khớp điểm {points} (phải là mức độ {level})"))  # fmt: skip
        groups.append(NhomKetQua(code, points, level, met))
    criteria = {str(c["code"]): Decimal(str(c["points"])) for c in data.get("criteria", [])
                if c.get("points") is not None}  # fmt: skip
    if problems:
        raise InputError(problems)
    unit = nfc(str(data["don_vi"]))
    cap = data.get("cap_hoc") or cap_hoc_tu_ten(unit)
    return KetQuaTruong(unit, str(cap), source, tuple(groups), criteria)


def load_school_results(
    paths: Sequence[Path], *, bo: BoChiSo
) -> tuple[list[KetQuaTruong], list[SchoolProblems]]:
    """Read many schools' results: dossier or assessment inputs (.yaml), scorecard JSON
    (``score --json``), filled self-assessment forms (.xlsx from ``vnadmin-docs form``), or
    spreadsheets (.csv/.xlsx: ``don_vi``, ``cap_hoc``, ``nhom_1``, ``nhom_2``… and optional
    ``bat_buoc_1``…). Each is checked against its indicator set; what
    cannot be read is returned with its problems, never counted."""
    from .io_form import is_form

    results: list[KetQuaTruong] = []
    broken: list[SchoolProblems] = []
    for path in paths:
        source = str(path)
        try:
            suffix = path.suffix.lower()
            if suffix == ".xlsx" and is_form(path):  # one school's self-assessment form
                danh_gia, _, sc = load_assessment(path)
                results.append(
                    KetQuaTruong.from_scorecard(sc, cap_hoc=danh_gia.cap_hoc, source=source)
                )
                continue
            if suffix in (".csv", ".xlsx"):
                for n, row in enumerate(_rows(path), start=2):
                    where = f"{path.name}:dòng {n}"
                    try:
                        results.append(_from_row(row, bo, where))
                    except InputError as exc:
                        broken.append((where, exc.problems))
                continue
            if suffix == ".json":
                data, _ = load_data(path)
                results.append(_from_scorecard_json(data, source, path.parent))
                continue
            data, _ = load_data(path)
            if isinstance(data, dict) and "hoi_dong" in data:
                ho_so, _, sc = load_dossier(path)
                results.append(
                    KetQuaTruong.from_scorecard(sc, cap_hoc=ho_so.cap_hoc, source=source)
                )
            else:
                danh_gia, _, sc = load_assessment(path)
                results.append(
                    KetQuaTruong.from_scorecard(sc, cap_hoc=danh_gia.cap_hoc, source=source)
                )
        except InputError as exc:
            broken.append((source, exc.problems))
        except (OSError, ValueError, KeyError, TypeError, ArithmeticError) as exc:
            broken.append((source, (Problem("", f"không đọc được tệp: {exc}"),)))
    return results, broken


def load_plan(path: Path | str) -> tuple[KeHoachTrienKhai, list[BoChiSo]]:
    """Load a managing body's plan input and the indicator sets in force; every problem at once."""
    path = Path(path)
    data, lines = load_data(path)
    plan = parse_as(KeHoachTrienKhai, data, lines=lines, source=str(path))
    sets = [load_indicator_set(name, base=path.parent) for name in plan.bo_chi_so]
    known = {tc.ma for bo in sets for _, tc in bo.tieu_chi()}
    problems = [
        Problem(f"phan_cong.{code}", f"mã tiêu chí {code!r} không có trong bộ chỉ số đang áp dụng",
                _line(("phan_cong", code), lines))
        for code in plan.phan_cong if code not in known
    ]  # fmt: skip
    if problems:
        raise InputError(problems, source=str(path))
    return plan, sets


# ---------------------------------------------------------------- JSON Schema


def schema() -> dict[str, Any]:
    """A JSON Schema of the document input format (one branch per ``loai``)."""
    defs: dict[str, Any] = {}
    branches = []
    for loai, cls in DOCUMENT_TYPES.items():
        one = _adapter(cls).json_schema(ref_template="#/$defs/{model}")
        defs.update(one.pop("$defs", {}))
        one["properties"] = {"loai": {"const": loai.key, "title": loai.ten}, **one["properties"]}
        one["properties"]["$schema"] = {"type": "string"}
        one.setdefault("required", []).insert(0, "loai")
        defs[cls.__name__] = one
        branches.append({"$ref": f"#/$defs/{cls.__name__}"})
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "vnadmin_docs: văn bản hành chính (Nghị định 30/2020/NĐ-CP)",
        "oneOf": branches,
        "$defs": defs,
    }
