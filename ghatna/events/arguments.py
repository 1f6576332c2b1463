"""Who, where and at what gathering: the arguments of one trigger, read off its clause.

Hindi marks roles with postpositions after the noun phrase, so each actor mention is
classed by the case word that follows it: ``ने`` (agent), ``से`` / ``के साथ`` (partner),
``को`` / ``पर`` (recipient, target), ``के बीच`` (both sides), a genitive right before the
trigger noun (``डोभाल की रूस यात्रा``: the agent). ``की ओर से`` / ``के मुताबिक`` mark
someone on whose behalf or on whose report, not a participant. A coordination (``X और
Y से``) takes the case of its last member.

A clause runs from the last clause boundary (``,`` ``कि`` ``जहां`` ``जिसमें`` an opening
quote, or the previous trigger) to the next one; ``जहां`` / ``जिसमें`` and chained
triggers inherit the place and the gathering of the clause before them.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace
from typing import Any

from ghatna.clean.normalize import fold
from ghatna.document import Doc, Mention
from ghatna.events.triggers import CLAUSE_PUNCT, GENITIVE, Token, Tokens, Trigger

_BOUNDARY_WORDS = frozenset(
    ("कि", "जहां", "जहाँ", "जिसमें", "जिनमें", "जिसके", "जबकि", "लेकिन", "परंतु", "मगर", "वहीं")
)
INHERITING = frozenset(("जहां", "जहाँ", "जिसमें", "जिनमें", "जिसके", "prev", "और", "तथा"))
_BOUNDARY_CHARS = re.compile(r"[,;:“”\"‘’]")
_DATELINE_END = re.compile(r"\s*[,:।(|-]")
_COORDINATORS = frozenset(("और", "तथा", "एवं", "व"))
_HERE = frozenset(fold(w) for w in ("यहां", "यहाँ"))
_SAYING = frozenset(fold(w) for w in ("कहा", "बताया", "लिखा", "कहना", "बोले", "कहते", "पूछा"))
_CASE_WORDS = frozenset(("ने", "को", "से", "में", "पर", "का", "की", "के", "है", "हैं", "था", "थे", "थी"))
_LIST_GAP = 3
_NAME_CASES = frozenset(("ने", "से", "को", "का", "की", "के"))
_DETERMINERS = frozenset(
    fold(w)
    for w in ("एक", "इस", "उस", "इसी", "उसी", "किसी", "यह", "वह", "इन", "उन", "हर", "सभी", "कई")
    + ("अनेक", "विभिन्न", "कुछ", "दो", "तीन", "दोनों")
)
_GENERIC_GATHERING = frozenset(
    fold(w)
    for w in (
        "महत्वपूर्ण",
        "अहम",
        "विशेष",
        "उच्चस्तरीय",
        "उच्च",
        "स्तरीय",
        "आपात",
        "आपातकालीन",
        "आगामी",
        "अगली",
        "पिछली",
        "बड़ी",
        "पहली",
        "अंतिम",
        "औपचारिक",
        "अनौपचारिक",
        "वर्चुअल",
        "ऑनलाइन",
        "संयुक्त",
        "द्विपक्षीय",
    )
)
_PLURAL_GATHERINGS = frozenset(("बैठकों", "बैठकें", "सम्मेलनों"))
_AGENT_ANAPHORS = frozenset(("उन्होंने", "उसने", "वह", "वे", "मंत्री"))
_POSSESSIVE_ANAPHORS = frozenset(("उनकी", "उनके", "उनका", "अपनी", "अपने"))
"""Possessives name the agent of a noun right after them only (``उनके मॉस्को दौरे``)."""
_REFLEXIVES = frozenset(("अपनी", "अपने", "अपना"))
_NOT_IN_NAMES = frozenset(
    fold(w)
    for w in [
        "ने",
        "की",
        "के",
        "का",
        "से",
        "को",
        "पर",
        "में",
        "है",
        "हैं",
        "था",
        "थी",
        "थे",
        "गया",
        "गई",
        "गए",
        "दिया",
        "किया",
        "जाएगी",
        "हुई",
    ]
)
"""Words no person's name holds: case words, auxiliaries, light verbs."""
_MAX_NAME_WORDS = 6
"""A provisional (unknown) person named by more words than this is a mis-tagged phrase."""
_BOTH = "दोनों"
_LEADER_NOUNS = frozenset(
    fold(w)
    for w in ("नेता", "नेताओं", "पक्ष", "पक्षों", "मंत्री", "मंत्रियों", "प्रधानमंत्रियों")
    + ("राष्ट्रपतियों", "राष्ट्राध्यक्षों", "प्रतिनिधिमंडलों", "अधिकारियों", "सलाहकारों")
)
"""Who ``दोनों`` (both) may stand for: the people of the last meeting."""
_VENUE_NOUNS = frozenset(
    ("बैठक", "सम्मेलन", "शिखर", "समिट", "summit", "meeting", "परिषद", "सत्र", "बैठकों", "आयोग")
    + ("संवाद", "फोरम", "संगोष्ठी", "dialogue", "forum")
)
_SIDELINES = (("के", "इतर"), ("से", "इतर"), ("के", "दौरान"), ("के", "मौके"), ("के", "हाशिये"))
_COUNTERPART = frozenset(("समकक्ष", "counterpart"))
_PLACED_PARTICIPLES = frozenset(
    fold(w) for w in ("हुए", "हुई", "हुआ", "हुईं", "जारी", "चल", "चली", "चले", "रहने", "रह")
)
BOUND_FOR = (fold("के"), fold("लिए"))
_BEFORE_AFTER = frozenset(fold(w) for w in ("बाद", "पहले", "उपरांत"))
_PLACE_NOUNS = frozenset(fold(w) for w in ("शहर", "नगर", "प्रांत", "राज्य", "क्षेत्र", "इलाके"))
_LEADERS = frozenset(fold(w) for w in ("नेता", "नेताओं", "सरकार", "सरकारों", "प्रशासन"))
_INTENSIFIERS = frozenset(
    fold(w) for w in ("कड़ा", "कड़ी", "कड़े", "तीखा", "तीखी", "सख्त", "कठोर", "जोरदार", "पुरजोर", "खुला")
)
"""Words between a noun and its verb that only say how strongly (``फैसले का कड़ा विरोध``)."""
_ARRIVING = frozenset(fold(w) for w in ("पहुंचने", "पहुँचने", "आने"))
_AFTER = [fold("के"), fold("बाद")]
_ON = [fold("पर")]
_ACTING_KINDS = frozenset(("person", "country", "org"))
_OBJECT_CASES = frozenset(("का", "की", "के", "को", "पर"))
DEMONSTRATIVES = frozenset(fold(w) for w in ("इस", "उस", "इसी", "उसी", "इन", "उन", "इन्हीं"))
_PARTNER_CASES = tuple(tuple(fold(w) for w in c.split()) for c in ("के साथ", "के बीच", "से"))
_MEMBERS = frozenset(fold(w) for w in ("देश", "देशों", "नेता", "नेताओं", "सदस्य", "सदस्यों"))
_BOTH_COUNTRIES = (fold("दोनों"), frozenset(fold(w) for w in ("देश", "देशों", "मुल्कों")))
_NOT_GENITIVE_CHAIN = frozenset(("में", "से", "को", "पर", "ने"))
_SIDE_OF_CASE = {"agent": "agent", "nom": "agent", "between": "between", "object": "object"}
_SE_NOT_PARTNER = frozenset(("पहले", "बाद", "इतर", "अलग", "लेकर", "जुडे", "जुडी", "संबंधित"))
"""After ``से`` these make it "before / after / apart from X", not a meeting partner."""
PERSON_PREFIXES = ("person/", "provisional/per")
ANAPHOR_REACH = 1
"""A subject pronoun refers to a person of its own sentence or the one before: further
back, the nearest name is as often someone else (a patient's ``वह`` is not the minister
three paragraphs up)."""
ROLE_ANAPHOR_REACH = 3
"""``मंत्री ने`` names its referent's office and reaches further back than a pronoun."""


