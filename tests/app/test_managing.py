"""The managing body's side: plan kit, aggregation across schools, batch dossiers, Dask."""

from __future__ import annotations

import json
import sys
import zipfile
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest

from tests.helpers import EXAMPLES, docx_text
from vnadmin_docs import check
from vnadmin_docs.app.batch import BatchOptions, build_batch
from vnadmin_docs.app.loading import load_dossier
from vnadmin_docs.app.managing import load_school_results
from vnadmin_docs.assessment.aggregation import cap_hoc_tu_ten, phan_tram_lam_tron, tong_hop
from vnadmin_docs.cli import main as cli
from vnadmin_docs.io import load_indicator_set

sys.path.insert(0, str(EXAMPLES))
import generate_schools

PLAN = EXAMPLES / "ba-dinh-2024-2025" / "ke-hoach.yaml"
BO = load_indicator_set("qd-4725-2022")


def test_plan_kit(tmp_path: Path) -> None:
    assert cli(["plan", str(PLAN), "-o", str(tmp_path)]) == 0
    kh, cv = tmp_path / "ke-hoach.docx", tmp_path / "cong-van.docx"
    assert check(kh) == [] and check(cv) == []
    text = docx_text(kh)
    for phrase in (
        "Số:    /KH-PGDĐT",
        "Ba Đình, ngày    tháng 3 năm 2025",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "III. TỔ CHỨC THỰC HIỆN",
        "PHÒNG GDĐT",
        "CÁC CƠ SỞ GIÁO DỤC TRÊN ĐỊA BÀN QUẬN BA ĐÌNH",
        "Trước 31/3/2025",
        "Hướng dẫn thực hiện",
        "Chủ trì",
        "Lê Đức Thuận",
        "đ/c Nguyễn Bích Ngọc - Chuyên viên phụ trách",
    ):
        assert phrase in text, phrase
    text = docx_text(cv)
    for phrase in (
        "V/v tổng kết, báo cáo kết quả đánh giá mức độ chuyển đổi số",
        "Kính gửi:",
        "Số:    /PGDĐT-VP",
        "theo Đề cương tại Phụ lục I.",
        "để tổng hợp theo Phụ lục II.",
        "Phụ lục I",
        "Phụ lục II",
        "Mức đáp ứng tốt (Mức độ 3)",
        "+ Tiểu học",
        "+ THCS",
        "Tỷ lệ %",
    ):
        assert phrase in text, phrase
    assert "Phụ lục 1" not in text and "Phụ lục 2" not in text


def test_plan_kit_of_a_commune(tmp_path: Path) -> None:
    plan = EXAMPLES / "xa-xuan-dong-2025-2026" / "ke-hoach.yaml"
    assert cli(["plan", str(plan), "-o", str(tmp_path)]) == 0
    kh, cv = tmp_path / "ke-hoach.docx", tmp_path / "cong-van.docx"
    assert check(kh) == [] and check(cv) == []
    text = docx_text(kh)
    for phrase in (
        "ỦY BAN NHÂN DÂN XÃ XUÂN ĐÔNG",
        "Số:    /KH-UBND",
        "Xuân Đông, ngày    tháng 02 năm 2026",
        "Triển khai đánh giá mức độ chuyển đổi số các cơ sở giáo dục trên địa bàn xã Xuân Đông "
        "năm học 2025-2026",
        "1. Phòng Văn hóa - Xã hội",
        "- Tham mưu UBND xã Xuân Đông ban hành Kế hoạch; hướng dẫn các trường mầm non, tiểu học, "
        "trung học cơ sở trên địa bàn xã Xuân Đông tổ chức tự đánh giá mức độ chuyển đổi số theo "
        "Bộ chỉ số.",
        "ỦY BAN NHÂN DÂN XÃ XUÂN ĐÔNG (PHÒNG VĂN HÓA - XÃ HỘI)",
        "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH",
        "- Lưu: VT, VHXH.",
    ):
        assert phrase in text, phrase
    for word in ("Phòng GDĐT", "Phòng Giáo dục", "PHÒNG GIÁO DỤC", "quận", "huyện"):
        assert word not in text, word
    text = docx_text(cv)
    assert "Số:    /UBND-VHXH" in text
    assert "Kính gửi: Các cơ sở giáo dục trên địa bàn xã Xuân Đông" in text
    assert "quận" not in text and "huyện" not in text and "Phòng GDĐT" not in text


