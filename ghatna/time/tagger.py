"""Find time expressions in Hindi and English text, with exact spans and what they say.

The grammar is a small set of named regex rules composed from the lexicon
(``data/hi.yaml``). Every rule finds what it would find running over the whole text;
a rule whose matches can only begin with a known set of four characters (worked out
from the parsed pattern; any space, any digit counted as one) is tried only at the
word starts that begin so, in one walk over the word starts for all such rules; the
others run over the whole text, unless a part every match of theirs holds is missing.
Overlapping candidates are settled longest-first (ties by rule order), then two date
expressions joined by ``से``/``से लेकर``/``-``/``to`` become one range (a DURATION,
as ILTIMEX marks them).

Each found expression carries a :class:`Reading` — the calendar fields its words fix
(day, month, year, weekday), a shift from the anchor (``पिछले साल`` = one year back,
``दो दिन पहले`` = two days back) or a deictic day (``आज``, ``कल``) — so the resolver
never re-parses text. The tagger itself knows no anchor and no tense.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

try:  # the regex parser: re._parser from Python 3.11, sre_parse before
    from re import _constants, _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    import sre_constants as _constants  # type: ignore[no-redef]
    import sre_parse as _parser  # type: ignore[no-redef]

from ghatna.time.lexicon import LB, RB, Lexicon, alt, key, load_lexicon

DIGITS = str.maketrans("०१२३४५६७८९", "0123456789")


@dataclass(frozen=True)
class Reading:
    """What the words of one expression fix, before any anchor is known.

    ``shift`` is ``(unit, n)`` from the anchor (``("year", -1)`` for पिछले साल);
    ``deictic`` is a day offset whose sign may depend on tense (कल = ±1, परसों = ±2);
    ``point`` places the expression inside a period (``"end"`` for ``के अंत में``).
    """

    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    shift: tuple[str, int] | None = None
    deictic: int | None = None
    point: str | None = None


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    kind: str
    rule: str
    reading: Reading


@dataclass(frozen=True)
class _Rule:
    name: str
    kind: str
    pattern: re.Pattern[str]
    starts: frozenset[str] | None = None
    """The strings one of which begins every match: its first four characters (the
    whole match when shorter), written in the symbols of :data:`_SYMBOL_CLASSES`.
    :func:`scan` tries the rule only at word starts that begin so. None when the
    pattern does not bound them: the rule then runs over the whole text."""
    needs: _Rule | None = None
    """A rule with known starts that matches inside every match of this one: a text
    where it finds nothing is not searched with this rule at all (an unbounded rule
    costs a regex try at every character)."""


def _numbers(lx: Lexicon) -> str:
    digits = r"[0-9०-९]+(?:[.:][0-9०-९]+)?"
    words = alt(list(lx.numbers))
    prefix = alt(list(lx.number_prefixes))
    return rf"(?:{digits}|(?:{prefix}\s+)?{words})"


def load_time_rules() -> tuple[_Rule, ...]:
    """The compiled rules with their possible starts, in order. They, and the tables
    :func:`scan` picks them by at word starts, are built on the first call, once per
    process (0.3 s, which the first text would otherwise pay)."""
    _start_finder()
    return _compiled_rules()


@cache
def _compiled_rules() -> tuple[_Rule, ...]:
    lx = load_lexicon()
    num = _numbers(lx)
    numr = rf"{num}(?:\s*(?:-|–|से|या|to)\s*{num})?"
    quant = alt(list(lx.quantifiers))
    amount = rf"(?:{numr}|{quant}(?:\s+{num})?)(?:\s+और)?"
    unit = alt(list(lx.units))
    cunit = alt(list(lx.calendar_units))
    month = alt(list(lx.months))
    safe_month = alt([m for m in lx.months if m not in lx.ambiguous_months])
    weekday = alt(list(lx.weekdays))
    part = alt(list(lx.day_parts))
    mod = alt(list(lx.modifiers))
    dated_mod = alt([m for m, v in lx.modifiers.items() if v is not None])
    day = r"(?:[0-3]?[0-9]|[०-३]?[०-९])(?:st|nd|rd|th)?"
    dayw = rf"(?:{day}|{alt([w for w, v in lx.numbers.items() if 1 <= v <= 31 and v == int(v)])})"
    year = r"(?:1[5-9][0-9]{2}|20[0-9]{2}|१[५-९][०-९]{2}|२०[०-९]{2})"
    yearw = r"(?:साल|वर्ष|सन्?|year)"
    clock = rf"(?:(?:करीब|लगभग)\s+)?{num}\s*बजे|[0-9]{{1,2}}(?::[0-9]{{2}})?\s*(?:a\.?m\.?|p\.?m\.?)"
    ctx = r"(?=\s*(?:में|को|से|तक|के|की|का|महीने|माह|,|।|\)|$))"
    point = alt(list(lx.period_points))
    ago = alt(list(lx.ago) + list(lx.later))
    ordw = alt(list(lx.ordinals))
    setp = alt(list(lx.set_prefixes))
    ordinal_unit = rf"{ordw}\s+(?:दिन|सप्ताह|हफ्ते)"
    # (name, kind, pattern[, a part every match holds: see _Rule.needs])
    specs: list[tuple[str, ...]] = [
        (
            "weekday_date",
            "DATE",
            rf"{weekday}\s*(?:\(\s*{dayw}\s+{month}(?:\s*,?\s*{year})?\s*\)|,\s*{dayw}\s+{month}(?:\s*,?\s*{year})?)",
        ),
        ("day_range", "DURATION", rf"{dayw}\s*(?:से|-|–)\s*{dayw}\s+{month}(?:\s*,?\s*{year})?"),
        (
            "day_month",
            "DATE",
            rf"(?:{dated_mod}\s+(?:{cunit}\s+)?)?{dayw}\s*{month}\.?(?:\s*,?\s*(?:{yearw}\s*)?{year})?",
        ),
        ("month_day", "DATE", rf"{month}\.?\s+{day}(?:\s*,\s*{year})?"),
        (
            "month_year",
            "DATE",
            rf"(?:{dated_mod}\s+(?:{cunit}\s+)?)?(?:{month}\s*,?\s*{year}|{safe_month}|{month}{ctx})",
        ),
        ("numeric_date", "DATE", r"[0-9]{1,2}[/.-][0-9]{1,2}[/.-](?:[0-9]{4}|[0-9]{2})"),
        (
            "year",
            "DATE",
            rf"{yearw}\s*{year}(?:\s*-\s*[0-9]{{2,4}})?|{year}(?:\s*-\s*[0-9]{{2,4}})?(?=\s*(?:में|से|तक|के|का|की|को|,|।|\)|$))",
        ),
        (
            "decade",
            "DATE",
            rf"(?:{year}|[0-9]{{2}})(?:\s*(?:और|-)\s*[0-9]{{2,4}})?\s+के\s+दशक(?:ों)?",
        ),
        (
            "weekday",
            "DATE",
            rf"(?:{mod}\s+)?{weekday}(?:\s+(?:(?:की|के)\s+)?{part}|\s+के\s+दिन)?(?:\s+{clock})?",
        ),
        ("clock", "TIME", rf"(?:{part}\s+)?{clock}"),
        ("deictic", "DATE", rf"{alt(list(lx.deictic))}(?:\s+(?:की\s+)?{part})?"),
        ("part_of_day", "TIME", rf"{part}(?:\s+के\s+समय)?"),
        (
            "relative",
            "DATE",
            rf"{mod}\s+(?:{amount}\s+)?{unit}(?:\s+के\s+{point})?(?:\s+{month})?(?:\s+{dayw}\s+{month})?",
        ),
        ("period_point", "DATE", rf"{cunit}\s+के\s+{point}"),
        ("ago", "DATE", rf"(?:आज\s+से\s+)?(?:{amount}\s+)?{unit}\s+(?:के\s+)?{ago}"),
        ("duration", "DURATION", rf"(?:(?:पूरे|लंबे|चौबीसों)\s+)?{amount}\s+{unit}(?:\s+भर)?"),
        ("duration_whole", "DURATION", rf"(?:{unit}|{part})\s+भर|(?:पूरे|लंबे|चौबीसों)\s+{unit}"),
        (
            "set",
            "SET",
            rf"{setp}\s+(?:{num}\s+)?(?:{unit}|{part}|{weekday}|रोज)|{alt(list(lx.set_words))}|समय\s*-\s*समय|दिनों\s*-\s*दिन",
        ),
        (
            "named_day",
            "DATE",
            rf"{alt(list(lx.named_days))}(?:\s+(?:के\s+दिन|की\s+{part}))?|{alt(list(lx.seasons))}",
        ),
        (
            "ordinal_day",
            "DATE",
            rf"(?:[\w\u0900-\u0963]+\s+के\s+)?{ordinal_unit}",
            ordinal_unit,
        ),
        (
            "en_relative",
            "DATE",
            r"(?:last|next|this|previous|coming)\s+(?:week|month|year)|today|yesterday|tomorrow|[0-9]+\s+(?:days?|weeks?|months?|years?)\s+ago",
        ),
    ]
    return tuple(_compile_rule(*spec) for spec in specs)


def _compile_rule(name: str, kind: str, body: str, needs: str | None = None) -> _Rule:
    """The rule matching ``body`` as a whole word; ``needs`` is a part of ``body`` every
    match holds as a whole word, whose starts are known (see :attr:`_Rule.needs`)."""
    parsed = _parser.parse(body, re.IGNORECASE)
    pattern = re.compile(rf"{_first_char_guard(parsed)}{LB}(?:{body}){RB}", re.IGNORECASE)
    needed = _compile_rule(f"{name}: needs", kind, needs) if needs else None
    if needed is not None and needed.starts is None:
        raise ValueError(f"the part rule {name} needs has no known starts: {needs!r}")
    return _Rule(name, kind, pattern, _starts(parsed), needed)


_START_LENGTH = 4
"""How many characters of a word start pick the rules tried there. With two, nine
tries in ten failed (``से`` let the unit rules try every ``सेकंड``); three left twice
as many tries as four (``प्र`` of ``प्रति`` and ``प्रदेश``), and five would add more to
building the rule tables (0.3 s with four, 0.1 s with three) than it saves."""
_START_LIMIT = 20_000
"""More possible starts than this and a rule is run over the whole text instead."""
_FOLD_ALIKE = "İıſK"
"""The non-ASCII letters IGNORECASE matches with ASCII ones (i, s, k)."""
_SPACE = " "
_DIGIT = "0"
_SYMBOL_CLASSES = {_SPACE: r"\s", _DIGIT: "0-9०-९"}
"""The start analysis writes every whitespace character (what ``\\s`` matches) as a
space and every digit as ``0``, in the rules' starts and in the text they are looked
up in (:func:`_symbolic`); here, what each symbol stands for in a character class.
Told apart, the 25 spaces and 20 digits would multiply the starts of every rule with
a space or a number among its first characters (to 15,000 for one rule)."""


def _starts(parsed: object) -> frozenset[str] | None:
    """The starts (see :attr:`_Rule.starts`) of a parsed (IGNORECASE) rule, or None when
    they are not a small known set: a category or any-character among the first four,
    a match shorter than two characters, or one that starts with a space (word starts
    in :func:`scan` are never spaces)."""
    starts = _prefixes(parsed, _START_LENGTH)
    if starts is None or any(len(s) < 2 or s[0] == _SPACE for s in starts):
        return None
    return frozenset(starts)


def _prefixes(items: object, n: int) -> set[str] | None:
    """The first ``n`` characters of every string the parsed pattern ``items`` matches
    (all of it when shorter), written in the symbols of :data:`_SYMBOL_CLASSES`, or
    None when unknown or too many."""
    out = {""}
    for op, av in items:  # type: ignore[attr-defined]
        if all(len(p) >= n for p in out):
            break
        item = _item_prefixes(op, av, n)
        if item is None:
            return None
        short = [p for p in out if len(p) < n]
        out = {p for p in out if len(p) >= n} | {(p + q)[:n] for p in short for q in item}
        if len(out) > _START_LIMIT:
            return None
    return out


def _item_prefixes(op: object, av: object, n: int) -> set[str] | None:
    c = _constants
    if op is c.LITERAL:
        return _symbols(chr(av))  # type: ignore[arg-type]
    if op is c.IN:
        chars: set[str] = set()
        for iop, iav in av:  # type: ignore[attr-defined]
            if iop is c.LITERAL:
                chars |= _symbols(chr(iav))
            elif iop is c.RANGE and iav[1] - iav[0] < 512:
                for i in range(iav[0], iav[1] + 1):
                    chars |= _symbols(chr(i))
            elif iop is c.CATEGORY and iav is c.CATEGORY_SPACE:
                chars.add(_SPACE)
            else:
                return None
        return chars
    if op is c.BRANCH:
        union: set[str] = set()
        for branch in av[1]:  # type: ignore[index]
            found = _prefixes(branch, n)
            if found is None:
                return None
            union |= found
        return union
    if op is c.SUBPATTERN:
        return _prefixes(av[3], n)  # type: ignore[index]
    if op in (c.MAX_REPEAT, c.MIN_REPEAT):
        low, high, item = av  # type: ignore[misc]
        once = _prefixes(item, n)
        if once is None:
            return None
        out = set(once)
        for _ in range(min(high, n) - 1):  # shorter repetitions may be followed by more
            out |= {(p + q)[:n] for p in out if len(p) < n for q in once}
        return out | {""} if low == 0 else out
    if op in (c.ASSERT, c.ASSERT_NOT, c.AT):
        return {""}
    return None


@cache
def _symbols(ch: str) -> frozenset[str]:
    """How the start analysis writes ``ch`` and every character IGNORECASE matches it
    with (see :data:`_SYMBOL_CLASSES`)."""
    candidates = {ch, ch.lower(), ch.upper(), *_FOLD_ALIKE}
    alike = (x for x in candidates if len(x) == 1 and re.fullmatch(re.escape(ch), x, re.I))
    return frozenset(_symbol(x) for x in alike)


def _symbol(ch: str) -> str:
    """How the start analysis writes one character (see :data:`_SYMBOL_CLASSES`)."""
    if ch.isspace():  # str.isspace is what \s matches in a str pattern
        return _SPACE
    return _DIGIT if ch in "0123456789०१२३४५६७८९" else ch


_OTHER_SPACE = re.compile(r"[^\S ]")
_OTHER_DIGIT = re.compile(r"[1-9०-९]")


def _symbolic(text: str) -> str:
    """``text`` with each character written as its :func:`_symbol` (same length), as
    the rules' starts are."""
    return _OTHER_DIGIT.sub(_DIGIT, _OTHER_SPACE.sub(_SPACE, text))


