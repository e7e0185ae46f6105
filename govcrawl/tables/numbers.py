"""Cell values: what a printed cell means as a number, and whether a cell is a value at all.

Blank, zero and dash are different facts: '' and dashes give None, '0' and 无 give 0. Full-width
digits, thousands separators, decimals (万元), a trailing unit (件, 条, 万元) and short Chinese
numerals (三, 十二) are understood.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# cells meaning "not applicable / not filled": value None, raw kept
DASHES = {"—", "——", "-", "--", "－", "─", "━", "–", "/", "／", "\\", "×", "x", "X", "*", "…", "...", "、", "·"}
# cells meaning "none": value 0
ZERO_WORDS = {"无", "無", "零", "〇", "没有", "沒有", "空"}

_UNIT = r"(?:件|条|个|次|人次|人|万元|元|项|篇|家|份|场|期|户|%|％)?"
_NUM = re.compile(r"^([+\-]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?" + _UNIT + r"$")
_CN_NUM = re.compile(r"^[零〇一二两三四五六七八九十百千万]+$")
_CN_DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNIT = {"十": 10, "百": 100, "千": 1000}


def normalize_raw(raw: str | None) -> str:
    """The cell text as printed, with surrounding whitespace removed (inner runs become one space)."""
    if raw is None:
        return ""
    return " ".join(str(raw).split())  # str.split() splits on every Unicode space, \xa0 and \u3000 too


@lru_cache(maxsize=65536)
def _canon(raw: str) -> str:
    s = unicodedata.normalize("NFKC", raw)
    s = "".join(s.split())
    return s.replace("，", ",")


@lru_cache(maxsize=65536)
def is_value(raw: str | None) -> bool:
    """True when a cell holds a table value (number, zero word, dash or blank), not a label."""
    s = _canon(normalize_raw(raw))
    if s == "":
        return True
    if s in DASHES or normalize_raw(raw) in DASHES or s in ZERO_WORDS:
        return True
    return bool(_NUM.match(s))


@lru_cache(maxsize=65536)
def parse_value(raw: str | None) -> int | float | None:
    """Number printed in a cell; None for blank, dash or anything that is not a number."""
    s = _canon(normalize_raw(raw))
    if not s or s in DASHES or normalize_raw(raw) in DASHES:
        return None
    if s in ZERO_WORDS:
        return 0
    m = _NUM.match(s)
    if m:
        sign, whole, frac = m.group(1), m.group(2).replace(",", ""), m.group(3)
        if frac:
            value: int | float = float(whole + frac)
        else:
            value = int(whole)
        return -value if sign == "-" else value
    if _CN_NUM.match(s):
        return _cn_to_int(s)
    return None


def _cn_to_int(s: str) -> int | None:
    """Small Chinese numerals (三, 十二, 二百零五); None when not understood."""
    total, current = 0, 0
    for ch in s:
        if ch in _CN_DIGIT:
            current = _CN_DIGIT[ch]
        elif ch in _CN_UNIT:
            total += (current or 1) * _CN_UNIT[ch]
            current = 0
        elif ch == "万":
            total = (total + current) * 10000
            current = 0
        else:
            return None
    return total + current
