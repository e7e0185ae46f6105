"""Scrapy settings: identity, politeness and the pipeline order, in one place.

Spiders override only what is peculiar to their portal. The order of ITEM_PIPELINES is the data
flow of the design: extract -> normalize -> classify -> tables -> dedupe -> store (the first four
run in worker processes, see govcrawl.workers). Archiving
happens earlier, in a downloader middleware, so every raw response is in a WARC file before any
parsing.
"""
from govcrawl import __version__

BOT_NAME = "govcrawl"
SPIDER_MODULES = ["spiders"]
NEWSPIDER_MODULE = "spiders"

# ASCII only: header values are Latin-1 on the wire, and a challenge script that reads
# navigator.userAgent must see the same string the server gets.
USER_AGENT = (
    f"govcrawl/{__version__} (+https://github.com/govcrawl/govcrawl; "
    "archiving government information-disclosure annual reports)"
)
ROBOTSTXT_OBEY = True

# Polite by default: few parallel requests per host, AutoThrottle on, retries with backoff.
# CONCURRENT_REQUESTS is how many portals move at once (each at its own polite pace): with 8, a
# hundred unreachable portals took 100 s, with 16 about 56 s (govcrawl.slots: 330 s before).
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 1.0
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 2.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
RETRY_ENABLED = True
RETRY_TIMES = 2
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
DOWNLOAD_TIMEOUT = 30  # a portal that has not answered in 30 s is tried again later (twice)
DOWNLOAD_MAXSIZE = 64 * 1024 * 1024
DOWNLOAD_WARNSIZE = 16 * 1024 * 1024

# Every response is archived before parsing. 950 sits next to the downloader, so the WARC gets
# the bytes as they came off the wire (still compressed, before redirects and retries act).
DOWNLOADER_MIDDLEWARES = {
    # First to see every request, and every response before redirects act: http(s) only, public
    # addresses only (plus the registry's own hosts), no unsafe redirects or redirect loops.
    "govcrawl.safety.SafetyMiddleware": 50,
    # every request (robots.txt included) in the download slot of its host:port (govcrawl.slots)
    "govcrawl.slots.PortSlotMiddleware": 60,
    "govcrawl.safety.SafetyRedirectGuard": 650,
    "govcrawl.archive.WarcArchiveMiddleware": 950,
    # After archiving, a JS challenge page (412/521) is fetched again through Chromium.
    "govcrawl.challenge.ChallengeMiddleware": 560,
    "govcrawl.challenge.ChallengePassedMiddleware": 960,
    # robots.txt as Scrapy obeys it, except for registry rows marked robots=ignore (govcrawl.robots)
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "govcrawl.robots.RobotsPolicyMiddleware": 100,
    # an unchanged robots.txt answers 304 on a re-crawl and is read from the archive
    "govcrawl.robots.RobotsRevisitMiddleware": 110,
}

SPIDER_MIDDLEWARES = {
    # A callback that fails on a page leaves a crawl_errors row, and the crawl goes on.
    "govcrawl.platforms.portal.CallbackErrors": 50,
}

ITEM_PIPELINES = {
    # extract -> normalize -> classify -> table cells, in a worker process (govcrawl.workers)
    "govcrawl.pipelines.worker.ReadPipeline": 100,
    # missing / invalid fields of annual reports counted into the stats (govcrawl.quality)
    "govcrawl.quality.FieldQualityPipeline": 300,
    "govcrawl.pipelines.tables.TablesPipeline": 400,
    "govcrawl.pipelines.dedupe.DedupePipeline": 500,
    "govcrawl.pipelines.store.StorePipeline": 900,
}

EXTENSIONS = {
    "govcrawl.monitor.EmptyCrawlMonitor": 500,
    # a crawl that downloads nothing for GOVCRAWL_STALL_SECONDS while requests are open is ended
    "govcrawl.monitor.StallWatchdog": 505,
    # Site health after the runs are closed, then the monitors (govcrawl.health, govcrawl.monitors).
    "govcrawl.health.HealthExtension": 510,
    "spidermon.contrib.scrapy.extensions.Spidermon": 520,
}

