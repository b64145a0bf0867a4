"""Which act: the number and title a heading prints (``extractors.header.numbers``).

The wordings here came from probing the readers with headings of our own, in the families
French registers print: a bare sequence number under "n°" ("Délibération n° 27", "N° 15"),
the label and its colon ("N° : DEL2024_015"), the registers' acronyms ("DCM n° 24-015"),
numbers with letters inside or after their parts ("3C1-07", "2024.015.SP", "2025-DCC-014"),
the object's label heading an item of minutes ("OBJET : …", "Objet de la délibération : …"),
the title on the number's line ("DÉLIBÉRATION N° 2024-015 : TARIFS …"), item ranks
("N° 1 –", "1°)", "A.") before a title. Each family has wordings that must give no value.
"""

from __future__ import annotations

import pytest

from extractors.header.numbers import find_act_number, find_item_heading, find_title

TITLE = "Approbation du compte administratif 2024 – Budget principal"
BODY = "Madame le Maire quitte la salle.\nLe conseil municipal, après en avoir délibéré, approuve le compte."


# ---------------------------------------------------------------------------
# The act's number in an extract
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("head, expected", [
    # a bare sequence number of the register, under "n°"
    ("Séance du 12 mars 2024\n\nDélibération n° 27\n\nL'an deux mille vingt-quatre", "27"),
    ("Délibération n°27\nObjet : Tarifs", "27"),
    ("Délibération n° 015\nObjet : Tarifs", "015"),
    ("COMMUNE DE X\nN° 15\nObjet : Tarifs", "15"),
    ("Délibération n° 12 – Objet : Tarifs de la cantine", "12"),
    # the label, then its colon
    ("Délibération n° : 2024-015\nObjet : Tarifs", "2024-015"),
    ("N°: 2024-015\nObjet : Tarifs", "2024-015"),
    ("N° : DEL2024_015\nObjet : Tarifs", "DEL2024_015"),
    ("DÉLIBÉRATION N° : 2023/45\nObjet : Tarifs", "2023/45"),
    # the word cut, the registers' acronyms before "n°"
    ("Délib. n° 2024-015\nObjet : Tarifs", "2024-015"),
    ("DÉLIB. N° 2024-015\nObjet : Tarifs", "2024-015"),
    ("DCM n° 24-015\nObjet : Tarifs", "24-015"),
    ("DCC n° 2024-112\nObjet : Fonds de concours", "2024-112"),
    ("DB n° 2024-07\nObjet : Marché de voirie", "2024-07"),
    # letters inside the first part, after the last, between the parts
    ("Délibération n° 3C1-07\nLa Commission permanente", "3C1-07"),
    ("Délibération n° 2024.015.SP\nL'Assemblée départementale", "2024.015.SP"),
    ("Délibération n° 2025-DCC-014\nObjet : Tarifs", "2025-DCC-014"),
    # a sentence after the number does not lengthen it
    ("Délibération n° 2024-015. Le Conseil municipal", "2024-015"),
])
def test_act_number_families(head: str, expected: str) -> None:
    assert find_act_number(head) == expected


@pytest.mark.parametrize("head", [
    # a bare figure followed by a sentence is a reference, not the act's number
    "Délibération n° 12 du 3 mars 2020 approuvant la convention",
    "N° 15 du registre des arrêtés",
    "Vu la délibération n° 27 du 12 décembre 2023",
    # an acronym of no register, a word in lower case before "n°"
    "ZAC n° 3\nObjet : Tarifs",
    "Lot n° 2 – Plomberie",
    "Dcm n° 24-015 du conseil",
])
def test_act_number_families_none(head: str) -> None:
    assert find_act_number(head) is None


# ---------------------------------------------------------------------------
# The title of an extract
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("head, expected", [
    # the title on the number's line, after its colon or dash (its "Objet :" label dropped)
    ("Secrétaire de séance : Mme Sophie THOMAS\n\nDÉLIBÉRATION N° 2024-015 : TARIFS DE LA RESTAURATION SCOLAIRE "
     "2024-2025\n\nVu le Code", "TARIFS DE LA RESTAURATION SCOLAIRE 2024-2025"),
    ("Absent : M. Henri SIMON\nDélibération n°2024-15 – Objet : Tarifs de la restauration scolaire 2024-2025\n\nVu",
     "Tarifs de la restauration scolaire 2024-2025"),
    ("Délibération n° 2024-015 – Convention avec le syndicat d'énergie\nVu le Code", "Convention avec le syndicat d'énergie"),
    # the object's longer label
    ("Délibération n° 2024-015\nObjet de la délibération : Tarifs de la restauration scolaire 2024-2025\nVu",
     "Tarifs de la restauration scolaire 2024-2025"),
    ("OBJET DE LA DÉLIBÉRATION : Fonds de concours à la commune de Pencran\nVu",
     "Fonds de concours à la commune de Pencran"),
])
def test_title_families(head: str, expected: str) -> None:
    assert find_title(head) == expected


@pytest.mark.parametrize("head", [
    # what follows the number on its line is the session or a date, not a title
    "DÉLIBÉRATION N° 2024-015 – Séance du 12 mars 2024\n\nVu le Code",
    "DÉLIBÉRATION N° 2024-015 – 2024\n\nVu le Code",
    # no object after the label
    "Objectif : réduire les coûts\nVu le Code",
])
def test_title_families_none(head: str) -> None:
    assert find_title(head) is None


# ---------------------------------------------------------------------------
# Items of minutes
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("heading, number", [
    # the object's label heads the item: the title is what follows it
    (f"OBJET : {TITLE}", None),
    (f"Objet : {TITLE}", None),
    (f"Objet – {TITLE}", None),
    (f"OBJET : {TITLE.upper()}", None),
    # a deliberation's sequence number, its object on the next line
    ("Délibération n° 12\nObjet : " + TITLE, "12"),
    ("DÉLIBÉRATION N° 7\nOBJET : " + TITLE, "7"),
    ("Délibération n° : 2024-015\nObjet : " + TITLE, "2024-015"),
    ("N° 2025-014\nOBJET : " + TITLE, "2025-014"),
    # "N°" before a figure names a number; "1.", "1°)", "A." and "Point n° 2" are ranks
    (f"N° 1 – {TITLE}", "1"),
    (f"N°3 : {TITLE}", "3"),
    (f"1°) {TITLE}", None),
    (f"2° {TITLE}", None),
    (f"A. {TITLE}", None),
    (f"C) {TITLE}", None),
    (f"Point n° 2 : {TITLE}", None),
    # the register's letters between the year and the rank
    (f"2025-DCC-014 – {TITLE}", "2025-DCC-014"),
    (f"2025-DCM-14 : {TITLE}", "2025-DCM-14"),
    (f"Délibération n° 2025-DCC-014 – {TITLE}", "2025-DCC-014"),
])
def test_item_heading_number_and_title(heading: str, number: str | None) -> None:
    found = find_item_heading(f"{heading}\n{BODY}")
    assert found is not None
    assert found.number == number
    assert found.title is not None and found.title.lower() == TITLE.lower()


@pytest.mark.parametrize("heading", [
    # "M." is Monsieur, "J." an initial, not ranks: nothing is cut from the line
    "M. Daniel KERVELLA présente le compte",
    "J. Dupont",
    # a letter before a figure is no rank either
    "A. 12 voix pour",
])
def test_item_heading_keeps_what_is_no_rank(heading: str) -> None:
    found = find_item_heading(f"{heading}\n{BODY}")
    assert found is not None and found.title == heading
