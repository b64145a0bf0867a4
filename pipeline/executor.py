"""How documents are spread over workers: in this process, or a pool of processes.

Each document is processed by :func:`pipeline.run.process_document` in one worker; the
results come back in completion order (tables do not depend on that order: each
document's rows are written to files of their own).
"""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path
from typing import Iterator

from pipeline.options import Options


def _work(args: tuple[str, str | None, Options]):  # -> DocumentResult
    os.environ["OMP_THREAD_LIMIT"] = "1"
    from pipeline.run import process_document

    path, doc_id, options = args
    return process_document(path, options, doc_id=doc_id)


def map_documents(todo: list[tuple[Path, str | None]], options: Options, *, jobs: int = 1,
                  executor: str = "local", scheduler: str | None = None) -> Iterator:
    """Yield a DocumentResult for each ``(path, doc_id)``."""
    if executor != "local":
        raise ValueError(f"unknown executor {executor!r}; known executors: local")
    if jobs <= 1 or len(todo) <= 1:
        for path, doc_id in todo:
            yield _work((str(path), doc_id, options))
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        futures = [pool.submit(_work, (str(p), d, options)) for p, d in todo]
        for fut in as_completed(futures):
            yield fut.result()
