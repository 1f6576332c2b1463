"""The events stage: triggers → clause frames → event mentions → one per event.

Reads ``doc.text``, ``doc.sentences`` (with ``lang``), ``doc.headings``,
``doc.mentions`` (linked, roles resolved), ``doc.timexes`` and ``doc.document_date``;
writes nothing itself (the pipeline stores the result in ``doc.events``). Headline
paragraphs are skipped (they repeat the body); removed boilerplate is not in the text.

Requirements an event must meet, so that talk is not mistaken for a meeting:
at least one linked actor; a CONSULT needs two participants unless it is a visit to a
place (the host country is then the target) or a gathering someone takes part in.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from typing import Any

from ghatna.clean.normalize import fold
from ghatna.document import Doc, EventActor, EventMention, PartialDate, Quote, TimeExpression
from ghatna.events.anaphora import antecedent, names_only_noun
from ghatna.events.arguments import (
    GENITIVE,
    INHERITING,
    Arg,
    DocView,
    Frame,
    agent_after,
    anaphor_agent,
    bilateral_gathering,
    both_countries,
    clause_window,
    countries_of,
    here,
    inside_mention,
    is_person,
    mentions_both_leaders,
    place_of,
    possessive_object,
    read_args,
    traveller_after,
)
from ghatna.events.lexicon import Lexicon, load_lexicon
from ghatna.events.merge import VenueKey, merge_within_document, orient, venue_words
from ghatna.events.quotes import FoundQuote, find_quotes
from ghatna.events.status import clearly_before, decide_status
from ghatna.events.topics import country_topics, taxonomy_topics
from ghatna.events.triggers import Trigger, find_triggers, tokenize
from ghatna.time.tense import UNTIL_WORDS

_LANGS = {"hi": "hi", "en": "en", "hi-Latn": "en"}
_UNTIL = re.compile(rf"\s*(?:{'|'.join(UNTIL_WORDS)})(?![\w\u0900-\u097f])")
_AGENT_LINKS = ("prev", "और", "तथा")
_BEFORE_COMPLEMENT = frozenset(("को", "से", "ने"))
_CIRCUMSTANCE = frozenset(
    fold(w)
    for w in ("दौरान", "बाद", "पहले", "समय", "मौके", "अवसर", "बीच", "लिए", "साथ", "तहत", "बारे")
)
"""Words after ``X की यात्रा के`` that make the noun say when or why, not what is done."""
_DURING = [fold("के"), fold("दौरान")]
_FIRST_PERSON = frozenset(fold(w) for w in ("मैं", "मैंने", "हम", "हमने", "मुझे", "हमें"))
_PAUSE = re.compile(r"[,;:।!?()\-–—]")


def extract_events(doc: Doc, kb: Any) -> list[EventMention]:
    """Every event the article reports, one mention per event (pure function)."""
    lex = load_lexicon()
    view = DocView(doc, tokenize(doc.text), kb)
    quotes = find_quotes(view)
    events: list[EventMention] = []
    last_meeting: Frame | None = None
    last_trip: Frame | None = None
    last_pair: list[str] = []
    subject: tuple[int, str] | None = None
    for si, sent in enumerate(doc.sentences):
        lang = _LANGS.get(sent.lang)
        if si in view.heading_sentences or lang is None:
            continue
        lo, hi = view.token_at(sent.start), view.token_at(sent.end)
        prev: Frame | None = None
        for trig in find_triggers(lex, doc.text, view.tokens, lo, hi, lang):
            inner = prev if prev is not None and _object_of(view, prev.trig, trig) else None
            after = prev.trig.end if prev is not None and _clause_before(view, prev) else None
            ws, we, link = clause_window(view, sent.start, sent.end, trig, after)
            frame = Frame(_by_phone(view, lex, trig, ws), si, (ws, we), link)
            read_args(view, frame)
            if inner is not None:
                _done_to_doer(frame, inner)
            _complete(view, frame, prev, quotes, last_meeting, subject)
            if last_trip is not None and prev is not None and _during_trip(view, prev):
                _on_the_trip(frame, last_trip)
            both = both_countries(view, frame)
            if both is not None:
                _both_countries(view, frame, both, last_pair)
            elif len(pair := countries_of(view, frame.args)) == 2:
                last_pair = pair
            if prev is not None and _awaits_callee(prev) and frame.link in _AGENT_LINKS:
                call = _build(view, lex, _with_callee(prev, frame), quotes)
                events.extend([call] if call is not None else [])
            event = _build(view, lex, frame, quotes)
            if event is not None:
                events.append(event)
            if sum(is_person(a.actor_id) for a in frame.args) >= 2:
                last_meeting = frame
            if _a_trip(frame):
                last_trip = frame
            agents = [a.actor_id for a in frame.args if a.side == "agent"]
            if len(agents) == 1 and is_person(agents[0]):
                subject = (si, agents[0])
            prev = frame
    return merge_within_document(_recalled_before_preview(events), _venue_key(view))


def _awaits_callee(frame: Frame) -> bool:
    """A call whose callee the next verb names: ``मोदी ने फोन कर पुतिन को बधाई दी``
    (``फोन कर`` closes its clause before ``पुतिन को``)."""
    trig = frame.trig
    alone = [a.side for a in frame.args] == ["agent"]
    return trig.entry.mode == "phone" and trig.tense == "conj" and alone


def _with_callee(call: Frame, nxt: Frame) -> Frame:
    """The call, with the one the next verb addresses (the person or country greeted,
    thanked or asked) as its callee."""
    taken = {a.actor_id for a in call.args}
    callees = [a for a in nxt.args if a.side == "object" and a.actor_id not in taken]
    return replace(call, args=[*call.args, *callees[:1]])


def _by_phone(view: DocView, lex: Lexicon, trig: Trigger, clause_start: int) -> Trigger:
    """A meeting word is a call when its clause said so before it: ``फोन पर अपने
    ऑस्ट्रेलियाई समकक्ष से बात की`` (``फोन पर बात`` itself is a trigger of its own)."""
    entry = trig.entry
    if entry.type != "CONSULT" or entry.mode is not None or entry.role != "meet":
        return trig
    keys = view.tokens.keys[view.token_at(clause_start) : trig.first]
    said = any(
        tuple(keys[i : i + len(phrase)]) == phrase
        for phrase in lex.by_phone
        for i in range(len(keys) - len(phrase) + 1)
    )
    return replace(trig, entry=replace(entry, mode="phone")) if said else trig


def _clause_before(view: DocView, prev: Frame) -> bool:
    """Does the trigger before close a clause of its own? A verb does; a verbless event
    noun only as an adverbial (``मोदी की यात्रा के दौरान``, whose traveller the next
    clause goes on with), not as a part of the next verb's clause (``पुतिन की यात्रा
    पर टिप्पणी करने से विभाग ने इनकार किया``). An infinitive never does: it is a
    complement of the verb after it (``दोनों मंत्रियों ने ... सहयोग बढ़ाने पर सहमति
    जताई``), whose subject stands before it."""
    if prev.trig.tense == "nonfinite":
        return False
    if prev.trig.tense != "bare":
        return True
    keys = _two_after(view, prev.trig)
    return len(keys) == 2 and keys[0] in GENITIVE and keys[1] in _CIRCUMSTANCE


def _two_after(view: DocView, trig: Trigger) -> list[str]:
    """The two words after a trigger (``के दौरान`` after ``यात्रा``)."""
    return view.tokens.keys[trig.last + 1 : trig.last + 3]


def _a_trip(frame: Frame) -> bool:
    """A trip told with its own verb and going somewhere (``भारत की यात्रा पर आएंगे``)."""
    return (
        frame.trig.entry.role in ("arrive", "visit_noun")
        and frame.trig.tense != "bare"
        and frame.location is not None
        and frame.destination
    )


def _during_trip(view: DocView, noun: Frame) -> bool:
    """Is ``noun`` a verbless visit noun saying "during the visit" (``यात्रा के दौरान``)?"""
    trig = noun.trig
    return (
        trig.tense == "bare"
        and trig.entry.role == "visit_noun"
        and _two_after(view, trig) == _DURING
    )


def _on_the_trip(frame: Frame, trip: Frame) -> None:
    """What happens ``यात्रा के दौरान`` happens on the trip the article told of: where it
    went, and when, unless the clause says otherwise (``पुतिन दिसंबर में भारत आएंगे ...
    यात्रा के दौरान वह शिखर सम्मेलन में हिस्सा लेंगे``: in India, in December)."""
    if not {a.actor_id for a in frame.args} & {a.actor_id for a in trip.args}:
        return
    frame.continues = frame.continues or trip
    if frame.location is None:
        frame.location, frame.location_span = trip.location, trip.location_span


def _object_of(view: DocView, noun: Trigger, trig: Trigger) -> bool:
    """Is the verbless event noun ``noun`` the object of ``trig``, ``पेलोसी की ताइवान
    यात्रा का (कड़ा) विरोध किया``: the noun, a genitive, at most one word more?"""
    keys = view.tokens.keys
    between = keys[noun.last + 1 : trig.first]
    return (
        noun.tense == "bare"
        and trig.entry.role in ("directed", "welcome")
        and 1 <= len(between) <= 2
        and between[0] in GENITIVE
        and not any(k in _CIRCUMSTANCE for k in between[1:])
        and not _PAUSE.search(view.doc.text, noun.end, trig.start)
    )


def _done_to_doer(frame: Frame, inner: Frame) -> None:
    """Opposing, welcoming or condemning someone's visit or attack is aimed at them:
    the inner event's doers are the outer one's object, when it has none. The object
    is still the event, not the person (welcoming a visit is support, not a reception)."""
    if any(a.side == "object" for a in frame.args):
        return
    taken = {a.actor_id for a in frame.args}
    frame.args.extend(
        replace(a, side="object")
        for a in inner.args
        if a.side == "agent" and a.actor_id not in taken
    )


def _venue_key(view: DocView) -> VenueKey:
    """A gathering's identity: the organisations named in its venue phrase (``SCO`` and
    ``शंघाई सहयोग संगठन`` are one), else the venue's naming words."""
    orgs = [(m.start, m.end, m.actor_id) for m in view.mentions if m.kind == "ORG" and m.actor_id]

    def key(event: EventMention) -> frozenset[str]:
        lo, hi = event.venue_span or (0, 0)
        named = frozenset(a for s, e, a in orgs if lo <= s and e <= hi and a)
        return named or venue_words(event)

    return key


