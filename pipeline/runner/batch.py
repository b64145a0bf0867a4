"""Many files → Parquet tables (:func:`run`): inputs found, documents already done skipped,
the rest handed to an executor, each result written atomically by one writer.

What a path and a content are:

* a **content** is a file's bytes, named by their SHA-256 (``doc_id``). It is read once,
  and its rows (``acts``, ``pages``, ``errors`` …) are written once, whatever the number
  of paths that hold it;
* a **path** is where an input was found. ``documents`` has one row per path: two paths
  holding one content give two ``documents`` rows with the same ``doc_id``;
* a run's inputs are the truth for the paths they cover (the files given, everything under
  the folders given): a covered path that now holds another content (a file replaced under
  its name) or is gone (deleted, renamed) no longer counts for its old content, and a
  content that no path holds any more is removed from every table. Paths the run does
  not cover are left as they are, so runs over different folders add to one output.

So rerunning over the same inputs, whatever happened in between (files replaced, copied,
deleted, a run killed), gives the tables a fresh run would give.

A file over ``Options.max_file_mb`` is not hashed: it is refused from its size alone, by
the worker (``too_large``), keyed by its path.
"""

from __future__ import annotations

import os
import stat
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from pipeline.errors import Severity
from pipeline.options import Options
from pipeline.read.load import file_sha256
from pipeline.runner.executor import map_documents
from pipeline.runner.process import DocumentResult
from pipeline.runner.write import TableWriter, path_key, same_path

#: File suffixes taken when a folder is given as input.
INPUT_SUFFIXES = (".pdf", ".txt")


def _wanted(path: Path) -> bool:
    suffix = path.suffix.lower()
    return suffix == ".pdf" or (suffix == ".txt" and path.is_file())


def iter_inputs(inputs: Iterable[str | os.PathLike[str]]) -> Iterator[Path]:
    """Files to process: files as given, folders searched recursively for PDFs (sorted).

    Symbolic links to folders are followed, each folder searched once (a link back to a
    parent, a loop, is not followed again).
    """
    for item in inputs:
        p = Path(item)
        if p.is_dir() and p.suffix.lower() != ".pdf":
            found: list[Path] = []
            seen: set[tuple[int, int]] = set()
            for root, dirs, files in os.walk(p, followlinks=True):
                try:
                    st = os.stat(root)
                except OSError:
                    dirs[:] = []
                    continue
                if (st.st_dev, st.st_ino) in seen:
                    dirs[:] = []  # reached again through a link: a loop or a second way in
                    continue
                seen.add((st.st_dev, st.st_ino))
                found.extend(Path(root, n) for n in dirs + files if _wanted(Path(root, n)))
            yield from sorted(found)
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


def _content_id(path: Path, options: Options) -> str | None:
    """The SHA-256 of a regular file within the size bound; None for anything else (not a
    file, unreadable, over ``max_file_mb``: the worker says why, without this hash)."""
    try:
        st = os.stat(path)
        if not stat.S_ISREG(st.st_mode) or st.st_size > options.max_file_mb * 1024 * 1024:
            return None
        return file_sha256(path)
    except OSError:
        return None


class _Coverage:
    """Which paths a run's inputs speak for: the files given, and what lies under the folders."""

    def __init__(self, inputs: list[str | os.PathLike[str]]) -> None:
        self.files: set[str] = set()
        self.folders: list[str] = []
        for item in inputs:
            p = Path(item)
            if p.is_dir() and p.suffix.lower() != ".pdf":
                self.folders.append(same_path(str(p)).rstrip(os.sep) + os.sep)
            else:
                self.files.add(same_path(str(p)))

    def __call__(self, path: str) -> bool:
        a = same_path(path)
        return a in self.files or any(a.startswith(f) for f in self.folders)


def _plan(writer: TableWriter, inputs: list, options: Options, force: bool,
          retry_failed: bool) -> tuple[list[tuple[Path, str | None]], dict[str, list[str]], int]:
    """What to read: ``(path, doc_id)`` pairs, the paths of each content, and how many contents
    are done already. Records found elsewhere are brought in line with the inputs first."""
    contents: dict[str, list[str]] = {}
    loose: list[str] = []
    for p in iter_inputs(inputs):
        doc_id = _content_id(p, options)
        if doc_id:
            contents.setdefault(doc_id, []).append(str(p))
        else:
            loose.append(str(p))
    here = {same_path(p): d for d, ps in contents.items() for p in ps}
    here.update({same_path(p): path_key(p) for p in loose})
    covered = _Coverage(inputs)
    for key, entry in writer.entries().items():
        kept = [p for p in entry.paths if not covered(p) or here.get(same_path(p)) == key]
        if key in contents:
            continue  # its paths are written with it, or set below
        if len(kept) != len(entry.paths):
            writer.set_paths(key, kept)  # none left: removed from every table
    todo: list[tuple[Path, str | None]] = []
    paths: dict[str, list[str]] = {}
    skipped = 0
    entries = writer.entries()
    for doc_id, ps in contents.items():
        entry = entries.get(doc_id)
        kept = [p for p in entry.paths if not covered(p)] if entry else []
        paths[doc_id] = ps + kept
        if not force and writer.is_done(doc_id, retry_failed) and writer.set_paths(doc_id, ps + kept):
            skipped += 1
            continue
        todo.append((Path(ps[0]), doc_id))
    for p in loose:
        todo.append((Path(p), None))
    return todo, paths, skipped


def run(inputs: Iterable[str | os.PathLike[str]], out_dir: str | os.PathLike[str],
        options: Options | None = None, *, force: bool = False, retry_failed: bool = False, jobs: int = 1,
        on_result: Callable[[DocumentResult], None] | None = None,
        on_start: Callable[[int], None] | None = None, executor: str = "local",
        scheduler: str | None = None, link: bool = True) -> RunReport:
    """Process ``inputs`` (files or folders) and write every table under ``out_dir``.

    Documents already processed by this pipeline version (same content hash) are skipped
    unless ``force``; those that met a transient failure (a worker killed, Tesseract
    killed, a file that vanished or changed while read) are read again, and with
    ``retry_failed`` every failed or partial one. Each document's rows are written
    atomically, so a killed run can be resumed by running it again. Then, unless ``link``
    is false, the linker (:func:`pipeline.link.link_run`) works across the run's documents.
    Raises :class:`pipeline.runner.write.OutputError` when the output cannot be written.
    """
    options = options or Options()
    t0 = time.perf_counter()
    inputs = list(inputs)
    report = RunReport()
    with TableWriter(out_dir) as writer:
        todo, paths, report.skipped = _plan(writer, inputs, options, force, retry_failed)
        if on_start:
            on_start(len(todo))
        for result in map_documents(todo, options, jobs=jobs, executor=executor, scheduler=scheduler):
            result = writer.write_document(result, paths.get(result.doc_id or "", ()))
            report.add(result)
            if on_result:
                on_result(result)
        writer.finish()
        if link:
            from pipeline.link import link_run

            report.link = link_run(out_dir, lock=False)  # the writer holds the lock
    report.seconds = time.perf_counter() - t0
    return report
