"""The data dictionary of exported tables: what each table and field means, in Chinese and English,
and the canonical codes of the standard statistical tables (TABLES.md).

Kept as plain data so the datapackage, the README of an export and the tests read the same text.
"""
from __future__ import annotations

# table -> (description zh, description en)
TABLES: dict[str, tuple[str, str]] = {
    "reports": ("年报栏目中的文件，每份一行；is_annual_report 标明是否为政府信息公开工作年度报告",
                "One row per document of a 年报 column; is_annual_report marks the annual reports"),
    "report_urls": ("发现某份报告的网址（同一报告可有多个网址）",
                    "Every URL a report was found at (one report may have several)"),
    "attachments": ("报告页面的附件（PDF、DOC、XLS、图片）及其提取文本",
                    "Files attached to a report page (PDF, DOC, XLS, images) and their text"),
    "report_stats": ("三张标准统计表的单元格，每格一行，代码见 codes 表",
                     "One row per cell of the standard statistical tables; codes in the codes table"),
    "report_checks": ("勾稽关系核对结果，每条规则每个范围一行",
                      "Consistency checks (勾稽关系), one row per rule and scope"),
    "sites": ("门户网站，每个一行", "One row per portal"),
    "report_versions": ("报告的历次版本（正文或表格数字变化时保留旧版）",
                        "Earlier and current versions of a report (kept when its text or numbers change)"),
    "report_events": ("报告的变更事件（新增、修改、删除、恢复）",
                      "Changes to a report over time (new, edited, removed, reappeared)"),
    "codes": ("统计表、行、列代码及其中文标签（国办公开办函〔2019〕60号、〔2021〕30号）",
              "Codes of the statistical tables, rows and columns with their printed Chinese labels"),
}

_COMMON = {
    "report_id": ("报告标识（稳定，由网址与内容得出）", "Report identifier (stable)"),
    "site_id": ("门户网站标识（爬虫名）", "Portal identifier (spider name)"),
    "url": ("网址", "URL"),
    "province": ("省级行政区", "Province"),
    "city": ("地级行政区", "Prefecture-level city"),
    "county": ("县级行政区", "County-level division"),
    "township": ("乡镇（街道）", "Township or subdistrict (乡镇 / 街道)"),
    "admin_code": ("民政部行政区划代码（县6位，乡镇9位）",
                   "Administrative division code of the Ministry of Civil Affairs (6 digits county, 9 township)"),
    "capture_id": ("存档抓取标识（对应 WARC 记录）", "Archived capture identifier (a WARC record)"),
    "first_seen": ("首次抓取时间（UTC）", "First seen (UTC)"),
    "last_seen": ("最近抓取时间（UTC）", "Last seen (UTC)"),
    "run_id": ("抓取批次标识", "Crawl run identifier"),
    "content_hash": ("规范化正文的哈希", "Hash of the normalized text"),
    "removed_on": ("首次发现已删除的抓取日期", "Date of the first crawl that found it removed"),
    "version": ("当前版本序号（见 report_versions）", "Current version number (see report_versions)"),
    "etag": ("服务器给出的 ETag（下次抓取时用于条件请求）", "ETag the server sent (for the next conditional request)"),
    "last_modified": ("服务器给出的 Last-Modified", "Last-Modified the server sent"),
    "last_checked": ("最近一次检查该网址的日期", "Date this URL was last checked"),
    "url_key": ("网址的规范形式（参数排序等），用于匹配", "Canonical form of the URL (sorted query), for matching"),
    "fail_since": ("连续访问失败的起始日期（5xx 或网络故障；两次抓取均失败才算删除）",
                   "First date the URL failed (5xx or network); removal only once two crawls saw it fail"),
    "fail_run": ("最近一次失败的抓取批次", "Crawl run of the latest failure"),
    "crawl_id": ("一次 govcrawl crawl 调用的标识（包含多个网站的批次）",
                 "One govcrawl crawl invocation (groups the per-site runs)"),
    "parent": ("上级网站标识（乡镇、部门所在的县级门户）", "Parent site (the county portal a township or department is on)"),
}

