"""Run every store test on both engines: SQLite and a real PostgreSQL server.

One PostgreSQL server is started per test session (initdb + pg_ctl on a free
127.0.0.1 port, C.UTF-8 locale so ``simple`` text search and ``pg_trgm`` see whole
Devanagari words); each test gets a fresh database in it. Without PostgreSQL
binaries the postgres half is skipped with the reason, except under ``CI=true``,
where a skip would hide a failure, so it fails instead.

Tests that are about the SQLite file itself (WAL, ``sqlite3`` pokes) carry
``@pytest.mark.sqlite_only`` and never get a postgres variant.
"""

from __future__ import annotations

import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from ghatna.store import Store, open_store

_counter = itertools.count()


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "sqlite_only: the test is about the SQLite engine itself")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Drop the postgres variant of tests marked sqlite_only."""
    items[:] = [
        item
        for item in items
        if not (
            item.get_closest_marker("sqlite_only")
            and getattr(item, "callspec", None) is not None
            and item.callspec.params.get("store") == "postgres"
        )
    ]


def _pg_bin() -> Path | None:
    candidates = sorted(
        Path("/usr/lib/postgresql").glob("*/bin"),
        key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0,
    )
    for path in reversed(candidates):
        if (path / "initdb").exists() and (path / "pg_ctl").exists():
            return path
    found = shutil.which("pg_ctl")
    return Path(found).resolve().parent if found and shutil.which("initdb") else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _as_postgres(cmd: list[str]) -> list[str]:
    """initdb refuses to run as root: run the server as the ``postgres`` user then."""
    return ["runuser", "-u", "postgres", "--", *cmd] if os.geteuid() == 0 else cmd


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """Base URL (no database) of a PostgreSQL server private to this test session."""
    pg_bin = _pg_bin()
    if pg_bin is None:
        reason = (
            "PostgreSQL binaries (initdb, pg_ctl) not found; install the Debian packages "
            "postgresql and postgresql-contrib (scripts/test.sh does)"
        )
        if os.environ.get("CI", "").lower() in ("true", "1"):
            pytest.fail(f"CI is set, so the postgres store tests must run: {reason}")
        pytest.skip(reason)
    root = Path(tempfile.mkdtemp(prefix="ghatna-pg-"))
    if os.geteuid() == 0:
        shutil.chown(root, "postgres", "postgres")
    data, port = root / "data", _free_port()
    run = {"check": True, "capture_output": True, "text": True}
    subprocess.run(
        _as_postgres(
            [
                str(pg_bin / "initdb"),
                "-D",
                str(data),
                "-U",
                "postgres",
                "-A",
                "trust",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
            ]
        ),
        **run,
    )
    options = f"-c listen_addresses=127.0.0.1 -p {port} -k {root} -c fsync=off"
    subprocess.run(
        _as_postgres(
            [
                str(pg_bin / "pg_ctl"),
                "-D",
                str(data),
                "-l",
                str(root / "log"),
                "-w",
                "-o",
                options,
                "start",
            ]
        ),
        **run,
    )
    try:
        yield f"postgresql://postgres@127.0.0.1:{port}"
    finally:
        subprocess.run(
            _as_postgres([str(pg_bin / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"]),
            capture_output=True,
        )
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def postgres_db(postgres_url: str) -> Iterator[str]:
    """URL of a fresh, empty database, dropped after the test."""
    import psycopg

    name = f"ghatna_test_{os.getpid()}_{next(_counter)}"
    with psycopg.connect(f"{postgres_url}/postgres", autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    try:
        yield f"{postgres_url}/{name}"
    finally:
        with psycopg.connect(f"{postgres_url}/postgres", autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture(params=["sqlite", "postgres"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """A fresh, migrated store on each engine."""
    location = (
        request.getfixturevalue("postgres_db")
        if request.param == "postgres"
        else tmp_path / "test.db"
    )
    with open_store(location) as s:
        yield s
