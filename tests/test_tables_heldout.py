"""Layouts the parser was not written against: trafilatura's markdown-style text of the generated HTML
layouts and of the real Pingtan pages must give the same cells as the HTML."""

import lxml.html
import pytest
import trafilatura

from govcrawl.tables import parse_tables, score
from govcrawl.tables.samples import make_truth, render

from tests.helpers import REALPAGES




def _text(html: str) -> str:
    return trafilatura.extract(f"<html><body><article>{html}</article></body></html>", include_tables=True,
                               favor_recall=True) or ""


@pytest.mark.parametrize("layout", ["html2019", "html2021", "html2021_word", "html_trs"])
@pytest.mark.parametrize("template", [2019, 2021])
def test_trafilatura_text_of_generated_layouts(layout, template):
    truth = make_truth(21, template, blanks=True)
    precision, recall = score(parse_tables(text=_text(render(truth, layout))), truth)
    assert precision >= 0.99 and recall >= 0.99


@pytest.mark.parametrize("year", [2018, 2023, 2024, 2025])
def test_trafilatura_text_of_pingtan_pages(year):
    (path,) = REALPAGES.glob(f"pingtan_{year}_*.html")
    page = path.read_text(encoding="utf-8")
    editor = lxml.html.fromstring(page).xpath('//div[contains(@class, "TRS_Editor")]')[0]
    from_html = parse_tables(html=lxml.html.tostring(editor, encoding="unicode"))
    text = trafilatura.extract(page, include_tables=True, favor_recall=True)
    assert from_html and score(parse_tables(text=text), from_html) == (1.0, 1.0)
