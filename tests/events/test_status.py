"""Status: happened, planned, reported_background, negated; dates decide background."""

from __future__ import annotations

import pytest

from ghatna.document import PartialDate
from ghatna.events import extract_events
from ghatna.events.status import clearly_before
from tests.events.conftest import build, day


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("मोदी ने पुतिन से मुलाकात की।", "happened"),
        ("मोदी पुतिन से मिल चुके हैं।", "happened"),
        ("मोदी पुतिन से मुलाकात करेंगे।", "planned"),
        ("मोदी पुतिन से मिलने वाले हैं।", "planned"),
        ("मोदी और पुतिन के बीच बातचीत होगी।", "planned"),
        ("मोदी और पुतिन के बीच वार्ता की जाएगी।", "planned"),
        ("मोदी के आगामी फ्रांस दौरे पर सबकी नजर है।", "planned"),
        # a bare noun trigger takes the future of its clause's verb
        ("मोदी और पुतिन की वार्ता में जयशंकर भी हिस्सा लेंगे।", "planned"),
        ("मोदी ने पुतिन के साथ वार्ता में हिस्सा लिया।", "happened"),
        # ... but not the future of a later clause it only sets the time for
        ("पुतिन से मोदी की मुलाकात के बाद जयशंकर अपनी रिपोर्ट सौंपेंगे।", "happened"),
        ("मोदी जापान की तीन दिवसीय यात्रा पर जाएंगे।", "planned"),
        ("मैक्रों भारत के दौरे पर आए।", "happened"),
        ("मोदी और पुतिन की मुलाकात नहीं हुई।", "negated"),
        ("मोदी ने पुतिन से मुलाकात नहीं की।", "negated"),
        ("इससे पहले मोदी ने पुतिन से मुलाकात की थी।", "reported_background"),
        # without the pluperfect, an earlier stop of the same trip: news
        ("इससे पहले मोदी ने शहबाज शरीफ से भी भेंट की।", "happened"),
        ("इसके पहले मोदी ने पुतिन से भेंट की थी।", "reported_background"),
        ("मोदी हाल ही में पुतिन से मिले थे।", "reported_background"),
        ("मोदी की हालिया फ्रांस यात्रा सफल रही।", "reported_background"),
        # a pluperfect alone is yesterday's news in today's story, not background
        ("मैक्रों सोमवार शाम को भारत पहुंचे थे।", "happened"),
    ],
)
def test_events_status_from_grammar_and_words(kb, text: str, status: str) -> None:
    assert [e.status for e in extract_events(build(text), kb)] == [status]


@pytest.mark.parametrize(
    ("when", "status"),
    [
        (PartialDate("2024", "year"), "reported_background"),
        (PartialDate("2025-02", "month"), "reported_background"),
        (day("2025-03-10"), "happened"),  # two days before: the same visit
        (PartialDate("2025", "year"), "happened"),  # cannot be said to be before
    ],
)
def test_events_status_background_by_date(kb, when: PartialDate, status: str) -> None:
    doc = build("उस समय मोदी ने पुतिन से मुलाकात की।", dates={"उस समय": when})
    assert [e.status for e in extract_events(doc, kb)] == [status]


@pytest.mark.parametrize(
    ("when", "main", "before"),
    [
        (PartialDate("2024-11", "month"), day("2025-08-20"), True),
        (day("2025-08-19"), day("2025-08-20"), False),
        (PartialDate("2025", "year"), day("2025-08-20"), False),
        (PartialDate(None, "weekday", "Monday"), day("2025-08-20"), False),
        # coarse dates: the end of the event's period before the start of the document's
        (PartialDate("2024", "year"), PartialDate("2025", "weekday", "Wednesday"), True),
        (PartialDate("2024-12", "month"), PartialDate("2025", "year"), True),
        (PartialDate("2025-07", "month"), PartialDate("2025-08", "month"), True),
        (PartialDate("2025-08", "month"), PartialDate("2025-08", "month"), False),
        (PartialDate("2025", "year"), PartialDate("2025-08", "month"), False),
        (day("2025-07-31"), PartialDate("2025-08", "month"), True),
        (PartialDate("2024", "year"), PartialDate(None, "weekday", "Wednesday"), False),
    ],
)
def test_events_status_clearly_before(when: PartialDate, main: PartialDate, before: bool) -> None:
    assert clearly_before(when, main) is before


def test_events_status_planned_without_date_gets_the_month(kb) -> None:
    (event,) = extract_events(build("मोदी पुतिन से मुलाकात करेंगे।"), kb)
    assert (event.date.value, event.date.granularity, event.date_span) == ("2025-03", "month", None)


