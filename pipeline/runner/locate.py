"""Placing the rows an extractor returned without offsets: their value found as printed.

The extractors will give ``char_start``/``char_end`` themselves (``docs/provenance.md`` has
the list of what each must return); until then the runner places what it can *without
guessing*, by finding the row's value as printed in the part of the act it comes from:

* text as printed (a name of the attendance "Mme Martine MONNIER", a visa, an article's
  text, a title, an authority, an act number) — compared without whitespace, hyphens and
  case, so that line breaks, "délibé-\\nration" and collapsed spaces still match, never
  inside a longer word; rows are searched in their order (a cursor), so that a name printed
  twice goes to the occurrence of its own row;
* a number (members counts, vote tallies) — only when it is the one such number of its
  section ("Pour : 25" is placed, "Contre : 0 Abstention : 0" is not);
* a date — a date of that value printed in the section (``find_dates``);
* an amount — a figure of that value (``find_amounts`` in prose, a tab-separated cell of a
  table), the one of its page and line when there are several (a budget line's label, a
  grant's beneficiary on the same line).

What is not found stays null: a wrong box is worse than none.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import re
import unicodedata
from decimal import Decimal
from typing import Any, Callable, Iterable, Sequence

from rapidfuzz.distance import Levenshtein

from pipeline.model import Act, Document, SectionKind, Span
from pipeline.normalize.bodies import body_words
from pipeline.normalize.dates import find_dates
from pipeline.normalize.money import find_amounts, parse_amount
from pipeline.normalize.organisations import authority_name
from pipeline.normalize.textmatch import NEAR_DISTANCE, NEAR_MIN_LENGTH, SKIPPED

_SKIP_RE = re.compile(rf"[{SKIPPED}]+")
_KEEP_RE = re.compile(rf"[^{SKIPPED}]+")


def _letter_base(c: str) -> str:
    base = unicodedata.normalize("NFD", c)[0]
    return base if len(base.encode("utf-8")) == 1 else c


#: Apostrophes straightened and accents dropped, one character for one (the squeezed text
#: keeps the way back to the document): "DEPARTEMENTALES" that OCR printed without the
#: accents the title has again once read.
_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'",
                         **{c: _letter_base(c) for c in map(chr, range(0xC0, 0x180)) if _letter_base(c) != c}})


def squeeze(text: str) -> str:
    """``text`` for comparison: no whitespace or hyphens, straight apostrophes, lower case.

    >>> squeeze("Mme  Anne-Sophie\\nPOTTIER")
    'mmeannesophiepottier'
    """
    s = _SKIP_RE.sub("", text).translate(_QUOTES)
    low = s.lower()
    return low if len(low) == len(s) else s


class Squeezed:
    """A span of the document squeezed (:func:`squeeze`), running headers and footers left
    out, with the way back from a squeezed index to a document offset."""

    def __init__(self, doc: Document, span: Span, furniture: bool = False) -> None:
        self.doc = doc
        runs: list[tuple[int, int]] = []  # (start, end) of kept runs, document offsets
        pos = span.start
        for f in () if furniture else doc.furniture:
            if f.end <= pos or f.start >= span.end:
                continue
            runs += self._runs(pos, max(pos, f.start))
            pos = max(pos, f.end)
        runs += self._runs(pos, span.end)
        raw = "".join(doc.text[a:b] for a, b in runs).translate(_QUOTES)
        low = raw.lower()
        self.text = low if len(low) == len(raw) else raw
        self._sq: list[int] = []
        self._orig: list[int] = []
        k = 0
        for a, b in runs:
            self._sq.append(k)
            self._orig.append(a)
            k += b - a

    def _runs(self, start: int, end: int) -> list[tuple[int, int]]:
        # finditer with pos/endpos gives offsets in the whole text
        return [(m.start(), m.end()) for m in _KEEP_RE.finditer(self.doc.text, start, end)] if end > start else []

    def offset(self, k: int) -> int:
        """Document offset of squeezed index ``k``."""
        i = bisect.bisect_right(self._sq, k) - 1
        return self._orig[i] + (k - self._sq[i])

    def index(self, offset: int) -> int:
        """Squeezed index of the first kept character at or after document ``offset``."""
        i = bisect.bisect_right(self._orig, offset) - 1
        if i < 0:
            return 0
        run_len = (self._sq[i + 1] if i + 1 < len(self._sq) else len(self.text)) - self._sq[i]
        return self._sq[i] + min(offset - self._orig[i], run_len)

    def find(self, value: str, start: int = 0, end: int | None = None) -> Span | None:
        """Document span of the first occurrence of ``value`` (squeezed) between document
        offsets ``start`` and ``end``, not inside a longer word or number."""
        needle = squeeze(value)
        if not needle:
            return None
        text, doc = self.text, self.doc.text
        k = self.index(start)
        stop = len(text) if end is None else self.index(end)
        while True:
            k = text.find(needle, k, stop)
            if k < 0:
                return None
            a, b = self.offset(k), self.offset(k + len(needle) - 1) + 1
            if not (needle[0].isalnum() and a > 0 and doc[a - 1].isalnum()) and \
                    not (needle[-1].isalnum() and b < len(doc) and doc[b].isalnum()):
                return Span(a, b)
            k += 1


    def find_near(self, value: str, start: int = 0, end: int | None = None) -> Span | None:
        """Like :meth:`find`, or, for a long text that OCR misread and the reader repaired
        ("SIRET 335 207 734(00948" read as "SIRET 335 207 734 00948", a line OCR dropped),
        the text that opens and closes like it and differs from it by at most
        :data:`NEAR_DISTANCE` of its characters (:meth:`near`)."""
        return self.find(value, start, end) or self.near(value, start, end)

    def near(self, value: str, start: int = 0, end: int | None = None) -> Span | None:
        """The printed text within :data:`NEAR_DISTANCE` of ``value`` (at least
        :data:`NEAR_MIN_LENGTH` letters), anchored on its opening or its closing words."""
        needle = squeeze(value)
        if len(needle) < NEAR_MIN_LENGTH:
            return None
        text = self.text
        first, stop = self.index(start), len(text) if end is None else self.index(end)
        n = min(16, len(needle) // 3)
        slack = int(NEAR_DISTANCE * len(needle)) + 1
        size = len(needle)

        def best(spans: Iterable[tuple[int, int]]) -> tuple[float, int, int] | None:
            scored = [(Levenshtein.normalized_distance(text[a:b], needle), a, b) for a, b in spans
                      if first <= a < b <= stop]
            return min(scored) if scored else None

        # anchored on its opening words (the slip further on), then on its closing ones
        k = first
        while (k := text.find(needle[:n], k, stop)) >= 0:
            found = best((k, k + size + d) for d in range(-slack, slack + 1))
            if found and found[0] <= NEAR_DISTANCE:
                return Span(self.offset(found[1]), self.offset(found[2] - 1) + 1)
            k += 1
        k = first
        while (k := text.find(needle[-n:], k, stop)) >= 0:
            found = best((k + n - size - d, k + n) for d in range(-slack, slack + 1))
            if found and found[0] <= NEAR_DISTANCE:
                return Span(self.offset(found[1]), self.offset(found[2] - 1) + 1)
            k += 1
        return None



class ActLocator:
    """Finds values of one act in the regions they are printed in."""

    def __init__(self, act: Act, words: Any = None, shared: dict[str, dict[Any, Any]] | None = None) -> None:
        self.act = act
        self.doc = act.doc
        self.words = words  # pipeline.runner.provenance.WordIndex, for the columns of tables
        # what is read of a span depends on the document only: ``shared`` (one dict per
        # document) lets the acts of minutes, which share pages and search the whole
        # document for its authority, read each span once
        shared = shared if shared is not None else {}
        self._squeezed: dict[tuple[int, int, bool], Squeezed] = shared.setdefault("squeezed", {})
        self._clean: dict[tuple[int, int], str] = shared.setdefault("clean", {})
        self._figures: dict[tuple[int, int], dict[Decimal, list[Span]]] = shared.setdefault("figures", {})
        self.cursors: dict[str, int] = {}

    # -- regions -----------------------------------------------------------------------
    def sections(self, *kinds: SectionKind) -> list[Span]:
        """Spans of the act's sections of ``kinds``: its own first, then shared ones."""
        own = [s.span for s in self.act.sections if s.kind in kinds and not s.shared]
        shared = [s.span for s in self.act.sections if s.kind in kinds and s.shared]
        return own + shared

    def whole(self) -> list[Span]:
        """The act, then its session preamble (minutes)."""
        return [self.act.span] + ([self.act.preamble] if self.act.preamble else [])

    def pages(self) -> list[Span]:
        """The pages the act is printed on, whole (their running headers and footers, the
        stamps above the act's heading), then the whole document: for the values a document
        prints once for all its acts (the authority on a recueil's cover)."""
        doc = self.doc
        first, last = doc.page(self.act.page_start), doc.page(self.act.page_end)
        return [Span(first.start, last.end), Span(0, len(doc.text))]

    def squeezed(self, span: Span, furniture: bool = False) -> Squeezed:
        key = (span.start, span.end, furniture)
        if key not in self._squeezed:
            self._squeezed[key] = Squeezed(self.doc, span, furniture)
        return self._squeezed[key]

    # -- finders -----------------------------------------------------------------------
    def text(self, value: str | None, regions: Sequence[Span], cursor: str | None = None) -> Span | None:
        """The first occurrence of ``value`` in the first region holding it; with a
        ``cursor``, after the previous row's match first (rows are in reading order). The
        running headers and footers are read last (an act number printed only in the
        footer "07/04/2022 - Délibération n° D2022_135 1 / 2")."""
        if not value or not squeeze(value):
            return None
        for near in (False, True) if len(squeeze(value)) >= NEAR_MIN_LENGTH else (False,):
            for furniture in (False, True) if self.doc.furniture else (False,):
                found = self._text(value, regions, cursor, furniture, near)
                if found:
                    return found
        return None

    def _text(self, value: str, regions: Sequence[Span], cursor: str | None, furniture: bool,
              near: bool = False) -> Span | None:
        for region in regions:
            sq = self.squeezed(region, furniture)
            find = sq.near if near else sq.find  # the near pass comes after every exact one failed
            after = self.cursors.get(cursor, region.start) if cursor else region.start
            found = None
            if region.start < after < region.end:
                found = find(value, after)
            found = found or find(value, region.start)
            if found:
                if cursor:
                    self.cursors[cursor] = found.end
                return found
        return None

    def _clean_text(self, span: Span) -> str:
        """The span's text with running headers/footers blanked out (same length), kept."""
        key = (span.start, span.end)
        if key in self._clean:
            return self._clean[key]
        text = self.doc.text[span.start:span.end]
        for f in self.doc.furniture:
            if f.end <= span.start or f.start >= span.end:
                continue
            a, b = max(f.start, span.start) - span.start, min(f.end, span.end) - span.start
            text = text[:a] + " " * (b - a) + text[b:]
        self._clean[key] = text
        return text

    def number(self, value: int | None, regions: Sequence[Span]) -> Span | None:
        """``value`` printed in figures, when it is the only such number of the first region
        that prints it (a count among others is never guessed)."""
        if value is None:
            return None
        # not a part of another number, an hour ("20 h 30", "19h"), an article ("L.2121")
        pattern = re.compile(rf"(?<![\d,.])0*{int(value)}(?![\d]|[,.:]\d|\s?h(?:\d|\b|eures?))")
        for region in regions:
            text = self._clean_text(region)
            hits = [m for m in pattern.finditer(text) if not _in_date(text, m.start(), m.end())]
            if len(hits) == 1:
                return Span(region.start + hits[0].start(), region.start + hits[0].end())
            if hits:
                return None
        return None

    def date(self, value: dt.date | None, regions: Sequence[Span]) -> Span | None:
        """The first date of that value printed in the first region that prints it."""
        if value is None:
            return None
        for furniture in (False, True) if self.doc.furniture else (False,):
            for region in regions:
                # the running headers last: a stamp repeated at each page's top ("Reçu en
                # préfecture le 08/05/2024") is found as furniture
                text = self.doc.text[region.start:region.end] if furniture else self._clean_text(region)
                for m in find_dates(text):
                    if m.date == value:
                        return Span(region.start + m.start, region.start + m.end)
        return None

    def amounts(self, value: Decimal | None, regions: Sequence[Span]) -> list[Span]:
        """Every figure of ``value`` in ``regions``: amounts of the prose (a currency word)
        and cells of tables (a number alone between tabs, or alone on its line)."""
        if value is None:
            return []
        out: list[Span] = []
        for region in regions:
            out += self._figures_of(region).get(value, [])
        return sorted(set(out), key=lambda s: s.start)

    def _figures_of(self, region: Span) -> dict[Decimal, list[Span]]:
        """The region's figures by value, read once per region."""
        key = (region.start, region.end)
        if key in self._figures:
            return self._figures[key]
        text = self._clean_text(region)
        found: dict[Decimal, list[Span]] = {}
        starts: set[int] = set()
        for a in find_amounts(text):
            found.setdefault(a.amount, []).append(Span(region.start + a.start, region.start + a.end))
            starts.update(range(a.start, a.end))
        for a, b in _cells(text):
            cell = text[a:b]
            amount = parse_amount(cell.strip())
            if amount is None:
                continue
            lead = len(cell) - len(cell.lstrip())
            if a + lead in starts:
                continue  # the same figure, read in the prose already
            found.setdefault(amount, []).append(Span(region.start + a + lead, region.start + a + len(cell.rstrip())))
        self._figures[key] = found
        return found

    def one_of(self, spans: list[Span], *, page: int | None = None, near: Iterable[str | None] = (),
               header: str | None = None) -> Span | None:
        """The span among ``spans`` that is the row's: the only one, or the only one on its
        ``page``, or the only one whose line (or the line before) also prints one of
        ``near`` (a row label, a beneficiary), or the only one standing under the column
        ``header`` printed above it."""
        if page is not None:  # the row's page is known: a figure elsewhere is another one
            spans = [s for s in spans if self.doc.page_at(s.start) == page]
        if len(spans) <= 1:
            return spans[0] if spans else None
        # a label's beginning: a long label wraps around its figures
        keys = [squeeze(n)[:20] for n in near if n and len(squeeze(n)) >= 3]
        with_key = [s for s in spans if any(k in squeeze(self._line(s, before=1)) for k in keys)]
        if len(with_key) == 1:
            return with_key[0]
        if with_key:
            spans = with_key
        if header and self.words is not None:
            under = [s for s in spans if self._under(s, header)]
            if len(under) == 1:
                return under[0]
        return None

    def _line(self, span: Span, before: int = 0) -> str:
        """The line of ``span`` (and the ``before`` lines above it, on the same page)."""
        text = self.doc.text
        a = span.start
        for _ in range(before + 1):
            a = max(text.rfind("\n", 0, a), text.rfind("\f", 0, a))
            if a < 0 or text[a] == "\f":
                break
        a += 1
        nl = [i for i in (text.find("\n", span.end), text.find("\f", span.end)) if i >= 0]
        return text[a:min(nl) if nl else len(text)]

    def _under(self, span: Span, header: str) -> bool:
        """Whether ``span`` stands in the column of the nearest ``header`` printed above it
        (the header's words overlap it horizontally)."""
        page = self.doc.page_at(span.start)
        p = self.doc.page(page)
        head = None
        for region in (Span(p.start, span.start),):
            sq = self.squeezed(region)
            k, needle = -1, squeeze(header)
            while needle:  # the last occurrence above the cell
                nk = sq.text.find(needle, k + 1)
                if nk < 0:
                    break
                k = nk
            if k >= 0:
                head = Span(sq.offset(k), sq.offset(k + len(needle) - 1) + 1)
        if head is None:
            return False
        hw = [w for _, w in self.words.words(head.start, head.end)]
        cw = [w for _, w in self.words.words(span.start, span.end)]
        if not hw or not cw:
            return False
        hx0, hx1 = min(w.x0 for w in hw), max(w.x1 for w in hw)
        cx0, cx1 = min(w.x0 for w in cw), max(w.x1 for w in cw)
        return min(hx1, cx1) - max(hx0, cx0) > 0


