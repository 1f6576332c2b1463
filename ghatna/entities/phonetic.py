"""Cross-script, typo-tolerant name keys: ``लारोव`` ≈ ``लावरोव`` ≈ ``Lavrov``; and the
readable romanised names and ids of provisional actors.

Two romanisations, both table-driven and pure Python (no per-call set-up, microseconds
a word, cached):

* :func:`romanise` — the matching romanisation. It reproduces aksharamukha's
  ``Devanagari → RomanReadable`` with its ``RemoveSchwaHindi`` pre-option letter for
  letter (the same regex rules, precompiled, then a mapping table; see
  ``tests/entities/test_phonetic.py``, which checks it against aksharamukha). The KB's
  phonetic keys were always built with it, so fuzzy matching is unchanged.
* :func:`display_name` / :func:`slug` — the display name and id of a provisional
  actor: leading titles and office words (``सीएम``, ``भाजपा नेता``, ``डॉ.``) and
  trailing honorifics (``जी``, ``साहब``) are dropped first (:func:`name_core`), so
  ``सीएम उद्धव ठाकरे`` and ``उद्धव ठाकरे जी`` are one actor, then the name is written the
  way Hindi names are usually spelled in English: no diacritics or apostrophes, long
  vowels written short (``Modi``, not ``Modee``), schwa dropped at the end of a word and
  between syllables (``Uddhav Thakre``, ``Narendra``), each word capitalised.

A name's phonetic key is its matching romanisation reduced to: lower case, long
vowels and doubled letters collapsed, aspiration ``h`` after a consonant kept
(``kh`` ≠ ``k``: that distinguishes real names), ``w``→``v``, ``ph``→``f``,
``z``→``j`` (nukta-less Hindi). Keys are compared with a normalised edit-distance ratio
(rapidfuzz). The threshold is strict on purpose: a typo of one letter in a name of
five or more letters passes, a different name sharing a stem does not.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from ghatna.clean.normalize import fold, nfc

_DEVANAGARI = re.compile(r"[\u0900-\u097f]")
_REPLACEMENTS = (
    ("y", "i"),
    ("aa", "a"),
    ("ee", "i"),
    ("ii", "i"),
    ("oo", "u"),
    ("uu", "u"),
    ("ai", "e"),
    ("ei", "e"),
    ("ey", "e"),
    ("ph", "f"),
    ("w", "v"),
    ("z", "j"),
    ("q", "k"),
    ("ck", "k"),
)

# --- schwa deletion (aksharamukha's RemoveSchwaHindi, rule for rule) ------------------
_V = "अआइईउऊऋॠऌॡएऐओऔॶॷॳॴऎऒऍऑ"
_S = "ािीुूृॄॢॣेैोौॖॗऺऻॆॊॅॉॕ"
_C = "कखगघङचछजझञटठडढणतथदधनपफबभमयरलवशषसहळऴऱऩ"
_NUKTA_C = (
    "\u0958\u0959\u095a\u095b\u095c\u095d\u095e\u095f"  # क़ … य़ precomposed: only display keeps them
)
_VIRAMA = "\u094d"


_Rules = list[tuple[re.Pattern[str], str, frozenset[str]]]
"""(pattern, replacement, the conjuncts (consonant, virama, consonant) one of which the
pattern needs; empty: no conjunct needed)."""


def _schwa_rules(consonants: str, faithful: bool) -> _Rules:
    """The rewrite rules that mark deleted schwas with a virama, in order.

    With ``faithful`` the rules are aksharamukha's exactly, including its one quirk:
    the rule for a geminate ending in an aspirate (``द्ध``, ``च्छ``) is meant for the
    end of a word but fires anywhere (its look-ahead is a literal string), which turns
    ``उद्धव`` into ``uddhv``. Phonetic keys keep the quirk (KB keys were built with it);
    display names anchor that rule at the word end (``Uddhav``).
    """
    cons = f"([{consonants}])"
    vow_s = f"([{_S}])"
    char = f"[{_V}{_VIRAMA}{_S}ँंःᳵᳶ˂़{consonants}]"
    nas = "([ंःँ]?)"
    isyl = f"((([{_V}])|({cons}{vow_s}?)){nas})"
    syl = f"(({cons}{vow_s}){nas})"
    syl_any = f"(({cons}{vow_s}?){nas})"
    end = f"(?!{char})"
    v = _VIRAMA
    rules = [
        (isyl + cons + cons + syl_any + end, r"\1\8" + v + r"\9\10"),
        (isyl + cons + syl + syl_any + end, r"\1\8" + v + r"\9\15"),
        (isyl + cons + syl + end, r"\1\8" + v + r"\9"),
        (isyl + cons + end, r"\1\8" + v),
        (isyl + f"(({cons}{v})([शषस])){end}", r"\1\8" + v),
    ]
    base = "कखगघङचछजझञटठडढणतथदधनपफबभमयरलवशषसह"
    plain = [base[i] for i in (0, 2, 5, 7, 10, 12, 15, 17, 20, 22, 4, 9, 14, 19, 24)]
    plain += [base[i] for i in range(25, 33)] + list("ळऴऱऩ")
    aspirate = [base[i] for i in (1, 3, 6, 8, 11, 13, 16, 18, 21, 23)]
    rules.append((isyl + f"([{''.join(plain)}])({v})(\\8){end}", r"\1\8\9\10" + v))
    tail = "" if faithful else end
    for p, a in zip(plain, aspirate, strict=False):
        rules.append((isyl + f"({p})({v})({a}){tail}", r"\1\8\9\10" + v))
    pyramid = ["यरलव", "नमण", "शषस", "कखपफगघबभ", "टठतथडढदध", "चछजझ"]
    for i, first in enumerate(pyramid):
        for second in pyramid[i + 1 :]:
            rules.append((isyl + f"(([{first}]{v})([{second}])){end}", r"\1\8" + v))
    needs = [
        *[frozenset()] * 4,
        _conjuncts(consonants, "शषस"),
        frozenset(c + v + c for c in plain),
        *(_conjuncts(p, a) for p, a in zip(plain, aspirate, strict=False)),
        *(
            _conjuncts(first, second)
            for i, first in enumerate(pyramid)
            for second in pyramid[i + 1 :]
        ),
    ]
    return [(re.compile(p), r, n) for (p, r), n in zip(rules, needs, strict=True)]


def _conjuncts(firsts: str, seconds: str) -> frozenset[str]:
    return frozenset(f + _VIRAMA + s for f in firsts for s in seconds)


_FAITHFUL_RULES = _schwa_rules(_C, faithful=True)
_DISPLAY_RULES = _schwa_rules(_C + _NUKTA_C, faithful=False)
_CONJUNCT = re.compile(f"(?=(.{_VIRAMA}.))", re.DOTALL)


def _deschwa(text: str, rules: _Rules) -> str:
    """Apply the schwa rules in order. Rules 5 on each need one of a few conjuncts
    (``प्फ``, ``र्म``): such a rule is skipped, with no change to the result, when the
    word (as the earlier rules left it) has none of them; most words have no conjunct
    at all, the others one or two."""
    conjuncts: set[str] | None = None
    for pattern, repl, needs in rules:
        if needs:
            if conjuncts is None:
                conjuncts = set(_CONJUNCT.findall(text)) if _VIRAMA in text else set()
            if needs.isdisjoint(conjuncts):
                continue
        # search first: a sub with a template costs a microsecond even where nothing
        # matches, and most rules match nothing
        if pattern.search(text) is None:
            continue
        new = pattern.sub(repl, text)
        if new != text:
            text, conjuncts = new, None
    return text


# --- the matching romanisation (aksharamukha RomanReadable) --------------------------
_R_CONS = dict(
    zip(
        "कखगघङचछजझञटठडढणतथदधनपफबभमयरलवशषसहळऴऱऩ",
        [
            "k",
            "kh",
            "g",
            "gh",
            "ng",
            "ch",
            "chh",
            "j",
            "jh",
            "nj",
            "t'",
            "t'h",
            "d'",
            "d'h",
            "n",
            "t",
            "th",
            "d",
            "dh",
            "n",
            "p",
            "ph",
            "b",
            "bh",
            "m",
            "y",
            "r",
            "l",
            "v",
            "sh",
            "sh",
            "s",
            "h",
            "l'",
            "zh",
            "r'",
            "n",
        ],
        strict=True,
    )
)
_R_SIGN = dict(
    zip(
        "ािीुूृॄॢॣेैोौॆॊॅॉ",
        [
            "aa",
            "i",
            "ee",
            "u",
            "oo",
            "ri'",
            "ree'",
            "li'",
            "lee'",
            "e",
            "ai",
            "o",
            "au",
            "e'",
            "o'",
            "a",
            "o",
        ],
        strict=True,
    )
)
_R_VOWEL = dict(
    zip(
        "अइउऋॠऌॡएऐओऔऎऒऍऑ",
        ["a", "i", "u", "ri'", "ree'", "li'", "lee'", "e", "ai", "o", "au", "e'", "o'", "a", "o"],
        strict=True,
    )
)
_R_VOWEL.update({"आ": "aa", "ई": "ee", "ऊ": "oo"})
_R_OTHER = {"ं": "M", "ँ": "M", "ः": "h'", "ॐ": "om", "ऽ": "'", "।": ".", "॥": "..", _VIRAMA: ""}
_R_FIXES = (
    ("njnj", "nny"),
    ("Mk", "ngk"),
    ("Mg", "ngg"),
    ("Mc", "njc"),
    ("Mj", "njj"),
    ("Md", "nd"),
    ("Mt", "nt"),
    ("Mb", "mb"),
    ("Mp", "mp"),
    ("M", "m'"),
    ("ngk", "nk"),
    ("ngg", "ng"),
    ("njc", "nc"),
    ("njj", "nj"),
    ("jnj", "jny"),
)
_NY = (
    (re.compile("([aiueo])nj([aeiou])"), r"\1ny\2"),
    (re.compile(r"(\W)nj([aeiou])"), r"\1ny\2"),
    (re.compile("^nj([aeiou])"), r"ny\1"),
)


def _roman_readable(text: str) -> str:
    """aksharamukha's RomanReadable letters for schwa-marked Devanagari."""
    out: list[str] = []
    last = len(text) - 1
    for i, ch in enumerate(text):
        r = _R_CONS.get(ch)
        if r is not None:
            nxt = text[i + 1] if i < last else ""
            out.append(r if nxt == _VIRAMA or nxt in _R_SIGN else r + "a")
            continue
        r = _R_SIGN.get(ch)
        if r is not None:
            out.append("_" + r if i and text[i - 1] == _VIRAMA else r)
            continue
        r = _R_VOWEL.get(ch) or _R_OTHER.get(ch)
        out.append(ch if r is None else r)
    roman = "".join(out)
    if "nj" in roman:
        for pattern, repl in _NY:
            roman = pattern.sub(repl, roman)
    for old, new in _R_FIXES:
        if old[0] in roman:
            roman = roman.replace(old, new)
    return roman.lower()


