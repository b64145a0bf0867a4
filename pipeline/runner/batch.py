"""Many files → Parquet tables (:func:`run`): inputs found, documents already done skipped,
the rest handed to an executor, each result written atomically by one writer.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from pipeline.errors import Severity
from pipeline.options import Options
from pipeline.read.load import file_sha256
from pipeline.runner.executor import map_documents
from pipeline.runner.process import DocumentResult
from pipeline.runner.write import TableWriter

#: File suffixes taken when a folder is given as input.
INPUT_SUFFIXES = (".pdf", ".txt")


def iter_inputs(inputs: Iterable[str | os.PathLike[str]]) -> Iterator[Path]:
    """Files to process: files as given, folders searched recursively for PDFs (sorted)."""
    for item in inputs:
        p = Path(item)
        if p.is_dir() and p.suffix.lower() != ".pdf":
            for sub in sorted(p.rglob("*")):
                if sub.suffix.lower() == ".pdf" or (sub.suffix.lower() == ".txt" and sub.is_file()):
                    yield sub
        else:
            yield p


@dataclass
class RunReport:
    """What a run did, for the closing summary and the exit code."""

    ok: int = 0
    partial: int = 0
    failed: int = 0
    skipped: int = 0
    acts: int = 0
    pages: int = 0
    ocr_pages: int = 0
    seconds: float = 0.0
    errors_by_code: dict[str, int] = field(default_factory=dict)
    link: Any = None  # pipeline.link.LinkReport of the linking pass after the documents

    @property
    def documents(self) -> int:
        return self.ok + self.partial + self.failed

    def add(self, result: DocumentResult) -> None:
        setattr(self, result.status, getattr(self, result.status) + 1)
        self.acts += result.n_acts
        self.pages += result.n_pages
        self.ocr_pages += result.n_ocr_pages
        for e in result.rows("errors"):
            if e.severity == str(Severity.ERROR):
                self.errors_by_code[e.code] = self.errors_by_code.get(e.code, 0) + 1


def run(inputs: Iterable[str | os.PathLike[str]], out_dir: str | os.PathLike[str],
        options: Options | None = None, *, force: bool = False, jobs: int = 1,
        on_result: Callable[[DocumentResult], None] | None = None,
        on_start: Callable[[int], None] | None = None, executor: str = "local",
        scheduler: str | None = None, link: bool = True) -> RunReport:
    """Process ``inputs`` (files or folders) and write every table under ``out_dir``.

    Documents already processed by this pipeline version (same content hash) are skipped
    unless ``force``. Each document's rows are written atomically, so a killed run can be
    resumed by running it again. Then, unless ``link`` is false, the linker
    (:func:`pipeline.link.link_run`) works across the run's documents.
    """
    options = options or Options()
    t0 = time.perf_counter()
    writer = TableWriter(out_dir)
    report = RunReport()
    paths = list(iter_inputs(inputs))
    todo: list[tuple[Path, str | None]] = []
    for p in paths:
        try:
            doc_id = file_sha256(p) if p.is_file() else None
        except OSError:
            doc_id = None
        if doc_id and not force and writer.is_done(doc_id):
            report.skipped += 1
            continue
        todo.append((p, doc_id))
    if on_start:
        on_start(len(todo))
    for result in map_documents(todo, options, jobs=jobs, executor=executor, scheduler=scheduler):
        writer.write_document(result)
        report.add(result)
        if on_result:
            on_result(result)
    writer.finish()
    if link:
        from pipeline.link import link_run

        report.link = link_run(out_dir)
    report.seconds = time.perf_counter() - t0
    return report