@pytest.mark.parametrize(
    ("text", "when", "main", "status"),
    [
        # a year-granular event in an article dated only by year and weekday
        (
            "2023 में जी20 शिखर सम्मेलन के दौरान मोदी और मैक्रों की मुलाकात हुई।",
            PartialDate("2023", "year"),
            PartialDate("2024", "weekday", "Friday"),
            "reported_background",
        ),
        (
            "पिछले महीने मोदी ने टोक्यो में जापान के नेताओं और मैक्रों से बातचीत की।",
            PartialDate("2025-01", "month"),
            PartialDate("2025-02", "month"),
            "reported_background",
        ),
        # unknown document date: no inference from the event's own date
        (
            "2023 में मोदी और मैक्रों की मुलाकात हुई।",
            PartialDate("2023", "year"),
            PartialDate(),
            "happened",
        ),
    ],
)
def test_events_status_background_by_coarse_dates(
    kb, text: str, when: PartialDate, main: PartialDate, status: str
) -> None:
    surface = text.split(" मे")[0] if text[0].isdigit() else "पिछले महीने"
    doc = build(text, dates={surface: when}, document_date=main)
    assert [e.status for e in extract_events(doc, kb)] == [status]


def test_events_status_preview_recalls_what_came_before_the_announced_day(kb) -> None:
    text = (
        "जयशंकर 14 सितंबर को पेरिस में मैक्रों से मुलाकात करेंगे। "
        "दोनों नेताओं ने जून में जी20 बैठक के इतर बातचीत की। "
        "जयशंकर और मैक्रों 13 सितंबर को मिले।"
    )
    dates = {"14 सितंबर": day("2025-09-14"), "जून": PartialDate("2025-06", "month")}
    dates["13 सितंबर"] = day("2025-09-13")
    doc = build(text, dates=dates, document_date=PartialDate("2025", "weekday", "Friday"))
    statuses = {e.date.value: e.status for e in extract_events(doc, kb)}
    # June lies wholly before the announced day: context; the day before is the visit
    assert statuses == {
        "2025-09-14": "planned",
        "2025-06": "reported_background",
        "2025-09-13": "happened",
    }


def test_events_status_only_a_dated_plan_makes_a_preview(kb) -> None:
    text = "जयशंकर मैक्रों से मुलाकात करेंगे। दोनों नेताओं ने जून में बातचीत की।"
    doc = build(text, dates={"जून": PartialDate("2025-06", "month")})
    assert [e.status for e in extract_events(doc, kb)] == ["planned", "happened"]


def test_events_date_is_never_an_until_day(kb) -> None:
    text = "संग्रहालय 20 मार्च तक बंद रहेंगे। मोदी ने लोगों से घर पर रहने की अपील की।"
    doc = build(text, dates={"20 मार्च": day("2025-03-20")})
    (event,) = extract_events(doc, kb)
    assert (event.date, event.date_span) == (doc.document_date, None)


def test_events_status_a_plan_is_not_dated_by_the_earlier_day_of_its_report(kb) -> None:
    # Friday, three days before the article, is when the ministry spoke, not the talks
    text = "मंत्रालय ने शुक्रवार को बताया कि मोदी और पुतिन की वार्ता में जयशंकर भी हिस्सा लेंगे।"
    doc = build(text, dates={"शुक्रवार": day("2025-03-07")})
    (event,) = extract_events(doc, kb)
    assert (event.status, event.date.value, event.date_span) == ("planned", "2025-03", None)


def test_events_status_undated_background_has_the_year_not_the_day_of_the_report(kb) -> None:
    # what "इससे पहले ... की थी" recalls did not happen on the day of the report
    text = "मोदी ने मैक्रों से मुलाकात की।\nइससे पहले मोदी ने पुतिन से मुलाकात की थी।"
    today, before = extract_events(build(text), kb)
    assert (today.status, today.date.value) == ("happened", "2025-03-12")
    assert (before.status, before.date.value, before.date.granularity) == (
        "reported_background",
        "2025",
        "year",
    )
    assert before.date_span is None


def test_events_status_undated_background_names_offices_as_of_the_document(kb) -> None:
    # "2019" alone would ask the KB about 1 January, before Jaishankar took office
    text = "इससे पहले जयशंकर ने पुतिन से मुलाकात की थी।"
    (before,) = extract_events(build(text, document_date=day("2019-09-10")), kb)
    assert before.date.value == "2019"
    roles = {a.name: a.role for a in before.actors}
    assert roles["S. Jaishankar"] == "Minister of External Affairs"
