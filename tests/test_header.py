"""Header columns of the acts table: readers on French wordings, real documents, dev gold."""

from __future__ import annotations

import datetime as dt
import json
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest

import pipeline  # noqa: F401  (imports the package in its usual order)
from extractors.header import extract_header
from extractors.header.authority import find_authority, find_body, title_case_name
from extractors.header.counts import find_counts
from extractors.header.dates import find_prefecture_date, find_publication_date, find_session_date
from extractors.header.numbers import find_act_number, find_actes_id, find_item_heading, find_title, repair_ocr_title
from extractors.header.persons import PRESIDENT_RES, SECRETARY_RES, find_person, find_signatory
from pipeline.model import Act, Document, Page, Section, SectionKind, Span, TextSource
from pipeline.normalize.identifiers import siren_valid
from tests.conftest import DEV, dev_pdfs

D = dt.date
SHARED = DEV.parent  # ../shared/corpus


# ---------------------------------------------------------------------------
# Readers, one column at a time
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("texts, body, whole, expected", [
    (["DEPARTEMENT DU PAS-DE-CALAIS\nDELIBERATION"], "commission_permanente", "", "Département du Pas-de-Calais"),
    # the footer styles the name: it wins over title-casing the capitals
    (["DÉPARTEMENT DU CALVADOS\n"], "commission_permanente",
     "Département du Calvados - Commission permanente du 16/05/2022\tPage 1/5", "Département du Calvados"),
    # a département letterhead above a commune's register: the commune deliberates
    (["RÉPUBLIQUE FRANÇAISE\nDÉPARTEMENT DE LA CHARENTE\nCOMMUNE DE COGNAC\nEXTRAIT"], "conseil_municipal", "",
     "Commune de Cognac"),
    (["COMMUNAUTÉ D'AGGLOMÉRATION DU BOULONNAIS\n"], "conseil_communautaire", "",
     "Communauté d'agglomération du Boulonnais"),
    (["Convoqué le 17 avril 2014, le Conseil Municipal de la Ville de Montpellier s'est réuni"], "conseil_municipal",
     "", "Ville de Montpellier"),
    # a name the document prints in capitals after a kind in mixed case is styled so by it
    # (the answer sheets of three annotators keep "Ville de LANNION", "Commune de CHEMERE")
    (["Ville de LANNION (Côtes d'Armor)\nn° 20200608"], "conseil_municipal", "", "Ville de LANNION"),
    (["Commune de CHEMERE\nSéance du 31 mars 2015"], "conseil_municipal", "", "Commune de CHEMERE"),
    (["PROCES VERBAL DU CONSEIL MUNICIPAL\nDE LA COMMUNE DE PREUILLY SUR CLAISE\nSéance du 23 Juillet 2020"],
     "conseil_municipal", "", "Commune de Preuilly-sur-Claise"),
    # … and its mixed-case printing elsewhere wins over title-casing capitals, hyphens included
    (["PROCES VERBAL DU CONSEIL MUNICIPAL\nDE LA COMMUNE DE PREUILLY SUR CLAISE\nSéance du 23 Juillet 2020"],
     "conseil_municipal", "le Conseil Municipal de la commune de Preuilly-sur-Claise, en séance",
     "Commune de Preuilly-sur-Claise"),
    (["le Conseil Municipal de la commune de SAINT\nRESTITUT (Drôme), s'est réuni"], "conseil_municipal", "",
     "Commune de Saint-Restitut"),
    (["le Conseil Municipal de la Commune de\nL’Arbresle, dûment convoqué"], "conseil_municipal", "",
     "Commune de L'Arbresle"),
    (["les conseillers communautaires de Roannais Agglomération, se sont réunis"], "conseil_communautaire", "",
     "Roannais Agglomération"),
    (["La Commission Permanente du Conseil départemental du Calvados,"], "commission_permanente", "",
     "Département du Calvados"),
    # a commune named in a sentence, not after its council, is not the authority
    (["subvention versée à la commune de Saint-Paul"], "conseil_municipal", "", None),
])
def test_header_authority(texts: list[str], body: str, whole: str, expected: str | None) -> None:
    assert find_authority(texts, body, whole) == expected


_EPCI_PAGES = ("A ce titre, la Communauté de Communes des Lisières de l’Oise, par délibération du 5 décembre\f"
               "le territoire de la Communauté de Communes des Lisières de l'Oise en complément\f"
               "du service public de la Communauté de\nCommunes des Lisières de L’Oise pour l'année 2024\f"
               "une convention avec la Communauté de communes du Pays Noyonnais")


# Minutes that print no letterhead and no deliberating sentence naming the collectivité
# (Lisières 2025-09-25) name it through their text: the one of a fitting kind named most,
# on two pages at least and twice as often as the next, in its most printed style.
@pytest.mark.parametrize("whole, body, expected", [
    (_EPCI_PAGES, "conseil_communautaire", "Communauté de Communes des Lisières de l'Oise"),
    ("la commune de Preuilly-sur-Claise participe\f… à la commune de Preuilly-sur-Claise\f"
     "la commune de Preuilly-sur-Claise et la commune de Chaumussay", "conseil_municipal",
     "Commune de Preuilly-sur-Claise"),
    # named twice only, or on one page only: no authority
    ("la commune de Lentilly\f la commune de Lentilly", "conseil_municipal", None),
    ("la commune de Lentilly, la commune de Lentilly et la commune de Lentilly", "conseil_municipal", None),
    # two communes named about as often: neither
    ("la commune de Lentilly\fla commune de Lentilly\fla commune de Lentilly\f"
     "la commune de Fleurieux\fla commune de Fleurieux", "conseil_municipal", None),
    # a communauté named by a commune's council is not the commune
    (_EPCI_PAGES, "conseil_municipal", None),
])
def test_header_authority_named_most_through_the_text(whole: str, body: str, expected: str | None) -> None:
    assert find_authority(["Compte-rendu de la séance\nDu Conseil\n25 septembre 2025"], body, whole) == expected


def test_header_authority_takes_the_style_the_document_prints_most() -> None:
    whole = (_EPCI_PAGES + "\fles membres du Conseil Communautaire de la Communauté de Communes des Lisières de L’Oise"
             "\fengagement de la Communauté de Communes des Lisières de l’Oise dans l'émergence d'un SAGE")
    head = "les membres du Conseil Communautaire de la Communauté de Communes des Lisières de L’Oise, légalement"
    assert find_authority([head], "conseil_communautaire", whole) == "Communauté de Communes des Lisières de l'Oise"


@pytest.mark.parametrize("name, styled", [
    ("PAS-DE-CALAIS", "Pas-de-Calais"), ("SAINT-MARTIN-LÈS-BOULOGNE", "Saint-Martin-lès-Boulogne"),
    ("L'ARBRESLE", "L'Arbresle"), ("LE PORTEL", "Le Portel"), ("CHÂTEAU-D'OLONNE", "Château-d'Olonne"),
    ("Fargues Saint-Hilaire", "Fargues Saint-Hilaire"), ("PREUILLY SUR CLAISE", "Preuilly sur Claise"),
])
def test_header_title_cases_place_names(name: str, styled: str) -> None:
    assert title_case_name(name) == styled


@pytest.mark.parametrize("text, expected", [
    ("DELIBERATION DE LA COMMISSION PERMANENTE DU CONSEIL\nDEPARTEMENTAL", "commission_permanente"),
    ("EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL", "conseil_municipal"),
    ("Extrait du registre des délibérations du Conseil communautaire", "conseil_communautaire"),
    ("COMPTE RENDU DE LA SEANCE DU\nCONSEIL MUNICIPAL\nDU 9 JUILLET 2013", "conseil_municipal"),
    ("PROCES-VERBAL DU CONSEIL MUNICIPAL\nSéance du jeudi 13 décembre 2018", "conseil_municipal"),
    ("Conseil municipal du 4 juin 2021", "conseil_municipal"),
    # the body alone above its meeting; the items below name another council (Chéméré 2012)
    ("Commune de CHEMERE\nCONSEIL MUNICIPAL\nSEANCE DU 20 JUIN 2012\nNombre de Conseillers\n"
     "par délibération en date du 3 mai 2012, le Conseil communautaire a décidé", "conseil_municipal"),
    ("CONSEIL COMMUNAUTAIRE\nSéance du 12 mars 2021", "conseil_communautaire"),
    ("Le bureau communautaire, après en avoir délibéré à l’unanimité :", "bureau"),
    ("EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL RÉGIONAL", "conseil_regional"),
    ("Le Conseil départemental, après en avoir délibéré,", "conseil_departemental"),
    ("Le Conseil Municipal de la commune de LANNION s'étant assemblé en session ordinaire", "conseil_municipal"),
    ("Vu le Code général des collectivités territoriales", None),
])
def test_header_body(text: str, expected: str | None) -> None:
    assert find_body(text) == expected


@pytest.mark.parametrize("head, footer, expected", [
    ("SOUTIEN AUX STRUCTURES\n(N°2022-372)\nLa Commission", "", "2022-372"),
    ("Délibération n° DEL-2022-112\nL'an deux mille", "", "DEL-2022-112"),
    ("Extrait du registre\nn° 2014 / 139\tBARTHAS-ORSAL", "", "2014/139"),
    ("Objet : Politique de la ville", "Conseil communautaire du 07/04/2022 - Délibération n° D2022_135\t1 / 2",
     "D2022_135"),
    # a délibération quoted in a visa is not the act's number
    ("Objet : Budget\nVu la délibération n°2022-039 du 11 mars 2022", "", None),
])
def test_header_act_number(head: str, footer: str, expected: str | None) -> None:
    assert find_act_number(head, footer) == expected


