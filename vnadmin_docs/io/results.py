"""Reading many schools' results without their dossiers: a spreadsheet (.csv/.xlsx) with a row
per school (``don_vi``, ``cap_hoc``, ``nhom_1``, ``nhom_2``… and optional ``bat_buoc_1``…), or the
scorecard JSON a school sends (``score --json``, current or earlier form). A spreadsheet may add
``nam_hoc`` and ``bo_chi_so`` columns; without them its rows are taken to be of the
aggregation's year and set (the managing body's own table). Each is checked
against its indicator set; a row or file that cannot be counted comes back with its problems."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..assessment.aggregation import KetQuaTruong, NhomKetQua, cap_hoc_tu_ten
from ..assessment.scorecard import upgrade_json
from ..assessment.scoring import level_for
from ..assessment.sets import BoChiSo
from ..errors import InputError, Problem
from ..model.danh_gia import BO_CHI_SO_MAC_DINH
from ..vn.text import forbidden_character, forbidden_message, nfc
from .files import load_data
from .problems import ReadCache
from .sets import load_indicator_set
from .sheet_headers import column_keys, is_blank, read_sheet

if TYPE_CHECKING:
    from ..model.ke_hoach import CoSo

__all__ = ["SchoolProblems", "read_result_rows", "read_school_list", "read_scorecard_json"]


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
    """The rows of a spreadsheet under its headers as written (see :mod:`.sheet_headers`)."""
    return [row for _, row in read_sheet(path).records()]


def _from_row(row: dict[str, object], bo: BoChiSo, where: str) -> KetQuaTruong:
    problems = []
    name = nfc(str(row.get("don_vi") or "").strip())
    if not name:
        problems.append(Problem(f"{where}.don_vi", "thiếu tên đơn vị"))
    for column in ("don_vi", "cap_hoc"):
        if code := forbidden_character(str(row.get(column) or "")):
            problems.append(Problem(f"{where}.{column}", forbidden_message(code)))
    groups = []
    if all(is_blank(v) for v in row.values()):
        raise InputError([Problem(where, "dòng không có dữ liệu (ô trống hoặc 'nan'); bỏ qua")])
    for nhom in bo.nhom:
        column = f"nhom_{nhom.ma}"
        raw = row.get(column)
        points: Decimal | None = None
        try:
            points = None if is_blank(raw) else Decimal(str(raw).replace(",", ".").strip())
        except ArithmeticError:
            problems.append(Problem(f"{where}.{column}", f"điểm phải là số, không phải {raw!r}"))
        if is_blank(raw):
            problems.append(Problem(f"{where}.{column}", f"thiếu điểm nhóm {nhom.ma}"))
        elif points is not None and not points.is_finite():
            problems.append(Problem(f"{where}.{column}", f"điểm phải là số, không phải {raw!r}"))
            points = None
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
    criteria = _criteria(row, bo, where)  # optional ``Tiêu chí 1.1`` columns
    cap = nfc(str(row.get("cap_hoc") or "").strip()) or cap_hoc_tu_ten(name)
    year = str(row.get("nam_hoc") or "").strip() or None
    code = str(row.get("bo_chi_so") or "").strip() or None
    return KetQuaTruong(name, cap, where, tuple(groups), criteria, nam_hoc=year, bo_chi_so=code)


def _criteria(row: dict[str, object], bo: BoChiSo, where: str) -> dict[str, Decimal]:
    found: dict[str, Decimal] = {}
    problems = []
    for _, tc in bo.tieu_chi():
        raw = row.get(f"tieu_chi_{tc.ma}")
        if is_blank(raw):
            continue
        try:
            points = Decimal(str(raw).replace(",", ".").strip())
        except ArithmeticError:
            points = Decimal("NaN")
        top = tc.toi_da if tc.toi_da is not None else Decimal("Infinity")
        if not points.is_finite() or not 0 <= points <= top:
            message = f"điểm tiêu chí {tc.ma} phải là số từ 0 đến {top}, không phải {raw!r}"
            problems.append(Problem(f"{where}.tieu_chi_{tc.ma}", message))
            continue
        found[tc.ma] = points
    if problems:
        raise InputError(problems)
    return found


def _number(value: Any) -> Decimal | None:
    """A JSON number as a Decimal (``None`` for anything else: text, booleans, objects)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    number = Decimal(str(value))
    return number if number.is_finite() else None


