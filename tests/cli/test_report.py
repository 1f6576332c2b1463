"""`ghatna report`: the events most outlets carried, ranked, with their counts."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from ghatna.cli import cli

STORIES = [
    (
        "a1",
        "Outlet A",
        "2024-02-06",
        "नई दिल्ली में मंगलवार को विदेश मंत्री एस जयशंकर ने रूसी विदेश मंत्री सर्गेई लावरोव से "
        "मुलाकात की। दोनों नेताओं ने व्यापार और ऊर्जा सहयोग पर चर्चा की।",
    ),
    (
        "b1",
        "Outlet B",
        "2024-02-06",
        "रूस के विदेश मंत्री सर्गेई लावरोव ने मंगलवार को नई दिल्ली में एस जयशंकर के साथ बैठक की। "
        "बैठक में रक्षा संबंधों पर बात हुई।",
    ),
    (
        "b2",
        "Outlet B",
        "2024-02-09",
        "प्रधानमंत्री नरेंद्र मोदी ने शुक्रवार को जापान के प्रधानमंत्री फुमियो किशिदा से फोन पर बात की।",
    ),
]


def _db(tmp_path: Path) -> str:
    src = tmp_path / "stories.jsonl"
    src.write_text(
        "\n".join(
            json.dumps({"id": i, "outlet": o, "published": p, "text": t}, ensure_ascii=False)
            for i, o, p, t in STORIES
        ),
        encoding="utf-8",
    )
    db = str(tmp_path / "r.db")
    result = CliRunner().invoke(cli, ["ingest", str(src), "--db", db])
    assert result.exit_code == 0, result.output
    return db


def test_cli_report_ranks_events_carried_by_several_outlets(tmp_path: Path):
    db = _db(tmp_path)
    result = CliRunner().invoke(cli, ["report", "--db", db])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "1 events in 2 or more outlets; the top 1:"
    assert "outlets 2  reports 2  2024-02-06 Tue" in lines[1]
    assert "[Outlet A, Outlet B]" in lines[1]


def test_cli_report_json_follows_the_contract_and_min_outlets(tmp_path: Path):
    db = _db(tmp_path)
    result = CliRunner().invoke(cli, ["report", "--min-outlets", "1", "--json", "--db", db])
    events = [json.loads(line) for line in result.output.splitlines()]
    assert [len(e["outlets"]) for e in events] == [2, 1]
    assert {s["document"] for s in events[0]["sources"]} == {"a1", "b1"}
