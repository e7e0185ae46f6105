"""Normalize stage: one text form for every record (t2s, glosses, boilerplate, whitespace)."""
from govcrawl.normalize import normalize
from govcrawl.pipelines import documents_only


class NormalizePipeline:
    @documents_only
    def process_item(self, item):
        item.record = normalize(item.record)
        return item
