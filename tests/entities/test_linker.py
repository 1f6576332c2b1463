from datetime import date

import pytest

from ghatna.document import PartialDate
from ghatna.entities import load_linker
from ghatna.entities.kb import load_kb
from ghatna.entities.linker import EntityLinker
from ghatna.entities.ner import Tagged, load_ner
from tests.conftest import make_doc
from tests.entities.conftest import role_holder


def _linked(text: str) -> list[tuple[str, str, str | None]]:
    doc = make_doc(text)
    return [(m.kind, m.text, m.actor_id) for m in load_linker().annotate(doc)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "विदेश मंत्री एस जयशंकर ने बीजिंग में वांग यी से बात की।",
            [
                ("PER", "एस जयशंकर", "person/s-jaishankar"),
                ("LOC", "बीजिंग", "city/beijing"),
                ("PER", "वांग यी", "person/wang-yi"),
            ],
        ),
        (
            "अमेरिकी राष्ट्रपति जो बाइडन ने नाटो की बैठक बुलाई।",
            [("PER", "जो बाइडन", "person/joe-biden"), ("ORG", "नाटो", "org/nato")],
        ),
        (
            "भारतीय दल ताशकंद पहुंचा।",
            [("GPE", "भारतीय", "country/IND"), ("LOC", "ताशकंद", "city/tashkent")],
        ),
        ("WHO ने चेतावनी दी, who knows why.", [("ORG", "WHO", "org/who")]),
        (
            "रूसी राजदूत ने रूस की ओर से बयान दिया।",
            [("ROLE", "रूसी राजदूत", None), ("GPE", "रूस", "country/RUS")],
        ),
        # the agency credit of a dateline is the agency, not a new organisation
        (
            "वॉशिंगटन, 2 अगस्त (एपी)।",
            [("LOC", "वॉशिंगटन", "city/washington"), ("ORG", "एपी", "agency/ap")],
        ),
        # the US foreign ministry is a department
        (
            "अमेरिकी विदेश विभाग ने बयान जारी किया।",
            [("ORG", "अमेरिकी विदेश विभाग", "org/us-state-department")],
        ),
        # two aliases of one man that overlap (मुख्यमंत्री योगी, योगी आदित्यनाथ) are one mention
        (
            "गोरखपुर में मुख्यमंत्री योगी आदित्यनाथ ने जनसभा की।",
            [
                ("LOC", "गोरखपुर", "city/gorakhpur"),
                ("PER", "मुख्यमंत्री योगी आदित्यनाथ", "person/yogi-adityanath"),
            ],
        ),
    ],
)
def test_entities_gazetteer_links_names(text, expected):
    assert _linked(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("बैठक के बाद लारोव ने पत्रकारों से कहा।", ("PER", "लारोव", "person/sergey-lavrov")),
        ("बैठक के बाद लावरोफ ने पत्रकारों से कहा।", ("PER", "लावरोफ", "person/sergey-lavrov")),
        ("इस पर पशिन्यान ने जवाब दिया।", ("PER", "पशिन्यान", "person/nikol-pashinyan")),
    ],
)
def test_entities_typos_link_to_the_known_person(text, expected):
    assert expected in _linked(text)


@pytest.mark.parametrize(
    ("text", "not_linked_to"),
    [
        ("सर्गेई लावरेंटिएव ने मास्को में कहा।", "person/sergey-lavrov"),
        ("मंदिर में मोदक का भोग लगाया गया।", "person/narendra-modi"),
        ("जयशंकर प्रसाद की कविता कामायनी प्रसिद्ध है।", "person/s-jaishankar"),
        ("शिवशंकर मेनन ने किताब लिखी।", "person/s-jaishankar"),
        # a given name two letters away before a shared surname is another man
        ("अभिनेता रमेश कुमार ने फिल्म की शूटिंग शुरू की।", "person/raveesh-kumar"),
    ],
)
def test_entities_near_miss_names_do_not_merge(text, not_linked_to):
    assert not_linked_to not in [actor for _, _, actor in _linked(text)]


