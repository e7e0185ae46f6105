"""Chinese and English names for what the site shows: columns, table codes (TABLES.md), checks."""
from __future__ import annotations

from govcrawl.sample_portals import tables as _printed

# column -> (中文, English description)
COLUMNS: dict[str, tuple[str, str]] = {
    "report_id": ("报告编号", "Stable id of the report (hash of its canonical URL or text)"),
    "site_id": ("网站", "The portal it was crawled from"),
    "url": ("网址", "Where the report was found"),
    "title": ("标题", "Title as the page gives it"),
    "report_year": ("报告年度", "Year the report covers (from the title, else the 统计期限), not the year it was published"),
    "is_annual_report": ("是否年报", "1: a 政府信息公开工作年度报告 (or annual 政务公开工作总结); 0: another document of the 年报 column"),
    "agency": ("报告主体", "The body the report is about, from its title or opening lines"),
    "publisher": ("发布机构", "发布机构 / 来源 as the page shows it (portals often fill in a site default)"),
    "index_no": ("索引号", "索引号 of the 信息公开 catalogue"),
    "doc_no": ("文号", "文号 of the document"),
    "published_date": ("发布日期", "Date published (公开日期 / 发布日期)"),
    "written_date": ("成文日期", "Date written"),
    "topic": ("主题分类", "Topic class of the catalogue"),
    "province": ("省", "Province"), "city": ("市", "Prefecture-level city"),
    "county": ("县（区）", "County-level division"), "township": ("乡镇（街道）", "Township or 街道"),
    "admin_code": ("行政区划代码", "民政部 division code: 6 digits for a county, 9 for a 乡镇/街道"),
    "level": ("层级", "county, township or department: the body that published"),
    "body_text": ("正文", "Text of the report"),
    "body_source": ("正文来源", "page, or attachment when the page only links to the report file"),
    "ocr": ("文字识别", "1 if the text was read from a scan by OCR"),
    "content_hash": ("内容指纹", "Hash of the normalized text: same text, same report"),
    "list_title": ("列表标题", "Title as the list page gave it"),
    "errors": ("处理问题", "What went wrong while reading this report"),
    "first_seen": ("首次抓取", "First crawl that saw it"), "last_seen": ("最近抓取", "Latest crawl that saw it"),
    "removed_on": ("删除日期", "Date of the first crawl that found it gone (blank while it is online)"),
    "capture_id": ("存档", "The archived copy of the page (WARC record): click to see it"),
    "run_id": ("抓取批次", "Crawl run"),
    "name": ("名称", "Name"), "homepage": ("主页", "Portal homepage"), "platform": ("平台", "CMS platform"),
    "type": ("类型", "File type"), "text": ("文字", "Text extracted from the file"),
    "table": ("表", "Standard table: active / applications / appeals / legacy"),
    "row": ("行", "Row code (see 表格代码 / table codes)"), "column": ("列", "Column code"),
    "value": ("数值", "The number, blank where the cell was blank"),
    "raw": ("原文", "The cell as printed (0, —, ／, 无, or blank)"), "unit": ("单位", "Unit"),
    "rule": ("勾稽规则", "Consistency rule"), "scope": ("范围", "Column or row the rule was checked on"),
    "status": ("结果", "ok / fail / unknown (inputs blank)"), "detail": ("说明", "The numbers compared"),
    "stage": ("环节", "Crawl stage"), "reason": ("原因", "Reason"),
    "warc_file": ("WARC 文件", "WARC file under archive/"), "warc_offset": ("偏移", "Byte offset of the record"),
}

LEVELS = {"county": "县级", "township": "乡镇（街道）", "department": "部门"}

APPLICANTS = {"natural_person": "自然人", "commercial": "商业企业", "research": "科研机构",
              "social_welfare": "社会公益组织", "legal_service": "法律服务机构", "other_org": "其他",
              "total": "总计"}

# The printed labels of table 三's sub-rows, as the sample portals print them ("1.属于国家秘密", …).
WITHHELD, UNAVAILABLE, NOT_PROCESSED, OTHER_HANDLING = (
    [label.split(".", 1)[1] for label in group] for group in (_printed.WITHHELD, _printed.UNAVAILABLE,
                                                              _printed.NOT_PROCESSED, _printed.OTHER_2021))

