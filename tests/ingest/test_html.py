"""ingest.html: metadata from the page, main text through trafilatura, no invented dates."""

from __future__ import annotations

from datetime import date

import pytest

from ghatna.document import content_id
from ghatna.errors import InputError
from ghatna.ingest.html import html_main_text, read_html

PAGE = """<!doctype html><html lang="hi"><head>
<title>लखनऊ में पुस्तक मेला शुरू | अवध टाइम्स</title>
<link rel="canonical" href="https://awadh.example/lucknow/pustak-mela">
<meta property="og:url" content="https://awadh.example/amp/pustak-mela">
<meta property="og:site_name" content="अवध टाइम्स">
<meta name="author" content="अनीता मिश्रा">
<meta property="article:published_time" content="2022-10-01T08:00:00+05:30">
</head><body><nav><a href="/">होम</a> <a href="/up">उत्तर प्रदेश</a></nav>
<article><h1>लखनऊ में पुस्तक मेला शुरू</h1>
<p>लखनऊ के बलरामपुर गार्डन में शनिवार को दस दिन का पुस्तक मेला शुरू हुआ। पहले दिन बड़ी संख्या में पाठक पहुंचे।</p>
<h2>बच्चों के लिए अलग मंडप</h2>
<p>आयोजकों ने बताया कि बच्चों की किताबों के लिए इस बार अलग मंडप बनाया गया है.
मेले में दो सौ प्रकाशक भाग ले रहे हैं.</p>
</article><footer>© 2022 अवध टाइम्स</footer></body></html>"""


def test_html_read_takes_metadata_from_the_page():
    article = read_html(PAGE, source="mela.html")
    assert (article.format, article.source, article.raw) == ("html", "mela.html", PAGE)
    assert article.title == "लखनऊ में पुस्तक मेला शुरू"
    assert article.url == "https://awadh.example/lucknow/pustak-mela"  # canonical beats og:url
    assert article.author == "अनीता मिश्रा"
    assert article.outlet == "अवध टाइम्स"
    assert article.published == date(2022, 10, 1)


def test_html_main_text_keeps_headings_and_paragraphs_not_navigation():
    text = html_main_text(PAGE)
    assert text.splitlines()[0] == "# लखनऊ में पुस्तक मेला शुरू"
    assert "## बच्चों के लिए अलग मंडप" in text
    assert "होम" not in text and "©" not in text


def test_html_id_is_the_hash_of_the_main_text_not_of_the_markup():
    a = read_html(PAGE, source="a.html")
    b = read_html(PAGE.replace("<footer>", "<script>ads()</script><footer>"), source="b.html")
    assert a.id == b.id == content_id(html_main_text(PAGE))


def test_html_no_date_is_invented_from_a_copyright_line():
    page = PAGE.replace(
        '<meta property="article:published_time" content="2022-10-01T08:00:00+05:30">', ""
    )
    assert read_html(page, source="x.html").published is None


def test_html_page_without_main_text_is_an_input_error():
    with pytest.raises(InputError) as err:
        read_html("<html><body><script>var a = 1;</script></body></html>", source="empty.html")
    assert err.value.source == "empty.html"
    assert "no main text" in err.value.reason
