from pathlib import Path

import pytest
import yaml

from ghatna.clean import clean_article
from ghatna.document import Article
from ghatna.entities import load_linker

SEEDS = Path(__file__).resolve().parents[2] / "ghatna" / "sample" / "seeds"
GOLD_IDS = {
    "S. Jaishankar": "person/s-jaishankar",
    "Sergey Lavrov": "person/sergey-lavrov",
    "Vladimir Putin": "person/vladimir-putin",
    "Narendra Modi": "person/narendra-modi",
    "Arindam Bagchi": "person/arindam-bagchi",
    "Ajit Doval": "person/ajit-doval",
    "Denis Manturov": "person/denis-manturov",
    "Sergei Shoigu": "person/sergei-shoigu",
    "Vikram Misri": "person/vikram-misri",
    "Andrey Rudenko": "person/andrey-rudenko",
    "Battsetseg Batmunkh": "person/battsetseg-batmunkh",
    "Ararat Mirzoyan": "person/ararat-mirzoyan",
    "Nikol Pashinyan": "person/nikol-pashinyan",
    "Chandra Sekhar Pemmasani": "person/chandra-sekhar-pemmasani",
}
ORG_IDS = {
    "SCO": "org/sco",
    "BRICS": "org/brics",
    "G20": "org/g20",
    "United Nations": "org/un",
    "CICA": "org/cica",
    "PTI": "agency/pti",
    "ANI": "agency/ani",
}


def _seed_mentions() -> list[tuple[str, str | None]]:
    """(text, actor) of every mention in the cleaned seeds; a name with a role before
    it also counts with the role words (``राष्ट्रपति पुतिन``)."""
    linker = load_linker()
    found = []
    for path in sorted(SEEDS.glob("*.txt")):
        doc = clean_article(Article.from_text(path.read_text("utf-8"), path.name))
        for m in linker.annotate(doc):
            start = m.attrs["role"]["span"][0] if "role" in m.attrs else m.start
            found.append((doc.text[start : m.end], m.actor_id))
    return found


def _cleaned_text() -> str:
    return "\n".join(
        clean_article(Article.from_text(p.read_text("utf-8"), p.name)).text
        for p in sorted(SEEDS.glob("*.txt"))
    )


def test_entities_seed_gold_actors_found_with_every_surface_form(shared):
    gold = yaml.safe_load((shared / "gold" / "seeds.yaml").read_text("utf-8"))
    found = _seed_mentions()
    missing = []
    for actor in gold["actors"]:
        actor_id = GOLD_IDS[actor["name"]]
        linked = {text for text, a in found if a == actor_id}
        if actor.get("only_in_boilerplate"):
            if linked:
                missing.append(f"{actor['name']} found outside boilerplate: {sorted(linked)}")
            continue
        for form in actor["surface_forms"]:
            if not any(form in text for text in linked):
                missing.append(f"{actor['name']}: {form}")
    assert missing == []


@pytest.mark.parametrize("org", sorted(ORG_IDS))
def test_entities_seed_gold_organisations_found(org):
    """Every gold organisation the cleaned text still names is linked (PTI is named
    only in photo captions, which the clean stage removes)."""
    kb_aliases = load_linker().kb.actor(ORG_IDS[org]).aliases
    named = any(alias in _cleaned_text() for alias in kb_aliases)
    assert (ORG_IDS[org] in {a for _, a in _seed_mentions()}) == named
