"""Dates of the header by family of wording (segment probing, round 2): the convocation's
posting is not the act's publication; a certification sentence wrapped over two lines; a
sitting's date in words opening the minutes' sentence without "L'an".

Each family with the probe's wordings, others of the same family, and texts that must give
nothing (precision first).
"""

from __future__ import annotations

import datetime as dt

import pytest

from extractors.header import extract_header
from extractors.header.dates import find_prefecture_date, find_publication_date, find_session_date
from pipeline.segment import segment_document
from tests.conftest import make_document

D = dt.date

_STAMPS = "Transmis en préfecture le 15 mars 2024\nPublié le 16 mars 2024"

# ---------------------------------------------------------------------------
# The convocation is posted too: its posting is not the act's publication
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("text, expected", [
    # the convocation's posting in its own label or sentence, the act's stamp at the foot
    ("Date de convocation et d'affichage : 05/03/2024\nDate de la séance : 12/03/2024\n" + _STAMPS, D(2024, 3, 16)),
    ("Date de convocation : 05/03/2024\nDate d'affichage de la convocation : 05/03/2024\n" + _STAMPS, D(2024, 3, 16)),
    ("Le Conseil municipal, convoqué par lettre envoyée et affichée le 5 mars 2024, s'est réuni à la mairie\n"
     + _STAMPS, D(2024, 3, 16)),
    ("Séance du 12 mars 2024\nConvocation affichée le 5 mars 2024\n" + _STAMPS, D(2024, 3, 16)),
    ("Date de la convocation et de son affichage : 5 mars 2024\nAffiché le 16/03/2024", D(2024, 3, 16)),
    ("Les conseillers ont été convoqués le 5 mars 2024 par convocation affichée le 5 mars 2024.\n"
     "Mis en ligne le 16 mars 2024", D(2024, 3, 16)),
    # the act's own posting, told with the act: kept
    ("Le Maire certifie que la présente délibération a été affichée le 16/03/2024.", D(2024, 3, 16)),
    ("Date d'affichage : 16/03/2024", D(2024, 3, 16)),
])
def test_header_dates_convocation_posting_is_not_the_publication(text: str, expected: dt.date) -> None:
    assert find_publication_date(text) == expected


@pytest.mark.parametrize("text", [
    "Date de convocation et d'affichage : 05/03/2024\nDate de la séance : 12/03/2024",
    "Séance du 12 mars 2024\nConvocation affichée le 5 mars 2024",
    "Le Conseil municipal, convoqué par lettre envoyée et affichée le 5 mars 2024, s'est réuni à la mairie",
    "Date d'affichage de la convocation : 05/03/2024",
    "Convocation publiée le 5 mars 2024 sur le site internet de la commune",
])
def test_header_dates_convocation_posting_alone_gives_nothing(text: str) -> None:
    assert find_publication_date(text) is None


@pytest.mark.parametrize("text, sitting, expected", [
    # a bare posting label beside the convocation's date, before the sitting: the convocation's
    ("Date de convocation : 05/03/2024\nDate d'affichage : 05/03/2024\nSéance du 12 mars 2024\n" + _STAMPS,
     D(2024, 3, 12), D(2024, 3, 16)),
    ("Date de convocation : 05/03/2024\nDate d'affichage : 05/03/2024\nSéance du 12 mars 2024",
     D(2024, 3, 12), None),
    # posted the day of the sitting, or after: the act's
    ("Affiché le 12 mars 2024", D(2024, 3, 12), D(2024, 3, 12)),
    ("Date d'affichage : 20/03/2024", D(2024, 3, 12), D(2024, 3, 20)),
    # no sitting known: the first posting label stands
    ("Date d'affichage : 05/03/2024", None, D(2024, 3, 5)),
])
def test_header_dates_posting_before_the_sitting(text: str, sitting: dt.date | None,
                                                 expected: dt.date | None) -> None:
    assert find_publication_date(text, sitting) == expected


_EXTRACT = """RÉPUBLIQUE FRANÇAISE
COMMUNE DE SAINT-JEAN-DE-MOIRANS
EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL
{head}
Délibération n° 2024-046

L'an deux mille vingt-quatre, le douze mars à vingt heures, le Conseil municipal,
dûment convoqué le 5 mars 2024, s'est réuni à la mairie sous la présidence de M. Gérard VALLIN, Maire.
Nombre de conseillers en exercice : 19 – Présents : 15 – Votants : 17

Objet : Tarifs de la restauration scolaire 2024-2025

Vu le Code général des collectivités territoriales ;

Le Conseil municipal, après en avoir délibéré,
DÉCIDE :
Article 1 : D'approuver les tarifs.

Adopté à l'unanimité.

Fait et délibéré les jour, mois et an susdits.
Pour extrait conforme,
Le Maire,
Gérard VALLIN

{foot}
"""


