"""Budget lines extractor: long format, measures from headers, sections, totals, quality checks."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from extractors.budget_lines import (check_budget_balance, check_table_total, extract_budget_lines,
                                     printed_header)
from extractors.registry import Found
from pipeline.errors import IssueLog
from pipeline.read.load import load_document
from pipeline.model import Act, Section, SectionKind, Span
from pipeline.options import Options
from schemas.rows import BudgetLineRow
from tests.conftest import DEV, DEV_BORN, REAL, gold_and_extracted, needs
from tests.test_tables import DM_PAGE, placed_pdf

FIELDS = ("section", "operation_code", "imputation", "label", "column", "measure", "amount")


def _whole_act(path: Path, kinds: list[tuple[SectionKind, int, int, str | None]] | None = None) -> Act:
    doc = load_document(path, Options(ocr=False), IssueLog())
    sections = tuple(Section(k, Span(a, b if b >= 0 else len(doc.text)), doc, label) for k, a, b, label in
                     (kinds or [(SectionKind.ARTICLES, 0, -1, None)]))
    return Act(doc, 0, "act0", Span(0, len(doc.text)), sections)


def test_budget_lines_decision_modificative(tmp_path: Path) -> None:
    act = _whole_act(placed_pdf(tmp_path / "dm.pdf", [DM_PAGE]))
    rows = extract_budget_lines(act, Found(), IssueLog())
    got = [(r.row_index, r.imputation, r.label, r.column, r.measure, r.amount, r.is_total) for r in rows]
    assert got == [
        (1, "65/6574", "Subventions de fonctionnement aux associations", "Dépenses", "expense", Decimal("10650.00"), False),
        (2, "23/2313", "Constructions", "Dépenses", "expense", Decimal("24150.00"), False),
        (3, "022/022", "Dépenses imprévues", "Dépenses", "expense", Decimal("-2350.00"), False),
        (4, "74/7411", "Dotation forfaitaire", "Recettes", "other", Decimal("32450.00"), False),
        (5, None, "TOTAL", "Dépenses", "expense", Decimal("32450.00"), True),
        (5, None, "TOTAL", "Recettes", "other", Decimal("32450.00"), True),
    ]
    assert {r.section for r in rows} == {"decision"} and {r.table_index for r in rows} == {0}
    checks = check_table_total(act, Found(rows={"budget_lines": rows}))
    assert [(c.check, c.passed) for c in checks] == [("table_total", True), ("table_total", True)]


def test_budget_lines_budget_balance_check(tmp_path: Path) -> None:
    page = [(60, 80, "La dépense serait imputée sur le budget départemental comme suit :"),
            (60, 110, "Code Opération"), (150, 110, "Libellé"), (300, 110, "CP"), (360, 110, "Disponible"),
            (430, 110, "Proposition"), (510, 110, "Solde"),
            (60, 130, "C01-020Q01"), (150, 130, "Mission ESS"), (290, 130, "209 285,00"), (360, 130, "209 285,00"),
            (430, 130, "57 000,00"), (500, 130, "152 285,00"),
            (60, 170, "Je vous prie de bien vouloir en délibérer et de statuer sur cette affaire.")]
    act = _whole_act(placed_pdf(tmp_path / "r.pdf", [page]))
    act = Act(act.doc, 0, "act0", act.span, (Section(SectionKind.ANNEX, act.span, act.doc, "rapport"),))
    rows = extract_budget_lines(act, Found(), IssueLog())
    assert [(r.operation_code, r.measure, r.amount, r.section) for r in rows] == [
        ("C01-020Q01", "cp", Decimal("209285.00"), "report"),
        ("C01-020Q01", "available", Decimal("209285.00"), "report"),
        ("C01-020Q01", "proposed", Decimal("57000.00"), "report"),
        ("C01-020Q01", "balance", Decimal("152285.00"), "report"),
    ]
    [check] = check_budget_balance(act, Found(rows={"budget_lines": rows}))
    assert check.passed


def test_budget_lines_checks_need_inputs() -> None:
    act = Act(None, 0, "a", Span(0, 0), ())  # type: ignore[arg-type]
    assert check_budget_balance(act, Found()) == [] and check_table_total(act, Found()) == []


@pytest.mark.parametrize("printed, column", [("CPE", "CP€"), ("CP €", "CP €"), ("Dépense  €", "Dépense €")])
def test_budget_lines_printed_header(printed: str, column: str) -> None:
    assert printed_header(printed) == column


@pytest.mark.parametrize("stem", DEV_BORN)
@needs(DEV)
def test_budget_lines_dev_gold(stem: str) -> None:
    gold, got = gold_and_extracted(stem, "budget_lines", FIELDS)
    assert got == gold


@needs(REAL)
def test_budget_lines_real_fargues_total() -> None:
    """Fargues 2018: an investment programme table "Montant TTC" closed by a "Total" of 269 192 €."""
    from tests.conftest import processed

    rows = processed(REAL / "commune-fargues-saint-hilaire-2018-12-13-cm-pv.pdf").rows("budget_lines")
    totals = [r for r in rows if r.is_total and r.column == "Montant TTC"]
    assert totals and totals[0].amount == Decimal("269192.00")
    parts = sum(r.amount for r in rows if r.table_index == totals[0].table_index and r.act_id == totals[0].act_id
                and not r.is_total and r.column == "Montant TTC")
    assert parts == totals[0].amount


def test_budget_lines_dev_scores(dev_scores: dict) -> None:
    """Issue 5's bar: field F1 ≥ 0.97 born-digital, ≥ 0.90 scanned, precision ≥ 0.98 where it matters."""
    for table in ("budget_lines", "amounts", "grants"):
        born = dev_scores["scores"]["born_digital"][table]["total"]
        scan = dev_scores["scores"]["scanned"][table]["total"]
        assert born["f1"] >= 0.97 and born["precision"] >= 0.98, (table, born)
        assert scan["f1"] >= 0.90, (table, scan)


def _text_act(text: str) -> Act:
    from tests.conftest import make_document

    doc = make_document(text)
    return Act(doc, 0, "act0", Span(0, len(text)), (Section(SectionKind.ARTICLES, Span(0, len(text)), doc, None),))


