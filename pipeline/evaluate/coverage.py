"""Coverage without gold: the acts whose text shows a table's cue but got no row.

``delib eval OUT --coverage`` reads a run's own tables — the pages' text, the acts' and
sections' offsets into it, and which acts have rows in each table — and, for every act,
looks for the cues of :mod:`pipeline.evaluate.cues` in the act's text. An act that shows
a cue ("Présents : M. …", "à l'unanimité", "Vu le Code …") but has no row in the table
that cue announces is a *miss*: a place to look, with its file, act and page. No answer
sheet is needed, so it runs on an archive of 10 000 files as on one.

Which text of an act is searched, per table:

* ``attendance``: the act's own sections and the session's shared ones (minutes print
  the attendance once, in the preamble every item shares);
* ``votes``: the act's own sections but its visas and considérants ("Vu la délibération
  adoptée le …" quotes another vote);
* ``legal_references``, ``articles``, ``amounts``: the act's own sections;
* ``grants``, ``budget_lines``: the whole act, annexes included (a list of grants or a
  budget table is often annexed);
* ``acts``: every line of the document, annexes included (an annexed convention's
  "1) Objet" is followed by no decision, so it is no act start; an "annex" that holds a
  heading and then "après en avoir délibéré" is an item the reader filed as an annex); a
  file whose pages hold text but where no act was found is listed apart
  (``files_without_acts``).

"Own sections" are the act's span without its annexes (``sections.kind = 'annex'``): an
"Article 1" or a "Vu" of an annexed convention is the convention's, not the decision's.

What counts as rows: ``votes`` — a votes row, or the acts row's ``unanimous`` /
``outcome`` / ``votes_for`` (a bare "à l'unanimité" gives no vote row by design);
``budget_lines`` — a budget_lines or a grants row (a table of beneficiaries gives grants);
the others — a row of that table for the act.

``acts``: a line that looks like an act's start (:data:`cues.HEADING_RE`) followed by a
decision before the next such line (:func:`cues.decides`) is an act start. It is found
when an act begins on its line, or when it is the first such line of an act with no
decision before it (the "Objet :" under "EXTRAIT DU REGISTRE …" and the attendance); it is
missed when no act begins there — outside every act, or inside an act after a stretch
that also decided (two items read as one act). Running heads and feet (the same line at
the top or bottom of two pages or more) are not headings.

The evaluation reads tables and never imports an extractor (``tests/test_architecture.py``).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import pyarrow.dataset as ds

from pipeline.evaluate import cues as C
from schemas import TABLES

#: Tables checked, in report order.
COVERED_TABLES = ("acts", "attendance", "votes", "legal_references", "articles",
                  "amounts", "grants", "budget_lines")

_ROW_TABLES = ("attendance", "votes", "legal_references", "articles", "amounts", "grants", "budget_lines")


@dataclass(frozen=True)
class Miss:
    """An act (or a heading) that shows a table's cue and has no row for it."""

    table: str
    file: str
    act_index: int | None  # None: a heading outside every act
    page: int
    cue: str  # the cue's family, e.g. "present_label", "unanimity", "bare_number"
    excerpt: str  # the line where the cue stands


@dataclass
class Tally:
    """Acts (headings, for ``acts``) with a cue, and those of them with rows."""

    cued: int = 0
    covered: int = 0

    @property
    def missed(self) -> int:
        return self.cued - self.covered

    @property
    def rate(self) -> float | None:
        return self.covered / self.cued if self.cued else None


@dataclass
class CoverageReport:
    out: str
    files: int = 0
    acts: int = 0
    tallies: dict[str, Tally] = field(default_factory=lambda: {t: Tally() for t in COVERED_TABLES})
    misses: list[Miss] = field(default_factory=list)
    files_without_acts: list[str] = field(default_factory=list)  # text read, no act found

    def as_dict(self) -> dict[str, Any]:
        return {"out": self.out, "files": self.files, "acts": self.acts,
                "files_without_acts": self.files_without_acts,
                "tables": {t: {"cued": v.cued, "covered": v.covered, "missed": v.missed,
                               "rate": None if v.rate is None else round(v.rate, 4)}
                           for t, v in self.tallies.items()},
                "misses": [asdict(m) for m in self.misses]}


