"""Tokens: writes always need one; reads need one only when the server is given one.

A token arrives as ``Authorization: Bearer TOKEN`` (API clients) or, for pages
in a browser, the ``ghatna_token`` cookie. Ingest is refused outright when no
write token is configured, so a server started without one is read-only rather
than open to anyone.
"""

from __future__ import annotations

import secrets

from fastapi import Request

from ghatna.api.errors import ApiError

COOKIE = "ghatna_token"


def presented_token(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip()
    return request.cookies.get(COOKIE)


def _matches(given: str | None, expected: str) -> bool:
    return given is not None and secrets.compare_digest(given.encode(), expected.encode())


def require_read(request: Request) -> None:
    """Reads are open unless ``GHATNA_READ_TOKEN`` / ``read_token`` is set."""
    expected = request.app.state.settings.read_token
    if expected and not _matches(presented_token(request), expected):
        raise ApiError(401, "this server needs a read token: send 'Authorization: Bearer TOKEN'")


def require_write(request: Request) -> None:
    """Ingest needs the write token (``GHATNA_TOKEN`` / ``serve --token``)."""
    expected = request.app.state.settings.token
    if not expected:
        raise ApiError(
            403,
            "ingest is disabled: this server was started without a write token "
            "(set GHATNA_TOKEN or pass `ghatna serve --token`)",
        )
    if not _matches(presented_token(request), expected):
        raise ApiError(401, "ingest needs the write token: send 'Authorization: Bearer TOKEN'")