@pytest.mark.parametrize("text, expected", [
    # tab-aligned DM lines under their side word (Aiglun 2013-12)
    ("Recettes :\tc/ 238R/041\t8 512.00 €\t(Opérations d'ordre à l'intérieur de la section\n"
     "c/ 1323R/041\t2 000.00 €\td'investissement)\nDépenses :\tc/21534D/041 10 512.00 €\nVote favorable.",
     [("238R/041", None, "Recettes", "other", "8512.00"), ("1323R/041", None, "Recettes", "other", "2000.00"),
      ("21534D/041", None, "Dépenses", "expense", "10512.00")]),
    # inline, "compte … = …", a bracket closed on the line is the label (Aiglun 2013-10, scan)
    ("Recettes : compte 238/041 = 8511.01 € (participation commune) et\ncompte 1323/041 = 2000.00 € "
     "(subvention Conseil Général)\nDépenses : compte 21534/041 = 10511.01 €",
     [("238/041", "participation commune", "Recettes", "other", "8511.01"),
      ("1323/041", "subvention Conseil Général", "Recettes", "other", "2000.00"),
      ("21534/041", None, "Dépenses", "expense", "10511.01")]),
    # written by us: a side with its section, "article … : +"
    ("DÉPENSES D'INVESTISSEMENT :\narticle 2313 : 15 000 €\nRECETTES D'INVESTISSEMENT :\narticle 1341 : 15 000 €",
     [("2313", None, "Dépenses", "expense", "15000.00"), ("1341", None, "Recettes", "other", "15000.00")]),
    # an account without a side word is not a DM line
    ("La dépense de 500 € est imputée au compte 6574.", []),
])
def test_budget_lines_dm_written_as_lines(text: str, expected: list) -> None:  # type: ignore[type-arg]
    rows = extract_budget_lines(_text_act(text), Found(), IssueLog())
    assert [(r.imputation, r.label, r.column, r.measure, str(r.amount)) for r in rows] == expected


@pytest.mark.parametrize("text, expected", [
    # a SDED plan with dot leaders (Saint-Restitut 2019, scan)
    ("Opération : Electrification\nDépense prévisionnelle HT ..................\t57.174.14 €\n"
     "Dont frais de gestion : 2.722.58 €\nPlan de financement prévisionnel\n"
     "financements mobilisés par le SDED …...\t57.174.14 €\nParticipation communale … ….….............\tNEANT\n",
     [("Dépense prévisionnelle HT", "expense", "57174.14"), ("Dont frais de gestion", "expense", "2722.58"),
      ("financements mobilisés par le SDED", "other", "57174.14")]),
    # written by us: the funding side named by its own lines
    ("Coût de l'opération ........ 120 000 €\nSubvention DETR ........ 48 000 €\nAutofinancement ........ 72 000 €",
     [("Coût de l'opération", "expense", "120000.00"), ("Subvention DETR", "other", "48000.00"),
      ("Autofinancement", "other", "72000.00")]),
    # a list of tariffs with dot leaders is not a plan
    ("15 ans...\t200 €\n30 ans...\t350 €\n50 ans .…..........\t550 €", []),
])
def test_budget_lines_plans_with_dot_leaders(text: str, expected: list) -> None:  # type: ignore[type-arg]
    rows = extract_budget_lines(_text_act(text), Found(), IssueLog())
    assert [(r.label, r.measure, str(r.amount)) for r in rows] == expected
    assert all(r.column is None for r in rows)


@pytest.mark.parametrize("text, expected", [
    # a class trip's plan, each side a dash list under its word (Aiglun 2015, scan: tabs from OCR)
    ("Des aides financières peuvent être sollicitées selon le plan de financement suivant :\nDépenses :\n"
     "-\tSéjour Centre de vacances Biabaux et transport\t11 680 €\nRecettes :\n-\tMairie\t3 540€\n"
     "-\tConseil régional\t2 525 €\n-\tTotal\t11 680 €\nVote favorable à l'unanimité",
     [("Séjour Centre de vacances Biabaux et transport", "Dépenses", "expense", "11680.00"),
      ("Mairie", "Recettes", "other", "3540.00"), ("Conseil régional", "Recettes", "other", "2525.00"),
      ("Total", "Recettes", "other", "11680.00")]),
    # written by us: capitals (the side word kept as printed, capitalised), bullets and colons
    ("DEPENSES D'INVESTISSEMENT\n• Travaux de voirie : 45 000 €\n• Maîtrise d'œuvre : 5 000 €\n"
     "RECETTES D'INVESTISSEMENT\n• Subvention du Département : 20 000 €\n• Autofinancement : 30 000 €",
     [("Travaux de voirie", "Depenses", "expense", "45000.00"), ("Maîtrise d'œuvre", "Depenses", "expense", "5000.00"),
      ("Subvention du Département", "Recettes", "other", "20000.00"),
      ("Autofinancement", "Recettes", "other", "30000.00")]),
    # one side alone is a list in the text, not a plan
    ("Dépenses :\n- Repas des aînés 1 200 €\n- Colis de Noël 800 €\nLe conseil approuve ces dépenses.", []),
])
def test_budget_lines_plan_in_two_lists_under_their_side_words(text: str, expected: list) -> None:  # type: ignore[type-arg]
    rows = extract_budget_lines(_text_act(text), Found(), IssueLog())
    assert [(r.label, r.column, r.measure, str(r.amount)) for r in rows] == expected


@pytest.mark.parametrize("text, expected", [
    # the sides side by side, each account with its label below (Lisières 2025-09)
    ("FONCTIONNEMENT 2025\nDEPENSES\tRECETTES\nCompte 023 :\t+ 5 000 €\tCompte 777-042 : + 5 000 €\n"
     "Virement à la Section d’investissement\tRecettes et Quote-Part-Subvention Investissement\n",
     [("023", "Virement à la Section d’investissement", "DEPENSES", "expense", "5000.00"),
      ("777-042", "Recettes et Quote-Part-Subvention Investissement", "RECETTES", "other", "5000.00")]),
    # written by us: recettes first, "c/" accounts, no labels
    ("Recettes\tDépenses\nc/ 7478 : 2 500 €\tc/ 6574 : 2 500 €\n",
     [("7478", None, "Recettes", "other", "2500.00"), ("6574", None, "Dépenses", "expense", "2500.00")]),
    # one side word alone is no two-column DM (and "Dépenses Dépenses" is no pair)
    ("DEPENSES\tDEPENSES\nCompte 023 :\t+ 5 000 €\tCompte 021 : + 5 000 €\n", []),
])
def test_budget_lines_dm_in_two_columns(text: str, expected: list) -> None:  # type: ignore[type-arg]
    rows = extract_budget_lines(_text_act(text), Found(), IssueLog())
    assert [(r.imputation, r.label, r.column, r.measure, str(r.amount)) for r in rows] == expected