# ---------------------------------------------------------------------------
# Reading the run
# ---------------------------------------------------------------------------


def _dataset(out: Path, table: str) -> ds.Dataset | None:
    folder = out / table
    if not folder.is_dir() or not any(folder.glob("*.parquet")):
        return None
    return ds.dataset(folder, format="parquet", schema=TABLES[table])


def _column_rows(out: Path, table: str, columns: list[str]) -> list[dict[str, Any]]:
    d = _dataset(out, table)
    return d.to_table(columns=columns).to_pylist() if d is not None else []


def _acts_with_rows(out: Path, table: str) -> set[str]:
    d = _dataset(out, table)
    if d is None:
        return set()
    return set(d.to_table(columns=["act_id"]).column("act_id").to_pylist())


def _documents_text(out: Path) -> Iterator[tuple[str, str, list[tuple[int, int]]]]:
    """(doc_id, text, [(page, char_start)…]) per document, rebuilt from the pages table:
    each page's text at its offset, pages joined with "\\f" as in ``Document.text``.
    Reads one Parquet file at a time (a run writes one per document), so memory stays
    that of a document, not of the archive."""
    d = _dataset(out, "pages")
    if d is None:
        return
    for fragment in d.get_fragments():
        rows = fragment.to_table(columns=["doc_id", "page", "text", "char_start"],
                                 schema=TABLES["pages"]).to_pylist()
        by_doc: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for r in rows:
            by_doc[r["doc_id"]].append(r)
        for doc_id, pages in by_doc.items():
            pages.sort(key=lambda r: r["page"])
            parts: list[str] = []
            length = 0
            for p in pages:
                if p["char_start"] > length:
                    parts.append("\f" * (p["char_start"] - length))
                    length = p["char_start"]
                parts.append(p["text"])
                length += len(p["text"])
            yield doc_id, "".join(parts), [(p["page"], p["char_start"]) for p in pages]


# ---------------------------------------------------------------------------
# Spans of an act
# ---------------------------------------------------------------------------

Spans = list[tuple[int, int]]


def _minus(span: tuple[int, int], holes: Spans) -> Spans:
    """``span`` without the ``holes`` (sorted or not)."""
    out, pos = [], span[0]
    for a, b in sorted(holes):
        if b <= pos or a >= span[1]:
            continue
        if a > pos:
            out.append((pos, a))
        pos = max(pos, b)
    if pos < span[1]:
        out.append((pos, span[1]))
    return out


@dataclass
class _ActText:
    """The pieces of the document text searched for each table's cue."""

    own: Spans
    votes: Spans
    attendance: Spans
    whole: Spans


def _act_text(act: dict[str, Any], sections: list[dict[str, Any]]) -> _ActText:
    span = (act["char_start"] or 0, act["char_end"] or 0)
    own_secs = [s for s in sections if not s["shared"]]
    annexes = [(s["char_start"], s["char_end"]) for s in own_secs if s["kind"] == "annex"]
    quoting = [(s["char_start"], s["char_end"]) for s in own_secs if s["kind"] in ("visas", "considerants")]
    own = _minus(span, annexes)
    shared = sorted((s["char_start"], s["char_end"]) for s in sections if s["shared"])
    return _ActText(own=own, votes=_minus(span, annexes + quoting),
                    attendance=sorted(own + [sp for sp in shared if not (span[0] <= sp[0] < span[1])]),
                    whole=[span])


def _find(spans: Spans, text: str, finder: Any) -> tuple[str, int] | None:
    """The first cue (family, absolute offset) that ``finder`` sees in the pieces."""
    for a, b in spans:
        cue = finder(text[a:b])
        if cue is not None:
            return cue.family, a + cue.start
    return None


