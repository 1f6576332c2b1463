"""The events stage: PLOVER-coded event mentions with actors, place, date, status,
topics, quotes and the spans that justify each field.

Public names:

* :func:`extract_events` ``(doc, kb) -> list[EventMention]`` – the stage itself;
* :func:`merge_within_document` – one mention per event per article;
* :func:`cameo_code` ``(type, mode, status)`` and :func:`plover_export_type`
  ``(type, status)`` – codes for GDELT-style and PLOVER-style exports.
"""

from ghatna.events.codes import cameo_code, plover_export_type
from ghatna.events.extract import extract_events
from ghatna.events.merge import merge_within_document

__all__ = ["cameo_code", "extract_events", "merge_within_document", "plover_export_type"]
