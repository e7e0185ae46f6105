"""Scrapy settings: identity, politeness and the pipeline order, in one place.

Spiders override only what is peculiar to their portal. The order of ITEM_PIPELINES is the data
flow of the design: extract -> normalize -> classify -> tables -> dedupe -> store. Archiving
happens earlier, in a downloader middleware, so every raw response is in a WARC file before any
parsing.
"""
from govcrawl import __version__

BOT_NAME = "govcrawl"
SPIDER_MODULES = ["spiders"]
NEWSPIDER_MODULE = "spiders"

USER_AGENT = (
    f"govcrawl/{__version__} (+https://github.com/govcrawl/govcrawl; "
    "archiving 政府信息公开工作年度报告)"
)
ROBOTSTXT_OBEY = True

# Polite by default: few parallel requests per host, AutoThrottle on, retries with backoff.
CONCURRENT_REQUESTS = 8
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 1.0
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 2.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
RETRY_ENABLED = True
RETRY_TIMES = 3
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
DOWNLOAD_TIMEOUT = 60
DOWNLOAD_MAXSIZE = 64 * 1024 * 1024
DOWNLOAD_WARNSIZE = 16 * 1024 * 1024

# Every response is archived before parsing. 950 sits next to the downloader, so the WARC gets
# the bytes as they came off the wire (still compressed, before redirects and retries act).
DOWNLOADER_MIDDLEWARES = {
    # First to see every request, and every response before redirects act: http(s) only, public
    # addresses only (plus the registry's own hosts), no unsafe redirects or redirect loops.
    "govcrawl.safety.SafetyMiddleware": 50,
    "govcrawl.safety.SafetyRedirectGuard": 650,
    "govcrawl.archive.WarcArchiveMiddleware": 950,
    # After archiving, a JS challenge page (412/521) is fetched again through Chromium.
    "govcrawl.challenge.ChallengeMiddleware": 560,
    "govcrawl.challenge.ChallengePassedMiddleware": 960,
}

ITEM_PIPELINES = {
    "govcrawl.pipelines.extract.ExtractPipeline": 100,
    "govcrawl.pipelines.normalize.NormalizePipeline": 200,
    "govcrawl.pipelines.classify.ClassifyPipeline": 300,
    "govcrawl.pipelines.tables.TablesPipeline": 400,
    "govcrawl.pipelines.dedupe.DedupePipeline": 500,
    "govcrawl.pipelines.store.StorePipeline": 900,
}

EXTENSIONS = {
    "govcrawl.monitor.EmptyCrawlMonitor": 500,
}

# Where the crawl writes. Relative paths are taken from the working directory (the repo top).
GOVCRAWL_DB = "metadata.db"
GOVCRAWL_ARCHIVE_DIR = "archive"
# A crawl run starts a new WARC file (with its own warcinfo record) once one passes this size.
GOVCRAWL_WARC_MAX_BYTES = 1024 * 1024 * 1024
# Attachments we download from report pages (the report is often only in the attachment).
GOVCRAWL_ATTACHMENT_EXTENSIONS = ["pdf", "doc", "docx", "wps", "xls", "xlsx", "et", "ofd", "jpg", "jpeg", "png"]
# Navigation depth when looking for the 年报 column from the homepage.
GOVCRAWL_MAX_NAV_DEPTH = 3
GOVCRAWL_MAX_LIST_PAGES = 100

REQUEST_FINGERPRINTER_IMPLEMENTATION = "2.7"
TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
FEED_EXPORT_ENCODING = "utf-8"
LOG_LEVEL = "INFO"

# Browser for portals behind JavaScript challenges (HTTP 412/521 cookie scripts). Only requests
# that ask for it (meta playwright=True) go through Chromium; everything else uses plain HTTP.
DOWNLOAD_HANDLERS = {
    "http": "scrapy_playwright.handler.ScrapyPlaywrightDownloadHandler",
    "https": "scrapy_playwright.handler.ScrapyPlaywrightDownloadHandler",
    # A portal page must never make the crawler read local files or other services.
    "file": None,
    "data": None,
    "ftp": None,
    "s3": None,
}
# Host names that resolve to loopback / private / reserved addresses are refused at connect time.
TWISTED_DNS_RESOLVER = "govcrawl.safety.SafeResolver"
# Hosts allowed to be private (the registry's replicas, an intranet portal): set by govcrawl crawl.
GOVCRAWL_ALLOWED_HOSTS: list[str] = []
PLAYWRIGHT_BROWSER_TYPE = "chromium"
PLAYWRIGHT_ABORT_REQUEST = "govcrawl.safety.abort_browser_request"
PLAYWRIGHT_LAUNCH_OPTIONS = {
    "executable_path": "/usr/bin/chromium",
    "headless": True,
    "args": [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
    ],
}
