"""Budget tables rebuilt from word positions (unruled, OCR'd) and from ruled PDF tables."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.errors import IssueLog
from pipeline.read.load import load_document
from pipeline.model import Document, Page, Span, TextSource, Word
from pipeline.options import Options
from pipeline.read.table_cells import leading_figure
from pipeline.read.tables import classify_header, find_tables, join_wrapped, whole_header
from tests.pdfgen import placed_pdf


#: A décision modificative without rules: a label wrapped around its figures, a negative line.
DM_PAGE = [
    (60, 80, "Article 1er : D'adopter la décision modificative n°3 telle que présentée ci-dessous :"),
    (80, 120, "Imputation"), (160, 120, "Libellé"), (370, 120, "Dépenses"), (460, 120, "Recettes"),
    (160, 138, "Subventions de fonctionnement aux"), (80, 144, "65/6574"), (400, 144, "10 650,00"),
    (160, 150, "associations"),
    (80, 170, "23/2313"), (160, 170, "Constructions"), (400, 170, "24 150,00"),
    (80, 188, "022/022"), (160, 188, "Dépenses imprévues"), (402, 188, "-2 350,00"),
    (80, 206, "74/7411"), (160, 206, "Dotation forfaitaire"), (488, 206, "32 450,00"),
    (80, 224, "TOTAL"), (400, 224, "32 450,00"), (488, 224, "32 450,00"),
    (60, 260, "Article 2 : Précise que la présente décision modificative est votée au niveau du chapitre."),
]


def test_tables_unruled_from_word_positions(tmp_path: Path) -> None:
    doc = load_document(placed_pdf(tmp_path / "dm.pdf", [DM_PAGE]), Options(ocr=False), IssueLog())
    tables = find_tables(doc)
    assert len(tables) == 1
    t = tables[0]
    assert t.headers == ["Imputation", "Libellé", "Dépenses", "Recettes"]
    labels = [t.label(r) for r in t.rows]
    assert labels == ["Subventions de fonctionnement aux associations", "Constructions", "Dépenses imprévues",
                      "Dotation forfaitaire", "TOTAL"]
    assert [t.is_total(r) for r in t.rows] == [False] * 4 + [True]
    assert t.rows[2].text(2) == "-2 350,00"
    assert t.rows[3].text(3) == "32 450,00" and not t.rows[3].text(2)
    assert "Article 2" not in doc.text[t.spans[0].start:t.spans[0].end]


@pytest.mark.parametrize("title_y", [110, 118, None])
@pytest.mark.parametrize("code_header, codes", [
    ("Chapitre / Article", ("21 / 2135", "23 / 2313")),
    ("Chap/Art", ("21/ 2135", "23 /2313")),
    ("Imputation", ("21 / 2135", "c/ 2313")),
    ("Compte", ("65 / 6574", "011 / 6064")),
])
def test_tables_unruled_title_and_slashed_codes(tmp_path: Path, title_y: int | None, code_header: str,
                                                codes: tuple[str, str]) -> None:
    """A section title just above an unruled table's header is no header word, and numbers cut
    by a slash are an imputation code, never an amount — wherever the words fall."""
    page = [(60, 80, "Article 1er : D'adopter la décision modificative n°1 telle que présentée ci-dessous :"),
            (80, 130, code_header), (200, 130, "Libellé"), (380, 130, "Montant"),
            (80, 150, codes[0]), (200, 150, "Installations générales"), (390, 150, "12 500,00"),
            (80, 168, codes[1]), (200, 168, "Constructions"), (390, 168, "-4 000,00"),
            (80, 186, "TOTAL"), (390, 186, "8 500,00"),
            (60, 230, "Article 2 : Précise que la présente décision modificative est votée au niveau du chapitre.")]
    if title_y:
        page.insert(1, (80, title_y, "Section d'investissement - Dépenses"))
    doc = load_document(placed_pdf(tmp_path / "dm.pdf", [page]), Options(ocr=False), IssueLog())
    tables = find_tables(doc)
    assert len(tables) == 1
    t = tables[0]
    assert t.headers == [code_header, "Libellé", "Montant"]
    assert [r.text(0).replace(" ", "") for r in t.rows[:2]] == [c.replace(" ", "") for c in codes]
    assert [r.text(2) for r in t.rows] == ["12 500,00", "-4 000,00", "8 500,00"]
    assert [t.label(r) for r in t.rows] == ["Installations générales", "Constructions", "TOTAL"]


def test_tables_continued_on_next_page(tmp_path: Path) -> None:
    page2 = [(80, 80, "Imputation"), (160, 80, "Libellé"), (370, 80, "Dépenses"), (460, 80, "Recettes"),
             (80, 100, "TOTAL"), (400, 100, "32 450,00"), (488, 100, "32 450,00"),
             (60, 140, "Fait et délibéré les jour, mois et an susdits.")]
    doc = load_document(placed_pdf(tmp_path / "dm2.pdf", [DM_PAGE[:-4], page2]), Options(ocr=False), IssueLog())
    tables = find_tables(doc)
    assert len(tables) == 1
    assert [r.page for r in tables[0].rows] == [1, 1, 1, 1, 2]
    assert tables[0].label(tables[0].rows[-1]) == "TOTAL"


def test_tables_ruled_with_wrapped_header(tmp_path: Path) -> None:
    cols = [60, 140, 230, 380, 460, 540]
    text = [(62, 112, "Code"), (62, 124, "Opération"), (142, 112, "Imputation"), (142, 124, "budgétaire"),
            (232, 118, "Libellé Opération"), (382, 118, "CP €"), (462, 118, "Dépense €"),
            (62, 150, "C01-020Q01"), (142, 150, "6568/9365"), (232, 145, "Mission ESS - Autres"),
            (232, 157, "participations"), (390, 150, "209 285,00"), (470, 150, "57 000,00")]
    rules = [(x0, 100, x1 - x0, 30) for x0, x1 in zip(cols, cols[1:])] + \
            [(x0, 130, x1 - x0, 34) for x0, x1 in zip(cols, cols[1:])]
    doc = load_document(placed_pdf(tmp_path / "ruled.pdf", [text], [rules]), Options(ocr=False), IssueLog())
    tables = find_tables(doc)
    assert len(tables) == 1
    t = tables[0]
    assert t.headers == ["Code Opération", "Imputation budgétaire", "Libellé Opération", "CP €", "Dépense €"]
    assert t.label(t.rows[0]) == "Mission ESS - Autres participations"
    assert t.rows[0].text(3) == "209 285,00"


@pytest.mark.parametrize("title, measures", [
    # a programme's table pasted from a spreadsheet (Fargues 2018): years are its CP, the total its AP
    ("Autorisation de programme et crédits de paiement (maj février 2016)", ["cp", "cp", "ae"]),
    ("Tableau de l'AP/CP de la salle des sports", ["cp", "cp", "ae"]),
    # without such a title, years and a total are no measure the vocabulary knows: no table of credits
    ("Tableau des travaux prévus", None),
])
def test_tables_ruled_programme_with_year_headers(tmp_path: Path, title: str, measures: list | None) -> None:  # type: ignore[type-arg]
    cols = [60, 200, 290, 380, 470]
    text = [(62, 80, title), (62, 112, "Nature de la prestation"), (202, 112, "2024"), (292, 112, "2025"),
            (382, 112, "Total TTC"), (62, 140, "Maîtrise d'oeuvre"), (210, 140, "45 088,86 €"),
            (300, 140, "73 054,60 €"), (390, 140, "118 143,46 €"), (62, 160, "Travaux"), (300, 160, "210 706,60 €"),
            (390, 160, "210 706,60 €")]
    # the header row lacks its first rules (a spreadsheet's borders): pdfplumber gives its first two
    # cells as none, "Nature de la prestation" and "2024" are read from the words there
    rules = [(60, 100, 410, 0)] + [(x, 100, 0, 30) for x in cols[2:]] + \
            [(x0, y, x1 - x0, 20) for y in (130, 150) for x0, x1 in zip(cols, cols[1:])]
    doc = load_document(placed_pdf(tmp_path / "apcp.pdf", [text], [rules]), Options(ocr=False), IssueLog())
    tables = find_tables(doc)
    if measures is None:
        assert not any(c.measure for t in tables for c in t.columns)
        return
    assert len(tables) == 1
    t = tables[0]
    assert t.headers[:1] == ["Nature de la prestation"]  # the header cell without a rule, from its words
    assert [c.measure for c in t.columns if c.measure] == measures
    assert [t.label(r) for r in t.rows] == ["Maîtrise d'oeuvre", "Travaux"]


def _ocr_document(lines: list[list[tuple[float, float, str, float]]], tops: list[float] | None = None) -> Document:
    """An OCR'd page built from word boxes: per line, (x0, x1, text, confidence); cells split by tabs."""
    text, words, pos = "", [], 0
    for li, line in enumerate(lines):
        top = tops[li] if tops else 100 + 14 * li
        parts = []
        for k, (x0, x1, w, conf) in enumerate(line):
            sep = "" if k == 0 else ("\t" if x0 - line[k - 1][1] > 15 else " ")
            parts.append(sep)
            start = pos + len("".join(parts))
            parts.append(w)
            words.append(Word(w, x0, top, x1, top + 9, start, li, conf))
        line_text = "".join(parts)
        text += line_text + "\n"
        pos += len(line_text) + 1
    page = Page(1, 595.0, 842.0, TextSource.OCR, 0, len(text), tuple(words), 90.0)
    return Document("ocr", "ocr.pdf", text, (page,))


