"""Each rule kind is one class that says everything about it, and every kind a set may name
has one."""

from __future__ import annotations

import typing
from decimal import Decimal

from vnadmin_docs.assessment.rules import RULE_KINDS, describe
from vnadmin_docs.assessment.sets import Bac, QuyTac
from vnadmin_docs.errors import Problem
from vnadmin_docs.model import KetQua
from vnadmin_docs.model.danh_gia import FACTS


def test_every_rule_kind_of_the_data_has_its_class() -> None:
    names = typing.get_args(typing.get_type_hints(QuyTac)["loai"])
    assert set(names) == set(RULE_KINDS)
    for kind in RULE_KINDS.values():
        assert kind.facts <= set(FACTS)


def test_one_kind_validates_caps_and_describes() -> None:
    rule = QuyTac(loai="ty_le", bac=(Bac(duoi=Decimal(30), diem=Decimal(2)),
                                    Bac(tu=Decimal(30), den=Decimal(60), diem=Decimal(4)),
                                    Bac(tren=Decimal(60), diem=Decimal(7))))  # fmt: skip
    kind = RULE_KINDS["ty_le"]
    out: list[Problem] = []
    kind.validate(rule, Decimal(7), ("r",), out)
    assert out == []
    assert kind.cap(rule, Decimal(7), KetQua(so=2, tong=3), ("r",), out) == 7
    assert kind.cap(rule, Decimal(7), KetQua(ty_le=Decimal(130)), ("r",), out) == 0
    assert [p.path for p in out] == ["r.ty_le"]
    assert describe(rule, Decimal(7)).splitlines() == [
        "Dưới 30 %: tối đa 2 điểm",
        "Từ 30 đến 60 %: tối đa 4 điểm",
        "Trên 60 %: tối đa 7 điểm",
    ]
    broken: list[Problem] = []
    kind.validate(QuyTac(loai="ty_le"), Decimal(7), ("r",), broken)
    assert [p.message for p in broken] == ["phải có các bậc"]
