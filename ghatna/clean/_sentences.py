"""Sentence boundaries in one paragraph, as exact character offsets.

Hindi news ends sentences with ``।`` (sometimes typed ``|``), ``?``, ``!`` and very often
``.``. A ``.`` does not end a sentence after an abbreviation (``डॉ.``, ``प्रो.``, ``Dr.``),
a single initial (``एस.``, ``S.``), inside a dotted run (``यू.एस.``, ``3.5``,
``नवभारतटाइम्स.कॉम``) or before a lower-case Latin word. Closing quotes and brackets after
a terminal belong to the sentence they close (``…किया।”``), and a fragment made only of
quotes or punctuation is merged into the sentence before it.
"""

from __future__ import annotations

import re

from ghatna.clean._rules import Rules
from ghatna.clean.normalize import fold

# A terminal run, the closers that follow it, then whitespace or the end of the paragraph.
# "।" ends a sentence even when the next word is glued to it ("है ।अब"); the others need
# a space or the end of the paragraph after them (and their closers). Every alternative
# begins with one literal character, so the regex engine skips ahead to those characters
# instead of trying the whole pattern at every position (three times faster).
_CLOSERS = r"[\"'”’)\]]*"
_BOUNDARY = re.compile(
    rf"।[।॥]*{_CLOSERS}|॥[।॥]*{_CLOSERS}"
    rf"|(?:\?[?!]*|![?!]*|\.(?!\.)|\|(?<=\s\|)){_CLOSERS}(?=\s|$)"
)
# closing quotes typed after a space ("हैं। ” सभा …") still close the sentence before them
_LATE_CLOSERS = re.compile(r"(?:\s*(?:[”’»]|\"(?=\s|$)))+")
_WORD_BEFORE = re.compile(r"(\S+)$")
_HAS_WORD = re.compile(r"[^\W_]")
_LETTER_RUN = r"[^\W\d_][\u0900-\u0963\u0966-\u097f]*"
_DOTTED = re.compile(rf"^(?:{_LETTER_RUN}\.)+{_LETTER_RUN}$")  # यू.एस, U.S, जे.पी
_OPENERS = re.compile(r"^[\"'“‘(\[\-–—]+")


def _is_abbreviation(paragraph: str, dot: int, rules: Rules, start: int) -> bool:
    """True when the ``.`` at ``dot`` closes an abbreviation, initial or list number."""
    m = _WORD_BEFORE.search(paragraph, 0, dot)
    if not m:
        return True  # a lone "." is no sentence end
    if m.group(1).isdigit() and len(m.group(1)) <= 2 and not paragraph[start : m.start()].strip():
        return True  # "1. कोरोना क्या है?": a list number opening the sentence
    word = _OPENERS.sub("", m.group(1))
    if not word:
        return False
    key = fold(word)
    if key in rules.abbreviations or key in rules.initials:
        return True
    if len(word) == 1 and word.isalpha():
        return True
    if "." in word and _DOTTED.match(word):
        return True
    after = paragraph[dot + 1 : dot + 3].lstrip()
    return bool(after) and after[0].isascii() and after[0].islower()


def split_sentences(paragraph: str, rules: Rules) -> list[tuple[int, int]]:
    """Half-open ``(start, end)`` spans of the sentences of ``paragraph`` (no outer spaces).

    Example: ``"डॉ. एस. जयशंकर मॉस्को पहुंचे। उन्होंने कहा, “स्वागत है।”"`` gives two spans,
    the second ending after the closing ``”``.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(paragraph):
        if m.group(0)[0] == "." and (
            paragraph[m.start() - 1 : m.start()] == "."  # an ellipsis "..." runs on
            or _is_abbreviation(paragraph, m.start(), rules, start)
        ):
            continue
        end = m.end()
        late = _LATE_CLOSERS.match(paragraph, end)
        if late:
            end = late.end()
        spans.append((start, end))
        start = end
    spans.append((start, len(paragraph)))
    out: list[tuple[int, int]] = []
    for s, e in spans:
        piece = paragraph[s:e]
        kept = piece.strip()
        if not kept:
            continue
        s += len(piece) - len(piece.lstrip())
        e = s + len(kept)
        if out and not _HAS_WORD.search(paragraph, s, e):
            out[-1] = (out[-1][0], e)  # a quote-only fragment closes the previous sentence
        else:
            out.append((s, e))
    return out
