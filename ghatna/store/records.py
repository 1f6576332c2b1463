"""Turning a processed Doc into rows, and event rows into the export contract.

The JSON export is a contract (README "Export contract"): fields may be added,
never renamed or dropped.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from ghatna.document import Doc, EventMention, PartialDate


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def event_mention_id(article_id: str, idx: int) -> str:
    return f"{article_id}:{idx}"


def event_mention_record(doc: Doc, idx: int, em: EventMention) -> dict[str, Any]:
    """Everything a linked Event needs from one mention, self-contained for reconciliation."""
    sentence = doc.sentences[em.sentence]
    article = doc.article
    return {
        "id": event_mention_id(article.id, idx),
        "article_id": article.id,
        "type": em.type,
        "mode": em.mode,
        "status": em.status,
        "actors": [
            {
                "id": a.actor_id,
                "name": a.name,
                "country": a.country,
                "role": a.role,
                "as": a.as_,
                "span": list(a.span) if a.span else None,
            }
            for a in em.actors
        ],
        "location": em.location,
        "location_span": list(em.location_span) if em.location_span else None,
        "venue": em.venue,
        "venue_span": list(em.venue_span) if em.venue_span else None,
        "date": em.date.to_json(),
        "date_span": list(em.date_span) if em.date_span else None,
        "topics": list(em.topics),
        "quotes": [{"speaker": q.speaker, "text": q.text, "span": list(q.span)} for q in em.quotes],
        "trigger": list(em.trigger),
        "confidence": em.confidence,
        "source": {
            "document": article.source,
            "article_id": article.id,
            "outlet": article.outlet,
            "published": article.published.isoformat() if article.published else None,
            "url": article.url,
            "status": em.status,
            "sentence": sentence.text,
            "sentence_index": em.sentence,
            "span": [sentence.start, sentence.end],
            "trigger": list(em.trigger),
        },
    }


def article_row(doc: Doc, ingested_at: str) -> dict[str, Any]:
    a = doc.article
    return {
        "id": a.id,
        "source": a.source,
        "format": a.format,
        "outlet": a.outlet,
        "url": a.url,
        "title": a.title,
        "published": a.published.isoformat() if a.published else None,
        "author": a.author,
        "raw": a.raw,
        "text": doc.text,
        "paragraphs": dumps(doc.paragraphs),
        "headings": dumps(doc.headings),
        "document_date": dumps(doc.document_date.to_json()),
        "near_duplicate_of": None,
        "ingested_at": ingested_at,
    }


def mention_attrs(attrs: dict[str, Any]) -> str:
    return dumps({k: v for k, v in attrs.items() if v is not None})


def timex_date(date: PartialDate) -> str:
    return dumps(date.to_json())


def removed_rows(doc: Doc) -> list[dict[str, Any]]:
    return [{"idx": i, **asdict(r)} for i, r in enumerate(doc.removed)]
