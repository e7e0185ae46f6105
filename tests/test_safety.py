"""The crawler fetches http(s) from public addresses only (and the hosts the operator named).

A hostile report page links a local file as its attachment, other non-http schemes, the
operator's private network and loopback under another name, and redirects to a local file and in
a loop. The crawl must fetch none of them, record each with a reason, and still store the report.
"""
from __future__ import annotations

import sqlite3

import pytest

from govcrawl import safety
from govcrawl.platforms import links
from tests.portal_variants.crawl import run_variants, spider_name
from tests.portal_variants.kit import Variant, paragraphs_html, report_paragraphs
from tests.portal_variants.server import serve

SITE = "安全县"
HOME = "http://www.anquan.gov.cn/"


@pytest.mark.parametrize("url", [
    "file:///etc/passwd", "file:///etc/passwd?download=1", "ftp://example.org/a.pdf",
    "data:text/plain;base64,cm9vdA==", "s3://bucket/key", "gopher://x/", "http://10.0.0.8/a.pdf",
    "http://192.168.1.1/", "http://169.254.169.254/latest/meta-data/", "http://[::1]:8080/",
    "http://localhost:22/", "http://0.0.0.0/", "http://[::ffff:127.0.0.1]/",
    # the older IPv4 spellings resolvers accept, a trailing dot, and a URL whose host cannot be read
    "http://127.1/", "http://2130706433/", "http://0x7f.0.0.1/", "http://0177.0.0.1/", "http://0/",
    "http://localhost./", "http://127.0.0.2./", "http://[::1/",
])
def test_refused_targets(url):
    assert safety.refusal(url), url


@pytest.mark.parametrize("url", ["http://www.gov.cn/", "https://8.8.8.8/x.pdf", "HTTPS://www.luqiao.gov.cn/a"])
def test_public_http_targets_pass(url):
    assert safety.refusal(url) is None


def test_names_chromium_resolves_itself_are_checked_first():
    """Chromium resolves names without SafeResolver: the abort predicate resolves them first."""
    import asyncio

    from govcrawl import browser

    class Req:
        def __init__(self, url, kind="document"):
            self.url, self.resource_type = url, kind

    async def verdicts():
        return [await browser.abort_request(Req(u)) for u in
                ("http://localhost/x", "http://ip6-localhost/x", "http://8.8.8.8/x", "data:text/html,x")]

    assert asyncio.run(verdicts()) == [True, True, False, False]


def test_registry_hosts_may_be_private():
    safety.allow_hosts(["10.20.30.40"])
    assert safety.refusal("http://10.20.30.40/zwgk/") is None
    assert safety.refusal("http://10.20.30.41/zwgk/")


@pytest.mark.parametrize("href", ["file:///etc/passwd?download=1", " FILE:///etc/passwd", "ftp://x/y.pdf",
                                  "data:text/html,<b>", "smb://host/share"])
def test_links_with_other_schemes_are_refused_not_followed(href):
    assert not links.is_followable(href)
    assert links.is_refused_scheme(href)


@pytest.mark.parametrize("href", ["javascript:void(0)", "mailto:a@b.cn", "tel:123", "#top"])
def test_inert_links_are_neither_followed_nor_recorded(href):
    assert not links.is_followable(href)
    assert not links.is_refused_scheme(href)


