"""Distributional word classes for the NER lexicon (``c5_N``, ``c7_N``, ``c9_N`` classes).

Reads raw Hindi text within the repository's reach — the *words* (not the tags) of
IL-NER train and HiNER validation, the covid-hi-2020-03 newspaper text and the
ILTIMEX2012 plain text, all under ``../shared/data/`` — never IL-NER dev. Each folded
word seen at least ``--min-count`` times gets a vector from the positive PMI of its
neighbours (±1 and ±2 words, the most frequent ``--contexts`` words as contexts),
reduced by a randomised SVD; spherical k-means then groups the vectors at two
granularities (32, 128 and 512 clusters by default), like the prefixes of Brown clusters.
Only numpy is needed. The output table (``word<TAB>classes``) is merged into
``ner_lexicon.tsv.gz`` by ``scripts/train_ner.py --clusters``; ``train_ner.py`` also uses
the vectors themselves, as an input of the NER networks.

Example:
    python scripts/build_word_clusters.py --out /tmp/ner_clusters.tsv.gz
"""

from __future__ import annotations

import gzip
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import click
import numpy as np

from ghatna.clean.normalize import fold
from ghatna.entities.ner import tokenize

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"
_TAG = re.compile(r"<[^>]+>")
_SPLIT = re.compile(r"[।!?\n]+")


def _conll_sentences(path: Path) -> Iterator[list[str]]:
    words: list[str] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            word = line.split("\t")[0].split(" ")[0].strip()
            if not word:
                if words:
                    yield words
                words = []
                continue
            words.append(word)
    if words:
        yield words


def _raw_sentences(path: Path) -> Iterator[list[str]]:
    text = _TAG.sub(" ", path.read_text(encoding="utf-8", errors="replace"))
    for chunk in _SPLIT.split(text):
        words = [t.text for t in tokenize(chunk)]
        if words:
            yield words


def corpus(data: Path) -> Iterator[list[str]]:
    """Folded sentences of every raw source (IL-NER dev is never read)."""
    sources: list[Iterator[list[str]]] = [
        _conll_sentences(data / "ner" / "ilner-hi" / "Hindi-train.txt"),
        _conll_sentences(data / "ner" / "hiner-validation" / "validation.collapsed.conll"),
    ]
    for pattern in ("news/covid-hi-2020-03/**/*.txt", "timex/iltimex2012/Plain_Text/*.xml"):
        for path in sorted(data.glob(pattern)):
            sources.append(_raw_sentences(path))
    for source in sources:
        for words in source:
            yield [fold(w) for w in words]


def _kmeans(x: np.ndarray, k: int, rng: np.random.Generator, iterations: int) -> np.ndarray:
    """Spherical k-means (rows of ``x`` are unit vectors) → cluster of each row."""
    centres = x[rng.choice(len(x), size=k, replace=False)].copy()
    labels = np.zeros(len(x), dtype=np.int64)
    for _ in range(iterations):
        labels = np.argmax(x @ centres.T, axis=1)
        sums = np.zeros_like(centres)
        np.add.at(sums, labels, x)
        norms = np.linalg.norm(sums, axis=1, keepdims=True)
        empty = norms[:, 0] == 0
        centres = np.where(empty[:, None], centres, sums / np.maximum(norms, 1e-9))
    return labels