# Where the crawl writes. Relative paths are taken from the working directory (the repo top).
GOVCRAWL_DB = "metadata.db"
# Seconds without any download before a stuck crawl is closed (reason "stalled"); 0 turns it off.
GOVCRAWL_STALL_SECONDS = 600
# ... and seconds from then until the process is stopped, if a callback that never returns holds the close.
GOVCRAWL_STALL_GRACE_SECONDS = 60
GOVCRAWL_ARCHIVE_DIR = "archive"
# A crawl run starts a new WARC file (with its own warcinfo record) once one passes this size.
GOVCRAWL_WARC_MAX_BYTES = 1024 * 1024 * 1024
# Attachments we download from report pages (the report is often only in the attachment).
GOVCRAWL_ATTACHMENT_EXTENSIONS = ["pdf", "doc", "docx", "wps", "xls", "xlsx", "et", "ofd", "jpg", "jpeg", "png"]
# Navigation depth when looking for the 年报 column from the homepage.
GOVCRAWL_MAX_NAV_DEPTH = 3
# Budgets per site (govcrawl.platforms.budget): cuts are recorded in crawl_errors with the reason.
GOVCRAWL_SITE_MAX_REQUESTS = 5000      # every request of one site
GOVCRAWL_MAX_NAV_PAGES = 80            # homepage, 信息公开 pages, indexes
GOVCRAWL_MAX_LIST_PAGES = 100          # real list pages of one column
GOVCRAWL_SITE_MAX_LIST_PAGES = 400     # real list pages of one site
GOVCRAWL_SCAN_COLUMNS = 10             # other 信息公开 columns read for misfiled reports
GOVCRAWL_SCAN_PAGES = 4                # pages read of each of those
GOVCRAWL_MAX_SUBSITES = 120            # townships and departments found on one county portal
GOVCRAWL_MAX_QUERY_VARIETY = 60        # query strings on one path before it is a trap
GOVCRAWL_RENDER_LISTS = True           # render empty script-driven lists in Chromium
# Size limits by type (bigger responses are cut and the cut recorded).
GOVCRAWL_MAX_PAGE_BYTES = 8 * 1024 * 1024         # an HTML page (the largest real ones are ~3 MB)
GOVCRAWL_MAX_ATTACHMENT_BYTES = 64 * 1024 * 1024
GOVCRAWL_MAX_IMAGE_BYTES = 16 * 1024 * 1024
# Worker processes that read documents (extract … table cells): -1 = one per core beside the
# crawl, 0 = read in the crawling process. Each document has a time limit and each worker a
# memory limit; a document past either is stored unread with the reason recorded.
GOVCRAWL_WORKERS = -1
GOVCRAWL_DOC_TIMEOUT = 180
GOVCRAWL_WORKER_MEMORY_MB = 320
GOVCRAWL_WORKER_TASKS = 500
# The frontier: every scheduled request is a row in SQLite (govcrawl.frontier), so a killed crawl
# resumes from GOVCRAWL_JOB_DIR with nothing lost.
SCHEDULER = "govcrawl.frontier.FrontierScheduler"
GOVCRAWL_JOB_DIR = None

REQUEST_FINGERPRINTER_IMPLEMENTATION = "2.7"
TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
FEED_EXPORT_ENCODING = "utf-8"
LOG_LEVEL = "INFO"

# Browser for portals behind JavaScript challenges (HTTP 412/521 cookie scripts). Only requests
# that ask for it (meta playwright=True) go through Chromium; everything else uses plain HTTP.
DOWNLOAD_HANDLERS = {
    # scrapy-playwright, but Chromium starts only when a request asks for it (govcrawl.browser).
    "http": "govcrawl.browser.LazyBrowserHandler",
    "https": "govcrawl.browser.LazyBrowserHandler",
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
PLAYWRIGHT_ABORT_REQUEST = "govcrawl.browser.abort_request"
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

# -- Health and monitors (govcrawl.health, govcrawl.monitors) --------------------------------------
SPIDERMON_ENABLED = True
SPIDERMON_SPIDER_CLOSE_MONITORS = ("govcrawl.monitors.CrawlMonitorSuite",)
GOVCRAWL_HEALTH_COVERAGE_DROP = 0.3          # a field's share of reports falling by this much
GOVCRAWL_HEALTH_COVERAGE_MIN_REPORTS = 3     # …when both runs read at least this many reports
GOVCRAWL_HEALTH_RETIRE_AFTER = 3             # failing runs in a row: "retire_or_repair"
GOVCRAWL_MONITOR_MAX_WENT_DARK = 0           # sites that found reports before and nothing now
GOVCRAWL_MONITOR_MAX_COVERAGE_DROPS = 0
GOVCRAWL_MONITOR_MAX_FAILING_SHARE = 0.25    # blocked or unreachable, share of the crawl's sites
GOVCRAWL_MONITOR_MAX_RETIRE = -1             # -1: report only
GOVCRAWL_MONITOR_FIELD_MISSING = {"report_year": 0.1, "body": 0.2}
