"""The clean stage: raw article → cleaned text, paragraphs, headings, sentences, removed.

``clean_article`` is a pure function of one :class:`~ghatna.document.Article` (plus the
packaged data files). It

* reads HTML through :func:`ghatna.ingest.html.html_main_text` (trafilatura), then treats
  it like any text dump;
* removes page furniture line by line, keeping each removed piece in ``doc.removed`` with
  a machine-readable reason (``ad``, ``tracker``, ``caption``, ``related-link``,
  ``widget``, ``tag-list``, ``highlights``, ``embed-markup``, ``agency-credit``,
  ``byline``, ``timestamp``, ``duplicate-paragraph``, ``broken-tail``,
  ``short-non-sentence``, ``repeated-across-outlet``);
* keeps the headline and sub-headings as paragraphs listed in ``doc.headings``;
* splits paragraphs into sentences with exact offsets and a language each
  (``hi``, ``en``, ``hi-Latn``, ``und``).

``doc.text`` is NFC and otherwise as the outlet wrote it; use
:func:`ghatna.clean.normalize.fold` to match.

Example::

    >>> from ghatna import Article
    >>> doc = clean_article(Article.from_text(
    ...     "जयशंकर रूस पहुंचे\\n\\nAdvertisement\\nविदेश मंत्री ने लावरोव से मुलाकात की।", "a.txt"))
    >>> doc.text
    'जयशंकर रूस पहुंचे\\n\\nविदेश मंत्री ने लावरोव से मुलाकात की।'
    >>> doc.headings, [r.reason for r in doc.removed]
    ([0], ['ad'])
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable

from ghatna.clean._cleaner import clean_lines
from ghatna.clean._language import sentence_language
from ghatna.clean._rules import line_key, load_rules
from ghatna.clean._sentences import split_sentences
from ghatna.document import Article, Doc, Sentence

__all__ = ["PARAGRAPH_SEPARATOR", "clean_article", "clean_text", "line_key", "repeated_lines"]

PARAGRAPH_SEPARATOR = "\n\n"


def clean_article(article: Article, *, repeated: Collection[str] = ()) -> Doc:
    """Clean one article into a :class:`Doc` with text, paragraphs, headings, sentences, removed.

    article (Article): as read by an ingest reader; ``format == "html"`` is extracted first.
    repeated (Collection[str]): optional :func:`line_key` values of short lines that repeat
        across the outlet's articles (from :func:`repeated_lines`); such lines are removed
        with reason ``repeated-across-outlet``. Without it, only the other signals apply.
    RETURNS (Doc): a new Doc; ``doc.text[s.start:s.end] == s.text`` for every sentence.
    """
    title = None
    raw = article.raw
    if article.format == "html":
        from ghatna.ingest.html import html_main_text

        raw = html_main_text(article.raw)
        title = article.title
    return clean_text(raw, article=article, title=title, repeated=repeated)


def clean_text(
    raw: str,
    *,
    article: Article | None = None,
    title: str | None = None,
    repeated: Collection[str] = (),
) -> Doc:
    """Clean plain text (or trafilatura markdown) into a :class:`Doc`.

    raw (str): the article text; one line is one paragraph.
    article (Article): the article the Doc belongs to; made from ``raw`` when omitted.
    title (str): a headline known from metadata; it becomes heading paragraph 0 unless the
        text already starts with it.
    repeated (Collection[str]): see :func:`clean_article`.
    """
    rules = load_rules()
    cleaned = clean_lines(raw, rules, title=title, repeated=repeated)
    doc = Doc(article=article or Article.from_text(raw, "<text>"))
    parts: list[str] = []
    offset = 0
    for index, paragraph in enumerate(cleaned.paragraphs):
        if parts:
            parts.append(PARAGRAPH_SEPARATOR)
            offset += len(PARAGRAPH_SEPARATOR)
        parts.append(paragraph)
        doc.paragraphs.append((offset, offset + len(paragraph)))
        for s, e in split_sentences(paragraph, rules):
            text = paragraph[s:e]
            doc.sentences.append(
                Sentence(offset + s, offset + e, text, sentence_language(text, rules), index)
            )
        offset += len(paragraph)
    doc.text = "".join(parts)
    doc.headings = cleaned.headings
    doc.removed = cleaned.removed
    return doc


def repeated_lines(articles: Iterable[Article], *, min_articles: int = 3) -> frozenset[str]:
    """:func:`line_key` values of short lines found in at least ``min_articles`` articles.

    Run it over the articles of one outlet (a day file's or a crawl's) and pass the result
    to :func:`clean_article` as ``repeated``: a line every page of an outlet carries
    ("NBT", a share bar, a newsletter pitch) is furniture even if no pattern names it.
    Only lines of at most 100 characters count, so repeated paragraphs of a live blog are
    left to the duplicate detection of the link stage.
    """
    counts: Counter[str] = Counter()
    for article in articles:
        keys = {line_key(line) for line in article.raw.splitlines() if 0 < len(line.strip()) <= 100}
        counts.update(k for k in keys if k)
    return frozenset(k for k, n in counts.items() if n >= min_articles)