def _cells(text: str) -> Iterable[tuple[int, int]]:
    """(start, end) of the cells of ``text`` that hold a digit: the parts of a line between
    its tabs (the layout's column gaps), or a whole line (a cell alone on its line, as a
    table wrapped over lines gives "AP 1015 - Travaux …\n10 000,00\nprogrammée bâtiment")."""
    pos = 0
    for line in re.split(r"[\n\f]", text):
        a = pos
        for cell in line.split("\t"):
            if any(c.isdigit() for c in cell):
                yield a, a + len(cell)
            a += len(cell) + 1
        pos += len(line) + 1


_DATE_CONTEXT_RE = re.compile(r"\d{1,2}[/.]\d{1,2}[/.]\d{2,4}")


def _in_date(text: str, start: int, end: int) -> bool:
    """A number that is part of a numeric date ("12/03/2019")."""
    a, b = max(0, start - 6), min(len(text), end + 6)
    return any(m.start() <= start - a and end - a <= m.end() for m in _DATE_CONTEXT_RE.finditer(text[a:b]))


# ---------------------------------------------------------------------------------------
# Per table: where a row's value is printed
# ---------------------------------------------------------------------------------------

K = SectionKind


def _attendance(loc: ActLocator, row: Any) -> Span | None:
    regions = loc.sections(K.ATTENDANCE) + loc.sections(K.HEADER) + loc.whole()
    # the name as the list printed it, else the name alone: a role or a margin cell the list
    # reader took in ("Maire" of "M. Jean-Paul LERAY, Maire" before "M. Georges LECLEVE")
    return loc.text(row.printed, regions, cursor="attendance") \
        or (_person(loc, row.full_name, regions, cursor="attendance") if row.full_name else None)


