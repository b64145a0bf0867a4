"""Person names as printed → civility, first name, LAST NAME, "Prénom NOM"."""

from __future__ import annotations

import pytest

from pipeline.normalize.names import parse_person, same_person, strip_functions


@pytest.mark.parametrize("printed, civility, first, last", [
    ("M. Jean-Claude LEROY", "M.", "Jean-Claude", "LEROY"),                 # Prénom NOM
    ("Mme MONNIER Martine", "Mme", "Martine", "MONNIER"),                   # NOM Prénom
    ("Madame Sylvie MEYFROIDT", "Mme", "Sylvie", "MEYFROIDT"),
    ("Monsieur Eric ROBERT", "M.", "Eric", "ROBERT"),
    ("MONSIEUR JEAN-CLAUDE LEROY", "M.", "Jean-Claude", "LEROY"),           # header in capitals
    ("Mme Véronique LE GALL", "Mme", "Véronique", "LE GALL"),               # particle in capitals
    ("Mme Bénédicte MESSEANNE-GROBELNY", "Mme", "Bénédicte", "MESSEANNE-GROBELNY"),
    ("M.CHARRIER Jean-Paul Maire", "M.", "Jean-Paul", "CHARRIER"),          # glued civility, function
    ("M. ROBERT Henri\nAdjoints", "M.", "Henri", "ROBERT"),                 # function on the next line
    ("M. JALON Benjamin Délégué", "M.", "Benjamin", "JALON"),
    ("M. Arnaud MARÉCHAL, Vice-Président", "M.", "Arnaud", "MARÉCHAL"),
    ("Mme Marie MAIRE", "Mme", "Marie", "MAIRE"),                           # a surname, not a function
    ("C.FOROT", None, "C.", "FOROT"),                                       # initial and surname
    ("M.DENISE", None, "M.", "DENISE"),                                     # "M." is an initial here
    ("T.BUSIN : adjoints", None, "T.", "BUSIN"),
    ("NABAIS RAMOS Manuel", None, "Manuel", "NABAIS RAMOS"),
    ("Sheila Mc CARRON", None, "Sheila", "Mc CARRON"),                      # lower-case particle
    ("Cédric DE SAINT JOUAN", None, "Cédric", "DE SAINT JOUAN"),
    ("Christine Aranéo", None, "Christine", "Aranéo"),                      # no capitals at all
    ("Jean\nClaude GROSS", None, "Jean Claude", "GROSS"),                   # wrapped over a line
    ("Mademoiselle Jade JORAND", "Mme", "Jade", "JORAND"),
])
def test_names_parse_person(printed: str, civility: str | None, first: str, last: str) -> None:
    p = parse_person(printed)
    assert (p.civility, p.first_name, p.last_name) == (civility, first, last)
    assert p.full_name == f"{first} {last}"
    assert p.printed == printed


@pytest.mark.parametrize("text, expected", [
    ("Mme MONNIER Martine, Maire", "Mme MONNIER Martine"),
    ("M. Julien GUÉRIN, Président", "M. Julien GUÉRIN"),
    ("Mme X DUPONT, 1ère adjointe", "Mme X DUPONT"),
    ("Mme Anne LEROUX Conseillère municipale déléguée", "Mme Anne LEROUX"),
])
def test_names_strip_functions(text: str, expected: str) -> None:
    assert strip_functions(text) == expected


@pytest.mark.parametrize("a, b, same", [
    ("Mme DUBOIS Gaëlle", "Gaëlle DUBOIS", True),
    ("Y.ARMAND", "Yves ARMAND", True),                     # an initial matches a first name
    ("Jean Marie SALANON", "SALANON Jean-Marie", True),   # hyphen or space in a first name
    ("Élodie PRÉVOST", "Elodie PREVOST", True),           # accents lost by OCR
    ("Patrick DUFOUR", "Véronique DUFOUR", False),
    ("M. DUFOUR", "Véronique DUFOUR", True),              # no first name: the surname decides
])
def test_names_same_person(a: str, b: str, same: bool) -> None:
    assert same_person(parse_person(a), parse_person(b)) is same
