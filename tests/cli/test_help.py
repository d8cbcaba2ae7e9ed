"""The command line speaks Vietnamese: every command's help, usage line and usage errors carry
no English word of argparse's own; completion scripts are generated from the parser."""

from __future__ import annotations

import argparse

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
