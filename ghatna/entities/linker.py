"""Mention detection and linking: gazetteer + statistical NER → non-overlapping, linked mentions.

Order of work on one document:

1. The gazetteer (:mod:`ghatna.entities.gazetteer`) finds KB aliases, demonyms and office
   phrases; the longest hit wins where hits overlap.
2. The NER model (:mod:`ghatna.entities.ner`) tags each sentence; its PER/LOC/ORG spans fill
   the gaps. A PER span is linked by alias, then by phonetic key (``लारोव`` → Lavrov),
   else becomes a provisional actor with a romanised name. A national body the KB knows
   by a generic name (India's ``विदेश मंत्रालय``) right after another country's name is
   that country (``पाकिस्तान के विदेश मंत्रालय``).
3. Role phrases are assembled: ``रूस के`` / ``रूसी`` before an office phrase gives its
   country, a state (``महाराष्ट्र के``) its country and region, and for a regional office
   a city gives the region it lies in (``दिल्ली के मुख्यमंत्री``); an office phrase right
   before a name is recorded on that name (``विदेश मंत्री
   एस जयशंकर`` is one PER with a role), otherwise it is a ROLE mention that
   :func:`ghatna.entities.roles.resolve_roles` links at the document date.
4. One word of the name of a person the article names in full, standing alone anywhere
   in it, is that person (rules ``surname``: ``सिंह`` after ``राजनाथ सिंह``, and
   ``given-name``: ``योगी`` in a headline over ``योगी आदित्यनाथ``).
5. A person the KB does not know takes the country of a place or body that a short
   description before the name belongs to (``अमेरिकी प्रतिनिधि सभा की अध्यक्ष नैन्सी
   पेलोसी``, ``चीन के डॉक्टर ली वेनलियांग``), in all its mentions.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from itertools import compress, islice
from typing import Any

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from ghatna.clean.normalize import fold
from ghatna.document import Doc, Mention
from ghatna.entities import ner as _ner
from ghatna.entities.gazetteer import Entry, Gazetteer, load_offices
from ghatna.entities.kb import Actor, KnowledgeBase
from ghatna.entities.ner import NerModel, is_initial, spans_from_tags
from ghatna.entities.phonetic import (
    SKELETON_LETTERS,
    close_enough,
    display_name,
    is_title,
    name_core,
    phonetic_key,
    skeleton,
    slug,
)
from ghatna.time.lexicon import key as time_key
from ghatna.time.lexicon import load_lexicon as load_time_lexicon

_DEVANAGARI = re.compile(r"[\u0900-\u097f]")
_OF = re.compile(r"\s+(?:के|की|का)\s+$")
_GAP = re.compile(r"\s*$")
_HONORIFIC = re.compile(r"(?:डॉ\.?|डॉक्टर|श्री|श्रीमती|सुश्री|Dr\.?|Mr\.?|Mrs\.?|Ms\.?)\s*$")
_ADJECTIVE_GAP = re.compile(r"\s+(?:(?:नए|नई|नये)\s+)?$")
_SENTENCE_END = re.compile(r"[।!?\n]+|\.(?=\s)")
_NAME_FOLLOWERS = frozenset(("ने", "से", "की", "के", "का", "को", "भी", "और"))
_ONE_WORD = re.compile(r"\s+([\u0900-\u0963\u0971-\u097f]+)\s+")
_WORDS_AFTER_AN_OFFICE = (
    "भी ही तो तक अब आज कल फिर खुद स्वयं पहले बाद रहे रही रहा रह चुके चुकी बने बनी बना बन"
    " पद और व एवं तथा या इस उस यह वह ये वे जो जिन श्री ने से को का की के में पर"
)
_NOT_GIVEN_NAMES = frozenset(map(fold, _WORDS_AFTER_AN_OFFICE.split()))
"""Words that stand between an office and a name in their own right (``मंत्री रहे``)."""
_PUNCTUATION = re.compile(r"[^\w\s.\u0900-\u097f]|[।॥]")
_GENITIVE = frozenset(("के", "की", "का"))
_NOT_A_DESCRIPTION = frozenset(
    (
        *("ने", "को", "से", "में", "पर", "तक", "और", "तथा", "व", "एवं", "या", "भी", "ही"),
        *("तो", "लिए", "साथ", "बाद", "पहले", "खिलाफ", "बीच", "दौरान", "ओर", "तरफ", "द्वारा"),
        *("जरिए", "पास", "बारे", "वाले", "वाली", "वाला", "है", "हैं", "था", "थे", "थी"),
        *("लौटे", "आए", "आये", "गए", "गये", "पहुंचे", "पहुंची", "रहे", "रही", "रहा", "हुए"),
        *("हुई", "हुआ", "बने", "बनी", "करने", "जाने", "आने", "होने", "कहा", "बताया"),
    )
)
"""Words that end the description of a person (``चीन से लौटे अभिनेता …`` says where
the actor came from, not whose he is)."""
_ANY_COUNTRYS = re.compile(r"(?:मंत्रालय|विभाग|सरकार|संसद|अदालत|कोर्ट|सेना|पुलिस|आयोग|दूतावास)$")
"""A body named by what it does: the KB links ``स्वास्थ्य मंत्रालय`` to India's, but in a
story from Tehran it is Iran's, so its spokesman's country is not taken from it."""
_KIND_OF = {
    "person": "PER",
    "country": "GPE",
    "region": "LOC",
    "city": "LOC",
    "org": "ORG",
    "agency": "ORG",
    "summit": "ORG",
}


@dataclass
class _Item:
    """A candidate span before it becomes a Mention."""

    start: int
    end: int
    entries: tuple[Entry, ...] = ()
    ner: str | None = None
    confidence: float = 0.0
    attrs: dict[str, Any] = field(default_factory=dict)

    @property
    def first(self) -> Entry | None:
        return self.entries[0] if self.entries else None


class _Tokens:
    """The tokens of one sentence as :func:`ghatna.entities.ner.tokenize` cuts them,
    held as parallel lists (words, and where they start and end in the document) rather
    than one object per token: a third of the cost, on every sentence of every document.

    Where a token is is worked out when first asked for, and only up to that token: only
    the names the NER model finds and the words before a postposition are ever asked for.
    Tokens are apart by spaces only (every other character is in a token), so the next
    token is the first place its word occurs after the one before."""

    __slots__ = ("_ends", "_starts", "end", "start", "text", "words")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text, self.start, self.end = text, start, end
        self.words: list[str] = _ner._TOKEN.findall(text, start, end)
        self._starts: list[int] = []
        self._ends: list[int] = []

    def _locate(self, k: int) -> None:
        """Find tokens up to ``k``."""
        starts, ends, words, find = self._starts, self._ends, self.words, self.text.find
        at = ends[-1] if ends else self.start
        for j in range(len(starts), k + 1):
            at = find(words[j], at)
            starts.append(at)
            at += len(words[j])
            ends.append(at)

    def start_of(self, k: int) -> int:
        """Where token ``k`` starts in the document."""
        if k >= len(self._starts):
            self._locate(k)
        return self._starts[k]

    def end_of(self, k: int) -> int:
        """Where token ``k`` ends in the document."""
        if k >= len(self._ends):
            self._locate(k)
        return self._ends[k]

    @property
    def spans(self) -> list[tuple[int, int]]:
        """(start, end) of every token."""
        self._locate(len(self.words) - 1)
        return list(zip(self._starts, self._ends, strict=True))


class _Provisional:
    """The provisional actors of one document: one id per name whatever its title
    (:func:`~ghatna.entities.phonetic.name_core` is applied by the caller)."""

    def __init__(self) -> None:
        self._ids: dict[tuple[str, str], str] = {}
        self._names: dict[str, str] = {}

    def actor(self, kind: str, core: str) -> tuple[str, str]:
        """(id, display name) of the actor ``core`` (a name without titles) names."""
        actor_id = self._ids.get((kind, core))
        if actor_id is None:
            actor_id = f"provisional/{kind.lower()}/{slug(core)}"
            self._ids[(kind, core)] = actor_id
            self._names.setdefault(actor_id, display_name(core))
        return actor_id, self._names[actor_id]


def _kb_mention(it: _Item, surface: str, actor: Actor, rule: str, confidence: float) -> Mention:
    """A mention the NER found, linked to KB ``actor`` by ``rule``."""
    attrs = {"country": actor.country, "name": actor.name, **it.attrs}
    return Mention(
        it.start, it.end, surface, _KIND_OF[actor.kind], actor.id, rule, confidence, attrs
    )


_SURE_NAME = 0.4
"""How sure the NER model must be of a full name (the linker's confidence, at most 0.6
for a provisional person) before a lone word the model left untagged is taken for it:
the unsure ones are mostly places and companies tagged PER (``अबीर गुलाल``, 0.27)."""


def _part_mention(
    start: int,
    end: int,
    surface: str,
    part: tuple[Mention, str],
    confidence: float,
    attrs: dict[str, Any],
) -> Mention:
    """A one-word name linked to the person ``part`` says the article named in full."""
    named, rule = part
    found = {"country": named.attrs.get("country"), "name": named.attrs.get("name")}
    return Mention(start, end, surface, "PER", named.actor_id, rule, confidence, {**attrs, **found})


def _given_name_before(text: str, office_end: int, nxt: _Item) -> int | None:
    """Where a name really starts when the NER model took only its last word after an
    office: a foreign given name that is also a Hindi word (``वाणिज्य मंत्री जीना
    रायमोंडो``, ``रक्षा मंत्री पीट हेगसेथ``) is left out of the span. The one word between
    the office and a one-word name the KB does not know is that given name, unless it
    is a word that stands there in its own right (``मंत्री भी``, ``मंत्री रहे``)."""
    if nxt.ner != "PER" or nxt.first is not None or " " in text[nxt.start : nxt.end].strip():
        return None
    gap = _ONE_WORD.fullmatch(text, office_end, nxt.start)
    if gap is None or fold(gap.group(1)) in _NOT_GIVEN_NAMES:
        return None
    return gap.start(1)


def _country_described(text: str, mentions: list[Mention]) -> None:
    """Give a person the KB does not know the country that the text says in a short
    description before the name: a demonym, or a place or body with a country, with
    at most four words after it (and its ``के``/``की``/``का``) that end in a title or
    descriptor (``अमेरिकी प्रतिनिधि सभा की अध्यक्ष नैन्सी पेलोसी``, ``पाकिस्तान के
    पूर्व कप्तान …``). All mentions of that person take it, with the span of the words
    that said it (``country_span``); two descriptions that disagree say nothing."""
    found: dict[str, tuple[str, list[int]] | None] = {}
    for owner, m in zip(mentions, mentions[1:], strict=False):
        actor_id = m.actor_id or ""
        if (
            m.kind != "PER"
            or not actor_id.startswith("provisional/")
            or m.attrs.get("country")
            or owner.kind == "PER"
            or (owner.kind == "ORG" and _ANY_COUNTRYS.search(owner.text))
            or owner.confidence < 0.8
            or not (country := owner.attrs.get("country"))
        ):
            continue
        between = text[owner.end : m.start]
        words = between.split()
        if words and words[0] in _GENITIVE:
            words = words[1:]
        if (
            len(words) > 4
            or (words and not is_title(words[-1]))
            or any(w in _NOT_A_DESCRIPTION for w in words)
            or _PUNCTUATION.search(between)
        ):
            continue
        said = found.setdefault(actor_id, (country, [owner.start, owner.end]))
        if said is not None and said[0] != country:
            found[actor_id] = None
    for m in mentions:
        said = found.get(m.actor_id) if m.actor_id else None
        if said is not None and not m.attrs.get("country"):
            m.attrs["country"], m.attrs["country_span"] = said


def sentence_spans(doc: Doc) -> list[tuple[int, int]]:
    """The doc's sentences, or, for a hand-built Doc without them, a split on danda/newline."""
    if doc.sentences:
        return [(s.start, s.end) for s in doc.sentences]
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(doc.text):
        spans.append((start, m.end()))
        start = m.end()
    if start < len(doc.text):
        spans.append((start, len(doc.text)))
    return spans


