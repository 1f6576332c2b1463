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
