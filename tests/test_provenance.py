"""Provenance: every value says where it is printed (offsets, page, boxes), and says it truly.

Unit tests build documents from strings and words; the corpus tests check, on the dev run,
that the text at each row's offsets holds its value as printed and that its boxes cover
those words (``pipeline.evaluate.provenance``), and how many rows are placed.
"""

from __future__ import annotations

import math
from decimal import Decimal
from pathlib import Path

import pytest

from pipeline.evaluate.provenance import check_run, holds
from pipeline.model import Act, Document, Page, Section, SectionKind, Span, TextSource, Word
from pipeline.runner.locate import ActLocator, Squeezed, _tally, locate_act_field, squeeze
from pipeline.runner.provenance import WordIndex, place, to_page
from schemas.rows import AmountRow
from tests.conftest import make_document


def _forward(x: float, y: float, w: float, h: float, rotation: int, skew: float) -> tuple[float, float]:
    """What pipeline.read.ocr does to a point of the page: turned counter-clockwise by the
    skew about the centre, then by ``rotation`` degrees counter-clockwise (PIL, expand)."""
    a = math.radians(-skew)
    dx, dy = x - w / 2, y - h / 2
    x, y = w / 2 + dx * math.cos(a) - dy * math.sin(a), h / 2 + dx * math.sin(a) + dy * math.cos(a)
    if rotation == 90:
        return y, w - x
    if rotation == 180:
        return w - x, h - y
    if rotation == 270:
        return h - y, x
    return x, y


@pytest.mark.parametrize("rotation", [0, 90, 180, 270])
@pytest.mark.parametrize("skew", [0.0, 1.35, -2.4])
def test_provenance_to_page_undoes_the_ocr_turns(rotation: int, skew: float) -> None:
    w, h = 595.0, 842.0
    page = Page(1, w, h, TextSource.OCR, 0, 0, rotation=rotation, skew=skew)
    x, y = 150.0, 610.0  # a word's centre on the page as stored
    fx, fy = _forward(x, y, w, h, rotation, skew)
    x0, top, x1, bottom = to_page(page, fx - 10, fy - 4, fx + 10, fy + 4)
    assert (x0 + x1) / 2 == pytest.approx(x, abs=0.01) and (top + bottom) / 2 == pytest.approx(y, abs=0.01)
    width, height = (x1 - x0, bottom - top)
    assert {round(width), round(height)} == {20, 8}


def test_provenance_text_layer_boxes_are_kept() -> None:
    page = Page(1, 595.0, 842.0, TextSource.TEXT_LAYER, 0, 0, skew=3.0)
    assert to_page(page, 1, 2, 3, 4) == (1, 2, 3, 4)


def _doc_with_words(lines: list[list[str]], doc_id: str = "d") -> Document:
    """A one-page document whose words sit on a grid: line i at top 100 + 20 i."""
    text_parts, words, pos = [], [], 0
    for li, line in enumerate(lines):
        x = 50.0
        for wi, t in enumerate(line):
            if wi:
                text_parts.append(" ")
                pos += 1
            words.append(Word(t, x, 100 + 20 * li, x + 6 * len(t), 110 + 20 * li, pos, li))
            text_parts.append(t)
            pos += len(t)
            x += 6 * len(t) + 4
        text_parts.append("\n")
        pos += 1
    text = "".join(text_parts)
    page = Page(1, 595.0, 842.0, TextSource.TEXT_LAYER, 0, len(text), tuple(words))
    return Document(doc_id, f"{doc_id}.pdf", text, (page,))


def test_provenance_place_gives_one_box_per_line_and_the_page() -> None:
    doc = _doc_with_words([["D'attribuer", "une", "subvention", "de"], ["29", "000", "€", "à", "l'association"]])
    start = doc.text.index("de")
    end = doc.text.index("€") + 1
    row = place(AmountRow("a", "d", 1, Decimal("29000"), "de 29 000 €", "", None, start, end), WordIndex(doc))
    assert row.page == 1 and len(row.boxes) == 2
    assert (row.boxes[1].x0, row.boxes[1].top) == (50.0, 120.0)
    # x0 … bottom: the union of its boxes on its page
    assert (row.x0, row.top, row.bottom) == (50.0, 100.0, 130.0) and row.x1 == max(b.x1 for b in row.boxes)