# the title of a text file (no page geometry) never runs over the header block's lines
# between it and the attendance ("Date de convocation : …", "Nombre de délégués … : 32")
@pytest.mark.parametrize("between", [
    "Date de convocation : 29 janvier 2025\nNombre de délégués en exercice : 32 – présents : 25",
    "Séance du 5 février 2025\nMembres en exercice : 32",
    "Date d'affichage : 30 janvier 2025",
    "Convocation du 29 janvier 2025",
])
def test_header_title_stops_before_the_header_block(between: str) -> None:
    head = f"Objet : Attribution de subventions aux associations culturelles\n{between}\nPrésents : M. Alain BERNARD"
    assert find_title(head) == "Attribution de subventions aux associations culturelles"


@pytest.mark.parametrize("head, number, title", [
    ("2020-038 SUBVENTION EXCEPTIONNELLE POUR L’Association Sportive Yzeures-Preuilly\nMonsieur le Maire rappelle",
     "2020-038", "SUBVENTION EXCEPTIONNELLE POUR L’Association Sportive Yzeures-Preuilly"),
    ("2020-039 DESIGNATION DES MEMBRES DE LA COMMISSION LOCALE D’EVALUATION DES\nCHARGES TRANSFÉRÉES\n"
     "Monsieur le Maire expose", "2020-039",
     "DESIGNATION DES MEMBRES DE LA COMMISSION LOCALE D’EVALUATION DES CHARGES TRANSFÉRÉES"),
    ("Délibération D2018-67\nObjet : Délibération portant sur le choix de l’acquéreur de la parcelle AB 107 faisant "
     "suite à\nl’appel à projet sous forme d’une vente interactive\nMonsieur le Maire présente", "D2018-67",
     "Délibération portant sur le choix de l’acquéreur de la parcelle AB 107 faisant suite à l’appel à projet "
     "sous forme d’une vente interactive"),
    ("N° DBC 2021-096 - Santé - Activités Sport-santé - Adhésion à l’association Loire Profession Sport\n"
     "Le bureau communautaire, après en avoir délibéré", "DBC 2021-096",
     "Santé - Activités Sport-santé - Adhésion à l’association Loire Profession Sport"),
    ("DL-058-07-13 - Tennis Club de L'Arbresle : versement d'une subvention exceptionnelle\nMonsieur le Maire",
     "DL-058-07-13", "Tennis Club de L'Arbresle : versement d'une subvention exceptionnelle"),
    # a plain agenda number is not a deliberation number
    ("1 - Création et composition des commissions municipales\nMonsieur le Maire expose :", None,
     "Création et composition des commissions municipales"),
    # session date and rank, a text file whose lines are double-spaced: the capitals go on
    ("2017.05.23 - 10  EMPLOIS SAISONNIERS – DETERMINATION DU NOMBRE DE POSTES, FIXATION \n\nDE LA REMUNERATION "
     "\n \n\nEn raison du renforcement de la fréquentation", "2017.05.23-10",
     "EMPLOIS SAISONNIERS – DETERMINATION DU NOMBRE DE POSTES, FIXATION DE LA REMUNERATION"),
    # a rank without punctuation, a sub-item rank
    ("1 Subventions associatives\nRappel des demandes 2019, on a donné 3110€ :", None, "Subventions associatives"),
    ("6.3 Verger de sauvegarde\n", None, "Verger de sauvegarde"),
    # capitals, then the text in mixed case or a dash list: not the title
    ("1. APPROBATION COMPTE RENDU PRECEDENT\nRemarque de C.BOURRETTE sur le point 6", None,
     "APPROBATION COMPTE RENDU PRECEDENT"),
    ("2.COMPTES ADMINISTRATIFS ET COMPTES DE GESTION 2016\n-approbation budget COMMUNE et budgets ANNEXES", None,
     "COMPTES ADMINISTRATIFS ET COMPTES DE GESTION 2016"),
    # unnumbered: a heading in capitals, or a short line of its own
    ("VOTE DU COMPTE DE GESTION 2015\nVisé et certifié par le receveur. Aucune observation.", None,
     "VOTE DU COMPTE DE GESTION 2015"),
    ("Vote des 4 taxes\nDans le cadre du vote du budget primitif COMMUNE, Monsieur le maire rappelle", None,
     "Vote des 4 taxes"),
    # a title of one word in capitals wraps onto the next line in capitals (Chéméré 2013)
    ("SUBVENTIONS\nASSOCIATIONS 2013\nAEP La Saint Jean\t64 018,97 €", None, "SUBVENTIONS ASSOCIATIONS 2013"),
    ("TARIFS\nCANTINE ET GARDERIE\nLes tarifs sont maintenus.", None, "TARIFS CANTINE ET GARDERIE"),
    # a bulleted theme heading, the bullet typed or read by OCR as "+" or "*"; its title wraps
    ("+ ENFANCE - Centre de loisirs été 2015 - Convention de mise à disposition d'une partie de\nlocaux scolaires "
     "à l'association Léo Lagrange\nMadame Sylviane LAURO, adjointe déléguée", None,
     "ENFANCE - Centre de loisirs été 2015 - Convention de mise à disposition d'une partie de locaux scolaires "
     "à l'association Léo Lagrange"),
    ("• FINANCES - Décision modificative n° 2\nMonsieur le maire expose", None, "FINANCES - Décision modificative n° 2"),
    ("► URBANISME : Révision du PLU\nLe conseil municipal, après en avoir délibéré", None,
     "URBANISME : Révision du PLU"),
    # a speck OCR read in the margin before the title's second line (Aiglun 2013, scan)
    ("4. RESEAUX — ASSAINISSEMENT — Redevances assainissement pour ressources\n_ privées en eau.\n"
     "Monsieur Bernard BRUNO, concerné personnellement, sort de la salle", None,
     "RESEAUX — ASSAINISSEMENT — Redevances assainissement pour ressources privées en eau."),
    ("7. FINANCES - Participation aux frais de fonctionnement\n| des écoles publiques\nMonsieur le Maire expose :",
     None, "FINANCES - Participation aux frais de fonctionnement des écoles publiques"),
])
def test_header_item_heading(head: str, number: str | None, title: str) -> None:
    heading = find_item_heading(head)
    assert heading is not None
    assert (heading.number, heading.title) == (number, title)


@pytest.mark.parametrize("head, number", [
    # items of minutes numbered in other schemes: letters between the parts, points with letters
    ("2024-DCM-045 - Vote du budget primitif\nLe Maire expose", "2024-DCM-045"),
    ("2023-DEL-125 : Tarifs de la cantine\nLe Maire expose", "2023-DEL-125"),
    ("D.2023.41 : Convention avec le Syndicat d'énergie\nLe Maire expose", "D.2023.41"),
    ("CP.2023.0673 – Soutien aux associations\nLa Commission", "CP.2023.0673"),
    ("24.SP.0576 - Soutien aux lycées\nLa Commission", "24.SP.0576"),
    ("AP/2024/015 - Autorisation de programme\nLe Président", "AP/2024/015"),
    ("Délibération 24_DFE_SBUD_03 : Budget primitif\nLe Président", "24_DFE_SBUD_03"),
    # a rank with points and no letters stays a rank, not a number
    ("6.3 Verger communal\nLe Maire expose", None),
])
def test_header_item_heading_number_schemes(head: str, number: str | None) -> None:
    heading = find_item_heading(head)
    assert heading is not None and heading.number == number


@pytest.mark.parametrize("head", [
    # a number quoted in a sentence opens no item
    "D.2023.41 du 5 septembre 2023 approuvant la convention",
    "2024-DCM-045 du Conseil municipal",
])
def test_header_item_heading_number_quoted_is_none(head: str) -> None:
    assert find_item_heading(head) is None



@pytest.mark.parametrize("head, title", [
    # a heading on the last line of its page: the next page's running head is not its title
    ("\uf0d8 DE-2014/57 – Ouverture de la cantine le mercredi\fDEPARTEMENT DE LOIRE-ATLANTIQUE\tCM 17 juin 2014\t55\n"
     "Canton de BOURGNEUF-EN-RETZ\nMonsieur le Maire, rapporteur, expose :", "Ouverture de la cantine le mercredi"),
    ("12. FINANCES - Tarifs communaux 2025\fCommune de Fargues\tPage 4\nMonsieur le Maire expose",
     "FINANCES - Tarifs communaux 2025"),
    ("Location de l'étage de la maison de la gare\fVille de Lannion\tConseil du 8 juin 2020\t18",
     "Location de l'étage de la maison de la gare"),
])
def test_header_item_heading_stops_at_its_page_end(head: str, title: str) -> None:
    heading = find_item_heading(head)
    assert heading is not None and heading.title == title


@pytest.mark.parametrize("head", [
    "n° DBC 2019-070 du 3 juin 2019 approuvant la cession",       # a reference quoted in the text
    "R20-53 du Code des Postes et communications électroniques",
    "DM1 pour budget assainissement approuvé : Vote : 14 pour / 0 contre / 0 abstention",  # a vote, not a title
    "Il est proposé au conseil de fixer les tarifs suivants.",
])
def test_header_item_heading_rejects_references(head: str) -> None:
    assert find_item_heading(head) is None


@pytest.mark.parametrize("head, expected", [
    ("Objet : Budget principal 2022 - Décision modificative n°3\nVu le Code", "Budget principal 2022 - Décision modificative n°3"),
    ("Objet : Politique de la ville - Programmation 2022 du contrat de ville -\nSubventions aux associations\nVu le Code",
     "Politique de la ville - Programmation 2022 du contrat de ville - Subventions aux associations"),
    ("Excusé(s) sans voix délibérative : M. Michel DAGBERT\nACTEURS POUR UNE ÉCONOMIE SOLIDAIRE - CONTRIBUTION AUX\n"
     "POLITIQUES DÉPARTEMENTALES EN FAVEUR DE L'ÉCONOMIE SOCIALE\nET SOLIDAIRE 2023\n(N°2023-122)\nLa Commission",
     "ACTEURS POUR UNE ÉCONOMIE SOLIDAIRE - CONTRIBUTION AUX POLITIQUES DÉPARTEMENTALES EN FAVEUR DE L'ÉCONOMIE "
     "SOCIALE ET SOLIDAIRE 2023"),
    ("Absents :\nModalités et conditions de remboursement des frais de déplacement des\nagents territoriaux et des élus\n"
     "Monsieur EL KANDOUSSI rapporte :", "Modalités et conditions de remboursement des frais de déplacement des agents "
     "territoriaux et des élus"),
    # a word cut at the line end is rejoined, a real compound keeps its hyphen
    ("Objet : Actions rete-\nnues du contrat de ville\nVu", "Actions retenues du contrat de ville"),
    ("Objet : Aménagement de la rue du Pas-de-\nCalais\nVu", "Aménagement de la rue du Pas-de-Calais"),
])
def test_header_title(head: str, expected: str) -> None:
    assert find_title(head) == expected