@dataclass(frozen=True)
class Arg:
    """An actor taking part in an event, with the mention that names it."""

    actor_id: str
    span: tuple[int, int]
    side: str  # agent, object, between


@dataclass
class Frame:
    """Everything one trigger's clause says; the unit the extractor turns into an event."""

    trig: Trigger
    sentence: int
    window: tuple[int, int]
    link: str | None
    args: list[Arg] = field(default_factory=list)
    location: dict[str, Any] | None = None
    location_span: tuple[int, int] | None = None
    destination: bool = False
    venue: str | None = None
    venue_span: tuple[int, int] | None = None
    sidelines: bool = False
    object_is_person: bool = False
    continues: Frame | None = None
    """The meeting whose account this clause goes on with (``दोनों नेताओं ने ... पर चर्चा
    की`` after it): when and where it took place, unless the clause says otherwise."""


def is_person(actor_id: str | None) -> bool:
    return bool(actor_id) and actor_id.startswith(PERSON_PREFIXES)


class DocView:
    """A document with the indexes argument reading needs (tokens, mentions by offset)."""

    def __init__(self, doc: Doc, tokens: Tokens, kb: Any) -> None:
        self.doc = doc
        self.kb = kb
        self.tokens = tokens
        self.starts = tokens.starts
        self.mentions = _actor_mentions(doc.mentions)
        self.mention_starts = [m.start for m in self.mentions]
        paragraphs = set(doc.headings)
        self.heading_sentences = frozenset(
            i for i, s in enumerate(doc.sentences) if s.paragraph in paragraphs
        )
        self.dateline = self._dateline(paragraphs)

    def _dateline(self, headings: set[int]) -> Mention | None:
        """The city an agency report is filed from, opening its first paragraph
        (``अस्ताना, 4 जुलाई (भाषा)।``, ``लखनऊ :``): the ``यहां`` of the report."""
        body = [p for i, p in enumerate(self.doc.paragraphs) if i not in headings]
        if not body:
            return None
        start, end = body[0]
        text = self.doc.text
        start += len(text[start:end]) - len(text[start:end].lstrip())
        first = self.mentions_in(start, end)[:1]
        if not first or first[0].start != start or self.kind_of(first[0]) != "city":
            return None
        return first[0] if _DATELINE_END.match(text, first[0].end) else None

    def token_at(self, offset: int) -> int:
        """Index of the first token starting at or after ``offset``."""
        return bisect.bisect_left(self.starts, offset)

    def keys(self, start: int, end: int) -> list[str]:
        return self.tokens.keys[self.token_at(start) : self.token_at(end)]

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        i = bisect.bisect_left(self.mention_starts, start)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            if self.mentions[i].end <= end:
                out.append(self.mentions[i])
            i += 1
        return out

    def kind_of(self, mention: Mention) -> str:
        """person, country, city, org or agency, from the KB or the mention kind. A
        region (state) is a named place below its country, as a city is."""
        actor = self.kb.actor(mention.actor_id) if self.kb and mention.actor_id else None
        if actor is not None:
            return "city" if actor.kind == "region" else actor.kind
        if is_person(mention.actor_id):
            return "person"
        return {"GPE": "country", "LOC": "city", "ORG": "org"}.get(mention.kind, "other")

    def case_after(self, mention: Mention) -> tuple[str, int]:
        """The case word after a mention and the index of the token after it."""
        k = self.token_at(mention.end)
        text = self.doc.text
        gap = text[mention.end : self.tokens[k].start] if k < len(self.tokens) else ""
        if "(" in gap:
            close = text.find(")", mention.end)
            k = self.token_at(close) if close != -1 else k
            gap = text[close + 1 : self.tokens[k].start] if k < len(self.tokens) else ""
        if _BOUNDARY_CHARS.search(gap):
            return ("comma" if "," in gap else "none"), k
        if mention.kind == "ROLE":
            k = self._past_unnamed(k)
        ks = self.tokens.keys[k : k + 3]
        ks += [""] * (3 - len(ks))
        if ks[0] in _COUNTERPART:
            return self.case_after_token(k + 1)
        if ks[0] in _MEMBERS and self.kind_of(mention) == "org":
            return self.case_after_token(k + 1)  # "ब्रिक्स देशों ने": the bloc acts
        if ks[0] in _PLACE_NOUNS and self.kind_of(mention) == "city":
            return self.case_after_token(k + 1)  # "कजान शहर में": the city's case
        if ks[0] in GENITIVE and ks[1] in _LEADERS and self.kind_of(mention) == "country":
            return self.case_after_token(k + 2)  # "जापान के नेताओं ने": the country acts
        return _case(ks), k

    def _past_unnamed(self, k: int) -> int:
        """After an office, up to three words nobody linked and then a case word are
        the holder's name the model missed (``चीन के रक्षा मंत्री डोंग जून के साथ``): the
        office takes that case. Else ``k``."""
        toks, text = self.tokens, self.doc.text
        j = k
        while (
            j < min(k + 3, len(toks))
            and toks.keys[j] not in _CASE_WORDS
            and toks.keys[j] not in _BOUNDARY_WORDS
            and not inside_mention(self, toks[j])
            and not text[toks.ends[j - 1] if j else 0 : toks.starts[j]].strip()
        ):
            j += 1
        named = k < j < len(toks) and toks.keys[j] in _NAME_CASES
        return j if named and not text[toks.ends[j - 1] : toks.starts[j]].strip() else k

    def case_after_token(self, k: int) -> tuple[str, int]:
        ks = self.tokens.keys[k : k + 3]
        ks += [""] * (3 - len(ks))
        return _case(ks), k


