"""HTML pages → Articles, through trafilatura (offline, maintained, ~10 ms a page).

:func:`html_main_text` gives the page's main text as light markdown: one paragraph a
line, ``#`` before headings and ``[text](url)`` around links. The clean stage reads the
markup as signals (a heading is a heading, a line that is mostly link text is a related
link) and removes it, so the HTML path gets the same guarantees as text dumps.

:func:`read_html` takes title, author, date and outlet from the page's metadata and the
URL from ``<link rel="canonical">`` (else ``og:url``, else what trafilatura found). A
date is only taken from the page's own date metadata: trafilatura's extensive search
would turn a "© 2023" footer into 2023-01-01, and ghatna never invents a date.

Example::

    >>> a = read_html('<html><head><link rel="canonical" href="https://x.in/a"></head>'
    ...               '<body><article><h1>रूस पहुंचे जयशंकर</h1><p>विदेश मंत्री ने '
    ...               'मंगलवार को लावरोव से मुलाकात की।</p></article></body></html>', "a.html")
    >>> a.url, a.title
    ('https://x.in/a', 'रूस पहुंचे जयशंकर')
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

import lxml.html
import trafilatura

from ghatna.document import Article, content_id
from ghatna.errors import InputError

__all__ = ["html_main_text", "read_html"]

_DATE_CONFIG = {"extensive_search": False, "original_date": True}


@lru_cache(maxsize=64)
def html_main_text(html: str) -> str:
    """The main text of a page as light markdown (headings ``#``, links ``[t](u)``).

    Returns "" when trafilatura finds no main text; the caller decides what that means.
    Cached: :func:`read_html` and ``clean_article`` both need it for the same page.
    """
    text = trafilatura.extract(
        html,
        output_format="markdown",
        include_links=True,
        include_images=False,
        include_tables=True,
        include_comments=False,
        include_formatting=True,
        favor_recall=True,
        deduplicate=False,
        date_extraction_params=_DATE_CONFIG,
    )
    return text or ""


_URL_XPATHS = ('//link[@rel="canonical"]/@href', '//meta[@property="og:url"]/@content')
_AUTHOR_XPATHS = (
    '//meta[@name="author"]/@content',
    '//meta[@property="article:author"]/@content',
    '//meta[@name="byl"]/@content',
)


def _head_value(tree, xpaths: tuple[str, ...]) -> str | None:
    for xpath in xpaths:
        found = [v.strip() for v in tree.xpath(xpath) if v and v.strip()]
        if found:
            return found[0]
    return None


def _page_meta(html: str) -> tuple[str | None, str | None]:
    """(canonical URL, author) as the page states them in ``<head>``.

    trafilatura's author clean-up cuts Devanagari names ("सुनीता कुमारी" → "सुनीता कुमार"),
    so an author meta tag is read as written; trafilatura's guess is the fallback.
    """
    try:
        tree = lxml.html.fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return None, None
    author = _head_value(tree, _AUTHOR_XPATHS)
    if author and author.startswith(("http://", "https://")):
        author = None  # article:author is often a profile URL
    return _head_value(tree, _URL_XPATHS), author


def read_html(html: str, source: str) -> Article:
    """One HTML page → an :class:`Article` with ``format="html"`` and ``raw`` = the HTML.

    source (str): the file name or record id the page came from (shown to users).
    RETURNS (Article): id is the hash of the main text, so the same article fetched twice
        with different ads or scripts is stored once.
    RAISES (InputError): the page has no main text trafilatura can find.
    """
    main = html_main_text(html)
    if not main.strip():
        raise InputError(
            source,
            "no main text found in this HTML page (empty, a script-only page or a listing?); "
            "save the article page itself, or pass its text as .txt",
        )
    meta = trafilatura.extract_metadata(html, date_config=_DATE_CONFIG)
    published = None
    if meta is not None and meta.date:
        try:
            published = date.fromisoformat(meta.date[:10])
        except ValueError:
            published = None
    url, author = _page_meta(html)
    url = url or (meta.url if meta is not None else None)
    outlet = None
    if meta is not None:
        outlet = meta.sitename or meta.hostname
    return Article(
        id=content_id(main),
        source=source,
        raw=html,
        format="html",
        outlet=outlet or None,
        url=url or None,
        title=(meta.title if meta is not None else None) or None,
        published=published,
        author=author or (meta.author if meta is not None else None) or None,
    )
