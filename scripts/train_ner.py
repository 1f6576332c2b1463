"""Train the Hindi NER model shipped at ghatna/entities/model/ner.npz (+ its lexicon).

Reads ../shared/data/ner/ (a sibling of the repository): IL-NER Hindi train, plus the
HiNER validation split (collapsed PER/LOC/ORG) as extra training data unless
``--no-hiner``. IL-NER dev is never read here: it is kept for ``scripts/eval_ner.py``.

The model is an ensemble of small convolutional networks (``--models``, three) with a
CRF layer (see the model card). In each, a word is the sum of the embeddings of its
features (``Featurizer.inputs``: the folded word, affixes, shape, flags, lexicon classes,
and its distributional vector), a few residual convolutions over the sentence mix in the
neighbours, and a linear layer scores the tags. They are trained here with PyTorch
(training only: ``pip install torch==2.13.0``, or the ``train`` extra) and exported as
numpy arrays that ``ghatna.entities.ner.NerModel`` runs without PyTorch.

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
  model from trusting this more than it deserves on unseen text, each training sentence
  sees the table built from the other folds only (k-fold "jackknifing").

``--tune`` holds out 10% of IL-NER train (never dev; ``--split``), prints its F1 after
each epoch and, at the end, that of the exported model as ``NerModel`` runs it, without
writing the shipped model (``--save`` keeps that model elsewhere).

Example:
    python scripts/train_ner.py
    python scripts/train_ner.py --tune --split blocks --epochs 8
"""

from __future__ import annotations

import csv
import importlib.util
import random
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import click
import numpy as np
import torch
from torch import nn

from ghatna.clean.normalize import fold
from ghatna.entities.kb import load_kb
from ghatna.entities.ner import (
    HINER_TYPES,
    ILNER_TYPES,
    LEXICON_PATH,
    MODEL_PATH,
    Featurizer,
    Lexicon,
    NerModel,
    load_lexicon,
    read_conll,
    save_lexicon,
)

sys.path.insert(0, str(Path(__file__).resolve().parent))
import build_word_clusters  # noqa: E402
from eval_ner import score  # noqa: E402

NER_DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "ner"
LABELS = ("O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG")
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


