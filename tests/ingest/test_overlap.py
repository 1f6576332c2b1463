"""Ingest overlaps processing the next batch with storing the previous one, and stores
exactly what the one-batch-at-a-time loop stores."""

from __future__ import annotations

from collections.abc import Callable

from ghatna.document import Article, Doc
from ghatna.ingest.batch import ingest_articles
from ghatna.store import Store
from tests.conftest import make_doc


def _doc(article: Article) -> Doc:
    return make_doc(article.raw, source=article.source)


class _Recorder:
    """A processor with ``submit``, as the pool and Dask processors have; it logs when
    batches start and finish, and when the store writes."""

    def __init__(self, log: list[str]) -> None:
        self.log = log

    def submit(self, articles: list[Article]) -> Callable[[], list[Doc]]:
        names = ",".join(a.source for a in articles)
        self.log.append(f"start {names}")

        def wait() -> list[Doc]:
            self.log.append(f"done {names}")
            return [_doc(a) for a in articles]

        return wait

    def __call__(self, articles: list[Article]) -> list[Doc]:
        return self.submit(articles)()


def _articles(*texts: str) -> list[Article]:
    return [Article.from_text(t, source=f"{i}.txt") for i, t in enumerate(texts)]


def test_ingest_next_batch_starts_before_the_previous_is_stored(store: Store):
    log: list[str] = []
    saved = store.save_docs

    def save(docs: list[Doc]) -> list[int]:
        log.append("store " + ",".join(d.article.source for d in docs))
        return saved(docs)

    store.save_docs = save  # type: ignore[method-assign]
    arts = _articles("पहली खबर।", "दूसरी खबर।", "तीसरी खबर।")
    report = ingest_articles(arts, store, batch_size=1, processor=_Recorder(log))
    assert log == [
        "start 0.txt",
        "start 1.txt",
        "done 0.txt",
        "store 0.txt",
        "start 2.txt",
        "done 1.txt",
        "store 1.txt",
        "done 2.txt",
        "store 2.txt",
    ]
    assert (report.read, report.stored, report.skipped) == (3, 3, 0)


def test_ingest_article_repeated_in_the_next_batch_is_stored_once(store: Store):
    same = "वही खबर दो बार आई।"
    arts = [*_articles(same, "दूसरी खबर।"), Article.from_text(same, source="again.txt")]
    report = ingest_articles(arts, store, batch_size=2, processor=_Recorder([]))
    assert (report.read, report.stored, report.skipped) == (3, 2, 1)
    assert store.counts()["articles"] == 2
