"""A document's rows made storable before anything of it is written.

Parquet holds what its schema says: ``decimal128(18, 2)`` money (below 10^16 €), ``int32``
counts, UTF-8 text. A document can print what those cannot hold — "100 000 000 000 000 000
euros" in running text, a font map that sends a glyph to a lone surrogate (U+D800), a
file name in latin-1 ("d\\xe9lib\\xe9ration.pdf" read as ``"d\\udce9lib…"``) — and one such
value must not stop the batch nor leave the document half-written. :func:`storable` checks
every table of one document in memory first and repairs what it must:

* a value its column cannot hold becomes a null, or, where the column cannot be null
  (``amounts.amount``), its row is left out; either way an ``errors`` row
  ``value_out_of_range`` (severity error: the document is ``partial``) says which column,
  how many values and the first of them;
* characters UTF-8 cannot hold (lone surrogates, undecodable bytes of a file name) are
  written as U+FFFD, the replacement character, and a ``text_not_utf8`` warning says
  where: the rest of the text (a whole page) is kept rather than nulled for one glyph.

Documents whose rows convert as they are (every ordinary one) are not touched: the check
is Arrow's own conversion, and the repair runs only on a table that fails it.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

import pyarrow as pa

from pipeline.errors import ErrorCode, Severity
from schemas import TABLES
from schemas.rows import ErrorRow, row_dict

_SURROGATE = re.compile("[\ud800-\udfff]")
_CONVERSION_ERRORS = (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError, OverflowError,
                      ValueError, TypeError, UnicodeError)


def storable_text(text: str) -> str:
    """``text`` with every lone surrogate (what UTF-8 cannot hold) replaced by U+FFFD."""
    return _SURROGATE.sub("\ufffd", text)


def rows_to_table(name: str, rows: list[Any]) -> pa.Table:
    """Rows of table ``name`` as an Arrow table with the schema of :mod:`schemas.tables`."""
    return pa.Table.from_pylist([row_dict(r) for r in rows], schema=TABLES[name])


@dataclasses.dataclass
class _Problem:
    table: str
    column: str
    code: ErrorCode
    first: str
    count: int = 0
    dropped: int = 0
    page: int | None = None


def _fits(value: Any, type_: pa.DataType) -> bool:
    try:
        pa.array([value], type=type_)
        return True
    except _CONVERSION_ERRORS:
        return False


def _fix_text(value: Any) -> tuple[Any, bool]:
    if isinstance(value, str) and _SURROGATE.search(value):
        return storable_text(value), True
    if isinstance(value, list) and any(isinstance(v, str) and _SURROGATE.search(v) for v in value):
        return [storable_text(v) if isinstance(v, str) else v for v in value], True
    return value, False


def _repair(name: str, rows: list[Any], problems: dict[tuple[str, str, ErrorCode], _Problem]) -> list[Any]:
    schema = TABLES[name]
    kept = []
    for row in rows:
        values = row_dict(row)
        drop = False
        for f in schema:
            value, repaired = _fix_text(values.get(f.name))
            page = values.get("page", values.get("page_start"))
            if repaired:
                p = problems.setdefault((name, f.name, ErrorCode.TEXT_NOT_UTF8),
                                        _Problem(name, f.name, ErrorCode.TEXT_NOT_UTF8, repr(values[f.name])[:80],
                                                 page=page))
                p.count += 1
            if value is not None and not _fits(value, f.type):
                p = problems.setdefault((name, f.name, ErrorCode.VALUE_OUT_OF_RANGE),
                                        _Problem(name, f.name, ErrorCode.VALUE_OUT_OF_RANGE, str(value)[:80],
                                                 page=page))
                p.count += 1
                if not f.nullable:
                    p.dropped += 1
                    drop = True
                value = None
            values[f.name] = value
        if not drop:
            kept.append(type(row)(**values))
    return kept


def _message(p: _Problem) -> str:
    where = f"{p.table}.{p.column}"
    if p.code is ErrorCode.TEXT_NOT_UTF8:
        return (f"{where}: {p.count} value(s) held characters UTF-8 cannot store (a lone surrogate, "
                f"bytes of another encoding), written as U+FFFD; first: {p.first}")
    what = f"{p.count} value(s) do not fit the column type {TABLES[p.table].field(p.column).type}"
    fate = (f"{p.dropped} row(s) left out (the column cannot be null)" if p.dropped
            else "written as null")
    return f"{where}: {what}, {fate}; first: {p.first}"


def storable(result: Any) -> tuple[Any, dict[str, pa.Table]]:
    """``result`` (a DocumentResult) with rows every table can store, and those tables.

    Never raises for a value: what cannot be stored is repaired or nulled and said in
    ``errors`` rows (see the module's docstring); the status and the ``documents`` rows'
    ``n_errors`` follow.
    """
    problems: dict[tuple[str, str, ErrorCode], _Problem] = {}
    tables: dict[str, list[Any]] = {}
    converted: dict[str, pa.Table] = {}  # the tables whose rows converted as they are, kept
    for name, rows in result.tables.items():
        if name in ("errors", "documents") or not rows:
            tables[name] = rows
            continue
        try:
            converted[name] = rows_to_table(name, rows)
            tables[name] = rows
        except _CONVERSION_ERRORS:
            tables[name] = _repair(name, rows, problems)
    documents = result.tables.get("documents", [])
    if documents:
        try:
            rows_to_table("documents", documents)
        except _CONVERSION_ERRORS:
            documents = _repair("documents", documents, problems)
    errors = list(result.tables.get("errors", []))
    for p in problems.values():
        severity = Severity.WARNING if p.code is ErrorCode.TEXT_NOT_UTF8 else Severity.ERROR
        errors.append(ErrorRow(result.doc_id, errors[0].source_path if errors else
                               (documents[0].source_path if documents else result.source_path),
                               "write", str(severity), str(p.code), _message(p), p.page))
    status = result.status
    if status == "ok" and any(p.code is not ErrorCode.TEXT_NOT_UTF8 for p in problems.values()):
        status = "partial"
    if problems:
        documents = [dataclasses.replace(d, status=status, n_errors=(d.n_errors or 0) + len(problems))
                     for d in documents]
    # errors rows last: the messages and paths written above may hold what UTF-8 cannot
    errors = [dataclasses.replace(e, **{k: storable_text(v) for k, v in dataclasses.asdict(e).items()
                                        if isinstance(v, str) and _SURROGATE.search(v)}) for e in errors]
    tables["documents"] = documents
    tables["errors"] = errors
    final = dataclasses.replace(result, status=status, tables={k: v for k, v in tables.items() if v})
    arrow = {name: converted[name] if name in converted else rows_to_table(name, rows)
             for name, rows in final.tables.items() if name in TABLES}
    return final, arrow
