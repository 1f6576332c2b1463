"""Train the Hindi NER CRF shipped at ghatna/entities/model/ner.crfsuite.

Reads ../shared/data/ner/ (a sibling of the repository): IL-NER Hindi train, plus the
HiNER validation split (collapsed PER/LOC/ORG) as extra training data unless
``--no-hiner``. IL-NER dev is kept out for ``scripts/eval_ner.py``.

Example:
    python scripts/train_ner.py --max-iterations 150
"""

from __future__ import annotations

import time
from pathlib import Path

import click
import pycrfsuite

from ghatna.entities.ner import HINER_TYPES, ILNER_TYPES, MODEL_PATH, read_conll, sentence_features

NER_DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "ner"


@click.command()
@click.option("--data", type=click.Path(path_type=Path), default=NER_DATA, show_default=True)
@click.option("--out", type=click.Path(path_type=Path), default=MODEL_PATH, show_default=True)
@click.option("--hiner/--no-hiner", default=True, help="Add HiNER validation as training data.")
@click.option("--c1", default=0.05, show_default=True, help="L1 penalty (keeps the model small).")
@click.option("--c2", default=0.01, show_default=True, help="L2 penalty.")
@click.option("--max-iterations", default=150, show_default=True)
def main(data: Path, out: Path, hiner: bool, c1: float, c2: float, max_iterations: int) -> None:
    """Train the CRF and write it to --out."""
    sources = [(data / "ilner-hi" / "Hindi-train.txt", ILNER_TYPES)]
    if hiner:
        sources.append((data / "hiner-validation" / "validation.collapsed.conll", HINER_TYPES))
    trainer = pycrfsuite.Trainer(verbose=False)
    count = 0
    for path, mapping in sources:
        if not path.is_file():
            raise click.ClickException(
                f"{path}: training data missing (see ../shared/data/README.md)"
            )
        with path.open(encoding="utf-8") as fh:
            for words, tags in read_conll(fh, mapping):
                trainer.append(sentence_features(words), tags)
                count += 1
    trainer.set_params(
        {
            "c1": c1,
            "c2": c2,
            "max_iterations": max_iterations,
            "feature.possible_transitions": True,
            "feature.minfreq": 2,
        }
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    began = time.perf_counter()
    trainer.train(str(out))
    click.echo(
        f"trained on {count} sentences in {time.perf_counter() - began:.0f}s → {out} "
        f"({out.stat().st_size / 1e6:.1f} MB)"
    )


if __name__ == "__main__":
    main()