def _case(ks: list[str]) -> str:
    first, second = ks[0], ks[1]
    if first == "ने":
        return "agent"
    if first in ("से", "with"):
        return "from" if second in _SE_NOT_PARTNER else "object"
    if first == "को":
        return "object"
    if first in ("पर", "on"):
        return "on"
    if first in ("और", "व", "एवं", "तथा", "and"):
        return "and"
    if first == "में":
        return "in"
    if first in ("का", "की", "के"):
        if second == "साथ":
            return "object"
        if second == "बीच":
            return "between"
        if second == "खिलाफ":
            return "object"
        if second in ("ओर", "तरफ", "मुताबिक", "अनुसार", "हवाले", "रिपोर्ट", "नेतृत्व"):
            return "behalf"
        return "gen"
    return "nom"


def _actor_mentions(mentions: list[Mention]) -> list[Mention]:
    """Linked mentions in text order; a role phrase right before a name is that name,
    and a national office nobody in the KB held then acts for its country."""
    linked = sorted(
        (m for m in map(_for_its_country, mentions) if m.actor_id and not _runaway(m)),
        key=lambda m: (m.start, -m.end),
    )
    out: list[Mention] = []
    for m in linked:
        if out and m.start < out[-1].end:
            continue
        out.append(m)
    keep = []
    for i, m in enumerate(out):
        nxt = out[i + 1] if i + 1 < len(out) else None
        adjacent = nxt is not None and nxt.start - m.end <= 2 and nxt.kind == "PER"
        if m.kind == "ROLE" and adjacent:
            continue
        keep.append(m)
    return keep


def _for_its_country(m: Mention) -> Mention:
    """``चीन के विदेश मंत्रालय के प्रवक्ता ने ... आलोचना की``: the KB names no holder of the
    office, but the text says whose office it is, so the country's government acted
    (the way CAMEO codes an unnamed official). A regional office (a state's minister)
    does not stand for the country."""
    country = m.attrs.get("country")
    if m.kind != "ROLE" or m.actor_id or not country or m.attrs.get("region"):
        return m
    return replace(m, actor_id=f"country/{country}")


def _runaway(m: Mention) -> bool:
    """An unknown name that spans a whole clause, or an unknown person's "name" holding
    a case word, a verb or an end mark (``उनकी मदद की जाएगी।``): a tagging error."""
    if not m.actor_id.startswith("provisional/"):
        return False
    if len(m.text.split()) > _MAX_NAME_WORDS:
        return True
    words = set(fold(m.text).split())
    person = m.actor_id.startswith("provisional/per")
    return person and (bool(words & _NOT_IN_NAMES) or bool(re.search(r"[.।|!?]\s*$", m.text)))


def clause_window(
    view: DocView, sent_start: int, sent_end: int, trig: Trigger, prev_end: int | None
) -> tuple[int, int, str | None]:
    """The clause around a trigger: (start, end, the word or mark that opened it)."""
    text = view.doc.text
    start, link = sent_start, None
    if prev_end is not None and prev_end > start:
        start, link = prev_end, "prev"
    for m in _BOUNDARY_CHARS.finditer(text, start, trig.start):
        if m.group() == "," and _list_comma(view, m.start()):
            continue
        start, link = m.end(), m.group()
    keys = view.tokens.keys
    for k in range(view.token_at(start), view.token_at(trig.start)):
        if keys[k] in _BOUNDARY_WORDS or (
            keys[k] in ("और", "तथा") and link == "prev" and not _after_a_name(view, k)
        ):
            start, link = view.tokens.ends[k], keys[k]
    end = sent_end
    for m in _BOUNDARY_CHARS.finditer(text, trig.end, sent_end):
        if m.group() == "," and _list_comma(view, m.start()):
            continue
        end = m.start()
        break
    for k in range(view.token_at(trig.end), view.token_at(end)):
        if keys[k] in _BOUNDARY_WORDS:
            end = view.tokens.starts[k]
            break
    if _ends_its_clause(trig) and trig.last + 1 < len(keys):
        end = min(end, view.tokens.starts[trig.last + 1])
    return start, end, link