@pytest.mark.parametrize("text, expected", [
    ("REUNION DU 20 MARS 2023\nPRESIDENCE DE MONSIEUR JEAN-CLAUDE LEROY", D(2023, 3, 20)),
    ("Séance du 10 mai 2022\nDate de convocation : 04/05/2022\nL'an deux mille vingt-deux, le dix mai", D(2022, 5, 10)),
    ("Séance du jeudi 7 avril 2022 à 18h00\nDate de convocation : 01/04/2022", D(2022, 4, 7)),
    ("PROCES VERBAL\nL'an deux mille vingt et un, le 28 octobre à 18 h 00, les conseillers", D(2021, 10, 28)),
    ("Séance publique\ndu jeudi 28 octobre 2021\nà 18h00", D(2021, 10, 28)),
    ("Convoqué le 17 avril 2014, le Conseil Municipal de la Ville de Montpellier s'est réuni en\nmairie, Salle du "
     "Conseil Municipal, le jeudi 24 avril 2014 à 18h00", D(2014, 4, 24)),
    ("COMPTE RENDU DU CONSEIL MUNICIPAL DU\nMARDI 12 MARS 2019 à 20H30\nDate de la convocation du conseil municipal : "
     "21/01/2019", D(2019, 3, 12)),
    # the heading's weekday is wrong (16/07/2020 was a Thursday): the opening in words wins
    ("COMPTE RENDU DU CONSEIL MUNICIPAL DU\nVENDREDI 16 JUILLET 2020 A 18h00\nDate de la convocation du conseil "
     "municipal : 3 juillet 2020\nL’an deux mille vingt, le 10 juillet, le Conseil Municipal", D(2020, 7, 10)),
    # the opening's year is a typo (before the convocation): the heading wins
    ("COMPTE RENDU DU CONSEIL MUNICIPAL DU\nMARDI 31 MARS 2016 A 18H30\nDate de la convocation du conseil municipal : "
     "23/03/2016\nL'an deux mille quinze, le 31 mars, le Conseil Municipal", D(2016, 3, 31)),
    ("Date de convocation : 04/05/2022\nFait à Cognac, le 11/05/2022", None),
    ("Objet : approbation du procès-verbal de la séance du 8 octobre 2018", None),
    # the date on a line of its own under the meeting's title; the approval of an earlier
    # meeting's minutes names another date
    ("Compte-rendu de la séance\nDu Conseil Communautaire\n25 septembre 2025 à 19h30\nOrdre du jour :\n"
     "- Approbation du compte-rendu de la séance du Conseil\nCommunautaire du 26 juin 2025", D(2025, 9, 25)),
    ("PROCÈS-VERBAL\nCONSEIL MUNICIPAL\nJeudi 13 décembre 2018\n1. Adoption du procès-verbal de la séance du "
     "15 novembre 2018", D(2018, 12, 13)),
    ("Ordre du jour\n- Approbation du procès-verbal de la réunion du 3 mars 2022", None),
    ("Lecture du compte rendu de la séance du 8 juin 2015 : pas d'observations.", None),
    # the date labelled as the meeting's, or opening the minutes' sentence
    ("Date de la séance : 12/03/2024\nDate de convocation : 05/03/2024", D(2024, 3, 12)),
    ("Date du conseil : 12 mars 2024", D(2024, 3, 12)),
    ("Le 12 mars 2024 à 19 heures, le Conseil municipal de la commune, dûment convoqué", D(2024, 3, 12)),
    ("Le mardi 12 mars 2024, à 20h30, s'est réuni le Conseil communautaire", D(2024, 3, 12)),
    ("Le 3 avril 2024 à 18h00, l'assemblée délibérante s'est réunie", D(2024, 4, 3)),
    # a date opening another sentence is not the meeting's
    ("Le 12 mars 2024, le Maire a convoqué les conseillers.", None),
])
def test_header_session_date(text: str, expected: dt.date | None) -> None:
    assert find_session_date(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("PRESIDENCE DE MONSIEUR JEAN-CLAUDE LEROY\nSecrétaire : Mme Marie-Line PLOUVIEZ", "Jean-Claude LEROY"),
    ("PRESIDENCE DE MADAME VÉRONIQUE LE GALL\nSecrétaire", "Véronique LE GALL"),
    ("s'est réuni à la Mairie, en séance publique, sous la présidence de\nMme MONNIER Martine, Maire.", "Martine MONNIER"),
    ("Présidence : M. Julien GUÉRIN, Président\nÉtaient présents :", "Julien GUÉRIN"),
    ("sous la présidence de Monsieur le Maire, Philippe SAUREL.", "Philippe SAUREL"),
    ("Sous la Présidence de Monsieur Bertrand GAUTIER, Maire.", "Bertrand GAUTIER"),
    ("sous la présidence de Monsieur Paul LE BIHAN,\nMaire, assisté des adjoints.", "Paul LE BIHAN"),
    ("sous la\npresidence de Monsieur CHARRIER Jean-Paul, Maire.", "Jean-Paul CHARRIER"),
    ("sous la présidence de Christine\nFOROT, MAIRE.", "Christine FOROT"),
    ("Présidence de Monsieur Pierre-Jean ZANNETTACCI (Maire).", "Pierre-Jean ZANNETTACCI"),
    # a two-column layout put a margin label after "Monsieur" (Chéméré 2015): no name, rather
    # than "Procuration"
    ("sous la présidence de Monsieur\nProcuration : 2\tGeorges LECLEVE, Maire.", None),
    ("sous la présidence de Madame\nPouvoirs : 3\tAnne DURAND, Maire.", None),
    # the margin block cut the name after its first name (Chéméré archive, 2014): not guessed
    ("sous la présidence de Monsieur Georges\nProcuration : 1\tLECLEVE, Maire.", None),
])
def test_header_president(text: str, expected: str | None) -> None:
    assert find_person(text, PRESIDENT_RES) == expected


@pytest.mark.parametrize("text, expected", [
    ("Secrétaire : Mme Marie-Line PLOUVIEZ\nÉtaient présents: M. Jean-Claude LEROY", "Marie-Line PLOUVIEZ"),
    ("Secrétaire de séance : Mme MASSON Sylvie\nObjet : Budget", "Sylvie MASSON"),
    ("Secrétaire de séance : Mme Nathalie BARBIER\nObjet", "Nathalie BARBIER"),
    ("Secrétaire de séance: S.MEARY\nARARAHE", "S. MEARY"),
    ("Secrétaires de Séance : Bertrand DUBOIS ; Marc LEVEQUE\n", "Bertrand DUBOIS, Marc LEVEQUE"),
    ("Secrétaire de séance : Denis Vanhecke\n", "Denis Vanhecke"),
    ("M. PERRAUD est désigné(e) en tant que secrétaire de séance.", "PERRAUD"),
    ("à l'élection d'un secrétaire pris dans le sein du Conseil.\nMme Trefina KERRAIN, ayant obtenu la majorité des "
     "suffrages, a été désignée pour remplir ces\nfonctions", "Trefina KERRAIN"),
])
def test_header_secretary(text: str, expected: str) -> None:
    assert find_person(text, SECRETARY_RES) == expected


@pytest.mark.parametrize("text, prefecture, publication", [
    ("Envoi au contrôle de légalité le : 19 avril 2023\nPublication électronique le : 19 avril 2023",
     D(2023, 4, 19), D(2023, 4, 19)),
    ("Acte rendu exécutoire après dépôt en Préfecture le 14/05/2022 et publication le 15/05/2022",
     D(2022, 5, 14), D(2022, 5, 15)),
    ("Transmis au contrôle de légalité le 14/04/2022\nPublié sur le site internet de la Communauté le 14/04/2022",
     D(2022, 4, 14), D(2022, 4, 14)),
    ("Séance publique du\tActe Envoi Certifié Préfecture exécutoire :\t28/04/2014\njeudi 24 avril 2014\tRéception en "
     "Préfecture : 28/04/2014\nPubliée le : 25/04/2014", D(2014, 4, 28), D(2014, 4, 25)),
    ("Envoi Préfecture : 28/04/2014\nAffiché le 30/04/2014", D(2014, 4, 28), D(2014, 4, 30)),
    # the label and its date in two cells (Chéméré 2015), or written by us with "Date de publication"
    ("A été élu secrétaire de séance : M. Jacques CHEVALIER\nDate d’affichage\t3 avril 2015", None, D(2015, 4, 3)),
    ("Date de publication\t12/06/2024", None, D(2024, 6, 12)),
    # a prefecture's stamp on a scan is not the sending date
    ("PRÉFECTURE DE LA CHARENTE\nARRIVÉE LE\n14/05/2022\nRÉPUBLIQUE FRANÇAISE", None, None),
    ("PRÉFECTURE DU PAS-DE-CALAIS|| Communauté\nREÇU LE\n14/04/2022", None, None),
    ("un recours dans un délai de deux mois à compter de sa publication.", None, None),
])
def test_header_prefecture_and_publication(text: str, prefecture: dt.date | None,
                                           publication: dt.date | None) -> None:
    assert (find_prefecture_date(text), find_publication_date(text)) == (prefecture, publication)


