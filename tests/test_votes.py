"""Vote statements: every wording of the issue, built in the test, and the dev corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.votes import (
    decided_without_vote, extract_votes, find_tallies, find_unanimity, not_voting_persons, positions_said, read_vote,
    read_vote_table, roll_call,
)
from extractors.registry import ActFields, Found
from pipeline.errors import IssueLog
from pipeline.model import SectionKind, Span
from schemas.rows import VoteRow
from tests.conftest import DEV, REAL, load_gold, dev_pdfs
from tests.test_attendance import make_act


@pytest.mark.parametrize("text, counts, groups, persons", [
    ("Dans les conditions de vote ci-dessous :\nPour : 41 voix (Groupe Socialiste, Républicain et Citoyen ; "
     "Groupe Communiste et Républicain ; Non-inscrit)\nContre : 0 voix\nAbstention: 1 voix (Groupe Union pour "
     "le Pas-de-Calais)",
     {"for": 41, "against": 0, "abstain": 1},
     {"for": ["Groupe Socialiste, Républicain et Citoyen", "Groupe Communiste et Républicain", "Non-inscrit"],
      "abstain": ["Groupe Union pour le Pas-de-Calais"]}, {}),
    # OCR: "O voix", ":" for ";" between groups
    ("Pour : 30 voix (Groupe Calvados Territoires : Non-inscrit) Contre : O voix",
     {"for": 30, "against": 0}, {"for": ["Groupe Calvados Territoires", "Non-inscrit"]}, {}),
    ("par 25 voix pour, 2 voix contre (M. Paul DURAND, Mme Anne PETIT) et 0 abstention",
     {"for": 25, "against": 2, "abstain": 0}, {}, {"against": ["Paul DURAND", "Anne PETIT"]}),
    ("Adopté à la majorité : 48 pour, 3 contre, 2 abstentions, 1 ne prend pas part au vote",
     {"for": 48, "against": 3, "abstain": 2, "not_voting": 1}, {}, {}),
    ("Adopté à la majorité : 25 pour, 3 contre, 2 abstentions\n(Contre : Mme Céline GAILLARD, Mme Corinne "
     "DECOCK, Mme Ghislaine SIMONET -\nAbstentions : Mme Anne-Sophie POTTIER, Mme Solène JOLY)",
     {"for": 25, "against": 3, "abstain": 2}, {},
     {"against": ["Céline GAILLARD", "Corinne DECOCK", "Ghislaine SIMONET"],
      "abstain": ["Anne-Sophie POTTIER", "Solène JOLY"]}),
    # a small table, on separate lines and tab-separated (Fargues)
    ("Après en avoir délibéré,\nPOUR\t19\nCONTRE\t1 (Jean Marie SALANON)\nABSTENTION 1 (Sébastien MAYOR)\n5",
     {"for": 19, "against": 1, "abstain": 1}, {}, {"against": ["Jean Marie SALANON"], "abstain": ["Sébastien MAYOR"]}),
    ("POUR 21\nCONTRE 0\nABSTENTION 0\nAPPROUVE le procès-verbal", {"for": 21, "against": 0, "abstain": 0}, {}, {}),
    # Saint-Restitut scans
    ("Vote : 1 ABSTENTION (C.BOURRETTE) — 11 POUR", {"abstain": 1, "for": 11}, {}, {"abstain": ["C. BOURRETTE"]}),
    ("le CA 2015 est approuvé par 2 voix CONTRE\n(M.DENISE — C.BOURRETTE) et 9 voix POUR.",
     {"against": 2, "for": 9}, {}, {"against": ["M. DENISE", "C. BOURRETTE"]}),
    # Preuilly
    ("Par 13 voix POUR\t1 ABSTENTION", {"for": 13, "abstain": 1}, {}, {}),
    ("Par : DEUX voix POUR - ONZE voix CONTRE et 1 ABSTENTION", {"for": 2, "against": 11, "abstain": 1}, {}, {}),
    # Roannais
    ("Le Conseil communautaire, après en avoir délibéré, avec 76 voix pour, 0 contre et 2 abstentions :",
     {"for": 76, "against": 0, "abstain": 2}, {}, {}),
])
def test_votes_tallies(text: str, counts: dict, groups: dict, persons: dict) -> None:
    tallies = find_tallies(text, False, [])
    assert tallies, text
    assert (tallies[0].counts, tallies[0].groups, tallies[0].persons) == (counts, groups, persons)


@pytest.mark.parametrize("text, counts, groups, persons", [
    # groups each with its count, then the position's total (G template, région)
    ("Le vote a donné les résultats suivants :\nPour : Groupe Grand Est Territoires (19), Groupe Grand Est en "
     "Commun (6), soit 25 voix\nContre : Groupe Rassemblement National (7), soit 7 voix\nAbstention : Groupe "
     "L'Alternative Écologique (4), soit 4 voix\nNe prend pas part au vote : 1 (Mme Claire GODEFROY)",
     {"for": 25, "against": 7, "abstain": 4, "not_voting": 1},
     {"for": ["Groupe Grand Est Territoires", "Groupe Grand Est en Commun"], "against": ["Groupe Rassemblement National"],
      "abstain": ["Groupe L'Alternative Écologique"]}, {"not_voting": ["Claire GODEFROY"]}),
    ("Pour : Groupe Socialiste (12) ; Non-inscrits (2) – total 14 voix\nContre : Groupe Union (5), soit 5 voix",
     {"for": 14, "against": 5}, {"for": ["Groupe Socialiste", "Non-inscrits"], "against": ["Groupe Union"]}, {}),
    # "mis aux voix, recueille …" (I template)
    ("Le projet de délibération, mis aux voix, recueille 3 voix pour, 4 voix contre et 1 abstention.",
     {"for": 3, "against": 4, "abstain": 1}, {}, {}),
    # informal lines, any order (J template, Couthenans)
    ("0 contre, 0 abstention, 13 pour", {"against": 0, "abstain": 0, "for": 13}, {}, {}),
    ("Vote : 14 pour / 0 contre / 0 abstention → adopté", {"for": 14, "against": 0, "abstain": 0}, {}, {}),
    ("Pour : 19 – Contre : 2 (TRANCHANT Céline, BAILLY B.) – Abstention : 1 (DECOCK Marc-Antoine)",
     {"for": 19, "against": 2, "abstain": 1}, {}, {"against": ["Céline TRANCHANT", "B. BAILLY"],
                                                    "abstain": ["Marc-Antoine DECOCK"]}),
    # names after a colon inside the parenthesis of a count
    ("Adopté à l'unanimité des suffrages exprimés (2 abstentions : M. Paul DURAND, Mme Anne PETIT).",
     {"abstain": 2}, {}, {"abstain": ["Paul DURAND", "Anne PETIT"]}),
    # a vote cast through a proxy, named as such (Aiglun 2013)
    ("POUR : 10 CONTRE : 0 ABSTENTION : 2 (monsieur Bernard Bruno et pouvoir de monsieur Julien PONS à monsieur "
     "Bernard BRUNO)", {"for": 10, "against": 0, "abstain": 2}, {}, {"abstain": ["Bernard Bruno", "Julien PONS"]}),
])
def test_votes_tallies_more_wordings(text: str, counts: dict, groups: dict, persons: dict) -> None:
    tallies = find_tallies(text, False, [])
    assert tallies, text
    assert (tallies[0].counts, tallies[0].groups, tallies[0].persons) == (counts, groups, persons)


@pytest.mark.parametrize("text, counts", [
    # a decision by a majority, its one tally after it (the archive's Chéméré)
    ("et délibéré, décide à la majorité des membres présents (2\nabstentions) d’émettre un avis favorable.",
     {"abstain": 2}),
    ("Adopté à la majorité (3 voix contre).", {"against": 3}),
    ("Le conseil municipal approuve à la majorité absolue des suffrages exprimés, 4 abstentions, le projet.",
     {"abstain": 4}),
    ("La délibération est adoptée à la majorité (5 contre).", {"against": 5}),
])
def test_votes_one_tally_after_a_majority(text: str, counts: dict) -> None:
    tallies = find_tallies(text, False, [])
    assert tallies and tallies[0].counts == counts


@pytest.mark.parametrize("text, counts", [
    # a majority against a minority: the first count is for what is decided
    ("Adopté par 15 voix contre 3.", {"for": 15, "against": 3}),
    ("Le conseil municipal approuve, par 20 voix contre 2 et 1 abstention, le projet.",
     {"for": 20, "against": 2, "abstain": 1}),
    ("Après en avoir délibéré, à 12 voix contre 5, décide d'approuver la convention.", {"for": 12, "against": 5}),
    ("Adoptée par dix voix contre trois.", {"for": 10, "against": 3}),
    ("Le Conseil, avec 27 voix contre 6, autorise le Maire à signer.", {"for": 27, "against": 6}),
    # no duel: the second count has its own position, or "contre" heads names
    ("Adopté par 15 voix pour, 2 voix contre 3 abstentions", {"for": 15, "against": 2, "abstain": 3}),
    ("Approuvé par 2 voix contre (M. X, Mme Y) et 14 voix pour", {"against": 2, "for": 14}),
])
def test_votes_majority_against_minority(text: str, counts: dict) -> None:  # type: ignore[type-arg]
    tallies = find_tallies(text, False, [])
    assert [t.counts for t in tallies] == [counts]
    for pos, (a, b) in tallies[0].at.items():
        assert text[a:b].lower() in {str(counts[pos]), "dix", "trois"}


@pytest.mark.parametrize("text", [
    # what is decided is a rejection: which side the 12 are on is not said plainly — no counts
    "Le conseil, par 12 voix contre 5, rejette la proposition.",
    "Le conseil municipal refuse par 12 voix contre 5 la cession du terrain.",
])
def test_votes_majority_against_minority_for_a_rejection_is_not_read(text: str) -> None:
    assert find_tallies(text, False, []) == []


@pytest.mark.parametrize("text", [
    "la majorité des communes (12 sur 15) a délibéré",   # a majority of something else
    "Le seuil de la majorité qualifiée est de 2 tiers ; 3 abstentions ne changent rien",
])
def test_votes_majority_of_something_else_is_no_tally(text: str) -> None:
    assert find_tallies(text, False, []) == []


@pytest.mark.parametrize("text", [
    "M. Paul LE BIHAN : 27 voix",                                  # election, not a tally
    "La liste A a obtenu 33 voix.",
    "une subvention de 2500 euros pour 3 ans, pour 2 500 € contre",
    "les questions sont à déposer 3 jours avant (soit le vendredi\npour une séance le lundi).",
    "Le budget pour 2021 est adopté.",
    # a date ending a row of a table of purchases, then a cell (Chéméré, 8 November 2011)
    "MERLET JEAN-LUC (44680\tTravaux VIVAL : Remplacement volet\n24/10/11\t648,00 €\nCHEMERE)\tpar volet roulant "
    "électrique\nAB & W (44620 LA\n02/11/11\tpour bureaux location des salles et\t179,00 €",
    "Commande passée par le service technique le 12/03/24 pour la cantine, 150 repas",
])
def test_votes_not_a_tally(text: str) -> None:
    assert find_tallies(text, False, []) == []


@pytest.mark.parametrize("text, unanimous", [
    ("Le Conseil Municipal, après en avoir délibéré, à l'unanimité,\nDÉCIDE :", True),
    ("Le Conseil Municipal après en avoir délibéré à l’unanimité des suffrages exprimés, accepte", True),
    ("ADOPTE A L’UNANIMITE", True),
    ("Pas de remarque. Adopté à l'unanimité.", True),
    ("Accord du conseil à l’unanimité.", True),
    ("Après en avoir délibéré, les membres du conseil\nmunicipal adoptent, à l'unanimité, la présente délibération.", True),
    ("Après avoir délibéré, les Membres du Conseil Communautaire ont, adopté à l’unanimité :", True),   # Lisières 2025
    ("Le conseil municipal, après avoir entendu le rapporteur, a approuvé à l'unanimité le projet.", True),
    ("Considérant que la commission a rendu son rapport définitif, adopté à l’unanimité des membres présents, le", False),
    ("le conseil municipal peut décider, à l'unanimité, de ne pas procéder au scrutin secret", False),
    # the deciding formula after an exposé that names a commission or a report (Chéméré's minutes)
    ("Le Conseil municipal, après avoir pris connaissance de la proposition de la commission\n"
     "MAPA et délibéré, décide à l’unanimité des membres présents :", True),
    ("Le Conseil Municipal, après avoir entendu son rapport en son exposé et délibéré, décide à l’unanimité des", True),
    ("Les membres du Bureau, après avoir examiné le rapport et en avoir délibéré, adoptent à l'unanimité", True),
    ("DECIDE A l’UNANIMITE DES MEMBRES PRESENTS :", True),
    ("Le Comité, après examen du rapport et délibéré, à l'unanimité,", True),
    ("Vu l'avis de la commission des finances rendu à l'unanimité le 3 mai,", False),
    # a word cut at the line end inside the deciding formula
    ("Le Conseil municipal, au vu de la proposition MAPA et des critères de jugement et après en avoir délibé-\n"
     "ré, décide à l’unanimité des membres présents :", True),
    ("Le conseil municipal, après en avoir déli-\nbéré, à l'unanimité, approuve le projet.", True),
    # the deciding verb opening its line, under visas that quote another body's deliberation
    ("Vu la délibération du conseil d’administration du centre de gestion en date du 17 septembre 2012 retenant "
     "l'offre la plus avantageuse,\nDECIDE A l’UNANIMITE DES MEMBRES PRESENTS :", True),
    ("Vu la délibération du 3 mars portant création du service,\nLe Conseil municipal décide, à l'unanimité :", True),
    # any deciding verb after "et délibéré,"
    ("Les membres du Conseil municipal, après avoir pris connaissance de la décision de la Commission\n"
     "d’appel d’offres et délibéré, autorisent, à l’unanimité, Monsieur le Maire à signer les marchés", True),
    ("après avoir entendu l'exposé et délibéré, désigne à l'unanimité M. Paul DURAND", True),
    # an election won by all the votes
    ("Il est donc procédé à un vote. Il ressort de ce vote qu’est élu à l’unanimité des membres présents, "
     "Monsieur Jean-Paul LERAY", True),
    ("Sont désignés à l'unanimité comme délégués : M. X et Mme Y", True),
    ("Mme Anne DUVAL a été élue à l'unanimité présidente de la commission.", True),
    # not this act's: a body quoted, a rule of the code
    ("Le jury avait été élu à l'unanimité en 2019.", False),
    ("la commission est élue à l'unanimité selon l'article L. 2121-21", False),
    ("La commission d'appel d'offres a décidé à l'unanimité d'attribuer le marché", False),
])
def test_votes_unanimity_only_when_it_is_this_vote(text: str, unanimous: bool) -> None:
    assert (find_unanimity(text, False) is not None) is unanimous


@pytest.mark.parametrize("vote_text, counts, unanimous, outcome", [
    ("Le Conseil Municipal, après en avoir délibéré, à l'unanimité,", {}, True, "adopted"),
    # abstentions beside "à l'unanimité": not unanimous (the answer sheets mark every act with
    # abstentions so); the decision passed
    ("A L'UNANIMITE des votants (31 voix), 8 abstentions", {"for": 31, "abstain": 8}, False, "adopted"),
    ("Adopté à la majorité : 25 pour, 3 contre, 2 abstentions", {"for": 25, "against": 3, "abstain": 2}, False, "adopted"),
    ("Par : DEUX voix POUR - ONZE voix CONTRE et 1 ABSTENTION", {"for": 2, "against": 11, "abstain": 1}, False, "rejected"),
    ("Vote : 5 voix pour, 6 voix contre. La délibération est rejetée.", {"for": 5, "against": 6}, False, "rejected"),
    # every vote cast for, none against, no abstention: unanimous (dev sheets J, Couthenans 2021)
    ("POUR\t21\nCONTRE\t0\nABSTENTION\t0", {"for": 21, "against": 0, "abstain": 0}, True, "adopted"),
    ("Le Conseil Adopte.", {}, None, "adopted"),
    ("(Adopte)", {}, None, "adopted"),
])
def test_votes_read_vote_columns(vote_text: str, counts: dict, unanimous: bool | None, outcome: str) -> None:
    act = make_act((SectionKind.HEADER, "Objet : Budget", False), (SectionKind.VOTE, vote_text, False))
    tally = read_vote(act)
    assert tally is not None
    assert (tally.counts, tally.unanimous, tally.outcome) == (counts, unanimous, outcome)


# counts written in words where no "voix" follows: after the label ("Pour : dix"), after
# "moins" ("à l'unanimité moins une abstention"); a word that opens a phrase is no count
@pytest.mark.parametrize("vote_text, counts, unanimous", [
    ("Pour : dix – Contre : zéro – Abstention : zéro", {"for": 10, "against": 0, "abstain": 0}, True),
    ("POUR : quinze, CONTRE : deux, ABSTENTIONS : une", {"for": 15, "against": 2, "abstain": 1}, False),
    ("Le Conseil municipal adopte la motion à l'unanimité moins une abstention (M. Éric LAMBERT).",
     {"abstain": 1}, False),
    ("Vote : unanimité moins deux abstentions", {"abstain": 2}, False),
    ("Pour : une meilleure gestion des déchets, le Conseil adopte à l'unanimité.", {}, True),
    # "pour un" / "montant" at a line end (Chéméré's archive): no count
    ("décide à l'unanimité des membres présents :\n- d'instituer une PVR pour les travaux pour un\nmontant de 728,00 €",
     {}, True),
])
def test_votes_counts_in_words_without_voix(vote_text: str, counts: dict, unanimous: bool) -> None:
    act = make_act((SectionKind.HEADER, "Objet : Motion", False), (SectionKind.VOTE, vote_text, False))
    tally = read_vote(act)
    assert tally is not None and (tally.counts, tally.unanimous) == (counts, unanimous)


# a count in words right before the position it counts, no "voix" between; a count of
# members before the verb of their position; "néant" after a label is none
@pytest.mark.parametrize("text, counts", [
    ("Le Conseil Municipal adopte la présente délibération par quatorze voix pour et trois contre, une "
     "conseillère\ns'étant abstenue.", {"for": 14, "against": 3, "abstain": 1}),
    ("Par : QUINZE voix POUR - DEUX voix CONTRE et UNE ABSTENTION", {"for": 15, "against": 2, "abstain": 1}),
    ("Le Conseil Municipal adopte par seize voix pour et deux abstentions (Mmes Gaëlle MEUDEC et Lena PERON).",
     {"for": 16, "abstain": 2}),
    ("Adopté par dix-sept voix pour et une abstention.", {"for": 17, "abstain": 1}),
    ("Adopté par douze voix pour, deux contre (M. Paul DURAND, Mme Anne PETIT).", {"for": 12, "against": 2}),
    ("Le conseil approuve : onze pour, une contre, aucune abstention.", {"for": 11, "against": 1, "abstain": 0}),
    ("Adopté par 15 voix pour, deux conseillers ont voté contre.", {"for": 15, "against": 2}),
    ("Adopté par 15 voix pour, 3 élus se sont abstenus.", {"for": 15, "abstain": 3}),
    ("Pour : 16\nContre : néant\nAbstention : NÉANT", {"for": 16, "against": 0, "abstain": 0}),
])
def test_votes_counts_in_words_before_their_position(text: str, counts: dict) -> None:
    tallies = find_tallies(text, True, [])
    assert tallies and tallies[0].counts == counts


@pytest.mark.parametrize("text", [
    # a number word before "pour" / "contre" that opens a phrase is no count
    "une hausse de trois pour cent des tarifs, soit deux pour dix habitants",
    "les deux listes, l'une contre l'autre, ont présenté un contre-projet",
    "Le conseil retient deux contre-propositions et un pour mille des recettes.",
])
def test_votes_number_words_in_phrases_are_no_counts(text: str) -> None:
    assert find_tallies(text, True, []) == []


# a majority against, then a decision that says no: the votes were against the project, and
# the deliberation that opposes it passed (Preuilly 2020, its sheet: adopted) — unsure, so
# unsaid; a majority against with nothing after it stays a rejection
@pytest.mark.parametrize("vote_text, outcome", [
    ("Par : DEUX voix POUR - ONZE voix CONTRE et 1 ABSTENTION\n- DE DONNER UN AVIS DEFAVORABLE pour le projet éolien",
     None),
    ("Pour : 3 – Contre : 12\nLe Conseil émet un avis défavorable au transfert de la compétence.", None),
    ("4 voix pour, 10 voix contre : le Conseil refuse la cession de la parcelle.", None),
    ("4 voix pour, 10 voix contre ; le Conseil municipal s'oppose au projet de fermeture.", None),
    ("Par : DEUX voix POUR - ONZE voix CONTRE et 1 ABSTENTION", "rejected"),
    ("5 voix pour, 9 voix contre. Le projet de convention n'est pas approuvé.", "rejected"),
])
def test_votes_a_majority_against_a_decision_that_says_no_is_no_rejection(vote_text: str,
                                                                         outcome: str | None) -> None:
    act = make_act((SectionKind.HEADER, "Objet : Projet éolien", False), (SectionKind.VOTE, vote_text, False))
    tally = read_vote(act)
    assert tally is not None and tally.outcome == outcome


@pytest.mark.parametrize("text, counts, groups", [
    # a table by group, the not-voting column wrapped around the header (G template)
    ("Résultat du vote par groupe politique :\nNe prend pas\nGroupe\tPour\tContre\tAbstention\npart au vote\n"
     "Groupe Hauts-de-France en Mouvement\t66\t–\t–\t1\nGroupe Rassemblement National\t–\t32\t–\t–\n"
     "Non-inscrits\t16\t–\t–\t–\nTotal\t82\t32\t0\t1\nADOPTÉ",
     {"for": 82, "against": 32, "abstain": 0, "not_voting": 1},
     {"for": ["Groupe Hauts-de-France en Mouvement", "Non-inscrits"], "against": ["Groupe Rassemblement National"],
      "not_voting": ["Groupe Hauts-de-France en Mouvement"]}),
    # OCR's one scrambled header cell; no total row: the rows are summed
    ("Groupe\tPour\tContre\tAbstention\tNe part prend au vote pas\nGroupe A\t10\t-\t-\t-\nGroupe B\t-\t4\t2\t-",
     {"for": 10, "against": 4, "abstain": 2}, {"for": ["Groupe A"], "against": ["Groupe B"], "abstain": ["Groupe B"]}),
    ("Groupes\tPour\tContre\nMajorité municipale\t21\t0\nOpposition\t0\t6\nTotal\t21\t6",
     {"for": 21, "against": 6}, {"for": ["Majorité municipale"], "against": ["Opposition"]}),
])
def test_votes_table_by_group(text: str, counts: dict, groups: dict) -> None:
    t = read_vote_table(text)
    assert t is not None and (t.counts, t.groups) == (counts, groups)


@pytest.mark.parametrize("text, printed", [
    # each count where it is printed: the total row of a table by group, a boxed tally, a
    # tally in figures or in words, in any order
    ("Groupe\tPour\tContre\tAbstention\nGroupe A\t66\t–\t–\nGroupe B\t–\t32\t28\nTotal\t66\t32\t28\nADOPTÉ",
     {"for": "66", "against": "32", "abstain": "28"}),
    ("Votants\tPour\tContre\tAbstentions\n29\t25\t2\t2", {"for": "25", "against": "2", "abstain": "2"}),
    ("Adopté par 20 voix pour et 2 abstentions (GUICHARD Patrick, GUÉRIN Anne).", {"for": "20", "abstain": "2"}),
    ("Par : DEUX voix POUR - ONZE voix CONTRE et 1 ABSTENTION", {"for": "DEUX", "against": "ONZE", "abstain": "1"}),
    ("Pour : 19 – Contre : 2 – Abstention : 1", {"for": "19", "against": "2", "abstain": "1"}),
    ("0 contre, 0 abstention, 13 pour", {"for": "13", "against": "0", "abstain": "0"}),
])
def test_votes_counts_say_where_they_are_printed(text: str, printed: dict) -> None:
    act = make_act((SectionKind.HEADER, "Délibération n° 2024-01", False), (SectionKind.VOTE, text, False))
    out = extract_votes(act, Found(), IssueLog())
    got = {r.position: act.doc.text[r.char_start:r.char_end] for r in out if isinstance(r, VoteRow)}
    assert got == printed
    fields = [r for r in out if isinstance(r, ActFields)][0]
    assert {c: act.doc.text[a:b] for c, (a, b) in fields.spans.items() if c.startswith("votes_")} == \
        {f"votes_{p}": v for p, v in printed.items()}
    # the outcome the counts decide points at the majority's count
    majority = "for" if fields.values["outcome"] == "adopted" else "against"
    assert act.doc.text[slice(*fields.spans["outcome"])] == printed[majority]


def test_votes_counts_placed_past_running_headers() -> None:
    # a running header between the vote's lines is cut out of the text read: the offsets
    # still point into the document
    import dataclasses

    act = make_act((SectionKind.VOTE, "Pour : 19\nVille de Lannion\tConseil du 8 juin\t18\nContre : 2", False))
    head = act.doc.text.index("Ville de Lannion")
    doc = dataclasses.replace(act.doc, furniture=(Span(head, act.doc.text.index("Contre")),))
    act = dataclasses.replace(act, doc=doc, sections=tuple(dataclasses.replace(s, doc=doc) for s in act.sections))
    rows = [r for r in extract_votes(act, Found(), IssueLog()) if isinstance(r, VoteRow)]
    assert {r.position: doc.text[r.char_start:r.char_end] for r in rows} == {"for": "19", "against": "2"}


@pytest.mark.parametrize("text, expected", [
    # roll call (H template): proxies marked "(par pouvoir)", a civility at a line end
    ("Ont voté pour (3) : Mme Marie-Pierre AUBERT (par pouvoir), Mme Laurence BLANC, M.\nBruno LEBRETON.\n"
     "Ont voté contre (2) : M. Olivier d'AUBERVILLE, M. Didier CARON.\nABSTENTIONS (1) : Mme Christine BECQUART.",
     {"for": (3, ["Marie-Pierre AUBERT", "Laurence BLANC", "Bruno LEBRETON"]),
      "against": (2, ["Olivier d'AUBERVILLE", "Didier CARON"]), "abstain": (1, ["Christine BECQUART"])}),
    ("POUR (2) : Corinne AUGER, Christine BAUDRY.\nSe sont abstenus : Julien SCHMITT, Annick FONTAINE.",
     {"for": (2, ["Corinne AUGER", "Christine BAUDRY"]), "abstain": (2, ["Julien SCHMITT", "Annick FONTAINE"])}),
    # no count printed: the number of the persons named plainly; None when proxies are counted
    ("Votent contre : M. Ronan FAVÉ, Mme Lena PERON, M. Patrick SALAÜN.\nS'abstiennent : Mme Anne PETIT (par "
     "pouvoir), M. Paul DURAND.",
     {"against": (3, ["Ronan FAVÉ", "Lena PERON", "Patrick SALAÜN"]), "abstain": (None, ["Anne PETIT", "Paul DURAND"])}),
    ("Abstentions : M. Loïc CADIOU, Mme Gaëlle MEUDEC\n\nFait et délibéré", {"abstain": (2, ["Loïc CADIOU", "Gaëlle MEUDEC"])}),
    ("Contre : Monsieur le Maire, Mme Anne PETIT.", {}),          # a function is no person's name
    ("Pour : Groupe Socialiste, Groupe Communiste.", {}),          # groups are no persons
])
def test_votes_roll_call(text: str, expected: dict) -> None:
    assert roll_call(text, []) == expected


@pytest.mark.parametrize("text, names", [
    ("Madame Corinne CARPENTIER ne prend pas part au vote.", ["Corinne CARPENTIER"]),
    ("M. Paul DURAND et Mme Anne PETIT ne prennent pas part au vote.", ["Paul DURAND", "Anne PETIT"]),
    ("Conformément à la loi, M. Luc MARTIN ne prend pas part au vote.", ["Luc MARTIN"]),
])
def test_votes_not_voting_persons(text: str, names: list[str]) -> None:
    assert not_voting_persons(text, []) == names


@pytest.mark.parametrize("parts, decided", [
    # Preuilly 2020: "Après en avoir délibéré, … Le conseil municipal désigne :" and no vote printed
    (((SectionKind.DECISION, "Après en avoir délibéré,", False),
      (SectionKind.VISAS, "Vu l'article 1609 nonies C du code général des impôts ;", False),
      (SectionKind.CONSIDERANTS, "Le conseil municipal désigne : M. CHARRIER Jean-Paul", False)), True),
    (((SectionKind.DECISION, "Ainsi, la commune, après avoir délibéré, accepte et propose le représentant suivant", False),), True),
    (((SectionKind.DECISION, "Le Conseil municipal, après en avoir délibéré, décide de fixer les tarifs", False),), True),
    # "prend acte" is no vote; a rejection is not an adoption
    (((SectionKind.DECISION, "Le Conseil, après en avoir délibéré, prend acte du rapport", False),), False),
    (((SectionKind.DECISION, "Après en avoir délibéré, la proposition est rejetée", False),), False),
])
def test_votes_decided_without_vote(parts: tuple, decided: bool) -> None:
    act = make_act((SectionKind.HEADER, "Objet : Désignation", False), *parts)
    assert decided_without_vote(act) is decided


@pytest.mark.parametrize("vote_text, counts, unanimous, outcome", [
    ("Le projet de délibération, mis aux voix, recueille 2 voix pour, 11 voix contre.", {"for": 2, "against": 11},
     False, "rejected"),                                            # rejected by the counts alone
    ("0 contre, 0 abstention, 13 pour", {"against": 0, "abstain": 0, "for": 13}, True, "adopted"),
    ("Vote : unanimité", {}, True, "adopted"),
    ("Approuvé à l'unanimité des membres présents et représentés.", {}, True, "adopted"),
    # "à l'unanimité" with abstentions counted: not unanimous, adopted
    ("Adopté à l'unanimité des votants, 3 abstentions.", {"abstain": 3}, False, "adopted"),
    ("Vote : unanimité moins 2 abstentions", {"abstain": 2}, False, "adopted"),
    ("Adopté à l'unanimité des suffrages exprimés (2 abstentions : M. Paul DURAND, Mme Anne PETIT).", {"abstain": 2},
     False, "adopted"),
    ("Adopté à l'unanimité moins une voix contre (M. Paul DURAND).", {"against": 1}, False, "adopted"),
])
def test_votes_read_vote_columns_more(vote_text: str, counts: dict, unanimous: bool | None, outcome: str) -> None:
    act = make_act((SectionKind.HEADER, "Objet : Budget", False), (SectionKind.VOTE, vote_text, False))
    tally = read_vote(act)
    assert tally is not None
    assert (tally.counts, tally.unanimous, tally.outcome) == (counts, unanimous, outcome)


@pytest.mark.parametrize("decision, counts, unanimous", [
    ("Le Conseil municipal, après avoir pris connaissance du dossier et délibéré, décide à la majorité des "
     "membres présents (Vote à main levée : 14 « Pour », 2 « Contre ») de retenir l'offre.",
     {"for": 14, "against": 2}, False),
    ("Le Conseil municipal décide, à la majorité des membres présents (Vote à main levée – « Pour » : 16, "
     "« Contre » : 1, « Abstention » : 2) :", {"for": 16, "against": 1, "abstain": 2}, False),
    ("Le Conseil municipal décide, à la majorité des membres présents (15 voix « Pour » et 2 « Abstention ») :",
     {"for": 15, "abstain": 2}, False),
    ('Le Conseil communautaire adopte la motion par 30 voix "pour" et 4 voix "contre".', {"for": 30, "against": 4}, False),
])
def test_votes_quoted_positions_in_the_deciding_sentence(decision: str, counts: dict, unanimous: bool) -> None:
    """Minutes print the positions of a show of hands between quotes (« Pour », "contre")."""
    act = make_act((SectionKind.HEADER, "Objet : Travaux", False), (SectionKind.DECISION, decision, False))
    tally = read_vote(act)
    assert tally is not None
    assert (tally.counts, tally.unanimous, tally.outcome) == (counts, unanimous, "adopted")


@pytest.mark.parametrize("vote_text, counts, unanimous, outcome", [
    ("Résultat du vote :\nVotants\tPour\tContre\tAbstentions\n29\t25\t2\t2", {"for": 25, "against": 2, "abstain": 2},
     False, "adopted"),
    ("POUR\tCONTRE\tABSTENTION\n12\t0\t0", {"for": 12, "against": 0, "abstain": 0}, True, "adopted"),
    ("Pour\tContre\n4\t9\nLa proposition n'est pas adoptée.", {"for": 4, "against": 9}, False, "rejected"),
    # a box of vertical cells (label, then its count on the line)
    ("Votants\t29\nPour\t25\nContre\t2\nAbstentions\t2", {"for": 25, "against": 2, "abstain": 2}, False, "adopted"),
])
def test_votes_boxed_tally(vote_text: str, counts: dict, unanimous: bool | None, outcome: str) -> None:
    act = make_act((SectionKind.HEADER, "Objet : Budget", False), (SectionKind.VOTE, vote_text, False))
    tally = read_vote(act)
    assert tally is not None
    assert (tally.counts, tally.unanimous, tally.outcome) == (counts, unanimous, outcome)


def test_votes_noted_report_is_no_vote() -> None:
    act = make_act((SectionKind.HEADER, "Objet : Rapport d'activité", False),
                   (SectionKind.DECISION, "Le Conseil municipal prend acte de la présentation du rapport.", False))
    assert read_vote(act) is None and not decided_without_vote(act)


def test_votes_annex_and_visas_do_not_count() -> None:
    act = make_act((SectionKind.HEADER, "Objet : Budget", False),
                   (SectionKind.VISAS, "Vu la délibération du 3 mars adoptée par 20 voix pour et 3 contre ;", False),
                   (SectionKind.DECISION, "Après en avoir délibéré, DÉCIDE d'approuver", False),
                   (SectionKind.ANNEX, "Pour : 12 voix\nContre : 3 voix", False))
    assert read_vote(act) is None


def test_votes_persons_take_the_attendance_spelling() -> None:
    tallies = find_tallies("POUR\t19\nCONTRE\t1 (Jean Marie SALANON)", False, ["Jean-Marie SALANON"])
    assert tallies[0].persons == {"against": ["Jean-Marie SALANON"]}


# ---------------------------------------------------------------------------
# Dev corpus, against the gold files
# ---------------------------------------------------------------------------

ACT_FIELDS = ("votes_for", "votes_against", "votes_abstain", "votes_not_voting", "unanimous", "outcome")


@pytest.mark.skipif(not DEV.exists(), reason="../shared/corpus/dev absent")
@pytest.mark.parametrize("pdf", dev_pdfs("born"), ids=lambda p: p.name)
def test_votes_dev_born_equal_gold(pdf: Path) -> None:
    from tests.conftest import processed

    result = processed(pdf)
    gold = load_gold(pdf)["tables"]
    acts = result.rows("acts")
    assert [tuple(getattr(a, f) for f in ACT_FIELDS) for a in acts] == \
        [tuple(g[f] for f in ACT_FIELDS) for g in gold["acts"]]
    mine = sorted((v.position, v.count, tuple(v.groups), tuple(v.persons)) for v in result.rows("votes"))
    assert mine == sorted((g["position"], g["count"], tuple(g["groups"]), tuple(g["persons"])) for g in gold["votes"])


@pytest.mark.parametrize("kind, floor", [("born_digital", 0.99), ("scanned", 0.97)])
def test_votes_dev_f1_and_precision(dev_scores: dict, kind: str, floor: float) -> None:
    total = dev_scores["scores"][kind]["votes"]["total"]
    assert total["f1"] >= floor, dev_scores["scores"][kind]["votes"]
    assert total["precision"] >= 0.98


# ---------------------------------------------------------------------------
# Real documents, checked by eye (docs/real-checks-attendance-votes.md)
# ---------------------------------------------------------------------------


@pytest.mark.skipif(not REAL.exists(), reason="../shared/corpus/real absent")
@pytest.mark.parametrize("name, marker, counts, unanimous, outcome, persons", [
    # 2 for, 11 against, then "- DE DONNER UN AVIS DEFAVORABLE pour le projet éolien": the votes
    # were against the project, the unfavourable opinion passed (its answer sheet: adopted);
    # read as rejected until 2026-12-08, now left unsaid
    ("commune-preuilly-sur-claise-2020-07-23-cm-pv.pdf", "2020-052", {"for": 2, "against": 11, "abstain": 1},
     False, None, {}),
    ("commune-preuilly-sur-claise-2020-07-23-cm-pv.pdf", "2020-045", {"for": 13, "against": 1}, False, "adopted", {}),
    ("commune-lannion-2020-06-08-cm-pv.pdf", "Création et composition des commissions", {}, True, "adopted", {}),
    ("commune-fargues-saint-hilaire-2018-12-13-cm-pv.pdf", "Délibération D2018-69",
     {"for": 19, "against": 1, "abstain": 1}, False, "adopted",
     {"against": ["Jean-Marie SALANON"], "abstain": ["Sébastien MAYOR"]}),
    ("epci-roannais-agglomeration-2021-10-28-cc-pv.pdf", "4. Création d’une autorisation de programme",
     {"for": 76, "against": 0, "abstain": 2}, False, "adopted", {}),
    ("commune-saint-restitut-2016-03-31-cm-cr-scan.pdf", "1. APPROBATION COMPTE RENDU PRECEDENT",
     {"abstain": 1, "for": 11}, False, "adopted", {"abstain": ["C. BOURRETTE"]}),
    ("commune-montpellier-2014-04-24-cm-delib-2014-139.pdf", "Le Conseil Adopte", {}, None, "adopted", {}),
    ("commune-larbresle-2013-07-09-cm-cr.pdf", "DL-066-07-13", {}, True, "adopted", {}),
])
def test_real_votes(name: str, marker: str, counts: dict, unanimous: bool | None, outcome: str,
                    persons: dict) -> None:
    from tests.test_attendance import real_acts

    acts = real_acts(name)
    act = next(a for a in acts if marker in a.text)
    tally = read_vote(act)
    assert tally is not None
    assert (tally.counts, tally.unanimous, tally.outcome) == (counts, unanimous, outcome)
    for pos, names in persons.items():
        assert [n.replace(" ", "-") for n in tally.persons[pos]] == [n.replace(" ", "-") for n in names] or \
            tally.persons[pos] == names


@pytest.mark.parametrize("text, count", [
    ("Suffrages exprimés 33\nLa liste A a obtenu 33 voix.\nONT ETE PROCLAMES membres", 33),   # Lannion 2020
    ("Monsieur Paul LE BIHAN a obtenu 27 voix. Il est proclamé maire.", 27),
    ("Mme Claire DURAND a obtenu 15 suffrages et est élue.", 15),
    # a contested election: whose votes are "for" is no reading of the text
    ("La liste A a obtenu 20 voix.\nLa liste B a obtenu 13 voix.", None),
    # no result of an election
    ("L'association a obtenu 3 subventions de la Région.", None),
])
def test_votes_the_one_result_of_an_election_is_the_votes_for(text: str, count: int | None) -> None:
    from extractors.votes import patterns as V

    results = list(V.ELECTION_RESULT_RE.finditer(text))
    assert (int(results[0].group("n")) if len(results) == 1 else None) == count


@pytest.mark.parametrize("text, groups, persons", [
    # a group is never a person: group names without the word "groupe" (an article, a word in
    # lower case), and several groups after "Groupes"
    ("Pour : 52 (Groupes Bretagne Avenir, Hissons haut la Bretagne) – Contre : 12 (Rassemblement National) – "
     "Abstentions : 19 (Les Écologistes de Bretagne)",
     {"for": ["Bretagne Avenir", "Hissons haut la Bretagne"], "against": ["Rassemblement National"],
      "abstain": ["Les Écologistes de Bretagne"]}, {}),
    ("Pour : 20 – Contre : 3 (Agir pour Lannion) – Abstentions : 2 (Gérard BAUDRY, Aurélie AMAND)",
     {"against": ["Agir pour Lannion"]}, {"abstain": ["Gérard BAUDRY", "Aurélie AMAND"]}),
    # a sentence in the parenthesis is neither: nothing is said
    ("Pour : 9 – Contre : 2 (Julien ROCHE absent n'a pas voté) – Abstentions : 0", {}, {}),
    # a proper name that is no member of the attendance read: not sure, nothing is said
    ("Pour : 9 – Contre : 2 (Bretagne Avenir) – Abstentions : 0", {}, {}),
])
def test_votes_groups_are_never_persons(text: str, groups: dict, persons: dict) -> None:
    attendance = ["Gérard BAUDRY", "Aurélie AMAND", "Jean DUPONT"]
    tallies = find_tallies(text, False, attendance)
    assert tallies, text
    assert (tallies[0].groups, tallies[0].persons) == (groups, persons)


@pytest.mark.parametrize("text, counts, groups, persons", [
    # a group and its members named for one position
    ("Pour : 16\nContre : 2 (groupe Ensemble pour Saint-Martin : M. Ronan FAVÉ, Mme Lena PERON)\nAbstention : 0",
     {"for": 16, "against": 2, "abstain": 0}, {"against": ["groupe Ensemble pour Saint-Martin"]},
     {"against": ["Ronan FAVÉ", "Lena PERON"]}),
    ("Contre : 3 (Groupe Union ; Mme Anne PETIT) – Pour : 20", {"against": 3, "for": 20},
     {"against": ["Groupe Union"]}, {"against": ["Anne PETIT"]}),
    # several groups after a comma or "et", each opening on "groupe": several groups
    ("Pour : 16 (groupe Saint-Martin Avenir, groupe Divers gauche)\nContre : 1 (M. Ronan FAVÉ)",
     {"for": 16, "against": 1}, {"for": ["groupe Saint-Martin Avenir", "groupe Divers gauche"]},
     {"against": ["Ronan FAVÉ"]}),
    ("Pour : 25 (Groupe A et groupe B, non-inscrits) – Contre : 4", {"for": 25, "against": 4},
     {"for": ["Groupe A", "groupe B", "non-inscrits"]}, {}),
    # one group, its count after it
    ("Pour : 14\nAbstention : groupe Ensemble pour Saint-Martin (4)", {"for": 14, "abstain": 4},
     {"abstain": ["groupe Ensemble pour Saint-Martin"]}, {}),
    ("Pour : 14 – Contre : Groupe Rassemblement National (7) – Abstention : 0", {"for": 14, "against": 7, "abstain": 0},
     {"against": ["Groupe Rassemblement National"]}, {}),
    # a member and his proxy: the member is named, the count is the printed one
    ("Adopté par 15 voix pour et 3 voix contre (M. Ronan FAVÉ et son pouvoir, Mme Lena PERON).",
     {"for": 15, "against": 3}, {}, {"against": ["Ronan FAVÉ", "Lena PERON"]}),
    ("Pour : 15 – Contre : 3 (M. Ronan FAVÉ + pouvoir, Mme Lena PERON)", {"for": 15, "against": 3}, {},
     {"against": ["Ronan FAVÉ", "Lena PERON"]}),
    ("Pour : 15 – Contre : 3 (M. Ronan FAVÉ, Mme Lena PERON et le pouvoir de M. Paul KERBRAT)",
     {"for": 15, "against": 3}, {}, {"against": ["Ronan FAVÉ", "Lena PERON", "Paul KERBRAT"]}),
    # a group's name with commas inside stays one group; a member with a count is no group
    ("Pour : 41 voix (Groupe Socialiste, Républicain et Citoyen) – Contre : 0 voix", {"for": 41, "against": 0},
     {"for": ["Groupe Socialiste, Républicain et Citoyen"]}, {}),
    ("Pour : 14\nContre : M. Ronan FAVÉ (2)", {"for": 14}, {}, {}),
])
def test_votes_groups_and_their_members(text: str, counts: dict, groups: dict, persons: dict) -> None:
    tallies = find_tallies(text, True, [])
    assert tallies, text
    assert (tallies[0].counts, tallies[0].groups, tallies[0].persons) == (counts, groups, persons)


# an amendment's vote, before the act's, is not the act's (its sentence may open in the
# section before the vote section); the act's own vote is, whatever amendment it names
@pytest.mark.parametrize("articles, vote, counts, unanimous, outcome", [
    ("Article 2 : d'autoriser le Maire à signer.\nUn amendement présenté par le groupe Ensemble pour Saint-Martin "
     "est soumis au vote : il est rejeté",
     "par 4 voix pour et 14 voix contre.\n\nLa délibération est ensuite adoptée par 14 voix pour et 4 voix contre.",
     {"for": 14, "against": 4}, False, "adopted"),
    ("Article 2 : d'autoriser le Maire à signer.",
     "L'amendement n° 1 est rejeté par 5 voix pour et 13 voix contre. Le sous-amendement est adopté à "
     "l'unanimité.\nLe projet de délibération est adopté par 15 voix pour et 3 voix contre.",
     {"for": 15, "against": 3}, False, "adopted"),
    ("Article 2 : d'autoriser le Maire à signer.",
     "L'amendement au projet de délibération est rejeté par 4 voix pour et 14 contre.\nAdopté à l'unanimité.",
     {}, True, "adopted"),
    # the act's vote after the amendment is taken in: the act's
    ("Article 2 : d'autoriser le Maire à signer.",
     "Après intégration de l'amendement, la délibération est adoptée par 16 voix pour et 2 abstentions.",
     {"for": 16, "abstain": 2}, False, "adopted"),
    ("Article 2 : d'autoriser le Maire à signer.",
     "Le Conseil, après en avoir délibéré, adopte le budget tel que modifié par l'amendement n° 2 par 20 voix pour "
     "et 5 voix contre.", {"for": 20, "against": 5}, False, "adopted"),
])
def test_votes_an_amendments_vote_is_not_the_acts(articles: str, vote: str, counts: dict, unanimous: bool,
                                                   outcome: str) -> None:
    act = make_act((SectionKind.HEADER, "Objet : Tarifs", False), (SectionKind.ARTICLES, articles, False),
                   (SectionKind.VOTE, vote, False))
    tally = read_vote(act)
    assert tally is not None
    assert (tally.counts, tally.unanimous, tally.outcome) == (counts, unanimous, outcome)


ATTENDANCE = ["Yves LE ROUX", "Hervé GUILLOU", "Alain CORRE", "Sophie MORVAN", "Ronan FAVÉ", "Lena PERON",
              "Patrick SALAÜN", "Gaëlle MEUDEC"]


@pytest.mark.parametrize("text, expected", [
    # members named before the verb of their position: their number is the count
    ("M. Yves LE ROUX, intéressé à l'affaire, ne prend pas part au vote.", {"not_voting": (1, ["Yves LE ROUX"])}),
    ("Adopté à l'unanimité, M. Yves LE ROUX ne prenant pas part au vote.", {"not_voting": (1, ["Yves LE ROUX"])}),
    ("MM. Hervé GUILLOU et Alain CORRE, membres du conseil d'administration de l'association, ne prennent\n"
     "pas part au vote.", {"not_voting": (2, ["Hervé GUILLOU", "Alain CORRE"])}),
    ("Adopté à la majorité, Mme Lena PERON votant contre.", {"against": (1, ["Lena PERON"])}),
    ("MM. FAVÉ et SALAÜN s'abstiennent.", {"abstain": (2, ["Ronan FAVÉ", "Patrick SALAÜN"])}),
    ("Mme Lena PERON vote contre. M. Ronan FAVÉ vote contre.", {"against": (2, ["Lena PERON", "Ronan FAVÉ"])}),
    ("M. Paul DURAND ne prend part ni au débat ni au vote.", {"not_voting": (1, ["Paul DURAND"])}),
    # a proxy counted beside them: the persons, no count
    ("M. Yves LE ROUX et Mme Sophie MORVAN (représentée) ne prennent pas part au vote.",
     {"not_voting": (None, ["Yves LE ROUX", "Sophie MORVAN"])}),
    ("Adopté à la majorité, M. Ronan FAVÉ et son pouvoir votant contre.", {"against": (None, ["Ronan FAVÉ"])}),
    # not every one named, a function, no person, a proxy's vote, a list in capitals: nothing
    ("Monsieur le maire et monsieur Philippe POULEAU sortent de la salle et ne participent pas au vote", {}),
    ("Monsieur le Maire et M. Paul DURAND ne prennent pas part au vote.", {}),
    ("M. le Maire ne prend pas part au vote.", {}),
    ("Le conseiller intéressé ne prend pas part au vote.", {}),
    ("M. Paul DURAND votant pour Mme Anne PETIT, absente.", {}),
    ("LE CONSEIL MUNICIPAL, A L'EXCEPTION DE MADAME LEROY, MESSIEURS SIRI, HUET, MORAZIN, MESDAMES\n"
     "MAZIER, SEILLE QUI VOTENT CONTRE, ACCEPTE CES PROPOSITIONS", {}),
])
def test_votes_positions_said_by_a_verb(text: str, expected: dict) -> None:
    assert positions_said(text, ATTENDANCE) == expected


@pytest.mark.parametrize("parts, counts, persons, unanimous, outcome", [
    # a member not voting, said beside the vote: a not_voting row with the member
    (((SectionKind.ARTICLES, "Article 1 : d'approuver les tarifs.\n\nM. Yves LE ROUX, intéressé à l'affaire, ne "
       "prend pas part au vote.", False), (SectionKind.VOTE, "Adopté à l'unanimité des votants.", False)),
     {"not_voting": 1}, {"not_voting": ["Yves LE ROUX"]}, True, "adopted"),
    (((SectionKind.ARTICLES, "Article 1 : d'approuver les tarifs.", False),
      (SectionKind.VOTE, "Adopté à l'unanimité, M. Yves LE ROUX ne prenant pas part au vote.", False)),
     {"not_voting": 1}, {"not_voting": ["Yves LE ROUX"]}, True, "adopted"),
    (((SectionKind.ARTICLES, "Article 1 : d'approuver.\nMM. Hervé GUILLOU et Alain CORRE, membres du bureau, ne "
       "prennent\npas part au vote.", False), (SectionKind.VOTE, "Adopté par 14 voix pour et 2 abstentions.", False)),
     {"for": 14, "abstain": 2, "not_voting": 2}, {"not_voting": ["Hervé GUILLOU", "Alain CORRE"]}, False, "adopted"),
    # names without counts: the number of names; a proxy among them: no count
    (((SectionKind.VOTE, "Ont voté contre : M. Ronan FAVÉ, Mme Lena PERON.\nSe sont abstenus : M. Loïc CADIOU, Mme "
       "Gaëlle MEUDEC, M. Patrick SALAÜN.\nLa délibération est adoptée à la majorité.", False),),
     {"against": 2, "abstain": 3}, {"against": ["Ronan FAVÉ", "Lena PERON"],
                                    "abstain": ["Loïc CADIOU", "Gaëlle MEUDEC", "Patrick SALAÜN"]}, False, "adopted"),
    (((SectionKind.VOTE, "Pour : 16\nContre : néant\nAbstentions : M. Loïc CADIOU, Mme Gaëlle MEUDEC", False),),
     {"for": 16, "against": 0, "abstain": 2}, {"abstain": ["Loïc CADIOU", "Gaëlle MEUDEC"]}, False, "adopted"),
    (((SectionKind.VOTE, "Adopté à la majorité, Mme Lena PERON votant contre.", False),),
     {"against": 1}, {"against": ["Lena PERON"]}, False, "adopted"),
    (((SectionKind.VOTE, "Adopté par 15 voix pour, 3 voix contre.\nVotent contre : M. Ronan FAVÉ, Mme Lena PERON, "
       "M. Patrick SALAÜN.", False),),
     {"for": 15, "against": 3}, {"against": ["Ronan FAVÉ", "Lena PERON", "Patrick SALAÜN"]}, False, "adopted"),
    (((SectionKind.VOTE, "Adopté à la majorité.\nOnt voté contre : M. Ronan FAVÉ (et son pouvoir), Mme Lena PERON.",
       False),), {"against": None}, {"against": ["Ronan FAVÉ", "Lena PERON"]}, False, "adopted"),
])
def test_votes_persons_named_without_counts(parts: tuple, counts: dict, persons: dict, unanimous: bool,
                                            outcome: str) -> None:
    act = make_act((SectionKind.HEADER, "Objet : Tarifs", False), *parts)
    tally = read_vote(act, ATTENDANCE + ["Loïc CADIOU"])
    assert tally is not None
    assert (tally.counts, tally.persons, tally.unanimous, tally.outcome) == (counts, persons, unanimous, outcome)


def test_votes_a_member_not_voting_told_in_the_expose_is_no_count() -> None:
    """Fargues D2018-70: "Nathalie ROCA informe que Dominique BARBE ne prend pas part au vote", told
    in the exposé before the deliberation; its answer sheet keeps no count and no not_voting row."""
    act = make_act((SectionKind.HEADER, "Objet : subvention\nNathalie ROCA informe que Dominique BARBE ne prend pas "
                    "part au vote faisant partie du bureau de\nl'amicale théâtrale.", False),
                   (SectionKind.DECISION, "Après en avoir délibéré,", False),
                   (SectionKind.VOTE, "POUR\t20\nCONTRE\t0\nABSTENTION 0", False))
    tally = read_vote(act)
    assert tally is not None and tally.counts == {"for": 20, "against": 0, "abstain": 0} and not tally.persons


# a decision said to be taken by a majority is not unanimous, counted or not; a majority as
# a rule of the code is no vote
@pytest.mark.parametrize("parts, unanimous, outcome", [
    (((SectionKind.VOTE, "Décision : adoptée à la majorité absolue.", False),), False, "adopted"),
    (((SectionKind.VOTE, "Adopté à la majorité.", False),), False, "adopted"),
    (((SectionKind.VOTE, "Le Conseil approuve, à la majorité des suffrages exprimés, le projet par 15 voix pour.",
       False),), False, "adopted"),
    (((SectionKind.DECISION, "Le Conseil, après en avoir délibéré, DÉCIDE :", False),
      (SectionKind.ARTICLES, "Article 1 : d'approuver les tarifs.\nDécision : adoptée à la majorité absolue.", False)),
     False, "adopted"),
    (((SectionKind.VOTE, "Le projet est rejeté à la majorité.", False),), False, "rejected"),
    (((SectionKind.VOTE, "Adopté à l'unanimité.", False),), True, "adopted"),
])
def test_votes_a_majority_decision_is_not_unanimous(parts: tuple, unanimous: bool, outcome: str) -> None:
    act = make_act((SectionKind.HEADER, "Objet : Tarifs", False), *parts)
    tally = read_vote(act)
    assert tally is not None and (tally.unanimous, tally.outcome) == (unanimous, outcome)


@pytest.mark.parametrize("text", [
    "le maire est élu au scrutin secret et à la majorité absolue parmi les membres du conseil municipal.",
    "La convention peut être modifiée par avenant ayant reçu l'accord d'une majorité qualifiée de ses membres.",
])
def test_votes_a_majority_as_a_rule_is_no_decision(text: str) -> None:
    from extractors.votes import patterns as V

    assert V.MAJORITY_DECISION_RE.search(text) is None
