"""The hostile portal: an ordinary-looking county portal whose 年报 column mixes real reports with
every case of issue 11 item 8. ``build()`` returns the network (the portal on 127.0.0.1 and an
alias listener on 127.0.0.2 that nothing may ever reach) and the truth resolves to URLs with
``truth(running)``.

Cases (``case`` names in the truth, each with what a safe crawl must do with it):
- ``scheme_link_*``: list entries linking file:, ftp:, data:, gopher: URLs (refused, recorded);
- ``scheme_attachment_*``: a report's attachments at file:///etc/passwd?download=1, ftp:, data:;
- ``scheme_redirect_*``: pages redirecting (302) to file:, data:, ftp:, gopher:;
- ``redirect_loop`` (a → b → a) and ``redirect_chain`` (30 hops);
- ``gzip_bomb`` and ``deflate_bomb``: 1 GiB of HTML compressed to about 1 MB;
- ``server_error_*``: a storm of list entries answering 500 / 502 / 503 / 504 every time;
- ``slow_headers`` (no answer for 100 s), ``slow_body`` (a byte a second) and ``reset``;
- ``huge_page``: a 50 MB page;
- ``private_attachment_*``: attachments on 127.0.0.2, localhost, 127.1, 0.0.0.0, 2130706433, [::1]
  (loopback names other than the registry's host; private-range literals such as 10.0.0.1 are left
  out on purpose: nothing here may send a packet towards them);
- ``wrong_type_*`` / ``wrong_charset``: reports served as application/octet-stream, image/png,
  a PDF as text/html, a GBK page labelled UTF-8 (stored right, or recorded);
- ``traversal_*``: attachments named ../../etc/passwd.pdf in the path and in Content-Disposition
  (filename and filename*), and ..\\..\\windows\\win.ini (the report is stored, no such file is written);
- ``script_*``: reports with script payloads in title and body (stored as text);
- ``trap_*``: a 日历 ?date= trap, a search trap, an endless-parameter link, a 尾页 1,000 pages ahead
  of a three-page list whose later pages hold real reports.
"""
from __future__ import annotations

import gzip
import io
import zlib
from functools import lru_cache
from urllib.parse import quote

from tests.simnet import content, skins
from tests.simnet.lists import Entry, ListSpec, publish_list
from tests.simnet.model import Doc, Network, Request, Resource, Site, Trap, host_mark, port_mark

COUNTY = "灵丘县"
HOME = "hostile"
ALIAS = "alias"
SECRET = "root:x:0:0:root:/root:/bin/bash"
GIB = 1 << 30