def _recalled_before_preview(events: list[EventMention]) -> list[EventMention]:
    """In a preview, what already happened before the announced day is context.

    A preview (its first event is planned for a day the text names) is written in the
    days before that day, which bounds its publication more tightly than the document
    date often can (``2025``, a Wednesday). A reported event whose own date lies wholly
    before the announced day (``जुलाई में ... हुई बातचीत`` before ``21 अगस्त``) is
    therefore recalled, not news: ``clearly_before`` keeps the week's grace for days,
    so the arrival the day before the meeting stays happened.
    """
    lead = events[0] if events else None
    if lead is None or lead.status != "planned" or lead.date_span is None:
        return events
    if lead.date.granularity != "day":
        return events
    return [
        replace(e, status="reported_background")
        if e.status == "happened" and e.date_span is not None and clearly_before(e.date, lead.date)
        else e
        for e in events
    ]


def _complete(
    view: DocView,
    frame: Frame,
    prev: Frame | None,
    quotes: list[FoundQuote],
    last_meeting: Frame | None,
    subject: tuple[int, str] | None,
) -> None:
    """Fill what the clause leaves implicit: inherited place, pronoun subject, quoter,
    and the people (and place) of ``दोनों नेताओं`` (see :func:`_both_leaders`)."""
    if frame.location is None and frame.trig.entry.mode != "phone":
        dateline = here(view, frame)
        if dateline is not None:
            frame.location = place_of(view, dateline)
            frame.location_span = (dateline.start, dateline.end)
    if prev is not None and frame.link in INHERITING:
        if frame.location is None and prev.location is not None:
            frame.location, frame.location_span = prev.location, prev.location_span
        if frame.venue is None and prev.venue is not None:
            frame.venue, frame.venue_span, frame.sidelines = (
                prev.venue,
                prev.venue_span,
                prev.sidelines,
            )
    if not frame.args and last_meeting is not None and mentions_both_leaders(view, frame):
        _both_leaders(frame, last_meeting)
    has_agent = any(a.side in ("agent", "between") for a in frame.args)
    taken = {a.actor_id for a in frame.args}
    # a passive's subject is whom it was done to ("... आए X का स्वागत किया गया"): no agent
    passive = "passive" in frame.trig.aux
    if not has_agent and prev is not None and frame.link in _AGENT_LINKS and not passive:
        frame.args.extend(a for a in prev.args if a.side == "agent" and a.actor_id not in taken)
        has_agent = any(a.side == "agent" for a in frame.args)
        # "पुतिन ने मोदी को फोन कर बधाई दी": a conjunctive participle shares its object
        # (a purpose, "मोदी ने मैक्रों को ... शामिल होने के लिए धन्यवाद दिया", needs no
        # sharing: an infinitive opens no clause, so "मैक्रों को" is in the thanks' own)
        conj = prev.trig.tense == "conj"
        shares = conj and frame.trig.entry.role == "directed" and not _about(view, frame)
        if shares and not any(a.side == "object" for a in frame.args):
            frame.args.extend(
                a for a in prev.args if a.side == "object" and a.actor_id not in taken
            )
    if not any(a.side == "object" for a in frame.args):
        done_to = possessive_object(view, frame, taken)
        if done_to is not None:
            frame.args.append(done_to)
            frame.object_is_person = True
            taken.add(done_to.actor_id)
    if not has_agent:
        arg = (
            traveller_after(view, frame, taken)
            or agent_after(view, frame, taken)
            or anaphor_agent(view, frame, taken, subject)
        )
        if arg is not None:
            frame.args.append(arg)
            has_agent = True
    if not has_agent:
        quote = next((q for q in quotes if q.span[0] <= frame.trig.start < q.span[1]), None)
        speaker = quote.speaker_id if quote is not None else None
        if speaker and is_person(speaker) and speaker not in taken and _speaker_acts(view, frame):
            frame.args.append(Arg(quote.speaker_id, quote.span, "agent"))
    unnamed = frame.venue is None or names_only_noun(view, frame.venue_span)
    ante = antecedent(view, frame) if frame.location is None or unnamed else None
    if ante is not None and frame.location is None and ante.place is not None:
        frame.location = place_of(view, ante.place)
        frame.location_span = (ante.place.start, ante.place.end)
    if ante is not None and unnamed and ante.venue is not None:
        frame.venue_span = ante.venue
        frame.venue = view.doc.text[ante.venue[0] : ante.venue[1]]


