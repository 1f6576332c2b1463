"""What every benchmark shares: the March 2020 news corpus, the bundled sample,
synthetic copies of them, and the one table all figures are printed in.

The corpus is read from ``../shared/data/news/covid-hi-2020-03/`` beside the repository
(a command-line argument can point elsewhere) and split into stories by the same
day-file reader ``ghatna ingest --format dayfile`` uses, so the figures describe what a
user gets. Copies made by :func:`multiply` end in a marker sentence naming the copy,
so their content hashes differ and the store treats each as a new article.
"""

from __future__ import annotations

import json
import os
import platform
import resource
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, replace
from importlib import metadata
from pathlib import Path

from ghatna.document import Article, content_id
from ghatna.ingest.readers import read_paths

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "data" / "news" / "covid-hi-2020-03"
VERSIONED = (
    "ghatna",
    "numpy",
    "pyahocorasick",
    "rapidfuzz",
    "dask",
    "distributed",
    "indic-nlp-library",
    "dateparser",
)


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


@dataclass
class Row:
    """One line of the benchmark table; rates are derived, never stored."""

    bench: str
    measure: str
    articles: int = 0
    mb: float = 0.0
    seconds: float = 0.0
    peak_mb: float | None = None
    note: str = ""

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)

    @classmethod
    def from_json(cls, line: str) -> Row:
        return cls(**json.loads(line))


def peak_mb() -> tuple[float, float]:
    """Peak resident memory (MB) of this process and of its largest finished child."""
    me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return me, child


def table(rows: list[Row]) -> str:
    """The rows as a fixed-width text table with articles/s and MB/s worked out."""
    head = ("bench", "measure", "articles", "MB", "s", "art/s", "MB/s", "peak MB", "note")
    lines = [head]
    for r in rows:
        rate = f"{r.articles / r.seconds:,.1f}" if r.seconds and r.articles else ""
        mbs = f"{r.mb / r.seconds:.3f}" if r.seconds and r.mb else ""
        lines.append(
            (
                r.bench,
                r.measure,
                f"{r.articles:,}" if r.articles else "",
                f"{r.mb:.2f}" if r.mb else "",
                f"{r.seconds:.2f}" if r.seconds else "",
                rate,
                mbs,
                f"{r.peak_mb:.0f}" if r.peak_mb is not None else "",
                r.note,
            )
        )
    widths = [max(len(line[i]) for line in lines) for i in range(len(head) - 1)]
    out = []
    for n, line in enumerate(lines):
        pairs = enumerate(zip(line[:-1], widths, strict=True))
        cells = [c.ljust(w) if i < 2 else c.rjust(w) for i, (c, w) in pairs]
        out.append("  ".join([*cells, line[-1]]).rstrip())
        if n == 0:
            out.append("-" * len(out[0]))
    return "\n".join(out)
