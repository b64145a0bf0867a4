"""Amount normalisation: every printed form of euros real deliberations use."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pipeline.normalize.identifiers import siret_valid
from pipeline.normalize.money import amount_qualifier, find_amounts, parse_amount


@pytest.mark.parametrize("raw, expected", [
    ("209 285,00", "209285.00"),
    ("57 000 €", "57000.00"),
    ("1.250.000,00 €", "1250000.00"),
    ("12 500 euros", "12500.00"),
    ("3 750 EUR", "3750.00"),
    ("57 000,00 EUR", "57000.00"),
    ("57\u202f000,00 €", "57000.00"),
    ("57\u2009000 €", "57000.00"),
    ("57\u00a0000,00", "57000.00"),
    ("-2 350,00", "-2350.00"),
    ("(12,50)", "-12.50"),
    ("20'000 €", "20000.00"),
    ("1’697€", "1697.00"),
    ("4500 €", "4500.00"),
    ("57 000,00€", "57000.00"),
    ("850.56€", "850.56"),
    ("3.30€", "3.30"),
    ("15.766.362 €", "15766362.00"),
    ("9.100 € HT", "9100.00"),
    ("-152.877,17 €", "-152877.17"),
    ("-152.877.17 €", "-152877.17"),  # OCR read the decimal comma as a dot
    ("- 43.828,17 €", "-43828.17"),
    ("+ 2 429, 60 € HT", "2429.60"),
    ("1,5 million", "1500000.00"),
    ("2,3 M€", "2300000.00"),
    ("15 k€", "15000.00"),
])
def test_money_parse_amount(raw: str, expected: str) -> None:
    value = parse_amount(raw)
    assert value == Decimal(expected)
    assert isinstance(value, Decimal)


@pytest.mark.parametrize("raw", [
    "L.2121-29", "31.12.2021", "03 20 30 98 25", "440 672 020 00037", "#0:008,00", "", "Libellé", "(12,50",
])
def test_money_parse_amount_rejects(raw: str) -> None:
    assert parse_amount(raw) is None


def test_money_parse_amount_none() -> None:
    assert parse_amount(None) is None


@pytest.mark.parametrize("raw, qualifier", [("9.100 € HT", "HT"), ("84 254 € TTC", "TTC"), ("57 000 €", None)])
def test_money_qualifier(raw: str, qualifier: str | None) -> None:
    assert amount_qualifier(raw) == qualifier


@pytest.mark.parametrize("text, expected", [
    ("une participation d'un montant global de 57 000 € pour l'année 2023", [("57 000 €", "57000.00")]),
    ("cinquante-sept mille euros (57 000 €) versés en 2023", [("57 000 €", "57000.00")]),
    ("la somme de mille euros", [("mille euros", "1000.00")]),
    ("+20'000 € au 21.32 et -8'355,59€ au 2313", [("+20'000 €", "20000.00"), ("-8'355,59€", "-8355.59")]),
    ("Ajustement des dotations, soit – 1’697€", [("– 1’697€", "-1697.00")]),
    ("- 24 000 € au titre des 3 axes", [("24 000 €", "24000.00")]),  # a bullet, not a minus
    ("INVESTISSEMENT\t-152.877.17 €", [("-152.877.17 €", "-152877.17")]),
    ("une subvention de 2500€ afin", [("2500€", "2500.00")]),
    ("le montant de 1,5 million d'euros", [("1,5 million d'euros", "1500000.00")]),
    ("équilibrée à hauteur de 40 500,00 €.", [("40 500,00 €", "40500.00")]),
    ("l'année 2022 28 000 € à l'association", [("28 000 €", "28000.00")]),
    ("de 57 000 £ pour", [("57 000 £", "57000.00")]),  # OCR's "£" for "€"
    # OCR's "E" for "€" (dev scans H and G): after a scale, or a figure with thousands or cents
    ("de l'État de 800 KE, de la Région de 2 ME et du Département de 500 K€.",
     [("800 KE", "800000.00"), ("2 ME", "2000000.00"), ("500 K€", "500000.00")]),
    ("sollicités à hauteur de 0,5 ME ; le solde", [("0,5 ME", "500000.00")]),
    ("pour un montant de 4 400 000 E ;", [("4 400 000 E", "4400000.00")]),
    ("soit 2 500 E HT.", [("2 500 E", "2500.00")]),
    ("une indemnité de 120,97 E.", [("120,97 E", "120.97")]),
    # a figure after a column gap that follows a digit is read whole, not from its last
    # group (Fargues 2018: "Groupe 1<tab>36 210 €" gave "210 €"); written by us: an account
    ("Groupe 1\t36 210 €\t22 310 €", [("36 210 €", "36210.00"), ("22 310 €", "22310.00")]),
    ("Groupe 4\t3 600 €", [("3 600 €", "3600.00")]),
    ("compte 6574\t1 500,00 €", [("1 500,00 €", "1500.00")]),
    # an amount restated in words in brackets, either way round, is one amount (the figures);
    # words that say another amount, or a second figure, are two
    ("une subvention de 25 000 € (vingt-cinq mille euros)", [("25 000 €", "25000.00")]),
    ("de 1 500 euros (soit mille cinq cents euros)", [("1 500 euros", "1500.00")]),
    ("cinquante-sept mille euros (57 000 €)", [("57 000 €", "57000.00")]),
    ("25 000 € (vingt mille euros)", [("25 000 €", "25000.00"), ("vingt mille euros", "20000.00")]),
    ("25 000 € (soit 12 500 € par an)", [("25 000 €", "25000.00"), ("12 500 €", "12500.00")]),
])
def test_money_find_amounts(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(a.raw, str(a.amount)) for a in find_amounts(text)] == expected


@pytest.mark.parametrize("text", [
    "Vu le Code, notamment ses articles L.2121-29 et L. 2311-1 ;",
    "le 31.12.2021 à 18h00, tél. 03 20 30 98 25",
    "identifié au répertoire SIREN sous le n°440 672 020 00037",
    "Délibération n° 2023-122 du 20 mars 2023, article 15",
    "de 16\t500 € pour",  # justified text split a figure: better no amount than "500 €"
    # a capital E after a figure is no euro without a scale, thousands or cents before it
    "Lot 2 E", "au 100 E rue de la Paix", "le local 100 E.", "Me DUPONT, notaire", "2 MEUBLES",
])
def test_money_find_amounts_ignores_non_money(text: str) -> None:
    assert find_amounts(text) == []


def test_money_find_amounts_qualifier_and_offsets() -> None:
    text = "pour un montant de 2 233 € maximum, soit 84 254 € TTC."
    found = find_amounts(text)
    assert [a.qualifier for a in found] == [None, "TTC"]
    assert all(text[a.start:a.end] == a.raw for a in found)


@pytest.mark.parametrize("siret, ok", [
    ("44067202000037", True), ("53775190100845", True), ("39372038800502", True),
    ("44067202000038", False), ("4406720200003", False),
])
def test_money_siret_valid(siret: str, ok: bool) -> None:
    assert siret_valid(siret) is ok


@pytest.mark.parametrize("text, expected", [
    # scales in words and symbols (dev H)
    ("estimé à 7,8 millions d'euros HT", [("7,8 millions d'euros", "7800000.00")]),
    ("une participation de l'État de 900 k€, de la Région de 2 M€", [("900 k€", "900000.00"), ("2 M€", "2000000.00")]),
    ("à hauteur de 0,6 M€ ;", [("0,6 M€", "600000.00")]),
    ("un programme de 2,3 Md€", [("2,3 Md€", "2300000000.00")]),
    ("1,2 million d'euros", [("1,2 million d'euros", "1200000.00")]),
    # words
    ("la somme de cent cinquante euros", [("cent cinquante euros", "150.00")]),
    ("deux millions d'euros", [("deux millions d'euros", "2000000.00")]),
    ("mille trois cent quinze euros", [("mille trois cent quinze euros", "1315.00")]),
    # lists and ranges: the bare numbers take the currency of the last
    ("entre 15 000 et 20 000 € HT", [("15 000", "15000.00"), ("20 000 €", "20000.00")]),
    ("des tarifs entre 60 et 400€", [("60", "60.00"), ("400€", "400.00")]),
    ("des lots de 15 000, 20 000 et 25 000 €", [("15 000", "15000.00"), ("20 000", "20000.00"), ("25 000 €", "25000.00")]),
    ("entre 1 et 2 millions d'euros", [("1", "1000000.00"), ("2 millions d'euros", "2000000.00")]),
    ("de 15€ à 50€", [("15€", "15.00"), ("50€", "50.00")]),
    # not lists: years, account numbers, a signed movement
    ("en 2023 et 2024 : 40 000 €", [("40 000 €", "40000.00")]),
    ("du 10.222 au 10.68 et -22'973,41€", [("-22'973,41€", "-22973.41")]),
    # a figure a line end cut
    ("un produit de la taxe à 117\n950 €.", [("117\n950 €", "117950.00")]),
    # negatives
    ("un déficit de -12 000 €", [("-12 000 €", "-12000.00")]),
    ("Ajustement soit – 1’697€", [("– 1’697€", "-1697.00")]),
    ("le delta était de - 1.697€, et", [("- 1.697€", "-1697.00")]),
    ("- 24 000 € au titre des axes\n- 3 000 € pour", [("24 000 €", "24000.00"), ("3 000 €", "3000.00")]),
])
def test_money_find_amounts_scales_words_lists(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(a.raw, str(a.amount)) for a in find_amounts(text)] == expected


@pytest.mark.parametrize("raw, expected", [("3 000 € ht", "3000.00"), ("13 125 € HT", "13125.00"), ("8 512.00 €", "8512.00")])
def test_money_parse_amount_lower_case_qualifier(raw: str, expected: str) -> None:
    assert str(parse_amount(raw)) == expected


@pytest.mark.parametrize("text, expected", [
    # a spaced minus after a colon, or opening a line, in a list of movements of credits: the
    # passage prints a "+" figure, or says "virements de crédits", "diminution" (probes of DMs)
    ("Article 60632 - Fournitures de petit équipement : + 3 500 €\n"
     "Article 615221 - Entretien de bâtiments : - 3 500 €",
     [("+ 3 500 €", "3500.00"), ("- 3 500 €", "-3500.00")]),
    ("D'approuver les virements suivants : article 6068 : - 3 500 € ; article 6232 : + 3 500 €.",
     [("- 3 500 €", "-3500.00"), ("+ 3 500 €", "3500.00")]),
    ("D'approuver les mouvements suivants :\n6068 Autres matières et fournitures\n- 3 500,00 €\n"
     "6232 Fêtes et cérémonies\n+ 3 500,00 €", [("- 3 500,00 €", "-3500.00"), ("+ 3 500,00 €", "3500.00")]),
    ("D'approuver les virements de crédits suivants :\n- article 6232 : - 1 200,00 € ;\n- chapitre 022 : (4 700 €) ;",
     [("- 1 200,00 €", "-1200.00"), ("(4 700 €)", "-4700.00")]),
    ("Compte 6574 : – 800 € (diminution des crédits)", [("– 800 €", "-800.00")]),
    # a décision modificative's balance by section, a section lowered (Chéméré 2009-11-24)
    ("Cette DM n°3 s’équilibre, tant en recettes qu’en dépenses, de la façon suivante :\n"
     "- Section de fonctionnement : 4 388,00 €uros\n- Section d’investissement : - 3 382,00 €uros",
     [("4 388,00 €", "4388.00"), ("- 3 382,00 €", "-3382.00")]),
    ("La décision modificative n° 2 se résume ainsi : fonctionnement : + 1 200 € ; investissement : – 5 000 €",
     [("+ 1 200 €", "1200.00"), ("– 5 000 €", "-5000.00")]),
    ("Le budget s'équilibre comme suit : Section d'investissement : - 12 500,00 €", [("- 12 500,00 €", "-12500.00")]),
    # …a bullet after another colon of such a passage stays a bullet (review)
    ("La décision modificative n°2 prévoit les dépenses suivantes : - 6 000 € pour l'achat de mobilier.",
     [("6 000 €", "6000.00")]),
    ("Le budget s'équilibre ainsi : - 1 200 € de subvention du Département", [("1 200 €", "1200.00")]),
    # …a bullet opening a line of such a passage stays a bullet
    ("La DM n°1 s'équilibre ainsi :\n- 3 500 € en dépenses et en recettes d'investissement",
     [("3 500 €", "3500.00")]),
    # …but a dash that opens an award of a list, or follows a colon, in a passage of no
    # movements is a bullet; brackets elsewhere restate or comment: no sign
    ("D'attribuer les subventions suivantes :\n- 3 500 € à l'association X ;\n- 1 200 € au club.",
     [("3 500 €", "3500.00"), ("1 200 €", "1200.00")]),
    ("les subventions suivantes : - 500 € au club A ; - 300 € au club B",
     [("500 €", "500.00"), ("300 €", "300.00")]),
    ("une subvention (500 €) au club", [("500 €", "500.00")]),
    ("le coût des travaux :\n(12 000 €)", [("12 000 €", "12000.00")]),
    # a sentence wrapped at the bracket is no line of a list, even beside a minus (the accounts
    # of a budget report, Roannais 2021: "(-26 k€) et provision pour Compte Epargne Temps\n(73 k€).")
    ("Ajustement provision pour dépréciation des actifs circulants (-26 k€) et provision pour Compte Epargne Temps\n"
     "(73 k€).\nIl s'agit principalement de la diminution des recettes.",
     [("-26 k€", "-26000.00"), ("73 k€", "73000.00")]),
    # another paragraph's "+" says nothing of this one
    ("Investissement : + 2 000 €\n\nD'attribuer :\n- 3 500 € au club.",
     [("+ 2 000 €", "2000.00"), ("3 500 €", "3500.00")]),
])
def test_money_find_amounts_minus_in_movements_of_credits(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(a.raw, str(a.amount)) for a in find_amounts(text)] == expected


@pytest.mark.parametrize("text, expected", [
    # spelled out after the figure
    ("la maîtrise d'œuvre représente 12 500 euros hors taxes ;", [("12500.00", "HT")]),
    ("la mission s'élève à 2 400 euros toutes taxes comprises", [("2400.00", "TTC")]),
    ("l'avenant de 2 000 € hors taxes.", [("2000.00", "HT")]),
    ("un coût de 8 000 € hors TVA, soit 9 600 € TVA comprise", [("8000.00", "HT"), ("9600.00", "TTC")]),
    ("3 000 € H.T. et 500 € Hors Taxes", [("3000.00", "HT"), ("500.00", "HT")]),
    # on the noun before the figure
    ("D'approuver le programme pour un montant HT de 165 500 €.", [("165500.00", "HT")]),
    ("un montant HT de 40 000 € et un montant TTC de 48 000 €", [("40000.00", "HT"), ("48000.00", "TTC")]),
    ("un coût total hors taxes de 3 000 €", [("3000.00", "HT")]),
    # none said, or said of another thing
    ("une subvention de 2 000 €", [("2000.00", None)]),
    ("le montant HT des travaux s'élève à 5 000 €", [("5000.00", None)]),
    ("les taxes comprises dans le loyer de 450 €", [("450.00", None)]),
])
def test_money_find_amounts_qualifier_in_words(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert [(str(a.amount), a.qualifier) for a in find_amounts(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("la pénalité de retard à 1 000,- € par an", [("1 000,- €", "1000.00")]),
    ("un forfait de 150,- euros", [("150,- euros", "150.00")]),
    ("les articles 15,- et 20 €", [("20 €", "20.00")]),  # ",-" without its currency: no figure of it
])
def test_money_find_amounts_no_cents_dash(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(a.raw, str(a.amount)) for a in find_amounts(text)] == expected
