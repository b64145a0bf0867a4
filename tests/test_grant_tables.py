"""Grants read from tables of beneficiaries: which column awards, what awards nothing, and
which totals the checks compare (:mod:`extractors.grants.tables`)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from unittest.mock import patch

import pytest

from extractors.grants import check_grant_table_totals, check_grants_total, extract_grants
from extractors.grants.tables import awarded_columns, grants_from_tables
from extractors.registry import Found
from pipeline.errors import IssueLog
from pipeline.model import Act, Section, SectionKind, Span
from pipeline.read.load import load_document
from pipeline.options import Options
from pipeline.read.table_cells import Column, Row, Table
from tests.pdfgen import placed_pdf
from tests.test_amounts import make_act


def _table(headers: list[str], rows: list[list[str]]) -> Table:
    cols = [Column(h, 100 * i, 100 * i + 90) for i, h in enumerate(headers)]
    return Table(cols, [Row({i: v for i, v in enumerate(r) if v}, 1, 0) for r in rows], 1)


_SESSION = Found(act_fields={"session_date": dt.date(2024, 3, 14)})


@pytest.mark.parametrize("awarded", ["0,00 €", "0", "0,00", "-", "néant", ""])
def test_grant_tables_nothing_awarded_is_no_grant(awarded: str) -> None:
    """Probe t01: "Moto Club 72 | 1 500,00 € | 0,00 €" under "Montant demandé | Montant
    attribué" is a request refused, not a grant of 0,00 € — nor is a dash or "néant"."""
    table = _table(["Association", "Objet", "Montant demandé", "Montant attribué"], [
        ["Comité des fêtes", "Fête de la musique", "2 000,00 €", "1 500,00 €"],
        ["Moto Club 72", "Rallye", "1 500,00 €", awarded],
        ["Gym Volontaire", "Fonctionnement", "500,00 €", "500,00 €"],
        ["TOTAL", "", "4 000,00 €", "2 000,00 €"]])
    act = make_act([(SectionKind.ARTICLES, "D'attribuer les subventions du tableau.", None)])
    with patch("extractors.grants.tables.tables_of", return_value=[table]):
        rows = grants_from_tables(act, _SESSION)
        [check] = check_grant_table_totals(act, _SESSION)
    assert [(r.beneficiary, r.amount) for r in rows] == [("Comité des fêtes", Decimal("1500.00")),
                                                         ("Gym Volontaire", Decimal("500.00"))]
    assert check.passed and "2 rows sum to 2000.00" in check.detail


@pytest.mark.parametrize("headers, awarded", [
    # the awarded column named by its participle alone (probe x25b, x25d, u25)
    (["Association", "Demandé", "Attribué", "Observation"], 2),
    (["Association", "Demandé", "Attribué"], 2),
    (["Bénéficiaire", "Sollicité", "Accordé"], 2),
    (["Association", "Montant demandé", "Allouée"], 2),
    (["Association", "Attribué", "Demandé"], 1),
])
def test_grant_tables_awarded_column_named_by_a_participle(headers: list[str], awarded: int) -> None:
    rows = [["Ligue contre le cancer", "", "", ""][:len(headers)], ["Resto du Cœur", "", "", ""][:len(headers)]]
    for r, (asked, given) in zip(rows, [("500,00", "300,00"), ("400,00", "400,00")]):
        requested = 3 - awarded  # the other money column
        r[awarded], r[requested] = given, asked
    table = _table(headers, rows)
    assert table.is_grants and awarded_columns(table, 2024) == [awarded]
    act = make_act([(SectionKind.ARTICLES, "D'attribuer les subventions suivantes.", None)])
    with patch("extractors.grants.tables.tables_of", return_value=[table]):
        got = grants_from_tables(act, _SESSION)
    assert [(g.beneficiary, g.amount) for g in got] == [("Ligue contre le cancer", Decimal("300.00")),
                                                        ("Resto du Cœur", Decimal("400.00"))]


