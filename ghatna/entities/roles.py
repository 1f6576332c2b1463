"""Role phrases → people, at the document's date.

``रूस के विदेश मंत्री`` names whoever was Russia's foreign minister when the article
was written; ``रूसी समकक्ष`` names the Russian holder of the office of the person it is
the counterpart of. The document date is a :class:`PartialDate`: a day, a month, a
year, or unknown. The coarser it is, the more holders the office may have had: then a
holder the article also names by name is preferred (of several, the one named last
before the phrase), the others are listed in
``attrs["candidates"]``, and the confidence drops.

Two guesses are made, each marked in the attributes and lowering the confidence: a
bare office is India's unless the text names another holder (``country_inferred``),
and a bare regional office (मुख्यमंत्री) that no named holder explains is the one
state's the article names, when it names exactly one (``region_inferred``).
"""

from __future__ import annotations

import calendar
from dataclasses import replace
from datetime import date

from ghatna.document import Doc, Mention, PartialDate
from ghatna.entities.kb import Actor, KnowledgeBase, regional_offices

DEFAULT_COUNTRY = "IND"
"""A bare office ("विदेश मंत्री ने कहा") in Hindi news is India's unless the article
names another holder of it."""

_CONFIDENCE = {"day": 0.9, "month": 0.85, "year": 0.75, "weekday": 0.75, "unknown": 0.5}


def date_range(when: PartialDate) -> tuple[date, date] | None:
    """First and last day ``when`` can be, or None when nothing is known."""
    if not when.value:
        return None
    parts = [int(p) for p in when.value.split("-")]
    if len(parts) == 3:
        day = date(*parts)
        return day, day
    if len(parts) == 2:
        year, month = parts
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    return date(parts[0], 1, 1), date(parts[0], 12, 31)


def _holders(
    kb: KnowledgeBase,
    office: str,
    country: str | None,
    span: tuple[date, date] | None,
    region: str | None = None,
):
    roles = kb.office_roles(office, country)
    return list(
        dict.fromkeys(
            a
            for r, a in roles
            if (span is None or r.overlaps(*span)) and (region is None or r.region == region)
        )
    )


def _named_region(kb: KnowledgeBase, doc: Doc) -> tuple[str, list[int]] | None:
    """The one region (state) the article names and the span that first names it, or
    None when it names none or several:
    a state by name, or a region a role phrase or a titled name gives
    (``दिल्ली के मुख्यमंत्री``). Cities alone do not count: a dateline ("नई दिल्ली।")
    heads stories about every state; nor do ambiguous names (पंजाब is also Pakistan's
    province)."""
    regions: dict[str, list[int]] = {}
    for m in doc.mentions:
        role = m.attrs.get("role")
        given = m.attrs.get("region") or (role.get("region") if isinstance(role, dict) else None)
        if not given and m.actor_id and not m.attrs.get("ambiguous"):
            actor = kb.actor(m.actor_id)
            given = actor.name if actor is not None and actor.kind == "region" else None
        if given:
            regions.setdefault(given, [m.start, m.end])
    return next(iter(regions.items())) if len(regions) == 1 else None


def _nearest_named(doc: Doc, mention: Mention, named: list[Actor]) -> list[Actor]:
    """Of several holders the article names, the one named last before ``mention``
    (a story on Maharashtra that ends with Delhi's chief minister: its bare
    "मुख्यमंत्री" is Maharashtra's); all of them when none is named before it."""
    if len(named) < 2:
        return named
    last = {m.actor_id: m.start for m in doc.mentions if m.start < mention.start and m.actor_id}
    before = [a for a in named if a.id in last]
    return [max(before, key=lambda a: last[a.id])] if before else named


