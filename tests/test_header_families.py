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


_ID = "044-214400400-20110913-D2011-108-DE"


@pytest.mark.parametrize("text, expected", [
    # the @ctes box of the Chéméré minutes (2011), after each item's decision: heading, identifier,
    # an empty signature date, the date of reception in the bare label
    (f"décide à l'unanimité.\nAccusé de réception en préfecture\n{_ID}\nDate de signature : -\n"
     "Date de réception : 26/09/2011", D(2011, 9, 26)),
    # the same box with no identifier filled in, and the box read as one line
    ("Accusé de réception en préfecture\n-\nDate de signature : -\nDate de réception : 28/09/2011", D(2011, 9, 28)),
    (f"Accusé de réception en préfecture {_ID} Date de signature : - Date de réception : 26/09/2011", D(2011, 9, 26)),
    # a signature date filled in above it is not the prefecture's
    (f"Accusé de réception en préfecture\n{_ID}\nDate de signature : 13/09/2011\nDate de réception : 26/09/2011",
     D(2011, 9, 26)),
    # the box split by a page break and the running header of the next page
    (f"Accusé de réception en préfecture\fDEPARTEMENT DE LOIRE-ATLANTIQUE\tCM 13 septembre 2011\t80\n"
     f"Commune de CHEMERE\n{_ID}\nDate de signature : -\nDate de réception : 26/09/2011", D(2011, 9, 26)),
    # other receipts: télétransmission, "Date de réception préfecture", an identifier and its dates
    (f"Accusé de réception en préfecture\n{_ID}\nDate de télétransmission : 26/09/2011\n"
     "Date de réception préfecture : 26/09/2011", D(2011, 9, 26)),
    (f"ID : {_ID}\nDate de réception : 27/09/2011", D(2011, 9, 27)),
    (f"ID : {_ID} | Date de réception : 27/09/2011 | Date d'affichage : 28/09/2011", D(2011, 9, 27)),
    (f"{_ID}\nReçu le 27/09/2011", D(2011, 9, 27)),
    (f"ACCUSE DE RECEPTION\n{_ID}\nDate de transmission : 27/09/2011", D(2011, 9, 27)),
    ("Reçu en préfecture le 26/09/2011\nPublié le 27/09/2011", D(2011, 9, 26)),
])
def test_header_families_receipt_labels(text: str, expected: dt.date) -> None:
    assert find_prefecture_date(text) == expected


@pytest.mark.parametrize("text", [
    # a bare label with no receipt around it
    "Date de réception : 26/09/2011",
    "Date de réception du dossier complet : 26/09/2011",
    # "accusé de réception" inside a sentence heads no receipt
    "Le dossier a été envoyé par lettre recommandée avec accusé de réception.\nDate de réception : 26/09/2011",
    # the receipt's other dates, and a label inside a sentence under it
    f"Accusé de réception en préfecture\n{_ID}\nDate de signature : 13/09/2011",
    f"Accusé de réception en préfecture\n{_ID}\nDate d'affichage : 28/09/2011",
    f"Accusé de réception en préfecture\n{_ID}\nLe maire rappelle la date de réception : 26/09/2011",
    # a blank line ends the box
    f"Accusé de réception en préfecture\n{_ID}\n\nDate de réception : 26/09/2011",
])
def test_header_families_no_receipt_date(text: str) -> None:
    assert find_prefecture_date(text) is None


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


# ---------------------------------------------------------------------------
# Collectivités named without a link word, or over two lines; syndicats and PETR
# ---------------------------------------------------------------------------

from extractors.header.authority import find_authority, find_body  # noqa: E402