def _first_char_guard(parsed: object) -> str:
    """A look-ahead for the characters a match can start with, or "".

    The look-ahead changes no match (every match starts with one of them), but the regex
    engine rejects most positions on one character instead of trying every branch of
    the rule there. Rules whose starts :func:`_starts` cannot bound still run over the
    whole text, and gain most from it.
    """
    firsts = _prefixes(parsed, 1)
    if not firsts or "" in firsts:
        return ""
    chars = (_SYMBOL_CLASSES.get(c) or re.escape(c) for c in sorted(firsts))
    return "(?=[" + "".join(chars) + "])"


_RANGE_JOIN = re.compile(r"\s*(?:से\s+लेकर|से|-|–|to|until)\s*", re.IGNORECASE)


@cache
def _rules_by_start() -> dict[str, tuple[_Rule, ...]]:
    """The rules with known starts (and the parts other rules need), by each start one
    of their matches can begin with. A start shorter than :data:`_START_LENGTH` is a
    whole match, followed by whatever ends a word: its rules are listed under every
    longer start that begins with it too, as :func:`_start_finder` reads the longest
    start there is."""
    index: dict[str, list[_Rule]] = {}
    for rule in _compiled_rules():
        for r in (rule, rule.needs):
            if r is not None and r.starts is not None:
                for start in r.starts:
                    index.setdefault(start, []).append(r)
    for start, rules in index.items():
        for shorter in range(2, len(start)):
            rules.extend(r for r in index.get(start[:shorter], ()) if r not in rules)
    return {start: tuple(rules) for start, rules in index.items()}


