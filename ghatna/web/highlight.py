"""Cutting an article's cleaned text into pieces so a template can mark the evidence.

The template wraps pieces in ``<mark>`` tags and lets Jinja2 escape every piece:
article text is untrusted and is never marked safe. Offsets are characters of
the cleaned text, half-open, as everywhere in ghatna; a span that does not fit
the text is reported as such, never moved to a guessed place.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Piece:
    text: str
    trigger: bool = False


@dataclass(frozen=True)
class Highlighted:
    """``before`` + the evidence sentence (as pieces, the trigger flagged) + ``after``."""

    before: str
    evidence: list[Piece] = field(default_factory=list)
    after: str = ""
    fits: bool = True


def _fits(text: str, span: list[int] | tuple[int, int] | None) -> bool:
    return bool(span) and 0 <= span[0] <= span[1] <= len(text)


def highlight(
    text: str,
    span: list[int] | tuple[int, int] | None,
    trigger: list[int] | tuple[int, int] | None = None,
) -> Highlighted:
    """Split ``text`` around the sentence ``span`` and, inside it, the ``trigger``.

    >>> h = highlight("पहला। जयशंकर मिले। अंत।", (6, 18), (13, 17))
    >>> h.before, [(p.text, p.trigger) for p in h.evidence], h.after
    ('पहला। ', [('जयशंकर ', False), ('मिले', True), ('।', False)], ' अंत।')
    """
    if not _fits(text, span):
        return Highlighted(before=text, fits=False)
    start, end = span[0], span[1]  # type: ignore[index]
    pieces = [Piece(text[start:end])]
    if _fits(text, trigger) and start <= trigger[0] < trigger[1] <= end:  # type: ignore[index]
        t0, t1 = trigger[0], trigger[1]  # type: ignore[index]
        pieces = [Piece(text[start:t0]), Piece(text[t0:t1], True), Piece(text[t1:end])]
    return Highlighted(text[:start], [p for p in pieces if p.text], text[end:])
