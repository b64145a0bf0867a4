"""Reading: text layer or OCR decided per page; rotated and skewed scans still read."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pipeline.errors import ErrorCode, IssueLog, PipelineError
from pipeline.read.load import load_document
from pipeline.model import Span, TextSource
from pipeline.options import Options
from tests.pdfgen import page_image, scan_pdf, table_image, text_pdf

needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract absent")
FRESH = Options(ocr_cache=None)  # these tests are about OCR itself: never from the cache

LINES = [
    "DELIBERATION DU CONSEIL MUNICIPAL",
    "Seance du 10 mai 2022",
    "Vu le Code general des collectivites territoriales ;",
    "Article 1 : D'attribuer une subvention de 12 500 euros.",
]


def test_load_reads_text_layer_with_words_and_positions(tmp_path: Path) -> None:
    doc = load_document(text_pdf(tmp_path / "t.pdf", [LINES, ["Page deux", "Fait à Cognac"]]))
    assert doc.n_pages == 2
    assert [p.source for p in doc.pages] == [TextSource.TEXT_LAYER] * 2
    assert doc.page_text(1).split("\n") == LINES
    assert "\f" in doc.text and doc.page_text(2) == "Page deux\nFait à Cognac"  # accents of WinAnsi
    word = next(w for w in doc.pages[0].words if w.text == "Seance")
    assert doc.text[word.start:word.start + len(word.text)] == "Seance"
    assert 50 < word.x0 < 70 and word.top < word.bottom  # top-left origin, points


@needs_tesseract
def test_load_ocrs_image_pages_and_keeps_text_pages(tmp_path: Path) -> None:
    typed = text_pdf(tmp_path / "typed.pdf", [LINES])
    scanned = scan_pdf(tmp_path / "scan.pdf", [page_image(LINES)])
    import pypdfium2 as pdfium

    mixed = pdfium.PdfDocument.new()
    mixed.import_pages(pdfium.PdfDocument(str(typed)))
    mixed.import_pages(pdfium.PdfDocument(str(scanned)))
    mixed.save(str(tmp_path / "mixed.pdf"))
    doc = load_document(tmp_path / "mixed.pdf", FRESH)
    assert [p.source for p in doc.pages] == [TextSource.TEXT_LAYER, TextSource.OCR]
    assert doc.pages[0].ocr_confidence is None
    assert doc.pages[1].ocr_confidence is not None and doc.pages[1].ocr_confidence > 70
    ocr_text = doc.page_text(2)
    assert "Seance du 10 mai 2022" in ocr_text
    assert "12 500 euros" in ocr_text


@needs_tesseract
def test_load_reads_page_turned_upside_down(tmp_path: Path) -> None:
    doc = load_document(scan_pdf(tmp_path / "r.pdf", [page_image(LINES, angle=180)]), FRESH)
    assert doc.pages[0].rotation in (180,)
    assert "Seance du 10 mai 2022" in doc.page_text(1)


@needs_tesseract
def test_load_straightens_skewed_scan_lines(tmp_path: Path) -> None:
    doc = load_document(scan_pdf(tmp_path / "s.pdf", [page_image(LINES, angle=2.0)]), FRESH)
    assert abs(abs(doc.pages[0].skew) - 2.0) < 0.6
    lines = doc.page_text(1).split("\n")
    assert any("Vu le Code general des collectivites territoriales" in ln for ln in lines)
    # each printed line stays one line of text once the word boxes are straightened
    assert sum(1 for ln in lines if "subvention" in ln and "Article" in ln) == 1


@pytest.mark.parametrize("content, code", [
    (b"", ErrorCode.EMPTY_FILE),
    (b"<html><body>not a pdf</body></html>", ErrorCode.NOT_A_PDF),
    (b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog", ErrorCode.PDF_UNREADABLE),
])
def test_load_refuses_bad_input_with_a_code(tmp_path: Path, content: bytes, code: ErrorCode) -> None:
    path = tmp_path / "bad.pdf"
    path.write_bytes(content)
    with pytest.raises(PipelineError) as err:
        load_document(path, issues=IssueLog())
    assert err.value.code is code


def test_load_reads_plain_text_input(tmp_path: Path) -> None:
    path = tmp_path / "pv.txt"
    path.write_text("PROCES VERBAL\nSéance du 23 mai 2017\fpage 2", encoding="utf-8")
    doc = load_document(path)
    assert doc.n_pages == 2 and doc.page_text(2) == "page 2"


@pytest.mark.parametrize("line, read", [
    # justified prose exported as text: gaps widened to two spaces
    ("d’attribuer une  subvention  de  5  000  €  à  l’association  Passerelles",
     "d’attribuer une subvention de 5 000 € à l’association Passerelles"),
    ("Il  est  proposé  que  la  ville  participe", "Il est proposé que la ville participe"),
    # columns laid out with spaces, and single-spaced lines, are kept as printed
    ("Fonctionnement      12 500 €      13 000 €", "Fonctionnement      12 500 €      13 000 €"),
    ("Le conseil municipal, à l'unanimité, accepte", "Le conseil municipal, à l'unanimité, accepte"),
])
def test_load_plain_text_joins_justified_gaps(tmp_path: Path, line: str, read: str) -> None:
    path = tmp_path / "pv.txt"
    path.write_text("PROCES VERBAL\n" + line + "\n", encoding="utf-8")
    assert load_document(path).text.split("\n")[1] == read


@needs_tesseract
def test_load_reads_ruled_table_on_a_skewed_scan(tmp_path: Path) -> None:
    """Rules and a grey header band make Tesseract drop table rows unless they are erased."""
    img = table_image(["Code", "Imputation", "CP", "Depense"],
                      [["C02-044A03", "6574/93564", "104 500,00", "44 500,00"]], angle=-1.2)
    doc = load_document(scan_pdf(tmp_path / "t.pdf", [img]), FRESH)
    lines = doc.page_text(1).split("\n")
    # the header row is read (case of a capital I next to a rule aside), cell by cell
    assert any(ln.lower().split("\t") == ["code", "imputation", "cp", "depense"] for ln in lines), lines
    row = next(ln for ln in lines if "C02-044A03" in ln)
    assert row.split("\t") == ["C02-044A03", "6574/93564", "104 500,00", "44 500,00"]


@needs_tesseract
def test_load_takes_ocr_from_the_cache_the_second_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pdf = scan_pdf(tmp_path / "c.pdf", [page_image(LINES)])
    options = Options(ocr_cache=str(tmp_path / "cache"))
    first = load_document(pdf, options)
    entries = list((tmp_path / "cache").rglob("*.json"))
    assert len(entries) == 1
    import pipeline.read.ocr as ocr

    def no_ocr(*args: object, **kwargs: object) -> None:
        raise AssertionError("OCR ran although the page is in the cache")

    monkeypatch.setattr(ocr, "ocr_image", no_ocr)
    second = load_document(pdf, options)
    assert second.text == first.text and second.pages[0].ocr_confidence == first.pages[0].ocr_confidence


def test_load_does_not_send_blank_pages_to_tesseract(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from PIL import Image

    import pipeline.read.ocr as ocr

    def no_tesseract(*args: object, **kwargs: object) -> str:
        raise AssertionError("Tesseract ran on a blank page")

    monkeypatch.setattr(ocr, "_run_tesseract", no_tesseract)
    blank = Image.new("L", (1654, 2339), 255)
    doc = load_document(scan_pdf(tmp_path / "b.pdf", [blank, blank]), FRESH)
    assert [p.source for p in doc.pages] == [TextSource.OCR] * 2
    assert doc.text == "\f" and doc.pages[0].ocr_confidence is None


@pytest.mark.parametrize("k", range(0, 40))
def test_document_clean_offset_leads_back_to_the_same_character(k: int) -> None:
    import dataclasses

    from tests.conftest import make_document

    text = "Pour : 19\nVille de Lannion\tPage 2\nContre : 2 – Abstention : 1"
    head = text.index("Ville")
    doc = dataclasses.replace(make_document(text), furniture=(Span(head, text.index("Contre")),))
    span = Span(0, len(text))
    clean = doc.clean(span)
    if k < len(clean):
        assert doc.text[doc.clean_offset(span, k)] == clean[k]


def _clean_naive(text: str, furniture: tuple[Span, ...], span: Span) -> str:
    """Document.clean as it was first written: every running line compared with the span."""
    parts, pos = [], span.start
    for f in furniture:
        if f.end <= span.start or f.start >= span.end:
            continue
        parts.append(text[pos:max(pos, f.start)])
        pos = max(pos, f.end)
    parts.append(text[pos:span.end])
    return "".join(parts).replace("\f", "\n")


@pytest.mark.parametrize("seed", range(6))
def test_document_clean_found_by_bisection_matches_the_plain_walk(seed: int) -> None:
    """Running lines found by bisection (sorted by start, some nested or overlapping) give
    the same clean text and offsets as a walk over all of them, for any span."""
    import dataclasses
    import random

    from tests.conftest import make_document

    rng = random.Random(seed)
    text = "".join(rng.choice("abc \n\f") for _ in range(400))
    spans = []
    for _ in range(rng.randint(0, 25)):
        a = rng.randrange(0, 390)
        spans.append(Span(a, a + rng.randint(1, 30)))
    furniture = tuple(sorted(spans, key=lambda s: s.start))
    doc = dataclasses.replace(make_document(text), furniture=furniture)
    for _ in range(60):
        a = rng.randrange(0, 400)
        span = Span(a, rng.randrange(a, 401))
        clean = doc.clean(span)
        assert clean == _clean_naive(text, furniture, span)
        for k in range(0, len(clean), 7):
            at = doc.clean_offset(span, k)
            assert doc.text[at].replace("\f", "\n") == clean[k]
            assert not any(f.start <= at < f.end for f in furniture)
