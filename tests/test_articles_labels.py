"""Articles of the decision (probing, segment round): a label alone on its line before a
sentence whose subject is the executive, labels spelt in words or with "n°", and a document
the decision reproduces after its articles."""

from __future__ import annotations

import pytest

from extractors.articles import AFTER_ARTICLES_RE, find_articles, single_paragraph
from extractors.textlines import TextLine, join_lines


def _lines(*texts: str) -> list[TextLine]:
    out, pos = [], 0
    for t in texts:
        out.append(TextLine(pos, pos + len(t), t, 1, False))
        pos += len(t) + 1
    return out


def _read(*texts: str) -> list[tuple[int, str]]:
    return [(a.number, join_lines(a.lines)) for a in find_articles(_lines(*texts))]


@pytest.mark.parametrize("texts, expected", [
    # probes a06/a30/a31: the label alone, the executive the subject of the next line
    (["ARTICLE 1", "Les tarifs figurant en annexe sont approuvés.", "ARTICLE 2",
      "Le Maire est autorisé à signer tout document.", "ARTICLE 3", "Les crédits sont inscrits au budget."],
     [(1, "Les tarifs figurant en annexe sont approuvés."), (2, "Le Maire est autorisé à signer tout document."),
      (3, "Les crédits sont inscrits au budget.")]),
    # probe s02: article 1 opens so
    (["Article 1", "Le Maire est autorisé à signer tout document.", "Article 2",
      "Les tarifs figurant en annexe sont approuvés."],
     [(1, "Le Maire est autorisé à signer tout document."), (2, "Les tarifs figurant en annexe sont approuvés.")]),
    # probes q02/q03/s05: "Article 2 :" and "Article 2 -" alone; lower case
    (["Article 1 :", "les tarifs figurant en annexe sont approuvés ;", "Article 2 -",
      "le Maire est autorisé à signer tout document."],
     [(1, "les tarifs figurant en annexe sont approuvés ;"), (2, "le Maire est autorisé à signer tout document.")]),
    # other executives, other verbs
    (["Article 1 :", "D'attribuer une subvention de 500 €.", "Article 2 :",
      "La Présidente est autorisée à signer la convention.", "Article 3 :",
      "Le Président est chargé de l'exécution de la présente délibération."],
     [(1, "D'attribuer une subvention de 500 €."), (2, "La Présidente est autorisée à signer la convention."),
      (3, "Le Président est chargé de l'exécution de la présente délibération.")]),
    (["ARTICLE 1", "Le Maire, ou son représentant, signe la convention.", "ARTICLE 2", "Les crédits sont inscrits."],
     [(1, "Le Maire, ou son représentant, signe la convention."), (2, "Les crédits sont inscrits.")]),
    # the signature still ends the last article
    (["ARTICLE 1", "Les tarifs sont approuvés.", "Le Maire,", "Gérard VALLIN"], [(1, "Les tarifs sont approuvés.")]),
    (["Article 1 : D'approuver le projet.", "Le Maire de Lannion", "Paul LE BIHAN"], [(1, "D'approuver le projet.")]),
    (["Article 1 : D'approuver le projet.", "La Présidente du Conseil départemental,", "Marie-Pierre MOUTON"],
     [(1, "D'approuver le projet.")]),
    (["Article 1 : D'approuver le projet.", "LE PRÉSIDENT,", "Laurent WAUQUIEZ"], [(1, "D'approuver le projet.")]),
])
def test_articles_label_alone_then_the_executive_as_subject(texts: list[str], expected: list[tuple[int, str]]) -> None:
    assert _read(*texts) == expected


@pytest.mark.parametrize("line, ends", [
    ("Le Maire,", True), ("Le Maire", True), ("Le Maire, Gérard VALLIN", True), ("Le Maire Gérard VALLIN", True),
    ("Le Président, Laurent WAUQUIEZ", True), ("La Présidente du Conseil départemental,", True),
    ("Le Maire de Saint-Jean-de-Moirans,", True), ("LA PRÉSIDENTE DU CONSEIL DÉPARTEMENTAL", True),
    ("Le Maire est autorisé à signer tout document.", False), ("le Maire est chargé de l'exécution", False),
    ("La Présidente du Département est autorisée à signer.", False), ("Le Maire de la commune est chargé.", False),
    ("Le Maire, ou son représentant, signe la convention.", False),
])
def test_articles_signature_title_is_no_sentence(line: str, ends: bool) -> None:
    assert bool(AFTER_ARTICLES_RE.match(line)) is ends


