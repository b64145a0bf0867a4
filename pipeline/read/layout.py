"""Words with boxes → lines in reading order → page text, for text layers and OCR alike.

Lines are built geometrically (words whose vertical extents overlap enough belong to one
line, like pdfplumber's ``extract_text``) so that a table row reads as one line. Within a
line, a horizontal gap wider than :data:`COLUMN_GAP_EM` em becomes a tab: later stages
read tabs as column breaks (budget tables, two-column headers, right-aligned footers).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from pipeline.model import Word

#: A gap between two words wider than this many line-heights is a column break (tab).
COLUMN_GAP_EM = 1.6


@dataclass
class RawWord:
    """A word before layout: text and box in points, origin at the top-left of the page."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    conf: float | None = None
    unit: int | None = None  # words of one OCR line share a unit: never split across lines


def _line_of(words: list[RawWord]) -> tuple[float, float]:
    return min(w.top for w in words), max(w.bottom for w in words)


def group_lines(words: list[RawWord]) -> list[list[RawWord]]:
    """Group words into lines sorted top to bottom, each sorted left to right."""
    # Units first: OCR already knows which words make a line even on a skewed page.
    units: dict[object, list[RawWord]] = {}
    for i, w in enumerate(words):
        units.setdefault(w.unit if w.unit is not None else ("w", i), []).append(w)
    # each block with its vertical extent, measured once, sorted by centre
    blocks = sorted(((*_line_of(ws), ws) for ws in units.values()), key=lambda b: (b[0] + b[1]) / 2)
    lines: list[tuple[float, float, list[RawWord]]] = []
    for top, bottom, ws in blocks:
        # a dash or a dot is a fraction of a point high: its own height, not a floor of one
        # point, is what must overlap a line ("Nombre … exercice : 64 – Présents", where a 1 pt
        # floor put every "–" and, after them, the ":" and "en" on a line of their own)
        height = max(bottom - top, 0.05)
        centre = (top + bottom) / 2
        placed = False
        # compare with the last few lines only: lines are sorted by centre
        for k in range(len(lines) - 1, max(-1, len(lines) - 4), -1):
            ltop, lbottom, lws = lines[k]
            overlap = min(bottom, lbottom) - max(top, ltop)
            # a flat glyph ("–", "_", a rule: 0.4 pt high) belongs to the line its centre is in
            if overlap >= 0.5 * min(height, lbottom - ltop) or (bottom - top < 2.0 and ltop < centre < lbottom):
                lines[k] = (min(ltop, top), max(lbottom, bottom), lws + ws)
                placed = True
                break
        if not placed:
            lines.append((top, bottom, list(ws)))
    lines.sort(key=lambda t: t[0])
    return [sorted(lws, key=lambda w: w.x0) for _, _, lws in lines]


#: A sidebar (left margin column) holds at most this share of a page's characters.
SIDEBAR_MAX_SHARE = 0.4