def test_tables_ocr_word_lists() -> None:
    doc = _ocr_document([
        [(80, 110, "Code", 96), (150, 200, "Imputation", 90)],
        [(80, 130, "Opération", 80), (150, 200, "budgétaire", 94), (230, 270, "Libellé", 60),
         (273, 320, "Opération", 95), (380, 400, "CPE", 41), (460, 500, "Dépense", 92), (505, 512, "€", 96)],
        [(230, 250, "IAE", 88), (253, 256, "-", 91), (259, 310, "Subventions", 96), (313, 330, "aux", 96)],
        [(80, 135, "C02-044A03", 80), (150, 205, "6574/93564", 86), (260, 270, "es", 22),
         (399, 415, "104", 97), (419, 450, "500,00", 97), (484, 495, "44", 97), (499, 530, "500,00", 96)],
        [(230, 290, "associations", 96)],
        [(80, 120, "Dans", 94), (124, 140, "les", 96), (144, 200, "conditions", 95), (204, 220, "de", 96),
         (224, 250, "vote", 96), (254, 300, "ci-dessous", 93), (304, 306, ":", 93)],
    ], tops=[372, 383, 401, 406, 412, 432])  # as Tesseract placed them on a scanned page
    # the speck "es" is short: give it a tiny box as Tesseract does
    words = list(doc.pages[0].words)
    words = [Word(w.text, w.x0, w.top + 4, w.x1, w.top + 5, w.start, w.line, w.conf) if w.text == "es" else w
             for w in words]
    page = Page(1, 595.0, 842.0, TextSource.OCR, 0, len(doc.text), tuple(words), 90.0)
    doc = Document("ocr", "ocr.pdf", doc.text, (page,))
    t = find_tables(doc)[0]
    assert t.headers == ["Code Opération", "Imputation budgétaire", "Libellé Opération", "CPE", "Dépense €"]
    row = t.rows[0]
    assert t.label(row) == "IAE - Subventions aux associations"
    assert row.text(3) == "104 500,00" and row.text(4) == "44 500,00"


@pytest.mark.parametrize("header, measure", [
    ("CP", "cp"), ("CP €", "cp"), ("CP€", "cp"), ("Crédits de paiement", "cp"), ("CPE", "cp"),
    ("AE", "ae"), ("Autorisations d'engagement", "ae"), ("Disponible", "available"),
    ("Proposition", "proposed"), ("Dépense €", "expense"), ("Dépenses", "expense"), ("Solde", "balance"),
    ("BP", "budget"), ("Montant", "budget"), ("BP 2023", "budget"), ("Recettes", "other"),
    ("Libellé", None), ("Imputation budgétaire", None), ("Code Opération", None),
])
def test_tables_classify_header(header: str, measure: str | None) -> None:
    assert classify_header(header) == measure


