"""Where the per-document stages run: this process, a local process pool, or a Dask cluster.

:func:`make_processor` yields a :data:`~ghatna.ingest.batch.Processor`, the one plug
:func:`~ghatna.ingest.batch.ingest_articles` needs; storing and linking stay in the
calling process, so every engine writes exactly the same rows. Pool and cluster
processors also have ``submit``: ingest hands the workers the next batch before it
writes the previous one, so processing and writing overlap instead of taking turns.

Work is sent in chunks of articles, never one task per document: a task costs a
round trip and a pickled closure, which for Dask is far more than the ~10 ms an
article takes to process. Each worker loads the knowledge base and models once
(:func:`ghatna.pipeline.load_resources` is cached per process) and keeps them for
every chunk it is given. Results come back in input order, so the store sees the
same sequence of documents as in a serial run.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from functools import partial
from typing import TYPE_CHECKING

from ghatna.document import Article, Doc
from ghatna.errors import GhatnaError
from ghatna.ingest.batch import Processor, process_serially

if TYPE_CHECKING:
    from distributed import Client

ENGINES = ("local", "dask")
CHUNK_SIZE = 50
"""Articles per task: large enough that scheduling costs vanish, small enough to balance."""


@contextmanager
def make_processor(
    engine: str = "local",
    workers: int = 1,
    scheduler: str | None = None,
    *,
    chunk_size: int = CHUNK_SIZE,
) -> Iterator[Processor]:
    """A processor running the per-document stages on the chosen engine.

    engine (str): ``"local"`` — this process when ``workers`` is 1, else a pool of
        ``workers`` processes; ``"dask"`` — the Dask cluster at ``scheduler``
        (``"tcp://host:8786"``), or a local one with ``workers`` processes if None.
    workers (int): processes for a local pool or a local Dask cluster.
    scheduler (str | None): a Dask scheduler address; only with ``engine="dask"``.
    chunk_size (int): articles sent to a worker in one task.
    RETURNS (Processor): ``list[Article] -> list[Doc]``, order kept; pools and
        clusters it started are shut down when the ``with`` block ends.

    Example::

        with make_processor("local", workers=2) as processor:
            ingest(["news/"], store, processor=processor)
    """
    if engine not in ENGINES:
        raise GhatnaError(f"unknown engine {engine!r}: expected one of {', '.join(ENGINES)}")
    if workers < 1:
        raise GhatnaError(f"--workers must be 1 or more, not {workers}")
    if chunk_size < 1:
        raise GhatnaError(f"chunk size must be 1 or more, not {chunk_size}")
    if engine == "local":
        if scheduler:
            raise GhatnaError(
                f"a scheduler address ({scheduler}) only applies to --engine dask; "
                "drop --scheduler or add --engine dask"
            )
        if workers == 1:
            yield process_serially
            return
        with ProcessPoolExecutor(max_workers=workers, initializer=_warm) as pool:
            yield _Async(partial(_submit_pool, pool, workers, chunk_size))
        return
    with _dask_client(workers, scheduler) as client:
        client.run(_warm)
        yield _Async(partial(_submit_dask, client, chunk_size))


def chunks(articles: list[Article], size: int, parts: int) -> list[list[Article]]:
    """Cut ``articles`` into runs of at most ``size``, and into at least ``parts`` runs
    when there are enough articles, so a small batch still keeps every worker busy."""
    if not articles:
        return []
    step = max(1, min(size, math.ceil(len(articles) / parts)))
    return [articles[i : i + step] for i in range(0, len(articles), step)]


def _warm() -> None:
    """Load the resources into this worker process before its first chunk arrives."""
    from ghatna.pipeline import load_resources

    load_resources()


def _process_chunk(articles: list[Article]) -> list[Doc]:
    from ghatna.pipeline import load_resources, process

    res = load_resources()
    return [process(a, res) for a in articles]


class _Async:
    """A processor that can also start a batch and be waited on later: ``submit``
    returns a function giving the batch's documents, so
    :func:`~ghatna.ingest.batch.ingest_articles` keeps the workers busy with the next
    batch while it stores the previous one. Called directly, it processes and waits."""

    def __init__(self, submit: Callable[[list[Article]], Callable[[], list[Doc]]]) -> None:
        self.submit = submit

    def __call__(self, articles: list[Article]) -> list[Doc]:
        return self.submit(articles)()


def _submit_pool(
    pool: ProcessPoolExecutor, workers: int, chunk_size: int, articles: list[Article]
) -> Callable[[], list[Doc]]:
    futures = [pool.submit(_process_chunk, c) for c in chunks(articles, chunk_size, workers)]
    return lambda: [doc for f in futures for doc in f.result()]


def _submit_dask(
    client: Client, chunk_size: int, articles: list[Article]
) -> Callable[[], list[Doc]]:
    threads = sum(client.nthreads().values()) or 1
    futures = client.map(_process_chunk, chunks(articles, chunk_size, threads), pure=False)
    return lambda: [doc for part in client.gather(futures) for doc in part]


@contextmanager
def _dask_client(workers: int, scheduler: str | None) -> Iterator[Client]:
    """A client of the cluster at ``scheduler``, or of a local cluster started (and
    stopped) here with one single-threaded process per worker.

    How long to try reaching a scheduler is Dask's own setting,
    ``distributed.comm.timeouts.connect`` (30 s unless configured).
    """
    from distributed import Client, LocalCluster

    if scheduler is None:
        with (
            LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
            ) as cluster,
            Client(cluster) as client,
        ):
            yield client
        return
    try:
        client = Client(scheduler)
    except OSError as err:
        raise GhatnaError(
            f"cannot reach the Dask scheduler at {scheduler} ({err}); start one with "
            "`dask scheduler` and point `dask worker` processes at it, or check the address"
        ) from err
    with client:
        yield client
