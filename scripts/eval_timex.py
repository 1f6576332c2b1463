"""Score the time tagger's spans on ILTIMEX 2012 (../shared/data/timex/iltimex2012).

Gold: ``Manual_Tagged/C-*.xml`` with inline ``<ILTIMEX TYPE="D|P|F|T">`` tags (date,
period, frequency, time). Tags are stripped to rebuild the plain text and gold spans;
a file whose tags do not nest is read tag by tag and unbalanced tags are dropped.
Kinds map DATE→D, TIME→D (ILTIMEX marks clock times as dates), DURATION→P, SET→F.
Reports exact-span and overlapping-span precision/recall/F1, overall and per type,
for the development half (C-1..C-100) and the held-out half (C-101..C-200).

Usage: python scripts/eval_timex.py [--data DIR]
"""

from __future__ import annotations

import re
from pathlib import Path

import click

from ghatna.time import tag

DEFAULT = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "timex" / "iltimex2012"
KIND_TO_TYPE = {"DATE": "D", "TIME": "D", "DURATION": "P", "SET": "F"}
_TAG = re.compile(r'<ILTIMEX\s+TYPE="([A-Z])"\s*>|</ILTIMEX>')


def read_gold(path: Path) -> tuple[str, list[tuple[int, int, str]]]:
    raw = path.read_text(encoding="utf-8", errors="replace")
    body = raw.split("<TEXT>", 1)[-1].split("</TEXT>", 1)[0]
    out: list[str] = []
    spans: list[tuple[int, int, str]] = []
    open_: tuple[int, str] | None = None
    pos = 0
    length = 0
    for m in _TAG.finditer(body):
        chunk = body[pos : m.start()]
        out.append(chunk)
        length += len(chunk)
        pos = m.end()
        if m.group(1):
            open_ = (length, m.group(1))
        elif open_ is not None:
            spans.append((open_[0], length, open_[1]))
            open_ = None
    out.append(body[pos:])
    return "".join(out), spans


def score(
    pairs: list[tuple[list, list]], overlap: bool, typ: str | None
) -> tuple[float, float, float]:
    tp_p = tp_g = n_p = n_g = 0
    for gold, pred in pairs:
        g = [s for s in gold if typ is None or s[2] == typ]
        p = [s for s in pred if typ is None or s[2] == typ]
        n_p += len(p)
        n_g += len(g)

        def hit(a, b):
            return (a[0] < b[1] and b[0] < a[1]) if overlap else (a[0], a[1]) == (b[0], b[1])

        tp_p += sum(any(hit(x, y) for y in g) for x in p)
        tp_g += sum(any(hit(y, x) for x in p) for y in g)
    prec = tp_p / n_p if n_p else 0.0
    rec = tp_g / n_g if n_g else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return prec, rec, f1


@click.command()
@click.option("--data", type=click.Path(path_type=Path), default=DEFAULT, show_default=True)
def main(data: Path) -> None:
    """Print span precision/recall/F1 of ghatna.time.tag against ILTIMEX 2012."""
    files = sorted((data / "Manual_Tagged").glob("C-*.xml"), key=lambda p: int(p.stem[2:]))
    if not files:
        raise click.ClickException(f"{data}/Manual_Tagged has no C-*.xml: is ../shared there?")
    splits = {"dev C-1..C-100": [], "held-out C-101..C-200": []}
    for f in files:
        text, gold = read_gold(f)
        pred = [(t.start, t.end, KIND_TO_TYPE[t.kind]) for t in tag(text)]
        splits["dev C-1..C-100" if int(f.stem[2:]) <= 100 else "held-out C-101..C-200"].append(
            (gold, pred)
        )
    for name, pairs in splits.items():
        n_gold, n_pred = sum(len(g) for g, _ in pairs), sum(len(p) for _, p in pairs)
        click.echo(f"{name}: {n_gold} gold, {n_pred} predicted")
        for typ in (None, "D", "P", "F"):
            for overlap in (True, False):
                p, r, f1 = score(pairs, overlap, typ)
                label = f"{typ or 'all'} {'overlap' if overlap else 'exact'}"
                click.echo(f"  {label:12} P {p:.3f}  R {r:.3f}  F1 {f1:.3f}")


if __name__ == "__main__":
    main()
