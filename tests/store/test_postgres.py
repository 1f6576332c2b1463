"""PostgreSQL-only features: trigram name search, locale checks, redacted URLs."""

from __future__ import annotations

import psycopg
import pytest

from ghatna.document import Mention
from ghatna.errors import StoreError
from ghatna.store import open_store
from ghatna.store.postgres import PostgresStore, _redact
from tests.conftest import make_doc


def test_postgres_fuzzy_mentions_finds_misspelt_lavrov(postgres_db):
    doc = make_doc("रूसी विदेश मंत्री सर्गेई लावरोव ने कहा। जयशंकर ने कहा।", source="a.txt")
    doc.mentions = [
        Mention(25, 31, "लावरोव", "PER", "person/sergey-lavrov", "kb", 0.9),
        Mention(40, 47, "जयशंकर", "PER", "person/s-jaishankar", "kb", 0.9),
    ]
    with open_store(postgres_db) as store:
        assert isinstance(store, PostgresStore)
        store.save_docs([doc])
        hits = store.fuzzy_mentions("लावरोफ")
    assert [(h["text"], h["actor_id"], h["mentions"]) for h in hits] == [
        ("लावरोव", "person/sergey-lavrov", 1)
    ]


def test_postgres_refuses_a_database_without_utf8_ctype(postgres_url):
    with psycopg.connect(f"{postgres_url}/postgres", autocommit=True) as admin:
        admin.execute("DROP DATABASE IF EXISTS ghatna_c_locale")
        admin.execute(
            "CREATE DATABASE ghatna_c_locale LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0"
        )
    with pytest.raises(StoreError, match="ctype is 'C'; Hindi full-text and trigram search"):
        open_store(f"{postgres_url}/ghatna_c_locale")


def test_postgres_unreachable_server_is_a_store_error():
    expected = r"postgresql://ghatna:\*\*\*@127.0.0.1:1/x: cannot connect to PostgreSQL"
    with pytest.raises(StoreError, match=expected):
        open_store("postgresql://ghatna:secret@127.0.0.1:1/x")


def test_postgres_redact_hides_only_the_password():
    assert (
        _redact("postgresql://u:pw@db.example:5433/news")
        == "postgresql://u:***@db.example:5433/news"
    )
    assert _redact("postgresql://u@localhost/news") == "postgresql://u@localhost/news"
