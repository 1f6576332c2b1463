"""Throughput of the time tagger against dateparser's ``search_dates`` on the same texts.

Reads the March 2020 Hindi news corpus (../shared/data/news/covid-hi-2020-03/, one file
per outlet per day) and, in one run, times ``ghatna.time.tag`` and
``dateparser.search.search_dates(text, languages=["hi", "en"])`` per paragraph. Prints
expressions found and expressions per second for each. Counts are not a quality
measure (see scripts/eval_timex.py for that): dateparser also reads bare numbers as
dates and misses oblique forms such as पिछले वर्ष.

Usage: python bench/bench_time.py [--files N]
"""

from __future__ import annotations

import time
from pathlib import Path

import click

from ghatna.time import tag

CORPUS = (
    Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "news" / "covid-hi-2020-03"
)


def _paragraphs(files: list[Path]) -> list[str]:
    return [
        line.strip()
        for f in files
        for line in f.read_text(encoding="utf-8", errors="replace").splitlines()
        if line.strip()
    ]


def _report(name: str, found: int, seconds: float, chars: int) -> None:
    rate, mchars = found / seconds, chars / seconds / 1e6
    click.echo(
        f"{name:20} {found:6d} expressions {seconds:7.2f} s {rate:9.0f} expr/s {mchars:.2f} Mc/s"
    )


@click.command()
@click.option("--files", default=20, show_default=True, help="How many corpus files to read.")
def main(files: int) -> None:
    """Print expressions/second of ghatna.time.tag and dateparser.search_dates."""
    paths = sorted(p for p in CORPUS.rglob("*") if p.is_file())[:files]
    if not paths:
        raise click.ClickException(f"no files under {CORPUS}: is ../shared beside the repo?")
    paras = _paragraphs(paths)
    chars = sum(len(p) for p in paras)
    click.echo(f"{len(paths)} files, {len(paras)} paragraphs, {chars} characters")
    tag("आज")  # load lexicons and compile patterns outside the timing
    t0 = time.perf_counter()
    ours = sum(len(tag(p)) for p in paras)
    t_ours = time.perf_counter() - t0
    _report("ghatna.time.tag", ours, t_ours, chars)
    from dateparser.search import search_dates

    search_dates("आज", languages=["hi", "en"])
    t0 = time.perf_counter()
    theirs = sum(len(search_dates(p, languages=["hi", "en"]) or []) for p in paras)
    t_dp = time.perf_counter() - t0
    _report("dateparser search", theirs, t_dp, chars)
    click.echo(f"speed-up: {t_dp / t_ours:.1f}x")


if __name__ == "__main__":
    main()
