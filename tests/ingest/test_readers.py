"""Readers: every input format, and one clear line per bad input while the batch goes on."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from ghatna.document import Article
from ghatna.ingest import Problem, read_paths

TEXT = "विदेश मंत्री ने बुधवार को ब्राजील के राष्ट्रपति से फोन पर बात की।"


def _read(*paths: Path, fmt: str = "auto") -> tuple[list[Article], list[Problem]]:
    items = list(read_paths(paths, fmt))
    return (
        [i for i in items if isinstance(i, Article)],
        [i for i in items if isinstance(i, Problem)],
    )


def test_ingest_reads_txt_with_sidecar_metadata(tmp_path: Path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "a.json").write_text(
        json.dumps(
            {"outlet": "दैनिक समाचार", "published": "2024-02-07", "url": "https://x.example/a"}
        ),
        encoding="utf-8",
    )
    articles, problems = _read(tmp_path)
    assert problems == []
    assert [(a.source, a.outlet, a.published, a.url, a.format) for a in articles] == [
        ("a.txt", "दैनिक समाचार", date(2024, 2, 7), "https://x.example/a", "txt")
    ]


def test_ingest_same_content_gets_same_id(tmp_path: Path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(TEXT + "\n", encoding="utf-8")
    articles, _ = _read(tmp_path)
    assert articles[0].id == articles[1].id


def test_ingest_reads_json_lines(tmp_path: Path):
    lines = [
        {"id": "n-1", "text": TEXT, "outlet": "X", "published": "2023-05-01T10:00:00Z"},
        {
            "id": "n-2",
            "html": f"<html><body><article><p>{TEXT}</p></article></body></html>",
            "title": "फोन पर बात",
        },
    ]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines), encoding="utf-8")
    articles, problems = _read(path)
    assert problems == []
    assert [(a.source, a.format, a.published, a.title) for a in articles] == [
        ("n-1", "jsonl", date(2023, 5, 1), None),
        ("n-2", "html", None, "फोन पर बात"),
    ]


def test_ingest_reads_html_pages(tmp_path: Path):
    page = (
        "<html><head><title>फोन पर बातचीत</title></head><body><article>"
        f"<h1>फोन पर बातचीत</h1><p>{TEXT}</p><p>{TEXT.replace('ब्राजील', 'मैक्सिको')}</p>"
        "</article></body></html>"
    )
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    articles, problems = _read(tmp_path / "page.html")
    assert problems == []
    assert articles[0].format == "html"
    assert articles[0].source == "page.html"


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("notes.docx", b"PK\x03\x04", "unknown format .docx"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary file"),
        ("latin1.txt", b"caf\xe9 " + "मंत्री".encode(), "not valid UTF-8"),
        ("empty.txt", b"  \n\n ", "is empty"),
    ],
)
def test_ingest_reports_bad_file_and_goes_on(
    tmp_path: Path, name: str, content: bytes, reason: str
):
    (tmp_path / name).write_bytes(content)
    (tmp_path / "good.txt").write_text(TEXT, encoding="utf-8")
    articles, problems = _read(tmp_path)
    assert [a.source for a in articles] == ["good.txt"]
    assert len(problems) == 1
    assert problems[0].source == str(tmp_path / name)
    assert reason in problems[0].reason


def test_ingest_reports_bad_json_lines_by_line_number(tmp_path: Path):
    path = tmp_path / "feed.jsonl"
    path.write_text(
        "\n".join(
            [
                json.dumps({"id": "ok", "text": TEXT}, ensure_ascii=False),
                "{not json",
                json.dumps({"id": "no-body", "title": "x"}),
                json.dumps({"id": "bad-date", "text": TEXT, "published": "कल"}, ensure_ascii=False),
                json.dumps(["a", "list"]),
            ]
        ),
        encoding="utf-8",
    )
    articles, problems = _read(path)
    assert [a.source for a in articles] == ["ok"]
    assert [(p.source.rsplit(":", 1)[1], p.reason.split(" (")[0]) for p in problems] == [
        ("2", "is not valid JSON"),
        ("3", "has no 'text' or 'html' field with content"),
        ("4", "published 'कल' is not a YYYY-MM-DD date"),
        ("5", "must be a JSON object"),
    ]


def test_ingest_reports_missing_path(tmp_path: Path):
    _, problems = _read(tmp_path / "nowhere.txt")
    assert [str(p) for p in problems] == [f"{tmp_path / 'nowhere.txt'}: no such file or folder"]


def test_ingest_reports_broken_sidecar(tmp_path: Path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "a.json").write_text("{oops", encoding="utf-8")
    articles, problems = _read(tmp_path)
    assert articles == []
    assert problems[0].source == str(tmp_path / "a.json")
    assert "not valid JSON" in problems[0].reason


def test_ingest_keeps_a_text_cut_in_the_middle_of_a_character(tmp_path: Path):
    cut = TEXT.encode()[:-4]  # ends inside the three bytes of the last letter
    (tmp_path / "cut.txt").write_bytes(cut)
    articles, problems = _read(tmp_path)
    assert problems == []
    assert articles[0].raw.endswith("\ufffd")
