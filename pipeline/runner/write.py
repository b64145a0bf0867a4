"""Rows → Parquet datasets, one folder per table (``OUT/<table>/*.parquet``).

Each document's rows go to files of their own (``part-<doc_id>.parquet`` in every
table that has rows for it), written to a temporary name and renamed, so that no reader
ever sees half a file and a rerun overwrites rather than duplicates. A manifest
(``OUT/_manifest.jsonl``, one JSON line per finished document: doc_id, pipeline version,
status, source) is appended only after all of a document's files are in place: a run
killed at any point is resumed by running it again.
"""

from __future__ import annotations

import dataclasses
import json
import os
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.version import PIPELINE_VERSION
from schemas import TABLES

MANIFEST = "_manifest.jsonl"


def rows_to_table(name: str, rows: list[Any]) -> pa.Table:
    """Rows of table ``name`` as an Arrow table with the schema of :mod:`schemas.tables`."""
    schema = TABLES[name]
    return pa.Table.from_pylist([dataclasses.asdict(r) for r in rows], schema=schema)


def _atomic_write(table: pa.Table, path: Path) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    pq.write_table(table, tmp, compression="zstd")
    os.replace(tmp, path)


class TableWriter:
    """Writes documents' rows under ``out_dir`` and keeps the manifest."""

    def __init__(self, out_dir: str | os.PathLike[str]) -> None:
        self.out = Path(out_dir)
        self.out.mkdir(parents=True, exist_ok=True)
        for name in TABLES:
            (self.out / name).mkdir(exist_ok=True)
            for stale in (self.out / name).glob(".part-*.tmp"):
                stale.unlink(missing_ok=True)  # left by a killed run (readers never saw it)
        self._done = self._read_manifest()

    def _read_manifest(self) -> dict[str, dict[str, Any]]:
        done: dict[str, dict[str, Any]] = {}
        path = self.out / MANIFEST
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                try:
                    entry = json.loads(line)
                except json.JSONDecodeError:
                    continue  # a line cut by a kill: that document is redone
                if entry.get("pipeline_version") == PIPELINE_VERSION:
                    done[entry["doc_id"]] = entry
        return done

    def is_done(self, doc_id: str) -> bool:
        return doc_id in self._done

    def write_document(self, result: Any) -> None:
        """Write every table's rows of one DocumentResult, then record it as done."""
        key = result.doc_id or _path_key(result.source_path)
        for name in TABLES:
            path = self.out / name / f"part-{key}.parquet"
            rows = result.tables.get(name, [])
            if rows:
                _atomic_write(rows_to_table(name, rows), path)
            elif path.exists():
                path.unlink()  # --force on a document that no longer has such rows
        if result.doc_id:
            entry = {"doc_id": result.doc_id, "pipeline_version": PIPELINE_VERSION,
                     "status": result.status, "source_path": result.source_path}
            with open(self.out / MANIFEST, "a", encoding="utf-8") as f:
                f.write(json.dumps(entry, ensure_ascii=False) + "\n")
                f.flush()
                os.fsync(f.fileno())
            self._done[result.doc_id] = entry

    def finish(self) -> None:
        """Give every table at least one (empty) file, so readers always find its schema."""
        for name, schema in TABLES.items():
            folder = self.out / name
            parts = [p for p in folder.glob("part-*.parquet") if p.name != "part-empty.parquet"]
            empty = folder / "part-empty.parquet"
            if parts and empty.exists():
                empty.unlink()
            elif not parts and not empty.exists():
                _atomic_write(schema.empty_table(), empty)


def _path_key(source: str) -> str:
    import hashlib

    return "path-" + hashlib.sha256(source.encode("utf-8", "surrogateescape")).hexdigest()[:32]


def read_table(out_dir: str | os.PathLike[str], name: str) -> pa.Table:
    """Read table ``name`` of a run back (all its parts) with its schema."""
    import pyarrow.dataset as ds

    return ds.dataset(Path(out_dir) / name, format="parquet", schema=TABLES[name]).to_table()