@pytest.mark.parametrize(
    ("text", "name", "actor"),
    [
        (
            "तमिलनाडु के मुख्यमंत्री के पलानीस्वामी ने चेन्नई में अधिकारियों से बात की।",
            "पलानीस्वामी",
            "person/edappadi-k-palaniswami",
        ),
        ("कल एस. जयशंकर मॉस्को पहुंचे।", "जयशंकर", "person/s-jaishankar"),
    ],
)
def test_entities_initials_before_a_kb_surname_keep_its_link(text, name, actor):
    # however the NER model spans the initials, the name stays linked to the KB person
    found = [a for kind, surface, a in _linked(text) if kind == "PER" and name in surface]
    assert found == [actor]


def test_entities_role_before_name_is_recorded_on_the_name():
    doc = make_doc("रूस के उप प्रधानमंत्री अलेक्सांद्र नोवाक ने दिल्ली में कहा।")
    person = [m for m in load_linker().annotate(doc) if m.kind == "PER"][0]
    assert (
        person.text,
        person.actor_id,
        person.attrs["country"],
        person.attrs["role"]["office"],
    ) == (
        "अलेक्सांद्र नोवाक",
        "provisional/per/aleksandra-novak",
        "RUS",
        "deputy_prime_minister",
    )


def test_entities_mentions_never_overlap():
    doc = make_doc("विदेश मंत्री डॉ. एस. जयशंकर ने अपने रूसी समकक्ष सर्गेई लावरोव से मॉस्को में मुलाकात की।")
    mentions = load_linker().annotate(doc)
    ends = [(m.start, m.end) for m in mentions]
    assert all(a[1] <= b[0] for a, b in zip(ends, ends[1:], strict=False))
    assert all(doc.text[m.start : m.end] == m.text for m in mentions)


@pytest.mark.parametrize(
    ("text", "when", "expected"),
    [
        (
            "रूस के विदेश मंत्री ने बयान जारी किया।",
            PartialDate.from_date(date(2021, 4, 6)),
            "person/sergey-lavrov",
        ),
        (
            "भारत के विदेश मंत्री ने बयान जारी किया।",
            PartialDate.from_date(date(2017, 3, 1)),
            "person/sushma-swaraj",
        ),
        ("भारत के विदेश मंत्री ने बयान जारी किया।", PartialDate("2021", "year"), "person/s-jaishankar"),
        ("अमेरिका के राष्ट्रपति ने कहा।", PartialDate("2021", "year"), None),
        (
            "जयशंकर ने अपने रूसी समकक्ष से मुलाकात की। रूसी समकक्ष ने कहा।",
            PartialDate("2021-10", "month"),
            "person/sergey-lavrov",
        ),
    ],
)
def test_entities_roles_resolve_at_document_date(text, when, expected):
    assert role_holder(text, when).actor_id == expected


def test_entities_ambiguous_role_keeps_candidates():
    role = role_holder("अमेरिका के राष्ट्रपति ने कहा।", PartialDate("2021", "year"))
    assert role.attrs["candidates"] == ["person/donald-trump", "person/joe-biden"]


@pytest.mark.parametrize(
    ("text", "when", "expected"),
    [
        (
            "कर्नाटक के मुख्यमंत्री ने बेंगलुरु में बाढ़ पर बैठक की।",
            PartialDate.from_date(date(2020, 3, 10)),
            "person/bs-yediyurappa",
        ),
        (
            "तमिलनाडु के मुख्यमंत्री ने चेन्नई में घोषणा की।",
            PartialDate.from_date(date(2022, 1, 5)),
            "person/mk-stalin",
        ),
        (
            "दिल्ली के मुख्यमंत्री ने उपराज्यपाल से मुलाकात की।",
            PartialDate.from_date(date(2016, 8, 1)),
            "person/arvind-kejriwal",
        ),
        (
            "गुजरात में नए नियम लागू हुए। मुख्यमंत्री ने अधिकारियों से बात की।",
            PartialDate.from_date(date(2019, 2, 1)),
            "person/vijay-rupani",
        ),
        (
            "बिहार और झारखंड के दौरे के बाद मुख्यमंत्री ने कहा।",
            PartialDate.from_date(date(2019, 2, 1)),
            None,
        ),
        (
            "इस्लामाबाद से खबर है कि पंजाब के मुख्यमंत्री ने बाढ़ पर बैठक की।",
            PartialDate.from_date(date(2019, 2, 1)),
            None,
        ),
    ],
)
def test_entities_chief_minister_is_resolved_in_the_state_the_text_names(text, when, expected):
    assert role_holder(text, when).actor_id == expected


