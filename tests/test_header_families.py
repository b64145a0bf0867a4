"""Header readers by family of wording: transmission and publication dates told of the act
itself (not of the documents its visas and considérants cite), the sitting's date under its
many names, the collectivités named without a link word, the bodies of syndicats and
départements, the counts printed as a table, a sentence or words.

Each family is tested with the wordings probing met and others of the same family, and with
texts that must give nothing (precision first).
"""

from __future__ import annotations

import datetime as dt

import pytest

from extractors.header.dates import find_prefecture_date, find_publication_date, find_session_date

D = dt.date

# ---------------------------------------------------------------------------
# Transmission and publication: the act's own stamps, not the documents it cites
# ---------------------------------------------------------------------------

_FOOT = ("Fait et délibéré les jour, mois et an susdits.\nPour extrait conforme,\nLe Maire,\nJean DUPONT\n\n"
         "Transmis en préfecture le 15 mars 2024\nPublié le 16 mars 2024")


@pytest.mark.parametrize("text, prefecture, publication", [
    # considérants telling of a notice and a file (a PLU's modification), the stamp at the foot
    ("Considérant que l'avis d'enquête publique a été publié dans Le Progrès le 3 janvier 2024 et affiché en mairie "
     "le 2 janvier 2024 ;\nConsidérant que le dossier a été transmis en préfecture le 5 janvier 2024 pour avis des "
     "services de l'État ;\n\nDÉCIDE\n" + _FOOT, D(2024, 3, 15), D(2024, 3, 16)),
    # a visa citing a prefect's order published in the recueil des actes administratifs
    ("Vu l'arrêté préfectoral du 15 juin 2023 publié au recueil des actes administratifs de la préfecture le 20 juin "
     "2023 ;\n" + _FOOT, D(2024, 3, 15), D(2024, 3, 16)),
    # the act certified by its signatory, in a sentence of its own
    ("Le Maire certifie que la présente délibération a été affichée le 16/03/2024 et transmise en préfecture le "
     "15/03/2024.", D(2024, 3, 15), D(2024, 3, 16)),
    ("Le présent acte a été transmis au contrôle de légalité le 15/03/2024.", D(2024, 3, 15), None),
    ("Acte rendu exécutoire après dépôt en Préfecture le 14/05/2022 et publication le 15/05/2022",
     D(2022, 5, 14), D(2022, 5, 15)),
    # a stamp below the signature, the place and date of signing above it
    ("Fait à Montreuil-le-Gast, le 13/07/2023\nLa Présidente,\nSandrine DELATTRE\nReçu en préfecture le 16/07/2023\n"
     "Mis en ligne le 16/07/2023", D(2023, 7, 16), D(2023, 7, 16)),
])
def test_header_families_stamps_over_cited_documents(text: str, prefecture: dt.date | None,
                                                     publication: dt.date | None) -> None:
    assert (find_prefecture_date(text), find_publication_date(text)) == (prefecture, publication)


@pytest.mark.parametrize("text", [
    "Considérant que l'avis d'enquête publique a été publié dans Le Progrès le 3 janvier 2024 et affiché en mairie le "
    "2 janvier 2024 ;\nConsidérant que le dossier a été transmis en préfecture le 5 janvier 2024 ;\n"
    "Fait à Saint-Genis-Laval, le 13 mars 2024",
    "Vu l'arrêté préfectoral du 15 juin 2023 publié au recueil des actes administratifs de la préfecture le 20 juin 2023 ;",
    # a visa wrapped over two lines, the transmission on the second
    "Vu la délibération n° 2023-045 du 12 décembre 2023,\ntransmise en préfecture le 14 décembre 2023 et publiée le "
    "15 décembre 2023 ;",
    # the exposé telling what happened to other documents
    "Monsieur le Maire rappelle que le dossier a été transmis en préfecture le 5 janvier 2024.",
    "Par délibération du 12 décembre 2023, transmise au contrôle de légalité le 14 décembre 2023, le conseil a "
    "approuvé le projet.",
    "La convention du 3 mai 2023, reçue en préfecture le 10 mai 2023, est modifiée.",
    "Attendu que le marché a été publié le 2 février 2024 au BOAMP ;",
    "Considérant que l'avis d'enquête a été affiché du 02/01/2024 au 02/02/2024 ;",
])
def test_header_families_no_stamp_in_reasoning(text: str) -> None:
    assert (find_prefecture_date(text), find_publication_date(text)) == (None, None)


