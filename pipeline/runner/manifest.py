"""The manifest of an output folder (``OUT/_manifest.jsonl``) and its lock (``OUT/.delib.lock``).

One JSON line per event, appended and synced; the last line of a key wins:

* a document written: ``{"key", "doc_id", "pipeline_version", "status", "retry", "paths",
  "source_path"}`` — ``key`` names its Parquet parts (``part-<key>.parquet``: the content's
  SHA-256, or ``path-…`` for an input that has no content to hash: a folder named
  ``x.pdf``, a file over the size bound); ``paths`` are the input paths that hold it;
  ``retry`` is true when it met a transient cause (:data:`pipeline.errors.TRANSIENT`);
* a document's paths changed without reading it again: the same line, new ``paths``;
* a document removed (no input path holds it any more): ``{"key", "removed": true}``.

A line cut by a kill is skipped when read (that document is redone), and the next line
starts on a line of its own. Lines of the manifest of earlier versions (no ``key``, one
``source_path``) are read as a document keyed by its ``doc_id``. Paths are JSON with
``\\u`` escapes, so a file name that is not UTF-8 comes back as the same path.

The lock is an exclusive ``flock`` held for the whole run: a second run on the same
folder stops at once with the first one's pid; the kernel releases it however the first
one ends (SIGKILL included).
"""

from __future__ import annotations

import fcntl
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

MANIFEST = "_manifest.jsonl"
LOCK = ".delib.lock"


class OutputError(Exception):
    """The output folder cannot be used (not a folder, read-only, full disk): one line for
    the user, and the run stops with nothing half-written."""


class OutputLocked(OutputError):
    """Another run holds the output folder."""


@dataclass
class Entry:
    """What the manifest says of one document (one key)."""

    key: str
    doc_id: str | None
    pipeline_version: str
    status: str
    retry: bool = False
    paths: list[str] = field(default_factory=list)

    def line(self) -> dict[str, Any]:
        return {"key": self.key, "doc_id": self.doc_id, "pipeline_version": self.pipeline_version,
                "status": self.status, "retry": self.retry, "paths": self.paths,
                "source_path": self.paths[0] if self.paths else None}


def _entry(line: dict[str, Any]) -> Entry | None:
    key = line.get("key") or line.get("doc_id")
    if not key:
        return None
    paths = line.get("paths")
    if paths is None:
        paths = [line["source_path"]] if line.get("source_path") else []
    return Entry(key, line.get("doc_id"), line.get("pipeline_version", ""), line.get("status", ""),
                 bool(line.get("retry")), list(paths))


class Manifest:
    """The entries of ``OUT/_manifest.jsonl`` by key, and appending to it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.entries: dict[str, Entry] = {}
        self._torn = False
        if not path.exists():
            return
        raw = path.read_bytes()
        self._torn = bool(raw) and not raw.endswith(b"\n")
        for text in raw.decode("utf-8", "replace").splitlines():
            try:
                line = json.loads(text)
            except json.JSONDecodeError:
                continue  # a line cut by a kill: that document is redone
            if not isinstance(line, dict):
                continue
            key = line.get("key") or line.get("doc_id")
            if line.get("removed"):
                self.entries.pop(key, None)
                continue
            entry = _entry(line)
            if entry is not None:
                self.entries[entry.key] = entry

    def _append(self, line: dict[str, Any]) -> None:
        data = json.dumps(line, ensure_ascii=True) + "\n"
        with open(self.path, "a", encoding="ascii") as f:
            if self._torn:  # the last line was cut by a kill: start on a line of our own
                f.write("\n")
                self._torn = False
            f.write(data)
            f.flush()
            os.fsync(f.fileno())

    def record(self, entry: Entry) -> None:
        self._append(entry.line())
        self.entries[entry.key] = entry

    def remove(self, key: str) -> None:
        self._append({"key": key, "removed": True})
        self.entries.pop(key, None)


class Lock:
    """An exclusive lock on an output folder, held until :meth:`release`."""

    def __init__(self, out: Path) -> None:
        self.path = out / LOCK
        self._fd: int | None = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(self._fd, 32, 0).decode("ascii", "replace").strip() or "?"
            os.close(self._fd)
            self._fd = None
            raise OutputLocked(f"{out} is being written by another delib run (pid {holder}); "
                               "wait for it to end, or stop it and run again") from None
        os.ftruncate(self._fd, 0)
        os.pwrite(self._fd, f"{os.getpid()}\n".encode(), 0)

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the descriptor releases the flock
            self._fd = None