def _legal_reference(loc: ActLocator, row: Any) -> Span | None:
    return loc.text(row.text, loc.sections(K.VISAS) + loc.whole(), cursor="visas")


def _article(loc: ActLocator, row: Any) -> Span | None:
    return loc.text(row.text, loc.sections(K.ARTICLES, K.DECISION) + [loc.act.body_span], cursor="articles")


#: The word a tally is printed beside, per vote position: "Pour : 19", "20 voix pour",
#: "Contre : 2", "2 abstentions", "1 ne prend pas part au vote". These are the positions'
#: own names, not a reading of the vote: the number must be the only one beside its word.
TALLY_WORDS: dict[str, re.Pattern[str]] = {
    "for": re.compile(r"\bpour\b", re.I),
    "against": re.compile(r"\bcontre\b", re.I),
    "abstain": re.compile(r"\babstentions?\b|\babstenu", re.I),
    "not_voting": re.compile(r"\bne\s+prend\s+pas\s+part|\bne\s+prennent\s+pas\s+part|\bnon[-\s]participation"
                             r"|\bn['’]a(?:yant|\s+pas)\s+pas\s+pris\s+part|\bNPPV\b", re.I),
}
#: What may stand between a tally and its word: punctuation, "voix", a noun of members
#: ("Pour : 19", "20 voix pour", "1 conseiller ne prend pas part au vote").
_TALLY_GAP_RE = re.compile(r"[\s:=(]*(?:voix|conseill[eè]re?s?|membres?|[ée]lue?s?|d[ée]l[ée]gu[ée]e?s?"
                           r"|au\s+vote|[àa]\s+la\s+d[ée]lib[ée]ration)?[\s:=(]*", re.I)   # "ne prend pas part au vote : 1"
