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

from .reportfacts import (_DISCLOSURE, _STAT_PERIOD, _fold, agency_from_body, agency_from_title, clean_title, fold,
                          organ_in_opening, organ_opening_title, report_year, year_from_body, year_from_opening,
                          year_from_title)

__all__ = ["classify", "decide", "title_says_report", "body_signals", "context_signals", "lookalike",
           # re-exported: the year and organ readers live in reportfacts
           "agency_from_body", "agency_from_title", "organ_in_opening", "organ_opening_title", "report_year",
           "year_from_body", "year_from_opening", "year_from_title"]

_REPORT_WORD = r"(?:年度报告|年报|工作报告|总结报告|年度总结|工作总结|工作情况的?报告|情况报告|报告|总结)"
_REPORT = re.compile(_DISCLOSURE + r".{0,14}?" + _REPORT_WORD + r"|信息公开年报|政务公开年报")
# Look-alikes that share the words: letters, notices, work points, budgets, website reports …
_NEGATIVE_END = re.compile(r"(的?通知|的?函|说明|更正|勘误|通报|方案|意见|要点|公告|公示|批复|决定|办法|细则|计划|指南|目录|"
                           r"制度|规定|会议|纪要|报表)$")
_NEGATIVE_ANY = re.compile(r"工作要点|落实情况|预算|决算|指南|评估|考核|测评|检查|督查|第三方|目录|编制.{0,6}(工作|发布)|培训|会议|"
                           r"网站.{0,6}(年度)?报表|年度报表|政府工作报告")
# Pages about a report that are not the report: its 解读, an infographic, a press conference.
_DERIVATIVE = re.compile(r"解读|一图读懂|一图看懂|图解|图说|读懂|答记者问|发布会|新闻通稿")

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
# Paths and column names of 年报 columns.
_REPORT_PATH = re.compile(r"(?i)(?:^|[/_\-.])(?:ndbg|xxgknb|zfxxgknb|gknb|zwgknb|xxgkndbg|zfxxgkndbg|gkndbg|nianbao|ndgzbg)(?:$|[/_\-.\d])")
_REPORT_COLUMN = re.compile(r"年报|年度报告|ndbg|xxgknb")


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
