"""Newspaper day files → one Article per story.

A day file (``<Outlet>/<XX>-2020-MAR-DD.txt``) holds the stories one outlet printed that
day, one after another: a headline line, then paragraphs, sometimes with sub-headings.
Nothing marks where a story ends, and each outlet lays its files out differently, so the
splitter scores every *headline-shaped* line (short, one clause, no sentence end) on
general signals and starts a new story where the evidence says so:

* **layout**: a whitespace-only separator line (``" "``, NBSP) right before or after it;
* **dateline**: the next paragraph opens like a news lead, ``रांची :``, ``लखनऊ, जेएनएन ।``,
  ``नई दिल्ली, ऑटो डेस्क ।``;
* **topic shift**: the line and the paragraph after it share few content words
  (idf-weighted) with the paragraphs just before it;
* **shape**: headlines are longer than sub-headings and often have a ``कोरोना वायरस:``
  prefix; a paragraph that opens with a continuation word (``वहीं``, ``उन्होंने``,
  ``इसके अलावा``) continues the story above, whatever the line before it looks like.

The outlet comes from the folder name and the date from the file name; ``source`` is
``"<Outlet>/<file>#<n>"`` (n from 1). The headline stays the first line of ``raw`` and is
also the article's ``title``.
"""

from __future__ import annotations

import math
import re
from collections import Counter, deque
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ghatna.clean._cleaner import mark_lines
from ghatna.clean._rules import line_key, load_rules
from ghatna.clean.normalize import fold
from ghatna.document import Article
from ghatna.errors import InputError

__all__ = ["split_day_file", "split_day_text", "day_file_meta"]

_MONTH_NAMES = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")
_MONTHS = {m: i for i, m in enumerate(_MONTH_NAMES, start=1)}
_FILE_DATE = re.compile(r"(\d{4})-([A-Za-z]{3})-(\d{1,2})")
_DANDA = re.compile(r"[।॥]")  # a headline has none; "!", "?", "डॉ." may occur inside one
_WORD = re.compile(r"[^\W\d_][\w\u0900-\u097f]*")
# "रांची :", "लखनऊ, जेएनएन ।", "नई दिल्ली, ऑटो डेस्क ।", "Moscow:" at the start of a lead
_DATELINE = re.compile(
    r"^\s*[^\s,।:|.]{2,20}(?: [^\s,।:|.]{2,20}){0,2}\s*(?:,[^,।:]{2,30})?\s*[:।|]\s"
)
# "कोरोना वायरस: …", "राजस्थान / …": a topic or section label before the headline
# "1.कोरोना वायरस: …": a numbered story
_HEADLINE_PREFIX = re.compile(r"^(?:[^:।/]{2,30}(?::|\s/)\s*\S|\d{1,2}\.\s*[^\d\s])")
# an interview's question or answer label: "सवाल :", "प्रश्न-", "Q:"
_QA_LABEL = re.compile(r"^(?:सवाल|प्रश्न|जवाब|उत्तर|q|ques|question|a|ans|answer)\s*[:.\-]", re.I)
# words a story does not start with: they point back to something said before
_CONTINUATION = (
    "वहीं",
    "वही",
    "उधर",
    "इधर",
    "इसके",
    "इससे",
    "इसी",
    "इस",
    "उन्होंने",
    "उनके",
    "उनका",
    "उनकी",
    "उन्हें",
    "वह",
    "वे",
    "यह",
    "ये",
    "साथ ही",
    "हालांकि",
    "लेकिन",
    "मगर",
    "बता दें",
    "गौरतलब",
    "दूसरी ओर",
    "इसलिए",
    "तब",
    "फिर",
    "जबकि",
    "और",
)
_CONTINUATION_KEYS = tuple(sorted({fold(w) for w in _CONTINUATION}, key=len, reverse=True))

BOUNDARY_SCORE = 4
"""A headline-shaped line starts a new story when its score reaches this."""


WINDOW = 6
"""Topic shift is measured against this many paragraphs before the candidate headline."""

BODY_CHARS = 80
"""A story needs one paragraph this long before another story may start."""


@dataclass
class _Para:
    index: int  # line number, 0-based
    text: str
    separator_before: bool  # a whitespace-only line (" ", NBSP) within two lines before
    separator_after: bool
    furniture: bool  # the cleaner would remove it (byline, related link, duplicate, ...)


def day_file_meta(path: Path) -> tuple[str, date | None]:
    """(outlet, date) from ``<Outlet>/<XX>-YYYY-MON-DD.txt``; the date is None if unreadable."""
    outlet = path.parent.name
    m = _FILE_DATE.search(path.stem)
    published = None
    if m and m.group(2).upper() in _MONTHS:
        try:
            published = date(int(m.group(1)), _MONTHS[m.group(2).upper()], int(m.group(3)))
        except ValueError:
            published = None
    return outlet, published