@pytest.mark.parametrize("text, expected", [
    # a compte administratif's results, section words between label and figure, OCR tabs
    # and dots as thousands separators (Saint-Restitut 2016, scan)
    ("VOTE DU COMPTE ADMINISTRATIF 2015\nRésultat de clôture Exercice 2014\tINVESTISSEMENT\t-152.877.17 €\n"
     "FONCTIONNEMENT\t197.153.90 €\nRésultat de l'exercice 2015\tINVESTISSEMENT\t252.646.77 €\n"
     "FONCTIONNEMENT - 23.901.86 €\nAprès débat, le CA 2015 est approuvé.",
     [("Résultat de clôture Exercice 2014 INVESTISSEMENT", "balance", "-152877.17"),
      ("Résultat de clôture Exercice 2014 FONCTIONNEMENT", "balance", "197153.90"),
      ("Résultat de l'exercice 2015 INVESTISSEMENT", "balance", "252646.77"),
      ("Résultat de l'exercice 2015 FONCTIONNEMENT", "balance", "-23901.86")]),
    # written by us: colons, "Section de", figures without the euro sign, restes à réaliser
    ("Excédent reporté : Section de fonctionnement : 12 500,00\nDéficit cumulé : Section d'investissement : "
     "- 8 300,50\nRestes à réaliser\tInvestissement\t3 000 €",
     [("Excédent reporté Section de fonctionnement", "balance", "12500.00"),
      ("Déficit cumulé Section d'investissement", "balance", "-8300.50"),
      ("Restes à réaliser Investissement", "other", "3000.00")]),
    # one result in a sentence is running text; a section word alone opens no block
    ("Le résultat de fonctionnement 2015 s'élève à 173 252,04 €.\nFONCTIONNEMENT 173 252,04 €", []),
    ("Résultat de clôture 2015\tINVESTISSEMENT\t99.769.60 €\nLe conseil approuve.", []),
])
def test_budget_lines_results_of_the_compte_administratif(text: str, expected: list) -> None:  # type: ignore[type-arg]
    rows = extract_budget_lines(_text_act(text), Found(), IssueLog())
    assert [(r.label, r.measure, str(r.amount)) for r in rows] == expected
    assert all(r.column is None for r in rows)


def test_budget_lines_two_sided_plan(tmp_path: Path) -> None:
    from tests.test_tables import PLAN_PAGE

    act = _whole_act(placed_pdf(tmp_path / "plan.pdf", [PLAN_PAGE]))
    rows = extract_budget_lines(act, Found(), IssueLog())
    assert [(r.label, r.column, r.measure, str(r.amount), r.is_total) for r in rows][:3] == [
        ("Installations chantier", "Dépenses", "expense", "3000.00", False),
        ("État (DETR 2014) (80 % sur 121 175 € ht)", "Recettes", "other", "96940.00", False),
        ("Terrassement VRD", "Dépenses", "expense", "13125.00", False),
    ]


@pytest.mark.parametrize("lines, passed", [
    # subtotals per section (dev J): each adds up the rows since the previous one
    ([("a", 5250, False), ("b", -200, False), ("Total fonctionnement", 5050, True), ("c", 11800, False),
      ("d", 2200, False), ("Total investissement", 14000, True)], [True, True]),
    # HT, TVA, TTC (Aiglun 2013-12, CC des Lisières): TTC adds everything above
    ([("a", 3000, False), ("b", 13125, False), ("Total ht", 16125, True), ("TVA 20 %", 3225, False),
      ("Total TTC", 19350, True)], [True, True]),
    # a grand total of subtotals, and a total that does not add up
    ([("a", 100, False), ("Sous-total", 100, True), ("b", 50, False), ("Sous-total", 50, True),
      ("Total général", 150, True)], [True, True, True]),
    ([("a", 100, False), ("b", 50, False), ("TOTAL", 160, True)], [False]),
    # a "dont" row details the one above and adds nothing; the grand total is the subtotal and
    # the rows after it (Roannais 2021's DM3: "Total des recettes réelles", "042 - Amortissements",
    # "TOTAL DES RECETTES")
    ([("75 - Autres produits", 571110, False), ("dont participation du budget général", 536710, False),
      ("77 - Produits exceptionnels", 40000, False), ("Total des recettes réelles", 611110, True),
      ("042 - Amortissements", 10000, False), ("TOTAL DES RECETTES", 621110, True)], [True, True]),
    ([("16 - Emprunts", 49600, False), ("- dont remboursement avance", 1000, False), ("Total", 50600, True)],
     [False]),
])
def test_budget_lines_table_total_with_subtotals(lines: list, passed: list) -> None:  # type: ignore[type-arg]
    from tests.conftest import make_document

    act = Act(make_document("x"), 0, "a", Span(0, 1), ())
    rows = [BudgetLineRow("a", "d", 1, 0, i, "decision", None, None, label, "Dépenses", "expense", Decimal(v), tot)
            for i, (label, v, tot) in enumerate(lines, start=1)]
    assert [c.passed for c in check_table_total(act, Found(rows={"budget_lines": rows}))] == passed


