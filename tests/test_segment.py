"""Segmentation: acts of single deliberations, recueils and minutes; sections; annexes.

Unit tests build documents from French text in the test; the corpus tests read
../shared (skipped where absent): act counts verified by reading every real file
(docs/act-counts.md), and the dev files' page ranges from their gold answers.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from pipeline.read.furniture import detect_furniture
from pipeline.segment.minutes import NUMBERED_HEADING_RES, NUMBERED_ITEM_RE, decides
from pipeline.model import Document, SectionKind, TextSource
from pipeline.segment import segment_document
from pipeline.segment.recueils import number_of_opening
from tests.conftest import DEV, REAL, load_gold, make_document, dev_pdfs

K = SectionKind


def doc_of(text: str, ocr_pages: tuple[int, ...] = ()) -> Document:
    """A Document from text ("\\f" between pages), some pages marked as scanned."""
    doc = make_document(text)
    pages = tuple(dataclasses.replace(p, source=TextSource.OCR) if p.page_no in ocr_pages else p for p in doc.pages)
    doc = dataclasses.replace(doc, pages=pages)
    return dataclasses.replace(doc, furniture=detect_furniture(doc))


def kinds(act) -> list[str]:  # type: ignore[no-untyped-def]
    return [s.kind.value + ("*" if s.shared else "") for s in act.sections]


def first_lines(doc: Document) -> list[str]:
    return [a.text.strip().split("\n")[0] for a in segment_document(doc)]


# ---------------------------------------------------------------------------
# Vocabulary
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("line", [
    "Délibération D2018-67",
    "DELIBERATION N° 2021-045 : Tarifs",
    "N° DBC 2021-082 - Stratégies et ressources foncières - AEROPORT",
    "N° DP 2021-312 du 15 septembre 2021 - Espaces naturels",
    "2020-038 SUBVENTION EXCEPTIONNELLE POUR L’Association Sportive",
    "2020- 047 REDEVANCE POUR OCCUPATION DU DOMAINE PUBLIC PAR ORANGE",
    "DL-056-07-13 - Création de 5 postes d'adjoints Techniques",
    "2017.05.23 - 1  ADOPTION DU COMPTE RENDU DE LA SEANCE DU 06 FEVRIER 2017",
    "\uf0d8 DE-2014/47 – Délégations de pouvoirs « Marchés publics » : Information",  # a Wingdings arrow before
    "- DE- 2015/46 – Informations sur la délégation du Maire",
    "\uf0d8 DE- 2015/31 –Vote du compte administratif 2014 : Immeuble commercial",
    "2008/1 Approbation du compte rendu",
    "D.2024.14 – Tarifs de la cantine",
    # the register's letters between the year and the rank
    "2025-DCC-014 – Approbation du compte administratif 2024",
    "2025-DCM-14 : Budget primitif 2025",
    "Délibération n° 2025-DCC-014 – Tarifs de la cantine",
    # a bare sequence number after "Délibération n°", the object below or after a dash;
    # a number alone on its line after "N°"
    "Délibération n° 12",
    "DELIBERATION N° 7 – Tarifs de la cantine",
    "Délibération n° : 2024-015",
    "N° 2025-014",
])
def test_numbered_heading_forms(line: str) -> None:
    assert any(rx.match(line) for rx in NUMBERED_HEADING_RES)


@pytest.mark.parametrize("line", [
    "Délibération n° 12 du 3 mars 2020 approuvant la convention",   # a reference in a sentence
    "délibération n° 12 - approuvant",
    "Délibération n° 12 portant sur les tarifs",
    "N° 15 du registre",
    "R2025-DCC-14 du Code",                                          # no year first
])
def test_not_numbered_heading_forms(line: str) -> None:
    assert not any(rx.match(line) for rx in NUMBERED_HEADING_RES)


@pytest.mark.parametrize("line", [
    # rows of a table of contracts: the procedure and its number are two cells apart
    "MAPA\t06/13\tMICHAUD JJH\t44320 Travaux bâtiment des\tUnique",
    "MAPA\t09/12\tBOTON GOUY TP\t44320 Construction de la salle",
    "AO\t2021-04\tEIFFAGE\tTravaux de voirie",
])
def test_numbered_heading_never_spans_a_cell(line: str) -> None:
    from extractors.header.numbers import find_item_heading

    assert not any(rx.match(line) for rx in NUMBERED_HEADING_RES)
    heading = find_item_heading(line)
    assert heading is None or heading.number is None or "\t" not in heading.number


@pytest.mark.parametrize("line, n", [
    ("1 - Subvention à l'association Habitat jeunes en Trégor", 1),
    ("11 - 1 Boulevard Mendès France - désaffectation du site", 11),
    ("4.\tCIMETIERE MODIFICATION TARIFS COLUMBARIUM", 4),
    ("2.COMPTES ADMINISTRATIFS ET COMPTES DE GESTION 2016", 2),
    ("1 Subventions associatives", 1),
    ("3 – Election des adjoints", 3),
    ("12. Numériparc à Roanne : Modification de la grille tarifaire", 12),
    # a degree mark after the rank, with or without a parenthesis
    ("1°) Approbation du compte administratif 2024", 1),
    ("2° Budget primitif 2025 – Budget principal", 2),
    ("3 °) Subvention à l'association", 3),
    ("4°) Délégations consenties au Maire", 4),
])
def test_numbered_item_forms(line: str, n: int) -> None:
    m = NUMBERED_ITEM_RE.match(line)
    assert m and int(m.group("n")) == n


@pytest.mark.parametrize("line", [
    "19° De signer la convention prévue par l'avant-dernier alinéa",  # an enumeration
    "1° D'arrêter et modifier l'affectation des propriétés communales",  # the mayor's delegations
    "1° D’arrêter et modifier l’affectation des propriétés communales",
    "2° Des travaux d'entretien courant",
    "3° Le montant de la participation",
    "4°) d’autoriser monsieur le maire à signer l’acte",
    "2°- de 81 à 170 mètres carrés.",
    "2 bureaux à préparer",  # lower case: a sentence
    "1. développer au maximum le compostage individuel ;",
])
def test_not_item_forms(line: str) -> None:
    assert not NUMBERED_ITEM_RE.match(line)


@pytest.mark.parametrize("text", [
    "Le Conseil Municipal après en avoir délibéré à l’unanimité, accepte de verser",
    "la commune de Preuilly-sur-Claise, après avoir délibéré, accepte et propose",
    "ADOPTÉ À L'UNANIMITÉ",
    "POUR\t21\nCONTRE\t0\nABSTENTION\t0",
    "Vote : 1 ABSTENTION (C.BOURRETTE) – 11 POUR",
    "Accord du conseil à l’unanimité.",
    "Délibération prise en ce sens.",
    "LE CONSEIL MUNICIPAL, A L’EXCEPTION DE MADAME LEROY QUI VOTE CONTRE, ACCEPTE CES PROPOSITIONS",
    "La liste A a obtenu 33 voix.\nONT ETE PROCLAMES membres de la Commission",
    "Sont proclamés élus l'ensemble des candidats de la liste",
    "Le CA 2015 est approuvé par 2 voix CONTRE et 9 voix POUR.",
    "Les membres du Conseil municipal, après avoir entendu son rapporteur en son exposé et délibéré, décident avec "
    "16 voix « Pour » et 3 abstentions :",
    "Le Conseil municipal, après avoir pris connaissance du Compte administratif de l’exercice 2007 du\n"
    "budget communal et délibéré,\nStatuant sur l’affectation du résultat",
    # an @ctes receipt of a deliberation (its blank template too): the item was transmitted as one
    "Accusé de réception en préfecture\n044-214400400-20140513-D2014-48-DE\nDate de télétransmission : 15/05/2014",
    "Accusé de réception en préfecture\n044-214400400--DE\nDate de télétransmission : /2012",
])
def test_decides(text: str) -> None:
    assert decides(text)


@pytest.mark.parametrize("text", [
    "Les membres du conseil municipal prennent acte de cette décision.",
    "Ce projet de délibération est reporté au conseil du 25 novembre prochain.",
    "Pour :\t49\nContre :\t33\nCL :\tOn le met en place",  # a survey, no abstention column
    "Monsieur le Maire décide de reporter la question.",  # "décide" in a debate
    "Accusé de réception en préfecture\n044-214400400-20140513-AR2014-12-AR",  # an arrêté's receipt
])
def test_does_not_decide(text: str) -> None:
    assert not decides(text)


# ---------------------------------------------------------------------------
# One act with annexes
# ---------------------------------------------------------------------------

ACT = """RÉPUBLIQUE FRANÇAISE
EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL
Séance du 12 mai 2022
Présents : M. Jean DUPONT, Mme Claire MARTIN
Objet : Convention de partenariat avec l'association
Vu le Code général des collectivités territoriales ;
Considérant l'intérêt de l'action ;
Le Conseil municipal, après en avoir délibéré, DÉCIDE :
Article 1 : D'approuver la convention annexée.
Article 2 : D'autoriser le Maire à la signer.
Adopté à l'unanimité
Fait à Cognac, le 12 mai 2022
Le Maire,
\fCONVENTION DE PARTENARIAT
Article 1 - Objet
La commune verse 5 000 €.
Article 2 - Durée
\fsuite de la convention
Fait à Cognac, le 1er juin 2022
\fRAPPORT DU MAIRE
Le budget est de 10 000 €."""


def test_single_act_sections_and_annexes() -> None:
    acts = segment_document(doc_of(ACT))
    assert len(acts) == 1
    act = acts[0]
    assert (act.page_start, act.page_end) == (1, 4)
    assert kinds(act) == ["header", "attendance", "visas", "considerants", "decision", "articles", "vote",
                          "signature", "annex", "annex"]
    annexes = act.sections_of(K.ANNEX)
    assert [(s.label, s.page_start, s.page_end) for s in annexes] == [("convention", 2, 3), ("rapport", 4, 4)]
    assert "5 000 €" not in act.body_text
    assert act.first(K.ARTICLES).text.count("Article") == 2  # type: ignore[union-attr]


def test_stamp_on_a_scan_does_not_change_the_segmentation() -> None:
    stamped = "PRÉFECTURE DE LA CHARENTE\nARRIVÉE LE\n14/05/2022\n" + ACT
    plain, scan = segment_document(doc_of(ACT)), segment_document(doc_of(stamped, ocr_pages=(1, 2, 3, 4)))
    assert [kinds(a) for a in plain] == [kinds(a) for a in scan]
    assert [[(s.page_start, s.page_end) for s in a.sections] for a in plain] == \
           [[(s.page_start, s.page_end) for s in a.sections] for a in scan]


def test_recueil_of_two_acts_with_a_header_in_other_words_in_an_annex() -> None:
    second = ACT.replace("Convention de partenariat", "Tarifs").split("\fCONVENTION")[0]
    annex_copy = "DÉLIBÉRATION N° 2019-12 DU CONSEIL MUNICIPAL (copie)\nrappel du texte adopté par le conseil"
    acts = segment_document(doc_of(ACT + "\f" + annex_copy + "\f" + second))
    assert [(a.page_start, a.page_end) for a in acts] == [(1, 5), (6, 6)]


@pytest.mark.parametrize("line, number", [
    ("DÉLIBÉRATION DU BUREAU N° DB-2023-035", "DB-2023-035"),
    ("Bureau communautaire du 2 mai 2024 — Délibération B2024-046", "B2024-046"),
    ("N° M-2023-134", "M-2023-134"),
    ("N° DEL-2023-064", "DEL-2023-064"),
    ("Délibération n° 24.SP.0576", "24.SP.0576"),
    ("DELIBERATION DU CONSEIL MUNICIPAL N° 2024/12", "2024/12"),
    ("Délibération n° D.2024.14 : Tarifs de la cantine", "D.2024.14"),
    ("Conseil communautaire du 3 mars 2022 – Délibération 2022-DEL-018", "2022-DEL-018"),
])
def test_opening_of_an_act_in_a_file_of_extracts(line: str, number: str) -> None:
    assert number_of_opening(line) == number


@pytest.mark.parametrize("line", [
    "Délibération n° 2019-070 du 3 juin 2019 approuvant la cession",  # a reference
    "Vu la délibération n° 2020-080 du Conseil communautaire",
    "N° 12/05/2022",  # a date
    "Délibération prise en ce sens.",
])
def test_not_an_opening(line: str) -> None:
    assert number_of_opening(line) is None


EXTRACT = """CC DU PAYS DE LA VALLÉE
Reçu en préfecture le 0{d}/05/2024
ID : 029-200046159-20240502-B2024_0{n}-DE
Bureau communautaire du 2 mai 2024 — Délibération B2024-0{n}
Objet : Tarifs {n}
Vu le code général des collectivités territoriales ;
Le Bureau communautaire, après en avoir délibéré, à l'unanimité,
DÉCIDE d'approuver les tarifs.
Pour extrait conforme,
Le Président,
Jean DUPONT
"""


def test_recueil_acts_under_numbered_headings_several_per_page_after_a_sommaire() -> None:
    cover = "RECUEIL DES ACTES DU BUREAU COMMUNAUTAIRE\nRecueil n° 2024-05\n"
    sommaire = ("SOMMAIRE\nN°\tSéance\tObjet\tPage\nB2024-046\t02/05/2024\tTarifs 46\t3\n"
                "B2024-047\t02/05/2024\tTarifs 47\t3\nB2024-048\t02/05/2024\tTarifs 48\t4\n")
    page3 = EXTRACT.format(d=7, n=46) + EXTRACT.format(d=8, n=47).split("\n", 1)[1]
    doc = doc_of(cover + "\f" + sommaire + "\f" + page3 + "\f" + EXTRACT.format(d=9, n=48))
    acts = segment_document(doc)
    assert [(a.page_start, a.page_end) for a in acts] == [(3, 3), (3, 3), (4, 4)]
    # the second act opens at its stamps, not at its heading; the first keeps its signature
    assert [a.text.strip().split("\n")[0] for a in acts][1] == "Reçu en préfecture le 08/05/2024"
    assert acts[0].text.rstrip().endswith("Jean DUPONT")


def test_extracts_one_after_the_other_with_their_letterhead_as_a_running_head() -> None:
    def extract(n: int, tail: str) -> str:
        return (f"MÉTROPOLE DU VAL\nEXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL DE LA MÉTROPOLE\n"
                f"Séance du lundi 3 avril 2023\nN° M-2023-{n}\nObjet : Fonds de concours {n}\n"
                f"Le Conseil de la Métropole, après en avoir délibéré,\nAPPROUVE le programme ;\n{tail}")
    text = (extract(134, "Adopté à l'unanimité\nFait à Rouen, le 03/04/2023\nLe Président,\n") + "\f"
            + extract(135, "AUTORISE le Président à signer ;\n") + "\f"
            + "MÉTROPOLE DU VAL\nAdopté à l'unanimité\nPour extrait conforme,\nLe Président,\n")
    acts = segment_document(doc_of(text))
    assert [(a.page_start, a.page_end) for a in acts] == [(1, 1), (2, 3)]


def test_a_running_head_with_the_act_number_opens_no_act() -> None:
    page = "Délibération n° D2022_135\nDÉLIBÉRATION N° D2022_135\n{body}\nLe Maire,\n"
    text = (page.format(body="Objet : Tarifs\nLe Conseil municipal, après en avoir délibéré, DÉCIDE :")
            + "\f" + page.format(body="Article 2 : Les tarifs s'appliquent au 1er janvier."))
    assert len(segment_document(doc_of(text))) == 1


@pytest.mark.parametrize("line, kind", [
    ("Le Conseil municipal décide de créer le poste et de modifier le tableau des effectifs.", K.DECISION),
    ("Le Conseil municipal, approuve les tarifs proposés.", K.DECISION),
    ("0 contre, 0 abstention, 13 pour", K.VOTE),
    ("Approuvé à l'unanimité des membres présents et représentés.", K.VOTE),
    ("Le projet de délibération, mis aux voix, recueille 3 voix pour, 4 voix contre et 1 abstention.", K.VOTE),
    ("La délibération est adoptée.", K.VOTE),
    ("Le vote a lieu par appel nominal, à la demande d'un quart des membres présents.", K.VOTE),
    ("Résultat du scrutin : Votants 61 – Pour 35", K.VOTE),
    ("À la demande du Groupe Communistes et Républicains, il est procédé à un scrutin public par appel nominal.",
     K.VOTE),
    ("Délibéré en séance les jour, mois et an susdits.", K.SIGNATURE),
    ("Signé électroniquement par : Patrick LE GALL", K.SIGNATURE),
])
def test_section_markers_of_informal_and_extract_wordings(line: str, kind: SectionKind) -> None:
    text = "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS\nObjet : Tarifs\nVu le code général ;\n" + line + "\n"
    act = segment_document(doc_of(text))[0]
    opened = [s for s in act.sections if s.text.strip().startswith(line[:20])]
    assert opened and opened[0].kind is kind


@pytest.mark.parametrize("second_line", ["pour 2021", "POUR 2022", "pour la commune"])
def test_a_titles_second_line_opens_no_vote(second_line: str) -> None:
    """"7 - Marché du jeudi - Renouvellement du tarif forfaitaire saisonnier / pour 2021": a title
    wrapped before a year is not a tally ("POUR 21" in a tally table is)."""
    text = ("EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS\nObjet : Renouvellement du tarif forfaitaire saisonnier\n"
            + second_line + "\nMonsieur NEDELEC expose :\nLe tarif serait de 1,5 € ml.\n"
            "Le Conseil municipal, après en avoir délibéré, DÉCIDE :\nArticle 1 : Le tarif est reconduit.\n"
            "POUR 21\n")
    act = segment_document(doc_of(text))[0]
    votes = [s for s in act.sections if s.kind is K.VOTE]
    assert [s.text.strip() for s in votes] == ["POUR 21"]


@pytest.mark.parametrize("opening", [
    "Monsieur EL KANDOUSSI rapporte :",
    "Madame Anne DUPONT, adjointe aux finances, expose :",
    "M. le Maire expose que la commune doit fixer les taux.",
    "Sur le rapport de Madame la Présidente,",
])
def test_the_rapporteur_opens_the_expose_and_ends_the_attendance(opening: str) -> None:
    """The exposé opens at its rapporteur line: a list of the present that ends on an empty
    "Absents :" does not run on over the exposé and its amounts."""
    text = ("EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS\nSéance du 24 avril 2014\n"
            "Présents :\nFabien ABERT, Lorraine ACQUIER, Luc ALBERNHE.\nAbsents :\n"
            "Modalités de remboursement des frais de déplacement\n" + opening + "\n"
            "Le montant forfaitaire est de 15,25 € par repas.\n"
            "Le Conseil, après en avoir délibéré, DÉCIDE :\nArticle 1 : Les taux sont fixés.\n")
    act = segment_document(doc_of(text))[0]
    attendance = [s for s in act.sections if s.kind is K.ATTENDANCE]
    assert attendance and "15,25" not in attendance[0].text
    assert any(s.kind is K.CONSIDERANTS and s.text.startswith(opening) for s in act.sections)


@pytest.mark.parametrize("first,second", [
    ("Le Conseil municipal, après avoir pris connaissance de la proposition de la commission",
     "MAPA et délibéré, décide à l'unanimité des membres présents :"),
    ("Le Conseil Municipal, après avoir entendu son rapport en son exposé et délibéré, décide",
     "à l'unanimité des membres présents de fixer les tarifs comme suit :"),
    ("Le Bureau communautaire, après avoir pris connaissance du dossier et en avoir",
     "délibéré, approuve la convention."),
    ("La Commission permanente, après en avoir", "délibéré, adopte le rapport."),
])
def test_the_deciding_sentence_opens_the_decision_over_its_line_break(first: str, second: str) -> None:
    """"Le Conseil …, après avoir … et délibéré, décide …" opens the decision when its
    "délibéré" falls on the next line (minutes and extracts word it so)."""
    text = ("EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS\nObjet : Tarifs\n"
            "Monsieur le Maire rappelle que les tarifs datent de 2009.\n" + first + "\n" + second + "\n"
            "- d'autoriser Monsieur le Maire à signer la convention.\n")
    act = segment_document(doc_of(text))[0]
    decision = [s for s in act.sections if s.kind is K.DECISION]
    assert decision and decision[0].text.startswith(first)


@pytest.mark.parametrize("tally, dispositif, decides_after", [
    # the tally printed before the dispositif (Fargues 2018, its typed slip "APROUVE" too)
    ("POUR\t20\nCONTRE\t0\nABSTENTION 0", "APPROUVE une subvention exceptionnelle de 80 € à l'Amicale.", True),
    ("POUR\t21\nCONTRE\t0\nABSTENTION 0", "APROUVE une subvention exceptionnelle de 300 € au club.", True),
    # written by us
    ("Pour : 15\nContre : 2\nAbstention : 0", "DÉCIDE de fixer les tarifs comme suit :", True),
    ("Vote : 12 pour, 1 contre", "AUTORISE le Maire à signer la convention.", True),
    # a result after the tally is the vote's own line
    ("Pour : 15\nContre : 0", "ADOPTE À L'UNANIMITÉ", False),
    ("Pour : 15\nContre : 0", "APPROUVÉ PAR 15 VOIX", False),
])
def test_a_dispositif_after_its_tally_is_the_decision(tally: str, dispositif: str, decides_after: bool) -> None:
    text = ("EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS\nObjet : Subvention\nMonsieur le Maire propose une subvention.\n"
            "Le Conseil Municipal,\nAprès en avoir délibéré,\n" + tally + "\n" + dispositif + "\n")
    act = segment_document(doc_of(text))[0]
    kinds = [(s.kind, s.text.strip()) for s in act.sections]
    assert any(k is K.VOTE and t.startswith(tally.split("\n")[0]) for k, t in kinds)
    assert any(k is K.DECISION and t.startswith(dispositif) for k, t in kinds) == decides_after


@pytest.mark.parametrize("first,second", [
    # its visas follow: the decision opens further on, at "DÉCIDE"
    ("Le Conseil municipal, après avoir entendu l'exposé du Maire,", "Vu le code général des collectivités territoriales,"),
    # a sentence of the exposé that ends before any "délibéré"
    ("Le Conseil municipal, après avoir visité le site. Il a été", "délibéré de la question en commission."),
    ("Monsieur le Maire rappelle que le Conseil, après avoir entendu", "les riverains, avait délibéré en 2009."),
])
def test_a_sentence_that_only_looks_like_the_deciding_one_opens_no_decision(first: str, second: str) -> None:
    text = ("EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS\nObjet : Tarifs\n" + first + "\n" + second + "\n"
            "Les tarifs sont à revoir.\nDÉCIDE :\nArticle 1 : Les tarifs sont fixés.\n")
    act = segment_document(doc_of(text))[0]
    decision = [s for s in act.sections if s.kind is K.DECISION]
    assert decision and decision[0].text.startswith("DÉCIDE")


# ---------------------------------------------------------------------------
# Minutes
# ---------------------------------------------------------------------------

PREAMBLE = """PROCES VERBAL DU CONSEIL MUNICIPAL
Séance du 23 juillet 2020
Présents : Jean-Paul CHARRIER, Gérard THOREAU
Secrétaire de séance : Gérard THOREAU
"""


def test_minutes_with_deliberation_numbers_references_and_president_decisions() -> None:
    """The decisions a delegation report lists (the president's "N° DP …", the bureau's
    "N° DBC …") are its text, not acts; the report is no act either unless the council takes
    note of it; a number of the council's own register ends it ("2020-047 …", where the
    council decides); an agenda item the council takes note of ("2. Rapport d'activités")
    is an act without a vote."""
    text = PREAMBLE + """1. Exercice des pouvoirs délégués au Président et au bureau – Compte-rendu.