@cache
def _start_finder() -> re.Pattern[str]:
    """Word starts (in :func:`_symbolic` text) that begin with a start of
    :func:`_rules_by_start`, with the longest such start as group 1."""
    return re.compile(rf"{LB}(?=({_longest_of(_rules_by_start())}))")


def _longest_of(words: Iterable[str]) -> str:
    """A regex for the longest of ``words`` that begins where it is tried. The words go
    in a tree of their common beginnings, so the regex engine reads each character once
    instead of trying one word after another (thousands of them for :func:`scan`)."""
    rests: dict[str, list[str]] = {}
    for word in words:
        rests.setdefault(word[:1], []).append(word[1:])
    ends_here = rests.pop("", None) is not None
    if not rests:
        return ""
    branches = "|".join(re.escape(ch) + _longest_of(rest) for ch, rest in sorted(rests.items()))
    return f"(?:{branches})?" if ends_here else f"(?:{branches})"


def _matches_at_word_starts(text: str) -> dict[str, list[tuple[int, int]]]:
    """By rule name, the spans ``pattern.finditer(text)`` gives for every rule with
    known starts (and every needed part). One walk over the word starts tries each
    rule where its matches can begin, in text order, each try after the end of the
    rule's last match: what finditer does, without a regex try at every character."""
    found: dict[str, list[tuple[int, int]]] = {}
    ends: dict[str, int] = {}
    index = _rules_by_start()
    for start in _start_finder().finditer(_symbolic(text)):
        pos = start.start()
        for rule in index[start.group(1)]:
            if pos >= ends.get(rule.name, 0):
                m = rule.pattern.match(text, pos)
                if m is not None:
                    ends[rule.name] = m.end()
                    found.setdefault(rule.name, []).append(m.span())
    return found


