"""Unruled tables read from word positions: the shapes probing found them printed in — a
sign set apart from its figure, a table going on over a page without its header, headers
of one and two lines mixed, headings over groups of repeated columns, an empty top-left
header cell, a header of years alone."""

from __future__ import annotations

from pathlib import Path

import pytest
from pdfminer.fontmetrics import FONT_METRICS

from pipeline.errors import IssueLog
from pipeline.options import Options
from pipeline.read.load import load_document
from pipeline.read.tables import find_tables
from tests.pdfgen import placed_pdf

_WIDTHS = FONT_METRICS["Helvetica"][1]


def right(x1: float, y: float, text: str, size: float = 10) -> tuple[float, float, str]:
    """``text`` placed so that it ends at ``x1`` (right-aligned figures)."""
    return (x1 - sum(_WIDTHS.get(c, 556) for c in text) * size / 1000, y, text)


def _tables(tmp_path: Path, pages: list[list[tuple[float, float, str]]]):  # type: ignore[no-untyped-def]
    doc = load_document(placed_pdf(tmp_path / "t.pdf", pages), Options(ocr=False), IssueLog())
    return find_tables(doc)


OPEN = (60, 60, "Article 1 : D'adopter la décision modificative suivante :")
CLOSE = "Article 2 : Le Maire est chargé de l'exécution de la présente délibération."


# ---------------------------------------------------------------------------
# 1. A sign set apart from its figure
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("sign", ["-", "–"])
@pytest.mark.parametrize("figure, value", [("4 600,00", "4 600,00"), ("123 330,80", "123 330,80"),
                                           ("1 500,00 €", "1 500,00 €")])
def test_spaced_sign_is_the_figures(tmp_path: Path, sign: str, figure: str, value: str) -> None:
    page = [OPEN,
            (60, 100, "Imputation"), (140, 100, "Libellé"), (360, 100, "Dépenses"), (460, 100, "Recettes"),
            (60, 118, "D 21534"), (140, 118, "Réseaux d'électrification"), right(420, 118, "24 600,00"),
            (60, 136, "D 2152"), (140, 136, "Installations de voirie"), right(420, 136, f"{sign} {figure}"),
            (60, 154, "R 1323"), (140, 154, "Subvention du Département"), right(520, 154, "20 000,00"),
            (60, 190, CLOSE)]
    t, = _tables(tmp_path, [page])
    row = t.rows[1]
    assert row.text(2) == f"{sign} {value}"
    assert t.label_for(row, 2) == "Installations de voirie"


@pytest.mark.parametrize("cell", ["- 1 500 € pour l'association", "– 2024 : 1 500,00"])
def test_dash_before_words_is_no_sign(tmp_path: Path, cell: str) -> None:
    """A dash opening a cell that holds more than one figure (a bullet, a year) signs nothing."""
    page = [OPEN,
            (60, 100, "Imputation"), (140, 100, "Libellé"), (420, 100, "Montant"),
            (60, 118, "6574"), (140, 118, "Subventions"), right(470, 118, "2 000,00"),
            (60, 136, "6232"), (140, 136, cell),
            (60, 172, CLOSE)]
    tables = _tables(tmp_path, [page])
    assert all(not r.text(2).startswith(("-", "–")) for t in tables for r in t.rows)


# ---------------------------------------------------------------------------
# 2. A table going on over the next page without its header
# ---------------------------------------------------------------------------

def _long_table(n: int, x_fig: float) -> list[tuple[float, float, str]]:
    page = [OPEN, (60, 100, "Article"), (140, 100, "Libellé"), (430, 100, "BP 2025")]
    for k in range(n):
        page += [(60, 118 + 14 * k, f"60{600 + k}"), (140, 118 + 14 * k, f"Fournitures n° {k}"),
                 right(x_fig, 118 + 14 * k, f"{k + 1} 000,00")]
    return page


@pytest.mark.parametrize("rows2", [3, 6])
def test_continued_without_header(tmp_path: Path, rows2: int) -> None:
    page1 = _long_table(48, 540)
    page2 = [(60, 60 + 14 * k, f"62{20 + k}") for k in range(rows2)] + \
            [(140, 60 + 14 * k, f"Honoraires n° {k}") for k in range(rows2)] + \
            [right(540, 60 + 14 * k, f"{k + 2} 500,00") for k in range(rows2)] + \
            [(140, 60 + 14 * rows2, "Total chapitre 011"), right(540, 60 + 14 * rows2, "99 999,00"),
             (60, 100 + 14 * rows2, CLOSE)]
    t, = _tables(tmp_path, [page1, page2])
    assert len(t.rows) == 48 + rows2 + 1
    assert [r.page for r in t.rows[-rows2 - 1:]] == [2] * (rows2 + 1)
    assert t.rows[-1].text(2) == "99 999,00" and t.label(t.rows[-1]) == "Total chapitre 011"
    assert t.rows[48].text(0) == "6220" and t.rows[48].text(2) == "2 500,00"