def word_vectors(
    sentences: list[list[str]],
    min_count: int,
    contexts: int,
    dims: int,
    seed: int,
    power: int = 3,
) -> tuple[list[str], np.ndarray]:
    counts = Counter(w for s in sentences for w in s)
    vocab = [w for w, n in counts.most_common() if n >= min_count]
    index = {w: i for i, w in enumerate(vocab)}
    ctx_index = {w: i for i, w in enumerate(vocab[:contexts])}
    pairs: Counter[tuple[int, int]] = Counter()
    for s in sentences:
        ids = [index.get(w, -1) for w in s]
        cids = [ctx_index.get(w, -1) for w in s]
        for i, wi in enumerate(ids):
            if wi < 0:
                continue
            for slot, d in enumerate((-2, -1, 1, 2)):
                j = i + d
                c = cids[j] if 0 <= j < len(s) else contexts  # contexts == sentence edge
                if c >= 0:
                    pairs[wi, slot * (contexts + 1) + c] += 1
    rows = np.fromiter((p[0] for p in pairs), dtype=np.int64, count=len(pairs))
    cols = np.fromiter((p[1] for p in pairs), dtype=np.int64, count=len(pairs))
    vals = np.fromiter(pairs.values(), dtype=np.float64, count=len(pairs))
    n_cols = 4 * (contexts + 1)
    row_sum = np.bincount(rows, weights=vals, minlength=len(vocab))
    col_sum = np.bincount(cols, weights=vals, minlength=n_cols) ** 0.75
    pmi = np.log(vals / row_sum[rows]) - np.log(col_sum[cols] / col_sum.sum())
    keep = pmi > 0
    rows, cols, vals = rows[keep], cols[keep], pmi[keep]
    # randomised SVD of the sparse PPMI matrix (COO products done with np.add.at)
    rng = np.random.default_rng(seed)
    omega = rng.standard_normal((n_cols, dims + 20))
    y = np.zeros((len(vocab), dims + 20))
    np.add.at(y, rows, vals[:, None] * omega[cols])
    q, _ = np.linalg.qr(y)
    for step in range(power + 1):
        b = np.zeros((n_cols, dims + 20))  # (Qᵀ M)ᵀ
        np.add.at(b, cols, vals[:, None] * q[rows])
        if step == power:
            break
        y = np.zeros((len(vocab), dims + 20))
        np.add.at(y, rows, vals[:, None] * np.linalg.qr(b)[0][cols])
        q, _ = np.linalg.qr(y)
    u_small, s, _ = np.linalg.svd(b.T, full_matrices=False)
    vectors = (q @ u_small[:, :dims]) * np.sqrt(s[:dims])
    vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9)
    return vocab, vectors


MIN_COUNT, CONTEXTS, DIMS, KS, SEED = 3, 1500, 100, (32, 128, 512), 7
"""The settings the shipped lexicon and NER model were built with."""


def cluster_classes(
    vocab: list[str], vectors: np.ndarray, ks: tuple[int, ...] = KS, seed: int = SEED
) -> dict[str, tuple[str, ...]]:
    """Word → its ``cK_N`` class at each granularity in ``ks`` (spherical k-means)."""
    rng = np.random.default_rng(seed)
    labels = {k: _kmeans(vectors, k, rng, 25) for k in ks}
    return {
        word: tuple(f"c{k.bit_length() - 1}_{labels[k][i]}" for k in ks)
        for i, word in enumerate(vocab)
    }


@click.command()
@click.option("--data", type=click.Path(path_type=Path), default=DATA, show_default=True)
@click.option("--out", type=click.Path(path_type=Path), required=True)
@click.option("--min-count", default=MIN_COUNT, show_default=True)
@click.option("--contexts", default=CONTEXTS, show_default=True)
@click.option("--dims", default=DIMS, show_default=True)
@click.option("--k", "ks", multiple=True, type=int, default=KS, show_default=True)
@click.option("--seed", default=SEED, show_default=True)
def main(data: Path, out: Path, min_count: int, contexts: int, dims: int, ks, seed: int) -> None:
    """Write word → distributional classes to --out (gzipped TSV)."""
    sentences = list(corpus(data))
    vocab, vectors = word_vectors(sentences, min_count, contexts, dims, seed)
    with gzip.open(out, "wt", encoding="utf-8", compresslevel=9) as fh:
        for word, classes in cluster_classes(vocab, vectors, tuple(ks), seed).items():
            fh.write(f"{word}\t{' '.join(classes)}\n")
    click.echo(
        f"{sum(map(len, sentences))} tokens, {len(sentences)} sentences → {len(vocab)} words "
        f"in {', '.join(map(str, ks))} clusters → {out}"
    )


if __name__ == "__main__":
    main()
