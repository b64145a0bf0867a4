"""One file → rows of every table (:func:`process_document`).

``process_document`` is pure apart from reading the file: load → furniture → segment →
extractors (in :data:`extractors.PIPELINE` order) → rows. Every problem becomes an
``errors`` row; the status is ``ok`` (no error), ``partial`` (rows, and errors) or
``failed`` (the file could not be read). ``strict=True`` re-raises instead.
"""

from __future__ import annotations

import dataclasses
import os
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.errors import ErrorCode, IssueLog, PipelineError
from pipeline.read.furniture import detect_furniture
from pipeline.read.load import file_sha256, load_document
from pipeline.model import Act, Document, TextSource
from pipeline.options import Options
from pipeline.segment import segment_document
from pipeline.runner.locate import ActLocator, locate_act_field, locate_rows
from pipeline.runner.provenance import WordIndex, act_field_rows, place_all, word_rows
from pipeline.version import PIPELINE_VERSION
from schemas import PROVENANCE_TABLES, ROW_TYPES
from schemas.tables import ACT_FIELD_COLUMNS
from schemas.rows import ActRow, DocumentRow, ErrorRow, PageRow, SectionRow

_TABLE_OF = {cls: name for name, cls in ROW_TYPES.items()}


@dataclass
class DocumentResult:
    """Everything extracted from one file, rows by table name."""

    doc_id: str | None
    source_path: str
    status: str
    tables: dict[str, list[Any]] = field(default_factory=dict)
    n_pages: int = 0
    n_ocr_pages: int = 0
    n_acts: int = 0
    seconds: float = 0.0

    def rows(self, table: str) -> list[Any]:
        return self.tables.get(table, [])


def _error_rows(doc_id: str | None, source: str, issues: IssueLog) -> list[ErrorRow]:
    return [ErrorRow(doc_id, source, i.stage, str(i.severity), str(i.code), i.message, i.page)
            for i in issues.issues]


def _act_row(act: Act, fields: dict[str, Any]) -> ActRow:
    return ActRow(act_id=act.act_id, doc_id=act.doc.doc_id, act_index=act.act_index,
                  page_start=act.page_start, page_end=act.page_end,
                  char_start=act.span.start, char_end=act.span.end, **fields)


def _section_rows(act: Act) -> list[SectionRow]:
    return [SectionRow(act.act_id, act.doc.doc_id, i, str(s.kind), s.label, s.page_start, s.page_end,
                       s.span.start, s.span.end, s.shared)
            for i, s in enumerate(act.sections)]


def _page_rows(doc: Document) -> list[PageRow]:
    return [PageRow(doc.doc_id, p.page_no, str(p.source),
                    round(p.ocr_confidence, 2) if p.ocr_confidence is not None else None,
                    doc.text[p.start:p.end], p.start, p.end, p.width, p.height, p.rotation,
                    p.skew, len(p.words)) for p in doc.pages]


def extract_acts(doc: Document, issues: IssueLog, *, strict: bool = False) -> dict[str, list[Any]]:
    """Segment ``doc`` and run every extractor on every act; rows by table."""
    # imported here: extractors import pipeline's modules, so pipeline cannot import them first
    from extractors import ActFields, Found, load_pipeline

    tables: dict[str, list[Any]] = {"acts": [], "sections": []}
    acts = segment_document(doc)
    if not acts:
        issues.warn("segment", ErrorCode.NO_ACT_FOUND, "no deliberation found in the document")
    specs = load_pipeline()
    previous: list[Found] = []
    index = WordIndex(doc)
    regions: dict[str, dict[Any, Any]] = {}  # the document's spans as read by the locator, shared by its acts
    for act in acts:
        found = Found(previous=list(previous))
        for spec in specs:
            try:
                out = list(spec.func(act, found, issues))
            except PipelineError as exc:
                if strict:
                    raise
                issues.error(spec.name, exc.code, exc.message, exc.page or act.page_start)
                continue
            except MemoryError:
                raise  # the document is over its memory bound: the worker says so
            except Exception as exc:  # noqa: BLE001 - one extractor must not sink the act
                if strict:
                    raise
                where = traceback.extract_tb(exc.__traceback__)[-1]
                issues.error(spec.name, ErrorCode.EXTRACTOR_CRASHED,
                             f"act {act.act_index}: {type(exc).__name__}: {exc} "
                             f"({Path(where.filename).name}:{where.lineno})", act.page_start)
                continue
            for row in out:
                if isinstance(row, ActFields):
                    clash = set(row.values) & set(found.act_fields)
                    if clash:
                        raise ValueError(f"extractor {spec.name} sets acts columns already set: {sorted(clash)}")
                    found.act_fields.update(row.values)
                    found.act_spans.update(row.spans)
                else:
                    found.rows.setdefault(_TABLE_OF[type(row)], []).append(row)
        tables["acts"].append(_act_row(act, found.act_fields))
        tables["sections"].extend(_section_rows(act))
        for name, rows in _with_provenance(act, found, index, regions).items():
            tables.setdefault(name, []).extend(rows)
        previous.append(found)
    return tables


