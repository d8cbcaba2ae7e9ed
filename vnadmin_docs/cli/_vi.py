"""argparse in Vietnamese: its usage line, group titles, help option and every error message.

argparse writes its own words in English ("usage:", "options", "the following arguments are
required"…). :class:`Parser` and :class:`Formatter` put Vietnamese in their place without
touching argparse's module state: the titles and the help option are set on each parser, and
error messages are translated by pattern when they are reported (:func:`translate`).

>>> translate("the following arguments are required: -o/--output")
'thiếu đối số bắt buộc: -o/--output'
>>> translate("argument loai: invalid choice: 'x' (choose from 'a', 'b')")
"đối số loai: lựa chọn không hợp lệ: 'x' (chọn một trong 'a', 'b')"
"""

from __future__ import annotations

import argparse
import re
import sys
from typing import Any, Final, NoReturn

__all__ = ["EXIT_USAGE", "Formatter", "Parser", "translate"]

EXIT_USAGE: Final = 2

_ERRORS: Final = (
    (r"^the following arguments are required: (.*)$", r"thiếu đối số bắt buộc: \1"),
    (r"^unrecognized arguments: (.*)$", r"đối số không nhận ra: \1"),
    (r"^ambiguous option: (\S+) could match (.*)$", r"tùy chọn \1 không rõ, có thể là: \2"),
    (r"^one of the arguments (.*) is required$", r"cần một trong các đối số: \1"),
    (r"^argument (.+?): not allowed with argument (.*)$",
     r"đối số \1: không dùng cùng với đối số \2"),
    (r"^argument (.+?): invalid choice: (.+?) \(choose from (.*)\)$",
     r"đối số \1: lựa chọn không hợp lệ: \2 (chọn một trong \3)"),
    (r"^argument (.+?): invalid (\w+) value: (.*)$", r"đối số \1: giá trị không hợp lệ (\2): \3"),
    (r"^argument (.+?): expected one argument$", r"đối số \1: cần một giá trị"),
    (r"^argument (.+?): expected at least one argument$", r"đối số \1: cần ít nhất một giá trị"),
    (r"^argument (.+?): expected at most one argument$", r"đối số \1: chỉ nhận nhiều nhất một giá trị"),
    (r"^argument (.+?): ignored explicit argument (.*)$", r"đối số \1: không nhận giá trị \2"),
    (r"^argument (.+?): (.*)$", r"đối số \1: \2"),
    (r"^unexpected option string: (.*)$", r"tùy chọn không mong đợi: \1"),
)  # fmt: skip


_METAVARS: Final = {
    "input": "TỆP", "inputs": "TỆP", "files": "TỆP", "output": "ĐÍCH", "timeout": "GIÂY",
    "workers": "SỐ", "scheduler": "ĐỊA_CHỈ", "template": "MẪU", "ke_hoach": "KẾ_HOẠCH",
    "bo_chi_so": "BỘ_CHỈ_SỐ", "docx": "TỆP_DOCX", "don_vi": "ĐƠN_VỊ", "nam_hoc": "NĂM_HỌC",
    "loai": "LOẠI",
}  # fmt: skip
"""Vietnamese placeholders for the values of common options (``-o ĐÍCH`` rather than
``-o OUTPUT``), where a command gives none of its own."""


def translate(message: str) -> str:
    """argparse's English error message in Vietnamese (unknown messages are left as they are)."""
    for pattern, replacement in _ERRORS:
        translated, n = re.subn(pattern, replacement, message)
        if n:
            return translated
    return message


class Formatter(argparse.HelpFormatter):
    """Help with a Vietnamese usage line."""

    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, prefix if prefix is not None else "Cách dùng: ")


class Parser(argparse.ArgumentParser):
    """An argument parser whose own words are Vietnamese, and whose usage errors exit with 2."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", Formatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "đối số"
        self._optionals.title = "tùy chọn"
        self.add_argument(
            "-h", "--help", action="help", default=argparse.SUPPRESS,
            help="hiện hướng dẫn này rồi thoát",
        )  # fmt: skip

    def add_argument(self, *args: Any, **kwargs: Any) -> argparse.Action:
        action = super().add_argument(*args, **kwargs)
        flag = isinstance(action, argparse._StoreTrueAction | argparse._StoreFalseAction)
        if action.metavar is None and action.dest in _METAVARS and action.choices is None:
            action.metavar = None if flag else _METAVARS[action.dest]
        return action

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: lỗi: {translate(message)}\n")