def _after_a_name(view: DocView, k: int) -> bool:
    """Does a name end right before token ``k``? Then an ``और`` there joins names
    (``जयशंकर और डोभाल के साथ बैठक की``), it does not open the next clause."""
    i = bisect.bisect_right(view.mention_starts, view.tokens.starts[k]) - 1
    return k > 0 and i >= 0 and view.mentions[i].end == view.tokens.ends[k - 1]


def _ends_its_clause(trig: Trigger) -> bool:
    """A Hindi verb closes its clause (the verb comes last): what follows ``मुलाकात की``
    or ``फोन कर`` is the next clause's (``... और लद्दाख में सीमा पर चर्चा की``, ``मोदी
    को फोन कर हमले की निंदा की``). A bare noun's words may follow it (``मुलाकात
    मॉस्को में हुई``), an English verb's always do."""
    return trig.entry.lang != "en" and trig.tense in ("past", "future", "progressive", "conj")


def _list_comma(view: DocView, pos: int) -> bool:
    """A comma inside a list (``पुतिन, मंतुरोव और शोइगु से``; ``रक्षा, अंतरिक्ष और ऊर्जा
    पर सहमति``), not a clause break."""
    i = bisect.bisect_left(view.mention_starts, pos) - 1
    before = i >= 0 and 0 <= pos - view.mentions[i].end <= 1
    after = i + 1 < len(view.mentions) and view.mentions[i + 1].start - pos <= 25
    return before and after or _list_of_words(view, pos)


def _list_of_words(view: DocView, pos: int) -> bool:
    """``X, Y और Z``: a word before the comma that is not a verb of saying (``कहा,``
    opens a clause), and at most :data:`_LIST_GAP` plain words after it up to ``और``."""
    keys = view.tokens.keys
    k = bisect.bisect_left(view.tokens.starts, pos)
    if k == 0 or keys[k - 1] in _SAYING:
        return False
    for j in range(k, min(k + 1 + _LIST_GAP, len(keys))):
        if keys[j] in _COORDINATORS:
            return j > k
        if keys[j] in _CASE_WORDS:
            return False
    return False


def read_args(view: DocView, frame: Frame) -> None:
    """Fill ``frame.args``, place and gathering from the mentions inside its clause."""
    ws, we = frame.window
    trig = frame.trig
    mentions = view.mentions_in(ws, we)
    cases = _coordinate(view, [(m, *view.case_after(m)) for m in mentions])
    if trig.entry.lang == "en":
        cases = [(m, _english_case(view, m, case), after) for m, case, after in cases]
    venue_start = _venue(view, frame, mentions)
    if trig.tense == "bare":
        cases = _own_possessor(view, trig, cases)
    for i, (m, case, after) in enumerate(cases):
        kind = view.kind_of(m)
        if _locates_next(view, cases, i):
            continue
        if kind in ("city", "country") and _is_place(view, frame, m, case, after):
            continue
        if kind in ("agency", "city", "other", "summit"):
            continue
        if venue_start is not None and venue_start <= m.start < (frame.venue_span or (0, 0))[1]:
            continue
        side = _side(view, trig, m, case, after, kind)
        if side is not None:
            frame.args.append(Arg(m.actor_id, (m.start, m.end), side))
            if side == "object" and kind == "person":
                frame.object_is_person = True


def _locates_next(view: DocView, cases: list[tuple[Mention, str, int]], i: int) -> bool:
    """A country in the genitive right before a city, a body or an office only says whose
    it is (``चीन के तियानजिन जाएंगे``, ``भारत के विदेश मंत्रालय ने``, ``जर्मनी के कृषि मंत्री
    से``): a country does not travel to its own city, and the body or the office holder,
    not the country, is the one acting."""
    m, case, after = cases[i]
    if m.attrs.get("qualifies_role"):
        return True  # "जर्मनी के कृषि मंत्री": the office is the argument, Germany its part
    if case != "gen" or view.kind_of(m) != "country" or i + 1 == len(cases):
        return False
    nxt = cases[i + 1][0]
    return view.token_at(nxt.start) == after + 1 and view.kind_of(nxt) in ("city", "org", "agency")


def _own_possessor(
    view: DocView, trig: Trigger, cases: list[tuple[Mention, str, int]]
) -> list[tuple[Mention, str, int]]:
    """A noun with no verb of its own has no ``ने`` subject: in ``चीन ने पेलोसी की ताइवान
    यात्रा का विरोध किया`` China is the subject of the opposing, and the visit is
    Pelosi's, its possessor's. So once its possessor is named in the genitive, a ``ने``
    name before is no argument of the noun. A place in the genitive is where a visit
    goes (``मोदी ने अपनी सऊदी अरब की यात्रा बीच में छोड़ दी`` keeps Modi), so a visit's
    possessor is a person; another noun's may be a country or a body (``रूस के हमले``)."""
    travel = trig.entry.role in ("arrive", "visit_noun")
    kinds = ("person",) if travel else ("person", "country", "org")
    owner = next(
        (m.start for m, case, _ in cases if case == "gen" and view.kind_of(m) in kinds), None
    )
    if owner is None:
        return cases
    return [c for c in cases if not (c[1] == "agent" and c[0].end <= owner)]


def _english_case(view: DocView, m: Mention, case: str) -> str:
    """English marks place and partner before the noun: ``in Delhi``, ``with Putin``."""
    k = view.token_at(m.start) - 1
    before = view.tokens[k].key if k >= 0 else ""
    return {"in": "in", "at": "in", "with": "object"}.get(before, case)