_ROMAN: dict[str, str] = {}
_ROMAN_MAX = 200_000


def romanise(name: str) -> str:
    """The matching Latin form of a Devanagari name (``सर्गेई लावरोव`` → ``sargeee
    laavrov``), identical to aksharamukha's; Latin input is returned lower-cased."""
    hit = _ROMAN.get(name)
    if hit is not None:
        return hit
    folded = fold(name)
    if not _DEVANAGARI.search(folded):
        return folded
    roman = _roman_readable(_deschwa(folded.replace("\n", " ").replace("\r", " "), _FAITHFUL_RULES))
    if len(_ROMAN) >= _ROMAN_MAX:
        _ROMAN.clear()
    _ROMAN[name] = roman
    return roman


_NOT_KEY = re.compile(r"[^a-z ]")
_DOUBLED = re.compile(r"([a-z])\1+")


@lru_cache(maxsize=200_000)
def phonetic_key(name: str) -> str:
    """The comparison key of a name in either script (see the module docstring)."""
    key = _NOT_KEY.sub("", romanise(name))
    for old, new in _REPLACEMENTS:
        key = key.replace(old, new)
    key = _DOUBLED.sub(r"\1", key)
    return " ".join(key.split())


SKELETON_LETTERS = " \u0902" + "".join(map(chr, range(0x915, 0x93A)))
"""What a :func:`skeleton` is made of: spaces, anusvara and the consonants क … ह."""
_NOT_SKELETON = re.compile(f"[^{SKELETON_LETTERS}]+")