N° DP 2021-312 du 15 septembre 2021 - Espaces naturels - Convention de chasse
Le Président a signé la convention.
N° DBC 2021-084 - Stratégies et ressources foncières - Cession d'un terrain. Retrait de la délibération
n° DBC 2019-070 du 3 juin 2019 approuvant la cession
Le bureau communautaire, après en avoir délibéré à l’unanimité :
- approuve la cession ;
2020-047 REDEVANCE POUR OCCUPATION DU DOMAINE PUBLIC PAR ORANGE
A ce jour, les modalités de calcul des redevances prévues à l’article
R20-53 du Code des Postes et communications électroniques, prévoient que les redevances sont révisées.
Le Conseil Municipal après en avoir délibéré à l’unanimité, accepte ces tarifs.
2. Rapport d’activités 2020
Le Conseil communautaire prend acte du rapport annuel.
3. Tarifs de la cantine
Le Conseil communautaire, après en avoir délibéré, avec 76 voix pour, 0 contre et 2 abstentions :
- fixe les tarifs.
"""
    doc = doc_of(text)
    assert first_lines(doc) == [
        "2020-047 REDEVANCE POUR OCCUPATION DU DOMAINE PUBLIC PAR ORANGE",
        "2. Rapport d’activités 2020",
        "3. Tarifs de la cantine",
    ]
    # the same report, taken note of by the council, is an act that holds the decisions it lists
    noted = text.replace("- approuve la cession ;\n", "- approuve la cession ;\nLe Conseil communautaire :\n"
                         "- prend acte du compte-rendu des pouvoirs délégués.\n")
    assert first_lines(doc_of(noted))[:2] == [
        "1. Exercice des pouvoirs délégués au Président et au bureau – Compte-rendu.",
        "2020-047 REDEVANCE POUR OCCUPATION DU DOMAINE PUBLIC PAR ORANGE"]
    act = segment_document(doc)[0]
    assert kinds(act)[:2] == ["header*", "attendance*"]


@pytest.mark.parametrize("report,after", [
    ("1. Exercice des pouvoirs délégués au Président et au bureau – Compte-rendu.", "2. Tarifs de la cantine"),
    ("1 - Compte rendu des décisions prises par le Maire par délégation du conseil", "2 - Tarifs de la cantine"),
    ("Point n° 1 : Décisions prises en vertu de la délégation accordée au Président", "Point n° 2 : Tarifs de la cantine"),
    ("1. Usage des délégations consenties au bureau", "2. Tarifs de la cantine"),
])
@pytest.mark.parametrize("noted", [True, False])
def test_delegation_reports_hold_the_decisions_they_list(report: str, after: str, noted: bool) -> None:
    text = PREAMBLE + report + """