def test_entities_state_before_a_regional_office_is_its_region():
    role = role_holder("उत्तर प्रदेश के मुख्यमंत्री ने कहा।", PartialDate.from_date(date(2018, 1, 1)))
    assert role.attrs["region"] == "Uttar Pradesh"
    assert role.actor_id == "person/yogi-adityanath"


def _people(text: str) -> list[tuple[str, str | None, str | None]]:
    doc = make_doc(text)
    return [
        (m.text, m.actor_id, m.attrs.get("name"))
        for m in load_linker().annotate(doc)
        if m.kind == "PER"
    ]


def test_entities_provisional_person_has_one_id_whatever_the_title():
    # Made-up people and sentences; two outlets name the same person differently.
    first = _people("मुख्यमंत्री रमाकांत पटवर्धन ने कहा कि स्कूल बंद रहेंगे।")
    second = _people("रमाकांत पटवर्धन जी ने कहा कि स्कूल बंद रहेंगे।")
    third = _people("कांग्रेस नेता रमाकांत पटवर्धन ने बैठक बुलाई।")
    ids = {p[1] for p in first + second + third}
    assert ids == {"provisional/per/ramakant-patvardhan"}
    assert {p[2] for p in first + second + third} == {"Ramakant Patvardhan"}


def _countries(text: str) -> dict[str, str | None]:
    doc = make_doc(text)
    return {m.text: m.attrs.get("country") for m in load_linker().annotate(doc) if m.kind == "PER"}


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # a demonym, a country or a party before a description that ends in a title
        ("अमेरिकी प्रतिनिधि सभा की अध्यक्ष नैन्सी पेलोसी ने ताइवान की यात्रा की।", "नैन्सी पेलोसी", "USA"),
        ("चीन के डॉक्टर ली वेनलियांग ने चेतावनी दी थी।", "ली वेनलियांग", "CHN"),
        ("पाकिस्तान के पूर्व कप्तान शाहिद अफरीदी ने मदद की।", "शाहिद अफरीदी", "PAK"),
        ("भाजपा नेता सुधांशु त्रिवेदी ने कहा कि जांच होगी।", "सुधांशु त्रिवेदी", "IND"),
        # where he came from, or whom he met, is not whose he is
        ("चीन से लौटे अभिनेता रमेश कुमार ने कहा कि वह ठीक हैं।", "रमेश कुमार", None),
        ("जापान में पत्रकार रमेश कुमार ने कहा कि वह ठीक हैं।", "रमेश कुमार", None),
        # any country has a health ministry, whatever body the KB links the words to
        ("तेहरान में स्वास्थ्य मंत्रालय के प्रवक्ता अली रजाई ने आंकड़े बताए।", "अली रजाई", None),
    ],
)
def test_entities_unknown_person_takes_the_country_of_the_description_before_the_name(
    text, name, country
):
    assert _countries(text)[name] == country


def test_entities_country_said_once_holds_for_every_mention_of_the_person():
    found = _countries(
        "जर्मनी की चांसलर की सलाहकार क्लाउडिया म्यूलर ने योजना बताई। "
        "बाद में क्लाउडिया म्यूलर ने कहा कि म्यूलर से सवाल पूछे जाएं।"
    )
    assert found == {"क्लाउडिया म्यूलर": "DEU", "म्यूलर": "DEU"}


def test_entities_described_country_keeps_the_words_that_said_it():
    text = "चीन के डॉक्टर ली वेनलियांग ने चेतावनी दी थी।"
    (person,) = [m for m in load_linker().annotate(make_doc(text)) if m.kind == "PER"]
    start, end = person.attrs["country_span"]
    assert (person.attrs["country"], text[start:end]) == ("CHN", "चीन")


