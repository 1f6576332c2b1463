"""Heads of state and government and foreign ministers of Israel, Iran, Ukraine, the UAE,
Qatar, Egypt and Palestine (people_westasia.yaml and the roles added to people already
in the KB): who a role phrase names on the day of the story, and their names in a
sentence."""

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


ISRAEL_PM = "इजराइल के प्रधानमंत्री ने गाजा की स्थिति पर मंत्रिमंडल की बैठक बुलाई।"
IRAN_FM = "ईरान के विदेश मंत्री ने परमाणु वार्ता पर यूरोपीय देशों को पत्र लिखा।"
UKRAINE_PRESIDENT = "यूक्रेन के राष्ट्रपति ने रूसी हमलों के बाद देश को संबोधित किया।"
UKRAINE_FM = "यूक्रेन के विदेश मंत्री ने अनाज निर्यात पर भारत से सहयोग मांगा।"


@pytest.mark.parametrize(
    ("text", "when", "expected"),
    [
        # Israel: Bennett (2021-06-13 to 2022-06-30), Lapid (2022-07-01 to 2022-12-29),
        # Netanyahu (since 2022-12-29)
        (ISRAEL_PM, PartialDate("2022-03", "month"), "person/naftali-bennett"),
        (ISRAEL_PM, PartialDate("2022-09", "month"), "person/yair-lapid"),
        (ISRAEL_PM, PartialDate("2024", "year"), "person/benjamin-netanyahu"),
        (ISRAEL_PM, _on(date(2016, 2, 10)), "person/benjamin-netanyahu"),
        (
            "इजराइल के राष्ट्रपति ने बंधकों के परिवारों से मुलाकात की।",
            _on(date(2018, 5, 1)),
            "person/reuven-rivlin",
        ),
        (
            "इजराइल के विदेश मंत्री ने संयुक्त राष्ट्र में भाषण दिया।",
            _on(date(2020, 9, 1)),
            "person/gabi-ashkenazi",
        ),
        (
            "इजराइल के विदेश मंत्री ने संयुक्त राष्ट्र में भाषण दिया।",
            _on(date(2025, 3, 1)),
            "person/gideon-saar",
        ),
        # Iran: Zarif (to 2021-08-25), Amir-Abdollahian (to 2024-05-19), Araghchi
        # (since 2024-08-21)
        (IRAN_FM, PartialDate("2020", "year"), "person/mohammad-javad-zarif"),
        (IRAN_FM, PartialDate("2023", "year"), "person/hossein-amir-abdollahian"),
        (IRAN_FM, PartialDate("2025", "year"), "person/abbas-araghchi"),
        (IRAN_FM, _on(date(2024, 6, 20)), "person/ali-bagheri-kani"),
        # Ukraine: Poroshenko (2014-06-07 to 2019-05-20), Zelensky (since 2019-05-20)
        (UKRAINE_PRESIDENT, PartialDate("2018", "year"), "person/petro-poroshenko"),
        (UKRAINE_PRESIDENT, PartialDate("2023", "year"), "person/volodymyr-zelensky"),
        (UKRAINE_PRESIDENT, _on(date(2014, 4, 1)), "person/oleksandr-turchynov"),
        (UKRAINE_FM, PartialDate("2023", "year"), "person/dmytro-kuleba"),
        (UKRAINE_FM, PartialDate("2025-02", "month"), "person/andrii-sybiha"),
        (
            "यूक्रेन के प्रधानमंत्री ने ऊर्जा ढांचे की मरम्मत का ब्योरा दिया।",
            _on(date(2025, 9, 1)),
            "person/yulia-svyrydenko",
        ),
        (
            "मिस्र के राष्ट्रपति ने गणतंत्र दिवस परेड में हिस्सा लिया।",
            _on(date(2023, 1, 26)),
            "person/abdel-fattah-el-sisi",
        ),
        (
            "मिस्र के विदेश मंत्री ने गाजा युद्धविराम पर बातचीत की।",
            PartialDate("2025", "year"),
            "person/badr-abdelatty",
        ),
        (
            "कतर के प्रधानमंत्री ने युद्धविराम वार्ता की मेजबानी की।",
            PartialDate("2024", "year"),
            "person/mohammed-bin-abdulrahman-al-thani",
        ),
        (
            "यूएई के राष्ट्रपति ने अबू धाबी में मंदिर के उद्घाटन की सराहना की।",
            _on(date(2024, 2, 14)),
            "person/mohamed-bin-zayed",
        ),
        (
            "यूएई के राष्ट्रपति ने अबू धाबी में भारतीय समुदाय की सराहना की।",
            _on(date(2019, 8, 24)),
            "person/khalifa-bin-zayed",
        ),
        (
            "यूएई के विदेश मंत्री ने दिल्ली में व्यापार समझौते पर चर्चा की।",
            PartialDate("2021", "year"),
            "person/abdullah-bin-zayed",
        ),
    ],
)
def test_kb_westasia_role_phrase_names_the_holder_on_the_day(text, when, expected):
    assert role_holder(text, when).actor_id == expected


