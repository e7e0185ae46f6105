"""The 信息公开 metadata block: 索引号, 发布机构, 文号, 日期, 主题分类 … in any vendor layout.

Works on visible text lines (one table cell or list item per line), so Hanweb ``table.xxgk``
("索引号：value" in one cell), label/value cell pairs, Fujian ``div.index_box`` items with
&ensp;-padded labels and plain "发布时间：… 来源：…" lines all go through the same scanner."""
from __future__ import annotations

import re
from urllib.parse import urlparse

from lxml import etree

from . import dom
from .dates import parse_date

# field -> labels, best first. Labels are matched with any whitespace between their characters.
FIELD_LABELS: dict[str, list[str]] = {
    "index_no": ["信息索引号", "索引号", "索取号", "信息索引"],
    "publisher_org": ["发布机构", "发文机关", "发文机构", "发文单位", "发布单位", "公开机构", "发布部门", "制发机关"],
    "publisher_src": ["信息来源", "文章来源", "稿件来源", "来源"],
    "doc_no": ["发文字号", "文件编号", "发文文号", "文件字号", "文号"],
    "published_date": ["发布日期", "公开日期", "发布时间", "公开时间", "发表时间", "发稿时间"],
    "generic_date": ["时间", "日期"],
    "written_date": ["成文日期", "生成日期", "成文时间"],
    "topic": ["主题分类", "公开分类", "信息分类", "主题类别", "信息类别", "分类"],
    "title": ["标题", "文件名称", "信息名称"],
}
# Labels that only end the previous value.
STOP_LABELS = [
    "有效性", "时效性", "公开方式", "公开范围", "公开形式", "公开时限", "作者", "责任编辑", "编辑", "点击数",
    "点击率", "点击", "字体大小", "字号大小", "浏览次数", "浏览量", "阅读次数", "访问次数", "字体", "字号", "分享到", "分享", "打印",
    "关闭", "体裁分类", "体裁", "文件状态", "有效期", "发布人", "审核人", "摄影", "通讯员", "记者", "所属机构",
    "关键词", "主题词", "生效日期", "废止日期", "失效日期", "服务对象", "组配分类", "所属主题", "统一编号",
    "登记号", "施行日期", "文种", "发文日期", "文章类型", "所属栏目", "栏目", "组织机构代码", "统一社会信用代码", "【", "【字体",
    # update / regeneration stamps printed after a 来源 on the same line ('来源：某局　更新时间：…')
    "更新时间", "更新日期", "修改时间", "修改日期", "生成时间",
]
# Short labels that are also word endings (有效日期, 数据来源 …): never taken right after a Chinese
# character. Page-furniture labels (字体, 分享, 打印 …) carry no such risk and often follow a value
# with no separator ('来源：东湖街道字体：大 中 小' from adjacent <span>s).
_SHORT = {"来源", "时间", "日期", "文号", "标题", "分类", "编辑", "作者", "点击", "文种", "体裁", "摄影", "记者"}
_CJK = r"\u4e00-\u9fff"
_SPACE = r"[\s\u3000\u2002\u2003\xa0]*"

_ALL: list[tuple[str, str]] = []
for _f, _labels in FIELD_LABELS.items():
    _ALL.extend((lab, _f) for lab in _labels)
_ALL.extend((lab, "stop") for lab in STOP_LABELS if lab not in ("【", "【字体"))
_ALL.sort(key=lambda x: -len(x[0]))
_LABEL_FIELD = {lab: f for lab, f in _ALL}


def _label_pattern(lab: str) -> str:
    body = _SPACE.join(re.escape(c) for c in lab)
    if lab in _SHORT:  # a short label must not be the tail of a longer word (生效日期, 成文时间 …)
        body = rf"(?<![{_CJK}]){body}"
    return body


_LABEL_RE = re.compile(
    r"(?P<label>" + "|".join(_label_pattern(lab) for lab, _ in _ALL) + r")" + _SPACE + r"(?P<colon>[:：])?"
)
_ONLY_LABEL = re.compile(r"^[\s\u3000\u2002\u2003\xa0]*(?P<label>" + "|".join(
    _label_pattern(lab) for lab, _ in _ALL) + r")" + _SPACE + r"[:：]?" + _SPACE + r"$")
_SPACES = re.compile(r"[\s\u3000\u2002\u2003\xa0]+")
_TRIM = " \t|｜·•[]【】()（）:：;；,，。“”\"'"
_NONE_VALUES = {"", "无", "暂无", "-", "--", "—", "——", "/", "null", "none", "undefined"}