def _with_provenance(act: Act, found: Any, index: WordIndex,
                     regions: dict[str, dict[Any, Any]] | None = None) -> dict[str, list[Any]]:
    """The act's rows by table with their provenance filled (:mod:`.provenance`): rows the
    extractors gave offsets keep them, the others are placed by :mod:`.locate` where their
    value is found as printed; the ``act_fields`` rows of the act's header values too."""
    loc = ActLocator(act, index, regions)
    out: dict[str, list[Any]] = {}
    for name, rows in found.rows.items():
        if name in PROVENANCE_TABLES:
            rows = place_all(locate_rows(loc, name, rows), index)
        out[name] = rows
    spans = dict(found.act_spans)
    for col in ACT_FIELD_COLUMNS:
        value = found.act_fields.get(col)
        if value is not None and col not in spans:
            span = locate_act_field(loc, col, value, spans, found.act_fields)
            if span is not None:
                spans[col] = (span.start, span.end)
    out["act_fields"] = place_all(act_field_rows(act.act_id, act.doc.doc_id, found.act_fields, spans,
                                                 ACT_FIELD_COLUMNS), index)
    return out


def process_document(path: str | os.PathLike[str], options: Options | None = None,
                     *, doc_id: str | None = None) -> DocumentResult:
    """Read one file and extract every table's rows. Never raises unless ``options.strict``."""
    options = options or Options()
    t0 = time.perf_counter()
    source = str(path)
    issues = IssueLog()
    try:
        doc_id = doc_id or (file_sha256(path) if Path(path).is_file() else None)
    except OSError:
        doc_id = None
    try:
        doc = load_document(path, options, issues, doc_id=doc_id)
    except PipelineError as exc:
        if options.strict:
            raise
        issues.error(exc.stage, exc.code, exc.message, exc.page)
        return _failed(doc_id, source, issues, t0)
    except MemoryError:
        raise  # the worker's bound says "memory_limit" (pipeline.runner.bounds), not "unreadable"
    except Exception as exc:  # noqa: BLE001 - a library crash on a hostile file
        if options.strict:
            raise
        issues.error("load", ErrorCode.PDF_UNREADABLE, f"{type(exc).__name__}: {exc}")
        return _failed(doc_id, source, issues, t0)
    doc = dataclasses.replace(doc, furniture=detect_furniture(doc))
    tables = extract_acts(doc, issues, strict=options.strict)
    n_ocr = sum(1 for p in doc.pages if p.source is TextSource.OCR)
    status = "partial" if issues.has_errors else "ok"
    tables["pages"] = _page_rows(doc)
    tables["words"] = word_rows(doc)
    tables["errors"] = _error_rows(doc.doc_id, source, issues)
    size = Path(path).stat().st_size
    tables["documents"] = [DocumentRow(doc.doc_id, source, doc.n_pages, n_ocr, status, PIPELINE_VERSION,
                                       size, len(tables["acts"]), len(issues))]
    return DocumentResult(doc.doc_id, source, status, tables, doc.n_pages, n_ocr, len(tables["acts"]),
                          time.perf_counter() - t0)


def _failed(doc_id: str | None, source: str, issues: IssueLog, t0: float) -> DocumentResult:
    try:
        size = Path(source).stat().st_size if Path(source).is_file() else None
    except OSError:
        size = None
    tables: dict[str, list[Any]] = {"errors": _error_rows(doc_id, source, issues)}
    if doc_id:
        tables["documents"] = [DocumentRow(doc_id, source, None, None, "failed", PIPELINE_VERSION,
                                           size, 0, len(issues))]
    return DocumentResult(doc_id, source, "failed", tables, seconds=time.perf_counter() - t0)
