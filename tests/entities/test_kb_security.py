"""Defence ministers, US commerce secretaries and national security advisers
(people_security.yaml and the roles added to people already in the KB): who a role
phrase names on the day of the story, and their names in a sentence."""

from datetime import date

import pytest

from ghatna.document import PartialDate
from ghatna.entities import load_linker
from ghatna.entities.kb import DATA, load_kb, read_actor_file
from tests.conftest import make_doc
from tests.entities.conftest import role_holder


def _on(day: date) -> PartialDate:
    return PartialDate.from_date(day)


def _people(text: str) -> list[tuple[str, str | None]]:
    return [(m.text, m.actor_id) for m in load_linker().annotate(make_doc(text)) if m.kind == "PER"]


CHINA = "चीन के रक्षा मंत्री ने ताइवान के पास सैन्य अभ्यास पर बयान जारी किया।"
US_DEFENCE = "अमेरिकी रक्षा मंत्री ने पेंटागन में पत्रकारों से बातचीत की।"


@pytest.mark.parametrize(
    ("text", "when", "expected"),
    [
        # China: Chang Wanquan, Wei Fenghe (2018-03-19), Li Shangfu (2023-03-12 to
        # 2023-10-24), Dong Jun (2023-12-29)
        (CHINA, _on(date(2016, 5, 10)), "person/chang-wanquan"),
        (CHINA, PartialDate("2019", "year"), "person/wei-fenghe"),
        (CHINA, _on(date(2023, 6, 15)), "person/li-shangfu"),
        (CHINA, _on(date(2024, 6, 15)), "person/dong-jun"),
        # USA: Mattis, Austin (2021-01-22 to 2025-01-20), Hegseth (2025-01-25)
        (US_DEFENCE, PartialDate("2018", "year"), "person/jim-mattis"),
        (US_DEFENCE, _on(date(2022, 3, 2)), "person/lloyd-austin"),
        (US_DEFENCE, PartialDate("2025-06", "month"), "person/pete-hegseth"),
        (
            "अमेरिका के राष्ट्रीय सुरक्षा सलाहकार ने दिल्ली में डोभाल से बात की।",
            PartialDate("2023", "year"),
            "person/jake-sullivan",
        ),
        (
            "अमेरिका के राष्ट्रीय सुरक्षा सलाहकार ने ईरान पर सख्त रुख अपनाया।",
            _on(date(2018, 11, 5)),
            "person/john-bolton",
        ),
        (
            "अमेरिकी वाणिज्य मंत्री ने भारत के साथ व्यापार वार्ता की समीक्षा की।",
            _on(date(2023, 3, 10)),
            "person/gina-raimondo",
        ),
        (
            "अमेरिकी वाणिज्य मंत्री ने नए शुल्क की घोषणा की।",
            PartialDate("2025-08", "month"),
            "person/howard-lutnick",
        ),
        (
            "पाकिस्तान के रक्षा मंत्री ने नियंत्रण रेखा पर तनाव की बात कही।",
            _on(date(2020, 2, 1)),
            "person/pervez-khattak",
        ),
        (
            "पाकिस्तान के रक्षा मंत्री ने नियंत्रण रेखा पर तनाव की बात कही।",
            _on(date(2016, 9, 30)),
            "person/khawaja-asif",
        ),
        (
            "ब्रिटेन के रक्षा मंत्री ने यूक्रेन को हथियार भेजने की घोषणा की।",
            _on(date(2022, 4, 20)),
            "person/ben-wallace",
        ),
        (
            "जापान के रक्षा मंत्री ने टोक्यो में अपने ऑस्ट्रेलियाई मेहमान का स्वागत किया।",
            _on(date(2025, 3, 1)),
            "person/gen-nakatani",
        ),
        (
            "ऑस्ट्रेलिया के रक्षा मंत्री ने पनडुब्बी सौदे पर जानकारी दी।",
            _on(date(2023, 3, 14)),
            "person/richard-marles",
        ),
        (
            "जर्मनी के रक्षा मंत्री ने सेना के बजट पर बात की।",
            _on(date(2024, 6, 5)),
            "person/boris-pistorius",
        ),
        (
            "कनाडा के रक्षा मंत्री ने सिख सैनिकों की सराहना की।",
            _on(date(2018, 4, 20)),
            "person/harjit-sajjan",
        ),
        (
            "इजराइल के रक्षा मंत्री ने गाजा में अभियान तेज करने को कहा।",
            _on(date(2023, 10, 20)),
            "person/yoav-gallant",
        ),
    ],
)
def test_kb_security_role_phrase_names_the_holder_on_the_day(text, when, expected):
    assert role_holder(text, when).actor_id == expected


def test_kb_security_bare_defence_minister_stays_india_s():
    role = role_holder("रक्षा मंत्री ने लद्दाख में सैनिकों से मुलाकात की।", _on(date(2024, 7, 1)))
    assert (role.actor_id, role.attrs["country_inferred"]) == ("person/rajnath-singh", "IND")


def test_kb_security_bare_defence_minister_after_two_named_holders_stays_india_s():
    text = (
        "राजनाथ सिंह ने वियनतियान में डोंग जून से सीमा पर बातचीत की।"
        " बैठक के बाद रक्षा मंत्री ने कहा कि शांति बनी रहनी चाहिए।"
    )
    assert role_holder(text, _on(date(2024, 7, 27))).actor_id == "person/rajnath-singh"


