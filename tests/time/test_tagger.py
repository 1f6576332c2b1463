"""The tagger finds every expression form news uses, with exact spans and kinds."""

from __future__ import annotations

import re

import pytest

from ghatna.time import tag
from ghatna.time.tagger import (
    Reading,
    _compile_rule,
    _longest_of,
    _matches_at_word_starts,
    _spans,
    _symbol,
    _symbolic,
    load_time_rules,
    scan,
)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("प्रधानमंत्री 21 अगस्त को टोक्यो जाएंगे।", [("21 अगस्त", "DATE")]),
        ("चुनाव मार्च 2024 में हुए थे।", [("मार्च 2024", "DATE")]),
        ("2024 में व्यापार बढ़ा।", [("2024", "DATE")]),
        ("समझौता १८ नवंबर २०२५ को हुआ।", [("१८ नवंबर २०२५", "DATE")]),
        ("The talks were held on October 12, 2021 in Delhi.", [("October 12, 2021", "DATE")]),
        ("मंत्री मंगलवार को पेरिस पहुंचे।", [("मंगलवार", "DATE")]),
        ("वे सोमवार शाम को लौटे थे।", [("सोमवार शाम", "DATE")]),
        ("राष्ट्रपति शुक्रवार (3 मई) को बोले।", [("शुक्रवार (3 मई)", "DATE")]),
        ("पिछले वर्ष बैठक नहीं हुई थी।", [("पिछले वर्ष", "DATE")]),
        ("पिछले साल बाढ़ आई थी।", [("पिछले साल", "DATE")]),
        ("पिछले सप्ताह दोनों नेता मिले।", [("पिछले सप्ताह", "DATE")]),
        ("अगले महीने चुनाव होंगे।", [("अगले महीने", "DATE")]),
        ("इस वर्ष के अंत में सम्मेलन होगा।", [("इस वर्ष के अंत", "DATE")]),
        ("दो दिन पहले आग लगी थी।", [("दो दिन पहले", "DATE")]),
        ("तीन घंटे पहले ट्रेन रवाना हुई।", [("तीन घंटे पहले", "DATE")]),
        ("आज संसद में बहस हुई।", [("आज", "DATE")]),
        ("कल मंत्री से मुलाकात हुई थी।", [("कल", "DATE")]),
        ("परसों नतीजे आएंगे।", [("परसों", "DATE")]),
        ("यात्रा के तीसरे दिन वे ताशकंद गए।", [("यात्रा के तीसरे दिन", "DATE")]),
        ("दौरे के दूसरे दिन समझौते हुए।", [("दौरे के दूसरे दिन", "DATE")]),
        # a week of a month is no ordinal day of an event, but the month is still said
        ("वे अप्रैल के पहले हफ्ते में जापान जाएंगे।", [("अप्रैल", "DATE")]),
        ("जांच में छह महीने लगेंगे।", [("छह महीने", "DURATION")]),
        ("मेला 8 जून से 20 जुलाई तक चलेगा।", [("8 जून से 20 जुलाई", "DURATION")]),
        ("हर साल यहां मेला लगता है।", [("हर साल", "SET")]),
        ("शाम 6 बजे सभा शुरू हुई।", [("शाम 6 बजे", "TIME")]),
        ("दीपावली पर बाजार सजे।", [("दीपावली", "DATE")]),
        ("उसने मार्च निकाला।", []),
        ("कंपनी ने 2000 रुपये दिए।", []),
        ("वार्षिक बैठक में फैसला हुआ।", []),
    ],
)
def test_time_tag_finds_expression_forms(sentence: str, expected: list[tuple[str, str]]) -> None:
    found = tag(sentence)
    assert [(t.text, t.kind) for t in found] == expected
    assert all(sentence[t.start : t.end] == t.text for t in found)


@pytest.mark.parametrize(
    ("sentence", "reading"),
    [
        ("बैठक 21 अगस्त को होगी।", Reading(month=8, day=21)),
        ("वे मंगलवार (18 नवंबर) को पहुंचे।", Reading(month=11, day=18, weekday=1)),
        ("पिछले वर्ष बैठक टली।", Reading(shift=("year", -1))),
        ("अगले महीने चुनाव होंगे।", Reading(shift=("month", 1))),
        ("दो दिन पहले हादसा हुआ।", Reading(shift=("day", -2))),
        ("एक हफ्ते बाद नतीजे आएंगे।", Reading(shift=("week", 1))),
        ("इस वर्ष के अंत में चुनाव होंगे।", Reading(shift=("year", 0), point="end")),
        ("पिछले साल 31 जुलाई को फैसला आया।", Reading(month=7, day=31, shift=("year", -1))),
        ("परसों मैच होगा।", Reading(deictic=2)),
        ("सम्मेलन १८ नवंबर २०२५ को हुआ।", Reading(year=2025, month=11, day=18)),
        ("ढाई बजे बैठक हुई।", Reading()),
    ],
)
def test_time_scan_reads_calendar_fields(sentence: str, reading: Reading) -> None:
    assert [f.reading for f in scan(sentence)] == [reading]


