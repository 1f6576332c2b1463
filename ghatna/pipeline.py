"""The per-document pipeline: clean → mentions → time → roles → events.

Every stage is a pure function of one document plus read-only resources, so the
pipeline runs the same in one process, a process pool or a Dask worker. The order
matters: the time resolver uses the office-holders named in the text to bound the
document date, and role phrases ("रूस के विदेश मंत्री") are resolved at that date.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ghatna.clean import clean_article
from ghatna.document import Article, Doc
from ghatna.entities import EntityLinker, load_linker
from ghatna.entities.kb import KnowledgeBase
from ghatna.events import extract_events
from ghatna.events.lexicon import load_lexicon as load_trigger_lexicon
from ghatna.time import annotate_time
from ghatna.time.tagger import load_time_rules

STAGES: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("clean", (), ("text", "paragraphs", "headings", "sentences", "removed")),
    ("mentions", ("sentences",), ("mentions",)),
    ("time", ("sentences", "mentions"), ("timexes", "document_date")),
    ("roles", ("mentions", "document_date"), ("mentions",)),
    ("events", ("mentions", "timexes", "document_date"), ("events",)),
)
"""(name, requires, assigns) of each stage, in order; a test pins this list."""


@dataclass(frozen=True)
class Resources:
    """Read-only knowledge every stage needs, loaded once per process."""

    kb: KnowledgeBase
    linker: EntityLinker


@cache
def load_resources() -> Resources:
    linker = load_linker()
    # the time rules and trigger lexicon too, so the first article does not pay for them
    load_time_rules()
    load_trigger_lexicon()
    return Resources(kb=linker.kb, linker=linker)


def process(article: Article, res: Resources | None = None) -> Doc:
    """Run every per-document stage on one article."""
    res = res or load_resources()
    doc = clean_article(article)
    doc.mentions = res.linker.annotate(doc)
    annotate_time(doc, res.kb)
    doc.mentions = res.linker.resolve_roles(doc)
    doc.events = extract_events(doc, res.kb)
    return doc
