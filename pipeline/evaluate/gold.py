"""Accuracy against gold answer sheets: precision, recall and F1 per table and per field.

A gold file (``<stem>.gold.json``, format in ``../shared/corpus/README.md``) lists what a
careful reader finds in one PDF. Rows of a table are aligned to the gold rows of the same
act by content (the pairing that agrees on most fields), then every field is counted. Acts
are paired first, in order, by :func:`_match_acts` (a missed act costs its own rows, not its
neighbours'):

* true positive: the value extracted equals the gold value;
* false positive: a value was extracted and it is wrong (or gold has none);
* false negative: gold has a value and we extracted none or a wrong one.

So a wrong value costs both precision and recall, a null only recall. Unmatched rows
count all their values. Reference-only fields (order numbers, pages of cells, ``raw``)
are not scored. Born-digital and scanned files are reported apart.
"""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from collections import defaultdict
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Iterator

import pyarrow.dataset as ds

from schemas import TABLES

#: Tables scored, in report order.
SCORED_TABLES = ("acts", "attendance", "legal_references", "articles", "votes",
                 "budget_lines", "amounts", "grants")

#: Gold fields given for reference only (corpus README: "match rows by content").
REFERENCE_ONLY: dict[str, set[str]] = {
    "acts": set(),
    "attendance": {"position"},
    "legal_references": {"position"},
    "articles": {"page"},
    "votes": set(),
    "budget_lines": {"page", "table_index", "row_index"},
    "amounts": {"page", "raw"},
    "grants": set(),
}

_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "“": '"', "”": '"', "\u00a0": " ", "\u202f": " "})


def normalise(value: Any) -> Any:
    """Comparable form of a value: None for nulls and empty lists, canonical text/numbers."""
    if value is None:
        return None
    if isinstance(value, (list, tuple)):
        items = sorted(n for n in (normalise(v) for v in value) if n is not None)
        return tuple(items) if items else None
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, Decimal, float)):
        return Decimal(str(value)).normalize()
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    text = unicodedata.normalize("NFC", str(value)).translate(_QUOTES)
    text = " ".join(text.split())
    if not text:
        return None
    return text


def _as_number(text: str) -> Any:
    try:
        return Decimal(text).normalize()
    except InvalidOperation:
        return text


def _gold_value(table: str, field: str, value: Any) -> Any:
    if table in ("budget_lines", "amounts", "grants") and field == "amount" and isinstance(value, str):
        return _as_number(value)
    return normalise(value)


class Counts:
    __slots__ = ("tp", "fp", "fn")

    def __init__(self) -> None:
        self.tp = self.fp = self.fn = 0

    def add(self, gold: Any, pred: Any) -> None:
        if gold is None and pred is None:
            return
        if gold is not None and pred == gold:
            self.tp += 1
            return
        if pred is not None:
            self.fp += 1
        if gold is not None:
            self.fn += 1

    def scores(self) -> dict[str, float | int]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


def _align(gold: list[dict], pred: list[dict], fields: list[str]) -> list[tuple[dict | None, dict | None]]:
    """Pair gold and predicted rows greedily by the number of fields they agree on."""
    pairs = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            agree = sum(1 for f in fields if g[f] is not None and g[f] == p.get(f))
            if agree:
                pairs.append((agree, -abs(i - j), i, j))
    pairs.sort(reverse=True)
    used_g: set[int] = set()
    used_p: set[int] = set()
    out: list[tuple[dict | None, dict | None]] = []
    for _, _, i, j in pairs:
        if i in used_g or j in used_p:
            continue
        used_g.add(i)
        used_p.add(j)
        out.append((gold[i], pred[j]))
    out += [(g, None) for i, g in enumerate(gold) if i not in used_g]
    out += [(None, p) for j, p in enumerate(pred) if j not in used_p]
    return out


#: Columns of ``acts`` that tell one act from another (the others — authority, body, session
#: date, president — are shared by every act of a meeting's minutes).
_ACT_KEYS = ("act_number", "title", "page_start", "page_end")


