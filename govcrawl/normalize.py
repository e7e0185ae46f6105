"""Text normalisation of an extracted record: traditional -> simplified (OpenCC t2s), removal of
pinyin glosses (據(jù) -> 据), boilerplate lines, duplicated title lines and unsafe whitespace."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .extract.boilerplate import is_boilerplate_line

TEXT_FIELDS = ("title", "publisher", "index_no", "doc_no", "topic", "agency", "body_text")

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_GLOSS = re.compile(
    rf"(?<=[\u4e00-\u9fff])[(（](?P<py>[a-zü{_TONED}]{{1,7}})[)）]"
)
_SYLLABLE = re.compile(
    r"^(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?(?:a|o|e|i|u|ü|v|ai|ei|ao|ou|an|en|ang|eng|ong|er|ia|ie|"
    r"iao|iu|ian|in|iang|ing|iong|ua|uo|uai|ui|uan|un|uang|ue|ve|üe)$"
)
_CJK = "\u4e00-\u9fff"
_CJK_PUNCT = "\u3000-\u303f\uff00-\uffef"
_SPACE_BETWEEN_CJK = re.compile(rf"(?<=[{_CJK}{_CJK_PUNCT}])[ \u3000\xa0]+(?=[{_CJK}{_CJK_PUNCT}])")
_SPACE_NEAR_CJK = re.compile(rf"(?<=[{_CJK}{_CJK_PUNCT}])[ \u3000\xa0]+|[ \u3000\xa0]+(?=[{_CJK}{_CJK_PUNCT}])")
_FULLWIDTH_ALNUM = str.maketrans(
    {chr(c): chr(c - 0xFEE0) for c in list(range(0xFF10, 0xFF1A)) + list(range(0xFF21, 0xFF3B)) + list(range(0xFF41, 0xFF5B))}
)
_WS_ALL = re.compile(r"\s+")


@lru_cache(maxsize=1)
def _t2s():
    import opencc
    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """OpenCC traditional -> simplified (identity on simplified text)."""
    return _t2s().convert(text) if text else text


def remove_pinyin_glosses(text: str) -> str:
    """Drop '(jù)'-style glosses right after a Chinese character. Toneless ones such as '(men)'
    only go when the text also has toned glosses, so (GDP), (试行) and (de) in plain text stay."""
    if not text or "(" not in text and "（" not in text:
        return text
    toned = [m for m in _GLOSS.finditer(text) if any(c in _TONED for c in m.group("py"))]
    if not toned:
        return text

    def repl(m: re.Match) -> str:
        py = m.group("py")
        if any(c in _TONED for c in py):
            return ""
        return "" if _SYLLABLE.match(py) else m.group(0)

    return _GLOSS.sub(repl, text)


def fold_text(text: str) -> str:
    """Comparison folding: NFKC, pinyin glosses removed, t2s, all whitespace and table bars removed."""
    if not text:
        return ""
    t = unicodedata.normalize("NFKC", text)
    t = remove_pinyin_glosses(t)
    t = to_simplified(t)
    return _WS_ALL.sub("", t).replace("|", "")


def _clean_line(line: str) -> str:
    line = line.translate(_FULLWIDTH_ALNUM)
    cells = line.split("\t")
    cells = [_SPACE_BETWEEN_CJK.sub("", re.sub(r"[ \xa0]{2,}", " ", c)).strip(" \u3000\xa0") for c in cells]
    return "\t".join(cells).rstrip("\t") if len(cells) > 1 else cells[0]


def _drop_duplicate_title(lines: list[str], title: str | None) -> list[str]:
    """When the body opens with the title twice (page heading + body heading, possibly split over
    lines), keep one copy."""
    ft = fold_text(title or "")
    if len(ft) < 4:
        return lines

    def span(start: int) -> int:
        acc = ""
        for k in range(start, min(start + 3, len(lines))):
            acc += fold_text(lines[k])
            if acc == ft:
                return k + 1 - start
            if not ft.startswith(acc):
                return 0
        return 0

    first = span(0)
    if first and span(first):
        return lines[first:]
    return lines


def normalize_body(text: str, title: str | None = None) -> str:
    lines = [_clean_line(ln) for ln in (text or "").split("\n")]
    lines = [ln for ln in lines if ln.strip() and not is_boilerplate_line(ln)]
    lines = _drop_duplicate_title(lines, title)
    return "\n".join(lines)


def normalize_field(value: str | None) -> str | None:
    if value is None:
        return None
    v = unicodedata.normalize("NFC", value).translate(_FULLWIDTH_ALNUM)
    v = remove_pinyin_glosses(v)
    v = to_simplified(v)
    v = _SPACE_NEAR_CJK.sub("", re.sub(r"\s+", " ", v)).strip()
    return v or None


def normalize(record: dict) -> dict:
    """A new record with every text field simplified, de-glossed and cleaned of page furniture."""
    out = dict(record)
    for f in TEXT_FIELDS:
        if f == "body_text":
            continue
        if isinstance(out.get(f), str):
            out[f] = normalize_field(out[f])
    body = out.get("body_text") or ""
    body = remove_pinyin_glosses(body)
    body = to_simplified(body)
    out["body_text"] = normalize_body(body, out.get("title"))
    if out.get("attachments"):
        out["attachments"] = [dict(a, name=normalize_field(a.get("name")) or "") for a in out["attachments"]]
    if "body_html" in out and out["body_html"]:
        out["body_html"] = to_simplified(remove_pinyin_glosses(out["body_html"]))
    return out