def _speaker_acts(view: DocView, frame: Frame) -> bool:
    """Is the one quoted the doer of what the quote tells? Of a meeting or a request
    with no subject, yes (``मोदी ने कहा कि पुतिन से सार्थक बातचीत हुई``); of a journey,
    only when the quote says "I" or "we": a spokesman tells of others' journeys
    (``प्रवक्ता ने बताया कि वायुसेना का विमान राहत सामग्री लेकर ढाका पहुंचा``)."""
    if frame.trig.entry.role != "arrive":
        return True
    return not _FIRST_PERSON.isdisjoint(view.keys(frame.window[0], frame.trig.start))


def _about(view: DocView, frame: Frame) -> bool:
    """A condemnation's noun says what it is of, and that is no actor: ``हमले की निंदा``
    (after ``मोदी को फोन कर``, Modi is whom Trump called, not what he condemned; but
    ``जन्मदिन की बधाई`` is an occasion, the greeting still goes to the callee)."""
    first = frame.trig.first
    if frame.trig.entry.type != "ACCUSE" or first < 2:
        return False
    if view.tokens.keys[first - 1] not in GENITIVE:
        return False
    return not inside_mention(view, view.tokens[first - 2])


def _both_leaders(frame: Frame, meeting: Frame) -> None:
    """``दोनों नेताओं`` are the people of the last meeting with two or more.

    When the clause only says what they talked about (a weak trigger: ``चर्चा``,
    ``बात``, ``विचार-विमर्श``) at no gathering of its own, it continues the account of
    that meeting, so it happened where the meeting did (nowhere, for a phone call): a
    place in the clause is then the subject of the talk (``दोनों नेताओं ने पूर्वी लद्दाख
    में तनाव कम करने पर चर्चा की`` after a meeting in Beijing), not where they were;
    and when the meeting did, unless its sentence names a day (:func:`_event_date`).
    """
    frame.args.extend(replace(a, side="between") for a in meeting.args if is_person(a.actor_id))
    if frame.trig.entry.weak and frame.venue is None:
        frame.continues = meeting
        if meeting.location is not None or meeting.trig.entry.mode == "phone":
            frame.location, frame.location_span = meeting.location, meeting.location_span
            frame.destination = meeting.destination