def _before_followers(words: list[str]) -> Iterator[int]:
    """Positions of the words a name follower comes after (``लावरोफ`` in ``लावरोफ ने``),
    the words tested against the followers in C (a sentence has some 25 words, few of
    them before a follower)."""
    return compress(range(len(words)), map(_NAME_FOLLOWERS.__contains__, islice(words, 1, None)))


def _skeleton_cutoff(length: int) -> int:
    """How many edits a skeleton of ``length`` letters may be from a KB person's."""
    return 1 if length <= 4 else 2 if length <= 7 else 3


_SKELETON_BITS = {ch: 1 << i for i, ch in enumerate(SKELETON_LETTERS)}
"""A bit for each character a :func:`~ghatna.entities.phonetic.skeleton` is made of."""


def _letter_bits(skel: str) -> int:
    """The characters ``skel`` has, as bits (:data:`_SKELETON_BITS`)."""
    return sum(_SKELETON_BITS[ch] for ch in set(skel))


def _mask(items: Sequence[_Item | Mention], length: int) -> bytearray:
    """One byte per character up to ``length``: 1 where one of ``items`` covers it.
    ``bytearray.find`` then answers "is any of these characters taken?" in C."""
    mask = bytearray(length)
    for it in items:
        mask[it.start : it.end] = b"\x01" * (it.end - it.start)
    return mask