def split_day_file(path: Path) -> list[Article]:
    """The stories of one newspaper day file, in file order.

    path (Path): ``.../<Outlet>/<XX>-2020-MAR-DD.txt``.
    RETURNS (list[Article]): ``source`` like ``"Amar Ujala/AU-2020-MAR-01.txt#3"``,
        ``outlet`` from the folder, ``published`` from the file name, ``title`` the headline.
    RAISES (InputError): the file cannot be read.
    """
    path = Path(path)
    try:
        text = path.read_bytes().decode("utf-8-sig", errors="replace")
    except OSError as err:
        raise InputError(str(path), f"cannot be read ({err.strerror})") from err
    outlet, published = day_file_meta(path)
    return split_day_text(text, f"{outlet}/{path.name}", outlet=outlet, published=published)


def split_day_text(
    text: str, source: str, *, outlet: str | None = None, published: date | None = None
) -> list[Article]:
    """Split the text of a day file into Articles (see the module docstring)."""
    lines = text.splitlines()
    paras = _paragraphs(lines)
    starts = list(_story_starts(paras))
    articles: list[Article] = []
    for n, (a, b) in enumerate(zip(starts, [*starts[1:], None], strict=True), start=1):
        first = paras[a].index
        last = paras[b].index if b is not None else len(lines)
        raw = "\n".join(lines[first:last]).strip("\n") + "\n"
        title = paras[a].text.strip()
        articles.append(
            Article.from_text(
                raw, f"{source}#{n}", format="txt", outlet=outlet, published=published, title=title
            )
        )
    return articles


def _paragraphs(lines: list[str]) -> list[_Para]:
    blank = [not ln.strip() for ln in lines]
    separator = [bool(ln) and not ln.strip() for ln in lines]  # " ", NBSP: not just empty
    marked = mark_lines("\n".join(lines), load_rules())
    seen: set[str] = set()
    paras = []
    for i, ln in enumerate(lines):
        if blank[i]:
            continue
        before = any(separator[j] for j in range(max(0, i - 2), i))
        after = any(separator[j] for j in range(i + 1, min(len(lines), i + 3)))
        key = line_key(ln)
        furniture = marked[i].reason not in (None, "short-non-sentence") or key in seen
        seen.add(key)
        paras.append(_Para(i, ln.strip(), before, after, furniture))
    return paras


def _headline_shaped(text: str) -> bool:
    if _QA_LABEL.match(text):
        return False
    if len(text) > 160 or len(text) < 12 or text[-1] in "।॥.,;:" or _DANDA.search(text):
        return False
    if text[0] in "—–-“\"‘'(|":
        return False
    return len(_WORD.findall(text)) >= 3


def _continues(text: str) -> bool:
    key = fold(text.lstrip("\"'“‘( "))
    for word in _CONTINUATION_KEYS:
        if key.startswith(word) and (len(key) == len(word) or not key[len(word)].isalnum()):
            nxt = key[len(word) : len(word) + 1]
            if not nxt or not ("\u093e" <= nxt <= "\u094d"):  # not a longer word (इसका ≠ इस)
                return True
    return False


def _content_words(text: str, stop: frozenset[str]) -> set[str]:
    return {w for w in _WORD.findall(fold(text)) if len(w) > 2 and w not in stop}


def _story_starts(paras: list[_Para]) -> Iterator[int]:
    """Indices into ``paras`` where a story starts (always 0 when there is any text)."""
    if not paras:
        return
    stop = frozenset().union(*load_rules().function_words.values())
    words = [_content_words(p.text, stop) for p in paras]
    df = Counter(w for ws in words for w in ws)
    n = len(paras)

    def idf(w: str) -> float:
        return math.log((n + 1) / (df[w] + 0.5))

    yield 0
    recent: deque[set[str]] = deque([words[0]], maxlen=WINDOW)
    has_body = False
    for i in range(1, n):
        p = paras[i]
        nxt = next((q for q in paras[i + 1 :] if not q.furniture), None)
        if has_body and nxt is not None and not p.furniture and _headline_shaped(p.text):
            story = set().union(*recent)
            score = _score(p, nxt, words[i] | _content_words(nxt.text, stop), story, idf)
            if score >= BOUNDARY_SCORE:
                yield i
                recent.clear()
                has_body = False
        recent.append(words[i])
        has_body = has_body or (
            not p.furniture and len(p.text) >= BODY_CHARS and not _headline_shaped(p.text)
        )


def _score(p: _Para, nxt: _Para, ahead: set[str], story: set[str], idf) -> float:
    score = 0.0
    if p.separator_before:
        score += 2
    if p.separator_after:
        score += 2
    if _DATELINE.match(nxt.text) and len(nxt.text) > 60:
        score += 3
    if len(p.text) >= 50:
        score += 1
    elif len(p.text) < 35:
        score -= 1
    if _HEADLINE_PREFIX.match(p.text):
        score += 1
    if p.text.endswith("?"):
        score -= 1  # FAQ items and questions inside a story look like headlines too
    if _continues(nxt.text):
        score -= 3
    if ahead:
        total = sum(idf(w) for w in ahead)
        shared = sum(idf(w) for w in ahead if w in story)
        overlap = shared / total if total else 0.0
        if overlap < 0.15:
            score += 2
        elif overlap < 0.3:
            score += 1
        elif overlap > 0.5:
            score -= 2
    return score
