"""Article upload: a POSTed body becomes articles through the same readers as files.

The body is written to a private temporary folder under the name the client gave
(``?source=``), with the suffix its content type calls for, and read back with
:func:`ghatna.ingest.readers.read_paths` — so an upload is checked exactly like a
file on disk (UTF-8, not binary, not empty, JSON Lines line by line) and its
problems read the same, minus the temporary folder. Metadata query parameters go
into a ``.json`` sidecar, the readers' own way of attaching metadata to text.
"""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path
from typing import Any

from ghatna.api.errors import ApiError
from ghatna.document import content_id
from ghatna.ingest.batch import ingest_articles
from ghatna.ingest.readers import Problem, read_paths
from ghatna.store.base import Store

SUFFIX_BY_TYPE = {
    "text/plain": ".txt",
    "text/html": ".html",
    "application/xhtml+xml": ".html",
    "application/x-ndjson": ".jsonl",
    "application/jsonl": ".jsonl",
    "application/x-jsonlines": ".jsonl",
    "application/jsonlines": ".jsonl",
}
_UNSAFE = re.compile(r"[^\w.\-]+")


def suffix_for(content_type: str | None) -> str:
    kind = (content_type or "").split(";")[0].strip().lower()
    if kind not in SUFFIX_BY_TYPE:
        accepted = ", ".join(sorted(SUFFIX_BY_TYPE))
        shown = kind or "(none)"
        raise ApiError(415, f"cannot ingest content type {shown!r}; send one of {accepted}")
    return SUFFIX_BY_TYPE[kind]


def source_name(given: str | None, body: bytes, suffix: str) -> str:
    """A safe file name for the upload: the client's (folder parts dropped) or a content hash."""
    name = _UNSAFE.sub("_", Path(given).name).strip("._") if given else ""
    if not name:
        name = "upload-" + content_id(body.decode("utf-8", "replace"))
    return name if name.lower().endswith(suffix) else name + suffix


def ingest_upload(
    store: Store, body: bytes, suffix: str, source: str | None, meta: dict[str, Any]
) -> dict[str, Any]:
    """Read, process, store and link one uploaded body (a ``suffix`` file); the report as JSON."""
    name = source_name(source, body, suffix)
    with tempfile.TemporaryDirectory(prefix="ghatna-upload-") as folder:
        path = Path(folder) / name
        path.write_bytes(body)
        given = {k: v for k, v in meta.items() if v}
        if given:
            if suffix != ".txt":
                raise ApiError(
                    400,
                    "metadata parameters apply to text/plain uploads only; "
                    "HTML carries its own, JSON Lines has them per line",
                )
            path.with_suffix(".json").write_text(json.dumps(given), encoding="utf-8")
        items = [_without_folder(i, folder) for i in read_paths([path], suffix[1:])]
        articles = [i for i in items if not isinstance(i, Problem)]
        problems = [str(i) for i in items if isinstance(i, Problem)]
        if not articles:
            raise ApiError(400, "; ".join(problems) or f"{name}: no articles in the upload")
        report = ingest_articles(articles, store)
    return {
        "ok": True,
        "source": name,
        "read": report.read,
        "stored": report.stored,
        "already_stored": report.skipped,
        "event_mentions": report.event_mentions,
        "events_touched": report.events_touched,
        "articles": [{"id": a.id, "document": a.source} for a in articles],
        "problems": problems,
    }


def _without_folder(item: Any, folder: str) -> Any:
    if isinstance(item, Problem):
        return Problem(item.source.replace(folder + "/", ""), item.reason)
    return item
