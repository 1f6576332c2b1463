"""Topics of an event: taxonomy words in its sentence and quotes, and the countries or
regions it is said to be *about* (``अफगानिस्तान और हिंद-प्रशांत पर चर्चा``)."""

from __future__ import annotations

import re
from functools import cache

from ghatna.clean.normalize import fold
from ghatna.events.arguments import DocView
from ghatna.events.lexicon import load_lexicon

_ABOUT = re.compile(
    r"\s*(?:(?:और|व|तथा|एवं|,)\s*[\w\u0900-\u097F-]+(?:\s+[\w\u0900-\u097F-]+)?\s*){0,3}"
    r"(?:पर|के बारे में|को लेकर|की स्थिति|के घटनाक्रम|से जुड़े|के मुद्दे)"
    r"|\s*(?:में\s+)?(?:जारी\s+)?(?:संघर्ष|युद्ध|जंग|संकट|तनाव|हालात|हिंसा)"
)
"""A place, maybe in a list (``अफगानिस्तान और हिंद-प्रशांत पर``), then "about"; or a
place's conflict (``यूक्रेन में जारी संघर्ष``, ``यूक्रेन संकट``)."""


@cache
def _pattern() -> re.Pattern[str]:
    """One alternation of every taxonomy prefix, anchored at a word start."""
    prefixes = sorted({p for _, p in load_lexicon().topics}, key=len, reverse=True)
    alt = "|".join(re.escape(p) for p in prefixes)
    return re.compile(rf"(?<![\u0900-\u097F\w])(?:{alt})")


@cache
def _labels() -> dict[str, str]:
    return {prefix: label for label, prefix in load_lexicon().topics}


def taxonomy_topics(text: str) -> list[str]:
    """Topic labels whose words occur in ``text``, in order of first occurrence."""
    labels = _labels()
    out: list[str] = []
    for m in _pattern().finditer(fold(text)):
        label = labels[m.group()]
        if label not in out:
            out.append(label)
    return out


def country_topics(view: DocView, start: int, end: int, actors: set[str]) -> list[str]:
    """Names of countries and places the span discusses (followed by ``पर``, ``को लेकर``),
    other than the participants' own."""
    text = view.doc.text
    out: list[str] = []
    mentions = [m for m in view.mentions_in(start, end) if view.kind_of(m) in ("country", "city")]
    for m in mentions:
        if m.actor_id in actors or not _ABOUT.match(text, m.end) or taxonomy_topics(m.text):
            continue  # a participant's own place, not discussed, or a taxonomy topic
        actor = view.kb.actor(m.actor_id) if view.kb else None
        name = actor.name if actor else m.text
        if name not in out:
            out.append(name)
    return out