def _joined(hits: list[tuple[int, int, Entry]]) -> list[tuple[int, int, Entry]]:
    """Hits plus the union of each chain of overlapping aliases of one actor: in
    ``मुख्यमंत्री योगी आदित्यनाथ`` the aliases ``मुख्यमंत्री योगी`` and ``योगी आदित्यनाथ``
    overlap, and taking the longer alone would leave ``आदित्यनाथ`` a second mention of
    the same man."""
    by_actor: dict[str, list[tuple[int, int, Entry]]] = {}
    for hit in hits:
        if hit[2].kind == "actor" and not hit[2].ambiguous:
            by_actor.setdefault(hit[2].ref, []).append(hit)
    joined = list(hits)
    for same in by_actor.values():
        if len(same) < 2:
            continue
        same.sort(key=lambda hit: hit[:2])
        spans = {hit[:2] for hit in same}
        start, end, entry = same[0]
        for s, e, _ in same[1:]:
            if s < end < e:
                end = e
                if (start, end) not in spans:
                    joined.append((start, end, entry))
            elif s >= end:
                start, end = s, e
    return joined


def _select(hits: list[tuple[int, int, Entry]]) -> list[_Item]:
    """Non-overlapping items from overlapping hits (start, end, entry): longest first,
    then leftmost; overlapping aliases of one actor are one item (:func:`_joined`)."""
    by_span: dict[tuple[int, int], list[Entry]] = {}
    for s, e, entry in _joined(hits):
        by_span.setdefault((s, e), []).append(entry)
    taken: list[_Item] = []
    occupied = bytearray(max((e for _, e in by_span), default=0))
    for (s, e), entries in sorted(by_span.items(), key=lambda kv: (kv[0][0] - kv[0][1], kv[0][0])):
        if occupied.find(1, s, e) >= 0:
            continue
        occupied[s:e] = b"\x01" * (e - s)
        taken.append(_Item(s, e, tuple(entries)))
    return sorted(taken, key=lambda it: it.start)


