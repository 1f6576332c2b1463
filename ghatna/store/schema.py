"""The store's schema as numbered migrations, shared by the SQLite and PostgreSQL engines.

Each migration is a list of statements; ``{json}``, ``{bool}`` and ``{real}`` are
filled in per engine, and full-text search tables are created by the engine
itself (FTS5 and PostgreSQL's text search differ too much to share).
A database records the highest migration applied in ``meta.schema_version``;
opening an older file applies the missing ones, never rewriting earlier data.
"""

from __future__ import annotations

META_TABLE = "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"

MIGRATIONS: list[list[str]] = [
    [
        META_TABLE,
        """CREATE TABLE articles (
            id TEXT PRIMARY KEY,
            source TEXT NOT NULL,
            format TEXT NOT NULL,
            outlet TEXT,
            url TEXT,
            title TEXT,
            published TEXT,
            author TEXT,
            raw TEXT NOT NULL,
            text TEXT NOT NULL,
            paragraphs {json} NOT NULL,
            headings {json} NOT NULL,
            document_date {json} NOT NULL,
            near_duplicate_of TEXT,
            ingested_at TEXT NOT NULL
        )""",
        """CREATE INDEX articles_source ON articles (source)""",
        """CREATE TABLE sentences (
            article_id TEXT NOT NULL REFERENCES articles (id),
            idx INTEGER NOT NULL,
            start_char INTEGER NOT NULL,
            end_char INTEGER NOT NULL,
            text TEXT NOT NULL,
            lang TEXT NOT NULL,
            paragraph INTEGER NOT NULL,
            PRIMARY KEY (article_id, idx)
        )""",
        """CREATE TABLE removed (
            article_id TEXT NOT NULL REFERENCES articles (id),
            idx INTEGER NOT NULL,
            text TEXT NOT NULL,
            reason TEXT NOT NULL,
            line INTEGER,
            PRIMARY KEY (article_id, idx)
        )""",
        """CREATE TABLE mentions (
            article_id TEXT NOT NULL REFERENCES articles (id),
            idx INTEGER NOT NULL,
            start_char INTEGER NOT NULL,
            end_char INTEGER NOT NULL,
            text TEXT NOT NULL,
            kind TEXT NOT NULL,
            actor_id TEXT,
            rule TEXT NOT NULL,
            confidence {real} NOT NULL,
            attrs {json} NOT NULL,
            PRIMARY KEY (article_id, idx)
        )""",
        """CREATE INDEX mentions_actor ON mentions (actor_id)""",
        """CREATE TABLE timexes (
            article_id TEXT NOT NULL REFERENCES articles (id),
            idx INTEGER NOT NULL,
            start_char INTEGER NOT NULL,
            end_char INTEGER NOT NULL,
            text TEXT NOT NULL,
            kind TEXT NOT NULL,
            date {json} NOT NULL,
            rule TEXT NOT NULL,
            PRIMARY KEY (article_id, idx)
        )""",
        """CREATE TABLE events (
            id TEXT PRIMARY KEY,
            type TEXT NOT NULL,
            mode TEXT,
            status TEXT NOT NULL,
            date_value TEXT,
            date_granularity TEXT NOT NULL,
            data {json} NOT NULL,
            updated_at TEXT NOT NULL
        )""",
        """CREATE INDEX events_date ON events (date_value)""",
        """CREATE TABLE event_mentions (
            id TEXT PRIMARY KEY,
            article_id TEXT NOT NULL REFERENCES articles (id),
            idx INTEGER NOT NULL,
            event_id TEXT REFERENCES events (id),
            type TEXT NOT NULL,
            mode TEXT,
            status TEXT NOT NULL,
            date_value TEXT,
            data {json} NOT NULL
        )""",
        """CREATE INDEX event_mentions_event ON event_mentions (event_id)""",
        """CREATE INDEX event_mentions_article ON event_mentions (article_id)""",
        """CREATE TABLE event_actors (
            event_id TEXT NOT NULL REFERENCES events (id),
            actor_id TEXT NOT NULL,
            country TEXT,
            PRIMARY KEY (event_id, actor_id)
        )""",
        """CREATE INDEX event_actors_actor ON event_actors (actor_id)""",
        """CREATE INDEX event_actors_country ON event_actors (country)""",
    ],
    [
        """ALTER TABLE articles ADD COLUMN simhash TEXT""",
        """ALTER TABLE articles ADD COLUMN seq INTEGER""",
        """CREATE INDEX articles_seq ON articles (seq)""",
        """CREATE TABLE article_bands (
            band INTEGER NOT NULL,
            article_id TEXT NOT NULL REFERENCES articles (id),
            PRIMARY KEY (band, article_id)
        )""",
    ],
    [
        """CREATE INDEX events_type_date ON events (type, date_value)""",
    ],
    # Linking looks up candidates by actor, type and date in one index, so a popular
    # actor's thousands of events are never scanned: the event's type, date and update
    # time are copied onto each of its actor rows (put_event keeps them in step).
    [
        """ALTER TABLE event_actors ADD COLUMN type TEXT""",
        """ALTER TABLE event_actors ADD COLUMN date_value TEXT""",
        """ALTER TABLE event_actors ADD COLUMN updated_at TEXT""",
        """UPDATE event_actors SET
            type = (SELECT e.type FROM events e WHERE e.id = event_actors.event_id),
            date_value = (SELECT e.date_value FROM events e WHERE e.id = event_actors.event_id),
            updated_at = (SELECT e.updated_at FROM events e WHERE e.id = event_actors.event_id)""",
        """CREATE INDEX event_actors_link
            ON event_actors (actor_id, type, date_value, updated_at)""",
        """CREATE INDEX event_actors_recent ON event_actors (actor_id, type, updated_at)""",
    ],
]

SCHEMA_VERSION = len(MIGRATIONS)


def statements(version: int, **types: str) -> list[str]:
    """The statements of migration ``version`` (1-based) with engine types filled in."""
    return [sql.format(**types) for sql in MIGRATIONS[version - 1]]
