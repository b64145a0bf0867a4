"""A run's tables as the linker reads and rewrites them: part by part, atomically.

The linker works after the writer (:mod:`pipeline.runner.write`): every document has its
own part file in each table (``OUT/<table>/part-<doc_id>.parquet``). It reads them all,
and rewrites those whose linked columns change; the tables it owns alone (``persons``,
``organizations``, ``memberships``, ``beneficiaries``, and its own ``quality`` rows) are one
part each, ``part-link.parquet``. Every file is written to a temporary name beside it,
flushed to disk (fsync) and renamed over the old one, so a reader or a killed run never
sees half a file; a part written by an older pipeline, without the linked columns, is read
with them null.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Iterator

import pyarrow as pa
import pyarrow.parquet as pq

from schemas import TABLES
from schemas.rows import row_dict

#: The part the linker writes in the tables it owns.
LINK_PART = "part-link.parquet"


def parts(out_dir: Path, table: str) -> list[Path]:
    """The part files of ``table`` written for documents, sorted (never the linker's own)."""
    folder = out_dir / table
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("part-*.parquet") if p.name not in (LINK_PART, "part-empty.parquet"))


def read_part(path: Path, table: str) -> pa.Table:
    """One part with the table's current schema: columns it lacks are added, null."""
    schema = TABLES[table]
    got = pq.read_table(path)
    columns = []
    for field in schema:
        if field.name in got.column_names:
            columns.append(got.column(field.name).cast(field.type))
        else:
            columns.append(pa.nulls(got.num_rows, field.type))
    return pa.Table.from_arrays(columns, schema=schema)


def iter_rows(out_dir: Path, table: str) -> Iterator[tuple[Path, list[dict[str, Any]]]]:
    """Each part of ``table`` with its rows as dicts, in file order."""
    for path in parts(out_dir, table):
        yield path, read_part(path, table).to_pylist()


def write_atomic(table: pa.Table, path: Path) -> None:
    """Write ``table`` to ``path``: temporary file, fsync, rename over the old file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.link.tmp")
    try:
        pq.write_table(table, tmp, compression="zstd")
        with open(tmp, "rb") as f:
            os.fsync(f.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    try:  # the rename itself made durable
        fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError:
        pass


def rewrite_part(path: Path, table: str, rows: list[dict[str, Any]]) -> None:
    """Rewrite one document's part of ``table`` with ``rows`` (same rows, linked columns filled)."""
    write_atomic(pa.Table.from_pylist(rows, schema=TABLES[table]), path)


def write_owned(out_dir: Path, table: str, rows: list[Any]) -> None:
    """Write the linker's own part of ``table`` (dataclass rows); it carries the table's
    schema even without rows, so the writer's empty part is not needed any more."""
    folder = out_dir / table
    data = [row_dict(r) for r in rows]  # asdict's deep copy of every value is not needed
    write_atomic(pa.Table.from_pylist(data, schema=TABLES[table]), folder / LINK_PART)
    (folder / "part-empty.parquet").unlink(missing_ok=True)