@pytest.mark.parametrize("texts, expected", [
    # probes a02/a33: cardinal and ordinal words
    (["Article premier : D'approuver les tarifs figurant en annexe.", "Article deux : D'autoriser le Maire à signer."],
     [(1, "D'approuver les tarifs figurant en annexe."), (2, "D'autoriser le Maire à signer.")]),
    (["Article premier : D'approuver les tarifs.", "Article deuxième : D'autoriser le Maire à signer.",
      "Article troisième : De dire que les crédits sont inscrits."],
     [(1, "D'approuver les tarifs."), (2, "D'autoriser le Maire à signer."),
      (3, "De dire que les crédits sont inscrits.")]),
    (["ARTICLE PREMIER -", "Les tarifs sont approuvés.", "ARTICLE DEUXIÈME -", "Le Maire est autorisé à signer.",
      "ARTICLE TROISIÈME -", "Les crédits sont inscrits.", "ARTICLE QUATRIÈME -",
      "Ampliation sera adressée au Préfet."],
     [(1, "Les tarifs sont approuvés."), (2, "Le Maire est autorisé à signer."), (3, "Les crédits sont inscrits."),
      (4, "Ampliation sera adressée au Préfet.")]),
    (["Article un : D'approuver.", "Article deux : D'autoriser.", "Article trois : De dire.",
      "Article quatre : De charger.", "Article cinq : De notifier."],
     [(1, "D'approuver."), (2, "D'autoriser."), (3, "De dire."), (4, "De charger."), (5, "De notifier.")]),
    # probe a21: "n°"
    (["Article n° 1 : D'approuver les tarifs.", "Article n° 2 : D'autoriser le Maire à signer."],
     [(1, "D'approuver les tarifs."), (2, "D'autoriser le Maire à signer.")]),
    (["Article N°1 - D'approuver.", "Article N°2 - D'autoriser."], [(1, "D'approuver."), (2, "D'autoriser.")]),
    # words that are no label stay text
    (["Article premier : D'approuver le règlement.", "Article deux du règlement : sans objet."],
     [(1, "D'approuver le règlement. Article deux du règlement : sans objet.")]),
    (["Article 1 : D'approuver.", "Article quatr : x"], [(1, "D'approuver. Article quatr : x")]),
])
def test_articles_numbers_in_words_and_numero(texts: list[str], expected: list[tuple[int, str]]) -> None:
    assert _read(*texts) == expected


@pytest.mark.parametrize("label, number", [
    ("Article cinquième :", 5), ("Article neuvième :", 9), ("Article onzième :", 11),
    ("Article dix-septième :", 17),
    ("Article vingt et unième :", 21), ("Article vingt-deux :", 22),
])
def test_articles_ordinals_read(label: str, number: int) -> None:
    lines = [f"Article {k} : texte {k}." for k in range(1, number)] + [f"{label} dernier."]
    assert [a.number for a in find_articles(_lines(*lines))][-1] == number