#: A line's own total after the groups or names of a position: "Pour : Groupe A (19), Groupe B
#: (6), soit 25 voix", "Contre : 12 voix (M. X, Mme Y …)".
_LINE_TOTAL_RE = re.compile(r"\bsoit\s+(?P<n>\d+)\b|(?<![\d,.])(?P<m>\d+)\s+voix\b", re.I)
_TALLY_COLUMNS = {"votes_for": "for", "votes_against": "against", "votes_abstain": "abstain",
                  "votes_not_voting": "not_voting"}


def _tally(loc: ActLocator, position: str, count: int | None) -> Span | None:
    """The figure ``count`` printed beside the word of ``position`` (within a few words
    before or after it, on its line), or as the total of the line that opens with that word
    ("Pour : Groupe A (19), Groupe B (6), soit 25 voix"); printed twice, the "Pour : N" form."""
    word = TALLY_WORDS.get(position)
    if word is None or count is None:
        return None
    number = re.compile(rf"(?<![\d,./])0*{int(count)}(?![\d]|[,./]\d)")
    for region in loc.sections(K.VOTE) + [loc.act.body_span]:
        text = loc._clean_text(region)
        hits: list[Span] = []
        strict: list[Span] = []  # "Pour : 35", not "Ont voté pour (35) :" over the names
        for w in word.finditer(text):
            a = max(text.rfind("\n", 0, w.start()) + 1, w.start() - 16)
            nl = text.find("\n", w.end())
            b = min(nl if nl >= 0 else len(text), w.end() + 16)
            for m in number.finditer(text, a, b):
                gap = text[m.end():w.start()] if m.end() <= w.start() else text[w.end():m.start()]
                if _TALLY_GAP_RE.fullmatch(gap):
                    hits.append(Span(region.start + m.start(), region.start + m.end()))
                    if m.start() > w.end() and re.fullmatch(r"[ \t]*[:=][ \t]*", gap):
                        strict.append(hits[-1])
        if not hits:
            # the line that opens with the position's word gives its total further on
            for w in word.finditer(text):
                line_start = text.rfind("\n", 0, w.start()) + 1
                if text[line_start:w.start()].strip(" \t-–•*"):
                    continue
                nl = text.find("\n", w.end())
                totals = [t for t in _LINE_TOTAL_RE.finditer(text, w.end(), nl if nl >= 0 else len(text))
                          if int(t.group("n") or t.group("m")) == int(count)]
                if len(totals) == 1:
                    g = "n" if totals[0].group("n") else "m"
                    hits.append(Span(region.start + totals[0].start(g), region.start + totals[0].end(g)))
        hits = sorted(set(hits), key=lambda s: s.start)
        if len(hits) == 1:
            return hits[0]
        if len(set(strict)) == 1:
            # the count printed twice: "Pour : 35" in the result and "Ont voté pour (35) :"
            # over the names; the result's tally is where it was read
            return strict[0]
        if hits:
            return None  # "Pour : 12" twice: which vote is the act's?
    return None