def held_out(ilner: Sentences, split: str) -> tuple[Sentences, Sentences]:
    """(train, held-out 10%) of IL-NER train for tuning.

    ``random`` draws sentences at random; ``blocks`` holds out ten runs of consecutive
    sentences (1% each, evenly spaced). The file keeps its documents in order, so a
    random draw leaves most held-out names in the training part (48% of PER, 88% of LOC
    names seen there, against 36% and 73% for IL-NER dev), while the blocks come closer
    to unseen documents (31% and 86% in the first block; some blocks have no PER).
    """
    n = len(ilner)
    if split == "random":
        order = list(range(n))
        random.Random(13).shuffle(order)
        held_ids = set(order[: n // 10])
    else:
        size = n // 100
        held_ids = {start + i for start in range(n // 20, n, n // 10) for i in range(size)}
    return (
        [s for i, s in enumerate(ilner) if i not in held_ids],
        [s for i, s in enumerate(ilner) if i in held_ids],
    )


def featurise(
    sentences: Sentences, base: Lexicon, folds: int, use_tags: bool, tagged: int
) -> tuple[list[list[list[str]]], Lexicon]:
    """Each word's input features (jackknifed tag classes) and the full lexicon.

    The tag classes are built from the first ``tagged`` sentences only (IL-NER's, with
    separate heads): they tell the network how a word is usually tagged *in the
    convention it is scored in*, and HiNER's differs (``जनता``, ``कांग्रेस`` ORG)."""
    inputs: list[list[list[str]]] = [[] for _ in sentences]
    order = list(range(len(sentences)))
    random.Random(7).shuffle(order)
    for k in range(folds):
        fold_ids = order[k::folds]
        if use_tags:
            held = set(fold_ids)
            others = [s for i, s in enumerate(sentences[:tagged]) if i not in held]
            feat = Featurizer(merge(base, tag_classes(others)))
        else:
            feat = Featurizer(base)
        for i in fold_ids:
            inputs[i] = [feat.inputs(w) for w in sentences[i][0]]
    return inputs, merge(base, tag_classes(sentences[:tagged])) if use_tags else base


class Network(nn.Module):
    """Word = tanh(sum of its feature embeddings); residual convolutions of width 3;
    a linear layer to tag scores; CRF transitions (no start or end scores, as
    ``NerModel`` decodes).

    With ``heads`` > 1 each training corpus has its own output layer and transitions
    over the shared words and convolutions: HiNER and IL-NER draw their boundaries
    differently (HiNER tags parties, assemblies and courts as ORG and puts titles such
    as डॉ inside PER spans; IL-NER does neither), so one head would learn a blend of
    the two conventions. Head 0 (IL-NER's) is the one exported."""

    def __init__(
        self, features: int, vectors: torch.Tensor, dim: int, layers: int, heads: int = 1
    ) -> None:
        super().__init__()
        self.embed = nn.EmbeddingBag(features + 1, dim, mode="sum", padding_idx=features)
        self.register_buffer("vectors", vectors)
        self.project = nn.Linear(vectors.shape[1], dim, bias=False)
        self.convs = nn.ModuleList(nn.Conv1d(dim, dim, 3, padding=1) for _ in range(layers))
        self.outs = nn.ModuleList(nn.Linear(dim, len(LABELS)) for _ in range(heads))
        self.transitions = nn.Parameter(torch.zeros(heads, len(LABELS), len(LABELS)))

    def emissions(
        self,
        batch: list[tuple[list[list[int]], list[int]]],
        dropout: float,
        feature_dropout: float,
        heads: torch.Tensor | None = None,
    ) -> tuple[torch.Tensor, torch.Tensor]:
        """Tag scores (sentence, word, label) of a batch of (feature ids, vector ids),
        each from its sentence's head (default 0), and the mask of real words. In
        training, each feature of a word is dropped with probability ``feature_dropout``,
        so that no one feature (the word itself, say) is relied on alone."""
        flat: list[int] = []
        offsets: list[int] = []
        for ids, _ in batch:
            for word in ids:
                offsets.append(len(flat))
                if feature_dropout:
                    word = [f for f in word if random.random() >= feature_dropout]
                flat.extend(word)
        vec = torch.tensor([v for _, vs in batch for v in vs])
        x = self.embed(torch.tensor(flat), torch.tensor(offsets)) + self.project(self.vectors[vec])
        lengths = torch.tensor([len(ids) for ids, _ in batch])
        mask = torch.arange(int(lengths.max()))[None, :] < lengths[:, None]
        h = torch.zeros(*mask.shape, x.shape[1])
        h[mask] = torch.tanh(x)
        keep = mask[:, None, :].float()
        h = h.transpose(1, 2)
        for conv in self.convs:
            h = (h + torch.relu(conv(nn.functional.dropout(h, dropout, self.training)))) * keep
        h = nn.functional.dropout(h.transpose(1, 2), dropout, self.training)
        if len(self.outs) == 1 or heads is None:
            return self.outs[0](h), mask
        every = torch.stack([out(h) for out in self.outs], 1)
        return every[torch.arange(len(batch)), heads], mask

    def loss(
        self, scores: torch.Tensor, mask: torch.Tensor, gold: torch.Tensor, heads: torch.Tensor
    ) -> torch.Tensor:
        """Negative log-likelihood of the gold tags, summed over the batch."""
        transitions = self.transitions[heads]
        alpha = scores[:, 0]
        for t in range(1, scores.shape[1]):
            step = torch.logsumexp(alpha[:, :, None] + transitions, 1) + scores[:, t]
            alpha = torch.where(mask[:, t, None], step, alpha)
        gold_score = (scores.gather(2, gold[:, :, None])[:, :, 0] * mask).sum(1)
        rows = torch.arange(len(gold))[:, None]
        gold_score += (transitions[rows, gold[:, :-1], gold[:, 1:]] * mask[:, 1:]).sum(1)
        return (torch.logsumexp(alpha, 1) - gold_score).sum()

    def decode(self, scores: torch.Tensor, mask: torch.Tensor) -> list[list[str]]:
        """Viterbi tags, for the held-out F1 after each epoch (``NerModel`` decodes
        the exported model)."""
        best = scores[:, 0]
        back = []
        for t in range(1, scores.shape[1]):
            value, came = (best[:, :, None] + self.transitions[0]).max(1)
            best = torch.where(mask[:, t, None], value + scores[:, t], best)
            back.append(came)
        out = []
        for b, n in enumerate(mask.sum(1).tolist()):
            path = [int(best[b].argmax())]
            for t in range(n - 2, -1, -1):
                path.append(int(back[t][b, path[-1]]))
            out.append([LABELS[i] for i in reversed(path)])
        return out


def vectors_and_clusters(source: str) -> tuple[dict[str, int], torch.Tensor, Lexicon]:
    """Folded word → row of its PMI-SVD vector (``build_word_clusters.word_vectors``;
    the last row, zeros, is every other word's), and the ``cK_N`` cluster classes:
    of these vectors, read from a table ``build_word_clusters.py`` wrote, or none."""
    corpus = list(build_word_clusters.corpus(build_word_clusters.DATA))
    words, vectors = build_word_clusters.word_vectors(
        corpus,
        build_word_clusters.MIN_COUNT,
        build_word_clusters.CONTEXTS,
        build_word_clusters.DIMS,
        build_word_clusters.SEED,
    )
    if source == "build":
        clusters: Lexicon = build_word_clusters.cluster_classes(words, vectors)
    else:
        clusters = {} if source == "none" else load_lexicon(Path(source))
    rows = {w: i for i, w in enumerate(words)}
    table = np.vstack([vectors, np.zeros((1, vectors.shape[1]))]).astype(np.float32)
    return rows, torch.from_numpy(table), clusters


def encode(
    words: list[str], inputs: list[list[str]], vocab: dict[str, int], rows: dict[str, int]
) -> tuple[list[list[int]], list[int]]:
    none = len(rows)
    return (
        [[vocab[f] for f in fs if f in vocab] for fs in inputs],
        [rows.get(fold(w), none) for w in words],
    )


def fit(
    net: Network,
    data: list[tuple[tuple[list[list[int]], list[int]], list[int], int]],
    options: dict[str, Any],
    held: Sentences | None = None,
    held_data: list[tuple[list[list[int]], list[int]]] | None = None,
) -> None:
    """Adam, batches of sentences of similar length, the rate × 0.9 after each epoch;
    with ``held``, its F1 after each epoch."""
    optimiser = torch.optim.Adam(net.parameters(), lr=options["lr"])
    order = sorted(range(len(data)), key=lambda i: len(data[i][1]))
    batches = [order[i : i + options["batch"]] for i in range(0, len(order), options["batch"])]
    rng = random.Random(options["seed"])
    for epoch in range(options["epochs"]):
        began = time.perf_counter()
        net.train()
        rng.shuffle(batches)
        total = 0.0
        for batch in batches:
            heads = torch.tensor([data[i][2] for i in batch])
            scores, mask = net.emissions(
                [data[i][0] for i in batch], options["dropout"], options["feature_dropout"], heads
            )
            width = scores.shape[1]
            gold = torch.tensor([data[i][1] + [0] * (width - len(data[i][1])) for i in batch])
            loss = net.loss(scores, mask, gold, heads)
            optimiser.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(net.parameters(), 5.0)
            optimiser.step()
            total += loss.item()
        for group in optimiser.param_groups:
            group["lr"] *= 0.9
        line = f"epoch {epoch + 1}: loss {total / len(data):.3f}"
        if held is not None and held_data is not None:
            net.eval()
            with torch.no_grad():
                predicted = []
                for i in range(0, len(held_data), 64):
                    predicted += net.decode(*net.emissions(held_data[i : i + 64], 0.0, 0.0))
            result = score([t for _, t in held], predicted)
            line += f", held-out micro F1 {result['micro']['f1']:.3f}"
        click.echo(f"{line} ({time.perf_counter() - began:.0f}s)", err=True)


def export(nets: list[Network], vocab: dict[str, int], rows: dict[str, int], path: Path) -> None:
    """The arrays ``NerModel`` loads, for an ensemble of networks trained alike (their
    tag scores are averaged): feature names and, per feature, each network's embedding
    (a word's distributional vector as a feature ``v=word``, its projection
    precomputed), stored as int8 with a scale per feature and network; each network's
    convolutions as (3·dim, dim) matrices (previous, same, next word) and output
    layer; the mean of their transitions; the labels."""
    names = sorted(vocab, key=vocab.__getitem__) + [
        "v=" + w for w in sorted(rows, key=rows.__getitem__)
    ]
    with torch.no_grad():
        embed = np.stack(
            [
                np.vstack(
                    [
                        net.embed.weight[: len(vocab)].numpy(),
                        net.project(net.vectors[: len(rows)]).numpy(),
                    ]
                )
                for net in nets
            ],
            axis=1,
        )
        scale = np.maximum(np.abs(embed).max(axis=2), 1e-12) / 127
        convs = np.stack(
            [
                [np.concatenate([c.weight[:, :, k].T.numpy() for k in range(3)]) for c in net.convs]
                for net in nets
            ]
        )
        np.savez_compressed(
            path,
            labels=np.array(LABELS),
            features=np.array(names),
            embed=np.round(embed / scale[:, :, None]).astype(np.int8),
            scale=scale.astype(np.float32),
            convs=convs.astype(np.float32),
            conv_bias=np.stack([[c.bias.numpy() for c in net.convs] for net in nets]),
            out=np.stack([net.outs[0].weight.T.numpy() for net in nets]),
            out_bias=np.stack([net.outs[0].bias.numpy() for net in nets]),
            transitions=np.mean([net.transitions[0].numpy() for net in nets], axis=0),
        )


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
@click.option(
    "--heads",
    type=click.Choice(["separate", "shared"]),
    default="shared",
    show_default=True,
    help="HiNER's own output layer, transitions and no say in the tag classes "
    "(separate: better on the tuning blocks, not on dev; see the model card), or IL-NER's.",
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
@click.option("--minfreq", default=2, show_default=True, help="Drop features seen fewer times.")
@click.option("--dim", default=64, show_default=True, help="Width of the word vectors.")
@click.option("--layers", default=4, show_default=True, help="Convolutions (each sees ±1 word).")
@click.option("--epochs", default=8, show_default=True)
@click.option("--lr", default=2e-3, show_default=True, help="Adam's first learning rate.")
@click.option("--batch", default=32, show_default=True, help="Sentences per update.")
@click.option("--dropout", default=0.2, show_default=True)
@click.option("--feature-dropout", default=0.1, show_default=True)
@click.option("--seed", default=1, show_default=True, help="The first network's; then +1 each.")
@click.option("--models", default=3, show_default=True, help="Networks in the ensemble.")
@click.option("--threads", default=2, show_default=True, help="PyTorch CPU threads.")
@click.option("--tune", is_flag=True, help="Score on a held-out 10% of IL-NER train only.")
@click.option(
    "--split",
    type=click.Choice(["random", "blocks"]),
    default="blocks",
    show_default=True,
    help="How --tune holds out its 10%: random sentences or runs of consecutive ones.",
)
@click.option(
    "--save",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="With --tune, keep the tuning ensemble (ner.npz and its lexicon) in this folder, "
    "to study its output on the held-out sentences (it has not seen them).",
)
def main(
    data: Path,
    out: Path,
    hiner: bool,
    heads: str,
    hindipos: Path | None,
    use_kb: bool,
    clusters: str,
    use_tags: bool,
    folds: int,
    minfreq: int,
    tune: bool,
    split: str,
    save: Path | None,
    **options: Any,
) -> None:
    """Train the model and write it (and its lexicon) beside --out."""
    began = time.perf_counter()
    torch.set_num_threads(options["threads"])
    ilner, extra = load(data, hiner)
    held: Sentences = []
    if tune:
        ilner, held = held_out(ilner, split)
    rows, vectors, cluster_table = vectors_and_clusters(clusters)
    base = merge(hindipos_classes(hindipos), kb_classes() if use_kb else {}, cluster_table)
    sentences = ilner + extra
    tagged = len(ilner) if heads == "separate" else len(sentences)
    inputs, lexicon = featurise(sentences, base, folds, use_tags, tagged)
    counts = Counter(f for sentence in inputs for word in sentence for f in word)
    # "v=word" is the word's vector (``vectors_and_clusters``), not an embedding learnt here
    kept = (f for f, n in counts.items() if n >= minfreq and not f.startswith("v="))
    vocab = {f: i for i, f in enumerate(sorted(kept))}
    label = {name: i for i, name in enumerate(LABELS)}
    encoded = [
        (
            encode(words, inputs[i], vocab, rows),
            [label[t] for t in tags],
            int(heads == "separate" and i >= len(ilner)),
        )
        for i, (words, tags) in enumerate(sentences)
    ]
    final = Featurizer(lexicon)
    held_data = [encode(words, [final.inputs(w) for w in words], vocab, rows) for words, _ in held]
    nets = []
    for k in range(options["models"]):
        seed = options["seed"] + k
        torch.manual_seed(seed)
        random.seed(seed)
        head_count = 2 if heads == "separate" and extra else 1
        nets.append(Network(len(vocab), vectors, options["dim"], options["layers"], head_count))
        fit(nets[-1], encoded, options | {"seed": seed}, held if tune else None, held_data)
    if tune:
        with tempfile.TemporaryDirectory() as tmp:
            folder = save or Path(tmp)
            folder.mkdir(parents=True, exist_ok=True)
            model, lexicon_path = folder / "ner.npz", folder / LEXICON_PATH.name
            export(nets, vocab, rows, model)
            save_lexicon(lexicon, lexicon_path)
            tagged = NerModel(model, lexicon_path).tag_sentences([w for w, _ in held])
        result = score([t for _, t in held], [t.tags for t in tagged])
        click.echo(
            f"tune ({split}) {' '.join(f'{k}={v}' for k, v in options.items())} "
            f"minfreq={minfreq} hiner={hiner} heads={heads} kb={use_kb} clusters={clusters} "
            f"tags={use_tags}: "
            f"micro {result['micro']['f1']:.3f} "
            + " ".join(f"{k} {result[k]['f1']:.3f}" for k in ("PER", "LOC", "ORG"))
            + f" ({time.perf_counter() - began:.0f}s)"
        )
        return
    out.parent.mkdir(parents=True, exist_ok=True)
    export(nets, vocab, rows, out)
    lexicon_path = out.parent / LEXICON_PATH.name
    save_lexicon(lexicon, lexicon_path)
    click.echo(
        f"trained on {len(sentences)} sentences in {time.perf_counter() - began:.0f}s → {out} "
        f"({out.stat().st_size / 1e6:.1f} MB), {lexicon_path.name} "
        f"({lexicon_path.stat().st_size / 1e6:.1f} MB, {len(lexicon)} words)"
    )


if __name__ == "__main__":
    main()
