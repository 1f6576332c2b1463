"""The HTML path on hand-written Hindi pages (tests/clean/pages/*.html + *.yaml).

Each page has navigation, related links, ads, share bars, comments or tags around the
article; its YAML beside it says what must go, what must stay and the metadata.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from ghatna.clean import clean_article
from ghatna.ingest.html import read_html

PAGES = sorted((Path(__file__).parent / "pages").glob("*.html"))


def load(page: Path):
    expected = yaml.safe_load(page.with_suffix(".yaml").read_text(encoding="utf-8"))
    article = read_html(page.read_text(encoding="utf-8"), source=page.name)
    return article, clean_article(article), expected


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_pages_metadata_from_the_page(page):
    article, _, expected = load(page)
    assert article.format == "html"
    assert article.title == expected["title"]
    assert article.url == expected["url"]
    assert article.author == expected["author"]
    assert article.outlet == expected["outlet"]
    published = expected["published"]
    assert article.published == (
        published if published is None else date.fromisoformat(str(published))
    )


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_pages_furniture_goes_and_article_text_stays(page):
    _, doc, expected = load(page)
    for text in expected["must_go"]:
        assert text not in doc.text, text
    for text in expected["must_stay"]:
        assert text in doc.text, text
    for text in expected.get("once", []):
        assert doc.text.count(text) == 1, text


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_pages_headings_sentences_and_languages(page):
    _, doc, expected = load(page)
    headings = [doc.text[slice(*doc.paragraphs[i])] for i in doc.headings]
    assert headings == expected["headings"]
    by_text = {s.text: s.lang for s in doc.sentences}
    for sentence in expected.get("sentences", []):
        assert sentence in by_text, sentence
    for sentence in expected.get("english", []):
        assert by_text[sentence] == "en"
    for s in doc.sentences:
        assert doc.text[s.start : s.end] == s.text


def test_pages_every_removal_has_a_reason():
    for page in PAGES:
        _, doc, _ = load(page)
        assert all(r.reason and r.text for r in doc.removed)