def _spans(
    rule: _Rule, text: str, at_starts: dict[str, list[tuple[int, int]]]
) -> list[tuple[int, int]]:
    """The non-empty matches ``rule.pattern.finditer(text)`` gives; ``at_starts`` is
    :func:`_matches_at_word_starts` of ``text``."""
    if rule.starts is not None:
        return at_starts.get(rule.name, [])
    if rule.needs is not None and rule.needs.name not in at_starts:
        return []
    return [m.span() for m in rule.pattern.finditer(text) if m.end() > m.start()]


def scan(text: str) -> list[Found]:
    """All time expressions of ``text`` with their readings, in text order."""
    candidates: list[tuple[int, int, int, _Rule]] = []
    at_starts = _matches_at_word_starts(text)
    for order, rule in enumerate(_compiled_rules()):
        for start, end in _spans(rule, text, at_starts):
            # a rejected reading leaves its words to the shorter ones inside it
            # ("दिसंबर के पहले सप्ताह" is no ordinal day of an event, but is December)
            if rule.name != "ordinal_day" or _ordinal_ok(text[start:end]):
                candidates.append((start, end, order, rule))
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    taken: list[tuple[int, int, _Rule]] = []
    for start, end, _order, rule in candidates:
        if all(end <= s or start >= e for s, e, _ in taken):
            taken.append((start, end, rule))
    taken.sort(key=lambda t: t[0])
    return [Found(s, e, r.kind, r.name, read(text[s:e], r.name)) for s, e, r in _merge(text, taken)]