def _coordinate(
    view: DocView, cases: list[tuple[Mention, str, int]]
) -> list[tuple[Mention, str, int]]:
    """Give each member of ``A, B और C से`` the case of its last member.

    A place or organisation in the genitive (``रूस की सुरक्षा परिषद के सचिव X``) only
    modifies the next name and is stepped over. A comma without an ``और`` later in the
    chain is a pause after the subject (``लावरोव, जयशंकर से मिलेंगे``), not a list.
    """
    out = list(cases)
    listed = [False] * len(out)
    nxt: int | None = None
    for i in range(len(out) - 1, -1, -1):
        m, case, after = out[i]
        if case in ("and", "comma") and nxt is not None and out[nxt][1] != "in":
            if case == "and" or listed[nxt]:
                out[i] = (m, out[nxt][1], out[nxt][2])
                listed[i] = True
            else:
                out[i] = (m, "nom", after)
        elif case == "and":
            out[i] = (m, *_case_after_unnamed(view, after))
        elif case == "comma":
            out[i] = (m, "nom", after)
        modifier = case == "gen" and view.kind_of(m) in ("country", "city", "org")
        if not modifier:
            nxt = i
    return out


def _case_after_unnamed(view: DocView, after: int) -> tuple[str, int]:
    """The case of ``X एवं सरकार से``: a coordination whose last member is no linked
    name takes the case word after that member (at most two words on), else stays
    ``and``."""
    for k in range(after + 2, min(after + 4, len(view.tokens))):
        case, nxt = view.case_after_token(k)
        if case not in ("nom", "and"):
            return case, nxt
    return "and", after


def _side(view: DocView, trig: Trigger, m: Mention, case: str, after: int, kind: str) -> str | None:
    if case in ("behalf", "from"):
        return None
    if case == "on":
        return "object" if trig.entry.role == "directed" else None
    if case == "gen":
        if trig.tense == "expected" and m.end <= trig.start:
            return "agent"  # "जयशंकर के ... वांग यी से मिलने की संभावना"
        near = _words_between(view, after, view.token_at(trig.start)) <= 3 and m.end <= trig.start
        if not near:
            return None
        return "object" if trig.entry.role in ("welcome", "directed") else "agent"
    if case == "nom" and _owns_the_object(view, trig, m, after):
        return "object"
    if kind != "person" and case in ("nom", "in", "and", "none"):
        return None
    if case in ("agent", "nom", "none", "and"):
        return "object" if trig.entry.lang == "en" and m.start > trig.end else "agent"
    if case == "in":
        return None
    return case


def _owns_the_object(view: DocView, trig: Trigger, m: Mention, after: int) -> bool:
    """A demonym before the noun a directed act is aimed at says whose it is, as a
    genitive would: ``अमेरिकी प्रतिबंधों का विरोध`` (the United States'), ``चीनी दावे को
    खारिज``, ``ईरानी कंपनियों पर प्रतिबंध``."""
    if not m.attrs.get("demonym") or trig.entry.role != "directed" or m.end > trig.start:
        return False
    keys, case_at = view.tokens.keys, after + 1
    if case_at >= len(keys) or keys[case_at] not in _OBJECT_CASES:
        return False
    return _words_between(view, case_at, view.token_at(trig.start)) <= 3


def _words_between(view: DocView, a: int, b: int) -> int:
    """How far a genitive is from its noun, in words that are neither another name
    with its partner case (``जयशंकर की ब्लिंकन के साथ द्विपक्षीय वार्ता``), an
    intensifier (``फैसले का कड़ा विरोध``) nor a demonstrative (``अमेरिका के इस कदम की
    निंदा``)."""
    keys, count, k = view.tokens.keys, 0, a
    while k < b:
        j = k
        while j < b and inside_mention(view, view.tokens[j]):
            j += 1
        case = next((c for c in _PARTNER_CASES if tuple(keys[j : j + len(c)]) == c), None)
        if j > k and case is not None:
            k = j + len(case)
            continue
        count += keys[k] not in _INTENSIFIERS and keys[k] not in DEMONSTRATIVES
        k += 1
    return count


def _is_place(view: DocView, frame: Frame, m: Mention, case: str, after: int) -> bool:
    """Record ``m`` as the event's place when the grammar says so; True if it is a place."""
    role = frame.trig.entry.role
    trig_tok = view.token_at(frame.trig.start)
    gap = trig_tok - after
    bound_for = gap == 2 and tuple(view.tokens.keys[after : after + 2]) == BOUND_FOR
    if role == "arrive" and m.end <= frame.trig.start and (gap == 0 or bound_for):
        _set_place(view, frame, m, destination=True)
        return True
    english = frame.trig.entry.lang == "en"
    if role == "arrive" and english and 0 <= view.token_at(m.start) - trig_tok - 1 <= 1:
        _set_place(view, frame, m, destination=True)
        return True
    if role in ("arrive", "visit_noun") and view.tokens[after].key == "से":
        return True
    before = role == "visit_noun" and m.end <= frame.trig.start and case in ("nom", "gen")
    if before and (gap <= 1 or _modifiers_only(view, after + (case == "gen"), trig_tok)):
        _set_place(view, frame, m, destination=True)
        return True
    if case == "nom" and m.end <= frame.trig.start and _arrived_at(view, after):
        if frame.location is None:
            _set_place(view, frame, m, destination=False)
        return True
    if case == "in":
        elsewhere = _time_clause_between(view, after, trig_tok) or _of_a_participle(view, after)
        if not frame.destination and not elsewhere:
            _set_place(view, frame, m, destination=False)
        return True
    return view.kind_of(m) == "city"


def _arrived_at(view: DocView, after: int) -> bool:
    """``कजान पहुंचने के बाद ... मुलाकात की``, ``दिल्ली पहुंचने पर``: the place arrived at
    before the event is where it happens."""
    keys = view.tokens.keys[after : after + 3]
    return bool(keys) and keys[0] in _ARRIVING and (keys[1:3] == _AFTER or keys[1:2] == _ON)


