"""Words with boxes → lines: rows read as one line, column gaps as tabs, sidebars apart."""

from __future__ import annotations

import pytest

from pipeline.read.layout import RawWord, lay_out


def _line(text: str, x: float, top: float, size: float = 10.0) -> list[RawWord]:
    words, pos = [], x
    for token in text.split(" "):
        if token == "|":  # a column gap
            pos += 60
            continue
        width = 5.0 * len(token)
        words.append(RawWord(token, pos, top, pos + width, top + size))
        pos += width + 3
    return words


def test_layout_table_row_is_one_line_with_tabs() -> None:
    words = _line("C01-020Q01 | 6568/9365 | Mission ESS | 209 285,00", 50, 100)
    words += _line("Dans les conditions de vote ci-dessous :", 50, 120)
    text, laid = lay_out(words, 595)
    assert text.split("\n") == ["C01-020Q01\t6568/9365\tMission ESS\t209 285,00",
                                "Dans les conditions de vote ci-dessous :"]
    assert all(text[w.start:w.start + len(w.text)] == w.text for w in laid)


def test_layout_reads_left_sidebar_before_the_text_beside_it() -> None:
    side = ["Direction des Ressources", "Humaines", "Service Formation et", "Compétences",
            "Extrait du registre des", "délibérations du Conseil", "n° 2014 / 139"]
    prose = ["Convoqué le 17 avril 2014, le Conseil Municipal de la Ville de Montpellier s'est réuni",
             "en mairie, Salle du Conseil Municipal, le jeudi 24 avril 2014 à 18h00, sous la",
             "présidence de Monsieur le Maire, Philippe SAUREL, et avec les membres suivants",
             "présents à la séance ce jour dans la salle du conseil municipal de la ville"]
    words = []
    for i, t in enumerate(side):
        words += _line(t, 48, 100 + 13 * i)
    for i, t in enumerate(prose):
        words += _line(t, 200, 160 + 13 * i)
    words += _line("Le Conseil adopte à l'unanimité la présente délibération.", 48, 400)
    lines = lay_out(words, 595)[0].split("\n")
    assert lines[:7] == side
    assert lines[7:11] == prose
    assert lines[-1].startswith("Le Conseil adopte")


def test_layout_does_not_split_a_table_as_a_sidebar() -> None:
    words = []
    for i, (code, label) in enumerate([("65/6574", "Subventions aux associations"), ("011/615221", "Entretien"),
                                       ("23/2313", "Constructions"), ("022/022", "Dépenses imprévues")]):
        words += _line(f"{code} | {label} | 10 650,00", 50, 100 + 14 * i)
    lines = lay_out(words, 595)[0].split("\n")
    assert lines[0] == "65/6574\tSubventions aux associations\t10 650,00"
    assert len(lines) == 4


def test_layout_keeps_flat_glyphs_on_their_line() -> None:
    """An en dash is 0.4 pt high in a text layer (H-metropole s802: "exercice : 64 – Présents :
    51"); its box lies inside the line, so it stays there and drags no colon or short word
    ("en", ":") onto a line of its own."""
    words = [RawWord("exercice", 50, 158.7, 84, 165.1), RawWord("en", 88, 160.5, 96, 165.1),
             RawWord(":", 100, 160.6, 102, 165.1), RawWord("64", 106, 158.7, 116, 165.1),
             RawWord("–", 120, 162.6, 125, 163.0), RawWord("Présents", 129, 158.4, 162, 165.1),
             RawWord("Étaient", 50, 171.7, 80, 180.0)]
    text, _ = lay_out(words, 595)
    assert text.split("\n") == ["exercice en : 64 – Présents", "Étaient"]


def _column(texts: list[str], x: float, top: float, leading: float) -> list[RawWord]:
    words = []
    for i, t in enumerate(texts):
        words += _line(t, x, top + leading * i)
    return words


_LEFT_PROSE = ["Il est décidé de ne pas augmenter les", "taux d'imposition en 2013. Ainsi les taux",
               "sont de 15,46 % pour la taxe d'habitation,", "et de 17,56 % pour le foncier bâti.",
               "INDEMNITE DE GARDIENNAGE", "Elle est fixée à 342,83 € pour l'année",
               "2013 et sera versée au gardien de", "l'église selon les modalités en usage.",
               "Un agent administratif a demandé sa", "réintégration au sein des services de la",
               "mairie après une période de disponibilité."]