Décision n° DP 2022-014 - Marché de voirie attribué à la société COLAS
N° DB 2022-031 - Cession d'un terrain à la commune
Le bureau, après en avoir délibéré à l'unanimité, approuve la cession.
""" + ("Le Conseil municipal prend acte de ces décisions.\n" if noted else "") + after + """
Le Conseil municipal, après en avoir délibéré, fixe les tarifs.
"""
    firsts = first_lines(doc_of(text))
    assert firsts == ([report] if noted else []) + [after]


@pytest.mark.parametrize("granted,after", [
    ("1. Délégation du conseil au maire recours à l'emprunt", "2. Tarifs de la cantine"),
    ("1 - Délégations d'attributions du conseil municipal au maire", "2 - Tarifs de la cantine"),
])
def test_an_item_that_grants_a_delegation_is_no_report(granted: str, after: str) -> None:
    text = PREAMBLE + granted + """
Le Conseil municipal, après en avoir délibéré, donne délégation au maire.
""" + after + """
Le Conseil municipal, après en avoir délibéré, fixe les tarifs.
"""
    assert first_lines(doc_of(text)) == [granted, after]


def test_agenda_table_and_lists_inside_items_are_not_items() -> None:
    text = PREAMBLE + """Ordre du jour :
1\tSubvention à l'association Habitat jeunes
2\tTarifs 2021
Monsieur le Maire ouvre la séance.
1 - Subvention à l'association Habitat jeunes
Il est proposé au conseil municipal :
1. Verser la subvention ;
2. Signer la convention ;
3. Inscrire la dépense.
ADOPTÉ À L'UNANIMITÉ
2 - Tarifs 2021
Il est proposé au conseil municipal de fixer les tarifs.
ADOPTÉ À L'UNANIMITÉ
La séance est levée à 19 h 45.
"""
    assert first_lines(doc_of(text)) == ["1 - Subvention à l'association Habitat jeunes", "2 - Tarifs 2021"]


def test_scanned_annex_pages_of_a_typed_file_belong_to_the_act_before() -> None:
    text = PREAMBLE + """1 - Subvention à l'association
VU le projet de convention,
ADOPTÉ À L'UNANIMITÉ
\fCONVENTION D'OBJECTIFS
1-Avant le 31 mai:
2-Avec le dossier annuel de subvention :
3-Dans un délai d'un mois après l'Assemblée Générale
\f2 - Vente de documents
Il est proposé de vendre les documents.
ADOPTÉ À L'UNANIMITÉ
"""
    acts = segment_document(doc_of(text, ocr_pages=(2,)))
    assert [(a.page_start, a.page_end) for a in acts] == [(1, 2), (3, 3)]
    annex = acts[0].sections_of(K.ANNEX)
    assert [(s.label, s.page_start) for s in annex] == [("convention", 2)]


def test_informal_items_split_per_vote_and_added_points() -> None:
    text = """COMPTE RENDU DU CONSEIL MUNICIPAL DU MARDI 12 MARS 2019
Etaient présents : C.FOROT - T.BUSIN
ORDRE DU JOUR
1.\tAPPROBATION COMPTE RENDU PRECEDENT
2.\tBUDGETS
1.\tAPPROBATION COMPTE RENDU PRECEDENT
Vote : 1 ABSTENTION (C.BOURRETTE) – 11 POUR
2.\tBUDGETS
BUDGET COMMUNE
VOTE DU COMPTE ADMINISTRATIF 2015
Résultat de clôture 2015\tINVESTISSEMENT\t99.769.60 €
Après débat, en l'absence du maire, le CA 2015 est approuvé par 2 voix CONTRE
(M.DENISE — C.BOURRETTE) et 9 voix POUR.
VOTE DU COMPTE DE GESTION 2015
Visé et certifié par le receveur. Aucune observation.
Approuvé par 2 ABSTENTIONS (M.DENISE - C.BOURRETTE) et 11 voix POUR.
Toutes les délibérations correspondantes sont prises en ce sens.
POINTS RAJOUTES A L'ORDRE DU JOUR
1.\tSDED ELECTRIFICATION RENFORCEMENT DU RESEAU BT
Accord du conseil municipal à l'unanimité.
Délibération prise en ce sens.
La séance est levée à 22H00.
"""
    assert first_lines(doc_of(text)) == [
        "1.\tAPPROBATION COMPTE RENDU PRECEDENT",
        "2.\tBUDGETS",
        "VOTE DU COMPTE DE GESTION 2015",
        "1.\tSDED ELECTRIFICATION RENFORCEMENT DU RESEAU BT",
    ]


def test_one_deliberation_with_two_votes_is_not_split() -> None:
    text = PREAMBLE + """1 - Centre communal d'action sociale
