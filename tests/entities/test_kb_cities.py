"""Cities in cities.yaml: world capitals, cities of foreign news, and Indian cities.

The sentences are made up for these tests; they use the spellings Hindi news uses. Each
case links a sentence through the public linker and reads the city and its country off
the mention, the way the event stage does.
"""

import re

import pytest

from ghatna.entities import load_linker
from ghatna.entities.kb import DATA, load_kb, read_actor_file
from tests.conftest import make_doc


def _places(text: str) -> list[tuple[str, str | None, str | None]]:
    """(surface, actor id, country) of every place the linker finds in ``text``."""
    doc = make_doc(text)
    return [
        (m.text, m.actor_id, m.attrs.get("country"))
        for m in load_linker().annotate(doc)
        if m.kind in ("LOC", "GPE")
    ]


def _city_ids(text: str) -> list[str]:
    return [actor for _, actor, _ in _places(text) if actor and actor.startswith("city/")]


@pytest.mark.parametrize(
    ("text", "surface", "city", "country"),
    [
        # capitals (CLDR's Hindi name and the variants papers use)
        ("कुआलालंपुर में आसियान बैठक हुई।", "कुआलालंपुर", "city/kuala-lumpur", "MYS"),
        ("प्रधानमंत्री क्वालालम्पुर पहुंचे।", "क्वालालम्पुर", "city/kuala-lumpur", "MYS"),
        ("अदीस अबाबा में अफ्रीकी संघ का सम्मेलन हुआ।", "अदीस अबाबा", "city/addis-ababa", "ETH"),
        ("ब्यूनस आयर्स में जी20 नेताओं की बैठक हुई।", "ब्यूनस आयर्स", "city/buenos-aires", "ARG"),
        ("राष्ट्रपति ने वियना में भारतीय समुदाय को संबोधित किया।", "वियना", "city/vienna", "AUT"),
        ("विदेश सचिव ने नोम पेन्ह में वार्ता की।", "नोम पेन्ह", "city/phnom-penh", "KHM"),
        ("ताइपे में एक व्यापार प्रतिनिधिमंडल पहुंचा।", "ताइपे", "city/taipei", "TWN"),
        ("रामल्ला में फलस्तीनी नेताओं से मुलाकात हुई।", "रामल्ला", "city/ramallah", "PSE"),
        ("पोर्ट लुई में भारतीय नौसेना का जहाज पहुंचा।", "पोर्ट लुई", "city/port-louis", "MUS"),
        ("डिली में पूर्वी तिमोर के नेताओं से बात हुई।", "डिली", "city/dili", "TLS"),
        # a capital named like its country links only in its "सिटी" form
        ("मेक्सिको सिटी में व्यापार वार्ता हुई।", "मेक्सिको सिटी", "city/mexico-city", "MEX"),
        ("कुवैत सिटी में भारतीय दूतावास ने बयान जारी किया।", "कुवैत सिटी", "city/kuwait-city", "KWT"),
        # other cities of foreign news, and former names
        ("तियानजिन में एससीओ शिखर सम्मेलन हुआ।", "तियानजिन", "city/tianjin", "CHN"),
        ("चाबहार बंदरगाह पर समझौता हुआ।", "चाबहार", "city/chabahar", "IRN"),
        ("चीन ग्वादर में बंदरगाह बना रहा है।", "ग्वादर", "city/gwadar", "PAK"),
        ("खारकीव से भारतीय छात्रों को निकाला गया।", "खारकीव", "city/kharkiv", "UKR"),
        ("हंबनटोटा बंदरगाह पर चीनी जहाज पहुंचा।", "हंबनटोटा", "city/hambantota", "LKA"),
        ("शर्म अल-शेख में जलवायु सम्मेलन हुआ।", "शर्म अल-शेख", "city/sharm-el-sheikh", "EGY"),
        (
            "हो ची मिन्ह सिटी में भारतीय कारोबारी मिले।",
            "हो ची मिन्ह सिटी",
            "city/ho-chi-minh-city",
            "VNM",
        ),
        ("बहादुर शाह ज़फ़र को रंगून भेजा गया।", "रंगून", "city/yangon", "MMR"),
        ("मक्का शरीफ़ में हज यात्री पहुंचे।", "मक्का शरीफ़", "city/mecca", "SAU"),
        ("अटारी-वाघा सीमा पर समारोह रोका गया।", "वाघा", "city/wagah", "PAK"),
        # Indian cities, under their names now and before
        ("पहलगाम में आतंकी हमला हुआ।", "पहलगाम", "city/pahalgam", "IND"),
        ("श्रीहरिकोटा से उपग्रह छोड़ा गया।", "श्रीहरिकोटा", "city/sriharikota", "IND"),
        ("पोर्ट ब्लेयर में नौसेना का अड्डा है।", "पोर्ट ब्लेयर", "city/sri-vijaya-puram", "IND"),
        ("गुड़गांव में नई कंपनी खुली।", "गुड़गांव", "city/gurugram", "IND"),
        ("महाबलीपुरम में शी जिनपिंग और मोदी मिले।", "महाबलीपुरम", "city/mamallapuram", "IND"),
    ],
)
def test_cities_link_with_their_country(text, surface, city, country):
    assert (surface, city, country) in _places(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the longest name wins: a country or a state that contains a city's name
        ("गिनी-बिसाऊ के नेता बिसाऊ लौटे।", [("गिनी-बिसाऊ", "country/GNB"), ("बिसाऊ", "city/bissau")]),
        ("जम्मू-कश्मीर में बर्फबारी हुई।", [("जम्मू-कश्मीर", "region/jammu-and-kashmir")]),
        ("मेक्सिको ने बयान जारी किया।", [("मेक्सिको", "country/MEX")]),
        ("हो ची मिन्ह वियतनाम के नेता थे।", [("वियतनाम", "country/VNM")]),
    ],
)
def test_longest_name_wins_over_a_city_inside_it(text, expected):
    assert [(surface, actor) for surface, actor, _ in _places(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "किसी भी सूरत में समझौता नहीं होगा।",  # सूरत: "in any case", not Surat
        "किसानों ने मक्का की फसल मंडी में बेची।",  # maize and market, not Mecca or Mandi
        "पुलिस ने फिंगरप्रिंट का मिलान किया।",  # matching, not Milan
        "घोटालेबाज करोड़ों रुपये डकार गए।",  # डकार: swallowed, not Dakar
        "यह मेरी दिली ख्वाहिश है।",  # दिली: heartfelt, not Dili
        "भारत को ओलंपिक कोटा मिला।",  # quota, not Kota
        "केंद्रीय मंत्री हरदीप सिंह पुरी ने कहा।",  # a surname, not Puri
        "कर्नल सोफिया कुरैशी ने जानकारी दी।",  # a name, not Sofia
        "अभिनेत्री सना खान ने कहा।",  # a name, not Sanaa
        "मरीज को बर्न यूनिट में भर्ती किया गया।",  # burn, not Bern
        "गांव के पोखरा में दो बच्चे डूब गए।",  # a pond, not Pokhara
        "तीर्थयात्री धर्मशाला में ठहरे।",  # a rest house, not Dharamshala
        "बदमाशों ने सरे आम गोली चलाई।",  # openly, not Surrey
        "मामला रफा-दफा कर दिया गया।",  # hushed up, not Rafah
        "वह कल सुबह घर गया।",  # went, not Gaya
        "रीगा चीनी मिल फिर चालू हुई।",  # the sugar mill in Bihar, not Riga
        "ऑकलैंड में कैलिफोर्निया के गवर्नर ने कहा।",  # Oakland as often as Auckland
    ],
)
def test_ordinary_words_and_names_do_not_link_to_a_city(text):
    assert _city_ids(text) == []