@pytest.mark.parametrize("a, b, joined", [
    ("Disponibl", "e", "Disponible"), ("Imputatio", "n Budgét", "Imputation Budgét"),
    ("Imputation Budgét", "aire", "Imputation Budgétaire"), ("Code", "Opération", "Code Opération"),
    ("IAE - Subventions", "aux associations", "IAE - Subventions aux associations"),
])
def test_tables_join_wrapped(a: str, b: str, joined: str) -> None:
    assert join_wrapped(a, b) == joined


def test_tables_span_limits_tables() -> None:
    doc = _ocr_document([[(80, 120, "Libellé", 95), (400, 430, "Montant", 95)],
                         [(80, 150, "Fournitures", 95), (400, 440, "1 200,00", 95)]])
    assert find_tables(doc, Span(0, 3)) and not find_tables(doc, Span(len(doc.text) - 1, len(doc.text)))


@pytest.mark.parametrize("text, measure", [
    ("Disponibl 7", "available"),   # "Disponibl" / "e" in a narrow cell, the "e" misread by OCR
    ("Propositi à", "proposed"),
    ("Disponibl", "available"),
    ("Libellé Opération", None),
    ("Imputation Budgétaire", None),
])
def test_tables_header_cut_by_a_narrow_cell(text: str, measure: str | None) -> None:
    assert classify_header(text) == measure


@pytest.mark.parametrize("a, b, joined", [
    ("Disponibl", "7", "Disponible"),
    ("Propositi", "à", "Proposition"),
    ("Disponibl", "e", "Disponible"),
    ("Montant", "HT", "Montant HT"),   # a whole word is not completed
    ("IAE - Subventions", "aux associations", "IAE - Subventions aux associations"),
])
def test_tables_join_wrapped_completes_cut_words(a: str, b: str, joined: str) -> None:
    assert join_wrapped(a, b) == joined


@pytest.mark.parametrize("text, whole", [
    ("Disponibl", "Disponible"), ("Propositi", "Proposition"),
    ("Intitulé action", "Intitulé action"),   # a word, not "actions" cut
    ("Montant", "Montant"), ("Libellé", "Libellé"),
])
def test_tables_whole_header(text: str, whole: str) -> None:
    assert whole_header(text) == whole


#: A financing plan on two sides, each printing its own labels (Aiglun 2013-12, item 7):
#: the header names the sides only, a bracket under a label continues it.
PLAN_PAGE = [
    (43, 41, "plan de financement prévisionnel établi ainsi qu'il suit :"),
    (152, 61, "Dépenses"), (402, 61, "Recettes"),
    (52, 87, "Installations chantier"), (251, 87, "3 000 € ht"), (306, 87, "État (DETR 2014)"), (498, 87, "96 940 €"),
    (306, 99, "(80 % sur 121 175 € ht)"),
    (52, 125, "Terrassement VRD"), (247, 125, "13 125 € ht"), (306, 125, "Participation communale"), (498, 125, "24 235 €"),
    (52, 151, "Total ht"), (252, 151, "16 125 €"),
    (52, 164, "Total TTC"), (252, 164, "19 350 €"), (306, 164, "Total TTC"), (493, 164, "121 175 €"),
    (43, 190, "Vote favorable à l'unanimité."),
]


def test_tables_two_sided_plan_keeps_each_sides_label(tmp_path: Path) -> None:
    doc = load_document(placed_pdf(tmp_path / "plan.pdf", [PLAN_PAGE]), Options(ocr=False), IssueLog())
    [t] = find_tables(doc)
    assert t.headers == ["Dépenses", "Recettes"]
    got = [(t.label_for(r, ci), t.columns[ci].header, r.text(ci)) for r in t.rows for ci in (0, 1) if r.text(ci)]
    assert got == [
        ("Installations chantier", "Dépenses", "3 000 € ht"),
        ("État (DETR 2014) (80 % sur 121 175 € ht)", "Recettes", "96 940 €"),
        ("Terrassement VRD", "Dépenses", "13 125 € ht"), ("Participation communale", "Recettes", "24 235 €"),
        ("Total ht", "Dépenses", "16 125 €"), ("Total TTC", "Dépenses", "19 350 €"), ("Total TTC", "Recettes", "121 175 €"),
    ]
    assert t.side(0) == "expense" and t.side(1) == "income"


#: An AP/CP table whose headers wrap above and below their line (dev G, région).
APCP_PAGE = [
    (60, 80, "Article 2 : D'affecter un montant de 1 241 000,00 € sur les autorisations suivantes :"),
    (330, 100, "Reste à"), (470, 100, "CP 2024 et"),
    (60, 110, "N° AP"), (110, 110, "Intitulé"), (200, 110, "AP votée"), (260, 110, "Affecté ce jour"),
    (400, 110, "CP 2023"),
    (330, 120, "affecter"), (470, 120, "suivants"),
    (110, 134, "Biodiversité –"),
    (60, 140, "P23-653"), (200, 140, "2 360 000"), (260, 140, "744 600"), (330, 140, "639 900"), (400, 140, "372 300"),
    (470, 140, "372 300"),
    (110, 146, "investissement"),
    (60, 166, "Total"), (200, 166, "2 360 000"), (260, 166, "744 600"), (330, 166, "639 900"), (400, 166, "372 300"),
    (470, 166, "372 300"),
    (60, 200, "Article 3 : D'approuver la convention type d'attribution et d'autoriser le Président à la signer."),
]


def test_tables_ap_cp_headers_on_three_lines(tmp_path: Path) -> None:
    doc = load_document(placed_pdf(tmp_path / "apcp.pdf", [APCP_PAGE], size=8), Options(ocr=False), IssueLog())
    [t] = find_tables(doc)
    assert t.headers == ["N° AP", "Intitulé", "AP votée", "Affecté ce jour", "Reste à affecter", "CP 2023",
                         "CP 2024 et suivants"]
    assert [c.measure for c in t.columns] == [None, None, "ae", "proposed", "balance", "cp", "cp"]
    assert [t.label(r) for r in t.rows] == ["Biodiversité – investissement", "Total"]
    assert t.rows[0].text(0) == "P23-653" and t.is_total(t.rows[1])