def skeleton(name: str) -> str:
    """The consonants (and anusvara) of a Devanagari name, vowels dropped: ``लावरोव`` →
    ``लवरव``. Cheap, and never further from another name's skeleton than a couple of
    edits when their phonetic keys are :func:`close_enough`, so it screens candidates
    before the phonetic key is worked out."""
    return " ".join(_NOT_SKELETON.sub("", w) for w in fold(name).split())


# --- provisional names: titles off, readable romanisation ----------------------------
_TITLE_WORDS = frozenset(
    fold(w)
    for w in (
        # honorifics
        "श्री",
        "श्रीमान",
        "श्रीमती",
        "सुश्री",
        "डॉ",
        "डा",
        "डॉक्टर",
        "प्रो",
        "प्रोफेसर",
        "स्व",
        "स्वर्गीय",
        "मिस्टर",
        "मिसेज",
        "Dr",
        "Mr",
        "Mrs",
        "Ms",
        "Shri",
        "Smt",
        "Prof",
        # offices, national and state
        "सीएम",
        "मुख्यमंत्री",
        "उपमुख्यमंत्री",
        "पीएम",
        "प्रधानमंत्री",
        "मंत्री",
        "राज्यमंत्री",
        "केंद्रीय",
        "राष्ट्रपति",
        "उपराष्ट्रपति",
        "राज्यपाल",
        "उपराज्यपाल",
        "सांसद",
        "विधायक",
        "एमपी",
        "एमएलए",
        "एमएलसी",
        "मेयर",
        "महापौर",
        "पार्षद",
        "प्रधान",
        "सरपंच",
        "अध्यक्ष",
        "उपाध्यक्ष",
        "प्रवक्ता",
        "सचिव",
        "महासचिव",
        "राजदूत",
        "नेता",
        "पूर्व",
        "डिप्टी",
        "न्यायाधीश",
        "न्यायमूर्ति",
        "जस्टिस",
        "जज",
        "चेयरमैन",
        "निदेशक",
        "प्रमुख",
        # district and police officers
        "डीएम",
        "जिलाधिकारी",
        "जिलाधीश",
        "कलेक्टर",
        "कलेक्‍टर",
        "एसडीएम",
        "एडीएम",
        "सीडीओ",
        "एसपी",
        "एसएसपी",
        "डीएसपी",
        "एएसपी",
        "सीओ",
        "आईजी",
        "डीआईजी",
        "डीजीपी",
        "एसएचओ",
        "एसओ",
        "थानाध्यक्ष",
        "थानेदार",
        "इंस्पेक्टर",
        "दरोगा",
        "दारोगा",
        "सीएमओ",
        "सीएमएस",
        "आयुक्त",
        "कमिश्नर",
        "अधिकारी",
        "सीईओ",
        "एसीपी",
        "डीसीपी",
        # what a story calls a person before naming them
        "आरोपी",
        "आरोपित",
        "अभियुक्त",
        "अभिनेता",
        "अभिनेत्री",
        "गायक",
        "गायिका",
        "निर्देशक",
        "निर्माता",
        "प्रोड्यूसर",
        "प्रॉड्यूसर",
        "लेखक",
        "पत्रकार",
        "वैज्ञानिक",
        "उद्योगपति",
        "कारोबारी",
        "कप्तान",
        "कोच",
        "क्रिकेटर",
        "खिलाड़ी",
        "सलाहकार",
        "राजनयिक",
        "कार्यकर्ता",
        "वकील",
        "विशेषज्ञ",
        "शोधकर्ता",
        "अरबपति",
        # ranks
        "जनरल",
        "लेफ्टिनेंट",
        "कर्नल",
        "मेजर",
        "कैप्टन",
        "ब्रिगेडियर",
        "एयर",
        "मार्शल",
    )
)
"""Words that stand before a name and are no part of it; office words also end a
longer prefix (``भाजपा नेता``, ``केंद्रीय स्वास्थ्य मंत्री``), see :func:`name_core`."""
_TRAILING = frozenset(fold(w) for w in ("जी", "साहब", "साहेब", "ji", "sahab"))
_WORDLIKE = re.compile(r"[^\W_]")
_HONORIFIC_GLUED = re.compile(r"^(?:डॉ|डा|प्रो|Dr|Prof|Mr|Mrs|Ms)\.\s*", re.IGNORECASE)


