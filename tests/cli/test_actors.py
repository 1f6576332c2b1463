"""``ghatna actors check`` on the packaged KB and ``ghatna actors add`` to a user file."""

from __future__ import annotations

import json

import pytest
import yaml
from click.testing import CliRunner

from ghatna.cli import cli
from ghatna.entities.kb import actor_record, load_kb

JANE = [
    "--id",
    "person/jane-doe",
    "--name",
    "Jane Doe",
    "--hindi",
    "जेन डो",
    "--country",
    "aus",
    "--alias",
    "Doe",
    "--role",
    "foreign_minister:2020-01-01:2022-05-01",
]


def invoke(*args: str):
    return CliRunner().invoke(cli, ["actors", *args])


def test_actors_check_passes_on_the_packaged_kb():
    result = invoke("check")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("ok: ")


def test_actors_show_prints_the_region_of_a_chief_minister():
    result = invoke("show", "उद्धव ठाकरे")
    assert result.exit_code == 0, result.output
    assert "[chief_minister, IND, Maharashtra] 2019-11-28 – 2022-06-30" in result.output


def test_actors_show_prints_the_state_of_a_city():
    result = invoke("show", "मुंबई")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("city/mumbai  Mumbai (city, IND, Maharashtra)\n")


def test_actors_show_json_is_the_api_actor_record():
    result = invoke("show", "लावरोव", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == actor_record(load_kb().actor("person/sergey-lavrov"))


def test_actors_add_round_trip(tmp_path):
    path = tmp_path / "my_kb.yaml"
    result = invoke("add", "--file", str(path), *JANE)
    assert result.exit_code == 0, result.output
    assert "added person/jane-doe" in result.output
    result = invoke(
        "add",
        "--file",
        str(path),
        "--id",
        "person/ram-x",
        "--name",
        "Ram X",
        "--country",
        "IND",
        "--role",
        "chief_minister:2019-11-28?::Maharashtra",
    )
    assert result.exit_code == 0, result.output

    entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert [e["id"] for e in entries] == ["person/jane-doe", "person/ram-x"]
    assert entries[0]["country"] == "AUS"
    assert entries[0]["roles"][0]["title"] == "Minister of Foreign Affairs"
    assert entries[1]["roles"][0]["title"] == "Chief Minister of Maharashtra"
    assert entries[1]["roles"][0]["uncertain"] is True

    check = invoke("check", "--file", str(path))
    assert check.exit_code == 0, check.output
    shown = invoke("show", "जेन डो", "--file", str(path))
    assert shown.exit_code == 0, shown.output
    assert "Minister of Foreign Affairs [foreign_minister, AUS] 2020-01-01 – 2022-05-01" in (
        shown.output
    )
    listed = invoke("list", "--kind", "person", "--country", "AUS", "--file", str(path))
    assert "person/jane-doe" in listed.output


def test_actors_add_keeps_comments_and_earlier_entries(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text("# my notes\n- {id: org/acme, name: Acme, country: IND}\n", encoding="utf-8")
    result = invoke("add", "--file", str(path), *JANE)
    assert result.exit_code == 0, result.output
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# my notes\n- {id: org/acme")
    assert [e["id"] for e in yaml.safe_load(text)] == ["org/acme", "person/jane-doe"]


def _fails(tmp_path, *args: str) -> str:
    path = tmp_path / "kb.yaml"
    before = path.read_text(encoding="utf-8") if path.exists() else None
    result = invoke("add", "--file", str(path), *args)
    assert result.exit_code != 0, result.output
    after = path.read_text(encoding="utf-8") if path.exists() else None
    assert after == before
    return result.output


def test_actors_add_rejects_an_id_of_the_packaged_kb(tmp_path):
    out = _fails(tmp_path, "--id", "person/narendra-modi", "--name", "Someone")
    assert "'person/narendra-modi' is already in the knowledge base" in out


def test_actors_add_rejects_an_id_already_in_the_file(tmp_path):
    assert invoke("add", "--file", str(tmp_path / "kb.yaml"), *JANE).exit_code == 0
    out = _fails(tmp_path, "--id", "person/jane-doe", "--name", "Jane Two")
    assert "already in the knowledge base" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--role", "emperor:2020-01-01"), "office 'emperor' is not in offices.yaml"),
        (("--country", "XYZ"), "country 'XYZ' is not an ISO3 code"),
        (("--role", "speaker:2022-01-01:2020-01-01"), "before it starts"),
        (("--role", "speaker:2022-02-30"), "is not a date"),
        (("--role", "chief_minister:2020-01-01"), "needs a region"),
        (("--role", "chief_minister:2020-01-01::Bombay"), "region 'Bombay' is not a region's name"),
    ],
)
def test_actors_add_rejects_a_bad_field_and_names_it(tmp_path, args, message):
    assert message in _fails(tmp_path, "--id", "person/x", "--name", "X", *args)


def test_actors_add_a_city_in_its_state(tmp_path):
    path = tmp_path / "kb.yaml"
    result = invoke(
        "add",
        "--file",
        str(path),
        "--id",
        "city/nagpur",
        "--name",
        "Nagpur",
        "--hindi",
        "नागपुर",
        "--country",
        "IND",
        "--region",
        "Maharashtra",
    )
    assert result.exit_code == 0, result.output
    shown = invoke("show", "नागपुर", "--file", str(path), "--json")
    assert json.loads(shown.output)["region"] == "Maharashtra"


def test_actors_add_rejects_a_bad_id(tmp_path):
    out = _fails(tmp_path, "--id", "Jane Doe", "--name", "X")
    assert "must look like kind/slug" in out
    out = _fails(tmp_path, "--id", "country/xyz", "--name", "X")
    assert "kind 'country' is not one of" in out


def test_actors_add_alias_collision_needs_force(tmp_path):
    args = ["--id", "person/other-modi", "--name", "Other Modi", "--alias", "मोदी"]
    out = _fails(tmp_path, *args)
    assert "alias 'मोदी' already names person/narendra-modi" in out
    path = tmp_path / "kb.yaml"
    result = invoke("add", "--file", str(path), *args, "--force")
    assert result.exit_code == 0, result.output
    assert yaml.safe_load(path.read_text(encoding="utf-8"))[0]["ambiguous"] == ["मोदी"]
    check = invoke("check", "--file", str(path))
    assert check.exit_code == 0, check.output


def test_actors_add_refuses_a_mapping_file(tmp_path):
    path = tmp_path / "kb.yaml"
    path.write_text("actors: []\n", encoding="utf-8")
    out = _fails(tmp_path, *JANE)
    assert "not a YAML list of actors" in out


def test_actors_add_help_has_an_example():
    result = invoke("add", "--help")
    assert result.exit_code == 0
    assert "ghatna actors add --file my_kb.yaml" in result.output
