"""Throughput of the actor layer on the March 2020 corpus, beside a plain gazetteer scan.

Reads ../shared/data/news/covid-hi-2020-03/ (every file, whole text per file) and prints
mentions per second for the full linker (gazetteer + CRF + linking) and for the
Aho-Corasick gazetteer scan alone.

With ``--pipeline N`` it also times the whole per-document pipeline
(``ghatna.pipeline.process``: clean, mentions, time, roles, events) on the first N
stories of the corpus, split the way ``ghatna ingest --format dayfile`` splits them.

Example:
    python bench/bench_entities.py --limit 40
    python bench/bench_entities.py --pipeline 200
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from ghatna.clean.normalize import nfc
from ghatna.document import Article, Doc
from ghatna.entities import load_linker

CORPUS = (
    Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "news" / "covid-hi-2020-03"
)


@click.command()
@click.option("--corpus", type=click.Path(path_type=Path), default=CORPUS, show_default=True)
@click.option("--limit", type=int, default=0, help="Read at most this many files (0: all).")
@click.option("--pipeline", type=int, default=0, help="Also time process() on N stories.")
def main(corpus: Path, limit: int, pipeline: int) -> None:
    """Print mentions/s and chars/s for the linker and for the bare gazetteer scan."""
    files = sorted(p for p in corpus.rglob("*") if p.is_file())
    if limit:
        files = files[:limit]
    if not files:
        raise click.ClickException(f"{corpus}: no files (see ../shared/data/README.md)")
    texts = [nfc(p.read_text("utf-8", errors="replace")) for p in files]
    chars = sum(len(t) for t in texts)
    began = time.perf_counter()
    linker = load_linker()
    click.echo(f"load KB + model: {time.perf_counter() - began:.2f}s ({len(linker.kb)} actors)")

    began = time.perf_counter()
    n = sum(len(linker.gazetteer.scan(t)) for t in texts)
    scan = time.perf_counter() - began
    click.echo(
        f"gazetteer scan:  {n:7d} hits     {n / scan:10.0f} hits/s     "
        f"{chars / scan / 1e6:6.2f} Mchar/s"
    )

    began = time.perf_counter()
    n = 0
    for path, text in zip(files, texts, strict=True):
        n += len(linker.annotate(Doc(Article.from_text(text, path.name), text=text)))
    full = time.perf_counter() - began
    click.echo(
        f"full linker:     {n:7d} mentions {n / full:10.0f} mentions/s "
        f"{chars / full / 1e6:6.2f} Mchar/s"
        f"  ({len(files)} files, {chars / 1e6:.1f} M chars)"
    )
    if pipeline:
        time_pipeline(corpus, pipeline)


def time_pipeline(corpus: Path, n: int) -> None:
    """Articles/s of ``ghatna.pipeline.process`` on the first ``n`` stories, one core."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from _corpus import corpus_articles

    from ghatna.pipeline import load_resources, process

    articles = corpus_articles(corpus)[:n]
    res = load_resources()
    began = time.perf_counter()
    mentions = sum(len(process(a, res).mentions) for a in articles)
    took = time.perf_counter() - began
    click.echo(
        f"pipeline:        {len(articles):7d} stories  {len(articles) / took:10.1f} articles/s "
        f"({mentions} mentions, {took:.1f}s)"
    )


if __name__ == "__main__":
    main()