Il est proposé au conseil municipal :
DE FIXER à 13 administrateurs la composition du Conseil d’Administration.
ADOPTE A L’UNANIMITE
D’ÉLIRE 6 membres au sein du Conseil Municipal.
La liste A a obtenu 33 voix.
2 - Caisse des écoles
Il est proposé de désigner les membres.
ADOPTE A L’UNANIMITE
"""
    assert len(segment_document(doc_of(text))) == 2


def test_sub_items_and_roman_chapters() -> None:
    informal = """Conseil municipal du 4 juin 2021
Présents : Jean-Pierre, Yves
1 Subventions associatives
Voter pour donner aux associations : Vote : 14 pour / 0 contre / 0 abstention adopté
2 Questions diverses
2.1 Ecole
Proposition non retenue par le conseil municipal.
2.2 Verger de sauvegarde
Adhésion à l’association verger vivant= 30€/an. : Vote : 14 pour / 0 contre / 0 abstention adopté
"""
    assert first_lines(doc_of(informal)) == ["1 Subventions associatives", "2.2 Verger de sauvegarde"]
    chapters = PREAMBLE + """I.\tDESIGNATION D’UN SECRETAIRE DE SEANCE
M. PERRAUD est désigné(e) en tant que secrétaire de séance.
II.\tAPPROBATION DU COMPTE RENDU
Le compte rendu de la séance du 27 mai 2013 est approuvé à l’unanimité
III.\tPERSONNEL
DL-056-07-13 - Création de 5 postes d'adjoints techniques
DECISION :
Après délibération, les membres du conseil municipal adoptent, à l'unanimité, la présente délibération.
IV.\tQUESTIONS DIVERSES – INFORMATIONS
Début des travaux de la passerelle.
"""
    assert first_lines(doc_of(chapters)) == ["II.\tAPPROBATION DU COMPTE RENDU",
                                             "DL-056-07-13 - Création de 5 postes d'adjoints techniques"]


def test_nothing_after_the_closing_is_an_act_and_later_pages_are_annexes() -> None:
    text = PREAMBLE + """2020-051 ACHAT GARAGE
Le Conseil Municipal après en avoir délibéré à l’unanimité, accepte.
QUESTIONS DIVERSES
Cabinet médical : les infirmières cherchent un local.
La séance est levée à 20H50 - Le Conseil Municipal a délibéré 2 fois -
2020-050 Concours maisons fleuries 2019
2020-051 Achat garage
"""
    acts = segment_document(doc_of(text))
    assert len(acts) == 1 and "Cabinet" not in acts[0].text


@pytest.mark.parametrize("text", [
    "0 contre, 0 abstention, 13 pour",
    "Vote : 10 pour, 2 contre, 1 abstention",
    "12 voix pour et 3 abstentions",
    "Le Conseil municipal décide de créer le poste",
    "Le conseil communautaire, approuve le règlement",
])
def test_decides_in_minutes_wordings(text: str) -> None:
    assert decides(text)


@pytest.mark.parametrize("label", ["Point n°{n} :", "Point {n} –", "Question n° {n} :", "Affaire n°{n} -",
                                   "Dossier {n} :", "N° {n} –", "N°{n} :"])
def test_labelled_items_after_an_agenda_with_informal_tallies(label: str) -> None:
    items = [("Création d'un poste", "Pour : 19 – Contre : 2 (X, Y) – Abstention : 1 (Z)"),
             ("Tarifs de la salle", "0 contre, 0 abstention, 22 pour"),
             ("Budget principal", "Adopté à l'unanimité des présents."),
             ("Point d'information sur les travaux", "Ce point ne donne pas lieu à un vote.")]
    agenda = "Ordre du jour :\n" + "".join(f"{n}. {t}\n" for n, (t, _) in enumerate(items, 1))
    body = "".join(f"{label.format(n=n)} {t}\nLe Conseil municipal en débat.\n{v}\n"
                   for n, (t, v) in enumerate(items, 1))
    acts = first_lines(doc_of(PREAMBLE + agenda + body + "La séance est levée à 21 h 40.\n"))
    assert acts == [f"{label.format(n=n)} {t}" for n, (t, _) in enumerate(items[:3], 1)]


@pytest.mark.parametrize("heading", [
    "Informations du Maire – Décisions prises par délégation du Conseil municipal",
    "INFORMATIONS ET QUESTIONS DIVERSES",
    "Questions diverses",
    "Informations :",
    # the miscellaneous matters the minutes close with (Chéméré, Lisières)
    "\uf0d8 Affaires diverses", "- Affaires diverses", "\uf0d8 Divers", "- Divers", "DIVERS", "Points divers",
    "POINTS DIVERS", "\uf0d8 Information diverse", "- Diverses informations",
])
def test_an_information_heading_ends_the_act_before(heading: str) -> None:
    text = PREAMBLE + f"""Délibération 2024-29 : Dénomination d'une voie
Le Conseil municipal décide de dénommer cette voie « rue du Lavoir ».
0 contre, 0 abstention, 13 pour
Délibération 2024-30 : Décision modificative n°2
Le Conseil municipal adopte la décision modificative.
0 contre, 0 abstention, 13 pour
{heading}
Mme le Maire rend compte d'un devis de 8 990,00 € signé par délégation.
"""
    acts = segment_document(doc_of(text))
    assert len(acts) == 2 and "8 990" not in acts[1].text


@pytest.mark.parametrize("row", [
    "Divers", "Divers :", "- Divers : 12 200,00 €", "Divers et imprévus\t22 180 €",
])
def test_a_row_named_divers_inside_an_act_is_no_heading(row: str) -> None:
    """"Divers" alone is a heading under the minutes' bullet or in capitals only: a row of a list
    of delegates by domain ("Divers" / "Correspondant Défense	Paul LE BIHAN", Lannion 2020) or of
    credits is the act's text."""
    text = PREAMBLE + f"""Délibération 2024-29 : Désignation des représentants
Le Conseil municipal désigne ses représentants :
Vie associative\tMarie MARTIN
{row}
Correspondant Défense\tPaul LE BIHAN
0 contre, 0 abstention, 13 pour
Délibération 2024-30 : Décision modificative n°2
Le Conseil municipal adopte la décision modificative.
0 contre, 0 abstention, 13 pour
"""
    acts = segment_document(doc_of(text))
    assert len(acts) == 2 and "Correspondant Défense" in acts[0].text


@pytest.mark.parametrize("items", [
    ("- Fournitures scolaires", "- Divers"),
    ("- Fournitures scolaires : 1 200 €", "- Divers", "- Transports : 800 €"),
    ("• Mobilier", "• Divers"),
    ("- Mobilier", "DIVERS", "- Réserve"),
])
def test_divers_closing_a_list_inside_an_act_is_no_heading(items: tuple[str, ...]) -> None:
    """A list of purchases or credits ends on "- Divers" too (review): the item of a list, when
    a line beside it opens on a bullet or a dash, not the miscellaneous matters' heading."""
    lines = "\n".join(items)
    text = PREAMBLE + f"""Délibération 2024-29 : Crédits scolaires
Le Conseil municipal répartit les crédits scolaires entre :
{lines}
Le Conseil municipal adopte la répartition.
0 contre, 0 abstention, 13 pour
Délibération 2024-30 : Décision modificative n°2
Le Conseil municipal adopte la décision modificative.
0 contre, 0 abstention, 13 pour
"""
    acts = segment_document(doc_of(text))
    assert len(acts) == 2 and "adopte la répartition" in acts[0].text


_LAST_ITEM = """- 2009/157 – Cession pulvérisateur
Le Conseil municipal, après avoir entendu son rapporteur en son exposé et délibéré, décide à l’unanimité
des membres présents, de céder le pulvérisateur pour un montant de 1 700,00 €.
- 2009/158 – Eclairage public : Extinction
Monsieur le Maire, rapporteur, expose :
« Une étude a été effectuée pour déterminer le gain si l’éclairage public était éteint. »
Le Conseil municipal, après avoir entendu son rapporteur en son exposé et délibéré, décide à l’unanimité
des membres présents, d’expérimenter le principe d’éteindre l’éclairage public du centre bourg.
"""


@pytest.mark.parametrize("after", [
    # the reading of the month's permits after the last item (Chéméré 2009 and 2011, no heading)
    "Monsieur Jean-Pierre GRANDJOUAN donne lecture des documents d’urbanisme et des renonciations ou\n"
    "non au droit de préemption urbain :\nDROIT DE PREEMPTION URBAIN\nAnnée\tN°\tAdresse du bien\tSection\n"
    "2009\t24\t13 rue de Pornic\tF\n",
    "Monsieur Philippe GAILLARD, Adjoint délégué à l’Urbanisme, donne lecture des documents d’urbanisme :\n"
    "PERMIS DE CONSTRUIRE\nA 1026 03/10/2009 LATOUCHE Anthony\t8 rue des Moissonneurs\n",
    # the mayor's words at the end (Lannion 2021), the next meeting announced (Roannais 2021)
    "Monsieur le Maire félicite les conseillers départementaux nouvellement élus.\n"
    "Madame Bernadette CORVISIER invite les élu.e.s à regarder le Tour de France.\n",
    "M. le Président informe que la prochaine séance du Conseil communautaire est fixée au 25 novembre 2021.\n",
])
@pytest.mark.parametrize("closing", ["Séance levée à 23 heures 30.", "Fin de séance à 21 heures 45",
                                     "Ordre du jour épuisé à 20 h 35.", "La séance est levée à 22 h 45.", ""])
def test_the_meetings_end_after_the_last_item_is_not_its_text(after: str, closing: str) -> None:
    """What the meeting hears after its last item's decision, to its closing, is no act's: the
    last act ends on its page (the Chéméré sheets' page_end)."""
    text = "COMPTE-RENDU\nCONSEIL MUNICIPAL DU 24 NOVEMBRE 2009\nPrésents : Jean DUPONT\n" + _LAST_ITEM + \
        "\f" + after + closing + "\nAnnie BARDOUL :\tMarie-Josèphe BATARD : Excusée\n"
    acts = segment_document(doc_of(text))
    assert [a.text.strip()[:10] for a in acts] == ["- 2009/157", "- 2009/158"]
    assert acts[-1].text.rstrip().endswith("centre bourg.") and acts[-1].page_end == 1