def _line_at(text: str, offset: int) -> str:
    start = text.rfind("\n", 0, offset) + 1
    start = max(start, text.rfind("\f", 0, offset) + 1)
    end = min(i for i in (text.find("\n", offset), text.find("\f", offset), len(text)) if i >= 0)
    line = " ".join(text[start:end].split())
    return line if len(line) <= 110 else line[:107] + "…"


# ---------------------------------------------------------------------------
# The computation
# ---------------------------------------------------------------------------

#: table → (which pieces of the act, how to find the cue)
_FINDERS: dict[str, tuple[str, Any]] = {
    "attendance": ("attendance", lambda t: C.first(C.ATTENDANCE_RE, t)),
    "votes": ("votes", lambda t: C.first(C.VOTES_RE, t)),
    "legal_references": ("own", lambda t: C.first(C.VISAS_RE, t)),
    "articles": ("own", lambda t: C.first(C.ARTICLES_RE, t)),
    "amounts": ("own", C.amount_in_prose),
    "grants": ("whole", C.grant_with_amount),
    "budget_lines": ("whole", C.money_table),
}


def _has_rows(table: str, act: dict[str, Any], rows: dict[str, set[str]]) -> bool:
    aid = act["act_id"]
    if table == "votes":
        return aid in rows["votes"] or any(act.get(k) is not None for k in ("unanimous", "outcome", "votes_for"))
    if table == "budget_lines":
        return aid in rows["budget_lines"] or aid in rows["grants"]
    return aid in rows[table]


#: Lines this close to a page's top or bottom are running heads and feet when they recur.
EDGE_LINES = 3


def _furniture(text: str, page_starts: list[int]) -> set[int]:
    """Offsets of the lines that are running heads or feet: among the first or last
    ``EDGE_LINES`` lines of a page, the same text (page numbers aside) on two pages or more
    ("Délibération CP-2023-0673\t- 1 -", "CM du 18 mai 2010")."""
    edges: dict[str, list[int]] = defaultdict(list)
    bounds = page_starts + [len(text) + 1]
    for a, b in zip(bounds, bounds[1:]):
        lines, pos = [], a
        for raw in text[a:b - 1].split("\n"):
            if raw.strip():
                lines.append((pos + len(raw) - len(raw.lstrip()), raw))
            pos += len(raw) + 1
        picked = lines if len(lines) <= 2 * EDGE_LINES else lines[:EDGE_LINES] + lines[-EDGE_LINES:]
        for off, raw in picked:
            edges[_DIGITS.sub("#", " ".join(raw.split()))].append(off)
    pages_of = {k: {bisect.bisect_right(page_starts, o) for o in v} for k, v in edges.items()}
    return {o for k, v in edges.items() if len(pages_of[k]) >= 2 for o in v}


_DIGITS = re.compile(r"\d+")