class EntityLinker:
    """Finds and links the actors of one document (see the module docstring)."""

    def __init__(self, kb: KnowledgeBase, ner: NerModel | None) -> None:
        self.kb = kb
        self.gazetteer = Gazetteer(kb)
        self.ner = ner
        self.offices = load_offices()
        people = [a for a in kb if a.kind == "person"]
        self._fuzzy_cache: dict[str, Actor | None] = {}
        lexicon = ner.featurizer.lexicon if ner is not None else {}
        self._never_names = frozenset(w for w, classes in lexicon.items() if "pn0" in classes)
        """Words the hindiPOS lexicon knows only as common words, even those in a KB alias
        (``जो`` of ``जो बाइडन``): never a name standing alone."""
        self._common = frozenset(w for w in self._never_names if "kbPER" not in lexicon[w])
        """Those of them no KB person's name holds: never fuzzy names."""
        calendar = load_time_lexicon()
        self._calendar = frozenset((*calendar.months, *calendar.weekdays))
        """Month and weekday names (time-lexicon keys): ``जून`` of ``15 जून को`` is no
        part of ``डोंग जून`` standing alone."""
        self._name_like_cache: dict[str, bool] = {}
        self._find_cache: dict[str, Actor | None] = {}
        self._fuzzy_keys: dict[str, tuple[list[str], list[str]]] = {}
        """First letter → (phonetic keys of KB people's aliases, their actor ids): keys
        are only :func:`close_enough` when they start alike and have five letters."""
        skeletons: set[str] = set()
        for actor in people:
            for alias in actor.aliases:
                key = phonetic_key(alias)
                if len(key) >= 5:
                    keys, ids = self._fuzzy_keys.setdefault(key[0], ([], []))
                    keys.append(key)
                    ids.append(actor.id)
                if _DEVANAGARI.search(alias):
                    skeletons.add(skeleton(alias))
        by_length: dict[int, list[str]] = {}
        for skel in sorted(skeletons):
            by_length.setdefault(len(skel), []).append(skel)
        letters = {skel: _letter_bits(skel) for skel in skeletons}
        self._skeleton_windows: dict[int, tuple[list[str], np.ndarray]] = {}
        """Length n of a skeleton → the skeletons of KB people's Devanagari aliases that
        could be within :func:`_skeleton_cutoff` edits of it (a skeleton within c edits
        of another is at most c letters longer or shorter), and their letters
        (:func:`_letter_bits`)."""
        for n in range(max(by_length, default=0) + 4):
            cutoff = _skeleton_cutoff(n)
            near = [s for k in range(n - cutoff, n + cutoff + 1) for s in by_length.get(k, ())]
            if near:
                bits = np.array([letters[s] for s in near], dtype=np.uint64)
                self._skeleton_windows[n] = (near, bits)

    # --- detection -----------------------------------------------------------------
    def gazetteer_items(self, text: str) -> list[_Item]:
        return _select(self.gazetteer.occurrences(text))

    def _ner_items(self, doc: Doc, taken: list[_Item], sentences: list[_Tokens]) -> list[_Item]:
        if self.ner is None:
            return []
        occupied = _mask(taken, len(doc.text))
        office_items = [it for it in taken if it.first is not None and it.first.kind == "office"]
        offices = _mask(office_items, len(doc.text)) if office_items else None
        items: list[_Item] = []
        tagged = self.ner.tag_sentences([tokens.words for tokens in sentences])
        for tokens, (tags, marginals) in zip(sentences, tagged, strict=True):
            if marginals is None:  # no words, or no name (half the sentences)
                continue
            words = tokens.words
            for first, last, kind in spans_from_tags(tags):
                # a name neither starts nor ends with punctuation ("डॉ . अग्रवाल")
                while first < last and not any(map(str.isalnum, words[first])):
                    first += 1
                while last > first and not any(map(str.isalnum, words[last - 1])):
                    last -= 1
                if first == last:
                    continue
                if kind == "PER" and offices is not None:
                    first = self._after_office(tokens, first, last, offices)
                start, end = tokens.start_of(first), tokens.end_of(last - 1)
                if occupied.find(1, start, end) >= 0:
                    if kind != "PER":  # only a person span overrides (_ner_overrides)
                        continue
                    inside = [it for it in taken if start <= it.start and it.end <= end]
                    if not self._ner_overrides(doc.text, kind, start, end, inside, occupied):
                        continue
                    for it in inside:
                        taken.remove(it)
                        occupied[it.start : it.end] = bytes(it.end - it.start)
                conf = sum(marginals[first:last]) / (last - first)
                items.append(_Item(start, end, ner=kind, confidence=round(0.6 * conf, 3)))
        return items

    @staticmethod
    def _after_office(tokens: _Tokens, first: int, last: int, offices: bytearray) -> int:
        """Where an NER person span starting with an office phrase really starts:
        "सीएम केशव प्रसाद मौर्य" tagged as one name is the role and a name of two or more
        words (otherwise the overlap would drop the name). A single word left over
        ("पीएम CARES", "सीएम नीतीश") is too often no name, or a surname the role
        resolution links better, so such spans stay as they are (and are dropped)."""
        new = first
        while new < last and offices[tokens.start_of(new)] and offices[tokens.end_of(new) - 1]:
            new += 1
        return new if new > first and last - new >= 2 else first

    @staticmethod
    def _ner_overrides(
        text: str, kind: str, start: int, end: int, inside: list[_Item], occupied: bytearray
    ) -> bool:
        """An NER person span may replace a KB single-word person hit it extends
        (``जयशंकर प्रसाद`` is not ``जयशंकर``), never anything else, and not when the
        words it adds are initials (``के पलानीस्वामी`` is Palaniswami)."""
        if kind != "PER" or len(inside) != 1:
            return False
        it = inside[0]  # within start:end
        if occupied.find(1, start, it.start) >= 0 or occupied.find(1, it.end, end) >= 0:
            return False
        added = (text[start : it.start] + " " + text[it.end : end]).replace(".", " ").split()
        if all(map(is_initial, added)):
            return False
        entry = it.first
        return (
            (start < it.start or it.end < end)
            and entry is not None
            and entry.kind == "actor"
            and entry.ref.startswith("person/")
            and " " not in entry.surface.strip()
        )

    # --- linking -------------------------------------------------------------------
    def fuzzy(self, surface: str) -> Actor | None:
        """The one KB person whose alias is ``surface`` up to a typo or transliteration."""
        if surface in self._fuzzy_cache:
            return self._fuzzy_cache[surface]
        actor = None
        if self.could_be_kb_person(surface) and len(key := phonetic_key(surface)) >= 5:
            keys, key_ids = self._fuzzy_keys.get(key[0], ((), ()))
            found = process.extract(
                key, keys, scorer=Levenshtein.distance, score_cutoff=2, limit=None
            )
            ids = {key_ids[i] for cand, _, i in found if close_enough(key, cand)}
            actor = self.kb.actor(ids.pop()) if len(ids) == 1 else None
        if len(self._fuzzy_cache) > 100_000:
            self._fuzzy_cache.clear()
        self._fuzzy_cache[surface] = actor
        return actor

    def could_be_kb_person(self, surface: str) -> bool:
        """A cheap screen before :meth:`fuzzy` romanises: a Devanagari surface must be
        within a few consonant edits of a KB person's alias (Latin ones always pass)."""
        if not _DEVANAGARI.search(surface):
            return True
        skel = skeleton(surface)
        window = self._skeleton_windows.get(len(skel))
        if window is None:
            return False
        cutoff = _skeleton_cutoff(len(skel))
        # A letter one skeleton has and the other has not takes an edit of its own, so
        # skeletons with more than ``cutoff`` such letters are not measured (most are).
        names, bits = window
        have = np.uint64(_letter_bits(skel))
        differ = bits ^ have
        near = (np.bitwise_count(differ & bits) <= cutoff) & (
            np.bitwise_count(differ & have) <= cutoff
        )
        choices = [names[i] for i in np.flatnonzero(near).tolist()]
        found = process.extractOne(skel, choices, scorer=Levenshtein.distance, score_cutoff=cutoff)
        return found is not None

    def _kb_find(self, name: str) -> Actor | None:
        """The first actor :meth:`KnowledgeBase.find` gives for ``name`` (remembered:
        the same names come back in document after document)."""
        if name in self._find_cache:
            return self._find_cache[name]
        found = self.kb.find(name)
        if len(self._find_cache) > 100_000:
            self._find_cache.clear()
        actor = self._find_cache[name] = found[0] if found else None
        return actor

    def _actor_mention(self, text: str, it: _Item, entries: list[Entry]) -> Mention:
        actors = [a for a in (self.kb.actor(e.ref) for e in entries) if a is not None]
        actor = actors[0]
        ambiguous = len(actors) > 1 or any(e.ambiguous for e in entries)
        conf = 0.95 if " " in text[it.start : it.end].strip() else 0.9
        if ambiguous:
            conf = 0.5
        attrs: dict[str, Any] = {"country": actor.country, "name": actor.name, **it.attrs}
        if len(actors) > 1:
            attrs["candidates"] = [a.id for a in actors]
        if ambiguous:
            attrs["ambiguous"] = True
        return Mention(
            it.start,
            it.end,
            text[it.start : it.end],
            _KIND_OF[actor.kind],
            actor.id,
            "gazetteer",
            conf,
            attrs,
        )

    def _foreign_owner(self, text: str, body: Mention, prev: Mention | None) -> Mention | None:
        """``पाकिस्तान के विदेश मंत्रालय``: a national body the KB knows by a generic name
        (India's ``विदेश मंत्रालय``) owned by another country named just before is that
        country's, so the whole phrase stands for that country, not for India's body."""
        org = self.kb.actor(body.actor_id) if body.actor_id else None
        if org is None or org.kind != "org" or not org.country or prev is None:
            return None
        owner = prev.attrs.get("country") if prev.kind == "GPE" else None
        between = text[prev.end : body.start]
        of = _OF.fullmatch(between) or (prev.attrs.get("demonym") and not between.strip())
        if not owner or owner == org.country or not of:
            return None
        country = self.kb.actor(f"country/{owner}")
        return Mention(
            prev.start,
            body.end,
            text[prev.start : body.end],
            "ORG",
            f"country/{owner}",
            "gazetteer",
            min(prev.confidence, body.confidence),
            {"country": owner, "name": country.name if country else owner, "body": org.name},
        )

    def _ner_mention(self, text: str, it: _Item, provisional: _Provisional) -> Mention:
        surface = text[it.start : it.end]
        kind = it.ner or "PER"
        core = name_core(surface) if kind == "PER" else surface
        a = self._kb_find(surface)
        if a is None and core != surface:
            a = self._kb_find(core)
        if a is not None:
            return _kb_mention(it, surface, a, "gazetteer", 0.9)
        if kind == "PER":
            actor = self.fuzzy(surface) or (self.fuzzy(core) if core != surface else None)
            if actor is not None:
                return _kb_mention(it, surface, actor, "fuzzy", 0.75)
        actor_id, name = provisional.actor(kind, core)
        attrs = {"name": name, **it.attrs}
        attrs.setdefault("country", None)
        return Mention(it.start, it.end, surface, kind, actor_id, "ner-crf", it.confidence, attrs)

    def annotate(self, doc: Doc) -> list[Mention]:
        """Mentions of actors, places, organisations and role phrases in ``doc.text``."""
        text = doc.text
        sentences = [_Tokens(text, s, e) for s, e in sentence_spans(doc)]
        items = self.gazetteer_items(text)
        found = self._ner_items(doc, items, sentences)
        found.extend(self._unknown_words(sentences, [*items, *found]))
        items = sorted([*items, *found], key=lambda it: it.start)
        self._fuzzy_single_words(text, items)
        mentions = self._named_again(sentences, self._assemble(text, items))
        _country_described(text, mentions)
        return mentions

    def _name_parts(self, mentions: list[Mention]) -> dict[str, tuple[Mention, str] | None]:
        """Folded word → (the mention that named a person in full, ``surname`` or
        ``given-name``) for each word of the people the article names; ``None`` for a
        word two of them share. A KB person's words come from the mention and from
        their Hindi name (``मुख्यमंत्री योगी`` gives ``योगी`` and ``आदित्यनाथ``)."""
        parts: dict[str, tuple[Mention, str] | None] = {}
        for m in mentions:
            if m.kind != "PER" or not m.actor_id or "ambiguous" in m.attrs:
                continue
            names = [name_core(m.text)]
            actor = self.kb.actor(m.actor_id)
            if actor is not None and actor.hindi:
                names.insert(0, name_core(actor.hindi))  # where each word stands in the name
            elif len(names[0].split()) < 2:
                continue  # a provisional one-word name is its own actor already
            for name in names:
                words = name.split()
                for i, word in enumerate(words):
                    if is_initial(word):
                        continue
                    key = fold(word)
                    part = (m, "surname" if i == len(words) - 1 else "given-name")
                    known = parts.setdefault(key, part)
                    if known is not None and known[0].actor_id != m.actor_id:
                        parts[key] = None
        return parts

    def _named_again(self, sentences: list[_Tokens], mentions: list[Mention]) -> list[Mention]:
        """Hindi papers name a person in full once, then by one word of that name: the
        surname (``सिंह`` after ``राजनाथ सिंह``), or the given name many politicians go
        by (``योगी``, ``अखिलेश``, ``राहुल``), in the headline too, before the full name.
        Such a word is that person when no other person the article names shares it:
        a one-word name the NER model could not link (``वर्मा`` after ``सुनील वर्मा``),
        or a word nobody claimed that stands where a name stands, before a postposition
        (the model often leaves a lone ``योगी ने`` untagged), unless the POS lexicon
        knows it only as a common word (``जो`` of ``जो बाइडन`` in ``जो भी``), it names a
        month or a weekday (``जून`` of ``डोंग जून`` in ``15 जून को``), or the full
        name was an unsure guess of the model's (:data:`_SURE_NAME`)."""
        parts = self._name_parts(mentions)
        if not any(parts.values()):
            return mentions
        out = []
        for m in mentions:
            core = name_core(m.text)
            part = parts.get(fold(core)) if " " not in core else None
            if part is not None and m.kind != "PER" and "role" not in part[0].attrs:
                # a word the model tagged a place or body is still the name of a person
                # the article gave an office (a lone ``रायमोंडो`` after ``वाणिज्य मंत्री
                # जीना रायमोंडो``); of anyone else it may be a place named like them
                part = None
            if part is None or m.rule not in ("ner-crf", "fuzzy") or part[0].actor_id == m.actor_id:
                out.append(m)
                continue
            out.append(_part_mention(m.start, m.end, m.text, part, 0.8, m.attrs))
        occupied = _mask(out, len(sentences[-1].text) if sentences else 0)
        for tokens in sentences:
            words = tokens.words
            for k in _before_followers(words):
                part = parts.get(key := fold(words[k]))
                if (
                    part is not None
                    and key not in self._never_names
                    and time_key(words[k]) not in self._calendar
                    and (part[0].rule != "ner-crf" or part[0].confidence >= _SURE_NAME)
                    and not occupied[start := tokens.start_of(k)]
                ):
                    out.append(_part_mention(start, tokens.end_of(k), words[k], part, 0.7, {}))
        return sorted(out, key=lambda m: m.start)

    def _name_like(self, word: str) -> bool:
        """Could ``word`` be a (mistyped) name? Not when the POS lexicon knows it only
        as a common word, nor when it is too short to match safely."""
        known = self._name_like_cache.get(word)
        if known is None:
            known = len(word) >= 4 and fold(word) not in self._common
            if len(self._name_like_cache) > 100_000:
                self._name_like_cache.clear()
            self._name_like_cache[word] = known
        return known

    def _unknown_words(self, sentences: list[_Tokens], taken: list[_Item]) -> list[_Item]:
        """Words nobody claimed that are, up to a typo, a KB person's name, and stand
        where a name stands (before a postposition): ``लावरोफ ने`` → Lavrov."""
        occupied = _mask(taken, len(sentences[0].text) if sentences else 0)
        found = []
        for tokens in sentences:
            words = tokens.words
            for k in _before_followers(words):
                if (
                    len(word := words[k]) >= 4
                    and self._name_like(word)
                    # a word already known to be no KB person need not be located
                    and self._fuzzy_cache.get(word, True) is not None
                    and not occupied[start := tokens.start_of(k)]
                    and self.fuzzy(word) is not None
                ):
                    found.append(_Item(start, tokens.end_of(k), ner="PER", confidence=0.6))
        return found

    def _fuzzy_single_words(self, text: str, items: list[_Item]) -> None:
        """Gazetteer-unknown single words the NER model tagged as names are already linked by
        :meth:`fuzzy`; this keeps NER LOC/ORG words that are really KB person typos
        (``लारोव`` tagged LOC) from staying unlinked."""
        for it in items:
            surface = text[it.start : it.end]
            if it.ner in ("LOC", "ORG") and " " not in surface and self.fuzzy(surface):
                it.ner = "PER"

    def _assemble(self, text: str, items: list[_Item]) -> list[Mention]:
        out: list[Mention] = []
        provisional = _Provisional()
        consumed: set[int] = set()
        for i, it in enumerate(items):
            if i in consumed:
                continue
            entry = it.first
            if entry is not None and entry.kind == "office":
                mention, used = self._role(text, items, i, provisional)
                consumed.update(used)
                starts = {items[u].start for u in used}
                out = [m for m in out if m.start not in starts]
                out.extend(mention)
                continue
            if entry is not None and entry.kind == "demonym":
                out.append(
                    Mention(
                        it.start,
                        it.end,
                        text[it.start : it.end],
                        "GPE",
                        f"country/{entry.ref}",
                        "gazetteer",
                        0.5 if entry.ambiguous else 0.85,
                        {"country": entry.ref, "demonym": True},
                    )
                )
                continue
            if entry is not None:
                mention = self._actor_mention(
                    text, it, [e for e in it.entries if e.kind == "actor"]
                )
                owner = self._foreign_owner(text, mention, out[-1] if out else None)
                if owner is not None:
                    out[-1] = owner
                else:
                    out.append(mention)
            else:
                out.append(self._ner_mention(text, it, provisional))
        return sorted(out, key=lambda m: m.start)

    def _role(
        self, text: str, items: list[_Item], i: int, provisional: _Provisional
    ) -> tuple[list[Mention], set[int]]:
        """The mentions an office phrase at ``items[i]`` yields, and the items it used."""
        it = items[i]
        office = self.offices[it.first.ref]  # type: ignore[union-attr]
        start, country, region, used = it.start, None, None, {i}
        prev = items[i - 1] if i > 0 else None
        qualifier: Mention | None = None
        if prev is not None and prev.first is not None:
            between = text[prev.end : it.start]
            pe = prev.first
            place = (
                self._jurisdiction(prev.entries, office.regional)
                if _OF.fullmatch(between)
                else None
            )
            if (
                pe.kind == "demonym"
                and _ADJECTIVE_GAP.fullmatch(between)
                or (pe.kind == "demonym" and not between.strip())
            ):
                country, start = pe.ref, prev.start
                used.add(i - 1)
            elif place is not None:
                actor, country, region = place
                used.add(i - 1)
                qualifier = Mention(
                    prev.start,
                    prev.end,
                    text[prev.start : prev.end],
                    _KIND_OF[actor.kind],
                    actor.id,
                    "gazetteer",
                    0.95,
                    {"country": country, "name": actor.name, "qualifies_role": True},
                )
        role = {
            "office": office.office,
            "country": country,
            "title": office.title_for(country),
            "span": [start, it.end],
            "text": text[start : it.end],
        }
        if region:
            role["region"] = region
        nxt = items[i + 1] if i + 1 < len(items) else None
        mentions: list[Mention] = [qualifier] if qualifier else []
        given = _given_name_before(text, it.end, nxt) if nxt is not None else None
        if (
            nxt is not None
            and self._is_name(nxt)
            and (
                _GAP.fullmatch(text[it.end : nxt.start])
                or _HONORIFIC.fullmatch(text[it.end : nxt.start].strip())
                or given is not None
            )
        ):
            if given is not None:
                nxt.start = given
            used.add(i + 1)
            nxt.attrs["role"] = role
            if nxt.first is not None:
                person = self._actor_mention(
                    text, nxt, [e for e in nxt.entries if e.kind == "actor"]
                )
            else:
                if country:
                    nxt.attrs["country"] = country
                person = self._ner_mention(text, nxt, provisional)
            mentions.append(person)
            return mentions, used
        mentions.append(
            Mention(
                start,
                it.end,
                text[start : it.end],
                "ROLE",
                None,
                "role-phrase",
                0.9 if country else 0.7,
                {
                    "office": office.office,
                    "country": country,
                    "title": office.title_for(country),
                    **({"region": region} if region else {}),
                },
            )
        )
        return mentions, used

    def _jurisdiction(
        self, entries: tuple[Entry, ...], regional: bool
    ) -> tuple[Actor, str, str | None] | None:
        """(place, country, region) when ``entry`` can say whose office follows it in
        "X के <office>": a country; a region (state); for a regional office, a city
        through the region it lies in (``दिल्ली के मुख्यमंत्री``). An ambiguous name
        (पंजाब: India's state or Pakistan's province), or one naming several actors, says
        nothing."""
        if len(entries) != 1 or entries[0].kind != "actor" or entries[0].ambiguous:
            return None
        actor = self.kb.actor(entries[0].ref)
        if actor is None or actor.country is None:
            return None
        if actor.kind == "country":
            return actor, actor.country, None
        if actor.kind == "region":
            return actor, actor.country, actor.name
        if actor.kind == "city" and regional and actor.region:
            return actor, actor.country, actor.region
        return None

    @staticmethod
    def _is_name(it: _Item) -> bool:
        if it.ner == "PER":
            return True
        return (
            it.first is not None and it.first.kind == "actor" and it.first.ref.startswith("person/")
        )
