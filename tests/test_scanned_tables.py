"""Scanned ruled tables: the grid found in the page image (pipeline/read/imageprep.py), cells
read again alone (pipeline/read/reread.py), and the table read from the words with the
grid's rules and rows (pipeline/read/word_tables.py).

The page images are drawn here, at 300 dpi, as a scanner gives them: grey paper, soft ink,
specks, a grey header band, cells centred vertically on one, two or three lines."""

from __future__ import annotations

import functools
import random
import shutil
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from pipeline.model import Document, Page, TextSource, Word
from pipeline.options import Options
from pipeline.read import word_tables
from pipeline.read.imageprep import find_rules, ruled_cells, ruled_grids
from pipeline.read.layout import RawWord
from pipeline.read.load import load_document
from pipeline.read.reread import reread
from pipeline.read.table_cells import join_wrapped
from pipeline.read.tables import find_tables
from pipeline.read.word_tables import RuledCell, tables_on_page

DPI = 300
needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract absent")


def _font(size: int) -> ImageFont.FreeTypeFont:
    for name in ("LiberationSans-Regular.ttf", "DejaVuSans.ttf", "Arial.ttf"):
        try:
            return ImageFont.truetype(name, size)
        except OSError:
            continue
    pytest.skip("no TrueType font with accents")


def scanned_table(header: list[list[str]], rows: list[list[list[str]]], widths: list[float], *,
                  above: list[str] = (), seed: int = 0, pad: float = 0.3) -> Image.Image:
    """An A4 page at 300 dpi: lines of text, then a ruled table (widths in inches) whose cells
    are lists of lines, centred vertically; amounts right-aligned, the rest left-aligned."""
    size = int(DPI * 9 / 72)
    font = _font(size)
    img = Image.new("L", (int(8.27 * DPI), int(11.69 * DPI)), 238)
    draw = ImageDraw.Draw(img)
    x0, y = int(0.8 * DPI), int(1.2 * DPI)
    lh, margin = int(size * 1.25), int(size * pad)
    for line in above:
        draw.text((x0, y), line, fill=50, font=font)
        y += int(1.4 * lh)
    y += lh
    xs = [x0]
    for w in widths:
        xs.append(xs[-1] + int(w * DPI))
    tops = []
    for r, cells in enumerate([header, *rows]):
        height = max(len(c) for c in cells) * lh + 2 * margin
        if r == 0:
            draw.rectangle([xs[0], y, xs[-1], y + height], fill=215)
        for c, lines in enumerate(cells):
            cy = y + (height - len(lines) * lh) // 2
            for k, line in enumerate(lines):
                right = r > 0 and line[:1].isdigit() and "," in line
                tx = xs[c + 1] - margin - draw.textlength(line, font=font) if right else xs[c] + margin
                draw.text((tx, cy + k * lh), line, fill=50, font=font)
        tops.append(y)
        y += height
    tops.append(y)
    for t in tops:
        draw.line([xs[0], t, xs[-1], t], fill=0, width=3)
    for x in xs:
        draw.line([x, tops[0], x, tops[-1]], fill=0, width=3)
    rnd = random.Random(seed)
    for _ in range(5000):
        draw.point((rnd.randrange(img.width), rnd.randrange(img.height)), fill=rnd.randrange(90, 200))
    return img.filter(ImageFilter.GaussianBlur(0.8))


# ---------------------------------------------------------------------------
# The grid from the image
# ---------------------------------------------------------------------------

GRANTS_HEADER = [["Bénéficiaire"], ["SIRET"], ["Objet"], ["Montant", "demandé (€)"],
                 ["Montant", "attribué (€)"]]
