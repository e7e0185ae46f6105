"""Dedupe stage: decide which report a document is (new, known URL, or a copy at another URL)."""
from govcrawl.dedupe import canonical_url, new_report_id
from govcrawl.pipelines import documents_only
from govcrawl.storage import shared_store


class DedupePipeline:
    def __init__(self, db_path: str, crawler=None):
        self.db_path = db_path
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.settings.get("GOVCRAWL_DB"), crawler)

    @documents_only
    def process_item(self, item):
        store = shared_store(self.db_path)
        url = canonical_url(item.url)
        if not item.content_hash:  # read in this process (a worker computes it with the text)
            from govcrawl.dedupe import content_hash

            item.content_hash = content_hash(item.record.get("body_text"), item.url)
        for candidate in [item.url, *item.other_urls]:
            known = store.report_for_url(candidate)
            if known:
                item.report_id = known
                return item
        same_text = store.report_for_hash(item.content_hash)
        if same_text:
            item.report_id = item.duplicate_of = same_text
            if self.crawler is not None:
                self.crawler.stats.inc_value("govcrawl/duplicates")
            return item
        item.report_id = new_report_id(url)
        return item
