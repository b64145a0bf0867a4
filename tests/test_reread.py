"""Second reading of doubtful words and folded table rows (pipeline/read/reread.py)."""

from __future__ import annotations

from decimal import Decimal

from PIL import Image

from pipeline.read.layout import RawWord
from pipeline.read.reread import reread
from tests.conftest import DEV, needs

PAGE = Image.new("L", (1000, 400), 255)


class FakeTesseract:
    """Reads a strip as told: ``answers`` are words in strip pixels; records the strips."""

    def __init__(self, answers_for):  # type: ignore[no-untyped-def]
        self.answers_for = answers_for
        self.strips: list[Image.Image] = []

    def __call__(self, strip: Image.Image) -> list[RawWord]:
        self.strips.append(strip)
        return self.answers_for(strip)


def test_doubtful_word_replaced_when_tesseract_is_surer() -> None:
    words = [RawWord("Solde", 100, 100, 160, 130, 96.0, 1), RawWord("#0:008,00", 300, 100, 420, 130, 0.0, 1)]
    # the strip holds the one doubtful word, 24 px from the left and the top
    fake = FakeTesseract(lambda strip: [RawWord("46", 30, 30, 60, 60, 97.0, 9), RawWord("000,00", 70, 30, 140, 60, 96.0, 9)])
    out = reread(PAGE, words, fake)
    assert [w.text for w in out] == ["Solde", "46", "000,00"]
    assert len(fake.strips) == 1
    new = out[1]
    assert new.unit == 1 and (new.top, new.bottom) == (100, 130)  # the page pass's line
    assert new.x0 > 290  # back in page coordinates


def test_doubtful_word_kept_when_the_new_reading_is_no_surer() -> None:
    words = [RawWord("Solde", 100, 100, 160, 130, 96.0, 1), RawWord("1590.00", 300, 100, 420, 130, 54.0, 1)]
    out = reread(PAGE, words, FakeTesseract(lambda strip: [RawWord("1590.00", 30, 30, 140, 60, 60.0, 9)]))
    assert out == words


def test_word_of_letters_does_not_lose_letters() -> None:
    words = [RawWord("Il", 100, 100, 130, 130, 40.0, 1), RawWord("convient", 140, 100, 260, 130, 96.0, 1)]
    out = reread(PAGE, words, FakeTesseract(lambda strip: [RawWord("I", 30, 30, 40, 60, 90.0, 9)]))
    assert out == words


def test_confident_page_is_not_read_again() -> None:
    words = [RawWord("Vu", 10, 10, 40, 40, 96.0, 1), RawWord("le", 50, 10, 70, 40, 95.0, 1)]
    fake = FakeTesseract(lambda strip: [])
    assert reread(PAGE, words, fake) is words and fake.strips == []


def test_folded_row_read_as_a_block_and_left_to_the_layout() -> None:
    """"65/6574 | Subventions de fonctionnement aux / associations | 10 650,00": the page
    pass made one line of the row and one tall word of the two lines of the label."""
    row = [RawWord("65/6574", 20, 125, 110, 150, 97.0, 7), RawWord("ré", 160, 100, 230, 175, 9.0, 7),
           RawWord("de", 240, 100, 270, 125, 95.0, 7), RawWord("fonctionnement", 280, 100, 480, 125, 95.0, 7),
           RawWord("10", 700, 125, 730, 150, 97.0, 7), RawWord("650,00", 740, 125, 830, 150, 63.0, 7)]
    other = RawWord("Imputation", 20, 40, 150, 65, 90.0, 3)

    def block(strip: Image.Image) -> list[RawWord]:
        y = 24 + 6  # the crop starts 0.25 × 25 px above the row
        return [RawWord("Subventions", 170, y, 320, y + 25, 97.0, 1), RawWord("de", 330, y, 360, y + 25, 96.0, 1),
                RawWord("65/6574", 34, y + 25, 120, y + 50, 97.0, 1),
                RawWord("associations", 170, y + 50, 330, y + 75, 96.0, 2)]

    out = reread(PAGE, [other, *row], FakeTesseract(block))
    texts = [w.text for w in out]
    assert texts[0] == "Imputation" and "ré" not in texts
    assert {"Subventions", "associations", "65/6574"} <= set(texts)
    new = [w for w in out if w.text in ("Subventions", "associations")]
    assert all(w.unit is None for w in new)  # lines from geometry, as for a text layer
    assert new[0].bottom <= new[1].top  # two lines again


def test_tall_line_that_is_no_table_row_is_left_alone() -> None:
    """A stamp or text across an image: its "line" spans many word heights."""
    words = [RawWord("ARRIVÉE", 20, 10, 200, 35, 80.0, 5), RawWord("LE", 210, 10, 250, 35, 80.0, 5),
             RawWord("14/05/2022", 20, 40, 200, 400, 80.0, 5)]
    fake = FakeTesseract(lambda strip: [])
    assert reread(PAGE, words, fake) == words and fake.strips == []


@needs(DEV)
def test_reread_reads_amounts_centred_in_table_cells() -> None:
    """A-scan, report table: "46 000,00", "44 500,00", "1 500,00" centred beside the two-line
    cell "104 / 500,00" were read "#0:008,00", "#4590,00", "1590.00" by the page pass."""
    from tests.conftest import processed

    lines = processed(DEV / "A-departement-cp-s101-scan.pdf").rows("budget_lines")
    report = {(b.column, b.amount) for b in lines if b.page == 5}
    assert report == {("CP", Decimal("104500.00")), ("Disponible", Decimal("46000.00")),
                      ("Proposition", Decimal("44500.00")), ("Solde", Decimal("1500.00"))}