def hostile_variant(port_hint: str = "") -> Variant:
    v = Variant("hostile_schemes", "generic", {
        "site_name": SITE, "homepage": HOME, "admin_code": "", "level": "county"})
    page = lambda title, main: (  # noqa: E731
        f"<html><head><meta charset='utf-8'><title>{title}</title></head><body>{main}</body></html>")
    v.add("/", page(SITE, '<a href="/zwgk/">政府信息公开</a>'))
    v.add("/zwgk/", page("政府信息公开", '<a href="/zwgk/ndbg/">政府信息公开年报</a>'))
    v.add("/zwgk/ndbg/", page("年报", """<ul>
<li><a href="/zwgk/ndbg/202401/t20240115_1.html">安全县2023年政府信息公开工作年度报告</a><span>2024-01-15</span></li>
<li><a href="/go/file">安全县2022年政府信息公开工作年度报告</a><span>2023-01-15</span></li>
<li><a href="/loop/a">安全县2021年政府信息公开工作年度报告</a><span>2022-01-15</span></li>
</ul>"""))
    body = paragraphs_html(report_paragraphs("安全县人民政府", 2023))
    v.add("/zwgk/ndbg/202401/t20240115_1.html", page("安全县2023年政府信息公开工作年度报告", f"""
<h1>安全县2023年政府信息公开工作年度报告</h1><div class="content">{body}</div>
<p>附件：<a href="file:///etc/passwd?download=1">年报全文.txt</a>
<a href="ftp://127.0.0.1/report.pdf">年报.pdf</a>
<a href="data:application/pdf;base64,JVBERi0xLjQ=">附件.pdf</a>
<a href="http://10.255.255.1/files/report.pdf">附件（内网）.pdf</a>
<a href="http://localhost:9/files/report.pdf">附件（本机）.pdf</a></p>"""))
    v.pages["/go/file"] = (b"", "text/html", 302, {"Location": "file:///etc/passwd"})
    v.pages["/loop/a"] = (b"", "text/html", 302, {"Location": "/loop/b"})
    v.pages["/loop/b"] = (b"", "text/html", 302, {"Location": "/loop/a"})
    v.report("/zwgk/ndbg/202401/t20240115_1.html", "安全县2023年政府信息公开工作年度报告", 2023)
    return v


def test_hostile_links_are_refused_recorded_and_the_report_kept(tmp_path):
    v = hostile_variant()
    with serve([v]) as urls:
        run = run_variants([v], urls, tmp_path)
    assert run["returncode"] == 0, run["log"]
    conn = sqlite3.connect(tmp_path / "metadata.db")
    captured = [r[0] for r in conn.execute("select url from captures")]
    assert captured and all(u.startswith("http://127.0.0.1:") for u in captured), captured
    texts = " ".join(r[0] or "" for r in conn.execute("select text from attachments"))
    assert "root:" not in texts
    reasons = [r[0] for r in conn.execute("select reason || ' ' || url from crawl_errors where site_id = ?",
                                          (spider_name(v.key),))]
    joined = "\n".join(reasons)
    for needle in ("file:///etc/passwd?download=1", "ftp://127.0.0.1/report.pdf", "data:application/pdf",
                   "10.255.255.1", "localhost", "redirect 302 to file:///etc/passwd", "redirect loop"):
        assert needle in joined, (needle, joined)
    titles = [r[0] for r in conn.execute("select title from reports where is_annual_report = 1")]
    assert titles == ["安全县2023年政府信息公开工作年度报告"]
    # Nothing about the local machine reached the archive either.
    for warc in (tmp_path / "archive").rglob("*.warc.gz"):
        import gzip
        assert b"root:x:0:0" not in gzip.open(warc).read()


def test_names_resolving_to_private_addresses_are_refused_at_connect_time():
    from twisted.internet.error import DNSLookupError

    failures = []
    safety.SafeResolver._check("127.0.0.1", "evil.example").addErrback(failures.append)
    assert failures and failures[0].check(DNSLookupError)
    assert "evil.example" in failures[0].getErrorMessage()
    assert safety.SafeResolver._check("8.8.8.8", "ok.example") == "8.8.8.8"


def test_browser_loads_only_what_a_plain_request_may():
    class R:
        def __init__(self, url):
            self.url = url
    assert safety.abort_browser_request(R("file:///etc/passwd"))
    assert safety.abort_browser_request(R("http://192.168.0.1/x.js"))
    assert not safety.abort_browser_request(R("https://www.gov.cn/x.js"))