@pytest.mark.parametrize("after", [
    # a member's words before the decision are the item's exposé
    "",
    # words after the decision, and another decision after them: the item's own
    "Monsieur le Maire informe les membres du Conseil municipal du coût.\n"
    "Le Conseil municipal décide de fixer le tarif à 2 €.\n",
    # a remark that is no announcement
    "Monsieur le Maire précise que l’extinction sera évaluée dans un an.\n",
])
def test_the_last_item_keeps_its_own_text(after: str) -> None:
    text = ("COMPTE-RENDU\nCONSEIL MUNICIPAL DU 24 NOVEMBRE 2009\nPrésents : Jean DUPONT\n" + _LAST_ITEM
            .replace("Monsieur le Maire, rapporteur, expose :", "Monsieur le Maire, rapporteur, informe les membres du "
                     "Conseil municipal :") + "\f" + after + "Séance levée à 23 heures 30.\n")
    acts = segment_document(doc_of(text))
    assert len(acts) == 2 and "informe les membres du Conseil municipal :" in acts[-1].text
    assert acts[-1].page_end == (2 if after else 1)


def test_a_suspension_is_no_closing() -> None:
    text = PREAMBLE + """Délibération 2024-29 : Dénomination d'une voie
Le Conseil municipal décide de dénommer cette voie « rue du Lavoir ».
0 contre, 0 abstention, 13 pour
La séance est levée à 20 h 10 et reprise à 20 h 25.
Délibération 2024-30 : Décision modificative n°2
Le Conseil municipal adopte la décision modificative.
0 contre, 0 abstention, 13 pour
"""
    assert len(segment_document(doc_of(text))) == 2


def test_chapters_above_numbered_deliberations_and_lists_in_an_expose() -> None:
    text = PREAMBLE + """1. FINANCES
DEL2025-17 : Affectation de résultat – Budget Principal
Il est proposé d'affecter le résultat.
Après avoir délibéré, le Conseil adopte à l'unanimité.
DEL2025-18 : Prescription du plan local d'urbanisme intercommunal
La loi Climat et Résilience, adoptée le 22 août 2021, fixe des objectifs :
1. L'équilibre entre les espaces urbains et ruraux ;
2. La qualité urbaine, architecturale et paysagère ;
3. La diversité des fonctions urbaines et rurales.
Après avoir délibéré, le Conseil adopte à l'unanimité.
4. DEVELOPPEMENT ECONOMIQUE
DEL2025-19 : Approbation de la convention de partenariat Initiative
Après avoir délibéré, le Conseil adopte à l'unanimité.
"""
    assert [ln.split(" :")[0] for ln in first_lines(doc_of(text))] == ["DEL2025-17", "DEL2025-18", "DEL2025-19"]


def test_an_extract_annexed_after_its_item_is_not_a_second_act() -> None:
    text = PREAMBLE + """Délibération n° 2015-12 : Tarifs de la cantine
Le Conseil municipal, après en avoir délibéré, fixe les tarifs.
Adopté à l'unanimité.
\fEXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL
Délibération n° 2015-12 : Tarifs de la cantine
Le Conseil municipal, après en avoir délibéré, DÉCIDE de fixer les tarifs.
Reçu en préfecture le 20/07/2015
\fDélibération n° 2015-13 : Subvention au comité des fêtes
Le Conseil municipal, après en avoir délibéré, attribue 500 €.
Adopté à l'unanimité.
"""
    acts = segment_document(doc_of(text))
    assert [(a.page_start, a.page_end) for a in acts] == [(1, 2), (3, 3)]


# ---------------------------------------------------------------------------
# Corpus (../shared): dev page ranges from the gold, real act counts read by hand
# ---------------------------------------------------------------------------

#: Acts a careful reader counts in each real file (docs/act-counts.md explains each).
REAL_ACT_COUNTS = {
    "commune-avranches-2017-05-23-cm-pv.txt": 18,
    "commune-couthenans-2021-06-04-cm-cr.pdf": 6,
    "commune-fargues-saint-hilaire-2018-12-13-cm-pv.pdf": 17,
    "commune-lannion-2020-05-25-cm-pv-installation.pdf": 3,
    "commune-lannion-2020-06-08-cm-pv.pdf": 25,
    "commune-lannion-2021-07-05-cm-pv.pdf": 20,
    "commune-larbresle-2013-07-09-cm-cr.pdf": 13,  # DL-055, a numbered "prennent acte", counts since 2026-12-03
    "commune-montpellier-2014-04-24-cm-delib-2014-139.pdf": 1,
    "commune-preuilly-sur-claise-2020-07-23-cm-pv.pdf": 15,
    "commune-saint-restitut-2016-03-31-cm-cr-scan.pdf": 27,
    "commune-saint-restitut-2019-03-12-cm-cr-scan.pdf": 10,
    "commune-saint-restitut-2020-07-10-cm-cr-scan.pdf": 3,
    # 21 council items and items 1 and 2, which the council takes note of; the 27 bureau
    # deliberations item 1 reports are its text (48 until 2026-12-04, see docs/act-counts.md)
    "epci-roannais-agglomeration-2021-10-28-cc-pv.pdf": 23,
    # files of 2026-12-01, counted from their answer sheets (tests/gold/real)
    "commune-aiglun-2013-10-17-cm-cr-scan.pdf": 10,
    "commune-aiglun-2013-12-19-cm-cr.pdf": 15,
    "epci-cc-lisieres-oise-2025-04-10-cc-cr.pdf": 24,
}

#: Where the annexes of the dev documents start (corpus README: programme p3, convention
#: p9, rapport p14 for the seed; annexe p3 and rapport p5 for A; none for B and C).
DEV_ANNEX_PAGES = {"seed": [3, 9, 14], "A": [3, 5], "B": [], "C": []}


def _load(path: Path) -> Document:
    from pipeline.read.load import load_document

    doc = load_document(path)
    return dataclasses.replace(doc, furniture=detect_furniture(doc))


@pytest.mark.skipif(not DEV.exists(), reason="../shared/corpus/dev is absent")
@pytest.mark.parametrize("pdf", dev_pdfs(), ids=lambda p: p.name)
def test_dev_acts_pages_and_sections(pdf: Path) -> None:
    gold = load_gold(pdf)
    acts = segment_document(_load(pdf))
    assert [(a.page_start, a.page_end) for a in acts] == [
        (g["page_start"], g["page_end"]) for g in gold["tables"]["acts"]]
    act = acts[0]
    assert [s.page_start for s in act.sections_of(K.ANNEX)] == DEV_ANNEX_PAGES[gold["template"]]
    for kind in (K.HEADER, K.ATTENDANCE, K.VISAS, K.DECISION, K.ARTICLES, K.SIGNATURE):
        assert act.first(kind) is not None, kind
    article_pages = {r["page"] for r in gold["tables"]["articles"]}
    articles = act.first(K.ARTICLES)
    assert articles is not None and articles.page_start == min(article_pages)


#: The dev templates of 2026-12-01 (a région, a métropole's extracts, a bureau's recueil, a
#: commune's minutes): their acts and page ranges as the gold, before every reader of
#: their other tables has learned them (tests/conftest.DEV_LEARNED).
NEW_DEV_PDFS = sorted(DEV.glob("[GHIJ]-*.pdf")) if DEV.exists() else []


@pytest.mark.parametrize("pdf", NEW_DEV_PDFS, ids=lambda p: p.name)
def test_new_dev_templates_acts_and_pages(pdf: Path) -> None:
    gold = load_gold(pdf)
    acts = segment_document(_load(pdf))
    assert [(a.page_start, a.page_end) for a in acts] == [
        (g["page_start"], g["page_end"]) for g in gold["tables"]["acts"]]
    for act in acts:
        kinds_found = {s.kind for s in act.sections}
        if any(r["act_index"] == act.act_index for r in gold["tables"]["legal_references"]):
            assert K.VISAS in kinds_found, act.act_index
        if any(r["act_index"] == act.act_index for r in gold["tables"]["articles"]):
            assert K.ARTICLES in kinds_found, act.act_index


@pytest.mark.skipif(not REAL.exists(), reason="../shared/corpus/real is absent")
@pytest.mark.parametrize("name, expected", sorted(REAL_ACT_COUNTS.items()))
def test_real_act_counts(name: str, expected: int) -> None:
    path = REAL / name
    if not path.exists():
        pytest.skip(f"{path} is absent")
    assert len(segment_document(_load(path))) == expected


# Minutes whose items carry no number (small communes' comptes rendus): each vote result
# closes an act headed by the title line before it; an item without a vote is no act.
_UNNUMBERED_HEAD = ("COMPTE RENDU DU CONSEIL MUNICIPAL DU 12 MARS 2019\n"
                    "Présents : Jean DUPONT, Marie MARTIN, Paul RENARD\n"
                    "Secrétaire de séance : Marie MARTIN\n")


@pytest.mark.parametrize("result_a, result_b", [
    ("Adopté à l'unanimité.", "Vote : 10 pour, 2 contre, 1 abstention"),
    ("Approuvée à l'unanimité.", "0 contre, 0 abstention, 13 pour"),
    ("Pour : 12 – Contre : 1 – Abstention : 0", "Adoptée à l'unanimité."),
])
def test_unnumbered_minutes_are_cut_at_their_votes(result_a: str, result_b: str) -> None:
    text = (_UNNUMBERED_HEAD
            + "SUBVENTIONS AUX ASSOCIATIONS\nMonsieur le Maire présente les demandes des associations.\n"
            + "Le conseil municipal attribue 500 € au comité des fêtes.\n" + result_a + "\n"
            + "Tarifs de la cantine\nMadame MARTIN propose de maintenir les tarifs.\n" + result_b + "\n"
            + "INFORMATION SUR LES TRAVAUX\nLe maire informe le conseil de l'avancement des travaux.\n"
            + "CRÉATION D'UN POSTE D'ADJOINT TECHNIQUE\n"
            + "Le Conseil municipal, après en avoir délibéré, décide de créer le poste.\n"
            + "Adopté à l'unanimité.\nLa séance est levée à 21 h.\n")
    acts = segment_document(doc_of(text))
    assert [a.text.splitlines()[0] for a in acts] == [
        "SUBVENTIONS AUX ASSOCIATIONS", "Tarifs de la cantine", "CRÉATION D'UN POSTE D'ADJOINT TECHNIQUE"]
    assert "INFORMATION SUR LES TRAVAUX" not in "".join(a.text for a in acts)  # no vote: no act