GRANTS_ROWS = [
    [["Comité des fêtes de", "Saint-Martin-des-", "Champs"], ["41785231900017"],
     ["Organisation de la fête", "patronale et du feu", "d'artifice"], ["4 000,00"], ["3 500,00"]],
    [["Association sportive", "du collège Jean Moulin"], ["50283741600025"],
     ["Achat de matériel de", "gymnastique pour la", "section handisport"], ["15 000,00"], ["12 750,00"]],
    [["Office de tourisme", "intercommunal du Val"], ["30219846500036"],
     ["Édition d'un guide des", "randonnées pédestres"], ["8 000,00"], ["8 000,00"]],
    [["Club des aînés ruraux"], ["44102938700011"], ["Sorties culturelles et", "ateliers mémoire"],
     ["1 500,00"], ["1 200,00"]],
    [["Amicale laïque de", "Beaulieu-sur-Loire"], ["78354120900042"],
     ["Classe de découverte", "en milieu montagnard", "pour deux classes"], ["6 200,00"], ["5 000,00"]],
]
GRANTS_WIDTHS = [1.45, 1.1, 1.55, 0.95, 0.95]


@pytest.mark.parametrize("n_rows, widths", [(3, [1.5, 1.0, 2.0, 1.0]), (6, [2.5, 1.2]),
                                            (4, [1.0, 1.0, 1.0, 1.0, 1.0, 1.0])])
def test_ruled_grid_found_in_a_scanned_page(n_rows: int, widths: list[float]) -> None:
    header = [[f"Colonne {k}"] for k in range(len(widths))]
    rows = [[[f"Ligne {r}", "suite"] if k == 0 else [f"{r} 000,00"] for k in range(len(widths))]
            for r in range(n_rows)]
    img = scanned_table(header, rows, widths)
    [grid] = ruled_grids(find_rules(img, DPI), DPI)
    assert len(grid.rows) == n_rows + 1 and all(len(r) == len(widths) and None not in r for r in grid.rows)
    left = 0.8 * 72
    assert abs(grid.rows[0][0][0] - left) < 2 and abs(grid.rows[0][-1][2] - (left + sum(widths) * 72)) < 2
    assert len(ruled_cells(find_rules(img, DPI), DPI)) == (n_rows + 1) * len(widths)


def _drawn(shapes: list[tuple[str, tuple[int, int, int, int]]]) -> Image.Image:
    img = Image.new("L", (int(8.27 * DPI), int(11.69 * DPI)), 238)
    draw = ImageDraw.Draw(img)
    for kind, box in shapes:
        if kind == "rect":
            draw.rectangle(box, outline=0, width=3)
        else:
            draw.line(box, fill=0, width=3)
    return img


@pytest.mark.parametrize("shapes", [
    # a frame round a stamp ("PRÉFECTURE … REÇU LE"): one box, no table
    [("rect", (900, 100, 1900, 400))],
    # a table ruled across only (above and below its header, under its last row): no cells
    [("line", (200, 1000, 2200, 1000)), ("line", (200, 1100, 2200, 1100)), ("line", (200, 1500, 2200, 1500))],
    # underlines of a signature block and a title
    [("line", (1500, 3000, 2200, 3000)), ("line", (300, 500, 1200, 500))],
])
def test_no_grid_where_rules_make_no_table(shapes: list) -> None:  # type: ignore[type-arg]
    rules = find_rules(_drawn(shapes), DPI)
    assert ruled_grids(rules, DPI) == [] and ruled_cells(rules, DPI) == []


# ---------------------------------------------------------------------------
# Cells read again alone
# ---------------------------------------------------------------------------

PAGE = Image.new("L", (1200, 500), 255)
#: Two ruled rows of three cells, pixels: a name on two lines, a SIRET, an amount.
CELLS = [(10, 10, 400, 100), (400, 10, 700, 100), (700, 10, 1000, 100),
         (10, 100, 400, 190), (400, 100, 700, 190), (700, 100, 1000, 190)]


class FakeTesseract:
    """Reads a strip as told (words in strip pixels), and records the strips."""

    def __init__(self, answer):  # type: ignore[no-untyped-def]
        self.answer = answer
        self.strips: list[Image.Image] = []

    def __call__(self, strip: Image.Image) -> list[RawWord]:
        self.strips.append(strip)
        return self.answer(strip)


