"""The text cleaner: raw article text (plain or light markdown) → kept paragraphs + removed.

It works on lines (one line is one paragraph, as in text dumps and in trafilatura's
output) in five passes:

1. **markup**: NFC, spaces normalised, markdown emphasis and links reduced to their text
   (the share of link text is kept as a signal), image/embed tokens cut out;
2. **line rules**: the data files (``data/boilerplate.*.yaml``) and general signals:
   caption shape, link density, keyword runs (tag lists), lines that repeat across the
   outlet, very short non-sentence lines;
3. **blocks**: a marker (``स्टोरी हाइलाइट्स``, ``author-image``, a bare ``यह भी पढ़ें``)
   takes the short lines after it;
4. **duplicates**: a paragraph already kept is dropped the second time;
5. **broken tail**: a text cut inside a character (``�``) loses the partial sentence.

Every removal is returned as a :class:`~ghatna.document.Removed` with its reason and
1-based line number, so nothing is lost silently.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field
from itertools import islice

from ghatna.clean._language import script_counts
from ghatna.clean._rules import Rules, line_key
from ghatna.clean.normalize import fold, nfc
from ghatna.document import Removed

_SPACE_CHARS = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000\t\f\v]")
_MULTI_SPACE = re.compile(r" {2,}")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]\n]+)\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\)")
_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_MD_HEADING = re.compile(r"^#{1,6}\s+")
_BULLET = re.compile(r"^(?:[-*+•●▪◦]\s+)")
_TERMINAL_END = re.compile(r"[।॥.?!][\"'”’)\]]*$")
_INNER_TERMINAL = re.compile(r"[।॥]|[.?!][\"'”’)]*\s")
_TOKEN = re.compile(r"[^\W\d_][\w\u0900-\u097f]*")
_BROKEN = "\ufffd"
_NOT_TAGS = re.compile(r"[।॥.?!\"“”:\d]")

# kinds of lines that are never headings
_NOT_HEADING_START = ("—", "–", "-", "“", '"', "‘", "'", "(", "[", "|", "@", "#")


@dataclass
class Line:
    """One input line on its way through the cleaner."""

    no: int
    text: str
    raw: str = ""  # the input line (NFC, outer spaces trimmed), as shown in doc.removed
    heading: bool = False  # a markdown heading (# …)
    bullet: bool = False
    embed: bool = False  # held an image/embed token (cut out, kept in ``removed``)
    image: bool = False  # began with one: "![]() caption |"
    link_share: float = 0.0
    reason: str | None = None
    removed: list[Removed] = field(default_factory=list)

    @property
    def blank(self) -> bool:
        return not self.text


@dataclass
class Cleaned:
    """The cleaner's result: kept paragraphs (with heading flags) and what was removed."""

    paragraphs: list[str]
    headings: list[int]
    removed: list[Removed]


def _markup(no: int, raw: str) -> Line:
    """Pass 1: one raw line to a :class:`Line` with markup reduced to plain text."""
    text = _SPACE_CHARS.sub(" ", nfc(raw)).strip()
    line = Line(no, "", text)
    if not text:
        return line
    if _MD_HEADING.match(text):
        line.heading = True
        text = _MD_HEADING.sub("", text)
    if _BULLET.match(text):
        line.bullet = True
        text = _BULLET.sub("", text)
    text = _EMPHASIS.sub(r"\2", text)
    if _IMAGE.search(text):
        line.embed = True
        line.image = _IMAGE.match(text.lstrip("| ")) is not None
        for m in _IMAGE.finditer(text):
            line.removed.append(Removed(m.group(0), "embed-markup", no))
        text = _IMAGE.sub(" ", text)
    linked = 0
    plain: list[str] = []
    pos = 0
    for m in _LINK.finditer(text):
        plain.append(text[pos : m.start()])
        plain.append(m.group(1))
        linked += len(m.group(1).strip())
        pos = m.end()
    if plain:
        plain.append(text[pos:])
        text = "".join(plain)
    text = _MULTI_SPACE.sub(" ", text).strip()
    if line.embed:  # "| Tweet |" or "![]() caption |": table pipes around an embed
        text = text.strip("| ").strip()
    line.text = text
    letters = len(text) - text.count(" ")  # spaces are normalised above
    line.link_share = linked / letters if letters else 0.0
    return line


def _words(text: str) -> list[str]:
    return _TOKEN.findall(text)


def _count_words(text: str, upto: int) -> int:
    """The number of words of ``text``, counted no further than ``upto``: the cleaner asks
    only whether a line has fewer than one, two or three, and most lines are long."""
    return sum(1 for _ in islice(_TOKEN.finditer(text), upto))


