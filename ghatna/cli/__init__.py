"""The ``ghatna`` command line: one thin command per verb over the library.

Every command that prints data has ``--json``; every command takes ``--help``.
"""

from __future__ import annotations

import click

from ghatna.cli.actors import actors, ner
from ghatna.cli.commands import (
    clean,
    demo,
    events,
    export,
    ingest,
    report,
    score_links,
    search,
    show,
    timeline,
)
from ghatna.cli.serve import serve
from ghatna.cli.time import time
from ghatna.errors import GhatnaError


class _Group(click.Group):
    """Turns ghatna's own errors into one clean line instead of a traceback."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except GhatnaError as err:
            raise click.ClickException(str(err)) from err


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="ghatna")
def cli() -> None:
    """ghatna (घटना): trustworthy event data from raw Hindi news.

    Example:

        ghatna demo

        ghatna ingest articles/ && ghatna timeline "S. Jaishankar" --with RUS
    """


for command in (
    ingest,
    events,
    timeline,
    show,
    search,
    export,
    report,
    score_links,
    clean,
    time,
    actors,
    ner,
    serve,
    demo,
):
    cli.add_command(command)


def main() -> None:
    cli()