def _of_a_participle(view: DocView, after: int) -> bool:
    """``पहलगाम में हुए आतंकी हमले की निंदा``: ``X में`` before a participle places the
    noun the participle describes (the attack), not the event (the condemnation),
    unless that noun is a gathering the event happened at (``जोहान्सबर्ग में चल रहे
    ब्रिक्स शिखर सम्मेलन के इतर``)."""
    keys = view.tokens.keys
    if after + 1 >= len(keys) or keys[after + 1] not in _PLACED_PARTICIPLES:
        return False
    for k in range(after + 2, min(after + 8, len(keys))):
        if keys[k] in _VENUE_NOUNS:
            return False
        if keys[k] in _CASE_WORDS and keys[k - 1] not in _PLACED_PARTICIPLES:
            break
    return True


def _time_clause_between(view: DocView, a: int, b: int) -> bool:
    """An infinitive with ``के बाद`` / ``से पहले`` in tokens ``[a, b)``: a place before it
    is where that earlier or later thing happened (``लद्दाख में गतिरोध शुरू होने के बाद
    ... बैठक होगी``), not the event's place."""
    keys = view.tokens.keys
    return any(
        keys[k].endswith("ने") and keys[k + 1] in ("के", "से") and keys[k + 2] in _BEFORE_AFTER
        for k in range(a, min(b, len(keys)) - 2)
    )


def _modifiers_only(view: DocView, a: int, b: int) -> bool:
    """Tokens ``[a, b)`` are at most three words that only describe the trip: no case
    word, no name (``जापान की तीन दिवसीय आधिकारिक यात्रा``)."""
    return b - a <= 3 and not any(
        view.tokens.keys[k] in _CASE_WORDS or inside_mention(view, view.tokens[k])
        for k in range(a, b)
    )


def _set_place(view: DocView, frame: Frame, m: Mention, destination: bool) -> None:
    frame.location = place_of(view, m)
    frame.location_span = (m.start, m.end)
    frame.destination = destination


def place_of(view: DocView, m: Mention) -> dict[str, Any]:
    """``{"name", "country"}`` of a place mention: a city keeps its name, a country not."""
    actor = view.kb.actor(m.actor_id) if view.kb and m.actor_id else None
    if view.kind_of(m) == "country":
        code = actor.country if actor and actor.country else m.actor_id.split("/")[-1]
        return {"name": None, "country": code}
    name = actor.name if actor else m.attrs.get("name")
    country = m.attrs.get("country") or (actor.country if actor else None)
    return {"name": name, "country": country}


def _venue(view: DocView, frame: Frame, mentions: list[Mention]) -> int | None:
    """Find a gathering noun phrase in the clause (``SCO ... की बैठक में``, ``... के इतर``)."""
    lo, hi = view.token_at(frame.window[0]), view.token_at(frame.window[1])
    toks = view.tokens
    first = view.token_at(frame.trig.start)
    if toks[first].key in _VENUE_NOUNS:
        orgs = [m for m in mentions if view.kind_of(m) in ("org", "summit")]
        # a person between the body and the noun is met there, not part of its name
        people = [m.start for m in mentions if view.kind_of(m) == "person"]
        orgs = [
            m
            for m in orgs
            if m.end <= frame.trig.start and not any(m.end <= p < frame.trig.start for p in people)
        ]
        if orgs:
            noun_end = toks[first].end
            frame.venue_span = (orgs[0].start, noun_end)
            frame.venue = view.doc.text[orgs[0].start : noun_end]
            return orgs[0].start
    for k in range(lo, hi):
        if toks.keys[k] not in _VENUE_NOUNS or frame.trig.start <= toks.starts[k] < frame.trig.end:
            continue
        nxt = tuple(toks.keys[k + 1 : k + 3])
        j = k + 1
        while j < hi and toks[j].key in _VENUE_NOUNS:
            j += 1
        nxt = tuple(toks.keys[j : j + 2])
        sidelines = nxt in _SIDELINES
        participating = bool(nxt) and nxt[0] == "में" and _held_at(frame, j + 1, first)
        if not (sidelines or participating):
            continue
        orgs = [
            m
            for m in mentions
            if view.kind_of(m) in ("org", "summit")
            and toks[k].start - m.end <= 60
            and m.start < toks[k].start  # before the noun, or a summit named with it
        ]
        named = None if orgs or sidelines else _gathering_name(view, lo, k)
        if not orgs and not sidelines and named is None:
            continue
        if orgs:
            start = orgs[0].start
        else:
            start = named if named is not None else toks[max(lo, k - 2)].start
        frame.venue_span = (start, toks[j - 1].end)
        frame.venue = view.doc.text[start : toks[j - 1].end]
        frame.sidelines = sidelines
        return start
    return None


def _held_at(frame: Frame, at: int, first: int) -> bool:
    """``<gathering> में`` (its ``में`` at token ``at``) is where the trigger at token
    ``first`` happens: taking part in it, or talks just after it (``वार्षिक शिखर
    सम्मेलन में द्विपक्षीय वार्ता करेंगे``)."""
    role = frame.trig.entry.role
    return role == "participate" or role == "meet" and 0 < first - at <= 3


def _gathering_name(view: DocView, lo: int, k: int) -> int | None:
    """Where the name of a gathering no KB organisation names begins: up to three plain
    words before its noun (``एआई शिखर सम्मेलन में हिस्सा``), none of them a case word, a
    determiner, a time expression or part of a name; and not only words any meeting may
    have (``कई महत्वपूर्ण बैठकों में`` names none)."""
    toks = view.tokens
    if toks.keys[k] in _PLURAL_GATHERINGS:
        return None
    j = k
    while j > max(lo, k - 3) and (_plain_word(view, j - 1) or _country_pair(view, j - 1)):
        j -= 1
    while j < k and inside_mention(view, toks[j]):
        j += 1  # an office first is who attends: "मुख्यमंत्री बैठक में शामिल हुए"
    return toks.starts[j] if set(toks.keys[j:k]) - _GENERIC_GATHERING else None