def test_plan_kit_of_a_so(tmp_path: Path) -> None:
    plan = EXAMPLES / "so-hai-phong-2025-2026" / "ke-hoach.yaml"
    assert cli(["plan", str(plan), "-o", str(tmp_path)]) == 0
    kh, cv = tmp_path / "ke-hoach.docx", tmp_path / "cong-van.docx"
    assert check(kh) == [] and check(cv) == []
    text = docx_text(kh)
    for phrase in (
        "UBND THÀNH PHỐ HẢI PHÒNG\nSỞ GIÁO DỤC VÀ ĐÀO TẠO",
        "Số:    /KH-SGDĐT",
        "1. Sở Giáo dục và Đào tạo",
        "- Ban hành Kế hoạch, chỉ đạo, hướng dẫn các trường trung học phổ thông, các trung tâm "
        "giáo dục nghề nghiệp - giáo dục thường xuyên trên địa bàn thành phố Hải Phòng tổ chức tự "
        "đánh giá mức độ chuyển đổi số theo Bộ chỉ số.",
        "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC",
    ):
        assert phrase in text, phrase
    for word in ("Phòng GDĐT", "quận", "huyện"):
        assert word not in text, word
    assert "Số:    /SGDĐT-VP" in docx_text(cv) and "+ THPT" in docx_text(cv)


def test_a_plan_without_a_drafting_unit_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "ke-hoach.yaml"
    text = PLAN.read_text(encoding="utf-8")
    source.write_text("\n".join(x for x in text.splitlines() if "don_vi_soan_thao" not in x))
    assert cli(["plan", str(source), "-o", str(tmp_path / "out")]) == 2
    assert (
        "don_vi_soan_thao (dòng 4): bộ kế hoạch có công văn, mà ký hiệu công văn phải có đơn vị soạn thảo "
        "(Số: …/PGDĐT-<đơn vị>): ghi don_vi_soan_thao (ví dụ VP)"
    ) in capsys.readouterr().err


def test_percentages_add_up() -> None:
    for counts in ([1, 1, 1], [2, 4, 3], [0, 0, 7], [0, 0, 0], [1, 2], [5, 3, 3, 3, 1]):
        pct = phan_tram_lam_tron(counts)
        assert sum(pct) == (100 if sum(counts) else 0)
        for c, p in zip(counts, pct, strict=True):
            assert abs(p - Decimal(c) * 100 / max(sum(counts), 1)) < Decimal("0.1")
    assert cap_hoc_tu_ten("Trường Mầm non Hoa Sen") == "Mầm non"
    assert cap_hoc_tu_ten("Trường Tiểu học Ngọc Hà") == "Tiểu học"


