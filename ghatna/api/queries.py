"""Look-ups the API and the pages need beyond :mod:`ghatna.views` (which the CLI shares).

Event lists come from :func:`ghatna.views.find_events`, so ``ghatna timeline X --with Y``
and ``GET /api/timeline?actor=X&with=Y`` give the same answer; this module adds the
actor search of the knowledge base and the article text behind each piece of evidence
(an actor's record is :func:`ghatna.entities.kb.actor_record`, shared with the CLI).
"""

from __future__ import annotations

from typing import Any

from ghatna.clean.normalize import nfc
from ghatna.entities.kb import Actor, KnowledgeBase, load_kb
from ghatna.store.base import Store
from ghatna.views import EventQuery, find_events


def events(store: Store, **query: str | None) -> list[dict[str, Any]]:
    """:func:`ghatna.views.find_events` with the shipped knowledge base."""
    return find_events(store, load_kb(), EventQuery(**query))


def find_actors(kb: KnowledgeBase, query: str) -> list[Actor]:
    """Actors named ``query`` exactly (alias or id), else those whose names contain it."""
    text = nfc(query).strip()
    exact = kb.find(text)
    if exact or not text:
        return exact
    lowered = text.lower()
    return [
        a
        for a in kb
        if lowered in a.name.lower()
        or (a.hindi and text in a.hindi)
        or any(lowered in alias.lower() for alias in a.aliases)
    ]


def event_evidence(store: Store, event: dict[str, Any]) -> list[dict[str, Any]]:
    """Each source of ``event`` with its article's cleaned text and the spans to mark.

    ``span`` is the evidence sentence and ``trigger`` the word that names the event,
    both character offsets into ``text`` (half-open); ``removed`` is what the
    cleaner took out of the raw page, kept for audit.
    """
    found = []
    for source in event.get("sources", []):
        article = store.article(source["article_id"]) or {}
        text = article.get("text", "")
        found.append(
            {
                **source,
                "title": article.get("title"),
                "text": text,
                "trigger_text": _slice(text, source.get("trigger")),
                "removed": article.get("removed", []),
            }
        )
    return found


def _slice(text: str, span: list[int] | None) -> str | None:
    if not span or not 0 <= span[0] <= span[1] <= len(text):
        return None
    return text[span[0] : span[1]]