def _both_countries(
    view: DocView, frame: Frame, both: tuple[tuple[int, int], str], pair: list[str]
) -> None:
    """``दोनों देशों`` are the two countries of the last clause whose actors came from
    exactly two (a person counts for their country): ``पाकिस्तान ने भारत पर आरोप
    लगाया। ... अमेरिका ने दोनों देशों से संयम की अपील की``. A country one of the
    clause's own actors already stands for is not added again."""
    span, side = both
    present = countries_of(view, frame.args)
    frame.args.extend(Arg(f"country/{c}", span, side) for c in pair if c not in present)


def _event_date(view: DocView, frame: Frame) -> tuple[PartialDate, tuple[int, int] | None]:
    """The date in the clause, else in the sentence, else that of the meeting the clause
    goes on about (:attr:`Frame.continues`), else that of the gathering a demonstrative
    refers back to (``इस बैठक``), else (unless a present perfect says "as of now") in
    the paragraph before, else the document's main event date (then without a span: it
    is not this sentence's word)."""
    doc = view.doc
    dated = [
        t
        for t in doc.timexes
        if t.kind == "DATE" and (t.date.value or t.date.weekday) and not _until(doc.text, t)
    ]
    ws, we = frame.window
    sent = doc.sentences[frame.sentence]
    at = frame.trig.start
    complement = _infinitive_complement(view, frame)
    if complement is not None:
        dated = [t for t in dated if not complement[0] <= t.start < complement[1]]

    def pick(items: list[TimeExpression]) -> TimeExpression:
        before = [t for t in items if t.start < at]
        return before[-1] if before else items[0]

    for lo, hi in ((ws, we), (sent.start, sent.end)):
        inside = [t for t in dated if lo <= t.start < hi]
        if inside:
            t = pick(inside)
            return t.date, (t.start, t.end)
    if frame.continues is not None:
        return _event_date(view, frame.continues)
    ante = antecedent(view, frame)
    if ante is not None and ante.date is not None:
        return ante.date.date, (ante.date.start, ante.date.end)
    if frame.trig.tense == "past" and "present" in frame.trig.aux:
        # a present perfect (``आलोचना की है``) is news as of writing, not the day an
        # earlier sentence recalled (``इससे पहले ... गुरुवार को ... बात की थी``)
        return doc.document_date, None
    para_start = min(
        (s.start for s in doc.sentences if s.paragraph == sent.paragraph), default=sent.start
    )
    earlier = [t for t in dated if para_start <= t.start and t.end <= sent.start]
    if earlier:
        return earlier[-1].date, (earlier[-1].start, earlier[-1].end)
    return doc.document_date, None


