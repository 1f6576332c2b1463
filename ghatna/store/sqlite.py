"""The embedded SQLite engine: one file, WAL mode, FTS5 set up for Devanagari.

FTS5's default ``unicode61`` tokenizer treats Devanagari vowel signs and virama
as separators, so ``मिले`` would match ``माला``. Declaring marks (``M*``) as token
characters keeps whole Hindi words; ``remove_diacritics 0`` keeps matras intact.
Text is folded (NFC, nukta, chandrabindu, digits) both when indexed and when
queried, so the two sides always agree.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path
from typing import Any

from ghatna.clean.normalize import fold
from ghatna.document import Doc
from ghatna.errors import StoreError
from ghatna.store.base import Store

FTS_TOKENIZE = "unicode61 remove_diacritics 0 categories 'L* N* Co M*'"
_WORD = re.compile(r"[\w\u0900-\u097f]+")


def fts_query(key: str) -> str:
    """Every word of the folded query must occur; each is quoted so no FTS syntax leaks in."""
    return " AND ".join(f'"{w}"' for w in _WORD.findall(key))


class SQLiteStore(Store):
    def __init__(self, path: str | Path) -> None:
        path = Path(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            # A store is used by one caller at a time, but not always from the thread that
            # opened it: the API opens a request's store in one worker thread and may run
            # the route in another, which a thread-bound connection refuses.
            conn = sqlite3.connect(path, isolation_level=None, timeout=30, check_same_thread=False)
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA synchronous = NORMAL")
        except (OSError, sqlite3.Error) as err:
            raise StoreError(f"{path}: cannot open the database ({err})") from err
        super().__init__(conn, str(path))
        try:
            self.migrate()
        except sqlite3.DatabaseError as err:
            raise StoreError(f"{path}: not a ghatna database ({err})") from err

    def _begin(self) -> None:
        self.conn.execute("BEGIN IMMEDIATE")

    def _create_fts(self) -> None:
        self.execute(
            "CREATE VIRTUAL TABLE sentences_fts USING fts5("
            f'key, article_id UNINDEXED, idx UNINDEXED, tokenize = "{FTS_TOKENIZE}")'
        )
        self.execute(
            "CREATE VIRTUAL TABLE articles_fts USING fts5("
            f'key, article_id UNINDEXED, tokenize = "{FTS_TOKENIZE}")'
        )

    def _index_fts(self, article_id: str, title: str | None, doc: Doc) -> None:
        self.conn.executemany(
            "INSERT INTO sentences_fts (key, article_id, idx) VALUES (?, ?, ?)",
            [(fold(s.text), article_id, i) for i, s in enumerate(doc.sentences)],
        )
        self.execute(
            "INSERT INTO articles_fts (key, article_id) VALUES (?, ?)",
            [fold(f"{title or ''}\n{doc.text}"), article_id],
        )

    def _search_sentences(self, key: str, limit: int) -> list[dict[str, Any]]:
        match = fts_query(key)
        if not match:
            return []
        return self.query(
            "SELECT s.article_id, a.source AS document, a.outlet, a.title, s.idx, "
            "s.start_char, s.end_char, s.text, s.lang "
            "FROM sentences_fts f "
            "JOIN sentences s ON s.article_id = f.article_id AND s.idx = f.idx "
            "JOIN articles a ON a.id = s.article_id "
            "WHERE sentences_fts MATCH ? ORDER BY f.rank LIMIT ?",
            [match, limit],
        )

    def _search_articles(self, key: str, limit: int) -> list[dict[str, Any]]:
        match = fts_query(key)
        if not match:
            return []
        return self.query(
            "SELECT a.id AS article_id, a.source AS document, a.outlet, a.title, a.published "
            "FROM articles_fts f JOIN articles a ON a.id = f.article_id "
            "WHERE articles_fts MATCH ? ORDER BY f.rank LIMIT ?",
            [match, limit],
        )
