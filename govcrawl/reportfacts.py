"""Which year a disclosure report covers and which body reports, read from its title and text.

The year comes from the title, else the 统计期限 sentence, else the body's opening ('2017年，我局…'),
else the list title the item was listed under; never from the publication date alone. The organ that
opens a title ('某某县民政局2019年…', '某某镇关于…') names the body when the page names none."""
from __future__ import annotations

import re
import unicodedata

from .extract.title import strip_site_affixes

# the words that say "disclosure" (政府信息 alone too, but not 政府信息化 / 政府信息资源 …)
_DISCLOSURE = r"(?:政府信息公开|政务信息公开|政务公开|信息公开|政府信息(?![化资系网平中]))"
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_BARE_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?=\s*(?:年|度|政府|政务|信息|部门|工作))")
_CN_YEAR = re.compile(r"([〇○零一二三四五六七八九]{4})\s*年")
_CN_DIG = str.maketrans("〇○零一二三四五六七八九", "00012345678" "9")
_STAT_PERIOD = re.compile(
    r"(统计期限|统计时限|统计时间|统计区间|统计期间|数据统计|所列数据|统计数据时间段|统计周期)[^。]{0,20}?自?\s*((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日"
    r"[^。]{0,6}(至|到|—|-|~)[^。]{0,4}?((?:19|20)\d{2})?\s*年?\s*12\s*月\s*31\s*日"
)
_STAT_PERIOD_LOOSE = re.compile(
    r"((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日[^。]{0,8}(至|到|—|-|~)\s*((?:19|20)\d{2})?\s*年?\s*12\s*月\s*31\s*日")
_AGENCY_BEFORE_YEAR = re.compile(r"^(?:关于)?(?P<agency>[\u4e00-\u9fff（）()]{2,40}?)(?:关于)?\s*(?:19|20)\d{2}\s*年")
_AGENCY_TAIL = re.compile(r"(人民政府|政府|管委会|委员会|办公室|办事处|街道|乡|镇|局|委|办|厅|院|中心|区|县|市|旗|所|站|队|会)$")
# An organ that opens a title: a name ending like a body of government, then the document's words.
_ORGAN_OPENING = re.compile(
    r"^(?P<organ>[\u4e00-\u9fff（）()]{2,40}?(?:人民政府办公室|人民政府|政府办公室|管理委员会|管委会|委员会|办公室|办事处|"
    r"街道|乡|镇|局|委|办|厅|院|中心|所|站|队|署|会|区|县|市|旗))"
    r"(?=关于|(?:19|20)\d{2}\s*年|[〇○零一二三四五六七八九]{4}年|政府信息公开|政务公开|信息公开|印发|转发)")
_OPENING_YEAR_LINE = re.compile(r"^(?:[\u4e00-\u9fff]{0,4})?((?:19|20)\d{2})\s*年度?(?:以来|期间|内|里)?\s*[，,]")
_OPENING_YEAR_REPORT = re.compile(r"((?:19|20)\d{2})\s*年度?(?:的)?" + _DISCLOSURE + r"(?:工作)?(?:的)?(?:年度|情况)?(?:报告|年报|总结)")
_ORGAN_LINE = re.compile(r"^[\u4e00-\u9fff（）()]{2,30}(人民政府办公室|人民政府|管理委员会|管委会|委员会|办公室|办事处|局|委|厅|中心)$")


def fold(s: str | None) -> str:
    """NFKC (full-width letters, digits and spaces become plain) and no whitespace."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s or ""))


def _fold(s: str | None) -> str:
    return re.sub(r"\s+", "", s or "")


def clean_title(title: str | None) -> str:
    """The folded title without the site's suffix or prefix."""
    return fold(strip_site_affixes(unicodedata.normalize("NFKC", title or "")))


def year_from_title(title: str) -> int | None:
    t = clean_title(title)
    m = _YEAR.search(t) or _BARE_YEAR.search(t)
    if m:
        return int(m.group(1))
    m = _CN_YEAR.search(_fold(title))
    if m:
        return int(m.group(1).translate(_CN_DIG))
    return None


def year_from_body(body: str) -> int | None:
    """The 统计期限 sentence ('自2017年1月1日起至2017年12月31日止')."""
    t = _fold(body)[:6000]
    m = _STAT_PERIOD.search(t)
    if m:
        return int(m.group(2))
    m = _STAT_PERIOD_LOOSE.search(t)
    if m:
        return int(m.group(1))
    return None


def year_from_opening(body: str) -> int | None:
    """'2017年，我局…' opening a line of the first paragraphs, or the report named in the opening."""
    lines = [_fold(unicodedata.normalize("NFKC", ln)) for ln in (body or "").split("\n") if ln.strip()][:8]
    head = "".join(lines)[:600]
    m = _OPENING_YEAR_REPORT.search(head)
    if m:
        return int(m.group(1))
    for ln in lines:
        m = _OPENING_YEAR_LINE.match(ln)
        if m:
            return int(m.group(1))
    return None


def report_year(title: str, body: str, list_context: dict | None = None) -> tuple[int | None, str | None]:
    """(year, where it came from): title, 统计期限, opening, list title."""
    for source, year in (("title", lambda: year_from_title(title)), ("统计期限", lambda: year_from_body(body)),
                         ("opening", lambda: year_from_opening(body)),
                         ("list_title", lambda: year_from_title((list_context or {}).get("list_title") or ""))):
        y = year()
        if y:
            return y, source
    return None, None


def agency_from_title(title: str) -> str | None:
    """'平潭综合实验区地方税务局2013年政府信息公开工作年度报告' -> '平潭综合实验区地方税务局'."""
    m = _AGENCY_BEFORE_YEAR.match(clean_title(title))
    if not m:
        return None
    agency = m.group("agency").strip("（）()")
    if agency.startswith("关于"):
        agency = agency[2:]
    if len(agency) < 2 or re.match(r"(做好|开展|加强|印发|转发|报送|编制|公布|发布)", agency):
        return None
    return agency


def organ_opening_title(title: str | None) -> str | None:
    """The organ a title opens with ('某某县民政局关于…', '某某镇2023年…'), else None."""
    m = _ORGAN_OPENING.match(clean_title(title))
    if not m:
        return None
    organ = m.group("organ").strip("（）()")
    if organ.startswith("关于") or re.match(r"(做好|开展|加强|印发|转发|报送|编制|公布|发布|全|本|我)", organ):
        return None
    return organ if len(organ) >= 2 else None


def organ_in_opening(text: str | None) -> str | None:
    """The organ named by a document's first lines: its title line ('某某县民政局2019年…报告') or a
    line that is only an organ's name."""
    lines = [fold(ln) for ln in (text or "").split("\n") if ln.strip()][:6]
    for ln in lines:
        organ = organ_opening_title(ln)
        if organ and len(ln) <= 60:
            return organ
        if _ORGAN_LINE.match(ln):
            return ln
    return None


def agency_from_body(body: str) -> str | None:
    """The signature line before a closing date."""
    lines = [ln.strip() for ln in (body or "").split("\n") if ln.strip()]
    for i in range(len(lines) - 1, max(len(lines) - 4, 0), -1):
        if re.fullmatch(r"(19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日", lines[i]) and i > 0:
            cand = lines[i - 1]
            if len(cand) <= 30 and _AGENCY_TAIL.search(cand):
                return cand
    return None