def _infinitive_complement(view: DocView, frame: Frame) -> tuple[int, int] | None:
    """The stretch of an infinitive clause the trigger noun governs, from after the
    invitee's ``को`` / ``से`` (or the agent's ``ने``) to the infinitive:
    ``मैक्रों को [अगले साल भारत आने] का न्योता दिया``. Its date is the visit's, not the
    invitation's (nor an appeal's: ``[अगले सप्ताह बातचीत करने] की अपील की``)."""
    keys, first = view.tokens.keys, frame.trig.first
    lo = view.token_at(frame.window[0])
    if first - 2 < lo or keys[first - 1] not in GENITIVE or not keys[first - 2].endswith("ने"):
        return None
    start = first - 2
    while start > lo and keys[start - 1] not in _BEFORE_COMPLEMENT:
        start -= 1
    return view.tokens.starts[start], view.tokens.ends[first - 2]


def _until(text: str, timex: TimeExpression) -> bool:
    """``30 मार्च तक`` ends a span (schools shut until then): it dates no event."""
    return _UNTIL.match(text, timex.end) is not None


def _actor(view: DocView, arg: Arg, as_: str, when: PartialDate) -> EventActor:
    kb = view.kb
    actor = kb.actor(arg.actor_id) if kb else None
    mention = next((m for m in view.mentions if (m.start, m.end) == arg.span), None)
    if mention is None:  # reached through a pronoun or a clause: any naming of the actor
        mention = next((m for m in view.mentions if m.actor_id == arg.actor_id), None)
    attrs = mention.attrs if mention is not None else {}
    name = actor.name if actor else attrs.get("name") or (mention.text if mention else arg.actor_id)
    country = (actor.country if actor else None) or attrs.get("country")
    if arg.actor_id.startswith("country/"):
        country = country or arg.actor_id.split("/")[-1]
    role = None
    main = view.doc.document_date
    day = _day_of(main) if when.contains(main) and main.value else _day_of(when)
    day = day or _day_of(main)
    if kb is not None and day is not None and actor is not None and actor.kind == "person":
        held = _stated_role(actor, attrs, day) or kb.role_at(arg.actor_id, day)
        role = held.title if held else None
    if role is None and isinstance(attrs.get("role"), dict):
        role = attrs["role"].get("title")
    return EventActor(arg.actor_id, name, country, role, as_, arg.span)


