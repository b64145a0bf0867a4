"""Budget tables rebuilt from word positions (unruled, OCR'd) and from ruled PDF tables."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.errors import IssueLog
from pipeline.read.load import load_document
from pipeline.model import Document, Page, Span, TextSource, Word
from pipeline.options import Options
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
