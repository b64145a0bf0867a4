"""Bounds on one document's work: wall-clock time, worker memory, decompressed stream size.

An archive holds whatever people scanned, exported or mangled: a 2 GiB decompression bomb,
a 3 000-page scan that OCR would chew on for hours, a PDF whose parser loops. None may
hang or sink the batch. Three guards, each giving an ``errors`` row with its code:

* ``timeout`` — each document runs in a worker process (:class:`BoundedPool`); past
  ``options.doc_timeout`` seconds the worker is killed (SIGKILL), a failed result is
  written for the document and a fresh worker takes the next one;
* ``memory_limit`` — every worker's address space is capped with
  ``setrlimit(RLIMIT_AS, options.max_memory_mb)`` (inherited by its Tesseract children).
  A Python allocation beyond it raises MemoryError, turned into this code; a C library
  (pdfium) that aborts instead kills the worker → ``worker_crashed``, message naming the
  bound, and the batch goes on;
* ``decompression_bomb`` — pdfium inflates streams lazily, while a page is drawn or its
  text read, so the file is checked first (:func:`check_streams`): every Flate stream is
  inflated *incrementally* (bounded chunks, nothing kept) and the document is refused as
  soon as one stream would exceed ``options.max_stream_mb``; a Flate stream whose output is
  itself zlib data (a two-layer bomb) is followed through the second layer too. Other
  filters (LZW, RunLength) are not inflated here: the memory cap covers them.

The page-size bound before rasterising (``page_too_large``) and the page-count bound
(``too_many_pages``) live in :mod:`pipeline.read.load`.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import re
import resource
import signal
import time
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any, BinaryIO

from pipeline.errors import ErrorCode, IssueLog, PipelineError
from pipeline.options import Options

#: ``stream`` keyword followed by its end-of-line (PDF 32000-1 §7.3.8.1).
_STREAM_RE = re.compile(rb"""
    stream          # the keyword that opens a stream's data
    (?:\r\n|\n|\r)  # CRLF or LF by the book; a lone CR from sloppy writers
""", re.VERBOSE)

#: First two bytes of a zlib stream (CMF=0x78: deflate, 32K window; any FLG level).
_ZLIB_HEADS = (b"\x78\x01", b"\x78\x5e", b"\x78\x9c", b"\x78\xda")

_CHUNK = 1 << 16
_SCAN = 1 << 20  # bytes read at a time when looking for streams


class _Inflater:
    """Inflate a zlib stream piece by piece, counting output without keeping it."""

    def __init__(self, limit: int, depth: int = 0) -> None:
        self.d = zlib.decompressobj()
        self.limit = limit
        self.total = 0
        self.inner: _Inflater | None = None
        self.depth = depth
        self.first = True

    def feed(self, data: bytes) -> None:
        while data:
            out = self.d.decompress(data, _CHUNK)
            data = self.d.unconsumed_tail
            self.total += len(out)
            if self.total > self.limit:
                raise _TooBig(self.total)
            if self.first and out:
                self.first = False
                if self.depth < 2 and out[:2] in _ZLIB_HEADS:
                    self.inner = _Inflater(self.limit, self.depth + 1)
            if self.inner is not None and out:
                try:
                    self.inner.feed(out)
                except zlib.error:
                    self.inner = None  # looked like zlib, was not: only the outer layer counts
            if self.d.eof or not out:
                return


class _TooBig(Exception):
    def __init__(self, total: int) -> None:
        super().__init__(total)
        self.total = total


def _stream_starts(f: BinaryIO) -> Iterator[int]:
    """Offsets just after each ``stream`` keyword and its end-of-line, reading ``f`` in chunks.

    The same offsets as ``_STREAM_RE.finditer`` over the whole file, without holding it: a
    match is taken once some byte follows it (so "stream\\r" then "\\n" in the next chunk
    is read as CRLF), and the last bytes of a chunk are searched again with the next.
    """
    f.seek(0)
    buf, base, taken = b"", 0, 0  # base: file offset of buf[0]; taken: end of the last match
    while True:
        chunk = f.read(_SCAN)
        eof = not chunk
        buf += chunk
        for m in _STREAM_RE.finditer(buf, max(0, taken - base)):
            if m.end() >= len(buf) and not eof:
                break  # its end of line may go on in the next chunk
            taken = base + m.end()
            yield taken
        if eof:
            return
        keep = max(len(buf) - 8, taken - base, 0)  # "stream\r\n" is 8 bytes
        buf, base = buf[keep:], base + keep


def check_streams(path: str | os.PathLike[str], max_stream_mb: float) -> None:
    """Raise ``decompression_bomb`` if a Flate stream of ``path`` inflates beyond the bound.

    Costs one pass of zlib over the file's compressed streams (a few ms per MB), done
    before pdfium would inflate them without any limit. The file is read in chunks, never
    held whole: its size is the file's, the memory a few chunks.
    """
    limit = int(max_stream_mb * 1024 * 1024)
    with open(path, "rb") as f, open(path, "rb") as g:
        if b"%PDF-" not in f.read(1024):
            return
        for start in _stream_starts(f):
            g.seek(start)
            data = g.read(_CHUNK)
            if data[:2] not in _ZLIB_HEADS:
                continue
            inflater = _Inflater(limit)
            try:
                while data and not inflater.d.eof:
                    inflater.feed(data)
                    data = g.read(_CHUNK)
            except _TooBig as exc:
                raise PipelineError(
                    ErrorCode.DECOMPRESSION_BOMB,
                    f"a compressed stream at byte {start} inflates beyond max_stream_mb={max_stream_mb:g} "
                    f"(> {exc.total / 2**20:.0f} MiB): refused before reading") from None
            except zlib.error:
                continue  # corrupt stream: pdfium decides what to do with it


def set_memory_limit(max_memory_mb: int) -> None:
    """Cap this process's address space (and its children's) at ``max_memory_mb``."""
    if max_memory_mb <= 0:
        return
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    want = max_memory_mb * 1024 * 1024
    if hard != resource.RLIM_INFINITY:
        want = min(want, hard)
    resource.setrlimit(resource.RLIMIT_AS, (want, hard))


def failed_result(path: str, doc_id: str | None, code: ErrorCode, message: str, stage: str = "worker"):
    """A failed DocumentResult carrying one errors row (``timeout``, ``memory_limit``…)."""
    from pipeline.runner.process import _failed

    issues = IssueLog()
    issues.error(stage, code, message)
    return _failed(doc_id, path, issues, time.perf_counter())


def _signature(path: str) -> tuple[int, int, int, int] | None:
    """What tells that a file was replaced or rewritten: device, inode, size, mtime."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


