"""Grants extractor: awards in decision sentences and beneficiary tables, SIRET per award."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from extractors.grants import check_grants_total, check_sirets, extract_grants, siret_in
from extractors.registry import Found
from pipeline.errors import IssueLog
from pipeline.model import SectionKind
from tests.conftest import DEV, DEV_BORN, REAL, gold_and_extracted, needs
from tests.test_amounts import make_act

FIELDS = ("beneficiary", "beneficiary_siret", "amount", "purpose", "year")


def _grants(parts, session: dt.date | None = dt.date(2022, 4, 7)):  # type: ignore[no-untyped-def]
    act = make_act(parts)
    found = Found(act_fields={"session_date": session})
    rows = extract_grants(act, found, IssueLog())
    return act, found, rows


def _tuples(rows):  # type: ignore[no-untyped-def]
    return [tuple(getattr(r, f) for f in FIELDS) for r in rows]


def test_grants_one_award_with_global_amount_and_annex_siret() -> None:
    _, _, rows = _grants([
        (SectionKind.ARTICLES, "Article 1:\nD'attribuer, à l'association « Acteurs Pour une Economie Solidaire », une "
         "participation départementale d'un montant global de 57 000 € pour l'année 2023, au titre de sa "
         "contribution aux politiques départementales en faveur de l'économie sociale et solidaire, selon les "
         "modalités décrites au rapport.", None),
        (SectionKind.ANNEX, "CONVENTION\nL'association Acteurs Pour une Économie Solidaire, dont le siège social est "
         "situé à Lille, identifié au répertoire SIREN sous le n°440 672 020 00037 représenté par M. X", "convention"),
    ])
    assert _tuples(rows) == [("Acteurs Pour une Economie Solidaire", "44067202000037", Decimal("57000.00"),
                              "contribution aux politiques départementales en faveur de l'économie sociale et "
                              "solidaire", 2023)]


def test_grants_list_after_global_amount() -> None:
    act, found, rows = _grants([
        (SectionKind.ARTICLES, "Article 1 :\nD'attribuer, au titre de l'année 2022, les participations départementales "
         "suivantes, pour un montant global de 44 500 € : 28 000 € à l'association « Société Historique et "
         "Archéologique » (SIRET 393 720 388 00502) pour son programme d'accompagnement des salariés en insertion "
         "pour l'année 2022 ; 16 500 € à l'association « Association Lire et Faire\tLire\t»\t(SIRET 335\t207\t734 "
         "00948)\tpour son\tprogramme\nd'accompagnement des salariés en insertion pour l'année 2022.", None),
    ])
    assert _tuples(rows) == [
        ("Société Historique et Archéologique", "39372038800502", Decimal("28000.00"),
         "son programme d'accompagnement des salariés en insertion pour l'année 2022", 2022),
        ("Association Lire et Faire Lire", "33520773400948", Decimal("16500.00"),
         "son programme d'accompagnement des salariés en insertion pour l'année 2022", 2022),
    ]
    found.rows["grants"] = rows
    [check] = check_grants_total(act, found)
    assert check.passed and "44500" in check.detail
    assert [c.passed for c in check_sirets(act, found)] == [True, True]


def test_grants_siret_only_for_its_own_award() -> None:
    """The same association twice: the SIRET printed in article 2 is not borrowed by article 1."""
    _, _, rows = _grants([
        (SectionKind.ARTICLES, "ARTICLE 1 - D'attribuer une subvention de 29 000 € à l'association « Association "
         "Terres d'Avenir » pour l'action « Accompagnement vers l'emploi des jeunes ».\nARTICLE 2 - D'attribuer une "
         "subvention de 33 500 € à l'association « Association Terres d'Avenir » (SIRET 537 751 901 00845) pour "
         "l'action « Médiation sociale de proximité ».\nARTICLE 3 - Dit que les crédits sont inscrits au budget.", None),
    ])
    assert _tuples(rows) == [
        ("Association Terres d'Avenir", None, Decimal("29000.00"), "l'action « Accompagnement vers l'emploi des jeunes »", 2022),
        ("Association Terres d'Avenir", "53775190100845", Decimal("33500.00"), "l'action « Médiation sociale de proximité »", 2022),
    ]


@pytest.mark.parametrize("text, siret", [
    ("identifié au répertoire SIREN sous le n°440 672 020 00037", "44067202000037"),
    ("(SIRET 537 751 901 00845)", "53775190100845"),
    ("(SIRET 335 207 734 (00948)", "33520773400948"),  # OCR noise inside the number
    ("(SIRET 537 751 901 00846)", None),  # the Luhn key fails: better no SIRET than a wrong one
    ("SIREN 440 672 020", None),  # 9 digits: a SIREN, not a SIRET
])
def test_grants_siret_in(text: str, siret: str | None) -> None:
    assert siret_in(text) == siret


def test_grants_not_an_award() -> None:
    _, _, rows = _grants([
        (SectionKind.ARTICLES, "Article 1 : La dépense de 57 000 € est imputée au chapitre 65.\n"
         "Article 2 : L'association sollicite une subvention de 2 000 € pour 2023.", None),
    ])
    assert rows == []


@pytest.mark.parametrize("stem", DEV_BORN)
@needs(DEV)
def test_grants_dev_gold(stem: str) -> None:
    gold, got = gold_and_extracted(stem, "grants", FIELDS)
    assert got == gold


@needs(REAL)
def test_grants_real_roannais_small_business_aid() -> None:
    """Roannais 2021: "attribue la subvention à l'établissement Torréfaction de Cafés EURL CBLB, … pour un
    montant de 2 233 € maximum"."""
    from pipeline.runner import process_document

    rows = process_document(REAL / "epci-roannais-agglomeration-2021-10-28-cc-pv.pdf").rows("grants")
    assert ("Torréfaction de Cafés EURL CBLB", Decimal("2233.00")) in {(g.beneficiary, g.amount) for g in rows}