@pytest.mark.parametrize("text, expected", [
    ("Nombre de conseillers en exercice : 29 / Présents : 22 / Votants : 25", (29, 22, 25)),
    ("Délégués en exercice : 34 - Présents : 27 - Pouvoirs : 3 - Votants : 30", (34, 27, 30)),
    ("Nombre de Conseillers en exercice : 15- Présents 14 - Votants 14-Le quorum étant atteint", (15, 14, 14)),
    ("Nombre de conseillers :\nEn exercice : 15\nPrésents : 13\nVotants : 15", (15, 13, 15)),
    ("Nombre de conseillers en exercice :\t29\nNombre de conseillers présents :\t21\nNombre de conseillers votants :\t28",
     (29, 21, 28)),
    ("Conseillers Municipaux en exercice : 23\n(15 présents ; 6 pouvoirs)", (23, 15, None)),
    ("Nombre de conseillers \nen exercice : \n\n_____________", (None, None, None)),
    # counts that change along the meeting are no single count
    ("Questions 1 à 10 :\n32 présents\n1 procuration\t33 votants\nQuestions 11 à 17 :\n31 présents\n2 procurations\t33 votants",
     (None, None, 33)),
    ("Présents : Mme MONNIER Martine, Mme ROUSSEAU Florence", (None, None, None)),
    # a count followed by a comma, the next label on the same line
    ("Nombre de conseillers : en exercice : 19, présents : 15, votants : 17", (19, 15, 17)),
    # the count before its label, "en exercice" included
    ("19 conseillers en exercice, 15 présents, 17 votants", (19, 15, 17)),
    ("23 conseillers municipaux en exercice - 20 présents - 22 votants", (23, 20, 22)),
    # labels and figures in a row without separators: each figure is its label's
    ("En exercice 19 Présents 15 Votants 17", (19, 15, 17)),
    ("EN EXERCICE : 27 PRÉSENTS : 21 VOTANTS : 25", (27, 21, 25)),
    # counts that contradict each other are none (more present than in office)
    ("Conseillers en exercice : 29\n32 présents\n1 procuration\n33 votants", (29, None, None)),
])
def test_header_counts(text: str, expected: tuple[int | None, ...]) -> None:
    assert find_counts(text) == expected


@pytest.mark.parametrize("head, expected", [
    ("CONSEIL RÉGIONAL DU GRAND EST\nExtrait des délibérations de la Commission permanente du 04/05/2023\n"
     "Référence : CP-2023-0673\nObjet : Reconquête", "CP-2023-0673"),
    ("RÉGION HAUTS-DE-FRANCE\nSéance du 20 juin 2024\nDélibération n° 24.SP.0576\nObjet : Soutien", "24.SP.0576"),
    ("ID : 035-200015014-20230713-DB_2023_035-DE\nDÉLIBÉRATION DU BUREAU N° DB-2023-035\nSéance du jeudi", "DB-2023-035"),
    ("Bureau communautaire du 2 mai 2024 — Délibération B2024-046\nObjet : Marché", "B2024-046"),
    ("EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL DE LA MÉTROPOLE\nSéance du lundi 3 avril 2023\nN° M-2023-134\n"
     "Le Conseil de la Métropole, convoqué", "M-2023-134"),
    ("COMMUNE DE VILLEBOIS\nRéf. : 2024/031\nObjet : Tarifs", "2024/031"),
    ("Délibération n° D.2024.14 : Tarifs de la cantine\nLe Conseil", "D.2024.14"),
    # letters between the parts, a letter prefix cut by a slash, a "bis"
    ("RÉGION BRETAGNE\nDÉLIBÉRATION N° 24_DFE_SBUD_03\nLe Conseil régional", "24_DFE_SBUD_03"),
    ("VILLE DE X\nN° 2024-DCM-045\nObjet : Tarifs", "2024-DCM-045"),
    ("Délibération n° 2023-DEL-125\nObjet : Budget", "2023-DEL-125"),
    ("Délibération n° AP/2024/015\nObjet : Autorisation de programme", "AP/2024/015"),
    ("DELIBERATION N° D2024-14bis\nObjet : Tarifs (rectificatif)", "D2024-14bis"),
    # the "bis" apart, no "n°" after "Délibération", the act labelled "Acte n°"
    ("N°2024_DEL_015 bis\nObjet : Tarifs", "2024_DEL_015 bis"),
    ("DÉLIBÉRATION 2024/015\nObjet : Tarifs", "2024/015"),
    ("Délibération DEL-2024-15\nObjet : Tarifs", "DEL-2024-15"),
    ("Acte n° 24.015\nObjet : Convention", "24.015"),
])
def test_header_act_number_schemes(head: str, expected: str) -> None:
    assert find_act_number(head) == expected


@pytest.mark.parametrize("head", [
    "Délibération du 12/03/2024 portant approbation du budget",   # a date after the word
    "Délibération 12/03/2024 du conseil",
    "Délibération prise le 12/03/2024",
])
def test_header_act_number_no_date_for_a_number(head: str) -> None:
    assert find_act_number(head) is None


@pytest.mark.parametrize("texts, running, body, expected", [
    (["CONSEIL RÉGIONAL DU GRAND EST\nExtrait des délibérations"], [], "commission_permanente", "Région Grand Est"),
    (["RÉGION HAUTS-DE-FRANCE\nConseil régional – Délibération"], [], "conseil_regional", "Région Hauts-de-France"),
    (["Le Conseil régional des Pays de la Loire,"], [], "conseil_regional", "Région Pays de la Loire"),
    (["CONSEIL RÉGIONAL D'ÎLE-DE-FRANCE\n"], [], "conseil_regional", "Région Île-de-France"),
    (["MÉTROPOLE ROUEN NORMANDIE\nEXTRAIT DU REGISTRE"], [], "conseil_communautaire", "Métropole Rouen Normandie"),
    (["Métropole Nice Côte d'Azur\n"], [], "conseil_communautaire", "Métropole Nice Côte d'Azur"),
    (["Bordeaux Métropole\nExtrait"], [], "conseil_communautaire", "Bordeaux Métropole"),
    (["DÉLIBÉRATION DU BUREAU N° DB-2023-035"],
     ["Recueil des actes du Bureau n° 2023-07 – Communauté de communes du Val d'Ille-Aubigné\tpage 3/5"], "bureau",
     "Communauté de communes du Val d'Ille-Aubigné"),
    (["Département du Pas-de-Calais - Commission permanente\n"], [], "commission_permanente",
     "Département du Pas-de-Calais"),
    (["Communauté de communes du Pays de Landerneau-Daoulas\n"], [], "bureau",
     "Communauté de communes du Pays de Landerneau-Daoulas"),
    # a région named in a sentence of the body, after a département's letterhead
    (["DÉPARTEMENT DU GERS\nLa Région Occitanie a décidé"], [], "commission_permanente", "Département du Gers"),
])
def test_header_authority_of_every_kind(texts: list[str], running: list[str], body: str, expected: str) -> None:
    assert find_authority(texts, body, "", running=running) == expected


@pytest.mark.parametrize("text, expected", [
    ("EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL DE LA MÉTROPOLE", "conseil_communautaire"),
    ("Le Conseil métropolitain, après en avoir délibéré,", "conseil_communautaire"),
    ("RÉGION HAUTS-DE-FRANCE\nConseil régional – Délibération de l'assemblée plénière", "conseil_regional"),
])
def test_header_body_of_metropoles_and_regions(text: str, expected: str) -> None:
    assert find_body(text) == expected


@pytest.mark.parametrize("text, prefecture, publication", [
    ("Acte certifié exécutoire – Réception par le représentant de l'État : 07/04/2023 – Publication : 07/04/2023",
     D(2023, 4, 7), D(2023, 4, 7)),
    ("Date de réception en préfecture : 23/06/2024 – Date de mise en ligne : 25/06/2024", D(2024, 6, 23),
     D(2024, 6, 25)),
    ("Transmis en préfecture le 31 janvier 2023 — Publié le 31 janvier 2023", D(2023, 1, 31), D(2023, 1, 31)),
    ("Envoyé en préfecture le 07/05/2024\nReçu en préfecture le 07/05/2024\nMis en ligne le 08/05/2024",
     D(2024, 5, 7), D(2024, 5, 8)),
    ("Accusé de réception préfecture : 12/03/2021\nAffiché le 13/03/2021", D(2021, 3, 12), D(2021, 3, 13)),
])
def test_header_prefecture_and_publication_stamps(text: str, prefecture: dt.date, publication: dt.date) -> None:
    assert (find_prefecture_date(text), find_publication_date(text)) == (prefecture, publication)


