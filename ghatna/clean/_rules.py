"""Load the clean stage's data files once: boilerplate rules and per-language text facts.

Every ``data/boilerplate.<lang>.yaml`` and ``data/text.<lang>.yaml`` is read and merged;
a new language is a new pair of files, no code. Keys of exact and prefix rules are
compared by :func:`line_key` (``fold()`` plus trimmed punctuation), so one entry covers
its nukta, chandrabindu, digit and case variants.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from ghatna.clean.normalize import fold
from ghatna.errors import ResourceError
from ghatna.resources import read_yaml

_DATA = "ghatna.clean.data"
_TRIM = " \t:：-–—|•·*_#>=.,;!?"


@lru_cache(maxsize=8192)
def line_key(text: str) -> str:
    """Matching key of a whole line: folded, single-spaced, punctuation trimmed at both ends.

    Cached: the cleaner asks for the key of each line in three passes. ``str.split``
    splits at the same characters as ``\\s`` and is cheaper than a regex substitution."""
    return " ".join(fold(text).split()).strip(_TRIM)


@dataclass(frozen=True)
class BlockRule:
    """A marker line that opens a block of furniture (highlights, author box)."""

    reason: str
    max_lines: int
    max_chars: int


@dataclass(frozen=True)
class Rules:
    """Everything the cleaner matches against, compiled from the data files."""

    exact: dict[str, str]
    prefixes: tuple[tuple[str, str], ...]
    regexes: tuple[tuple[re.Pattern[str], str], ...]
    cuts: tuple[tuple[re.Pattern[str], str], ...]
    blocks: dict[str, BlockRule]
    abbreviations: frozenset[str]
    initials: frozenset[str]
    function_words: dict[str, frozenset[str]]
    files: tuple[str, ...]


def _data_files(prefix: str) -> list[tuple[str, dict[str, Any]]]:
    out = []
    for entry in sorted(resources.files(_DATA).iterdir(), key=lambda p: p.name):
        if entry.name.startswith(prefix + ".") and entry.name.endswith(".yaml"):
            data = read_yaml(entry)
            if not isinstance(data, dict):
                raise ResourceError(
                    f"ghatna/clean/data/{entry.name}: expected a mapping at top level"
                )
            out.append((entry.name, data))
    return out


def _strings(name: str, where: str, value: Any) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ResourceError(
            f"ghatna/clean/data/{name}: {where} must be a list of non-empty strings, got {value!r}"
        )
    return value


def _compile(name: str, where: str, pattern: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise ResourceError(
            f"ghatna/clean/data/{name}: {where}: bad regex {pattern!r} ({exc})"
        ) from exc


@cache
def load_rules() -> Rules:
    """Read and compile every data file of the clean stage (once per process).

    RAISES (ResourceError): a file is not valid YAML, a list holds a non-string or an
    empty string, a regex does not compile, or no boilerplate file is found.
    """
    exact: dict[str, str] = {}
    prefixes: list[tuple[str, str]] = []
    regexes: list[tuple[re.Pattern[str], str]] = []
    cuts: list[tuple[re.Pattern[str], str]] = []
    blocks: dict[str, BlockRule] = {}
    files: list[str] = []
    boiler = _data_files("boilerplate")
    if not boiler:
        raise ResourceError("ghatna/clean/data/ holds no boilerplate.<lang>.yaml: reinstall ghatna")
    for name, data in boiler:
        files.append(name)
        for reason, rule in (data.get("lines") or {}).items():
            where = f"lines.{reason}"
            for s in _strings(name, where + ".exact", rule.get("exact")):
                exact[line_key(s)] = reason
            for s in _strings(name, where + ".prefix", rule.get("prefix")):
                prefixes.append((line_key(s), reason))
            for s in _strings(name, where + ".regex", rule.get("regex")):
                regexes.append((_compile(name, where, s), reason))
            for s in _strings(name, where + ".cut", rule.get("cut")):
                cuts.append((_compile(name, where, s), reason))
        for reason, rule in (data.get("blocks") or {}).items():
            br = BlockRule(reason, int(rule.get("max_lines", 5)), int(rule.get("max_chars", 80)))
            for s in _strings(name, f"blocks.{reason}.start", rule.get("start")):
                blocks[line_key(s)] = br
    abbreviations: set[str] = set()
    initials: set[str] = set()
    function_words: dict[str, frozenset[str]] = {}
    for name, data in _data_files("text"):
        files.append(name)
        lang = data.get("language") or name.split(".")[1]
        abbrevs = _strings(name, "abbreviations", data.get("abbreviations"))
        abbreviations.update(fold(s) for s in abbrevs)
        initials.update(fold(s) for s in _strings(name, "initials", data.get("initials")))
        words = _strings(name, "function_words", data.get("function_words"))
        function_words[lang] = frozenset(fold(s) for s in words)
    # longest prefix first, so "यह भी पढ़ें" wins over a shorter entry
    prefixes.sort(key=lambda p: -len(p[0]))
    return Rules(
        exact=exact,
        prefixes=tuple(prefixes),
        regexes=tuple(regexes),
        cuts=tuple(cuts),
        blocks=blocks,
        abbreviations=frozenset(abbreviations),
        initials=frozenset(initials),
        function_words=function_words,
        files=tuple(files),
    )