def _canon_label(text: str) -> str:
    return _SPACES.sub("", text)


_PAIRS = {"）": "（", ")": "(", "】": "【", "]": "["}


def _clean_value(v: str) -> str:
    """Collapse spaces and trim separators and stray brackets; a closing bracket whose opening one
    is inside the value stays ('济南市文化和旅游局（原市文广新局）')."""
    v = v.replace(dom.EMPTY_CELL, "")
    v = _SPACES.sub(" ", v).strip()
    out = v.strip(_TRIM).strip()
    end = v.find(out) + len(out) if out else 0
    while out and end < len(v) and v[end] in _PAIRS and out.count(_PAIRS[v[end]]) > out.count(v[end]):
        out += v[end]
        end += 1
    return out


def _cells(tr: etree._Element) -> list[str]:
    return [dom.text_content(c) for c in tr if isinstance(c.tag, str) and c.tag in ("td", "th")]


def _field_label(text: str) -> str | None:
    """The metadata field a bare label cell names ('索取号' -> index_no), else None."""
    m = _ONLY_LABEL.match(text)
    if not m:
        return None
    field = _LABEL_FIELD.get(_canon_label(m.group("label")))
    return field if field and field != "stop" else None


def header_row_pairs(table: etree._Element) -> list[tuple[str, str]]:
    """(label, value) pairs of a column-header metadata table: one row of bare labels
    (索取号 | 发布时间 | 发布机构 | 文件编号 | 备注) over one row of values, as on wsjkw.sh.gov.cn.

    At least three header cells must be known field labels and the value row must hold none."""
    rows = []
    for tr in table.iter("tr"):
        owner = tr.getparent()
        while owner is not None and owner.tag != "table":
            owner = owner.getparent()
        if owner is table:
            rows.append(tr)
            if len(rows) > 6:
                return []  # a metadata block is a small table; a long one is data (a report's 统计表)
    for head, vals in zip(rows, rows[1:]):
        hc, vc = _cells(head), _cells(vals)
        if len(hc) < 3 or len(hc) != len(vc):
            continue
        known = sum(1 for h in hc if _field_label(h))
        if known < 3 or known < 0.6 * len(hc) or any(_ONLY_LABEL.match(v) for v in vc if v):
            continue
        return [(_canon_label(h), v) for h, v in zip(hc, vc) if _field_label(h)]
    return []


def header_table_lines(tree: etree._ElementTree) -> list[str]:
    """'label：value' lines for every column-header metadata table of the page."""
    out: list[str] = []
    for r in dom.roots(tree):
        for table in r.iter("table"):
            out.extend(f"{lab}：{val}" for lab, val in header_row_pairs(table))
    return out


def scan_labels(lines: list[str]) -> dict[str, list[tuple[int, str]]]:
    """All label -> [(line number, value)] found in text lines, in document order.

    Values stop at the next known label on the same line; a line holding only a label takes
    the next line as its value (label cell / value cell layouts). Long prose lines are skipped:
    a label quoted inside a sentence is not metadata."""
    found: dict[str, list[tuple[int, str]]] = {}
    n = len(lines)
    i = 0
    while i < n:
        line = lines[i]
        only = _ONLY_LABEL.match(line)
        if only:
            label = _canon_label(only.group("label"))
            nxt = lines[i + 1] if i + 1 < n else ""
            if nxt and not _LABEL_RE.match(nxt.strip()) and len(nxt) <= 120:
                found.setdefault(label, []).append((i, _clean_value(nxt)))
                i += 2
                continue
            found.setdefault(label, []).append((i, ""))
            i += 1
            continue
        if len(line) <= 200:
            matches = [m for m in _LABEL_RE.finditer(line) if m.group("colon")]
            for k, m in enumerate(matches):
                end = matches[k + 1].start() if k + 1 < len(matches) else len(line)
                value = line[m.end():end]
                found.setdefault(_canon_label(m.group("label")), []).append((i, _clean_value(value)))
        i += 1
    return found


