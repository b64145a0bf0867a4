"""A reviewer's corrections of a run, kept beside its tables and applied when read.

A correction says of one value of one row: it is right (``confirm``), it is wrong
(``wrong``: the value becomes null — a wrong value is worse than none), or what it should
be (``set``, with the value typed as the column's type); with no column, ``wrong`` says
the whole row should not be there. Each is one JSON line of
``OUT/corrections/corrections.jsonl``, appended, never rewritten, with its time and the
reviewer's note::

    {"id": "5f0c…", "time": "2026-12-02T10:14:03+00:00", "table": "acts",
     "key": {"act_id": "c6b4f9402d575ed2cbd3ae70"}, "occurrence": 0, "column": "title",
     "action": "set", "value": "Budget principal 2022 - Décision modificative n°3",
     "was": "Budget principal 2022", "note": "title cut at the line end"}

The extracted tables are never written over: :func:`corrected_rows` reads a table and
applies the corrections in memory (``delib export scdl`` and ``delib eval --corrected`` do).
A row is named by its table's natural key (``schemas.NATURAL_KEYS``: the act's stable
``act_id`` and the row's content, e.g. a budget line's table, row and column), never by a
file position, so a correction survives a rerun of ``delib extract``: it applies as long as
the rerun extracts that row again, and is reported as matching no row otherwise. The last
correction of a value wins. A correction that names no existing row, or a value that is
not of the column's type, is refused when written.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import threading
import uuid
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Iterable

import pyarrow as pa

from schemas import NATURAL_KEYS, TABLES
from schemas.tables import ACT_FIELD_COLUMNS

FOLDER = "corrections"
FILE = "corrections.jsonl"
ACTIONS = ("confirm", "wrong", "set")

#: Columns a reviewer may correct, per table: the values read from the page (not the ids,
#: the positions or the provenance).
_NOT_VALUES = {"act_id", "doc_id", "page", "page_start", "page_end", "char_start", "char_end", "x0", "top",
               "x1", "bottom", "boxes", "act_index", "position", "table_index", "row_index"}
CORRECTABLE: dict[str, tuple[str, ...]] = {
    "acts": ACT_FIELD_COLUMNS + ("matiere_code", "matiere_name"),
    **{t: tuple(f.name for f in TABLES[t] if f.name not in _NOT_VALUES)
       for t in NATURAL_KEYS if t not in ("acts", "act_fields")},
}
# attendance's position is its natural order; a vote's position is its value ("for" …)
CORRECTABLE["votes"] = ("position",) + CORRECTABLE["votes"]


class CorrectionError(ValueError):
    """A correction that cannot be kept: unknown table or column, value of the wrong type."""


class NoSuchRow(LookupError):
    """A correction naming a row the run does not hold."""


def jsonable(value: Any) -> Any:
    """A table value as JSON: dates ISO, decimals as text, lists as lists."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    return value


def row_key(table: str, row: dict[str, Any]) -> dict[str, Any]:
    """The natural key of ``row`` of ``table`` (JSON values)."""
    return {k: jsonable(row.get(k)) for k in NATURAL_KEYS[table]}


def key_text(table: str, key: dict[str, Any], occurrence: int) -> str:
    return json.dumps([table, key, occurrence], sort_keys=True, ensure_ascii=False, default=str)


def row_ref(table: str, key: dict[str, Any], occurrence: int = 0) -> str:
    """A short opaque name of a row for the web page (``table:hash``)."""
    return f"{table}:{hashlib.sha1(key_text(table, key, occurrence).encode()).hexdigest()[:16]}"


def keyed(table: str, rows: Iterable[dict[str, Any]]) -> list[tuple[dict[str, Any], int, dict[str, Any]]]:
    """``(key, occurrence, row)`` of every row: rows alike in their key are numbered in order."""
    seen: dict[str, int] = defaultdict(int)
    out = []
    for row in rows:
        key = row_key(table, row)
        text = key_text(table, key, 0)
        out.append((key, seen[text], row))
        seen[text] += 1
    return out


def parse_value(table: str, column: str, text: Any) -> Any:
    """A value typed by the reviewer → the column's type (Arrow schema); ``CorrectionError``
    when it is not one. Empty text is null."""
    if column not in CORRECTABLE.get(table, ()):
        raise CorrectionError(f"{table}.{column} cannot be corrected")
    type_ = TABLES[table].field(column).type
    if text is None or (isinstance(text, str) and not text.strip()):
        return None
    try:
        if pa.types.is_list(type_):
            items = text if isinstance(text, list) else str(text).split(";")
            return [str(i).strip() for i in items if str(i).strip()]
        s = str(text).strip()
        if pa.types.is_boolean(type_):
            if s.lower() not in ("true", "false", "oui", "non", "1", "0"):
                raise ValueError(s)
            return s.lower() in ("true", "oui", "1")
        if pa.types.is_integer(type_):
            return int(s)
        if pa.types.is_decimal(type_):
            return Decimal(s.replace(" ", "").replace("\u202f", "").replace(",", ".")).quantize(Decimal("0.01"))
        if pa.types.is_date(type_):
            return dt.date.fromisoformat(s)
        if pa.types.is_floating(type_):
            return float(s)
        return " ".join(s.split())
    except (ValueError, InvalidOperation) as exc:
        raise CorrectionError(f"{text!r} is not a value of {table}.{column} ({type_})") from exc