def _match_acts(gold: list[dict], pred: list[dict], fields: list[str]) -> dict[int, int]:
    """Predicted ``act_index`` → gold ``act_index``: the order-preserving pairing of the two
    lists of acts that agrees on most fields (a sequence alignment, as of two texts).

    An act missed or split by the segmentation then costs its own fields and rows only, not
    those of every act after it; when the segmentation is exact the pairing is the identity.
    Two acts are paired only when they agree on a column that tells acts apart (number,
    title, pages), or sit at the same index."""
    g = sorted(gold, key=lambda r: r["act_index"])
    p = sorted(pred, key=lambda r: r["act_index"])

    def score(a: dict, b: dict) -> float:
        agree = sum(1 for f in fields if a.get(f) is not None and a.get(f) == b.get(f))
        keyed = sum(1 for f in _ACT_KEYS if f in fields and a.get(f) is not None and a.get(f) == b.get(f))
        same_place = a["act_index"] == b["act_index"]
        if not keyed and not same_place:
            return -1.0  # never paired
        return agree + 2 * keyed + (0.5 if same_place else 0.0)

    n, m = len(g), len(p)
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            s = score(g[i], p[j])
            pair = best[i + 1][j + 1] + s if s >= 0 else float("-inf")
            best[i][j] = max(pair, best[i + 1][j], best[i][j + 1])
    out: dict[int, int] = {}
    i = j = 0
    while i < n and j < m:
        s = score(g[i], p[j])
        if s >= 0 and best[i][j] == best[i + 1][j + 1] + s:
            out[p[j]["act_index"]] = g[i]["act_index"]
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            i += 1
        else:
            j += 1
    return out


def _read(out_dir: Path, table: str, doc_id: str, corrected: dict[str, list[dict]] | None = None) -> list[dict]:
    if corrected is not None:
        if table not in corrected:
            from pipeline.review.corrections import corrected_rows

            corrected[table] = corrected_rows(out_dir, table)[0]
        return [r for r in corrected[table] if r["doc_id"] == doc_id]
    folder = out_dir / table
    if not folder.exists():
        return []
    dataset = ds.dataset(folder, format="parquet", schema=TABLES[table])
    return dataset.to_table(filter=ds.field("doc_id") == doc_id).to_pylist()


def documents_by_name(out_dir: Path) -> dict[str, dict]:
    rows = ds.dataset(out_dir / "documents", format="parquet", schema=TABLES["documents"]).to_table().to_pylist()
    return {Path(r["source_path"]).name: r for r in rows}


Tally = dict[str, dict[str, Counts]]  # table → field → counts


#: A gold row and the predicted row paired with it (None: a row missed, or one extra), the
#: table, the gold act index they belong to and the fields compared.
Pair = tuple[str, int, dict[str, Any] | None, dict[str, Any] | None, list[str]]


def _pairs(out_dir: Path, docs: dict[str, dict], gold: dict,
           cache: dict[str, list[dict]] | None = None) -> Iterator[Pair]:
    """The rows of one answer sheet paired with the run's rows for its file, table by table
    (acts paired by :func:`_match_acts`, rows within an act by :func:`_align`); ``cache``:
    the corrected tables, when scoring them (see :func:`_read`)."""
    doc = docs.get(gold["file"])
    doc_id = doc["doc_id"] if doc else None
    acts = _read(out_dir, "acts", doc_id, cache) if doc_id else []
    gold_acts = gold["tables"].get("acts", [])
    act_fields = sorted({k for r in gold_acts for k in r} - {"act_index"})
    matched = _match_acts([{f: _gold_value("acts", f, r.get(f)) for f in act_fields} | {"act_index": r["act_index"]}
                           for r in gold_acts],
                          [{f: normalise(a.get(f)) for f in act_fields} | {"act_index": a["act_index"]} for a in acts],
                          act_fields)
    # each predicted act scored against the gold act it is paired with; an act left unpaired
    # gets an index of its own (its rows count as extra)
    if "acts" not in gold["tables"]:
        # a sheet without acts (one table annotated alone) names acts by their place only
        matched = {a["act_index"]: a["act_index"] for a in acts}
    index_of = {a["act_id"]: matched.get(a["act_index"], -1 - a["act_index"]) for a in acts}
    for table in SCORED_TABLES:
        gold_rows = gold["tables"].get(table, [])
        if not gold_rows and table not in gold["tables"]:
            continue
        fields = sorted({k for r in gold_rows for k in r} - {"act_index"} - REFERENCE_ONLY[table]) or \
            [f.name for f in TABLES[table] if f.name not in ("act_id", "doc_id")]
        pred_rows = acts if table == "acts" else (_read(out_dir, table, doc_id, cache) if doc_id else [])
        by_act_g: dict[int, list[dict]] = defaultdict(list)
        by_act_p: dict[int, list[dict]] = defaultdict(list)
        for r in gold_rows:
            by_act_g[r["act_index"]].append({f: _gold_value(table, f, r.get(f)) for f in fields})
        for r in pred_rows:
            idx = index_of.get(r["act_id"], -10**6)
            by_act_p[idx].append({f: normalise(r.get(f)) for f in fields})
        for idx in sorted(set(by_act_g) | set(by_act_p)):
            for g, p in _align(by_act_g.get(idx, []), by_act_p.get(idx, []), fields):
                yield table, idx, g, p, fields