def test_aggregation_is_recomputed_independently(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = generate_schools.generate(24, tmp_path / "schools", seed=7)
    (tmp_path / "broken.yaml").write_text("nam_hoc: [", encoding="utf-8")
    duplicate = tmp_path / "dup.yaml"
    duplicate.write_text(paths[0].read_text(encoding="utf-8"), encoding="utf-8")
    inputs = [*paths, tmp_path / "broken.yaml", duplicate]
    assert (
        cli(["aggregate", *map(str, inputs), "-o", str(tmp_path / "out"), "--json", "--docx-only"])
        == 1
    )
    captured = capsys.readouterr()
    data = json.loads(captured.out)
    assert "broken.yaml" in captured.err and "Trùng" in captured.err
    assert data["so_truong"] == 24
    # the independent recount: score each school on its own
    expected: dict[str, Counter[tuple[str, int]]] = {"1": Counter(), "2": Counter()}
    for path in paths:
        dossier = load_dossier(path)
        ho_so, sc = dossier.ho_so, dossier.scorecard
        for g in sc.groups:
            expected[g.code][(ho_so.cap_hoc or "", g.level)] += 1
    for group in data["groups"]:
        total = Counter({lv: n for lv, n in group["counts"].items()})
        assert sum(total.values()) == 24
        for level, n in total.items():
            assert n == sum(
                c for (cap, lv), c in expected[group["code"]].items() if lv == int(level)
            )
        for cap, values in group["by_level"].items():
            assert values["counts"] == [expected[group["code"]][(cap, lv)] for lv in (1, 2, 3)]
            assert sum(Decimal(str(p)) for p in values["percent"]) in (Decimal(100), Decimal(0))
    assert len(data["broken"]) == 1 and len(data["duplicates"]) == 1
    assert (tmp_path / "out" / "bang-tong-hop.docx").is_file()


def test_spreadsheets_and_scorecards(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["don_vi", "cap_hoc", "nhom_1", "nhom_2", "bat_buoc_1", "bat_buoc_2"])
    sheet.append(["Trường Tiểu học A", "Tiểu học", 75, 75.5, "đạt", "đạt"])
    sheet.append(["Trường THCS B", None, 80, 90, "chưa đạt", "đạt"])
    sheet.append(["Trường THCS C", "THCS", "nhiều", 101, "đạt", "có lẽ"])
    book.save(tmp_path / "ket-qua.xlsx")
    scorecard = tmp_path / "sc.json"
    assert (
        cli(["score", str(EXAMPLES / "quyet-tien-2023-2024" / "tu-danh-gia.yaml"), "--json"]) == 0
    )
    wrong = tmp_path / "wrong.json"
    wrong.write_text(
        json.dumps({"don_vi": "Trường D", "groups": [{"code": "1", "points": 59, "level": 3}]})
    )
    results, broken = load_school_results([tmp_path / "ket-qua.xlsx", wrong], bo=BO)
    by_name = {r.don_vi: r for r in results}
    assert [g.level for g in by_name["Trường Tiểu học A"].groups] == [2, 3]  # 75 → 2, 75.5 → 3
    assert [g.level for g in by_name["Trường THCS B"].groups] == [1, 3]  # mandatory unmet → 1
    assert by_name["Trường THCS B"].cap_hoc == "THCS"
    problems = {where: [str(p) for p in ps] for where, ps in broken}
    assert len(problems["ket-qua.xlsx:dòng 4"]) == 3
    assert any("mức độ 3 không khớp điểm 59" in p for p in problems[str(wrong)])
    th = tong_hop(results, BO)
    assert [g.total for g in th.groups] == [(1, 1, 0), (0, 0, 2)]
    assert th.unmet == (("Trường THCS B", ("1",)),)
    del scorecard


def test_batch_keeps_going_and_skips_what_is_up_to_date(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = generate_schools.generate(4, tmp_path / "schools", seed=3)
    paths[2].write_text("nam_hoc: 2024-2025\n", encoding="utf-8")
    out = tmp_path / "out"
    args = ["batch", *map(str, paths), "-o", str(out), "--docx-only", "--workers", "2"]
    assert cli(args) == 1
    captured = capsys.readouterr()
    assert "Đã tạo 3, bỏ qua (đã mới nhất) 0, lỗi 1 trên 4 hồ sơ" in captured.out
    assert "truong-0003" in captured.err and "thiếu trường bắt buộc" in captured.err
    assert sorted(p.name for p in out.iterdir()) == ["truong-0001", "truong-0002", "truong-0004"]
    assert cli(args) == 1
    assert "Đã tạo 0, bỏ qua (đã mới nhất) 3, lỗi 1" in capsys.readouterr().out
    paths[0].touch()  # an input changed: rebuilt
    assert cli(args) == 1
    assert "Đã tạo 1, bỏ qua (đã mới nhất) 2, lỗi 1" in capsys.readouterr().out


@pytest.mark.e2e
def test_batch_pdfs_with_two_workers(
    soffice: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = generate_schools.generate(3, tmp_path / "schools", seed=5)
    assert cli(["batch", *map(str, paths), "-o", str(tmp_path / "out"), "--workers", "2"]) == 0
    for folder in (tmp_path / "out").iterdir():
        assert (folder / "ho-so.pdf").is_file()
        assert not list(folder.glob(".*.tmp"))


@pytest.mark.slow
def test_dask_produces_the_same_files(tmp_path: Path) -> None:
    from distributed import Client, LocalCluster

    paths = generate_schools.generate(3, tmp_path / "schools", seed=11)
    options = BatchOptions(soffice=None, uno_python=None, font=None, profiles=None, docx_only=True)
    local = build_batch(paths, tmp_path / "local", options)
    cluster = LocalCluster(  # type: ignore[no-untyped-call]
        n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None
    )
    with cluster, Client(cluster) as client:  # type: ignore[no-untyped-call]
        executor = client.get_executor(pure=False)
        dask = build_batch(paths, tmp_path / "dask", options, executor=executor)
    assert [o.status for o in local] == [o.status for o in dask] == ["built"] * 3
    for folder in (tmp_path / "local").iterdir():
        for docx in folder.glob("*.docx"):
            twin = tmp_path / "dask" / folder.name / docx.name
            with zipfile.ZipFile(docx) as a, zipfile.ZipFile(twin) as b:
                assert a.read("word/document.xml") == b.read("word/document.xml"), docx.name


def test_a_row_with_a_control_character_is_reported(tmp_path: Path) -> None:
    rows = tmp_path / "ket-qua.csv"
    rows.write_text(
        "don_vi,cap_hoc,nhom_1,nhom_2,bat_buoc_1,bat_buoc_2\n"
        "Trường THCS A,THCS,80,90,đạt,đạt\n"
        "Trường THCS B\x07,THCS,80,90,đạt,đạt\n",
        encoding="utf-8",
    )
    results, broken = load_school_results([rows], bo=BO)
    assert [r.don_vi for r in results] == ["Trường THCS A"]
    [(where, problems)] = broken
    assert where == "ket-qua.csv:dòng 3"
    assert [p.path for p in problems] == ["ket-qua.csv:dòng 3.don_vi"]
    assert "U+0007" in str(problems[0])


def test_reading_in_two_processes_gives_the_same_results_in_the_same_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 12: a long list is shared between processes; nothing changes but the time."""
    import os

    forks: list[int] = []
    fork = os.fork

    def counted() -> int:
        pid = fork()
        if pid:
            forks.append(pid)
        return pid

    monkeypatch.setattr(os, "fork", counted)
    paths = generate_schools.generate(150, tmp_path / "schools", seed=5)
    scorecards = []
    for i in range(150):
        path = tmp_path / "json" / f"{i:03d}.json"
        path.parent.mkdir(exist_ok=True)
        groups = [{"code": c, "points": (i * 7 + int(c) * 13) % 100, "mandatory_met": i % 9 > 0}
                  for c in ("1", "2")]  # fmt: skip
        path.write_text(json.dumps({"don_vi": f"Trường THCS Số {i}", "groups": groups}))
        scorecards.append(path)
    (tmp_path / "broken.yaml").write_text("nam_hoc: [", encoding="utf-8")
    inputs = [*paths[:75], tmp_path / "broken.yaml", *scorecards, *paths[75:], tmp_path / "x.json"]
    one = load_school_results(inputs, bo=BO)
    assert forks == []
    two = load_school_results(inputs, bo=BO, workers=2)
    assert len(forks) == 1  # the second half was read in another process
    assert len(one[0]) == 300 and [s for s, _ in one[1]] == [str(inputs[75]), str(inputs[-1])]
    assert one == two
    out1, out2 = tmp_path / "out1", tmp_path / "out2"
    for out, workers in ((out1, "1"), (out2, "3")):
        code = cli(["aggregate", *map(str, inputs), "-o", str(out), "--docx-only",
                    "--workers", workers])  # fmt: skip
        assert code == 1  # two files could not be read
    assert (out1 / "tong-hop.json").read_bytes() == (out2 / "tong-hop.json").read_bytes()


def test_a_bug_in_the_other_process_is_raised_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What the forked reader raises (a bug, not a bad file) comes back as the same error."""
    from vnadmin_docs.app import managing

    paths = generate_schools.generate(220, tmp_path / "schools", seed=6)
    one = managing._one

    def failing(path: Path, suffix: str, context: object) -> object:
        if path == paths[-1]:
            raise RuntimeError("lỗi thử")
        return one(path, suffix, context)  # type: ignore[arg-type]

    monkeypatch.setattr(managing, "_one", failing)
    with pytest.raises(RuntimeError, match="lỗi thử"):
        load_school_results(paths, bo=BO, workers=2)