@pytest.mark.parametrize("x_fig", [300, 200])
def test_next_page_figures_elsewhere_are_no_continuation(tmp_path: Path, x_fig: float) -> None:
    """A page opening with figures where the table had none is something else."""
    page1 = _long_table(48, 540)
    page2 = [(60, 60, "Fournitures diverses"), right(x_fig, 60, "4 500,00"),
             (60, 74, "Autres charges"), right(x_fig, 74, "1 200,00"), (60, 110, CLOSE)]
    t, = _tables(tmp_path, [page1, page2])
    assert len(t.rows) == 48 and {r.page for r in t.rows} == {1}


# ---------------------------------------------------------------------------
# 3. Headers of one and two lines mixed
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("first, second, headers", [
    ([(60, "Code"), (120, "Intitulé"), (265, "AE votée"), (335, "AE disponible"), (410, "Affectation"), (482, "Reste à")],
     [(410, "proposée"), (482, "affecter")],
     ["Code", "Intitulé", "AE votée", "AE disponible", "Affectation proposée", "Reste à affecter"]),
    ([(60, "Porteur"), (120, "Objet"), (265, "Montant"), (335, "Avis de la"), (410, "Montant"), (482, "Observ.")],
     [(265, "demandé"), (335, "commission"), (410, "voté")],
     ["Porteur", "Objet", "Montant demandé", "Avis de la commission", "Montant voté", "Observ."]),
])
def test_mixed_one_and_two_line_headers(tmp_path: Path, first, second, headers) -> None:  # type: ignore[no-untyped-def]
    page = [OPEN] + [(x, 100, t) for x, t in first] + [(x, 112, t) for x, t in second]
    page += [(60, 130, "AE-01"), (120, 130, "Résidences"), right(320, 130, "300 000,00"),
             right(395, 130, "180 000,00"), right(470, 130, "45 000,00"), right(540, 130, "135 000,00"),
             (60, 166, CLOSE)]
    t, = _tables(tmp_path, [page])
    assert t.headers == headers
    assert [t.rows[0].text(i) for i in range(2, 6)] == ["300 000,00", "180 000,00", "45 000,00", "135 000,00"]


def test_two_full_header_lines_are_read_as_before(tmp_path: Path) -> None:
    """A second line naming money with as many cells as the first is no line of wrapped
    words: the header is still read from it, with the line above as its first line."""
    page = [OPEN, (60, 100, "Libellé"), (300, 100, "Dépenses"), (420, 100, "Recettes"),
            (60, 112, "Chapitre"), (300, 112, "BP 2025"), (420, 112, "DM 1"),
            (60, 130, "Charges"), right(350, 130, "1 000,00"), right(470, 130, "2 000,00"), (60, 166, CLOSE)]
    t, = _tables(tmp_path, [page])
    assert t.headers == ["Libellé Chapitre", "Dépenses BP 2025", "Recettes DM 1"]


# ---------------------------------------------------------------------------
# 4. Headings over groups of repeated columns
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("groups", [("Exploitation", "Investissement"), ("Fonctionnement", "Investissement"),
                                    ("2024", "2025")])
def test_group_headings_over_repeated_columns(tmp_path: Path, groups: tuple[str, str]) -> None:
    page = [OPEN, (250, 100, groups[0]), (430, 100, groups[1]),
            (190, 113, "Dépenses"), (280, 113, "Recettes"), (370, 113, "Dépenses"), (460, 113, "Recettes"),
            (55, 127, "Budget primitif 2024"), right(272, 127, "245 000,00"), right(362, 127, "245 000,00"),
            right(452, 127, "410 000,00"), right(542, 127, "410 000,00"),
            (55, 141, "Décision modificative n° 2"), right(272, 141, "12 500,00"), right(362, 141, "12 500,00"),
            right(452, 141, "- 8 000,00"), right(542, 141, "- 8 000,00"),
            (60, 180, CLOSE)]
    t, = _tables(tmp_path, [page])
    a, b = groups
    assert t.headers == ["", f"{a} Dépenses", f"{a} Recettes", f"{b} Dépenses", f"{b} Recettes"]
    assert all(t.columns[i].measure for i in range(1, 5))
    assert [t.rows[1].text(i) for i in range(5)] == ["Décision modificative n° 2", "12 500,00", "12 500,00",
                                                     "- 8 000,00", "- 8 000,00"]
    assert t.label_for(t.rows[1], 3) == "Décision modificative n° 2"


