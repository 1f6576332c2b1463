"""Engines: a process pool and a Dask cluster store exactly what a serial run stores."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from ghatna.cli.commands import sample_dir
from ghatna.document import Article
from ghatna.errors import GhatnaError
from ghatna.ingest.batch import ingest_articles, process_serially
from ghatna.ingest.engines import chunks, make_processor
from ghatna.ingest.readers import read_paths
from ghatna.store import Store, open_store

SYNTHETIC = [
    (
        "विदेश मंत्री एस. जयशंकर ने मंगलवार को मॉस्को में रूस के विदेश मंत्री सर्गेई लावरोव से "
        "मुलाकात की। दोनों नेताओं ने व्यापार और ऊर्जा सहयोग पर चर्चा की।",
        date(2024, 2, 7),
    ),
    (
        "प्रधानमंत्री नरेंद्र मोदी ने शुक्रवार को ब्राजील के राष्ट्रपति से फोन पर बात की। "
        "उन्होंने जलवायु परिवर्तन पर सहयोग बढ़ाने का आग्रह किया।",
        date(2023, 9, 15),
    ),
    (
        "नई दिल्ली । जयशंकर अगले सप्ताह लावरोव से मिलेंगे। बैठक में द्विपक्षीय संबंधों पर "
        "बात होगी।",
        date(2024, 2, 1),
    ),
]
VOLATILE = {"ingested_at", "updated_at"}
TABLES = (
    "articles", "sentences", "removed", "mentions", "timexes", "event_mentions", "event_actors"
)


def _articles() -> list[Article]:
    sample = [a for a in read_paths([sample_dir()]) if isinstance(a, Article)]
    made = [
        Article.from_text(text, source=f"synthetic-{i}.txt", outlet="समाचार", published=day)
        for i, (text, day) in enumerate(SYNTHETIC)
    ]
    return sample + made


def _dump(store: Store) -> dict[str, Any]:
    """Every stored row but timestamps, and the events' JSON export, in a fixed order."""
    tables = {}
    for table in TABLES:
        rows = [
            json.dumps({k: v for k, v in row.items() if k not in VOLATILE}, sort_keys=True)
            for row in store.query(f"SELECT * FROM {table}")
        ]
        tables[table] = sorted(rows)
    events = sorted(json.dumps(e, sort_keys=True, ensure_ascii=False) for e in store.events())
    return {"tables": tables, "events": events}


def _ingest(path: Path, processor: Any) -> dict[str, Any]:
    with open_store(path) as store:
        ingest_articles(_articles(), store, batch_size=4, processor=processor)
        return _dump(store)


@pytest.fixture(scope="module")
def serial(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    dump = _ingest(tmp_path_factory.mktemp("serial") / "serial.db", process_serially)
    assert dump["events"], "the sample must yield events, else the comparison proves nothing"
    return dump


@pytest.mark.parametrize(
    ("n", "size", "parts", "lengths"),
    [
        (0, 50, 2, []),
        (7, 50, 2, [4, 3]),
        (7, 2, 2, [2, 2, 2, 1]),
        (200, 50, 2, [50, 50, 50, 50]),
        (3, 50, 8, [1, 1, 1]),
    ],
)
def test_engines_chunks_are_bounded_and_keep_order(
    n: int, size: int, parts: int, lengths: list[int]
):
    articles = [Article.from_text(f"लेख संख्या {i}।", source=f"{i}.txt") for i in range(n)]
    cut = chunks(articles, size, parts)
    assert [len(c) for c in cut] == lengths
    assert [a for c in cut for a in c] == articles


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"engine": "spark"}, "unknown engine 'spark': expected one of local, dask"),
        ({"workers": 0}, "--workers must be 1 or more, not 0"),
        (
            {"scheduler": "tcp://127.0.0.1:8786"},
            "a scheduler address (tcp://127.0.0.1:8786) only applies to --engine dask; "
            "drop --scheduler or add --engine dask",
        ),
    ],
)
def test_engines_reject_bad_options(kwargs: dict[str, Any], message: str):
    with pytest.raises(GhatnaError) as err, make_processor(**kwargs):
        pass
    assert str(err.value) == message


def test_engines_single_worker_is_the_serial_processor():
    with make_processor("local", workers=1) as processor:
        assert processor is process_serially


def test_engines_process_pool_stores_what_a_serial_run_stores(
    tmp_path: Path, serial: dict[str, Any]
):
    with make_processor("local", workers=2, chunk_size=2) as processor:
        assert _ingest(tmp_path / "pool.db", processor) == serial


def test_engines_dask_cluster_stores_what_a_serial_run_stores(
    tmp_path: Path, serial: dict[str, Any]
):
    from distributed import LocalCluster

    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        make_processor("dask", scheduler=cluster.scheduler_address, chunk_size=2) as processor,
    ):
        assert _ingest(tmp_path / "dask.db", processor) == serial


def test_engines_unreachable_scheduler_names_the_address():
    import dask

    with (
        dask.config.set({"distributed.comm.timeouts.connect": "1s"}),
        pytest.raises(GhatnaError, match="cannot reach the Dask scheduler at tcp://127.0.0.1:9"),
        make_processor("dask", scheduler="tcp://127.0.0.1:9"),
    ):
        pass