@pytest.mark.parametrize("label, measure", [
    # a compte administratif by section (Lisières 2025-03): the row says the side or the result
    ("Recettes – Prévision budgétaire totale", "other"),
    ("Dépenses – Autorisation budgétaire totale", "expense"),
    ("Résultat cumulé – Excédent/déficit", "balance"),
    ("Différence entre les titres et les mandats – Solde des réalisations de l'exercice (+/-)", "balance"),
    # written by us
    ("Excédent de fonctionnement reporté", "balance"),
    ("Travaux de voirie", "budget"),
])
def test_budget_lines_measure_of_a_section_column_from_its_row(label: str, measure: str) -> None:
    from extractors.budget_lines import measure_in
    from pipeline.read.table_cells import Column, Row, Table

    table = Table([Column("Libellé", 0, 90), Column("Fonctionnement", 100, 190), Column("Investissement", 200, 290)],
                  [Row({0: label, 1: "1 000,00", 2: "2 000,00"}, 1, 0)], 1)
    assert measure_in(table, 1, 0, table.label_for(table.rows[0], 1)) == measure
    assert measure_in(table, 2, 0, table.label_for(table.rows[0], 2)) == measure


# a column that names the budget (Roannais 2021's DM3: "DEPENSES" over the labels, "BP 2021"
# beside "DM précédentes" and "DM3") holds that budget on the spending and receipts rows alike;
# a generic money column ("Montant") takes the row's side
@pytest.mark.parametrize("header, label, measure", [
    ("BP 2021", "Dépenses – 011 - Charges à caractère général", "budget"),
    ("BP 2021", "Recettes – 70 - Produits des services", "budget"),
    ("BS 2020", "Dépenses – 16 - Emprunts et dettes", "budget"),
    ("Crédits votés", "Recettes – 74 - Dotations", "budget"),
    ("Montant", "Dépenses – 011 - Charges à caractère général", "expense"),
    ("Montant", "Recettes – 70 - Produits des services", "other"),
])
def test_budget_lines_a_column_that_names_the_budget_keeps_it_on_either_side(header: str, label: str,
                                                                               measure: str) -> None:
    from extractors.budget_lines import measure_in
    from pipeline.read.table_cells import Column, Row, Table

    table = Table([Column("Libellé", 0, 90), Column(header, 100, 190)], [Row({0: label, 1: "1 000,00"}, 1, 0)], 1)
    assert measure_in(table, 1, 0, label) == measure


def test_budget_lines_results_balance_check_on_a_compte_administratif() -> None:
    """Saint-Restitut 2016 (scan): the closing result of 2014 and the year's result of 2015 add
    up to the closing result of 2015, per section; a figure Tesseract misread ("1.140.583 €"
    for "1.140.53 €") breaks the sum, and the check says so."""
    from extractors.budget_lines import check_results_balance

    text = ("Résultat de clôture exercice 2014\tINVESTISSEMENT\t- 18.022.19 €\nFONCTIONNEMENT\t1.177.09 €\n"
            "Résultat de l'exercice 2015\tINVESTISSEMENT\t{fig} €\nFONCTIONNEMENT\t21.727.46 €\n"
            "Résultat de clôture 2015\tINVESTISSEMENT\t- 16.881.66 €\nFONCTIONNEMENT\t22.904.55 €\n")
    for fig, passed in (("1.140.53", [True, True]), ("1.140.583", [True, False])):
        act = _text_act(text.format(fig=fig))
        rows = extract_budget_lines(act, Found(), IssueLog())
        checks = check_results_balance(act, Found(rows={"budget_lines": rows}))
        assert [c.passed for c in checks] == passed, [c.detail for c in checks]


def _ocr_text_act(text: str) -> Act:
    """An act over one OCR'd page whose words stand one per token, 10 points apart."""
    import re as _re

    from pipeline.model import Document, Page, TextSource, Word

    words = tuple(Word(m.group(0), 10.0 * k, 10.0, 10.0 * k + 8, 18.0, m.start(), 0, 90.0)
                  for k, m in enumerate(_re.finditer(r"\S+", text)))
    page = Page(1, 595.0, 842.0, TextSource.OCR, 0, len(text), words, 90.0)
    doc = Document("ocr", "ocr.pdf", text, (page,))
    return Act(doc, 0, "act0", Span(0, len(text)), (Section(SectionKind.ARTICLES, Span(0, len(text)), doc, None),))


@pytest.mark.parametrize("reading, fixed", [("1.140.53 €", True), ("1.140.538 €", False), (None, False)])
def test_budget_lines_results_that_do_not_add_up_are_read_again(reading: str | None, fixed: bool) -> None:
    """A misread figure of a scan ("1.140.583 €" for "1.140.53 €") breaks closing N-1 + year N =
    closing N: the three figures are read again from the image, and a new reading is kept
    only when it makes the sum hold."""
    from extractors.budget_lines import check_results_balance

    text = ("Résultat de clôture exercice 2014\tINVESTISSEMENT\t- 18.022.19 €\n"
            "Résultat de l'exercice 2015\tINVESTISSEMENT\t1.140.583 €\n"
            "Résultat de clôture 2015\tINVESTISSEMENT\t- 16.881.66 €\n")
    act = _ocr_text_act(text)
    asked: list[str] = []

    def read(doc, page, boxes, kind):  # type: ignore[no-untyped-def]
        asked.append(kind)
        words = [w.text for w in doc.page(page).words if boxes[0][0] <= w.x0 and w.x1 <= boxes[0][2]]
        return [reading if words and words[0] == "1.140.583" else " ".join(words)]

    from extractors.budget_text import reread_results, text_budget_lines

    rows = reread_results(act, text_budget_lines(act, 0, []), read)
    year = rows[1]
    assert (year.amount == Decimal("1140.53")) == fixed
    assert (year.char_start is None) == fixed  # a new reading is not the text at the offsets
    assert [c.passed for c in check_results_balance(act, Found(rows={"budget_lines": rows}))] == [fixed]
    assert asked and set(asked) == {"figure"}


@pytest.mark.parametrize("title, header, adopted", [
    # Roannais 2021: the DM the act adopts is what it puts to the vote; earlier ones are other
    ("Décision modificative - Exercice 2021 – Budget général – DM2", "DM 2", True),
    ("Décision modificative - Exercice 2021 – Budget général – DM2", "DM1", False),
    ("Décision modificative - Exercice 2021 – Budget annexe - Tourisme et loisirs - DM3", "DM3", True),
    ("Décision modificative n° 3 du budget principal", "DM n°3", True),
    ("Décision modificative n° 3 du budget principal", "DM précédentes", False),
    ("Tarifs 2022", "DM 1", False),
])
def test_budget_lines_the_adopted_decision_modificative_is_proposed(title: str, header: str, adopted: bool) -> None:
    from extractors.budget_lines import _adopted_dm, _is_adopted_dm

    assert _is_adopted_dm(header, _adopted_dm(title)) is adopted