def test_kb_security_china_had_no_defence_minister_between_li_and_dong():
    kb = load_kb()
    assert kb.holders("defence_minister", "CHN", date(2023, 11, 15)) == []
    assert [a.id for a in kb.holders("defence_minister", "CHN", date(2024, 1, 2))] == [
        "person/dong-jun"
    ]


def test_kb_security_named_minister_is_linked_with_the_role_before_the_name():
    text = "चीन के रक्षा मंत्री डोंग जून ने सिंगापुर में ताइवान पर चेतावनी दी।"
    doc = make_doc(text)
    (person,) = [m for m in load_linker().annotate(doc) if m.kind == "PER"]
    assert (person.text, person.actor_id) == ("डोंग जून", "person/dong-jun")
    assert (person.attrs["role"]["office"], person.attrs["role"]["country"]) == (
        "defence_minister",
        "CHN",
    )


@pytest.mark.parametrize(
    ("text", "name", "actor"),
    [
        ("रक्षा मंत्री पीट हेगसेथ ने नाटो से खर्च बढ़ाने को कहा।", "पीट हेगसेथ", "person/pete-hegseth"),
        ("बैठक के बाद हेगसेथ ने पत्रकारों के सवालों का जवाब दिया।", "हेगसेथ", "person/pete-hegseth"),
        ("लॉयड ऑस्टिन ने दिल्ली में टू प्लस टू वार्ता में हिस्सा लिया।", "लॉयड ऑस्टिन", "person/lloyd-austin"),
        ("जेक सुलिवन ने अजीत डोभाल के साथ आईसेट की बैठक की।", "जेक सुलिवन", "person/jake-sullivan"),
        ("हॉवर्ड लुटनिक ने भारत पर शुल्क की बात दोहराई।", "हॉवर्ड लुटनिक", "person/howard-lutnick"),
        ("ली शांगफू कई हफ्तों से सार्वजनिक रूप से नहीं दिखे हैं।", "ली शांगफू", "person/li-shangfu"),
        ("वेई फेंगहे ने मॉस्को में राजनाथ सिंह से मुलाकात की।", "वेई फेंगहे", "person/wei-fenghe"),
        ("ख्वाजा आसिफ ने संसद में भारत पर आरोप लगाए।", "ख्वाजा आसिफ", "person/khawaja-asif"),
        ("रिचर्ड मार्लेस ने गोवा में नौसेना के जहाज का दौरा किया।", "रिचर्ड मार्लेस", "person/richard-marles"),
        ("योआव गैलेंट ने हमास के खिलाफ अभियान की जानकारी दी।", "योआव गैलेंट", "person/yoav-gallant"),
    ],
)
def test_kb_security_names_in_a_sentence_link_to_the_person(text, name, actor):
    assert (name, actor) in _people(text)


@pytest.mark.parametrize(
    "text",
    [
        "संसद का मानसून सत्र 15 जून को शुरू होगा।",
        "टेक्सास के ऑस्टिन शहर में तूफान आया।",
        "ली ने कहा कि वह राइस और रॉस से मिलेंगे।",
    ],
)
def test_kb_security_common_words_in_their_names_link_no_one_of_them(text):
    ids = {a.id for a in read_actor_file(DATA / "people_security.yaml")}
    assert not ids & {actor for _, actor in _people(text)}


def test_kb_security_the_month_after_dong_jun_is_named_is_still_a_month():
    text = "चीन के रक्षा मंत्री डोंग जून ने बयान जारी किया। उनकी अगली बैठक 15 जून को होगी।"
    assert [p for p in _people(text) if p[0] == "जून"] == []


@pytest.mark.parametrize(
    ("name", "day", "title"),
    [
        ("Khawaja Asif", date(2015, 6, 1), "Minister of Defence"),
        ("Philip Hammond", date(2013, 6, 1), "Secretary of State for Defence"),
        ("Jean-Yves Le Drian", date(2016, 6, 1), "Minister of Defence"),
        ("Marise Payne", date(2017, 6, 1), "Minister for Defence"),
        ("Takeshi Iwaya", date(2019, 3, 1), "Minister of Defense"),
        ("King Salman", date(2013, 6, 1), "Minister of Defence"),
    ],
)
def test_kb_security_people_already_known_got_the_role_in_their_one_entry(name, day, title):
    (actor,) = load_kb().find(name)
    role = load_kb().role_at(actor.id, day)
    assert (role.office, role.title) == ("defence_minister", title)


def test_kb_security_rubio_s_indian_counterpart_is_of_the_office_the_text_gives_him():
    # Rubio is also acting national security adviser since 2025-05-01, his latest office
    as_minister = "अमेरिकी विदेश मंत्री मार्को रुबियो ने अपने भारतीय समकक्ष से मुलाकात की।"
    as_adviser = "अमेरिकी एनएसए मार्को रुबियो ने अपने भारतीय समकक्ष से मुलाकात की।"
    assert role_holder(as_minister, _on(date(2025, 7, 10))).actor_id == "person/s-jaishankar"
    assert role_holder(as_adviser, _on(date(2025, 7, 10))).actor_id == "person/ajit-doval"
