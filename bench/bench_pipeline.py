"""End-to-end figures: the per-document pipeline, each of its stages, ingest into a store
(serial, process pool, Dask), streaming memory at 1x and Nx the corpus, and the obvious
alternatives a user would reach for on the same articles.

Every scenario runs in a fresh Python process, so its peak resident memory is its own
(``peak MB`` is the driver; the note gives the largest worker for pools and clusters).
Timings leave out loading the knowledge base and models (reported once, on the
``load resources`` row); pool and cluster rows include starting their workers.

Usage: python bench/bench_pipeline.py [--corpus DIR] [--factor 20] [--workers 2]
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path

import click

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _corpus import (  # noqa: E402 - the bench folder is not a package
    CORPUS,
    Row,
    corpus_articles,
    machine,
    megabytes,
    multiply,
    peak_mb,
    table,
)

from ghatna.document import Article  # noqa: E402

BENCH = "pipeline"
STAGE_NAMES = ("clean", "mentions", "time", "roles", "events")


def _pipeline(articles: list[Article]) -> list[Row]:
    from ghatna.pipeline import load_resources, process

    began = time.perf_counter()
    res = load_resources()
    load = time.perf_counter() - began
    began = time.perf_counter()
    docs = [process(a, res) for a in articles]
    seconds = time.perf_counter() - began
    events = sum(len(d.events) for d in docs)
    # the per-word caches (NER features, folding, romanisation) are cold on the first
    # pass; on the second every cache is warm, line-level ones too since the texts are
    # the same: an upper bound for a long ingest of real news, whose words repeat
    began = time.perf_counter()
    for a in articles:
        process(a, res)
    again = time.perf_counter() - began
    return [
        Row(
            BENCH,
            "load resources (KB, NER model, rules)",
            seconds=load,
            note="once per process",
        ),
        Row(
            BENCH,
            "whole pipeline, 1 core, no store",
            len(articles),
            megabytes(articles),
            seconds,
            note=f"{events} event mentions",
        ),
        Row(
            BENCH,
            "the same again, warm word caches",
            len(articles),
            megabytes(articles),
            again,
            note="second pass in the same process: an upper bound",
        ),
    ]


def _stages(articles: list[Article]) -> list[Row]:
    """Each stage timed on its own, by running the stages in ``ghatna.pipeline.process``'s
    order; the result is checked against ``process`` so the breakdown cannot drift."""
    from ghatna.clean import clean_article
    from ghatna.events import extract_events
    from ghatna.pipeline import STAGES, load_resources, process
    from ghatna.time import annotate_time

    if tuple(s[0] for s in STAGES) != STAGE_NAMES:
        return [Row(BENCH, "stages", note=f"skipped: pipeline stages are now {STAGES}")]
    res = load_resources()
    spent = dict.fromkeys(STAGE_NAMES, 0.0)
    same = True
    for a in articles:
        t0 = time.perf_counter()
        doc = clean_article(a)
        t1 = time.perf_counter()
        doc.mentions = res.linker.annotate(doc)
        t2 = time.perf_counter()
        annotate_time(doc, res.kb)
        t3 = time.perf_counter()
        doc.mentions = res.linker.resolve_roles(doc)
        t4 = time.perf_counter()
        doc.events = extract_events(doc, res.kb)
        t5 = time.perf_counter()
        for name, (start, end) in zip(
            STAGE_NAMES, ((t0, t1), (t1, t2), (t2, t3), (t3, t4), (t4, t5)), strict=True
        ):
            spent[name] += end - start
        same = same and doc == process(a, res)
    mb = megabytes(articles)
    note = "" if same else "differs from process(): breakdown is stale"
    return [Row(BENCH, f"stage {n}", len(articles), mb, s, note=note) for n, s in spent.items()]


def _ingest(articles: list[Article], factor: int, engine: str, workers: int) -> list[Row]:
    from ghatna.ingest.batch import ingest_articles
    from ghatna.ingest.engines import make_processor
    from ghatna.pipeline import load_resources
    from ghatna.store import open_store

    load_resources()
    with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "bench.db") as store:
        began = time.perf_counter()
        with make_processor(engine, workers) as processor:
            report = ingest_articles(multiply(articles, factor), store, processor=processor)
        seconds = time.perf_counter() - began
    me, child = peak_mb()
    where = "1 core" if engine == "local" and workers == 1 else f"{engine}, {workers} workers"
    note = f"{report.event_mentions} mentions → {report.events_touched} events"
    if (engine, workers) != ("local", 1):
        note += f"; largest worker {child:.0f} MB; incl. start-up"
    return [
        Row(
            BENCH,
            f"ingest {factor}x: store + link, {where}",
            report.stored,
            megabytes(articles) * factor,
            seconds,
            me,
            note,
        )
    ]


def _alternatives(articles: list[Article]) -> list[Row]:
    """ghatna's stage and the library a user would reach for, on the same article texts."""
    import ahocorasick
    from dateparser.search import search_dates
    from indicnlp.tokenize.sentence_tokenize import sentence_split

    from ghatna.clean import clean_article
    from ghatna.pipeline import load_resources
    from ghatna.time import tag

    res = load_resources()
    automaton = ahocorasick.Automaton()
    for actor in res.kb:
        for name in (actor.name, *actor.aliases):
            automaton.add_word(name, actor.id)
    automaton.make_automaton()
    docs = [clean_article(a) for a in articles]
    paragraphs = [[p for p in a.raw.splitlines() if p.strip()] for a in articles]
    search_dates("आज", languages=["hi", "en"])

    def per_paragraph(fn: Callable[[str], Iterable[object] | None]) -> Callable[[int], int]:
        return lambda i: sum(len(list(fn(p) or [])) for p in paragraphs[i])

    cases: list[tuple[str, Callable[[int], int], str]] = [
        (
            "sentences: ghatna.clean",
            lambda i: len(clean_article(articles[i]).sentences),
            "sentences",
        ),
        (
            "sentences: indic-nlp sentence_split",
            per_paragraph(lambda p: sentence_split(p, "hi")),
            "sentences; no boilerplate removal, no offsets",
        ),
        ("dates: ghatna.time.tag", per_paragraph(tag), "expressions"),
        (
            "dates: dateparser search_dates",
            per_paragraph(lambda p: search_dates(p, languages=["hi", "en"])),
            "expressions; day only, no spans",
        ),
        (
            "actors: ghatna linker",
            lambda i: len(res.linker.annotate(docs[i])),
            "mentions (cleaned text)",
        ),
        (
            "actors: plain gazetteer scan",
            lambda i: sum(1 for _ in automaton.iter(articles[i].raw)),
            "hits; Aho-Corasick over KB names, substrings",
        ),
    ]
    rows = []
    mb = megabytes(articles)
    for name, run, unit in cases:
        began = time.perf_counter()
        found = sum(run(i) for i in range(len(articles)))
        seconds = time.perf_counter() - began
        rows.append(Row("alternatives", name, len(articles), mb, seconds, note=f"{found} {unit}"))
    return rows


