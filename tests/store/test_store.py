"""The SQLite store: idempotent writes, Devanagari full-text search, atomic batches."""

from __future__ import annotations

import sqlite3
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from ghatna.errors import StoreError
from ghatna.ingest.batch import ingest_articles
from ghatna.store import open_store
from ghatna.store.schema import SCHEMA_VERSION
from tests.conftest import make_doc

LAVROV = "रूसी विदेश मंत्री सर्गेई लावरोव ने दिल्ली में कहा। माला बाजार में बिकी।"


def test_store_save_is_idempotent(store):
    doc = make_doc(LAVROV)
    store.save_docs([doc])
    store.save_docs([doc])
    store.save_docs([make_doc(LAVROV, source="copy-with-other-name.txt")])
    assert store.counts()["articles"] == 1
    assert store.counts()["sentences"] == 2


def test_store_fts_keeps_hindi_words_whole(store):
    store.save_docs([make_doc(LAVROV)])
    assert store.search("मिले")["sentences"] == []
    hits = store.search("माला")["sentences"]
    assert [h["text"] for h in hits] == ["माला बाजार में बिकी।"]


def test_store_fts_finds_lavrov_sentence(store):
    store.save_docs([make_doc(LAVROV, source="a.txt")])
    hits = store.search("लावरोव")
    assert [h["text"] for h in hits["sentences"]] == ["रूसी विदेश मंत्री सर्गेई लावरोव ने दिल्ली में कहा।"]
    assert [a["document"] for a in hits["articles"]] == ["a.txt"]


@pytest.mark.parametrize(
    ("stored", "query"),
    [
        ("बैठक में ज़िला अधिकारी मौजूद थे।", "जिला"),  # nukta folded on both sides
        ("पाँच देशों की बैठक हुई।", "पांच"),  # chandrabindu ~ anusvara
        ("बैठक २०२१ में हुई।", "2021"),  # Devanagari digits are numbers
    ],
)
def test_store_fts_folds_spelling_variants(store, stored, query):
    store.save_docs([make_doc(stored)])
    assert [h["text"] for h in store.search(query)["sentences"]] == [stored]


def test_store_fts_query_cannot_inject_syntax(store):
    store.save_docs([make_doc(LAVROV)])
    assert len(store.search('"लावरोव"')["sentences"]) == 1
    assert store.search('लावरोव" OR "माला')["sentences"] == []  # "OR" is a word to find
    assert store.search("*:(")["sentences"] == []


def test_store_opened_in_one_thread_answers_in_another(store):
    # FastAPI opens a request's store in one worker thread (a sync dependency) and may
    # run the sync route in another; a store tied to its thread failed those requests.
    store.save_docs([make_doc(LAVROV, source="a.txt")])
    with ThreadPoolExecutor(max_workers=1) as other_thread:
        counts = other_thread.submit(store.counts).result()
    assert counts["articles"] == 1


@pytest.mark.sqlite_only
def test_store_failed_batch_leaves_earlier_batches_intact(tmp_path: Path):
    calls = []

    def failing_second_batch(articles):
        calls.append(len(articles))
        if len(calls) == 2:
            raise RuntimeError("stage crashed")
        return [make_doc(a.raw, source=a.source) for a in articles]

    first = make_doc("पहली खबर में लावरोव ने कहा।", source="1.txt").article
    second = make_doc("दूसरी खबर में जयशंकर ने कहा।", source="2.txt").article
    with open_store(tmp_path / "s.db") as store:
        with pytest.raises(RuntimeError, match="stage crashed"):
            ingest_articles([first, second], store, batch_size=1, processor=failing_second_batch)
        assert store.counts()["articles"] == 1
        assert store.article("1.txt")["text"] == "पहली खबर में लावरोव ने कहा।"
        assert store.article("2.txt") is None


def test_store_rolls_back_a_batch_that_fails_midway(store):
    good = make_doc("पहली खबर।", source="1.txt")
    broken = make_doc("दूसरी खबर।", source="2.txt")
    broken.mentions = ["not a mention"]  # fails while writing, after the first article
    with pytest.raises(AttributeError):
        store.save_docs([good, broken])
    assert store.counts()["articles"] == 0


@pytest.mark.sqlite_only
def test_store_uses_wal_and_records_schema_version(tmp_path: Path):
    path = tmp_path / "v.db"
    open_store(path).close()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0] == str(
        SCHEMA_VERSION
    )


@pytest.mark.sqlite_only
def test_store_reopening_keeps_data_and_migrates_nothing(tmp_path: Path):
    path = tmp_path / "r.db"
    with open_store(path) as s:
        s.save_docs([make_doc(LAVROV)])
    with open_store(path) as s:
        assert s.counts()["articles"] == 1
        assert s.schema_version() == SCHEMA_VERSION


@pytest.mark.sqlite_only
def test_store_refuses_a_file_that_is_not_a_database(tmp_path: Path):
    path = tmp_path / "notes.db"
    path.write_text("यह डेटाबेस नहीं है" * 100)
    with pytest.raises(StoreError, match="notes.db"):
        open_store(path)


@pytest.mark.sqlite_only
def test_store_refuses_a_newer_schema(tmp_path: Path):
    path = tmp_path / "new.db"
    open_store(path).close()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="newer than this ghatna"):
        open_store(path)


@pytest.mark.sqlite_only
def test_store_two_processes_opening_a_new_file_migrate_it_once(tmp_path: Path):
    import subprocess
    import sys

    path = tmp_path / "race.db"
    code = f"from ghatna.store import open_store; open_store({str(path)!r}).close()"
    procs = [
        subprocess.Popen([sys.executable, "-c", code], stderr=subprocess.PIPE) for _ in range(4)
    ]
    errors = [p.communicate()[1].decode() for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0, 0], errors
    with open_store(path) as s:
        assert s.schema_version() == SCHEMA_VERSION
