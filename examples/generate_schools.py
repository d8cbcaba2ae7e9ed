"""Generate many schools' dossier inputs (deterministic), to try ``batch`` and ``aggregate``.

Run: ``python examples/generate_schools.py 50 build/schools [--seed 1] [--varied]``. Each school
gets its own folder with a ``ho-so.yaml`` holding an inline QĐ 4725 self-assessment with random
facts. ``--varied`` makes every dossier differ in what strains a layout: names from short to very
long (some with a typed line break), 0–6 extra căn cứ, 1–15 council members, added prose from
none to a page or more, the head signing as such or with KT./TM./Q., and the scores.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path
from typing import Any

import yaml

LEVELS = (("Tiểu học", "Trường Tiểu học", "TH"), ("THCS", "Trường THCS", "THCS"))
NAMES = ("Ngọc Hà", "Thủ Lệ", "Giảng Võ", "Thăng Long", "Nguyễn Trãi", "Lê Lợi", "Quang Trung", "Kim Đồng",
         "Hoa Sen", "Bạch Đằng", "Chu Văn An", "Võ Thị Sáu", "Tô Hiệu", "Lý Thường Kiệt", "Trần Phú")  # fmt: skip


def assessment(rng: random.Random) -> dict[str, Any]:
    def yes(p: float) -> bool:
        return rng.random() < p

    return {
        "1.1": {"dat": yes(0.95)}, "1.2": {"dat": yes(0.95)},
        "1.3.a": {"co": yes(0.9)}, "1.3.b": {"chuc_nang": sorted(rng.sample(range(1, 5), rng.randint(0, 4)))},
        "1.4": {"so_luong": rng.randint(0, 80)},
        "1.5.a": {"co": yes(0.6)}, "1.5.b": {"co": yes(0.3)},
        "1.6.a": {"ty_le": rng.randint(10, 100)}, "1.6.b": {"ty_le": rng.randint(10, 100)},
        "1.6.c": {"ty_le": rng.randint(5, 90)},
        "1.7.a": {"ty_le": rng.randint(10, 100)}, "1.7.b": {"chon": rng.choice(["muc_1", "muc_2", "muc_3"])},
        "1.7.c": {"co": yes(0.3)},
        "2.1": {"dat": yes(0.97)}, "2.2": {"dat": yes(0.97)},
        **{f"2.3.{x}": {"co": yes(0.8)} for x in "abefghi"},
        "2.3.c": {"chon": rng.choice(["khong", "pdf", "chung_thu_so"])},
        "2.3.d": {"chon": rng.choice(["khong", "pdf", "chung_thu_so"])},
        "2.4.a": {"co": yes(0.9)}, "2.4.b": {"co": yes(0.6)}, "2.4.c": {"co": yes(0.7)},
    }  # fmt: skip


def school(index: int, rng: random.Random) -> dict[str, Any]:
    level, prefix, code = LEVELS[index % 2]
    name = f"{prefix} {NAMES[index % len(NAMES)]} số {index + 1}"
    short = f"{code}{index + 1:03d}"
    people = {
        "ho_ten": f"Nguyễn Văn {chr(65 + index % 26)}",
        "chuc_vu": "Hiệu trưởng, Chủ tịch Hội đồng",
    }
    return {
        "nam_hoc": "2024-2025",
        "cap_hoc": level,
        "co_quan": {"chu_quan": "UBND quận Ba Đình", "ten": name, "viet_tat": short, "dia_danh": "Ba Đình"},
        "co_quan_quan_ly": "Phòng Giáo dục và Đào tạo quận Ba Đình",
        "thu_truong": {"chuc_vu": "Hiệu trưởng", "ho_ten": people["ho_ten"]},
        "hoi_dong": {"chu_tich": people, "thu_ky": {"ho_ten": "Trần Thị Bình", "chuc_vu": "Thư ký Hội đồng"}},
        "bien_ban": {"so": 1, "ngay": "2025-03-20", "bat_dau": "2025-03-20T08:00", "ket_thuc": "2025-03-20T10:00",
                     "dia_diem": f"Phòng họp {name}"},
        "quyet_dinh": {"so": 20 + index % 50, "ngay": "2025-03-20"},  # issuing order: BB → QĐ → BC → TTr
        "bao_cao": {"so": 21 + index % 50, "ngay": "2025-03-21"},
        "to_trinh": {"so": 22 + index % 50, "ngay": "2025-03-21"},
        "tu_danh_gia": {"bo_chi_so": "qd-4725-2022", "ket_qua": assessment(rng)},
    }  # fmt: skip


LONG_NAMES = (
    ("UBND quận Ba Đình", "Trường Tiểu học Ba Đình"),
    ("UBND thành phố Hải Phòng", "Trường THCS Quyết Tiến"),
    ("Sở Giáo dục và Đào tạo thành phố Hải Phòng", "Trường THPT Trần Phú"),
    ("UBND huyện Tiên Lãng", "Trường Tiểu học và Trung học cơ sở Nguyễn Bỉnh Khiêm"),
    (
        "UBND thị xã Sơn Tây",
        "Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên thị xã Sơn Tây",
    ),
    (None, "Trường Mầm non Hoa Sen"),
    ("Sở Giáo dục và Đào tạo\nthành phố Hải Phòng", "Trường Phổ thông\nDân tộc nội trú Tiên Lãng"),
    ("UBND huyện Thanh Trì", "Trường THCS Lý Thường Kiệt"),
)
PEOPLE = ("An", "Bình", "Cường", "Dung", "Giang", "Hà", "Khánh", "Lan", "Minh", "Ngọc", "Phương",
          "Quân", "Sơn", "Thảo", "Uyên")  # fmt: skip
PROSE = (
    "Nhà trường đã quán triệt các văn bản chỉ đạo về chuyển đổi số đến toàn thể cán bộ, giáo "
    "viên, nhân viên; phân công nhiệm vụ cụ thể cho từng tổ chuyên môn và bộ phận, bảo đảm tiến "
    "độ năm học 2024-2025 theo Mức độ 2 của Bộ chỉ số."
)


def varied(index: int, rng: random.Random) -> dict[str, Any]:
    """A school whose dossier strains the layout in one more way than the last."""
    data = school(index, rng)
    chu_quan, name = LONG_NAMES[index % len(LONG_NAMES)]
    data["co_quan"] = {"ten": name, "viet_tat": f"TR{index + 1:03d}", "dia_danh": "Ba Đình",
                       **({"chu_quan": chu_quan} if chu_quan else {})}  # fmt: skip
    members = rng.randint(1, 15)
    data["hoi_dong"]["thanh_vien"] = [
        {"ho_ten": f"Lê Thị {PEOPLE[k % len(PEOPLE)]}", "chuc_vu": "Giáo viên, Ủy viên"}
        for k in range(members)
    ]
    data["can_cu"] = [
        f"Căn cứ Kế hoạch số {10 + k}/KH-PGDĐT ngày 0{1 + k}/3/2025 của Phòng Giáo dục và Đào tạo "
        "quận Ba Đình về triển khai đánh giá mức độ chuyển đổi số năm học 2024-2025"
        for k in range(rng.randint(0, 6))
    ]
    authority = index % 4
    head = data["thu_truong"]["ho_ten"]
    if authority == 1:
        data["thu_truong"] = {"tham_quyen": "KT", "thay_mat": "Hiệu trưởng",
                              "chuc_vu": "Phó Hiệu trưởng", "ho_ten": head}  # fmt: skip
    elif authority == 2:
        data["thu_truong"] = {"tham_quyen": "Q", "chuc_vu": "Hiệu trưởng", "ho_ten": head}
    elif authority == 3:
        data["thu_truong"] = {"tham_quyen": "TM", "thay_mat": "Ban Giám hiệu",
                              "chuc_vu": "Hiệu trưởng", "ho_ten": head}  # fmt: skip
    paragraphs = rng.randint(0, 9)
    data["bo_sung"] = {
        key: "\n".join(f"- {PROSE}" for _ in range(rng.randint(0, paragraphs)))
        for key in ("to_trinh", "bien_ban", "bao_cao")
    }
    return data


def generate(count: int, out: Path, *, seed: int = 1, vary: bool = False) -> list[Path]:
    """Write ``count`` schools into ``out/<school>/ho-so.yaml``; returns the paths."""
    rng = random.Random(seed)
    paths = []
    for index in range(count):
        folder = out / f"truong-{index + 1:04d}"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "ho-so.yaml"
        path.write_text(
            yaml.safe_dump(
                (varied if vary else school)(index, rng), allow_unicode=True, sort_keys=False
            ),
            encoding="utf-8",
        )
        paths.append(path)
    return paths


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--varied", action="store_true", help="vary what strains the layout")
    args = parser.parse_args(argv)
    paths = generate(args.count, args.out, seed=args.seed, vary=args.varied)
    print(f"{len(paths)} schools in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
