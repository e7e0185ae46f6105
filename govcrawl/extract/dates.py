"""Date spellings found on portals -> 'YYYY-MM-DD'."""
from __future__ import annotations

import re

_CN_DIGITS = {"〇": "0", "○": "0", "零": "0", "Ｏ": "0", "O": "0", "一": "1", "二": "2", "三": "3",
              "四": "4", "五": "5", "六": "6", "七": "7", "八": "8", "九": "9"}
_YMD = re.compile(
    r"(?<!\d)((?:19|20)\d{2})\s*(?:[-/.年]\s*)(\d{1,2})\s*(?:[-/.月]\s*)(\d{1,2})(?!\d)"
)
_COMPACT = re.compile(r"(?<!\d)((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d)")
_CN_YMD = re.compile(r"([〇○零一二三四五六七八九Ｏ]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日")


def _cn_number(s: str) -> int:
    if s == "十":
        return 10
    if s.startswith("十"):
        return 10 + int(_CN_DIGITS[s[1]])
    if s.endswith("十"):
        return int(_CN_DIGITS[s[0]]) * 10
    if "十" in s:
        a, b = s.split("十")
        return int(_CN_DIGITS[a]) * 10 + int(_CN_DIGITS[b])
    return int(_CN_DIGITS[s])


def _valid(y: int, m: int, d: int) -> str | None:
    if 1980 <= y <= 2100 and 1 <= m <= 12 and 1 <= d <= 31:
        return f"{y:04d}-{m:02d}-{d:02d}"
    return None


def parse_date(text: str | None) -> str | None:
    """First date in text as YYYY-MM-DD: 2024年1月12日, 2024/1/12, 2024-01-12 09:33:10,
    2024.01.12, 20240112, 二〇二四年一月十二日. None when there is none."""
    if not text:
        return None
    text = text.translate(str.maketrans("０１２３４５６７８９－／．", "0123456789-/."))
    m = _YMD.search(text)
    if m:
        v = _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if v:
            return v
    m = _COMPACT.search(text)
    if m:
        v = _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if v:
            return v
    m = _CN_YMD.search(text)
    if m:
        try:
            y = int("".join(_CN_DIGITS[c] for c in m.group(1)))
            return _valid(y, _cn_number(m.group(2)), _cn_number(m.group(3)))
        except (KeyError, ValueError):
            return None
    return None
