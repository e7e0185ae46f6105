"""Printed labels of the standard tables -> canonical codes of TABLES.md.

Labels are compared after NFKC, OpenCC t2s (traditional-variant portals) and whitespace removal, so
（一） and (一), 規章 and 规章 are the same label.
"""
from __future__ import annotations

import functools
import re
import unicodedata

import opencc

_T2S = opencc.OpenCC("t2s")


@functools.lru_cache(maxsize=8192)
def norm_label(label: str) -> str:
    """Label normalized for matching and storage: NFKC, simplified, no whitespace."""
    s = unicodedata.normalize("NFKC", label or "")
    s = re.sub(r"\s+", "", s)
    return _T2S.convert(s)


# ---- table `active` ------------------------------------------------------------------------------
ACTIVE_ROWS = {
    "规章": "rules",
    "规范性文件": "normative",
    "行政规范性文件": "normative",
    "行政许可": "licensing",
    "其他对外管理服务事项": "other_services",
    "行政处罚": "penalty",
    "行政强制": "coercion",
    "行政事业性收费": "fees",
    "政府集中采购": "procurement",
}

ACTIVE_COLUMNS = {
    2019: {
        "rules": ["made", "published", "total"],
        "normative": ["made", "published", "total"],
        "licensing": ["prev_items", "change", "decisions"],
        "other_services": ["prev_items", "change", "decisions"],
        "penalty": ["prev_items", "change", "decisions"],
        "coercion": ["prev_items", "change", "decisions"],
        "fees": ["prev_items", "change"],
        "procurement": ["items", "amount"],
    },
    2021: {
        "rules": ["issued", "repealed", "in_force"],
        "normative": ["issued", "repealed", "in_force"],
        "licensing": ["decisions"],
        "penalty": ["decisions"],
        "coercion": ["decisions"],
        "fees": ["amount_10k_yuan"],
    },
}

# header keyword -> column code (first match wins; order matters)
_ACTIVE_HEADER = [
    ("新制作", "made"),
    ("新公开", "published"),
    ("对外公开总", "total"),
    ("制发", "issued"),
    ("废止", "repealed"),
    ("现行有效", "in_force"),
    ("上一年项目", "prev_items"),
    ("增", "change"),
    ("减", "change"),
    ("处理决定", "decisions"),
    ("收费金额", "amount_10k_yuan"),
    ("采购项目", "items"),
    ("采购总金额", "amount"),
]

# markers of the template year in active-table headers and labels
TEMPLATE_2019_MARKERS = ("新制作", "新公开", "对外公开总数量", "上一年项目数量", "其他对外管理服务事项", "政府集中采购", "采购项目数量")
TEMPLATE_2021_MARKERS = ("本年制发件数", "本年废止件数", "现行有效件数", "收费金额", "行政机关不再处理其政府信息公开申请")


def active_row(label: str) -> str | None:
    """Row code of an active-table row label ('行政规范性文件' -> 'normative')."""
    s = norm_label(label)
    s = re.sub(r"\([^)]*\)", "", s)  # (单位:万元) and similar asides
    s = re.sub(r"^(?:\d+[.、]|[一二三四五六七八九十]+、)", "", s).strip("：:。")
    return ACTIVE_ROWS.get(s)


def active_header_column(label: str) -> str | None:
    """Column code of an active-table header cell, None when the header text is not recognized."""
    s = norm_label(label)
    for key, code in _ACTIVE_HEADER:
        if key in s:
            return code
    return None


def is_active_header(cells: list[str]) -> bool:
    first = norm_label(cells[0]) if cells else ""
    return first in ("信息内容", "项目", "内容") and any(active_header_column(c) for c in cells[1:])


# ---- table `applications` -------------------------------------------------------------------------
APPLICATION_COLUMNS = ["natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org", "total"]
# Every row code of the table, in the order of the templates (2019 and 2021 rows together).
APPLICATION_ROWS = (["new", "carried_in", "granted", "partly_granted"]
                    + [f"withheld_{i}" for i in range(1, 9)]
                    + [f"unavailable_{i}" for i in range(1, 4)]
                    + [f"not_processed_{i}" for i in range(1, 6)]
                    + ["other_handling", "other_handling_1", "other_handling_2", "other_handling_3",
                       "handled_total", "carried_out"])

# specific sub-item keywords first: they carry their group's words too when spans are expanded
_APPLICATION_KEYS = [
    ("国家秘密", "withheld_1"),
    ("禁止公开", "withheld_2"),
    ("三安全一稳定", "withheld_3"),
    ("第三方合法权益", "withheld_4"),
    ("内部事务", "withheld_5"),
    ("过程性", "withheld_6"),
    ("行政执法案卷", "withheld_7"),
    ("行政查询", "withheld_8"),
    ("不掌握", "unavailable_1"),
    ("另行制作", "unavailable_2"),
    ("逾期不补正", "other_handling_1"),
    ("补正后", "unavailable_3"),
    ("信访", "not_processed_1"),
    ("重复申请", "not_processed_2"),
    ("公开出版物", "not_processed_3"),
    ("大量反复", "not_processed_4"),
    ("重新出具", "not_processed_5"),
    ("确认", "not_processed_5"),
    ("收费通知", "other_handling_2"),
    ("缴纳费用", "other_handling_2"),
    ("本年新收", "new"),
    ("新收", "new"),
    ("上年结转", "carried_in"),
    ("结转下年", "carried_out"),
    ("继续办理", "carried_out"),
    ("予以公开", "granted"),
    ("部分公开", "partly_granted"),
]

