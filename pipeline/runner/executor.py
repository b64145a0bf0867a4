"""How documents are spread over workers: a local pool of processes, or a Dask cluster.

Every executor runs the same per-document function, :func:`pipeline.runner.bounds.bounded_process`
(decompression-bomb guard, then :func:`pipeline.runner.process_document`), and hands the
DocumentResults back to the driver, which writes them with one TableWriter. Results come
back in completion order; tables do not depend on that order, since each document's rows
go to files of their own — output is identical whatever the number of workers.

* ``local`` (default): :class:`pipeline.runner.bounds.BoundedPool`, ``jobs`` worker processes
  with Tesseract single-threaded (``OMP_THREAD_LIMIT=1``), the per-document time limit and
  the per-worker memory cap. ``options.strict`` runs in this process instead, so the first
  error is raised with its traceback (debugging).
* ``dask``: ``distributed.Client(scheduler)``; one task per document. The cluster's own
  bounds apply there (``dask worker --memory-limit``: a worker killed by its nanny loses
  its task → ``worker_crashed`` row; the decompression-bomb guard runs in the task).
  ``doc_timeout`` is not enforced on a cluster: a Dask task cannot be interrupted.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from pipeline.runner.bounds import BoundedPool, bounded_process, failed_result
from pipeline.errors import ErrorCode
from pipeline.options import Options

EXECUTORS = ("local", "dask")


def map_documents(todo: list[tuple[Path, str | None]], options: Options, *, jobs: int = 1,
                  executor: str = "local", scheduler: str | None = None) -> Iterator:
    """Yield a DocumentResult for each ``(path, doc_id)`` of ``todo``."""
    if executor not in EXECUTORS:
        raise ValueError(f"unknown executor {executor!r}; known executors: {', '.join(EXECUTORS)}")
    items = [(str(p), d) for p, d in todo]
    if not items:
        return
    if executor == "dask":
        yield from _dask_map(items, options, scheduler)
        return
    if options.strict:
        os.environ["OMP_THREAD_LIMIT"] = "1"
        for path, doc_id in items:
            yield bounded_process(path, doc_id, options)
        return
    yield from BoundedPool(min(max(1, jobs), len(items)), options).map(items)


def _dask_task(path: str, doc_id: str | None, options: Options):  # -> DocumentResult
    return bounded_process(path, doc_id, options)


def _dask_map(items: list[tuple[str, str | None]], options: Options, scheduler: str | None) -> Iterator:
    try:
        from distributed import Client, as_completed
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise RuntimeError("the dask executor needs the 'scale' extra: pip install 'delib[scale]'") from exc
    if not scheduler:
        raise ValueError("--executor dask needs --scheduler ADDRESS (e.g. tcp://10.0.0.5:8786)")
    client = scheduler if isinstance(scheduler, Client) else Client(scheduler)
    own = client is not scheduler
    try:
        futures = []
        origin = {}
        for path, doc_id in items:
            # pure=False: the same file submitted twice (--force) is processed again
            fut = client.submit(_dask_task, path, doc_id, options, pure=False, retries=0)
            futures.append(fut)
            origin[fut.key] = (path, doc_id)
        for fut in as_completed(futures):
            path, doc_id = origin[fut.key]
            try:
                result = fut.result()
            except Exception as exc:  # noqa: BLE001 - KilledWorker, a lost worker, a pickling error
                result = failed_result(path, doc_id, ErrorCode.WORKER_CRASHED,
                                       f"the Dask task failed: {type(exc).__name__}: {exc}")
            fut.release()
            yield result
    finally:
        if own:
            client.close()
