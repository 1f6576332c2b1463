"""Taxonomy topics: the subjects a sentence is about, from word prefixes in
``data/topics.yaml`` (`taxonomy_topics` returns the labels in order of first occurrence).

Each label added for foreign-policy and political news has sentences that must get it
and near misses that must not: a word that looks like one of its prefixes, or the
same word in another sense (सीमा as "limit" or a name, दवाओं का छिड़काव, धारा 370 of
the penal code).
"""

from __future__ import annotations

import pytest

from ghatna.events.lexicon import load_lexicon
from ghatna.events.topics import taxonomy_topics

NEW_LABELS = (
    "border",
    "agriculture",
    "food",
    "education",
    "tourism",
    "culture",
    "maritime",
    "water sharing",
    "visas",
    "diaspora",
    "finance",
    "infrastructure",
    "narcotics",
    "cyber",
    "fertilisers",
    "pharmaceuticals",
    "Ukraine conflict",
    "Israel-Palestine",
    "ceasefire",
    "peace process",
    "sanctions",
    "elections",
    "UN Security Council",
    "human rights",
    "corruption",
    "citizenship",
    "Article 370",
    "protests",
    "evacuation",
    "disaster management",
    "critical minerals",
    "supply chains",
    "development partnership",
)

FOUND = [
    # border
    ("दोनों विदेश मंत्रियों ने सीमा विवाद को बातचीत से सुलझाने पर सहमति जताई।", ["border"]),
    ("सेना प्रमुख ने एलएसी पर तैनात जवानों से मुलाकात की।", ["defence", "border"]),
    ("नेपाल से सटे सीमावर्ती जिलों में चौकसी बढ़ा दी गई है।", ["border"]),
    ("विशेष प्रतिनिधियों ने सीमा प्रश्न पर एक और दौर की वार्ता की।", ["border"]),
    ("बीएसएफ ने अंतरराष्ट्रीय सीमा के पास एक ड्रोन मार गिराया।", ["border"]),
    ("दोनों राज्यों ने अपनी सीमाएं सील कर दीं।", ["border"]),
    ("सीमा सुरक्षा बल के महानिदेशक ढाका पहुंचे।", ["border"]),
    # agriculture, food
    (
        "दोनों पक्षों ने कृषि अनुसंधान और किसानों के प्रशिक्षण में सहयोग पर चर्चा की।",
        ["agriculture"],
    ),
    ("बैठक में खाद्य सुरक्षा और उर्वरकों की आपूर्ति पर बात हुई।", ["food", "fertilisers"]),
    ("सरकार ने कहा कि गोदामों में पर्याप्त अनाज है।", ["food"]),
    # education, tourism, culture
    (
        "दोनों देशों ने उच्च शिक्षा में सहयोग और छात्रवृत्तियों की संख्या बढ़ाने पर सहमति जताई।",
        ["education"],
    ),
    ("मंत्री ने कहा कि दोनों देशों के बीच पर्यटन को बढ़ावा दिया जाएगा।", ["tourism"]),
    ("इस अवसर पर सांस्कृतिक आदान-प्रदान कार्यक्रम पर हस्ताक्षर हुए।", ["culture"]),
    # maritime, water sharing
    (
        "भारत और फ्रांस ने हिंद महासागर में समुद्री सुरक्षा पर साझा रणनीति अपनाई।",
        ["maritime", "security"],
    ),
    ("दोनों प्रधानमंत्रियों ने तीस्ता नदी के जल बंटवारे पर बात की।", ["water sharing"]),
    ("गंगा जल बँटवारे की संधि की अवधि बढ़ाने पर विचार हुआ।", ["water sharing"]),
    # visas, diaspora
    ("भारत ने दोनों देशों के नागरिकों के लिए ई-वीज़ा सुविधा बहाल कर दी।", ["visas"]),
    ("प्रधानमंत्री ने सिडनी में प्रवासी भारतीयों को संबोधित किया।", ["diaspora"]),
    ("विदेश मंत्री ने भारतीय मूल के सांसदों से मुलाकात की।", ["diaspora"]),
    # finance
    (
        "दोनों देश स्थानीय मुद्राओं में व्यापार और भुगतान प्रणालियों को जोड़ने पर सहमत हुए।",
        ["finance", "trade"],
    ),
    # infrastructure, narcotics, cyber
    ("भारत पड़ोसी देश में बुनियादी ढाँचे की परियोजनाओं के लिए मदद देगा।", ["infrastructure"]),
    (
        "दोनों देशों की एजेंसियां मादक पदार्थों की तस्करी रोकने के लिए मिलकर काम करेंगी।",
        ["narcotics"],
    ),
    (
        "बैठक में साइबर अपराध और आतंकवाद के वित्तपोषण पर चर्चा हुई।",
        ["cyber", "terrorism", "finance"],
    ),
    # fertilisers, pharmaceuticals
    ("रूस से यूरिया और डीएपी के आयात पर समझौता हुआ।", ["fertilisers", "trade"]),
    (
        "भारतीय दवा कंपनियों ने अफ्रीकी देशों को जेनेरिक दवाओं की आपूर्ति बढ़ाई।",
        ["pharmaceuticals"],
    ),
    # conflicts, peace
    ("मोदी ने जेलेंस्की से यूक्रेन युद्ध को जल्द खत्म करने की अपील की।", ["Ukraine conflict"]),
    ("रूस-यूक्रेन संघर्ष का असर खाद्य तेल की कीमतों पर पड़ा।", ["Ukraine conflict", "food"]),
    ("भारत ने गाज़ा के लोगों के लिए मानवीय सहायता भेजी।", ["Israel-Palestine", "humanitarian aid"]),
    (
        "सैन्य अधिकारियों ने नियंत्रण रेखा पर संघर्षविराम का पालन करने पर सहमति जताई।",
        ["defence", "border", "ceasefire"],
    ),
    ("दोनों पक्षों के बीच सीज़फ़ायर की घोषणा हुई।", ["ceasefire"]),
    ("नेताओं ने अफगान शांति प्रक्रिया पर विचार साझा किए।", ["peace process"]),
    ("रूस पर लगे पश्चिमी प्रतिबंधों के बावजूद दोनों देशों का व्यापार बढ़ा।", ["sanctions", "trade"]),
    ("अमेरिका ने काट्सा के तहत छूट देने पर विचार किया।", ["sanctions"]),
    # Indian politics
    (
        "निर्वाचन आयोग ने पांच राज्यों में विधानसभा चुनाव की तारीखों की घोषणा की।",
        ["elections"],
    ),
    (
        "दोनों नेताओं ने संयुक्त राष्ट्र सुरक्षा परिषद में सुधार की जरूरत पर जोर दिया।",
        ["UN Security Council"],
    ),
    (
        "रूस ने सुरक्षा परिषद में स्थायी सदस्यता के लिए भारत की दावेदारी का समर्थन किया।",
        ["UN Security Council"],
    ),
    ("यूरोपीय संघ ने मानवाधिकार संवाद की अगली बैठक दिल्ली में करने का प्रस्ताव रखा।", ["human rights"]),
    ("विपक्ष ने रक्षा सौदे में घोटाले और भ्रष्टाचार के आरोप लगाए।", ["defence", "corruption"]),
    (
        "नागरिकता संशोधन कानून के खिलाफ प्रदर्शनकारियों ने धरना दिया।",
        ["citizenship", "protests"],
    ),
    ("जम्मू-कश्मीर से अनुच्छेद 370 हटने के बाद पहला चुनाव हुआ।", ["Article 370", "elections"]),
    ("धारा ३७० हटाने के फैसले पर पाकिस्तान ने आपत्ति जताई।", ["Article 370"]),
    # evacuation, disasters, minerals, supply chains, development partnership
    (
        "सरकार ने सूडान में फंसे भारतीयों की सुरक्षित निकासी के लिए नौसेना का जहाज भेजा।",
        ["evacuation", "defence"],
    ),
    ("दोनों देशों ने आपदा प्रबंधन में सहयोग के समझौते पर हस्ताक्षर किए।", ["disaster management"]),
    (
        "ऑस्ट्रेलिया के साथ महत्वपूर्ण खनिजों की आपूर्ति श्रृंखला पर समझौता हुआ।",
        ["critical minerals", "supply chains"],
    ),
    ("भारत ने श्रीलंका को पचास करोड़ डॉलर की लाइन ऑफ क्रेडिट दी।", ["development partnership"]),
    # words added to labels of the first version
    ("दोनों देशों की नौसेनाओं ने संयुक्त अभ्यास किया।", ["defence"]),
    ("कतर से एलएनजी और पेट्रोलियम उत्पादों की आपूर्ति पर बात हुई।", ["energy"]),
    ("दोनों नेताओं ने कोविड के बाद अर्थव्यवस्था को पटरी पर लाने पर बात की।", ["health", "economy"]),
    ("ताइवान की कंपनी भारत में सेमीकंडक्टर संयंत्र लगाएगी।", ["technology"]),
    ("अंतरराष्ट्रीय उत्तर-दक्षिण परिवहन गलियारे पर काम तेज होगा।", ["connectivity"]),
]

