"""Language of one sentence: ``hi``, ``en``, ``hi-Latn`` (romanised Hindi) or ``und``.

Script first: a sentence with a good share (30 %) of Devanagari is Hindi (cld3 calls short
Hindi sentences Marathi or Nepali, so it is not asked). Latin text goes to cld3
(``gcld3``), which tells English from romanised Hindi; when cld3 names another language
for a short English line (a tweet's "— Name (@handle) October 12, 2021" comes out
Swedish), English function words or month names decide; otherwise ``und``.
"""

from __future__ import annotations

import re
from functools import cache

from ghatna.clean._rules import Rules

_MONTHS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
)
_LATIN_WORD = re.compile(r"[A-Za-z]+")


@cache
def _detector():  # gcld3 is imported only when Latin text shows up
    import gcld3

    return gcld3.NNetLanguageIdentifier(min_num_bytes=0, max_num_bytes=1000)


_DEVA_RUN = re.compile(r"[\u0900-\u0963\u0971-\u097f]+")
_LATIN_RUN = re.compile(r"[A-Za-z]+")
_OTHER_LETTER = re.compile(r"[^\W\d_A-Za-z\u0900-\u097f]")


def _devanagari(text: str) -> int:
    """The number of Devanagari letters and signs in ``text``."""
    return sum(map(len, _DEVA_RUN.findall(text)))


def script_counts(text: str) -> tuple[int, int, int]:
    """(Devanagari letters and signs, Latin letters, both plus other letters) of ``text``."""
    deva = _devanagari(text)
    latin = sum(map(len, _LATIN_RUN.findall(text)))
    return deva, latin, deva + latin + len(_OTHER_LETTER.findall(text))


def sentence_language(text: str, rules: Rules) -> str:
    """``hi``, ``en``, ``hi-Latn`` or ``und`` for one sentence (see the module docstring)."""
    # the letters counted are at most all the characters, so a sentence that is 30 %
    # Devanagari by characters is Hindi without counting the other scripts (most are)
    deva = _devanagari(text)
    if deva and deva * 10 >= len(text) * 3:
        return "hi"
    deva, latin, total = script_counts(text)
    if total == 0:
        return "und"
    if deva * 10 >= total * 3:  # Hindi sentences carry Latin names; English ones no Devanagari
        return "hi"
    if latin * 2 < total:
        return "und"
    words = [w.lower() for w in _LATIN_WORD.findall(text)]
    if latin >= 12:
        found = _detector().FindLanguage(text)
        if found.language == "en":
            return "en"
        if found.language in ("hi-Latn", "hi") and found.is_reliable:
            return "hi-Latn"
    english = rules.function_words.get("en", frozenset())
    if any(w in english or w in _MONTHS for w in words):
        return "en"
    return "und"
