"""The actor knowledge base: countries, cities, organisations, people and their offices.

Knowledge lives in YAML files under ``data/`` (each says where it came from), loaded
once. People carry :class:`Role` s with date ranges, so a role phrase such as
``रूस के विदेश मंत्री`` can be resolved at the event date, and the time stage can bound
an unknown date by who held which office. ``as_of`` is the day the data was last
checked: "still in office" means "in office up to at least ``as_of``".

Files (all under ``ghatna/entities/data/``):

* ``countries.yaml`` – generated from ISO 3166 / CLDR (``scripts/gen_countries.py``).
* ``countries_extra.yaml`` – hand-kept common names and demonyms (``रूसी``, ``भारतीय``).
* ``regions.yaml`` – India's states and union territories (the ``region`` of a chief
  minister's role, and of the Indian cities in ``cities.yaml``).
* ``cities.yaml``, ``orgs.yaml`` and ``people*.yaml`` (``people.yaml``,
  ``people_india.yaml``, ``people_world.yaml``, ...) – hand-kept, with sources; every
  ``people*.yaml`` file is loaded, in name order.
* ``offices.yaml`` – the office keys and their Hindi/English role phrases.
* ``renamed.yaml`` – old actor ids and their ids now, so older stores still resolve.

A user file with the same shape as ``people.yaml`` (or a list of any actors) can be
added with :func:`load_kb` ``(extra=...)``; ``ghatna actors check`` validates it all.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from ghatna.clean.normalize import fold, nfc
from ghatna.errors import ResourceError
from ghatna.resources import read_yaml

DATA = Path(__file__).parent / "data"
KINDS = ("person", "country", "region", "city", "org", "agency", "summit")
"""``agency`` is a news agency (PTI, ANI): an organisation that reports, not an actor
of the events it reports; kept apart so event extraction can skip it. ``region`` is a
state or territory below a country (महाराष्ट्र): a place, and the jurisdiction of
regional offices such as chief minister."""


@dataclass(frozen=True)
class Role:
    """An office held by a person for a date range (``end`` None: still in office).

    ``region`` is the jurisdiction below the country for regional offices (a chief
    minister's state: ``"Maharashtra"``); None for national offices.
    """

    office: str
    title: str
    country: str | None
    start: date
    end: date | None = None
    uncertain: bool = False
    region: str | None = None

    def active(self, day: date) -> bool:
        """True when the office was held on ``day`` (an open role: held ever since)."""
        return self.start <= day and (self.end is None or day <= self.end)

    def overlaps(self, first: date, last: date) -> bool:
        return self.start <= last and (self.end is None or first <= self.end)


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    kind: str
    country: str | None
    aliases: tuple[str, ...]
    roles: tuple[Role, ...] = ()
    hindi: str | None = None
    ambiguous: tuple[str, ...] = field(default=(), compare=False)
    """Aliases the data marks as shared with another actor on purpose."""
    region: str | None = None
    """For a city, the region (state) it lies in, by that region's ``name``: so
    ``दिल्ली के मुख्यमंत्री`` reaches Delhi's chief ministers through the city."""


def actor_record(actor: Actor) -> dict[str, Any]:
    """A knowledge-base actor as JSON: names, country, region and dated roles; the same
    record ``ghatna actors show --json`` prints, so scripts can read either."""
    return {
        "id": actor.id,
        "name": actor.name,
        "hindi": actor.hindi,
        "kind": actor.kind,
        "country": actor.country,
        "region": actor.region,
        "aliases": list(actor.aliases),
        "roles": [
            {
                "office": r.office,
                "title": r.title,
                "country": r.country,
                "region": r.region,
                "start": r.start.isoformat(),
                "end": r.end.isoformat() if r.end else None,
                "uncertain": r.uncertain,
            }
            for r in actor.roles
        ],
    }


def alias_key(text: str) -> str:
    """The look-up key of a name: :func:`fold`, dots and hyphens as spaces, one space.

    So ``डॉ. एस. जयशंकर``, ``एस जयशंकर`` and ``S. Jaishankar`` compare by their words,
    and ``नूर-सुल्तान`` equals ``नूर सुल्तान``.
    """
    return " ".join(re.sub(r"[.\-\u2010-\u2015'’]", " ", fold(text)).split())


def _date(value: Any, where: str) -> date | None:
    if value is None:
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError as err:
        raise ResourceError(f"{where}: {value!r} is not an ISO date (YYYY-MM-DD)") from err


def _role(data: dict[str, Any], country: str | None, where: str) -> Role:
    start = _date(data.get("start"), where)
    if start is None:
        raise ResourceError(f"{where}: role {data.get('office')!r} has no start date")
    return Role(
        office=data["office"],
        title=data.get("title") or data["office"],
        country=data.get("country", country),
        start=start,
        end=_date(data.get("end"), where),
        uncertain=bool(data.get("uncertain", False)),
        region=data.get("region"),
    )


def actor_from_dict(data: dict[str, Any], where: str) -> Actor:
    """An :class:`Actor` from one YAML entry; raises ResourceError naming ``where``."""
    try:
        actor_id = data["id"]
        kind = data.get("kind") or actor_id.split("/", 1)[0]
        name = data["name"]
    except KeyError as err:
        raise ResourceError(f"{where}: entry without {err.args[0]!r}: {data!r}") from err
    hindi = nfc(data["hindi"]) if data.get("hindi") else None
    aliases = [name, *(data.get("aliases") or [])]
    if hindi:
        aliases.append(hindi)
    seen: dict[str, str] = {}
    for alias in aliases:
        seen.setdefault(alias_key(alias), nfc(str(alias)))
    country = data.get("country")
    return Actor(
        id=actor_id,
        name=name,
        kind=kind,
        country=country,
        aliases=tuple(seen.values()),
        roles=tuple(_role(r, country, f"{where}: {actor_id}") for r in data.get("roles") or ()),
        hindi=hindi,
        ambiguous=tuple(alias_key(a) for a in data.get("ambiguous") or ()),
        region=data.get("region"),
    )


def _countries() -> Iterator[Actor]:
    extra = {e["iso3"]: e for e in read_yaml(DATA / "countries_extra.yaml")}
    for row in read_yaml(DATA / "countries.yaml"):
        more = extra.get(row["iso3"], {})
        yield actor_from_dict(
            {
                "id": f"country/{row['iso3']}",
                "kind": "country",
                "name": more.get("name", row["name"]),
                "hindi": more.get("hindi", row.get("hindi")),
                "country": row["iso3"],
                "aliases": [*row.get("aliases", ()), *more.get("aliases", ())],
                "ambiguous": more.get("ambiguous", ()),
            },
            "countries.yaml",
        )


@dataclass(frozen=True)
class Demonym:
    """An adjective naming a country (``रूसी`` → RUS)."""

    text: str
    country: str
    ambiguous: bool = False


class KnowledgeBase:
    """Read-only actors with alias and office indexes."""

    def __init__(
        self,
        actors: Iterable[Actor],
        demonyms: Iterable[Demonym],
        as_of: date,
        renamed: dict[str, str] | None = None,
    ) -> None:
        self.as_of = as_of
        self.renamed = dict(renamed or {})
        """Old actor id → its id now (``renamed.yaml``): :meth:`actor` follows it."""
        self._actors: dict[str, Actor] = {}
        for actor in actors:
            if actor.id in self._actors:
                raise ResourceError(f"actor id {actor.id!r} is defined twice")
            self._actors[actor.id] = actor
        self.demonyms: dict[str, Demonym] = {alias_key(d.text): d for d in demonyms}
        self._by_alias: dict[str, list[Actor]] = defaultdict(list)
        self._by_office: dict[tuple[str, str | None], list[tuple[Role, Actor]]] = defaultdict(list)
        for actor in self._actors.values():
            for alias in actor.aliases:
                self._by_alias[alias_key(alias)].append(actor)
            for role in actor.roles:
                self._by_office[(role.office, role.country)].append((role, actor))

    def __iter__(self) -> Iterator[Actor]:
        return iter(self._actors.values())

    def __len__(self) -> int:
        return len(self._actors)

    def actor(self, actor_id: str) -> Actor | None:
        """The actor with ``actor_id``, also under an id it had before (:attr:`renamed`)."""
        found = self._actors.get(actor_id)
        if found is None and actor_id in self.renamed:
            return self._actors.get(self.renamed[actor_id])
        return found

    def aliases(self) -> Iterator[tuple[str, list[Actor]]]:
        """Every alias key with the actors it names (more than one: ambiguous)."""
        return iter(self._by_alias.items())

    def find(self, name: str) -> list[Actor]:
        """Actors whose alias equals ``name`` after :func:`alias_key`, or whose id does."""
        by_id = self.actor(name)
        if by_id is not None:
            return [by_id]
        return list(self._by_alias.get(alias_key(name), ()))

    def role_at(self, actor_id: str, day: date) -> Role | None:
        """The office ``actor_id`` held on ``day`` (the latest-started one if several)."""
        actor = self._actors.get(actor_id)
        if actor is None:
            return None
        active = [r for r in actor.roles if r.active(day)]
        return max(active, key=lambda r: r.start) if active else None

    def holders(
        self, office: str, country: str | None, day: date, region: str | None = None
    ) -> list[Actor]:
        """Who held ``office`` for ``country`` on ``day`` (usually one person).

        ``region`` (e.g. ``"Maharashtra"``) keeps only roles of that jurisdiction, for
        regional offices such as ``chief_minister``; None keeps every role.
        """
        return [
            a
            for r, a in self._by_office.get((office, country), ())
            if r.active(day) and (region is None or r.region == region)
        ]

    def office_roles(self, office: str, country: str | None) -> list[tuple[Role, Actor]]:
        return list(self._by_office.get((office, country), ()))


def _demonyms() -> Iterator[Demonym]:
    for entry in read_yaml(DATA / "countries_extra.yaml"):
        ambiguous = {alias_key(a) for a in entry.get("ambiguous", ())}
        for text in entry.get("demonyms", ()):
            yield Demonym(nfc(text), entry["iso3"], alias_key(text) in ambiguous)


def read_actor_file(path: Path) -> list[Actor]:
    """Actors of a YAML list file (the shape of people.yaml / orgs.yaml)."""
    data = read_yaml(path)
    entries = data.get("actors", []) if isinstance(data, dict) else data
    return [actor_from_dict(e, path.name) for e in entries or ()]


def meta() -> dict[str, Any]:
    return read_yaml(DATA / "meta.yaml")


def packaged_actor_files() -> list[Path]:
    """The shipped hand-kept actor files: regions, cities, orgs and every ``people*.yaml``."""
    return [
        DATA / "regions.yaml",
        DATA / "cities.yaml",
        DATA / "orgs.yaml",
        *sorted(DATA.glob("people*.yaml")),
    ]


@cache
def regional_offices() -> frozenset[str]:
    """Office keys marked ``regional: true`` in offices.yaml (their roles need a region)."""
    from ghatna.entities.gazetteer import load_offices

    return frozenset(key for key, office in load_offices().items() if office.regional)


def build_kb(extra: Iterable[Path] = ()) -> KnowledgeBase:
    """A fresh knowledge base from the shipped files plus ``extra`` user files."""
    actors: list[Actor] = list(_countries())
    for path in packaged_actor_files():
        actors.extend(read_actor_file(path))
    for path in extra:
        actors.extend(read_actor_file(Path(path)))
    as_of = _date(meta()["as_of"], "meta.yaml")
    return KnowledgeBase(actors, _demonyms(), as_of, read_yaml(DATA / "renamed.yaml") or {})


@cache
def load_kb() -> KnowledgeBase:
    """The shipped knowledge base, built once per process."""
    return build_kb()


def check(kb: KnowledgeBase) -> list[str]:
    """Problems in the knowledge base, one message each (empty: the data is sound).

    Checks: an alias shared by different actors must be listed as ``ambiguous`` by one
    of them; roles end after they start; every ISO3 code names a known country; every
    role's office is a known office key (:mod:`ghatna.entities.gazetteer` offices);
    a role of a ``regional`` office (``chief_minister``) names its ``region``, and every
    region a role or a city names is a ``region`` actor's name; an old id in
    ``renamed.yaml`` names no actor and its new id does.
    """
    from ghatna.entities.gazetteer import load_offices

    problems: list[str] = []
    countries = {a.country for a in kb if a.kind == "country"}
    offices = set(load_offices())
    regional = regional_offices()
    regions = {a.name for a in kb if a.kind == "region"}
    actor_ids = {a.id for a in kb}
    for key, actors in kb.aliases():
        ids = sorted({a.id for a in actors})
        if len(ids) > 1 and not any(key in a.ambiguous for a in actors):
            problems.append(f"alias {key!r} names {', '.join(ids)}: mark it ambiguous or drop it")
    for old, new in kb.renamed.items():
        if old in actor_ids:
            problems.append(f"renamed.yaml: {old} is an old id but names a live actor again")
        if new not in actor_ids:
            problems.append(f"renamed.yaml: {old} → {new}, which is no actor's id")
    for actor in kb:
        if actor.kind not in KINDS:
            problems.append(f"{actor.id}: kind {actor.kind!r} is not one of {', '.join(KINDS)}")
        if actor.country is not None and actor.country not in countries:
            problems.append(f"{actor.id}: country {actor.country!r} is not an ISO3 code")
        if actor.region is not None and actor.region not in regions:
            problems.append(f"{actor.id}: region {actor.region!r} is not a region's name")
        for role in actor.roles:
            if role.end is not None and role.end < role.start:
                problems.append(
                    f"{actor.id}: role {role.office} ends {role.end} before {role.start}"
                )
            if role.country is not None and role.country not in countries:
                problems.append(f"{actor.id}: role country {role.country!r} is not an ISO3 code")
            if role.office not in offices:
                problems.append(f"{actor.id}: office {role.office!r} is not in offices.yaml")
            if role.office in regional and not role.region:
                problems.append(f"{actor.id}: role {role.office} needs a region (e.g. the state)")
            if role.region is not None and role.region not in regions:
                problems.append(f"{actor.id}: role region {role.region!r} is not a region's name")
    return problems


# --- adding actors to a user file -------------------------------------------------------

ADDABLE_KINDS = ("person", "org", "region", "city", "agency", "summit")
"""Kinds ``ghatna actors add`` writes (countries come from ISO 3166 only)."""

_ID = re.compile(r"^[a-z]+/[a-z0-9][a-z0-9-]*$")


def parse_role_spec(spec: str) -> dict[str, Any]:
    """A role entry from ``OFFICE:START[:END][:REGION]``.

    Dates are ISO (``YYYY-MM-DD``); a ``?`` after a date marks the role
    ``uncertain``; an empty END means still in office. Examples:
    ``foreign_minister:2020-01-01:2022-05-01``,
    ``chief_minister:2019-11-28?:2022-06-30:Maharashtra``. Raises ValueError naming
    the problem.
    """
    parts = [p.strip() for p in spec.split(":")]
    if len(parts) < 2 or len(parts) > 4 or not parts[0] or not parts[1]:
        raise ValueError(f"role {spec!r}: expected OFFICE:START[:END][:REGION]")
    office, start, end, region = (*parts, "", "")[:4]
    role: dict[str, Any] = {"office": office}
    uncertain = False
    for key, text in (("start", start), ("end", end)):
        if not text:
            continue
        if text.endswith("?"):
            uncertain, text = True, text[:-1]
        try:
            role[key] = date.fromisoformat(text)
        except ValueError as err:
            raise ValueError(f"role {spec!r}: {key} {text!r} is not a date (YYYY-MM-DD)") from err
    if "end" in role and role["end"] < role["start"]:
        raise ValueError(f"role {spec!r}: ends {role['end']} before it starts {role['start']}")
    if region:
        role["region"] = region
    if uncertain:
        role["uncertain"] = True
    return role


def new_actor_problems(
    kb: KnowledgeBase, entry: dict[str, Any], force: bool = False
) -> tuple[list[str], list[str]]:
    """What is wrong with adding ``entry`` to ``kb``, and the aliases it shares.

    Returns ``(problems, shared)``: ``problems`` are messages naming what is wrong
    (unknown kind, office, region or ISO3 code, a bad id, an id already used, role dates out
    of order, a regional office without its region, an alias that already names
    another actor unless ``force``); ``shared`` are the alias keys that name another
    actor (with ``force`` they are allowed and belong in the entry's ``ambiguous``).
    """
    from ghatna.entities.gazetteer import load_offices

    problems: list[str] = []
    actor_id = entry.get("id") or ""
    kind = entry.get("kind") or actor_id.split("/", 1)[0]
    if not _ID.match(actor_id):
        problems.append(f"id {actor_id!r} must look like kind/slug (person/jane-doe)")
    if kind not in ADDABLE_KINDS:
        problems.append(f"kind {kind!r} is not one of {', '.join(ADDABLE_KINDS)}")
    if kb.actor(actor_id) is not None:
        problems.append(f"id {actor_id!r} is already in the knowledge base")
    if not str(entry.get("name") or "").strip():
        problems.append("the name is empty")
    countries = {a.country for a in kb if a.kind == "country"}
    country = entry.get("country")
    if country is not None and country not in countries:
        problems.append(f"country {country!r} is not an ISO3 code (e.g. IND, RUS)")
    offices = load_offices()
    regional = regional_offices()
    regions = {a.name for a in kb if a.kind == "region"}
    for region in [entry.get("region"), *(r.get("region") for r in entry.get("roles") or ())]:
        if region is not None and region not in regions:
            problems.append(
                f"region {region!r} is not a region's name (ghatna actors list --kind region)"
            )
    for role in entry.get("roles") or ():
        office = role.get("office")
        if office not in offices:
            problems.append(
                f"office {office!r} is not in offices.yaml (known: {', '.join(offices)})"
            )
        elif office in regional and not role.get("region"):
            problems.append(f"office {office!r} needs a region (OFFICE:START:END:REGION)")
        end = role.get("end")
        if end is not None and end < role["start"]:
            problems.append(f"role {office}: ends {end} before it starts {role['start']}")
    shared: list[str] = []
    try:
        actor = actor_from_dict(entry, "new actor")
    except ResourceError as err:
        return [*problems, str(err)], shared
    for alias in actor.aliases:
        others = sorted({a.id for a in kb.find(alias) if a.id != actor_id})
        if not others:
            continue
        shared.append(alias_key(alias))
        if not force:
            problems.append(
                f"alias {alias!r} already names {', '.join(others)} (use --force to add it "
                "as an ambiguous alias)"
            )
    return problems, shared


def render_entry(entry: dict[str, Any]) -> str:
    """One actor entry as YAML text in the block-with-flow-roles style of people.yaml."""
    import yaml

    def flow(value: Any) -> str:
        text = yaml.safe_dump(
            value, default_flow_style=True, allow_unicode=True, sort_keys=False, width=10**6
        ).strip()
        return text.removesuffix("...").strip()  # a plain scalar ends its document

    lines = [f"- id: {flow(entry['id'])}"]
    for key in ("kind", "name", "country", "region", "hindi", "aliases", "ambiguous"):
        if entry.get(key) not in (None, [], ""):
            lines.append(f"  {key}: {flow(entry[key])}")
    if entry.get("roles"):
        lines.append("  roles:")
        lines.extend(f"    - {flow(role)}" for role in entry["roles"])
    return "\n".join(lines) + "\n"


def append_actor(path: Path, entry: dict[str, Any]) -> None:
    """Append ``entry`` to the user actor file ``path`` (created if missing).

    The file must be a YAML list (the shape of people.yaml); its text, comments
    included, is kept and the entry added at the end. The result is parsed again
    before it replaces the file, so a failed write never leaves broken YAML.
    """
    import yaml

    text = path.read_text(encoding="utf-8") if path.exists() else ""
    try:
        data = yaml.safe_load(text) if text.strip() else None
    except yaml.YAMLError as err:
        raise ResourceError(f"{path}: not valid YAML: {err}") from err
    if data is not None and not isinstance(data, list):
        raise ResourceError(
            f"{path}: not a YAML list of actors (the shape of people.yaml); "
            "add to a list file instead"
        )
    if not text.strip():
        text = (
            "# source: added with `ghatna actors add`; same shape as\n"
            "# ghatna/entities/data/people.yaml. Check with `ghatna actors check --file`.\n"
        )
    if not text.endswith("\n"):
        text += "\n"
    new_text = text + render_entry(entry)
    try:
        parsed = yaml.safe_load(new_text)
    except yaml.YAMLError as err:
        raise ResourceError(f"{path}: the new entry is not valid YAML ({err}); unchanged") from err
    if not isinstance(parsed, list) or parsed[-1].get("id") != entry["id"]:
        raise ResourceError(f"{path}: the new entry did not read back; file left unchanged")
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(new_text, encoding="utf-8")
    tmp.replace(path)