@pytest.mark.parametrize("value, text", [
    ("Mme Anne-Sophie POTTIER", "Présents : Mme Anne-\nSophie POTTIER, M. Jean DURAND"),
    ("Vu le Code général des collectivités territoriales", "Vu le Code général\ndes collectivités\tterritoriales ;"),
    ("Délibération portant création", "Délibé-\nration portant  création"),
    ("l'association Terres d'Avenir", "à l’association Terres d’Avenir"),
    ("COMMUNE DE SAINT-RESTITUT", "Commune de Saint-Restitut"),
])
def test_provenance_text_is_found_across_line_breaks_hyphens_and_case(value: str, text: str) -> None:
    doc = make_document(text)
    span = Squeezed(doc, Span(0, len(text))).find(value)
    assert span is not None and squeeze(value) == squeeze(text[span.start:span.end])


def test_provenance_text_is_never_found_inside_a_longer_word() -> None:
    doc = make_document("M. Jean DUPONTEL, M. Jean DUPONT")
    span = Squeezed(doc, Span(0, len(doc.text))).find("Jean DUPONT")
    assert doc.text[span.start:span.end] == "Jean DUPONT" and span.start > 10


def _act(text: str, kind: SectionKind = SectionKind.VOTE) -> Act:
    doc = make_document(text)
    return Act(doc=doc, act_index=0, act_id="a", span=Span(0, len(text)),
               sections=(Section(kind, Span(0, len(text)), doc),))


@pytest.mark.parametrize("text, position, count, printed", [
    ("Pour : 19 – Contre : 2 (TRANCHANT Céline) – Abstention : 1 (DECOCK Marc)", "for", 19, "19"),
    ("Pour : 19 – Contre : 2 (TRANCHANT Céline) – Abstention : 1 (DECOCK Marc)", "against", 2, "2"),
    ("Pour : 19 – Contre : 2 (TRANCHANT Céline) – Abstention : 1 (DECOCK Marc)", "abstain", 1, "1"),
    ("Adopté par 20 voix pour et 2 abstentions (GUICHARD Patrick, GUÉRIN Anne).", "for", 20, "20"),
    ("Adopté par 20 voix pour et 2 abstentions (GUICHARD Patrick, GUÉRIN Anne).", "abstain", 2, "2"),
    ("Résultat du scrutin : Votants : 59 — Pour : 41 — Contre : 13 — Abstentions : 5", "against", 13, "13"),
    ("POUR 41\tCONTRE 13\tABSTENTIONS 5", "for", 41, "41"),
    ("1 conseiller ne prend pas part au vote (M. X)", "not_voting", 1, "1"),
    # the line's own total after the groups (dev G), the vote word then its count
    ("Pour : Groupe Grand Est Territoires (19), Groupe Grand Est en Commun (6), soit 25 voix", "for", 25, "25"),
    ("Contre : Groupe Rassemblement National (7), soit 7 voix", "against", 7, "7"),
    ("Ne prend pas part au vote : 1 (Mme Claire GODEFROY)", "not_voting", 1, "1"),
    # the count printed twice, in the result and over the names (dev H): the result's tally
    ("Résultat du scrutin : Votants : 61 – Pour : 35 – Contre : 12\nOnt voté pour (35) : Mme Marie AUBERT", "for",
     35, "35"),
])
def test_provenance_tallies_are_placed_beside_their_position(text: str, position: str, count: int,
                                                            printed: str) -> None:
    act = _act(text)
    span = _tally(ActLocator(act), position, count)
    assert span is not None and text[span.start:span.end] == printed


@pytest.mark.parametrize("text, position, count", [
    ("Pour : 12\nPour : 12", "for", 12),          # two votes in one section: which one is the act's?
    ("Contre : 0 – Abstention : 0", "against", 3),  # not printed
    ("Le 12 mars, pour la commune", "for", 12),     # a date beside "pour"
])
def test_provenance_tallies_are_not_guessed(text: str, position: str, count: int) -> None:
    assert _tally(ActLocator(_act(text)), position, count) is None