def _merge(text: str, spans: list[tuple[int, int, _Rule]]) -> list[tuple[int, int, _Rule]]:
    """Join ``DATE से DATE`` into one range; a range is a period (DURATION)."""
    out: list[tuple[int, int, _Rule]] = []
    for s, e, r in spans:
        if out and r.kind == "DATE" and out[-1][2].kind == "DATE":
            ps, pe, pr = out[-1]
            if _RANGE_JOIN.fullmatch(text[pe:s]) and pr.name in _DATED and r.name in _DATED:
                out[-1] = (ps, e, _RANGE)
                continue
        out.append((s, e, r))
    return out


_DATED = {"day_month", "month_year", "year", "weekday_date", "month_day", "decade", "weekday"}
_RANGE = _Rule("range", "DURATION", re.compile(""))


def _ordinal_ok(text: str) -> bool:
    """``X के तीसरे दिन`` only when X is a visit, event or period word, not any noun."""
    head = text.split()[0]
    if len(text.split()) < 4:
        return True
    return key(head) in _EVENT_WORDS


_EVENT_WORDS = {
    "दौरे",
    "यात्रा",
    "सप्ताह",
    "हफ्ते",
    "वीक",
    "महीने",
    "साल",
    "सत्र",
    "अभियान",
    "सम्मेलन",
    "मेले",
    "उत्सव",
    "टूर्नामेंट",
    "बैठक",
    "हड़ताल",
    "हडताल",
    "प्रवास",
}


def _int(token: str) -> int | None:
    digits = re.sub(r"(st|nd|rd|th)$", "", token.translate(DIGITS), flags=re.IGNORECASE)
    if digits.isdigit():
        return int(digits)
    value = load_lexicon().numbers.get(key(token))
    return int(value) if value is not None and value == int(value) else None


