"""The site registry: which portals to crawl, read from a CSV an operator writes.

Required columns: ``name`` (the body: 某某县人民政府, 某某镇, 某某县民政局) and ``homepage``. Optional:
``admin_code`` (民政部 行政区划代码, 6 or 9 digits), ``level`` (county | township | department),
``parent`` (the site_id or name of the county whose portal it sits on), ``platform`` (a hint:
generic, trs, hanweb, …; pages are read by what they show whatever it says), ``column_url`` (a
known 年报 column; several separated by spaces or ``|``), ``spider`` (a per-site spider in
``spiders/`` for a portal that needs code of its own), ``site_id``, ``verified``, ``notes`` and
``robots`` (``ignore`` for a portal whose robots.txt disallows everything, see govcrawl.robots).

A bad row is reported with its line number and skipped; the rest of the registry still crawls.
The bundled registry (``govcrawl/data/registry.csv``) lists the five seed portals and their
counties.
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

LEVELS = ("county", "township", "department")
COLUMNS = ("name", "homepage", "admin_code", "level", "parent", "platform", "column_url", "spider",
           "site_id", "verified", "notes", "robots")
ROBOTS_POLICIES = ("obey", "ignore")   # the robots column: a per-site override of ROBOTSTXT_OBEY
_TOWNSHIP_NAME = re.compile(r"(镇|乡|街道|街道办事处|苏木|民族乡)(人民政府|政府|办事处)?$")
_DEPARTMENT_NAME = re.compile(r"(局|委|委员会|办|办公室|中心|所|站|队|院|厅|署|会)$")


class RegistryError(ValueError):
    """The registry file cannot be read at all (missing, not CSV, no name/homepage columns)."""


@dataclass
class Site:
    """One body whose annual reports are crawled: a registry row or a subsite found on a portal."""
    site_id: str
    name: str
    homepage: str
    admin_code: str | None = None
    level: str = "county"
    parent: str | None = None
    platform: str | None = None
    column_urls: list[str] = field(default_factory=list)
    spider: str | None = None
    verified: bool = False
    notes: str | None = None
    province: str | None = None
    city: str | None = None
    county: str | None = None
    township: str | None = None
    discovered_from: str | None = None   # the page a subsite was found on
    robots: str | None = None            # obey | ignore (robots.txt of its hosts), see govcrawl.robots

    def info(self) -> dict:
        """The row for the ``sites`` table (and the identity a document carries)."""
        return {"site_id": self.site_id, "name": self.name, "admin_code": self.admin_code,
                "level": self.level, "parent": self.parent, "province": self.province,
                "city": self.city, "county": self.county, "township": self.township,
                "homepage": self.homepage, "platform": self.platform,
                "verified": int(bool(self.verified)), "notes": self.notes,
                "discovered_from": self.discovered_from}


def site_id_for(url: str) -> str:
    """A stable id from a homepage: its host (without www.), port when not the default, and path.

    ``http://www.luqiao.gov.cn/`` -> ``luqiao.gov.cn``; ``http://127.0.0.1:8001/`` ->
    ``127.0.0.1-8001``; ``http://www.x.gov.cn/xzjd/abc/`` -> ``x.gov.cn-xzjd-abc``."""
    parts = urlsplit(url)
    host = (parts.hostname or "").removeprefix("www.")
    default = {"http": 80, "https": 443}.get(parts.scheme)
    out = host + (f"-{parts.port}" if parts.port and parts.port != default else "")
    path = re.sub(r"(index|default)\.\w+$", "", parts.path).strip("/")
    if parts.query:
        path += "-" + parts.query
    if path:
        out += "-" + path
    return re.sub(r"[^0-9A-Za-z.\u4e00-\u9fff]+", "-", out).strip("-")[:120]


def guess_level(name: str) -> str:
    """county | township | department from a body's name (某某镇 -> township, 某某局 -> department)."""
    n = re.sub(r"\s+", "", name or "")
    if _TOWNSHIP_NAME.search(n):
        return "township"
    if n.endswith(("人民政府", "政府")) or re.search(r"(县|区|市|旗)$", n):
        return "county"
    if _DEPARTMENT_NAME.search(n):
        return "department"
    return "county"


def with_region(site: Site) -> Site:
    """Fill province … township from the admin code, else from the name (when it is unique)."""
    from govcrawl.region import normalize_code, resolve_region

    record = resolve_region({"title": site.name, "publisher": site.name},
                            {"admin_code": normalize_code(site.admin_code) if site.admin_code else None,
                             "name": site.name, "province": site.province, "city": site.city,
                             "county": site.county, "township": site.township})
    return replace(site, admin_code=site.admin_code or record.get("admin_code"),
                   province=site.province or record.get("province"),
                   city=site.city or record.get("city"), county=site.county or record.get("county"),
                   township=site.township or (record.get("township") if site.level == "township" else None))