@pytest.mark.parametrize("column, value, text, printed", [
    ("members_in_office", 29, "Nombre de conseillers en exercice : 29 / Présents : 22 / Votants : 25", "29"),
    ("members_present", 22, "Nombre de conseillers en exercice : 29 / Présents : 22 / Votants : 25", "22"),
    ("secretary", "Sylvie MASSON", "Secrétaire de séance : Mme MASSON Sylvie", "MASSON Sylvie"),
    ("president", "Martine MONNIER", "sous la présidence de Mme Martine MONNIER, Maire", "Martine MONNIER"),
])
def test_provenance_header_values_are_found_as_printed(column: str, value: object, text: str,
                                                       printed: str) -> None:
    act = _act(text, SectionKind.ATTENDANCE)
    span = locate_act_field(ActLocator(act), column, value)
    assert span is not None and text[span.start:span.end] == printed


@pytest.mark.parametrize("column, value, text, printed", [
    # no "adopté" printed: the outcome was read from the deciding formula
    ("outcome", "adopted", "Le Conseil municipal, après en avoir délibéré, DÉCIDE d'approuver le budget.",
     "après en avoir délibéré"),
    ("outcome", "adopted", "Adopté à l'unanimité.", "Adopté"),
    ("unanimous", True, "Le conseil, à l'unanimité, approuve.", "unanimité"),
])
def test_provenance_outcome_and_unanimity_point_at_their_formula(column: str, value: object, text: str,
                                                                printed: str) -> None:
    act = _act(text, SectionKind.DECISION)
    span = locate_act_field(ActLocator(act), column, value)
    assert span is not None and text[span.start:span.end] == printed


def test_provenance_unanimity_read_from_a_tally_points_at_it() -> None:
    act = _act("POUR : 23\nCONTRE : 0\nABSTENTION : 0")
    span = locate_act_field(ActLocator(act), "unanimous", True, {"votes_for": (7, 9)}, {"votes_for": 23})
    assert span is not None and act.doc.text[span.start:span.end] == "23"


def test_provenance_count_is_not_placed_when_the_number_is_repeated() -> None:
    act = _act("En exercice : 15, présents : 15, votants : 15", SectionKind.ATTENDANCE)
    assert locate_act_field(ActLocator(act), "members_present", 15) is None


@pytest.mark.parametrize("table, row, text, ok", [
    ("attendance", {"printed": "Mme Anne-Sophie POTTIER"}, "Mme Anne-\nSophie POTTIER", True),
    ("attendance", {"printed": "Mme Anne POTTIER"}, "Mme Anne-Sophie POTTIER", False),
    ("budget_lines", {"amount": Decimal("57000.00")}, "57 000,00", True),
    ("budget_lines", {"amount": Decimal("57000.00")}, "5 700,00", False),
    ("act_fields", {"column": "session_date", "value": "2022-05-10"}, "Séance du 10 mai 2022", True),
    ("act_fields", {"column": "votes_for", "value": "19"}, "19", True),
    ("act_fields", {"column": "votes_for", "value": "19"}, "119", False),
])
def test_provenance_check_of_a_value_at_its_offsets(table: str, row: dict, text: str, ok: bool) -> None:
    assert holds(table, row, text) is ok


#: Share of rows placed (offsets and boxes) on the dev run of the learned templates, per table,
#: measured on 2026-12-03 (docs/provenance.md); what is missing waits for the extractors' offsets.
DEV_FLOORS = {"attendance": 0.99, "legal_references": 0.98, "articles": 0.9, "votes": 0.93,
              "amounts": 1.0, "budget_lines": 0.95, "grants": 0.99, "grant_terms": 1.0, "act_fields": 0.97}


@pytest.mark.corpus
def test_provenance_dev_corpus_values_hold_at_their_offsets_and_boxes_cover_them(dev_run: Path) -> None:
    report = check_run(dev_run)
    for table, r in report.items():
        assert r["wrong_text"] == 0, (table, r["examples"])
        assert r["wrong_box"] == 0, (table, r["examples"])
        if r["rows"]:
            assert r["boxed"] / r["rows"] >= DEV_FLOORS[table], (table, r["boxed"], r["rows"])