@pytest.mark.parametrize("code_header, codes", [
    ("Chapitre", ("011", "012")), ("Article", ("6064", "6411")), ("Compte", ("60632", "6413")),
    ("Nature", ("6232", "6218")), ("Code", ("F-011", "F-012")),
])
def test_budget_lines_a_code_column_is_never_money(tmp_path: Path, code_header: str, codes: tuple[str, str]) -> None:
    """A column of chapters, articles or codes beside labels that name a side ("Charges à
    caractère général", "Dépenses de personnel") gives no amount: "011" is no 11 €."""
    xs = [60, 150, 290, 380, 470]
    page = [(60, 80, "Article 1 : D'approuver le compte administratif ci-dessous :"),
            *[(x, 120, h) for x, h in zip(xs, [code_header, "Libellé", "Réalisé 2024", "Restes à réaliser", "Résultat"])],
            (60, 138, codes[0]), (150, 138, "Charges à caractère général"), (300, 138, "120 500,00"),
            (390, 138, "3 000,00"), (480, 138, "123 500,00"),
            (60, 156, codes[1]), (150, 156, "Dépenses de personnel"), (300, 156, "300 000,00"), (480, 156, "300 000,00"),
            (60, 200, "Article 2 : Le Maire est chargé de l'exécution de la présente délibération.")]
    act = _whole_act(placed_pdf(tmp_path / "ca.pdf", [page]))
    rows = extract_budget_lines(act, Found(), IssueLog())
    assert [(r.column, r.amount) for r in rows] == [
        ("Réalisé 2024", Decimal("120500.00")), ("Restes à réaliser", Decimal("3000.00")), ("Résultat", Decimal("123500.00")),
        ("Réalisé 2024", Decimal("300000.00")), ("Résultat", Decimal("300000.00"))]


@pytest.mark.parametrize("header, cells, codes", [
    ("Opération", ("OP-14", "OP-15"), ["OP-14", "OP-15"]),
    ("Programme", ("P-2025-011", "P-2025-012"), ["P-2025-011", "P-2025-012"]),
    ("N° d'opération", ("C01-020Q01", "C01-020Q02"), ["C01-020Q01", "C01-020Q02"]),
    ("Opération", ("Voirie rurale", "Écoles"), [None, None]),   # names, not codes
])
def test_budget_lines_operation_codes_under_a_plain_header(tmp_path: Path, header: str, cells: tuple[str, str],
                                                         codes: list[str | None]) -> None:
    """A column headed by the operation alone holds codes or names: a cell shaped as a code
    is the row's operation code."""
    xs = [60, 150, 290, 380, 470]
    page = [(60, 80, "Article 1 : D'approuver les autorisations de programme ci-dessous :"),
            *[(x, 120, h) for x, h in zip(xs, [header, "Intitulé", "AP", "CP 2025", "CP 2026 et suivants"])],
            (60, 138, cells[0]), (150, 138, "Voirie"), (300, 138, "500 000"), (390, 138, "200 000"), (480, 138, "300 000"),
            (60, 156, cells[1]), (150, 156, "Écoles"), (300, 156, "300 000"), (390, 156, "100 000"), (480, 156, "200 000"),
            (60, 200, "Article 2 : Le Président est chargé de l'exécution de la présente délibération.")]
    act = _whole_act(placed_pdf(tmp_path / "ap.pdf", [page]))
    rows = extract_budget_lines(act, Found(), IssueLog())
    assert [r.operation_code for r in rows if r.column == "AP"] == codes
    assert [(r.measure, r.amount) for r in rows if r.row_index == 1] == [
        ("ae", Decimal("500000.00")), ("cp", Decimal("200000.00")), ("cp", Decimal("300000.00"))]


def _one_row_table(headers: list[str], cells: list[str]):  # type: ignore[no-untyped-def]
    from pipeline.read.table_cells import Column, Row, Table

    return Table([Column(h, 100 * i, 100 * i + 90) for i, h in enumerate(headers)],
                 [Row({i: v for i, v in enumerate(cells) if v}, 1, 0)], 1)


@pytest.mark.parametrize("headers, cells, imputation, account", [
    # the code and the account's name in one cell (probe t07, u24)
    (["Chapitre", "Dépenses"], ["011 - Charges à caractère général", "320 000,00"], "011", "Charges à caractère général"),
    (["Chapitre", "Dépenses"], ["011 Charges à caractère général", "320 000,00"], "011", "Charges à caractère général"),
    (["Chapitre", "Montant"], ["65 : Autres charges de gestion courante", "1 000"], "65", "Autres charges de gestion courante"),
    (["Imputation", "Montant"], ["D 2313 – Constructions", "4 000,00"], "D 2313", "Constructions"),
    (["Compte", "Montant"], ["21/2135 Installations générales", "500"], "21/2135", "Installations générales"),
    # chapter and article in columns of their own (probe t05): one imputation, chapter first
    (["Chapitre", "Article", "Libellé", "BP 2024"], ["011", "60632", "Fournitures", "8 000,00"], "011/60632", None),
    (["Chapitre", "Article", "Libellé", "BP 2024"], ["011 - Charges à caractère général", "60632", "", "8 000,00"],
     "011/60632", "Charges à caractère général"),
    (["Nature", "Fonction", "Libellé", "Montant"], ["6574", "025", "Subventions", "1 000"], "6574/025", None),
    # a chapter cell left blank (printed on the group's first row only): the article alone
    (["Chapitre", "Article", "Libellé", "BP 2024"], ["", "615221", "Entretien", "25 000,00"], "615221", None),
    # the article of an order operation with its chapter in brackets, as printed (Chéméré 2011-09-13)
    (["Article", "Dépenses", "Recettes"], ["D 2313-163 (Chap 041)", "12 817,00 €"], "D 2313-163 (Chap 041)", None),
    (["Article", "Dépenses", "Recettes"], ["R 722 (040)", "", "1 000,00 €"], "R 722 (040)", None),
    (["Article", "Dépenses", "Recettes"], ["D 2762-008 (D 041)", "500,00 €"], "D 2762-008 (D 041)", None),
    (["Article", "Dépenses", "Recettes"], ["D 6811 (Chapitre 042)", "500,00 €"], "D 6811 (Chapitre 042)", None),
    # a bracket that is no chapter: no imputation
    (["Article", "Montant"], ["6574 (voir annexe)", "1 000"], None, None),
    (["Article", "Montant"], ["6574 (2024)", "1 000"], None, None),
    # an imputation already of two parts is not joined again
    (["Imputation", "Compte", "Montant"], ["21/2135", "2135", "1 000"], "21/2135", None),
    # no code in the cell: none, and no label taken from it
    (["Chapitre", "Montant"], ["Total chapitre 011", "33 000,00"], None, None),
    (["Chapitre", "Montant"], ["65 6574", "1 000"], None, None),
    (["Chapitre", "Montant"], ["Charges à caractère général", "1 000"], None, None),
])
def test_budget_lines_imputation_and_the_words_after_it(headers: list[str], cells: list[str], imputation: str | None,
                                                        account: str | None) -> None:
    from extractors.budget_lines import _IMPUTATION_RE, _code

    table = _one_row_table(headers, cells)
    assert _code(table, table.rows[0].cells, "imputation", _IMPUTATION_RE) == (imputation, account)


