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
    # (chủ quản, name, địa danh, managing body): each school with the bodies of its own place
    ("UBND quận Ba Đình", "Trường Tiểu học Ba Đình", "Ba Đình",
     "Phòng Giáo dục và Đào tạo quận Ba Đình"),
    ("UBND thành phố Hải Phòng", "Trường THCS Quyết Tiến", "Tiên Lãng",
     "Phòng Giáo dục và Đào tạo huyện Tiên Lãng"),
    ("Sở Giáo dục và Đào tạo thành phố Hải Phòng", "Trường THPT Trần Phú", "Hải Phòng",
     "Sở Giáo dục và Đào tạo thành phố Hải Phòng"),
    ("UBND huyện Tiên Lãng", "Trường Tiểu học và Trung học cơ sở Nguyễn Bỉnh Khiêm", "Tiên Lãng",
     "Phòng Giáo dục và Đào tạo huyện Tiên Lãng"),
    ("UBND thị xã Sơn Tây",
     "Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên thị xã Sơn Tây", "Sơn Tây",
     "Sở Giáo dục và Đào tạo thành phố Hà Nội"),
    (None, "Trường Mầm non Hoa Sen", "Ba Đình", "Phòng Giáo dục và Đào tạo quận Ba Đình"),
    ("Sở Giáo dục và Đào tạo\nthành phố Hải Phòng", "Trường Phổ thông\nDân tộc nội trú Tiên Lãng",
     "Tiên Lãng", "Sở Giáo dục và Đào tạo thành phố Hải Phòng"),
    ("UBND huyện Thanh Trì", "Trường THCS Lý Thường Kiệt", "Thanh Trì",
     "Phòng Giáo dục và Đào tạo huyện Thanh Trì"),
)  # fmt: skip
PEOPLE = ("An", "Bình", "Cường", "Dung", "Giang", "Hà", "Khánh", "Lan", "Minh", "Ngọc", "Phương",
          "Quân", "Sơn", "Thảo", "Uyên")  # fmt: skip
PROSE = (
    "Đơn vị đã quán triệt các văn bản chỉ đạo về chuyển đổi số đến toàn thể cán bộ, giáo viên, "
    "nhân viên; phân công nhiệm vụ cụ thể cho từng tổ chuyên môn và bộ phận, bảo đảm tiến độ "
    "năm học 2024-2025 theo Mức độ 2 của Bộ chỉ số.",
    "Hệ thống quản lý học tập trực tuyến được duy trì thường xuyên; giáo viên giao bài, chấm bài "
    "và trao đổi với cha mẹ học sinh trên hệ thống, số liệu được cập nhật hằng tháng.",
    "Hạ tầng mạng được nâng cấp tại các phòng học; thiết bị trình chiếu được kiểm tra định kỳ và "
    "sửa chữa kịp thời, bảo đảm phục vụ dạy học và các hoạt động chuyên môn.",
    "Hồ sơ, sổ sách điện tử được lập và ký số theo quy định; dữ liệu học sinh, giáo viên được "
    "đồng bộ với cơ sở dữ liệu ngành đúng thời hạn.",
    "Đội ngũ được bồi dưỡng kỹ năng số qua các lớp tập huấn trực tuyến; mỗi tổ chuyên môn xây "
    "dựng ít nhất một bài giảng điện tử cho mỗi môn học trong học kỳ.",
)


def varied(index: int, rng: random.Random) -> dict[str, Any]:
    """A school whose dossier strains the layout in one more way than the last."""
    data = school(index, rng)
    chu_quan, name, place, managing = LONG_NAMES[index % len(LONG_NAMES)]
    data["co_quan"] = {"ten": name, "viet_tat": f"TR{index + 1:03d}", "dia_danh": place,
                       **({"chu_quan": chu_quan} if chu_quan else {})}  # fmt: skip
    data["co_quan_quan_ly"] = managing
    data["bien_ban"]["dia_diem"] = "Phòng họp " + " ".join(name.split())
    # a centre's head is its Giám đốc; a school's its Hiệu trưởng
    head_title = "Giám đốc" if name.startswith("Trung tâm") else "Hiệu trưởng"
    data["hoi_dong"]["chu_tich"]["chuc_vu"] = f"{head_title}, Chủ tịch Hội đồng"
    data["thu_truong"]["chuc_vu"] = head_title
    members = rng.randint(1, 15)
    data["hoi_dong"]["thanh_vien"] = [
        {"ho_ten": f"Lê Thị {PEOPLE[k % len(PEOPLE)]}", "chuc_vu": "Giáo viên, Ủy viên"}
        for k in range(members)
    ]
    sources = [  # its managing body's plan, then national texts (QĐ 4725 the dossier cites itself)
        f"Căn cứ Kế hoạch số 10/KH-GDĐT ngày 01/3/2025 của {managing} về triển khai đánh giá "
        "mức độ chuyển đổi số năm học 2024-2025",
        "Căn cứ Chỉ thị số 04/CT-BGDĐT ngày 11/8/2023 của Bộ trưởng Bộ Giáo dục và Đào tạo về "
        "nhiệm vụ, giải pháp chủ yếu năm học 2023-2024",
        "Căn cứ Quyết định số 131/QĐ-TTg ngày 25/01/2022 của Thủ tướng Chính phủ phê duyệt Đề án "
        "tăng cường ứng dụng công nghệ thông tin và chuyển đổi số trong giáo dục và đào tạo",
        "Căn cứ Thông tư số 37/2020/TT-BGDĐT ngày 05/10/2020 của Bộ Giáo dục và Đào tạo quy định "
        "về ứng dụng công nghệ thông tin trong quản lý, tổ chức dạy học trực tuyến",
        "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư",
        "Căn cứ Công văn số 25/GDĐT ngày 10/01/2025 hướng dẫn thực hiện nhiệm vụ chuyển đổi số "
        "năm học 2024-2025",
    ]
    data["can_cu"] = sources[: rng.randint(0, 6)]
    authority = index % 4
    head = data["thu_truong"]["ho_ten"]
    deputy = f"Phạm Văn {chr(65 + index % 26)}"  # a deputy is not the head
    if authority == 1:
        data["thu_truong"] = {"tham_quyen": "KT", "thay_mat": head_title,
                              "chuc_vu": f"Phó {head_title}", "ho_ten": deputy}  # fmt: skip
    elif authority == 2:  # acting head (quyền)
        data["thu_truong"] = {"tham_quyen": "Q", "chuc_vu": head_title, "ho_ten": deputy}
    elif authority == 3:  # a collective body signs TM.
        data["thu_truong"] = {"tham_quyen": "TM", "thay_mat": "Hội đồng trường",
                              "chuc_vu": "Chủ tịch", "ho_ten": head}  # fmt: skip
    paragraphs = rng.randint(0, 9)
    data["bo_sung"] = {
        key: "\n".join(
            f"- {PROSE[(k + j) % len(PROSE)]}" for j in range(rng.randint(0, paragraphs))
        )
        for k, key in enumerate(("to_trinh", "bien_ban", "bao_cao"))
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