# table -> field -> (zh, en); fields not listed here fall back to _COMMON.
FIELDS: dict[str, dict[str, tuple[str, str]]] = {
    "reports": {
        "title": ("标题", "Title"),
        "report_year": ("报告年度", "Year the report covers"),
        "is_annual_report": ("是否为政府信息公开工作年度报告（1 是，0 否）",
                             "1 if the document is an annual information-disclosure report, else 0"),
        "agency": ("报告主体（机关）", "Reporting body"),
        "publisher": ("发布机构", "Publisher (发布机构)"),
        "index_no": ("索引号", "Index number (索引号)"),
        "doc_no": ("文号", "Document number (文号)"),
        "published_date": ("发布日期", "Publication date"),
        "written_date": ("成文日期", "Date written (成文日期)"),
        "topic": ("主题分类", "Topic (主题分类)"),
        "body_text": ("正文（规范化：简体、去除拼音注音与页面杂项）",
                      "Body text (normalized: simplified characters, no pinyin glosses or page chrome)"),
        "body_source": ("正文来源：page 页面、attachment 附件", "Where the body came from: page or attachment"),
        "ocr": ("正文是否经光学字符识别（1 是）", "1 if the body was read by OCR"),
        "list_title": ("栏目列表中的标题", "Title as shown in the column's list"),
        "errors": ("提取时遇到的问题（JSON 数组）", "Problems met while extracting (JSON array)"),
        "warc_record_id": ("存档副本的 WARC-Record-ID，可用于引用",
                           "WARC-Record-ID of the archived copy, for citation"),
        "capture_time": ("存档副本的抓取时间（UTC）", "Capture time of the archived copy (UTC)"),
        "cdxj_key": ("存档副本的 CDXJ 索引键（SURT 与时间戳）",
                     "CDXJ index key of the archived copy (SURT and timestamp)"),
        "classified_by": ("判定是否为年报的依据（标题、正文结构、栏目、网址）",
                          "Why the document was (or was not) taken as an annual report: title, body, column, URL"),
    },
    "report_urls": {"url": ("报告所在网址", "URL the report was found at")},
    "attachments": {
        "attachment_id": ("附件标识", "Attachment identifier"),
        "url": ("附件网址", "Attachment URL"),
        "name": ("附件名称（链接文字）", "Attachment name (link text)"),
        "type": ("文件类型（pdf、doc、xls 等）", "File type (pdf, doc, xls, ...)"),
        "content_type": ("服务器声明的内容类型", "Content-Type the server sent"),
        "status": ("HTTP 状态码", "HTTP status"),
        "pages": ("页数", "Pages"),
        "ocr": ("是否经光学字符识别（1 是）", "1 if read by OCR"),
        "text": ("提取的文本", "Extracted text"),
        "error": ("提取或下载错误", "Download or extraction error"),
    },
    "report_stats": {
        "table": ("统计表代码：active 主动公开、applications 依申请公开、appeals 复议诉讼、legacy 2019年前统计表",
                  "Table code: active, applications, appeals, or legacy (pre-2019 tables)"),
        "row": ("行代码（legacy 表为印刷的指标名称）", "Row code (the printed indicator for legacy tables)"),
        "column": ("列代码", "Column code"),
        "value": ("数值；空白单元格为空", "Number; empty for a blank cell"),
        "raw": ("单元格原文（“0”“—”“／”“无”或空白各不相同）",
                "Cell text as printed (0, —, ／, 无 and blank are different facts)"),
        "unit": ("单位（legacy 表）", "Unit (legacy tables)"),
    },
    "report_checks": {
        "rule": ("勾稽关系规则", "Consistency rule"),
        "scope": ("规则适用的列或行", "Column or row the rule was applied to"),
        "status": ("结果：ok 相符、fail 不符、unknown 缺数无法判断",
                   "Result: ok, fail, or unknown (inputs blank)"),
        "detail": ("计算过程", "The sums compared"),
    },
    "sites": {
        "name": ("网站名称（发布主体）", "Portal name (the publishing body)"),
        "level": ("层级：county 县、township 乡镇、department 部门", "Level: county, township or department"),
        "homepage": ("首页网址", "Homepage URL"),
        "platform": ("检测到的列表形式（hanweb、trs、json-api、aspnet、browser、static 等）",
                     "List conventions detected (hanweb, trs, json-api, aspnet, browser, static …)"),
        "verified": ("登记表中是否已核实（1 是）", "1 if the registry marks the row verified"),
        "notes": ("登记表备注", "Registry notes"),
        "discovered_from": ("子网站：发现它的县级页面", "Subsite: the county page it was found on"),
        "report_columns": ("最近一次抓取找到的年报栏目网址（JSON 数组）",
                           "年报 column URLs the last crawl found (JSON array)"),
        "list_readers": ("读取列表时用到的方法", "List readers that found entries"),
        "needed_browser": ("列表是否需要浏览器渲染（1 是）", "1 if its list needed a browser"),
        "last_crawled": ("最近一次抓取时间（UTC）", "Last crawled (UTC)"),
    },
    "report_versions": {
        "version": ("版本序号", "Version number"),
        "title": ("该版本的标题", "Title in this version"),
        "body_text": ("该版本的正文", "Body text in this version"),
        "stats": ("该版本的表格数字（JSON）", "Table numbers in this version (JSON)"),
        "change_summary": ("变更摘要（改动的单元格与段落）", "What changed (cells and paragraphs)"),
        "summary": ("变更摘要", "What changed"),
    },
    "report_events": {
        "event": ("事件：new、edited、removed、reappeared", "Event: new, edited, removed, reappeared"),
        "time": ("时间（UTC）", "Time (UTC)"),
        "event_id": ("事件标识", "Event identifier"),
        "date": ("事件日期（发现的那次抓取）", "Date of the crawl that saw it"),
        "detail": ("说明", "Detail"),
    },
    "codes": {
        "table": ("统计表代码", "Table code"),
        "kind": ("row 行或 column 列", "row or column"),
        "code": ("代码", "Code"),
        "label_zh": ("印刷的中文标签", "Printed Chinese label"),
        "label_en": ("英文说明", "English gloss"),
    },
}


