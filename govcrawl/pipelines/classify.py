"""Classify stage: is it an annual report, for which year, by which body, in which region.

A page that is only a shell around its attachment takes the attachment's text as its body first,
so the decision is made on the report itself.
"""
from govcrawl.classify import classify
from govcrawl.pipelines import documents_only
from govcrawl.process import apply_attachment_text, is_shell
from govcrawl.region import resolve_region


class ClassifyPipeline:
    @documents_only
    def process_item(self, item):
        record = item.record
        # what the list said of the item: one signal among several for the classifier
        context = {"list_url": item.list_url, "column_title": getattr(item, "column_title", None),
                   "list_title": item.list_title}
        record["list_context"] = {k: v for k, v in context.items() if v}
        record["is_shell"] = record.get("is_shell", is_shell(record))
        # A shell page takes the text of its main attachment: the longest one read.
        texts = [a for a in item.attachments if a.text and a.text.strip()]
        if texts:
            main = max(texts, key=lambda a: len(a.text))
            record = apply_attachment_text(
                record, {"text": main.text, "ocr": main.ocr, "url": main.url, "name": main.name}, item.site)
        record = classify(record)
        item.record = resolve_region(record, item.site)
        return item