def _subject_office(
    kb: KnowledgeBase, doc: Doc, mention: Mention, span: tuple[date, date] | None
) -> tuple[str, str | None] | None:
    """(office, country) of the nearest person before a counterpart phrase with a known
    role: the office the text gives them (``अमेरिकी विदेश मंत्री मार्को रुबियो ने अपने
    भारतीय समकक्ष से``, though Rubio was also national security adviser then), else the
    one of theirs that began last."""
    before = [m for m in doc.mentions if m.kind == "PER" and m.end <= mention.start and m.actor_id]
    sentence = doc.sentence_at(mention.start)
    before.sort(key=lambda m: (doc.sentence_at(m.start) == sentence, m.start), reverse=True)
    for m in before:
        actor = kb.actor(m.actor_id or "")
        if actor is None:
            continue
        roles = [r for r in actor.roles if span is None or r.overlaps(*span)]
        said = m.attrs.get("role")
        given = said.get("office") if isinstance(said, dict) else None
        if given and given != "counterpart" and any(r.office == given for r in roles):
            roles = [r for r in roles if r.office == given]
        if roles:
            role = max(roles, key=lambda r: r.start)
            return role.office, role.country
    return None


def _titled_in_text(doc: Doc, office: str | None, country: str | None) -> str | None:
    """The one person the KB does not know whom the article itself gives this office
    (``अमेरिका की वाणिज्य मंत्री जीना रायमोंडो ... अमेरिकी वाणिज्य मंत्री मुंबई भी
    जाएंगी``): the later bare office is them."""
    found = {
        m.actor_id
        for m in doc.mentions
        if m.kind == "PER"
        and m.actor_id
        and m.actor_id.startswith("provisional/")
        and isinstance(role := m.attrs.get("role"), dict)
        and role.get("office") == office
        and (role.get("country") or DEFAULT_COUNTRY) == country
    }
    return found.pop() if len(found) == 1 else None


def resolve_role(kb: KnowledgeBase, doc: Doc, mention: Mention) -> Mention:
    """``mention`` (a ROLE) with ``actor_id`` set where the date and text allow it."""
    span = date_range(doc.document_date)
    office = mention.attrs.get("office")
    country = mention.attrs.get("country")
    region = mention.attrs.get("region")
    attrs = dict(mention.attrs)
    confidence = _CONFIDENCE.get(doc.document_date.granularity, 0.5)
    if office == "counterpart":
        subject = _subject_office(kb, doc, mention, span)
        if subject is None:
            attrs["resolved_office"] = None
            return replace(mention, attrs=attrs)
        office = subject[0]
        attrs["resolved_office"] = office
    named = {m.actor_id for m in doc.mentions if m.kind == "PER" and m.actor_id}
    if country is None:
        in_text = [
            a
            for c in {a.country for a in map(kb.actor, named) if a is not None and a.id in named}
            for a in _holders(kb, office, c, span)
        ]
        in_text = [a for a in in_text if a.id in named]
        country = in_text[0].country if len(in_text) == 1 else DEFAULT_COUNTRY
        attrs["country_inferred"] = country
        confidence *= 0.8
    holders = _holders(kb, office, country, span, region)
    preferred = _nearest_named(doc, mention, [a for a in holders if a.id in named])
    if (
        len(preferred) != 1
        and region is None
        and office in regional_offices()
        and country == DEFAULT_COUNTRY
        and (found := _named_region(kb, doc)) is not None
    ):
        region, attrs["region_span"] = found
        attrs["region_inferred"] = region
        confidence *= 0.8
        holders = _holders(kb, office, country, span, region)
        preferred = _nearest_named(doc, mention, [a for a in holders if a.id in named])
    chosen = preferred if len(preferred) == 1 else holders
    if not holders and (titled := _titled_in_text(doc, office, country)) is not None:
        attrs["named_in_text"] = True
        return replace(mention, actor_id=titled, attrs=attrs, confidence=round(confidence * 0.8, 3))
    if len(chosen) != 1:
        attrs["candidates"] = [a.id for a in holders]
        return replace(mention, actor_id=None, attrs=attrs, confidence=round(confidence * 0.5, 3))
    if preferred and span is None:
        confidence = max(confidence, 0.6)
    return replace(mention, actor_id=chosen[0].id, attrs=attrs, confidence=round(confidence, 3))


def resolve_roles(doc: Doc, kb: KnowledgeBase) -> list[Mention]:
    """``doc.mentions`` with every ROLE mention resolved (other mentions unchanged)."""
    return [resolve_role(kb, doc, m) if m.kind == "ROLE" else m for m in doc.mentions]
