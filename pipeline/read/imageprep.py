"""Page images made easier to read before OCR: skew measured and undone, table rules erased.

Tesseract's layout analysis drops whole lines of a skewed page and whole rows of a ruled
table (the rules and the grey header band make it take the table for a picture). Both
steps work on a copy of the page in numpy and cost a few hundredths of a second.
"""

from __future__ import annotations

import math

import numpy as np
from PIL import Image

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


def erase_rules(image: Image.Image, dpi: float) -> Image.Image:
    """White out long horizontal and vertical dark runs (table rules, underlines, strokes)."""
    a = np.asarray(image.convert("L"), dtype=np.uint8)
    # rules are found on a half-size copy (a quarter of the pixels), then mapped back
    half = np.asarray(image.convert("L").reduce(2), dtype=np.uint8) < 170
    length = max(10, int(RULE_MIN_INCHES * dpi / 2))
    small = _long_runs(half, length, 1) | _long_runs(half, length, 0)
    if not small.any():
        return image
    rules = np.zeros(a.shape, dtype=bool)
    big = small.repeat(2, axis=0).repeat(2, axis=1)
    rules[: big.shape[0], : big.shape[1]] = big[: a.shape[0], : a.shape[1]]
    rules &= a < 200  # only the dark pixels of the rules, not the paper around them
    # grow the rules by two pixels so that their anti-aliased edges go too
    grown = rules.copy()
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