def _vote(loc: ActLocator, row: Any) -> Span | None:
    return _tally(loc, row.position, row.count)


def _amount(loc: ActLocator, row: Any) -> Span | None:
    if row.char_start is None:
        return None
    start = row.char_start
    span = loc.squeezed(Span(start, min(len(loc.doc.text), start + 4 * len(row.raw) + 40))).find(row.raw, start)
    # the extractor's start may stand on a sign that the comparison leaves out ("- 1 697 €")
    return Span(start, span.end) if span and span.start - start <= 2 else None


def _budget_line(loc: ActLocator, row: Any) -> Span | None:
    spans = loc.amounts(row.amount, [loc.act.span])
    return loc.one_of(spans, page=row.page, near=(row.label, row.operation_code, row.imputation),
                      header=row.column)


def _grant(loc: ActLocator, row: Any) -> Span | None:
    spans = loc.amounts(row.amount, [loc.act.body_span]) or loc.amounts(row.amount, [loc.act.span])
    return loc.one_of(spans, page=row.page, near=(row.beneficiary,))


def _grant_terms(loc: ActLocator, row: Any) -> Span | None:
    regions = loc.sections(K.ANNEX) if row.source == "convention" else [loc.act.body_span]
    return loc.text(row.beneficiary, regions, cursor="grant_terms")


