"""What the generated portals publish: report and look-alike texts, titles, detail pages and files.

Report bodies come from the bundled sample portals' generators (govcrawl.sample_portals:
six-section reports on the 2019 / 2021 templates with their three tables, pre-2019 narrative
reports with the old 统计表, work plans, letters, budgets), so the network's reports read like
the real ones the extractor was built on. What is new here is the variety around them: titles as
portals word them, look-alikes that name 年度报告 without being one, and the detail-page
templates of each CMS.
"""
from __future__ import annotations

import random
from functools import lru_cache

from govcrawl.sample_portals import reportgen
from govcrawl.sample_portals.bodyhtml import render_blocks
from govcrawl.sample_portals.docfiles import report_docx
from govcrawl.sample_portals.pdfgen import report_pdf
from govcrawl.sample_portals.sitekit import Doc as SampleDoc
from govcrawl.sample_portals.sitekit import Org, generated_article
from govcrawl.sample_portals.stats import series
from govcrawl.sample_portals.textutil import esc

LOOKALIKE_KINDS = ["工作要点", "通知", "函", "解读", "网站年度报表", "政府工作报告", "预决算"]


def org_for(name: str, level: str, county: str) -> Org:
    leaders = {"county": "县委、县政府", "township": "党委、政府", "department": "局党组"}[level]
    publisher = name if level != "county" else f"{county}人民政府办公室"
    return Org(name=name, publisher=publisher, leaders=leaders, channel="政府网站、政务新媒体、公开查阅点",
               level=level, issuer=f"{county}政务公开工作领导小组办公室", address=f"{county}行政中心")


def report_title(org: str, year: int, rng: random.Random) -> str:
    if year < 2019:
        forms = ["{o}{y}年政府信息公开工作年度报告", "{o}{y}年政府信息公开年度报告", "{o}{y}年度政府信息公开工作报告",
                 "{y}年度{o}政府信息公开工作年度报告"]
    else:
        forms = ["{o}{y}年政府信息公开工作年度报告", "{o}{y}年度政府信息公开工作年度报告", "{y}年{o}政府信息公开工作年度报告",
                 "{o}{y}年政务公开工作年度报告", "{o}关于{y}年度政府信息公开工作年度报告"]
    return rng.choice(forms).format(o=org, y=year)


def lookalike_title(kind: str, org: str, county: str, year: int, rng: random.Random) -> str:
    options = {
        "工作要点": [f"{org}{year}年政务公开工作要点", f"{year}年{org}政务公开工作要点"],
        "通知": [f"关于做好{year}年度政府信息公开工作年度报告编制发布工作的通知",
                 f"关于报送{year}年政府信息公开工作年度报告的通知"],
        "函": [f"关于{year}年政府信息公开工作要点落实情况的函"],
        "解读": [f"一图读懂{org}{year}年政府信息公开工作年度报告", f"图解：{org}{year}年度政府信息公开工作年度报告",
                 f"《{org}{year}年政府信息公开工作年度报告》解读"],
        "网站年度报表": [f"{org}门户网站{year}年度工作报表", f"{org}政府网站工作年度报表（{year}年度）"],
        "政府工作报告": [f"{year + 1}年{county}人民政府工作报告", f"政府工作报告——{year + 1}年1月在{county}人民代表大会上"],
        "预决算": [f"{org}{year}年部门决算公开", f"{org}{year}年度部门预算"],
    }[kind]
    return rng.choice(options)


def _interpretation_blocks(org: str, year: int) -> list:
    return [("p", f"近日，{org}发布了{year}年政府信息公开工作年度报告。为便于公众理解，现将报告主要内容解读如下。"),
            ("h", "一、主要数据"), ("p", "全年主动公开政府信息数量较上年有所增加，依申请公开办理均在法定期限内完成。"),
            ("h", "二、主要特点"), ("p", "报告全面反映了政务公开工作的新进展，突出重点领域信息公开和政策解读回应。"),
            ("p", "报告全文请见政府信息公开年报栏目。")]


def _website_report_blocks(org: str, year: int) -> list:
    return [("p", f"{org}门户网站{year}年度工作报表"),
            ("line", "网站名称 | 网站标识码 | ICP备案号 | 独立用户访问总量（单位：个） | 网站总访问量（单位：次）"),
            ("line", f"{org}门户网站 | 36000000{year % 100:02d} | 备案号略 | {12000 + year} | {340000 + year * 3}"),
            ("line", f"信息发布总数（单位：条） | {800 + year % 97} | 概况类信息更新量 | {20 + year % 11}"),
            ("p", "办事服务、互动交流、安全防护等情况详见报表。")]