@dataclass(frozen=True)
class Correction:
    table: str
    key: dict[str, Any]
    occurrence: int
    column: str | None  # None: the whole row
    action: str  # confirm | wrong | set
    value: Any = None  # JSON value (for set)
    note: str = ""
    was: Any = None  # the extracted value when the correction was made
    time: str = ""
    id: str = field(default_factory=lambda: uuid.uuid4().hex)

    @property
    def target(self) -> tuple[str, str, str | None]:
        return (self.table, key_text(self.table, self.key, self.occurrence), self.column)


def _path(out_dir: str | os.PathLike[str]) -> Path:
    return Path(out_dir) / FOLDER / FILE


def load(out_dir: str | os.PathLike[str]) -> list[Correction]:
    """Every correction kept for the run, oldest first (a line cut by a kill is skipped)."""
    path = _path(out_dir)
    if not path.exists():
        return []
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            data = json.loads(line)
            out.append(Correction(**data))
        except (json.JSONDecodeError, TypeError):
            continue
    return out


def effective(corrections: Iterable[Correction]) -> dict[tuple[str, str, str | None], Correction]:
    """The last correction of each value (or row)."""
    out: dict[tuple[str, str, str | None], Correction] = {}
    for c in corrections:
        out[c.target] = c
    return out


_LOCK = threading.Lock()


def read_rows(out_dir: str | os.PathLike[str], table: str) -> list[dict[str, Any]]:
    """The rows of a table as extracted (all documents)."""
    from pipeline.runner.write import read_table

    folder = Path(out_dir) / table
    if not folder.is_dir():
        return []
    return read_table(out_dir, table).to_pylist()


def add(out_dir: str | os.PathLike[str], table: str, key: dict[str, Any], column: str | None, action: str,
        value: Any = None, note: str = "", occurrence: int = 0,
        rows: list[dict[str, Any]] | None = None) -> Correction:
    """Check and append one correction. Raises :class:`CorrectionError` (bad table, column,
    action or value) or :class:`NoSuchRow` (no row of the run has that key)."""
    if table not in CORRECTABLE:
        raise CorrectionError(f"no corrections for table {table!r}")
    if action not in ACTIONS:
        raise CorrectionError(f"action must be one of {', '.join(ACTIONS)}")
    if column is None and action != "wrong":
        raise CorrectionError("a whole row can only be marked wrong")
    typed = parse_value(table, column, value) if column is not None and action == "set" else None
    if column is not None and action != "set" and column not in CORRECTABLE[table]:
        raise CorrectionError(f"{table}.{column} cannot be corrected")
    if action == "set" and typed is None:
        raise CorrectionError("a value to set is needed (or mark the value wrong)")
    key = {k: key.get(k) for k in NATURAL_KEYS[table]}
    rows = read_rows(out_dir, table) if rows is None else rows
    match = next((r for k, n, r in keyed(table, rows) if k == key and n == occurrence), None)
    if match is None:
        raise NoSuchRow(f"no row of {table} with {key} (occurrence {occurrence})")
    c = Correction(table, key, occurrence, column, action, jsonable(typed), note.strip(),
                   jsonable(match.get(column)) if column else None,
                   dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"))
    path = _path(out_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    line = json.dumps(asdict(c), ensure_ascii=False, default=str) + "\n"
    with _LOCK:
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            os.write(fd, line.encode("utf-8"))
            os.fsync(fd)
        finally:
            os.close(fd)
    return c


@dataclass
class Applied:
    """What applying the corrections did."""

    set: int = 0
    wrong: int = 0
    confirmed: int = 0
    unmatched: list[Correction] = field(default_factory=list)

    @property
    def applied(self) -> int:
        return self.set + self.wrong + self.confirmed

    def add(self, other: "Applied") -> None:
        self.set += other.set
        self.wrong += other.wrong
        self.confirmed += other.confirmed
        self.unmatched += other.unmatched

    def summary(self) -> str:
        text = (f"corrections: {self.applied} applied ({self.set} values set, {self.wrong} marked wrong, "
                f"{self.confirmed} confirmed)")
        if self.unmatched:
            text += f"; {len(self.unmatched)} match no row of this run (skipped)"
        return text


def _typed(table: str, column: str, value: Any) -> Any:
    return parse_value(table, column, value) if value is not None else None


def apply(table: str, rows: list[dict[str, Any]], corrections: Iterable[Correction]) -> tuple[list[dict[str, Any]], Applied]:
    """``rows`` of ``table`` with the last correction of each of their values applied."""
    last = [c for c in effective(corrections).values() if c.table == table]
    report = Applied()
    if not last:
        return rows, report
    by_row: dict[str, list[Correction]] = defaultdict(list)
    for c in last:
        by_row[key_text(table, c.key, c.occurrence)].append(c)
    out = []
    matched: set[str] = set()
    for key, n, row in keyed(table, rows):
        text = key_text(table, key, n)
        cs = by_row.get(text)
        if not cs:
            out.append(row)
            continue
        matched.add(text)
        row = dict(row)
        dropped = False
        for c in cs:
            if c.action == "confirm":
                report.confirmed += 1
            elif c.column is None:
                dropped = True
                report.wrong += 1
            elif c.action == "wrong":
                row[c.column] = None
                report.wrong += 1
            else:
                row[c.column] = _typed(table, c.column, c.value)
                report.set += 1
        if not dropped:
            out.append(row)
    report.unmatched = [c for text, cs in by_row.items() if text not in matched for c in cs]
    return out, report


def corrected_rows(out_dir: str | os.PathLike[str], table: str,
                   corrections: list[Correction] | None = None) -> tuple[list[dict[str, Any]], Applied]:
    """The rows of ``table`` with the run's corrections applied (in memory)."""
    corrections = load(out_dir) if corrections is None else corrections
    return apply(table, read_rows(out_dir, table), corrections)
