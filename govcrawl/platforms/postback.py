"""ASP.NET WebForms pagers: ``javascript:__doPostBack('ctl00$Main$Pager','3')``.

The next page is not a URL but the same form posted back with ``__EVENTTARGET`` and
``__EVENTARGUMENT`` (and the page's ``__VIEWSTATE``). Scrapy's ``FormRequest.from_response`` posts
the form as the browser would; this module finds the pager's calls and says which page each one
asks for, so absolute pages are asked once and relative ones (``Page$Next``) only while they
bring new entries.
"""
from __future__ import annotations

import re

from scrapy.http import FormRequest

from govcrawl.platforms import links

_CALL = re.compile(r"""__doPostBack\(\s*['"]([^'"]+)['"]\s*,\s*['"]([^'"]*)['"]\s*\)""")
_NUMBER = re.compile(r"^(?:Page\$)?(\d{1,4})$", re.I)
_RELATIVE_NEXT = re.compile(r"^(?:Page\$)?(Next|下一页)$", re.I)
_RELATIVE_LAST = re.compile(r"^(?:Page\$)?(Last|尾页)$", re.I)


def has_postback_form(response) -> bool:
    return bool(response.xpath("//form//input[@name='__VIEWSTATE' or @name='__EVENTTARGET']"))


def pager_calls(response) -> list[tuple[str, str, str]]:
    """(target, argument, kind) of the page's postback pager links; kind is a page number as
    text, 'next' or 'last'. Links that post back for other reasons (buttons, sorting) are left."""
    out = []
    for a in response.xpath("//a[contains(@href, '__doPostBack') or contains(@onclick, '__doPostBack')]"):
        code = (a.attrib.get("href") or "") + " " + (a.attrib.get("onclick") or "")
        m = _CALL.search(code)
        if not m:
            continue
        target, argument = m.group(1), m.group(2)
        text = links.clean(" ".join(a.xpath(".//text()").getall())) or links.clean(a.attrib.get("title"))
        number = _NUMBER.match(argument) or (_NUMBER.match(text) if not argument else None)
        if number and (text.isdigit() or links.is_next_page(text) or links.is_last_page(text) or not text):
            out.append((target, argument, number.group(1)))
        elif text.isdigit() and len(text) <= 4:
            out.append((target, argument, text))
        elif links.is_next_page(text) or _RELATIVE_NEXT.match(argument):
            out.append((target, argument, "next"))
        elif links.is_last_page(text) or _RELATIVE_LAST.match(argument):
            out.append((target, argument, "last"))
    return out


def postback_request(response, target: str, argument: str, **kwargs) -> FormRequest:
    """The form posted back as the pager link would (the form holding __VIEWSTATE)."""
    formxpath = "//form[.//input[@name='__VIEWSTATE']]" if response.xpath(
        "//form[.//input[@name='__VIEWSTATE']]") else None
    return FormRequest.from_response(
        response, formxpath=formxpath, dont_click=True,
        formdata={"__EVENTTARGET": target, "__EVENTARGUMENT": argument}, **kwargs)
