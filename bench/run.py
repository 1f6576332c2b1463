"""Run every benchmark and print one table: ``python bench/run.py``.

Rows come from three places:

* the stage scripts ``bench_clean.py``, ``bench_entities.py``, ``bench_time.py`` — each
  run as its own process with its default options; every line it prints becomes a row
  (its figures in the note column), and a script that is missing or fails becomes one
  ``FAILED`` row while the rest go on;
* ``bench_pipeline.py`` — the whole pipeline, each stage, ingest (serial, process pool,
  Dask, streaming at 1x and Nx) and the alternatives on the same articles;
* ``bench_growth.py`` — ingest and linking cost per article as the store grows.

The first line names the machine (cores) and the library versions.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import click

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from _corpus import CORPUS, Row, machine, table  # noqa: E402
from bench_growth import growth_rows  # noqa: E402
from bench_pipeline import all_rows  # noqa: E402

STAGE_SCRIPTS = ("bench_clean.py", "bench_entities.py", "bench_time.py")


def script_rows(name: str, corpus: Path) -> list[Row]:
    """The lines a stage script prints, one row each; one FAILED row if it cannot run."""
    path = HERE / name
    bench = name.removesuffix(".py")
    if not path.exists():
        return [Row(bench, "(script)", note="FAILED: script missing")]
    began = time.perf_counter()
    done = subprocess.run(
        [sys.executable, str(path), "--corpus", str(corpus)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode and "no such option" in done.stderr.lower():
        done = subprocess.run(
            [sys.executable, str(path)], capture_output=True, text=True, check=False
        )
    seconds = time.perf_counter() - began
    if done.returncode:
        last = (done.stderr.strip().splitlines() or ["no output"])[-1]
        return [Row(bench, "(script)", note=f"FAILED (exit {done.returncode}): {last[:160]}")]
    lines = [line.strip() for line in done.stdout.splitlines() if line.strip()]
    head = Row(bench, "(script)", note=f"ran in {seconds:.1f} s; its output:")
    return [head, *(Row(bench, "", note=line) for line in lines)]


@click.command()
@click.option("--corpus", type=click.Path(path_type=Path), default=CORPUS, show_default=True)
@click.option("--factor", default=20, show_default=True, help="Copies of the corpus for streaming.")
@click.option("--workers", default=2, show_default=True, help="Workers for the pool and Dask rows.")
@click.option(
    "--alt-limit", default=100, show_default=True, help="Articles for the alternatives rows."
)
@click.option(
    "--batch", "batch_size", default=200, show_default=True,
    help="Real articles ingested at each store size in the growth rows.",
)
@click.option("--big", is_flag=True, help="Also measure growth at 100,000 stored articles.")
def main(
    corpus: Path, factor: int, workers: int, alt_limit: int, batch_size: int, big: bool
) -> None:
    """Run the stage, pipeline and growth benchmarks and print one table."""
    rows: list[Row] = []
    for name in STAGE_SCRIPTS:
        rows += script_rows(name, corpus)
    rows += all_rows(corpus, factor, workers, alt_limit)
    try:
        rows += growth_rows(corpus, batch_size, [1000, 10000] + ([100000] if big else []))
    except Exception as err:  # noqa: BLE001 - one failed benchmark must not hide the others
        rows.append(Row("growth", "(all sizes)", note=f"FAILED: {type(err).__name__}: {err}"))
    click.echo(machine())
    click.echo(table(rows))


if __name__ == "__main__":
    main()
