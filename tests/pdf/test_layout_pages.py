"""The layout on real pages: 30 dossiers (and 6 ordinary ones) that differ in what strains a layout (names from short
to very long, some with typed line breaks; 0–6 căn cứ; 1–15 members; added prose; signing
as head, KT., Q., TM.; the scores), converted by the real LibreOffice. On every page the
signer's name is with the signer's title, no page holds fewer than 3 lines, and the page
check (:mod:`vnadmin_docs.pdf.page_check`) finds nothing."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml

from tests.helpers import EXAMPLES
from tests.pages import near_empty, page_lines, split_signatures
from vnadmin_docs.cli import main as cli
from vnadmin_docs.model.parts import NguoiKy, ThamQuyen
from vnadmin_docs.pdf.page_check import check_pages

sys.path.insert(0, str(EXAMPLES))
import generate_schools

COUNT = 30
ORDINARY = 6


def _signers(source: Path) -> list[tuple[str, str]]:
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    head = data["thu_truong"]
    signer = NguoiKy(
        chuc_vu=head["chuc_vu"],
        ho_ten=head["ho_ten"],
        tham_quyen=ThamQuyen(head.get("tham_quyen", "")),
        thay_mat=head.get("thay_mat"),
    )
    council = data["hoi_dong"]
    return [
        *((line, signer.ho_ten) for line in signer.dong_chuc_danh),
        ("THƯ KÝ", council["thu_ky"]["ho_ten"]),
        ("CHỦ TỌA", council["chu_tich"]["ho_ten"]),
    ]


def test_the_checks_catch_a_split_signature_and_a_near_empty_page() -> None:
    pages = [["Điều 3. Thi hành.", "Nơi nhận:", "HIỆU TRƯỞNG"], ["Lương Anh Khương"]]
    assert split_signatures(pages, [("HIỆU TRƯỞNG", "Lương Anh Khương")]) == [
        "page 1: 'HIỆU TRƯỞNG' without 'Lương Anh Khương'",
        "page 1: 'Nơi nhận:' without a signer's name",
    ]
    assert near_empty(pages) == ["page 2: 1 lines ['Lương Anh Khương']"]


@pytest.fixture(scope="module")
def varied(soffice: str, tmp_path_factory: pytest.TempPathFactory) -> dict[Path, Path]:
    """The 30 varied dossiers and 6 ordinary ones ("Trường Tiểu học Chu Văn An số 11": a
    proper name of five words), built by one batch: source → ho-so.pdf."""
    root = tmp_path_factory.mktemp("varied")
    sources = generate_schools.generate(COUNT, root / "in", seed=11, vary=True)
    for source in generate_schools.generate(ORDINARY, root / "ordinary", seed=11):
        folder = source.parent.rename(root / "in" / source.parent.name.replace("truong", "thuong"))
        sources.append(folder / source.name)
    out = root / "out"
    assert cli(["batch", *map(str, sources), "-o", str(out), "--workers", "2"]) == 0
    return {source: out / source.parent.name / "ho-so.pdf" for source in sources}


@pytest.mark.e2e
@pytest.mark.slow
def test_varied_dossiers_keep_signatures_whole_and_pages_full(varied: dict[Path, Path]) -> None:
    problems: dict[str, list[str]] = {}
    for source, pdf in varied.items():
        pages = page_lines(pdf)
        assert len(pages) >= 10
        found = split_signatures(pages, _signers(source)) + near_empty(pages)
        # and the page check a user runs (vnadmin-docs check ho-so.pdf) finds nothing either
        found += [str(f) for f in check_pages(pdf)]
        if found:
            problems[source.parent.name] = found
    assert problems == {}