def test_entities_provisional_people_with_one_surname_stay_distinct():
    found = _people("विधायक सुधीर भार्गव और विधायक सुधा भार्गव ने कहा। भार्गव ने यह भी कहा।")
    ids = [p[1] for p in found]
    assert ids[:2] == ["provisional/per/sudhir-bhargav", "provisional/per/sudha-bhargav"]
    # the bare surname could be either of them: it is not merged into the first one
    assert ids[2] not in ids[:2]


def test_entities_bare_surname_is_the_person_named_before():
    found = _people("सुनील वर्मा ने बताया कि जांच होगी। वर्मा ने कहा कि रिपोर्ट आएगी।")
    assert [(p[1], p[2]) for p in found] == [("provisional/per/sunil-varma", "Sunil Varma")] * 2


def test_entities_bare_surname_of_a_kb_person_named_before_is_that_person():
    # "सिंह" alone could be any of the KB's Singhs; after "राजनाथ सिंह" it is him
    text = "राजनाथ सिंह टोक्यो जाएंगे। वहां सिंह और जयशंकर जापानी मंत्रियों से मिलेंगे।"
    singh = [m for m in load_linker().annotate(make_doc(text)) if m.text == "सिंह"]
    assert [(m.actor_id, m.rule) for m in singh] == [("person/rajnath-singh", "surname")]


def test_entities_bare_surname_after_a_role_and_a_title_is_that_person():
    # named through an office phrase, with "शेख" (a title) before the surname
    text = "बांग्लादेश की प्रधानमंत्री शेख हसीना दिल्ली पहुंचीं। हसीना ने कहा कि संबंध मजबूत हैं।"
    found = [
        (m.actor_id, m.rule) for m in load_linker().annotate(make_doc(text)) if m.text == "हसीना"
    ]
    assert found == [("person/sheikh-hasina", "surname")]


def test_entities_bare_surname_of_two_kb_people_named_before_stays_unlinked_to_either():
    text = "राजनाथ सिंह और मनमोहन सिंह मंच पर थे। बाद में सिंह ने भाषण दिया।"
    found = [m.actor_id for m in load_linker().annotate(make_doc(text)) if m.text == "सिंह"]
    assert not set(found) & {"person/rajnath-singh", "person/manmohan-singh"}


def _parts(text: str, word: str) -> list[tuple[str | None, str]]:
    """(actor, rule) of each mention of ``word`` alone in ``text``."""
    return [(m.actor_id, m.rule) for m in load_linker().annotate(make_doc(text)) if m.text == word]


def test_entities_given_name_in_a_headline_is_the_person_named_in_full_below():
    # Hindi papers call many politicians by the given name, often in the headline
    text = (
        "अखिलेश ने सरकार पर साधा निशाना।"
        " समाजवादी पार्टी के अध्यक्ष अखिलेश यादव ने सोमवार को कन्नौज में कहा कि किसान परेशान हैं।"
    )
    assert _parts(text, "अखिलेश") == [("person/akhilesh-yadav", "given-name")]


def test_entities_given_name_of_a_kb_person_known_by_title_and_name():
    # named as "सीएम योगी" (a KB alias) only: the Hindi name in the KB gives the parts
    text = "सीएम योगी ने गोरखपुर में जनता दरबार लगाया। बाद में योगी ने अफसरों से बात की।"
    assert _parts(text, "योगी") == [("person/yogi-adityanath", "given-name")]


def test_entities_surname_before_the_full_name_of_a_provisional_person():
    text = "वर्मा बोले, जांच होगी। पुलिस अधीक्षक सुनील वर्मा ने बताया कि जांच होगी।"
    assert _parts(text, "वर्मा") == [("provisional/per/sunil-varma", "surname")]


def test_entities_given_name_two_people_share_stays_unlinked_to_either():
    text = "सुनील वर्मा और सुनील तिवारी मंच पर थे। बाद में सुनील ने भाषण दिया।"
    found = _parts(text, "सुनील")
    assert not {a for a, _ in found} & {
        "provisional/per/sunil-varma",
        "provisional/per/sunil-tivari",
    }