#: A bulletin page set in two columns, its grants list under a title and no header.
BULLETIN_PAGE = [
    (20, 50, "COMPTE-RENDU DU CONSEIL"), (300, 50, "SUBVENTIONS"),
    (20, 62, "MUNICIPAL DU 26 MARS 2013"), (300, 62, "ASSOCIATIONS 2013"),
    (20, 90, "Les résultats de l'année 2012"), (260, 90, "AEP La Saint Jean"), (520, 90, "64 018,97 €"),
    (20, 102, "s'établissent comme suit :"), (260, 102, "ADMR"), (520, 102, "1 000,00 €"),
    (20, 114, "-Fonctionnement : +72 931,44 €"), (260, 114, "Association pour le développement du Bassin"),
    (260, 124, "Versant de la Baie de Bourgneuf"), (530, 124, "195,05 €"),
    (20, 136, "INDEMNITE POUR LE GARDIENNAGE"), (260, 136, "Arche Football Club"), (520, 136, "3 638.00€"),
    (20, 148, "Elle est fixée à 342,83€ pour l'année 2013."),
]


def test_tables_titled_list_in_a_bulletin_column(tmp_path: Path) -> None:
    doc = load_document(placed_pdf(tmp_path / "bulletin.pdf", [BULLETIN_PAGE], size=8), Options(ocr=False), IssueLog())
    [t] = find_tables(doc)
    assert t.source == "list" and t.is_grants and t.headers[1] == "SUBVENTIONS ASSOCIATIONS 2013"
    assert [(r.text(0), r.text(1)) for r in t.rows] == [
        ("AEP La Saint Jean", "64 018,97 €"), ("ADMR", "1 000,00 €"),
        ("Association pour le développement du Bassin Versant de la Baie de Bourgneuf", "195,05 €"),
        ("Arche Football Club", "3 638.00€"),
    ]
    # the left column's amounts are running text, not cells of the list
    offset = doc.text.index("342,83")
    assert not t.covers(offset)


def test_tables_ocr_cell_read_line_by_line() -> None:
    """Tesseract gives a wrapped name as one line sorted left to right ("Association Zones
    Humides Les Amis des"): the cell is read line by line again."""
    doc = _ocr_document([
        [(70, 110, "Bénéficiaire", 95), (410, 440, "Montant", 95)],
        [(70, 125, "Association", 95), (90, 120, "Zones", 95), (127, 150, "Les", 95), (125, 160, "Humides", 95),
         (155, 175, "Amis", 95), (178, 190, "des", 95), (410, 450, "66 500,00", 95)],
    ])
    words = list(doc.pages[0].words)
    # "Zones Humides" sits on the lower line of the cell
    words = [Word(w.text, w.x0, w.top + 9 if w.text in ("Zones", "Humides") else w.top, w.x1,
                  w.bottom + 9 if w.text in ("Zones", "Humides") else w.bottom, w.start, w.line, w.conf) for w in words]
    page = Page(1, 595.0, 842.0, TextSource.OCR, 0, len(doc.text), tuple(words), 90.0)
    t = find_tables(Document("ocr", "ocr.pdf", doc.text, (page,)))[0]
    assert t.rows[0].text(0) == "Association Les Amis des Zones Humides"


def _figures_table(values: list[str], total: str, sirets: list[str] | None = None):  # type: ignore[no-untyped-def]
    from pipeline.read.table_cells import Column, Row, Table

    cols = [Column("Bénéficiaire", 0, 90), Column("SIRET", 100, 190), Column("Montant voté (€)", 200, 290)]
    rows = [Row({0: f"B{k}", 1: (sirets or [""] * len(values))[k], 2: v}, 1, 0,
                boxes={**({1: (100, 20 * k, 190, 20 * k + 9)} if sirets else {}), 2: (200, 20 * k, 290, 20 * k + 9)})
            for k, v in enumerate(values)]
    rows.append(Row({0: "TOTAL", 2: total}, 1, 0, boxes={2: (200, 20 * len(values), 290, 20 * len(values) + 9)}))
    return Table(cols, rows, 1)


def _scanned_doc() -> Document:
    page = Page(1, 595.0, 842.0, TextSource.OCR, 0, 1, (), 80.0)
    return Document("scan", "scan.pdf", "x", (page,))


@pytest.mark.parametrize("values, total, second_reading, after", [
    # a misread figure: the column does not add up; read again, it does: replaced
    (["75 500,00", "24 5O0,00", "66 500,00"], "166 500,00", ["75 500,00", "24 500,00", "66 500,00", "166 500,00"],
     ["75 500,00", "24 500,00", "66 500,00"]),
    # read again, it still does not add up: the first reading stays (the checks will say so)
    (["75 500,00", "24 500,00", "66 500,00"], "170 000,00", ["75 500,00", "24 500,00", "66 500,00", "170 000,00"],
     ["75 500,00", "24 500,00", "66 500,00"]),
])
def test_tables_scanned_figures_read_again_when_the_total_fails(values: list[str], total: str,
                                                                second_reading: list[str], after: list[str]) -> None:
    from pipeline.read.figure_reread import check_figures

    table = _figures_table(values, total)
    calls: list[int] = []

    def read(doc, page, boxes, kind):  # type: ignore[no-untyped-def]
        calls.append(len(boxes))
        return second_reading[: len(boxes)]

    check_figures(_scanned_doc(), table, read)
    assert [r.text(2) for r in table.rows[:-1]] == after and calls == [len(values) + 1]


def test_tables_scanned_siret_read_again_when_its_key_fails() -> None:
    from pipeline.read.figure_reread import check_figures

    table = _figures_table(["67 500,00"], "67 500,00", sirets=["51567676500181"])  # "131" read "181"
    check_figures(_scanned_doc(), table, lambda doc, page, boxes, kind: ["51567676500131"] * len(boxes))
    assert table.rows[0].text(1) == "51567676500131"
    table = _figures_table(["67 500,00"], "67 500,00", sirets=["51567676500181"])
    check_figures(_scanned_doc(), table, lambda doc, page, boxes, kind: ["51567676500182"] * len(boxes))
    assert table.rows[0].text(1) == "51567676500181"  # no valid reading: kept as read (and no SIRET given)


