"""Page images made easier to read before OCR: skew measured and undone, table rules erased.

Tesseract's layout analysis drops whole lines of a skewed page and whole rows of a ruled
table (the rules and the grey header band make it take the table for a picture). Both
steps work on a copy of the page in numpy and cost a few hundredths of a second. The rules
found are also a ruled table's grid (:func:`ruled_grids`): the boxes of its cells, which
the second reading of a page (:mod:`pipeline.read.reread`) and the table reader
(:mod:`pipeline.read.word_tables`) read cell by cell.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from PIL import Image

if TYPE_CHECKING:
    from pipeline.read.rules import Grid

#: Largest skew (degrees) looked for.
MAX_SKEW = 6.0
#: A dark run at least this long (inches) along a row or a column is a rule, not a letter.
RULE_MIN_INCHES = 0.3


#: Fewer dark pixels than this share of a page (on a small copy) make a blank page.
BLANK_INK_SHARE = 0.0005


def is_blank(image: Image.Image) -> bool:
    """A page without ink worth reading (a blank back, a separator sheet)."""
    factor = max(1, int(max(image.size) / 600))
    small = np.asarray((image.reduce(factor) if factor > 1 else image).convert("L"), dtype=np.uint8)
    return float((small < 128).mean()) < BLANK_INK_SHARE


def estimate_skew(image: Image.Image) -> float:
    """Skew of the text lines in degrees (positive: lines run down to the right).

    Dark pixels of a small copy of the page are projected on the vertical axis along
    each candidate angle; text lines give the sharpest profile (largest variance of the
    row sums) at the angle they run at. Coarse then fine search.
    """
    factor = max(1, int(max(image.size) / 900))
    small = image.reduce(factor) if factor > 1 else image
    a = np.asarray(small.convert("L"), dtype=np.uint8)
    ys, xs = np.nonzero(a < 128)
    if len(xs) < 200:
        return 0.0
    if len(xs) > 40_000:
        pick = np.random.default_rng(0).choice(len(xs), 40_000, replace=False)
        xs, ys = xs[pick], ys[pick]
    xs = xs.astype(np.float64) - a.shape[1] / 2
    ys = ys.astype(np.float64)

    def sharpness(deg: float) -> float:
        rows = np.round(ys - xs * math.tan(math.radians(deg))).astype(np.int64)
        rows -= rows.min()
        return float(np.bincount(rows).astype(np.float64).var())

    best = max(np.arange(-MAX_SKEW, MAX_SKEW + 1e-9, 0.5), key=sharpness)
    best = max(np.arange(best - 0.5, best + 0.5 + 1e-9, 0.05), key=sharpness)
    return float(round(best, 2))


def deskew(image: Image.Image, angle: float) -> Image.Image:
    """Turn ``image`` so that lines running down at ``angle`` degrees become level."""
    # PIL turns counter-clockwise: a page running down to the right is turned back up.
    return image.convert("L").rotate(angle, resample=Image.Resampling.BILINEAR, fillcolor=255)


def _long_runs(dark: np.ndarray, length: int, axis: int) -> np.ndarray:
    """Mask of the pixels lying in a dark run of at least ``length`` pixels along ``axis``.

    An erosion then a dilation by a segment of ``length`` pixels, each done by doubling
    shifts (log2(length) boolean passes over the image).
    """
    a = dark if axis == 1 else dark.T
    if a.shape[1] < length:
        return np.zeros_like(dark)
    e = a.copy()
    span = 1
    while span < length:  # e[:, j] = all dark in [j, j + span)
        step = min(span, length - span)
        e[:, :-step] &= e[:, step:]
        e[:, -step:] = False
        span += step
    d = e.copy()
    span = 1
    while span < length:  # d[:, j] = some run start in (j - span, j]
        step = min(span, length - span)
        d[:, step:] |= d[:, :-step]
        span += step
    return d if axis == 1 else d.T


@dataclass(frozen=True)
class Rules:
    """The rules of a page image, found on a copy reduced ``factor`` times (a page read at
    300 dpi is halved: a quarter of the pixels, and a scan's rules are still two pixels
    thick): the pixels lying in a long horizontal dark run, and those in a long vertical one."""

    horizontal: np.ndarray
    vertical: np.ndarray
    factor: int = 2

    def any(self) -> bool:
        return bool(self.horizontal.any() or self.vertical.any())


def find_rules(image: Image.Image, dpi: float, factor: int = 2) -> Rules:
    """Dark runs at least :data:`RULE_MIN_INCHES` long along a row or a column, on a copy of
    the page reduced ``factor`` times (1: a page rendered at half the resolution already)."""
    gray = image.convert("L")
    small = np.asarray(gray.reduce(factor) if factor > 1 else gray, dtype=np.uint8) < 170
    length = max(10, int(RULE_MIN_INCHES * dpi / factor))
    return Rules(_long_runs(small, length, 1), _long_runs(small, length, 0), factor)


def erase_rules(image: Image.Image, dpi: float, rules: Rules | None = None) -> Image.Image:
    """White out long horizontal and vertical dark runs (table rules, underlines, strokes)."""
    rules = rules if rules is not None else find_rules(image, dpi)
    if not rules.any():
        return image
    a = np.asarray(image.convert("L"), dtype=np.uint8)
    small = rules.horizontal | rules.vertical
    mask = np.zeros(a.shape, dtype=bool)
    big = small.repeat(rules.factor, axis=0).repeat(rules.factor, axis=1)
    mask[: big.shape[0], : big.shape[1]] = big[: a.shape[0], : a.shape[1]]
    mask &= a < 200  # only the dark pixels of the rules, not the paper around them
    # grow the rules by two pixels so that their anti-aliased edges go too
    grown = mask.copy()
    for _ in range(2):
        g = grown.copy()
        g[1:, :] |= grown[:-1, :]
        g[:-1, :] |= grown[1:, :]
        g[:, 1:] |= grown[:, :-1]
        g[:, :-1] |= grown[:, 1:]
        grown = g
    out = a.copy()
    out[grown] = 255
    return Image.fromarray(out)


Box = tuple[int, int, int, int]


def _runs(mask: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each run of True along the rows of ``mask``: its row, first and past-the-end column."""
    steps = np.diff(np.pad(mask, ((0, 0), (1, 1))).astype(np.int8), axis=1)
    rows, starts = np.nonzero(steps == 1)
    _, ends = np.nonzero(steps == -1)  # row-major order: the n-th end closes the n-th start
    return rows, starts, ends


