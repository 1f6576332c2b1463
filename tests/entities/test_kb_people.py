"""The people added for issue #4: who held which office on a day, across people*.yaml."""

from datetime import date

import pytest

from ghatna.entities.kb import (
    DATA,
    load_kb,
    packaged_actor_files,
    parse_role_spec,
    read_actor_file,
    regional_offices,
)


def test_kb_loads_every_people_file_with_unique_ids():
    files = packaged_actor_files()
    names = {p.name for p in files}
    assert {"people.yaml", "people_india.yaml", "people_world.yaml"} <= names
    assert names >= {p.name for p in DATA.glob("people*.yaml")}
    ids = [a.id for p in files for a in read_actor_file(p)]
    assert len(ids) == len(set(ids))
    kb = load_kb()
    assert all(kb.actor(i) is not None for i in ids)


def test_kb_every_packaged_file_names_its_source():
    for path in DATA.glob("people*.yaml"):
        assert path.read_text(encoding="utf-8").startswith("# source:"), path.name


@pytest.mark.parametrize(
    ("office", "country", "day", "expected"),
    [
        ("foreign_minister", "AUS", date(2023, 6, 1), ["person/penny-wong"]),
        ("head_of_government", "AUS", date(2020, 1, 1), ["person/scott-morrison"]),
        ("head_of_state", "BRA", date(2020, 1, 1), ["person/jair-bolsonaro"]),
        ("head_of_state", "BRA", date(2024, 1, 1), ["person/lula-da-silva"]),
        ("head_of_state", "ARG", date(2024, 3, 1), ["person/javier-milei"]),
        ("head_of_government", "CAN", date(2023, 9, 18), ["person/justin-trudeau"]),
        ("foreign_minister", "CAN", date(2024, 1, 1), ["person/melanie-joly"]),
        ("head_of_state", "IDN", date(2019, 1, 1), ["person/joko-widodo"]),
        ("head_of_government", "ITA", date(2023, 1, 1), ["person/giorgia-meloni"]),
        ("head_of_state", "KOR", date(2023, 1, 1), ["person/yoon-suk-yeol"]),
        ("head_of_state", "MEX", date(2020, 1, 1), ["person/andres-manuel-lopez-obrador"]),
        ("head_of_government", "SAU", date(2023, 1, 1), ["person/mohammed-bin-salman"]),
        ("foreign_minister", "SAU", date(2023, 1, 1), ["person/faisal-bin-farhan"]),
        ("head_of_state", "ZAF", date(2020, 1, 1), ["person/cyril-ramaphosa"]),
        ("head_of_state", "TUR", date(2020, 1, 1), ["person/recep-tayyip-erdogan"]),
        ("foreign_minister", "TUR", date(2024, 1, 1), ["person/hakan-fidan"]),
        ("eu_commission_president", None, date(2022, 1, 1), ["person/ursula-von-der-leyen"]),
        ("eu_high_representative", None, date(2022, 1, 1), ["person/josep-borrell"]),
        ("head_of_government", "JPN", date(2025, 11, 1), ["person/sanae-takaichi"]),
        ("foreign_minister", "DEU", date(2019, 1, 1), ["person/heiko-maas"]),
        ("head_of_government", "FRA", date(2021, 1, 1), ["person/jean-castex"]),
        ("foreign_minister", "GBR", date(2015, 1, 1), ["person/philip-hammond"]),
        ("head_of_state", "PAK", date(2020, 1, 1), ["person/arif-alvi"]),
        ("foreign_minister", "BGD", date(2020, 1, 1), ["person/ak-abdul-momen"]),
        ("head_of_government", "NPL", date(2025, 10, 1), ["person/sushila-karki"]),
        ("head_of_government", "LKA", date(2025, 1, 1), ["person/harini-amarasuriya"]),
        ("foreign_minister", "AFG", date(2023, 1, 1), ["person/amir-khan-muttaqi"]),
        ("vice_president", "IND", date(2020, 1, 1), ["person/venkaiah-naidu"]),
        ("speaker", "IND", date(2023, 1, 1), ["person/om-birla"]),
        ("health_minister", "IND", date(2020, 6, 1), ["person/harsh-vardhan"]),
        ("health_minister", "IND", date(2022, 6, 1), ["person/mansukh-mandaviya"]),
        ("bjp_president", "IND", date(2018, 1, 1), ["person/amit-shah"]),
        ("congress_president", "IND", date(2023, 1, 1), ["person/mallikarjun-kharge"]),
    ],
)
def test_kb_new_people_hold_office_on_a_day(office, country, day, expected):
    assert [a.id for a in load_kb().holders(office, country, day)] == expected


