"""The time lexicons (``data/hi.yaml``, ``data/eras.yaml``) and regex pieces built from them.

Words are stored once, without nukta and with anusvara; :func:`word_re` turns a word
into a pattern that also accepts the nukta and chandrabindu spellings newspapers use
(``डेढ़``/``डेढ``, ``पाँच``/``पांच``), so the data files stay short and the tagger works
on ``doc.text`` itself, keeping exact offsets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ghatna.resources import read_yaml

DATA = Path(__file__).parent / "data"

WORD_CHAR = r"[\w\u0900-\u0963\u0966-\u097F]"
"""A character that continues a word: Python's ``\\w`` misses Devanagari vowel signs."""
LB = rf"(?<!{WORD_CHAR})"
RB = rf"(?!{WORD_CHAR})"

_NUKTA_BASES = set("कखगजडढफय")


def word_re(word: str) -> str:
    """A regex for ``word`` that tolerates nukta, chandrabindu and spacing variants."""
    out: list[str] = []
    for ch in word:
        if ch == " ":
            out.append(r"\s+")
        elif ch == "-":
            out.append(r"\s*-\s*")
        elif ch in "ंँ":
            out.append("[ंँ]")
        else:
            out.append(re.escape(ch))
            if ch in _NUKTA_BASES:
                out.append("\u093c?")
    return "".join(out)


def alt(words: list[str] | tuple[str, ...]) -> str:
    """Join words into a non-capturing alternation, longest first (regex takes the first)."""
    if not words:
        raise ValueError("empty word group would make the pattern match nothing useful")
    ordered = sorted(set(words), key=len, reverse=True)
    return "(?:" + "|".join(word_re(w) for w in ordered) + ")"


def key(word: str) -> str:
    """Look-up key of a matched word: no nukta, anusvara, single spaces, lower case."""
    return re.sub(r"\s+", " ", word.replace("\u093c", "").replace("ँ", "ं")).strip().lower()


@dataclass(frozen=True)
class Era:
    """A named period of history that bounds the years of the text around its name."""

    name: str
    start: int
    end: int | None
    words: tuple[str, ...]


@dataclass(frozen=True)
class Lexicon:
    months: dict[str, int]
    ambiguous_months: frozenset[str]
    weekdays: dict[str, int]
    numbers: dict[str, float]
    number_prefixes: dict[str, float]
    quantifiers: tuple[str, ...]
    ordinals: dict[str, int]
    units: dict[str, str]
    calendar_units: frozenset[str]
    modifiers: dict[str, int | None]
    ago: tuple[str, ...]
    later: tuple[str, ...]
    day_parts: tuple[str, ...]
    deictic: dict[str, int]
    set_words: tuple[str, ...]
    set_prefixes: tuple[str, ...]
    period_points: dict[str, str]
    named_days: tuple[str, ...]
    seasons: tuple[str, ...]


def _inverse(table: dict[int, list[str]]) -> dict[str, int]:
    return {key(w): int(n) for n, words in table.items() for w in words}


@cache
def load_lexicon() -> Lexicon:
    """The Hindi/English time lexicon, read once per process."""
    raw = read_yaml(DATA / "hi.yaml")
    return Lexicon(
        months=_inverse(raw["months"]),
        ambiguous_months=frozenset(key(w) for w in raw["ambiguous_months"]),
        weekdays=_inverse(raw["weekdays"]),
        numbers={key(w): float(v) for w, v in raw["numbers"].items()},
        number_prefixes={key(w): float(v) for w, v in raw["number_prefixes"].items()},
        quantifiers=tuple(raw["quantifiers"]),
        ordinals={key(w): int(v) for w, v in raw["ordinals"].items()},
        units={key(w): u for w, u in raw["units"].items()},
        calendar_units=frozenset(key(w) for w in raw["calendar_units"]),
        modifiers={key(w): v for w, v in raw["modifiers"].items()},
        ago=tuple(raw["ago"]),
        later=tuple(raw["later"]),
        day_parts=tuple(raw["day_parts"]),
        deictic={key(w): int(v) for w, v in raw["deictic"].items()},
        set_words=tuple(raw["set_words"]),
        set_prefixes=tuple(raw["set_prefixes"]),
        period_points={key(w): p for w, p in raw["period_points"].items()},
        named_days=tuple(raw["named_days"]),
        seasons=tuple(raw["seasons"]),
    )


@cache
def load_eras() -> tuple[Era, ...]:
    """Named eras (COVID-19 pandemic, ...) with the years they cover."""
    raw = read_yaml(DATA / "eras.yaml")
    return tuple(
        Era(e["name"], int(e["start"]), e["end"] and int(e["end"]), tuple(e["words"]))
        for e in raw["eras"]
    )