def is_title(word: str) -> bool:
    """Is ``word`` a title, office or descriptor that stands before a name (``अध्यक्ष``,
    ``अभिनेता``, ``डॉ.``)?"""
    return fold(word).rstrip(".") in _TITLE_WORDS


@lru_cache(maxsize=100_000)
def name_core(surface: str) -> str:
    """``surface`` without leading titles and office words and trailing honorifics:
    ``सीएम उद्धव ठाकरे`` → ``उद्धव ठाकरे``, ``भाजपा नेता उमा भारती जी`` → ``उमा भारती``.

    Everything up to the last title word that still leaves a name behind is dropped
    (``केंद्रीय स्वास्थ्य मंत्री डॉ. हर्षवर्धन`` → ``हर्षवर्धन``); a surface that is
    nothing but titles is returned as it is.
    """
    words = [
        w for w in _HONORIFIC_GLUED.sub("", nfc(surface).strip()).split() if _WORDLIKE.search(w)
    ]
    while len(words) > 1 and fold(words[-1]).rstrip(".") in _TRAILING:
        words.pop()
    cut = 0
    for i, w in enumerate(words[:-1]):
        if is_title(w):
            cut = i + 1
    words = words[cut:]
    if words and _HONORIFIC_GLUED.match(words[0]) and len(words[0]) > 4:
        words[0] = _HONORIFIC_GLUED.sub("", words[0])
    return " ".join(words) or surface.strip()


