"""Train the Hindi NER CRF shipped at ghatna/entities/model/ner.crfsuite (+ its lexicon).

Reads ../shared/data/ner/ (a sibling of the repository): IL-NER Hindi train, plus the
HiNER validation split (collapsed PER/LOC/ORG) as extra training data unless
``--no-hiner``. IL-NER dev is never read here: it is kept for ``scripts/eval_ner.py``.

Besides the model it writes ``ner_lexicon.tsv.gz``, the word-class table the features
look words up in:

* ``pn0``–``pn4``: the hindiPOS lexicon's proper-noun share of the word (bucketed), read
  from ``hindiPOS/wdpos.csv`` when the package is importable or ``--hindipos`` names
  the file (training-time only: the run-time model needs only the shipped table);
* ``kbPER``/``kbLOC``/``kbORG``: the word is part of a KB alias of that kind;
* ``c5_N``/``c7_N``/``c9_N``: distributional word clusters (32/128/512 of them) from
  raw text, built by ``scripts/build_word_clusters.py`` (run in-process unless
  ``--clusters`` names a table it wrote, or ``--clusters none``);
* ``tB-PER``…: the tag the word usually carries in the *training* data. To keep the
  CRF from trusting this more than it deserves on unseen text, each training sentence
  sees the table built from the other folds only (k-fold "jackknifing").

``--tune`` holds out 10% of IL-NER train (never dev) and prints its F1 for the given
options (``--algorithm``, ``--c1``/``--c2``, ``--max-iterations``, ``--minfreq``,
``--ilner-copies``), without writing the shipped model.

Example:
    python scripts/train_ner.py
    python scripts/train_ner.py --tune --c1 0.1 --c2 0.01
"""

from __future__ import annotations

import csv
import importlib.util
import random
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path

import click
import pycrfsuite

from ghatna.clean.normalize import fold
from ghatna.entities.kb import load_kb
from ghatna.entities.ner import (
    HINER_TYPES,
    ILNER_TYPES,
    LEXICON_PATH,
    MODEL_PATH,
    Featurizer,
    Lexicon,
    load_lexicon,
    read_conll,
    save_lexicon,
)

sys.path.insert(0, str(Path(__file__).resolve().parent))
import build_word_clusters  # noqa: E402
from eval_ner import score  # noqa: E402

NER_DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "ner"
Sentences = list[tuple[list[str], list[str]]]
_KB_KIND = {"person": "PER", "city": "LOC", "country": "LOC", "org": "ORG", "agency": "ORG"}


def hindipos_classes(path: Path | None) -> Lexicon:
    """Folded word → (``pnN``,) from hindiPOS's emission table P(word | tag)."""
    if path is None:
        spec = importlib.util.find_spec("hindiPOS")
        if spec is None or not spec.submodule_search_locations:
            click.echo("hindiPOS not importable: no pn features (pass --hindipos)", err=True)
            return {}
        path = Path(next(iter(spec.submodule_search_locations))) / "wdpos.csv"
    probs: dict[str, dict[str, float]] = defaultdict(dict)
    with path.open(encoding="utf-8-sig") as fh:
        for row in csv.DictReader(fh):
            word, pos = fold(row["Word"].strip("\ufeff")), row["POS"]
            if not word or word.startswith("<") or not pos:
                continue
            try:
                p = float(row["Prob"])
            except ValueError:
                continue
            probs[word][pos] = probs[word].get(pos, 0.0) + p
    out: Lexicon = {}
    for word, by_pos in probs.items():
        share = by_pos.get("NNP", 0.0) / sum(by_pos.values())
        out[word] = (f"pn{min(4, int(share * 5))}",)
    return out


def kb_classes() -> Lexicon:
    """Folded word → KB kinds whose aliases contain it (Devanagari words of 2+ letters)."""
    kinds: dict[str, set[str]] = defaultdict(set)
    for actor in load_kb():
        kind = _KB_KIND.get(actor.kind)
        if kind is None:
            continue
        for alias in actor.aliases:
            for word in fold(alias).replace(".", " ").split():
                if len(word) >= 2 and any("\u0900" <= c <= "\u097f" for c in word):
                    kinds[word].add(kind)
    return {w: tuple(sorted(f"kb{k}" for k in ks)) for w, ks in kinds.items()}