def _country_pair(view: DocView, k: int) -> bool:
    """Token ``k`` is two countries joined by a hyphen (``भारत-जापान``), as the names of
    their bilateral gatherings begin."""
    tok = view.tokens[k]
    inside = [m for m in view.mentions_in(tok.start, tok.end) if view.kind_of(m) == "country"]
    return len({m.actor_id for m in inside}) == 2 and "-" in view.doc.text[tok.start : tok.end]


def bilateral_gathering(view: DocView, frame: Frame) -> bool:
    """The gathering is two countries' own (``15वें भारत-जापान वार्षिक शिखर सम्मेलन``), or
    one no body names that the subject attends with a partner (``मार्लेस के साथ वार्षिक
    रक्षा मंत्री संवाद में``): taking part in it is meeting the other side, not a
    multilateral event. With a body named (``पुतिन के साथ SCO शिखर सम्मेलन में``) it
    stays multilateral."""
    if frame.venue_span is None:
        return False
    lo, hi = view.token_at(frame.venue_span[0]), view.token_at(frame.venue_span[1])
    if any(_country_pair(view, k) for k in range(lo, hi)):
        return True
    bodies = [
        m for m in view.mentions_in(*frame.venue_span) if view.kind_of(m) in ("org", "summit")
    ]
    return not bodies and any(a.side == "object" for a in frame.args)


def _plain_word(view: DocView, k: int) -> bool:
    """A word a gathering's own name may hold: no case word, determiner or time
    expression, and no name; an office is one (``वार्षिक रक्षा मंत्री संवाद``, the
    ministers' dialogue, names no minister)."""
    tok = view.tokens[k]
    if tok.key in _CASE_WORDS or tok.key in _DETERMINERS:
        return False
    around = mention_at(view, tok)
    if around is not None and around.kind != "ROLE":
        return False
    return not any(t.start < tok.end and tok.start < t.end for t in view.doc.timexes)


def anaphor_agent(
    view: DocView, frame: Frame, taken: set[str], subject: tuple[int, str] | None = None
) -> Arg | None:
    """The person a subject pronoun (``उन्होंने``, ``वह``, ``मंत्री ने``) refers back to.

    The nearest person named before, except that a pronoun whose nearest person stands
    in an earlier sentence refers to the subject of that sentence (a person before
    ``ने`` or with no case word after), else keeps the subject of the story so far
    (``subject``: the sentence and the one agent of the last event with one):
    ``मोदी लूला से भी मिलेंगे। इसके बाद वह गुयाना जाएंगे`` is Modi's trip, not Lula's,
    and ``जयशंकर मोदी के स्थान पर ... कर रहे हैं। वह लावरोव से मिलेंगे`` Jaishankar's."""
    lo, hi = view.token_at(frame.window[0]), view.token_at(frame.trig.start)
    for k in range(lo, hi):
        key = view.tokens.keys[k]
        possessive = key in _POSSESSIVE_ANAPHORS and hi - k <= 2
        if not (key in _AGENT_ANAPHORS or possessive):
            continue
        tok = view.tokens[k]
        if inside_mention(view, tok):
            continue
        if tok.key == "मंत्री" and (k + 1 >= len(view.tokens) or view.tokens[k + 1].key != "ने"):
            continue
        reach = ROLE_ANAPHOR_REACH if tok.key == "मंत्री" else ANAPHOR_REACH
        found = _person_within(view, frame, tok.start, taken, reach)
        if found is None:
            continue
        person, at = found
        actor_id = person.actor_id
        if at != frame.sentence and tok.key != "मंत्री":
            named = subject_of(view, at, taken)
            if named is not None:
                actor_id = named.actor_id
            elif subject and subject[1] not in taken and frame.sentence - subject[0] <= reach:
                actor_id = subject[1]
        return Arg(actor_id, (tok.start, tok.end), "agent")
    return None


def here(view: DocView, frame: Frame) -> Mention | None:
    """``यहां`` before the trigger places the event in the report's dateline city
    (``अस्ताना, 4 जुलाई (भाषा)। ... ने गुरुवार को यहां ... से मुलाकात की``)."""
    if view.dateline is None:
        return None
    keys = view.tokens.keys
    if any(keys[k] in _HERE for k in range(view.token_at(frame.window[0]), frame.trig.first)):
        return view.dateline
    return None


def traveller_after(view: DocView, frame: Frame, taken: set[str]) -> Arg | None:
    """``भारत की राजकीय यात्रा पर आए श्रीलंका के राष्ट्रपति X``: a trip's participle
    describes the person named right after it, the traveller."""
    if frame.trig.entry.role not in ("arrive", "visit_noun") or frame.trig.tense != "past":
        return None
    sent = view.doc.sentences[frame.sentence]
    nxt = frame.trig.last + 1
    if nxt >= len(view.tokens) or view.tokens.keys[nxt] in _CASE_WORDS:
        return None
    if view.doc.text[frame.trig.end : view.tokens.starts[nxt]].strip():
        return None  # punctuation: the participle ends its phrase
    limit = view.tokens.ends[min(nxt + 5, len(view.tokens) - 1)]
    for m in view.mentions_in(frame.trig.end, min(limit, sent.end)):
        if view.kind_of(m) == "person" and m.actor_id not in taken:
            return Arg(m.actor_id, (m.start, m.end), "agent")
    return None


