"""Score the shipped NER model on IL-NER dev (or any CoNLL file): per-type and micro F1.

Entity-level, exact span and type (CoNLL-style). IL-NER tags are mapped NEP→PER,
NEL→LOC, NEO→ORG, other types to O, and malformed tags such as ``-NEL`` repaired the
same way as for training (see ``ghatna.entities.ner.normalise_tag``).

Example:
    python scripts/eval_ner.py
    python scripts/eval_ner.py --file my.conll --scheme hiner
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import click

from ghatna.entities.ner import (
    HINER_TYPES,
    ILNER_TYPES,
    TYPES,
    load_ner,
    read_conll,
    spans_from_tags,
)

DEV = (
    Path(__file__).resolve().parents[1]
    / ".."
    / "shared"
    / "data"
    / "ner"
    / "ilner-hi"
    / "Hindi-dev.txt"
)


def score(gold: list[list[str]], predicted: list[list[str]]) -> dict[str, dict[str, float]]:
    """Precision, recall, F1 and support per type and micro-averaged over TYPES."""
    tp: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    for g_tags, p_tags in zip(gold, predicted, strict=True):
        g = set(spans_from_tags(g_tags))
        p = set(spans_from_tags(p_tags))
        for span in g:
            n_gold[span[2]] += 1
        for span in p:
            n_pred[span[2]] += 1
        for span in g & p:
            tp[span[2]] += 1

    def prf(t: int, ng: int, np_: int) -> dict[str, float]:
        precision = t / np_ if np_ else 0.0
        recall = t / ng if ng else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {
            "precision": round(precision, 3),
            "recall": round(recall, 3),
            "f1": round(f1, 3),
            "support": ng,
        }

    out = {k: prf(tp[k], n_gold[k], n_pred[k]) for k in TYPES}
    out["micro"] = prf(
        sum(tp[k] for k in TYPES), sum(n_gold[k] for k in TYPES), sum(n_pred[k] for k in TYPES)
    )
    return out


@click.command()
@click.option("--file", "path", type=click.Path(path_type=Path), default=DEV, show_default=True)
@click.option("--scheme", type=click.Choice(["ilner", "hiner"]), default="ilner", show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def main(path: Path, scheme: str, as_json: bool) -> None:
    """Print per-type and micro F1 of the shipped model on a CoNLL file."""
    if not path.is_file():
        raise click.ClickException(
            f"{path}: evaluation file missing (see ../shared/data/README.md)"
        )
    mapping = ILNER_TYPES if scheme == "ilner" else HINER_TYPES
    model = load_ner()
    gold: list[list[str]] = []
    sentences: list[list[str]] = []
    with path.open(encoding="utf-8") as fh:
        for words, tags in read_conll(fh, mapping):
            gold.append(tags)
            sentences.append(words)
    predicted = [tagged.tags for tagged in model.tag_sentences(sentences)]
    result = score(gold, predicted)
    if as_json:
        click.echo(json.dumps(result, indent=2))
        return
    click.echo(f"{path.name}: {len(gold)} sentences")
    click.echo(f"{'type':<6} {'P':>6} {'R':>6} {'F1':>6} {'support':>8}")
    for kind, row in result.items():
        click.echo(
            f"{kind:<6} {row['precision']:>6.3f} {row['recall']:>6.3f} "
            f"{row['f1']:>6.3f} {row['support']:>8}"
        )


if __name__ == "__main__":
    main()
