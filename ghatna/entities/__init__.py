"""The actor layer: knowledge base, Hindi NER and linking.

``load_linker()`` gives the process-wide :class:`EntityLinker`; its ``annotate(doc)``
finds mentions (stage ``mentions``) and ``resolve_roles(doc)`` links role phrases at
``doc.document_date`` (stage ``roles``, after the time stage).
"""

from __future__ import annotations

from functools import cache

from ghatna.document import Doc, Mention
from ghatna.entities import linker as _linker
from ghatna.entities.kb import KnowledgeBase, load_kb
from ghatna.entities.ner import load_ner
from ghatna.entities.roles import resolve_roles


class EntityLinker(_linker.EntityLinker):
    """Mentions in, linked mentions out; holds the KB and the NER model read-only."""

    kb: KnowledgeBase

    def resolve_roles(self, doc: Doc) -> list[Mention]:
        """``doc.mentions`` with role phrases linked to office-holders at the doc date."""
        return resolve_roles(doc, self.kb)


@cache
def load_linker() -> EntityLinker:
    """The linker with the shipped KB and NER model, built once per process."""
    return EntityLinker(load_kb(), load_ner())


__all__ = ["EntityLinker", "KnowledgeBase", "load_kb", "load_linker"]
