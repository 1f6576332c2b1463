"""``ghatna actors ...`` (list, show, check, add to the knowledge base) and ``ghatna ner --conll``.

Thin commands over :mod:`ghatna.entities`: parse, call the library, print.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from ghatna.cli.output import dumps, json_option
from ghatna.entities.kb import KINDS, actor_record


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
@click.option("--kind", type=click.Choice(KINDS))
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
            click.echo(dumps(actor_record(actor)))
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
            click.echo(dumps(actor_record(actor)))
            continue
        where = ", ".join(filter(None, (actor.country or "-", actor.region)))
        click.echo(f"{actor.id}  {actor.name} ({actor.kind}, {where})")
        click.echo(f"  aliases: {', '.join(actor.aliases)}")
        for r in actor.roles:
            mark = " (dates uncertain)" if r.uncertain else ""
            where = f"{r.country}, {r.region}" if r.region else f"{r.country}"
            click.echo(f"  {r.title} [{r.office}, {where}] {r.start} – {r.end or 'now'}{mark}")


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


@actors.command()
@click.option(
    "--file",
    "target",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="User KB file to append to (a YAML list like people.yaml); created if missing.",
)
@click.option("--id", "actor_id", required=True, help="kind/slug, e.g. person/jane-doe.")
@click.option("--name", required=True, help="Canonical name (Latin script).")
@click.option("--hindi", help="Name as Hindi news writes it (Devanagari).")
@click.option("--country", help="ISO3 code of the actor's country, e.g. IND.")
@click.option(
    "--region",
    help="For a city: the state or province it lies in (a region's name, e.g. Maharashtra).",
)
@click.option("--alias", "aliases", multiple=True, help="Another name (either script); repeatable.")
@click.option(
    "--role",
    "roles",
    multiple=True,
    help="OFFICE:START[:END][:REGION], dates YYYY-MM-DD, '?' after a date = uncertain; "
    "repeatable. OFFICE is a key of offices.yaml (foreign_minister, chief_minister, ...).",
)
@click.option(
    "--title",
    "titles",
    multiple=True,
    help="Display title of the --role at the same position (default: the office's title).",
)
@click.option(
    "--kb",
    "others",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Other user KB files the id and aliases must not clash with; repeatable.",
)
@click.option(
    "--force",
    is_flag=True,
    help="Allow aliases that already name another actor (marked ambiguous).",
)
def add(
    target: Path,
    actor_id: str,
    name: str,
    hindi: str | None,
    country: str | None,
    region: str | None,
    aliases: tuple[str, ...],
    roles: tuple[str, ...],
    titles: tuple[str, ...],
    others: tuple[Path, ...],
    force: bool,
) -> None:
    """Append a validated actor (person, org, city, ...) to a user KB file.

    The id must be new across the packaged KB, --file and --kb files; the country an
    ISO3 code; every office a key of offices.yaml (regional offices such as
    chief_minister need a region); every region a region actor's name; role dates in
    order; aliases must not already name another actor unless --force. On any problem
    nothing is written and the problem is named. The file stays a YAML list that
    --file of `list`, `show` and `check` accepts.

    Example:

    \b
        ghatna actors add --file my_kb.yaml --id person/jane-doe --name "Jane Doe" \\
            --hindi "जेन डो" --country AUS --alias "डो" \\
            --role "foreign_minister:2020-01-01:2022-05-01"
        ghatna actors check --file my_kb.yaml
    """
    from ghatna.entities.gazetteer import load_offices
    from ghatna.entities.kb import append_actor, new_actor_problems, parse_role_spec
    from ghatna.errors import ResourceError

    if len(titles) > len(roles):
        raise click.ClickException("more --title than --role options")
    country = country.upper() if country else None
    parsed = []
    offices = load_offices()
    for i, spec in enumerate(roles):
        try:
            role = parse_role_spec(spec)
        except ValueError as err:
            raise click.ClickException(str(err)) from err
        office = offices.get(role["office"])
        title = titles[i] if i < len(titles) else (office.title_for(country) if office else None)
        if title and i >= len(titles) and role.get("region"):
            title = f"{title} of {role['region']}"
        parsed.append({"office": role["office"], "title": title or role["office"], **role})
    entry: dict[str, Any] = {"id": actor_id, "name": name}
    if country:
        entry["country"] = country
    if hindi:
        entry["hindi"] = hindi
    if region:
        entry["region"] = region
    if aliases:
        entry["aliases"] = list(dict.fromkeys(aliases))
    if parsed:
        entry["roles"] = parsed
    files = tuple(p for p in (*others, target) if p.exists())
    kb = _kb(files)
    problems, shared = new_actor_problems(kb, entry, force=force)
    if problems:
        for p in problems:
            click.echo(f"error: {p}", err=True)
        raise click.ClickException(f"{actor_id} not added: {len(problems)} problem(s)")
    if shared:
        entry["ambiguous"] = sorted(set(shared))
    try:
        append_actor(target, entry)
    except ResourceError as err:
        raise click.ClickException(str(err)) from err
    note = f" (ambiguous aliases: {', '.join(entry['ambiguous'])})" if shared else ""
    click.echo(f"added {actor_id} to {target}{note}")


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
    # sentences (their lines) and blank lines ([]) read but not yet written: tagged a
    # few hundred at a time, which is much faster than one by one
    pending: list[list[str]] = []

    def flush() -> None:
        tagged = model.tag_sentences([[line.split()[0] for line in b] for b in pending if b])
        sentences = iter(tagged)
        for block in pending:
            if not block:
                sys.stdout.write("\n")
                continue
            for line, tag in zip(block, next(sentences).tags, strict=True):
                sys.stdout.write(f"{line}\t{tag}\n")
        pending.clear()

    block: list[str] = []
    for raw in conll:
        line = raw.rstrip("\n")
        if line.strip():
            block.append(line)
            continue
        if block:
            pending.append(block)
            block = []
        pending.append([])
        if len(pending) >= 500:
            flush()
    if block:
        pending.append(block)
    flush()