@pytest.mark.parametrize(
    ("office", "country", "day", "expected"),
    [
        # Nepal: Deuba kept the ministry himself until Khadka was sworn in (2021-09-22);
        # Dahal until Bimala Rai Paudyal (2023-01-17); Mahara in Deuba's 2017 cabinet.
        ("foreign_minister", "NPL", date(2021, 8, 1), []),
        ("foreign_minister", "NPL", date(2021, 10, 1), ["person/narayan-khadka"]),
        ("foreign_minister", "NPL", date(2023, 1, 1), []),
        ("foreign_minister", "NPL", date(2023, 2, 1), ["person/bimala-rai-paudyal"]),
        ("foreign_minister", "NPL", date(2023, 4, 1), []),
        ("foreign_minister", "NPL", date(2017, 8, 1), ["person/krishna-bahadur-mahara"]),
        # Maldives: Zameer moved to finance, Khaleel to foreign affairs on 2024-09-30.
        ("foreign_minister", "MDV", date(2024, 8, 1), ["person/moosa-zameer"]),
        ("foreign_minister", "MDV", date(2024, 10, 15), ["person/abdulla-khaleel"]),
        # Kazakhstan: Nurtleu 2023-04-03 to 2025-09-26, then Kosherbayev.
        ("foreign_minister", "KAZ", date(2025, 6, 1), ["person/murat-nurtleu"]),
        ("foreign_minister", "KAZ", date(2025, 10, 15), ["person/yermek-kosherbayev"]),
        # Kyrgyzstan: Abdyldaev until 2018-10-12; Kulubaev (acting) from 2022-04-22.
        ("foreign_minister", "KGZ", date(2018, 7, 1), ["person/erlan-abdyldayev"]),
        ("foreign_minister", "KGZ", date(2022, 6, 1), ["person/jeenbek-kulubaev"]),
        # Uzbekistan: Norov between Kamilov and Saidov (acting from 2022-12-30).
        ("foreign_minister", "UZB", date(2022, 8, 1), ["person/vladimir-norov"]),
        ("foreign_minister", "UZB", date(2023, 3, 1), ["person/bakhtiyor-saidov"]),
        # Argentina: Werthein sworn in 2024-11-04, Quirno 2025-10-28.
        ("foreign_minister", "ARG", date(2024, 11, 2), []),
        ("foreign_minister", "ARG", date(2025, 11, 1), ["person/pablo-quirno"]),
        # Mongolia: Battsetseg stayed foreign minister after the 2024 election.
        ("foreign_minister", "MNG", date(2025, 1, 1), ["person/battsetseg-batmunkh"]),
    ],
)
def test_kb_corrected_roles_hold_office_on_a_day(office, country, day, expected):
    assert [a.id for a in load_kb().holders(office, country, day)] == expected


@pytest.mark.parametrize(
    ("region", "day", "expected"),
    [
        ("Maharashtra", date(2020, 3, 15), ["person/uddhav-thackeray"]),
        ("Maharashtra", date(2023, 3, 15), ["person/eknath-shinde"]),
        ("Maharashtra", date(2025, 3, 15), ["person/devendra-fadnavis"]),
        ("Delhi", date(2024, 12, 1), ["person/atishi"]),
        ("Uttar Pradesh", date(2022, 1, 1), ["person/yogi-adityanath"]),
        ("Madhya Pradesh", date(2019, 6, 1), ["person/kamal-nath"]),
        ("Jharkhand", date(2024, 4, 1), ["person/champai-soren"]),
        ("Punjab", date(2021, 12, 1), ["person/charanjit-singh-channi"]),
        ("Karnataka", date(2022, 1, 1), ["person/basavaraj-bommai"]),
        ("Gujarat", date(2010, 1, 1), ["person/narendra-modi"]),
    ],
)
def test_kb_chief_minister_of_a_state_on_a_day(region, day, expected):
    assert [a.id for a in load_kb().holders("chief_minister", "IND", day, region=region)] == (
        expected
    )


def test_kb_holders_without_region_lists_every_state():
    found = load_kb().holders("chief_minister", "IND", date(2022, 1, 1))
    assert len(found) > 20
    assert "person/yogi-adityanath" in {a.id for a in found}


def test_kb_regional_roles_name_their_region():
    regional = regional_offices()
    assert "chief_minister" in regional
    for actor in load_kb():
        for role in actor.roles:
            if role.office in regional:
                assert role.region, actor.id


@pytest.mark.parametrize(
    ("actor_id", "day", "expected"),
    [
        ("person/shivraj-singh-chouhan", date(2022, 1, 1), "chief_minister"),
        ("person/shivraj-singh-chouhan", date(2025, 1, 1), "agriculture_minister"),
        ("person/amit-shah", date(2022, 1, 1), "home_minister"),
        ("person/recep-tayyip-erdogan", date(2010, 1, 1), "head_of_government"),
        ("person/donald-tusk", date(2017, 1, 1), "eu_council_president"),
    ],
)
def test_kb_role_at_of_new_people(actor_id, day, expected):
    role = load_kb().role_at(actor_id, day)
    assert (role.office if role else None) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("पेनी वोंग", ["person/penny-wong"]),
        ("बोल्सोनारो", ["person/jair-bolsonaro"]),
        ("उद्धव ठाकरे", ["person/uddhav-thackeray"]),
        ("जेपी नड्डा", ["person/jp-nadda"]),
        ("J. P. Nadda", ["person/jp-nadda"]),
        ("एर्दोआन", ["person/recep-tayyip-erdogan"]),
        ("मुत्तकी", ["person/amir-khan-muttaqi"]),
    ],
)
def test_kb_new_people_found_by_alias(name, expected):
    assert [a.id for a in load_kb().find(name)] == expected


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        (
            "foreign_minister:2020-01-01:2022-05-01",
            {"office": "foreign_minister", "start": date(2020, 1, 1), "end": date(2022, 5, 1)},
        ),
        ("speaker:2019-06-19", {"office": "speaker", "start": date(2019, 6, 19)}),
        (
            "chief_minister:2019-11-28?::Maharashtra",
            {
                "office": "chief_minister",
                "start": date(2019, 11, 28),
                "region": "Maharashtra",
                "uncertain": True,
            },
        ),
    ],
)
def test_kb_parse_role_spec(spec, expected):
    assert parse_role_spec(spec) == expected


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("foreign_minister", "expected OFFICE:START"),
        ("foreign_minister:2020-13-01", "not a date"),
        ("foreign_minister:2022-01-01:2020-01-01", "before it starts"),
        ("a:2020-01-01:2021-01-01:x:y", "expected OFFICE:START"),
    ],
)
def test_kb_parse_role_spec_errors(spec, message):
    with pytest.raises(ValueError, match=message):
        parse_role_spec(spec)
