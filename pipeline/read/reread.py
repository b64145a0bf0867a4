"""A second reading of what Tesseract read badly: doubtful words, and lines that fold two
lines of a table row into one.

Tesseract reads a page line by line. In a table whose cells are vertically centred, an
amount sits between two lines of the neighbouring cells ("104 / 500,00" beside
"46 000,00"); the page pass folds it into one of those lines, on the wrong baseline:

* it reads the amount badly ("#0:008,00", confidence 0) — cut out and read alone, the
  same pixels give "46 000,00" at 96;
* or it makes one line of the row and reads the two lines of a wrapped cell as one word
  box twice as tall ("Subventions / associations" → "assoc", "Subve") — the row read as a
  block of its own (``--psm 6``) gives each line its words.

In a ruled table, the rules seen in the page image give each cell its box
(:func:`pipeline.read.imageprep.ruled_cells`), and the cell, not the line, is what is read
again: Tesseract's line runs across the row, and in a row whose cells are centred on
different numbers of lines ("Association Nature et / Patrimoine du Pays de / Troyes" beside
a SIRET on one line and "Restauration d'une zone humide et / création de mares
pédagogiques"), it cuts the cells' lines where no cell has one: the SIRET between two lines
of its neighbours is read "PAT AAOUNIO" at confidence 0, a label's first line "re a". Read
alone, a cell has no neighbour to fold it with: "81387322100010" at 93. A cell is read again
when it holds a doubtful or folded word; its words are then the cell's words, whichever
line the page pass gave them.

So those cells, words and lines are cropped from the prepared page image (its rules
erased), stacked one under the other on a white strip, and read again in one Tesseract call.
A new reading replaces the old one only when it is better: a doubtful word when Tesseract is
clearly surer of it, a folded line when the new reading folds fewer words and is surer on
the whole, a cell when Tesseract is surer of it on the whole and sure of each word.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from statistics import median
from typing import Callable, Sequence

import numpy as np
from PIL import Image

from pipeline.read.layout import RawWord

#: Words read with less confidence than this are read again.
REREAD_BELOW = 60.0
#: A new reading of a word must be at least this sure, and this much surer than the old one.
ACCEPT_AT = 70.0
GAIN = 15.0
#: A word box this many times taller than its line's usual word folds two lines.
FOLDED = 1.7
#: At most this many regions per page (stamps and signatures give many doubtful "words").
MAX_REGIONS = 80
_GAP = 24  # white pixels between two crops on the strip, and at the left margin

TsvReader = Callable[[Image.Image], list[RawWord]]  # OCR of an image → words in its pixels


Box = tuple[int, int, int, int]


@dataclass(frozen=True)
class _Region:
    indices: tuple[int, ...]  # the words it replaces
    box: Box  # crop of the page image, pixels
    whole_line: bool  # a folded line or a cell (new words keep their own boxes), or one word
    cell: bool = False  # a cell of a ruled table


def _doubtful(w: RawWord) -> bool:
    alnum = sum(c.isalnum() for c in w.text)
    return w.conf is not None and w.conf < REREAD_BELOW and alnum >= 2


def _height(w: RawWord) -> float:
    return w.bottom - w.top


#: A folded line is a row of two or three text lines at most: taller than this many usual
#: word heights, a "line" is something else (a stamp, text across an image) and is left alone.
MAX_ROW = 3.0


def _folded_lines(words: list[RawWord]) -> list[list[int]]:
    """Lines (by ``unit``) with a word box much taller than the line's usual word."""
    lines: dict[int | None, list[int]] = {}
    for i, w in enumerate(words):
        lines.setdefault(w.unit, []).append(i)
    out = []
    for unit, idx in lines.items():
        if unit is None or len(idx) < 3:
            continue
        line = [words[i] for i in idx]
        usual = median(_height(w) for w in line)
        span = max(w.bottom for w in line) - min(w.top for w in line)
        if usual > 0 and span <= MAX_ROW * usual and _n_folded(line):
            out.append(idx)
    return out


def _box(words: list[RawWord], idx: list[int], size: tuple[int, int]) -> tuple[int, int, int, int]:
    x0 = min(words[i].x0 for i in idx)
    x1 = max(words[i].x1 for i in idx)
    top = min(words[i].top for i in idx)
    bottom = max(words[i].bottom for i in idx)
    h = median(_height(words[i]) for i in idx)
    return (max(0, int(x0 - 0.3 * h)), max(0, int(top - 0.25 * h)),
            min(size[0], int(x1 + 0.3 * h) + 1), min(size[1], int(bottom + 0.25 * h) + 1))


#: A table's cell holds at most this many usual word heights (a ruled box round a whole
#: paragraph, a frame round the page, is no table cell: its words are read again as
#: elsewhere), and a fifth of a word's height is left out round its crop: what the erased
#: rules leave of their edges.
MAX_CELL_LINES = 8
_CELL_INSET = 0.2