@pytest.mark.parametrize("head, foot, prefecture, publication", [
    # the probes: the convocation's posting in the header, the act's stamps at its foot
    ("Date de convocation : 05/03/2024\nDate d'affichage : 05/03/2024\nSéance du 12 mars 2024", _STAMPS,
     D(2024, 3, 15), D(2024, 3, 16)),
    ("Date de convocation et d'affichage : 05/03/2024\nDate de la séance : 12/03/2024", _STAMPS,
     D(2024, 3, 15), D(2024, 3, 16)),
    ("Séance du 12 mars 2024\nConvocation affichée le 5 mars 2024", "", None, None),
    # an act posted the evening of its sitting
    ("Séance du 12 mars 2024", "Affiché le 12 mars 2024", None, D(2024, 3, 12)),
])
def test_header_dates_whole_extract(head: str, foot: str, prefecture: dt.date | None,
                                    publication: dt.date | None) -> None:
    values = extract_header(segment_document(make_document(_EXTRACT.format(head=head, foot=foot)))[0])
    assert values["session_date"] == D(2024, 3, 12)
    assert (values["prefecture_date"], values["publication_date"]) == (prefecture, publication)


# ---------------------------------------------------------------------------
# A certification sentence wrapped over two lines: the label ends one, the date opens the next
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("text, prefecture, publication", [
    ("Acte rendu exécutoire après transmission en préfecture\nle 15/03/2024 et publication le 16/03/2024.",
     D(2024, 3, 15), D(2024, 3, 16)),
    ("Le Maire certifie le caractère exécutoire de la présente délibération, reçue en Sous-Préfecture\n"
     "le 15 mars 2024 et affichée le 16 mars 2024.", D(2024, 3, 15), D(2024, 3, 16)),
    ("Certifié exécutoire par le Maire compte tenu de la réception en préfecture\n"
     "le 15/03/2024 et de la publication le 16/03/2024.", D(2024, 3, 15), D(2024, 3, 16)),
    # the publication's label at the end of the first line
    ("Acte rendu exécutoire après dépôt en préfecture le 15/03/2024 et publication\nle 16/03/2024.",
     D(2024, 3, 15), D(2024, 3, 16)),
    ("Le présent acte a été transmis au contrôle de légalité\nle 15 mars 2024 et publié le 16 mars 2024.",
     D(2024, 3, 15), D(2024, 3, 16)),
    # one line, as before
    ("Acte rendu exécutoire après transmission en préfecture le 15/03/2024 et publication le 16/03/2024.",
     D(2024, 3, 15), D(2024, 3, 16)),
])
def test_header_dates_certification_wrapped(text: str, prefecture: dt.date, publication: dt.date) -> None:
    assert (find_prefecture_date(text), find_publication_date(text)) == (prefecture, publication)


@pytest.mark.parametrize("text", [
    # a visa wrapped the same way tells of another act
    "Vu la délibération n° 2023-045 du 12 décembre 2023, transmise en préfecture\nle 14 décembre 2023 et publiée "
    "le 15 décembre 2023 ;",
    # the line above ends its sentence: the next one is no continuation of it
    "Le dossier est complet et reçu en préfecture.\nle 15/03/2024 : réunion de la commission.",
    # a new line in capitals is a new sentence, not the wrapped end of the label
    "Transmis en préfecture\nLe 15/03/2024, la commission s'est réunie.",
    # the exposé telling what happened to another document, wrapped
    "Monsieur le Maire rappelle que le dossier a été transmis en préfecture\nle 5 janvier 2024.",
])
def test_header_dates_wrapped_not_the_act(text: str) -> None:
    assert (find_prefecture_date(text), find_publication_date(text)) == (None, None)


# ---------------------------------------------------------------------------
# The sitting's date in words opening the minutes' sentence, without "L'an"
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("text, expected", [
    ("Le mardi douze mars deux mille vingt-quatre, à vingt heures,\nle Conseil municipal, dûment convoqué, "
     "s'est réuni à la mairie", D(2024, 3, 12)),
    ("Le douze mars deux mille vingt-quatre, à vingt heures,\nle Conseil municipal, dûment convoqué, s'est réuni",
     D(2024, 3, 12)),
    ("Le douze mars deux mille vingt-quatre à dix-huit heures trente, le Conseil communautaire s'est réuni",
     D(2024, 3, 12)),
    ("Le 12 mars 2024 à vingt heures et quart, s'est réuni le Conseil municipal", D(2024, 3, 12)),
    ("Le 12 mars 2024, à midi, le Bureau communautaire s'est réuni", D(2024, 3, 12)),
    # figures, as before
    ("Le 12 mars 2024 à 19 heures, le Conseil municipal s'est réuni", D(2024, 3, 12)),
])
def test_header_dates_sitting_in_words(text: str, expected: dt.date) -> None:
    assert find_session_date(text) == expected


@pytest.mark.parametrize("text", [
    # a date and an hour that open no meeting
    "Le douze mars deux mille vingt-quatre, à vingt heures, les travaux ont commencé.",
    "Le 12 mars 2024 à vingt heures, nous avons reçu le courrier.",
    "La réunion publique aura lieu à vingt heures, le 12 mars 2024.",
])
def test_header_dates_no_sitting_in_words(text: str) -> None:
    assert find_session_date(text) is None
