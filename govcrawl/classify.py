"""Is a record a 政府信息公开工作年度报告, for which year, and who reports?

Every signal counts, none but the title's wording decides alone:
- the title's parts (organ + year + 政府信息公开 / 政务公开 / 信息公开 + 年度 / 年 + 报告 / 年报 / 总结),
  read after NFKC folding, with spaces and the site's suffix or prefix gone;
- the body's structure (the six sections of the 2019/2021 templates, the headings of the pre-2019
  reports, the statistical tables, the 统计期限 / 本报告 sentences);
- the URL (ndbg, xxgknb …) and the list context: the 年报 column the item was listed in. A listing
  in a 年报 column helps a partial title, never decides alone: look-alikes sit there too.
Look-alikes (工作要点, 通知, 函, 网站工作年度报表, 政府工作报告, 预决算, 解读 …) are rejected by their title.
The reason for each decision goes into ``classified_by`` so a wrong call can be traced.

The year comes from the title, else the 统计期限 or the body's opening ('2017年，我局…'), else the
list title; never from the publication date alone."""
from __future__ import annotations

import re
import unicodedata

from .extract.title import strip_site_affixes

_DISCLOSURE = r"(?:政府信息公开|政务信息公开|政务公开|信息公开|政府信息(?![化资系网平中]))"
_REPORT_WORD = r"(?:年度报告|年报|工作报告|总结报告|年度总结|工作总结|工作情况的?报告|情况报告|报告|总结)"
_REPORT = re.compile(_DISCLOSURE + r".{0,14}?" + _REPORT_WORD + r"|信息公开年报|政务公开年报")
# Look-alikes that share the words: letters, notices, work points, budgets, website reports …
_NEGATIVE_END = re.compile(r"(的?通知|的?函|说明|更正|勘误|通报|方案|意见|要点|公告|公示|批复|决定|办法|细则|计划|指南|目录|"
                           r"制度|规定|会议|纪要|报表)$")
_NEGATIVE_ANY = re.compile(r"工作要点|落实情况|预算|决算|指南|评估|考核|测评|检查|督查|第三方|目录|编制.{0,6}(工作|发布)|培训|会议|"
                           r"网站.{0,6}(年度)?报表|年度报表|政府工作报告")
# Pages about a report that are not the report: its 解读, an infographic, a press conference.
_DERIVATIVE = re.compile(r"解读|一图读懂|一图看懂|图解|图说|读懂|答记者问|发布会|新闻通稿")
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

# Body structure. The six sections of the 2019/2021 templates and the pre-2019 headings.
_SECTIONS_2019 = ("总体情况", "主动公开政府信息情况", "收到和处理政府信息公开申请情况",
                  "政府信息公开行政复议、行政诉讼情况", "存在的主要问题及改进情况", "其他需要报告的事项")
# the pre-2019 reports' headings, as groups of words (provinces worded them each their own way)
_SECTIONS_OLD = (("概述", "基本情况", "总体情况"), ("主动公开",), ("依申请公开", "申请公开"), ("收费", "减免"),
                 ("行政复议", "行政诉讼", "申诉"), ("存在的主要问题", "问题及改进", "改进措施", "主要问题"),
                 ("回应", "解读"), ("机构建设", "保障经费", "培训"))
_HEADING = re.compile(r"^[一二三四五六七八九十]{1,2}\s*[、.．]\s*(.{2,30})$")
_TABLE_PHRASES = re.compile(r"本年新收政府信息公开申请数量|上年结转政府信息公开申请数量|政府信息公开情况统计表|"
                            r"主动公开政府信息数（不同渠道|依申请公开情况统计")
