"""One reader per input format; :func:`read_paths` dispatches on the file name.

Formats:

* ``.txt`` — one article; a ``.json`` beside it with the same stem may give
  ``outlet``, ``published``, ``url``, ``title``.
* ``.html`` / ``.htm`` — one page; main text and metadata come from the HTML.
* ``.jsonl`` — one article a line: ``id``, ``text`` or ``html``, ``url``,
  ``outlet``, ``published``, ``title``.
* newspaper day files (``format="dayfile"``) — several articles a file, outlet
  and date from the path.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from ghatna.document import Article, content_id
from ghatna.errors import InputError

TEXT_SUFFIXES = {".txt"}
HTML_SUFFIXES = {".html", ".htm"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
META_FIELDS = ("outlet", "published", "url", "title", "author")


@dataclass(frozen=True)
class Problem:
    """An input that could not be read; ``source`` names the file (and line)."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


def read_paths(paths: Iterable[Path | str], fmt: str = "auto") -> Iterator[Article | Problem]:
    """Yield the articles under ``paths`` (files or folders, walked in name order)."""
    for path in expand_paths(paths):
        if path.exists():
            yield from _read_file(path, fmt)
        else:
            yield Problem(str(path), "no such file or folder")


def expand_paths(paths: Iterable[Path | str]) -> Iterator[Path]:
    """The input files under ``paths``: folders walked in name order, sidecars left out."""
    for path in map(Path, paths):
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if not (_is_sidecar(child) or child.name.startswith(".")):
                    yield child
        else:
            yield path


def _is_sidecar(path: Path) -> bool:
    return path.suffix == ".json" and path.with_suffix(".txt").exists()


def _read_file(path: Path, fmt: str) -> Iterator[Article | Problem]:
    kind = fmt if fmt != "auto" else _kind_of(path)
    try:
        if kind == "txt":
            yield _read_txt(path)
        elif kind == "html":
            yield _read_html(path)
        elif kind == "jsonl":
            yield from _read_jsonl(path)
        elif kind == "dayfile":
            from ghatna.ingest.dayfile import split_day_file

            _decode(path)
            yield from split_day_file(path)
        else:
            suffix = path.suffix or "(no extension)"
            yield Problem(
                str(path),
                f"unknown format {suffix}: expected .txt, .html, .htm or .jsonl (or pass --format)",
            )
    except InputError as err:
        yield Problem(err.source, err.reason)


def _kind_of(path: Path) -> str | None:
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return "txt"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    return None


def _decode(path: Path) -> str:
    """Read a file as UTF-8 text, refusing binary, empty and mis-encoded files."""
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError(str(path), f"cannot be read ({err.strerror})") from err
    if b"\x00" in data[:8192]:
        raise InputError(str(path), "is a binary file (NUL bytes), not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        if err.start >= len(data) - 3:
            # A page cut off in the middle of a character: keep it; the cleaner drops
            # the broken tail and records it.
            return data.decode("utf-8-sig", errors="replace")
        raise InputError(
            str(path),
            f"is not valid UTF-8 (byte {err.start}: {data[err.start : err.start + 1]!r}); "
            "convert it to UTF-8 first",
        ) from err
    if not text.strip():
        raise InputError(str(path), "is empty")
    return text


def _read_txt(path: Path) -> Article:
    raw = _decode(path)
    meta = _sidecar_meta(path)
    return Article.from_text(raw, source=path.name, format="txt", **meta)


def _sidecar_meta(path: Path) -> dict[str, Any]:
    sidecar = path.with_suffix(".json")
    if not sidecar.exists():
        return {}
    try:
        data = json.loads(_decode(sidecar))
    except json.JSONDecodeError as err:
        raise InputError(str(sidecar), f"is not valid JSON (line {err.lineno}: {err.msg})") from err
    if not isinstance(data, dict):
        raise InputError(str(sidecar), "must hold a JSON object of metadata")
    return _meta(data, str(sidecar))


def _meta(data: dict[str, Any], source: str) -> dict[str, Any]:
    meta = {k: data[k] for k in META_FIELDS if data.get(k) not in (None, "")}
    if "published" in meta:
        meta["published"] = parse_published(str(meta["published"]), source)
    return meta


def parse_published(value: str, source: str) -> date:
    """Accept ``YYYY-MM-DD`` or an ISO timestamp; the day is what matters here."""
    try:
        return date.fromisoformat(value[:10])
    except ValueError as err:
        raise InputError(source, f"published {value!r} is not a YYYY-MM-DD date") from err


def _read_html(path: Path) -> Article:
    from ghatna.ingest.html import read_html

    return read_html(_decode(path), source=path.name)


def _read_jsonl(path: Path) -> Iterator[Article | Problem]:
    text = _decode(path)
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            yield _jsonl_record(line, where)
        except InputError as err:
            yield Problem(err.source, err.reason)


def _jsonl_record(line: str, where: str) -> Article:
    try:
        data = json.loads(line)
    except json.JSONDecodeError as err:
        raise InputError(where, f"is not valid JSON ({err.msg})") from err
    if not isinstance(data, dict):
        raise InputError(where, "must be a JSON object")
    body = data.get("text") or data.get("html")
    if not isinstance(body, str) or not body.strip():
        raise InputError(where, "has no 'text' or 'html' field with content")
    meta = _meta(data, where)
    source = str(data.get("id") or content_id(body))
    if data.get("text"):
        return Article.from_text(body, source=source, format="jsonl", **meta)
    from ghatna.ingest.html import read_html

    page = read_html(body, source=source)
    return _with_meta(page, meta)


def _with_meta(article: Article, meta: dict[str, Any]) -> Article:
    """Metadata given explicitly beats what was guessed from the page."""
    return replace(article, **meta)
