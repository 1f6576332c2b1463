"""Throughput of the clean stage on the March 2020 corpus, beside indic-nlp-library.

Usage: python bench/bench_clean.py [CORPUS_DIR] [--repeat N]
       (CORPUS_DIR defaults to ../shared/data/news/covid-hi-2020-03 beside the repository;
       ``--corpus DIR`` is accepted too, as bench/run.py passes it.)

Rows, each the best of ``--repeat`` runs, over the raw UTF-8 text of the stories:

* ``split day files``: 155 day files → stories (ghatna.ingest.dayfile);
* ``outlet repeats``: the lines each outlet repeats (ghatna.clean.repeated_lines);
* ``clean_article``: the whole stage (boilerplate, dedup, sentences, language);
* ``sentences only``: ghatna's sentence splitter on every non-empty raw line;
* ``indic-nlp sentence_split``: indic-nlp-library on the same lines, for comparison
  (it splits on । and . like ours, keeps डॉ. एस. together, but leaves a closing quote
  after । as a sentence of its own and needs no boilerplate pass);
* ``html path``: trafilatura + clean_article on the hand-written pages in
  tests/clean/pages (cache cleared each run), milliseconds a page.

Counts are printed beside the times; they are not a quality measure (tests/clean and the
gold file are).
"""

from __future__ import annotations

import sys
import time
from collections import defaultdict
from pathlib import Path

import click

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "data" / "news" / "covid-hi-2020-03"
PAGES = REPO / "tests" / "clean" / "pages"


def _best(fn, repeat: int):
    best, result = float("inf"), None
    for _ in range(repeat):
        began = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - began)
    return best, result


def _row(name: str, seconds: float, articles: int, mb: float, note: str) -> None:
    click.echo(
        f"{name:26} {articles:5d} articles {seconds:7.3f} s {articles / seconds:9.1f} art/s "
        f"{mb / seconds:7.3f} MB/s  {note}"
    )


@click.command()
@click.argument("corpus_dir", required=False, type=click.Path(path_type=Path))
@click.option("--corpus", "corpus_opt", type=click.Path(path_type=Path), help="Same as CORPUS_DIR.")
@click.option("--repeat", default=3, show_default=True, help="Runs per row; the best is shown.")
def main(corpus_dir: Path | None, corpus_opt: Path | None, repeat: int) -> None:
    """Print articles/s and MB/s of the clean stage and of indic-nlp's sentence_split."""
    from ghatna.clean import clean_article, repeated_lines
    from ghatna.clean._rules import load_rules
    from ghatna.clean._sentences import split_sentences
    from ghatna.ingest.dayfile import split_day_file

    root = corpus_dir or corpus_opt or CORPUS
    files = sorted(root.rglob("*.txt")) if root.is_dir() else []
    if not files:
        raise click.ClickException(
            f"no day files under {root}: pass the folder of <Outlet>/<XX>-2020-MAR-DD.txt files"
        )
    rules = load_rules()  # data files load once, outside the timings

    t, articles = _best(lambda: [a for f in files for a in split_day_file(f)], repeat)
    mb = sum(len(a.raw.encode("utf-8")) for a in articles) / 1e6
    click.echo(f"{len(files)} day files, {len(articles)} stories, {mb:.2f} MB; best of {repeat}")
    _row("split day files", t, len(articles), mb, f"{len(files) / t:.0f} files/s")

    def outlet_repeats():
        by_outlet = defaultdict(list)
        for a in articles:
            by_outlet[a.outlet].append(a)
        return {o: repeated_lines(v) for o, v in by_outlet.items()}

    t, repeats = _best(outlet_repeats, repeat)
    _row("outlet repeats", t, len(articles), mb, f"{sum(map(len, repeats.values()))} lines")

    t, docs = _best(
        lambda: [clean_article(a, repeated=repeats[a.outlet]) for a in articles], repeat
    )
    n_sent = sum(len(d.sentences) for d in docs)
    n_removed = sum(len(d.removed) for d in docs)
    _row("clean_article", t, len(articles), mb, f"{n_sent} sentences, {n_removed} removed")

    lines = [[ln.strip() for ln in a.raw.splitlines() if ln.strip()] for a in articles]
    t, count = _best(
        lambda: sum(len(split_sentences(ln, rules)) for ls in lines for ln in ls), repeat
    )
    _row("sentences only (ghatna)", t, len(articles), mb, f"{count} sentences")

    try:
        from indicnlp.tokenize.sentence_tokenize import sentence_split
    except ImportError:
        click.echo("indic-nlp sentence_split    not installed (pip install indic-nlp-library)")
    else:
        sentence_split("आज।", lang="hi")
        t, count = _best(
            lambda: sum(len(sentence_split(ln, lang="hi")) for ls in lines for ln in ls), repeat
        )
        _row("indic-nlp sentence_split", t, len(articles), mb, f"{count} sentences")

    pages = sorted(PAGES.glob("*.html"))
    if pages:
        from ghatna.ingest.html import html_main_text, read_html

        htmls = [p.read_text(encoding="utf-8") for p in pages]

        def html_path():
            html_main_text.cache_clear()
            return [clean_article(read_html(h, source="page.html")) for h in htmls]

        rounds = 20
        t, _ = _best(lambda: [html_path() for _ in range(rounds)], repeat)
        per_page = t / (rounds * len(htmls)) * 1000
        click.echo(f"{'html path':26} {len(htmls)} pages x {rounds}: {per_page:.1f} ms a page")


if __name__ == "__main__":
    sys.exit(main())