@pytest.mark.parametrize("head, body, whole, expected", [
    # an EPCI whose name follows its kind with no "de/du": as printed in mixed case, or in capitals
    # styled by the document's own printing of the name elsewhere, or title-cased
    ("Communauté de communes Cœur de Savoie\nConseil communautaire\nSéance du 12 mars 2024", "conseil_communautaire",
     "", "Communauté de communes Cœur de Savoie"),
    ("COMMUNAUTÉ D'AGGLOMÉRATION PAYS BASQUE\nCONSEIL COMMUNAUTAIRE", "conseil_communautaire",
     "le Conseil communautaire de la Communauté d'Agglomération Pays Basque, dûment convoqué",
     "Communauté d'agglomération Pays Basque"),
    ("COMMUNAUTÉ D'AGGLOMÉRATION GRANDANGOULÊME\nBUREAU COMMUNAUTAIRE", "bureau",
     "le Bureau communautaire de GrandAngoulême, dûment convoqué", "Communauté d'agglomération GrandAngoulême"),
    ("COMMUNAUTÉ D'AGGLOMÉRATION GRANDANGOULÊME\nBUREAU COMMUNAUTAIRE", "bureau", "",
     "Communauté d'agglomération Grandangoulême"),
    ("COMMUNAUTÉ URBAINE CAEN LA MER\nCONSEIL COMMUNAUTAIRE", "conseil_communautaire",
     "les élus de Caen la mer", "Communauté urbaine Caen la mer"),
    ("MÉTROPOLE EUROPÉENNE DE LILLE\nDÉLIBÉRATION DU CONSEIL", "conseil_communautaire",
     "le Conseil de la Métropole européenne de Lille, dûment convoqué", "Métropole européenne de Lille"),
    ("EUROMÉTROPOLE DE STRASBOURG\nDélibération du Conseil de l'Eurométropole", "conseil_communautaire", "",
     "Eurométropole de Strasbourg"),
    # a pôle d'équilibre territorial et rural, in full or by its acronym
    ("PÔLE D'ÉQUILIBRE TERRITORIAL ET RURAL DU PAYS DE LANGRES\nDélibération du Comité syndical", "other", "",
     "PETR du Pays de Langres"),
    ("PETR du Pays de Langres\nComité syndical du 12 mars 2024", "other", "", "PETR du Pays de Langres"),
    # a syndicat's letterhead in capitals, the document's own printing of it
    ("SYNDICAT INTERCOMMUNAL D'ÉNERGIE ET DE E-COMMUNICATION DE L'AIN\nCOMITÉ SYNDICAL", "other",
     "le Comité syndical du Syndicat intercommunal d'énergie et de e-communication de l'Ain",
     "Syndicat intercommunal d'énergie et de e-communication de l'Ain"),
    ("SIVOM DE LA VALLÉE DE L'OUCHE\nCOMITÉ SYNDICAL", "other", "", "SIVOM de la Vallée de l'Ouche"),
    # the région that styles itself "Région Sud"
    ("RÉGION SUD PROVENCE-ALPES-CÔTE D'AZUR\nCONSEIL RÉGIONAL", "conseil_regional", "",
     "Région Sud Provence-Alpes-Côte d'Azur"),
    ("RÉGION SUD\nCONSEIL RÉGIONAL", "conseil_regional", "", "Région Sud"),
    # a letterhead cut after its link word
    ("DÉPARTEMENT DE L'AIN\nCOMMUNE DE\nCEYZÉRIAT\nSéance du 12 mars 2024", "conseil_municipal", "",
     "Commune de Ceyzériat"),
    ("VILLE DE\nSAINT-GENIS-LAVAL\nConseil municipal", "conseil_municipal", "", "Ville de Saint-Genis-Laval"),
])
def test_header_families_authority(head: str, body: str, whole: str, expected: str) -> None:
    assert find_authority([head], body, whole) == expected


@pytest.mark.parametrize("head, body", [
    ("Communauté de communes\nConseil communautaire\nSéance du 12 mars 2024", "conseil_communautaire"),
    ("COMMUNE DE\nSéance du 12 mars 2024", "conseil_municipal"),
    ("La Communauté d'agglomération Pays Basque a décidé", "conseil_communautaire"),
    ("RÉGION SUD-OUEST\nCONSEIL RÉGIONAL", "conseil_regional"),
    ("COMMUNAUTÉ DE COMMUNES DE\nSéance du 12 mars 2024", "conseil_communautaire"),
])
def test_header_families_no_authority(head: str, body: str) -> None:
    assert find_authority([head], body, "") is None


@pytest.mark.parametrize("text, expected", [
    # a syndicat's comité (intercommunal, mixte, SIVOM, PETR): the contract's "other"
    ("EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU COMITÉ SYNDICAL\nSéance du 12 mars 2024", "other"),
    ("SIVOM DE LA VALLÉE DE L'OUCHE\nCOMITÉ SYNDICAL\nSéance du 12 mars 2024", "other"),
    ("Comité syndical du 12 mars 2024", "other"),
    ("Délibération du Comité syndical\nSéance du 12 mars 2024", "other"),
    ("Conseil syndical du 12 mars 2024", "other"),
    ("Le Comité syndical, après en avoir délibéré, à l'unanimité", "other"),
    ("BUREAU SYNDICAL\nSéance du 12 mars 2024", "bureau"),
    # a département's council sitting as its assembly
    ("DÉPARTEMENT DE LA GIRONDE\nASSEMBLÉE DÉPARTEMENTALE\nSéance du 12 mars 2024", "conseil_departemental"),
    ("L'Assemblée départementale, après en avoir délibéré,", "conseil_departemental"),
    # the Eurométropole's council is a métropole's, an EPCI's council
    ("EUROMÉTROPOLE DE STRASBOURG\nDélibération du Conseil de l'Eurométropole", "conseil_communautaire"),
    ("le Conseil de l'Eurométropole de Strasbourg, dûment convoqué le 5 mars 2024, s'est réuni",
     "conseil_communautaire"),
    ("Le Conseil de Communauté, dûment convoqué le 5 mars 2024, s'est réuni", "conseil_communautaire"),
])
def test_header_families_body(text: str, expected: str) -> None:
    assert find_body(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the body after the words that close the debate
    ("Après en avoir délibéré, le Conseil de la Métropole, à l'unanimité,\nDÉCIDE", "conseil_communautaire"),
    ("Après en avoir délibéré, le Comité syndical, à l'unanimité,", "other"),
    ("Après en avoir délibéré, l'Assemblée départementale décide", "conseil_departemental"),
    # no deliberating body
    ("Vu l'avis du comité technique du 5 mars 2024 ;", None),
    ("Après en avoir délibéré, à l'unanimité,", None),
])
def test_header_families_deliberating_body(text: str, expected: str | None) -> None:
    assert find_body(text, deliberating_only=True) == expected


