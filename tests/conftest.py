"""Fixtures shared by every test: a fresh SQLite store and hand-built documents."""

from __future__ import annotations

from pathlib import Path

import pytest

from ghatna.document import Article, Doc, Sentence
from ghatna.store import Store, open_store

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture
def store(tmp_path: Path) -> Store:
    with open_store(tmp_path / "test.db") as s:
        yield s


def make_doc(text: str, source: str = "doc.txt", **meta: object) -> Doc:
    """A Doc cut into sentences at '।' with exact offsets, and no other layers."""
    article = Article.from_text(text, source=source, **meta)
    sentences, start = [], 0
    for i, ch in enumerate(text):
        if ch == "।" or i == len(text) - 1:
            end = i + 1
            chunk = text[start:end]
            lead = len(chunk) - len(chunk.lstrip())
            sentences.append(Sentence(start + lead, end, text[start + lead : end]))
            start = end
    return Doc(article=article, text=text, paragraphs=[(0, len(text))], sentences=sentences)


@pytest.fixture
def shared() -> Path:
    if not SHARED.exists():
        pytest.skip(f"the shared data folder {SHARED} is not beside the repository")
    return SHARED


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite store with the bundled sample ingested and linked (built once per session)."""
    from ghatna.cli.commands import sample_dir
    from ghatna.ingest.batch import ingest

    path = tmp_path_factory.mktemp("sample") / "sample.db"
    with open_store(path) as s:
        ingest([sample_dir()], s)
    return path


@pytest.fixture(scope="session")
def live_server(sample_db: Path, tmp_path_factory: pytest.TempPathFactory):
    """`ghatna serve` over the sample store, read-only use: tests must not write to it."""
    from tests.api.live import MAX_UPLOAD, TOKEN, serve

    log = tmp_path_factory.mktemp("server") / "serve.log"
    options = ("--token", TOKEN, "--max-upload", str(MAX_UPLOAD))
    with serve(sample_db, *options, log=log) as server:
        yield server


@pytest.fixture(scope="module")
def writable_server(sample_db: Path, tmp_path_factory: pytest.TempPathFactory):
    """`ghatna serve` over a private copy of the sample store, for ingest tests."""
    import shutil

    from tests.api.live import MAX_UPLOAD, TOKEN, serve

    folder = tmp_path_factory.mktemp("writable")
    shutil.copy(sample_db, folder / "sample.db")
    options = ("--token", TOKEN, "--max-upload", str(MAX_UPLOAD))
    with serve(folder / "sample.db", *options, log=folder / "serve.log") as server:
        yield server