def _score_file(out_dir: Path, docs: dict[str, dict], gold: dict,
                cache: dict[str, list[dict]] | None = None) -> Tally:
    """Counts per table and field of one answer sheet against the run's rows for its file
    (``cache``: the corrected tables, when scoring them, see :func:`_read`)."""
    counts: Tally = defaultdict(lambda: defaultdict(Counts))
    for table, _, g, p, fields in _pairs(out_dir, docs, gold, cache):
        for f in fields:
            counts[table][f].add(g.get(f) if g else None, p.get(f) if p else None)
    return counts


def differences(out_dir: str | Path, gold_dir: str | Path, table: str, only: set[str] | None = None,
                corrected: bool = False) -> list[dict[str, Any]]:
    """Where the run and the answer sheets disagree on ``table``, row by row: a row missed
    (``"missed"``, the gold row), one extra (``"extra"``, the predicted row) or one whose
    fields differ (``"differs"``, each such field as ``[gold, predicted]``), with the file
    and the sheet's act index (negative: a predicted act the sheet has not)::

        [{"file": "…pdf", "act_index": 3, "kind": "differs",
          "fields": {"title": ["Vote du budget", "Vote du budget primitif"]}}, …]

    What the per-field figures count, readable: the misses to look at first."""
    if table not in SCORED_TABLES:
        raise ValueError(f"{table!r} is not a scored table ({', '.join(SCORED_TABLES)})")
    out_dir, gold_dir = Path(out_dir), Path(gold_dir)
    cache: dict[str, list[dict]] | None = {} if corrected else None
    docs = documents_by_name(out_dir)
    out: list[dict[str, Any]] = []
    for gold in _sheets(gold_dir, only):
        for t, idx, g, p, fields in _pairs(out_dir, docs, gold, cache):
            if t != table:
                continue
            if g is None or p is None:
                row = g if p is None else p
                out.append({"file": gold["file"], "act_index": idx, "kind": "missed" if p is None else "extra",
                            "fields": {f: _plain(row.get(f)) for f in fields if row.get(f) is not None}})
                continue
            diff = {f: [_plain(g.get(f)), _plain(p.get(f))] for f in fields if g.get(f) != p.get(f)}
            if diff:
                out.append({"file": gold["file"], "act_index": idx, "kind": "differs", "fields": diff})
    return out