def _amount(tokens: list[str]) -> float | None:
    lx = load_lexicon()
    for i, t in enumerate(tokens):
        k = key(t)
        if k in lx.number_prefixes and i + 1 < len(tokens):
            base = _int(tokens[i + 1])
            if base is not None:
                return base + lx.number_prefixes[k]
        if (v := lx.numbers.get(k)) is not None:
            return v
        d = t.translate(DIGITS)
        if re.fullmatch(r"[0-9]+(?:\.[0-9]+)?", d):
            return float(d)
    return None


def read(text: str, rule: str) -> Reading:
    """The calendar fields the words of one expression fix (see :class:`Reading`)."""
    lx = load_lexicon()
    tokens = re.findall(r"[\w\u0900-\u0963\u0966-\u097F]+", text)
    keys = [key(t) for t in tokens]
    month = next((lx.months[k.rstrip(".")] for k in keys if k.rstrip(".") in lx.months), None)
    weekday = next((lx.weekdays[k] for k in keys if k in lx.weekdays), None)
    year = next((int(t.translate(DIGITS)) for t in tokens if _is_year(t)), None)
    day = None
    if month is not None and rule in {"weekday_date", "day_month", "month_day", "relative"}:
        day = _day_near_month(tokens, keys, lx)
    if rule == "numeric_date":
        return _numeric(text)
    point = next((lx.period_points[k] for k in keys if k in lx.period_points), None)
    shift = None
    deictic = None
    if rule in {"relative", "day_month", "month_year", "weekday", "en_relative"}:
        shift = _modifier_shift(keys, lx)
    if rule == "ago":
        shift = _ago_shift(tokens, keys, lx)
    if rule in {"deictic", "en_relative"} and keys[0] in lx.deictic:
        deictic = lx.deictic[keys[0]]
    if rule == "en_relative" and keys[-1] == "ago":
        shift = _ago_shift(tokens, keys, lx)
    if rule == "year" and year is None:
        return Reading()
    return Reading(year, month, day, weekday, shift, deictic, point)


def _is_year(token: str) -> bool:
    d = token.translate(DIGITS)
    return d.isdigit() and len(d) == 4 and 1500 <= int(d) <= 2099


def _day_near_month(tokens: list[str], keys: list[str], lx: Lexicon) -> int | None:
    for i, k in enumerate(keys):
        if k.rstrip(".") in lx.months:
            for j in (i - 1, i + 1):
                if 0 <= j < len(tokens) and not _is_year(tokens[j]):
                    n = _int(tokens[j])
                    if n is not None and 1 <= n <= 31:
                        return n
    return None


def _modifier_shift(keys: list[str], lx: Lexicon) -> tuple[str, int] | None:
    """``पिछले साल`` → (year, -1); ``इस महीने`` → (month, 0); ``पिछले सोमवार`` → (week, -1)."""
    joined = " ".join(keys)
    for m, offset in _dated_modifiers():
        if not (joined == m or joined.startswith(m + " ")):
            continue
        rest = joined[len(m) :].split()
        if not rest:
            return None
        if rest[0] in lx.calendar_units:
            return (lx.units[rest[0]], offset)
        if rest[0] in lx.weekdays:
            return ("week", offset)
        if rest[0] in lx.months:
            return ("year", offset) if offset else None
        return None
    return None


@cache
def _dated_modifiers() -> tuple[tuple[str, int], ...]:
    """The lexicon's modifiers that shift a date (not ``उस``), longest first: one is not
    taken for a shorter one its words begin with."""
    dated = [(m, offset) for m, offset in load_lexicon().modifiers.items() if offset is not None]
    return tuple(sorted(dated, key=lambda kv: -len(kv[0])))


def _ago_shift(tokens: list[str], keys: list[str], lx: Lexicon) -> tuple[str, int] | None:
    """``दो दिन पहले`` → (day, -2); ``एक महीने बाद`` → (month, +1); vague amounts → None."""
    unit = next((lx.units[k] for k in keys if k in lx.units), None)
    amount = _amount(tokens)
    if unit is None or amount is None or amount != int(amount):
        return None
    sign = -1 if any(k in {key(w) for w in lx.ago} for k in keys[-2:]) else 1
    return (unit, sign * int(amount))


def _numeric(text: str) -> Reading:
    """``18/11/2025`` or ``18-11-25``: Indian papers write day first."""
    parts = [int(p) for p in re.split(r"[/.-]", text.translate(DIGITS))]
    d, m, y = parts
    if y < 100:
        y += 2000
    if not (1 <= m <= 12 and 1 <= d <= 31):
        return Reading()
    return Reading(year=y, month=m, day=d)