def test_a_name_two_cities_share_is_ambiguous():
    [mention] = [
        m for m in load_linker().annotate(make_doc("अमरावती में रैली हुई।")) if m.text == "अमरावती"
    ]
    assert mention.confidence == 0.5
    assert set(mention.attrs["candidates"]) == {"city/amaravati", "city/amravati"}


def test_cities_file_names_its_source_and_every_entry_is_well_formed():
    text = (DATA / "cities.yaml").read_text(encoding="utf-8")
    assert text.startswith("# source:")
    assert "time_zones" in text  # where the CLDR names come from
    actors = read_actor_file(DATA / "cities.yaml")
    ids = [a.id for a in actors]
    assert len(ids) == len(set(ids))
    for actor in actors:
        assert actor.kind == "city", actor.id
        assert re.fullmatch(r"city/[a-z0-9]+(-[a-z0-9]+)*", actor.id), actor.id
    assert len(actors) > 400


def test_every_city_is_in_a_known_country_and_every_indian_city_in_a_state():
    kb = load_kb()
    regions = {a.name for a in kb if a.kind == "region"}
    cities = [a for a in kb if a.kind == "city"]
    for city in cities:
        assert city.country is not None, city.id
        assert kb.actor(f"country/{city.country}") is not None, city.id
        if city.country == "IND":
            assert city.region in regions, city.id
        else:
            assert city.region is None, city.id


@pytest.mark.parametrize(
    ("name", "city"),
    [
        ("Kiev", "city/kyiv"),
        ("Rangoon", "city/yangon"),
        ("Kishinev", "city/chisinau"),
        ("Allahabad", "city/prayagraj"),
        ("Port Blair", "city/sri-vijaya-puram"),
        ("Saigon", "city/ho-chi-minh-city"),
        ("ताईपेई", "city/taipei"),
        ("कुआला लंपुर", "city/kuala-lumpur"),
    ],
)
def test_former_names_and_variants_find_the_city(name, city):
    assert [a.id for a in load_kb().find(name)] == [city]