@pytest.mark.parametrize("header, cell, code, words", [
    # an operation's code printed before its name (probe t06)
    ("Opération", "AP 2024-01 Groupe scolaire", "AP2024-01", "Groupe scolaire"),
    ("Opération", "OP-14 : Voirie rurale", "OP-14", "Voirie rurale"),
    ("Programme", "C01-020Q01 Mission ESS", "C01-020Q01", "Mission ESS"),
    ("Opération", "P 23-653 - École maternelle", "P23-653", "École maternelle"),
    # the code alone, as before
    ("Opération", "OP-14", "OP-14", None),
    # a road's number, a name: no code
    ("Opération", "RD 123 Réfection de chaussée", None, None),
    ("Opération", "Groupe scolaire", None, None),
    ("Opération", "Rue 12-14 du Moulin", None, None),
])
def test_budget_lines_operation_code_before_its_name(header: str, cell: str, code: str | None,
                                                     words: str | None) -> None:
    from extractors.budget_lines import _CODE_RE, _code

    table = _one_row_table([header, "AP votée"], [cell, "2 500 000,00"])
    assert _code(table, table.rows[0].cells, "code", _CODE_RE) == (code, words)


def test_budget_lines_code_and_name_in_one_cell_give_both(tmp_path: Path) -> None:
    """Probe t07/t06: the imputation (or the operation's code) and the label, each in its field."""
    page = [(60, 80, "Article 1 : D'adopter le budget primitif 2024 par chapitre :"),
            (64, 112, "Chapitre"), (324, 112, "Dépenses"), (434, 112, "Recettes"),
            (64, 128, "011 - Charges à caractère général"), (340, 128, "320 000,00"),
            (64, 144, "73 Impôts et taxes"), (450, 144, "800 000,00"),
            (64, 160, "Total"), (340, 160, "320 000,00"), (450, 160, "800 000,00"),
            (60, 200, "Article 2 : Le budget est voté au niveau du chapitre.")]
    act = _whole_act(placed_pdf(tmp_path / "bp.pdf", [page]))
    rows = extract_budget_lines(act, Found(), IssueLog())
    assert [(r.imputation, r.label, r.measure, r.amount) for r in rows] == [
        ("011", "Charges à caractère général", "expense", Decimal("320000.00")),
        ("73", "Impôts et taxes", "other", Decimal("800000.00")),
        (None, "Total", "expense", Decimal("320000.00")), (None, "Total", "other", Decimal("800000.00"))]


@pytest.mark.parametrize("code_header", ["Article", "Imputation"])
@pytest.mark.parametrize("decrease, increase", [
    ("Diminution", "Augmentation"), ("Diminution de crédits", "Augmentation de crédits"),
    ("Crédits à réduire", "Crédits à ouvrir"), ("Réduction de crédits", "Ouverture de crédits"),
])
def test_budget_lines_decision_modificative_movements(tmp_path: Path, code_header: str, decrease: str,
                                                      increase: str) -> None:
    """A décision modificative's movements (probe x22b, x22c, x22e, u22) are what the act
    votes: ``proposed``, each as printed, its column saying which way."""
    grid = [60, 120, 320, 430, 540]
    header = [code_header, "Libellé", decrease, increase]
    body = [["", "Chapitre 011 - Charges à caractère général", "", ""],
            ["60632", "Fournitures de petit équipement", "", "1 500,00"], ["615221", "Entretien de bâtiments", "1 500,00", ""],
            ["6574", "Subventions aux associations", "", "2 000,00"], ["022", "Dépenses imprévues", "2 000,00", ""],
            ["", "TOTAL", "3 500,00", "3 500,00"]]
    text = [(60, 80, "Article 1 : D'adopter la décision modificative n° 3 comme suit :")]
    boxes = []
    for k, row in enumerate([header] + body):
        for i, value in enumerate(row):
            boxes.append((grid[i], 100 + 16 * k, grid[i + 1] - grid[i], 16))
            if value:
                text.append((grid[i] + 3, 111 + 16 * k, value))
    text.append((60, 240, "Article 2 : La décision modificative est votée au niveau du chapitre."))
    act = _whole_act(placed_pdf(tmp_path / "dm.pdf", [text], [boxes], size=9))
    rows = extract_budget_lines(act, Found(), IssueLog())
    assert [(r.imputation, r.column, r.measure, r.amount, r.is_total) for r in rows] == [
        ("60632", increase, "proposed", Decimal("1500.00"), False),
        ("615221", decrease, "proposed", Decimal("1500.00"), False),
        ("6574", increase, "proposed", Decimal("2000.00"), False),
        ("022", decrease, "proposed", Decimal("2000.00"), False),
        (None, decrease, "proposed", Decimal("3500.00"), True), (None, increase, "proposed", Decimal("3500.00"), True)]
    checks = check_table_total(act, Found(rows={"budget_lines": rows}))
    assert [c.passed for c in checks] == [True, True]