_D_CONS = {c: "n" if r in ("ng", "nj") else r.replace("'", "") for c, r in _R_CONS.items()}
"""Readable consonants: the matching ones without aksharamukha's apostrophes (retroflex
``t'`` reads ``t``), ङ and ञ as ``n``; nukta letters as Urdu/Persian sounds."""
_D_CONS.update(zip(_NUKTA_C, ["q", "kh", "g", "z", "r", "rh", "f", "y"], strict=True))
_D_SIGN = dict(
    zip(
        "ािीुूृॄेैोौॆॊॅॉ",
        ["a", "i", "i", "u", "u", "ri", "ri", "e", "ai", "o", "au", "e", "o", "e", "o"],
        strict=True,
    )
)
_D_VOWEL = dict(
    zip(
        "अआइईउऊऋॠएऐओऔऎऒऍऑ",
        ["a", "a", "i", "i", "u", "u", "ri", "ri", "e", "ai", "o", "au", "e", "o", "e", "o"],
        strict=True,
    )
)
_LABIALS = frozenset("पफबभम")
_NUKTA_COMPOSE = {unicodedata.normalize("NFD", c): c for c in _NUKTA_C}
_NASALS = "\u0901\u0902"
_DROP = re.compile("[\u200b-\u200d\u2060\ufeff\u00ad]")


_D_CONSONANTS = frozenset(_C + _NUKTA_C)


def _medial_schwa(word: str) -> str:
    """Drop the schwa of a consonant between two vowels' syllables, right to left:
    ``पटवर्धन`` → pat-vardhan, ``केजरीवाल`` → kej-rival, ``कमलनाथ`` → kamal-nath (one
    deletion blocks the one before it). aksharamukha's rules only look at word ends."""
    # units: [consonant or vowel index, has vowel (True/False), has inherent schwa]
    units: list[list[int | bool]] = []
    for i, ch in enumerate(word):
        if ch in _D_CONSONANTS:
            units.append([i, True, True])
        elif ch == _VIRAMA and units:
            units[-1][1] = units[-1][2] = False
        elif ch in _D_SIGN and units:
            units[-1][2] = False
        elif ch in _NASALS or ch == "ः":
            if units:
                units[-1][2] = False
        elif ch in _D_VOWEL:
            units.append([i, True, False])
        else:
            units.append([i, False, False])
    cut: list[int] = []
    for k in range(len(units) - 2, 0, -1):
        pos, _, schwa = units[k]
        prev, nxt = units[k - 1], units[k + 1]
        if schwa and prev[1] and nxt[1] and word[nxt[0]] in _D_CONSONANTS:
            units[k][1] = units[k][2] = False
            cut.append(int(pos))
    for pos in cut:  # right to left, so earlier offsets stay valid
        word = word[: pos + 1] + _VIRAMA + word[pos + 1 :]
    return word


