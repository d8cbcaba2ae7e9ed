"""The command line speaks Vietnamese: every command's help, usage line and usage errors carry
no English word of argparse's own; completion scripts are generated from the parser."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from vnadmin_docs.cli import _parser, main

ENGLISH = ("usage:", "options:", "positional arguments", "optional arguments", "show this help",
           "show program's version", "the following arguments", "error:", "invalid choice")  # fmt: skip


def _commands() -> list[list[str]]:
    """Every command and sub-command, as argv prefixes."""
    out: list[list[str]] = [[]]

    def walk(parser: argparse.ArgumentParser, prefix: list[str]) -> None:
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    out.append([*prefix, name])
                    walk(sub, [*prefix, name])

    walk(_parser(), [])
    return out


@pytest.mark.parametrize("argv", _commands(), ids=lambda a: " ".join(a) or "vnadmin-docs")
def test_help_has_no_english_of_argparse(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as info:
        main([*argv, "--help"])
    assert info.value.code == 0
    text = capsys.readouterr().out
    assert text.startswith("Cách dùng: ")
    assert "tùy chọn" in text and "hiện hướng dẫn này rồi thoát" in text
    for word in ENGLISH:
        assert word not in text.lower(), (argv, word)


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["render"], "thiếu đối số bắt buộc"),
        (["template", "thu_moi", "-o", "x.docx"], "lựa chọn không hợp lệ"),
        (["render", "a.yaml", "--khong-co"], "đối số không nhận ra"),
        (["dossier", "a.yaml", "-o", "x", "--timeout", "abc"], "không phải là số giây"),
        (["khong-co-lenh"], "lựa chọn không hợp lệ"),
    ],
)
def test_usage_errors_are_vietnamese(
    argv: list[str], expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert expected in err and "Cách dùng: " in err
    for word in ENGLISH:
        assert word not in err.lower(), (argv, word)


@pytest.mark.parametrize("shell", ["bash", "zsh", "tcsh"])
def test_completion_scripts(shell: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["completion", shell]) == 0
    script = capsys.readouterr().out
    for command in ("render", "dossier", "aggregate", "register", "sign"):
        assert command in script


def test_each_command_builds_only_its_group() -> None:
    """Issue 12: a command imports only its group's module; the groups are all the commands."""
    from vnadmin_docs.cli import GROUPS, _parser

    def commands(parser: argparse.ArgumentParser) -> set[str]:
        (sub,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
        return set(sub.choices)

    everything = commands(_parser())
    assert everything == {c for _, cs in GROUPS for c in cs} | {"completion"}
    for _, group in GROUPS:
        for command in group:
            assert commands(_parser(command)) == set(group)


def test_an_aggregation_of_scorecards_starts_light(tmp_path: Path) -> None:
    """What an aggregation of scorecard JSON files imports: none of the PDF, Word, Excel,
    YAML, register or validation libraries (their imports were most of its start-up)."""
    import json
    import subprocess
    import sys

    card = tmp_path / "a.json"
    groups = [{"code": c, "points": 80, "mandatory_met": True} for c in ("1", "2")]
    card.write_text(json.dumps({"don_vi": "Trường THCS A", "groups": groups}), encoding="utf-8")
    script = (
        "import sys\nfrom vnadmin_docs.cli import main\n"
        f"code = main(['aggregate', {str(card)!r}, '-o', {str(tmp_path / 'out')!r}, '--docx-only'])\n"
        "heavy = ('docx', 'docxtpl', 'openpyxl', 'pydantic', 'pypdf', 'babel', 'jinja2', 'yaml',\n"
        "         'vnadmin_docs.pdf', 'vnadmin_docs.register', 'vnadmin_docs.cli.sign')\n"
        "print(code, sorted({m.split('.')[0] if not m.startswith('vnadmin') else m\n"
        "                    for m in sys.modules if m.startswith(heavy)}))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert done.stdout.splitlines()[-1] == "0 []", done.stdout + done.stderr