def _from_scorecard_json(
    raw: dict[str, Any], source: str, base: Path, cache: ReadCache | None
) -> KetQuaTruong:
    """One school's result from its scorecard JSON, validated as strictly as a scored
    assessment: every group of the set present once, points numbers within their maximum,
    known codes, booleans as booleans, a level that matches its points."""
    data = upgrade_json(raw) if isinstance(raw, dict) else raw
    if not isinstance(data, dict) or "nhom" not in data or "don_vi" not in data:
        raise InputError([Problem("", "không phải kết quả chấm điểm (thiếu don_vi, nhom)")])
    name = str(data.get("bo_chi_so", BO_CHI_SO_MAC_DINH))
    bo = load_indicator_set(name, base=base, cache=cache)
    problems: list[Problem] = []
    unit = nfc(str(data["don_vi"])).strip() if isinstance(data["don_vi"], str) else ""
    if not unit:
        problems.append(Problem("don_vi", "thiếu tên đơn vị (chuỗi ký tự)"))
    groups: list[NhomKetQua] = []
    maxima, criterion_max = bo.toi_da_nhom, bo.toi_da_tieu_chi
    rows = data["nhom"] if isinstance(data["nhom"], list) else None
    if rows is None:
        problems.append(Problem("nhom", "phải là danh sách các nhóm tiêu chí"))
        rows = []
    for i, g in enumerate(rows):
        if not isinstance(g, dict):
            problems.append(Problem(f"nhom[{i}]", "phải là một nhóm trường (ma, diem…)"))
            continue
        code = str(g.get("ma"))
        if code not in maxima:
            problems.append(
                Problem(f"nhom[{i}].ma", f"nhóm {code!r} không có trong bộ chỉ số {bo.ma}")
            )
            continue
        if any(x.code == code for x in groups):
            problems.append(Problem(f"nhom[{i}].ma", f"nhóm {code!r} ghi hai lần"))
            continue
        points = _number(g.get("diem"))
        if points is None or not 0 <= points <= maxima[code]:
            message = f"điểm phải là số từ 0 đến {maxima[code]}, không phải {g.get('diem')!r}"
            problems.append(Problem(f"nhom[{i}].diem", message))
            continue
        met = g.get("dat_bat_buoc", True)
        if not isinstance(met, bool):
            problems.append(Problem(f"nhom[{i}].dat_bat_buoc", "phải là true hoặc false"))
            continue
        level = level_for(bo, points, mandatory_met=met)
        written = g.get("muc_do")
        if written is not None and (isinstance(written, bool) or written != level):
            problems.append(Problem(f"nhom[{i}].muc_do",
                                    f"mức độ {written!r} không khớp điểm {points} (phải là mức độ {level})"))  # fmt: skip
        groups.append(NhomKetQua(code, points, level, met))
    missing = [ma for ma in maxima if ma not in {x.code for x in groups}]
    if missing and not problems:
        problems.append(Problem("nhom", f"thiếu nhóm tiêu chí {', '.join(missing)}"))
    criteria: dict[str, Decimal] = {}
    listed = data.get("tieu_chi", [])
    for i, c in enumerate(listed if isinstance(listed, list) else []):
        if not isinstance(c, dict) or c.get("diem") is None:
            continue
        code = str(c.get("ma"))
        points = _number(c.get("diem"))
        if code not in criterion_max:
            problems.append(Problem(f"tieu_chi[{i}].ma", f"tiêu chí {code!r} không tính điểm "
                                    f"trong bộ chỉ số {bo.ma}"))  # fmt: skip
        elif points is None or not 0 <= points <= criterion_max[code]:
            problems.append(Problem(f"tieu_chi[{i}].diem",
                                    f"điểm phải là số từ 0 đến {criterion_max[code]}"))  # fmt: skip
        else:
            criteria[code] = points
    if problems:
        raise InputError(problems)
    cap = data.get("cap_hoc") or cap_hoc_tu_ten(unit)
    year = str(data["nam_hoc"]) if data.get("nam_hoc") else None
    return KetQuaTruong(unit, str(cap), source, tuple(groups), criteria, year, bo.ma)