def _row_words(siret: str, conf: float) -> list[RawWord]:
    """The page pass: one Tesseract line (unit 7) across the first row, the SIRET misread."""
    out = [RawWord("Association", 30, 25, 160, 50, 96.0, 7), RawWord("Nature", 170, 25, 250, 50, 96.0, 7),
           RawWord("et", 260, 25, 285, 50, 96.0, 7), RawWord("Patrimoine", 30, 60, 150, 85, 96.0, 8),
           RawWord(siret, 420, 40, 640, 65, conf, 7), RawWord("24", 800, 40, 830, 65, 96.0, 7),
           RawWord("500,00", 840, 40, 960, 65, 96.0, 7)]
    return out


@pytest.mark.parametrize("misread, conf, read_again", [
    ("PAT AAOUNIO", 0.0, "81387322100010"),  # the SIRET folded between two lines of its neighbour
    ("721506600871", 13.0, "77215083500571"),  # digits lost
    ("24701027000588", 0.0, "33791927800396"),  # another number altogether, at confidence 0
])
def test_cell_with_a_doubtful_word_is_read_again_alone(misread: str, conf: float, read_again: str) -> None:
    words = _row_words(misread, conf)
    fake = FakeTesseract(lambda strip: [RawWord(read_again, 30, 30, 250, 55, 93.0, 1)])
    out = reread(PAGE, words, fake, CELLS)
    assert [w.text for w in out if 400 <= w.x0 < 700] == [read_again]
    assert [w.text for w in out if w.x0 < 400] == ["Association", "Nature", "et", "Patrimoine"]  # untouched
    [strip] = fake.strips  # one strip: the one cell, not the row
    assert strip.width < 400
    new = next(w for w in out if w.text == read_again)
    assert 400 <= new.x0 and new.x1 <= 700 and 10 <= new.top and new.bottom <= 100  # back on the page
    assert new.unit not in {w.unit for w in words}  # a line of its own, not the page pass's folded one


def test_cell_read_again_keeps_its_lines() -> None:
    """"re a" / "Patrimoine du Pays de" / "T royes": the cell read alone gives its three lines."""
    words = [RawWord("re", 30, 20, 70, 40, 20.0, 3), RawWord("a", 80, 20, 100, 40, 44.0, 3),
             RawWord("Patrimoine", 30, 45, 150, 65, 96.0, 4), RawWord("T", 30, 70, 40, 90, 92.0, 5),
             RawWord("royes", 42, 70, 100, 90, 92.0, 5)]

    def block(strip: Image.Image) -> list[RawWord]:
        return [RawWord("Association", 30, 30, 150, 50, 96.0, 1), RawWord("Nature", 160, 30, 240, 50, 96.0, 1),
                RawWord("Patrimoine", 30, 55, 150, 75, 96.0, 2), RawWord("Troyes", 30, 80, 110, 100, 95.0, 3)]

    out = reread(PAGE, words, FakeTesseract(block), CELLS)
    out = sorted(out, key=lambda w: (w.top, w.x0))
    assert [w.text for w in out] == ["Association", "Nature", "Patrimoine", "Troyes"]
    units = [w.unit for w in out]
    assert units[0] == units[1] != units[2] != units[3]


@pytest.mark.parametrize("misread, conf, new", [
    ("PAT AAOUNIO", 0.0, [("8138732210001O", 40.0)]),  # no surer
    ("PAT AAOUNIO", 0.0, [("81387322100010", 55.0)]),  # surer, not sure
    ("PAT AAOUNIO", 0.0, [("81387322100010", 93.0), ("'", 12.0)]),  # sure of the number, not of the mark
    # a figure written by hand ("12") read "A2": read again "À" (a mark, unsure), or "A" (sure,
    # but a figure lost)
    ("A2", 38.0, [("À", 51.0)]),
    ("A2", 38.0, [("A", 69.0)]),
])
def test_cell_stays_as_it_was_when_read_no_better(misread: str, conf: float, new: list[tuple[str, float]]) -> None:
    words = _row_words(misread, conf)
    answer = [RawWord(t, 30 + 260 * k, 30, 250 + 260 * k, 55, c, 1) for k, (t, c) in enumerate(new)]
    assert reread(PAGE, words, FakeTesseract(lambda strip: answer), CELLS) == words


