"""Indicator sets and what is computed from them: validation, the rule kinds, scoring, the
scorecard and its JSON form, and the aggregation arithmetic of many schools.

``sets`` (data types) ← ``rules`` (one class per rule kind) ← ``validation``, ``scoring``
(→ ``scorecard``) ← ``aggregation``. Nothing here reads files or renders.
"""

from .aggregation import KetQuaTruong, TongHop, cap_hoc_tu_ten, phan_tram_lam_tron, tong_hop
from .rules import RULE_KINDS, RuleKind
from .scorecard import CriterionScore, GroupScore, ItemScore, Scorecard
from .scoring import level_for, score
from .sets import BoChiSo, ChiBao, Khoang, MucDo, NhomTieuChi, QuyTac, TieuChi
from .validation import validate

__all__ = [
    "RULE_KINDS",
    "BoChiSo",
    "ChiBao",
    "CriterionScore",
    "GroupScore",
    "ItemScore",
    "KetQuaTruong",
    "Khoang",
    "MucDo",
    "NhomTieuChi",
    "QuyTac",
    "RuleKind",
    "Scorecard",
    "TieuChi",
    "TongHop",
    "cap_hoc_tu_ten",
    "level_for",
    "phan_tram_lam_tron",
    "score",
    "tong_hop",
    "validate",
]
