"""Attachment links of a detail page: files linked from the article or from attachment lists
(ul#file_ul_fj, 附件 blocks, 相关附件) plus JS arrays such as ``apps1=[{name:"…",url:"…"}]``."""
from __future__ import annotations

import re
from urllib.parse import unquote, urljoin, urlparse, parse_qs

from lxml import etree

from . import dom

DOC_EXTS = {"pdf", "doc", "docx", "wps", "xls", "xlsx", "et", "ofd", "zip", "rar", "7z", "txt", "rtf",
            "csv", "ppt", "pptx", "dps", "ceb", "tif", "tiff"}
IMAGE_EXTS = {"jpg", "jpeg", "png", "gif", "bmp", "webp"}
_EXT = re.compile(r"\.([A-Za-z0-9]{2,5})$")
_ATTACH_BLOCKS = (
    ".//*[@id='file_ul_fj' or @id='ul_xgfj' or @id='fujian' or @id='attach' or @id='appendix' or @id='files']"
    " | .//*[contains(@class, 'attach') or contains(@class, 'fujian') or contains(@class, 'xgfj') or contains(@class, 'appendix') or contains(@class, 'file_list') or contains(@class, 'down_list')]"
)
_JS_ITEM = re.compile(
    r"\{\s*name\s*:\s*[\"'](?P<name>[^\"']*)[\"']\s*,\s*url\s*:\s*[\"'](?P<url>[^\"']+)[\"']\s*\}"
    r"|\{\s*url\s*:\s*[\"'](?P<url2>[^\"']+)[\"']\s*,\s*name\s*:\s*[\"'](?P<name2>[^\"']*)[\"']\s*\}")


def file_type(href: str) -> str | None:
    """'pdf', 'docx', …, 'image' or None for a link that is not a file."""
    p = urlparse(href)
    candidates = [unquote(p.path)]
    for vals in parse_qs(p.query).values():
        candidates.extend(vals)
    for c in candidates:
        m = _EXT.search(c.strip())
        if m:
            ext = m.group(1).lower()
            if ext in IMAGE_EXTS:
                return "image"
            if ext in DOC_EXTS:
                return ext
    return None


def _usable(href: str | None) -> bool:
    return bool(href) and not href.strip().lower().startswith(("javascript:", "mailto:", "#", "tel:"))


def _add(out: list[dict], seen: set[str], url: str, name: str, ftype: str) -> None:
    if url in seen:
        for a in out:
            if a["url"] == url and not a["name"] and name:
                a["name"] = name
        return
    seen.add(url)
    out.append({"url": url, "name": name, "type": ftype})


def _links(node: etree._Element, base: str, out: list[dict], seen: set[str], in_block: bool) -> None:
    for a in node.iter("a"):
        href = a.get("href")
        if not _usable(href) or "." not in href:
            continue
        ftype = file_type(href)
        if not ftype:
            continue
        name = dom.text_content(a) or (a.get("title") or "").strip()
        if ftype == "image" and not in_block and not name:
            continue  # a photo wrapped in a link, not an attachment
        if not name:
            name = unquote(urlparse(href).path.rsplit("/", 1)[-1])
        _add(out, seen, urljoin(base, href.strip()), name, ftype)


_CHROME = re.compile(r"(^|[\s_-])(nav|menu|header|head|top|footer|foot|bottom|sidebar|left|right|friend|links?|yqlj|daohang|banner)([\s_-]|$)", re.I)


# The page's frame proper: a document linked from there is never the page's attachment.
_FRAME = re.compile(r"(^|[\s_-])(nav|menu|header|footer|foot|bottom|banner|daohang|yqlj|friend|copyright)([\s_-]|$)", re.I)


def _in_chrome(a: etree._Element, pattern: re.Pattern = _CHROME) -> bool:
    for anc in a.iterancestors():
        if anc.tag in ("nav", "header", "footer"):
            return True
        s = " ".join(filter(None, [anc.get("class"), anc.get("id")]))
        if s and pattern.search(s):
            return True
    return False


def _document_links(tree: etree._ElementTree) -> list[tuple[etree._Element, str, str]]:
    """(a, href, type) of every link to a document file (not images) on the page."""
    out = []
    for a in dom.xpath_all(tree, ".//a[@href]"):
        href = a.get("href")
        if not _usable(href) or "." not in href:  # no file name, no document: skip the URL parsing
            continue
        ftype = file_type(href)
        if ftype and ftype != "image":
            out.append((a, href, ftype))
    return out


def _page_documents(links: list[tuple[etree._Element, str, str]], base: str, out: list[dict], seen: set[str],
                    chrome: re.Pattern = _CHROME) -> None:
    """Document links (pdf, doc, xls …; not images) anywhere outside the page chrome."""
    for a, href, ftype in links:
        if dom.is_hidden(a) or _in_chrome(a, chrome):
            continue
        if any(dom.is_hidden(anc) for anc in a.iterancestors()):
            continue
        name = dom.text_content(a) or (a.get("title") or "").strip() or unquote(urlparse(href).path.rsplit("/", 1)[-1])
        _add(out, seen, urljoin(base, href.strip()), name, ftype)


def extract_attachments(tree: etree._ElementTree, body_node: etree._Element | None, base_url: str,
                        raw_html: str) -> list[dict]:
    """Deduplicated attachment list of {'url', 'name', 'type'} (absolute URLs)."""
    base = base_url
    for b in dom.xpath_all(tree, ".//base[@href]"):
        base = urljoin(base_url, b.get("href"))
        break
    out: list[dict] = []
    seen: set[str] = set()
    if body_node is not None:
        _links(body_node, base, out, seen, in_block=False)
    for block in dom.xpath_all(tree, _ATTACH_BLOCKS):
        if block.tag in ("body", "html") or dom.is_hidden(block):
            continue
        _links(block, base, out, seen, in_block=True)
    links = _document_links(tree)
    _page_documents(links, base, out, seen)
    if links and not any(a["type"] != "image" for a in out):
        # no document found outside the side columns: many portals put the article itself in a
        # 'right' / 'left' column, so only the page's frame (nav, header, footer) is left out now
        _page_documents(links, base, out, seen, _FRAME)
    for m in _JS_ITEM.finditer(raw_html):
        url = m.group("url") or m.group("url2")
        name = m.group("name") if m.group("url") else m.group("name2")
        ftype = file_type(url)
        if url and ftype:
            _add(out, seen, urljoin(base, url), name or "", ftype)
    return out