_THIS_REPORT = re.compile(r"(本|此)(年度)?(报告|年报)")
_OPENING_YEAR_LINE = re.compile(r"^(?:[\u4e00-\u9fff]{0,4})?((?:19|20)\d{2})\s*年度?(?:以来|期间|内|里)?\s*[，,]")
_OPENING_YEAR_REPORT = re.compile(r"((?:19|20)\d{2})\s*年度?(?:的)?" + _DISCLOSURE + r"(?:工作)?(?:的)?(?:年度|情况)?(?:报告|年报|总结)")
# Paths and column names of 年报 columns.
_REPORT_PATH = re.compile(r"(?i)(?:^|[/_\-.])(?:ndbg|xxgknb|zfxxgknb|gknb|zwgknb|xxgkndbg|zfxxgkndbg|gkndbg|nianbao|ndgzbg)(?:$|[/_\-.\d])")
_REPORT_COLUMN = re.compile(r"年报|年度报告|ndbg|xxgknb")


def fold(s: str | None) -> str:
    """NFKC (full-width letters, digits and spaces become plain) and no whitespace."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s or ""))


def _fold(s: str | None) -> str:
    return re.sub(r"\s+", "", s or "")


def clean_title(title: str | None) -> str:
    """The folded title without the site's suffix or prefix."""
    return fold(strip_site_affixes(unicodedata.normalize("NFKC", title or "")))


def lookalike(title: str) -> str | None:
    """Why a title that speaks of disclosure is still not a report (the word that says so), else None."""
    t = clean_title(title)
    m = _DERIVATIVE.search(t)
    if m:
        return m.group(0)
    m = _NEGATIVE_END.search(t)
    if m and not re.search(r"(年度报告|年报|工作总结|总结报告)$", t):
        return m.group(0)
    m = _NEGATIVE_ANY.search(t)
    if m:
        word = m.group(0)
        if "报表" in word or word == "政府工作报告" or not re.search(r"(年度报告|年报)", t):
            return word
    return None


def title_parts(title: str) -> list[str]:
    """Which parts of a report title are present: organ, year, 公开, 报告."""
    t = clean_title(title)
    parts = []
    if organ_opening_title(title):
        parts.append("organ")
    if year_from_title(title):
        parts.append("year")
    if re.search(_DISCLOSURE, t):
        parts.append("公开")
    if re.search(_REPORT_WORD, t):
        parts.append("报告")
    return parts


def title_says_report(title: str) -> bool:
    t = clean_title(title)
    return bool(t) and bool(_REPORT.search(t)) and lookalike(title) is None


def body_signals(body: str) -> list[str]:
    """Structural evidence that a text is a disclosure report: 'sections', 'tables', '统计期限', '本报告'."""
    text = body or ""
    head = _fold(text)[:600]
    found = []
    headings = set()
    for line in text.split("\n")[:400]:
        m = _HEADING.match(_fold(line))
        if m:
            headings.add(m.group(1))
    new = sum(1 for s in _SECTIONS_2019 if any(s in h for h in headings))
    old = sum(1 for group in _SECTIONS_OLD if any(w in h for w in group for h in headings))
    if new >= 3 or old >= 3:
        found.append("sections")
    folded = _fold(text)
    if _TABLE_PHRASES.search(folded[:60000]):
        found.append("tables")
    if _STAT_PERIOD.search(folded[:6000]):
        found.append("统计期限")
    if _THIS_REPORT.search(head) and "信息公开" in head and re.search(r"(年度报告|统计期限|统计时限|编制)", head) \
            and not re.search(r"(函|通知)[:：]?$", head[:30]):
        found.append("本报告")
    return found


def body_mentions_report(body: str) -> bool:
    """The opening names a disclosure report (weaker than structure)."""
    head = _fold(body)[:400]
    return bool(re.search(_DISCLOSURE + r".{0,10}(年度报告|年报|工作报告|报告)", head))


def context_signals(url: str | None, list_context: dict | None) -> list[str]:
    """'column' when the list's column is a 年报 column; 'url' when a path names one."""
    ctx = list_context or {}
    found = []
    if _REPORT_COLUMN.search(fold(ctx.get("column_title"))) or _REPORT_PATH.search(ctx.get("list_url") or ""):
        found.append("column")
    if _REPORT_PATH.search(url or ""):
        found.append("url")
    return found


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