@pytest.mark.parametrize("label, measure", [
    # chapters named for what they spend or earn say no side: one column, one measure (probe t14, u21)
    ("Charges à caractère général", "budget"), ("Charges financières", "budget"),
    ("Virement à la section d'investissement", "budget"), ("Produits des services", "budget"),
    ("Total dépenses d'exploitation", "budget"),
    # a label that names its side still gives it
    ("Dépenses :", "expense"), ("Recettes :", "other"), ("Dépenses réalisées", "expense"),
])
def test_budget_lines_a_generic_column_takes_a_side_only_a_label_names(label: str, measure: str) -> None:
    from extractors.budget_lines import measure_in

    table = _one_row_table(["Chapitre", "Libellé", "Vote du conseil"], ["011", label, "45 000,00"])
    assert measure_in(table, 2, 0, table.label_for(table.rows[0], 2)) == measure


def _table_of(headers: list[str], rows: list[list[str]]):  # type: ignore[no-untyped-def]
    from pipeline.read.table_cells import Column, Row, Table

    return Table([Column(h, 100 * i, 100 * i + 90) for i, h in enumerate(headers)],
                 [Row({i: v for i, v in enumerate(r) if v}, 1, 0) for r in rows], 1, [Span(0, 1)])


@pytest.mark.parametrize("headers, rows, expected", [
    # (a) an avenant (Chéméré 2009-11-24, 2009/147): the contract's price, no credits
    (["", "Montant HT", "Montant TVA", "Montant TTC"],
     [["Marché initial", "6 559,14 €", "1 285,59 €", "7 844,73 €"], ["Avenant n°1", "-1 291,50 €", "-253,23 €", "-1 544,63 €"],
      ["Nouveau montant du marché", "5 603,74 €", "1 098,33 €", "6 702,07 €"]], []),
    # (b) the orders signed under delegation (Chéméré 2011-09-13, DE-2011/85)
    (["Date du marché", "Société", "Objet du marché", "Montant H.T."],
     [["06/07/11", "SYDELA (44801 SAINT HERBLAIN)", "Travaux éclairage public", "2 216,55 €"]], []),
    (["Date", "Fournisseur", "Objet", "Montant HT"], [["19/10/09", "EURE FILM", "20 serres-livres", "148,50 €"]], []),
    # (c) the offers of consultants compared
    (["CABINET", "Montant H.T."], [["BUREAU VERITAS (44800 SAINT-HERBLAIN)", "3 190,00 €"],
                                   ["HYGIATECH DPA (92250 LA GARENNE COLOMBES)", "4 404,55 €"]], []),
    # a financing plan in € HT, an operation's TTC credit and a DM stay budget lines
    (["Désignation", "Coût (€ HT)", "Financeurs", "Montant (€ HT)"],
     [["Travaux", "10 000,00", "Etat (DETR)", "4 000,00"], ["Total HT", "10 000,00", "Autofinancement", "6 000,00"]],
     [("Travaux", "expense", Decimal("10000.00")), ("Etat (DETR)", "other", Decimal("4000.00")),
      ("Total HT", "expense", Decimal("10000.00")), ("Autofinancement", "other", Decimal("6000.00"))]),
    (["Opération", "Imputation", "Montant TTC"], [["Réfection de la toiture", "21318", "48 000,00"]],
     [("Réfection de la toiture", "budget", Decimal("48000.00"))]),
    (["Article", "Dépenses", "Recettes"], [["D 615", "- 2500,00 €", ""], ["R 704", "", "3 720,00 €"]],
     [(None, "expense", Decimal("-2500.00")), (None, "other", Decimal("3720.00"))]),
])
def test_budget_lines_a_contracts_prices_are_no_credits(headers: list[str], rows: list[list[str]],
                                                        expected: list) -> None:  # type: ignore[type-arg]
    """Probes (Chéméré archive, read as budget lines before): the avenant tables, the orders
    signed under delegation and the offers compared print prices, not credits; HT or TTC
    columns of a financing plan or of an operation are credits still."""
    from unittest.mock import patch

    act = _text_act("Le Conseil municipal décide :\n")
    with patch("extractors.budget_lines.tables_of", return_value=[_table_of(headers, rows)]):
        out = extract_budget_lines(act, Found(), IssueLog())
    assert [(r.label, r.measure, r.amount) for r in out] == expected


@pytest.mark.parametrize("chapter, article", [("Chap.", "Art."), ("Chap", "Art"), ("Chapitre", "Art."),
                                              ("Chap.", "Article"), ("Chap.", "Cpte")])
def test_budget_lines_abbreviated_chapter_and_article_columns(tmp_path: Path, chapter: str, article: str) -> None:
    """Probes i11, b28: "Chap. | Art." over narrow columns is one imputation, chapter first
    ("012/64111"), and the article "022" is no 22 € of spending."""
    xs = [60, 110, 170, 360, 460]
    page = [(60, 80, "Article 1 : D'adopter la décision modificative n° 1 ci-dessous :"),
            *[(x, 120, h) for x, h in zip(xs, [chapter, article, "Libellé", "Diminution", "Augmentation"])],
            (60, 138, "012"), (110, 138, "64111"), (170, 138, "Rémunération principale"), (470, 138, "18 000,00"),
            (60, 156, "022"), (110, 156, "022"), (170, 156, "Dépenses imprévues"), (370, 156, "12 000,00"),
            (60, 200, "Article 2 : Le Maire est chargé de l'exécution de la présente délibération.")]
    act = _whole_act(placed_pdf(tmp_path / "dm.pdf", [page]))
    rows = extract_budget_lines(act, Found(), IssueLog())
    assert [(r.imputation, r.column, r.amount) for r in rows] == [
        ("012/64111", "Augmentation", Decimal("18000.00")), ("022/022", "Diminution", Decimal("12000.00"))]