def _cell_words(words: list[RawWord], cells: Sequence[Box]) -> list[list[int]]:
    """The words of each cell: those whose centre lies in it (as for a born-digital grid)."""
    out: list[list[int]] = [[] for _ in cells]
    for i, w in enumerate(words):
        cx, cy = (w.x0 + w.x1) / 2, (w.top + w.bottom) / 2
        k = next((k for k, (x0, y0, x1, y1) in enumerate(cells) if x0 <= cx < x1 and y0 <= cy < y1), None)
        if k is not None:
            out[k].append(i)
    return out


def _cell_regions(words: list[RawWord], cells: Sequence[Box], by_cell: list[list[int]],
                  usual: float) -> list[_Region]:
    """The cells holding a word read with little confidence — even a mark: "Pro ”" for
    "Projet", the end of the word read as a quote — or a word box taller than a line (two
    lines folded into one)."""
    out = []
    for box, idx in zip(cells, by_cell):
        x0, y0, x1, y1 = box
        if not idx:
            continue
        if any((words[i].conf or 0.0) < REREAD_BELOW or _height(words[i]) > FOLDED * usual for i in idx):
            inset = max(1, int(_CELL_INSET * usual))
            out.append(_Region(tuple(idx), (x0 + inset, y0 + inset, x1 - inset, y1 - inset), True, cell=True))
    return out


def _regions(words: list[RawWord], size: tuple[int, int], cells: Sequence[Box] = ()) -> list[_Region]:
    usual = median(_height(w) for w in words) if words else 0.0
    # inside a ruled table, cells are what is read again; lines and words elsewhere
    cells = [c for c in cells if c[3] - c[1] <= MAX_CELL_LINES * usual]
    by_cell = _cell_words(words, cells)
    in_table = {i for idx in by_cell for i in idx}
    regions = _cell_regions(words, cells, by_cell, usual)
    folded = [idx for idx in _folded_lines(words) if not in_table.intersection(idx)]
    in_folded = {i for idx in folded for i in idx}
    regions += [_Region(tuple(idx), _box(words, idx, size), True) for idx in folded]
    # a doubtful word of the size of a word (not a stamp, a signature, a logo)
    regions += [_Region((i,), _box(words, [i], size), False)
                for i, w in enumerate(words) if i not in in_folded and i not in in_table and _doubtful(w)
                and _height(w) <= MAX_ROW * usual and (w.x1 - w.x0) <= 0.4 * size[0]]
    return [r for r in regions if r.box[2] > r.box[0] and r.box[3] > r.box[1]][:MAX_REGIONS]


def _better(region: _Region, old: list[RawWord], new: list[RawWord]) -> bool:
    confs = [w.conf for w in new if w.conf is not None]
    if not new or not confs:
        return False
    if region.cell:
        return _better_cell(old, new)
    if not region.whole_line:
        conf = min(confs)
        # a word of letters does not lose letters ("Il" read again "I")
        alnum = lambda text: sum(c.isalnum() for c in text)  # noqa: E731
        if old[0].text.isalpha() and sum(alnum(w.text) for w in new) < alnum(old[0].text):
            return False
        return conf >= ACCEPT_AT and conf >= (old[0].conf or 0.0) + GAIN
    # fewer folded words than before, and surer on the whole
    old_confs = [w.conf for w in old if w.conf is not None]
    old_mean = sum(old_confs) / len(old_confs) if old_confs else 0.0
    return _n_folded(new) < _n_folded(old) and sum(confs) / len(confs) >= old_mean + 5


#: Words read with less confidence than this are specks and rules' remains, not text.
NOISE_BELOW = 20.0


def _alnum(words: list[RawWord]) -> int:
    return sum(c.isalnum() for w in words for c in w.text)


#: A cell read again keeps at least this share of the letters and figures the page pass read
#: in it above noise (that reading may hold a rule's remains read "1", a letter read twice:
#: "l'i inventaire").
KEEP_ALNUM = 0.8


def _better_cell(old: list[RawWord], new: list[RawWord]) -> bool:
    """A cell read alone replaces the page pass's reading when it is surer on the whole, sure
    of every word, marks included, and has lost no text (:data:`KEEP_ALNUM`). A cell
    Tesseract cannot read either way stays as it was: a figure written by hand, "12", read
    "A2" at 38, then "À" at 51 or "A" at 69."""
    old_mean = sum(w.conf or 0.0 for w in old) / len(old)
    new_mean = sum(w.conf or 0.0 for w in new) / len(new)
    kept = [w for w in old if (w.conf or 0.0) >= NOISE_BELOW]
    return all((w.conf or 0.0) >= REREAD_BELOW for w in new) and new_mean >= old_mean + 5 \
        and _alnum(new) >= KEEP_ALNUM * _alnum(kept)


def _n_folded(words: list[RawWord]) -> int:
    usual = median(_height(w) for w in words)
    return sum(1 for w in words if _height(w) > FOLDED * usual)