def _edges(rules: Rules, scale: float) -> list[dict[str, float | str]]:
    """The rules as pdfplumber's edges (``scale`` units a pixel of the reduced copy): one edge
    a row of pixels of a rule; the grid finder snaps a rule's rows into one."""
    out: list[dict[str, float | str]] = []
    for orientation, mask in (("h", rules.horizontal), ("v", rules.vertical.T)):
        for at, a, b in zip(*_runs(mask)):
            pos, lo, hi = (at + 0.5) * scale, a * scale, b * scale
            if orientation == "h":
                edge = {"x0": lo, "x1": hi, "top": pos, "bottom": pos, "width": hi - lo, "height": 0.0}
            else:
                edge = {"x0": pos, "x1": pos, "top": lo, "bottom": hi, "width": 0.0, "height": hi - lo}
            out.append({"object_type": "line", "orientation": orientation, "doctop": edge["top"], **edge})
    return out


def ruled_grids(rules: Rules, dpi: float) -> list["Grid"]:
    """The ruled grids of the page, in points (1/72 in) of the image, top to bottom: grids of
    two rows and two columns at least (a frame round a stamp is no table).

    The grid is the one born-digital pages get from their drawn rules
    (:func:`pipeline.read.rules.grids`, pdfplumber's table finder), made of the rules seen in
    the image, in points so that the finder's tolerances mean what they mean there.
    """
    from pipeline.read.rules import grids

    if not (rules.horizontal.any() and rules.vertical.any()):
        return []
    return [g for g in grids(_edges(rules, rules.factor * 72.0 / dpi))
            if len(g.rows) >= 2 and max(sum(c is not None for c in row) for row in g.rows) >= 2]


def ruled_cells(rules: Rules, dpi: float) -> list[Box]:
    """The cells of the page's ruled grids (:func:`ruled_grids`), in pixels of the image."""
    to_pixels = dpi / 72.0
    return [tuple(int(round(v * to_pixels)) for v in c)  # type: ignore[misc]
            for g in ruled_grids(rules, dpi) for row in g.rows for c in row if c is not None]
