"""Coverage without gold (``delib eval OUT --coverage``): the cues, the computation on a run
built in the test, the command line, and the per-file scores of ``--per-file``.

Cue wordings marked "corpus" are copied from ../shared/corpus/real or the Chéméré archive;
the others are written as other authorities print them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pipeline.cli import EXIT_OK, EXIT_USAGE, main
from pipeline.evaluate import cues as C
from pipeline.evaluate.coverage import COVERED_TABLES, Tally, coverage, format_coverage, total_line
from pipeline.evaluate.gold import evaluate, evaluate_per_file, format_per_file
from schemas import TABLES
from tests.conftest import DEV, dev_pdfs, needs

# ---------------------------------------------------------------------------
# Cues
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("text, family", [
    ("Présents : M. Georges LECLEVE, Maire", "present_label"),                      # corpus
    ("Présents:\nConvocation :\tM. Georges LECLEVE, Maire", "present_label"),       # corpus
    ("Étaient présents : M. NICOLAS, Maire", "present_label"),                      # corpus
    ("Etaient présents :\nChristine Aranéo - Marcel Augier", "present_label"),      # corpus
    ("PRESENTS : Jean-Pierre, Yves, Jacques", "present_label"),
    ("Membres présents : Mme Claire PETIT, M. Paul ROUX", "present_label"),
    ("Étaient présents MM. Dupont, Durand et Mme Leroy", "present_label"),
    ("À cette date étaient présents ou représentés les conseillers suivants", "were_present"),  # corpus
    ("Assistaient à la séance : M. Didier TOURNIER, directeur", "assisted"),
    ("Etaient absents excusés :", "absent_label"),                                  # corpus
    ("Absentes excusées :\nMME Marie-Laure DAVID, Adjointe", "absent_label"),       # corpus
    ("Excusés : Mme Claire PETIT", "absent_label"),
    ("Pouvoirs : M. Paul MARTIN à Mme Anne DURAND", "proxy_label"),
    ("Mme Virginie PARMENTIER donne procuration à M. Sylvain GOUPIL,", "proxy"),    # corpus
    ("Madame C. De Rostolan a donné pouvoir à Monsieur D. Nicolas", "proxy"),       # corpus
    ("MLLE Alice BICZYSKO, Conseillère municipale déléguée, pouvoir\ndonné à MME Annie BARDOUL", "proxy"),  # corpus
    ("Yves NEDELLEC (procuration à Marie-Annick GUILLOU) - Fabienne", "proxy"),     # corpus
    ("W.AUGUSTE : procuration à C.FOROT", "proxy"),                                 # corpus
])
def test_cues_attendance_finds_lists(text: str, family: str) -> None:
    cue = C.first(C.ATTENDANCE_RE, text)
    assert cue is not None and cue.family == family


@pytest.mark.parametrize("text", [
    "Présents : 17\tCHEMERE, dûment convoqué",                                      # corpus: a count
    "Procuration : 2\tGeorges LECLEVE, Maire.",                                     # corpus: a count
    "-\tDe donner tous pouvoirs à Monsieur le Maire pour mener à bien ce dossier",  # corpus
    "donne pouvoir à Monsieur le Maire de signer la convention",
    "décide, à l’unanimité des membres présents, de créer un groupe de travail",    # corpus
    "présents et futurs de l'ensemble des membres",
    "Le présent arrêté sera affiché.",
])
def test_cues_attendance_ignores_counts_and_sentences(text: str) -> None:
    assert C.first(C.ATTENDANCE_RE, text) is None


@pytest.mark.parametrize("text, family", [
    ("Le Conseil Municipal, après en avoir délibéré, à l’unanimité, DÉCIDE :", "unanimity"),
    ("Vote FAVORABLE à l’unanimité.", "vote_line"),                                 # corpus
    ("POUR : 10\tCONTRE :0 ABSTENTION : 2 (monsieur Bernard Bruno)", "tally"),      # corpus
    ("POUR 21 / CONTRE 0 / ABSTENTION 0", "tally"),
    ("Par 13 voix POUR\t1 voix CONTRE", "tally"),                                   # corpus
    ("mis aux voix, recueille 2 voix pour, 11 voix contre.", "tally"),
    ("onze voix pour et deux voix contre", "tally"),
    ("Adopté à la majorité : 25 pour, 3 contre, 2 abstentions", "outcome"),
    ("La proposition est rejetée.", "outcome"),
    ("les membres du Conseil municipal adoptent la DM n°1", "outcome"),             # corpus
    ("Approuvé par 2 ABSTENTIONS et 11 voix POUR.", "outcome"),
    ("Approuvé par 12 voix.", "outcome"),
    ("ACCEPTE CETTE PROPOSITION A LA MAJORITE", "majority"),                        # corpus
    ("Vote : 14 pour / 0 contre / 0 abstention", "vote_line"),
    ("Adopté à l'unanimité", "outcome"),
    ("A L'UNANIMITE des votants (31 voix), 8 abstentions", "unanimity"),
    ("Vote : à main levée, accord du conseil", "vote_line"),
])
def test_cues_votes_finds_vote_statements(text: str, family: str) -> None:
    """The family is that of the first wording of the text."""
    cue = C.first(C.VOTES_RE, text)
    assert cue is not None and cue.family == family


@pytest.mark.parametrize("text", [
    "-\td’adopter les modalités d’adhésion au groupement",                          # corpus
    "La loi Climat et Résilience, adoptée le 22 août 2021, fixe des objectifs",     # corpus
    "au scrutin secret et à la majorité absolue parmi les membres du conseil",      # corpus
    "un taux de 10 pour cent des dépenses",
    "les rejets d'eaux pluviales au réseau",
    "une subvention pour 2021",
])
def test_cues_votes_ignores_quotes_and_rules(text: str) -> None:
    assert C.first(C.VOTES_RE, text) is None


@pytest.mark.parametrize("text, expected", [
    ("Le Conseil municipal, après avoir entendu son rapporteur en son exposé et délibéré, décide", True),  # corpus
    ("Le Conseil Municipal, après en avoir délibéré, ACCEPTE", True),
    ("Délibération prise en ce sens.", True),                                       # corpus
    ("Accord du conseil municipal à l’unanimité.", True),                           # corpus
    ("Monsieur le Maire présente les grandes lignes du rapport d’activité 2020.", False),  # corpus
    ("1.\tSDED ELECTRIFICATION RENFORCEMENT DU RESEAU BT", False),                  # corpus
])
def test_cues_decides(text: str, expected: bool) -> None:
    assert C.decides(text) is expected


@pytest.mark.parametrize("text, family", [
    ("Vu le Code Général des Collectivités Territoriales,", "vu"),
    ("VU la délibération n° 2014/33 en date du 22 avril 2014,", "vu"),
    ("- Vu l’avis favorable de la commission des finances,", "vu"),
    ("Vu les statuts de la Communauté de communes,", "vu"),
    ("Vu, le Code de l'urbanisme", "vu"),
    ("- vu la délibération du 12 mars 2019", "bullet_vu"),
    ("… L.2121-29 ; Vu la loi n° 2015-991 du 7 août 2015", "inline_vu"),
])
def test_cues_visas_finds_vu(text: str, family: str) -> None:
    cue = C.first(C.VISAS_RE, text)
    assert cue is not None and cue.family == family


@pytest.mark.parametrize("text", [
    "Vu avec l’association « Verger vivant » (la Damassine à Vandoncourt) et la LPO .",  # corpus
    "qui a\nvu le jour en 2015",
    "Au vu de la situation financière",
    "Vu 12 dossiers déposés",
])
def test_cues_visas_ignores_the_verb(text: str) -> None:
    assert C.first(C.VISAS_RE, text) is None


@pytest.mark.parametrize("text", [
    "Article 1er : D'adopter la décision modificative n°3 du budget principal 2022",
    "ARTICLE PREMIER : La Commune accorde sa garantie",
    "Article 1 Le Conseil municipal de CHEMERE accorde sa garantie à hauteur de 100%",  # corpus
    "Art. 1 – Le tarif est fixé à 3,50 €.",
    "Article unique : approuve le règlement intérieur.",
    "ARTICLE 1 - Objet",
    "Article ler : le tarif",                                                       # OCR of "1er"
])
def test_cues_articles_finds_article_one(text: str) -> None:
    assert C.first(C.ARTICLES_RE, text) is not None


@pytest.mark.parametrize("text", [
    "Article 12 : Le présent règlement",
    "Article 1.2 du règlement",
    "article 1 de la loi du 1er juillet 1901 relative au contrat d'association",
    "Article 2 : la dépense est imputée",
    "conformément à l'article 1er du décret",
])
def test_cues_articles_ignores_other_articles_and_references(text: str) -> None:
    assert C.first(C.ARTICLES_RE, text) is None


@pytest.mark.parametrize("text", [
    "d’accorder une subvention d’un montant de 5 800,00 € à l’USC",                 # corpus
    "Or, la commune ne verse pas le montant maximum, mais 341,16 €uros.",          # corpus
    "cinquante-sept mille euros (57 000 €)",
    "un budget de 7,8 millions d'euros",
    "une enveloppe de 400 k€",
    "un montant fixe de 10 EUROS par agent",                                        # corpus
    "Une subvention\tde 500 € est versée à l'association",                          # a gap inside prose
])
def test_cues_amounts_finds_money_in_prose(text: str) -> None:
    assert C.amount_in_prose(text) is not None


@pytest.mark.parametrize("text", [
    "D 6257\t-7 300,00 €",                                                          # corpus: a table cell
    "Total section de fonctionnement\t-64 012,00 €\t-64 012,00 €",                  # corpus
    "-\tSection de fonctionnement : un excédent de\t54 798,66 €",                   # corpus: laid out as a cell
    "le 12 mai 2015 à 20 heures",
    "une commune de 2 500 habitants",
])
def test_cues_amounts_ignores_cells_and_other_numbers(text: str) -> None:
    assert C.amount_in_prose(text) is None


@pytest.mark.parametrize("text, family", [
    ("décide à l’unanimité des membres présents d’accorder une subvention d’un montant de 5 800,00 € "
     "à l’USC", "subvention"),                                                      # corpus
    ("- attribue une subvention de 1 100 € à l’association Les Amis des Arbres", "subvention"),  # corpus
    ("12 570,00 € HT soit 15 084,00 € TTC soit l’octroi d’une subvention de 1 257,00 €.", "subvention"),  # corpus
    ("de verser un fonds de concours de 12 000 € à la commune de Saint-Marc", "fonds_de_concours"),
    ("D'attribuer une participation de 57 000 € à l'association APES", "participation"),
    ("une aide financière de 500 € en faveur de l'association Les Restos du Cœur", "aide"),
    ("- accorde une aide économique aux viticulteurs, comme suit :\nLucas LAPANDERY\t696,66 €", "aide"),  # corpus
    ("VOTE les subventions suivantes :\nACPG CATM\t1 000,00 €\nUSC football\t2 500,00 €", "subvention"),
])
def test_cues_grants_finds_awards_with_amounts(text: str, family: str) -> None:
    cue = C.grant_with_amount(text)
    assert cue is not None and cue.family == family


@pytest.mark.parametrize("text", [
    "Il est demandé aux membres du Conseil municipal de solliciter une subvention auprès du "
    "Conseil départemental d'un montant de 156 800,00 € pour l'opération",          # corpus
    "un complément pour l’amortissement des subventions reçues (18 k€), la reprise",  # corpus
    "la participation des familles est fixée à 3,50 € par repas",
    "accordant une subvention à l’Amicale Théâtrale en charge de superviser le Téléthon 2018.",  # corpus: no amount
])
def test_cues_grants_ignores_requests_receipts_and_fees(text: str) -> None:
    assert C.grant_with_amount(text) is None


DM_TABLE = ("Article\tDépenses\tRecettes\nFONCTIONNEMENT\nD 6257\t-7 300,00 €\nD 7391\t-76,00 €\n"
            "D 6574\t5 800,00 €\nTotal section de fonctionnement\t-64 012,00 €\t-64 012,00 €")


@pytest.mark.parametrize("text, found", [
    (DM_TABLE, True),                                                               # corpus (Chéméré DM)
    ("Chapitre\tBP 2015\tDM\n011\t12 500,00\t1 000,00\n012\t150 000\t0,00\n65\t8 250,00\t-500,00", True),
    ("- Section de fonctionnement\t-64 012,00 €uros\n- Section d’investissement :\t6 260,00 €uros", False),  # two lines
    ("617\tF32\t11/07/2014\tFamiliale\t15 ans\n619\tB11\t08/07/2013\tIndividuelle\t15 ans\n"
     "620\tD7\t03/12/2014\tFamiliale\t30 ans", False),                              # corpus: concessions, no money
    ("Adjoint d'animation\t0,24\t0,24\nAdjoint technique\t0,50\t0,50\nATSEM\t0,80\t0,80", False),  # rates
])
def test_cues_money_table(text: str, found: bool) -> None:
    assert (C.money_table(text) is not None) is found


@pytest.mark.parametrize("line, family", [
    ("- 2010/67 – Indemnité de gardiennage des églises communales 2010", "bare_number"),  # corpus
    ("2020-038 SUBVENTION EXCEPTIONNELLE POUR L’Association Sportive", "bare_number"),     # corpus
    ("\uf0d8 DE- 2015/29 - Vote du compte de gestion 2014 : Immeuble commercial", "number"),  # corpus
    ("N° DBC 2021-082 - Stratégies et ressources foncières - AEROPORT", "number"),         # corpus
    ("Délibération n° 2021-045 : Tarifs de la cantine", "deliberation"),
    ("DELIBERATION D2018-67", "deliberation"),
    ("DÉLIBÉRATION DU BUREAU N° B2024-046", "deliberation_of"),
    ("Délibération du Conseil municipal n° 2021-12 : Tarifs", "deliberation_of"),
    ("Bureau communautaire du 2 mai 2024 — Délibération B2024-046", "session_deliberation"),
    ("3 - Subvention à l'association", "item"),
    ("4. CIMETIERE", "item"),
    ("Point n°2 : Tarifs de la cantine", "point"),
    ("EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL", "extract"),
    ("Objet : Subvention à l'association Les Amis du Vieux Lavoir", "objet"),
])
def test_cues_headings_find_act_starts(line: str, family: str) -> None:
    found = list(C.headings(line))
    assert [h.family for h in found] == [family]


@pytest.mark.parametrize("line", [
    "n° DBC 2019-070 du 3 juin 2019 approuvant la cession",
    "R20-53 du Code des Postes et des communications électroniques",
    "1 000 € de travaux supplémentaires",
    "12/03/2015 : réunion de la commission",
    "1er janvier 2010 est de :",
    "délibération du 4 novembre 1998, une régie de recettes avait été créée.",      # corpus: a wrapped sentence
    "L’an deux mil dix, le dix-huit mai",
    "-\t1\t-",                                                                      # corpus: a page number
])
def test_cues_headings_ignore_references_and_numbers(line: str) -> None:
    assert list(C.headings(line)) == []


# ---------------------------------------------------------------------------
# The computation, on a run written in the test
# ---------------------------------------------------------------------------

PAGE1 = ("COMPTE RENDU DU CONSEIL MUNICIPAL DU 12 MAI 2015\n"
         "Présents : M. Jean DUPONT, Mme Anne MARTIN, M. Paul ROUX\n"
         "1 - Tarifs de la cantine\n"
         "Le Conseil municipal, après en avoir délibéré, à l'unanimité, fixe le tarif du repas.\n"
         "ANNEXE : CONVENTION\n"
         "Article 1er : Objet\n"
         "Vu la loi n° 2000-321 du 12 avril 2000,\n")
PAGE2 = ("2 - Subvention au club\n"
         "Vu le Code général des collectivités territoriales,\n"
         "Le Conseil municipal, à l'unanimité, décide d'attribuer une subvention de 500 € au club.\n"
         "Article 1 : la subvention est versée en une fois.\n"
         "3 - Travaux de voirie\n"
         "Après en avoir délibéré, le Conseil adopte le devis de l'entreprise.\n")
TEXT = PAGE1 + "\f" + PAGE2


def _write(out: Path, table: str, rows: list[dict[str, Any]], part: str = "d1") -> None:
    """Rows of one table as a run writes them (``OUT/<table>/part-<doc>.parquet``), unset columns null."""
    schema = TABLES[table]
    full = [{f.name: r.get(f.name) for f in schema} for r in rows]
    (out / table).mkdir(parents=True, exist_ok=True)
    pq.write_table(pa.Table.from_pylist(full, schema=schema), out / table / f"part-{part}.parquet")


def _span(needle: str, end_needle: str | None = None) -> tuple[int, int]:
    start = TEXT.index(needle)
    return start, (TEXT.index(end_needle) if end_needle else len(TEXT))


@pytest.fixture()
def small_run(tmp_path: Path) -> Path:
    """One file of minutes: a preamble with a "Présents :" list shared by two acts; act 0
    has attendance rows and an annexed convention (its "Article 1er" and "Vu" are the
    convention's); act 1 has no attendance row, a "Vu" with its legal_references row, an
    "Article 1" without an articles row, a grant with its row, and holds item 3 as well."""
    out = tmp_path / "out"
    d = "d1"
    _write(out, "documents", [{"doc_id": d, "source_path": "/archive/cm-2015-05-12.pdf", "status": "ok",
                               "pipeline_version": "test", "n_pages": 2}])
    _write(out, "pages", [
        {"doc_id": d, "page": 1, "text_source": "text_layer", "text": PAGE1, "char_start": 0, "char_end": len(PAGE1)},
        {"doc_id": d, "page": 2, "text_source": "text_layer", "text": PAGE2, "char_start": len(PAGE1) + 1,
         "char_end": len(TEXT)}])
    a0, a1 = _span("1 - Tarifs", "2 - Subvention"), _span("2 - Subvention")
    pre = (0, a0[0])
    att = _span("Présents", "1 - Tarifs")
    annex = _span("ANNEXE", "2 - Subvention")
    _write(out, "acts", [
        {"act_id": "A0", "doc_id": d, "act_index": 0, "page_start": 1, "page_end": 1, "char_start": a0[0],
         "char_end": a0[1], "unanimous": True},
        {"act_id": "A1", "doc_id": d, "act_index": 1, "page_start": 2, "page_end": 2, "char_start": a1[0],
         "char_end": a1[1], "unanimous": True}])

    def sec(act: str, i: int, kind: str, span: tuple[int, int], shared: bool = False, page: int = 1) -> dict:
        return {"act_id": act, "doc_id": d, "section_index": i, "kind": kind, "page_start": page,
                "page_end": page, "char_start": span[0], "char_end": span[1], "shared": shared}

    _write(out, "sections", [
        sec("A0", 0, "header", (pre[0], att[0]), True), sec("A0", 1, "attendance", att, True),
        sec("A0", 2, "decision", (a0[0], annex[0])), sec("A0", 3, "annex", annex),
        sec("A1", 0, "header", (pre[0], att[0]), True), sec("A1", 1, "attendance", att, True),
        sec("A1", 2, "decision", a1, page=2)])
    _write(out, "attendance", [
        {"act_id": "A0", "doc_id": d, "position": k, "status": "present", "full_name": n}
        for k, n in enumerate(["Jean DUPONT", "Anne MARTIN", "Paul ROUX"], start=1)])
    _write(out, "legal_references", [{"act_id": "A1", "doc_id": d, "position": 1, "kind": "code",
                                      "text": "Vu le Code général des collectivités territoriales"}])
    _write(out, "grants", [{"act_id": "A1", "doc_id": d, "beneficiary": "club", "amount": 500}])
    return out


def test_coverage_lists_the_act_with_a_list_but_no_attendance_rows(small_run: Path) -> None:
    report = coverage(small_run)
    assert (report.files, report.acts) == (1, 2)
    misses = [(m.file, m.act_index, m.page, m.cue) for m in report.misses if m.table == "attendance"]
    assert misses == [("cm-2015-05-12.pdf", 1, 1, "present_label")]  # act 0 has rows: not listed
    t = report.tallies["attendance"]
    assert (t.cued, t.covered, t.missed) == (2, 1, 1)


def test_coverage_reads_cues_of_the_act_not_of_its_annex(small_run: Path) -> None:
    report = coverage(small_run)
    # act 0's "Article 1er" and "Vu" stand in its annexed convention: no cue
    assert (report.tallies["articles"].cued, report.tallies["legal_references"].cued) == (1, 1)
    articles = [(m.act_index, m.page, m.excerpt) for m in report.misses if m.table == "articles"]
    assert articles == [(1, 2, "Article 1 : la subvention est versée en une fois.")]
    assert report.tallies["legal_references"].missed == 0
    assert (report.tallies["grants"].cued, report.tallies["grants"].missed) == (1, 0)
    amounts = [(m.act_index, m.cue) for m in report.misses if m.table == "amounts"]
    assert amounts == [(1, "euros")]


def test_coverage_votes_count_the_acts_unanimous_column(small_run: Path) -> None:
    """"à l'unanimité" alone gives no votes row by design; the act's unanimous is its record."""
    report = coverage(small_run)
    assert (report.tallies["votes"].cued, report.tallies["votes"].missed) == (2, 0)


def test_coverage_lists_a_voted_item_no_act_starts_at(small_run: Path) -> None:
    report = coverage(small_run)
    heads = [(m.act_index, m.page, m.cue, m.excerpt) for m in report.misses if m.table == "acts"]
    assert heads == [(1, 2, "item", "3 - Travaux de voirie")]
    t = report.tallies["acts"]
    assert (t.cued, t.covered) == (3, 2)


RECUEIL = ("Bureau du 2 mai 2024 — Délibération B2024-046\nObjet : Avenant au marché de collecte\n"
           "Le Bureau, après en avoir délibéré, DÉCIDE d'approuver l'avenant.\n"
           "Bureau du 2 mai 2024 — Délibération B2024-047\nObjet : Tarifs du centre aquatique\n"
           "Le Bureau, après en avoir délibéré, fixe les tarifs.\n")
DECISION_LIST = ("1 - Tarifs de la cantine\nLe Conseil municipal, après en avoir délibéré, DÉCIDE :\n"
                 "1. DE FIXER le tarif du repas à 3,50 €\n2. D'AUTORISER le Maire à signer la convention\n"
                 "Adopté à l'unanimité.\n")


DELEGATION_REPORT = ("1. Exercice des pouvoirs délégués au Président et au bureau – Compte-rendu.\n"
                     "N° DBC 2021-086 - Aménagement du territoire - Avis sur le PLU\n"
                     "Le bureau communautaire, après en avoir délibéré à l’unanimité :\n- émet un avis favorable ;\n"
                     "N° DBC 2021-087 - Cession d’un terrain\n"
                     "Le bureau communautaire, après en avoir délibéré à l’unanimité :\n- approuve la cession ;\n"
                     "Le Conseil communautaire :\n- prend acte du compte-rendu des pouvoirs délégués.\n")


@pytest.mark.parametrize("text, missed, covered", [
    (RECUEIL, ["Objet : Tarifs du centre aquatique"], 1),  # two acts of a recueil read as one: the second's header
    (DECISION_LIST, [], 1),                                # a numbered list inside the decision: no act start
    # the bureau's deliberations a report lists (Roannais 2021): its text, no act start (the
    # report's own heading decides nothing before them, so it is no cue either)
    (DELEGATION_REPORT, [], 0),
])
def test_coverage_headings_of_one_act(tmp_path: Path, text: str, missed: list[str], covered: int) -> None:
    """One act over the whole text: the headings of a second voted item are missed, those of
    a list inside the decision are not."""
    out = tmp_path / "out"
    _write(out, "documents", [{"doc_id": "d1", "source_path": "x.pdf", "status": "ok", "pipeline_version": "t"}])
    _write(out, "pages", [{"doc_id": "d1", "page": 1, "text_source": "text_layer", "text": text,
                           "char_start": 0, "char_end": len(text)}])
    _write(out, "acts", [{"act_id": "A0", "doc_id": "d1", "act_index": 0, "page_start": 1, "page_end": 1,
                          "char_start": 0, "char_end": len(text)}])
    report = coverage(out)
    assert [m.excerpt for m in report.misses if m.table == "acts"] == missed
    assert report.tallies["acts"].covered == covered


def test_coverage_running_heads_are_not_headings() -> None:
    """A line at the top or bottom of two pages is furniture, not an act start."""
    from pipeline.evaluate.coverage import _furniture

    pages = ["Délibération CP-2023-0673\t- 1 -\nVu le code,\nArticle 1 : approuve.\n",
             "Délibération CP-2023-0673\t- 2 -\nDélibération n° 2023-12 : Tarifs\nAdopté.\n"]
    text = "\f".join(pages)
    starts = [0, len(pages[0]) + 1]
    assert _furniture(text, starts) == {0, starts[1]}


@needs(DEV)
def test_coverage_of_the_learned_dev_templates_misses_nothing(dev_run: Path) -> None:
    """seed, A, B and C score 1.000 against their answer sheets: every cue they show has its rows."""
    report = coverage(dev_run)
    assert report.misses == []
    assert {t: report.tallies[t].cued > 0 for t in COVERED_TABLES} == {t: True for t in COVERED_TABLES}


def test_coverage_prints_totals_first_then_misses_by_table(small_run: Path) -> None:
    text = format_coverage(coverage(small_run), limit=20)
    lines = text.splitlines()
    assert lines[0] == f"coverage of {small_run}: 1 file, 2 acts"
    assert [ln.split(":")[0].strip() for ln in lines[1:9]] == list(COVERED_TABLES)
    assert "attendance: 2 acts with a cue, 1 with rows, 1 missed (50.0 %)" in " ".join(lines[2].split())
    assert "attendance: 1 missed" in lines
    assert "  cm-2015-05-12.pdf  act 1  p. 1  [present_label]  Présents : M. Jean DUPONT, Mme Anne MARTIN, " \
           "M. Paul ROUX" in lines
    short = format_coverage(coverage(small_run), limit=0)
    assert "attendance: 1 missed, first 0 (--limit)" in short and "[present_label]" not in short


@pytest.mark.parametrize("cued, covered, expected", [
    (212, 205, "attendance: 212 acts with a cue, 205 with rows, 7 missed (96.7 %)"),
    (0, 0, "attendance: 0 acts with a cue, 0 with rows, 0 missed (—)"),
])
def test_coverage_total_line(cued: int, covered: int, expected: str) -> None:
    assert total_line("attendance", Tally(cued, covered)) == expected


def test_coverage_lists_a_file_with_text_and_no_act(small_run: Path) -> None:
    """A bulletin page of grants where no act was found: no act to hold a cue, listed apart."""
    page = "SUBVENTIONS ASSOCIATIONS 2013\nUSC\t1 300,00 €"
    _write(small_run, "documents", [{"doc_id": "d2", "source_path": "bulletin-2013.pdf", "status": "ok",
                                     "pipeline_version": "test"}], part="d2")
    _write(small_run, "pages", [{"doc_id": "d2", "page": 1, "text_source": "text_layer", "text": page,
                                 "char_start": 0, "char_end": len(page)}], part="d2")
    report = coverage(small_run)
    assert (report.files, report.acts, report.files_without_acts) == (2, 2, ["bulletin-2013.pdf"])
    text = format_coverage(report)
    assert text.splitlines()[0].endswith(": 2 files, 2 acts, 1 file with text and no act")
    assert "files with text and no act: 1\n  bulletin-2013.pdf" in text


def test_coverage_refuses_a_folder_that_is_not_a_run(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="no acts or pages table"):
        coverage(tmp_path)


# ---------------------------------------------------------------------------
# Command line
# ---------------------------------------------------------------------------


def test_cli_eval_coverage_prints_and_writes_json(small_run: Path, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    j = tmp_path / "cov.json"
    assert main(["eval", str(small_run), "--coverage", "--limit", "5", "--json", str(j)]) == EXIT_OK
    out = capsys.readouterr().out
    assert out.startswith(f"coverage of {small_run}: 1 file, 2 acts\n")
    data = json.loads(j.read_text(encoding="utf-8"))["coverage"]
    assert list(data["tables"]) == list(COVERED_TABLES)
    assert data["tables"]["attendance"] == {"cued": 2, "covered": 1, "missed": 1, "rate": 0.5}
    assert len(data["misses"]) == sum(t["missed"] for t in data["tables"].values())
    assert {"table", "file", "act_index", "page", "cue", "excerpt"} == set(data["misses"][0])


def test_cli_eval_coverage_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", str(tmp_path / "missing"), "--coverage"]) == EXIT_USAGE
    (tmp_path / "empty").mkdir()
    assert main(["eval", str(tmp_path / "empty"), "--coverage"]) == EXIT_USAGE
    assert main(["eval", str(tmp_path / "empty")]) == EXIT_USAGE          # nothing asked
    assert main(["eval", str(tmp_path / "empty"), "--per-file"]) == EXIT_USAGE  # --per-file needs --gold
    err = capsys.readouterr().err
    assert "no acts or pages table" in err and "--per-file needs --gold" in err


def test_cli_eval_coverage_on_extracted_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The whole path: delib extract on a text file, then delib eval --coverage on its run."""
    src = tmp_path / "cm.txt"
    src.write_text(
        "EXTRAIT DU REGISTRE DES DELIBERATIONS DU CONSEIL MUNICIPAL\n"
        "Séance du 12 mai 2015\nPrésents : M. Jean DUPONT, Mme Anne MARTIN\n"
        "Objet : Tarifs de la cantine\nVu le Code général des collectivités territoriales,\n"
        "Le Conseil municipal, après en avoir délibéré, à l'unanimité, DÉCIDE :\n"
        "Article 1 : le prix du repas est fixé à 3,50 €.\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["extract", str(src), "-o", str(out), "-q", "-j", "1"]) == EXIT_OK
    capsys.readouterr()
    assert main(["eval", str(out), "--coverage"]) == EXIT_OK
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"coverage of {out}: 1 file, 1 act"
    assert all(any(ln.strip().startswith(f"{t}:") for ln in lines[1:9]) for t in COVERED_TABLES)


# ---------------------------------------------------------------------------
# --per-file
# ---------------------------------------------------------------------------


def test_per_file_scores_each_sheet_apart(small_run: Path, tmp_path: Path) -> None:
    gold = tmp_path / "gold"
    gold.mkdir()
    sheet = {"file": "cm-2015-05-12.pdf", "scanned": False, "tables": {
        "attendance": [{"act_index": 0, "full_name": "Jean DUPONT", "status": "present"},
                       {"act_index": 0, "full_name": "Anne MARTIN", "status": "present"},
                       {"act_index": 0, "full_name": "Paul ROUX", "status": "present"},
                       {"act_index": 1, "full_name": "Jean DUPONT", "status": "present"}],
        "grants": []}}
    (gold / "cm-2015-05-12.gold.json").write_text(json.dumps(sheet), encoding="utf-8")
    (gold / "other.gold.json").write_text(json.dumps({"file": "other-scan.pdf", "scanned": True,
                                                      "tables": {"attendance": []}}), encoding="utf-8")
    rows = evaluate_per_file(small_run, gold)
    assert [(r["file"], r["kind"], r["found"]) for r in rows] == [
        ("cm-2015-05-12.pdf", "born_digital", True), ("other-scan.pdf", "scanned", False)]
    att = rows[0]["tables"]["attendance"]
    # 3 rows right (2 fields each), act 1's row missing: tp 6, fn 2
    assert (att["tp"], att["fp"], att["fn"]) == (6, 0, 2)
    assert att["f1"] == pytest.approx(2 * 1 * 0.75 / 1.75, abs=1e-4)
    assert rows[0]["tables"]["grants"]["fp"] == 2  # a grant the sheet does not have: beneficiary, amount
    text = format_per_file(rows)
    assert text.splitlines()[1].startswith("cm-2015-05-12.pdf")
    assert "(not in OUT)" in text.splitlines()[2]


# ---------------------------------------------------------------------------
# --diff: the rows behind the figures
# ---------------------------------------------------------------------------


def test_differences_list_every_row_missed_extra_or_wrong(small_run: Path, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    from pipeline.evaluate import differences

    gold = tmp_path / "gold"
    gold.mkdir()
    sheet = {"file": "cm-2015-05-12.pdf", "scanned": False, "tables": {
        "attendance": [{"act_index": 0, "full_name": "Jean DUPONT", "status": "present"},
                       {"act_index": 0, "full_name": "Anne MARTIN", "status": "absent"},
                       {"act_index": 0, "full_name": "Paul ROUX", "status": "present"},
                       {"act_index": 1, "full_name": "Jean DUPONT", "status": "present"}]}}
    (gold / "cm-2015-05-12.gold.json").write_text(json.dumps(sheet), encoding="utf-8")
    rows = differences(small_run, gold, "attendance")
    by_kind = {(r["kind"], r["act_index"]): r["fields"] for r in rows}
    # Anne MARTIN's status differs; act 1's row is missed; nothing else: Jean DUPONT agrees
    assert by_kind == {("differs", 0): {"status": ["absent", "present"]},
                       ("missed", 1): {"full_name": "Jean DUPONT", "status": "present"}}
    assert all(r["file"] == "cm-2015-05-12.pdf" for r in rows)
    # the counts the figures give and the differences listed are the same misses
    per_file = evaluate_per_file(small_run, gold)[0]["tables"]["attendance"]
    assert sum(len(r["fields"]) if r["kind"] != "extra" else 0 for r in rows) == per_file["fn"]
    assert main(["eval", str(small_run), "--gold", str(gold), "--tables-only", "--diff", "attendance"]) == EXIT_OK
    out = capsys.readouterr().out
    assert f"attendance: {len(rows)} rows where the run and the sheets disagree" in out
    assert "cm-2015-05-12.pdf  act 1  missed: full_name='Jean DUPONT', status='present'" in out
    with pytest.raises(ValueError):
        differences(small_run, gold, "persons")
    assert main(["eval", str(small_run), "--diff", "grants"]) == EXIT_USAGE  # --diff needs --gold


@needs(DEV)
def test_per_file_sums_to_the_pooled_scores(dev_run: Path) -> None:
    """The per-file counts of the dev corpus add up to delib eval's pooled counts."""
    only = {p.name for p in dev_pdfs()}
    pooled = evaluate(dev_run, DEV, only=only)["scores"]
    rows = evaluate_per_file(dev_run, DEV, only=only)
    assert {r["file"] for r in rows} == only
    for kind, tables in pooled.items():
        for table, scores in tables.items():
            summed = [sum(r["tables"].get(table, {}).get(k, 0) for r in rows if r["kind"] == kind)
                      for k in ("tp", "fp", "fn")]
            assert summed == [scores["total"][k] for k in ("tp", "fp", "fn")], (kind, table)


@needs(DEV)
def test_cli_eval_per_file_prints_one_line_per_sheet(dev_run: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", str(dev_run), "--gold", str(DEV), "--tables-only", "--per-file"]) == EXIT_OK
    out = capsys.readouterr().out
    per_file = out[out.index("\nfile "):].strip().splitlines()
    assert per_file[0].split()[:3] == ["file", "kind", "acts"]
    # every gold sheet of the folder gets a line, those of files not in the run say so
    assert len(per_file) - 1 == len(list(DEV.glob("*.gold.json")))
    seed = next(ln for ln in per_file if ln.startswith("seed-pas-de-calais-cp-2023-122-born.pdf"))
    assert seed.split()[1:3] == ["born", "1.000"]