def test_cell_read_again_may_lose_the_page_pass_noise() -> None:
    """"Restauration d'une zone humide et 1" (the rule's remains read "1"), "l'i inventaire"
    (a letter read twice): the cell read alone, surer, has a letter or two less."""
    words = [RawWord("Restauration", 30, 20, 150, 40, 96.0, 3), RawWord("d'une", 160, 20, 210, 40, 96.0, 3),
             RawWord("l'i", 220, 20, 240, 40, 52.0, 3), RawWord("inventaire", 245, 20, 350, 40, 96.0, 3),
             RawWord("1", 380, 20, 384, 40, 69.0, 3)]
    answer = [RawWord("Restauration", 30, 30, 150, 50, 96.0, 1), RawWord("d'une", 160, 30, 210, 50, 96.0, 1),
              RawWord("l'inventaire", 220, 30, 350, 50, 95.0, 1)]
    out = reread(PAGE, words, FakeTesseract(lambda strip: answer), CELLS)
    assert [w.text for w in out] == ["Restauration", "d'une", "l'inventaire"]


def test_a_low_mark_sends_its_cell_to_be_read_again() -> None:
    """"Pro ”" for "Projet": the end of the word read as a quote, at confidence 0."""
    words = [RawWord("Pro", 30, 40, 80, 65, 90.0, 2), RawWord("”", 82, 40, 95, 55, 0.0, 2)]
    out = reread(PAGE, words, FakeTesseract(lambda strip: [RawWord("Projet", 30, 30, 130, 55, 96.0, 1)]), CELLS)
    assert [w.text for w in out] == ["Projet"]


def test_sure_cells_and_cells_too_tall_are_not_read_again() -> None:
    sure = [RawWord("Association", 30, 25, 160, 50, 96.0, 7), RawWord("24", 800, 40, 830, 65, 96.0, 7)]
    fake = FakeTesseract(lambda strip: [])
    assert reread(PAGE, sure, fake, CELLS) is sure and fake.strips == []
    # a ruled box round a whole paragraph (a frame, an annex's border) is no cell: its
    # doubtful word is read again alone, as anywhere else
    tall = [RawWord("cadre", 30, 30, 120, 55, 30.0, 1), RawWord("texte", 30, 400, 120, 425, 96.0, 9)]
    fake = FakeTesseract(lambda strip: [RawWord("cadre", 30, 30, 120, 55, 96.0, 1)])
    out = reread(PAGE, tall, fake, [(0, 0, 1200, 500)])
    [strip] = fake.strips
    assert strip.height < 100 and out[0].text == "cadre" and out[0].unit == 1  # the word alone, on its line


# ---------------------------------------------------------------------------
# Tables read from the words
# ---------------------------------------------------------------------------


def _ocr_page(lines: list[tuple[float, list[tuple[float, float, str]]]], height: float = 7.0,
              path: str = "scan.pdf") -> Document:
    """An OCR'd page from word boxes: per line its top and (x0, x1, text) words; a gap of
    more than 15 pt is a column gap (a tab in the text)."""
    text, words = "", []
    for li, (top, line) in enumerate(lines):
        for k, (x0, x1, w) in enumerate(line):
            if k:
                text += "\t" if x0 - line[k - 1][1] > 15 else " "
            words.append(Word(w, x0, top, x1, top + height, len(text), li, 95.0))
            text += w
        text += "\n"
    page = Page(1, 595.0, 842.0, TextSource.OCR, 0, len(text), tuple(words), 90.0)
    return Document("scan", path, text, (page,))