def read_result_rows(path: Path, bo: BoChiSo) -> tuple[list[KetQuaTruong], list[SchoolProblems]]:
    """Every row of a results spreadsheet: the schools counted and the rows that cannot be
    (a row that cannot be read is reported and the next rows are read all the same)."""
    sheet = read_sheet(path)
    groups = {n.ma: n.ten for n in bo.nhom}
    keys, problems = column_keys(sheet.header, groups, [tc.ma for _, tc in bo.tieu_chi()],
                                 f"{path.name}:dòng {sheet.header_line}")  # fmt: skip
    missing = [k for k in ("don_vi", *(f"nhom_{g}" for g in groups)) if k not in keys]
    if missing:
        wanted = ", ".join("Tên đơn vị" if k == "don_vi" else f"Nhóm {k[5:]}" for k in missing)
        message = (
            f"không tìm thấy cột {wanted} (dòng tiêu đề: {', '.join(sheet.header) or 'trống'})"
        )
        problems.append(Problem(f"{path.name}:dòng {sheet.header_line or 1}", message))
    if problems:
        raise InputError(problems, source=str(path))
    results: list[KetQuaTruong] = []
    broken: list[SchoolProblems] = []
    for n, row in sheet.records(keys):
        where = f"{path.name}:dòng {n}"
        try:
            results.append(_from_row(row, bo, where))
        except InputError as exc:
            broken.append((where, exc.problems))
        except (ValueError, TypeError, ArithmeticError) as exc:  # never lose the later rows
            broken.append((where, (Problem(where, f"không đọc được dòng: {exc}"),)))
    return results, broken


def read_scorecard_json(path: Path, *, cache: ReadCache | None = None) -> KetQuaTruong:
    """One school's result from its scorecard JSON, checked against its indicator set."""
    data, _ = load_data(path, with_lines=False)
    return _from_scorecard_json(data, str(path), path.parent, cache)


def read_school_list(path: Path) -> list[CoSo]:
    """The schools an aggregation expects, from a file other than a plan: ``.txt`` (one name
    a line), ``.csv``/``.xlsx`` (columns ``ten``, optional ``cap_hoc``), or ``.yaml``/``.json``
    (a list of names or of ``{ten, cap_hoc}``, or a mapping with ``co_so``). The school level
    is guessed from the name when not given."""
    from ..model.ke_hoach import CoSo  # the plan's model: only for a list of schools

    suffix = path.suffix.lower()
    entries: list[object]
    if suffix == ".txt":
        entries = [line.strip() for line in path.read_text(encoding="utf-8-sig").splitlines()]
    elif suffix in (".csv", ".xlsx"):
        entries = list(_rows(path))
    else:
        data, _ = load_data(path)
        entries = data.get("co_so", []) if isinstance(data, dict) else data
        if not isinstance(entries, list):
            raise InputError(
                [Problem("", "danh sách cơ sở phải là một danh sách")], source=str(path)
            )
    schools = []
    problems = []
    for i, entry in enumerate(entries):
        row = entry if isinstance(entry, dict) else {"ten": entry}
        name = nfc(str(row.get("ten") or "").strip())
        if not name:
            if isinstance(entry, str):
                continue  # a blank line
            problems.append(Problem(f"[{i}].ten", "thiếu tên cơ sở"))
            continue
        cap = nfc(str(row.get("cap_hoc") or "").strip()) or cap_hoc_tu_ten(name)
        schools.append(CoSo(ten=name, cap_hoc=cap))
    if problems:
        raise InputError(problems, source=str(path))
    return schools