def run_scenario(scenario: str, corpus: Path, factor: int, workers: int, limit: int) -> list[Row]:
    """One scenario in this process; peak memory is filled in for the process so far."""
    articles = corpus_articles(corpus)
    if limit:
        articles = articles[:limit]
    if scenario == "pipeline":
        rows = _pipeline(articles)
    elif scenario == "stages":
        rows = _stages(articles)
    elif scenario == "alternatives":
        rows = _alternatives(articles)
    else:
        engine = "dask" if scenario == "ingest-dask" else "local"
        rows = _ingest(articles, factor, engine, workers)
    for row in rows:
        if row.peak_mb is None and row.seconds and row.articles:
            row.peak_mb = peak_mb()[0]
    return rows


def measure(
    scenario: str, corpus: Path, factor: int = 1, workers: int = 1, limit: int = 0
) -> list[Row]:
    """Run one scenario in a fresh interpreter and return its rows (a failed row on error)."""
    cmd = [
        sys.executable,
        __file__,
        "--scenario",
        scenario,
        "--corpus",
        str(corpus),
        "--factor",
        str(factor),
        "--workers",
        str(workers),
        "--limit",
        str(limit),
    ]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    rows = [Row.from_json(line) for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode or not rows:
        last = (done.stderr.strip().splitlines() or ["no output"])[-1]
        return [Row(BENCH, scenario, note=f"FAILED: {last[:160]}")]
    return rows


def all_rows(corpus: Path, factor: int, workers: int, alt_limit: int) -> list[Row]:
    """Every scenario of this benchmark, each in its own process."""
    return [
        *measure("pipeline", corpus),
        *measure("stages", corpus),
        *measure("ingest", corpus),
        *measure("ingest", corpus, factor=factor),
        *measure("ingest", corpus, workers=workers),
        *measure("ingest", corpus, factor=factor, workers=workers),
        *measure("ingest-dask", corpus, workers=workers),
        *measure("alternatives", corpus, limit=alt_limit),
    ]


@click.command()
@click.option("--corpus", type=click.Path(path_type=Path), default=CORPUS, show_default=True)
@click.option(
    "--factor", default=20, show_default=True, help="Copies of the corpus for the streaming row."
)
@click.option("--workers", default=2, show_default=True, help="Workers for the pool and Dask rows.")
@click.option(
    "--alt-limit",
    default=100,
    show_default=True,
    help="Articles for the alternatives rows (dateparser is slow).",
)
@click.option("--scenario", hidden=True, help="Run one scenario here and print its rows as JSON.")
@click.option("--limit", default=0, hidden=True)
def main(
    corpus: Path, factor: int, workers: int, alt_limit: int, scenario: str | None, limit: int
) -> None:
    """Print the pipeline, ingest and alternatives rows of the benchmark table."""
    if scenario:
        for row in run_scenario(scenario, corpus, factor, workers, limit):
            click.echo(row.to_json())
        return
    click.echo(machine())
    click.echo(table(all_rows(corpus, factor, workers, alt_limit)))


if __name__ == "__main__":
    main()