@pytest.mark.parametrize("text", [
    "Assemblée générale de l'association du 12 mars 2024",
    "Comité technique du 5 mars 2024",
    "désigne M. X pour siéger au comité de pilotage",
])
def test_header_families_no_body(text: str) -> None:
    assert find_body(text) is None


# ---------------------------------------------------------------------------
# Counts as a table, a sentence, words; the voters of the act's own vote
# ---------------------------------------------------------------------------

from extractors.header import extract_header  # noqa: E402
from extractors.header.counts import find_counts, placed_vote_voting  # noqa: E402
from pipeline.segment import segment_document  # noqa: E402
from tests.conftest import make_document  # noqa: E402


@pytest.mark.parametrize("text, expected", [
    # a row of labels over a row of figures, read column by column
    ("Délibération n° 2024-015\nEn exercice\tPrésents\tReprésentés\tVotants\n11\t8\t2\t10\nL'an deux mille",
     (11, 8, 10)),
    ("Conseillers en exercice\tPrésents\tVotants\n11\t8\t10\n", (11, 8, 10)),
    ("En exercice | Présents | Représentés | Votants\n11 | 8 | 2 | 10", (11, 8, 10)),
    ("Nombre de conseillers en exercice   Présents   Pouvoirs   Votants\n19   15   2   17", (19, 15, 17)),
    ("Votants\tPour\tContre\tAbstentions\n18\t16\t2\t0", (None, None, 18)),
    # a column of unknown label, or more labels than figures: no figure is sure
    ("Date\tPrésents\tVotants\n12\t8\t10", (None, None, None)),
    ("En exercice\tPrésents\tReprésentés\tVotants\n11\t8\t10", (None, None, None)),
    # the text prints another count for a column of the table: none
    ("En exercice\tPrésents\tVotants\n11\t8\t10\nVotants : 9", (11, 8, None)),
])
def test_header_families_counts_table(text: str, expected: tuple[int | None, ...]) -> None:
    assert find_counts(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Le nombre de conseillers en exercice étant de 11, 8 conseillers étaient présents et 10 ont pris part au vote "
     "(dont 2 procurations).", (11, 8, 10)),
    ("Nombre de membres en exercice : 11. Le quorum étant atteint avec 8 membres présents, 10 membres ont pris part "
     "au vote.", (11, 8, 10)),
    ("Le nombre de membres en exercice est de 23 ; 18 conseillers municipaux sont présents et 20 ont pris part au "
     "vote.", (23, 18, 20)),
    ("Délégués en exercice : 34 - 27 délégués présents - 30 délégués ont pris part au vote", (34, 27, 30)),
    # words after the label and its colon
    ("Nombre de conseillers en exercice : onze\nPrésents : huit\nVotants : dix", (11, 8, 10)),
    ("En exercice : vingt-neuf / Présents : vingt-deux / Votants : vingt-cinq", (29, 22, 25)),
    # what counts no one
    ("Présents : une majorité des conseillers", (None, None, None)),
    ("2 conseillers n'ont pas pris part au vote", (None, None, None)),
    ("3 membres du bureau ont pris part au vote", (None, None, None)),
])
def test_header_families_counts_sentence_and_words(text: str, expected: tuple[int | None, ...]) -> None:
    assert find_counts(text) == expected