def _is_sentence(text: str) -> bool:
    return bool(_TERMINAL_END.search(text))


def _title_like(line: Line, max_chars: int = 150) -> bool:
    """Shape of a headline or sub-heading: short, one clause, no sentence end but ?/!."""
    text = line.text
    if not text or len(text) > max_chars or text.startswith(_NOT_HEADING_START):
        return False
    if _INNER_TERMINAL.search(text) or text[-1] in "।॥.,;:":
        return False
    return _count_words(text, 1) == 1


def _match_rules(line: Line, key: str, rules: Rules) -> str | None:
    reason = rules.exact.get(key)
    if reason:
        return reason
    for prefix, reason in rules.prefixes:
        if key.startswith(prefix) and _word_ends(key, len(prefix)):
            return reason
    for rx, reason in rules.regexes:
        if rx.search(line.text):
            return reason
    return None


def _word_ends(key: str, at: int) -> bool:
    """True when ``key[at:]`` does not continue the word before ``at``."""
    return at == len(key) or not (key[at].isalnum() or _is_mark(key[at]))


def _is_mark(ch: str) -> bool:
    return "\u0900" <= ch <= "\u0903" or "\u093a" <= ch <= "\u094f" or "\u0962" <= ch <= "\u0963"


def _is_tag_list(text: str, rules: Rules) -> bool:
    """A Latin keyword run (SEO tags): "World News International News S Jaishankar news".

    Five or more Latin words with no sentence punctuation, digits or English function
    word, and a repeated word or eight words or more. Hindi headlines often have no
    function word either, so Devanagari tag lists are left to the ``टैग्स:`` prefixes
    of the data file.
    """
    if _NOT_TAGS.search(text) or text.startswith(_NOT_HEADING_START):
        return False
    _, latin, total = script_counts(text)
    if latin * 2 <= total:
        return False
    words = [w.lower() for w in _words(text)]
    if len(words) < 5 or _has_function_word(words, rules):
        return False
    return len(set(words)) < len(words) or len(words) >= 8


def _has_function_word(words: list[str], rules: Rules) -> bool:
    folded = {fold(w) for w in words}
    return any(folded & fw for fw in rules.function_words.values())


def _classify(
    line: Line, nxt: Line | None, first: bool, rules: Rules, repeated: Collection[str]
) -> str | None:
    """Pass 2: the reason to remove one non-blank line, or None to keep it."""
    text = line.text
    key = line_key(text)
    if line.embed and _count_words(text, 2) < 2:
        return "embed-markup"  # "| Tweet![]() |", a bare "![]()"
    if not key:
        return "short-non-sentence"
    reason = _match_rules(line, key, rules)
    if reason:
        return reason
    if line.image and len(text) <= 160 and not _INNER_TERMINAL.search(text):
        return "caption"  # "![]() जयशंकर ने लावरोव से की मुलाकात |"
    if line.link_share >= 0.6 and not (first and line.heading):
        return "related-link"
    if _is_tag_list(text, rules):
        return "tag-list"
    n_words = _count_words(text, 3)
    if not n_words:
        return "short-non-sentence"
    if n_words < 3 and not _is_sentence(text):
        deva, _, total = script_counts(text)
        followed = nxt is not None and not nxt.blank and len(nxt.text) >= 60
        if deva * 2 > total and followed:
            return None  # a Hindi dateline or sub-heading right before its paragraph
    if repeated and len(text) <= 100 and not _is_sentence(text) and key in repeated:
        return "repeated-across-outlet"
    if n_words < 3 and not _is_sentence(text):
        return "short-non-sentence"
    return None


def _apply_cuts(line: Line, rules: Rules) -> None:
    """Cut trailing credits and embed tokens off a kept line, keeping the pieces aside."""
    changed = True
    while changed and line.text:
        changed = False
        for rx, reason in rules.cuts:
            m = rx.search(line.text)
            if m and m.start() > 0:
                line.removed.append(Removed(m.group(0).strip(), reason, line.no))
                line.text = line.text[: m.start()].rstrip()
                changed = True


def _blocks(lines: list[Line], rules: Rules) -> None:
    """Pass 3: marker lines take the short lines after them."""
    for i, line in enumerate(lines):
        if line.blank:
            continue
        key = line_key(line.text)
        block = rules.blocks.get(key)
        if block:
            line.reason = block.reason
            _take_after(lines, i, block.reason, block.max_lines, block.max_chars)
        elif line.reason == "related-link" and _bare_marker(key, rules):
            _take_after(lines, i, "related-link", 5, 160)


