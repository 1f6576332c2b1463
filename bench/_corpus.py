"""The texts every benchmark reads: the March 2020 news corpus, the bundled sample, and
synthetic copies of them.

The corpus is read from ``../shared/data/news/covid-hi-2020-03/`` beside the repository
(a command-line argument can point elsewhere) and split into stories by the same
day-file reader ``ghatna ingest --format dayfile`` uses, so the figures describe what a
user gets. Copies made by :func:`multiply` end in a marker sentence naming the copy,
so their content hashes differ and the store treats each as a new article.
"""

from __future__ import annotations

import os
import platform
from collections.abc import Iterable, Iterator
from dataclasses import replace
from importlib import metadata
from pathlib import Path

from ghatna.document import Article, content_id
from ghatna.ingest.readers import read_paths

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "data" / "news" / "covid-hi-2020-03"
VERSIONED = ("ghatna", "dask", "distributed", "indic-nlp-library", "dateparser")


def corpus_articles(root: Path = CORPUS) -> list[Article]:
    """Every story in the day files under ``root``, in file order."""
    if not root.is_dir():
        raise SystemExit(
            f"no corpus at {root}: the benchmarks read ../shared/data/news/covid-hi-2020-03/ "
            "beside the repository; pass --corpus DIR to read another copy"
        )
    return [a for a in read_paths([root], fmt="dayfile") if isinstance(a, Article)]


def sample_articles() -> list[Article]:
    """The bundled sample articles (``ghatna/sample/seeds``)."""
    from ghatna.cli.commands import sample_dir

    return [a for a in read_paths([sample_dir()]) if isinstance(a, Article)]


def copy_of(article: Article, k: int) -> Article:
    """Copy ``k`` of an article: the same story plus one sentence that only this copy has."""
    if k == 0:
        return article
    raw = f"{article.raw.rstrip()}\n\nयह समाचार की प्रति संख्या {k} है।\n"
    return replace(article, id=content_id(raw), raw=raw, source=f"{article.source}~{k}")


def multiply(articles: list[Article], factor: int) -> Iterator[Article]:
    """``factor`` copies of ``articles``, generated lazily (nothing held beyond one article)."""
    for k in range(factor):
        for a in articles:
            yield copy_of(a, k)


def megabytes(articles: Iterable[Article]) -> float:
    """Size of the raw texts in MB of UTF-8 (Devanagari is 3 bytes a letter)."""
    return sum(len(a.raw.encode("utf-8")) for a in articles) / 1e6


def machine() -> str:
    """One line naming the machine and the library versions the figures were taken with."""
    versions = []
    for name in VERSIONED:
        try:
            versions.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name} (not installed)")
    cores = os.cpu_count()
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else cores
    return (
        f"{platform.processor() or platform.machine()}, {cores} cores ({usable} usable), "
        f"Python {platform.python_version()}; " + ", ".join(versions)
    )