@lru_cache(maxsize=None)
def bomb(kind: str, size: int = GIB) -> bytes:
    """An HTML page of ``size`` bytes, gzip- or zlib-compressed (about a thousandth of its size)."""
    head = b"<html><head><title>bomb</title></head><body><p>"
    chunk = b" " * (1 << 20)
    out = io.BytesIO()
    if kind == "gzip":
        with gzip.GzipFile(fileobj=out, mode="wb", compresslevel=9, mtime=0) as z:
            z.write(head)
            for _ in range(size // len(chunk)):
                z.write(chunk)
        return out.getvalue()
    comp = zlib.compressobj(9)
    parts = [comp.compress(head)] + [comp.compress(chunk) for _ in range(size // len(chunk))] + [comp.flush()]
    return b"".join(parts)


@lru_cache(maxsize=None)
def huge_page(size: int = 50 << 20) -> bytes:
    para = "<p>　　本县持续推进政务公开标准化规范化建设，围绕重点领域信息公开，强化政策解读和回应关切。</p>\n".encode("utf-8")
    body = para * (size // len(para))
    return b"<html><head><meta charset=utf-8><title>" + "历年政务公开资料汇编".encode() + b"</title></head><body>" + body + b"</body></html>"


class Hostile:
    def __init__(self):
        self.net = Network(seed=0)
        self.host = self.net.host(HOME, server="nginx")
        self.alias = self.net.host(ALIAS, bind="127.0.0.2")
        self.site = Site(HOME, f"{COUNTY}人民政府", HOME, "/", "county", conventions=["hostile"])
        self.net.sites[HOME] = self.site
        self.chrome = skins.Chrome(f"{COUNTY}人民政府", "trs", nav=[("首页", "/"), ("政府信息公开", "/xxgk/")],
                                   site_code="1402240001")
        self.org = content.org_for(f"{COUNTY}人民政府", "county", COUNTY)
        self.cases: list[dict] = []      # {case, target (host key, path) or raw url, expect, referer}
        self.entries: list[Entry] = []
        self.n = 0

    # -- helpers --------------------------------------------------------------------------------
    def case(self, name: str, target, expect: str, referer: str = "/xxgk/nb/list.jsp") -> None:
        self.cases.append({"case": name, "target": target, "expect": expect, "referer": referer})

    def page(self, path: str, title: str, main: str) -> None:
        self.host.html(path, skins.page(self.chrome, title, main, [("政府信息公开", "/xxgk/")]))

    def report(self, year: int, title: str | None = None, attachments=None, body_extra: str = "") -> str:
        self.n += 1
        title = title or content.report_title(self.org.name, year, __import__("random").Random(year))
        date = f"{year + 1}-01-{10 + self.n:02d}"
        path = f"/xxgk/nb/{date[:7].replace('-', '')}/t{date.replace('-', '')}_{80000 + self.n}.html"
        blocks = content.body_blocks("hostile", self.org, COUNTY, tuple(range(2008, 2026)), "report", year, title, date)
        main = content.detail_main("trs", title, date, self.org.publisher, {"发布日期": date},
                                   content.body_html(blocks, "trs") + body_extra, attachments or [])
        self.host.html(path, skins.page(self.chrome, title, main), last_modified=date)
        doc = Doc(f"h{self.n:03d}", HOME, title, year, "report", [(HOME, path)], tags=["normal"], published=date)
        self.net.docs.append(doc)
        return path

    def redirect(self, path: str, location: str, status: int = 302) -> None:
        self.host.add(path, Resource(b"", "text/html", status, headers={"Location": location}, conditional=False))

    # -- the portal -------------------------------------------------------------------------------
    def build(self) -> Network:
        links: list[tuple[str, str]] = []   # hostile list entries: (text, href)
        for name, url in (("file", "file:///etc/passwd"), ("ftp", "ftp://127.0.0.1:21/pub/report.pdf"),
                          ("data", "data:text/html;base64,PGgxPjIwMjPlubTluqbmiqXlkYo8L2gxPg=="),
                          ("gopher", "gopher://127.0.0.1:70/_report")):
            links.append((f"2023年度报告（{name}版）", url))
            self.case(f"scheme_link_{name}", url, "refused")
        for name, url in (("file", "file:///etc/passwd"), ("data", "data:text/html,<h1>report</h1>"),
                          ("ftp", "ftp://127.0.0.1:21/report.pdf"), ("gopher", "gopher://127.0.0.1:70/1")):
            path = f"/xxgk/nb/go/{name}.html"
            self.redirect(path, url)
            links.append((f"2022年度报告下载（{name}）", path))
            self.case(f"scheme_redirect_{name}", (HOME, path), "error")
        self.redirect("/xxgk/nb/loop/a.html", "/xxgk/nb/loop/b.html")
        self.redirect("/xxgk/nb/loop/b.html", "/xxgk/nb/loop/a.html")
        links.append(("2021年度报告（镜像）", "/xxgk/nb/loop/a.html"))
        self.case("redirect_loop", (HOME, "/xxgk/nb/loop/a.html"), "error")
        for hop in range(1, 31):
            self.redirect(f"/xxgk/nb/chain/{hop}.html", f"/xxgk/nb/chain/{hop + 1}.html", 301)
        links.append(("2020年度报告（备份）", "/xxgk/nb/chain/1.html"))
        self.case("redirect_chain", (HOME, "/xxgk/nb/chain/1.html"), "error")
        for kind, path in (("gzip", "/xxgk/nb/bomb.html"), ("deflate", "/xxgk/nb/bomb2.html")):
            self.host.endpoints[path] = (lambda k: lambda req: Resource(
                bomb(k), "text/html; charset=utf-8", headers={"Content-Encoding": k}, conditional=False))(kind)
            links.append((f"政府信息公开工作年度报告合集（{kind}）", path))
            self.case(f"{kind}_bomb", (HOME, path), "error")
        for n, status in enumerate((500, 502, 503, 504) * 3):
            path = f"/xxgk/nb/err/{n}.html"
            self.host.add(path, Resource(f"<html><body>{status} Server Error</body></html>".encode(), "text/html",
                                         status, conditional=False))
            links.append((f"2019年度报告（附表{n + 1}）", path))
            self.case(f"server_error_{status}_{n}", (HOME, path), "error")
        slow = self.report(2016)
        self.host.pages[slow] = Resource(self.host.pages[slow].body, "text/html; charset=utf-8",
                                         headers={"X-Simnet-Action": "slow:100"}, conditional=False)
        self.net.docs.pop()
        links.append(("2016年度报告（慢）", slow))
        self.case("slow_headers", (HOME, slow), "error")
        self.host.add("/xxgk/nb/trickle.html", Resource(b"<html><body>" + b"<p>x</p>" * 200 + b"</body></html>",
                                                         "text/html", headers={"X-Simnet-Action": "trickle:100"},
                                                         conditional=False))
        links.append(("2015年度报告（慢速）", "/xxgk/nb/trickle.html"))
        self.case("slow_body", (HOME, "/xxgk/nb/trickle.html"), "error")
        self.host.add("/xxgk/nb/reset.html", Resource(b"", "text/html", headers={"X-Simnet-Action": "reset"},
                                                       conditional=False))
        links.append(("2014年度报告", "/xxgk/nb/reset.html"))
        self.case("reset", (HOME, "/xxgk/nb/reset.html"), "error")
        self.host.endpoints["/xxgk/nb/huge.html"] = lambda req: Resource(huge_page(), "text/html; charset=utf-8",
                                                                         conditional=False)
        links.append(("历年政务公开资料汇编", "/xxgk/nb/huge.html"))
        self.case("huge_page", (HOME, "/xxgk/nb/huge.html"), "error")
        self._wrong_types(links)
        normal = self._normal_reports()
        self._list(normal, links)
        self._xxgk_and_home()
        return self.net

    def _wrong_types(self, links) -> None:
        for name, ctype in (("octet", "application/octet-stream"), ("png", "image/png")):
            path = self.report(2017 if name == "octet" else 2018)
            res = self.host.pages[path]
            self.host.pages[path] = Resource(res.body, ctype, last_modified=res.last_modified)
            links.append((self.net.docs[-1].title, path))
            self.net.docs.pop()
            self.case(f"wrong_type_{name}", (HOME, path), "report_or_error")
        gbk = self.report(2013)
        res = self.host.pages[gbk]
        self.host.pages[gbk] = Resource(res.body.decode("utf-8").replace("charset=utf-8", "charset=gbk")
                                        .encode("gbk", "xmlcharrefreplace"), "text/html; charset=utf-8")
        links.append((self.net.docs[-1].title, gbk))
        self.net.docs.pop()
        self.case("wrong_charset", (HOME, gbk), "report_or_error")
        blocks = content.body_blocks("hostile", self.org, COUNTY, (2012,), "report", 2012, "t", "2013-01-05")
        pdf = content.pdf_file(f"{self.org.name}2012年政府信息公开工作年度报告", blocks, self.org.publisher)
        self.host.add("/xxgk/nb/2012nb.html", Resource(pdf, "text/html; charset=utf-8"))
        links.append((f"{self.org.name}2012年政府信息公开工作年度报告", "/xxgk/nb/2012nb.html"))
        self.case("wrong_type_pdf_as_html", (HOME, "/xxgk/nb/2012nb.html"), "report_or_error")

    def _normal_reports(self) -> list[Entry]:
        entries = []
        pdf = content.pdf_file("附件", [("p", "政府信息公开工作年度报告附件。")], self.org.publisher)
        traversal = [("/files/..%2F..%2Fetc%2Fpasswd.pdf", "../../etc/passwd.pdf", 'attachment; filename="../../etc/passwd.pdf"'),
                     ("/files/report1.pdf", "年报附件.pdf",
                      "attachment; filename*=UTF-8''" + quote("../../../tmp/govcrawl_pwned.pdf", safe="")),
                     ("/files/report2.pdf", "..\\..\\windows\\win.ini.pdf",
                      'attachment; filename="..\\..\\windows\\win.ini.pdf"')]
        for path, _, disposition in traversal:
            self.host.add(path, Resource(pdf, "application/pdf", headers={"Content-Disposition": disposition}))
        page = self.report(2024, attachments=[(p, name) for p, name, _ in traversal])
        for path, name, _ in traversal:
            self.case("traversal_" + name.split("/")[-1].split("\\")[-1], (HOME, path), "stored_safely", page)
        entries.append(self._entry())
        private = [(name, url.replace("{port}", port_mark(HOME))) for name, url in (
            ("localhost", "http://localhost:{port}/files/secret.pdf"), ("127.1", "http://127.1:{port}/files/secret.pdf"),
            ("0.0.0.0", "http://0.0.0.0:{port}/files/secret.pdf"),
            ("2130706433", "http://2130706433:{port}/files/secret.pdf"), ("ipv6", "http://[::1]:{port}/files/secret.pdf"))]
        attachments = [(host_mark(ALIAS) + "/files/secret.pdf", "年报全文（内网）.pdf")]
        self.alias.add("/files/secret.pdf", Resource(b"%PDF-1.4 secret", "application/pdf"))
        self.host.add("/files/secret.pdf", Resource(b"%PDF-1.4 secret", "application/pdf"))
        attachments += [(url, f"年报全文（{name}）.pdf") for name, url in private]
        attachments += [("file:///etc/passwd?download=1", "年报全文.txt"), ("ftp://127.0.0.1:21/nb.pdf", "年报全文（ftp）.pdf"),
                        ("data:application/pdf;base64,JVBERi0xLjQK", "年报全文（data）.pdf")]
        page = self.report(2023, attachments=attachments)
        self.case("private_attachment_127.0.0.2", (ALIAS, "/files/secret.pdf"), "refused", page)
        for name, url in private:
            self.case(f"private_attachment_{name}", url, "refused", page)
        for name, url in (("file", "file:///etc/passwd?download=1"), ("ftp", "ftp://127.0.0.1:21/nb.pdf"),
                          ("data", "data:application/pdf;base64,JVBERi0xLjQK")):
            self.case(f"scheme_attachment_{name}", url, "refused", page)
        entries.append(self._entry())
        script_title = f"<script>alert(document.cookie)</script>{self.org.name}2022年政府信息公开工作年度报告"
        self.report(2022, title=script_title, body_extra='<p><img src=x onerror="alert(1)"><svg onload=alert(2)>'
                                                         '<a href="javascript:alert(3)">点击查看</a></p>')
        self.case("script_title_body", (HOME, self.net.docs[-1].locations[0][1]), "report", "/xxgk/nb/list.jsp")
        entries.append(self._entry())
        for year in (2021, 2020, 2019, 2018, 2017, 2016, 2015, 2014):
            self.report(year)
            entries.append(self._entry())
        return entries

    def _entry(self) -> Entry:
        doc = self.net.docs[-1]
        return Entry(doc.title, doc.locations[0][1], doc.published)

    def _list(self, normal: list[Entry], links: list[tuple[str, str]]) -> None:
        hostile = [Entry(text, href, "2024-06-01") for text, href in links]
        ordered = hostile[:len(hostile) // 2] + normal[:5] + hostile[len(hostile) // 2:] + normal[5:]
        spec = ListSpec("numbered", self.host, self.chrome, "/xxgk/nb/", "政府信息公开年报", [("政府信息公开", "/xxgk/")],
                        per_page=20, far_last_page=True, column_id=4242)
        publish_list(spec, ordered)
        self.net.traps.append(Trap(HOME, HOME, "/xxgk/nb/list.jsp?page=", "far_last_page"))

    def _xxgk_and_home(self) -> None:
        from tests.simnet import traps

        class _B:  # the few attributes traps.widgets reads of a site builder
            p, host, site, net, chrome = "", self.host, self.site, self.net, self.chrome
            docs = self.net.docs

        widgets = traps.widgets(_B, {"trap_calendar", "trap_search", "trap_endless"})
        for trap in self.net.traps:
            self.case(f"trap_{trap.kind}", (trap.host, trap.prefix), "trap", "/xxgk/")
        self.page("/xxgk/index.html", "政府信息公开", '<ul class="lm"><li><a href="/xxgk/zn/">政府信息公开指南</a></li>'
                  f'<li><a href="/xxgk/nb/list.jsp">政府信息公开年报</a></li></ul>{widgets}')
        self.page("/xxgk/zn/index.html", "政府信息公开指南", "<p>　　本指南说明申请方式。</p>")
        self.host.html("/", skins.homepage(self.chrome, "nav", "政府信息公开", "/xxgk/", [], [])["/"])


def build() -> tuple[Network, list[dict]]:
    h = Hostile()
    return h.build(), h.cases


def truth(net: Network, cases: list[dict], bases: dict[str, str]) -> dict:
    """The hostile truth with real URLs: normal reports, cases, and what must never be fetched."""
    port = bases[HOME].rsplit(":", 1)[1]

    def url(target) -> str:
        if isinstance(target, tuple):
            return bases[target[0]].rstrip("/") + target[1]
        return target.replace(port_mark(HOME), port).replace("{port}", port)

    return {
        "site": {"name": net.sites[HOME].name, "homepage": bases[HOME].rstrip("/") + "/"},
        "normal": [{"id": d.doc_id, "title": d.title, "year": d.year, "url": url(d.locations[0])} for d in net.docs],
        "cases": [{"case": c["case"], "url": url(c["target"]), "expect": c["expect"],
                   "referer": bases[HOME].rstrip("/") + c["referer"]} for c in cases],
        "alias_host": ALIAS, "secret": SECRET,
        "never_host_headers": ["localhost", "127.1", "0.0.0.0", "2130706433", "[::1]", "127.0.0.2"],
    }


__all__ = ["build", "truth", "bomb", "huge_page"]
