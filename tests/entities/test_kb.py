from datetime import date

import pytest

from ghatna.entities.gazetteer import load_offices
from ghatna.entities.kb import actor_record, alias_key, build_kb, check, load_kb


def test_kb_data_files_pass_check():
    assert check(load_kb()) == []


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("लावरोव", ["person/sergey-lavrov"]),
        ("डॉ. एस. जयशंकर", ["person/s-jaishankar"]),
        ("Dr S Jaishankar", ["person/s-jaishankar"]),
        ("नूर-सुल्तान", ["city/astana"]),
        ("कज़ाख़स्तान", ["country/KAZ"]),
        ("शंघाई सहयोग संगठन", ["org/sco"]),
        ("मोदक", []),
    ],
)
def test_kb_find_by_alias_after_folding(name, expected):
    assert [a.id for a in load_kb().find(name)] == expected


@pytest.mark.parametrize(
    ("office", "country", "day", "expected"),
    [
        ("foreign_minister", "RUS", date(2021, 4, 6), ["person/sergey-lavrov"]),
        ("foreign_minister", "IND", date(2018, 6, 1), ["person/sushma-swaraj"]),
        ("foreign_minister", "IND", date(2021, 4, 6), ["person/s-jaishankar"]),
        ("security_council_secretary", "RUS", date(2025, 8, 1), ["person/sergei-shoigu"]),
        ("defence_minister", "RUS", date(2023, 1, 1), ["person/sergei-shoigu"]),
        ("foreign_secretary", "IND", date(2024, 3, 15), ["person/vinay-mohan-kwatra"]),
        ("head_of_state", "USA", date(2022, 5, 1), ["person/joe-biden"]),
    ],
)
def test_kb_holders_on_a_day(office, country, day, expected):
    assert [a.id for a in load_kb().holders(office, country, day)] == expected


@pytest.mark.parametrize(
    ("actor_id", "day", "expected"),
    [
        ("person/s-jaishankar", date(2016, 1, 1), "foreign_secretary"),
        ("person/s-jaishankar", date(2019, 1, 1), None),
        ("person/denis-manturov", date(2025, 8, 1), "first_deputy_prime_minister"),
        ("person/vladimir-putin", date(2010, 1, 1), "head_of_government"),
    ],
)
def test_kb_role_at(actor_id, day, expected):
    role = load_kb().role_at(actor_id, day)
    assert (role.office if role else None) == expected


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("डॉ. एस. जयशंकर", "डॉ एस जयशंकर"),
        ("नूर-सुल्तान", "नूर सुल्तान"),
        ("S.  Jaishankar", "s jaishankar"),
    ],
)
def test_kb_alias_key(text, key):
    assert alias_key(text) == key


def test_kb_as_of_is_a_date():
    assert isinstance(load_kb().as_of, date)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("महाराष्ट्र", "Maharashtra"),
        ("यूपी", "Uttar Pradesh"),
        ("उड़ीसा", "Odisha"),
        ("जम्मू-कश्मीर", "Jammu and Kashmir"),
        ("गोवा", "Goa"),
    ],
)
def test_kb_states_are_regions_named_as_roles_name_them(name, expected):
    (region,) = load_kb().find(name)
    assert (region.kind, region.name, region.country) == ("region", expected, "IND")


def test_kb_check_names_a_region_no_region_actor_has(tmp_path):
    extra = tmp_path / "mine.yaml"
    extra.write_text(
        "- {id: city/nagpur, name: Nagpur, kind: city, country: IND, region: Maharastra}\n"
        "- id: person/jane-doe\n"
        "  name: Jane Doe\n"
        "  country: IND\n"
        "  roles:\n"
        "    - {office: chief_minister, region: Vidarbha, start: 2020-01-01}\n",
        encoding="utf-8",
    )
    problems = check(build_kb([extra]))
    assert problems == [
        "city/nagpur: region 'Maharastra' is not a region's name",
        "person/jane-doe: role region 'Vidarbha' is not a region's name",
    ]


def test_kb_actor_record_keeps_every_contract_field():
    record = actor_record(load_kb().actor("person/sergey-lavrov"))
    assert set(record) == {"id", "name", "hindi", "kind", "country", "region", "aliases", "roles"}
    assert set(record["roles"][0]) == {
        "office",
        "title",
        "country",
        "region",
        "start",
        "end",
        "uncertain",
    }
    assert record["roles"][0]["start"] == "2004-03-09"


def test_kb_an_old_id_still_reaches_its_actor():
    kb = load_kb()
    assert kb.actor("city/goa").id == "region/goa"
    assert [a.id for a in kb.find("city/goa")] == ["region/goa"]


def test_kb_check_refuses_an_old_id_used_again(tmp_path):
    extra = tmp_path / "mine.yaml"
    extra.write_text("- {id: city/goa, name: Goa City, kind: city, country: IND}\n", "utf-8")
    assert check(build_kb([extra])) == [
        "renamed.yaml: city/goa is an old id but names a live actor again"
    ]


@pytest.mark.parametrize(
    ("country", "title"),
    [
        (None, "Minister of Commerce and Industry"),  # a bare office is India's
        ("IND", "Minister of Commerce and Industry"),
        ("USA", "Secretary of Commerce"),
        ("CHN", "Minister of Commerce"),  # not India's portfolio name
    ],
)
def test_kb_an_office_is_titled_as_its_country_titles_it(country, title):
    assert load_offices()["commerce_minister"].title_for(country) == title