def bounded_process(path: str, doc_id: str | None, options: Options):  # -> DocumentResult
    """The per-document function of every executor: size bound, content hash, stream guard,
    then the pipeline.

    Runs in a worker (process pool or Dask); MemoryError becomes ``memory_limit``. The size
    comes from the file system before any byte is read (``too_large``); the content is hashed
    here, by the process that reads it, so the rows are always those of the bytes under
    their ``doc_id`` (a file replaced after the driver hashed it is read under its new hash);
    a file that changes while it is read gives ``file_changed``, retried by the next run.
    """
    from pipeline.read.load import file_sha256
    from pipeline.runner.process import process_document

    os.environ["OMP_THREAD_LIMIT"] = "1"
    before = _signature(path)
    try:
        if before is not None and Path(path).is_file():
            if before[2] > options.max_file_mb * 1024 * 1024:
                return failed_result(path, None, ErrorCode.TOO_LARGE,
                                     f"file of {before[2] / 2**20:.0f} MiB exceeds max_file_mb="
                                     f"{options.max_file_mb:g}: refused before reading", "load")
            doc_id = file_sha256(path)
            check_streams(path, options.max_stream_mb)
    except PipelineError as exc:
        return failed_result(path, doc_id, exc.code, exc.message, "load")
    except OSError:
        pass  # unreadable: process_document says why
    try:
        result = process_document(path, options, doc_id=doc_id)
    except MemoryError:
        return failed_result(path, doc_id, ErrorCode.MEMORY_LIMIT,
                             f"the document needs more than max_memory_mb={options.max_memory_mb} MiB")
    except FileNotFoundError as exc:
        return failed_result(path, None, ErrorCode.FILE_NOT_FOUND, f"the file vanished while it was read: {exc}")
    if before is not None and _signature(path) != before:
        return failed_result(path, None, ErrorCode.FILE_CHANGED,
                             "the file was replaced or rewritten while it was read: its rows are not "
                             "kept; the next run reads it again")
    return result


# ---------------------------------------------------------------------------
# A pool of worker processes that can lose one worker without losing the batch
# ---------------------------------------------------------------------------

