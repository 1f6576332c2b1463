"""One error shape for every failure: ``{"ok": false, "error": "...", "status": 404}``.

API clients get that JSON from every route, whatever went wrong — an unknown
event, a bad parameter, a missing token, an upload too large, a crash. Pages
(paths outside ``/api``) get the same message as a small HTML page instead.
ghatna's own errors map by kind: :class:`InputError` is the caller's fault (400),
:class:`StoreError` and :class:`ResourceError` are the server's (503 / 500);
an unknown actor name is the caller's too (400).
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from ghatna.errors import GhatnaError, InputError, StoreError
from ghatna.views import UnknownActor

log = logging.getLogger("ghatna.api")


class ErrorBody(BaseModel):
    """The body of every error response."""

    ok: bool = False
    error: str
    status: int


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorBody, "description": text}
    for code, text in (
        (400, "Bad input (unknown actor, unreadable upload)"),
        (401, "Token missing or wrong"),
        (403, "Ingest disabled: the server has no write token"),
        (404, "No such event, actor or article"),
        (413, "Upload larger than the configured limit"),
        (415, "Upload content type not accepted"),
        (422, "A parameter is malformed"),
        (500, "Server error"),
        (503, "The store cannot be reached"),
    )
}


class ApiError(Exception):
    """An error a route raises on purpose, with its HTTP status."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def error_response(request: Request, status: int, message: str) -> Response:
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    if request.url.path.startswith("/api") or request.url.path == "/openapi.json":
        body = ErrorBody(error=message, status=status).model_dump()
        return JSONResponse(body, status_code=status, headers=headers)
    templates = request.app.state.templates
    return (
        templates.TemplateResponse(
            request,
            "error.html",
            {"status": status, "message": message},
            status_code=status,
            headers=headers,
        )
        if templates
        else HTMLResponse(message, status_code=status)
    )


def _validation_message(err: RequestValidationError) -> str:
    parts = []
    for e in err.errors():
        where = ".".join(str(p) for p in e.get("loc", ()) if p not in ("query", "path", "body"))
        parts.append(f"{where}: {e.get('msg')}" if where else str(e.get("msg")))
    return "; ".join(parts) or "malformed request"


def install(app: FastAPI) -> None:
    """Route every kind of failure through :func:`error_response`."""

    @app.exception_handler(ApiError)
    async def _api(request: Request, exc: ApiError) -> Response:
        return error_response(request, exc.status, exc.message)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        if exc.status_code == 404 and message == "Not Found":
            message = f"no such page or route: {request.url.path}"
        return error_response(request, exc.status_code, message)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        return error_response(request, 422, _validation_message(exc))

    @app.exception_handler(GhatnaError)
    async def _ghatna(request: Request, exc: GhatnaError) -> Response:
        if isinstance(exc, InputError | UnknownActor):
            return error_response(request, 400, str(exc))
        status = 503 if isinstance(exc, StoreError) else 500
        log.error("%s %s: %s", request.method, request.url.path, exc)
        return error_response(request, status, str(exc))

    @app.exception_handler(Exception)
    async def _crash(request: Request, exc: Exception) -> Response:
        log.exception("%s %s failed", request.method, request.url.path)
        message = f"internal error ({type(exc).__name__}); see the server log"
        return error_response(request, 500, message)