def _words(x0: float, text: str, char: float = 4.5) -> list[tuple[float, float, str]]:
    out, x = [], x0
    for w in text.split():
        out.append((x, x + char * len(w), w))
        x += char * (len(w) + 1)
    return out


@pytest.mark.parametrize("upper, lower", [
    ("Montant", "attribué (€)"), ("Subvention", "accordée (€)"), ("Montant", "voté"),
    ("Crédits", "votés (€)"),
])
def test_header_wrapped_above_and_below_its_centred_neighbours(upper: str, lower: str) -> None:
    """A ruled header's cells are centred: a money header on two lines stands above and below
    the line of the one-line headers, and no line names money alone."""
    doc = _ocr_page([
        (100, _words(60, "Le conseil décide d'attribuer les aides suivantes :")),
        (126, _words(430, upper)),
        (131, _words(60, "Bénéficiaire") + _words(180, "SIRET") + _words(280, "Objet")),
        (136, _words(430, lower)),
        (160, _words(60, "Club des aînés ruraux") + _words(180, "44102938700011") + _words(280, "Sorties culturelles")
         + _words(440, "1 200,00")),
        (180, _words(60, "Amicale laïque") + _words(180, "78354120900042") + _words(280, "Classe de découverte")
         + _words(440, "5 000,00")),
    ])
    [t] = tables_on_page(doc, 1)
    assert t.headers == ["Bénéficiaire", "SIRET", "Objet", f"{upper} {lower}"]
    assert [(r.text(0), r.text(1), r.text(3)) for r in t.rows] == [
        ("Club des aînés ruraux", "44102938700011", "1 200,00"), ("Amicale laïque", "78354120900042", "5 000,00")]


def test_line_beside_a_money_word_over_its_cells_heads_nothing() -> None:
    """The line above names money over the line's own cells (a sentence, a title), not beside
    them: no header."""
    doc = _ocr_page([
        (126, _words(60, "Montant total des travaux")),
        (134, _words(60, "Mairie") + _words(280, "Salle des fêtes")),
        (160, _words(60, "Toiture") + _words(280, "Charpente") + _words(440, "1 200,00")),
    ])
    assert tables_on_page(doc, 1) == []


@pytest.mark.parametrize("label", [
    "Plantation de 4,5 kilomètres de haies", "Achat de 250 ouvrages pour la médiathèque",
    "Plantation de 1 200 arbres fruitiers", "Pose de 12 bornes de recharge",
])
def test_number_inside_a_label_stays_in_the_label(label: str) -> None:
    """A figure with words on both sides of it, under no money column, is a number of the
    text: the label's end, nearer the money header than its own, stays in the label."""
    doc = _ocr_page([
        (100, _words(60, "Bénéficiaire") + _words(200, "Projet") + _words(385, "Montant (€)")),
        (120, _words(60, "Commune de Vire") + _words(200, label) + _words(395, "75 500,00")),
        (140, _words(60, "Commune de Caen") + _words(200, "Travaux divers") + _words(395, "4 000,00")),
    ])
    [t] = tables_on_page(doc, 1)
    assert [(r.text(1), r.text(2)) for r in t.rows] == [(label, "75 500,00"), ("Travaux divers", "4 000,00")]


def test_figure_under_a_money_column_is_still_cut_out_of_its_run() -> None:
    """"Installations chantier 3 000 € ht État (DETR 2014) 96 940 €": each side's figure stands
    under its money column: cut out, the labels beside them kept."""
    doc = _ocr_page([
        (100, _words(60, "Dépenses") + _words(300, "Recettes")),
        (120, _words(60, "Installations chantier 3 000 € ht État (DETR) 96 940 €")),
    ])
    tables = tables_on_page(doc, 1)
    assert tables and "96 940 €" in tables[0].rows[0].cells.values()