def _check_headings(report: CoverageReport, file: str, text: str, acts: list[dict[str, Any]],
                    page_of: Any, page_starts: list[int], reports: set[int] = frozenset()) -> None:  # type: ignore[assignment]
    """Headings that look like act starts against the acts found (see the module doc);
    ``reports``: the indexes of acts that are delegation reports, whose numbered decisions
    are not acts."""
    starts = sorted((a["char_start"] or 0, a["char_end"] or 0, a["act_index"]) for a in acts)
    furniture = _furniture(text, page_starts)
    lines = [h for h in C.headings(text) if h.start not in furniture]
    act_starts = {s for s, _, _ in starts}
    bounds = sorted({h.start for h in lines} | act_starts | {e for _, e, _ in starts} | {len(text)})
    heading_at = {h.start: h for h in lines}

    def after(offset: int) -> int:
        return bounds[bisect.bisect_right(bounds, offset)] if offset < bounds[-1] else len(text)

    voted = {h.start: C.decides(text[h.start:after(h.start)]) for h in lines}
    claimed: set[int] = set()  # acts whose start already took a heading
    for h in lines:
        if not voted[h.start]:
            continue  # a heading of a list, an agenda line, an information: not an act start
        starting = _act_starting(starts, h)
        if starting is not None:
            if starting[2] not in claimed:
                claimed.add(starting[2])
                report.tallies["acts"].cued += 1
                report.tallies["acts"].covered += 1
            continue
        act = _act_containing(starts, h.start)
        if act is not None and act[2] in reports:
            continue  # a decision a delegation report lists: its text, not an act (segment.minutes)
        if act is not None:
            # the stretch before the heading, back over the lines of its own header block: the
            # headings of other forms just above it that decide nothing ("Bureau communautaire
            # du 2 mai 2024 — Délibération B2024-047" over "Objet : …"); not over a list's
            # previous item ("1. …" above "2. …")
            prev = bounds[bisect.bisect_left(bounds, h.start) - 1]
            while prev in heading_at and prev not in act_starts and not voted[prev] \
                    and heading_at[prev].family != h.family and prev > act[0]:
                prev = bounds[bisect.bisect_left(bounds, prev) - 1]
            if not C.decides(text[max(prev, act[0]):h.start]):
                if act[2] not in claimed and not C.decides(text[act[0]:h.start]):
                    # the act's own heading, under its header ("Objet :" after the attendance)
                    claimed.add(act[2])
                    report.tallies["acts"].cued += 1
                    report.tallies["acts"].covered += 1
                continue  # else a sub-heading of an item whose decision is still to come
        report.tallies["acts"].cued += 1
        report.misses.append(Miss("acts", file, act[2] if act else None, page_of(h.start), h.family,
                                  _line_at(text, h.start)))


def _act_starting(starts: list[tuple[int, int, int]], h: C.Heading) -> tuple[int, int, int] | None:
    """The act that begins on the heading's line (its span may start after the indent)."""
    i = bisect.bisect_left(starts, (h.start, -1, -1))
    if i < len(starts) and starts[i][0] <= h.end + 1:
        return starts[i]
    return None


def _act_containing(starts: list[tuple[int, int, int]], offset: int) -> tuple[int, int, int] | None:
    i = bisect.bisect_right(starts, (offset, float("inf"), 0)) - 1
    if i >= 0 and starts[i][0] <= offset < starts[i][1]:
        return starts[i]
    return None


def coverage(out_dir: str | Path) -> CoverageReport:
    """Cues against rows for every act of the run in ``out_dir``.

    Raises:
        ValueError: ``out_dir`` holds no acts or pages table (not a run of delib extract).
    """
    out = Path(out_dir)
    if _dataset(out, "acts") is None or _dataset(out, "pages") is None:
        raise ValueError(f"{out} holds no acts or pages table (run delib extract first)")
    names = {r["doc_id"]: Path(r["source_path"]).name
             for r in _column_rows(out, "documents", ["doc_id", "source_path"])}
    acts_by_doc: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for a in _column_rows(out, "acts", ["act_id", "doc_id", "act_index", "char_start", "char_end",
                                        "unanimous", "outcome", "votes_for"]):
        acts_by_doc[a["doc_id"]].append(a)
    sections: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for s in _column_rows(out, "sections", ["act_id", "kind", "char_start", "char_end", "shared"]):
        sections[s["act_id"]].append(s)
    rows = {t: _acts_with_rows(out, t) for t in _ROW_TABLES}

    report = CoverageReport(out=str(out))
    for doc_id, text, pages in _documents_text(out):
        report.files += 1
        file = names.get(doc_id, doc_id)
        page_starts = [start for _, start in pages]

        def page_of(offset: int, _starts: list[int] = page_starts, _pages: list = pages) -> int:
            return _pages[max(0, bisect.bisect_right(_starts, offset) - 1)][0]

        acts = sorted(acts_by_doc.get(doc_id, []), key=lambda a: a["act_index"])
        report.acts += len(acts)
        if not acts and text.strip("\f \n"):
            report.files_without_acts.append(file)
        reports = {a["act_index"] for a in acts
                   if C.reports_delegated_decisions(text[a["char_start"] or 0:(a["char_start"] or 0) + 300].lstrip())}
        for act in acts:
            secs = sections.get(act["act_id"], [])
            pieces = _act_text(act, secs)
            for table, (which, finder) in _FINDERS.items():
                if table == "grants" and act["act_index"] in reports:
                    continue  # the subsidies a delegation report lists were awarded elsewhere
                hit = _find(getattr(pieces, which), text, finder)
                if hit is None:
                    continue
                tally = report.tallies[table]
                tally.cued += 1
                if _has_rows(table, act, rows):
                    tally.covered += 1
                else:
                    report.misses.append(Miss(table, file, act["act_index"], page_of(hit[1]), hit[0],
                                              _line_at(text, hit[1])))
        _check_headings(report, file, text, acts, page_of, page_starts, reports)
    report.misses.sort(key=lambda m: (COVERED_TABLES.index(m.table), m.file,
                                      -1 if m.act_index is None else m.act_index, m.page))
    return report