def _government_report_blocks(county: str, year: int) -> list:
    return [("center", f"{county}人民政府县长"), ("p", "各位代表：现在，我代表县人民政府，向大会报告工作，请予审议，并请县政协委员提出意见。"),
            ("h", f"一、{year}年工作回顾"), ("p", f"{year}年，全县地区生产总值增长5.6%，一般公共预算收入稳步增长。"),
            ("h", f"二、{year + 1}年工作安排"), ("p", "坚持稳中求进工作总基调，扎实推动高质量发展。")]


def _letter_blocks(org: str, year: int) -> list:
    return [("p", "县政务公开办："), ("p", f"现将我单位{year}年政府信息公开工作要点落实情况函告如下："),
            ("p", "一、加强组织领导，明确专人负责政务公开工作。二、按时编制发布政府信息公开工作年度报告。"),
            ("p", "三、做好政策解读和回应关切。特此函告。"), ("p", org)]


@lru_cache(maxsize=None)
def stats_for(site_key: str, org_name: str, level: str, years: tuple[int, ...]):
    return series(f"simnet:{site_key}:{org_name}", list(years), level)


def body_blocks(site_key: str, org: Org, county: str, years: tuple[int, ...], kind: str, year: int,
                title: str, date: str) -> list:
    """Blocks of a document: a report of ``year`` (kind "report") or a look-alike of that kind."""
    if kind == "report":
        stats = stats_for(site_key, org.name, org.level, years)
        sample_kind = "report" if year >= 2019 else ("legacy_table" if year % 3 == 0 else "legacy")
        layout = None if year >= 2019 or year % 3 else "legacy_html"
        doc = SampleDoc(title=title, date=date, kind=sample_kind, year=year, layout=layout)
        return generated_article(doc, "/", org, stats).body
    if kind == "工作要点":
        return reportgen.workpoints_blocks(org.name, year)
    if kind == "通知":
        return reportgen.annual_report_letter_blocks(org.issuer, year)
    if kind == "函":
        return _letter_blocks(org.name, year)
    if kind == "解读":
        return _interpretation_blocks(org.name, year)
    if kind == "网站年度报表":
        return _website_report_blocks(org.name, year)
    if kind == "政府工作报告":
        return _government_report_blocks(county, year)
    if kind == "预决算":
        return reportgen.budget_blocks(org.name, year, 180.0 + (year % 9) * 21.5)
    return reportgen.notice_blocks(org.publisher, title)


def body_html(blocks: list, flavor: str) -> str:
    return render_blocks(blocks, flavor)


def pdf_file(title: str, blocks: list, author: str) -> bytes:
    from reportlab import rl_config

    rl_config.invariant = 1  # no creation date or random document id: the same seed, the same bytes
    return report_pdf(title, blocks, author)