@pytest.mark.parametrize("text, expected", [
    ("Pour extrait conforme,\nLe Président de la Communauté de communes,\nNicolas LEBLANC", "Nicolas LEBLANC"),
    ("Délibéré en séance les jour, mois et an susdits.\nLa Présidente,\nSandrine DELATTRE", "Sandrine DELATTRE"),
    ("Le maire,\tLe secrétaire de séance\nDaniel JUGY\tJulien PONS", "Daniel JUGY"),
    ("La secrétaire de séance,\tLe Maire,\nSandrine CARPENTIER\tVéronique HOCHART", "Véronique HOCHART"),
    ("Signé électroniquement par : Patrick LE GALL\nQualité : Président du Conseil régional", "Patrick LE GALL"),
    ("Fait à Arras, le 26/01/2023\nLa Présidente de la Communauté urbaine,\nCorinne AUGER", "Corinne AUGER"),
    # a signature by delegation, or another president, is not the session's president
    ("Pour le Président et par délégation,\nLe Vice-Président,\nJean DUPONT", None),
    ("Pour le Maire empêché,\nL'adjoint délégué,\nJean DUPONT", None),
    ("Le Président du bureau de vote,\nJean DUPONT", None),
])
def test_header_president_as_signatory(text: str, expected: str | None) -> None:
    assert find_signatory(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Etaient présents :\nTitulaires :\nMme Agnès BACHELART, M. Laurent BARGADA, M. Renaud\nSUPERBI, Mme Sylvie "
     "VALENTE-LE HIR (27)\nAbsent(s) ayant donné procuration à :\nM. Jean-Marie BOUCHEZ donne procuration à M. Yves "
     "LOUBES (7)", (None, 27, None)),
    ("Présents : M. Nicolas LEBLANC (Landerneau), Mme Françoise DEWAELE (Daoulas).", (None, None, None)),
    ("Présents (12) : M. DUPONT, Mme MARTIN", (None, 12, None)),
    ("Nombre de conseillers en exercice : 15\nPrésents : 11\nQui ont pris part à la délibération : 13", (15, 11, 13)),
    ("Membres en exercice : 34 – présents : 27 – ayant pris part au vote : 30", (34, 27, 30)),
])
def test_header_counts_closing_a_list(text: str, expected: tuple) -> None:
    assert find_counts(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("- Désignation d’un secrétaire de séance (article L.2121-15 du CGCT applicable en vertu de\nl’article L. 5211-1 "
     "du CGCT) : Mme Anne-Marie DEFRANCE a été désignée.", "Anne-Marie DEFRANCE"),
    ("Désignation du secrétaire de séance : M. Paul RENARD est désigné.", "Paul RENARD"),
    ("A été élue secrétaire de séance : Mme Régine CORMIER.", "Régine CORMIER"),
    ("Est désigné secrétaire de séance : M. Paul RENARD", "Paul RENARD"),
])
def test_header_secretary_designated(text: str, expected: str) -> None:
    assert find_person(text, SECRETARY_RES) == expected


@pytest.mark.parametrize("text, expected", [
    ("Conseil Communautaire\nSéance du 10 avril 2025 à 19h00\nCOMPTE RENDU", "conseil_communautaire"),
    ("L’an deux mille vingt-cinq, le dix avril, les membres du Conseil Communautaire de la Communauté de Communes "
     "des Lisières, légalement convoqués, se sont réunis", "conseil_communautaire"),
    # the session's title with its weekday
    ("Conseil municipal du vendredi 24 juillet 2015 à 18h00\nCompte rendu", "conseil_municipal"),
    ("Bureau communautaire du mardi 3 mars 2020", "bureau"),
])
def test_header_body_of_a_letterhead_or_a_meeting(text: str, expected: str) -> None:
    assert find_body(text) == expected


@pytest.mark.parametrize("text, names, expected", [
    # a scribble over the name on a scan: the one member of the attendance with the surname
    ("La Présidente,\nes andrine Rs DELATTRE", "Présents : Mme DELATTRE Sandrine, M. BAILLY Pierre-Yves",
     "Sandrine DELATTRE"),
    ("Le Président de la Communauté de communes,\nA\tLEBLANC", "Présents : M. Nicolas LEBLANC (Landerneau)",
     "Nicolas LEBLANC"),
    # two members share the surname: nobody
    ("Le Président,\nsn LEBLANC", "Présents : M. Nicolas LEBLANC, Mme Anne LEBLANC", None),
])
def test_header_signatory_read_through_a_scribble(text: str, names: str, expected: str | None) -> None:
    assert find_signatory(text, names) == expected


@pytest.mark.parametrize("title, repaired", [
    ("Fonds de concours aux communes — Équipements sportifs — Programme 2023",
     "Fonds de concours aux communes – Équipements sportifs – Programme 2023"),
    ("Ligne de bus —- Approbation de l'avant-projet", "Ligne de bus – Approbation de l'avant-projet"),
    ("Tarifs de location à compter du ler janvier 2025", "Tarifs de location à compter du 1er janvier 2025"),
    ("ENSEIGNEMENT -— Convention transport", "ENSEIGNEMENT – Convention transport"),
    ("Création de poste - Adjoint", "Création de poste - Adjoint"),  # a hyphen stays what it is
    # a hyphen read "=" (Aiglun 2015, scan); an equation keeps its sign
    ("PERSONNEL COMMUNAL = Remplacement d'un agent", "PERSONNEL COMMUNAL - Remplacement d'un agent"),
    ("Tarif = 5 € par repas", "Tarif = 5 € par repas"),
])
def test_header_ocr_title_repair(title: str, repaired: str) -> None:
    assert repair_ocr_title(title) == repaired


@pytest.mark.parametrize("head, full, title", [
    ("9. SPORTS LOISIRS - Extension du pôle multiactivités Raymond Moutet - Plan de financement\nLa délibération D10 "
     "du conseil municipal du 14 décembre 2012 concernait", [True, True],
     "SPORTS LOISIRS - Extension du pôle multiactivités Raymond Moutet - Plan de financement"),
    ("1. COMPTABILITE – Crédits budget principal 2013 - Décision modificative n°01\nCette décision modificative "
     "n°01 concerne l’intégration", [True, True], "COMPTABILITE – Crédits budget principal 2013 - Décision modificative n°01"),
    # an open end goes on, whatever the next line opens with
    ("2. Convention entre la commune et\nLe Département du Gers pour l'entretien\nMonsieur le Maire expose", [True, False],
     "Convention entre la commune et Le Département du Gers pour l'entretien"),
])
def test_header_title_stops_at_the_sentence_below(head: str, full: list[bool], title: str) -> None:
    heading = find_item_heading(head, "", full)
    assert heading is not None and heading.title == title


@pytest.mark.parametrize("head, title", [
    ("Point n°1 : Création d'un poste d'adjoint administratif à temps non complet\nMadame la Maire expose",
     "Création d'un poste d'adjoint administratif à temps non complet"),
    ("Point 3 – Décision modificative n°3 – Budget principal 2022\nVu le Code", "Décision modificative n°3 – Budget principal 2022"),
    ("Question n° 4 : Admission en non-valeur\nMadame la Maire présente", "Admission en non-valeur"),
])
def test_header_labelled_item_heading(head: str, title: str) -> None:
    heading = find_item_heading(head)
    assert heading is not None and (heading.number, heading.title) == (None, title)


@pytest.mark.parametrize("head, title", [
    ("ID : 029-200046159-20240502-B2024_047-DE\nBureau communautaire du 2 mai 2024 — Délibération B2024-047\n"
     "Tarifs 2024-2025 du centre aquatique\nMembres en exercice : 10 – Présents : 8", "Tarifs 2024-2025 du centre aquatique"),
    ("DÉLIBÉRATION DU BUREAU N° DB-2023-037\nSéance du jeudi 27 juillet 2023\nTarifs 2023-2024 de l'école de musique\n"
     "Présents : Mme DELATTRE Sandrine", "Tarifs 2023-2024 de l'école de musique"),
    # the council's opening sentence under the number is no title
    ("N° M-2023-134\nLe Conseil de la Métropole, convoqué le 29/03/2023, s'est réuni", None),
])
def test_header_title_under_an_act_heading(head: str, title: str | None) -> None:
    assert find_title(head) == title


def test_header_actes_identifier() -> None:
    text = "Accusé de réception – Ministère de l’intérieur\n034-213401722-20140424-0000071251-DE\nSéance"
    assert find_actes_id(text) == ("034-213401722-20140424-0000071251-DE", "213401722")
    assert find_actes_id("062-123456789-20230419-2023-122-DE") == (None, None)  # SIREN fails its check digit
    assert siren_valid("213401722") and not siren_valid("213401723")


# ---------------------------------------------------------------------------
# Whole acts built from text
# ---------------------------------------------------------------------------


def _doc(text: str) -> Document:
    pages, pos = [], 0
    for i, chunk in enumerate(text.split("\f"), 1):
        pages.append(Page(i, 595.0, 842.0, TextSource.TEXT_LAYER, pos, pos + len(chunk)))
        pos += len(chunk) + 1
    return Document("d", "x.pdf", text, tuple(pages))


def _act(doc: Document, start: int, end: int, preamble_end: int | None = None) -> Act:
    sections = []
    if preamble_end:
        sections.append(Section(SectionKind.HEADER, Span(0, preamble_end), doc, shared=True))
    sections.append(Section(SectionKind.HEADER, Span(start, end), doc))
    return Act(doc, 0, "a", Span(start, end), tuple(sections))


B_TEXT = """RÉPUBLIQUE FRANÇAISE
DÉPARTEMENT DE LA CHARENTE
COMMUNE DE COGNAC
EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL
Séance du 10 mai 2022
Nombre de conseillers en exercice : 29 / Présents : 22 / Votants : 25
Date de convocation : 04/05/2022
Délibération n° DEL-2022-112
L'an deux mille vingt-deux, le dix mai à vingt heures, le Conseil Municipal de la Commune de
Cognac, légalement convoqué, s'est réuni à la Mairie, en séance publique, sous la présidence de
Mme MONNIER Martine, Maire.
Secrétaire de séance : Mme MASSON Sylvie
Objet : Budget principal 2022 - Décision modificative n°3
Vu le Code Général des Collectivités Territoriales ;
Le Conseil Municipal, après en avoir délibéré, à l'unanimité,
DÉCIDE :
Article 1er : D'adopter la décision modificative n°3.
Fait et délibéré les jour, mois et an susdits.
À Cognac, le 11/05/2022
Acte rendu exécutoire après dépôt en Préfecture le 14/05/2022 et publication le 15/05/2022
Commune de Cognac - Délibération n° DEL-2022-112\t1/1"""