def _is_prose(words: list[RawWord]) -> bool:
    """Eight words or more in a row without a column gap: running text, not table cells."""
    if len(words) < 8:
        return False
    words = sorted(words, key=lambda w: w.x0)
    height = max(1.0, sorted(w.bottom - w.top for w in words)[len(words) // 2])
    return all(b.x0 - a.x1 <= COLUMN_GAP_EM * height for a, b in zip(words, words[1:]))


def _sidebar_run(lines: list[list[RawWord]], x: float, crossed: list[bool],
                 longer_than: int = 2, ends: tuple[np.ndarray, np.ndarray] | None = None
                 ) -> tuple[int, int] | None:
    """Longest run of consecutive lines no word of which crosses ``x`` (``crossed[i]`` says
    whether line i is crossed), that looks like a sidebar beside running text, among the runs
    of more than ``longer_than`` lines (a sidebar has three lines at least; a caller that
    already holds a run of some length asks only for longer ones). ``ends``: each line's
    smallest and largest word end (``x1``), which a caller trying many ``x`` computes once."""
    if ends is None:
        ends = _word_ends(lines)
    first_end, last_end = ends
    best: tuple[int, int] | None = None
    i = 0
    while i < len(lines):
        if crossed[i]:
            i += 1
            continue
        j = i
        while j < len(lines) and not crossed[j]:
            j += 1
        if j - i <= max(longer_than, 2) or (best is not None and j - i <= best[1] - best[0]):
            i = j
            continue
        # the cheap tests first: the prose test sorts every line's words
        n_left = int(np.count_nonzero(first_end[i:j] <= x))  # lines with a word left of x
        # …a sidebar has lines with nothing beside them, unlike the first column of a table
        left_only = int(np.count_nonzero(last_end[i:j] <= x))
        if n_left < 3 or left_only < 3 or left_only < 0.3 * n_left:
            i = j
            continue
        run = lines[i:j]
        left_text = "".join(w.text for ln in run for w in ln if w.x1 <= x)
        if (len(left_text) >= 6 * n_left
                and sum(c.isalpha() for c in left_text) / max(len(left_text), 1) >= 0.7
                # beside a sidebar runs prose (long lines); a table's rows are short cells
                and sum(1 for ln in run if _is_prose([w for w in ln if w.x0 >= x])) >= 3):
            best = (i, j)
        i = j
    return best


def _word_ends(lines: list[list[RawWord]]) -> tuple[np.ndarray, np.ndarray]:
    """Each line's smallest and largest word end ``x1`` (+inf and -inf for an empty line)."""
    first = np.fromiter((min((w.x1 for w in ln), default=np.inf) for ln in lines), dtype=np.float64,
                        count=len(lines))
    last = np.fromiter((max((w.x1 for w in ln), default=-np.inf) for ln in lines), dtype=np.float64,
                       count=len(lines))
    return first, last


def _crossing(lines: list[list[RawWord]], xs: np.ndarray) -> np.ndarray:
    """``crossed[l, k]``: a word of line ``l`` crosses the vertical ``xs[k]`` (with 4 pt of
    margin on each side of the word), for every line and position at once."""
    crossed = np.zeros((len(lines), len(xs) + 1), dtype=np.int32)
    sizes = [len(ln) for ln in lines]
    if not sum(sizes):
        return crossed[:, :-1].astype(bool)
    line_of = np.repeat(np.arange(len(lines)), sizes)
    x0 = np.fromiter((w.x0 for ln in lines for w in ln), dtype=np.float64, count=len(line_of))
    x1 = np.fromiter((w.x1 for ln in lines for w in ln), dtype=np.float64, count=len(line_of))
    lo = np.searchsorted(xs, x0 - 4, side="right")
    hi = np.searchsorted(xs, x1 + 4, side="left")
    keep = hi > lo
    # +1 where a word's crossing starts, -1 where it ends; summed along the line
    np.add.at(crossed, (line_of[keep], lo[keep]), 1)
    np.add.at(crossed, (line_of[keep], hi[keep]), -1)
    return np.cumsum(crossed, axis=1)[:, :-1] > 0


def split_sidebar(lines: list[list[RawWord]], page_width: float) -> list[list[RawWord]]:
    """Read a left margin column apart from the text beside it.

    Montpellier's extracts print "Direction des Ressources Humaines … Extrait du registre
    des délibérations … n° 2014 / 139" in a left column beside the opening of the act;
    read line by line, the two would interleave. Where a vertical band left of the middle
    of the page is crossed by no word over a run of lines, with text on both sides, the
    left column of that run is read first, then the right one.
    """
    if page_width <= 0 or len(lines) < 6:
        return lines
    xs = np.arange(int(0.12 * page_width), int(0.45 * page_width), 2, dtype=np.float64)
    if not len(xs):
        return lines
    # crossed[l, k]: a word of line l crosses the candidate gutter xs[k] (4 pt margins)
    crossed = _crossing(lines, xs)
    free = ~crossed
    ends = _word_ends(lines)
    # a gutter needs three consecutive free lines somewhere: test the others no further
    triples = free[:-2] & free[1:-1] & free[2:]
    best: tuple[int, int, float] | None = None
    previous = -2
    for k in np.nonzero(triples.any(axis=0))[0]:
        # beside a gutter that is crossed by the same lines, every free line divides its
        # words the same way (no word can end between two free positions 2 pt apart):
        # the same run, which a later position cannot better
        same = k == previous + 1 and np.array_equal(crossed[:, k], crossed[:, previous])
        previous = k
        if same:
            continue
        run = _sidebar_run(lines, float(xs[k]), crossed[:, k].tolist(),
                           longer_than=best[1] - best[0] if best else 2, ends=ends)
        if run:  # longer than the best held: _sidebar_run returns no other
            best = (run[0], run[1], float(xs[k]))
    if best is None:
        return lines
    i, j, x = best
    run_words = [w for ln in lines[i:j] for w in ln]
    left = [w for w in run_words if w.x1 <= x]
    right = [w for w in run_words if w.x0 >= x]
    if sum(len(w.text) for w in left) > SIDEBAR_MAX_SHARE * sum(len(w.text) for ln in lines for w in ln):
        return lines
    return lines[:i] + group_lines(left) + group_lines(right) + lines[j:]


#: Two columns of a page: the gutter lies in this band of the page's width.
COLUMN_BAND = (0.25, 0.75)
#: …and is crossed by no word over this many consecutive lines at least.
COLUMN_MIN_LINES = 10
#: A line of running text in a column: this many words at least, without a column gap.
COLUMN_PROSE_WORDS = 5


def _misaligned(line: list[RawWord], x: float) -> bool | None:
    """Whether the words left and right of ``x`` on a line sit on different baselines (None:
    the line has words on one side only). The cells of a table row share a baseline; two
    columns of text with their own leading drift against each other, and the line grouping
    only put them together because their boxes overlap."""
    left = [w.bottom for w in line if w.x1 <= x]
    right = [w.bottom for w in line if w.x0 >= x]
    if not left or not right:
        return None
    height = max(1.0, sorted(w.bottom - w.top for w in line)[len(line) // 2])
    # medians of a few numbers: sorting is cheaper than numpy here
    return abs(sorted(left)[len(left) // 2] - sorted(right)[len(right) // 2]) > 0.2 * height


def _is_running_text(lines: list[list[RawWord]]) -> bool:
    """Whether ``lines`` (the words of one column) read as running text: two lines in five at
    least of five words or more without a column gap (a table's cells are short or parted by
    gaps), sentences that wrap (three lines at least that go on, in lower case, from a line
    that ends no sentence) and sentences that end (three full stops at least)."""
    if not lines:
        return False
    prose = 0
    for ln in lines:
        if len(ln) < COLUMN_PROSE_WORDS:
            continue
        height = max(1.0, sorted(w.bottom - w.top for w in ln)[len(ln) // 2])
        if all(b.x0 - a.x1 <= COLUMN_GAP_EM * height for a, b in zip(ln, ln[1:])):
            prose += 1
    wraps = sum(1 for a, b in zip(lines, lines[1:])
                if b[0].text[:1].islower() and not a[-1].text.endswith((".", ":", ";", "!", "?")))
    # …and sentences that end: paragraphs, not cells ("… ne peut porter." / "EPANDAGE DES
    # BOUES"); a wrapped cell of a table ("Aménagement de passages à faune / sous une route
    # départementale") ends no sentence
    ends = sum(1 for ln in lines if ln[-1].text.endswith((".", "!", "?"))
               or any(a.text.endswith(".") and b.text[:1].isupper() and len(a.text) > 2 for a, b in zip(ln, ln[1:])))
    return prose >= 0.4 * len(lines) and wraps >= 3 and ends >= 3


def split_columns(lines: list[list[RawWord]], page_width: float) -> list[list[RawWord]]:
    """Read a page set in two columns (a bulletin, a newsletter's council page) column by
    column instead of line by line across both.

    The gutter is a vertical band in the middle of the page crossed by no word over ten
    lines or more. A table has such gutters too, between its columns: what tells two columns
    of text apart is that their lines do not share baselines (a third of the lines with words on both
    sides are misaligned, the cells of a table row are not), and that one side at least is
    running text (:func:`_is_running_text`). Chéméré's bulletin of
    2013 prints the council's decisions in a left column beside the list of grants; read
    line by line, every decision was glued to a grant's row.
    """
    if page_width <= 0 or len(lines) < COLUMN_MIN_LINES:
        return lines
    xs = np.arange(int(COLUMN_BAND[0] * page_width), int(COLUMN_BAND[1] * page_width), 2, dtype=np.float64)
    crossed = _crossing(lines, xs)
    # the longest run of free lines at each position, all positions at once: most pages have
    # none of ten lines (text across the page) and stop here
    run = np.zeros(len(xs), dtype=np.int32)
    longest = np.zeros(len(xs), dtype=np.int32)
    for row in ~crossed:
        run = (run + 1) * row
        np.maximum(longest, run, out=longest)
    candidates = np.nonzero(longest >= COLUMN_MIN_LINES)[0]
    if not len(candidates):
        return lines
    best: tuple[int, int, float] | None = None
    previous = None
    tried: set[tuple[int, int, tuple[int, ...]]] = set()
    n = len(lines)
    for k in candidates:
        column = crossed[:, k]
        if previous is not None and np.array_equal(column, previous):
            continue  # the same lines cross it: the same runs as the position before
        previous = column
        x = float(xs[k])
        i = 0
        while i < n:
            if column[i]:
                i += 1
                continue
            j = i
            while j < n and not column[j]:
                j += 1
            if j - i >= COLUMN_MIN_LINES and (best is None or j - i > best[1] - best[0]):
                # positions that part the words of the run alike are one test
                key = (i, j, tuple(sum(1 for w in ln if w.x1 <= x) for ln in lines[i:j]))
                if key not in tried:
                    tried.add(key)
                    if _two_columns(lines[i:j], x):
                        best = (i, j, x)
            i = j
    if best is None:
        return lines
    i, j, x = best
    run_words = [w for ln in lines[i:j] for w in ln]
    left = group_lines([w for w in run_words if w.x1 <= x])
    right = group_lines([w for w in run_words if w.x0 >= x])
    return (split_columns(lines[:i], page_width) + left + right
            + split_columns(lines[j:], page_width))


def _two_columns(run: list[list[RawWord]], x: float) -> bool:
    """Whether the lines of ``run``, none of which crosses ``x``, are two columns of text."""
    left = [[w for w in ln if w.x1 <= x] for ln in run]
    right = [[w for w in ln if w.x0 >= x] for ln in run]
    left = [ln for ln in left if ln]
    right = [ln for ln in right if ln]
    if len(left) < 6 or len(right) < 6:
        return False
    flags = [m for m in (_misaligned(ln, x) for ln in run) if m is not None]
    if len(flags) < 5 or sum(flags) < 0.3 * len(flags):
        return False
    # each side's part of a line is a line of that column (two lines of one column never
    # share a line of the page)
    return _is_running_text(left) or _is_running_text(right)


def lay_out(words: list[RawWord], page_width: float = 0.0) -> tuple[str, list[Word]]:
    """Return the page text and its words with offsets relative to the page text.

    A left sidebar, when there is one, is read first, then the main column; a page set in
    two columns is read column by column.
    """
    grouped = group_lines(words)
    lines = split_sidebar(grouped, page_width)
    if lines is grouped:
        lines = split_columns(lines, page_width)
    parts: list[str] = []
    out: list[Word] = []
    pos = 0
    for li, line in enumerate(lines):
        if li:
            parts.append("\n")
            pos += 1
        height = max(1.0, sorted(w.bottom - w.top for w in line)[len(line) // 2])
        prev: RawWord | None = None
        for w in line:
            if prev is not None:
                gap = w.x0 - prev.x1
                sep = "\t" if gap > COLUMN_GAP_EM * height else " "
                parts.append(sep)
                pos += 1
            parts.append(w.text)
            out.append(Word(w.text, w.x0, w.top, w.x1, w.bottom, pos, li, w.conf))
            pos += len(w.text)
            prev = w
    return "".join(parts), out
