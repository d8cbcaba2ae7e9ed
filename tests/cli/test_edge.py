"""The command line's edge (issue 10): exit codes and Vietnamese messages for any argument,
output path, closed pipe, size limit or bug; permissions from the umask."""

from __future__ import annotations

import errno
import io
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import EXAMPLES
from vnadmin_docs.cli import EXIT_BUG, main

DOC = EXAMPLES / "documents" / "bao-cao-thcs-quyet-tien-2024.yaml"
ASSESSMENT = EXAMPLES / "thanh-tri-2024-2025" / "tu-danh-gia.yaml"
CLI = [sys.executable, "-m", "vnadmin_docs"]


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_an_output_is_an_input_by_file_or_by_resolved_path(tmp_path: Path) -> None:
    """The same file under another name (a symbolic or hard link), or the same path written
    differently (``..``, not there yet), is refused; the first input it would overwrite is
    named; a folder is refused."""
    from vnadmin_docs.cli._common import refuse_overwrite
    from vnadmin_docs.errors import OutputError

    real = tmp_path / "real.json"
    real.write_text("{}")
    (tmp_path / "link.json").symlink_to(real)
    os.link(real, tmp_path / "hard.json")
    (tmp_path / "sub").mkdir()
    other = tmp_path / "other.json"
    other.write_text("{}")
    cases = [
        (tmp_path / "link.json", real), (tmp_path / "hard.json", real),
        (tmp_path / "sub" / ".." / "new.json", tmp_path / "new.json"),
    ]  # fmt: skip
    for target, source in cases:
        with pytest.raises(OutputError, match="tệp đầu vào"):
            refuse_overwrite([other, None, source], [tmp_path / "x.json", target])
    with pytest.raises(OutputError, match=f"tệp đầu vào {other}"):
        refuse_overwrite([tmp_path / "missing", other, real], [other])
    with pytest.raises(OutputError, match="thư mục"):
        refuse_overwrite([real], [tmp_path / "y.json", tmp_path / "sub"])
    refuse_overwrite([real, other, tmp_path / "missing"], [tmp_path / "x.json"])
    refuse_overwrite([], [tmp_path / "x.json"])


def test_an_output_that_is_an_input_is_refused(tmp_path: Path) -> None:
    doc = tmp_path / "X.yaml"
    doc.write_bytes(DOC.read_bytes())
    code, _, err = _run("render", str(doc), "-o", str(doc))
    assert code == 2 and "tệp đầu vào" in err
    assert doc.read_bytes() == DOC.read_bytes()
    a = tmp_path / "A.yaml"
    a.write_bytes(ASSESSMENT.read_bytes())
    code, _, err = _run("score", str(a), "--docx", str(a))
    assert code == 2 and "tệp đầu vào" in err and a.read_bytes() == ASSESSMENT.read_bytes()
    code, _, err = _run("plan", str(a), "-o", str(a))
    assert code == 2 and "không phải thư mục" in err


def test_outputs_that_cannot_be_written(tmp_path: Path) -> None:
    (tmp_path / "f").write_text("x")
    for target, expected in [(tmp_path, "thư mục"), (tmp_path / "f" / "o.docx", "là tệp")]:
        code, _, err = _run("render", str(DOC), "-o", str(target))
        assert code == 2 and expected in err and "Traceback" not in err, err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["f"]


def test_a_full_disk_is_a_clear_error_and_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(*args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    code, _, err = _run("render", str(DOC), "-o", str(tmp_path / "o.docx"))
    assert code == 2 and "đĩa đã đầy" in err
    assert list(tmp_path.iterdir()) == []


def test_a_file_size_limit_is_a_clear_error_and_leaves_nothing(tmp_path: Path) -> None:
    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))

    out = tmp_path / "o.docx"
    r = subprocess.run(
        [*CLI, "render", str(DOC), "-o", str(out)],
        capture_output=True, text=True, preexec_fn=limit, check=False,
    )  # fmt: skip
    assert r.returncode == 2, r.stderr
    assert "giới hạn kích thước tệp" in r.stderr and "Traceback" not in r.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_outputs_get_the_umask_permissions(umask: int, mode: int, tmp_path: Path) -> None:
    out = tmp_path / "o.docx"
    r = subprocess.run(
        [*CLI, "render", str(DOC), "-o", str(out)],
        capture_output=True, text=True, preexec_fn=lambda: os.umask(umask) and None, check=False,
    )  # fmt: skip
    assert r.returncode == 0, r.stderr
    assert out.stat().st_mode & 0o777 == mode


def test_a_closed_pipe_is_quiet() -> None:
    r = subprocess.run(
        f"{sys.executable} -m vnadmin_docs score {ASSESSMENT} | head -1",
        shell=True, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert r.stdout.startswith("Bảng điểm")
    assert "Traceback" not in r.stderr and "BrokenPipe" not in r.stderr, r.stderr


def test_a_bug_asks_for_a_report_and_debug_shows_the_traceback(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from vnadmin_docs.cli import documents

    def broken(*args: object) -> int:
        raise RuntimeError("boom")

    monkeypatch.setattr(documents, "_score", broken)
    code, _, err = _run("score", str(ASSESSMENT))
    assert code == EXIT_BUG and "--debug" in err and "Traceback" not in err
    code, _, err = _run("--debug", "score", str(ASSESSMENT))
    assert code == EXIT_BUG and "Traceback" in err and "boom" in err
    monkeypatch.setenv("VNADMIN_DEBUG", "1")
    code, _, err = _run("score", str(ASSESSMENT))
    assert "Traceback" in err


@pytest.mark.parametrize(
    "argv",
    [
        ["dossier", str(DOC), "-o", "x", "--timeout", "nan"],
        ["dossier", str(DOC), "-o", "x", "--timeout", "inf"],
        ["dossier", str(DOC), "-o", "x", "--timeout", "0"],
        ["dossier", str(DOC), "-o", "x", "--timeout", "-5"],
        ["batch", str(DOC), "-o", "x", "--workers", "0"],
        ["batch", str(DOC), "-o", "x", "--workers", "many"],
        ["batch", str(DOC), "-o", "x", "--scheduler", "not a url"],
        ["batch", str(DOC), "-o", "x", "--scheduler", "tcp://host:99999"],
        ["render", str(DOC), "--template", "missing.docx"],
        ["render", str(DOC), "--template", str(DOC)],
        ["no-such-command"],
    ],
)
def test_bad_arguments_are_usage_errors(argv: list[str], tmp_path: Path) -> None:
    r = subprocess.run([*CLI, *argv], capture_output=True, text=True, cwd=tmp_path, check=False)
    assert r.returncode == 2 and "lỗi:" in r.stderr and "Traceback" not in r.stderr, r.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("content", [b"garbage", b"PK\x03\x04 truncated"])
def test_a_template_that_is_not_a_docx_is_a_template_error(content: bytes, tmp_path: Path) -> None:
    template = tmp_path / "mau.docx"
    template.write_bytes(content)
    code, _, err = _run(
        "render", str(DOC), "--template", str(template), "-o", str(tmp_path / "o.docx")
    )
    assert code == 2 and "Lỗi mẫu văn bản" in err and "mau.docx" in err, err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mau.docx"]
