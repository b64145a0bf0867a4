"""Rules drawn on born-digital pages, read from pdfium's path objects, and the ruled grids
they make.

A ruled table is found from its rules alone: pdfplumber's table finder (merge the edges,
intersect them, make cells of the intersections, group the cells into tables) needs
nothing but the page's horizontal and vertical edges. pdfplumber gets those edges from
pdfminer, which parses every character and every operator of the page first — about four
fifths of our time on a page of tables (``bench/``). pdfium hands us the page's path objects
directly: their segments, taken through the object's matrix (and the matrices of the forms
that hold it), give the same edges at a fraction of the cost, in the coordinates of the
text layer's words (top-left origin, points). The grid is then pdfplumber's own
(:mod:`pdfplumber.table` functions), and a cell's text is the page's words whose centre lies
in it (:func:`cell_text`), as pdfplumber's ``Table.extract`` does with characters.

Which paths count, as in pdfminer: a path that is stroked or filled (a clipping path
draws nothing); each of its axis-aligned segments is an edge — the four sides of a
rectangle, a line, the straight pieces of a curve — the closing segment of a closed
subpath included.
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

#: Settings of pdfplumber's table finder (its defaults, the ones the readers were built on).
SNAP_TOLERANCE = 3
JOIN_TOLERANCE = 3
EDGE_MIN_LENGTH = 3
EDGE_MIN_LENGTH_PREFILTER = 1
INTERSECTION_TOLERANCE = 3
#: Coordinates this close are the same (a matrix's rounding, not a slanted rule).
_SAME = 0.01
#: A page drawing more paths than this is a picture (a map, a chart), not a table's rules:
#: its paths are not walked one by one.
MAX_PATHS = 20000

Box = tuple[float, float, float, float]
Matrix = tuple[float, float, float, float, float, float]
_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _compose(outer: Matrix, inner: Matrix) -> Matrix:
    """The matrix applying ``inner`` then ``outer`` (PDF's row-vector convention)."""
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def _matrix(obj: Any) -> Matrix:
    m = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(obj, ctypes.byref(m)):
        return _IDENTITY
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def _edge(p0: tuple[float, float], p1: tuple[float, float], min_length: float = 0.0) -> dict[str, Any] | None:
    """The edge from ``p0`` to ``p1`` when it is axis-aligned and at least ``min_length``
    long (pdfplumber's ``filter_edges`` test, applied before any dict is made: most segments
    of a page are the tiny straight pieces of curves and glyph-like drawings)."""
    (x0, y0), (x1, y1) = p0, p1
    if abs(x0 - x1) <= _SAME:
        orientation = "v"
        x1 = x0
        if abs(y1 - y0) < min_length:
            return None
    elif abs(y0 - y1) <= _SAME:
        orientation = "h"
        y1 = y0
        if abs(x1 - x0) < min_length:
            return None
    else:
        return None
    left, right, top, bottom = min(x0, x1), max(x0, x1), min(y0, y1), max(y0, y1)
    return {"object_type": "path_edge", "orientation": orientation, "x0": left, "x1": right, "top": top,
            "bottom": bottom, "doctop": top, "width": right - left, "height": bottom - top}


def _path_edges(obj: Any, matrix: Matrix, height: float, out: list[dict[str, Any]], min_length: float = 0.0) -> None:
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    if pdfium_c.FPDFPath_GetDrawMode(obj, ctypes.byref(fill), ctypes.byref(stroke)) and not (fill.value or stroke.value):
        return  # a clipping path: nothing is drawn
    a, b, c, d, e, f = matrix
    x, y = ctypes.c_float(), ctypes.c_float()
    px, py = ctypes.byref(x), ctypes.byref(y)
    start: tuple[float, float] | None = None
    last: tuple[float, float] | None = None
    for i in range(pdfium_c.FPDFPath_CountSegments(obj)):
        seg = pdfium_c.FPDFPath_GetPathSegment(obj, i)
        if not pdfium_c.FPDFPathSegment_GetPoint(seg, px, py):
            continue
        # page space (origin bottom-left), then the words' space (origin top-left)
        point = (a * x.value + c * y.value + e, height - (b * x.value + d * y.value + f))
        if pdfium_c.FPDFPathSegment_GetType(seg) == pdfium_c.FPDF_SEGMENT_MOVETO or last is None:
            start = last = point
            continue
        edge = _edge(last, point, min_length)
        if edge:
            out.append(edge)
        last = point
        if pdfium_c.FPDFPathSegment_GetClose(seg) and start is not None:
            edge = _edge(point, start, min_length)
            if edge:
                out.append(edge)
            last = start


def _smaller_than(obj: Any, outer: Matrix, length: float) -> bool:
    """Whether the path ``obj`` fits in a box less than ``length`` wide and high on the page
    (its bounds, which include its own matrix, taken through the forms' ``outer`` matrix)."""
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    if not pdfium_c.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
        return False
    w, h = right.value - left.value, top.value - bottom.value
    a, b, c, d = outer[:4]
    return abs(a) * w + abs(c) * h < length and abs(b) * w + abs(d) * h < length


def _walk(objects: list[tuple[Any, Matrix]], height: float, out: list[dict[str, Any]], budget: list[int],
          min_length: float = 0.0) -> None:
    while objects:
        obj, outer = objects.pop()
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
            budget[0] -= 1
            if budget[0] < 0:
                return
            if min_length and _smaller_than(obj, outer, min_length):
                continue  # a dot, a glyph-like speck: no segment of it can be an edge that long
            _path_edges(obj, _compose(outer, _matrix(obj)), height, out, min_length)
        elif kind == pdfium_c.FPDF_PAGEOBJ_FORM:
            inner = _compose(outer, _matrix(obj))
            objects.extend((pdfium_c.FPDFFormObj_GetObject(obj, i), inner)
                           for i in range(pdfium_c.FPDFFormObj_CountObjects(obj)))


def page_edges(page: pdfium.PdfPage, min_paths: int = 1, min_length: float = 0.0) -> list[dict[str, Any]]:
    """The horizontal and vertical edges drawn on ``page``, as pdfplumber edges (top-left
    origin, points), those at least ``min_length`` long; none on a page drawing fewer than
    ``min_paths`` paths or more than :data:`MAX_PATHS`."""
    height = page.get_size()[1]
    raw = page.raw
    objects = [(pdfium_c.FPDFPage_GetObject(raw, i), _IDENTITY) for i in range(pdfium_c.FPDFPage_CountObjects(raw))]
    out: list[dict[str, Any]] = []
    budget = [MAX_PATHS]
    _walk(objects, height, out, budget, min_length)
    drawn = MAX_PATHS - budget[0]
    return [] if budget[0] < 0 or drawn < min_paths else out


@dataclass
class Grid:
    """One ruled grid: its rows, each a list of cell boxes (None where a cell of the grid's
    columns is merged away), and each row's box."""

    rows: list[list[Box | None]]
    row_boxes: list[Box]

    @property
    def bbox(self) -> Box:
        return bbox_of(self.row_boxes)


def bbox_of(boxes: list[Box]) -> Box:
    """The box covering ``boxes``."""
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


def grids(edges: list[dict[str, Any]]) -> list[Grid]:
    """The ruled grids the edges make, by pdfplumber's table finder, top to bottom."""
    from pdfplumber.table import Table, cells_to_tables, edges_to_intersections, intersections_to_cells
    from pdfplumber.table import merge_edges
    from pdfplumber.utils import filter_edges

    edges = filter_edges(edges, min_length=EDGE_MIN_LENGTH_PREFILTER)
    if not edges:
        return []
    edges = merge_edges(edges, snap_x_tolerance=SNAP_TOLERANCE, snap_y_tolerance=SNAP_TOLERANCE,
                        join_x_tolerance=JOIN_TOLERANCE, join_y_tolerance=JOIN_TOLERANCE)
    edges = filter_edges(edges, min_length=EDGE_MIN_LENGTH)
    cells = intersections_to_cells(edges_to_intersections(edges, INTERSECTION_TOLERANCE, INTERSECTION_TOLERANCE))
    out = []
    for group in cells_to_tables(cells):
        table = Table(None, group)  # type: ignore[arg-type]  # the page is only read by extract()
        rows = table.rows
        out.append(Grid([list(r.cells) for r in rows], [r.bbox for r in rows]))
    return out


def _inside(w: Any, box: Box) -> bool:
    # half-open, as pdfplumber's Table.extract: a word on a shared rule goes to one cell
    cx, cy = (w.x0 + w.x1) / 2, (w.top + w.bottom) / 2
    return box[0] <= cx < box[2] and box[1] <= cy < box[3]


def cell_text(words: list[Any], box: Box) -> str:
    """The text of the words whose centre lies in ``box``: its lines top to bottom, each
    line's words left to right, lines joined by newlines ("" for an empty cell).

    A word is on a line when its middle lies within the line's height: pdfium's boxes are
    the glyphs' ink, so a dash or a superscript ("2ème", "m3") does not share the top of its
    line's letters, but it stands inside their height.
    """
    lines: list[list[Any]] = []  # each: [top, bottom, words…]
    for w in sorted((w for w in words if _inside(w, box)), key=lambda w: -(w.bottom - w.top)):
        cy = (w.top + w.bottom) / 2
        line = next((ln for ln in lines if ln[0] <= cy <= ln[1]), None)
        if line is None:
            lines.append([w.top, w.bottom, w])
        else:
            line.append(w)
    lines.sort(key=lambda ln: ln[0])
    return "\n".join(_line_text(sorted(ln[2:], key=lambda w: w.x0)) for ln in lines)


#: Words of a line closer than this (points) are one word.
TOUCHING = 0.5
#: pdfium cuts a word where a superscript leaves the baseline ("1" + "ère", "2" + "ème"): a
#: word raised above its neighbour's baseline and closer than this is the same word
#: (pdfplumber's word gap).
SUPERSCRIPT_GAP = 3.0


def _glued(prev: Any, w: Any) -> bool:
    gap = w.x0 - prev.x1
    raised = w.bottom < prev.top + 0.6 * (prev.bottom - prev.top)  # its baseline in the upper part
    return gap <= TOUCHING or (raised and gap <= SUPERSCRIPT_GAP and prev.text[-1].isalnum() and w.text.isalpha())


def _line_text(words: list[Any]) -> str:
    out = words[0].text
    for prev, w in zip(words, words[1:]):
        out += ("" if _glued(prev, w) else " ") + w.text
    return out


def extract(grid: Grid, words: list[Any]) -> list[list[str | None]]:
    """The grid's cells' texts, row by row (None for a merged-away cell)."""
    out = []
    x0, top, x1, bottom = grid.bbox
    words = [w for w in words if x0 <= (w.x0 + w.x1) / 2 <= x1 and top <= (w.top + w.bottom) / 2 <= bottom]
    for row, row_box in zip(grid.rows, grid.row_boxes):
        in_row = [w for w in words if _inside(w, row_box)]
        out.append([None if cell is None else cell_text(in_row, cell) for cell in row])
    return out