@pytest.mark.parametrize("header, cell, code, words", [
    # an operation numbered by its year and rank, or by its authorisation's number (probes b01,
    # b04, b18, i05, i06), under a header naming the operation or authorisation
    ("N° opération", "2024-03", "2024-03", None), ("Code opération", "2021-01", "2021-01", None),
    ("N° AP", "2023_015", "2023_015", None), ("Opération", "2024-07", "2024-07", None),
    ("N° AP", "AP 12", "AP 12", None), ("AP n°", "AP n° 18", "AP n° 18", None), ("N°", "OP 15", "OP 15", None),
    ("N° opération", "2024-03 Toiture de l'église", "2024-03", "Toiture de l'église"),
    ("N° AP", "AP 12 Piscine intercommunale", "AP 12", "Piscine intercommunale"),
    # under the operations' names, a number before the name is part of it (Roannais 2021)
    ("Projets", "AP 1019 - Construction 12 avenue de Paris", None, None),
    ("Opération", "2024-03 Toiture de l'église", None, None),
    # a period, a bare rank, a road: no code
    ("Opération", "2024-2026", None, None), ("N° opération", "12", None, None), ("Opération", "RD 12", None, None),
    # a number of something else than an operation (probe n08): no operation code
    ("N° de titre", "T-412", None, None), ("N° de mandat", "2024-03", None, None),
    ("N° de facture", "AP 12", None, None),
])
def test_budget_lines_numbered_operations(header: str, cell: str, code: str | None, words: str | None) -> None:
    from extractors.budget_lines import _CODE_RE, _code

    table = _one_row_table([header, "Libellé", "Montant AP"], [cell, "Piscine", "2 500 000,00"])
    assert _code(table, table.rows[0].cells, "code", _CODE_RE) == (code, words)


def test_budget_lines_a_year_and_rank_under_a_label_is_no_code() -> None:
    """"2024-03" under "Libellé" or "Désignation" is text of the row, never its operation."""
    from extractors.budget_lines import _CODE_RE, _code

    for header in ("Libellé", "Désignation"):
        table = _one_row_table([header, "Montant"], ["2024-03", "1 000,00"])
        assert _code(table, table.rows[0].cells, "code", _CODE_RE) == (None, None)


@pytest.mark.parametrize("header, cells, kept", [
    # a share printed with its sign and percent under a money header (probes n07, j04): no money
    ("Écart", ("+ 2,05 %", "- 1,24 %"), []),
    ("Variation", ("+ 3,5 %", "- 0,5 %"), []),
    ("Écart", ("+2,05%", "-1,24%"), []),
    # the same header over money keeps it
    ("Écart", ("12 500,00", "1 200,00"), [Decimal("12500.00"), Decimal("1200.00")]),
])
def test_budget_lines_a_figure_printed_with_a_percent_sign_is_no_money(tmp_path: Path, header: str,
                                                                        cells: tuple[str, str],
                                                                        kept: list[Decimal]) -> None:
    xs = [60, 110, 300, 390, 480]
    page = [(60, 80, "Article 1 : D'adopter le budget primitif 2025 par chapitre :"),
            *[(x, 120, h) for x, h in zip(xs, ["Chapitre", "Libellé", "BP 2024", "BP 2025", header])],
            (60, 138, "011"), (110, 138, "Charges à caractère général"), (300, 138, "402 000,00"),
            (390, 138, "415 000,00"), (480, 138, cells[0]),
            (60, 156, "012"), (110, 156, "Charges de personnel"), (300, 156, "780 000,00"),
            (390, 156, "812 000,00"), (480, 156, cells[1]),
            (60, 200, "Article 2 : Le budget est voté au niveau du chapitre.")]
    act = _whole_act(placed_pdf(tmp_path / "bp.pdf", [page]))
    rows = extract_budget_lines(act, Found(), IssueLog())
    assert [r.amount for r in rows if r.column == header] == kept
    assert [r.amount for r in rows if r.column == "BP 2025"] == [Decimal("415000.00"), Decimal("812000.00")]


def _result_rows(headers: list[str], rows: list[tuple[str, list[str | None]]]) -> list[BudgetLineRow]:
    out = []
    for ri, (label, cells) in enumerate(rows, start=1):
        for header, cell in zip(headers, cells):
            if cell is not None:
                out.append(BudgetLineRow("act0", "doc", 1, 0, ri, "decision", None, None, label, header, "other",
                                         Decimal(cell)))
    return out


@pytest.mark.parametrize("headers, rows, passed", [
    # closing 2023 − part allocated to investment + the year's result = closing 2024 (probe b07)
    (["Résultat de clôture 2023", "Part affectée à l'investissement", "Résultat de l'exercice 2024",
      "Résultat de clôture 2024"],
     [("Investissement", ["-125340.12", None, "48210.50", "-77129.62"]),
      ("Fonctionnement", ["312845.90", "125340.12", "198604.37", "386110.15"])], [True, True]),
    # the years say which result is last year's (probe j08)
    (["Résultat 2023", "Affectation 1068", "Résultat 2024", "Résultat cumulé"],
     [("Fonctionnement", ["312845.90", "125340.12", "198604.37", "386110.15"])], [True]),
    (["Résultat reporté", "Résultat de l'exercice", "Résultat de clôture"],
     [("Fonctionnement", ["1000.00", "250.00", "1300.00"])], [False]),
    # not the three in order, or no way to say which year is whose: no check
    (["Résultat 2024", "Résultat 2023", "Résultat cumulé"], [("Fonctionnement", ["1.00", "2.00", "3.00"])], []),
    (["Résultat", "Résultat de l'exercice 2024", "Résultat de clôture 2024"],
     [("Fonctionnement", ["1.00", "2.00", "3.00"])], []),
    (["Résultat de clôture 2023", "Résultat de clôture 2024"], [("Fonctionnement", ["1.00", "3.00"])], []),
    (["Recettes", "Dépenses", "Résultat"], [("Fonctionnement", ["3.00", "2.00", "1.00"])], []),
])
def test_budget_lines_results_balance_of_a_table_of_results(headers: list[str], rows: list, passed: list[bool]) -> None:  # type: ignore[type-arg]
    from extractors.budget_lines import check_results_balance

    act = _text_act("Article 1 : D'affecter le résultat.")
    checks = check_results_balance(act, Found(rows={"budget_lines": _result_rows(headers, rows)}))
    assert [c.passed for c in checks] == passed, [c.detail for c in checks]