MISSED = [
    # सीमा is also "limit" and a name; only border phrases count
    ("बैंक ने नकद निकासी की सीमा बढ़ाकर पचास हजार रुपये कर दी।", "border"),
    ("चुनाव आयोग ने उम्मीदवारों के खर्च की सीमा तय की।", "border"),
    ("सीमा ने राज्य स्तरीय प्रतियोगिता में स्वर्ण पदक जीता।", "border"),
    ("आवेदन की समय सीमा तीस जून तक बढ़ाई गई।", "border"),
    ("उन्होंने अपनी सीमाओं को पहचान कर काम किया।", "border"),
    ("बॉर्डर-गावस्कर ट्रॉफी का पहला टेस्ट पर्थ में खेला जाएगा।", "border"),
    ("मंत्री ने कृष्णा जिले में जनसभा को संबोधित किया।", "agriculture"),
    ("किसानों को खाद समय पर नहीं मिली।", "food"),
    ("यूक्रेन में फंसे भारतीय छात्रों को निकालने के लिए विशेष उड़ानें भेजी गईं।", "education"),
    ("पर्यावरण मंत्री ने प्रदूषण पर बैठक बुलाई।", "tourism"),
    ("विश्वविद्यालय में संस्कृत विभाग खोला गया।", "culture"),
    ("मुख्यमंत्री ने सागर जिले में रोड शो किया।", "maritime"),
    ("तीस्ता सीतलवाड़ को अदालत से जमानत मिली।", "water sharing"),
    ("मंत्री ने विजाग बंदरगाह का दौरा किया।", "visas"),
    ("प्रवासी मजदूरों के लिए विशेष ट्रेनें चलाई गईं।", "diaspora"),
    ("उन्होंने कहा कि शिक्षा में भारतीय मूल्यों को जगह मिलनी चाहिए।", "diaspora"),
    ("योग की इस मुद्रा में पीठ सीधी रखें।", "finance"),
    ("मजदूरों को वेतन का भुगतान नहीं हुआ।", "finance"),
    ("रेलवे स्टेशन पर यात्रियों की भीड़ उमड़ी।", "infrastructure"),
    ("ड्रग इंस्पेक्टर ने मेडिकल स्टोर की जांच की।", "narcotics"),
    ("मुख्यमंत्री ने छात्राओं को साइकिलें बांटीं।", "cyber"),
    ("मिट्टी की उर्वरता बनाए रखना जरूरी है।", "fertilisers"),
    ("नगर निगम ने मच्छरों से बचाव के लिए दवाओं का छिड़काव कराया।", "pharmaceuticals"),
    ("उन्होंने अपने फार्म हाउस पर बैठक की।", "pharmaceuticals"),
    ("यूक्रेन से आए प्रतिनिधिमंडल ने कृषि मंत्री से मुलाकात की।", "Ukraine conflict"),
    ("गाजियाबाद में मुख्यमंत्री का रोड शो हुआ।", "Israel-Palestine"),
    ("किसानों ने अपना संघर्ष जारी रखने का एलान किया।", "ceasefire"),
    ("शांति विहार में रहने वाली शांति देवी ने शिकायत दर्ज कराई।", "peace process"),
    ("प्रशासन ने पटाखों की बिक्री पर प्रतिबंध लगा दिया।", "sanctions"),
    ("सरकार के सामने महंगाई बड़ी चुनौती है।", "elections"),
    ("राष्ट्रीय सुरक्षा परिषद की बैठक में आंतरिक हालात पर चर्चा हुई।", "UN Security Council"),
    ("मानव संसाधन विकास मंत्रालय ने नई योजना शुरू की।", "human rights"),
    ("पार्टी ने अपना घोषणापत्र जारी किया।", "corruption"),
    ("विदेश में रह रहे भारतीय नागरिकों को परामर्श जारी हुआ।", "citizenship"),
    ("पुलिस ने आरोपी पर धारा 370 के तहत मानव तस्करी का मामला दर्ज किया।", "Article 370"),
    ("फिल्म में अभिनेता के प्रदर्शन की सराहना हुई।", "protests"),
    ("बारिश के बाद पानी की निकासी न होने से सड़कें डूब गईं।", "evacuation"),
    ("विपक्ष ने इस फैसले पर आपत्ति जताई।", "disaster management"),
    ("जिला खनिज विभाग ने अवैध खनन पर जुर्माना लगाया।", "critical minerals"),
    ("गर्मी में बिजली आपूर्ति बाधित रही।", "supply chains"),
    ("गांव के विकास के लिए सहायता राशि जारी हुई।", "development partnership"),
    ("स्वतंत्रता सेनानियों को सम्मानित किया गया।", "defence"),
    ("पुलिस ने भीड़ पर आंसू गैस के गोले छोड़े।", "energy"),
    ("तेलंगाना के मुख्यमंत्री ने बैठक बुलाई।", "energy"),
    ("सत्ता के गलियारों में चर्चा है कि मंत्रिमंडल बदलेगा।", "connectivity"),
]


