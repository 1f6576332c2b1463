"""The web application: JSON API under ``/api``, pages at ``/``, OpenAPI at ``/openapi.json``.

Nothing is fetched from elsewhere at run time: the interactive Swagger/ReDoc pages
are switched off (they load scripts from a CDN); ``/openapi.json`` is the spec.
Pages carry a Content-Security-Policy that allows only this server's own scripts,
a second wall behind template escaping against script in article text.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, Request, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader

from ghatna.api import errors, routes
from ghatna.api.config import Settings
from ghatna.web import pages

WEB = Path(__file__).resolve().parent.parent / "web"
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)


def templates() -> Jinja2Templates:
    """Templates with autoescaping on for every file, whatever its extension."""
    env = Environment(loader=FileSystemLoader(WEB / "templates"), autoescape=True)
    return Jinja2Templates(env=env)


def create_app(settings: Settings | None = None) -> FastAPI:
    """The app for ``settings`` (default: from ``GHATNA_*`` environment variables)."""
    app = FastAPI(
        title="ghatna",
        summary="Event data from Hindi news: who met whom, where, when, with evidence.",
        version="0.1.0",
        docs_url=None,
        redoc_url=None,
        responses=errors.ERROR_RESPONSES,
    )
    app.state.settings = settings or Settings.from_env()
    app.state.templates = templates()
    errors.install(app)
    app.include_router(routes.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=WEB / "static"), name="static")

    @app.middleware("http")
    async def security_headers(request: Request, call_next: object) -> Response:
        response: Response = await call_next(request)  # type: ignore[operator]
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response

    return app