def test_grant_tables_ruled_table_with_participles(tmp_path: Path) -> None:
    """The whole way from a ruled page (probe u25): a dash and "néant" award nothing."""
    grid = [50, 220, 315, 410, 530]
    rows = [["Association", "Demandé", "Attribué", "Observation"], ["Moto Club 72", "2 000,00", "-", "Hors commune"],
            ["Ligue contre le cancer", "500,00", "300,00", ""], ["Prévention routière", "150,00", "néant", "Incomplet"],
            ["Resto du Cœur", "400,00", "400,00", ""]]
    text = [(50, 80, "Article 1 : De statuer sur les demandes de subventions comme suit :")]
    boxes = []
    for k, row in enumerate(rows):
        for i, value in enumerate(row):
            boxes.append((grid[i], 100 + 16 * k, grid[i + 1] - grid[i], 16))
            if value:
                text.append((grid[i] + 3, 111 + 16 * k, value))
    text.append((50, 210, "Article 2 : Les crédits sont inscrits à l'article 6574."))
    doc = load_document(placed_pdf(tmp_path / "g.pdf", [text], [boxes], size=9), Options(ocr=False), IssueLog())
    act = Act(doc, 0, "act0", Span(0, len(doc.text)), (Section(SectionKind.ARTICLES, Span(0, len(doc.text)), doc),))
    got = extract_grants(act, _SESSION, IssueLog())
    assert [(g.beneficiary, g.amount, g.year) for g in got] == [("Ligue contre le cancer", Decimal("300.00"), 2024),
                                                                ("Resto du Cœur", Decimal("400.00"), 2024)]


@pytest.mark.parametrize("words, checked", [
    # the decision prints no sum of its own: the table's total row is the table's (grant_total), not the decision's
    ("Article 2 : Les crédits sont inscrits à l'article 6574.", []),
    # a sum the decision prints in its words is checked
    ("Article 2 : Pour un montant total de 5 800 €.", [True]),
    ("Article 2 : Pour un montant total de 10 000 €.", [False]),
])
def test_grant_tables_total_row_is_not_the_decisions_sum(words: str, checked: list[bool]) -> None:
    """Probe t01: "TOTAL | 10 000,00 € | 5 800,00 €" (requested, awarded) was read as the
    decision's sum ("5 grants sum to 5800.00, decision says 10000.00")."""
    printed = "Article 1 : D'attribuer les subventions suivantes :\nTOTAL\t\t10 000,00 €\t5 800,00 €\n"
    act = make_act([(SectionKind.ARTICLES, printed + words, None)])
    table = _table(["Association", "Montant demandé", "Montant attribué"], [
        ["Comité des fêtes", "2 000,00 €", "1 500,00 €"], ["Union musicale", "8 000,00 €", "4 300,00 €"],
        ["TOTAL", "10 000,00 €", "5 800,00 €"]])
    start = act.doc.text.index("TOTAL")
    table.spans = [Span(start, start + len("TOTAL\t\t10 000,00 €\t5 800,00 €"))]
    with patch("extractors.grants.tables.tables_of", return_value=[table]):
        grants = grants_from_tables(act, _SESSION)
        found = Found(rows={"grants": grants}, act_fields={"session_date": dt.date(2024, 3, 14)})
        assert [c.passed for c in check_grants_total(act, found)] == checked


@pytest.mark.parametrize("headers, rows, expected", [
    # (c) the offers received for the works (Chéméré 2009-11-24, 2009/154): read as grants before
    (["ENTREPRISES", "Prix unitaire m2 HT", "MONTANT H.T.", "MONTANT T.T.C."],
     [["BREHARD SAS (44320 ST PERE EN RETZ)", "35,50 €", "19 525,00 €", "23 351,90 €"],
      ["SARL MABILEAU (44320 ST PERE EN RETZ)", "Forfait", "18 400,00 €", "22 006,40 €"]], []),
    (["N °", "Entreprise", "Montant€ H.T."], [["1", "ASPO (35530 SERVON SUR VILAINE)", "27 066,40"]], []),
    (["Nom et adresse de l’entreprise", "Montant H.T.", "Montant T.T.C.",
      "Classement suivant critères de jugement des offres"], [["PINSON JOEL (44680 CHEMERE)", "31 865,00 €",
                                                              "38 110,54 €", "1"]], []),
    (["Entreprise retenue", "Montant"], [["PEDEAU", "58 911,23 €"]], []),
    # grants: to businesses, beside an aid column; to associations
    (["Entreprise", "Projet", "Aide attribuée"], [["SARL Boulangerie Martin", "Four à pain", "5 000,00 €"]],
     [("SARL Boulangerie Martin", Decimal("5000.00"))]),
    (["Entreprise", "Montant"], [["Boulangerie Martin", "3 000,00 €"]], [("Boulangerie Martin", Decimal("3000.00"))]),
    (["Association", "Montant"], [["Comité des fêtes", "800,00 €"]], [("Comité des fêtes", Decimal("800.00"))]),
])
def test_grant_tables_offers_of_companies_are_no_grants(headers: list[str], rows: list[list[str]],
                                                        expected: list) -> None:  # type: ignore[type-arg]
    """Probe (Chéméré archive): the companies that answered a call for tenders, with their
    offers in HT and TTC, receive no grant; a business's aid and an association's grant do."""
    table = _table(headers, rows)
    act = make_act([(SectionKind.ARTICLES, "Le Conseil municipal décide de retenir l'offre.", None)])
    with patch("extractors.grants.tables.tables_of", return_value=[table]):
        out = grants_from_tables(act, _SESSION)
    assert [(r.beneficiary, r.amount) for r in out] == expected


