"""Save the sample portal pages the spider tests read (city-scrapers style saved pages).

    .venv/bin/python tests/files/spiders/snapshot.py

Pages are saved as served (bytes and encoding untouched) under tests/files/spiders/<site>/.
"""
from __future__ import annotations

import re
import urllib.parse
import urllib.request
from pathlib import Path

from govcrawl.sample_portals import serve

HERE = Path(__file__).resolve().parent
PAGES = {
    "shuipo": ["/", "/col/col25201/index.html", "/col/col25205/index.html",
               "/art/2020/1/20/art_25205_2845010.html"],
    "xifeng": ["/", "/list.asp?classid=40", "/list.asp?classid=45", "/show.asp?id=2591"],
    "wuyuan_mzj": ["/", "/zwgk/bmxxgk/mzj/xxgknb/index.html",
                   "/zwgk/bmxxgk/mzj/xxgknb/202101/t20210128_1178409.html",
                   "/zwgk/bmxxgk/mzj/xxgknb/202001/t20200120_1178411.html"],
    "luqiao": ["/", "/col/col1229180420/index.html", "/art/2024/1/12/art_1229180420_5012305.html"],
    "jintang": ["/", "/col/col1388350/index.html", "/col/col1388354/index.html",
                "/art/2019/1/16/art_1388354_30092309.html"],
}
# The second page of each Hanweb list, as its dataproxy answers a POST.
DATAPROXY = {
    "shuipo": ("/module/web/jpage/dataproxy.jsp?startrecord=11&endrecord=55&perpage=5", "25205"),
    "luqiao": ("/module/web/jpage/dataproxy.jsp?startrecord=6&endrecord=50&perpage=5", "1229180420"),
}


def file_name(path: str) -> str:
    name = re.sub(r"[^\w.]+", "_", path.strip("/")) or "index"
    return name if name.endswith((".html", ".htm")) else name + ".html"


def main() -> None:
    with serve() as portals:
        for site, paths in PAGES.items():
            out = HERE / site
            out.mkdir(exist_ok=True)
            base = portals.urls[site].rstrip("/")
            for path in paths:
                body = urllib.request.urlopen(base + path).read()
                (out / file_name(path)).write_bytes(body)
            if site in DATAPROXY:
                path, column = DATAPROXY[site]
                form = urllib.parse.urlencode({"col": 1, "appid": 1, "webid": 1, "path": "/",
                                               "columnid": column, "sourceContentType": 1,
                                               "unitid": column, "permissiontype": 0}).encode()
                body = urllib.request.urlopen(base + path, data=form).read()
                (out / "dataproxy.xml").write_bytes(body)


if __name__ == "__main__":
    main()
