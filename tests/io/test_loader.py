"""Broken inputs give every problem at once, in Vietnamese, with paths and lines; exit 2; no file."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from tests.helpers import DOCUMENTS, EXAMPLES
from vnadmin_docs.cli import main as cli
from vnadmin_docs.errors import InputError
from vnadmin_docs.io import load_document

GOOD = """\
loai: to_trinh
co_quan: {ten: Trường THCS Quyết Tiến, viet_tat: THCSQT, dia_danh: Quyết Tiến}
so: 1
ngay: 2024-02-05
trich_yeu: Về việc đề nghị công nhận
kinh_gui: [Phòng GDĐT huyện Tiên Lãng]
nguoi_ky: {chuc_vu: Hiệu trưởng, ho_ten: Lương Anh Khương}
noi_dung: Kính trình.
"""


def run(
    tmp_path: Path, text: str, capsys: pytest.CaptureFixture[str], name: str = "in.yaml"
) -> tuple[int, str, Path]:
    source = tmp_path / name
    source.write_text(text, encoding="utf-8")
    out = tmp_path / "out.docx"
    code = cli(["render", str(source), "-o", str(out)])
    return code, capsys.readouterr().err, out


def test_good_input_renders(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, err, out = run(tmp_path, GOOD, capsys)
    assert code == 0 and err == "" and out.is_file()


BROKEN = {
    "wrong types": (
        GOOD.replace("so: 1", "so: một").replace(
            "kinh_gui: [Phòng GDĐT huyện Tiên Lãng]", "kinh_gui: Phòng GDĐT"
        ),
        ["so (dòng 3): phải là số nguyên", "kinh_gui (dòng 6): phải là danh sách"],
    ),
    "missing fields": (
        GOOD.replace("trich_yeu: Về việc đề nghị công nhận\n", "").replace(
            "{chuc_vu: Hiệu trưởng, ho_ten: Lương Anh Khương}", "{chuc_vu: Hiệu trưởng}"
        ),
        [
            "trich_yeu (dòng 1): thiếu trường bắt buộc",
            "nguoi_ky.ho_ten (dòng 6): thiếu trường bắt buộc",
        ],
    ),
    "unknown document type": (
        GOOD.replace("loai: to_trinh", "loai: giay_moi"),
        ["loai (dòng 1): loại văn bản không hợp lệ 'giay_moi'; chọn một trong: ke_hoach"],
    ),
    "missing document type": (
        GOOD.replace("loai: to_trinh\n", ""),
        ["loai (dòng 1): thiếu loại văn bản; chọn một trong: ke_hoach"],
    ),
    "bad số/ký hiệu": (
        GOOD.replace("so: 1", "so: -4\nky_hieu: TTr THCS.QT"),
        [
            "so (dòng 3): số văn bản phải là số nguyên dương",
            "ky_hieu (dòng 4): ký hiệu 'TTr THCS.QT' không hợp lệ",
        ],
    ),
    "invalid dates": (
        GOOD.replace("ngay: 2024-02-05", "ngay: 2024-02-30"),
        ["ngay (dòng 4): ngày không hợp lệ: 2024-02-30 (tháng 2/2024 có 29 ngày)"],
    ),
    "malformed YAML": (
        GOOD.replace("noi_dung: Kính trình.", "noi_dung: [Kính trình."),
        ["(gốc) (dòng 9): tệp YAML không hợp lệ"],
    ),
    "unknown field with a suggestion": (
        GOOD + "noi_nhann: [a]\n",
        ["noi_nhann (dòng 9): trường không có trong định dạng tệp (có phải là 'noi_nhan'?)"],
    ),
    "item of the wrong type": (
        GOOD + "noi_nhan:\n  - Phòng GDĐT\n  - {a: 1}\n",
        ["noi_nhan[1] (dòng 11): phải là chuỗi ký tự"],
    ),
    "duplicate key": (GOOD + "so: 2\n", ["so (dòng 9): khóa bị lặp lại"]),
    "control character": (
        GOOD + 'noi_nhan:\n  - Phòng GDĐT\n  - "Lưu: VT\\x07"\n',
        ["noi_nhan[1] (dòng 11): chứa ký tự điều khiển U+0007, không thể đưa vào văn bản"],
    ),
    "control character typed into the file": (
        GOOD.replace("Kính trình.", "Kính\x1b trình."),
        ["(gốc) (dòng 9): tệp chứa ký tự điều khiển U+001B"],
    ),
    "signer authority without whom": (
        GOOD.replace("{chuc_vu: Hiệu trưởng,", "{tham_quyen: KT, chuc_vu: Phó Hiệu trưởng,"),
        ["nguoi_ky.thay_mat (dòng 7): ký KT. phải ghi ký thay mặt/thay ai"],
    ),
}


@pytest.mark.parametrize("name", list(BROKEN))
def test_broken_inputs(name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text, expected = BROKEN[name]
    code, err, out = run(tmp_path, text, capsys)
    assert code == 2
    for message in expected:
        assert message in err, err
    assert err.startswith(f"Lỗi: {tmp_path / 'in.yaml'}: ")
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.yaml"]


def test_all_problems_at_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = (
        GOOD.replace("so: 1", "so: x")
        .replace("ngay: 2024-02-05", "ngay: 2024-13-01")
        .replace("trich_yeu: Về việc đề nghị công nhận", "trich_yeu: ''")
        .replace("viet_tat: THCSQT", "viet_tat: THCS QT")
        + "thua: 1\n"
    )
    code, err, _ = run(tmp_path, text, capsys)
    assert code == 2
    assert "5 lỗi trong dữ liệu đầu vào" in err
    for path in ("co_quan.viet_tat", "so (", "ngay (", "trich_yeu (", "thua ("):
        assert path in err


def test_json_input_and_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import yaml

    data = yaml.safe_load(GOOD)
    data["ngay"] = "2024-02-05"
    code, _, out = run(tmp_path, json.dumps(data, ensure_ascii=False, indent=2), capsys, "in.json")
    assert code == 0 and out.is_file()
    out.unlink()
    data["so"] = "một"
    code, err, out = run(
        tmp_path, json.dumps(data, ensure_ascii=False, indent=2), capsys, "in.json"
    )
    assert code == 2 and "so (dòng" in err and not out.exists()
    code, err, _ = run(tmp_path, '{"loai": "to_trinh",', capsys, "in.json")
    assert code == 2 and "tệp JSON không hợp lệ" in err


def test_nfd_input_is_normalised(tmp_path: Path) -> None:
    source = tmp_path / "nfd.yaml"
    source.write_text(unicodedata.normalize("NFD", GOOD), encoding="utf-8")
    doc = load_document(source)
    assert doc.co_quan.ten == "Trường THCS Quyết Tiến"


def test_missing_file_and_not_utf8(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="không tìm thấy tệp"):
        load_document(tmp_path / "none.yaml")
    bad = tmp_path / "latin1.yaml"
    bad.write_bytes("trich_yeu: Tr\xfd".encode("latin-1"))
    with pytest.raises(InputError, match="UTF-8"):
        load_document(bad)


def test_schema_describes_every_type(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    consts = {
        schema["$defs"][b["$ref"].split("/")[-1]]["properties"]["loai"]["const"]
        for b in schema["oneOf"]
    }
    assert consts == {"ke_hoach", "bao_cao", "quyet_dinh", "bien_ban", "to_trinh", "cong_van"}
    assert schema["$defs"]["CoQuan"]["additionalProperties"] is False


def test_examples_validate_against_the_schema() -> None:
    import jsonschema
    import yaml

    from vnadmin_docs.io import schema

    validator = jsonschema.Draft202012Validator(schema())
    for path in DOCUMENTS:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        errors = [
            e.message for e in validator.iter_errors(json.loads(json.dumps(data, default=str)))
        ]
        assert errors == [], (path.name, errors)


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        cli(["render"])
    assert info.value.code == 2
    assert "lỗi" in capsys.readouterr().err


def _texts(value: object) -> list[str]:
    """Every text in a record, its lists and mappings."""
    import dataclasses

    if isinstance(value, str):
        return [value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return [t for f in dataclasses.fields(value) for t in _texts(getattr(value, f.name))]
    if isinstance(value, list | tuple):
        return [t for v in value for t in _texts(v)]
    if isinstance(value, dict):
        return [t for k, v in value.items() for t in (*_texts(k), *_texts(v))]
    return []


def test_an_nfd_dossier_is_nfc_when_read_through_the_settled_path(tmp_path: Path) -> None:
    """Issue 12: records built from what the reader already normalised skip their own pass;
    every text of the dossier read from an NFD file is NFC all the same."""
    import shutil

    from vnadmin_docs.app.loading import load_dossier, score_dossier

    folder = tmp_path / "qt"
    shutil.copytree(EXAMPLES / "quyet-tien-2023-2024", folder)
    for path in folder.glob("*.yaml"):
        path.write_text(unicodedata.normalize("NFD", path.read_text(encoding="utf-8")),
                        encoding="utf-8")  # fmt: skip
    dossier = load_dossier(folder / "ho-so.yaml")
    ho_so, _, scorecard = score_dossier(folder / "ho-so.yaml")
    texts = _texts(dossier.ho_so) + _texts(ho_so)
    assert len(texts) >= 50 and "Trường THCS Quyết Tiến" in texts
    assert all(unicodedata.is_normalized("NFC", t) for t in texts)
    assert [g.points for g in scorecard.groups] == [59, 94]