def test_tables_tesseract_reads_a_cell_again(tmp_path: Path) -> None:
    from tests.pdfgen import scan_pdf, table_image
    from pipeline.read.figure_reread import tesseract_cells

    img = table_image(["Libelle", "Montant"], [["Fournitures", "12 345,67"]])
    doc = load_document(scan_pdf(tmp_path / "scan.pdf", [img]), Options(), IssueLog())
    word = next(w for w in doc.pages[0].words if w.text.startswith("345"))
    first = next(w for w in doc.pages[0].words if w.text == "12" and abs(w.top - word.top) < 3)
    [text] = tesseract_cells(doc, 1, [(first.x0, word.top, word.x1, word.bottom)], "figure")
    assert text == "12 345,67"


@pytest.mark.parametrize("cell, cut", [
    # a number after an account word is the account's code, not an amount
    ("Compte 023 : 5 000 €", ["Compte 023 :", "5 000 €"]),
    ("article 6574 1 200,00", ["article 6574", "1 200,00"]),
    ("Chapitre 65 Subventions", ["Chapitre 65 Subventions"]),
    # elsewhere a figure is cut out of its cell
    ("Installations chantier 3 000 € ht État", ["Installations chantier", "3 000 € ht", "État"]),
])
def test_tables_code_after_an_account_word_is_no_figure(cell: str, cut: list[str]) -> None:
    from pipeline.model import Word
    from pipeline.read.word_tables import _split_figures

    words, x, pos = [], 0.0, 0
    for t in cell.split(" "):
        words.append(Word(t, x, 0, x + 6 * len(t), 9, pos, 0))
        x += 6 * len(t) + 4
        pos += len(t) + 1
    assert [" ".join(w.text for w in c.words) for c in _split_figures(words)] == cut


@pytest.mark.parametrize("second_header", [["DM", "précédentes"], ["DM antérieures"]])
def test_tables_ruled_rows_stacked_in_one_ruled_row(tmp_path: Path, second_header: list[str]) -> None:
    """Roannais 2021's décisions modificatives: a ruled table whose body rows have no rule
    between them (one ruled row holds six, a column blank on some lines), a dash a sliver of
    the line's height, and a header cell over two lines ("DM" / "précédentes")."""
    cols = [43, 277, 357, 437, 517]
    head = [(45, 95, "RECETTES"), (280, 95, "BP 2021"), (440, 95, "DM3")]
    head += [(360, 89 + 10 * k, w) for k, w in enumerate(second_header)] if len(second_header) == 2 else \
        [(360, 95, second_header[0])]
    body = [("70 - Produits des services", "311 000,00", "-125 000,00", ""),
            ("74 - Dotations, subventions et participations", "124 600,00", "-31 000,00", "20 400,00"),
            ("77 - Produits exceptionnels", "", "40 000,00", ""),
            ("78 - Reprises sur provisions", "", "12 486,00", "2 500,00")]
    text = list(head)
    for k, (label, *figures) in enumerate(body):
        y = 120 + 14 * k
        text.append((45, y, label))
        text += [(x + 3, y, f) for x, f in zip(cols[1:], figures) if f]
    total_y = 120 + 14 * len(body)
    text += [(45, total_y, "Total des recettes réelles"), (280, total_y, "435 600,00"), (360, total_y, "-103 514,00"),
             (440, total_y, "22 900,00")]
    rules = [(x0, 80, x1 - x0, 28) for x0, x1 in zip(cols, cols[1:])] + \
            [(x0, 108, x1 - x0, 14 * len(body) + 2) for x0, x1 in zip(cols, cols[1:])] + \
            [(x0, 110 + 14 * len(body), x1 - x0, 16) for x0, x1 in zip(cols, cols[1:])]
    doc = load_document(placed_pdf(tmp_path / "dm.pdf", [text], [rules]), Options(ocr=False), IssueLog())
    [t] = find_tables(doc)
    assert t.source == "rules"  # read from its rules, not rebuilt from word positions
    assert t.headers == ["RECETTES", "BP 2021", " ".join(second_header), "DM3"]
    assert [c.measure for c in t.columns] == [None, "budget", "other", "other"]
    assert [t.label(r) for r in t.rows] == [b[0] for b in body] + ["Total des recettes réelles"]
    assert [r.text(2) for r in t.rows] == ["-125 000,00", "-31 000,00", "40 000,00", "12 486,00", "-103 514,00"]
    assert [r.text(1) for r in t.rows][:3] == ["311 000,00", "124 600,00", ""]


def _grid_page(rows: list[list[str]], cols: list[float], top: float = 100, height: float = 16,
               spans: dict[int, list[tuple[int, int]]] | None = None
               ) -> tuple[list[tuple[float, float, str]], list[tuple[float, float, float, float]]]:
    """Words and stroked cell boxes of a ruled grid: one rectangle per cell, a row of
    ``spans`` holding merged cells (first and last column index) instead."""
    text: list[tuple[float, float, str]] = []
    boxes: list[tuple[float, float, float, float]] = []
    for k, row in enumerate(rows):
        y = top + k * height
        cells = (spans or {}).get(k) or [(i, i) for i in range(len(cols) - 1)]
        for (a, b), value in zip(cells, row):
            boxes.append((cols[a], y, cols[b + 1] - cols[a], height))
            if value:
                text.append((cols[a] + 3, y + 11, value))
    return text, boxes