@pytest.mark.parametrize("headers, row, name", [
    # a column of places beside the beneficiary's name is where it is (probes g10, i15, j05, j05b)
    (["Bénéficiaire", "Commune", "Objet", "Subvention"], ["AS Gien Basket", "Gien", "Paniers", "2 520,00"],
     "AS Gien Basket"),
    (["Commune", "Bénéficiaire", "Objet", "Subvention"], ["Meung", "Judo club de Meung", "Tatamis", "1 560,00"],
     "Judo club de Meung"),
    (["Association", "Commune d'implantation", "Montant"], ["Aviron orléanais", "Orléans", "6 000,00"],
     "Aviron orléanais"),
    (["Structure", "Communes", "Action", "Montant attribué"], ["Régie de quartier", "Orléans, Saran", "Jardins",
                                                                "800,00"], "Régie de quartier"),
    # alone, the commune is the beneficiary (a fonds de concours to the communes, probe i14)
    (["Commune", "Projet", "Montant attribué"], ["Commune de Terranjou", "Aire de jeux", "9 950,00"],
     "Commune de Terranjou"),
    (["Communes", "Montant"], ["Terranjou", "9 950,00"], "Terranjou"),
])
def test_grant_tables_a_place_column_is_not_the_beneficiarys_name(headers: list[str], row: list[str], name: str) -> None:
    table = _table(headers, [row])
    act = make_act([(SectionKind.ARTICLES, "D'attribuer les subventions suivantes.", None)])
    with patch("extractors.grants.tables.tables_of", return_value=[table]):
        [grant] = grants_from_tables(act, _SESSION)
    assert grant.beneficiary == name


@pytest.mark.parametrize("cell, name, siret", [
    # a SIRET printed in the name's cell (probes g16, i18, i18b): the name stops before it
    ("Chantier d'insertion Val de Loire / SIRET : 789 456 126 00018", "Chantier d'insertion Val de Loire",
     "78945612600018"),
    ("Chantier d'insertion Val de Loire SIRET 789 456 126 00018", "Chantier d'insertion Val de Loire",
     "78945612600018"),
    ("Régie de quartier de l'Argonne (321 654 980 00010)", "Régie de quartier de l'Argonne", "32165498000010"),
    ("Régie de quartier de l'Argonne, N° SIRET 32165498000010", "Régie de quartier de l'Argonne", "32165498000010"),
    ("Régie de quartier - Siret n° 321 654 980 00010", "Régie de quartier", "32165498000010"),
    # an identifier that is no valid SIRET leaves the name, and gives none
    ("Régie de quartier (SIREN 321 654 980)", "Régie de quartier", None),
    ("Régie de quartier (789 456 126 00019)", "Régie de quartier", None),
    # numbers that are part of a name, or no identifier: the cell as printed
    ("Association 1901 des parents d'élèves", "Association 1901 des parents d'élèves", None),
    ("Club des 100 (fondé en 1990)", "Club des 100 (fondé en 1990)", None),
    ("Les 3 000 pas (123 456 789)", "Les 3 000 pas (123 456 789)", None),
])
def test_grant_tables_a_siret_in_the_name_cell(cell: str, name: str, siret: str | None) -> None:
    table = _table(["Structure", "Action", "Montant"], [[cell, "Atelier maraîchage", "35 000,00"]])
    act = make_act([(SectionKind.ARTICLES, "D'attribuer les subventions suivantes.", None)])
    with patch("extractors.grants.tables.tables_of", return_value=[table]):
        [grant] = grants_from_tables(act, _SESSION)
    assert (grant.beneficiary, grant.beneficiary_siret) == (name, siret)


