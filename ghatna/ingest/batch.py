"""Ingest as a stream of bounded batches: read → skip known → process → store → link.

Memory stays flat because only one batch of articles is held at a time, and each
batch is written in one transaction: a batch that fails (a full disk, a bug in a
stage) rolls back alone and leaves every earlier batch stored. Articles already
in the store (same content hash) are skipped before any processing, which makes
ingest idempotent and cheap to repeat.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from itertools import islice
from pathlib import Path

from ghatna.document import Article, Doc
from ghatna.ingest.readers import Problem, read_paths
from ghatna.link import link_mentions
from ghatna.store.base import Store

Processor = Callable[[list[Article]], list[Doc]]


@dataclass
class IngestReport:
    read: int = 0
    stored: int = 0
    skipped: int = 0
    event_mentions: int = 0
    events_touched: int = 0
    problems: list[Problem] = field(default_factory=list)
    seconds: float = 0.0


def process_serially(articles: list[Article]) -> list[Doc]:
    from ghatna.pipeline import process

    return [process(a) for a in articles]


def batched(items: Iterable[Article | Problem], size: int) -> Iterator[list[Article | Problem]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def ingest(
    paths: Iterable[Path | str],
    store: Store,
    *,
    fmt: str = "auto",
    batch_size: int = 200,
    processor: Processor = process_serially,
    on_item: Callable[[Article | Problem], None] | None = None,
) -> IngestReport:
    """Read, process, store and link everything under ``paths``."""
    return ingest_articles(
        read_paths(paths, fmt), store, batch_size=batch_size, processor=processor, on_item=on_item
    )


def ingest_articles(
    items: Iterable[Article | Problem],
    store: Store,
    *,
    batch_size: int = 200,
    processor: Processor = process_serially,
    on_item: Callable[[Article | Problem], None] | None = None,
) -> IngestReport:
    """Process, store and link ``items`` in batches of ``batch_size``.

    When ``processor`` can start a batch without waiting for it (it has a ``submit``
    method, as the process-pool and Dask processors of :mod:`ghatna.ingest.engines`
    do), the next batch is processed by the workers while this process writes and
    links the previous one; the store still sees the same batches, in the same order,
    each in one transaction, so the result is the same as a serial run's. At most two
    batches are held at a time.
    """
    report = IngestReport()
    started = time.perf_counter()
    submit: Callable[[list[Article]], Callable[[], list[Doc]]] | None = getattr(
        processor, "submit", None
    )
    pending: tuple[list[Article], Callable[[], list[Doc]]] | None = None
    for chunk in batched(items, batch_size):
        articles: list[Article] = []
        for item in chunk:
            if on_item:
                on_item(item)
            if isinstance(item, Problem):
                report.problems.append(item)
            else:
                report.read += 1
                articles.append(item)
        in_flight = {a.id for a in pending[0]} if pending else set()
        fresh = _unseen(store, articles, in_flight)
        report.skipped += len(articles) - len(fresh)
        started_batch = None
        if fresh:
            started_batch = (fresh, submit(fresh) if submit else partial(processor, fresh))
        if pending:
            _store_batch(store, pending[1](), report)
        pending = started_batch
    if pending:
        _store_batch(store, pending[1](), report)
    report.seconds = time.perf_counter() - started
    return report


def _store_batch(store: Store, docs: list[Doc], report: IngestReport) -> None:
    """Write one processed batch and link its event mentions, in one transaction."""
    with store.transaction():
        mention_ids = store.save_docs(docs)
        touched = link_mentions(store, mention_ids)
    report.stored += len(docs)
    report.event_mentions += len(mention_ids)
    report.events_touched += len(touched)


def _unseen(
    store: Store, articles: list[Article], in_flight: Collection[str] = ()
) -> list[Article]:
    """Articles not stored yet nor in the batch being processed, each content once
    even if it appears twice in a batch."""
    known = store.known_ids(a.id for a in articles)
    fresh: dict[str, Article] = {}
    for a in articles:
        if a.id not in known and a.id not in in_flight and a.id not in fresh:
            fresh[a.id] = a
    return list(fresh.values())
