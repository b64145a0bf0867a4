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