@pytest.mark.parametrize("result_a, result_b", [
    ("Vote favorable à l'unanimité des membres présents et représentés.", "Vote favorable à l'unanimité"),
    ("Voté à l'unanimité.", "Avis favorable à l'unanimité des présents."),
    ("Unanimité.", "Validé à la majorité (2 contre)."),
    ("A l'unanimité des membres présents.", "Adopté par 12 voix pour et 2 contre."),
])
def test_unnumbered_minutes_with_bulleted_headings(result_a: str, result_b: str) -> None:
    """Small communes' comptes rendus head their items with a bullet and a theme in capitals
    (typed "•", or read by OCR as "+" or "*"); the title may wrap, and a short sentence line of
    an exposé ("Suite à la réorganisation…") is no title there; each result line closes an act."""
    text = ("Conseil municipal du vendredi 24 juillet 2015 à 18h00\nCompte rendu\n"
            "Présents: Daniel JUGY, Sylviane LAURO, Michel AUDRAN.\nSecrétaire de séance: Michel AUDRAN\n"
            "Ordre du jour\n"
            "+ ENFANCE - Centre de loisirs été 2015 - Convention de mise à disposition d'une partie de\n"
            "locaux scolaires à l'association Léo Lagrange\n"
            "Madame Sylviane LAURO fait part au conseil municipal du fonctionnement du centre de loisirs.\n"
            + result_a + "\n"
            "* ENSEIGNEMENT - Tarifs municipaux pour les activités\npériscolaires (garderie, cantine)\n"
            "Suite à la réorganisation des temps scolaires et périscolaires présentée, madame Sylviane\n"
            "LAURO propose au conseil municipal de fixer les tarifs suivants pour l'année scolaire.\n"
            + result_b + "\n"
            "• ÉLUS - Décisions prises par le maire dans le cadre de sa délégation\n"
            "Le maire informe le conseil des marchés signés.\n"
            "Séance close à 21 heures.\n")
    acts = segment_document(doc_of(text))
    assert [a.text.splitlines()[0] for a in acts] == [
        "+ ENFANCE - Centre de loisirs été 2015 - Convention de mise à disposition d'une partie de",
        "* ENSEIGNEMENT - Tarifs municipaux pour les activités"]
    assert "Décisions prises par le maire" not in "".join(a.text for a in acts)  # no vote: no act


@pytest.mark.parametrize("text, minutes", [
    ("Conseil municipal du vendredi 24 juillet 2015 à 18h00\nCompte rendu\nPrésents : …", True),
    ("COMMUNE DE SAINT-JEAN\nSéance du conseil communautaire du 3 mars 2022\nÉtaient présents : …", True),
    ("Réunion ordinaire du conseil syndical du 12/05/2022\nPrésents : …", True),
    ("Mairie de Saint-Jean\nCompte-rendu\nLe douze mars deux mille dix-neuf …", True),
    # an extract names its session too, beside its act header: not minutes
    ("Conseil municipal du 12 mars 2019\nDélibération n° 2019-12\nObjet : Tarifs", False),
    ("EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS\nSéance du conseil municipal du 12 mars 2019", False),
    ("Le conseil municipal du 12 mars 2019 a décidé de fixer les tarifs.", False),  # a sentence
])
def test_minutes_are_told_by_their_title(text: str, minutes: bool) -> None:
    from pipeline.segment.acts import is_minutes

    assert is_minutes(doc_of(text)) is minutes


@pytest.mark.parametrize("wording, is_act", [
    ("Le Conseil municipal prend acte de ces décisions.", True),
    ("Les membres du Conseil municipal prennent acte du rapport d’activité 2012.", True),
    ("Le Conseil communautaire donne acte au Président de cette communication.", True),
    # a report made to the assembly, which hears it: Chéméré 2009/145 ("Monsieur le Maire rend
    # compte au Conseil municipal des décisions prises en vertu de la délégation"), its sheet's act 0
    ("Monsieur le Maire rend compte au Conseil municipal des décisions prises en vertu de la délégation.", True),
    ("Monsieur le Maire, rapporteur, informe les membres du Conseil municipal des travaux en cours.", True),
    ("Le maire informe le conseil des travaux en cours.", True),
    ("Madame l'adjointe présente aux membres du Conseil le rapport d'activité 2012.", True),
    ("Le Président porte à la connaissance du Conseil communautaire les marchés signés.", True),
    # no word to the assembly, or an item withdrawn or put off: information
    ("Les marchés suivants ont été signés : fournitures de bureau, entretien des espaces verts.", False),
    ("Le maire informe la presse des travaux en cours.", False),
    ("Le maire informe le conseil que ce point est retiré de l'ordre du jour.", False),
    ("Le maire informe le conseil que la question est reportée à une séance ultérieure.", False),
])
def test_a_numbered_item_that_takes_note_is_an_act(wording: str, is_act: bool) -> None:
    """Under a deliberation number of the register, an item the council only takes note of is
    an act (L'Arbresle DL-055, Chéméré 2008/13), and so is one reported to it (Chéméré 2009/145,
    "rend compte au Conseil municipal"); a numbered item with neither a decision nor a "prend
    acte" nor a word to the assembly, or withdrawn, is information."""
    text = ("COMPTE RENDU DU CONSEIL MUNICIPAL DU 9 JUILLET 2013\nPrésents : Jean DUPONT, Marie MARTIN\n"
            "DL-055-07-13 - Décisions prises par délégation\nLe maire a signé des marchés.\n" + wording + "\n"
            "DL-056-07-13 - Création de postes\nLe Conseil municipal, après en avoir délibéré, décide de créer "
            "deux postes.\n")
    numbers = [a.text.split(" ")[0] for a in segment_document(doc_of(text))]
    assert numbers == (["DL-055-07-13", "DL-056-07-13"] if is_act else ["DL-056-07-13"])


@pytest.mark.parametrize("heading, is_act", [
    # Chéméré 2009/145: the report of the mayor's contracts, numbered in the register, "Information"
    # after its subject
    ("- 2009/145 – Délégations de pouvoirs « Marchés publics » : Information", True),
    ("\uf0d8 DE-2011/85 – Délégations de pouvoirs « Marchés publics » : Information", True),
    ("2009/145 – Information – Rapport annuel du délégataire", True),
    # an information label alone for title: information, even numbered
    ("- 2009/145 – Informations du Maire", False),
    ("- 2009/145 – Questions diverses", False),
])
def test_a_numbered_report_to_the_council_is_an_act(heading: str, is_act: bool) -> None:
    text = ("COMPTE-RENDU\nCONSEIL MUNICIPAL DU 24 NOVEMBRE 2009\nPrésents : Jean DUPONT, Marie MARTIN\n"
            f"{heading}\nConformément à la délibération n°2008/45 en date du 22 mars 2008, Monsieur le Maire rend "
            "compte au Conseil municipal des décisions prises en vertu de la délégation de pouvoirs.\n"
            "19/10/09\tBONNET CIDELCEM\tChariot de service\t325,00 €\n"
            "- 2009/146 – Marché « Travaux d’extension des vestiaires »\nLe Conseil municipal, après en avoir "
            "délibéré, décide à l’unanimité des membres présents d’attribuer les lots.\n")
    firsts = [a.text.strip().split("\n")[0] for a in segment_document(doc_of(text))]
    assert firsts == ([heading.strip()] if is_act else []) + ["- 2009/146 – Marché « Travaux d’extension des vestiaires »"]


@pytest.mark.parametrize("heading", [
    "2008/12 – 4 ème édition du « Prix départemental d’architecture »",
    "2008/12 – 2e tranche des travaux de voirie",
    "DE-2015/31 – 1er prix du concours des maisons fleuries",
])
def test_a_numbered_heading_whose_title_opens_with_an_ordinal(heading: str) -> None:
    text = ("COMPTE RENDU DU CONSEIL MUNICIPAL DU 22 JANVIER 2008\nPrésents : Jean DUPONT\n"
            "2008/11 – Remblaiement de la lagune\nLe Conseil municipal, après en avoir délibéré, décide.\n"
            + heading + "\nLe Conseil municipal, après en avoir délibéré, décide de participer.\n")
    assert [a.text.splitlines()[0] for a in segment_document(doc_of(text))][-1] == heading


def test_unnumbered_minutes_with_one_vote_stay_one_act() -> None:
    text = (_UNNUMBERED_HEAD + "SUBVENTIONS AUX ASSOCIATIONS\nLe conseil municipal attribue 500 €.\n"
            + "Adopté à l'unanimité.\nLa séance est levée à 21 h.\n")
    assert len(segment_document(doc_of(text))) == 1


def test_a_rapporteur_label_in_the_header_leaves_the_attendance_after_it() -> None:
    """"Rapporteur : M. X, Vice-président" under the object (régions, départements) is a header
    line: the attendance list after it is still read as one."""
    text = ("Conseil régional – Délibération de l'assemblée plénière\nSéance du 20 juin 2024\n"
            "Objet : Soutien aux équipements culturels\nRapporteur : M. Louis-Marie GUÉRIN, Vice-président\n"
            "Présents : M. Jean MARTIN, Mme Anne DUPONT.\n"
            "Le Conseil, après en avoir délibéré, DÉCIDE :\nArticle 1 : Les aides sont attribuées.\n")
    act = segment_document(doc_of(text))[0]
    assert [s.kind for s in act.sections][:2] == [K.HEADER, K.ATTENDANCE]


def test_a_decision_numbered_in_the_councils_register_stays_an_act_inside_a_report() -> None:
    """L'Arbresle 2013: the chapter "DECISIONS PRISES EN VERTU DES POUVOIRS DELEGUES" holds
    DL-055, numbered like the council's items (DL-056…): an act, not the report's text."""
    text = ("COMPTE RENDU DU CONSEIL MUNICIPAL DU 9 JUILLET 2013\nPrésents : Jean DUPONT, Marie MARTIN\n"
            "III.\tDECISIONS PRISES EN VERTU DES POUVOIRS DELEGUES\n"
            "DL-055-07-13 - Signature du marché d'étude de ruissellement\nLe maire a signé le marché.\n"
            "DECISION :\nLes membres du conseil municipal prennent acte de cette décision.\n"
            "IV.\tPERSONNEL\nDL-056-07-13 - Création de postes\n"
            "Le Conseil municipal, après en avoir délibéré, décide de créer deux postes.\n")
    assert [a.text.split(" ")[0] for a in segment_document(doc_of(text))] == ["DL-055-07-13", "DL-056-07-13"]