def _stated_role(actor: Any, attrs: dict[str, Any], day: date) -> Any:
    """The office the text gives the person (``भाजपा अध्यक्ष जेपी नड्डा``), when they
    held it that day: of two offices held at once it is the one the story is about."""
    stated = attrs.get("role")
    office = stated.get("office") if isinstance(stated, dict) else None
    return next((r for r in actor.roles if r.office == office and r.active(day)), None)


def _day_of(when: PartialDate) -> date | None:
    """A day inside a partial date, to ask the KB who held which office then: its first.
    (:func:`_actor` asks on the document's day when that lies inside it: a recalled
    event of "2024" in an article of September 2024 names people by their offices of
    then, not of January.)"""
    if not when.value:
        return None
    parts = [int(p) for p in when.value.split("-")]
    return date(*(parts + [1, 1])[:3])


def _actors(view: DocView, frame: Frame, when: PartialDate) -> tuple[EventActor, ...]:
    role = frame.trig.entry.role
    sides = {"agent": "source", "object": "target", "between": "participant"}
    if role == "welcome" and frame.object_is_person:
        sides = {"agent": "target", "object": "source", "between": "participant"}
    if role in ("meet", "participate") and frame.trig.entry.type == "CONSULT":
        sides = {"agent": "source", "object": "target", "between": "participant"}
    symmetric = not any(a.side == "object" for a in frame.args) and entry_symmetric(frame)
    seen: dict[str, EventActor] = {}
    for arg in frame.args:
        as_ = "participant" if symmetric else sides[arg.side]
        seen.setdefault(arg.actor_id, _actor(view, arg, as_, when))
    if role in ("arrive", "visit_noun") and frame.location and not frame.object_is_person:
        code = frame.location.get("country")
        host = f"country/{code}" if code else None
        if host and host not in seen and any(a.as_ == "source" for a in seen.values()):
            seen[host] = _actor(view, Arg(host, frame.location_span, "object"), "target", when)
    return tuple(seen.values())


def entry_symmetric(frame: Frame) -> bool:
    """Several agents and no partner (``X और Y ने मुलाकात की``), or a gathering: nobody is
    source or target."""
    entry = frame.trig.entry
    if entry.mode == "multilateral":
        return True
    agents = sum(a.side == "agent" for a in frame.args)
    return entry.role == "meet" and agents >= 2