@pytest.mark.parametrize("texts, expected", [
    # probe a27: a convention reproduced after "Article unique"
    (["Article unique : D'approuver la convention ci-après reproduite.", "CONVENTION",
      "Article 1 – Objet : mise à disposition de la salle polyvalente.", "Article 2 – Durée : un an."],
     [(1, "D'approuver la convention ci-après reproduite.")]),
    # no heading: a label after "Article unique" is the reproduced document's
    (["ARTICLE UNIQUE", "Le règlement ci-dessous est adopté :", "Article 1er - Objet", "Article 2 - Accès"],
     [(1, "Le règlement ci-dessous est adopté :")]),
    # a heading naming another document ends the articles
    (["Article 1 : D'approuver la convention.", "Article 2 : D'autoriser le Maire à la signer.",
      "CONVENTION DE MISE À DISPOSITION DE LOCAUX", "Article 3 : Conditions financières"],
     [(1, "D'approuver la convention."), (2, "D'autoriser le Maire à la signer.")]),
    (["Article 1 : D'adopter le règlement intérieur suivant :", "RÈGLEMENT INTÉRIEUR DU CONSEIL MUNICIPAL",
      "Article 2 : Les séances sont publiques."], [(1, "D'adopter le règlement intérieur suivant :")]),
    (["Article 1 : D'approuver les statuts.", "STATUTS DU SYNDICAT", "Article 2 : Le syndicat a pour objet…"],
     [(1, "D'approuver les statuts.")]),
    (["Article 1 : D'approuver le cahier des charges.", "CAHIER DES CHARGES", "Article 2 : Objet du marché"],
     [(1, "D'approuver le cahier des charges.")]),
    (["Article 1 : D'approuver les tarifs.", "ANNEXE 1 : GRILLE TARIFAIRE", "Article 2 : Tarif réduit"],
     [(1, "D'approuver les tarifs.")]),
    # a document named inside an article's text is not a heading
    (["Article 1 : D'approuver la", "Convention de partenariat avec la Chambre d'agriculture.",
      "Article 2 : D'autoriser le Maire à signer."],
     [(1, "D'approuver la Convention de partenariat avec la Chambre d'agriculture."),
      (2, "D'autoriser le Maire à signer.")]),
    (["ARTICLE 1 : D'APPROUVER LA", "CONVENTION DE PARTENARIAT AVEC L'ASSOCIATION ;",
      "ARTICLE 2 : D'AUTORISER LE MAIRE."],
     [(1, "D'APPROUVER LA CONVENTION DE PARTENARIAT AVEC L'ASSOCIATION ;"), (2, "D'AUTORISER LE MAIRE.")]),
])
def test_articles_end_at_a_reproduced_document(texts: list[str], expected: list[tuple[int, str]]) -> None:
    assert _read(*texts) == expected


def test_articles_single_paragraph_before_a_reproduced_document() -> None:
    one = single_paragraph(_lines("DÉCIDE :", "d'approuver la convention ci-après reproduite.", "CONVENTION",
                                  "Entre la commune et l'association."))
    assert one is not None and join_lines(one.lines) == "d'approuver la convention ci-après reproduite."


def test_a_wrapped_line_opening_on_apres_deliberation_is_no_deliberating_formula() -> None:
    """Review: "… l'adhésion de la commune," / "après délibération concordante des communes
    membres." wraps article 1; the articles after it are the decision's."""
    from extractors.articles import decision_articles
    lines = _lines("Article 1 : D'approuver l'adhésion de la commune au syndicat,",
                   "après délibération concordante des communes membres.",
                   "Article 2 : D'autoriser le Maire à signer la convention.",
                   "Article 3 : Les crédits sont inscrits au budget.")
    assert [a.number for a in decision_articles(lines)] == [1, 2, 3]


def test_a_decision_adopting_the_proposal_above_keeps_its_articles() -> None:
    """Review: "adopte les propositions ci-dessus" takes the proposal's articles as its own;
    "de modifier les articles 1 et 8 tels sus-mentionnés" quotes another act's."""
    from extractors.articles import decision_articles
    proposal = ["Monsieur le Maire propose :", "Article 1 : Les tarifs sont fixés à 2 €.",
                "Article 2 : Ils s'appliquent au 1er janvier."]
    adopted = _lines(*proposal, "Après en avoir délibéré, le Conseil municipal adopte les propositions ci-dessus.")
    assert [a.number for a in decision_articles(adopted)] == [1, 2]
    quoted = _lines(*proposal, "Le Conseil municipal, après en avoir délibéré, décide de modifier les articles 1 et 2 "
                               "tels sus-mentionnés.")
    assert decision_articles(quoted) is None


def test_an_article_whose_subject_is_the_executive_wrapped_is_no_signature() -> None:
    """Review: "ARTICLE 2" / "Le Maire de la commune est autorisé à signer" / "la convention…":
    the sentence wraps after its verb; article 3 follows."""
    got = _read("ARTICLE 1", "Les tarifs sont approuvés.", "ARTICLE 2", "Le Maire de la commune est autorisé à signer",
                "la convention et tout document.", "ARTICLE 3", "Les crédits sont inscrits au budget.")
    assert [n for n, _ in got] == [1, 2, 3] and "autorisé à signer" in got[1][1]
