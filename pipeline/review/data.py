"""What the review app shows of a run: documents and acts with what needs a look, an act's
values with where they are printed, a page's words and image.

Read from the run's tables only (``OUT/<table>/``), and from the PDFs the run read — each
checked against its ``doc_id`` (the sha256 of its bytes) before a page of it is rendered,
so that no other file can ever be served. Page images are rendered by pypdfium2 on demand
and kept under ``OUT/review-cache/``.
"""

from __future__ import annotations

import os
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.review import corrections as corr
from schemas import NATURAL_KEYS
from schemas.tables import ACT_FIELD_COLUMNS

CACHE = "review-cache"
DOC_ID_RE = re.compile(r"^[0-9a-f]{64}$")
ACT_ID_RE = re.compile(r"^[0-9a-f]{8,64}$")

#: Below this mean OCR confidence (0-100) a page needs a look.
LOW_CONFIDENCE = 80.0

#: SCDL Délibérations columns the documents themselves should give, with the acts column
#: they come from (the collectivité's SIRET is the publisher's, given by a mapping file).
SCDL_FROM_ACTS = {"COLL_NOM": "authority", "DELIB_ID": "act_number", "DELIB_DATE": "session_date",
                  "DELIB_MATIERE_CODE": "matiere_code", "DELIB_MATIERE_NOM": "matiere_name",
                  "DELIB_OBJET": "title"}

#: Per table, the columns shown for a row (the first is its value, the rest its context).
SHOWN: dict[str, tuple[str, ...]] = {
    "attendance": ("printed", "status", "proxy_holder", "full_name", "voting_rights", "recused"),
    "votes": ("count", "position", "persons", "groups"),
    "legal_references": ("text", "kind", "number", "date", "articles"),
    "articles": ("text", "number"),
    "amounts": ("raw", "amount", "qualifier", "context"),
    "budget_lines": ("amount", "label", "column", "measure", "operation_code", "imputation", "is_total"),
    "grants": ("amount", "beneficiary", "beneficiary_siret", "purpose", "year"),
    "grant_terms": ("beneficiary", "source", "beneficiary_siret", "convention_date", "period_start",
                    "period_end", "payment_terms", "payment_start", "payment_end", "de_minimis"),
}
TABLE_ORDER = ("attendance", "votes", "legal_references", "articles", "amounts", "budget_lines", "grants",
               "grant_terms")


def text_of(value: Any) -> str:
    """A value as the page shows it: null as empty, lists joined."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return "; ".join(text_of(v) for v in value)
    return str(corr.jsonable(value))


@dataclass
class Value:
    """One value shown for review, with its row's name and where it is printed."""

    table: str
    key: dict[str, Any]
    occurrence: int
    column: str | None  # the column it stands for (acts: the header column)
    label: str
    value: str
    page: int | None
    boxes: list[dict[str, Any]]
    context: list[tuple[str, str]] = field(default_factory=list)
    columns: tuple[str, ...] = ()  # columns a reviewer may correct
    correction: dict[str, Any] | None = None  # the last correction of it
    values: dict[str, str] = field(default_factory=dict)  # current text of each correctable column

    def as_json(self) -> dict[str, Any]:
        return {"vid": self.vid, "ref": self.ref, "table": self.table, "column": self.column, "columns": list(self.columns),
                "value": self.value, "values": self.values, "page": self.page,
                "boxes": [dict(b) for b in self.boxes]}

    @property
    def ref(self) -> str:
        return corr.row_ref(self.table, self.key, self.occurrence)

    @property
    def vid(self) -> str:
        """The value's name on the page: its row's ref, and its column for an act's values."""
        return f"{self.ref}|{self.column}" if self.table == "acts" else self.ref


