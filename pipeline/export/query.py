"""SQL over a run's tables with DuckDB: each ``OUT/<table>/`` is a view named after the table.

    delib query out/ "SELECT body, count(*) AS acts FROM acts GROUP BY body"

    body                   acts
    ---------------------  ----
    commission_permanente     2
    conseil_municipal         1
"""

from __future__ import annotations

import os
from pathlib import Path
from decimal import Decimal
from typing import Any

from schemas import TABLES


def connect(out_dir: str | os.PathLike[str]) -> Any:
    """An in-memory DuckDB connection with one view per table found under ``out_dir``."""
    import duckdb

    con = duckdb.connect(":memory:")
    for name in TABLES:
        folder = Path(out_dir) / name
        if folder.is_dir() and any(folder.glob("*.parquet")):
            pattern = str(folder / "*.parquet").replace("'", "''")
            con.execute(f"CREATE VIEW \"{name}\" AS SELECT * FROM read_parquet('{pattern}', union_by_name=true)")
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
