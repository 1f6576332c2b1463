"""Where ghatna keeps articles, layers and events: SQLite by default, PostgreSQL by URL.

``open_store(None)`` opens the per-user default database; ``GHATNA_DB`` overrides it,
and so does an explicit path or ``postgresql://`` URL.
"""

from __future__ import annotations

import os
from pathlib import Path

from ghatna.store.base import Store


def default_db_path() -> Path:
    """``$GHATNA_DB``, else ``$XDG_DATA_HOME/ghatna/ghatna.db`` (``~/.local/share`` by default)."""
    if env := os.environ.get("GHATNA_DB"):
        return Path(env)
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "ghatna" / "ghatna.db"


def open_store(location: str | Path | None = None) -> Store:
    location = location or os.environ.get("GHATNA_DB") or default_db_path()
    text = str(location)
    if text.startswith(("postgresql://", "postgres://")):
        from ghatna.store.postgres import PostgresStore

        return PostgresStore(text)
    from ghatna.store.sqlite import SQLiteStore

    return SQLiteStore(text)


__all__ = ["Store", "default_db_path", "open_store"]
