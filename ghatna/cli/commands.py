"""The core verbs: ingest, events, timeline, show, search, clean, demo."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import click

from ghatna.cli.output import (
    dumps,
    echo_json_lines,
    format_actors,
    format_date,
    format_place,
    format_type,
    json_option,
    timeline_line,
)
from ghatna.ingest.batch import IngestReport, Processor, ingest_articles, process_serially
from ghatna.ingest.readers import Problem, expand_paths, read_paths
from ghatna.store import Store, default_db_path, open_store
from ghatna.views import EventQuery, chronological, find_events, group_occasions

db_option = click.option(
    "--db",
    "db",
    metavar="FILE|URL",
    help=f"SQLite file or postgresql:// URL (default: $GHATNA_DB or {default_db_path()}).",
)


format_option = click.option(
    "--format",
    "fmt",
    type=click.Choice(["auto", "txt", "html", "jsonl", "dayfile"]),
    default="auto",
    show_default=True,
    help="Input format; auto decides by file extension. dayfile: newspaper day files.",
)


def _store(db: str | None) -> Store:
    return open_store(db)


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@db_option
@format_option
@click.option("--batch-size", default=200, show_default=True, help="Articles per transaction.")
@click.option(
    "--engine",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="Where the per-document stages run: this machine, or a Dask cluster.",
)
@click.option(
    "--workers",
    default=1,
    show_default=True,
    help="Processes for the per-document stages (local pool, or a local Dask cluster).",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="Dask scheduler address (tcp://host:8786); with --engine dask.",
)
@json_option
def ingest(
    paths: tuple[Path, ...],
    db: str | None,
    fmt: str,
    batch_size: int,
    engine: str,
    workers: int,
    scheduler: str | None,
    as_json: bool,
) -> None:
    """Read articles (.txt, .html, .jsonl, folders), extract events, store and link them.

    Re-ingesting the same content changes nothing. Bad files are reported one line
    each and the rest of the batch goes on. Storing and linking always happen here,
    one transaction per batch; --workers and --engine dask spread the per-document
    stages.

    Example:

        ghatna ingest news/ --db news.db --workers 2

        ghatna ingest news/ --engine dask --scheduler tcp://10.0.0.5:8786 --db postgresql://…
    """
    from ghatna.ingest.engines import make_processor

    with _store(db) as store, make_processor(engine, workers, scheduler) as processor:
        report = _ingest_with_progress(list(paths), store, fmt, batch_size, processor)
        for problem in report.problems:
            click.echo(f"skipped {problem}", err=True)
        summary = {
            "read": report.read,
            "stored": report.stored,
            "already_stored": report.skipped,
            "event_mentions": report.event_mentions,
            "events_touched": report.events_touched,
            "problems": [str(p) for p in report.problems],
            "seconds": round(report.seconds, 2),
            "db": store.location,
        }
        if as_json:
            click.echo(dumps(summary))
        else:
            click.echo(
                f"{report.stored} new articles stored, {report.skipped} already stored, "
                f"{len(report.problems)} skipped; {report.event_mentions} event mentions "
                f"linked into {report.events_touched} events in {report.seconds:.1f}s "
                f"→ {store.location}"
            )


def _ingest_with_progress(
    paths: list[Path],
    store: Store,
    fmt: str,
    batch_size: int,
    processor: Processor = process_serially,
) -> IngestReport:
    files = list(expand_paths(paths))
    with click.progressbar(length=len(files), label="ingesting", file=sys.stderr) as bar:

        def per_file() -> Iterator[Any]:
            for path in files:
                yield from read_paths([path], fmt)
                bar.update(1)

        return ingest_articles(per_file(), store, batch_size=batch_size, processor=processor)


def _kb() -> Any:
    from ghatna.entities.kb import load_kb

    return load_kb()


@click.command()
@click.option("--actor", help="Events this actor takes part in (name, alias or actor id).")
@click.option("--country", help="Events with an actor of, or a place in, this ISO3 country.")
@click.option("--from", "date_from", metavar="DATE", help="Earliest date, YYYY[-MM[-DD]].")
@click.option("--to", "date_to", metavar="DATE", help="Latest date, YYYY[-MM[-DD]].")
@click.option("--type", "type_", help="PLOVER type, e.g. CONSULT.")
@click.option(
    "--status", type=click.Choice(["happened", "planned", "reported_background", "negated"])
)
@click.option("--topic", help="Topic label, e.g. defence.")
@click.option(
    "--min-outlets", default=0, help="Only events reported by at least this many outlets."
)
@db_option
@json_option
def events(
    actor: str | None,
    country: str | None,
    date_from: str | None,
    date_to: str | None,
    type_: str | None,
    status: str | None,
    topic: str | None,
    min_outlets: int,
    db: str | None,
    as_json: bool,
) -> None:
    """List events, oldest first. With --json: the export contract, one event a line.

    Example:

        ghatna events --actor "S. Jaishankar" --country RUS --from 2021 --json
    """
    with _store(db) as store:
        query = EventQuery(actor, None, country, date_from, date_to, type_, status, topic)
        found = find_events(store, _kb(), query)
        if min_outlets:
            found = [e for e in found if len(e.get("outlets", [])) >= min_outlets]
        if as_json:
            echo_json_lines(found)
        else:
            for e in found:
                click.echo(timeline_line(e))


@click.command()
@click.option("--min-outlets", default=2, show_default=True, help="Reported by this many outlets.")
@click.option("--top", default=20, show_default=True, help="Print this many events (0: all).")
@click.option("--from", "date_from", metavar="DATE", help="Earliest date, YYYY[-MM[-DD]].")
@click.option("--to", "date_to", metavar="DATE", help="Latest date, YYYY[-MM[-DD]].")
@db_option
@json_option
def report(
    min_outlets: int,
    top: int,
    date_from: str | None,
    date_to: str | None,
    db: str | None,
    as_json: bool,
) -> None:
    """The events most widely reported: found in at least --min-outlets outlets, ranked by
    outlets, then distinct reports (near-duplicate copies count once), then date.
    Each line: rank, outlets, reports, date, type, who, which outlets, and the best
    evidence sentence. With --json: the export contract, ranked.

    Example:

        ghatna report --min-outlets 2 --top 20 --from 2020-03 --to 2020-03
    """
    with _store(db) as store:
        found = find_events(store, _kb(), EventQuery(date_from=date_from, date_to=date_to))
    ranked = sorted(
        (e for e in found if len(e.get("outlets", [])) >= min_outlets),
        key=lambda e: (-len(e["outlets"]), -int(e.get("source_count") or 0), chronological(e)),
    )
    shown = ranked[:top] if top else ranked
    if as_json:
        echo_json_lines(shown)
        return
    click.echo(
        f"{len(ranked)} events in {min_outlets} or more outlets"
        + (f"; the top {len(shown)}:" if shown else "")
    )
    for rank, e in enumerate(shown, 1):
        summary = " ".join(str(e.get("summary") or "").split())
        click.echo(
            f"{rank:>3}. outlets {len(e['outlets'])}  reports {e.get('source_count', 0)}  "
            f"{format_date(e.get('date'))}  {format_type(e)}  {format_actors(e)}  "
            f"[{', '.join(e['outlets'])}]  {e['id']}\n       {summary[:160]}"
        )


@click.command()
@click.argument("name")
@click.option(
    "--with", "with_", metavar="NAME|ISO3", help="Only events with this actor or country."
)
@click.option("--from", "date_from", metavar="DATE", help="Earliest date, YYYY[-MM[-DD]].")
@click.option("--to", "date_to", metavar="DATE", help="Latest date, YYYY[-MM[-DD]].")
@click.option("--topic", help="Only events about this topic, e.g. defence.")
@db_option
@json_option
def timeline(
    name: str,
    with_: str | None,
    date_from: str | None,
    date_to: str | None,
    topic: str | None,
    db: str | None,
    as_json: bool,
) -> None:
    """The events of one actor (or ISO3 country), oldest first: date, place, participants,
    type, sources. --with narrows to a second actor or a country. Actions coded within a
    meeting (greetings, appeals made there) are listed with it, not as occasions of their own.

    Example:

        ghatna timeline "S. Jaishankar" --with RUS

        ghatna timeline IND --with CHN --topic trade
    """
    with _store(db) as store:
        query = EventQuery(name, with_, None, date_from, date_to, topic=topic)
        found = group_occasions(find_events(store, _kb(), query))
        if as_json:
            echo_json_lines(found)
            return
        if not found:
            click.echo("no events found", err=True)
        for e in found:
            click.echo(timeline_line(e))


@click.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "csv", "gdelt", "plover"]),
    default="jsonl",
    show_default=True,
    help="jsonl: the export contract; csv: one flat row an event; gdelt: GDELT 2.0-style "
    "tab-separated event table; plover: PLOVER-style records (planned meetings coded AGREE).",
)
@click.option("--actor", help="Events this actor (or ISO3 country) takes part in.")
@click.option("--with", "with_", metavar="NAME|ISO3", help="And this second actor or country.")
@click.option("--from", "date_from", metavar="DATE")
@click.option("--to", "date_to", metavar="DATE")
@click.option("--topic")
@click.option(
    "-o", "--output", type=click.File("w", encoding="utf-8"), default="-", show_default=True
)
@db_option
def export(
    fmt: str,
    actor: str | None,
    with_: str | None,
    date_from: str | None,
    date_to: str | None,
    topic: str | None,
    output: Any,
    db: str | None,
) -> None:
    """Export events as JSON Lines, CSV, a GDELT-style table or PLOVER records.

    Example:

        ghatna export --format gdelt --actor "S. Jaishankar" -o jaishankar.tsv
    """
    from ghatna.export import FORMATS

    with _store(db) as store:
        query = EventQuery(actor, with_, None, date_from, date_to, topic=topic)
        output.write(FORMATS[fmt](find_events(store, _kb(), query)))


@click.command("score-links")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--events",
    "events_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="JSON Lines of events (the export contract); default: the events in --db.",
)
@db_option
@json_option
def score_links(gold: Path, events_file: Path | None, db: str | None, as_json: bool) -> None:
    """Score event clusters against a gold file (pairwise and B-cubed precision, recall, F1).

    GOLD is YAML or JSON with `events` (and optionally `background_events`), each with
    `id`, `actors` (canonical names) and `documents`, as in gold/seeds.yaml.

    Example:

        ghatna score-links ../shared/gold/seeds.yaml --db demo.db
    """
    import json

    import yaml

    from ghatna.link.score import score

    gold_data = yaml.safe_load(gold.read_text(encoding="utf-8"))
    if events_file:
        lines = events_file.read_text(encoding="utf-8").splitlines()
        system = [json.loads(line) for line in lines if line.strip()]
    else:
        with _store(db) as store:
            system = store.events()
    result = score(gold_data, system).as_dict()
    if as_json:
        click.echo(dumps(result))
        return
    for kind in ("pairwise", "bcubed"):
        r = result[kind]
        click.echo(
            f"{kind:>9}: precision {r['precision']:.3f}  recall {r['recall']:.3f}  f1 {r['f1']:.3f}"
        )
    click.echo(
        f"mentions: {result['gold_mentions']} gold, {result['system_mentions']} system, "
        f"{result['aligned']} aligned"
    )


@click.command()
@click.argument("event_id")
@db_option
@json_option
def show(event_id: str, db: str | None, as_json: bool) -> None:
    """One event with its evidence sentences and sources (an id prefix is enough).

    Example:

        ghatna show ev-1a2b3c
    """
    with _store(db) as store:
        event = store.event(event_id)
        if event is None:
            raise click.ClickException(f"no event {event_id!r}; list ids with `ghatna events`")
        if as_json:
            click.echo(dumps(event))
            return
        click.echo(f"{event['id']}  {format_type(event)}  [{event['status']}]")
        click.echo(f"  date:     {format_date(event.get('date'))}")
        for line in (event.get("date") or {}).get("evidence", []):
            click.echo(f"            because {line}")
        click.echo(f"  place:    {format_place(event)}")
        click.echo(f"  who:      {format_actors(event)}")
        if event.get("topics"):
            click.echo(f"  topics:   {', '.join(event['topics'])}")
        for q in event.get("quotes", []):
            click.echo(f"  quote:    {q.get('speaker') or '?'}: “{q['text']}”")
        for c in event.get("conflicts", []):
            click.echo(f"  conflict: {c['field']}: {dumps(c['values'])}")
        click.echo("  sources:")
        for s in event.get("sources", []):
            outlet = f" ({s['outlet']})" if s.get("outlet") else ""
            click.echo(
                f"    {s['document']}{outlet} [{s['status']}] chars {s['span'][0]}-{s['span'][1]}"
            )
            click.echo(f"      “{s['sentence'].strip()}”")


@click.command()
@click.argument("query")
@click.option("--limit", default=20, show_default=True)
@db_option
@json_option
def search(query: str, limit: int, db: str | None, as_json: bool) -> None:
    """Full-text search over sentences and articles (Hindi or English words).

    Example:

        ghatna search लावरोव
    """
    with _store(db) as store:
        hits = store.search(query, limit=limit)
        if as_json:
            click.echo(dumps(hits))
            return
        click.echo(f"{len(hits['articles'])} articles, {len(hits['sentences'])} sentences")
        for a in hits["articles"]:
            click.echo(f"  article {a['document']}  {a.get('title') or ''}")
        for s in hits["sentences"]:
            click.echo(f"  {s['document']}#{s['idx']}: {s['text'].strip()}")


@click.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@format_option
@json_option
def clean(file: Path, fmt: str, as_json: bool) -> None:
    """The cleaned text of FILE, its sentences (offsets, language), and what was removed, and why.

    Example:

        ghatna clean page.html --json
    """
    from ghatna.clean import clean_article

    for item in read_paths([file], fmt):
        if isinstance(item, Problem):
            raise click.ClickException(str(item))
        doc = clean_article(item)
        result = {
            "document": item.source,
            "id": item.id,
            "title": item.title,
            "text": doc.text,
            "headings": doc.headings,
            "sentences": [
                {"text": s.text, "start": s.start, "end": s.end, "language": s.lang}
                for s in doc.sentences
            ],
            "removed": [{"text": r.text, "reason": r.reason, "line": r.line} for r in doc.removed],
        }
        if as_json:
            click.echo(dumps(result))
            continue
        click.echo(doc.text)
        click.echo("\n--- sentences ---")
        for s in doc.sentences:
            click.echo(f"[{s.start}:{s.end}] {s.lang}  {s.text}")
        click.echo("\n--- removed ---")
        for r in doc.removed:
            click.echo(f"{r.reason:>22}  {r.text}")


def sample_dir() -> Path:
    return Path(str(resources.files("ghatna") / "sample" / "seeds"))


@click.command()
@db_option
def demo(db: str | None) -> None:
    """Ingest the bundled sample into a fresh database; print S. Jaishankar's timeline with Russia.

    Example:

        ghatna demo
    """
    path = Path(db) if db else default_db_path().with_name("demo.db")
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    with open_store(path) as store:
        report = _ingest_with_progress([sample_dir()], store, "auto", 200)
        click.echo(
            f"ingested {report.stored} sample articles into {path}: "
            f"{report.event_mentions} event mentions → {store.counts()['events']} events\n"
        )
        click.echo("Timeline of S. Jaishankar with Russia (RUS), oldest first:\n")
        for e in group_occasions(find_events(store, _kb(), EventQuery("S. Jaishankar", "RUS"))):
            click.echo(timeline_line(e))
    click.echo(
        f"\nNext: ghatna show EVENT_ID --db {path}   ·   ghatna search लावरोव --db {path}"
        f"\n      ghatna events --json --db {path}"
    )


__all__ = [
    "clean",
    "demo",
    "events",
    "export",
    "report",
    "ingest",
    "score_links",
    "search",
    "show",
    "timeline",
]