@pytest.mark.parametrize("dispositif", [
    "Le Conseil communautaire :\n- prend acte du rapport annuel 2020 relatif à l’activité.",   # Roannais 2021
    "Le Conseil municipal prend acte du rapport d’activité 2012.",
    "Le Bureau donne acte au Président de cette communication.",
    "Le Conseil municipal :\n- APPROUVE le règlement intérieur.",
])
def test_a_dispositif_the_assembly_takes_note_of_opens_the_decision(dispositif: str) -> None:
    text = PREAMBLE + "1. Rapport d’activités 2020\nMonsieur le Président présente le rapport.\n" + dispositif + \
        "\nArrivée de Nabih Nejjar\n2. Tarifs de la cantine\nLe Conseil municipal, après en avoir délibéré, fixe les tarifs.\n"
    act = segment_document(doc_of(text))[0]
    decision = [s for s in act.sections if s.kind is K.DECISION]
    assert decision and decision[-1].text.startswith(dispositif.split("\n")[0])
    from extractors.attendance import vote_point

    # a movement after it ("Arrivée de …" closing the item) is for the items after
    assert vote_point(act) < text.index("Arrivée de Nabih Nejjar")


@pytest.mark.parametrize("proposal", [
    "Il est proposé au conseil municipal :",          # Lannion 2021
    "Il est donc proposé au Conseil communautaire :",
    "Il est proposé au bureau :",
])
def test_the_proposal_put_to_the_vote_opens_the_decision(proposal: str) -> None:
    text = (PREAMBLE + "1 - Subvention à l'association Habitat jeunes en Trégor\nMonsieur Yvon BRIAND expose :\n"
            "VU le budget de la ville,\n" + proposal + "\nDE DÉBLOQUER les subventions inscrites en provision :\n"
            "• Subvention (volet culture) : 12.000€\nADOPTÉ À L'UNANIMITÉ\n2 - Tarifs\n"
            "Il est proposé au conseil municipal de fixer les tarifs.\nADOPTÉ À L'UNANIMITÉ\n")
    first, second = segment_document(doc_of(text))
    [decision] = [s for s in first.sections if s.kind is K.DECISION]
    assert decision.text.startswith(proposal) and "DE DÉBLOQUER" in decision.text
    # a proposal in a sentence, not over a dispositif, opens nothing
    assert not [s for s in second.sections if s.kind is K.DECISION]


# A compte rendu that summarises each item under a title in capitals and prints no vote
# (a bulletin's council page, a "compte rendu succinct"): the items that tell a decision are
# acts, those that inform are not. Wordings: Chéméré's bulletin of 2013 and others written
# as a careful reader expects to meet them.
@pytest.mark.parametrize("decided", [
    "Il est décidé de ne pas augmenter les\ntaux d'imposition en 2013.",
    "Le conseil municipal a décidé de reconduire\nla convention avec l'association.",
    "Les tarifs de la cantine sont fixés à 3,20 € par repas\npour l'année scolaire.",
    "L'indemnité est reconduite pour l'année 2024.",
    "Le Conseil municipal, à l'unanimité, approuve le rapport.",
])
def test_summarised_items_without_votes_are_acts_when_they_decide(decided: str) -> None:
    text = f"""COMPTE RENDU DU CONSEIL MUNICIPAL DU 26 MARS 2013
EPANDAGE DES BOUES
Le conseil municipal prend connaissance
du rapport de la métropole sur les boues épandues.
TAUX ET TARIFS 2013
{decided}
CREATION DE POSTE
Un agent administratif a demandé sa
réintégration après une période de disponibilité.
INDEMNITE POUR LE GARDIENNAGE DE
L'EGLISE :
Elle est fixée à 342,83 € pour l'année 2013.
SUBVENTIONS
ASSOCIATIONS 2013
AEP La Saint Jean\t64 018,97 €
Coop scolaire école publique\t1 449,00 €
Arche Football Club\t3 638,00 €
"""
    assert first_lines(doc_of(text)) == ["TAUX ET TARIFS 2013", "INDEMNITE POUR LE GARDIENNAGE DE", "SUBVENTIONS"]


def test_a_list_of_amounts_under_a_title_that_names_no_award_is_no_act() -> None:
    """Results of the year listed under their title inform; so does a report taken note of."""
    text = """COMPTE RENDU DU CONSEIL MUNICIPAL DU 26 MARS 2013
COMPTES DE GESTION 2012
Fonctionnement\t+72 931,44 €
Investissement\t-56 565,64 €
Assainissement\t+33 811,28 €
EPANDAGE DES BOUES
Le conseil municipal prend connaissance du rapport.
TAUX D'IMPOSITION 2013
Il est décidé de ne pas augmenter les taux.
TARIFS DE LA CANTINE
Les tarifs sont maintenus à 3,20 € par repas.
"""
    assert first_lines(doc_of(text)) == ["TAUX D'IMPOSITION 2013", "TARIFS DE LA CANTINE"]


def test_an_act_ending_at_a_page_break_ends_on_its_page_not_the_next_running_head() -> None:
    """Items that end at the bottom of a page run, in the text, up to the next item's heading,
    below the next page's running head (Chéméré 2015): the act's last page is the one its text
    ends on."""
    head = "DEPARTEMENT DE LOIRE-ATLANTIQUE\tCM 31 mars 2015\t{n}\nCommune de CHEMERE\n"
    pages = [
        head.format(n=1) + "COMPTE RENDU DU CONSEIL MUNICIPAL DU 31 MARS 2015\nPrésents : M. Jean DUPONT\n"
        "1. TARIFS DE LA CANTINE\nLe Conseil municipal, après en avoir délibéré, décide à l'unanimité.\n",
        head.format(n=2) + "2. TAUX D'IMPOSITION\nLe Conseil municipal, après en avoir délibéré, décide à l'unanimité.\n"
        "de maintenir les taux.\n\n",
        head.format(n=3) + "3. SUBVENTIONS\nLe Conseil municipal, après en avoir délibéré, décide à l'unanimité.\n",
        head.format(n=4) + "4. PERSONNEL\nLe Conseil municipal, après en avoir délibéré, décide à l'unanimité.\n",
    ]
    acts = segment_document(doc_of("\f".join(pages)))
    assert [(a.page_start, a.page_end) for a in acts] == [(1, 1), (2, 2), (3, 3), (4, 4)]


# ---------------------------------------------------------------------------
# Item headings of minutes in other families (found by probing with wordings of our own)
# ---------------------------------------------------------------------------

#: Six items of minutes, the last one rejected: (title, text with its vote).
ITEMS = [
    ("Approbation du compte administratif 2024 – Budget principal",
     "Le conseil municipal, après en avoir délibéré, approuve le compte administratif.\nVote : 13 pour, 1 contre"),
    ("Budget primitif 2025 – Budget principal",
     "Le conseil municipal, après en avoir délibéré, adopte le budget primitif.\nAdopté à l'unanimité."),
    ("Subvention à l'association « Les Amis de l'école »",
     "Il est proposé d'attribuer une subvention de 1 500 €.\nPour : 13 – Contre : 0 – Abstentions : 2"),
    ("Création d'un poste d'adjoint technique territorial",
     "Le conseil municipal, après en avoir délibéré, décide de créer le poste.\nVote : unanimité"),
    ("Convention avec le SDEF pour la rénovation de l'éclairage public",
     "Le conseil municipal autorise Madame le Maire à signer.\nAdopté par 12 voix pour et 3 voix contre."),
    ("Tarifs de la cantine scolaire à compter du 1er septembre 2025",
     "Madame le Maire propose de porter le prix du repas à 3,60 €.\nPour : 5 – Contre : 9 – Abstention : 1"),
]
REPORT = ("Compte rendu des décisions prises par délégation du conseil municipal",
          "Madame le Maire rend compte des décisions prises en vertu de l'article L.2122-22 du CGCT :\n"
          "- décision n° 2025-01 du 10 janvier 2025 : renonciation au droit de préemption ;\n"
          "Le conseil municipal n'a pas d'observation.")
INFO = ("Informations du Maire", "Madame le Maire informe le conseil que les travaux débuteront en avril.")
FOOT = "L'ordre du jour étant épuisé, la séance est levée à 22 h 45.\n"


def minutes_of(headings: list[str], with_info: bool = True) -> str:
    """Minutes with a delegation report first and an information item in the middle (when
    ``with_info``), each item under ``headings[k]`` (formatted with ``n``, its rank, and
    ``title``)."""
    items = ([REPORT] if with_info else []) + ITEMS[:3] + ([INFO] if with_info else []) + ITEMS[3:]
    body = "".join(f"{headings[k % len(headings)].format(n=k + 1, title=t)}\n{text}\n\n"
                   for k, (t, text) in enumerate(items))
    return PREAMBLE + "\n" + body + FOOT


def titles_of(text: str) -> list[str]:
    from extractors.header.numbers import find_item_heading

    out = []
    for act in segment_document(doc_of(text)):
        heading = find_item_heading(act.text.strip())
        out.append(heading.title if heading else None)
    return out


@pytest.mark.parametrize("heading", [
    "OBJET : {title}", "Objet : {title}", "Objet – {title}", "Objet de la délibération : {title}",
    "OBJET : {title_upper}",
])
@pytest.mark.parametrize("with_info", [True, False])
def test_unnumbered_minutes_headed_by_the_object_label(heading: str, with_info: bool) -> None:
    """Items headed "OBJET : …" and no number: each is an act under its object, the delegation
    report and the information item are none, and the label is not the title."""
    items = ([REPORT] if with_info else []) + ITEMS[:3] + ([INFO] if with_info else []) + ITEMS[3:]
    body = "".join(f"{heading.format(title=t, title_upper=t.upper())}\n{text}\n\n" for t, text in items)
    titles = titles_of(PREAMBLE + "\n" + body + FOOT)
    assert [t.lower() for t in titles] == [t.lower() for t, _ in ITEMS]


def test_an_object_line_in_the_text_of_an_item_without_a_vote_makes_no_act() -> None:
    text = PREAMBLE + """OBJET : Informations du Maire
Madame le Maire donne lecture d'un courrier.
Objet : demande de subvention de l'association sportive
Le courrier sera étudié en commission.
""" + FOOT
    assert segment_document(doc_of(text)) == []