class Run:
    """A run's tables, read once and again when the run changes (``_manifest.jsonl``)."""

    def __init__(self, out_dir: str | os.PathLike[str], documents_dir: str | os.PathLike[str] | None = None,
                 low_confidence: float = LOW_CONFIDENCE) -> None:
        self.out = Path(out_dir).resolve()
        self.documents_dir = Path(documents_dir).resolve() if documents_dir else None
        self.low_confidence = low_confidence
        self._lock = threading.Lock()
        self._stamp: float | None = None
        self._tables: dict[str, list[dict[str, Any]]] = {}
        self._verified: dict[str, Path | None] = {}

    # -- tables ------------------------------------------------------------------------
    def _fresh(self) -> None:
        manifest = self.out / "_manifest.jsonl"
        stamp = manifest.stat().st_mtime if manifest.exists() else 0.0
        if stamp != self._stamp:
            self._tables.clear()
            self._verified.clear()
            self._stamp = stamp

    def table(self, name: str) -> list[dict[str, Any]]:
        with self._lock:
            self._fresh()
            if name not in self._tables:
                self._tables[name] = corr.read_rows(self.out, name)
            return self._tables[name]

    def corrections(self) -> list[corr.Correction]:
        return corr.load(self.out)

    # -- lists -------------------------------------------------------------------------
    def page_confidence(self) -> dict[tuple[str, int], float | None]:
        return {(p["doc_id"], p["page"]): p["ocr_confidence"] for p in self.table("pages")}

    def documents(self) -> list[dict[str, Any]]:
        conf = self.page_confidence()
        failed = self._failed_checks()
        acts_of: dict[str, int] = {}
        for a in self.table("acts"):
            acts_of[a["doc_id"]] = acts_of.get(a["doc_id"], 0) + 1
        out = []
        for d in sorted(self.table("documents"), key=lambda d: d["source_path"]):
            confs = [c for (doc, _), c in conf.items() if doc == d["doc_id"] and c is not None]
            out.append({**d, "name": Path(d["source_path"]).name, "acts": acts_of.get(d["doc_id"], 0),
                        "min_confidence": min(confs) if confs else None,
                        "failed_checks": sum(n for (doc, _), n in failed.items() if doc == d["doc_id"])})
        return out

    def _failed_checks(self) -> dict[tuple[str, str], int]:
        out: dict[tuple[str, str], int] = {}
        for q in self.table("quality"):
            if not q["passed"]:
                out[(q["doc_id"], q["act_id"])] = out.get((q["doc_id"], q["act_id"]), 0) + 1
        return out

    def acts(self, needs: str | None = None, doc_id: str | None = None) -> list[dict[str, Any]]:
        """Acts with what needs a look: ``failed`` checks, ``low`` OCR confidence on their
        pages, ``scdl`` required columns empty; ``needs`` keeps only those (``any``: one of them)."""
        conf = self.page_confidence()
        failed = self._failed_checks()
        names = {d["doc_id"]: Path(d["source_path"]).name for d in self.table("documents")}
        applied, _ = corr.apply("acts", self.table("acts"), self.corrections())
        by_id = {a["act_id"]: a for a in applied}
        n_corr: dict[str, int] = {}
        for c in self.corrections():
            act = c.key.get("act_id")
            n_corr[act] = n_corr.get(act, 0) + 1
        out = []
        for a in sorted(self.table("acts"), key=lambda a: (names.get(a["doc_id"], ""), a["act_index"])):
            if doc_id and a["doc_id"] != doc_id:
                continue
            confs = [conf.get((a["doc_id"], p)) for p in range(a["page_start"], a["page_end"] + 1)]
            confs = [c for c in confs if c is not None]
            low = min(confs) if confs else None
            corrected = by_id.get(a["act_id"], a)
            empty = [col for col, src in SCDL_FROM_ACTS.items() if corrected.get(src) in (None, "")]
            flags = {"failed": failed.get((a["doc_id"], a["act_id"]), 0),
                     "low": low is not None and low < self.low_confidence,
                     "scdl": empty}
            if needs == "failed" and not flags["failed"] or needs == "low" and not flags["low"] \
                    or needs == "scdl" and not flags["scdl"] \
                    or needs == "any" and not (flags["failed"] or flags["low"] or flags["scdl"]):
                continue
            out.append({**corrected, "document": names.get(a["doc_id"], ""), "min_confidence": low,
                        "flags": flags, "corrections": n_corr.get(a["act_id"], 0)})
        return out

    # -- one act -----------------------------------------------------------------------
    def act(self, act_id: str) -> dict[str, Any] | None:
        act = next((a for a in self.table("acts") if a["act_id"] == act_id), None)
        if act is None:
            return None
        last = corr.effective(self.corrections())
        doc = next((d for d in self.table("documents") if d["doc_id"] == act["doc_id"]), {})
        fields = {f["column"]: f for f in self.table("act_fields") if f["act_id"] == act_id}
        header: list[Value] = []
        for col in ACT_FIELD_COLUMNS + ("matiere_code", "matiere_name"):
            f = fields.get(col, {})
            key = {"act_id": act_id}
            header.append(Value("acts", key, 0, col, col, text_of(act.get(col)), f.get("page"),
                                f.get("boxes") or [], [], (col,), _last(last, "acts", key, 0, col),
                                {col: text_of(act.get(col))}))
        rows: dict[str, list[Value]] = {}
        for table in TABLE_ORDER:
            mine = [r for r in self.table(table) if r["act_id"] == act_id]
            shown = SHOWN[table]
            for key, n, r in corr.keyed(table, mine):
                main = shown[0]
                cs = [c for col in corr.CORRECTABLE[table] if (c := _last(last, table, key, n, col))]
                whole = _last(last, table, key, n, None)
                rows.setdefault(table, []).append(Value(
                    table, key, n, main, main, text_of(r.get(main)), r.get("page"), r.get("boxes") or [],
                    [(c, text_of(r.get(c))) for c in shown[1:] if r.get(c) not in (None, "", [], False)
                     or c == "status"],
                    corr.CORRECTABLE[table], whole or (cs[-1] if cs else None),
                    {c: text_of(r.get(c)) for c in corr.CORRECTABLE[table]}))
        pages = [p for p in self.table("pages") if p["doc_id"] == act["doc_id"]]
        checks = [q for q in self.table("quality") if q["act_id"] == act_id]
        return {"act": act, "document": doc, "header": header, "rows": rows, "checks": checks,
                "pages": sorted(pages, key=lambda p: p["page"]),
                "name": Path(doc.get("source_path", "")).name}

    def find_row(self, table: str, key: dict[str, Any], occurrence: int) -> dict[str, Any] | None:
        if table not in NATURAL_KEYS:
            return None
        for k, n, r in corr.keyed(table, self.table(table)):
            if k == key and n == occurrence:
                return r
        return None

    def resolve(self, ref: str) -> tuple[str, dict[str, Any], int] | None:
        """The (table, key, occurrence) of a row's :func:`corrections.row_ref`."""
        table = ref.split(":", 1)[0]
        if table not in NATURAL_KEYS:
            return None
        for k, n, _ in corr.keyed(table, self.table(table)):
            if corr.row_ref(table, k, n) == ref:
                return table, k, n
        return None

    # -- pages -------------------------------------------------------------------------
    def words(self, doc_id: str, page: int) -> list[dict[str, Any]]:
        """The words of one page as read (its document's own part of the words table)."""
        if not DOC_ID_RE.match(doc_id):
            return []
        import pyarrow.parquet as pq

        part = self.out / "words" / f"part-{doc_id}.parquet"
        if not part.is_file():
            return []
        rows = pq.read_table(part, filters=[("page", "=", page)]).to_pylist()
        return sorted(rows, key=lambda w: w["word_index"])

    def page_row(self, doc_id: str, page: int) -> dict[str, Any] | None:
        return next((p for p in self.table("pages") if p["doc_id"] == doc_id and p["page"] == page), None)

    def source(self, doc_id: str) -> Path | None:
        """The PDF of ``doc_id`` as the run read it, when it is still there with the same bytes."""
        if not DOC_ID_RE.match(doc_id):
            return None
        with self._lock:
            if doc_id in self._verified:
                return self._verified[doc_id]
        doc = next((d for d in self.table("documents") if d["doc_id"] == doc_id), None)
        found = None
        if doc is not None:
            from pipeline.read.load import file_sha256

            given = Path(doc["source_path"])
            candidates = [given, self.out.parent / given]
            if self.documents_dir is not None:
                candidates.insert(0, self.documents_dir / given.name)
            for c in candidates:
                try:
                    if c.is_file() and c.suffix.lower() == ".pdf" and file_sha256(c) == doc_id:
                        found = c.resolve()
                        break
                except OSError:
                    continue
        with self._lock:
            self._verified[doc_id] = found
        return found

    def page_image(self, doc_id: str, page: int, scale: float = 2.0) -> Path | None:
        """PNG of ``page`` of document ``doc_id`` (rendered once, kept under OUT/review-cache)."""
        row = self.page_row(doc_id, page)
        src = self.source(doc_id) if row else None
        if src is None:
            return None
        target = self.out / CACHE / doc_id / f"{page}@{scale:g}.png"
        if target.exists():
            return target
        import pypdfium2 as pdfium

        target.parent.mkdir(parents=True, exist_ok=True)
        pdf = pdfium.PdfDocument(str(src))
        try:
            image = pdf[page - 1].render(scale=scale).to_pil()
        finally:
            pdf.close()
        tmp = target.with_name(f".{target.name}.{os.getpid()}.{threading.get_ident()}.tmp")
        image.save(tmp, format="PNG")
        os.replace(tmp, target)
        return target


def _last(last: dict[tuple[str, str, str | None], corr.Correction], table: str, key: dict[str, Any],
          occurrence: int, column: str | None) -> dict[str, Any] | None:
    c = last.get((table, corr.key_text(table, key, occurrence), column))
    if c is None:
        return None
    return {"action": c.action, "value": c.value, "note": c.note, "time": c.time, "column": c.column}
