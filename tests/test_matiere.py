"""ACTES matière classification: titles (and decisions) written here → level-2 code."""

from __future__ import annotations

import pipeline  # noqa: F401  (imports the pipeline before the extractors package)
import pytest

from extractors.matiere import classify, lemmas
from extractors.matiere.vocabulary import VOCABULARY
from schemas.actes import LEVEL1, LEVEL2, matiere_name

TITLES = [
    ("Budget principal 2022 - Décision modificative n°3", "7.1"),
    ("Compte administratif 2021 du budget annexe de l'eau", "7.1"),
    ("Vote des taux d'imposition 2023", "7.2"),
    ("Garantie d'emprunt accordée à Habitat 62 pour 40 logements", "7.3"),
    ("Attribution de subventions aux associations culturelles", "7.5"),
    ("Fonds de concours à la commune de Saint-Restitut", "7.8"),
    ("Politique de la ville - Programmation 2022 du contrat de ville", "8.5"),
    ("SOUTIEN AUX STRUCTURES D'INSERTION PAR L'ACTIVITÉ ÉCONOMIQUE", "8.6"),
    ("Désignation des représentants au syndicat mixte du SCoT", "5.3"),
    ("Cession d'une parcelle de terrain cadastrée AB 12", "3.2"),
    ("Acquisition amiable des parcelles ZA 45 et ZA 46", "3.1"),
    ("Modification du tableau des effectifs", "4.1"),
    ("Mise en place du RIFSEEP", "4.5"),
    ("Indemnités de fonction des élus", "5.6"),
    ("Motion de soutien aux agriculteurs", "9.4"),
    ("Droit de préemption urbain - délégation au maire", "2.3"),
    ("Approbation de la modification simplifiée n°2 du PLU", "2.1"),
    ("Délégation de service public pour la fourrière automobile", "1.2"),
    ("Election du maire", "5.1"),
    ("Règlement intérieur du conseil municipal", "5.2"),
    # wordings of real minutes
    ("Syndicat d'Etudes et d'Elimination des Déchets du Roannais (SEEDR) : Election d'un nouveau "
     "représentant", "5.3"),
    ("Eau - Assainissement - Budget Annexe Assainissement - Constitution des provisions 2021", "7.1"),
    ("Décision modificative - Exercice 2021 – Budget annexe - Transport - DM1", "7.1"),
    ("Aire de basket 3x3 - Demande de subvention à l'Agence Nationale du Sport", "7.5"),
    ("LES TARDIVES - versement de subventions aux associations", "7.5"),
    ("Création de 5 postes d'adjoints Techniques Territoriaux 1ère Classe à temps complet", "4.1"),
    ("REDEVANCE POUR OCCUPATION DU DOMAINE PUBLIC PAR ORANGE", "3.5"),
    ("Approbation de la modification n°1 du Plan Local d'Urbanisme", "2.1"),
    ("Conditions du legs de la concession A33 au nouveau cimetière", "3.5"),
    # what the act does before the theme it serves (8.x): a contract, a post, a budget
    ("Assainissement - Travaux de construction de 4 chambres de vannes - Marché avec la société X", "1.1"),
    ("EMPLOIS SAISONNIERS – DETERMINATION DU NOMBRE DE POSTES", "4.2"),
    ("BUDGET EAU/ASSAINISSEMENT", "7.1"),
    ("Déclassement d'un délaissé de voirie rue de la Gare", "3.5"),
    ("Fixation des droits de place pour la vente de sapins de Noël", "3.5"),
    ("Fête de la musique - fixation des tarifs de la buvette", "7.10"),
    ("ADMISSION EN NON-VALEUR", "7.1"),  # a compound word is read as its words
    ("Election des membres de la commission d'appel d'offres", "5.3"),
]

# a single weak word is not enough: a market square is no public procurement
VAGUE = ["", "Questions diverses", "Communication du président", "Déplacement d'une partie du marché du jeudi",
         "Vente de sapins de Noël sur la place"]


@pytest.mark.parametrize("title,code", TITLES)
def test_title_gives_code(title: str, code: str) -> None:
    result = classify(title)
    assert result is not None and result.code == code
    assert result.name == matiere_name(code)
    assert 0 < result.confidence <= 1


def test_decision_decides_when_title_is_vague() -> None:
    title = "ACTEURS POUR UNE ÉCONOMIE SOLIDAIRE"
    decision = ("DÉCIDE : d'attribuer une subvention de fonctionnement de 15 000 € à l'association "
                "Acteurs pour une économie solidaire, au titre de l'année 2023.")
    assert classify(title, decision).code == "7.5"


@pytest.mark.parametrize("title", VAGUE)
def test_nothing_to_go_on_gives_none(title: str) -> None:
    assert classify(title) is None


def test_nomenclature_is_complete() -> None:
    assert len(LEVEL2) == 57 and len(LEVEL1) == 9
    assert set(VOCABULARY) <= set(LEVEL2)
    for code in LEVEL2:
        name = matiere_name(code)
        first, second = name.split("/")
        assert first in {v.lower() for v in LEVEL1.values()}
        assert not set(",()") & set(name) and second == second.lower()


def test_names_follow_scdl() -> None:
    assert matiere_name("7.5") == "finances locales/subventions"
    assert matiere_name("8.4") == "domaines de compétences par thèmes/aménagement du territoire"


def test_lemmas_drop_plural_accents_and_stop_words() -> None:
    assert lemmas("Attribution de subventions aux associations") == ["attribution", "subvention",
                                                                      "association"]