def field_description(table: str, field: str) -> tuple[str, str] | None:
    return FIELDS.get(table, {}).get(field) or _COMMON.get(field)


_EN = {
    "active": "proactive disclosure", "applications": "requests received and handled",
    "appeals": "administrative review and litigation", "rules": "rules", "normative": "normative documents",
    "licensing": "licensing", "other_services": "other services (2019)", "penalty": "penalties",
    "coercion": "coercive measures", "fees": "fees", "procurement": "procurement (2019)",
    "made": "made this year", "published": "published this year", "total": "total",
    "issued": "issued this year", "repealed": "repealed this year", "in_force": "in force",
    "prev_items": "items last year", "change": "change this year", "decisions": "decisions",
    "amount_10k_yuan": "amount, 10,000 yuan", "items": "items", "amount": "amount",
    "new": "new requests this year", "carried_in": "carried in from last year", "granted": "granted",
    "partly_granted": "partly granted", "withheld": "withheld", "unavailable": "cannot be provided",
    "not_processed": "not processed", "other_handling": "other handling",
    "handled_total": "handled, total", "carried_out": "carried over to next year",
    "natural_person": "natural persons", "commercial": "businesses", "research": "research institutions",
    "social_welfare": "public-interest organisations", "legal_service": "legal service providers",
    "other_org": "other applicants", "review": "administrative review",
    "suit_direct": "lawsuit without prior review", "suit_after_review": "lawsuit after review",
    "upheld": "upheld", "corrected": "corrected", "other": "other result", "pending": "pending",
    "legacy": "pre-2019 provincial statistics table (统计表)",
}


def _gloss(code: str) -> str:
    base, _, number = code.rpartition("_")
    if number.isdigit() and base in _EN:
        return f"{_EN[base]}, item {number}"
    return _EN.get(code, code)


def table_codes() -> list[dict]:
    """Every (table, row/column, code) of TABLES.md with the label the official templates print
    (taken from the templates govcrawl.tables.samples prints, so the two cannot drift apart)."""
    from govcrawl.tables.labels import APPEAL_COLUMNS, APPEAL_ROWS, APPLICATION_COLUMNS
    from govcrawl.tables.samples import (_RESULT_ROWS, ACTIVE_COLS, ACTIVE_SECTIONS, APPEAL_HEAD,
                                         APPLICANT_LABELS, HEADINGS)

    seen: dict[tuple[str, str, str], dict] = {}

    def add(table, kind, code, zh):
        key = (table, kind, code)
        if key in seen:  # the same code printed differently in 2019 and 2021
            if zh not in seen[key]["label_zh"].split(" / "):
                seen[key]["label_zh"] += f" / {zh}"
            return
        seen[key] = {"table": table, "kind": kind, "code": code, "label_zh": zh, "label_en": _gloss(code)}

    for table, heading in HEADINGS.items():
        add(table, "table", table, heading)
    add("legacy", "table", "legacy", "政府信息公开情况统计表（2019年以前）")
    for template, sections in ACTIVE_SECTIONS.items():
        for _, column_labels, row_labels in sections:
            for zh, code in row_labels:
                add("active", "row", code, zh)
                for col, col_zh in zip(ACTIVE_COLS[template][code], column_labels):
                    add("active", "column", col, col_zh)
    add("applications", "row", "new", "一、本年新收政府信息公开申请数量")
    add("applications", "row", "carried_in", "二、上年结转政府信息公开申请数量")
    for template in sorted(_RESULT_ROWS):
        for group, zh, code in _RESULT_ROWS[template]:
            add("applications", "row", code, f"三、{group or ''}{zh}")
    add("applications", "row", "carried_out", "四、结转下年度继续办理")
    for code, zh in zip(APPLICATION_COLUMNS, APPLICANT_LABELS):
        add("applications", "column", code, zh)
    for code, zh in zip(APPEAL_ROWS, ["行政复议", "行政诉讼·未经复议直接起诉", "行政诉讼·复议后起诉"]):
        add("appeals", "row", code, zh)
    for code, zh in zip(APPEAL_COLUMNS, APPEAL_HEAD):
        add("appeals", "column", code, zh)
    add("legacy", "column", "value", "统计数")
    return list(seen.values())