# ---------------------------------------------------------------------------
# Printing
# ---------------------------------------------------------------------------

_WHAT = {
    "acts": ("headings of voted items", "at an act start"),
}


def total_line(table: str, tally: Tally) -> str:
    """One line per table: "attendance: 212 acts with a cue, 205 with rows, 7 missed (96.7 %)"."""
    cued, covered = _WHAT.get(table, ("acts with a cue", "with rows"))
    rate = "—" if tally.rate is None else f"{100 * tally.rate:.1f} %"
    return f"{table}: {tally.cued} {cued}, {tally.covered} {covered}, {tally.missed} missed ({rate})"


def _n(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def format_coverage(report: CoverageReport, limit: int = 20, top_files: int = 10) -> str:
    """Totals first, then the files with text and no act, the files with most misses, and
    the misses by table (at most ``limit`` per table; a negative ``limit`` prints them all)."""
    n_bare = len(report.files_without_acts)
    lines = [f"coverage of {report.out}: {_n(report.files, 'file')}, {_n(report.acts, 'act')}"
             + (f", {_n(n_bare, 'file')} with text and no act" if n_bare else "")]
    width = max(len(t) for t in COVERED_TABLES) + 1
    for t in COVERED_TABLES:
        line = total_line(t, report.tallies[t])
        name, rest = line.split(": ", 1)
        lines.append(f"  {name + ':':{width + 1}} {rest}")
    if report.files_without_acts:
        shown_files = report.files_without_acts if limit < 0 else report.files_without_acts[:limit]
        lines += ["", f"files with text and no act: {len(report.files_without_acts)}"]
        lines += [f"  {f}" for f in shown_files]
    if not report.misses:
        return "\n".join(lines)
    per_file = Counter(m.file for m in report.misses)
    if len(per_file) > 1:
        lines.append("")
        lines.append(f"files with the most misses (of {len(per_file)}):")
        for f, n in per_file.most_common(top_files):
            by_table = Counter(m.table for m in report.misses if m.file == f)
            detail = ", ".join(f"{t} {by_table[t]}" for t in COVERED_TABLES if by_table[t])
            lines.append(f"  {n:5}  {f}  ({detail})")
    by_table: dict[str, list[Miss]] = defaultdict(list)
    for m in report.misses:
        by_table[m.table].append(m)
    for t in COVERED_TABLES:
        misses = by_table.get(t)
        if not misses:
            continue
        shown = misses if limit < 0 else misses[:limit]
        more = f", first {len(shown)} (--limit)" if len(shown) < len(misses) else ""
        lines += ["", f"{t}: {len(misses)} missed{more}"]
        for m in shown:
            where = "outside acts" if m.act_index is None else f"act {m.act_index}"
            lines.append(f"  {m.file}  {where}  p. {m.page}  [{m.cue}]  {m.excerpt}")
    return "\n".join(lines)