def test_entities_a_common_word_in_a_kb_name_is_no_name_alone():
    # "जो" is the given name of जो बाइडन and, far more often, a relative pronoun
    text = "जो बाइडन ने बयान दिया। जो भी फैसला होगा, सबको बताया जाएगा। बाइडन ने यह भी कहा।"
    assert _parts(text, "जो") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # India's ministry is known by the generic name; another country's is that country
        ("पाकिस्तान के विदेश मंत्रालय ने बयान जारी किया।", ("पाकिस्तान के विदेश मंत्रालय", "country/PAK")),
        ("नेपाली विदेश मंत्रालय ने बयान जारी किया।", ("नेपाली विदेश मंत्रालय", "country/NPL")),
        # India's own stays the ministry
        ("भारत के विदेश मंत्रालय ने बयान जारी किया।", ("विदेश मंत्रालय", "org/mea-india")),
    ],
)
def test_entities_a_generic_national_body_of_another_country_is_that_country(text, expected):
    found = [(m.text, m.actor_id) for m in load_linker().annotate(make_doc(text))]
    assert found[-1] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the seat of an office is a body, not the office-holder
        ("राष्ट्रपति भवन में समारोह हुआ।", ("ORG", "राष्ट्रपति भवन", "org/rashtrapati-bhavan")),
        ("व्हाइट हाउस ने बयान जारी किया।", ("ORG", "व्हाइट हाउस", "org/white-house")),
        ("क्रेमलिन ने दावे का खंडन किया।", ("ORG", "क्रेमलिन", "org/kremlin")),
    ],
)
def test_entities_seat_of_government_is_not_its_office_holder(text, expected):
    assert _linked(text)[0] == expected


def test_entities_office_word_at_the_start_of_a_crf_name_becomes_the_role():
    # The CRF tags "पीएम रमेश चंद्र" as one name; "पीएम" is an office phrase.
    doc = make_doc("पीएम रमेश चंद्र ने कहा।")
    person = [m for m in load_linker().annotate(doc) if m.kind == "PER"]
    assert [(m.text, m.actor_id) for m in person] == [("रमेश चंद्र", "provisional/per/ramesh-chandra")]
    assert person[0].attrs["role"]["text"] == "पीएम"


@pytest.mark.parametrize(
    "text",
    ["", "विदेश मंत्री डॉ. एस. जयशंकर ने कहा।", "WHO, UN और 5-6 मार्च (2020) को — ठीक!"],
)
def test_entities_linker_tokens_equal_ner_tokenize(text):
    from ghatna.entities.linker import _Tokens
    from ghatna.entities.ner import tokenize

    padded = "x " + text + " y"
    tokens = _Tokens(padded, 2, 2 + len(text))
    got = [(w, s, e) for w, (s, e) in zip(tokens.words, tokens.spans, strict=True)]
    assert got == [(t.text, t.start, t.end) for t in tokenize(text, 2)]


def test_entities_a_guessed_state_keeps_the_words_it_came_from():
    text = "गुजरात में नए नियम लागू हुए। मुख्यमंत्री ने अधिकारियों से बात की।"
    role = role_holder(text, PartialDate.from_date(date(2019, 2, 1)))
    assert role.attrs["region_inferred"] == "Gujarat"
    assert text[slice(*role.attrs["region_span"])] == "गुजरात"


def test_entities_a_named_chief_minister_outranks_the_state_of_the_story():
    # Yogi Adityanath (Uttar Pradesh) visiting Gujarat is still the one "मुख्यमंत्री"
    role = role_holder(
        "मुख्यमंत्री योगी आदित्यनाथ सोमवार को गुजरात पहुंचे। मुख्यमंत्री ने निवेशकों से कहा।",
        PartialDate.from_date(date(2019, 2, 1)),
    )
    assert role.actor_id == "person/yogi-adityanath"
    assert "region_inferred" not in role.attrs


def test_entities_a_region_given_by_a_role_phrase_counts_as_a_state_of_the_story():
    # Delhi (through "दिल्ली के मुख्यमंत्री") and Maharashtra: two states, no guess
    role = role_holder(
        "महाराष्ट्र में बारिश हुई। दिल्ली के मुख्यमंत्री ने कहा। मुख्यमंत्री ने फिर कहा।",
        PartialDate.from_date(date(2019, 2, 1)),
    )
    assert role.actor_id is None


