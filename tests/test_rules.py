"""Rules drawn on a page, read from pdfium's path objects (``pipeline.read.rules``): the same
edges and grids pdfplumber finds from pdfminer's parse, and cells read from our words.

Each drawing is written by the test itself in one of the ways PDF producers draw rules:
stroked rectangles (``re S``), filled thin rectangles (a rule as a 0.5 pt box, the way office
suites export borders), lines (``m l S``), a scaled coordinate system (``cm``), and rules
inside a form XObject placed with its own matrix. A clipping path draws nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium
import pytest

from pipeline.read import rules
from tests.pdfgen import raw_pdf

COLS = [60.0, 200.0, 300.0, 400.0]
ROWS = [100.0, 120.0, 140.0, 160.0, 180.0]  # from the top


def _rects_stroked() -> bytes:
    return b"".join(b"%.1f %.1f %.1f %.1f re S " % (x0, 842 - y1, x1 - x0, y1 - y0)
                    for x0, x1 in zip(COLS, COLS[1:]) for y0, y1 in zip(ROWS, ROWS[1:]))


def _thin_filled() -> bytes:
    h = b"".join(b"%.1f %.1f %.1f 0.5 re f " % (COLS[0], 842 - y, COLS[-1] - COLS[0]) for y in ROWS)
    v = b"".join(b"%.1f %.1f 0.5 %.1f re f " % (x, 842 - ROWS[-1], ROWS[-1] - ROWS[0]) for x in COLS)
    return h + v


def _lines() -> bytes:
    h = b"".join(b"%.1f %.1f m %.1f %.1f l S " % (COLS[0], 842 - y, COLS[-1], 842 - y) for y in ROWS)
    v = b"".join(b"%.1f %.1f m %.1f %.1f l S " % (x, 842 - ROWS[0], x, 842 - ROWS[-1]) for x in COLS)
    return h + v


def _scaled() -> bytes:
    # the same lines drawn in a coordinate system of half-points
    h = b"".join(b"%.1f %.1f m %.1f %.1f l S " % (2 * COLS[0], 2 * (842 - y), 2 * COLS[-1], 2 * (842 - y)) for y in ROWS)
    v = b"".join(b"%.1f %.1f m %.1f %.1f l S " % (2 * x, 2 * (842 - ROWS[0]), 2 * x, 2 * (842 - ROWS[-1])) for x in COLS)
    return b"q 0.5 0 0 0.5 0 0 cm " + h + v + b"Q "


DRAWINGS = {"stroked rectangles": _rects_stroked, "thin filled rectangles": _thin_filled, "lines": _lines,
            "scaled coordinates": _scaled}


def _pdf(path: Path, content: bytes, form: bytes | None = None, form_matrix: str = "1 0 0 1 0 0") -> Path:
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"]
    xobject = b"/XObject << /Fm1 5 0 R >>" if form is not None else b""
    objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << %s >> /Contents 4 0 R >>"
                   % xobject)
    body = content + (b" /Fm1 Do" if form is not None else b"")
    objects.append(b"<< /Length %d >>\nstream\n" % len(body) + body + b"\nendstream")
    if form is not None:
        objects.append(b"<< /Type /XObject /Subtype /Form /BBox [0 0 1200 1700] /Matrix [%s] /Length %d >>\nstream\n"
                       % (form_matrix.encode(), len(form)) + form + b"\nendstream")
    path.write_bytes(raw_pdf(objects))
    return path


def _cells(boxes: list[list[tuple[float, float, float, float] | None]]) -> list[list[tuple[float, ...] | None]]:
    return [[tuple(round(v, 1) for v in c) if c else None for c in row] for row in boxes]


def _plumber_grid(path: Path) -> list[list[tuple[float, ...] | None]]:
    with pdfplumber.open(path) as pdf:
        return _cells([list(r.cells) for t in pdf.pages[0].find_tables() for r in t.rows])


def _our_grid(path: Path) -> list[list[tuple[float, ...] | None]]:
    pdf = pdfium.PdfDocument(str(path))
    try:
        return _cells([row for g in rules.grids(rules.page_edges(pdf[0])) for row in g.rows])
    finally:
        pdf.close()


@pytest.mark.parametrize("drawing", sorted(DRAWINGS))
def test_grid_from_pdfium_paths_is_pdfplumbers(tmp_path: Path, drawing: str) -> None:
    path = _pdf(tmp_path / "t.pdf", DRAWINGS[drawing]())
    ours = _our_grid(path)
    assert ours == _plumber_grid(path)
    assert len(ours) == 4 and all(len(r) == 3 for r in ours)
    assert ours[0][0] == pytest.approx((60.0, 100.0, 200.0, 120.0), abs=0.6)


@pytest.mark.parametrize("placed", ["scaled where it is drawn (cm before Do)", "scaled by its own /Matrix"])
def test_rules_inside_a_form_take_the_forms_matrix(tmp_path: Path, placed: str) -> None:
    # the grid drawn at twice the size inside a form that is scaled by one half: the page's grid
    h = b"".join(b"%.1f %.1f m %.1f %.1f l S " % (2 * COLS[0], 2 * (842 - y), 2 * COLS[-1], 2 * (842 - y)) for y in ROWS)
    v = b"".join(b"%.1f %.1f m %.1f %.1f l S " % (2 * x, 2 * (842 - ROWS[0]), 2 * x, 2 * (842 - ROWS[-1])) for x in COLS)
    if placed.startswith("scaled where"):
        path = _pdf(tmp_path / "f.pdf", b"q 0.5 0 0 0.5 0 0 cm", form=h + v)
    else:
        path = _pdf(tmp_path / "f.pdf", b"", form=h + v, form_matrix="0.5 0 0 0.5 0 0")
    ours = _our_grid(path)
    assert ours == _plumber_grid(path)
    assert [c[0] for c in ours[0]] == pytest.approx([60.0, 200.0, 300.0], abs=0.1)


def test_a_clipping_path_draws_no_rule(tmp_path: Path) -> None:
    clip = b"".join(b"%.1f %.1f %.1f %.1f re W n " % (x0, 842 - y1, x1 - x0, y1 - y0)
                    for x0, x1 in zip(COLS, COLS[1:]) for y0, y1 in zip(ROWS, ROWS[1:]))
    path = _pdf(tmp_path / "c.pdf", clip + b"0 0 0 rg 60 700 m 61 700 l 61 701 l f ")  # and one dot drawn
    pdf = pdfium.PdfDocument(str(path))
    try:
        edges = rules.page_edges(pdf[0])
    finally:
        pdf.close()
    assert edges and not [e for e in edges if e["width"] > 5 or e["height"] > 5]  # the dot's, not the clip's
    assert _plumber_grid(path) == [] == _our_grid(path)


def test_a_page_with_few_paths_has_no_edges_when_asked_for_a_table(tmp_path: Path) -> None:
    path = _pdf(tmp_path / "u.pdf", b"60 700 m 400 700 l S ")  # an underline
    pdf = pdfium.PdfDocument(str(path))
    try:
        assert len(rules.page_edges(pdf[0])) == 1
        assert rules.page_edges(pdf[0], min_paths=4) == []
    finally:
        pdf.close()


@dataclass
class W:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float


@pytest.mark.parametrize("words, expected", [
    # one line, then a second: a cell's wrapped label
    ([W("Subventions", 62, 102, 110, 110), W("aux", 112, 102, 126, 110), W("associations", 62, 112, 115, 120)],
     "Subventions aux\nassociations"),
    # a dash's ink box is a sliver at mid-height: still on its line
    ([W("AFR", 62, 102, 80, 110), W("–", 83, 106, 88, 107), W("Cantine", 91, 102, 125, 110)], "AFR – Cantine"),
    # a superscript pdfium cut from its number ("2ème", "1er"); a word after a space is not glued
    ([W("2", 62, 103, 67, 110), W("ème", 67.8, 101, 80, 106), W("adjoint", 82, 102, 112, 110)], "2ème adjoint"),
    ([W("1", 62, 103, 67, 110), W("er", 68.6, 101, 75, 106), W("mai", 78, 102, 92, 110)], "1er mai"),
    # a word with a descender beside one without: one line, a space between
    ([W("réception", 62, 102, 100, 112), W("en", 102.5, 104, 110, 110)], "réception en"),
    # words outside the cell are not its text
    ([W("1 500,00", 150, 102, 190, 110), W("voisin", 210, 102, 240, 110)], "1 500,00"),
])
def test_cell_text(words: list[W], expected: str) -> None:
    assert rules.cell_text(words, (60, 100, 200, 120)) == expected


def test_a_word_on_a_shared_rule_goes_to_one_cell() -> None:
    w = [W("x", 195, 102, 205, 110)]  # centred on x = 200, the rule between two cells
    assert rules.cell_text(w, (60, 100, 200, 120)) == ""
    assert rules.cell_text(w, (200, 100, 300, 120)) == "x"
