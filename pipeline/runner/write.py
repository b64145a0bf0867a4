"""Rows → Parquet datasets, one folder per table (``OUT/<table>/*.parquet``).

Each document's rows go to files of their own (``part-<key>.parquet`` in every table that
has rows for it, ``key`` its content's SHA-256), validated first (:mod:`.validate`: nothing
of a document is written until every table of it converts), then each written to a
temporary name of this process (``.part-<key>.parquet.<pid>.tmp``), synced to disk and
renamed, so that no reader ever sees half a file and a rerun overwrites rather than
duplicates. A manifest line (:mod:`.manifest`) is appended and synced only after all of a
document's files are in place: a run killed at any point is resumed by running it again.

The writer holds the output folder's lock for the whole run; at start it removes the
temporaries of runs that are dead (never those of a live process). An output that cannot
be written — a path that is a file, a table folder that is a file, a read-only or full
disk — raises :class:`OutputError` with one line for the user; the temporary being
written is removed, so nothing half-written stays.

Paths and contents (:meth:`TableWriter.write_document`): ``documents`` has one row per
input path, the rows of every other table are the content's, once. A content found at
two paths has two ``documents`` rows with the same ``doc_id`` and one set of ``acts``,
``pages`` …; its ``errors`` rows name the first of its paths (in sorted order).
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
from pathlib import Path
from typing import Any, Iterable

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.errors import TRANSIENT
from pipeline.runner.manifest import MANIFEST, Entry, Lock, Manifest, OutputError, OutputLocked
from pipeline.runner.validate import rows_to_table, storable
from pipeline.version import PIPELINE_VERSION
from schemas import TABLES

__all__ = ["MANIFEST", "OutputError", "OutputLocked", "TableWriter", "path_key", "read_table",
           "rows_to_table", "same_path"]


def path_key(source: str) -> str:
    """The key of an input that has no content hash (a folder named ``x.pdf``, a file over the
    size bound): ``path-`` and 32 hex digits of its path's SHA-256."""
    return "path-" + hashlib.sha256(source.encode("utf-8", "surrogateescape")).hexdigest()[:32]


def same_path(path: str) -> str:
    """The form in which two spellings of one input path compare equal (absolute, normalised)."""
    return os.path.abspath(path)


def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return False  # a temporary of this pid predates this process: a dead run's
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _tmp_pid(tmp: Path) -> int | None:
    try:
        return int(tmp.name.rsplit(".", 2)[-2])
    except (ValueError, IndexError):
        return None


def _fsync_path(path: Path, flags: int = os.O_RDONLY) -> None:
    fd = os.open(path, flags)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _atomic_write(table: pa.Table, path: Path) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        pq.write_table(table, tmp, compression="zstd")
        _fsync_path(tmp)  # the data on disk before the name points at it (a power cut)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _why(exc: OSError) -> str:
    return exc.strerror or type(exc).__name__