#: Table → how its rows are placed when they come without offsets.
ROW_LOCATORS: dict[str, Callable[[ActLocator, Any], Span | None]] = {
    "attendance": _attendance,
    "legal_references": _legal_reference,
    "articles": _article,
    "votes": _vote,
    "amounts": _amount,
    "budget_lines": _budget_line,
    "grants": _grant,
    "grant_terms": _grant_terms,
}


def _person(loc: ActLocator, name: str, regions: list[Span], cursor: str | None = None) -> Span | None:
    """A person "Prénom NOM" printed as such or as "NOM Prénom"."""
    parts = name.split()
    forms = [name]
    if len(parts) >= 2:
        first = [p for p in parts if not p.isupper()]
        last = [p for p in parts if p.isupper()]
        if first and last:
            forms.append(" ".join(last + first))
    for form in forms:
        span = loc.text(form, regions, cursor=cursor)
        if span:
            return span
    return None


def _persons(loc: ActLocator, value: str, regions: list[Span]) -> Span | None:
    """A person, or two joined by the extractor ("Bertrand DUBOIS, Marc LEVEQUE" for two
    secretaries printed "Bertrand DUBOIS ; Marc LEVEQUE" or "… et …"): each found in turn,
    the span running from the first to the last, when they stand together (a line or two)."""
    parts = [p.strip() for p in value.split(",") if p.strip()]
    if len(parts) < 2:
        return _person(loc, value, regions)
    found = [_person(loc, p, regions) for p in parts]
    if any(f is None for f in found):
        return None
    spans = sorted(found, key=lambda f: f.start)  # type: ignore[union-attr]
    start, end = spans[0].start, spans[-1].end  # type: ignore[union-attr]
    return Span(start, end) if end - start <= 40 * len(parts) + len(value) else None


