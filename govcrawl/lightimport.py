"""Import a module without some of its optional dependencies.

``without("pandas")`` makes ``import pandas`` fail inside the block (as if it were not
installed) and restores it afterwards, so a library that imports an optional heavy dependency
"just in case" does not load it into a process that never uses it.
"""
from __future__ import annotations

import sys
from contextlib import contextmanager


@contextmanager
def without(*names: str):
    hidden = [n for n in names if n not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # an import of it raises ImportError
    try:
        yield
    finally:
        for name in hidden:
            if sys.modules.get(name, "") is None:
                del sys.modules[name]