def cluster_classes(source: str) -> Lexicon:
    """Folded word → its ``cK_N`` classes: read from a table, built now, or none."""
    if source == "none":
        return {}
    if source != "build":
        return load_lexicon(Path(source))
    with tempfile.TemporaryDirectory() as tmp:
        table = Path(tmp) / "clusters.tsv.gz"
        build_word_clusters.main(["--out", str(table)], standalone_mode=False)
        return load_lexicon(table)


def tag_classes(sentences: Sentences, min_share: float = 0.3) -> Lexicon:
    """Folded word → the entity tags it carries in at least ``min_share`` of its uses."""
    seen: Counter[str] = Counter()
    tagged: dict[str, Counter[str]] = defaultdict(Counter)
    for words, tags in sentences:
        for w, t in zip(words, tags, strict=True):
            k = fold(w)
            seen[k] += 1
            if t != "O":
                tagged[k][t] += 1
    return {
        w: tuple(sorted(f"t{t}" for t, n in c.items() if n / seen[w] >= min_share))
        for w, c in tagged.items()
    }


def merge(*tables: Lexicon) -> Lexicon:
    out: dict[str, list[str]] = defaultdict(list)
    for table in tables:
        for w, classes in table.items():
            out[w].extend(classes)
    return {w: tuple(c) for w, c in out.items() if c}


def load(data: Path, hiner: bool) -> tuple[Sentences, Sentences]:
    """(IL-NER train, HiNER validation or [])."""
    sources = [(data / "ilner-hi" / "Hindi-train.txt", ILNER_TYPES)]
    if hiner:
        sources.append((data / "hiner-validation" / "validation.collapsed.conll", HINER_TYPES))
    out: list[Sentences] = []
    for path, mapping in sources:
        if not path.is_file():
            raise click.ClickException(
                f"{path}: training data missing (see ../shared/data/README.md)"
            )
        with path.open(encoding="utf-8") as fh:
            out.append(list(read_conll(fh, mapping)))
    return out[0], out[1] if hiner else []


def train(
    sentences: Sentences,
    base: Lexicon,
    out: Path,
    params: dict[str, object],
    algorithm: str,
    folds: int,
    use_tags: bool,
    copies: Sequence[int] | None = None,
) -> Lexicon:
    """Train on ``sentences`` (jackknifed tag classes) and return the full lexicon.

    ``copies`` weighs sentences by appending them that many times (default once); the
    copies share their fold, so no sentence sees tag classes built from itself."""
    trainer = pycrfsuite.Trainer(verbose=False)
    order = list(range(len(sentences)))
    random.Random(7).shuffle(order)
    for k in range(folds):
        fold_ids = set(order[k::folds])
        if use_tags:
            others = [s for i, s in enumerate(sentences) if i not in fold_ids]
            feat = Featurizer(merge(base, tag_classes(others)))
        else:
            feat = Featurizer(base)
        for i in sorted(fold_ids):
            words, tags = sentences[i]
            features = feat.sentence(words)
            for _ in range(copies[i] if copies else 1):
                trainer.append(features, tags)
    trainer.select(algorithm, "crf1d")
    trainer.set_params(params)
    trainer.train(str(out))
    return merge(base, tag_classes(sentences)) if use_tags else base