def _build(
    view: DocView, lex: Lexicon, frame: Frame, quotes: list[FoundQuote]
) -> EventMention | None:
    trig, entry = frame.trig, frame.trig.entry
    if entry.role in ("arrive", "visit_noun") and not frame.destination:
        return None
    if entry.role == "participate" and frame.venue is None:
        return None
    when, date_span = _event_date(view, frame)
    sent = view.doc.sentences[frame.sentence]
    clause, sentence = view.keys(*frame.window), view.keys(sent.start, sent.end)
    main = view.doc.document_date
    following = view.tokens.keys[trig.last + 1 : min(trig.last + 6, view.token_at(frame.window[1]))]
    status = decide_status(
        lex, trig, clause, sentence, when, main, date_span is not None, following
    )
    if status is None:
        return None
    if status == "planned" and date_span is not None and _report_date(frame, when, date_span, main):
        when, date_span = main, None
        # the day it was announced; the trip or meeting it goes on with may say when
        if frame.continues is not None:
            then, span = _event_date(view, frame.continues)
            if span is not None and not clearly_before(then, main, grace_days=0):
                when, date_span = then, span
    if status == "planned" and date_span is None:
        when = _after_document(main)
    if status == "reported_background" and date_span is None and when == main:
        when = _before_document(main)
    if status != "planned" and date_span is not None and clearly_before(main, when, grace_days=0):
        # what is done cannot lie after the article reporting it: the date is another
        # thing's (``अगले महीने होने वाले सम्मेलन के लिए ... न्योता दे चुके हैं``)
        when, date_span = main, None
    actors = _actors(view, frame, when)
    people = [a for a in actors if not a.actor_id.startswith("country/")]
    etype = entry.type
    if entry.role == "welcome" and not frame.object_is_person and entry.object_type:
        etype = entry.object_type
    if not actors:
        return None
    travellers = [a for a in actors if a.as_ == "source"]
    if entry.role in ("arrive", "visit_noun") and not travellers:
        return None
    lone_ok = entry.role in ("arrive", "visit_noun", "participate")
    if etype == "CONSULT" and not lone_ok and len(actors) < 2:
        return None
    if entry.weak and (len(actors) < 2 or not people):
        return None
    if entry.addressed and not any(a.as_ == "target" for a in actors):
        return None
    mode = entry.mode
    if mode == "multilateral" and bilateral_gathering(view, frame):
        mode = None
    if etype == "CONSULT" and frame.sidelines:
        mode = "third-party"
    if etype == "CONSULT" and entry.mode is None and entry.role == "welcome":
        mode = "visit"
    if etype == "CONSULT":
        mode, actors = orient(mode, actors, (frame.location or {}).get("country"))
    ids = {a.actor_id for a in actors}
    attached = [
        Quote(_speaker_name(view, q.speaker_id), q.text, q.span)
        for q in quotes
        if _attached(view, q, sent, frame, ids)
    ]
    text = " ".join([sent.text, *(q.text for q in attached)])
    topics = taxonomy_topics(text) + country_topics(view, sent.start, sent.end, ids)
    confidence = 0.5 + 0.1 * min(2, len(people)) + 0.1 * (frame.location is not None)
    confidence += 0.1 * (trig.tense not in ("bare", "participle"))
    return EventMention(
        type=etype,
        mode=mode,
        status=status,
        sentence=frame.sentence,
        trigger=(trig.start, trig.end),
        actors=actors,
        date=when,
        date_span=date_span,
        location=frame.location,
        location_span=frame.location_span,
        venue=frame.venue,
        venue_span=frame.venue_span,
        topics=tuple(dict.fromkeys(topics)),
        quotes=tuple(attached),
        confidence=round(min(confidence, 0.9), 2),
    )


def _report_date(frame: Frame, when: PartialDate, span: tuple[int, int], main: PartialDate) -> bool:
    """A date outside a planned event's clause that is the document date or earlier
    dates the report (``बुधवार को पुष्टि की और बताया कि ... चर्चा होगी``), not the plan:
    a plan cannot lie before the article that announces it, not even by a day."""
    if frame.window[0] <= span[0] < frame.window[1]:
        return False
    same = (when.value, when.weekday) == (main.value, main.weekday) and when.value is not None
    return same or clearly_before(when, main, grace_days=0)


def _after_document(main: PartialDate) -> PartialDate:
    """The date of an announced event the text does not date: the month of the article
    (announcements are for the coming weeks), never a made-up day."""
    if main.granularity != "day" or not main.value:
        return main
    reason = "planned, undated in the text: the month of the document date"
    return PartialDate(main.value[:7], "month", None, (*main.evidence, reason))


def _before_document(main: PartialDate) -> PartialDate:
    """The date of an event recalled as context that the text does not date (``इससे
    पहले ... मुलाकात की थी``, ``हालिया रूस यात्रा``): the year of the document, not the
    day of the report that recalls it."""
    if not main.value:
        return main
    reason = "recalled as background, undated in the text: the year of the document date"
    return PartialDate(main.value[:4], "year", None, (*main.evidence, reason))


def _attached(view: DocView, q: FoundQuote, sent: Any, frame: Frame, ids: set[str]) -> bool:
    """A quote belongs to an event when it is in the event's sentence, or is said by one
    of its actors later in the same paragraph."""
    if q.span[0] < sent.end and sent.start < q.span[1]:
        return True
    at = view.doc.sentence_at(q.span[0])
    same = at is not None and view.doc.sentences[at].paragraph == sent.paragraph
    return same and q.speaker_id in ids and frame.trig.end <= q.span[0]


def _speaker_name(view: DocView, actor_id: str | None) -> str | None:
    """The English name of a quote's speaker (the mention's text for unknown people)."""
    if actor_id is None:
        return None
    actor = view.kb.actor(actor_id) if view.kb else None
    if actor is not None:
        return actor.name
    mention = next((m for m in view.mentions if m.actor_id == actor_id), None)
    return mention.attrs.get("name", mention.text) if mention else actor_id
