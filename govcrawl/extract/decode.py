"""Bytes -> text for saved portal pages: declared charset first, sniffed when missing or wrong.

GBK and GB2312 are always decoded as GB18030 (a strict superset), and a result that still looks
like mojibake is reported in ``errors`` rather than silently stored."""
from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
_CT_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_\-]+)", re.I)
_GB_FAMILY = {"gbk", "gb2312", "gb_2312", "gb_2312-80", "x-gbk", "cp936", "gb18030", "euc-cn", "hz-gb-2312"}

# The 500 most frequent simplified/traditional characters; real Chinese text is mostly made of them.
_COMMON = set(
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面"
    "而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好"
    "应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道"
    "命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长"
    "求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色"
    "光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教"
    "速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记"
    "需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史"
    "感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育"
    "厂京识适属圆包火住调满县局照参红细引听该铁价严龍國開們為這個來時會說對經動發進實學當與從現體還點關於機"
    "鄉鎮縣區務條例報"
)
_CJK = re.compile(r"[\u4e00-\u9fff]")


def normalize_encoding(name: str | None) -> str | None:
    """Canonical codec name, with the GB family widened to gb18030; None if unknown."""
    if not name:
        return None
    name = name.strip().lower()
    if name in _GB_FAMILY:
        return "gb18030"
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def declared_encoding(raw: bytes, content_type: str | None = None) -> str | None:
    """Encoding from BOM, HTTP Content-Type, or <meta charset> in the first 4 KB."""
    if raw.startswith(codecs.BOM_UTF8):
        return "utf-8"
    if raw[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        return "utf-16"
    if content_type:
        m = _CT_CHARSET.search(content_type)
        if m and normalize_encoding(m.group(1)):
            return normalize_encoding(m.group(1))
    m = _META_CHARSET.search(raw[:4096])
    if m:
        return normalize_encoding(m.group(1).decode("ascii", "ignore"))
    return None


def mojibake_score(text: str) -> float:
    """Share of CJK characters outside the common set (0 = clean; mojibake is usually > 0.6)."""
    cjk = _CJK.findall(text)
    if len(cjk) < 20:
        return 0.0
    rare = sum(1 for c in cjk if c not in _COMMON)
    return rare / len(cjk)


# UTF-8 bytes that went through Latin-1/cp1252 once too often: 浙 -> "æµ\x99".
_LATIN_PAIRS = re.compile("[\u00c2-\u00ef][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]")


def latin_mojibake(text: str) -> bool:
    pairs = len(_LATIN_PAIRS.findall(text))
    return pairs >= 5 and pairs > len(_CJK.findall(text))


def looks_mojibake(text: str) -> bool:
    """True when text is probably decoded with the wrong codec (UTF-8 read as GBK or vice versa,
    or UTF-8 stored after a detour through Latin-1)."""
    if text.count("\ufffd") > max(3, len(text) // 200):
        return True
    return mojibake_score(text) > 0.72 or latin_mojibake(text)


def repair_latin_mojibake(text: str) -> str | None:
    """Undo one Latin-1/cp1252 detour of UTF-8 text, if that gives clean text."""
    for codec in ("cp1252", "latin-1"):
        try:
            fixed = text.encode(codec).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        if not looks_mojibake(fixed):
            return fixed
    return None


def _strict(raw: bytes, enc: str) -> str | None:
    try:
        return raw.decode(enc)
    except (UnicodeDecodeError, LookupError):
        return None


def decode_html(raw: bytes, content_type: str | None = None) -> tuple[str, str, list[str]]:
    """Return (text, encoding, errors). Tries the declared charset, then UTF-8, GB18030 and
    charset-normalizer, keeping the first strict decode that does not look like mojibake."""
    errors: list[str] = []
    declared = declared_encoding(raw, content_type)
    tried: list[str] = []
    for enc in [declared, "utf-8", "gb18030", "big5"]:
        if not enc or enc in tried:
            continue
        tried.append(enc)
        text = _strict(raw, enc)
        if text is not None and not looks_mojibake(text):
            if declared and enc != declared:
                errors.append(f"declared charset {declared} did not fit the bytes; decoded as {enc}")
            return text.lstrip("\ufeff"), enc, errors
    best = from_bytes(raw).best()
    if best is not None and best.encoding:
        enc = normalize_encoding(best.encoding) or best.encoding
        text = _strict(raw, enc)
        if text is not None and not looks_mojibake(text):
            errors.append(f"charset detected from bytes as {enc}")
            return text, enc, errors
    enc = declared or "utf-8"
    text = raw.decode(enc, errors="replace")
    fixed = repair_latin_mojibake(text) if latin_mojibake(text) else None
    if fixed is not None:
        errors.append("text was UTF-8 re-encoded through Latin-1 (double-encoded); repaired")
        return fixed, enc, errors
    errors.append(f"mojibake: no codec gave clean text (kept {enc} with replacements)")
    return text, enc, errors
