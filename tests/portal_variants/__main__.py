"""Serve and crawl the variant portals, print per-variant figures:
``python -m tests.portal_variants [KEY ...]`` (from the repo top)."""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from tests.portal_variants import all_variants
from tests.portal_variants.crawl import run_variants, score
from tests.portal_variants.server import serve


def main(keys: list[str]) -> int:
    variants = [v for v in all_variants() if not keys or v.key in keys]
    with tempfile.TemporaryDirectory() as tmp, serve(variants) as urls:
        run = run_variants(variants, urls, Path(tmp))
        print(f"crawl: {run['seconds']:.1f}s rc={run['returncode']}")
        if run["returncode"]:
            print(run["log"])
        ok = True
        for v in variants:
            s = score(Path(tmp) / "metadata.db", v)
            good = s["recall"] == 1.0 and not s["missing"] and not s["wrong"] and not s["foreign"]
            ok &= good
            print(f"{v.key:16} recall {s['found_reports']}/{s['reports']} truth-missing {len(s['missing'])} "
                  f"wrong {len(s['wrong'])} foreign {len(s['foreign'])} stored {s['stored']}  {'OK' if good else 'FAIL'}")
            for w in s["wrong"]:
                print("    wrong:", w)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
