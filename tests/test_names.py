"""Person names as printed → civility, first name, LAST NAME, "Prénom NOM"."""

from __future__ import annotations

import pytest

from pipeline.normalize.names import is_person_shaped, parse_person, same_person, strip_functions


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
    ("de LA FOSSE Guy", None, "Guy", "de LA FOSSE"),                        # NOM Prénom, particle first
    ("d'ALMEIDA Sandrine", None, "Sandrine", "d'ALMEIDA"),
    ("Mme d'ALMEIDA Sandrine", "Mme", "Sandrine", "d'ALMEIDA"),
    ("du PLESSIS Anne", None, "Anne", "du PLESSIS"),
    ("Julien de LA MOTTE", None, "Julien", "de LA MOTTE"),                  # Prénom NOM, particle
    ("Anne-Claire Le ROUX", None, "Anne-Claire", "Le ROUX"),
    ("Mme Marie D'HALLUIN", "Mme", "Marie", "D'HALLUIN"),
    ("VASSEUR J.", None, "J.", "VASSEUR"),                                  # surname and initial
    ("BAILLY B", None, "B.", "BAILLY"),
    ("de LA FOSSE O.", None, "O.", "de LA FOSSE"),
    ("J.-P. MARTIN", None, "J.-P.", "MARTIN"),
    ("M. Guillain DE France", "M.", "Guillain", "DE France"),
    # the initials of a compound first name, however printed (a first "M." is no civility there)
    ("M.-C. PETIT", None, "M.-C.", "PETIT"), ("M-C. PETIT", None, "M.-C.", "PETIT"),
    ("J-P DUPONT", None, "J.-P.", "DUPONT"), ("J.P. DUPONT", None, "J.P.", "DUPONT"),
    ("A. M. LEROY", None, "A.M.", "LEROY"), ("Mme M.-C. PETIT", "Mme", "M.-C.", "PETIT"),
    ("M. J.-P. DUPONT", "M.", "J.-P.", "DUPONT"), ("M. J. DUPONT", "M.", "J.", "DUPONT"),
])
def test_names_parse_person(printed: str, civility: str | None, first: str, last: str) -> None:
    p = parse_person(printed)
    assert (p.civility, p.first_name, p.last_name) == (civility, first, last)
    assert p.full_name == f"{first} {last}"
    assert p.printed == printed


@pytest.mark.parametrize("printed, civility, first, last", [
    ("Adeline", None, "Adeline", None),          # a first name alone (informal minutes)
    ("Jean-Pierre", None, "Jean-Pierre", None),
    ("Anne Marie", None, "Anne", "Marie"),       # two words: the last one is the surname
    ("M. Dupont", "M.", None, "Dupont"),         # with a civility, a lone word is the surname
    ("DUPONT", None, None, "DUPONT"),            # in capitals, a surname
])
def test_names_parse_person_one_part(printed: str, civility: str | None, first: str | None, last: str | None) -> None:
    p = parse_person(printed)
    assert (p.civility, p.first_name, p.last_name) == (civility, first, last)


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
    ("Mario", "Mario", True),                             # first names alone
    ("Mario", "Marie", False),
    ("Mario", "Mario DUPONT", False),                     # a first name alone is no surname
])
def test_names_same_person(a: str, b: str, same: bool) -> None:
    assert same_person(parse_person(a), parse_person(b)) is same


@pytest.mark.parametrize("printed, expected", [
    ("Gérard BAUDRY", True), ("BAUDRY Gérard", True), ("G. BAUDRY", True), ("Mme Martin", True),
    ("M. Jean-Luc DE LA FONTAINE", True), ("Marie-Claire LEROUX", True),
    ("Les Écologistes de Bretagne", False), ("Bretagne Avenir", False), ("Hissons haut la Bretagne", False),
    ("BAUDRY", False), ("Julien ROCHE absent n'a pas voté", False), ("Mme", False),
])
def test_names_person_shaped(printed: str, expected: bool) -> None:
    assert is_person_shaped(printed) is expected