GROUPS = {"不予公开": "withheld", "无法提供": "unavailable", "不予处理": "not_processed", "其他处理": "other_handling"}


def application_group(label: str) -> str | None:
    """Which 三(三)…(六) group a label opens, if any."""
    s = norm_label(label)
    for key, group in GROUPS.items():
        if key in s:
            return group
    return None


def application_row(label: str, group: str | None = None) -> str | None:
    """Row code of a label of the applications table; group = the 三(x) group the row sits in."""
    s = norm_label(label)
    if not s:
        return None
    for key, code in _APPLICATION_KEYS:
        if key in s:
            if code == "granted" and "不予公开" in s and "予以公开" not in s:
                continue
            return code
    if "总计" in s and not any(k in s for k in ("自然人", "法人", "申请人", "企业")):
        if "七" in s or "办理结果" in s or s.strip("()") == "总计":
            return "handled_total"
    tail = re.sub(r"^.*\d+[.、．]", "", s)
    if tail in ("其他", "其它") and (group == "other_handling" or "其他处理" in s):
        return "other_handling_3"
    if "其他处理" in s:
        return "other_handling"
    return None


_STEMS = {
    "new": "本年", "carried_in": "上年", "granted": "予以", "partly_granted": "部分", "withheld_1": "属于",
    "withheld_2": "其他", "withheld_3": "危及", "withheld_4": "保护", "withheld_5": "属于", "withheld_6": "属于",
    "withheld_7": "属于", "withheld_8": "属于", "unavailable_1": "本机", "unavailable_2": "没有",
    "unavailable_3": "补正", "not_processed_1": "信访", "not_processed_2": "重复", "not_processed_3": "要求",
    "not_processed_4": "无正", "not_processed_5": "要求", "other_handling": "其他", "other_handling_1": "申请",
    "other_handling_2": "申请", "other_handling_3": "其他", "handled_total": "总计", "carried_out": "结转",
}
_PREFIX = re.compile(r"^(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|\d+[.、．]|本年度办理结果|不予公开|无法提供"
                     r"|不予处理|其他处理)")


def is_standard_wording(label: str, code: str) -> bool:
    """Strict test used outside the applications section: the label reads like the template's row,
    not merely shares a keyword (a pre-2019 '3.同意部分公开答复数' is not 部分公开)."""
    s = norm_label(label)
    prev = None
    while s and s != prev:
        prev = s
        s = _PREFIX.sub("", s)
    return s.startswith(_STEMS.get(code, "\0"))


_APPLICANT_NAMES = {"自然人": "natural_person", "商业企业": "commercial", "科研机构": "research",
                    "社会公益组织": "social_welfare", "法律服务机构": "legal_service", "其他": "other_org",
                    "其它": "other_org", "其他组织": "other_org", "总计": "total", "合计": "total"}


def applicant_name(label: str) -> str | None:
    """Applicant column code of a header cell ('商业企业' -> 'commercial')."""
    return _APPLICANT_NAMES.get(norm_label(label).strip(":："))


def applicant_positions(cells: list[str]) -> dict[int, str]:
    """{grid position: applicant column} for the applicant names printed in a header row."""
    return {i: code for i, c in enumerate(cells) if (code := applicant_name(c))}


# ---- table `appeals` -------------------------------------------------------------------------------
APPEAL_ROWS = ["review", "suit_direct", "suit_after_review"]
APPEAL_COLUMNS = ["upheld", "corrected", "other", "pending", "total"]


def appeal_row(label: str) -> str | None:
    """Row code for layouts that print the appeals table as three labelled rows."""
    s = norm_label(label)
    if "复议后起诉" in s:
        return "suit_after_review"
    if "未经复议" in s or "直接起诉" in s:
        return "suit_direct"
    if "行政复议" in s and "诉讼" not in s:
        return "review"
    return None


# ---- sections ----------------------------------------------------------------------------------------
def section_of(text: str) -> str | None:
    """Which table a heading or header row opens ('active', 'applications', 'appeals', 'end')."""
    s = norm_label(text)
    if not s:
        return None
    if "主动公开政府信息情况" in s or s.startswith("第二十条第"):
        return "active"
    if "收到和处理政府信息公开申请" in s or "勾稽关系" in s or s == "申请人情况":
        return "applications"
    if "行政复议" in s and "行政诉讼" in s and len(s) < 40:
        return "appeals"
    if re.match(r"^[五六七]、", s) or "存在的主要问题" in s or "其他需要报告" in s:
        return "end"
    return None