@pytest.mark.parametrize("title", [
    "Autorisation de programme et crédits de paiement (mise à jour 2016)",
    "AP/CP de l'opération : échéancier des crédits de paiement",
])
def test_ruled_grid_of_two_stacked_tables_under_a_title(tmp_path: Path, title: str) -> None:
    # one grid, its rules running on: a title over all the columns, the expenses, then a
    # second header row ("recettes | 2014 | 2015 | total") and the receipts
    cols = [50, 200, 290, 380, 470]
    rows = [[title],
            ["désignation", "2014", "2015", "total"],
            ["études", "1 000,00", "2 000,00", "3 000,00"],
            ["travaux", "10 000,00", "20 000,00", "30 000,00"],
            ["sous total", "11 000,00", "22 000,00", "33 000,00"],
            ["frais divers", "500,00", "700,00", "1 200,00"],
            ["recettes", "2014", "2015", "total"],
            ["emprunt", "8 000,00", "9 000,00", "17 000,00"],
            ["subventions", "3 500,00", "13 700,00", "17 200,00"]]
    text, boxes = _grid_page(rows, cols, spans={0: [(0, 3)]})
    doc = load_document(placed_pdf(tmp_path / "ap.pdf", [text], [boxes]), Options(ocr=False), IssueLog())
    tables = find_tables(doc)
    assert [t.source for t in tables] == ["rules", "rules"]
    expenses, receipts = tables
    # the title is the table's, not a group before each header: the years are CP, the total the AP
    assert expenses.headers == ["désignation", "2014", "2015", "total"]
    assert [c.measure for c in expenses.columns] == [None, "cp", "cp", "ae"]
    assert [expenses.label(r) for r in expenses.rows] == ["études", "travaux", "sous total", "frais divers"]
    # the second table's years and total are money of no named kind
    assert receipts.headers == ["recettes", "2014", "2015", "total"]
    assert [c.measure for c in receipts.columns][1:] == ["other", "other", "other"]
    assert [receipts.label(r) for r in receipts.rows] == ["emprunt", "subventions"]
    assert [r.text(3) for r in receipts.rows] == ["17 000,00", "17 200,00"]


def test_a_row_of_labels_inside_a_ruled_table_starts_no_table(tmp_path: Path) -> None:
    # a chapter row ("Chapitre 011 | Charges à caractère général") names no measure: same table
    cols = [50, 120, 300, 400]
    rows = [["Chapitre", "Libellé", "BP 2024"],
            ["60", "Achats", "12 000,00"],
            ["011", "Charges à caractère général", ""],
            ["6231", "Annonces et insertions", "1 500,00"]]
    text, boxes = _grid_page(rows, cols)
    doc = load_document(placed_pdf(tmp_path / "bp.pdf", [text], [boxes]), Options(ocr=False), IssueLog())
    [t] = find_tables(doc)
    assert [r.text(2) for r in t.rows] == ["12 000,00", "1 500,00"]


@pytest.mark.parametrize("cell, first_line, ok", [
    # a money cell over lines: its figure is its first line when the rest is something else
    ("5 700,00 € (Acompte : 3 000,00 € Solde en fonction du résultat)", "5 700,00 €", True),
    ("14 971,00 € (Acompte : 8 000,00 €)", "14 971,00 €", True),
    ("1 500,00 € (Equipement)", "1 500,00 €", True),
    ("2 000,00", "2 000,00", True),
    # a figure wrapped over two lines is not its first line's figure
    ("104 500,00", "104", False),
    ("1 234 567,89 €", "1 234", False),
    ("12 000 €", "12 000", False),
    # a label's first line is no figure
    ("Compagnons de la Blanche – section animation", "Compagnons de la Blanche –", False),
])
def test_tables_money_cell_figure_is_its_opening_line(cell: str, first_line: str, ok: bool) -> None:
    assert leading_figure(cell, first_line) is ok


@pytest.mark.parametrize("words, cells", [
    # a chapter and its article, the slash alone or glued to either side
    (["21", "/", "2135", "Installations", "12 500,00"], [("21 / 2135 Installations", False), ("12 500,00", True)]),
    (["65/", "6574", "Subventions", "1 000"], [("65/ 6574 Subventions", False), ("1 000", True)]),
    (["c/", "238", "Avances", "2 000,00"], [("c/ 238 Avances", False), ("2 000,00", True)]),
    (["011", "/6064", "Fournitures", "-350,00"], [("011 /6064 Fournitures", False), ("-350,00", True)]),
    # a figure with no slash beside it stays an amount
    (["Travaux", "3 000", "€", "ht"], [("Travaux", False), ("3 000 € ht", True)]),
])
def test_tables_slashed_code_is_no_figure(words: list[str], cells: list[tuple[str, bool]]) -> None:
    from pipeline.read.word_tables import _split_figures
    placed = [Word(w, 10.0 * k, 0, 10.0 * k + 8, 10, start=k, line=0) for k, w in enumerate(words)]
    assert [(c.text, c.amount) for c in _split_figures(placed)] == cells


# ---------------------------------------------------------------------------
# Where an unruled table ends, which column its figures stand in, sides over a grid
# ---------------------------------------------------------------------------

#: Helvetica's widths (per 1000 em) of the characters figures are printed with.
_FIGURE_WIDTHS = {" ": 278, ",": 278, ".": 278, "-": 333, "€": 556}


def _right(x: float, figure: str, size: float = 10) -> tuple[float, str]:
    """(x0, figure) of a figure printed right-aligned so that it ends at ``x``."""
    return x - sum(_FIGURE_WIDTHS.get(c, 556) for c in figure) * size / 1000, figure


#: The act's closing lines, close to each other as running text is.
_CLOSING = ["Ainsi fait et délibéré les jour, mois et an susdits.", "Pour extrait certifié conforme,", "Le Maire,"]


def _grants_page(after: str, total: bool) -> list[tuple[float, float, str]]:
    """An unruled table of three beneficiaries (no rules, no total row unless ``total``),
    then ``after`` and the act's closing lines."""
    page = [(60, 80, "Article 1 : D'attribuer les subventions exceptionnelles suivantes :"),
            (64, 110, "Bénéficiaire"), (264, 110, "Projet"), (424, 110, "Montant (€)")]
    rows = [("Comité des fêtes", "Fête médiévale", "1 500"), ("Rock au Château", "Festival 2024", "2 000"),
            ("Amicale laïque", "Vide-grenier", "300")] + ([("Total", "", "3 800")] if total else [])
    y = 126
    for name, project, amount in rows:
        page += [(64, y, name), (264, y, project), (*_right(510, amount)[:1], y, amount)]
        y += 16
    y += 8
    for line in [after, *_CLOSING]:
        page.append((60, y, line))
        y += 13
    return [(x, yy, t) for x, yy, t in page if t]