# Labelled counts on one row, each label with its figure after a colon, another label between
# them ("Représentés", "Pouvoirs", "Absents"): the figure after a colon is that label's, never
# the next label's count read before it (probing: "Représentés : 2\tVotants : 14" had made
# the votants two counts, 2 and 14, and so none).
@pytest.mark.parametrize("text, expected", [
    ("En exercice : 15\tPrésents : 12\tReprésentés : 2\tVotants : 14", (15, 12, 14)),
    ("En exercice : 15\tPrésents : 12\tPouvoirs : 2\tVotants : 14", (15, 12, 14)),
    ("Présents : 12 Absents : 3 Votants : 14", (None, 12, 14)),
    ("Conseillers en exercice : 23 Présents : 18 Procurations : 3 Votants : 21", (23, 18, 21)),
    ("En exercice : 15 - Présents : 12 - Représentés : 2 - Votants : 14", (15, 12, 14)),
    # the count before its label still reads where no colon gives the figure to another
    ("En exercice 19 Présents 15 Votants 17", (19, 15, 17)),
    ("32 présents 1 procuration\t33 votants", (None, 32, 33)),
    ("Nombre de conseillers : 19\n15 présents\n17 votants", (None, 15, 17)),
])
def test_header_families_labelled_counts_in_a_row(text: str, expected: tuple[int | None, ...]) -> None:
    assert find_counts(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("M. Yves LE ROUX ne prend pas part au vote.\nVotants : 16\nPour : 16\nContre : 0", (True, 16)),
    ("Nombre de votants : 16 – Pour : 14 – Contre : 2", (True, 16)),
    # two rounds of an election: no single count of voters
    ("Premier tour : Votants : 18 ; majorité absolue : 10\nSecond tour : Votants : 17", (True, None)),
    ("Pour : 16\nContre : 0\nAbstention : 0", (False, None)),
])
def test_header_families_voters_of_the_act(text: str, expected: tuple[bool, int | None]) -> None:
    printed, voting, at = placed_vote_voting(text)
    assert (printed, voting) == expected
    if voting is not None:
        assert at is not None and text[at[0]:at[1]] == str(voting)


_ACT = """COMMUNE DE SAINT-MARTIN-DES-CHAMPS
EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL
Séance du 14 mars 2024

Délibération n° 2024-010

Nombre de conseillers en exercice : 19
Présents : 16
Votants : 18

OBJET : Tarifs municipaux 2024

Vu le Code général des collectivités territoriales ;
Vu l'arrêté préfectoral du 15 juin 2023 publié au recueil des actes administratifs de la préfecture le 20 juin 2023 ;

Considérant que l'avis a été publié dans Le Télégramme le 3 janvier 2024 et transmis en préfecture le 5 janvier 2024 ;

Le Conseil Municipal, après en avoir délibéré,

DÉCIDE :

Article 1 : d'approuver les tarifs municipaux.
{vote}
Fait et délibéré les jour, mois et an susdits.
Le Maire,
Jean-Pierre LE GALL
{stamps}"""


@pytest.mark.parametrize("vote, stamps, voting, prefecture, publication", [
    # two members leave the vote: the act counts 16 voters, the meeting 18
    ("M. Yves LE ROUX et Mme Sophie MORVAN ne prennent pas part au vote.\nVotants : 16\nPour : 16\nContre : 0\n",
     "Transmis en préfecture le 15 mars 2024\nPublié le 16 mars 2024", 16, D(2024, 3, 15), D(2024, 3, 16)),
    ("Pour : 18\nContre : 0\n", "", 18, None, None),
    # an @ctes box after the act, its date in the bare label; sent the day of the sitting
    ("Pour : 18\nContre : 0\n", "Accusé de réception en préfecture\n044-214400400-20240314-D2024-15-DE\n"
     "Date de signature : -\nDate de réception : 20/03/2024", 18, D(2024, 3, 20), None),
    ("Pour : 18\nContre : 0\n", "Reçu en préfecture le 14/03/2024", 18, D(2024, 3, 14), None),
    # a receipt dated before the sitting is another act's, pasted in
    ("Pour : 18\nContre : 0\n", "Accusé de réception en préfecture\n044-214400400-20240208-D2024-08-DE\n"
     "Date de signature : -\nDate de réception : 21/02/2024", 18, None, None),
    ("Pour : 18\nContre : 0\n", "Transmis en préfecture le 2 mars 2024", 18, None, None),
])
def test_header_families_whole_act(vote: str, stamps: str, voting: int, prefecture: dt.date | None,
                                   publication: dt.date | None) -> None:
    text = _ACT.format(vote=vote, stamps=stamps)
    acts = segment_document(make_document(text))
    values = extract_header(acts[0])
    assert (values["members_in_office"], values["members_present"], values["members_voting"]) == (19, 16, voting)
    assert (values["prefecture_date"], values["publication_date"]) == (prefecture, publication)
    assert values["session_date"] == D(2024, 3, 14)