_RIGHT_LIST = ["AEP La Saint Jean | 64 018,97 €", "Coop scolaire école publique | 1 449,00 €",
               "ADMR | 1 000,00 €", "Triolet de Retz | 5 371,00 €", "Arche Football Club | 3 638,00 €",
               "Amicale des donneurs de sang | 173,00 €", "Société de chasse | 300,00 €",
               "ESAC | 840,00 €", "FOOT PLUS | 303,90 €", "CCAS | 2 300,00 €"]


@pytest.mark.parametrize("left_leading, right_leading", [(13.0, 14.2), (12.0, 15.5), (14.0, 12.4)])
def test_layout_reads_a_page_in_two_columns_column_by_column(left_leading: float, right_leading: float) -> None:
    """A bulletin's page: decisions in a left column of text beside a list of grants, each
    with its own leading (Chéméré 2013). Read line by line, a decision was glued to a grant."""
    words = _column(_LEFT_PROSE, 30, 100, left_leading) + _column(_RIGHT_LIST, 300, 104, right_leading)
    lines = lay_out(words, 595)[0].split("\n")
    assert lines[:len(_LEFT_PROSE)] == _LEFT_PROSE
    assert lines[len(_LEFT_PROSE)] == "AEP La Saint Jean\t64 018,97 €"
    assert len(lines) == len(_LEFT_PROSE) + len(_RIGHT_LIST)


def test_layout_keeps_a_table_whose_long_labels_share_the_rows_baseline() -> None:
    """A table's rows share their baseline, however long the label: one line per row."""
    labels = ["Subventions de fonctionnement aux associations sportives locales",
              "Participation de la commune au syndicat des eaux du canton",
              "Entretien et réparation des bâtiments publics de la commune",
              "Fournitures scolaires des écoles publiques et privées du secteur"] * 3
    words = []
    for i, label in enumerate(labels):
        words += _line(label, 30, 100 + 14 * i) + _line("12 500,00 €", 400, 100 + 14 * i)
    lines = lay_out(words, 595)[0].split("\n")
    assert len(lines) == len(labels)
    assert all(ln.endswith("\t12 500,00 €") for ln in lines)


def test_layout_keeps_a_table_whose_cells_are_centred_in_tall_rows() -> None:
    """A ruled table whose left cells are centred beside taller cells (Lannion 2020's
    commissions, Roannais 2021's absents): misaligned, but no column is running text."""
    words = []
    top = 100.0
    for name, members in [("FINANCES", ["VP : Cédric SEUREAU", "Eric ROBERT", "Myriam DUBOURG"]),
                          ("POLITIQUES SOCIALES", ["VP : Bernadette CORVISIER", "Yves NEDELLEC", "Louison NOEL"]),
                          ("URBANISME ET TRAVAUX", ["VP : Françoise LE MEN", "Carine HUE", "Pierre GOUZI"]),
                          ("CULTURE", ["VP : Tréfina KERRAIN", "Nolwenn HENRY", "Fabien CANEVET"]),
                          ("SPORTS ET JEUNESSE", ["VP : Yvon BRIAND", "Michel DIVERCHY", "Hervé LATIMIER"]),
                          ("DEMOCRATIE LOCALE", ["VP : Sonya NICOLAS", "Anne-Claire EVEN", "Gaël CORNEC"])]:
        words += _line(name, 30, top + 7)
        for k, m in enumerate(members):
            words += _line(m, 330, top + 12 * k)
        top += 44
    lines = lay_out(words, 595)[0].split("\n")
    assert "FINANCES" in lines[1] and "Eric ROBERT" in lines[1]


def test_layout_crossing_of_all_positions_at_once_equals_the_word_by_word_walk() -> None:
    """The gutter finder's matrix (numpy, every line and position at once) is the plain walk
    of each word over the positions it crosses, 4 pt of margin on each side."""
    import random

    import numpy as np

    from pipeline.read.layout import _crossing

    rng = random.Random(7)
    xs = np.arange(int(0.12 * 595), int(0.75 * 595), 2, dtype=np.float64)
    for _ in range(100):
        lines = [[RawWord("w", x, 0, x + rng.uniform(1, 80), 10)
                  for x in sorted(rng.uniform(0, 600) for _ in range(rng.randint(0, 12)))]
                 for _ in range(rng.randint(1, 30))]
        walked = np.zeros((len(lines), len(xs)), dtype=bool)
        for li, ln in enumerate(lines):
            for w in ln:
                lo = int(np.searchsorted(xs, w.x0 - 4, side="right"))
                hi = int(np.searchsorted(xs, w.x1 + 4, side="left"))
                walked[li, lo:hi] = True
        assert (walked == _crossing(lines, xs)).all()
