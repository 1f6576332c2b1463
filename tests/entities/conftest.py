"""What the linker tests share: a text's role phrase resolved at a date."""

from __future__ import annotations

from ghatna.document import Mention, PartialDate
from ghatna.entities import load_linker
from tests.conftest import make_doc


def role_holder(text: str, when: PartialDate) -> Mention:
    """The last role phrase of ``text``, resolved at the story's date ``when``."""
    linker = load_linker()
    doc = make_doc(text)
    doc.mentions = linker.annotate(doc)
    doc.document_date = when
    return [m for m in linker.resolve_roles(doc) if m.kind == "ROLE"][-1]
