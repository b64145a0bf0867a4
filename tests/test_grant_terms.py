"""Grant terms: conventions annexed to an act (partner, date, period, payment) and the
decision's own word on payment."""

from __future__ import annotations

import datetime as dt

import pytest

from extractors.grant_terms import extract_grant_terms, payment_terms
from extractors.registry import Found
from pipeline.errors import IssueLog
from pipeline.model import SectionKind
from tests.conftest import DEV, needs
from tests.test_amounts import make_act

AWARD = (SectionKind.ARTICLES, "Article 1 : D'attribuer une subvention de 30 000 € à l'association « Les Amis du "
         "Moulin » pour son programme 2024.", None)

SIGNED_CONVENTION = """CONVENTION D'OBJECTIFS ET DE MOYENS
Entre la Commune de Trégastel, représentée par son Maire, d'une part,
Et l'association Les Amis du Moulin, identifiée au répertoire SIRET sous le n° 393 720 388 00502,
représentée par sa Présidente, d'autre part,
Il a été convenu ce qui suit :
Article 1 : Objet
La présente convention définit le soutien de la Commune au programme 2024 de l'association.
Article 2 : Durée
La présente convention est conclue pour une durée d'un an, soit du 1er janvier 2024 au 31 décembre 2024.
Article 3 : Modalités de versement
La subvention sera versée en deux fois : une avance de 50 % à la signature, le solde de 15 000 € sur
production du bilan.
Article 4 : Aides d'État
L'aide est accordée au titre du règlement (UE) n° 1407/2013 relatif aux aides de minimis.
Fait en deux exemplaires, à Trégastel, le 12 février 2024
"""


def _terms(parts):  # type: ignore[no-untyped-def]
    act = make_act(parts)
    found = Found(rows={"grants": ["a grant"]})
    return extract_grant_terms(act, found, IssueLog())


def test_grant_terms_signed_convention() -> None:
    rows = _terms([AWARD, (SectionKind.ANNEX, SIGNED_CONVENTION, "convention")])
    assert len(rows) == 1
    r = rows[0]
    assert (r.source, r.beneficiary, r.beneficiary_siret) == ("convention", "Les Amis du Moulin", "39372038800502")
    assert r.convention_date == dt.date(2024, 2, 12)
    assert (r.period_start, r.period_end) == (dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    assert r.payment_terms == "échelonné"
    assert r.de_minimis is True


def test_grant_terms_blank_signature_and_no_terms_are_none() -> None:
    """The copy annexed to the act is unsigned ("Fait à Lannion, le …"); "Les versements
    seront effectués au compte bancaire" says neither single nor staged."""
    text = ("CONVENTION D'OBJECTIFS\nEntre les soussignés,\nLa Ville de Lannion, représentée par son Maire,\n"
            "D'une part\nEt:\nL'association « Habitat Jeunes en Trégor Argoat » (HJTA), association régie par la "
            "loi du 1er juillet 1901,\nD'autre part,\nArticle 5 : Montant de la subvention et conditions de paiement.\n"
            "Les versements seront effectués au compte bancaire de l'association selon les procédures en vigueur.\n"
            "Article 6 : Obligations\nL'association adresse ses comptes avant le 31 mai.\nFait à Lannion, le …\n")
    [r] = _terms([AWARD, (SectionKind.ANNEX, text, "convention")])
    assert r.beneficiary == "Habitat Jeunes en Trégor Argoat"
    assert r.convention_date is None and r.payment_terms is None and r.period_start is None
    assert r.de_minimis is None


def test_grant_terms_decision_says_single_payment() -> None:
    rows = _terms([(SectionKind.ARTICLES, AWARD[1] + "\nArticle 2 : La subvention sera versée en une seule fois "
                    "le 15 mars 2024.", None)])
    assert [(r.source, r.payment_terms, r.payment_start, r.payment_end) for r in rows] == [
        ("decision", "unique", dt.date(2024, 3, 15), dt.date(2024, 3, 15))]


def test_grant_terms_only_for_acts_that_award_grants() -> None:
    act = make_act([(SectionKind.ANNEX, SIGNED_CONVENTION, "convention")])
    assert extract_grant_terms(act, Found(), IssueLog()) == []


@pytest.mark.parametrize("text, expected", [
    ("Un premier versement de 16 800 € interviendra après la signature. Le solde, soit 11 200 €, sera versé "
     "sur production du bilan final.", "échelonné"),
    ("Un versement de 57 000 € interviendra après la signature de la présente convention par les parties.", "unique"),
    ("La participation est versée en une seule fois après signature.", "unique"),
    ("un acompte de 30 % à la notification, le solde à la réception du bilan", "échelonné"),
    ("La participation sera versée selon l'échéancier suivant :", "échelonné"),
    ("La subvention est versée en plusieurs fois.", "échelonné"),
    # boilerplate that names acomptes and solde without saying how this grant is paid
    ("L'organisme est ici averti que le versement des acomptes et celui du solde ne peuvent intervenir qu'après "
     "la production d'un RIB.", None),
    ("Les versements seront effectués au compte bancaire de l'association.", None),
])
def test_grant_terms_payment_wording(text: str, expected: str | None) -> None:
    assert payment_terms(text) == expected


@pytest.mark.parametrize("stem, beneficiary, siret, period, terms", [
    # "La convention s'applique du 01/01/2022 au 31/12/2022 inclus" … "Un premier versement
    # de 16 800 € … Le solde, soit 11 200 €"; "Fait en deux exemplaires originaux, à Caen, le" (blank)
    ("A-departement-cp-s101-born", "Société Historique et Archéologique", "39372038800502",
     (dt.date(2022, 1, 1), dt.date(2022, 12, 31)), "échelonné"),
    ("A-departement-cp-s101-scan", "Société Historique et Archéologique", "39372038800502",
     (dt.date(2022, 1, 1), dt.date(2022, 12, 31)), "échelonné"),
    # "Article 7: Modalités de versement … • Un versement de 57 000 € interviendra après la signature"
    ("seed-pas-de-calais-cp-2023-122-born", "Acteurs Pour une Économie Solidaire", "44067202000037",
     (dt.date(2023, 1, 1), dt.date(2023, 12, 31)), "unique"),
    ("seed-pas-de-calais-cp-2023-122-scan", "Acteurs Pour une Économie Solidaire", "44067202000037",
     (dt.date(2023, 1, 1), dt.date(2023, 12, 31)), "unique"),
])
@needs(DEV)
def test_grant_terms_dev_conventions(stem: str, beneficiary: str, siret: str, period: tuple, terms: str) -> None:
    from tests.conftest import processed

    rows = processed(DEV / f"{stem}.pdf").rows("grant_terms")
    assert [(r.source, r.beneficiary, r.beneficiary_siret, (r.period_start, r.period_end), r.payment_terms,
             r.convention_date) for r in rows] == [("convention", beneficiary, siret, period, terms, None)]