def test_kb_westasia_iran_s_president_is_who_the_news_calls_its_president():
    kb = load_kb()
    assert [a.id for a in kb.holders("head_of_state", "IRN", date(2024, 6, 15))] == [
        "person/mohammad-mokhber"
    ]
    assert [a.id for a in kb.holders("head_of_state", "IRN", date(2024, 9, 1))] == [
        "person/masoud-pezeshkian"
    ]
    assert load_kb().role_at("person/ali-khamenei", date(2020, 1, 1)).title == "Supreme Leader"


@pytest.mark.parametrize(
    ("text", "when", "expected"),
    [
        ("ईरान के राष्ट्रपति ने तेहरान में संसद को संबोधित किया।", 2023, "person/ebrahim-raisi"),
        ("ईरानी राष्ट्रपति ने कहा कि बातचीत जारी रहेगी।", 2025, "person/masoud-pezeshkian"),
        ("ईरान के सर्वोच्च नेता ने एक बयान जारी किया।", 2025, "person/ali-khamenei"),
        ("फिलिस्तीन के राष्ट्रपति ने गाजा पर बयान दिया।", 2024, "person/mahmoud-abbas"),
        ("फ़िलिस्तीनी राष्ट्रपति ने संयुक्त राष्ट्र में भाषण दिया।", 2019, "person/mahmoud-abbas"),
    ],
)
def test_kb_westasia_iran_and_palestine_role_phrases(text: str, when: int, expected: str):
    assert role_holder(text, PartialDate(str(when), "year")).actor_id == expected


def test_kb_westasia_named_minister_is_linked_with_the_role_before_the_name():
    text = "ईरान के विदेश मंत्री अब्बास अराघची ने मस्कट में अमेरिकी दूत से बातचीत की।"
    doc = make_doc(text)
    (person,) = [m for m in load_linker().annotate(doc) if m.kind == "PER"]
    assert (person.text, person.actor_id) == ("अब्बास अराघची", "person/abbas-araghchi")
    assert (person.attrs["role"]["office"], person.attrs["role"]["country"]) == (
        "foreign_minister",
        "IRN",
    )


