"""``ghatna serve``: the HTTP API and web UI over one store, with uvicorn."""

from __future__ import annotations

import click

from ghatna.cli.commands import db_option


@click.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=int, help="Port to listen on.")
@click.option(
    "--token",
    envvar="GHATNA_TOKEN",
    metavar="TOKEN",
    help="Write token that article uploads must send (default: $GHATNA_TOKEN; "
    "without one, ingest over HTTP is off).",
)
@click.option(
    "--read-token",
    envvar="GHATNA_READ_TOKEN",
    metavar="TOKEN",
    help="If set, every read must send this token too (default: $GHATNA_READ_TOKEN).",
)
@click.option(
    "--max-upload",
    default=None,
    type=click.IntRange(min=1),
    metavar="BYTES",
    help="Largest accepted upload (default: $GHATNA_MAX_UPLOAD or 5 MB).",
)
def serve(
    db: str | None,
    host: str,
    port: int,
    token: str | None,
    read_token: str | None,
    max_upload: int | None,
) -> None:
    """Serve the JSON API (/api, spec at /openapi.json) and the web UI (/timeline).

    Example:

        ghatna serve --db news.db --port 8000 --token "$(openssl rand -hex 16)"
    """
    import uvicorn

    from ghatna.api import Settings, create_app
    from ghatna.store import open_store

    settings = Settings.from_env(db=db, token=token, read_token=read_token, max_upload=max_upload)
    with open_store(settings.db) as store:  # fail now, not on the first request
        click.echo(f"serving {store.location} at http://{host}:{port}/", err=True)
    if not settings.token:
        click.echo("no write token: POST /api/articles is disabled", err=True)
    uvicorn.run(create_app(settings), host=host, port=port, log_level="info")


__all__ = ["serve"]
