"""Make a spider that suddenly finds nothing loud, instead of failing silently after a redesign."""
import logging

from scrapy import signals

logger = logging.getLogger(__name__)


class EmptyCrawlMonitor:
    def __init__(self, crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        ext = cls(crawler)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def spider_closed(self, spider, reason):
        stats = self.crawler.stats
        if spider.name == "registry":
            return  # a registry crawl: each site's outcome and reason are in crawl_runs
        if not stats.get_value("govcrawl/list_entries"):
            stats.set_value("govcrawl/empty_crawl", 1)
            logger.error(
                "%s found no report list entries: the portal may have changed its layout "
                "(list pages seen: %s)", spider.name, stats.get_value("govcrawl/list_pages", 0))