def meta_tags(tree: etree._ElementTree) -> dict[str, str]:
    """<meta name=… content=…> pairs (SiteIDCode, ColumnName, ArticleTitle, PubDate, ContentSource…)."""
    skip = {"viewport", "renderer", "format-detection", "apple-mobile-web-app-capable", "robots",
            "x-ua-compatible", "content-type", "referrer", "theme-color", "generator"}
    out: dict[str, str] = {}
    for m in dom.xpath_all(tree, ".//meta[@name or @property]"):
        name = (m.get("name") or m.get("property") or "").strip()
        content = (m.get("content") or "").strip()
        if not name or name.lower() in skip or not content or len(content) > 500:
            continue
        out.setdefault(name, content)
    return out


def _meta(meta: dict[str, str], *names: str) -> str | None:
    lower = {k.lower(): v for k, v in meta.items()}
    for n in names:
        v = lower.get(n.lower())
        if v and v.strip():
            return v.strip()
    return None


_TRAILING_DATE = re.compile(r"\s*(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}.*$")
_TRAILING_FURNITURE = re.compile(r"\s*(?:字体|字号|浏览|阅读|点击|访问|分享|打印)[^：:]{0,4}[:：].*$")
# page buttons printed after a 来源 value without a label: '来源：教育部　下载　收藏'
_TRAILING_BUTTONS = re.compile(r"(?:\s+(?:下载|收藏|打印|分享|关闭|纠错|返回顶部|关闭窗口|打印本页))+$")


def _first(found: dict[str, list[tuple[int, str]]], field: str, max_len: int = 80,
           want_date: bool = False, publisher: bool = False) -> str | None:
    """Earliest usable value of any label of ``field`` (document order decides between synonyms).

    A publisher never contains a date: '来源：宣教中心  2022-11-14 14:59' keeps the name only."""
    cands = sorted((pos, v) for lab in FIELD_LABELS[field] for pos, v in found.get(lab, []))
    for _pos, v in cands:
        if publisher:
            v = _TRAILING_BUTTONS.sub("", _TRAILING_FURNITURE.sub("", _TRAILING_DATE.sub("", v)).strip()).strip()
        if want_date:
            d = parse_date(v[:40])
            if d:
                return d
            continue
        if v and v.lower() not in _NONE_VALUES and len(v) <= max_len:
            return v
    return None


_URL_DATE = re.compile(r"/t((?:19|20)\d{6})_\d+|/art/((?:19|20)\d{2}/\d{1,2}/\d{1,2})/|/(20\d{2}[01]\d)/(\d{2})/"
                       r"|/((?:19|20)\d{2}/(?:1[0-2]|0?[1-9])/(?:3[01]|[12]\d|0?[1-9]))/")
_LINE_DATE = re.compile(r"((?:19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}日?)")


def url_date(url: str) -> str | None:
    """Publication date embedded in TRS (t20240112_…), Hanweb (/art/2024/1/12/), /202401/12/ or
    /2024/1/12/ URL paths."""
    path = urlparse(url or "").path
    m = _URL_DATE.search(path)
    if not m:
        return None
    if m.group(1):
        return parse_date(m.group(1))
    if m.group(2):
        return parse_date(m.group(2).replace("/", "-"))
    if m.group(3):
        return parse_date(f"{m.group(3)[:4]}-{m.group(3)[4:]}-{m.group(4)}")
    if m.group(5):
        return parse_date(m.group(5).replace("/", "-"))
    return None


def _shown_url_date(lines: list[str], url: str) -> str | None:
    """The URL's date when the page also shows it on a short line: two independent signals of the
    first publication, which beat a meta PubDate rewritten when the page was regenerated/migrated
    (sc.gov.cn: URL 2020/9/15, shown 2020年09月15日, meta PubDate 2022-10-14)."""
    ud = url_date(url)
    if not ud:
        return None
    for ln in lines:
        if len(ln) <= 80:
            for m in _LINE_DATE.finditer(ln):
                if parse_date(m.group(1)) == ud:
                    return ud
    return None


def _source_line_date(lines: list[str]) -> str | None:
    """A date on a 来源/作者/编辑/点击 line (old CMS: '2018-02-07 09:33:10 来源: 作者: 编辑:')."""
    for ln in lines:
        if len(ln) <= 160 and re.search(r"(来\s*源|作\s*者|编\s*辑|点\s*击|浏览)", ln):
            m = _LINE_DATE.search(ln)
            if m:
                return parse_date(m.group(1))
    return None


_DATE_ONLY_LINE = re.compile(r"^(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?"
                             r"(?:\s*\d{1,2}\s*[:：时]\s*\d{1,2}\s*分?(?:\s*[:：]\s*\d{1,2}|\s*\d{1,2}\s*秒)?)?$")


