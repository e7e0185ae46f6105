"""Is a record a 政府信息公开工作年度报告, for which year, and who reports?

The title decides; the body's opening lines decide only when the title says nothing. The year
comes from the title, else from the 统计期限 sentence of the body, never from the publish date."""
from __future__ import annotations

import re

_REPORT = re.compile(
    r"(政府|政务)?信息公开.{0,12}(年度报告|年报|工作报告|总结报告|年度总结|工作情况的?报告)"
    r"|政务公开.{0,12}(年度报告|年报|工作总结|总结报告)"
    r"|信息公开年报|政务公开年报"
)
# Look-alikes in the same column: letters, notices about compiling reports, work points, budgets.
_NEGATIVE_END = re.compile(r"(的?通知|的?函|说明|更正|勘误|通报|方案|意见|要点|公告|公示|批复|决定|办法|细则|计划|指南|目录|制度|规定|会议|纪要)$")
_NEGATIVE_ANY = re.compile(r"工作要点|落实情况|预算|决算|指南|评估|考核|测评|检查|督查|第三方|目录|编制.{0,6}(工作|发布)|培训|会议")
# Pages about a report that are not the report: its 解读, an infographic, a press conference.
_DERIVATIVE = re.compile(r"解读|一图读懂|一图看懂|图解|图说|读懂|答记者问|发布会|新闻通稿")
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_CN_YEAR = re.compile(r"([〇○零一二三四五六七八九]{4})\s*年")
_CN_DIG = str.maketrans("〇○零一二三四五六七八九", "00012345678" "9")
_STAT_PERIOD = re.compile(
    r"(统计期限|统计时限|统计时间|统计区间|统计期间|数据统计|所列数据)[^。]{0,20}?自?\s*((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日"
    r"[^。]{0,6}(至|到|—|-)[^。]{0,4}?((?:19|20)\d{2})?\s*年?\s*12\s*月\s*31\s*日"
)
_STAT_PERIOD_LOOSE = re.compile(r"((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日[^。]{0,8}(至|到)\s*((?:19|20)\d{2})?\s*年?\s*12\s*月\s*31\s*日")
_AGENCY_BEFORE_YEAR = re.compile(r"^(?:关于)?(?P<agency>[\u4e00-\u9fff（）()]{2,40}?)(?:关于)?\s*(?:19|20)\d{2}\s*年")
_AGENCY_TAIL = re.compile(r"(人民政府|政府|管委会|委员会|办公室|办事处|街道|乡|镇|局|委|办|厅|院|中心|区|县|市|旗|所|站|队|会)$")


def _fold(s: str | None) -> str:
    return re.sub(r"\s+", "", s or "")


def title_says_report(title: str) -> bool:
    t = _fold(title)
    if not t or not _REPORT.search(t) or _DERIVATIVE.search(t):
        return False
    if _NEGATIVE_END.search(t) and not re.search(r"(年度报告|年报|工作总结|总结报告)$", t):
        return False
    if _NEGATIVE_ANY.search(t) and not re.search(r"(年度报告|年报)", t):
        return False
    return True


def body_says_report(body: str) -> bool:
    """For untitled pages: the opening of a report ('本报告…编制', '年度报告' + 统计期限)."""
    head = _fold(body)[:400]
    return bool(re.search(r"(本|此)(年度)?报告", head) and re.search(r"信息公开", head)
                and re.search(r"(年度报告|统计期限|统计时限|编制)", head)
                and not re.search(r"(函|通知)[:：]?$", head[:30]))


def year_from_title(title: str) -> int | None:
    t = _fold(title)
    m = _YEAR.search(t)
    if m:
        return int(m.group(1))
    m = _CN_YEAR.search(t)
    if m:
        return int(m.group(1).translate(_CN_DIG))
    return None


def year_from_body(body: str) -> int | None:
    t = _fold(body)[:6000]
    m = _STAT_PERIOD.search(t)
    if m:
        return int(m.group(2))
    m = _STAT_PERIOD_LOOSE.search(t)
    if m:
        return int(m.group(1))
    return None


def agency_from_title(title: str) -> str | None:
    """'平潭综合实验区地方税务局2013年政府信息公开工作年度报告' -> '平潭综合实验区地方税务局'."""
    m = _AGENCY_BEFORE_YEAR.match(_fold(title))
    if not m:
        return None
    agency = m.group("agency").strip("（）()")
    if agency.startswith("关于"):
        agency = agency[2:]
    if len(agency) < 2 or re.match(r"(做好|开展|加强|印发|转发|报送|编制|公布|发布)", agency):
        return None
    return agency


def agency_from_body(body: str) -> str | None:
    """The signature line before a closing date, or '由XX编制' in the opening lines."""
    lines = [ln.strip() for ln in (body or "").split("\n") if ln.strip()]
    for i in range(len(lines) - 1, max(len(lines) - 4, 0), -1):
        if re.fullmatch(r"(19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日", lines[i]) and i > 0:
            cand = lines[i - 1]
            if len(cand) <= 30 and _AGENCY_TAIL.search(cand):
                return cand
    return None


def classify(record: dict) -> dict:
    """A new record with is_annual_report, report_year and agency."""
    out = dict(record)
    title = record.get("title") or ""
    body = record.get("body_text") or ""
    is_report = title_says_report(title)
    if not is_report and not _fold(title):
        is_report = body_says_report(body)
    out["is_annual_report"] = is_report
    if is_report:
        out["report_year"] = year_from_title(title) or year_from_body(body)
        out["agency"] = agency_from_title(title) or agency_from_body(body)
    else:
        out["report_year"] = None
        out["agency"] = None
    return out