@pytest.mark.parametrize(("text", "topics"), FOUND)
def test_events_topics_found_in_sentence(text: str, topics: list[str]) -> None:
    assert taxonomy_topics(text) == topics


@pytest.mark.parametrize(("text", "label"), MISSED)
def test_events_topics_near_miss_gets_no_label(text: str, label: str) -> None:
    assert label not in taxonomy_topics(text)


@pytest.mark.parametrize(
    ("text", "topics"),
    [
        (
            "दोनों नेताओं ने पूर्वी लद्दाख में वास्तविक नियंत्रण रेखा पर तनाव कम करने के उपायों पर चर्चा की",
            ["border"],
        ),
        ("सीमा विवाद पर हुई चर्चा", ["border"]),
    ],
)
def test_events_topics_border_sentences_that_had_no_topic(text: str, topics: list[str]) -> None:
    assert taxonomy_topics(text) == topics


@pytest.mark.parametrize(
    ("text", "topics"),
    [
        # a longer prefix at the same word wins over the label of its first word
        ("राज्य में खाद्य सुरक्षा कानून लागू हुआ।", ["food"]),
        ("प्रवासी भारतीय दिवस पर सम्मेलन हुआ।", ["diaspora"]),
        ("ईरान पर आर्थिक प्रतिबंध कड़े किए गए।", ["sanctions"]),
        # ...but the words after it are still read
        ("ऊर्जा सुरक्षा और समुद्री सहयोग पर बात हुई।", ["energy", "security", "maritime"]),
    ],
)
def test_events_topics_longest_prefix_wins(text: str, topics: list[str]) -> None:
    assert taxonomy_topics(text) == topics


def test_events_topics_every_new_label_has_examples_both_ways() -> None:
    labels = {label for label, _ in load_lexicon().topics}
    found = {label for _, topics in FOUND for label in topics}
    missed = {label for _, label in MISSED}
    assert [label for label in NEW_LABELS if label not in labels] == []
    assert [label for label in NEW_LABELS if label not in found or label not in missed] == []