_ORGAN_LINE = re.compile(r"^[\u4e00-\u9fff（）()]{2,30}(人民政府办公室|人民政府|管理委员会|管委会|委员会|办公室|办事处|局|委|厅|中心)$")


def organ_in_opening(text: str | None) -> str | None:
    """The organ named by a document's first lines: its title line ('某某县民政局2019年…报告') or a
    line that is only an organ's name."""
    lines = [fold(ln) for ln in (text or "").split("\n") if ln.strip()][:6]
    for ln in lines:
        organ = organ_opening_title(ln)
        if organ and (title_says_report(ln) or len(ln) <= 60):
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


def decide(title: str, body: str, url: str | None = None, list_context: dict | None = None) -> tuple[bool, str]:
    """(is it an annual report, why): the reason is short machine-readable text."""
    t = clean_title(title)
    why = lookalike(title) if t else None
    if why:
        return False, f"title:lookalike({why})"
    parts = title_parts(title) if t else []
    generic = not t or _generic_title(t)
    if not generic and _REPORT.search(t):
        return True, "title:" + "+".join(parts)
    body_sig = body_signals(body)
    ctx = context_signals(url, list_context)
    evidence = [f"body:{'+'.join(body_sig)}"] if body_sig else []
    evidence += ctx
    if generic and t and _REPORT.search(t):
        # a title that only names the kind ('政府信息公开年报', often the column's name): the body
        # decides when it says something; a body that says nothing of a report (a notice filed
        # under the column's title) is not one; a short body or a shell leaves the title to decide
        if body_sig:
            return True, ";".join(["title:none"] + evidence)
        if len(_fold(body)) >= 200 and not body_mentions_report(body):
            return False, ";".join(["title:generic", "body:not-report"] + ctx)
        return True, ";".join(["title:generic(" + "+".join(parts) + ")"] + ctx)
    if generic:
        # no title of its own: the body's structure decides, the context backs a bare mention
        if body_sig:
            return True, ";".join(["title:none"] + evidence)
        if ctx and body_mentions_report(body):
            return True, ";".join(["title:none", "body:mention"] + ctx)
        return False, "title:none;" + (";".join(evidence) or "no-evidence")
    if "报告" in parts and ("公开" in parts or "year" in parts):
        # a report title with a missing word ('2017年度工作报告'): the body's structure must agree
        if body_sig and ("sections" in body_sig or "tables" in body_sig or "统计期限" in body_sig):
            return True, ";".join(["title:" + "+".join(parts)] + evidence)
        return False, ";".join(["title:partial(" + "+".join(parts) + ")"] + (evidence or ["no-body-evidence"]))
    if "公开" in parts and "year" in parts and ("sections" in body_sig or "tables" in body_sig) and ctx:
        return True, ";".join(["title:" + "+".join(parts)] + evidence)
    return False, "title:not-report(" + "+".join(parts) + ")"


_GENERIC = re.compile(r"^(政府信息公开|信息公开|政务公开|政府信息)?(工作)?(年度报告|年报|详细信息|信息详情|详情|正文|内容页|无标题文档)?$")


def _generic_title(t: str) -> bool:
    return bool(_GENERIC.match(t)) or len(t) < 4


def classify(record: dict) -> dict:
    """A new record with is_annual_report, classified_by, report_year, agency, and the publisher
    taken from the title's opening organ when the page names none."""
    out = dict(record)
    title = record.get("title") or ""
    body = record.get("body_text") or ""
    ctx = record.get("list_context") or {}
    is_report, why = decide(title, body, record.get("url"), ctx)
    out["is_annual_report"] = is_report
    out["classified_by"] = why
    if is_report:
        year, source = report_year(title, body, ctx)
        out["report_year"] = year
        out["report_year_from"] = source
        out["agency"] = agency_from_title(title) or agency_from_body(body)
    else:
        out["report_year"] = None
        out["report_year_from"] = None
        out["agency"] = None
    if not (out.get("publisher") or "").strip():
        organ = organ_opening_title(title)
        if organ:
            out["publisher"] = organ
            out["publisher_from"] = "title"
    return out