@pytest.mark.parametrize("total", [False, True])
@pytest.mark.parametrize("after", [
    # the probe's: an article after the table, its account number cut out as a figure
    "Article 2 : Les crédits sont inscrits à l'article 6574 du budget.",
    "Article 2 : Il restera 2 200 € disponibles sur l'enveloppe.",
    "ARTICLE 2 - Le Maire est chargé de l'exécution.",
    "Article 2. Ampliation sera adressée au comptable.",
    # a sentence run over the start of the next column, no article heading
    "Les crédits nécessaires sont inscrits au budget de l'exercice.",
    # a short sentence standing apart from the last row, the act's lines touching each other below it
    "Le Maire est chargé de l'exécution.",
])
def test_tables_unruled_table_ends_where_the_text_resumes(tmp_path: Path, after: str, total: bool) -> None:
    """An unruled table with no rule and no blank below it ends where running text resumes:
    the last row keeps its own cells, the text after it is no row's nor the table's (probe
    u16/u18, t15: "Amicale laïque Article 2 : Les crédits … Publié le 18 mars 2024")."""
    doc = load_document(placed_pdf(tmp_path / "g.pdf", [_grants_page(after, total)]), Options(ocr=False), IssueLog())
    [t] = find_tables(doc)
    assert [(r.text(0), r.text(1), r.text(2)) for r in t.rows] == [
        ("Comité des fêtes", "Fête médiévale", "1 500"), ("Rock au Château", "Festival 2024", "2 000"),
        ("Amicale laïque", "Vide-grenier", "300")] + ([("Total", "", "3 800")] if total else [])
    assert t.spans[-1].end <= doc.text.index(after.split()[0] + " " + after.split()[1])


def test_tables_unruled_last_row_keeps_its_wrapped_label(tmp_path: Path) -> None:
    """The line just under the last row, touching it, is that row's wrapped label; the text
    after, standing apart, is not."""
    page = _grants_page("Article 2 : Les crédits sont inscrits à l'article 6574 du budget.", False)
    y_last = max(y for x, y, t in page if t == "Amicale laïque")
    page = [(x, y + (11 if y > y_last else 0), t) for x, y, t in page] + [(64, y_last + 11, "de Saint-Martin")]
    doc = load_document(placed_pdf(tmp_path / "g.pdf", [page]), Options(ocr=False), IssueLog())
    [t] = find_tables(doc)
    assert t.rows[-1].text(0) == "Amicale laïque de Saint-Martin" and t.rows[-1].text(1) == "Vide-grenier"


@pytest.mark.parametrize("text, heading", [
    ("Article 2 : Les crédits sont inscrits au budget.", True), ("ARTICLE 3 - Le Maire est chargé", True),
    ("Article 1er. D'attribuer", True), ("Article premier : D'adopter", True), ("Art. 4 – Ampliation", True),
    ("Article 2", True),
    # an account, a code of law: no heading
    ("Article 6574 - Subventions aux associations", False), ("Article L. 2121-29 du CGCT", False),
    ("Articles 2 et 3 du contrat", False), ("Fournitures de petit équipement", False),
])
def test_tables_article_heading(text: str, heading: bool) -> None:
    from pipeline.read.word_tables import _ARTICLE_HEADING_RE

    assert bool(_ARTICLE_HEADING_RE.match(text)) is heading


@pytest.mark.parametrize("headers", [
    (["Propositions"], ["Vote"]),
    (["Propositions", "nouvelles"], ["Vote du", "conseil"]),
    (["BP 2024"], ["DM n°1"]),
    (["Crédits votés"], ["Nouveaux crédits"]),
])
def test_tables_unruled_figures_go_to_their_own_column(tmp_path: Path, headers: tuple[list[str], list[str]]) -> None:
    """Headers set at the left of their columns, figures right-aligned well right of them:
    the first money column's figures stand under no header word, nearer the next header's
    centre than their own. Each band of figures is its own column, in order (probe u20,
    x20b, t14: the Propositions column was dropped, its figures read under "Vote")."""
    page = [(60, 80, "Article 1 : D'adopter le budget primitif 2024 du service assainissement :"),
            (64, 112, "Chapitre"), (124, 112, "Libellé")]
    for x, lines in zip((324, 444), headers):
        page += [(x, 112 + 11 * k, line) for k, line in enumerate(lines)]
    body = [("011", "Charges à caractère général", "47 000,00", "45 000,00"),
            ("66", "Charges financières", "3 200,00", "3 100,00"),
            ("023", "Virement à la section d'investissement", "20 000,00", "21 900,00"),
            ("", "Total dépenses d'exploitation", "70 200,00", "70 000,00")]
    y = 112 + 11 * max(len(h) for h in headers) + 10
    for code, label, a, b in body:
        page += [(64, y, code), (124, y, label), (_right(432, a)[0], y, a), (_right(540, b)[0], y, b)]
        y += 16
    page.append((60, y + 14, "Article 2 : Le budget est voté par chapitre."))
    doc = load_document(placed_pdf(tmp_path / "bp.pdf", [[p for p in page if p[2]]]), Options(ocr=False), IssueLog())
    [t] = find_tables(doc)
    assert [c.measure is not None for c in t.columns] == [False, False, True, True]
    assert [(r.text(2), r.text(3)) for r in t.rows] == [(a, b) for _, _, a, b in body]


def test_tables_unruled_figures_without_a_placing_stay(tmp_path: Path) -> None:
    """More bands of figures than money columns: no placing in order exists, and each figure
    stays under the header nearest it (the last figure of a cell is its amount)."""
    page = [(60, 80, "Article 1 : D'approuver le plan suivant :"), (64, 112, "Libellé"), (300, 112, "Montant"),
            (64, 128, "Travaux"), (_right(390, "1 000,00")[0], 128, "1 000,00"), (_right(520, "2 000,00")[0], 128, "2 000,00"),
            (64, 144, "Études"), (_right(390, "500,00")[0], 144, "500,00"), (_right(520, "700,00")[0], 144, "700,00"),
            (60, 180, "Article 2 : Le Maire est chargé de l'exécution.")]
    doc = load_document(placed_pdf(tmp_path / "p.pdf", [page]), Options(ocr=False), IssueLog())
    [t] = find_tables(doc)
    assert [r.text(1) for r in t.rows] == ["2 000,00", "700,00"]


_DM_GRID = [60, 200, 285, 370, 455, 540]


