"""How well a run says where its values come from: coverage and honesty of the provenance.

For every table with provenance columns (``schemas.PROVENANCE_TABLES``), per table:

* ``rows``, ``placed`` (rows with ``char_start``/``char_end``), ``boxed`` (rows with boxes);
* ``wrong_text``: placed rows whose text at the offsets does not hold the row's value as
  printed (:func:`holds`: the name, the visa, the article, the figure, the date …);
* ``wrong_box``: boxed rows whose boxes do not cover the words at their offsets (each such
  word's centre inside a box of its page), or hold a box over none of them.

``python -m pipeline.evaluate.provenance OUT`` prints the table; the tests assert that
nothing is wrong on the dev and real corpora.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections import defaultdict
from decimal import Decimal
from pathlib import Path
from typing import Any, Iterable

import pyarrow.dataset as ds
from rapidfuzz.distance import Levenshtein

from pipeline.model import strip_accents
from pipeline.normalize.dates import find_dates
from pipeline.normalize.frenchnum import parse_french_number
from pipeline.normalize.bodies import body_words
from pipeline.normalize.money import find_amounts, parse_amount
from pipeline.normalize.organisations import authority_name
from pipeline.normalize.textmatch import NEAR_DISTANCE, NEAR_MIN_LENGTH, SKIPPED
from schemas import PROVENANCE_TABLES, TABLES

#: Left out when comparing: what the locator leaves out (``textmatch.SKIPPED``); accents are
#: dropped (an OCR'd title is read with the accents the scan lost).
_SKIP_RE = re.compile(rf"[{SKIPPED}]+")


def _fold(text: str) -> str:
    return strip_accents(_SKIP_RE.sub("", text).replace("’", "'"))


#: A long text (a title, a visa, an article) the reader repaired from OCR holds its value
#: when they differ by at most ``NEAR_DISTANCE`` of their characters (``textmatch``).


#: A text the reader read around something it left out (an article over the table it
#: announces, a page's head between its lines) holds its value in this many pieces at most,
#: each at least :data:`PIECE_MIN_LENGTH` characters long, in order.
MAX_PIECES = 3
PIECE_MIN_LENGTH = 20


def _holds_text(value: str, text: str) -> bool:
    v, t = _fold(value), _fold(text)
    if v in t:
        return True
    if len(v) >= NEAR_MIN_LENGTH and Levenshtein.normalized_distance(v, t) <= NEAR_DISTANCE:
        return True
    return _in_pieces(v, t)


def _in_pieces(v: str, t: str) -> bool:
    """``v`` is ``t`` with at most ``MAX_PIECES - 1`` passages of ``t`` left out."""
    pos, pieces = 0, 0
    while v:
        lo, hi = 0, len(v)  # the longest prefix of v found in t from pos
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if t.find(v[:mid], pos) >= 0:
                lo = mid
            else:
                hi = mid - 1
        if lo < min(PIECE_MIN_LENGTH, len(v)):
            return False
        pos = t.find(v[:lo], pos) + lo
        v = v[lo:]
        pieces += 1
        if pieces > MAX_PIECES:
            return False
    return True


def _has_amount(text: str, value: Decimal | None) -> bool:
    if value is None:
        return False
    if any(a.amount == value for a in find_amounts(text)):
        return True
    if value < 0 and parse_amount(re.sub(r"^\s*[-–−]\s*\t\s*", "-", text)) == value:
        return True  # the sign in a cell of its own: "-⇥2 910,00 €"
    return any(parse_amount(cell) == value for cell in re.split(r"[\t\n]", text) if cell.strip())


def _has_number(text: str, value: int | None) -> bool:
    """``value`` printed in figures, or in words ("ONZE voix CONTRE")."""
    if value is None:
        return False
    return re.search(rf"(?<!\d)0*{int(value)}(?!\d)", text) is not None \
        or parse_french_number(text.strip().lower()) == int(value) \
        or (int(value) == 0 and text.strip() in ("O", "o"))  # OCR's letter for the figure 0


_DATE_COLUMNS = {"session_date", "prefecture_date", "publication_date"}
_NUMBER_COLUMNS = {"members_in_office", "members_present", "members_voting", "votes_for", "votes_against",
                   "votes_abstain", "votes_not_voting"}


def holds(table: str, row: dict[str, Any], text: str) -> bool:
    """Whether ``text`` (the document text at the row's offsets) holds the row's value as
    printed. Text is compared without whitespace, hyphens and case."""
    if table == "attendance":  # the name as the list printed it, or the person's name
        return (bool(row.get("printed")) and _fold(row["printed"]) in _fold(text)) \
            or (bool(row.get("full_name")) and all(_fold(p) in _fold(text) for p in row["full_name"].split()))
    if table in ("legal_references", "articles"):
        return bool(row.get("text")) and _holds_text(row["text"], text)
    if table == "votes":
        return _has_number(text, row.get("count"))
    if table in ("budget_lines", "grants"):
        return _has_amount(text, row.get("amount"))
    if table == "amounts":
        return _fold(row["raw"]) in _fold(text) and _has_amount(text, row.get("amount"))
    if table == "grant_terms":
        return bool(row.get("beneficiary")) and _fold(row["beneficiary"]) in _fold(text)
    if table == "act_fields":
        col, value = row["column"], row["value"]
        if col in _DATE_COLUMNS:
            return any(m.date == dt.date.fromisoformat(value) for m in find_dates(text))
        if col in _NUMBER_COLUMNS:
            return _has_number(text, int(value))
        if col == "unanimous":  # "à l'unanimité", or not unanimous: a vote against or an abstention
            count = re.fullmatch(r"0*[1-9]\d*", text.strip()) is not None \
                or (parse_french_number(text.strip().lower()) or 0) > 0  # "ONZE voix CONTRE"
            return ("unanim" in text.lower() or count) if value == "true" else count
        if col == "body":  # the body's words, in the vocabulary the header reads it from
            words = body_words(value)
            return strip_accents(value.replace("_", " ")) in strip_accents(" ".join(text.split())) \
                or (words is not None and words.search(" ".join(text.split())) is not None)
        if col == "authority":  # as styled, or its name on a line styled another way
            name = authority_name(value)
            return _fold(value) in _fold(text) or (name is not None and _fold(name) in _fold(text))
        if col == "outcome":  # "adopté", the deciding formula or proclamation it was read
            # from, or the count of the majority that decided it ("11 voix POUR", "ONZE … CONTRE")
            if re.fullmatch(r"\d+", text.strip()) or parse_french_number(text.strip().lower()) is not None:
                return True
            if value == "adopted":
                return re.search(r"adopt|unanim|d[ée]lib[ée]r|d[ée]cide|approuv|proclam", text, re.I) is not None
            return {"rejected": "rejet"}.get(value, value) in text.lower()
        if col in ("president", "secretary"):
            # two secretaries are joined "A, B" whatever the page prints between them
            return all(_fold(part) in _fold(text) for part in re.split(r"[\s,]+", value) if part)
        if col == "title":
            return _holds_text(value, text)
        return _fold(value) in _fold(text)
    raise ValueError(f"no provenance check for table {table!r}")


def _covers(boxes: list[dict[str, Any]], words: Iterable[dict[str, Any]], tol: float = 0.6) -> bool:
    words = list(words)
    if not words:
        return False
    for w in words:
        cx, cy = (w["x0"] + w["x1"]) / 2, (w["top"] + w["bottom"]) / 2
        if not any(b["page"] == w["page"] and b["x0"] - tol <= cx <= b["x1"] + tol
                   and b["top"] - tol <= cy <= b["bottom"] + tol for b in boxes):
            return False
    for b in boxes:  # every box is over some of the words
        if not any(w["page"] == b["page"] and b["x0"] - tol <= (w["x0"] + w["x1"]) / 2 <= b["x1"] + tol
                   and b["top"] - tol <= (w["top"] + w["bottom"]) / 2 <= b["bottom"] + tol for w in words):
            return False
    return True


def _without(text: str, a: int, b: int, furniture: list[tuple[int, int]]) -> str:
    """``text[a:b]`` without the words of running headers and footers inside it (a visa
    or an article continued on the next page), unless it is all theirs."""
    import bisect

    i = bisect.bisect_left(furniture, (a, a))
    parts, pos = [], a
    while i < len(furniture) and furniture[i][0] < b:
        s, e = furniture[i]
        parts.append(text[pos:max(pos, s)])
        pos = max(pos, e)
        i += 1
    parts.append(text[pos:b])
    own = " ".join(parts)
    return own if own.strip() else text[a:b]


def _read(out: Path, table: str, doc_ids: set[str] | None) -> list[dict[str, Any]]:
    folder = out / table
    if not folder.is_dir():
        return []
    rows = ds.dataset(folder, format="parquet", schema=TABLES[table]).to_table().to_pylist()
    return [r for r in rows if doc_ids is None or r["doc_id"] in doc_ids]


def check_run(out_dir: str | Path, only: set[str] | None = None) -> dict[str, dict[str, Any]]:
    """Coverage and honesty of the provenance of a run, per table (only the files whose
    name is in ``only``, when given). ``examples`` holds a few wrong rows per table."""
    out = Path(out_dir)
    docs = _read(out, "documents", None)
    ids = {d["doc_id"] for d in docs if only is None or Path(d["source_path"]).name in only}
    texts: dict[str, list[str]] = defaultdict(list)
    for p in sorted(_read(out, "pages", ids), key=lambda p: (p["doc_id"], p["page"])):
        texts[p["doc_id"]].append(p["text"])
    full = {d: "\f".join(ts) for d, ts in texts.items()}
    words: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for w in _read(out, "words", ids):
        words[w["doc_id"]].append(w)
    starts: dict[str, list[int]] = {}
    furniture: dict[str, list[tuple[int, int]]] = {}
    for d, ws in words.items():
        ws.sort(key=lambda w: w["char_start"])
        starts[d] = [w["char_start"] for w in ws]
        furniture[d] = [(w["char_start"], w["char_start"] + len(w["text"])) for w in ws if w.get("furniture")]
    import bisect

    report: dict[str, dict[str, Any]] = {}
    for table in PROVENANCE_TABLES:
        r = {"rows": 0, "placed": 0, "boxed": 0, "no_page": 0, "wrong_text": 0, "wrong_box": 0, "examples": []}
        for row in _read(out, table, ids):
            r["rows"] += 1
            a, b = row.get("char_start"), row.get("char_end")
            if a is None or b is None:
                continue
            r["placed"] += 1
            if not words.get(row["doc_id"]):
                r["no_page"] += 1  # a plain-text input: offsets, and no page to draw a box on
            text = _without(full.get(row["doc_id"], ""), a, b, furniture.get(row["doc_id"], []))
            if not holds(table, row, text):
                r["wrong_text"] += 1
                if len(r["examples"]) < 5:
                    r["examples"].append(("text", row.get("act_id"), text[:80], _value(table, row)))
            if row.get("boxes"):
                r["boxed"] += 1
                ws, st = words[row["doc_id"]], starts[row["doc_id"]]
                i = max(0, bisect.bisect_right(st, a) - 1)
                inside = []
                while i < len(ws) and st[i] < b:
                    if st[i] + len(ws[i]["text"]) > a:
                        inside.append(ws[i])
                    i += 1
                # running headers and footers are left out of a value's boxes (unless it is in one)
                inside = [w for w in inside if not w.get("furniture")] or inside
                if not _covers(row["boxes"], inside):
                    r["wrong_box"] += 1
                    if len(r["examples"]) < 5:
                        r["examples"].append(("box", row.get("act_id"), text[:80], row["boxes"][:2]))
        report[table] = r
    return report


def _value(table: str, row: dict[str, Any]) -> Any:
    key = {"attendance": "printed", "legal_references": "text", "articles": "text", "votes": "count",
           "budget_lines": "amount", "grants": "amount", "amounts": "raw", "grant_terms": "beneficiary",
           "act_fields": "value"}[table]
    return row.get(key)


def filled(r: dict[str, Any]) -> float:
    """Share of a table's rows whose provenance is filled: offsets and boxes, or offsets
    alone for a document with no page (plain text)."""
    return (r["boxed"] + r.get("no_page", 0)) / r["rows"] if r["rows"] else 1.0


def format_report(report: dict[str, dict[str, Any]]) -> str:
    """The report as a table: rows, placed (offsets), boxed, placed in a document without
    pages, the share filled, and the rows whose text or boxes do not hold their value."""
    lines = [f"{'table':<18} {'rows':>6} {'placed':>7} {'boxed':>7} {'no page':>8} {'% filled':>9} "
             f"{'wrong text':>11} {'wrong box':>10}"]
    total = {"rows": 0, "boxed": 0, "no_page": 0}
    for table, r in report.items():
        for k in total:
            total[k] += r.get(k, 0)
        lines.append(f"{table:<18} {r['rows']:>6} {r['placed']:>7} {r['boxed']:>7} {r.get('no_page', 0):>8} "
                     f"{100 * filled(r):>8.1f}% {r['wrong_text']:>11} {r['wrong_box']:>10}")
    lines.append(f"{'all rows':<18} {total['rows']:>6} {'':>7} {total['boxed']:>7} {total['no_page']:>8} "
                 f"{100 * filled(total):>8.1f}%")
    return "\n".join(lines)


if __name__ == "__main__":  # python -m pipeline.evaluate.provenance OUT
    print(format_report(check_run(sys.argv[1])))