def _year_table(years: list[str]) -> Table:
    cols = [Column("Bénéficiaire", 0, 90)] + [Column(y, 100 * (i + 1), 100 * (i + 1) + 90, measure_hint="other")
                                               for i, y in enumerate(years)]
    rows = [["Coopérative scolaire école maternelle", "900,00", "950,00", "1 000,00"],
            ["Foyer socio-éducatif du collège", "500,00", "500,00", "550,00"]]
    return Table(cols, [Row({i: v for i, v in enumerate(r[:len(cols)])}, 1, 0) for r in rows], 1)


@pytest.mark.parametrize("years, title, session, expected", [
    # columns headed by a year alone (probes g09, i12): the latest is the award when it is the
    # act's year — its title's, else its session's —, the others recall the years before
    (["2023", "2024", "2025"], "Subventions 2025 aux associations scolaires", dt.date(2025, 3, 14),
     [("Coopérative scolaire école maternelle", Decimal("1000.00"), 2025),
      ("Foyer socio-éducatif du collège", Decimal("550.00"), 2025)]),
    (["2023", "2024", "2025"], "Subventions aux associations scolaires", dt.date(2025, 3, 14),
     [("Coopérative scolaire école maternelle", Decimal("1000.00"), 2025),
      ("Foyer socio-éducatif du collège", Decimal("550.00"), 2025)]),
    (["2024", "2025", "2026"], "Subventions 2026 aux associations scolaires", dt.date(2025, 12, 11),
     [("Coopérative scolaire école maternelle", Decimal("1000.00"), 2026),
      ("Foyer socio-éducatif du collège", Decimal("550.00"), 2026)]),
    # nothing sure: the latest year is not the act's, and no column is the award
    (["2023", "2024", "2025"], "Subventions 2024 aux associations scolaires", dt.date(2025, 3, 14), []),
    (["2023", "2024", "2025"], "Subventions aux associations scolaires", dt.date(2024, 12, 12), []),
    (["2023", "2024", "2025"], "Subventions aux associations scolaires", None, []),
])
def test_grant_tables_columns_headed_by_a_year_alone(years: list[str], title: str, session: dt.date | None,
                                                     expected: list) -> None:  # type: ignore[type-arg]
    table = _year_table(years)
    assert table.is_grants
    act = make_act([(SectionKind.ARTICLES, "D'attribuer les subventions suivantes :", None)])
    found = Found(act_fields={"title": title, "session_date": session})
    with patch("extractors.grants.tables.tables_of", return_value=[table]):
        got = grants_from_tables(act, found)
    assert [(g.beneficiary, g.amount, g.year) for g in got] == expected


@pytest.mark.parametrize("headers", [
    ["Porteur de projet", "Manifestation", "Montant demandé", "Avis de la commission", "Décision"],
    ["Porteur de projet", "Manifestation", "Demandé", "Avis", "Décision"],
    ["Association", "Événement", "Montant attribué"],
])
def test_grant_tables_the_festivity_is_the_purpose(headers: list[str]) -> None:
    """Probe i13: a "Manifestation" (an event) column says what the grant pays for."""
    cells = {"Porteur de projet": "Comité des fêtes de Brissac", "Association": "Comité des fêtes de Brissac",
             "Manifestation": "Fête de la Loire", "Événement": "Fête de la Loire", "Montant demandé": "3 000,00",
             "Demandé": "3 000,00", "Avis de la commission": "Favorable", "Avis": "Favorable",
             "Décision": "2 000,00", "Montant attribué": "2 000,00"}
    table = _table(headers, [[cells[h] for h in headers]])
    act = make_act([(SectionKind.ARTICLES, "D'attribuer les subventions suivantes.", None)])
    with patch("extractors.grants.tables.tables_of", return_value=[table]):
        [grant] = grants_from_tables(act, _SESSION)
    assert (grant.beneficiary, grant.amount, grant.purpose) == ("Comité des fêtes de Brissac", Decimal("2000.00"),
                                                                 "Fête de la Loire")
