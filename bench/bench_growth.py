"""Cost of ingest per article as the store grows (1k, 10k, optionally 100k articles).

The store is filled with cheap synthetic articles written straight through the store
API: hand-built Docs (one sentence, two actor mentions, one event mention) saved with
``store.save_docs``, every two of them reconciled into one event with ``put_event``, as
the linker would. Actors follow a Zipf law over the knowledge base's people and 2,000
provisional names, so popular actors gather many events, as in real news; dates spread
evenly over 2011-2020, and types lean to CONSULT.

At each size a fixed batch of real corpus articles is ingested the way
``ghatna.ingest.batch.ingest_articles`` does it (process, then save and link in one
transaction), each step timed, and then rolled back so every size sees the same batch
as new. Linking is reported on its own: issue #7 asks that it stays flat.

Usage: python bench/bench_growth.py [--corpus DIR] [--batch 200] [--big]
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import click

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _corpus import CORPUS, Row, corpus_articles, machine, megabytes, peak_mb, table  # noqa: E402

from ghatna.document import (  # noqa: E402
    Article,
    Doc,
    EventActor,
    EventMention,
    Mention,
    PartialDate,
    Sentence,
)
from ghatna.store import Store, open_store  # noqa: E402
from ghatna.store.records import event_mention_record  # noqa: E402

BENCH = "growth"
TYPES = ("CONSULT",) * 5 + ("AGREE", "COOPERATE", "AID", "REQUEST", "ACCUSE", "PROTEST")
FIRST_DAY = date(2011, 1, 1)
DAYS = (date(2020, 12, 31) - FIRST_DAY).days
PROVISIONAL = 2000
WRITE_CHUNK = 1000


class _Rollback(Exception):
    """Raised to undo a measured batch, so the next size starts from the same store."""


class Synthetic:
    """Builds synthetic articles with events, deterministic for a given seed."""

    def __init__(self, seed: int = 7) -> None:
        from ghatna.entities import load_kb

        people = [(a.id, a.hindi or a.name, a.country) for a in load_kb() if a.kind == "person"]
        people += [
            (f"provisional/per/synthetic-{k}", f"व्यक्ति {k}", None) for k in range(PROVISIONAL)
        ]
        self.actors = people
        self.weights = [1 / (rank + 1) ** 1.1 for rank in range(len(people))]
        self.rng = random.Random(seed)
        self.made = 0

    def _pair(self) -> list[tuple[str, str, str | None]]:
        while True:
            a, b = self.rng.choices(self.actors, self.weights, k=2)
            if a[0] != b[0]:
                return [a, b]

    def event_docs(self) -> list[Doc]:
        """Two reports (two articles) of one synthetic event."""
        pair = self._pair()
        day = FIRST_DAY + timedelta(days=self.rng.randrange(DAYS))
        type_ = self.rng.choice(TYPES)
        docs = []
        for _ in range(2):
            self.made += 1
            text = f"{pair[0][1]} ने {pair[1][1]} से मुलाकात की। संश्लेषित समाचार {self.made}।"
            docs.append(_doc(text, self.made, pair, day, type_))
        return docs


def _doc(
    text: str, n: int, pair: list[tuple[str, str, str | None]], day: date, type_: str
) -> Doc:
    article = Article.from_text(text, source=f"synthetic-{n}.txt", outlet="समाचार", published=day)
    a_end = len(pair[0][1])
    b_start = text.index(pair[1][1], a_end)
    spans = [(0, a_end), (b_start, b_start + len(pair[1][1]))]
    first = text.index("।") + 1
    mentions = [
        Mention(s, e, text[s:e], "PER", actor, "synthetic", 1.0)
        for (s, e), (actor, _, _) in zip(spans, pair, strict=True)
    ]
    event = EventMention(
        type=type_,
        mode=None,
        status="happened",
        sentence=0,
        trigger=(first - 8, first - 1),
        actors=tuple(
            EventActor(actor, name, country, None, role, span)
            for (actor, name, country), role, span in zip(
                pair, ("source", "target"), spans, strict=True
            )
        ),
        date=PartialDate.from_date(day, "synthetic"),
    )
    return Doc(
        article=article,
        text=text,
        paragraphs=[(0, len(text))],
        sentences=[
            Sentence(0, first, text[:first]),
            Sentence(first + 1, len(text), text[first + 1 :]),
        ],
        mentions=mentions,
        document_date=PartialDate.from_date(day, "published"),
        events=[event],
    )


def grow(store: Store, synthetic: Synthetic, target: int) -> float:
    """Add synthetic articles until the store holds ``target``; returns seconds spent."""
    from ghatna.link.reconcile import reconcile

    began = time.perf_counter()
    while (have := store.counts()["articles"]) < target:
        with store.transaction():
            wanted = min(WRITE_CHUNK, target - have) // 2 or 1
            pairs = [synthetic.event_docs() for _ in range(wanted)]
            store.save_docs([d for pair in pairs for d in pair])
            for pair in pairs:
                records = [event_mention_record(d, 0, d.events[0]) for d in pair]
                store.put_event(reconcile(records), [r["id"] for r in records])
    return time.perf_counter() - began


def measure_batch(store: Store, batch: list[Article]) -> dict[str, float]:
    """Process, save and link ``batch`` as ingest does; time each step, then roll back."""
    from ghatna.ingest.batch import process_serially
    from ghatna.link import link_mentions

    spent: dict[str, float] = {}
    try:
        with store.transaction():
            t0 = time.perf_counter()
            docs = process_serially(batch)
            t1 = time.perf_counter()
            ids = store.save_docs(docs)
            t2 = time.perf_counter()
            link_mentions(store, ids)
            t3 = time.perf_counter()
            spent = {"process": t1 - t0, "save": t2 - t1, "link": t3 - t2, "mentions": len(ids)}
            raise _Rollback
    except _Rollback:
        pass
    return spent


def growth_rows(corpus: Path, batch_size: int, sizes: list[int]) -> list[Row]:
    """Rows of per-article cost at each store size."""
    from ghatna.pipeline import load_resources

    load_resources()
    batch = corpus_articles(corpus)[:batch_size]
    mb = megabytes(batch)
    synthetic = Synthetic()
    rows = []
    with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "growth.db") as store:
        for size in sizes:
            filling = grow(store, synthetic, size)
            spent = measure_batch(store, batch)
            counts = store.counts()
            whole = spent["process"] + spent["save"] + spent["link"]
            per = 1000 / len(batch)
            note = (
                f"per article: {whole * per:.1f} ms whole = process {spent['process'] * per:.1f}"
                f" + save {spent['save'] * per:.2f} + link {spent['link'] * per:.2f} ms"
                f" ({int(spent['mentions'])} mentions); store {counts['articles']:,} articles,"
                f" {counts['events']:,} events, filled in {filling:.0f} s"
            )
            name = f"ingest+link at {size:,} stored"
            rows.append(Row(BENCH, name, len(batch), mb, whole, peak_mb()[0], note))
            rows.append(
                Row(BENCH, f"link only at {size:,} stored", len(batch), mb, spent["link"],
                    note=f"{spent['link'] * per:.2f} ms per article")
            )
    return rows


@click.command()
@click.option("--corpus", type=click.Path(path_type=Path), default=CORPUS, show_default=True)
@click.option(
    "--batch", "batch_size", default=200, show_default=True,
    help="Real articles ingested at each size.",
)
@click.option("--big", is_flag=True, help="Also measure at 100,000 stored articles (minutes).")
def main(corpus: Path, batch_size: int, big: bool) -> None:
    """Print per-article ingest and linking cost at 1k, 10k (and 100k) stored articles."""
    sizes = [1000, 10000] + ([100000] if big else [])
    click.echo(machine())
    click.echo(table(growth_rows(corpus, batch_size, sizes)))


if __name__ == "__main__":
    main()