APPLICATION_ROWS: dict[str, tuple[str, str]] = {
    "new": ("一、本年新收政府信息公开申请数量", "New applications this year"),
    "carried_in": ("二、上年结转政府信息公开申请数量", "Carried in from last year"),
    "granted": ("三（一）予以公开", "Granted in full"),
    "partly_granted": ("三（二）部分公开", "Granted in part"),
    **{f"withheld_{i}": (f"三（三）不予公开 {i}. {t}", f"Withheld, reason {i}") for i, t in enumerate(WITHHELD, 1)},
    **{f"unavailable_{i}": (f"三（四）无法提供 {i}. {t}", f"Cannot be provided, reason {i}")
       for i, t in enumerate(UNAVAILABLE, 1)},
    **{f"not_processed_{i}": (f"三（五）不予处理 {i}. {t}", f"Not processed, reason {i}")
       for i, t in enumerate(NOT_PROCESSED, 1)},
    "other_handling": ("三（六）其他处理", "Other handling (2019 template)"),
    **{f"other_handling_{i}": (f"三（六）其他处理 {i}. {t}", f"Other handling {i} (2021 template)")
       for i, t in enumerate(OTHER_HANDLING, 1)},
    "handled_total": ("三（七）总计", "Handled, total"),
    "carried_out": ("四、结转下年度继续办理", "Carried over to next year"),
}

APPEAL_ROWS = {"review": ("行政复议", "Administrative review"),
               "suit_direct": ("行政诉讼·未经复议直接起诉", "Lawsuit without prior review"),
               "suit_after_review": ("行政诉讼·复议后起诉", "Lawsuit after review")}
APPEAL_COLUMNS = {"upheld": ("结果维持", "Decision upheld"), "corrected": ("结果纠正", "Decision corrected"),
                  "other": ("其他结果", "Other outcome"), "pending": ("尚未审结", "Pending"),
                  "total": ("总计", "Total")}

ACTIVE_ROWS = {"rules": ("规章", "Rules"), "normative": ("规范性文件", "Normative documents"),
               "licensing": ("行政许可", "Licensing"), "other_services": ("其他对外管理服务事项", "Other services (2019)"),
               "penalty": ("行政处罚", "Penalties"), "coercion": ("行政强制", "Coercive measures"),
               "fees": ("行政事业性收费", "Administrative fees"), "procurement": ("政府集中采购", "Central procurement (2019)")}
ACTIVE_COLUMNS = {"made": ("本年新制作数量", "Made this year"), "published": ("本年新公开数量", "Published this year"),
                  "total": ("对外公开总数量", "Total published"), "issued": ("本年制发件数", "Issued this year"),
                  "repealed": ("本年废止件数", "Repealed this year"), "in_force": ("现行有效件数", "In force"),
                  "prev_items": ("上一年项目数量", "Items last year"), "change": ("本年增/减", "Change this year"),
                  "decisions": ("处理决定数量", "Decisions"), "amount_10k_yuan": ("本年收费金额（万元）", "Fees (10k yuan)"),
                  "items": ("采购项目数量", "Procurement items"), "amount": ("采购总金额", "Procurement amount")}

TABLES = {"active": ("二、主动公开政府信息情况", "Proactive disclosure"),
          "applications": ("三、收到和处理政府信息公开申请情况", "Applications received and handled"),
          "appeals": ("四、政府信息公开行政复议、行政诉讼情况", "Administrative reviews and lawsuits"),
          "legacy": ("政府信息公开情况统计表（2019 年以前）", "Statistics table before 2019")}

CHECKS = {
    "applications.balance": ("一 + 二 = 三（七）总计 + 四",
                             "new + carried in must equal handled + carried over"),
    "applications.handled_sum": ("三（七）总计 = 三（一）至三（六）之和",
                                 "handled total must equal the sum of every outcome"),
    "applications.total_column": ("总计列 = 六类申请人之和", "the total column must equal the six applicant columns"),
    "appeals.total": ("总计 = 维持 + 纠正 + 其他 + 尚未审结", "total must equal upheld + corrected + other + pending"),
    "cross_year.carry": ("本年“上年结转” = 上年报告“结转下年度”",
                         "carried in must equal last year's report's carried over"),
}


def cell_label(table: str, row: str, column: str | None = None) -> str:
    """Chinese label of a table cell code, e.g. applications/new/total → 一、本年新收…（总计）."""
    if table == "applications":
        label = APPLICATION_ROWS.get(row, (row,))[0]
        return f"{label}（{APPLICANTS.get(column, column)}）" if column else label
    if table == "appeals":
        label = APPEAL_ROWS.get(row, (row,))[0]
        return f"{label}·{APPEAL_COLUMNS.get(column, (column,))[0]}" if column else label
    if table == "active":
        label = ACTIVE_ROWS.get(row, (row,))[0]
        return f"{label}·{ACTIVE_COLUMNS.get(column, (column,))[0]}" if column else label
    return row


def wide_column_label(name: str) -> str | None:
    """Chinese label of an applications_wide column such as ``granted__natural_person``."""
    if "__" not in name:
        return COLUMNS.get(name, (None,))[0]
    row, column = name.split("__", 1)
    return cell_label("applications", row, column) if row in APPLICATION_ROWS else None


def column_description(name: str) -> str:
    """'中文 · English' for a column name, or ''."""
    if name in COLUMNS:
        zh, en = COLUMNS[name]
        return f"{zh} · {en}"
    label = wide_column_label(name)
    return label or ""
