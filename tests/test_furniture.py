"""Running headers and footers: repeated at the same place, OCR slips tolerated, body text kept."""

from __future__ import annotations

import dataclasses

import pytest

from pipeline.read.furniture import detect_furniture
from pipeline.model import Span
from tests.conftest import make_document

BODY = "\n".join(f"Ligne de texte numéro {k} du corps de la délibération." for k in range(12))


def _furniture_texts(text: str) -> list[str]:
    doc = make_document(text)
    return [doc.text[s.start:s.end].strip() for s in detect_furniture(doc)]


def test_footer_repeated_on_every_page_is_furniture() -> None:
    pages = [f"Commune de Cognac\n{BODY}\nCommune de Cognac - Délibération n° DEL-2022-112\t{i}/3" for i in (1, 2, 3)]
    found = _furniture_texts("\f".join(pages))
    assert found.count("Commune de Cognac - Délibération n° DEL-2022-112\t2/3") == 1
    assert sum("Commune de Cognac" == t for t in found) == 3


def test_ocr_slip_in_a_footer_is_tolerated() -> None:
    pages = [
        f"{BODY}\nConseil communautaire du 07/04/2022 - Délibération n° D2022_135\tM y A7”",
        f"{BODY}\nConseil communautaire du 07/04/2022 - Délibération n° D2022 135\t2/2",
    ]
    found = _furniture_texts("\f".join(pages))
    assert len(found) == 2


def test_articles_across_a_page_break_are_not_furniture() -> None:
    """Same letters once digits are masked, but one at the foot and one at the head."""
    pages = [
        f"{BODY}\nARTICLE 1 - D'attribuer une subvention de 29 000 € à l'association",
        f"ARTICLE 2 - D'attribuer une subvention de 33 500 € à l'association\n{BODY}",
    ]
    assert not [t for t in _furniture_texts("\f".join(pages)) if t.startswith("ARTICLE")]


def test_a_repeated_sentence_is_body_text() -> None:
    vote = "Approuvé par 2 ABSTENTIONS (M.DENISE - C.BOURRETTE) et 11 voix POUR."
    pages = [f"{BODY}\n{vote}" for _ in range(3)]
    assert vote not in _furniture_texts("\f".join(pages))


@pytest.mark.parametrize("line", ["1/2", "Page 4/5", "3 sur 12", "- 3 -", "Page 3", "12"])
def test_page_numbers(line: str) -> None:
    assert line in _furniture_texts(f"{BODY}\n{line}\f{BODY}")


def test_clean_removes_furniture_lines_and_page_breaks() -> None:
    text = "Titre\nVu le code,\nPage 1/2\fPage 2/2\nsuite du visa ;"
    doc = make_document(text)
    doc = dataclasses.replace(doc, furniture=detect_furniture(doc))
    stripped = doc.clean(Span(0, len(text)))
    assert "\f" not in stripped
    assert [ln for ln in stripped.split("\n") if ln] == ["Titre", "Vu le code,", "suite du visa ;"]
