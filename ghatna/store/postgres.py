"""The PostgreSQL engine: the same schema and SQL as SQLite, for a shared server.

Differences from :mod:`ghatna.store.sqlite`, all kept inside this module:

* Full-text search uses the ``simple`` text-search configuration over the folded
  text (:func:`ghatna.clean.normalize.fold`), in generated ``tsvector`` columns with
  GIN indexes. ``simple`` keeps whole Hindi words (matras and virama included)
  when the database's ctype is UTF-8, and does no stemming, so a query matches the
  same words FTS5 matches. Queries go through ``plainto_tsquery``: every word must
  occur and no query syntax can leak in (``"OR"`` is a word to find).
* Fuzzy names use ``pg_trgm``: a trigram index on ``mentions.text`` backs
  :meth:`PostgresStore.fuzzy_mentions`. Trigrams need a UTF-8 ctype (``C.UTF-8``);
  with ``C`` PostgreSQL extracts no trigrams from Devanagari, so opening refuses it.
* JSON columns are ``TEXT`` holding the same sorted-key JSON SQLite holds, so both
  engines return byte-identical export records.
* The connection runs in autocommit mode and :meth:`Store.transaction` issues an
  explicit ``BEGIN``: reads never leave a transaction idle on the server.
"""

from __future__ import annotations

from typing import Any

from ghatna.clean.normalize import fold
from ghatna.document import Doc
from ghatna.errors import StoreError
from ghatna.store.base import Store

FTS_CONFIG = "simple"


class PostgresStore(Store):
    """A ghatna store in a PostgreSQL database given by a ``postgresql://`` URL."""

    placeholder = "%s"
    types = {"json": "TEXT", "bool": "BOOLEAN", "real": "DOUBLE PRECISION"}

    def __init__(self, url: str) -> None:
        import psycopg

        try:
            conn = psycopg.connect(url, autocommit=True, connect_timeout=10)
        except psycopg.Error as err:
            raise StoreError(
                f"{_redact(url)}: cannot connect to PostgreSQL ({err}); check that the "
                "server runs and the URL names an existing database"
            ) from err
        super().__init__(conn, _redact(url))
        self._check_ctype()
        try:
            self.migrate()
        except psycopg.Error as err:
            raise StoreError(f"{self.location}: cannot set up the ghatna schema ({err})") from err

    def _check_ctype(self) -> None:
        ctype = self.query("SELECT datctype FROM pg_database WHERE datname = current_database()")
        value = ctype[0]["datctype"]
        if "utf" not in value.lower().replace("-", ""):
            raise StoreError(
                f"{self.location}: the database's ctype is {value!r}; Hindi full-text and "
                "trigram search need a UTF-8 ctype. Create it with "
                "CREATE DATABASE ... LC_CTYPE 'C.UTF-8' TEMPLATE template0"
            )

    def _begin(self) -> None:
        self.conn.execute("BEGIN")

    def _create_fts(self) -> None:
        self.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        self.execute(
            "CREATE TABLE sentences_fts (article_id TEXT NOT NULL, idx INTEGER NOT NULL, "
            "key TEXT NOT NULL, "
            f"tsv tsvector GENERATED ALWAYS AS (to_tsvector('{FTS_CONFIG}', key)) STORED, "
            "PRIMARY KEY (article_id, idx))"
        )
        self.execute("CREATE INDEX sentences_fts_tsv ON sentences_fts USING gin (tsv)")
        self.execute(
            "CREATE TABLE articles_fts (article_id TEXT PRIMARY KEY, key TEXT NOT NULL, "
            f"tsv tsvector GENERATED ALWAYS AS (to_tsvector('{FTS_CONFIG}', key)) STORED)"
        )
        self.execute("CREATE INDEX articles_fts_tsv ON articles_fts USING gin (tsv)")
        self.execute("CREATE INDEX mentions_text_trgm ON mentions USING gin (text gin_trgm_ops)")

    def _index_fts(self, article_id: str, title: str | None, doc: Doc) -> None:
        with self.conn.cursor() as cur:
            cur.executemany(
                "INSERT INTO sentences_fts (article_id, idx, key) VALUES (%s, %s, %s)",
                [(article_id, i, fold(s.text)) for i, s in enumerate(doc.sentences)],
            )
        self.execute(
            "INSERT INTO articles_fts (article_id, key) VALUES (?, ?)",
            [article_id, fold(f"{title or ''}\n{doc.text}")],
        )

    def _search_sentences(self, key: str, limit: int) -> list[dict[str, Any]]:
        return self.query(
            "SELECT s.article_id, a.source AS document, a.outlet, a.title, s.idx, "
            "s.start_char, s.end_char, s.text, s.lang "
            "FROM sentences_fts f "
            "JOIN sentences s ON s.article_id = f.article_id AND s.idx = f.idx "
            "JOIN articles a ON a.id = s.article_id, "
            f"plainto_tsquery('{FTS_CONFIG}', ?) q "
            "WHERE numnode(q) > 0 AND f.tsv @@ q "
            "ORDER BY ts_rank(f.tsv, q) DESC, s.article_id, s.idx LIMIT ?",
            [key, limit],
        )

    def _search_articles(self, key: str, limit: int) -> list[dict[str, Any]]:
        return self.query(
            "SELECT a.id AS article_id, a.source AS document, a.outlet, a.title, a.published "
            "FROM articles_fts f JOIN articles a ON a.id = f.article_id, "
            f"plainto_tsquery('{FTS_CONFIG}', ?) q "
            "WHERE numnode(q) > 0 AND f.tsv @@ q "
            "ORDER BY ts_rank(f.tsv, q) DESC, a.id LIMIT ?",
            [key, limit],
        )

    def fuzzy_mentions(
        self, name: str, limit: int = 20, threshold: float = 0.3
    ) -> list[dict[str, Any]]:
        """Mention texts that look like ``name`` (typos, spelling variants), most alike first.

        Each row is one distinct (text, actor_id, kind) with its trigram ``similarity``
        to ``name`` and how many ``mentions`` carry it, e.g. ``लावरोफ`` finds ``लावरोव``.
        """
        self.query("SELECT set_config('pg_trgm.similarity_threshold', ?, false)", [str(threshold)])
        return self.query(
            "SELECT text, actor_id, kind, COUNT(*) AS mentions, "
            "MAX(similarity(text, ?)) AS similarity FROM mentions "
            "WHERE text %% ? "  # the trigram operator: answered from the GIN index
            "GROUP BY text, actor_id, kind "
            "ORDER BY similarity DESC, mentions DESC, text LIMIT ?",
            [name, name, limit],
        )


def _redact(url: str) -> str:
    """The URL without its password, fit for messages and ``Store.location``."""
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname or ""
    netloc = f"{parts.username}:***@{host}" + (f":{parts.port}" if parts.port else "")
    return urlunsplit(parts._replace(netloc=netloc))
