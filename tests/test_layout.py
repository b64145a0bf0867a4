"""Words with boxes → lines: rows read as one line, column gaps as tabs, sidebars apart."""

from __future__ import annotations

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