#: The words that style an authority on the line printing its name: "Conseil régional du
#: Grand Est", "MAIRIE DE SAINT RESTITUT", "Communauté de communes du Pays d'Iroise".
_AUTHORITY_WORDS_RE = re.compile(r"conseil|r[ée]gion|d[ée]partement|commune|ville|mairie|communaut|m[ée]tropole"
                                 r"|agglom[ée]ration|syndicat", re.I)


def _authority(loc: ActLocator, value: str, regions: list[Span]) -> Span | None:
    """The authority as styled ("Communauté de communes du Pays de Landerneau-Daoulas"), or
    its name on a line that styles it another way ("Région Grand Est" read from "Conseil
    régional du Grand Est")."""
    span = loc.text(value, regions)
    if span is not None:
        return span
    name = authority_name(value)
    if not name or name == value or len(squeeze(name)) < 4:
        return None
    for furniture in (False, True):
        for region in regions:
            sq = loc.squeezed(region, furniture)
            at = region.start
            while (found := sq.find(name, at)) is not None:
                if _AUTHORITY_WORDS_RE.search(loc._line(found)):
                    return found
                at = found.end
    return None


_UNANIMOUS_RE = re.compile(r"unanim\w*", re.I)

#: The outcome as printed: the participle, not the verb of an article ("D'adopter …"):
#: "Adopté à l'unanimité", "La délibération est adoptée", "rejetée".
OUTCOME_RE: dict[str, re.Pattern[str]] = {
    "adopted": re.compile(r"\badopt[ée]e?s?\b", re.I),
    "rejected": re.compile(r"\brejet[ée]e?s?\b", re.I),
}


def _only_match(loc: ActLocator, pattern: re.Pattern[str], regions: Sequence[Span]) -> Span | None:
    """The one match of ``pattern`` in the first region that has any (None when several)."""
    for region in regions:
        hits = list(pattern.finditer(loc._clean_text(region)))
        if len(hits) == 1:
            return Span(region.start + hits[0].start(), region.start + hits[0].end())
        if hits:
            return None
    return None


