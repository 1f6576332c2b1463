"""``ghatna time FILE``: show the time expressions of one article and how each was dated."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import click


@click.command("time")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--published",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Publication date (YYYY-MM-DD); without it the date is inferred from the text.",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def time(file: Path, published, as_json: bool) -> None:
    """Tag and resolve the time expressions of FILE (clean + entity linking + time).

    Example:

        ghatna time ghatna/sample/seeds/004_d34dcb964ca20152.txt --json
    """
    from ghatna.clean import clean_article
    from ghatna.document import Article
    from ghatna.entities import load_linker
    from ghatna.time import annotate_time

    raw = file.read_text(encoding="utf-8")
    day: date | None = published.date() if published else None
    doc = clean_article(Article.from_text(raw, file.name, published=day))
    linker = load_linker()
    doc.mentions = linker.annotate(doc)
    annotate_time(doc, linker.kb)
    rows = [
        {"start": t.start, "end": t.end, "text": t.text, "kind": t.kind, **t.date.to_json()}
        for t in doc.timexes
    ]
    if as_json:
        out = {"document": file.name, "document_date": doc.document_date.to_json(), "timexes": rows}
        click.echo(json.dumps(out, ensure_ascii=False, indent=2))
        return
    dd = doc.document_date
    click.echo(f"document date: {dd.value} ({dd.granularity}, {dd.weekday or '-'})")
    for line in dd.evidence:
        click.echo(f"    {line}")
    for r in rows:
        cands = f"  candidates: {', '.join(r['candidates'])}" if r["candidates"] else ""
        click.echo(
            f"{r['start']:>6}-{r['end']:<6} {r['text']!s:24} {r['kind']:9} "
            f"{r['value'] or '-':12} {r['granularity']:8} {r['weekday'] or '-'}{cands}"
        )
        click.echo(f"    evidence: {'; '.join(r['evidence'])}")
