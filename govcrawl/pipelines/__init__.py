"""Item pipelines, one module per stage of the data flow:
extract -> normalize -> classify -> tables -> dedupe -> store."""
from govcrawl.items import DocumentItem


def documents_only(method):
    """Pass anything that is not a DocumentItem straight through a stage."""

    def wrapper(self, item, spider=None):
        if not isinstance(item, DocumentItem):
            return item
        return method(self, item)

    wrapper.__name__ = method.__name__
    wrapper.__doc__ = method.__doc__
    return wrapper