def _plain(value: Any) -> Any:
    """A compared value as JSON can hold it (decimals as text, as the contract prints them)."""
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value == value.to_integral_value() else str(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def format_differences(rows: list[dict[str, Any]]) -> str:
    """The differences of :func:`differences`, one line each."""
    lines = []
    for r in rows:
        head = f"{r['file']}  act {r['act_index']}  {r['kind']}:"
        if r["kind"] == "differs":
            body = "; ".join(f"{f}: gold {g!r}, run {p!r}" for f, (g, p) in r["fields"].items())
        else:
            body = ", ".join(f"{f}={v!r}" for f, v in r["fields"].items())
        lines.append(f"{head} {body}")
    return "\n".join(lines) if lines else "no difference"


def _sheets(gold_dir: Path, only: set[str] | None) -> list[dict]:
    sheets = []
    for gold_path in sorted(gold_dir.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        if only is None or gold["file"] in only:
            sheets.append(gold)
    return sheets


def _table_total(fields: dict[str, Counts]) -> Counts:
    total = Counts()
    for c in fields.values():
        total.tp += c.tp
        total.fp += c.fp
        total.fn += c.fn
    return total


def evaluate(out_dir: str | Path, gold_dir: str | Path, only: set[str] | None = None,
             corrected: bool = False) -> dict[str, Any]:
    """Scores of the tables in ``out_dir`` against every ``*.gold.json`` of ``gold_dir``
    (only those whose ``file`` is in ``only``, when given); ``corrected``: of the tables with
    the reviewer's corrections applied (:mod:`pipeline.review.corrections`)."""
    out_dir, gold_dir = Path(out_dir), Path(gold_dir)
    cache: dict[str, list[dict]] | None = {} if corrected else None
    docs = documents_by_name(out_dir)
    counts: dict[str, dict[str, dict[str, Counts]]] = defaultdict(lambda: defaultdict(lambda: defaultdict(Counts)))
    files: dict[str, list[str]] = defaultdict(list)
    missing: list[str] = []
    for gold in _sheets(gold_dir, only):
        kind = "scanned" if gold.get("scanned") else "born_digital"
        if gold["file"] not in docs:
            missing.append(gold["file"])
        files[kind].append(gold["file"])
        for table, per_field in _score_file(out_dir, docs, gold, cache).items():
            for f, c in per_field.items():
                into = counts[kind][table][f]
                into.tp += c.tp
                into.fp += c.fp
                into.fn += c.fn
    report: dict[str, Any] = {"files": dict(files), "missing": missing, "scores": {}}
    for kind, tables in counts.items():
        report["scores"][kind] = {}
        for table in SCORED_TABLES:
            if table not in tables:
                continue
            per_field = {f: c.scores() for f, c in sorted(tables[table].items())}
            report["scores"][kind][table] = {"total": _table_total(tables[table]).scores(), "fields": per_field}
    return report


def evaluate_per_file(out_dir: str | Path, gold_dir: str | Path, only: set[str] | None = None,
                      corrected: bool = False) -> list[dict[str, Any]]:
    """Per answer sheet: the file, born-digital or scanned, whether the run holds it, and
    P/R/F1 per table (its fields pooled), in file order::

        [{"file": "commune-aiglun-2013-10-17-cm-cr-scan.pdf", "kind": "scanned", "found": True,
          "tables": {"acts": {"precision": 0.93, "recall": 0.9, "f1": 0.91, …}, …}}, …]
    """
    out_dir, gold_dir = Path(out_dir), Path(gold_dir)
    cache: dict[str, list[dict]] | None = {} if corrected else None
    docs = documents_by_name(out_dir)
    out = []
    for gold in _sheets(gold_dir, only):
        counts = _score_file(out_dir, docs, gold, cache)
        out.append({"file": gold["file"], "kind": "scanned" if gold.get("scanned") else "born_digital",
                    "found": gold["file"] in docs,
                    "tables": {t: _table_total(counts[t]).scores() for t in SCORED_TABLES if t in counts}})
    return out


def format_per_file(rows: list[dict[str, Any]]) -> str:
    """The F1 per table of each file, born-digital files first ("—": nothing to score, the
    sheet has no such table, or neither it nor the run has a row)."""
    short = {"acts": "acts", "attendance": "attend", "legal_references": "visas", "articles": "artic",
             "votes": "votes", "budget_lines": "budget", "amounts": "amount", "grants": "grants"}
    width = max([len(r["file"]) for r in rows] + [4])
    lines = [f"{'file':{width}}  {'kind':7}" + "".join(f"{short[t]:>8}" for t in SCORED_TABLES)]
    for kind in ("born_digital", "scanned"):
        for r in rows:
            if r["kind"] != kind:
                continue
            cells = "".join(f"{r['tables'][t]['f1']:>8.3f}" if t in r["tables"] else f"{'—':>8}"
                            for t in SCORED_TABLES)
            note = "" if r["found"] else "  (not in OUT)"
            lines.append(f"{r['file']:{width}}  {'scan' if kind == 'scanned' else 'born':7}{cells}{note}")
    return "\n".join(lines)


def format_report(report: dict[str, Any], per_field: bool = True) -> str:
    """The figures as a plain-text table (born-digital and scanned side by side)."""
    kinds = [k for k in ("born_digital", "scanned") if k in report["scores"]]
    lines = []
    for k in kinds:
        lines.append(f"{k}: {len(report['files'].get(k, []))} files")
    if report["missing"]:
        lines.append(f"not found in OUT: {', '.join(report['missing'])}")
    head = f"{'table / field':34}" + "".join(f"{k[:12]:>26}" for k in kinds)
    lines += [head, f"{'':34}" + "".join(f"{'P':>9}{'R':>8}{'F1':>9}" for _ in kinds), "-" * len(head)]
    tables = [t for t in SCORED_TABLES if any(t in report["scores"][k] for k in kinds)]
    for t in tables:
        def cell(k: str, f: str | None) -> str:
            s = report["scores"][k].get(t)
            if not s:
                return f"{'':>26}"
            v = s["total"] if f is None else s["fields"].get(f)
            if not v:
                return f"{'':>26}"
            return f"{v['precision']:>9.3f}{v['recall']:>8.3f}{v['f1']:>9.3f}"

        lines.append(f"{t:34}" + "".join(cell(k, None) for k in kinds))
        if per_field:
            fields = sorted({f for k in kinds for f in report["scores"][k].get(t, {}).get("fields", {})})
            for f in fields:
                lines.append(f"  {f:32}" + "".join(cell(k, f) for k in kinds))
    return "\n".join(lines)