def test_heading_over_unlike_columns_is_a_wrapped_word(tmp_path: Path) -> None:
    """Over columns that do not repeat, a word above a header is that header's first line."""
    page = [OPEN, (280, 100, "Montant"),
            (60, 113, "Libellé"), (190, 113, "Dépenses"), (280, 113, "proposé"), (400, 113, "Recettes"),
            (60, 127, "Travaux"), right(240, 127, "1 000,00"), right(330, 127, "2 000,00"), right(450, 127, "3 000,00"),
            (60, 160, CLOSE)]
    t, = _tables(tmp_path, [page])
    assert [t.headers[i] for i in (0, 1, 3)] == ["Libellé", "Dépenses", "Recettes"]
    assert t.headers[2].startswith("Montant propos") and t.columns[2].measure == "proposed"


# ---------------------------------------------------------------------------
# 5. An empty top-left header cell
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("labels", [("Fonctionnement - réalisé", "Investissement - réalisé"),
                                    ("Fonctionnement réalisé", "Investissement réalisé", "Restes à réaliser")])
def test_labels_under_an_empty_header_cell(tmp_path: Path, labels: tuple[str, ...]) -> None:
    page = [OPEN, (215, 100, "Dépenses"), (325, 100, "Recettes"), (435, 100, "Résultat")]
    for k, label in enumerate(labels):
        y = 116 + 14 * k
        page += [(55, y, label), right(317, y, "1 254 300,00"), right(427, y, "1 498 760,45"),
                 right(537, y, "- 244 460,45")]
    page.append((60, 130 + 14 * len(labels), CLOSE))
    t, = _tables(tmp_path, [page])
    assert t.headers == ["", "Dépenses", "Recettes", "Résultat"]
    assert [t.label_for(r, ci) for r in t.rows for ci in (1, 2, 3)] == [lab for lab in labels for _ in range(3)]
    assert t.rows[0].text(3) == "- 244 460,45"


def test_a_two_sided_plan_keeps_its_pair_labels(tmp_path: Path) -> None:
    """Labels printed under the first money header (a side's own labels) are no empty corner."""
    page = [OPEN, (60, 100, "Dépenses"), (330, 100, "Recettes"),
            (60, 116, "Travaux"), right(250, 116, "3 000,00"), (330, 116, "État (DETR)"), right(520, 116, "1 500,00"),
            (60, 130, "Études"), right(250, 130, "1 000,00"), (330, 130, "Région"), right(520, 130, "2 500,00"),
            (60, 170, CLOSE)]
    t, = _tables(tmp_path, [page])
    assert t.headers[0] == "Dépenses"
    assert t.label_for(t.rows[0], 0) == "Travaux"


# ---------------------------------------------------------------------------
# 6. A header of years alone
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["Bénéficiaire", "Associations", "Organisme"])
def test_header_of_years_alone(tmp_path: Path, name: str) -> None:
    page = [OPEN, (55, 100, name), (255, 100, "2023"), (350, 100, "2024"), (445, 100, "2025"),
            (55, 116, "Coopérative scolaire"), right(342, 116, "900,00"), right(437, 116, "950,00"), right(537, 116, "1 000,00"),
            (55, 130, "Foyer du collège"), right(342, 130, "500,00"), right(437, 130, "500,00"), right(537, 130, "550,00"),
            (60, 170, CLOSE)]
    t, = _tables(tmp_path, [page])
    assert t.headers == [name, "2023", "2024", "2025"]
    assert [t.rows[1].text(i) for i in range(4)] == ["Foyer du collège", "500,00", "500,00", "550,00"]


@pytest.mark.parametrize("line", [
    [(55, 100, "Période"), (255, 100, "2023"), (350, 100, "2024")],  # no column naming the rows
    [(55, 100, "Libellé"), (255, 100, "2023"), (350, 100, "2024")],  # labels: no money a year names
    [(55, 100, "Bénéficiaire"), (255, 100, "2023")],  # one year
])
def test_years_without_a_row_naming_column_head_nothing(tmp_path: Path, line) -> None:  # type: ignore[no-untyped-def]
    page = [OPEN, *line, (55, 116, "Coopérative scolaire"), right(342, 116, "900,00"), right(437, 116, "950,00"),
            (60, 160, CLOSE)]
    assert _tables(tmp_path, [page]) == []
