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

So those words and lines are cropped from the prepared page image, stacked one under the
other on a white strip, and read again in one Tesseract call. A new reading replaces the
old one only when it is better: a doubtful word when Tesseract is clearly surer of it, a
folded line when the new reading folds fewer words and is surer on the whole.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from statistics import median
from typing import Callable

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


@dataclass(frozen=True)
class _Region:
    indices: tuple[int, ...]  # the words it replaces
    box: tuple[int, int, int, int]  # crop of the page image, pixels
    whole_line: bool  # a folded line (new words keep their own lines) or one word


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


def _regions(words: list[RawWord], size: tuple[int, int]) -> list[_Region]:
    folded = _folded_lines(words)
    in_folded = {i for idx in folded for i in idx}
    regions = [_Region(tuple(idx), _box(words, idx, size), True) for idx in folded]
    usual = median(_height(w) for w in words) if words else 0.0
    # a doubtful word of the size of a word (not a stamp, a signature, a logo)
    regions += [_Region((i,), _box(words, [i], size), False)
                for i, w in enumerate(words) if i not in in_folded and _doubtful(w)
                and _height(w) <= MAX_ROW * usual and (w.x1 - w.x0) <= 0.4 * size[0]]
    return [r for r in regions if r.box[2] > r.box[0] and r.box[3] > r.box[1]][:MAX_REGIONS]


def _better(region: _Region, old: list[RawWord], new: list[RawWord]) -> bool:
    confs = [w.conf for w in new if w.conf is not None]
    if not new or not confs:
        return False
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
    read twice."""
    crop = gray.crop(region.box)
    mine = set(region.indices)
    x0, y0, x1, y1 = region.box
    for i, w in enumerate(words):
        if i in mine or w.x1 <= x0 or w.x0 >= x1 or w.bottom <= y0 or w.top >= y1:
            continue
        crop.paste(255, (max(0, int(w.x0) - x0), max(0, int(w.top) - y0),
                         min(x1, int(w.x1) + 1) - x0, min(y1, int(w.bottom) + 1) - y0))
    return crop


def reread(image: Image.Image, words: list[RawWord], read: TsvReader) -> list[RawWord]:
    """``words`` (boxes in pixels of ``image``) with doubtful words and folded lines read again."""
    regions = _regions(words, image.size)
    if not regions:
        return words
    gray = image.convert("L")
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
        if r.whole_line:  # the words take their own boxes; lines are left to the layout,
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