def _bare_marker(key: str, rules: Rules) -> bool:
    """A related-links marker with nothing after it: "यह भी पढ़ें:" alone on its line."""
    return any(key == p for p, reason in rules.prefixes if reason == "related-link")


def _take_after(lines: list[Line], i: int, reason: str, max_lines: int, max_chars: int) -> None:
    """Give ``reason`` to the short lines after marker ``i``, up to a blank line after them."""
    taken = 0
    for nxt in lines[i + 1 :]:
        if nxt.blank:
            if taken == 0:  # markdown puts a blank line between a heading and its list
                continue
            break
        if taken >= max_lines or len(nxt.text) > max_chars:
            break
        if reason == "related-link" and not (nxt.link_share >= 0.5 or _title_like(nxt, max_chars)):
            break
        if reason == "highlights" and not (
            nxt.bullet or (_count_words(nxt.text, 3) == 3 and not _is_sentence(nxt.text))
        ):
            break  # highlight items are bullets or sentence-less summary lines
        if nxt.reason in (None, "short-non-sentence"):  # the block's reason is more precise
            nxt.reason = reason
        taken += 1


def _broken_tail(kept: list[Line]) -> None:
    """Pass 5: drop ``�`` and the partial sentence it ends; other ``�`` are cut out."""
    for line in kept:
        if _BROKEN not in line.text:
            continue
        if line is kept[-1]:
            cut = line.text.index(_BROKEN)
            ends = [m.end() for m in re.finditer(r"[।॥?!.][\"'”’)]*(?=\s)", line.text[:cut])]
            keep_to = ends[-1] if ends else 0
            if keep_to == 0:
                line.reason = "broken-tail"
            else:
                line.removed.append(Removed(line.text[keep_to:].strip(), "broken-tail", line.no))
                line.text = line.text[:keep_to].rstrip()
        else:
            line.removed.append(Removed(_BROKEN * line.text.count(_BROKEN), "broken-char", line.no))
            line.text = line.text.replace(_BROKEN, "").strip()


def mark_lines(raw: str, rules: Rules, *, repeated: Collection[str] = ()) -> list[Line]:
    """Passes 1-3: every line of ``raw`` with its markup reduced and its removal reason (or None).

    The day-file splitter uses this to know which lines are furniture before it looks
    for headlines.
    """
    lines = [_markup(no, raw_line) for no, raw_line in enumerate(raw.splitlines(), 1)]
    first = next((ln for ln in lines if not ln.blank), None)
    for i, line in enumerate(lines):
        if not line.blank:
            nxt = lines[i + 1] if i + 1 < len(lines) else None
            line.reason = _classify(line, nxt, line is first, rules, repeated)
    _blocks(lines, rules)
    return lines


def clean_lines(
    raw: str,
    rules: Rules,
    *,
    title: str | None = None,
    repeated: Collection[str] = (),
) -> Cleaned:
    """Clean one article's raw text (see the module docstring for the passes).

    ``title``: the headline from metadata (HTML); it becomes heading paragraph 0 unless
    the text already starts with it. ``repeated``: :func:`line_key` values of lines that
    repeat across the outlet's articles (see :func:`ghatna.clean.repeated_lines`).
    """
    lines = mark_lines(raw, rules, repeated=repeated)

    if title:
        title = _MULTI_SPACE.sub(" ", _SPACE_CHARS.sub(" ", nfc(title))).strip() or None
    first_kept = next((ln for ln in lines if not ln.blank and ln.reason is None), None)
    if title and first_kept is not None and line_key(first_kept.text) == line_key(title):
        title = None  # the text starts with its headline already
    seen: set[str] = {line_key(title)} if title else set()
    kept: list[Line] = []
    for line in lines:
        if line.blank or line.reason is not None:
            continue
        _apply_cuts(line, rules)
        key = line_key(line.text)
        if key in seen:
            line.reason = "duplicate-paragraph"
            continue
        seen.add(key)
        kept.append(line)
    _broken_tail(kept)

    removed: list[Removed] = []
    for line in lines:
        if line.reason is not None:  # the whole line goes, as it was in the input
            removed.append(Removed(line.raw, line.reason, line.no))
        else:
            removed.extend(line.removed)
    kept = [ln for ln in kept if ln.reason is None and ln.text]

    paragraphs: list[str] = []
    headings: list[int] = []
    if title:
        paragraphs.append(title)
        headings.append(0)
    for line in kept:
        is_first = not paragraphs
        if line.heading or _title_like(line, 200 if is_first else 150):
            headings.append(len(paragraphs))
        paragraphs.append(line.text)
    return Cleaned(paragraphs, headings, removed)