@pytest.mark.parametrize("text, expected", [
    ("Transmis à la Sous-Préfecture de Lyon le 15 mars 2024", D(2024, 3, 15)),
    ("Reçu en sous-préfecture le 15/03/2024", D(2024, 3, 15)),
    ("Envoi à la sous-préfecture : 15/03/2024", D(2024, 3, 15)),
    ("Accusé de réception en sous-préfecture : 15/03/2024", D(2024, 3, 15)),
    ("Acte rendu exécutoire après dépôt en sous-préfecture le 15/03/2024", D(2024, 3, 15)),
    ("Envoyé en préfecture le 15/03/2024\nReçu en préfecture le 16/03/2024", D(2024, 3, 15)),
    # a sous-préfecture's arrival stamp on a scan is no more the sending date than a préfecture's
    ("SOUS-PRÉFECTURE DE BAYONNE\nARRIVÉE LE\n15/03/2024", None),
])
def test_header_families_sous_prefecture(text: str, expected: dt.date | None) -> None:
    assert find_prefecture_date(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Affiché du 16/03/2024 au 16/05/2024", D(2024, 3, 16)),
    ("Affichage en mairie du 16 mars 2024 au 16 mai 2024", D(2024, 3, 16)),
    ("Mis en ligne du 16/03/2024 au 16/05/2024", D(2024, 3, 16)),
    ("Publié le 16/03/2024", D(2024, 3, 16)),
    # a period that is no posting
    ("Les travaux auront lieu du 16/03/2024 au 16/05/2024", None),
    ("Publication du rapport annuel", None),
])
def test_header_families_posting_period(text: str, expected: dt.date | None) -> None:
    assert find_publication_date(text) == expected


# ---------------------------------------------------------------------------
# The sitting's date
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Séance ordinaire du 12 mars 2024\nDélibération n° 2024-015", D(2024, 3, 12)),
    ("SÉANCE EXTRAORDINAIRE DU 12 MARS 2024", D(2024, 3, 12)),
    ("Séance ordinaire du mardi 12 mars 2024 à 19h00", D(2024, 3, 12)),
    ("Séance publique ordinaire du 12/03/2024", D(2024, 3, 12)),
    ("Session du 12 mars 2024", D(2024, 3, 12)),
    ("Session ordinaire du 12/03/2024", D(2024, 3, 12)),
    ("Séance plénière du 12 mars 2024", D(2024, 3, 12)),
    ("Assemblée plénière du 12 mars 2024", D(2024, 3, 12)),
    ("Comité syndical du 12 mars 2024", D(2024, 3, 12)),
    # the verb of the meeting, a weekday before the date, the convocation without a date or before
    ("Le Conseil municipal, dûment convoqué, s'est réuni le mardi 12 mars 2024 à 19 heures", D(2024, 3, 12)),
    ("Le Conseil municipal, dûment convoqué le 5 mars 2024, s'est réuni le mardi 12 mars 2024 à 19 heures",
     D(2024, 3, 12)),
    # the participle after the body that met
    ("Le Conseil régional, réuni en assemblée plénière le 12 mars 2024 sous la présidence de M. X", D(2024, 3, 12)),
    ("L'Assemblée départementale, réunie le 12 mars 2024 sous la présidence de M. X", D(2024, 3, 12)),
    ("Le Comité syndical, dûment convoqué, réuni le 12 mars 2024 au siège du syndicat", D(2024, 3, 12)),
    # a sitting over two days names no single date; the sentence below it does
    ("Assemblée plénière des 12 et 13 mars 2024\nLe Conseil régional, réuni en assemblée plénière le 12 mars 2024",
     D(2024, 3, 12)),
])
def test_header_families_session_date(text: str, expected: dt.date) -> None:
    assert find_session_date(text) == expected


@pytest.mark.parametrize("text", [
    "Assemblée plénière des 12 et 13 mars 2024",
    "Date de convocation : 05/03/2024",
    "Le Conseil municipal, dûment convoqué le 5 mars 2024, s'est réuni en séance publique",
    # another body's meeting, named in the header
    "La commission des finances, réunie le 5 mars 2024, a émis un avis favorable.",
    "Séance de travail préparatoire prévue au 5 mars 2024",
])
def test_header_families_no_session_date(text: str) -> None:
    assert find_session_date(text) is None