def _unfold(words: list[RawWord]) -> list[RawWord]:
    """A word box still taller than the usual word keeps its top and the usual height (one
    word is on one line: the box ran on over the line below)."""
    usual = median(_height(w) for w in words)
    return [replace(w, bottom=w.top + usual) if _height(w) > FOLDED * usual else w for w in words]


def _own_pixels(gray: Image.Image, region: _Region, words: list[RawWord]) -> Image.Image:
    """The region's crop with the other words that reach into it whited out (a header cell
    of the row above, a neighbour's wrapped line, the "€" after an amount): they would be
    read twice. Not in a cell: its rules part it from its neighbours, and what lies in it is
    its own (a neighbour's word box reaching in is a box gone wrong)."""
    crop = gray.crop(region.box)
    if region.cell:
        return crop
    mine = set(region.indices)
    x0, y0, x1, y1 = region.box
    for i, w in enumerate(words):
        if i in mine or w.x1 <= x0 or w.x0 >= x1 or w.bottom <= y0 or w.top >= y1:
            continue
        crop.paste(255, (max(0, int(w.x0) - x0), max(0, int(w.top) - y0),
                         min(x1, int(w.x1) + 1) - x0, min(y1, int(w.bottom) + 1) - y0))
    return crop


def _inked(gray: Image.Image, region: _Region, usual: float) -> _Region:
    """A cell's crop cut down to its ink and a margin: the blank of a tall cell above and
    below its lines would cost Tesseract time for nothing."""
    x0, y0, x1, y1 = region.box
    ink = np.asarray(gray.crop(region.box), dtype=np.uint8) < 128
    rows, cols = np.nonzero(ink.any(axis=1))[0], np.nonzero(ink.any(axis=0))[0]
    if not len(rows):
        return region
    pad = max(2, int(0.5 * usual))
    box = (max(x0, x0 + int(cols[0]) - pad), max(y0, y0 + int(rows[0]) - pad),
           min(x1, x0 + int(cols[-1]) + 1 + pad), min(y1, y0 + int(rows[-1]) + 1 + pad))
    return replace(region, box=box)


def reread(image: Image.Image, words: list[RawWord], read: TsvReader,
           cells: Sequence[Box] = ()) -> list[RawWord]:
    """``words`` (boxes in pixels of ``image``) with doubtful words, folded lines and the cells
    of ruled tables (``cells``: their boxes, pixels) that hold doubtful words read again."""
    regions = _regions(words, image.size, cells)
    if not regions:
        return words
    gray = image.convert("L")
    usual = median(_height(w) for w in words)
    regions = [_inked(gray, r, usual) if r.cell else r for r in regions]
    tops, y, width = [], _GAP, 0
    for r in regions:
        tops.append(y)
        y += r.box[3] - r.box[1] + _GAP
        width = max(width, r.box[2] - r.box[0])
    strip = Image.new("L", (width + 2 * _GAP, y), 255)
    for r, top in zip(regions, tops):
        strip.paste(_own_pixels(gray, r, words), (_GAP, top))
    by_region: dict[int, list[RawWord]] = {}
    for nw in read(strip):
        mid = (nw.top + nw.bottom) / 2
        for k, (r, top) in enumerate(zip(regions, tops)):
            if top <= mid < top + r.box[3] - r.box[1]:
                by_region.setdefault(k, []).append(nw)
                break
    replaced: dict[int, list[RawWord]] = {}
    dropped: set[int] = set()
    for k, (r, top) in enumerate(zip(regions, tops)):
        new = sorted(by_region.get(k, []), key=lambda nw: (nw.top, nw.x0))
        old = [words[i] for i in r.indices]
        if not _better(r, old, new):
            continue
        dx, dy = r.box[0] - _GAP, r.box[1] - top
        if r.cell:  # the words take their own boxes, and the lines Tesseract found in the
            # cell alone (units of their own: the strip's numbers them as the page pass does)
            moved = [replace(nw, x0=nw.x0 + dx, x1=nw.x1 + dx, top=nw.top + dy, bottom=nw.bottom + dy,
                             unit=None if nw.unit is None else hash((*r.box, nw.unit)) & 0x7FFFFFFF)
                     for nw in _unfold(new)]
        elif r.whole_line:  # the words take their own boxes; lines are left to the layout,
            # as for a text layer (Tesseract's line here is the folded row again)
            moved = [replace(nw, x0=nw.x0 + dx, x1=nw.x1 + dx, top=nw.top + dy, bottom=nw.bottom + dy,
                             unit=None)
                     for nw in _unfold(new)]
        else:  # one word: the page pass's line, the strip's horizontal extent
            moved = [replace(nw, x0=nw.x0 + dx, x1=nw.x1 + dx, top=old[0].top, bottom=old[0].bottom,
                             unit=old[0].unit) for nw in sorted(new, key=lambda nw: nw.x0)]
        replaced[r.indices[0]] = moved
        dropped.update(r.indices[1:])
    if not replaced:
        return words
    out: list[RawWord] = []
    for i, w in enumerate(words):
        if i in dropped:
            continue
        out.extend(replaced.get(i, [w]))
    return out
