"""SQL over a run's tables with DuckDB: each ``OUT/<table>/`` is a view named after the table.

    delib query out/ "SELECT body, count(*) AS acts FROM acts GROUP BY body"

    body                   acts
    ---------------------  ----
    commission_permanente     2
    conseil_municipal         1

The SQL runs in a sandbox, with DuckDB's own settings, set before the query and locked:

* ``enable_external_access = false``: no file is read or written by path (``read_csv``,
  ``read_text``, ``glob``, ``COPY … TO``), no database attached, no extension loaded
  from disk; ``allowed_directories`` and ``allowed_paths`` are left empty, since DuckDB
  lets SQL *write* where it may read (``COPY acts TO 'out/acts/part-x.parquet'`` would
  add rows to the run). The tables are handed to DuckDB as Arrow datasets that pyarrow
  reads (``OUT/<table>/*.parquet``, never a glob: a folder named ``out[1]`` works), so the
  views need no file access of DuckDB's;
* ``autoinstall_known_extensions`` and ``autoload_known_extensions`` off: ``INSTALL`` and
  an extension a function needs are refused, nothing goes to the network;
* ``lock_configuration = true``: no ``SET`` gives any of it back.

The database is in memory: ``CREATE TABLE`` lives as long as the query, nothing is kept.
"""

from __future__ import annotations

import os
from pathlib import Path
from decimal import Decimal
from typing import Any

from schemas import TABLES


#: DuckDB settings of the sandbox, in the order they are set (``lock_configuration`` last).
SANDBOX = (
    ("autoinstall_known_extensions", False),
    ("autoload_known_extensions", False),
    ("allow_community_extensions", False),
    ("enable_external_access", False),
    ("lock_configuration", True),
)


def connect(out_dir: str | os.PathLike[str]) -> Any:
    """An in-memory DuckDB connection with one view per table found under ``out_dir``,
    sandboxed (:data:`SANDBOX`): SQL sees the views and nothing else."""
    import duckdb
    import pyarrow.dataset as ds

    con = duckdb.connect(":memory:")
    for name, schema in TABLES.items():
        folder = Path(out_dir) / name
        parts = sorted(str(p) for p in folder.glob("*.parquet")) if folder.is_dir() else []
        if parts:
            # files listed by pyarrow, never a glob pattern of DuckDB's: "out[1]" is a name
            con.register(name, ds.dataset(parts, format="parquet", schema=schema))
    for setting, value in SANDBOX:
        con.execute(f"SET {setting} = {str(value).lower()}")
    return con


def query(out_dir: str | os.PathLike[str], sql: str) -> tuple[list[str], list[tuple[Any, ...]]]:
    """Column names and rows of ``sql`` run over the tables of ``out_dir``."""
    con = connect(out_dir)
    try:
        cursor = con.execute(sql)
        columns = [d[0] for d in cursor.description] if cursor.description else []
        return columns, cursor.fetchall()
    finally:
        con.close()


def format_table(columns: list[str], rows: list[tuple[Any, ...]], max_width: int = 60) -> str:
    """A plain text table: numbers right-aligned, nulls empty, long cells cut with "…"."""
    def cell(v: Any) -> str:
        s = "" if v is None else " ".join(str(v).split())
        return s if len(s) <= max_width else s[:max_width - 1] + "…"

    cells = [[cell(v) for v in row] for row in rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    numeric = [all(isinstance(row[i], (int, float, Decimal)) or row[i] is None for row in rows) and bool(rows)
               for i in range(len(columns))]
    fmt = lambda vals: "  ".join(v.rjust(w) if n else v.ljust(w)  # noqa: E731
                                 for v, w, n in zip(vals, widths, numeric)).rstrip()
    lines = [fmt(columns), "  ".join("-" * w for w in widths)]
    lines += [fmt(r) for r in cells]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines)
