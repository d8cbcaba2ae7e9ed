"""Generate many schools' dossier inputs (deterministic), to try ``batch`` and ``aggregate``.

Run: ``python examples/generate_schools.py 50 build/schools [--seed 1]``. Each school gets its own
folder with a ``ho-so.yaml`` holding an inline QĐ 4725 self-assessment with random facts.
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


def generate(count: int, out: Path, *, seed: int = 1) -> list[Path]:
    """Write ``count`` schools into ``out/<school>/ho-so.yaml``; returns the paths."""
    rng = random.Random(seed)
    paths = []
    for index in range(count):
        folder = out / f"truong-{index + 1:04d}"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "ho-so.yaml"
        path.write_text(
            yaml.safe_dump(school(index, rng), allow_unicode=True, sort_keys=False),
            encoding="utf-8",
        )
        paths.append(path)
    return paths


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    print(f"{len(generate(args.count, args.out, seed=args.seed))} schools in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