@pytest.mark.parametrize("high, low, middle", [
    ("104", "500,00", ["46 000,00", "44 500,00"]),
    ("250", "000,00", ["30 000,00", "220 000,00"]),
    ("312", "750,00", ["12 750,00", "300 000,00"]),
])
def test_figure_broken_over_two_lines_around_centred_cells(high: str, low: str, middle: list[str]) -> None:
    """A narrow cell wraps its figure ("104" / "500,00"); the row's one-line cells, centred,
    stand between the two lines."""
    doc = _ocr_page([
        (100, _words(60, "Imputation") + _words(150, "Libellé") + _words(300, "CP") + _words(380, "Disponible")
         + _words(460, "Proposition")),
        (120, _words(60, "6574/9356") + _words(150, "Subventions") + [(310, 325, high)]),
        (125, [(380, 420, middle[0]), (460, 500, middle[1])]),
        (130, _words(150, "aux associations") + [(300, 325, low)]),
    ])
    [t] = tables_on_page(doc, 1)
    [row] = t.rows
    assert (row.text(1), row.text(2), row.text(3), row.text(4)) == (
        "Subventions aux associations", f"{high} {low}", middle[0], middle[1])


def test_rows_between_the_parts_of_a_figure_are_not_glued() -> None:
    """A line between a lone thousands group and the line below that ends it, printing a
    figure in a column of the row's own, is another row: nothing is joined through it."""
    doc = _ocr_page([
        (100, _words(60, "Libellé") + _words(300, "CP") + _words(380, "Disponible")),
        (120, _words(60, "Fournitures") + [(310, 325, "104"), (380, 420, "46,00")]),
        (125, _words(60, "Entretien") + [(380, 420, "12,00")]),
        (130, [(300, 325, "500,00")]),
    ])
    [t] = tables_on_page(doc, 1)
    assert [(r.text(0), r.text(1), r.text(2)) for r in t.rows][:2] == [("Fournitures", "104", "46,00"),
                                                                       ("Entretien", "", "12,00")]


def _ruled(rows: list[tuple[float, float]], cols: list[float], regular: bool = True) -> list[RuledCell]:
    return [RuledCell((a, top, b, bottom), (0, r) if regular else None)
            for r, (top, bottom) in enumerate(rows) for a, b in zip(cols, cols[1:])]


#: A grants table: "SIRET | Objet" with the SIRET a few points from the label beside it.
GRID_PAGE = [
    (82, _words(62, "Bénéficiaire") + _words(172, "SIRET") + _words(252, "Objet") + _words(402, "Montant (€)")),
    (106, _words(62, "Association sportive") + _words(252, "Achat de matériel de")),
    (113, _words(180, "50283741600025") + _words(254, "gymnastique pour la")
     + [(430, 470, "12 750,00")]),
    (120, _words(62, "du collège Jean Moulin") + _words(252, "section handisport")),
    (142, _words(62, "Club des aînés") + _words(172, "44102938700011") + _words(252, "Sorties culturelles")),
    (164, _words(62, "Voir annexe") + _words(252, "Opérations reportées")),  # a ruled row without figures
    (186, _words(62, "Amicale laïque") + _words(172, "78354120900042") + _words(252, "Classe de découverte")
     + [(440, 470, "5 000,00")]),
]
GRID_ROWS = [(76, 96), (96, 134), (134, 156), (156, 178), (178, 200)]
GRID_COLS = [55, 170, 250, 400, 480]