@lru_cache(maxsize=100_000)
def _readable_word(word: str) -> str:
    """One word in readable Latin (see the module docstring)."""
    if "\u093c" in word:
        for decomposed, composed in _NUKTA_COMPOSE.items():
            if decomposed in word:
                word = word.replace(decomposed, composed)
    word = _medial_schwa(_deschwa(word.replace("\u093c", ""), _DISPLAY_RULES))
    word = word.replace("ज्ञ", "ग्य")
    out: list[str] = []
    last = len(word) - 1
    for i, ch in enumerate(word):
        r = _D_CONS.get(ch)
        if r is not None:
            nxt = word[i + 1] if i < last else ""
            out.append(r if nxt == _VIRAMA or nxt in _D_SIGN else r + "a")
        elif ch in _NASALS:
            nxt = word[i + 1] if i < last else ""
            out.append("m" if nxt in _LABIALS else "ng" if nxt == "ह" else "n")
        elif ch == "ः":
            out.append("h")
        elif ch == "ॐ":
            out.append("om")
        elif ch in "।॥ऽ" + _VIRAMA:
            continue
        elif "०" <= ch <= "९":
            out.append(str(ord(ch) - ord("०")))
        else:
            out.append(_D_SIGN.get(ch) or _D_VOWEL.get(ch) or ch)
    return "".join(out)


_NOT_READABLE = re.compile(r"[^0-9a-z.\-]+")
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def readable(name: str) -> str:
    """``name`` in readable Latin, words capitalised: ``उद्धव ठाकरे`` → ``Uddhav Thakre``."""
    words = _DROP.sub("", nfc(name)).split()
    out = []
    for w in words:
        roman = _readable_word(w) if _DEVANAGARI.search(w) else w.lower()
        roman = _NOT_READABLE.sub("", roman.lower())
        if roman:
            out.append(roman[:1].upper() + roman[1:])
    return " ".join(out)


@lru_cache(maxsize=100_000)
def display_name(name: str) -> str:
    """The display name of a provisional actor: :func:`name_core` in :func:`readable`
    Latin (``सीएम उद्धव ठाकरे`` → ``Uddhav Thakre``)."""
    return readable(name_core(name)) or readable(name) or name.strip()


@lru_cache(maxsize=100_000)
def slug(name: str) -> str:
    """The id part of a provisional actor: its :func:`display_name` as a slug
    (``सीएम उद्धव ठाकरे`` → ``uddhav-thakre``); the same for every title and spelling
    variant that only differs in nukta, chandrabindu or vowel length."""
    out = _NOT_SLUG.sub("-", display_name(name).lower()).strip("-")
    return out or re.sub(r"\s+", "-", fold(name).strip())


def similarity(a: str, b: str) -> float:
    """Normalised similarity of two phonetic keys in [0, 1]."""
    return Levenshtein.normalized_similarity(a, b)


def close_enough(query: str, candidate: str) -> bool:
    """True when two phonetic keys are the same name up to one typo.

    Both keys must start alike and have at least five letters; they may differ by one
    edit (two for keys of ten letters or more). Names of as many words are compared
    word by word too, each word allowed one edit (two from seven letters): the two
    edits of a long key are a typo in each of two words (``sargei lavrof``), not a
    different given name before a shared surname (``ramesh kumar`` is not ``ravish
    kumar``).
    """
    if len(query) < 5 or len(candidate) < 5 or query[0] != candidate[0]:
        return False
    allowed = 2 if min(len(query), len(candidate)) >= 10 else 1
    if Levenshtein.distance(query, candidate, score_cutoff=allowed) > allowed:
        return False
    words, others = query.split(), candidate.split()
    return len(words) != len(others) or all(
        Levenshtein.distance(w, o) <= (2 if max(len(w), len(o)) >= 7 else 1)
        for w, o in zip(words, others, strict=True)
    )