def agent_after(view: DocView, frame: Frame, taken: set[str]) -> Arg | None:
    """A participle clause put first has the subject of the verb after it: ``भारतीय
    प्रधानमंत्री की प्रशंसा करते हुए पुतिन ने कहा``, ``मोदी से मिलकर मैक्रों ने कहा``.
    The first name after the participle, in its clause, followed by ``ने``."""
    if frame.trig.tense != "conj":
        return None
    sent = view.doc.sentences[frame.sentence]
    end = min(sent.end, view.tokens.ends[min(frame.trig.last + 8, len(view.tokens) - 1)])
    for m in view.mentions_in(frame.trig.end, end):
        if CLAUSE_PUNCT.search(view.doc.text, frame.trig.end, m.start):
            return None
        case, _ = view.case_after(m)
        if case == "agent" and m.actor_id not in taken and view.kind_of(m) in _ACTING_KINDS:
            return Arg(m.actor_id, (m.start, m.end), "agent")
    return None


def possessive_object(view: DocView, frame: Frame, taken: set[str]) -> Arg | None:
    """``उनका स्वागत किया``, ``उनकी प्रशंसा की``: before a welcome or a directed noun,
    ``उनका`` is whom it is done to, the person named last before (``अपना`` is the
    subject's own)."""
    if frame.trig.entry.role not in ("welcome", "directed") or not frame.trig.entry.light:
        return None
    hi = view.token_at(frame.trig.start)
    lo = max(view.token_at(frame.window[0]), hi - 2)
    for k in range(lo, hi):
        tok = view.tokens[k]
        if tok.key in _POSSESSIVE_ANAPHORS and tok.key not in _REFLEXIVES:
            found = _person_within(view, frame, tok.start, taken, ANAPHOR_REACH)
            if found is not None:
                return Arg(found[0].actor_id, (tok.start, tok.end), "object")
    return None


def subject_of(view: DocView, si: int, taken: set[str]) -> Mention | None:
    """The first person of sentence ``si`` standing as its subject: what a pronoun of a
    later sentence refers to before any other person of that sentence."""
    sent = view.doc.sentences[si]
    for m in view.mentions_in(sent.start, sent.end):
        person = view.kind_of(m) == "person" and m.actor_id not in taken
        if person and view.case_after(m)[0] in ("agent", "nom"):
            return m
    return None


def _person_within(
    view: DocView, frame: Frame, offset: int, taken: set[str], reach: int
) -> tuple[Mention, int] | None:
    """The person named last before ``offset`` and the sentence naming them, when that
    is at most ``reach`` sentences before the frame's."""
    person = nearest_person_before(view, offset, taken)
    if person is None:
        return None
    at = view.doc.sentence_at(person.start) or 0
    return (person, at) if frame.sentence - at <= reach else None


def both_countries(view: DocView, frame: Frame) -> tuple[tuple[int, int], str] | None:
    """``दोनों देशों`` before the trigger in its clause: its span and the side its case
    gives it (``ने`` agent, ``के बीच`` between, ``से`` / ``को`` object), or None."""
    lo, first = view.token_at(frame.window[0]), frame.trig.first
    keys = view.tokens.keys
    for k in range(lo, first - 1):
        if keys[k] == _BOTH_COUNTRIES[0] and keys[k + 1] in _BOTH_COUNTRIES[1]:
            case, _ = view.case_after_token(k + 2)
            chain = keys[k + 3 : first]
            if case == "gen" and (len(chain) > 4 or _NOT_GENITIVE_CHAIN.intersection(chain)):
                return None  # "दोनों देशों के हित में": a modifier of another noun
            if case == "gen":
                case = "object" if frame.trig.entry.role in ("welcome", "directed") else "between"
            side = _SIDE_OF_CASE.get(case)
            span = (view.tokens.starts[k], view.tokens.ends[k + 1])
            return (span, side) if side else None
    return None


def countries_of(view: DocView, args: list[Arg]) -> list[str]:
    """The countries of ``args`` in order, once each: a country itself, a person's own
    (from the KB, else from the text)."""
    out: list[str] = []
    for a in args:
        if a.actor_id.startswith("country/"):
            code: str | None = a.actor_id.split("/", 1)[1]
        elif not is_person(a.actor_id):
            code = None
        elif (actor := view.kb.actor(a.actor_id) if view.kb else None) is not None:
            code = actor.country
        else:  # a provisional person: the country the text gives (``चीन के रक्षा मंत्री X``)
            i = bisect.bisect_left(view.mention_starts, a.span[0])
            named = i < len(view.mentions) and view.mentions[i].start == a.span[0]
            code = view.mentions[i].attrs.get("country") if named else None
        if code and code not in out:
            out.append(code)
    return out


def mentions_both_leaders(view: DocView, frame: Frame) -> bool:
    """``दोनों नेताओं``, ``दोनों पक्षों``, with at most one word before the noun
    (``दोनों विदेश मंत्रियों``, ``दोनों शीर्ष नेताओं``)."""
    keys = view.keys(frame.window[0], frame.window[1])
    return any(
        keys[i] == _BOTH and _LEADER_NOUNS.intersection(keys[i + 1 : i + 3])
        for i in range(len(keys) - 1)
    )


def inside_mention(view: DocView, tok: Token) -> bool:
    """The token is part of a name, place or organisation the linker found."""
    return mention_at(view, tok) is not None


def mention_at(view: DocView, tok: Token) -> Mention | None:
    """The mention the token is part of, if any."""
    i = bisect.bisect_right(view.mention_starts, tok.start) - 1
    return view.mentions[i] if i >= 0 and view.mentions[i].end > tok.start else None


def nearest_person_before(view: DocView, offset: int, taken: set[str]) -> Mention | None:
    """The closest person mention ending before ``offset`` that is not already taken."""
    i = bisect.bisect_left(view.mention_starts, offset) - 1
    while i >= 0:
        m = view.mentions[i]
        sent = view.doc.sentence_at(m.start)
        fresh = m.actor_id not in taken and sent not in view.heading_sentences
        if view.kind_of(m) == "person" and fresh:
            return m
        i -= 1
    return None