#: The ranks of the six acts among the eight items of :func:`minutes_of` (the report is 1, the
#: information item 5).
RANKS = (2, 3, 4, 6, 7, 8)


@pytest.mark.parametrize("heading, numbers", [
    # a bare sequence number after "Délibération n°", the object on the next line
    ("Délibération n° {n}\nObjet : {title}", [str(n) for n in RANKS]),
    ("DÉLIBÉRATION N° {n}\nOBJET : {title}", [str(n) for n in RANKS]),
    # a number alone after "N°", the object below it
    ("N° 2025-0{n:02d}\nOBJET : {title}", [f"2025-0{n:02d}" for n in RANKS]),
    # the register's letters between the year and the rank
    ("2025-DCC-0{n:02d} – {title}", [f"2025-DCC-0{n:02d}" for n in RANKS]),
    ("2025-DCM-{n} : {title}", [f"2025-DCM-{n}" for n in RANKS]),
    ("Délibération n° 2025-DCC-0{n:02d} – {title}", [f"2025-DCC-0{n:02d}" for n in RANKS]),
])
def test_minutes_items_under_deliberation_numbers_of_other_schemes(heading: str, numbers: list[str]) -> None:
    """Each act keeps its own number and its object as title; the delegation report and the
    information item are no acts."""
    from extractors.header.numbers import find_item_heading

    acts = segment_document(doc_of(minutes_of([heading])))
    found = [find_item_heading(a.text.strip()) for a in acts]
    assert [(h.number, h.title) if h else None for h in found] == list(zip(numbers, [t for t, _ in ITEMS]))


@pytest.mark.parametrize("heading", ["{n}°) {title}", "{n}° {title}", "{n} °) {title}", "N° {n} – {title}",
                                     "A. {title}"])
def test_minutes_items_ranked_by_degrees_letters_and_numero(heading: str) -> None:
    """Ranks "1°)", "1°", "N° 1 –", "A." head items; the delegation report and the information
    item are no acts; the title is read without the rank."""
    if heading.startswith("A."):
        items = [REPORT] + ITEMS[:3] + [INFO] + ITEMS[3:]
        body = "".join(f"{chr(65 + k)}. {t}\n{text}\n\n" for k, (t, text) in enumerate(items))
        text = PREAMBLE + "\n" + body + FOOT
    else:
        text = minutes_of([heading])
    assert titles_of(text) == [t for t, _ in ITEMS]


def test_degree_enumerations_in_an_item_are_no_items() -> None:
    """The mayor's delegations listed "1° D'arrêter…", "2° De fixer…" inside an item ranked
    "1°)" are its text: the items stay the agenda's."""
    text = PREAMBLE + """1°) Délégations consenties au Maire
Le conseil municipal, après en avoir délibéré, délègue au Maire pour la durée de son mandat :
1° D'arrêter et modifier l'affectation des propriétés communales ;
2° De fixer les tarifs des droits de voirie ;
3° De prendre toute décision concernant les marchés ;
Adopté à l'unanimité.
2°) Budget primitif 2025
Le conseil municipal, après en avoir délibéré, adopte le budget primitif.
Adopté à l'unanimité.
""" + FOOT
    assert first_lines(doc_of(text)) == ["1°) Délégations consenties au Maire", "2°) Budget primitif 2025"]


@pytest.mark.parametrize("subs, expected", [
    # one sub-item right under its chapter: it is the item
    ([1, 1, 1], ["1.1 ", "2.1 ", "3.1 "]),
    ([2, 1, 1], ["1.1 ", "1.2 ", "2.1 ", "3.1 "]),
])
def test_a_chapter_with_a_single_sub_item_is_headed_by_it(subs: list[int], expected: list[str]) -> None:
    chapters = ["FINANCES", "PERSONNEL COMMUNAL", "TRAVAUX ET URBANISME"]
    body, k = "", 0
    for c, (name, count) in enumerate(zip(chapters, subs), 1):
        body += f"{c}. {name}\n"
        for j in range(1, count + 1):
            title, text = ITEMS[k]
            body += f"{c}.{j} {title}\n{text}\n"
            k += 1
    lines = first_lines(doc_of(PREAMBLE + body + "4. QUESTIONS DIVERSES\nAucune question.\n" + FOOT))
    assert [ln[:4] for ln in lines] == expected


def test_a_single_sub_item_after_the_chapters_text_is_no_heading() -> None:
    """A "2.1" further down the chapter's own text is a paragraph of it, not its item."""
    text = PREAMBLE + """1. Approbation du compte administratif 2024
Le conseil municipal, après en avoir délibéré, approuve le compte.
Vote : 13 pour, 1 contre
2. Budget primitif 2025
Le budget s'équilibre comme suit.
2.1 Section de fonctionnement
Les dépenses s'élèvent à 1 245 000 €.
Le conseil municipal, après en avoir délibéré, adopte le budget primitif.
Adopté à l'unanimité.
""" + FOOT
    assert first_lines(doc_of(text)) == ["1. Approbation du compte administratif 2024", "2. Budget primitif 2025"]


@pytest.mark.parametrize("heading, body, is_act", [
    # information the council takes note of is no deliberation (docs/act-counts.md: information
    # items are not acts)
    ("2. Informations du Maire", "Le conseil municipal prend acte de ces informations.", False),
    ("2. Information", "Le Conseil municipal prend acte de cette information.", False),
    ("Point n° 2 : Informations diverses", "Le conseil municipal prend acte.", False),
    ("2. Informations du Maire-adjoint aux finances", "Le conseil municipal prend acte de ces informations.", False),
    # reported to the council under an agenda rank, not a deliberation number: information still
    ("2. Informations du Maire", "Madame le Maire informe les membres du conseil municipal des travaux.", False),
    ("2. Information - Rapport annuel du délégataire", "Le Conseil municipal prend acte du rapport annuel.", True),
    # a vote makes it one; a report named by its title, taken note of, is one
    ("2. Informations du Maire", "Le conseil municipal, après en avoir délibéré, adopte la motion.\n"
                                 "Adopté à l'unanimité.", True),
    ("2. Rapport annuel 2024 du SIVU de la piscine", "Le conseil municipal prend acte du rapport.", True),
    ("2. Information – Rapport annuel du délégataire", "Le Conseil municipal prend acte du rapport annuel.", True),
])
def test_an_information_item_the_council_takes_note_of(heading: str, body: str, is_act: bool) -> None:
    rank = "Point n° {n} :" if heading.startswith("Point") else "{n}."
    text = PREAMBLE + f"""{rank.format(n=1)} Budget primitif 2025
Le conseil municipal, après en avoir délibéré, adopte le budget primitif.
Adopté à l'unanimité.
{heading}
Madame le Maire présente le bilan de la saison estivale.
{body}
{rank.format(n=3)} Tarifs de la cantine
Le conseil municipal, après en avoir délibéré, fixe les tarifs.
Adopté à l'unanimité.
""" + FOOT
    lines = first_lines(doc_of(text))
    assert (heading in lines) is is_act and len(lines) == (3 if is_act else 2)


def test_a_number_alone_in_a_table_heads_no_item() -> None:
    """"n°2006/14" alone on a line of a table of roads (Chéméré, 15 December 2009) cites a
    deliberation; a number alone heads an item only over its object ("N° 2025-014" / "OBJET : …")."""
    text = PREAMBLE + """- 2009/166 – Tarifs de la salle
Le Conseil municipal, après en avoir délibéré, fixe les tarifs.
- 2009/167 – Mise à jour du tableau de classement de la voirie communale
Monsieur le Maire, rapporteur, expose :
44\tImpasse des\tRue du\tSalle\t110\t110\t17/01/2006\tn°2006/3
Caillebottes\tBéziau\tmunicipale\t&
n°2006/14
45\tImpasse des\tRue du\t70\t70\t10\t5,00\t350\t17/01/2006
Le Conseil municipal, après en avoir délibéré, approuve le tableau.
N° 2009-168
OBJET : Budget primitif 2010
Le Conseil municipal, après en avoir délibéré, adopte le budget.
"""
    assert first_lines(doc_of(text)) == ["- 2009/166 – Tarifs de la salle",
                                         "- 2009/167 – Mise à jour du tableau de classement de la voirie communale",
                                         "N° 2009-168"]


ONE_PAGE_EXTRACT = """COMMUNE DE SAINT-MARTIN
Extrait du registre des délibérations du conseil municipal
Séance du 12 mars 2024
Objet : Tarifs de la cantine
Vu le code général des collectivités territoriales,
Le conseil municipal, après en avoir délibéré, DÉCIDE :
Article 1 : Les tarifs sont fixés à 3,50 € par repas.
Adopté à l'unanimité.
Pour extrait certifié conforme,
Le Maire,
"""


@pytest.mark.parametrize("last_page, is_annex", [
    # the act's foot on a page of its own after the signature: its stamps are the act's
    # (scan probing: the dates of "Transmis en préfecture le …" on page 2 had been lost in an annex)
    ("Transmis en préfecture le 18 mars 2024\nPublié le 18 mars 2024", False),
    ("Jean DUPONT\nTransmis en préfecture le 15 mars 2024\nPublié le 16 mars 2024", False),
    ("Date de réception préfecture : 14/03/2024\nPublié le : 15/03/2024", False),
    ("Reçu en sous-préfecture le 14 mars 2024", False),
    ("Affiché le 13 mars 2024", False),
    ("Certifié exécutoire compte tenu de la transmission en préfecture le 14/03/2024", False),
    # a page that says more, or opens on something else, is an annex
    ("ANNEXE 1 : grille des tarifs\nRepas enfant 3,50 €\nRepas adulte 5,00 €", True),
    ("Convention de partenariat\nArticle 1 : objet\nPublié le 18 mars 2024", True),
    ("Tarifs 2024 applicables au 1er avril\nTransmis en préfecture le 18 mars 2024", True),
    ("Transmis en préfecture le 18 mars 2024\n" + "\n".join(f"Ligne {k} de l'annexe" for k in range(9)), True),
])
def test_the_act_foot_on_a_page_of_its_own_is_no_annex(last_page: str, is_annex: bool) -> None:
    acts = segment_document(doc_of(ONE_PAGE_EXTRACT + "\f" + last_page + "\n"))
    assert len(acts) == 1
    annexes = [s for s in acts[0].sections if s.kind is SectionKind.ANNEX]
    assert bool(annexes) is is_annex