def test_entities_of_two_named_chief_ministers_the_one_named_last_before_is_meant():
    text = (
        "महाराष्ट्र के मुख्यमंत्री उद्धव ठाकरे ने कहा कि दफ्तर बंद रहेंगे। "
        "मुख्यमंत्री ने बसें बंद करने से इनकार किया। "
        "वहीं दिल्ली के मुख्यमंत्री अरविंद केजरीवाल ने मॉल बंद किए।"
    )
    role = role_holder(text, PartialDate.from_date(date(2020, 3, 20)))
    assert role.actor_id == "person/uddhav-thackeray"


class _DotTagger:
    """An NER model that tags the first three words of a sentence as one person,
    marginal 1."""

    featurizer = load_ner().featurizer

    def tag_sentences(self, sentences):
        tags = [["B-PER", "I-PER", "I-PER", *["O"] * (len(w) - 3)] for w in sentences]
        return [Tagged(t, [1.0] * len(t)) for t in tags]


def test_entities_ner_names_lose_punctuation_at_their_edges():
    linker = EntityLinker(load_kb(), _DotTagger())
    mentions = linker.annotate(make_doc(". मेहता ) ने कहा।"))
    assert [(m.kind, m.text) for m in mentions] == [("PER", "मेहता")]


def test_entities_a_given_name_that_is_a_hindi_word_stays_in_the_name():
    # the model leaves out "जीना" (to live) and takes only the surname after the office
    text = "कनाडा की स्वास्थ्य मंत्री जीना हार्टमैन ने टीकों पर बात की।"
    (person,) = [m for m in load_linker().annotate(make_doc(text)) if m.kind == "PER"]
    assert (person.text, person.attrs["country"]) == ("जीना हार्टमैन", "CAN")
    assert person.attrs["role"]["title"] == "Minister of Health"


def test_entities_a_word_that_stands_after_an_office_in_its_own_right_is_no_given_name():
    linked = _linked("जापान के रक्षा मंत्री रहे तनाबे ने कहा।")
    assert ("PER", "तनाबे", "provisional/per/tanabe") in linked


class _ScriptedTagger:
    """An NER model that tags the words it is told to, one mapping per sentence."""

    featurizer = load_ner().featurizer

    def __init__(self, *tagged: dict[str, str]) -> None:
        self.tagged = tagged

    def tag_sentences(self, sentences):
        pairs = zip(sentences, self.tagged, strict=True)
        tags = [[said.get(w, "O") for w in words] for words, said in pairs]
        return [Tagged(t, [1.0] * len(t)) for t in tags]


def test_entities_a_titled_persons_surname_tagged_as_a_place_is_that_person():
    text = "कनाडा की स्वास्थ्य मंत्री जीना हार्टमैन ने गोयल से मुलाकात की। हार्टमैन चार दिन की भारत यात्रा पर हैं।"
    tagger = _ScriptedTagger({"हार्टमैन": "B-PER"}, {"हार्टमैन": "B-LOC"})
    mentions = EntityLinker(load_kb(), tagger).annotate(make_doc(text))
    assert [(m.kind, m.text, m.actor_id) for m in mentions if m.text.endswith("हार्टमैन")] == [
        ("PER", "जीना हार्टमैन", "provisional/per/jina-hartamain"),
        ("PER", "हार्टमैन", "provisional/per/jina-hartamain"),
    ]


def test_entities_an_office_the_article_gave_someone_the_kb_lacks_is_them():
    text = (
        "कनाडा की स्वास्थ्य मंत्री जीना हार्टमैन ने टीकों पर बात की।"
        " कनाडाई स्वास्थ्य मंत्री ने कहा कि टीके जल्द आएंगे।"
    )
    role = role_holder(text, PartialDate.from_date(date(2024, 5, 2)))
    assert (role.actor_id, role.attrs["named_in_text"]) == ("provisional/per/jina-hartamain", True)
