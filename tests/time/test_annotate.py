"""annotate_time: values, granularity and evidence against a known or inferred anchor."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from ghatna.document import Mention, PartialDate
from ghatna.time import annotate_time
from tests.conftest import make_doc


@dataclass(frozen=True)
class FakeRole:
    office: str
    title: str
    country: str
    start: date
    end: date | None = None
    uncertain: bool = False


@dataclass(frozen=True)
class FakeActor:
    name: str
    roles: tuple[FakeRole, ...]


class FakeKB:
    """Two office-holders, checked up to 2026-01-15."""

    as_of = date(2026, 1, 15)
    _actors = {
        "person/a-mantri": FakeActor(
            "A. Mantri", (FakeRole("foreign_minister", "Minister", "IND", date(2019, 5, 30)),)
        ),
        "person/b-purana": FakeActor(
            "B. Purana",
            (
                FakeRole(
                    "foreign_minister", "Minister", "IND", date(2014, 5, 26), date(2019, 5, 30)
                ),
            ),
        ),
    }

    def actor(self, actor_id: str) -> FakeActor | None:
        return self._actors.get(actor_id)


class UncertainKB(FakeKB):
    """A. Mantri again, but the KB is not sure of the day the tenure began."""

    _actors = {
        "person/a-mantri": FakeActor(
            "A. Mantri",
            (FakeRole("foreign_minister", "Minister", "IND", date(2019, 5, 30), uncertain=True),),
        )
    }


def _with_minister(text: str, name: str, actor_id: str):
    doc = make_doc(text)
    start = text.index(name)
    doc.mentions = [
        Mention(
            start,
            start + len(name),
            name,
            "PER",
            actor_id,
            "test",
            1.0,
            {"office": "foreign_minister"},
        )
    ]
    return doc


def _values(doc) -> list[tuple[str, str | None, str]]:
    return [(t.text, t.date.value, t.date.granularity) for t in doc.timexes]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("कल दोनों नेताओं की मुलाकात हुई थी।", date(2024, 3, 5), [("कल", "2024-03-04", "day")]),
        ("कल दोनों नेता मिलेंगे।", date(2024, 3, 5), [("कल", "2024-03-06", "day")]),
        ("परसों नतीजे आएंगे।", date(2024, 3, 5), [("परसों", "2024-03-07", "day")]),
        ("आज संसद में बहस हुई।", date(2024, 3, 5), [("आज", "2024-03-05", "day")]),
        ("पिछले वर्ष बाढ़ आई थी।", date(2024, 3, 5), [("पिछले वर्ष", "2023", "year")]),
        ("पिछले साल चुनाव हुए थे।", date(2024, 3, 5), [("पिछले साल", "2023", "year")]),
        ("अगले महीने चुनाव होंगे।", date(2024, 12, 5), [("अगले महीने", "2025-01", "month")]),
        ("पिछले सप्ताह बैठक हुई।", date(2024, 3, 20), [("पिछले सप्ताह", "2024-03", "month")]),
        # a week across two months is placed by its year (both months are candidates)
        ("अगले सप्ताह बैठक होगी।", date(2024, 8, 24), [("अगले सप्ताह", "2024", "year")]),
        ("अगले हफ्ते बैठक होगी।", date(2024, 12, 27), [("अगले हफ्ते", None, "unknown")]),
        ("दो दिन पहले आग लगी थी।", date(2024, 3, 1), [("दो दिन पहले", "2024-02-28", "day")]),
        ("तीन घंटे पहले ट्रेन चली।", date(2024, 3, 1), [("तीन घंटे पहले", "2024-03-01", "day")]),
        ("मंत्री मंगलवार को पेरिस पहुंचे।", date(2024, 3, 8), [("मंगलवार", "2024-03-05", "day")]),
        ("मंत्री सोमवार शाम को लौटेंगे।", date(2024, 3, 8), [("सोमवार शाम", "2024-03-11", "day")]),
        ("इस वर्ष के अंत में चुनाव होंगे।", date(2024, 3, 8), [("इस वर्ष के अंत", "2024", "year")]),
        ("बैठक 21 अगस्त को होगी।", date(2024, 9, 1), [("21 अगस्त", "2025-08-21", "day")]),
        ("जांच छह महीने चलेगी।", date(2024, 9, 1), [("छह महीने", None, "unknown")]),
        # an until-day ends a span that began in the past: the nearest such day
        (
            "पुस्तकालय 10 अप्रैल तक बंद कर दिए गए हैं।",
            date(2023, 4, 2),
            [("10 अप्रैल", "2023-04-10", "day")],
        ),
    ],
)
def test_time_resolves_against_publication_date(
    text: str, published: date, expected: list[tuple[str, str | None, str]]
) -> None:
    doc = make_doc(text, published=published)
    annotate_time(doc, None)
    assert _values(doc) == expected
    assert doc.document_date == PartialDate.from_date(published, "publication date")


def test_time_kal_without_tense_keeps_both_candidates() -> None:
    doc = make_doc("कल की बारिश के आंकड़े", published=date(2024, 3, 5))
    annotate_time(doc, None)
    assert doc.timexes[0].date.candidates == ("2024-03-04", "2024-03-06")
    assert doc.timexes[0].date.value is None


def test_time_weekday_day_month_resolved_by_tenure() -> None:
    text = "विदेश मंत्री ए मंत्री बुधवार (4 जून) को बर्लिन पहुंचे।"
    doc = _with_minister(text, "ए मंत्री", "person/a-mantri")
    annotate_time(doc, FakeKB())
    got = doc.timexes[0].date
    assert (got.value, got.granularity, got.weekday) == ("2025-06-04", "day", "Wednesday")
    assert got.evidence[-1] == "only 2025 has Wednesday 4 June"
    assert doc.document_date.value == "2025-06-04"


def test_time_uncertain_tenure_start_bounds_the_year_not_the_day() -> None:
    text = "विदेश मंत्री ए मंत्री मंगलवार (12 मार्च) को बर्लिन जाएंगे।"
    sure = _with_minister(text, "ए मंत्री", "person/a-mantri")
    annotate_time(sure, FakeKB())
    assert sure.timexes[0].date.value == "2024-03-12"  # 2019-03-12 is before 30 May 2019
    unsure = _with_minister(text, "ए मंत्री", "person/a-mantri")
    annotate_time(unsure, UncertainKB())
    assert unsure.timexes[0].date.value is None
    assert unsure.timexes[0].date.candidates == ("2019-03-12", "2024-03-12")


def test_time_weekday_day_month_without_kb_stays_unknown() -> None:
    doc = make_doc("मंत्री बुधवार (4 जून) को बर्लिन पहुंचे।")
    annotate_time(doc, None)
    assert (doc.timexes[0].date.value, doc.timexes[0].date.granularity) == (None, "unknown")


def test_time_earliest_consistent_year_for_future_day_month() -> None:
    text = "जून 2023 में वार्ता हुई थी। दोनों नेता 12 मार्च को मिलेंगे।"
    doc = make_doc(text)
    annotate_time(doc, None)
    got = doc.timexes[1].date
    assert (got.value, got.granularity) == ("2024-03-12", "day")


def test_time_era_and_past_year_give_weekday_with_year() -> None:
    text = (
        "मंत्री ने गुरुवार को नेपाल के राजदूत से चर्चा की। साल 2019 में समझौता हुआ था। "
        "पिछले वर्ष कोविड-19 महामारी के कारण बैठक नहीं हो सकी थी।"
    )
    doc = make_doc(text)
    annotate_time(doc, None)
    dd = doc.document_date
    assert (dd.value, dd.granularity, dd.weekday, dd.candidates) == (
        "2021",
        "weekday",
        "Thursday",
        ("2022", "2023"),
    )


def test_time_full_date_in_text_anchors_weekday() -> None:
    text = "मंत्री ने शुक्रवार को भाषण दिया। The minister spoke on March 3, 2023 in Delhi."
    doc = make_doc(text)
    annotate_time(doc, None)
    assert doc.document_date.value == "2023-03-03"
    assert [t.date.value for t in doc.timexes] == ["2023-03-03", "2023-03-03"]


def test_time_without_any_clue_is_unknown() -> None:
    doc = make_doc("दौरे के तीसरे दिन दोनों मंत्रियों ने बातचीत की।")
    annotate_time(doc, None)
    assert doc.document_date == PartialDate(evidence=("no date constraint in the text",))
    assert doc.timexes[0].date.value is None


def test_time_former_minister_bounds_the_years() -> None:
    text = "विदेश मंत्री बी पुराना ने सोमवार (1 जून) को बीजिंग में बातचीत की।"
    doc = _with_minister(text, "बी पुराना", "person/b-purana")
    annotate_time(doc, FakeKB())
    assert doc.timexes[0].date.value == "2015-06-01"


def test_time_ended_title_named_after_the_lead_is_no_upper_bound() -> None:
    lead = "सोमवार (1 जून) को बीजिंग में दोनों देशों की बातचीत हुई।"
    later = "विदेश मंत्री बी पुराना ने पहले भी बीजिंग का दौरा किया था।"
    doc = _with_minister(f"{lead}\n\n{later}", "बी पुराना", "person/b-purana")
    doc.paragraphs = [(0, len(lead)), (len(lead) + 2, len(lead) + 2 + len(later))]
    annotate_time(doc, FakeKB())
    assert doc.timexes[0].date.value is None
    assert "2020-06-01" in doc.timexes[0].date.candidates


def test_time_preview_shares_the_year_of_the_event_it_announces() -> None:
    lead = "विदेश मंत्री ए मंत्री 14 मार्च को टोक्यो में जापानी समकक्ष से मुलाकात करेंगे।"
    later = "इससे पहले नवंबर 2022 में दोनों नेता दिल्ली में मिले थे। रविवार को घोषणा की गई।"
    doc = _with_minister(f"{lead}\n\n{later}", "ए मंत्री", "person/a-mantri")
    doc.paragraphs = [(0, len(lead)), (len(lead) + 2, len(lead) + 2 + len(later))]
    annotate_time(doc, FakeKB())
    assert doc.timexes[0].date.value == "2023-03-14"
    assert doc.document_date.value == "2023"
    assert doc.document_date.weekday == "Sunday"
    assert any("a preview" in e for e in doc.document_date.evidence)


def test_time_a_month_word_inside_a_known_persons_name_is_no_date() -> None:
    # "डोंग जून" is China's defence minister; "गुरुवार" dates the meeting, "जून" nothing
    text = "राजनाथ सिंह ने गुरुवार को डोंग जून के साथ बैठक की।"
    doc = make_doc(text, published=date(2025, 6, 27))
    start = text.index("डोंग जून")
    doc.mentions = [
        Mention(start, start + 8, "डोंग जून", "PER", "person/dong-jun", "gazetteer", 0.95)
    ]
    annotate_time(doc, None)
    assert _values(doc) == [("गुरुवार", "2025-06-26", "day")]