def test_header_extract_whole_commune_act() -> None:
    doc = _doc(B_TEXT)
    values = extract_header(_act(doc, 0, len(B_TEXT)))
    assert values == {
        "body": "conseil_municipal", "authority": "Commune de Cognac", "act_number": "DEL-2022-112",
        "title": "Budget principal 2022 - Décision modificative n°3", "session_date": D(2022, 5, 10),
        "president": "Martine MONNIER", "secretary": "Sylvie MASSON", "members_in_office": 29,
        "members_present": 22, "members_voting": 25, "prefecture_date": D(2022, 5, 14),
        "publication_date": D(2022, 5, 15), "actes_id": None, "authority_siren": None,
    }


MINUTES = """PROCES-VERBAL DU CONSEIL MUNICIPAL
Séance du jeudi 13 décembre 2018
L'an deux mil dix-huit, le treize décembre, le Conseil Municipal
De la Commune de FARGUES SAINT-HILAIRE, dûment convoqué,
Sous la Présidence de Monsieur Bertrand GAUTIER, Maire.
Conseillers Municipaux en exercice : 23
Secrétaires de Séance : Bertrand DUBOIS ; Marc LEVEQUE
Délibération D2018-66
Objet : approbation du procès-verbal de la séance du 8 octobre 2018
Le Conseil Municipal,
Vu le procès-verbal du 8 octobre 2018,
Après en avoir délibéré,
APPROUVE le procès-verbal de la séance du 8 octobre 2018.
Délibération D2018-67
Objet : fixation des droits de place
Après en avoir délibéré, le conseil municipal adopte."""


def test_header_minutes_item_takes_the_session_facts_of_the_preamble() -> None:
    doc = _doc(MINUTES)
    start = MINUTES.index("Délibération D2018-66")
    end = MINUTES.index("Délibération D2018-67")
    values = extract_header(_act(doc, start, end, preamble_end=start))
    assert values["act_number"] == "D2018-66"
    assert values["title"] == "approbation du procès-verbal de la séance du 8 octobre 2018"
    assert values["session_date"] == D(2018, 12, 13)  # not the approved minutes' date
    assert values["president"] == "Bertrand GAUTIER"
    assert values["secretary"] == "Bertrand DUBOIS, Marc LEVEQUE"
    assert values["authority"] == "Commune de FARGUES SAINT-HILAIRE"
    assert values["body"] == "conseil_municipal"
    assert values["members_in_office"] == 23


# ---------------------------------------------------------------------------
# Dev corpus against its gold, and real documents read by hand
# ---------------------------------------------------------------------------

FIELDS = ("authority", "body", "act_number", "session_date", "title", "president", "secretary",
          "prefecture_date", "publication_date", "members_in_office", "members_present", "members_voting")


@lru_cache(maxsize=None)
def _load(path: str) -> Document:
    import dataclasses

    from pipeline.read.furniture import detect_furniture
    from pipeline.read.load import load_document

    doc = load_document(path)
    return dataclasses.replace(doc, furniture=detect_furniture(doc))