@pytest.mark.parametrize(
    ("body", "starts"),
    [
        (r"(?:सोम|मंगल)वार", {"सोमव", "मंगल"}),
        (
            r"jan(?:uary)?",
            {j + a + n + u for j in "jJ" for a in "aA" for n in "nN" for u in ("", "u", "U")},
        ),
        (
            r"[0-3]?[0-9]\s*बजे",  # any digit as 0, any space as a space
            {"00  ", "00 ब", "00बज", "0   ", "0  ब", "0 बज", "0बजे"},
        ),
        (r"(?:कल)?परसों", {"कलपर", "परसो"}),
        (r"कल|आज\n?रात", {"कल", "आजरा", "आज र"}),
    ],
)
def test_time_rule_starts_are_the_first_four_characters_of_any_match(body, starts) -> None:
    assert _compile_rule("test", "DATE", body).starts == starts


@pytest.mark.parametrize(
    "body",
    [
        r"[\w]+\s+के\s+दिन",  # a category: any word character
        r"(?:\s+)?कल",  # may begin with a space
        r"[0-9]",  # one character long
        r"(?:आज)?",  # may be empty
    ],
)
def test_time_rule_without_bounded_starts_runs_over_the_whole_text(body) -> None:
    assert _compile_rule("test", "DATE", body).starts is None


@pytest.mark.parametrize(
    "text",
    [
        "बैठक 5 मार्च 2020 को सुबह 10 बजे हुई, (12-13 मार्च) दोबारा होगी।",
        "पिछले दो साल से, यानी 2018-19 से, हर सोमवार शाम 5 pm पर... Next week: January 3.",
        "(मंगलवार) कल-परसों तीसरे दिन 1990 के दशक में ५ अप्रैल तक",
        "दौरे के दूसरे दिन, यानी पहले दिन के बाद, मेले के अंतिम सप्ताह में First day",
        "उन्होंने पहले कहा था कि दूसरी बार दिन में the last word",  # an ordinal, no ordinal day
        "दो\u00a0दिन\nपहले, 5\tमार्च\r\n2020 को तीन\u2003सेकंड, सेकंड भर, आज-कल, मई\nकल",
        "कल। आज, मई 5 ईद छठ\u3000पर कल",  # two-character matches, the last ending the text
        "शाम, जून। रात 9 बजे, हर दिन, दो\tसाल पहले शाम",  # three-character matches too
    ],
)
def test_time_rules_tried_at_word_starts_find_what_finditer_finds(text) -> None:
    at_starts = _matches_at_word_starts(text)
    for rule in load_time_rules():
        everywhere = [m.span() for m in rule.pattern.finditer(text) if m.end() > m.start()]
        assert _spans(rule, text, at_starts) == everywhere, rule.name
        if rule.needs is not None:
            needed = [m.span() for m in rule.needs.pattern.finditer(text)]
            assert at_starts.get(rule.needs.name, []) == needed, rule.name


@pytest.mark.parametrize(
    "text",
    [
        "5\tमार्च\r\n२०२० को\u00a0सुबह 10:30 बजे\u2003(१२-13)\u3000\x1c x\u0660",
        "",
    ],
)
def test_time_symbolic_text_writes_each_character_as_its_symbol(text) -> None:
    assert _symbolic(text) == "".join(map(_symbol, text))


@pytest.mark.parametrize("text", ["कल", "कलप", "कलपर", "क", "कर", "x", "मई 5", "मई", ""])
def test_time_longest_of_finds_the_longest_word_the_text_begins_with(text) -> None:
    words = ["कल", "कलप", "कलपर", "कलम", "मई", "मई 0", "मई 5", "ab"]
    m = re.match(f"(?:{_longest_of(words)})", text)
    longest = max((w for w in words if text.startswith(w)), key=len, default=None)
    assert (m.group() if m is not None and m.group() else None) == longest