def docx_file(title: str, blocks: list) -> bytes:
    """The report as DOCX, its zip entries re-stamped with a fixed date so the bytes are stable."""
    import io
    import zipfile

    src = zipfile.ZipFile(io.BytesIO(report_docx(title, blocks)))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            z.writestr(zipfile.ZipInfo(info.filename, date_time=(2020, 1, 1, 0, 0, 0)), src.read(info.filename),
                       compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


@lru_cache(maxsize=1)
def _s2t():
    import opencc

    return opencc.OpenCC("s2t")


def to_traditional(text: str) -> str:
    """Simplified -> traditional, as the /big5/ mirrors of portals serve every page."""
    return _s2t().convert(text)


# ---- detail pages -----------------------------------------------------------------------------

def meta_block(style: str, fields: dict[str, str]) -> str:
    """The 信息公开 metadata block as each CMS prints it (索引号, 发布机构, dates, 文号)."""
    if not fields:
        return ""
    if style in ("trs", "gkmlpt"):
        cells = "".join(f"<tr><th>{esc(k)}：</th><td>{esc(v)}</td></tr>" for k, v in fields.items())
        cls = "xxgk_table" if style == "trs" else "classify"
        return f'<div class="{cls}"><table class="table_suoyin" width="100%">{cells}</table></div>'
    if style == "hanweb":
        pairs = list(fields.items())
        rows = "".join(f"<tr><td class=\"t\">{esc(a)}</td><td>{esc(b)}</td>"
                       + (f"<td class=\"t\">{esc(pairs[i + 1][0])}</td><td>{esc(pairs[i + 1][1])}</td>"
                          if i + 1 < len(pairs) else "") + "</tr>"
                       for i, (a, b) in list(enumerate(pairs))[::2])
        return f'<table class="xxgk" cellspacing="0" cellpadding="0">{rows}</table>'
    if style == "fujian":
        return ('<ul class="index_box">' + "".join(f"<li><span>{esc(k)}：</span><font>{esc(v)}</font></li>"
                                                   for k, v in fields.items()) + "</ul>")
    return ('<div class="info">' + "&nbsp;&nbsp;".join(f"{esc(k)}：{esc(v)}" for k, v in fields.items()) + "</div>")


def detail_main(style: str, title: str, date: str, source: str, fields: dict[str, str], body: str,
                attachments: list[tuple[str, str]], big5: str | None = None) -> str:
    """The main block of a detail page of ``style`` (trs, hanweb, fujian, gkmlpt, epoint, easysite, aspnet, old)."""
    files = ""
    if attachments:
        files = ('<div class="fujian"><p>附件：</p><ul>' + "".join(
            f'<li><a href="{esc(href)}" target="_blank">{esc(name)}</a></li>' for href, name in attachments)
            + "</ul></div>")
    switch = f'<a class="big5" href="{esc(big5)}">繁體</a>' if big5 else ""
    tools = f'<div class="tools">{switch}<a href="javascript:window.print()">打印本页</a> <a href="javascript:window.close()">关闭窗口</a></div>'
    if style == "hanweb":
        return (f'{meta_block(style, fields)}<div class="title"><h1>{esc(title)}</h1></div>'
                f'<div class="sp_time"><font>发布日期：{date}</font><font>来源：{esc(source)}</font></div>'
                f'<div id="zoom"><!--ZJEG_RSS.content.begin--><meta name="ContentStart">{body}'
                f'<meta name="ContentEnd"><!--ZJEG_RSS.content.end--></div>{files}{tools}')
    if style == "fujian":
        return (f'{meta_block(style, fields)}<div class="article_title">{esc(title)}</div>'
                f'<div class="article_attr"><span class="article_source">来源：{esc(source)}</span>'
                f'<span class="article_time">发布时间：{date}</span></div>'
                f'<div class="article_content"><div class="TRS_Editor">{body}</div></div>{files}{tools}')
    if style == "gkmlpt":
        return (f'{meta_block(style, fields)}<div class="content"><h1 class="title">{esc(title)}</h1>'
                f'<div class="article-content">{body}</div>{files}</div>{tools}')
    if style == "epoint":
        return (f'<div class="ewb-article"><h2 class="ewb-article-tt">{esc(title)}</h2>'
                f'<div class="ewb-article-sources">信息来源：{esc(source)}　发布时间：{date}</div>'
                f'{meta_block(style, fields)}<div class="ewb-article-info">{body}</div>{files}</div>{tools}')
    if style == "easysite":
        return (f'<div class="article" id="articleWrap"><h1 class="easysite-news-title">{esc(title)}</h1>'
                f'<div class="detail">来源：{esc(source)}　日期：{date}</div>'
                f'<div id="easysiteNewsText" class="easysite-news-text">{body}</div>{files}</div>{tools}')
    if style == "aspnet":
        return (f'<table width="100%"><tr><td align="center"><span id="lblTitle" class="title">{esc(title)}</span></td></tr>'
                f'<tr><td align="center"><span id="lblInfo">发布单位：{esc(source)}　发布时间：{date}</span></td></tr>'
                f'<tr><td><span id="lblContent">{body}</span></td></tr></table>{files}{tools}')
    if style == "old":
        return (f'<table width="760" border="0" align="center"><tr><td class="title" align="center">{esc(title)}</td></tr>'
                f'<tr><td align="center" class="info">来源：{esc(source)}　编辑：办公室　点击：{len(title) * 37}次　'
                f'发布时间：{date}</td></tr><tr><td id="content" class="content">{body}{files}</td></tr></table>{tools}')
    return (f'{meta_block(style, fields)}<div class="xl_title"><h2>{esc(title)}</h2></div>'
            f'<div class="xl_info">发布时间：{date}　来源：{esc(source)}</div>'
            f'<div class="TRS_Editor" id="zoom">{body}</div>{files}{tools}')
