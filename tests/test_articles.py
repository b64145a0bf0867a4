"""Articles of the decision: every label of issue 4 built in the test, tables and page
furniture cut out, annexes ignored; the dev corpus against its gold files; real documents."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from extractors.articles import articles, find_articles, single_paragraph
from extractors.registry import Found
from extractors.textlines import TextLine, join_lines, repair_ocr
from pipeline.errors import IssueLog
from pipeline.model import SectionKind, Span
from tests.conftest import DEV, REAL, load_gold, dev_pdfs
from tests.test_attendance import make_act


def _lines(*texts: str, full: bool = False, page_of: dict[int, int] | None = None) -> list[TextLine]:
    out, pos = [], 0
    for k, t in enumerate(texts):
        out.append(TextLine(pos, pos + len(t), t, (page_of or {}).get(k, 1), full))
        pos += len(t) + 1
    return out


def _read(lines: list[TextLine]) -> list[tuple[int, str]]:
    return [(a.number, join_lines(a.lines)) for a in find_articles(lines)]


@pytest.mark.parametrize("texts, expected", [
    # label alone on its line, text below
    (["Article 1:", "D'attribuer une participation de 57 000 €.", "Article 2:", "D'autoriser le Président à signer."],
     [(1, "D'attribuer une participation de 57 000 €."), (2, "D'autoriser le Président à signer.")]),
    # "Article 1er :" with the text on the same line
    (["Article 1er : D'adopter la décision modificative n°3.", "Article 2 : Précise que la décision est votée."],
     [(1, "D'adopter la décision modificative n°3."), (2, "Précise que la décision est votée.")]),
    # capitals and dashes
    (["ARTICLE 1 - D'attribuer une subvention de 29 000 €.", "ARTICLE 2 – Dit que les crédits sont inscrits."],
     [(1, "D'attribuer une subvention de 29 000 €."), (2, "Dit que les crédits sont inscrits.")]),
    (["ARTICLE PREMIER : Le tarif est fixé à 5 €.", "Art. 2 – Le Maire est chargé de l'exécution."],
     [(1, "Le tarif est fixé à 5 €."), (2, "Le Maire est chargé de l'exécution.")]),
    # the vote and the signature end the last article
    (["Article 1 : D'approuver le projet.", "Dans les conditions de vote ci-dessous :", "Pour : 41 voix"],
     [(1, "D'approuver le projet.")]),
    (["ARTICLE 1 - D'autoriser le Président à signer les conventions et", "toute pièce afférente.",
      "Adopté à la majorité : 25 pour, 3 contre, 2 abstentions"],
     [(1, "D'autoriser le Président à signer les conventions et toute pièce afférente.")]),
    (["Article 1 : D'approuver le projet.", "Fait et délibéré les jour, mois et an susdits."],
     [(1, "D'approuver le projet.")]),
    (["Article 1 : D'approuver le projet.", "Fait à Boulogne-sur-Mer, le 07/04/2022", "Pour extrait conforme,"],
     [(1, "D'approuver le projet.")]),
    # minutes: a speaker's remark after the last article is not its text (Lannion)
    (["Article 1 :", "Le conseil municipal sera tenu informé des emprunts.",
      "Monsieur le Maire précise que cette délibération fait suite à la crise financière de 2008."],
     [(1, "Le conseil municipal sera tenu informé des emprunts.")]),
    # a label out of sequence is text ("Article 3" quoted before any article 1)
    (["Article 3 : cité", "Article 1 : D'approuver."], [(1, "D'approuver.")]),
])
def test_articles_labels_and_ends(texts: list[str], expected: list[tuple[int, str]]) -> None:
    assert _read(_lines(*texts)) == expected


def test_articles_budget_table_is_not_text() -> None:
    """Seed, article 3: the table the article announces with "comme suit :" is cut."""
    lines = _lines("Article 1:", "D'attribuer 57 000 €.", "Article 2:", "D'autoriser.", "Article 3:",
                   "La dépense versée en application de l'article 1 de la présente délibération est imputée",
                   "sur le budget départemental comme suit :", "Imputation",
                   "Code Opération\tLibellé Opération\tCP€\tDépense €", "budgétaire",
                   "C01-020Q01\t6568/9365\tMission ESS - Autres participations\t209 285,00\t57 000,00")
    assert _read(lines)[2] == (3, "La dépense versée en application de l'article 1 de la présente délibération "
                                  "est imputée sur le budget départemental comme suit :")


def test_articles_justified_prose_with_tabs_is_text() -> None:
    """A justified line whose word gaps read as tabs is prose, not a table row (dev A)."""
    lines = _lines("Article 1 :", "D'attribuer 16 500 € à l'association « Association",
                   "Lire et Faire\tLire\t»\t(SIRET 335\t207\t734 00948)\tpour son\tprogramme",
                   "d'accompagnement des salariés en insertion pour l'année 2022.")
    assert _read(lines)[0][1].endswith("pour son programme d'accompagnement des salariés en insertion pour l'année 2022.")


def test_articles_running_head_missed_by_furniture_is_cut() -> None:
    """Dev C scanned: the header of page 2 sits between article 1 and article 2."""
    lines = _lines("ARTICLE 1 - D'attribuer une subvention de 29 000 € à l'association « Association",
                   "Terres d'Avenir » pour l'action « Accompagnement vers l'emploi des jeunes ».",
                   "Communauté d'agglomération du Boulonnais",
                   "ARTICLE 2 - D'attribuer une subvention de 33 500 €.", page_of={2: 2, 3: 2})
    assert _read(lines)[0][1].endswith("« Accompagnement vers l'emploi des jeunes ».")


@pytest.mark.parametrize("texts, expected", [
    # one paragraph after "DÉCIDE :" is article 1
    (["Le Conseil Municipal, après en avoir délibéré, à l'unanimité, DÉCIDE :",
      "d'approuver le compte administratif 2021 tel que présenté."],
     "d'approuver le compte administratif 2021 tel que présenté."),
    (["DÉCIDE : d'approuver le compte administratif 2021."], "d'approuver le compte administratif 2021."),
    # a dash list has no articles
    (["DÉCIDE :", "- APPROUVE le compte administratif ;", "- AUTORISE le Maire à signer."], None),
    (["DÉCIDE :", "- D'attribuer une subvention ;", "- D'autoriser le Maire."], None),
    # several decisions opened by verbs in capitals neither (Lannion)
    (["DÉCIDE", "D'APPROUVER la mise en place du programme d'écomobilité scolaire Moby",
      "D'AUTORISER Monsieur Le Maire à solliciter les fonds FEADER,"], None),
    # "-DECIDE de fixer les taux suivants :" + a list of rates (Saint-Restitut)
    (["-DECIDE de fixer les taux suivants pour 2016 :", "TAXE HABITATION ..........\t20.47 %"], None),
])
def test_articles_single_paragraph_decision(texts: list[str], expected: str | None) -> None:
    one = single_paragraph(_lines(*texts))
    assert (join_lines(one.lines) if one else None) == expected
    if one:
        assert one.number == 1


@pytest.mark.parametrize("raw, expected", [
    ("un montant global de 57 000 £ pour l'année 2023", "un montant global de 57 000 € pour l'année 2023"),
    ("(SIRET 335 207 734 (00948) pour son programme", "(SIRET 335 207 734 00948) pour son programme"),
    ("(voir l'annexe (page 2))", "(voir l'annexe (page 2))"),
])
def test_articles_ocr_repairs(raw: str, expected: str) -> None:
    assert repair_ocr(raw) == expected


def test_articles_of_an_annexed_convention_are_not_the_decisions() -> None:
    act = make_act((SectionKind.DECISION, "Après en avoir délibéré,\nDECIDE :", False),
                   (SectionKind.ARTICLES, "Article 1 :\nD'attribuer 28 000 €.", False),
                   (SectionKind.SIGNATURE, "Fait à Caen, le 16 mai 2022", False),
                   (SectionKind.ANNEX, "CONVENTION\nArticle 1 : Objet de la convention\nArticle 2 : Durée", False))
    rows = articles(act, Found(), IssueLog())
    assert [(r.number, r.text, r.page) for r in rows] == [(1, "D'attribuer 28 000 €.", 1)]


def test_articles_across_a_page_break_without_the_footer() -> None:
    footer = "Commune de Cognac - Délibération n° DEL-2022-112\t1/2"
    act = make_act((SectionKind.DECISION, "DÉCIDE :", False),
                   (SectionKind.ARTICLES, f"Article 1er : D'adopter la décision modificative n°3 du budget\n{footer}\n"
                                          "\fprincipal 2022.\nArticle 2 : Précise que la décision est votée.", False))
    start = act.doc.text.index(footer)
    doc = dataclasses.replace(act.doc, furniture=(Span(start, start + len(footer) + 1),))
    act = dataclasses.replace(act, doc=doc, sections=tuple(dataclasses.replace(s, doc=doc) for s in act.sections))
    rows = articles(act, Found(), IssueLog())
    assert [(r.number, r.text, r.page) for r in rows] == [
        (1, "D'adopter la décision modificative n°3 du budget principal 2022.", 1),
        (2, "Précise que la décision est votée.", 2)]


# ---------------------------------------------------------------------------
# Dev corpus, against the gold files
# ---------------------------------------------------------------------------


@pytest.mark.skipif(not DEV.exists(), reason="../shared/corpus/dev absent")
@pytest.mark.parametrize("pdf", dev_pdfs("born"), ids=lambda p: p.name)
def test_articles_dev_born_equal_gold(pdf: Path) -> None:
    from tests.conftest import processed

    result = processed(pdf)
    gold = load_gold(pdf)["tables"]["articles"]
    assert [(r.number, r.text, r.page) for r in result.rows("articles")] == \
        [(g["number"], g["text"], g["page"]) for g in gold]


@pytest.mark.parametrize("kind, floor", [("born_digital", 0.99), ("scanned", 0.92)])
def test_articles_dev_f1_and_precision(dev_scores: dict, kind: str, floor: float) -> None:
    total = dev_scores["scores"][kind]["articles"]["total"]
    assert total["f1"] >= floor, dev_scores["scores"][kind]["articles"]
    assert total["precision"] >= 0.98


# ---------------------------------------------------------------------------
# Real documents, read by eye
# ---------------------------------------------------------------------------


@pytest.mark.skipif(not REAL.exists(), reason="../shared/corpus/real absent")
@pytest.mark.parametrize("name, marker, expected", [
    # "Il est proposé au conseil municipal : Article 1 : …" in minutes; the Maire's remark is not article 4
    ("commune-lannion-2020-06-08-cm-pv.pdf", "Délégation donnée à l'exécutif de pouvoir recourir",
     {1: "Le conseil municipal donne délégation au maire pour contracter les produits nécessaires à la couverture du "
         "besoin de financement de la collectivité ou la sécurisation de son encours, conformément aux termes de "
         "l'article L.2122-22 du CGCT dans les conditions et limites ci-après définies.",
      4: "Le conseil municipal sera tenu informé des emprunts contractés dans le cadre de la délégation, dans les "
         "conditions prévues à l'article L. 2122-23 du C.G.C.T."}),
    # a decision as capitalised verbs, not one paragraph: no articles
    ("commune-lannion-2021-07-05-cm-pv.pdf", "programme d’écomobilité scolaire Moby", {}),
    # the conventions annexed to the minutes keep their own "Article 1 - Objet de la convention"
    ("commune-lannion-2020-06-08-cm-pv.pdf", "Article 1 - Objet de la convention", {}),
])
def test_real_articles(name: str, marker: str, expected: dict[int, str]) -> None:
    from tests.test_attendance import real_acts

    act = next(a for a in real_acts(name) if marker in a.text)
    rows = articles(act, Found(), IssueLog())
    got = {r.number: r.text for r in rows}
    assert sorted(got) == (list(range(1, max(expected) + 1)) if expected else [])
    for n, text in expected.items():
        assert got[n] == text


@pytest.mark.parametrize("texts, expected", [
    # a convention copied into minutes (Chéméré 2015: "Suite de quoi il est arrêté : Article 1er.
    # - Objet …"; the archive: "OBJET DE LA CONVENTION", "DUREE DE LA CONVENTION"): no articles
    (["Article 1er. - Objet", "Le groupement de commandes est constitué pour l'achat d'électricité.",
      "Article 2 - Composition du groupement", "Le groupement est ouvert aux personnes publiques.",
      "Article 3 - Durée de la convention", "Le groupement est constitué pour une durée illimitée."], []),
    (["ARTICLE 1 : OBJET DE LA CONVENTION La présente convention a pour objet la mise à disposition.",
      "ARTICLE 2 : DUREE DE LA CONVENTION La présente convention est conclue pour un an."], []),
    # one titled article is not a convention
    (["Article 1 : Objet : la commune accorde une subvention de 500 €.", "Article 2 : Le Maire est chargé de l'exécution."],
     [(1, "Objet : la commune accorde une subvention de 500 €."), (2, "Le Maire est chargé de l'exécution.")]),
])
def test_articles_of_a_convention_copied_into_the_item_are_not_the_decisions(texts: list[str], expected: list) -> None:  # type: ignore[type-arg]
    from extractors.articles import _convention_runs
    from schemas.rows import ArticleRow

    rows = [ArticleRow("a", "d", a.number, join_lines(a.lines), 1) for a in find_articles(_lines(*texts))]
    assert [(r.number, r.text) for r in _convention_runs(rows)] == expected


_REGIE = ["Monsieur le Maire, rapporteur, rappelle aux membres du Conseil municipal que par",
          "délibération du 4 novembre 1998, une régie de recettes avait été créée. Cette délibération",
          "doit être modifiée dans ses articles 1 et 8 comme suit :",
          "Article 1 : Il est institué auprès de la commune de CHEMERE, une régie de recettes pour",
          "les encaissements suivants :", "- photocopies,", "- spectacles (ajout)",
          "Article 8 : Les recouvrements des produits seront effectués en numéraire et par chèque."]


@pytest.mark.parametrize("decision", [
    # Chéméré 2011 DE-2011/108: the decision amends "les articles 1 et 8 tels sus-mentionnés" (the
    # word cut at the line end)
    ["Le Conseil municipal, après avoir entendu son rapporteur en son exposé et délibéré,",
     "décide à l’unanimité des membres présents de modifier les articles 1 et 8 tels sus-", "mentionnés."],
    ["Le Conseil municipal, après en avoir délibéré, approuve la nouvelle rédaction de l’article 1 ci-dessus."],
    ["Après délibération, le Conseil municipal adopte à l’unanimité les modifications susvisées."],
    ["Le Conseil municipal, après en avoir", "délibéré, décide d’approuver le règlement ainsi modifié."],
    # a convention copied into the item, then approved
    ["Le Conseil municipal, après avoir entendu son rapporteur en son exposé et délibéré, décide à l’unanimité",
     "des membres présents :", "- d’approuver la convention proposée ci-dessus,",
     "- d’autoriser Monsieur le Maire à la signer."],
])
def test_articles_quoted_before_the_decision_are_not_its_articles(decision: list[str]) -> None:
    """Articles printed before the deliberating formula, which refers back to them, are the text
    the decision adopts or amends (another act's articles), not the decision's."""
    from extractors.articles import decision_articles

    assert decision_articles(_lines(*_REGIE, *decision)) is None


@pytest.mark.parametrize("texts, expected", [
    # the proposal in articles, then the decision that takes them again: the second are the decision's
    (["Monsieur le Maire propose au Conseil :", "Article 1 : De fixer le montant de la redevance.",
      "Article 2 : Que ce montant soit revalorisé chaque année.",
      "Le Conseil municipal, après avoir entendu son rapporteur en son exposé et délibéré,",
      "décide à l’unanimité des membres présents :", "Article 1 : De fixer le montant de la redevance.",
      "Article 2 : Que ce montant soit revalorisé chaque année."],
     [(1, "De fixer le montant de la redevance."), (2, "Que ce montant soit revalorisé chaque année.")]),
    # the formula before the articles: the ordinary decision
    (["Le Conseil municipal, après en avoir délibéré, DÉCIDE :", "Article 1 : D'approuver les tarifs.",
      "Article 2 : De modifier l'article 3 du règlement ci-dessus."],
     [(1, "D'approuver les tarifs."), (2, "De modifier l'article 3 du règlement ci-dessus.")]),
    # a deliberation named inside an article is no formula of the assembly
    (["Article 1 : Le groupement est ouvert aux communes.",
      "Article 2 : Tout nouveau membre adhère après délibération de celui-ci, ci-dessus visée.",
      "Article 3 : La convention est conclue pour un an."],
     [(1, "Le groupement est ouvert aux communes."),
      (2, "Tout nouveau membre adhère après délibération de celui-ci, ci-dessus visée."),
      (3, "La convention est conclue pour un an.")]),
    # a formula after the articles that does not point back at them: the articles stay
    (["Article 1 : D'approuver les tarifs.", "Article 2 : De charger le Maire de l'exécution.",
      "Après en avoir délibéré, le Conseil municipal adopte à l'unanimité."],
     [(1, "D'approuver les tarifs."), (2, "De charger le Maire de l'exécution.")]),
])
def test_articles_read_after_the_deliberating_formula(texts: list[str], expected: list) -> None:  # type: ignore[type-arg]
    from extractors.articles import decision_articles

    found = decision_articles(_lines(*texts))
    assert found is not None and [(a.number, join_lines(a.lines)) for a in found] == expected


def test_articles_quoted_in_the_expose_give_no_row() -> None:
    act = make_act((SectionKind.HEADER, "DE-2011/108 – Régie de recettes : Modification des articles 1 et 8", False),
                   (SectionKind.ARTICLES, "\n".join(_REGIE[3:] + [
                       "Le Conseil municipal, après avoir entendu son rapporteur en son exposé et délibéré,",
                       "décide à l’unanimité des membres présents de modifier les articles 1 et 8 tels sus-",
                       "mentionnés."]), False))
    assert articles(act, Found(), IssueLog()) == []
