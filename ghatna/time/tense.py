"""The tense of the verb that governs a time expression: past, future, present or unknown.

Hindi puts the verb after its time adverb, so the tense of an expression is the first
verb marker that follows it in its sentence: ``कल ... मुलाकात की`` (past: yesterday),
``कल ... मिलेंगे`` (future: tomorrow), ``2019 में हुए ... करेंगे`` (past: the nearest
verb, a participle, governs the year, not the clause's main verb). Markers are
auxiliaries and perfective forms (था, हुआ, गया, किया, पहुंचे, मिले), the future
``-गा/-गी/-गे`` endings, and ``है/हैं`` for the present. Ambiguous words that are also
postpositions (की, दी, ली, लिए) count only at the end of a clause (``चर्चा की।``).
English sentences use will/was/were and ``-ed`` verbs.
"""

from __future__ import annotations

import re
from typing import Literal

Tense = Literal["past", "future", "present", "unknown"]

_FUTURE = re.compile(r"(?:[ेोू]ं?|ए|एं|ओ|ऊं?|यें?)ग[ाीे]ं?$")
_PAST_WORDS = frozenset(
    [
        "था",
        "थी",
        "थे",
        "थीं",
        "हुआ",
        "हुई",
        "हुए",
        "हुईं",
        "गया",
        "गई",
        "गए",
        "गये",
        "गयी",
        "गईं",
        "किया",
        "किए",
        "किये",
        "लिया",
        "दिया",
        "चुका",
        "चुकी",
        "चुके",
        "सका",
        "सकी",
        "पहुंचे",
        "पहुंचा",
        "पहुंची",
        "पहुँचे",
        "मिले",
        "मिला",
        "मिली",
        "आया",
        "आई",
        "आए",
        "आये",
        "कहा",
        "बताया",
    ]
)
_CLAUSE_END_PAST = frozenset(["की", "कीं", "दी", "दीं", "ली", "लीं", "लिए", "दिए"])
_PRESENT = frozenset({"है", "हैं", "हूं"})
_PROGRESSIVE = frozenset({"रहा", "रही", "रहे"})
_EN_PAST = re.compile(r"(?i)^(?:was|were|had|did|met|said|held|\w+ed)$")
_EN_FUTURE = re.compile(r"(?i)^(?:will|shall)$")
_TOKEN = re.compile(r"[\w\u0900-\u0963\u0966-\u097F]+|[।.,;:!?\"”'’()|]")


UNTIL_WORDS = ("तक", "until", "till")
"""Words after a time expression that make it the end of a span (the events stage
reads them too: such a day dates no event)."""


def tense_after(text: str) -> Tense:
    """Tense of the first verb marker in ``text`` (the rest of the sentence after an
    expression); ``unknown`` when there is none.

    An expression followed by ``तक`` (until) is the end of a span whose start the verb
    dates (``30 मार्च तक के लिए बंद कर दिया गया है``: closed now, until a day ahead), so
    the verb says nothing of which side of the document date it lies: ``unknown``.
    """
    tokens = _TOKEN.findall(text)
    if tokens and tokens[0] in UNTIL_WORDS:
        return "unknown"
    for i, tok in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else "।"
        if _EN_FUTURE.match(tok):
            return "future"
        if len(tok) > 2 and _FUTURE.search(tok):
            return "future"
        if tok in _PROGRESSIVE:
            if nxt in _PRESENT:
                return "present"
            if nxt in _PAST_WORDS:
                return "past"
            continue
        if tok in _PAST_WORDS:
            return "past"
        if tok in _CLAUSE_END_PAST and (not nxt[0].isalnum() or nxt in _PAST_WORDS | _PRESENT):
            return "past"
        if tok in _PRESENT:
            return "present"
        if tok.isascii() and _EN_PAST.match(tok):
            return "past"
    return "unknown"