def _two_level_page(above: list[tuple[float, str]]) -> tuple[list[tuple[float, float, str]], list[tuple[float, float, float, float]]]:
    """A ruled décision modificative whose sides are printed just above its grid (``above``:
    x and text of each), its header row "Désignation | Diminution de crédits | Augmentation
    de crédits | …" twice."""
    header = ["Désignation", "Diminution de\ncrédits", "Augmentation\nde crédits", "Diminution de\ncrédits",
              "Augmentation\nde crédits"]
    body = [["Installations générales", "", "12 000,00", "", ""], ["Constructions", "4 000,00", "", "", ""],
            ["Subvention Département", "", "", "", "8 000,00"], ["TOTAL", "4 000,00", "12 000,00", "", "8 000,00"]]
    text = [(60, 80, "Article 1 : D'adopter la décision modificative n° 2 suivante :")]
    text += [(x, 104, word) for x, word in above]
    boxes = []
    y = 110
    for k, row in enumerate([header] + body):
        height = 26 if k == 0 else 16
        for i, value in enumerate(row):
            boxes.append((_DM_GRID[i], y, _DM_GRID[i + 1] - _DM_GRID[i], height))
            for n, line in enumerate(value.split("\n") if value else []):
                text.append((_DM_GRID[i] + 3, y + 11 + 11 * n, line))
        y += height
    text.append((60, y + 30, "Article 2 : La présente décision est votée au niveau du chapitre."))
    return text, boxes


@pytest.mark.parametrize("above, prefixes", [
    # the probe's (u23): each side word over the first of its two columns
    ([(230, "Dépenses"), (400, "Recettes")], ["Dépenses", "Dépenses", "Recettes", "Recettes"]),
    ([(260, "DÉPENSES"), (430, "RECETTES")], ["DÉPENSES", "DÉPENSES", "RECETTES", "RECETTES"]),
    ([(220, "Fonctionnement"), (390, "Investissement")],
     ["Fonctionnement", "Fonctionnement", "Investissement", "Investissement"]),
    # a title, one side alone, words that are no side: they head no column
    ([(200, "Section d'investissement")], None),
    ([(230, "Dépenses")], None),
    ([(230, "Budget principal"), (400, "Exercice")], None),
])
def test_tables_ruled_sides_printed_above_the_grid(tmp_path: Path, above: list[tuple[float, str]],
                                                   prefixes: list[str] | None) -> None:
    text, boxes = _two_level_page(above)
    doc = load_document(placed_pdf(tmp_path / "dm.pdf", [text], [boxes], size=9), Options(ocr=False), IssueLog())
    [t] = find_tables(doc)
    plain = ["Diminution de crédits", "Augmentation de crédits"] * 2
    want = [f"{p} {h}" for p, h in zip(prefixes, plain)] if prefixes else plain
    assert t.headers == ["Désignation", *want]
    assert [r.text(2) for r in t.rows] == ["12 000,00", "", "", "12 000,00"]


def test_tables_unruled_cell_wider_than_its_header_is_no_prose(tmp_path: Path) -> None:
    """A cell wider than its centred header, ending with a colon ("Service de médecine
    préventive :" under "Objet du marché", Chéméré 2013-01-22) stays in its column: the
    rows above hold its width, and it runs over no other column's cells."""
    page = [(60, 80, "Le Maire rend compte des marchés passés par délégation :"),
            (88, 112, "Date"), (203, 112, "Société"), (344, 112, "Objet du marché"), (470, 112, "Montant H.T."),
            (88, 130, "21/01/13"), (150, 130, "LEONE SIGN"), (330, 130, "Entretien couverture mairie"),
            (_right(518, "214,90 €")[0], 130, "214,90 €"),
            (88, 146, "24/12/12"), (150, 146, "CENTRE DE GESTION"), (314, 146, "Service de médecine préventive :"),
            (_right(518, "51,00 €")[0], 146, "51,00 €"),
            (88, 162, "28/12/12"), (150, 162, "HORIS SERVICES"), (330, 162, "Réparation congélateur"),
            (_right(518, "986,81 €")[0], 162, "986,81 €"),
            (60, 200, "Le Conseil municipal prend acte de ces décisions.")]
    doc = load_document(placed_pdf(tmp_path / "m.pdf", [page]), Options(ocr=False), IssueLog())
    [t] = find_tables(doc)
    assert [(r.text(2), r.text(3)) for r in t.rows] == [
        ("Entretien couverture mairie", "214,90 €"), ("Service de médecine préventive :", "51,00 €"),
        ("Réparation congélateur", "986,81 €")]


@pytest.mark.parametrize("after", [
    "Le critère de jugement des offres est le prix.",
    "Il est proposé de retenir la société la mieux disante.",
])
def test_tables_unruled_sentence_after_names_set_at_the_same_pitch(tmp_path: Path, after: str) -> None:
    """Names wrapped around their figures, then the text at the same line pitch (Chéméré
    2010-12-22: "TECHNOLOGIES COMMUNI- / CANTES (35517 CESSON SEVI- / GNE)" then "Le critère
    de jugement …"): the sentence runs over the next column, and is no part of the name."""
    page = [(43, 80, "Trois sociétés ont été consultées et ont remis les offres suivantes :"),
            (53, 110, "Nom de l'entreprise"), (200, 110, "Partie matériel H.T."), (411, 110, "Montant total H.T."),
            (43, 130, "NEXTIRA ONE (44324"), (_right(480, "3 590,00 €")[0], 137, "3 590,00 €"), (43, 144, "NANTES)"),
            (43, 158, "TECHNOLOGIES"), (43, 172, "COMMUNICANTES"), (_right(300, "2 497,89 €")[0], 172, "2 497,89 €"),
            (_right(480, "4 197,48 €")[0], 172, "4 197,48 €"), (43, 186, "(35517 CESSON)"),
            (43, 200, after), (43, 214, "Le Conseil municipal, après en avoir délibéré, à l'unanimité,")]
    doc = load_document(placed_pdf(tmp_path / "o.pdf", [page]), Options(ocr=False), IssueLog())
    [t] = find_tables(doc)
    assert [t.label(r) or r.text(0) for r in t.rows] == ["NEXTIRA ONE (44324 NANTES)",
                                                         "TECHNOLOGIES COMMUNICANTES (35517 CESSON)"]
