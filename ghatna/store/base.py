"""The store interface and the SQL both engines share.

Engines (SQLite, PostgreSQL) differ in connection set-up, placeholders, JSON
and full-text search; everything else — writing a batch of processed documents,
events and their filters, the export shape — lives here once.

Writes happen in batches, one transaction each: a batch that fails leaves the
store exactly as it was before it, so earlier batches are never lost.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import Any

from ghatna.clean.normalize import fold
from ghatna.document import Doc
from ghatna.errors import StoreError
from ghatna.link import neardup
from ghatna.store import records
from ghatna.store.schema import META_TABLE, SCHEMA_VERSION, statements


class Store:
    """A database of articles, their layers, and the events linked from them."""

    placeholder = "?"
    types: dict[str, str] = {"json": "TEXT", "bool": "INTEGER", "real": "REAL"}

    def __init__(self, conn: Any, location: str) -> None:
        self.conn = conn
        self.location = location
        self._depth = 0

    # -- engine hooks -------------------------------------------------------
    def _create_fts(self) -> None:
        raise NotImplementedError

    def _index_fts(self, article_id: str, title: str | None, doc: Doc) -> None:
        raise NotImplementedError

    def _search_sentences(self, key: str, limit: int) -> list[dict[str, Any]]:
        raise NotImplementedError

    def _search_articles(self, key: str, limit: int) -> list[dict[str, Any]]:
        raise NotImplementedError

    def _begin(self) -> None:
        raise NotImplementedError

    # -- plumbing -----------------------------------------------------------
    def _sql(self, sql: str) -> str:
        return sql if self.placeholder == "?" else sql.replace("?", self.placeholder)

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        cur = self.conn.cursor()
        cur.execute(self._sql(sql), tuple(params))
        return cur

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        cur = self.execute(sql, params)
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    def _insert(self, table: str, row: dict[str, Any]) -> None:
        cols = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        self.execute(f"INSERT INTO {table} ({cols}) VALUES ({marks})", list(row.values()))

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One atomic unit of writes; nested uses join the outer transaction."""
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self._begin()
        self._depth = 1
        try:
            yield
        except BaseException:
            self.conn.rollback()
            raise
        else:
            self.conn.commit()
        finally:
            self._depth = 0

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- schema -------------------------------------------------------------
    def schema_version(self) -> int:
        try:
            rows = self.query("SELECT value FROM meta WHERE key = 'schema_version'")
        except Exception:  # noqa: BLE001 - a fresh database has no meta table yet
            self.conn.rollback()
            return 0
        return int(rows[0]["value"]) if rows else 0

    def migrate(self) -> None:
        """Apply the migrations this database has not seen yet, each in its own transaction."""
        current = self.schema_version()
        if current > SCHEMA_VERSION:
            raise StoreError(
                f"{self.location}: schema version {current} is newer than this ghatna "
                f"({SCHEMA_VERSION}); upgrade ghatna to open it"
            )
        for version in range(current + 1, SCHEMA_VERSION + 1):
            with self.transaction():
                # Another process may have migrated while we waited for the write lock.
                self.execute(META_TABLE)
                done = self.query("SELECT value FROM meta WHERE key = 'schema_version'")
                if done and int(done[0]["value"]) >= version:
                    continue
                for sql in statements(version, **self.types):
                    self.execute(sql)
                if version == 1:
                    self._create_fts()
                self.execute("DELETE FROM meta WHERE key = 'schema_version'")
                self.execute(
                    "INSERT INTO meta (key, value) VALUES ('schema_version', ?)", [str(version)]
                )

    # -- writing ------------------------------------------------------------
    def known_ids(self, ids: Iterable[str]) -> set[str]:
        ids = list(ids)
        found: set[str] = set()
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            marks = ", ".join("?" for _ in chunk)
            rows = self.query(f"SELECT id FROM articles WHERE id IN ({marks})", chunk)
            found.update(r["id"] for r in rows)
        return found

    def save_docs(self, docs: Sequence[Doc]) -> list[str]:
        """Write processed documents; returns the event-mention ids written.

        Documents already stored (same content hash) are skipped, so re-ingesting
        is a no-op. Call inside :meth:`transaction` to join a larger batch.
        """
        written: list[str] = []
        now = datetime.now(UTC).isoformat(timespec="seconds")
        with self.transaction():
            known = self.known_ids(d.article.id for d in docs)
            for doc in docs:
                if doc.article.id in known:
                    continue
                known.add(doc.article.id)
                written.extend(self._save_doc(doc, now))
        return written

    def _save_doc(self, doc: Doc, now: str) -> list[str]:
        aid = doc.article.id
        sketch = neardup.simhash(doc.text)
        original = self._near_duplicate_of(sketch) if sketch is not None else None
        row = records.article_row(doc, now)
        row["near_duplicate_of"] = original
        row["simhash"] = f"{sketch:016x}" if sketch is not None else None
        row["seq"] = self.query("SELECT COALESCE(MAX(seq), 0) + 1 AS n FROM articles")[0]["n"]
        self._insert("articles", row)
        if sketch is not None:
            for band in neardup.bands(sketch):
                self._insert("article_bands", {"band": band, "article_id": aid})
        for i, s in enumerate(doc.sentences):
            self._insert(
                "sentences",
                {
                    "article_id": aid,
                    "idx": i,
                    "start_char": s.start,
                    "end_char": s.end,
                    "text": s.text,
                    "lang": s.lang,
                    "paragraph": s.paragraph,
                },
            )
        for row in records.removed_rows(doc):
            self._insert("removed", {"article_id": aid, **row})
        for i, m in enumerate(doc.mentions):
            self._insert(
                "mentions",
                {
                    "article_id": aid,
                    "idx": i,
                    "start_char": m.start,
                    "end_char": m.end,
                    "text": m.text,
                    "kind": m.kind,
                    "actor_id": m.actor_id,
                    "rule": m.rule,
                    "confidence": m.confidence,
                    "attrs": records.mention_attrs(m.attrs),
                },
            )
        for i, t in enumerate(doc.timexes):
            self._insert(
                "timexes",
                {
                    "article_id": aid,
                    "idx": i,
                    "start_char": t.start,
                    "end_char": t.end,
                    "text": t.text,
                    "kind": t.kind,
                    "date": records.timex_date(t.date),
                    "rule": t.rule,
                },
            )
        ids = []
        for i, em in enumerate(doc.events):
            rec = records.event_mention_record(doc, i, em)
            rec["source"]["near_duplicate_of"] = original
            self._insert(
                "event_mentions",
                {
                    "id": rec["id"],
                    "article_id": aid,
                    "idx": i,
                    "event_id": None,
                    "type": em.type,
                    "mode": em.mode,
                    "status": em.status,
                    "date_value": em.date.value,
                    "data": records.dumps(rec),
                },
            )
            ids.append(rec["id"])
        self._index_fts(aid, doc.article.title, doc)
        return ids

    def _near_duplicate_of(self, sketch: int) -> str | None:
        """The first stored article this one nearly copies (its group's original), if any."""
        bands = neardup.bands(sketch)
        marks = ", ".join("?" for _ in bands)
        rows = self.query(
            "SELECT DISTINCT a.id, a.simhash, a.near_duplicate_of, a.seq FROM article_bands b "
            f"JOIN articles a ON a.id = b.article_id WHERE b.band IN ({marks}) ORDER BY a.seq",
            bands,
        )
        for r in rows:
            if neardup.is_near_duplicate(sketch, int(r["simhash"], 16)):
                return r["near_duplicate_of"] or r["id"]
        return None

    def near_duplicates(self) -> list[dict[str, Any]]:
        """Groups of near-duplicate articles: each original with its copies."""
        rows = self.query(
            "SELECT near_duplicate_of AS original, source, outlet, id FROM articles "
            "WHERE near_duplicate_of IS NOT NULL ORDER BY near_duplicate_of, source"
        )
        groups: dict[str, list[dict[str, Any]]] = {}
        for r in rows:
            groups.setdefault(r["original"], []).append(
                {"id": r["id"], "document": r["source"], "outlet": r["outlet"]}
            )
        return [{"original": k, "copies": v} for k, v in groups.items()]

    # -- events (written by the linker) -------------------------------------
    def event_mention(self, mention_id: str) -> dict[str, Any]:
        rows = self.query("SELECT data, event_id FROM event_mentions WHERE id = ?", [mention_id])
        if not rows:
            raise StoreError(f"{self.location}: no event mention {mention_id}")
        rec = _json(rows[0]["data"])
        rec["event_id"] = rows[0]["event_id"]
        return rec

    def mentions_of_event(self, event_id: str) -> list[dict[str, Any]]:
        rows = self.query(
            "SELECT m.data FROM event_mentions m JOIN articles a ON a.id = m.article_id "
            "WHERE m.event_id = ? ORDER BY a.seq, m.idx",
            [event_id],
        )
        return [_json(r["data"]) for r in rows]

    def candidate_events(
        self, actor_ids: Sequence[str], type_: str, date: str | None, limit: int = 200
    ) -> list[dict[str, Any]]:
        """Events of ``type_`` sharing an actor whose date could be ``date`` (index look-ups).

        ``date`` is a partial date value: ``YYYY-MM-DD`` fetches the events within three
        days of it, or dated only to its month or year; ``YYYY-MM`` the events of that
        month or dated to its year; ``YYYY`` that year. Undated events always qualify.
        Without a date every event of those actors qualifies; the most recently
        updated ``limit`` are returned, which bounds the cost of undated reports.
        """
        if not actor_ids:
            return []
        ids: dict[str, None] = {}
        for sql, params in _candidate_lookups(actor_ids, type_, date, limit):
            ids.update((r["event_id"], None) for r in self.query(sql, params))
        if not ids:
            return []
        marks = ", ".join("?" for _ in ids)
        sql = (
            f"SELECT id, data, updated_at FROM events WHERE id IN ({marks}) "
            "ORDER BY updated_at DESC, id LIMIT ?"
        )
        return [{"id": r["id"], **_json(r["data"])} for r in self.query(sql, [*ids, limit])]

    def put_event(self, event: dict[str, Any], mention_ids: Iterable[str]) -> None:
        """Insert or replace one linked event and attach its mentions."""
        eid = event["id"]
        date = event.get("date") or {}
        now = datetime.now(UTC).isoformat(timespec="seconds")
        with self.transaction():
            self.execute("DELETE FROM event_actors WHERE event_id = ?", [eid])
            self.execute("UPDATE event_mentions SET event_id = NULL WHERE event_id = ?", [eid])
            self.execute("DELETE FROM events WHERE id = ?", [eid])
            self._insert(
                "events",
                {
                    "id": eid,
                    "type": event["type"],
                    "mode": event.get("mode"),
                    "status": event["status"],
                    "date_value": date.get("value"),
                    "date_granularity": date.get("granularity", "unknown"),
                    "data": records.dumps(event),
                    "updated_at": now,
                },
            )
            for actor in {a["id"]: a for a in event.get("actors", [])}.values():
                self._insert(
                    "event_actors",
                    {
                        "event_id": eid,
                        "actor_id": actor["id"],
                        "country": actor.get("country"),
                        "type": event["type"],
                        "date_value": date.get("value"),
                        "updated_at": now,
                    },
                )
            for mid in mention_ids:
                self.execute("UPDATE event_mentions SET event_id = ? WHERE id = ?", [eid, mid])

    def delete_event(self, event_id: str) -> None:
        with self.transaction():
            self.execute("DELETE FROM event_actors WHERE event_id = ?", [event_id])
            self.execute("UPDATE event_mentions SET event_id = NULL WHERE event_id = ?", [event_id])
            self.execute("DELETE FROM events WHERE id = ?", [event_id])

    # -- reading ------------------------------------------------------------
    def events(
        self,
        *,
        actors: Sequence[str] = (),
        date_from: str | None = None,
        date_to: str | None = None,
        type_: str | None = None,
        status: str | None = None,
        topic: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Events in the export shape, oldest first (unknown dates last).

        ``actors`` are actor ids that must all take part; dates compare as text, so a
        partial date ``2021`` falls inside ``--from 2021-01-01`` only if asked by year.
        """
        sql = "SELECT e.id, e.data FROM events e WHERE 1 = 1"
        params: list[Any] = []
        for actor in actors:
            sql += (
                " AND EXISTS (SELECT 1 FROM event_actors a"
                " WHERE a.event_id = e.id AND a.actor_id = ?)"
            )
            params.append(actor)
        if date_from:
            sql += " AND e.date_value >= ?"
            params.append(date_from)
        if date_to:
            sql += " AND e.date_value <= ?"
            params.append(date_to + "~")
        if type_:
            sql += " AND e.type = ?"
            params.append(type_.upper())
        if status:
            sql += " AND e.status = ?"
            params.append(status)
        sql += " ORDER BY CASE WHEN e.date_value IS NULL THEN 1 ELSE 0 END, e.date_value, e.id"
        rows = [{"id": r["id"], **_json(r["data"])} for r in self.query(sql, params)]
        if topic:
            rows = [e for e in rows if topic in e.get("topics", [])]
        return rows[offset : offset + limit if limit else None]

    def event(self, event_id: str) -> dict[str, Any] | None:
        rows = self.query("SELECT id, data FROM events WHERE id = ?", [event_id])
        if not rows:
            rows = self.query(
                "SELECT id, data FROM events WHERE id LIKE ? ORDER BY id", [event_id + "%"]
            )
            if len(rows) != 1:
                return None
        return {"id": rows[0]["id"], **_json(rows[0]["data"])}

    def article(self, ref: str) -> dict[str, Any] | None:
        """An article by content id (or its unique prefix) or by source name."""
        rows = self.query("SELECT * FROM articles WHERE id = ? OR source = ?", [ref, ref])
        if not rows:
            rows = self.query("SELECT * FROM articles WHERE id LIKE ?", [ref + "%"])
        if len(rows) != 1:
            return None
        row = rows[0]
        for key in ("paragraphs", "headings", "document_date"):
            row[key] = _json(row[key])
        row["removed"] = self.query(
            "SELECT text, reason, line FROM removed WHERE article_id = ? ORDER BY idx", [row["id"]]
        )
        return row

    def sentences(self, article_id: str) -> list[dict[str, Any]]:
        return self.query(
            "SELECT idx, start_char, end_char, text, lang, paragraph FROM sentences "
            "WHERE article_id = ? ORDER BY idx",
            [article_id],
        )

    def mentions(self, article_id: str) -> list[dict[str, Any]]:
        rows = self.query(
            "SELECT start_char, end_char, text, kind, actor_id, rule, confidence, attrs "
            "FROM mentions WHERE article_id = ? ORDER BY idx",
            [article_id],
        )
        for r in rows:
            r["attrs"] = _json(r["attrs"])
        return rows

    def search(self, query: str, limit: int = 20) -> dict[str, list[dict[str, Any]]]:
        """Sentences and articles matching ``query`` (NFC and nukta-folded, whole words)."""
        key = fold(query).strip()
        if not key:
            return {"sentences": [], "articles": []}
        return {
            "sentences": self._search_sentences(key, limit),
            "articles": self._search_articles(key, limit),
        }

    def counts(self) -> dict[str, int]:
        tables = ("articles", "sentences", "mentions", "timexes", "event_mentions", "events")
        return {t: self.query(f"SELECT COUNT(*) AS n FROM {t}")[0]["n"] for t in tables}


def _candidate_lookups(
    actor_ids: Sequence[str], type_: str, date: str | None, limit: int
) -> Iterator[tuple[str, list[Any]]]:
    """The index range scans behind :meth:`Store.candidate_events`, per actor: undated
    events, events dated to the date's year or month, and events inside its window;
    without a date, the actor's most recently updated events. Each is a prefix scan of
    ``event_actors_link`` or ``event_actors_recent``, so its cost depends on how many
    events one actor has near that date, not on how many the store holds."""
    base = "SELECT event_id FROM event_actors WHERE actor_id = ? AND type = ?"
    recent = " ORDER BY updated_at DESC LIMIT ?"
    for actor in actor_ids:
        if not date:
            yield base + recent, [actor, type_, limit]
            continue
        yield base + " AND date_value IS NULL" + recent, [actor, type_, limit]
        coarser = [date[:4], date[:7]] if len(date) > 7 else [date[:4]]
        yield base + " AND date_value IN (?, ?)", [actor, type_, coarser[0], coarser[-1]]
        if len(date) == 10:
            day = datetime.fromisoformat(date)
            window = [(day + timedelta(days=d)).date().isoformat() for d in (-3, 3)]
        else:
            window = [date, date + "~"]
        yield (
            base + " AND date_value >= ? AND date_value <= ?" + recent,
            [actor, type_, *window, limit],
        )


def _json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value
