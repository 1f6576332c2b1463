"""ghatna: trustworthy event data from raw Hindi news."""

from ghatna.document import (
    Article,
    Doc,
    EventMention,
    Mention,
    PartialDate,
    Sentence,
    TimeExpression,
)
from ghatna.errors import GhatnaError, InputError, ResourceError, StoreError

__all__ = [
    "Article",
    "Doc",
    "EventMention",
    "GhatnaError",
    "InputError",
    "Mention",
    "PartialDate",
    "ResourceError",
    "Sentence",
    "StoreError",
    "TimeExpression",
]
__version__ = "0.1.0"