def _generated_at(meta: dict[str, str]) -> str | None:
    """The page-generation time some CMSes declare in a meta tag (UCAP: others='页面生成时间 …')."""
    for v in meta.values():
        if "生成时间" in v:
            return parse_date(v.split("生成时间", 1)[1][:40])
    return None


def _date_only_line(lines: list[str]) -> str | None:
    """The first line holding nothing but a date (and time): '2024年12月07日 08时01分'."""
    for ln in lines:
        s = ln.strip()
        if len(s) <= 30 and _DATE_ONLY_LINE.match(s):
            return parse_date(s)
    return None


def _meta_pub_date(meta: dict[str, str], lines: list[str],
                   found: dict[str, list[tuple[int, str]]]) -> str | None:
    """meta PubDate, unless it is only the page-generation time and the page shows another date.

    UCAP-style portals (sc.gov.cn and its county sites, the beijing.gov.cn site cluster) rewrite
    PubDate on every regeneration and say so in meta 'others'; the date printed under the title
    (bare, or after a 时间/日期 label) is then the real publication date."""
    pub = parse_date(_meta(meta, "PubDate", "firstpublishedtime", "publishdate", "pubdate",
                           "article:published_time", "Maketime"))
    if pub and pub == _generated_at(meta):
        return (_date_only_line(lines) or _first(found, "generic_date", want_date=True)
                or _source_line_date(lines) or pub)
    return pub


_ELLIPSIS = re.compile(r"(?:\.{2,}|…+|⋯+)$")


def _untruncated(shown: str | None, meta_source: str | None) -> str | None:
    """The shown 来源 unless the page cut it with an ellipsis ('综合自学习强国、川观新闻、成都体...')
    and meta ContentSource holds the whole value it starts; no shown value -> meta ContentSource."""
    if not shown:
        return meta_source
    m = _ELLIPSIS.search(shown)
    if m and meta_source:
        head = _SPACES.sub("", shown[:m.start()])
        if head and _SPACES.sub("", meta_source).startswith(head):
            return meta_source
    return shown


def extract_metadata(tree: etree._ElementTree, url: str, meta: dict[str, str]) -> dict:
    """index_no, publisher, doc_no, published_date, written_date, topic and a labelled title."""
    # column-header tables first: their labels and values sit on different lines of the page text
    lines = header_table_lines(tree) + [ln for ln in dom.iter_text_lines(tree, cells_per_line=True)]
    found = scan_labels(lines)
    rec: dict = {}
    rec["index_no"] = _first(found, "index_no", 60)
    rec["publisher"] = _untruncated(_first(found, "publisher_org", 60, publisher=True)
                                    or _first(found, "publisher_src", 60, publisher=True),
                                    _meta(meta, "ContentSource", "source"))
    rec["doc_no"] = _first(found, "doc_no", 60)
    rec["published_date"] = (
        _first(found, "published_date", want_date=True)
        or _shown_url_date(lines, url)
        or _meta_pub_date(meta, lines, found)
        or _first(found, "generic_date", want_date=True)
        or _source_line_date(lines)
        or url_date(url)
    )
    rec["written_date"] = _first(found, "written_date", want_date=True)
    rec["topic"] = _first(found, "topic", 40)
    rec["labelled_title"] = _first(found, "title", 300)
    return rec


_DOC_NO = re.compile(r"[\u4e00-\u9fff]{1,12}(?:〔|\[|【|﹝|［|\(|（)(?:19|20)\d{2}(?:〕|\]|】|﹞|］|\)|）)\s*第?\s*\d{1,5}\s*号")


def doc_no_in(text: str | None) -> str | None:
    """A 文号 such as 浙金罚决字〔2024〕52号 inside a title, or None."""
    m = _DOC_NO.search(text or "")
    return m.group(0) if m else None


def doc_no_heading(body_text: str | None, lines: int = 3) -> str | None:
    """A 文号 standing alone on one of the body's first lines, as official documents print it above
    the addressee ('川卫函〔2025〕46号' / '唐家文代表：'), when the page has no labelled 文号. A number
    quoted inside a sentence is a citation, not the document's own number, so the whole line must be
    the 文号."""
    seen = 0
    for line in (body_text or "").splitlines():
        line = _SPACES.sub("", line)
        if not line:
            continue
        m = _DOC_NO.fullmatch(line)
        if m:
            return m.group(0)
        seen += 1
        if seen >= lines:
            break
    return None