class TableWriter:
    """Writes documents' rows under ``out_dir``, keeps the manifest, holds the lock.

    Use it as a context manager (``with TableWriter(out) as w:``) or call :meth:`close`.
    """

    def __init__(self, out_dir: str | os.PathLike[str]) -> None:
        self.out = Path(out_dir)
        if self.out.exists() and not self.out.is_dir():
            raise OutputError(f"the output {self.out} is a file, not a folder")
        try:
            self.out.mkdir(parents=True, exist_ok=True)
            self._lock = Lock(self.out)
        except OutputLocked:
            raise
        except OSError as exc:
            raise OutputError(f"cannot write the output folder {self.out}: {_why(exc)}") from None
        try:
            for name in TABLES:
                folder = self.out / name
                if folder.exists() and not folder.is_dir():
                    raise OutputError(f"{folder} is a file, not the folder of table {name}: move it away")
                folder.mkdir(exist_ok=True)
                for stale in folder.glob(".part-*.tmp"):
                    pid = _tmp_pid(stale)
                    if pid is None or not _pid_alive(pid):
                        stale.unlink(missing_ok=True)  # left by a killed run (readers never saw it)
            self.manifest = Manifest(self.out / MANIFEST)
        except OSError as exc:
            self._lock.release()
            raise OutputError(f"cannot use the output folder {self.out}: {_why(exc)}") from None
        except BaseException:
            self._lock.release()
            raise

    def __enter__(self) -> "TableWriter":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._lock.release()

    # ------------------------------------------------------------------ what is done

    def entries(self) -> dict[str, Entry]:
        return dict(self.manifest.entries)

    def is_done(self, key: str, retry_failed: bool = False) -> bool:
        """The document of ``key`` was written by this pipeline version, and needs no retry:
        none of its errors is transient (and, with ``retry_failed``, it is ``ok``)."""
        entry = self.manifest.entries.get(key)
        if entry is None or entry.pipeline_version != PIPELINE_VERSION or entry.retry:
            return False
        return not (retry_failed and entry.status != "ok")

    # ------------------------------------------------------------------ writing

    def _paths(self, key: str, given: Iterable[str]) -> list[str]:
        """``given`` and the paths recorded for ``key``, one spelling each, sorted."""
        seen: dict[str, str] = {}
        entry = self.manifest.entries.get(key)
        for p in list(given) + (entry.paths if entry else []):
            seen.setdefault(same_path(p), p)
        return sorted(seen.values())

    def _write_parts(self, key: str, arrow: dict[str, pa.Table]) -> None:
        touched = set()
        for name in TABLES:
            path = self.out / name / f"part-{key}.parquet"
            try:
                if name in arrow:
                    _atomic_write(arrow[name], path)
                    touched.add(path.parent)
                elif path.exists():
                    path.unlink()  # --force on a document that no longer has such rows
                    touched.add(path.parent)
            except OSError as exc:
                raise OutputError(f"cannot write {path}: {_why(exc)}; the run stopped, "
                                  "rerun the same command to resume") from None
        for folder in touched:
            try:
                _fsync_path(folder)  # the renames themselves, on disk
            except OSError:
                pass  # a file system that cannot sync a folder (some network mounts)

    def _record(self, entry: Entry) -> None:
        try:
            self.manifest.record(entry)
        except OSError as exc:
            raise OutputError(f"cannot write {self.manifest.path}: {_why(exc)}; the run stopped, "
                              "rerun the same command to resume") from None

    def write_document(self, result: Any, paths: Iterable[str] = ()) -> Any:
        """Write every table's rows of one DocumentResult, then record it as done.

        ``paths``: every input path holding this content (the one read included); the
        ``documents`` table gets one row per path. Returns the result as written (its
        status may have become ``partial`` if a value could not be stored).
        """
        key = result.doc_id or path_key(result.source_path)
        all_paths = self._paths(key, [result.source_path, *paths])
        tables = dict(result.tables)
        if tables.get("documents"):
            template = tables["documents"][0]
            tables["documents"] = [dataclasses.replace(template, source_path=p) for p in all_paths]
        if tables.get("errors"):
            tables["errors"] = [dataclasses.replace(e, source_path=all_paths[0]) for e in tables["errors"]]
        final, arrow = storable(dataclasses.replace(result, tables=tables, source_path=all_paths[0]))
        self._write_parts(key, arrow)
        codes = {e.code for e in final.rows("errors")}
        self._record(Entry(key, final.doc_id, PIPELINE_VERSION, final.status,
                           retry=bool(codes & {str(c) for c in TRANSIENT}), paths=all_paths))
        self._claim(key, all_paths)
        return final

    def _claim(self, key: str, paths: list[str]) -> None:
        """A path holds one content: other documents recorded under these paths lose them."""
        mine = {same_path(p) for p in paths}
        for other in list(self.manifest.entries.values()):
            if other.key != key and any(same_path(p) in mine for p in other.paths):
                self.set_paths(other.key, [p for p in other.paths if same_path(p) not in mine])

    def set_paths(self, key: str, paths: list[str]) -> bool:
        """Record that the document of ``key`` is now found at ``paths`` (none: remove it),
        rewriting its ``documents`` and ``errors`` rows without reading it again.

        Returns False when its rows cannot be found (the document must be read again).
        """
        entry = self.manifest.entries.get(key)
        if entry is None:
            return False
        paths = sorted({same_path(p): p for p in paths}.values())
        if not paths:
            self.remove(key)
            return True
        if paths == sorted(entry.paths):
            return True
        docs_part = self.out / "documents" / f"part-{key}.parquet"
        errors_part = self.out / "errors" / f"part-{key}.parquet"
        try:
            arrow: dict[str, pa.Table] = {}
            if entry.doc_id:
                docs = pq.read_table(docs_part, schema=TABLES["documents"]).to_pylist()
                if not docs:
                    return False
                arrow["documents"] = pa.Table.from_pylist([{**docs[0], "source_path": p} for p in paths],
                                                          schema=TABLES["documents"])
            if errors_part.exists():
                errors = pq.read_table(errors_part, schema=TABLES["errors"]).to_pylist()
                arrow["errors"] = pa.Table.from_pylist([{**e, "source_path": paths[0]} for e in errors],
                                                       schema=TABLES["errors"])
        except (OSError, pa.ArrowException):
            return False
        for name, table in arrow.items():
            try:
                _atomic_write(table, self.out / name / f"part-{key}.parquet")
            except OSError as exc:
                raise OutputError(f"cannot write {self.out / name}: {_why(exc)}") from None
        self._record(dataclasses.replace(entry, paths=paths))
        return True

    def remove(self, key: str) -> None:
        """Delete the rows of the document of ``key`` (no input path holds it any more)."""
        for name in TABLES:
            try:
                (self.out / name / f"part-{key}.parquet").unlink(missing_ok=True)
            except OSError as exc:
                raise OutputError(f"cannot remove from {self.out / name}: {_why(exc)}") from None
        try:
            self.manifest.remove(key)
        except OSError as exc:
            raise OutputError(f"cannot write {self.manifest.path}: {_why(exc)}") from None

    def finish(self) -> None:
        """End of a whole run: remove parts that no manifest entry owns (a document a killed
        run had begun, whose input is gone), and give every table at least one (empty)
        file, so readers always find its schema."""
        live = set(self.manifest.entries)
        try:
            for name, schema in TABLES.items():
                folder = self.out / name
                parts = []
                for p in folder.glob("part-*.parquet"):
                    if p.name == "part-empty.parquet":
                        continue
                    if p.name[len("part-"):-len(".parquet")] not in live:
                        p.unlink()
                    else:
                        parts.append(p)
                empty = folder / "part-empty.parquet"
                if parts and empty.exists():
                    empty.unlink()
                elif not parts and not empty.exists():
                    _atomic_write(schema.empty_table(), empty)
        except OSError as exc:
            raise OutputError(f"cannot finish the output folder {self.out}: {_why(exc)}") from None


def read_table(out_dir: str | os.PathLike[str], name: str) -> pa.Table:
    """Read table ``name`` of a run back (all its parts) with its schema."""
    import pyarrow.dataset as ds

    return ds.dataset(Path(out_dir) / name, format="parquet", schema=TABLES[name]).to_table()