def locate_act_field(loc: ActLocator, column: str, value: Any,
                     spans: dict[str, tuple[int, int]] | None = None,
                     values: dict[str, Any] | None = None) -> Span | None:
    """Where the ``acts`` value of ``column`` is printed, or None. ``spans``/``values``: the
    act's other values already placed (``unanimous`` false is where a vote against or an
    abstention is printed)."""
    header = loc.sections(K.HEADER)
    people = loc.sections(K.ATTENDANCE) + header
    vote = loc.sections(K.VOTE)
    if column == "authority":
        return _authority(loc, str(value), header + loc.whole() + loc.pages())
    if column in ("act_number", "actes_id", "title"):
        return loc.text(str(value), header + loc.whole())
    if column == "session_date":
        return loc.date(value, header + loc.whole())
    if column in ("prefecture_date", "publication_date"):
        return loc.date(value, loc.sections(K.SIGNATURE) + loc.whole())
    if column in ("president", "secretary"):
        return _persons(loc, str(value), people + loc.sections(K.SIGNATURE) + loc.whole())
    if column in ("members_in_office", "members_present", "members_voting"):
        return loc.number(value, people)
    if column in _TALLY_COLUMNS:
        return _tally(loc, _TALLY_COLUMNS[column], value)
    if column == "unanimous" and value is True:
        for region in vote + [loc.act.body_span]:
            m = _UNANIMOUS_RE.search(loc._clean_text(region))
            if m:
                return Span(region.start + m.start(), region.start + m.end())
        # read from a tally with nobody against ("POUR : 23 CONTRE : 0 ABSTENTION : 0")
        if (values or {}).get("votes_for") and "votes_for" in (spans or {}):
            return Span(*spans["votes_for"])  # type: ignore[index]
    if column == "unanimous" and value is False:
        for col in ("votes_against", "votes_abstain"):
            if (values or {}).get(col) and col in (spans or {}):
                return Span(*spans[col])  # type: ignore[index]
    if column == "body" and body_words(str(value)) is not None:
        return _first_match(loc, body_words(str(value)), header + loc.whole())  # type: ignore[arg-type]
    if column == "outcome" and value in OUTCOME_RE:
        span = _only_match(loc, OUTCOME_RE[value], vote + [loc.act.body_span])
        if span is None and value == "adopted":
            # no "adopté" printed once: the outcome was read from the vote or the deciding
            # formula ("à l'unanimité", "Pour : 12", "après en avoir délibéré, décide")
            span = _first_match(loc, DECIDED_RE, vote + loc.sections(K.DECISION) + [loc.act.body_span])
        return span
    return None


#: The words an act's adoption is read from when no "adopté" stands once: the deciding
#: formula ("après en avoir délibéré", "DÉCIDE", "approuve", "à l'unanimité").
DECIDED_RE = re.compile(r"apr[èe]s\s+(?:en\s+)?avoir\s+d[ée]lib[ée]r[ée]|\bd[ée]cide(?:nt)?\b|\bapprouv\w*|unanim\w*"
                        r"|\badopt\w*", re.I)


def _first_match(loc: ActLocator, pattern: re.Pattern[str], regions: Sequence[Span]) -> Span | None:
    """The first match of ``pattern`` in the first region that has one."""
    for region in regions:
        m = pattern.search(loc._clean_text(region))
        if m:
            return Span(region.start + m.start(), region.start + m.end())
    return None


def locate_rows(loc: ActLocator, table: str, rows: list[Any]) -> list[Any]:
    """``rows`` with ``char_start``/``char_end`` found for those that came without them."""
    find = ROW_LOCATORS.get(table)
    if find is None:
        return rows
    out = []
    for r in rows:
        if getattr(r, "char_end", None) is None:
            span = find(loc, r)
            if span is not None:
                r = dataclasses.replace(r, char_start=span.start, char_end=span.end)
        out.append(r)
    return out