def _worker_main(conn: Connection, max_memory_mb: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the driver's to handle
    os.environ["OMP_THREAD_LIMIT"] = "1"
    import pipeline.runner.process  # noqa: F401 - imported before the cap: imports map big libraries

    set_memory_limit(max_memory_mb)
    while True:
        try:
            task = conn.recv()
        except EOFError:
            return
        if task is None:
            return
        key, path, doc_id, options = task
        try:
            result = bounded_process(path, doc_id, options)
        except MemoryError:
            result = failed_result(path, doc_id, ErrorCode.MEMORY_LIMIT,
                                   f"the document needs more than max_memory_mb={max_memory_mb} MiB")
        try:
            conn.send((key, result))
        except (BrokenPipeError, ConnectionResetError, EOFError):
            return  # the driver is gone (stopped, killed): nobody to tell


def _kill_children(pid: int) -> None:
    """Kill the processes a worker started (Tesseract): they outlive a killed worker."""
    import psutil

    try:
        children = psutil.Process(pid).children(recursive=True)
    except psutil.Error:
        return
    for child in children:
        try:
            child.kill()
        except psutil.Error:
            pass


@dataclass
class _Worker:
    proc: Any
    conn: Connection
    task: tuple | None = None
    deadline: float = 0.0


class BoundedPool:
    """``jobs`` long-lived worker processes; one document at a time each, under the bounds.

    A worker past its deadline is killed and replaced; one that dies (segfault, abort,
    OOM killer) is replaced too; either way its document gets a failed result.
    """

    def __init__(self, jobs: int, options: Options) -> None:
        self.jobs = max(1, jobs)
        self.options = options
        self.ctx = mp.get_context("forkserver")
        self.ctx.set_forkserver_preload(["pipeline.runner.process", "pipeline.runner.bounds", "pipeline.runner.warm"])
        self.workers: list[_Worker] = []

    def _spawn(self) -> _Worker:
        parent, child = self.ctx.Pipe()
        proc = self.ctx.Process(target=_worker_main, args=(child, self.options.max_memory_mb), daemon=True)
        proc.start()
        child.close()
        return _Worker(proc, parent)

    def _retire(self, w: _Worker, kill: bool) -> None:
        if kill and w.proc.is_alive():
            _kill_children(w.proc.pid)  # Tesseract, which would run to the end of its page
            w.proc.kill()
        w.proc.join(5)
        w.conn.close()
        self.workers.remove(w)

    def map(self, todo: list[tuple[str, str | None]]) -> Iterator:
        """Yield one DocumentResult per ``(path, doc_id)``, in completion order."""
        pending = list(enumerate(todo))[::-1]
        timeout = self.options.doc_timeout
        try:
            while pending or any(w.task for w in self.workers):
                while pending and (len(self.workers) < self.jobs or any(w.task is None for w in self.workers)):
                    idle = next((w for w in self.workers if w.task is None), None) or self._spawn()
                    if idle not in self.workers:
                        self.workers.append(idle)
                    key, (path, doc_id) = pending.pop()
                    idle.task = (key, str(path), doc_id)
                    idle.deadline = time.monotonic() + timeout if timeout > 0 else float("inf")
                    idle.conn.send((key, str(path), doc_id, self.options))
                busy = [w for w in self.workers if w.task]
                wait_for = min(w.deadline for w in busy) - time.monotonic()
                ready = wait([w.conn for w in busy] + [w.proc.sentinel for w in busy],
                             timeout=max(0.0, min(wait_for, 3600.0)))
                now = time.monotonic()
                for w in busy:
                    _, path, doc_id = w.task
                    if w.conn in ready:
                        try:
                            _, result = w.conn.recv()
                        except (EOFError, OSError):
                            result = self._crashed(w, path, doc_id)
                            self._retire(w, kill=True)
                            yield result
                            continue
                        w.task = None
                        yield result
                    elif w.proc.sentinel in ready:
                        result = self._crashed(w, path, doc_id)
                        self._retire(w, kill=True)
                        yield result
                    elif now >= w.deadline:
                        self._retire(w, kill=True)
                        yield failed_result(path, doc_id, ErrorCode.TIMEOUT,
                                            f"not done after doc_timeout={timeout:g} s: worker stopped")
        finally:
            self.close()

    def _crashed(self, w: _Worker, path: str, doc_id: str | None):
        w.proc.join(5)
        code = w.proc.exitcode
        how = f"signal {-code}" if code is not None and code < 0 else f"exit code {code}"
        return failed_result(path, doc_id, ErrorCode.WORKER_CRASHED,
                             f"the worker died ({how}) on this document; a library crash, or "
                             f"the memory bound max_memory_mb={self.options.max_memory_mb} reached")

    def close(self) -> None:
        for w in list(self.workers):
            try:
                if w.task is None and w.proc.is_alive():
                    w.conn.send(None)
            except OSError:
                pass
            self._retire(w, kill=w.task is not None)