def test_rules_of_the_image_part_cells_and_rows(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(word_tables, "page_cells", lambda doc, page_no: _ruled(GRID_ROWS, GRID_COLS))
    doc = _ocr_page(GRID_PAGE)
    [t] = tables_on_page(doc, 1)
    cells = [(r.text(0), r.text(1), r.text(2), r.text(3)) for r in t.rows]
    assert cells == [
        ("Association sportive du collège Jean Moulin", "50283741600025",
         "Achat de matériel de gymnastique pour la section handisport", "12 750,00"),
        ("Amicale laïque", "78354120900042", "Classe de découverte", "5 000,00"),
    ]  # "Club des aînés" (no figure read) and "Voir annexe" are rows of their own: no one's wrapped lines


def test_grid_that_lost_a_rule_gives_no_rows(monkeypatch: pytest.MonkeyPatch) -> None:
    """A scan's faint rule found in pieces makes a cell over two rows: its rows are not
    trusted (each line goes to the nearest row's figures, as without rules), its columns
    still cut the runs."""
    monkeypatch.setattr(word_tables, "page_cells", lambda doc, page_no: _ruled(GRID_ROWS, GRID_COLS, regular=False))
    [t] = tables_on_page(_ocr_page([ln for ln in GRID_PAGE if ln[0] not in (142, 164)]), 1)
    assert t.rows[0].text(1) == "50283741600025" and t.rows[0].text(3) == "12 750,00"
    assert "gymnastique" not in t.rows[0].text(1)


def test_page_cells_only_for_scanned_pages_whose_file_is_there() -> None:
    assert word_tables.page_cells(_ocr_page(GRID_PAGE, path="/nowhere/scan.pdf"), 1) == []
    text_layer = _ocr_page(GRID_PAGE)
    page = text_layer.pages[0]
    doc = Document("t", "t.pdf", text_layer.text, (Page(1, page.width, page.height, TextSource.TEXT_LAYER, 0,
                                                       page.end, page.words),))
    assert word_tables.page_cells(doc, 1) == []


# ---------------------------------------------------------------------------
# End to end: drawn, scanned, read
# ---------------------------------------------------------------------------


def _scan(tmp_path: Path, img: Image.Image) -> Path:
    path = tmp_path / "scan.pdf"
    img.save(path, "PDF", resolution=DPI)
    return path


@needs_tesseract
def test_scanned_grants_table_with_centred_wrapped_cells(tmp_path: Path) -> None:
    img = scanned_table(GRANTS_HEADER, GRANTS_ROWS, GRANTS_WIDTHS, above=[
        "Vu le règlement départemental d'attribution des subventions aux associations ;",
        "Après en avoir délibéré, DÉCIDE :",
        "Article 1 : d'attribuer les subventions suivantes au titre du programme « Vie associative » :"])
    doc = load_document(_scan(tmp_path, img), Options(ocr_cache=None))
    [t] = find_tables(doc)
    assert t.headers == ["Bénéficiaire", "SIRET", "Objet", "Montant demandé (€)", "Montant attribué (€)"]
    expected = [tuple(functools.reduce(join_wrapped, lines) for lines in row) for row in GRANTS_ROWS]
    assert [tuple(r.text(i) for i in range(5)) for r in t.rows] == expected


@needs_tesseract
def test_scanned_budget_table_with_a_figure_wrapped_in_its_cell(tmp_path: Path) -> None:
    header = [["Imputation"], ["Libellé"], ["CP"], ["Disponible"], ["Proposition"], ["Solde"]]
    rows = [[["65/6574"], ["Subventions aux", "associations sportives"], ["104", "500,00"], ["46 000,00"],
             ["44 500,00"], ["1 500,00"]],
            [["011/6232"], ["Fêtes et cérémonies"], ["12 000,00"], ["3 000,00"], ["2 500,00"], ["500,00"]]]
    img = scanned_table(header, rows, [1.0, 1.9, 0.75, 1.0, 1.0, 0.9], seed=3, above=[
        "La dépense sera imputée sur le budget communal comme suit :"])
    doc = load_document(_scan(tmp_path, img), Options(ocr_cache=None))
    [t] = find_tables(doc)
    assert [tuple(r.text(i) for i in range(6)) for r in t.rows] == [
        ("65/6574", "Subventions aux associations sportives", "104 500,00", "46 000,00", "44 500,00", "1 500,00"),
        ("011/6232", "Fêtes et cérémonies", "12 000,00", "3 000,00", "2 500,00", "500,00")]