@pytest.mark.parametrize(
    ("text", "name", "actor"),
    [
        (
            "नेतन्याहू ने युद्ध मंत्रिमंडल की बैठक के बाद बयान दिया।",
            "नेतन्याहू",
            "person/benjamin-netanyahu",
        ),
        (
            "बेंजामिन नेतन्याहू ने संसद में अविश्वास प्रस्ताव का सामना किया।",
            "बेंजामिन नेतन्याहू",
            "person/benjamin-netanyahu",
        ),
        (
            "वोलोदिमीर ज़ेलेंस्की ने कीव में विदेशी पत्रकारों से बात की।",
            "वोलोदिमीर ज़ेलेंस्की",
            "person/volodymyr-zelensky",
        ),
        (
            "मोदी और जेलेंस्की ने फोन पर शांति प्रयासों की चर्चा की।",
            "जेलेंस्की",
            "person/volodymyr-zelensky",
        ),
        (
            "अयातुल्ला अली खामेनेई ने जुमे की नमाज के बाद भाषण दिया।",
            "अयातुल्ला अली खामेनेई",
            "person/ali-khamenei",
        ),
        ("मसूद पेजेश्कियान ने तेहरान में शपथ ली।", "मसूद पेजेश्कियान", "person/masoud-pezeshkian"),
        ("हसन रूहानी ने परमाणु समझौते का बचाव किया।", "हसन रूहानी", "person/hassan-rouhani"),
        ("अराघची ने कहा कि बातचीत का अगला दौर ओमान में होगा।", "अराघची", "person/abbas-araghchi"),
        (
            "शेख मोहम्मद बिन जायद अल नाहयान ने हवाई अड्डे पर मेहमान का स्वागत किया।",
            "शेख मोहम्मद बिन जायद अल नाहयान",
            "person/mohamed-bin-zayed",
        ),
        (
            "अब्दुल्ला बिन जायद ने जयशंकर से फोन पर बात की।",
            "अब्दुल्ला बिन जायद",
            "person/abdullah-bin-zayed",
        ),
        (
            "अब्देल फतह अल-सीसी गणतंत्र दिवस समारोह के मुख्य अतिथि बने।",
            "अब्देल फतह अल-सीसी",
            "person/abdel-fattah-el-sisi",
        ),
        (
            "महमूद अब्बास ने रामल्ला में नई सरकार को शपथ दिलाई।",
            "महमूद अब्बास",
            "person/mahmoud-abbas",
        ),
        (
            "दिमित्रो कुलेबा ने दिल्ली में भारतीय उद्योगपतियों से मुलाकात की।",
            "दिमित्रो कुलेबा",
            "person/dmytro-kuleba",
        ),
        ("यायर लापिड ने विपक्ष की बैठक बुलाई।", "यायर लापिड", "person/yair-lapid"),
    ],
)
def test_kb_westasia_names_in_a_sentence_link_to_the_person(text, name, actor):
    assert (name, actor) in _people(text)


def test_kb_westasia_araghchi_s_first_name_is_not_mahmoud_abbas():
    people = _people("अब्बास अराघची ने जिनेवा में यूरोपीय मंत्रियों से मुलाकात की।")
    assert "person/mahmoud-abbas" not in {actor for _, actor in people}


def test_kb_westasia_a_common_name_shared_with_the_palestinian_premier_is_marked_ambiguous():
    linker = load_linker()
    (person,) = [
        m
        for m in linker.annotate(make_doc("मोहम्मद मुस्तफा ने दुकान का उद्घाटन किया।"))
        if m.kind == "PER"
    ]
    assert (person.actor_id, person.attrs.get("ambiguous")) == ("person/mohammad-mustafa", True)


@pytest.mark.parametrize(
    "text",
    [
        "मोहम्मद अब्बास ने शेख साहब से मुलाकात की।",
        "अब्बास ने कहा कि वह शेख मोहम्मद से मिलेंगे।",
        "हमद और खालिद ने जायद के घर दावत दी।",
        "अब्दुल्ला और मोहम्मद ने शेख के साथ अमीर से मुलाकात की।",
        "गांव में सीसी रोड का निर्माण शुरू हुआ।",
        "रूहानी संगीत की महफिल देर रात तक सजी।",
        "कोहेन ने कहा कि बात का सार यही है।",
    ],
)
def test_kb_westasia_common_words_in_their_names_link_no_one_of_them(text):
    ids = {a.id for a in read_actor_file(DATA / "people_westasia.yaml")}
    assert not ids & {actor for _, actor in _people(text)}


@pytest.mark.parametrize(
    ("name", "day", "office"),
    [
        ("Naftali Bennett", date(2022, 1, 10), "head_of_government"),
        ("Avigdor Lieberman", date(2014, 6, 1), "foreign_minister"),
        ("Israel Katz", date(2019, 6, 1), "foreign_minister"),
        ("Israel Katz", date(2024, 6, 1), "foreign_minister"),
        ("Israel Katz", date(2025, 6, 1), "defence_minister"),
    ],
)
def test_kb_westasia_people_already_known_got_the_role_in_their_one_entry(name, day, office):
    (actor,) = load_kb().find(name)
    assert load_kb().role_at(actor.id, day).office == office
