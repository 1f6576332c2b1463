"""``ghatna actors ...`` (list, show, check the knowledge base) and ``ghatna ner --conll``.

Thin commands over :mod:`ghatna.entities`: parse, call the library, print.
"""

from __future__ import annotations

import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

import click

from ghatna.cli.output import dumps, json_option


def _actor_json(actor: Any) -> dict[str, Any]:
    data = asdict(actor)
    data.pop("ambiguous", None)
    data["roles"] = [
        {**r, "start": str(r["start"]), "end": str(r["end"]) if r["end"] else None}
        for r in data["roles"]
    ]
    return data


def _kb(files: tuple[Path, ...]):
    from ghatna.entities.kb import build_kb, load_kb
    from ghatna.errors import ResourceError

    try:
        return build_kb(files) if files else load_kb()
    except ResourceError as err:
        raise click.ClickException(str(err)) from err


_file_option = click.option(
    "--file",
    "files",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Extra actors YAML (same shape as ghatna/entities/data/people.yaml); repeatable.",
)


@click.group()
def actors() -> None:
    """List, show and check the actor knowledge base."""


@actors.command("list")
@click.option("--kind", type=click.Choice(["person", "country", "city", "org", "agency", "summit"]))
@click.option("--country", help="ISO3 code, e.g. RUS.")
@_file_option
@json_option
def list_(kind: str | None, country: str | None, files: tuple[Path, ...], as_json: bool) -> None:
    """List actors, optionally of one kind and one country.

    Example:

        ghatna actors list --kind person --country RUS
    """
    for actor in _kb(files):
        if (kind and actor.kind != kind) or (country and actor.country != country.upper()):
            continue
        if as_json:
            click.echo(dumps(_actor_json(actor)))
        else:
            click.echo(f"{actor.id:45} {actor.name:35} {actor.hindi or ''}")


@actors.command()
@click.argument("name")
@_file_option
@json_option
def show(name: str, files: tuple[Path, ...], as_json: bool) -> None:
    """Show every actor NAME (an alias in either script, or an id) refers to.

    Example:

        ghatna actors show लावरोव
    """
    kb = _kb(files)
    found = kb.find(name)
    if not found:
        raise click.ClickException(f"no actor is called {name!r}; try `ghatna actors list`")
    for actor in found:
        if as_json:
            click.echo(dumps(_actor_json(actor)))
            continue
        click.echo(f"{actor.id}  {actor.name} ({actor.kind}, {actor.country or '-'})")
        click.echo(f"  aliases: {', '.join(actor.aliases)}")
        for r in actor.roles:
            mark = " (dates uncertain)" if r.uncertain else ""
            click.echo(f"  {r.title} [{r.office}, {r.country}] {r.start} – {r.end or 'now'}{mark}")


@actors.command()
@_file_option
def check(files: tuple[Path, ...]) -> None:
    """Validate the data files (and --file additions): aliases, dates, ISO3 codes, offices.

    Example:

        ghatna actors check --file my_people.yaml
    """
    from ghatna.entities.kb import check as check_kb

    kb = _kb(files)
    problems = check_kb(kb)
    for p in problems:
        click.echo(p)
    if problems:
        raise click.ClickException(f"{len(problems)} problem(s) in the knowledge base")
    click.echo(f"ok: {len(kb)} actors, as of {kb.as_of}")


@click.command()
@click.option(
    "--conll",
    "conll",
    required=True,
    type=click.File("r", encoding="utf-8"),
    help="CoNLL file: token first on each line, blank line between sentences; - for stdin.",
)
def ner(conll) -> None:
    """Print each CoNLL line back with the model's BIO tag (PER, LOC, ORG) appended.

    Example:

        ghatna ner --conll ../shared/data/ner/ilner-hi/Hindi-dev.txt > predicted.tsv
    """
    from ghatna.entities.ner import load_ner

    model = load_ner()
    block: list[str] = []

    def flush() -> None:
        tags = model.tag([line.split()[0] for line in block])
        for line, tag in zip(block, tags, strict=True):
            sys.stdout.write(f"{line}\t{tag}\n")
        block.clear()

    for raw in conll:
        line = raw.rstrip("\n")
        if line.strip():
            block.append(line)
            continue
        if block:
            flush()
        sys.stdout.write("\n")
    if block:
        flush()
