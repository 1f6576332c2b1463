"""The command line end to end on the bundled sample, through a real SQLite file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from ghatna.cli import cli
from ghatna.cli.commands import sample_dir

CONTRACT_FIELDS = {
    "id",
    "type",
    "mode",
    "status",
    "actors",
    "location",
    "venue",
    "date",
    "topics",
    "quotes",
    "sources",
}


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory) -> str:
    db = str(tmp_path_factory.mktemp("cli") / "sample.db")
    result = CliRunner().invoke(cli, ["ingest", str(sample_dir()), "--db", db, "--json"])
    assert result.exit_code == 0, result.output
    return db


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def test_cli_ingest_is_idempotent(sample_db):
    first = json.loads(
        run("ingest", str(sample_dir()), "--db", sample_db, "--json").splitlines()[-1]
    )
    assert first["stored"] == 0
    assert first["already_stored"] == 5


def test_cli_events_json_follows_the_export_contract(sample_db):
    lines = run("events", "--json", "--db", sample_db).splitlines()
    assert lines
    for line in lines:
        event = json.loads(line)
        assert set(event) >= CONTRACT_FIELDS
        assert event["status"] in {"happened", "planned", "reported_background", "negated"}
        assert set(event["date"]) >= {"value", "granularity", "weekday", "evidence"}
        for actor in event["actors"]:
            assert set(actor) >= {"id", "name", "country", "role", "as"}
            assert actor["as"] in {"source", "target", "participant"}
        for source in event["sources"]:
            assert set(source) >= {"document", "outlet", "published", "status", "sentence", "span"}
            assert source["document"].endswith(".txt")


def test_cli_timeline_of_jaishankar_with_russia_is_oldest_first(sample_db):
    lines = run("timeline", "S. Jaishankar", "--with", "RUS", "--json", "--db", sample_db)
    events = [json.loads(line) for line in lines.splitlines()]
    dated = [e["date"]["value"] for e in events if e["date"]["value"]]
    assert dated == sorted(dated)
    assert all(
        any(a["country"] == "RUS" for a in e["actors"])
        or (e["location"] or {}).get("country") == "RUS"
        for e in events
    )
    assert any(a["name"] == "Sergey Lavrov" for e in events for a in e["actors"])


def _gold_date(date: object) -> str:
    if isinstance(date, dict):
        return "-".join(
            f"{date[k]:02d}" if k != "year" else str(date[k])
            for k in ("year", "month")
            if k in date
        )
    return str(date)


def test_cli_timeline_of_the_sample_is_the_gold_timeline(sample_db, shared):
    """Main events exactly as the gold lists them; the rest marked background."""
    gold = yaml.safe_load((shared / "gold" / "seeds.yaml").read_text(encoding="utf-8"))
    by_id = {e["id"]: e for e in gold["events"]}
    expected = [
        (_gold_date(by_id[i]["date"]), sorted(by_id[i]["actors"]), sorted(by_id[i]["documents"]))
        for i in gold["timeline_jaishankar_russia"]
    ]
    lines = run("timeline", "S. Jaishankar", "--with", "RUS", "--json", "--db", sample_db)
    events = [json.loads(line) for line in lines.splitlines()]
    main = [
        (
            e["date"]["value"],
            sorted(a["name"] for a in e["actors"] if not a["id"].startswith("country/")),
            sorted(s["document"] for s in e["sources"]),
        )
        for e in events
        if e["status"] != "reported_background"
    ]
    assert main == expected
    background = [e for e in events if e["status"] == "reported_background"]
    assert {e["date"]["value"] for e in background} >= {"2024-11", "2025-07"}


def test_cli_timeline_accepts_hindi_alias(sample_db):
    latin = run("timeline", "S. Jaishankar", "--db", sample_db)
    hindi = run("timeline", "जयशंकर", "--db", sample_db)
    assert latin == hindi


def test_cli_unknown_actor_is_a_clear_error(sample_db):
    result = CliRunner().invoke(cli, ["timeline", "Nobody Atall", "--db", sample_db])
    assert result.exit_code != 0
    assert "no actor called 'Nobody Atall'" in result.output


def test_cli_show_prints_evidence(sample_db):
    first = json.loads(run("events", "--json", "--db", sample_db).splitlines()[0])
    text = run("show", first["id"], "--db", sample_db)
    assert first["sources"][0]["sentence"].strip() in text
    assert json.loads(run("show", first["id"], "--json", "--db", sample_db))["id"] == first["id"]


def test_cli_search_finds_lavrov_sentences(sample_db):
    hits = json.loads(run("search", "लावरोव", "--json", "--db", sample_db))
    assert hits["sentences"]
    assert all("लावरोव" in h["text"] for h in hits["sentences"])


def test_cli_clean_json_shows_removed_lines_with_reasons(tmp_path: Path):
    page = tmp_path / "page.txt"
    page.write_text(
        "Advertisement\nप्रधानमंत्री ने बुधवार को जापान के प्रधानमंत्री से फोन पर बात की। "
        "दोनों नेताओं ने व्यापार पर चर्चा की।\nयह भी पढ़ें: क्रिकेट टीम ने मैच जीता\n",
        encoding="utf-8",
    )
    out = json.loads(run("clean", str(page), "--json"))
    assert "Advertisement" not in out["text"]
    assert "क्रिकेट" not in out["text"]
    assert {r["reason"] for r in out["removed"]} >= {"related-link"}
    for s in out["sentences"]:
        assert out["text"][s["start"] : s["end"]] == s["text"]
        assert s["language"] == "hi"


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "gdelt", "plover"])
def test_cli_export_formats(sample_db, fmt):
    out = run("export", "--format", fmt, "--db", sample_db)
    assert len(out.splitlines()) >= 2


def test_cli_demo_prints_the_timeline(tmp_path: Path):
    out = run("demo", "--db", str(tmp_path / "demo.db"))
    assert "Timeline of S. Jaishankar with Russia" in out
    assert "Sergey Lavrov" in out


def test_cli_every_command_has_help():
    for name in cli.commands:
        assert "Usage:" in run(name, "--help")


def test_cli_ingest_with_two_workers_stores_what_one_worker_stores(sample_db, tmp_path: Path):
    db = str(tmp_path / "pool.db")
    run("ingest", str(sample_dir()), "--db", db, "--workers", "2")
    assert run("events", "--json", "--db", db) == run("events", "--json", "--db", sample_db)


def test_cli_scheduler_without_dask_is_a_clear_error(tmp_path: Path):
    result = CliRunner().invoke(
        cli,
        ["ingest", str(sample_dir()), "--db", str(tmp_path / "x.db"), "--scheduler", "tcp://h:1"],
    )
    assert result.exit_code != 0
    assert "only applies to --engine dask" in result.output