@click.command()
@click.option("--data", type=click.Path(path_type=Path), default=NER_DATA, show_default=True)
@click.option("--out", type=click.Path(path_type=Path), default=MODEL_PATH, show_default=True)
@click.option("--hiner/--no-hiner", default=True, help="Add HiNER validation as training data.")
@click.option(
    "--hindipos",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="hindiPOS wdpos.csv (default: from the installed hindiPOS package, if any).",
)
@click.option("--kb/--no-kb", "use_kb", default=True, help="KB alias word classes.")
@click.option(
    "--clusters",
    "clusters",
    default="build",
    show_default=True,
    help="Word-cluster table from build_word_clusters.py, 'build' (build it now) or 'none'.",
)
@click.option("--tags/--no-tags", "use_tags", default=True, help="Training-data tag classes.")
@click.option("--folds", default=5, show_default=True)
@click.option("--c1", default=0.6, show_default=True, help="L1 penalty (keeps the model small).")
@click.option("--c2", default=0.01, show_default=True, help="L2 penalty.")
@click.option("--max-iterations", default=150, show_default=True)
@click.option(
    "--algorithm",
    type=click.Choice(["lbfgs", "l2sgd", "ap", "pa", "arow"]),
    default="lbfgs",
    show_default=True,
    help="crfsuite training algorithm (c1 applies to lbfgs only, c2 to lbfgs and l2sgd).",
)
@click.option("--minfreq", default=2, show_default=True, help="Drop features seen fewer times.")
@click.option(
    "--ilner-copies",
    default=1,
    type=click.IntRange(min=1),
    show_default=True,
    help="Copies of each IL-NER sentence: weighs the in-domain data against HiNER.",
)
@click.option("--tune", is_flag=True, help="Score on a held-out 10% of IL-NER train only.")
def main(
    data: Path,
    out: Path,
    hiner: bool,
    hindipos: Path | None,
    use_kb: bool,
    clusters: str,
    use_tags: bool,
    folds: int,
    c1: float,
    c2: float,
    max_iterations: int,
    algorithm: str,
    minfreq: int,
    ilner_copies: int,
    tune: bool,
) -> None:
    """Train the CRF and write it (and its lexicon) beside --out."""
    ilner, extra = load(data, hiner)
    held: Sentences = []
    if tune:
        rng = random.Random(13)
        order = list(range(len(ilner)))
        rng.shuffle(order)
        cut = len(order) // 10
        held = [ilner[i] for i in order[:cut]]
        ilner = [ilner[i] for i in order[cut:]]
    base = merge(
        hindipos_classes(hindipos), kb_classes() if use_kb else {}, cluster_classes(clusters)
    )
    params: dict[str, object] = {
        "max_iterations": max_iterations,
        "feature.possible_transitions": True,
        "feature.minfreq": minfreq,
    }
    if algorithm == "lbfgs":
        params |= {"c1": c1, "c2": c2}
    elif algorithm == "l2sgd":
        params["c2"] = c2
    began = time.perf_counter()
    sentences = ilner + extra
    copies = [ilner_copies] * len(ilner) + [1] * len(extra)
    if tune:
        with tempfile.TemporaryDirectory() as tmp:
            model = Path(tmp) / "tune.crfsuite"
            lexicon = train(sentences, base, model, params, algorithm, folds, use_tags, copies)
            tagger = pycrfsuite.Tagger()
            tagger.open(str(model))
            feat = Featurizer(lexicon)
            result = score(
                [t for _, t in held], [list(tagger.tag(feat.sentence(w))) for w, _ in held]
            )
        click.echo(
            f"tune {algorithm} c1={c1} c2={c2} it={max_iterations} minfreq={minfreq} "
            f"ilner×{ilner_copies} hiner={hiner} kb={use_kb} clusters={clusters} "
            f"tags={use_tags}: micro {result['micro']['f1']:.3f} "
            + " ".join(f"{k} {result[k]['f1']:.3f}" for k in ("PER", "LOC", "ORG"))
            + f" ({time.perf_counter() - began:.0f}s)"
        )
        return
    out.parent.mkdir(parents=True, exist_ok=True)
    lexicon = train(sentences, base, out, params, algorithm, folds, use_tags, copies)
    lexicon_path = out.parent / LEXICON_PATH.name
    save_lexicon(lexicon, lexicon_path)
    click.echo(
        f"trained on {len(sentences)} sentences in {time.perf_counter() - began:.0f}s → {out} "
        f"({out.stat().st_size / 1e6:.1f} MB), {lexicon_path.name} "
        f"({lexicon_path.stat().st_size / 1e6:.1f} MB, {len(lexicon)} words)"
    )


if __name__ == "__main__":
    main()