def _as_json(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value


DEV_NAMES = [p.name for p in dev_pdfs()]  # the learned templates (tests/conftest.DEV_LEARNED)


@pytest.mark.skipif(not DEV_NAMES, reason="dev corpus absent")
@pytest.mark.parametrize("name", DEV_NAMES)
def test_header_dev_corpus_matches_gold(name: str) -> None:
    from pipeline.segment import segment_document

    gold = json.loads((SHARED / "dev" / name.replace(".pdf", ".gold.json")).read_text())["tables"]["acts"]
    acts = segment_document(_load(str(SHARED / "dev" / name)))
    assert acts, "no act found"
    values = extract_header(acts[0])
    got = {k: _as_json(values.get(k)) for k in FIELDS}
    assert got == {k: gold[0][k] for k in FIELDS}


def _real(name: str) -> Path:
    path = SHARED / "real" / name
    if not path.is_file():
        pytest.skip(f"{name} absent")
    return path


def _item(doc: Document, heading: str, next_heading: str | None) -> Act:
    """The item of minutes starting at ``heading``, with the text before the first item as
    its shared preamble (independent of the segmentation stage)."""
    start = doc.text.index(heading)
    end = doc.text.index(next_heading, start) if next_heading else len(doc.text)
    first = min(doc.text.index(h) for h in ("Délibération D20", "2020-038", "1 - ", "DL-0") if h in doc.text)
    return _act(doc, start, end, preamble_end=first)


# What a careful reader sees on the page, per real act.
REAL_CASES = [
    # Preuilly-sur-Claise, p.1: "PROCES VERBAL DU CONSEIL MUNICIPAL / DE LA COMMUNE DE PREUILLY SUR
    # CLAISE / Séance du 23 Juillet 2020 / … sous la présidence de Monsieur CHARRIER Jean-Paul,
    # Maire / … Nombre de Conseillers en exercice : 15- Présents 14 - Votants 14 / Secrétaire de
    # séance : Mme BOTTEMINE Charlotte", then the item "2020-038 SUBVENTION EXCEPTIONNELLE POUR
    # L’Association Sportive Yzeures-Preuilly".
    ("commune-preuilly-sur-claise-2020-07-23-cm-pv.pdf", "2020-038 SUBVENTION", "2020-039 DESIGNATION", {
        "authority": "Commune de Preuilly-sur-Claise", "body": "conseil_municipal", "act_number": "2020-038",
        "title": "SUBVENTION EXCEPTIONNELLE POUR L’Association Sportive Yzeures-Preuilly",
        "session_date": "2020-07-23", "president": "Jean-Paul CHARRIER", "secretary": "Charlotte BOTTEMINE",
        "members_in_office": 15, "members_present": 14, "members_voting": 14,
        "prefecture_date": None, "publication_date": None}),
    # Preuilly, p.2: the heading wraps after "…D’EVALUATION DES" onto "CHARGES TRANSFÉRÉES DE LA
    # COMMUNAUTÉ de Communes de Loches Sud Touraine", then "Monsieur le Maire expose".
    ("commune-preuilly-sur-claise-2020-07-23-cm-pv.pdf", "2020-039 DESIGNATION", "2020-040", {
        "act_number": "2020-039",
        "title": "DESIGNATION DES MEMBRES DE LA COMMISSION LOCALE D’EVALUATION DES CHARGES TRANSFÉRÉES DE LA "
                 "COMMUNAUTÉ de Communes de Loches Sud Touraine"}),
    # Fargues-Saint-Hilaire, p.1-2: "Séance du jeudi 13 décembre 2018 / L'an deux mil dix-huit, le
    # treize décembre … De la Commune de FARGUES SAINT-HILAIRE … Sous la Présidence de Monsieur
    # Bertrand GAUTIER, Maire. / Conseillers Municipaux en exercice : 23 / … Secrétaires de Séance :
    # Bertrand DUBOIS ; Marc LEVEQUE / … (15 présents ; 6 pouvoirs)", item "Délibération D2018-67 /
    # Objet : Délibération portant sur le choix … faisant suite à / l’appel à projet …".
    ("commune-fargues-saint-hilaire-2018-12-13-cm-pv.pdf", "Délibération D2018-67", "Délibération D2018-68", {
        "authority": "Commune de FARGUES SAINT-HILAIRE", "body": "conseil_municipal", "act_number": "D2018-67",
        "title": "Délibération portant sur le choix de l’acquéreur de la parcelle AB 107 faisant suite à l’appel "
                 "à projet sous forme d’une vente interactive",
        "session_date": "2018-12-13", "president": "Bertrand GAUTIER",
        "secretary": "Bertrand DUBOIS, Marc LEVEQUE", "members_in_office": 23, "members_present": 15,
        "members_voting": None}),
    # L'Arbresle, p.1-3: "COMPTE RENDU DE LA SEANCE DU / CONSEIL MUNICIPAL / DU 9 JUILLET 2013 / L’an
    # deux mille treize le neuf juillet … Conseil Municipal de la Commune de L’Arbresle … Présidence
    # de Monsieur Pierre-Jean ZANNETTACCI (Maire)", counts 29 / 21 / 28, "M. PERRAUD est désigné(e)
    # en tant que secrétaire de séance", item "DL-058-07-13 - Tennis Club de L'Arbresle : …".
    ("commune-larbresle-2013-07-09-cm-cr.pdf", "DL-058-07-13", "DL-059-07-13", {
        "authority": "Commune de L'Arbresle", "body": "conseil_municipal", "act_number": "DL-058-07-13",
        "title": "Tennis Club de L'Arbresle : versement d'une subvention exceptionnelle",
        "session_date": "2013-07-09", "president": "Pierre-Jean ZANNETTACCI", "secretary": "PERRAUD",
        "members_in_office": 29, "members_present": 21, "members_voting": 28}),
    # Lannion, 8 June 2020: "Ville de LANNION (Côtes d'Armor)", "L'an deux mille vingt, le huit
    # juin … sous la présidence de Monsieur Paul LE BIHAN, Maire", "Mme Trefina KERRAIN … a été
    # désignée pour remplir ces fonctions"; counts change with the questions ("Questions 1 à
    # 10 : 32 présents", item 2 is in that range); items are numbered 1, 2, 3… (agenda
    # numbers, not deliberation numbers).
    ("commune-lannion-2020-06-08-cm-pv.pdf", "2 - Délégations du conseil municipal", "3 - DELEGATION", {
        "authority": "Ville de LANNION", "body": "conseil_municipal", "act_number": None,
        "title": "Délégations du conseil municipal au maire en vertu de l'article L2122-22 du code général des "
                 "collectivités territoriales",
        "session_date": "2020-06-08", "president": "Paul LE BIHAN", "secretary": "Trefina KERRAIN",
        "members_in_office": None, "members_present": 32}),
]


@pytest.mark.parametrize("name, heading, next_heading, expected", REAL_CASES)
def test_header_real_minutes(name: str, heading: str, next_heading: str, expected: dict[str, Any]) -> None:
    doc = _load(str(_real(name)))
    values = extract_header(_item(doc, heading, next_heading))
    assert {k: _as_json(values.get(k)) for k in expected} == expected


def test_header_real_montpellier_extract() -> None:
    """Montpellier 2014/139: two columns interleaved ("Extrait du registre des\tmairie, Salle …"),
    the @ctes receipt at the top right, "Publiée le : 25/04/2014" at the end."""
    doc = _load(str(_real("commune-montpellier-2014-04-24-cm-delib-2014-139.pdf")))
    values = extract_header(_act(doc, 0, len(doc.text)))
    assert {k: _as_json(v) for k, v in values.items()} == {
        "body": "conseil_municipal", "authority": "Ville de Montpellier", "act_number": "2014/139",
        "title": "Modalités et conditions de remboursement des frais de déplacement des agents territoriaux et "
                 "des élus",
        "session_date": "2014-04-24", "president": "Philippe SAUREL", "secretary": None,
        "members_in_office": None, "members_present": None, "members_voting": None,
        "prefecture_date": "2014-04-28", "publication_date": "2014-04-25",
        "actes_id": "034-213401722-20140424-0000071251-DE", "authority_siren": "213401722",
    }


def test_header_real_saint_restitut_scan() -> None:
    """Saint-Restitut, 12 March 2019 (scan): "Nombre de conseillers : En exercice : 15 / Présents :
    13 / Votants : 15", "L’an deux mille DIX NEUF, le 12 MARS, le Conseil Municipal de la commune
    de SAINT RESTITUT (Drôme) … sous la présidence de Monsieur ARMAND, Maire", "Secrétaire de
    séance: S.MEARY"; the minutes are signed "Le Maire : / Yves ARMAND"."""
    doc = _load(str(_real("commune-saint-restitut-2019-03-12-cm-cr-scan.pdf")))
    start = doc.text.index("CIMETIERE MODIFICATION")
    start = doc.text.rfind("\n", 0, start) + 1
    end = doc.text.index("CONVENTION D", start)
    first = doc.text.index("Monsieur Le maire remercie")
    values = extract_header(_act(doc, start, end, preamble_end=first))
    expected = {"authority": "Commune de Saint-Restitut", "body": "conseil_municipal",
                "session_date": "2019-03-12", "president": "Yves ARMAND", "secretary": "S. MEARY",
                "members_in_office": 15, "members_present": 13, "members_voting": 15,
                "title": "CIMETIERE MODIFICATION TARIFS COLUMBARIUM", "act_number": None}
    assert {k: _as_json(values.get(k)) for k in expected} == expected


_BY_SURNAME = """COMPTE RENDU DU CONSEIL MUNICIPAL DU MARDI 12 MARS 2019
L'an deux mille dix-neuf, le 12 mars, le Conseil Municipal de la commune de SAINT RESTITUT s'est réuni
sous la présidence de Monsieur ARMAND, Maire.
Etaient présents : C.FOROT - T.BUSIN
1. TARIFS DU COLUMBARIUM
Accord du conseil municipal à l'unanimité.
La séance est levée à 22H00.
"""


# the president named by surname alone in the opening sentence is named in full where the
# minutes are signed, in any layout of the signature; a signatory of another name is not him
@pytest.mark.parametrize("signature, expected", [
    ("Le Secrétaire de séance :\tLe Maire :\nS.MEARY\tYves ARMAND", "Yves ARMAND"),
    ("Le Maire,\nYves ARMAND", "Yves ARMAND"),
    ("Le Maire,\nJean-Yves ARMAND", "Jean-Yves ARMAND"),
    ("Le Maire,\nChristine FOROT", "ARMAND"),
    ("", "ARMAND"),
])
def test_header_president_by_surname_named_in_full_by_the_signature(signature: str, expected: str) -> None:
    text = _BY_SURNAME + signature
    doc = _doc(text)
    start = text.index("1. TARIFS")
    values = extract_header(_act(doc, start, text.index("La séance"), preamble_end=start))
    assert values["president"] == expected


@pytest.mark.parametrize("text, expected", [
    # a first name cut at a line end, a margin block read between: unsure, no president
    ("sous la présidence de Monsieur Jean-\nVotants : 15\tPaul LERAY, Maire.", None),
    ("sous la présidence de Monsieur Jean-Paul LERAY, Maire.", "Jean-Paul LERAY"),
])
def test_header_president_cut_at_a_line_end_is_not_guessed(text: str, expected: str | None) -> None:
    assert find_person(text, PRESIDENT_RES) == expected


_BY_RANGE = ("Questions 1 à 10 :\n32 présents\n1 procuration\t33 votants\n0 absent\n\fQuestions 11 à 17 :\n"
             "Départ de Monsieur Eric ROBERT (procuration à Bernadette CORVISIER)\n31 présents\n2 procurations\t33 votants\n"
             "0 absent\nQuestions 18 à la fin :\nRetour de Monsieur Eric ROBERT\n32 présents\n1 procuration\t33 votants")


@pytest.mark.parametrize("text, rank, expected", [
    # counts per range of questions in minutes (Lannion 2020), the range starting a page
    (_BY_RANGE, 4, (None, 32, 33)), (_BY_RANGE, 11, (None, 31, 33)), (_BY_RANGE, 25, (None, 32, 33)),
    # no rank known: several different counts are none of them
    (_BY_RANGE, None, (None, None, 33)),
    # written by us: "Points n° a à b", a count after its label, one item alone
    ("En exercice : 19\nPoints n° 1 à 5 :\nPrésents : 15\nVotants : 17\nPoint 6 :\nPrésents : 14\nVotants : 16",
     6, (19, 14, 16)),
    ("En exercice : 19\nPoints n° 1 à 5 :\nPrésents : 15\nVotants : 17\nPoint 6 :\nPrésents : 14\nVotants : 16",
     2, (19, 15, 17)),
    # a rank in no range: none
    ("Points 1 à 5 :\nPrésents : 15\nPoints 6 à 8 :\nPrésents : 14", 9, (None, None, None)),
])
def test_header_counts_per_range_of_items(text: str, rank: int | None, expected: tuple) -> None:
    assert find_counts(text, rank) == expected


@pytest.mark.parametrize("text, expected", [
    # the number after a label is the next count's own when a count label follows it
    ("32 présents\n1 procuration\n33 votants", (None, 32, 33)),
    ("Présents :\n22\nVotants :\n25", (None, 22, 25)),
])
def test_header_counts_number_of_the_next_label(text: str, expected: tuple) -> None:
    assert find_counts(text) == expected


@pytest.mark.parametrize("text, rank", [
    ("Nombre de conseillers en exercice : 29 / Présents : 22 / Votants : 25", None),
    (_BY_RANGE, 11),
    ("Etaient présents : Mme Agnès BACHELART, M. Laurent BARGADA, M. Renaud SUPERBI, Mme Sylvie VALENTE (27)", None),
])
def test_header_counts_say_where_they_are_printed(text: str, rank: int | None) -> None:
    from extractors.header.counts import placed_counts

    values, spans = placed_counts(text, rank)
    printed = dict(zip(("members_in_office", "members_present", "members_voting"), values))
    assert spans and set(spans) == {c for c, v in printed.items() if v is not None}
    for col, (s, e) in spans.items():
        assert text[s:e] == str(printed[col])
    if rank == 11:  # the range's own counts, not the first range's
        assert text[spans["members_present"][0]:].startswith("31 présents")


@pytest.mark.parametrize("text, expected", [
    # the margin block of a two-column opening read first on each line (Chéméré 2015, archive 2014)
    ("Votants : 19\tordinaire, à la Mairie, sous la présidence de Monsieur\nProcuration : 2\tGeorges LECLEVE, Maire.",
     "Georges LECLEVE"),
    ("sous la présidence de Monsieur Georges\nProcuration : 1\tLECLEVE, Maire.\nPrésents:", "Georges LECLEVE"),
    # written by us: other labels of the block
    ("réuni sous la présidence de Madame\nEn exercice : 15\tAnne DURAND, Maire.", "Anne DURAND"),
    ("sous la présidence de Monsieur\nConvocation :\tPierre MARTIN, Maire", "Pierre MARTIN"),
])
def test_header_president_beside_a_margin_block(text: str, expected: str) -> None:
    from extractors.header.text import without_margin_cells

    assert find_person(without_margin_cells(text), PRESIDENT_RES) == expected


@pytest.mark.parametrize("text, expected", [
    # Roannais 2021, item 1: the bureau's deliberations it reports, then the council takes note
    ("Le bureau communautaire, après en avoir délibéré à l’unanimité :\n- approuve la cession ;\n"
     "Le Conseil communautaire :\n- prend acte du compte-rendu des pouvoirs délégués",
     {"bureau", "conseil_communautaire"}),
    ("Le Conseil Municipal,\nVu le code général des collectivités territoriales,", {"conseil_municipal"}),
    ("Le Conseil municipal :\n- DECIDE de fixer les tarifs", {"conseil_municipal"}),
    ("Le Président décide :\n- d’accorder une convention de chasse", set()),
])
def test_header_every_body_that_deliberates_in_a_text(text: str, expected: set[str]) -> None:
    from extractors.header.authority import deliberating_bodies

    assert deliberating_bodies(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("La convocation de tous les conseillers a été faite le 22 octobre 2021, dans les formes et délais prescrits "
     "par la loi,\npar Yves Nicolin, Président.", "Yves Nicolin"),                     # Roannais 2021
    ("le conseil municipal, dûment convoqué par Monsieur Jean DUPONT, Maire, s'est réuni", "Jean DUPONT"),
    ("Les conseillers ont été convoqués le 3 mars 2022 par Monsieur le Président, Paul MARTIN.", "Paul MARTIN"),
    ("Convocation adressée le 2 mai par Mme Claire DURAND, Présidente", "Claire DURAND"),
    # not the executive: no president
    ("La convocation a été adressée par Mme Claire DURAND, Directrice générale des services.", None),
    ("Date de convocation : 12 mars 2021. Présents : M. Paul MARTIN, Maire", None),
])
def test_header_the_convener_named_with_the_office_presides(text: str, expected: str | None) -> None:
    from extractors.header.persons import CONVENER_RES, find_person

    assert find_person(text, CONVENER_RES) == expected