def _row_site(row: dict, line: int) -> Site:
    name = (row.get("name") or "").strip()
    homepage = _with_scheme((row.get("homepage") or "").strip())
    if not name:
        raise ValueError(f"line {line}: no name")
    parts = urlsplit(homepage)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"line {line}: homepage {homepage!r} is not an http(s) URL")
    if not parts.path:
        homepage += "/"
    level = (row.get("level") or "").strip().lower() or guess_level(name)
    if level not in LEVELS:
        raise ValueError(f"line {line}: level {level!r} is not one of {', '.join(LEVELS)}")
    code = re.sub(r"\D", "", row.get("admin_code") or "") or None
    if code and len(code) not in (6, 9, 12):
        raise ValueError(f"line {line}: admin_code {code!r} is not a 6, 9 or 12 digit 行政区划代码")
    columns = [u for u in re.split(r"[\s|]+", row.get("column_url") or "") if u]
    for u in columns:
        if urlsplit(u).scheme not in ("http", "https"):
            raise ValueError(f"line {line}: column_url {u!r} is not an http(s) URL")
    verified = (row.get("verified") or "").strip().lower() in ("1", "yes", "true", "y", "verified", "是")
    robots = (row.get("robots") or "").strip().lower() or None
    if robots and robots not in ROBOTS_POLICIES:
        raise ValueError(f"line {line}: robots {robots!r} is not one of {', '.join(ROBOTS_POLICIES)}")
    return Site(site_id=(row.get("site_id") or "").strip() or (row.get("spider") or "").strip() or site_id_for(homepage),
                name=name, homepage=homepage, admin_code=code, level=level,
                parent=(row.get("parent") or "").strip() or None,
                platform=(row.get("platform") or "").strip().lower() or None, column_urls=columns,
                spider=(row.get("spider") or "").strip() or None, verified=verified,
                notes=(row.get("notes") or "").strip() or None, robots=robots)


# Header words operators use for the two columns a registry needs (any letter case).
HEADER_ALIASES = {
    "name": ("name", "site_name", "sitename", "名称", "网站名称", "站点名称", "单位", "单位名称", "机构", "机构名称"),
    "homepage": ("homepage", "url", "site", "website", "home", "网址", "首页", "主页", "网站地址", "网站网址",
                 "网站首页", "链接", "地址"),
}
_HOST = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.-]*\.[A-Za-z]{2,}(:\d+)?(/|$)|^\d{1,3}(\.\d{1,3}){3}(:\d+)?(/|$)")


def _header(fields: list[str]) -> list[str]:
    """Field names with the aliases of name and homepage replaced by those two words."""
    out = []
    for f in fields:
        key = f.strip().lower()
        out.append(next((canon for canon, words in HEADER_ALIASES.items() if key in words), key))
    return out


def _with_scheme(homepage: str) -> str:
    """``www.x.gov.cn`` → ``http://www.x.gov.cn``: a bare host is what operators often paste."""
    return "http://" + homepage if "://" not in homepage and _HOST.match(homepage) else homepage


def parse_registry(text: str) -> tuple[list[Site], list[str]]:
    """(sites, problems) from CSV text. Problems name the line; the rest of the rows still load.

    The header may use Chinese words (名称, 网址 …, see ``HEADER_ALIASES``); a file without a
    header whose rows are ``name,homepage`` is read as such; tab-separated text is read too.
    """
    text = text.lstrip("\ufeff")
    head = text.split("\n", 1)[0]
    delimiter = "\t" if "\t" in head and "," not in head else ","
    rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    fields = _header(rows[0]) if rows else []
    start = 1  # the line of rows[0]
    if "name" not in fields or "homepage" not in fields:
        first = [c.strip() for c in rows[0]] if rows else []
        if len(first) >= 2 and first[0] and re.match(r"(?i)https?://|" + _HOST.pattern, first[1]):
            fields, start = ["name", "homepage"], 0  # no header: the rows start at once
        else:
            raise RegistryError("the registry needs a header line with at least the columns name,homepage"
                                f" (found: {', '.join(fields) or 'nothing'})")
    sites: list[Site] = []
    problems: list[str] = []
    seen: dict[str, int] = {}
    for line, values in enumerate(rows[start:], start=start + 1):
        row = {k: v for k, v in zip(fields, values) if k}
        if not any((v or "").strip() for v in row.values()):
            continue
        try:
            site = _row_site(row, line)
        except ValueError as exc:
            problems.append(str(exc))
            continue
        if site.site_id in seen:
            problems.append(f"line {line}: {site.homepage} repeats line {seen[site.site_id]}; skipped")
            continue
        seen[site.site_id] = line
        sites.append(site)
    by_name = {s.name: s.site_id for s in sites}
    for s in sites:  # parent may be given by name
        if s.parent and s.parent not in seen and s.parent in by_name:
            s.parent = by_name[s.parent]
    return [with_region(s) for s in sites], problems


def load_registry(path: str | Path) -> tuple[list[Site], list[str]]:
    p = Path(path)
    if not p.is_file():
        raise RegistryError(f"no registry file at {path}")
    raw = p.read_bytes()
    if b"\0" in raw[:4096]:
        raise RegistryError(f"{path} is not a CSV text file")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise RegistryError(f"{path} is neither UTF-8 nor GB18030 text")
    return parse_registry(text)


def bundled_registry() -> Path:
    return Path(str(resources.files("govcrawl").joinpath("data/registry.csv")))