@pytest.mark.parametrize("text, expected", [
    # syndicates, by their letterhead: spelled out or by acronym, in mixed case or capitals
    ("Syndicat intercommunal des eaux de la Vallée du Loir\nComité syndical",
     "Syndicat intercommunal des eaux de la Vallée du Loir"),
    ("Syndicat départemental d'énergie du Finistère\n", "Syndicat départemental d'énergie du Finistère"),
    ("SIVOM de la région de Chevreuse\n", "SIVOM de la région de Chevreuse"),
    ("SMICTOM du Centre Ouest\n", "SMICTOM du Centre Ouest"),
    ("SIAEP DE LA RÉGION DE GIEN\n", "SIAEP de la Région de Gien"),
    ("SYNDICAT MIXTE DU BASSIN DE LA SÈVRE NANTAISE\n", "Syndicat Mixte du Bassin de la Sèvre Nantaise"),
    # a brand in lower case; an article, a sentence are no letterhead
    ("Brest métropole\nConseil de la métropole", "Brest métropole"),
    ("La métropole\n", None),
    ("Le syndicat des eaux a augmenté ses tarifs.\n", None),
])
def test_header_authority_of_other_kinds(text: str, expected: str | None) -> None:
    assert find_authority([text], find_body(text), "") == expected


@pytest.mark.parametrize("text, expected", [
    ("COMMUNE DE SAINT RESTITUT\n", "Commune de Saint-Restitut"),              # Saint-Restitut scans
    ("COMMUNE DE PREUILLY SUR CLAISE\n", "Commune de Preuilly-sur-Claise"),    # Preuilly 2020
    ("COMMUNE DE SAINT JEAN DE LUZ\n", "Commune de Saint-Jean-de-Luz"),
    ("COMMUNE DE LE PORTEL\n", "Commune de Le Portel"),                        # the leading article apart
    ("COMMUNE DES SABLES D'OLONNE\n", "Commune des Sables-d'Olonne"),
    # printed in mixed case: as printed
    ("Commune de Preuilly sur Claise\n", "Commune de Preuilly sur Claise"),
])
def test_header_a_commune_printed_in_capitals_takes_the_hyphens_of_its_official_name(text: str, expected: str) -> None:
    assert find_authority([text], "conseil_municipal", "") == expected


@pytest.mark.parametrize("text, expected", [
    # a compound first name cut at its hyphen by a line end (Chéméré 2008, margin block removed)
    ("en session ordinaire, à la Mairie, sous la présidence de Monsieur Jean-\nPaul LERAY, Maire.", "Jean-Paul LERAY"),
    ("sous la présidence de Mme Marie-\nClaire DUPONT, Maire", "Marie-Claire DUPONT"),
    ("sous la présidence de Monsieur Jean-\nVotants : 15", None),  # what follows is no name
])
def test_header_president_whose_first_name_wraps_at_its_hyphen(text: str, expected: str | None) -> None:
    from extractors.header.persons import PRESIDENT_RES, find_person

    assert find_person(text, PRESIDENT_RES) == expected


@pytest.mark.parametrize("text, expected", [
    ("M. PERRAUD est désigné(e) en tant que secrétaire de séance.", "Jean-Claude PERRAUD"),   # L'Arbresle 2013
    ("Secrétaire de séance : M. GRUMEL", "René GRUMEL"),
    ("Secrétaire de séance : Mme MARTIN", None),      # no MARTIN in the list: abstain
    ("Secrétaire de séance : M. GAUTHIER", None),     # two GAUTHIER in the list: abstain
])
def test_header_secretary_named_by_surname_is_the_member_of_the_list(text: str, expected: str | None) -> None:
    from extractors.header.persons import SECRETARY_RES, find_by_surname

    names = ("Etaient présents : Pierre-Jean ZANNETTACCI, Jean-Claude GAUTHIER, René GRUMEL, Jean-Claude PERRAUD, "
             "Paul GAUTHIER")
    assert find_by_surname(text, SECRETARY_RES, names) == expected


@pytest.mark.parametrize("authority, name", [
    ("Région Grand Est", "Grand Est"),
    ("Département du Pas-de-Calais", "Pas-de-Calais"),
    ("Communauté de communes du Pays de Landerneau-Daoulas", "Pays de Landerneau-Daoulas"),
    ("Communauté d'agglomération du Grand Cognac", "Grand Cognac"),
    ("Commune de L'Arbresle", "Arbresle"),  # the article is printed or not: "MAIRIE DE L'ARBRESLE", "Arbresle"
    ("Ville de Lannion", "Lannion"),
    ("Syndicat mixte du bassin de la Sèvre", "bassin de la Sèvre"),
    ("Roannais Agglomération", "Roannais Agglomération"),  # no style before the name
])
def test_header_authority_name_without_its_style(authority: str, name: str) -> None:
    from pipeline.normalize.organisations import authority_name

    assert authority_name(authority) == name


@pytest.mark.parametrize("text, body", [
    ("Le Conseil de Communauté, convoqué le 19/01/2023", "conseil_communautaire"),
    ("Extrait du registre des délibérations du conseil métropolitain", "conseil_communautaire"),
    ("La Commission permanente du Conseil départemental", "commission_permanente"),
    ("Le Bureau syndical, après en avoir délibéré", "bureau"),
    ("les conseillers municipaux présents", "conseil_municipal"),
    ("Le Conseil général du Calvados", "conseil_departemental"),
    ("Le préfet de la région", None),
])
def test_header_bodies_vocabulary(text: str, body: str | None) -> None:
    from pipeline.normalize.bodies import body_in

    assert body_in(text) == body


@pytest.mark.parametrize("cover, council, expected", [
    ("COMMUNAUTÉ DE COMMUNES DU PAYS D'EXEMPLE", "Le Conseil communautaire", "Communauté de communes du Pays d'Exemple"),
    ("Ville de Saint-Exemple", "Le Conseil municipal", "Ville de Saint-Exemple"),
    ("DÉPARTEMENT DE L'EXEMPLE", "La Commission permanente", "Département de l'Exemple"),
])
def test_header_authority_of_a_recueil_from_its_cover(tmp_path: Path, cover: str, council: str, expected: str) -> None:
    """A recueil whose acts print no letterhead: the authority is the one its cover names."""
    from pipeline.runner.process import process_document
    from tests.pdfgen import text_pdf

    head = "Recueil des actes administratifs n° 3 – Mars 2025"

    def act(n: int, title: str) -> list[str]:
        return [head, f"DÉLIBÉRATION N° 2025-0{n}", f"Objet : {title}", "Séance du 12 mars 2025",
                f"{council}, régulièrement convoqué, s'est réuni sous la présidence de M. Jean DUPONT.",
                "Présents : Jean DUPONT, Marie MARTIN, Paul PETIT", "Vu le code général des collectivités territoriales,",
                f"{council}, après en avoir délibéré,", f"DÉCIDE : d'approuver {title.lower()}.", "Adopté à l'unanimité.",
                f"Page {n + 1}"]

    cover_page = [head, cover, "SOMMAIRE", "Délibération n° 2025-01 – Tarifs de la piscine ........ 2",
                  "Délibération n° 2025-02 – Convention avec l'office de tourisme ........ 3", "Page 1"]
    pdf = text_pdf(tmp_path / "recueil.pdf", [cover_page, act(1, "Tarifs de la piscine"),
                                              act(2, "Convention avec l'office de tourisme")], size=9)
    acts = process_document(pdf).rows("acts")
    assert [(a.act_number, a.authority) for a in acts] == [("2025-01", expected), ("2025-02", expected)]


_CHAIR_LIST = "Etaient présents : M. Sylvain GOUPIL, Mme Claire DURAND, M. Franck SUPERBI, M. Jean ROUX\n"


# The president may not chair the vote of his own accounts (CGCT L.2121-14): the council
# chooses a president of the session for those items (Lisières 2025-03-13), in any wording,
# until the president takes the chair again.
@pytest.mark.parametrize("chosen, expected", [
    ("M. GOUPIL est déclaré élu en qualité de Président de séance pour l'examen des Comptes.", "Sylvain GOUPIL"),
    ("Mme Claire DURAND est désignée présidente de séance.", "Claire DURAND"),
    ("Madame DURAND a été élue présidente de séance.", "Claire DURAND"),
    ("La présidence de séance est confiée à M. Jean ROUX.", "Jean ROUX"),
    # the list names him at a line end, before the next line's first word (Lisières 2025-03-13:
    # "- Monsieur Sylvain GOUPIL" / "Le vote à main levée …"): still one GOUPIL
    ("Candidature : - Monsieur Sylvain GOUPIL\nLe vote à main levée donne : UNANIMITE.\n"
     "M. GOUPIL est déclaré élu en qualité de Président de séance.", "Sylvain GOUPIL"),
    ("M. Jean ROUX, doyen d'âge, prend la présidence.", "Jean ROUX"),
    # proposed, not chosen: the president still chairs
    ("Monsieur le Président propose de désigner un Président de séance.", None),
])
def test_header_session_chair_for_the_items_voted_without_the_president(chosen: str, expected: str | None) -> None:
    from extractors.header.persons import session_chair

    text = _CHAIR_LIST + chosen + "\nDEL2025-02 : Compte administratif\nM. SUPERBI reprend la présidence de séance.\n" \
        "DEL2025-03 : Tarifs"
    found = session_chair(text, text.index("DEL2025-02"), _CHAIR_LIST + chosen)
    assert (found[0] if found else None) == expected
    assert session_chair(text, text.index("DEL2025-03"), _CHAIR_LIST) is None
    if found and found[1]:
        start, end = found[1]
        assert text[start:end].endswith(expected)  # where the value is printed as it is
