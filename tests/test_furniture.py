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


# ---------------------------------------------------------------------------
# Recueils of acts printed from one template (segment probing: r19, k01, k05–k08)
# ---------------------------------------------------------------------------


def _act_pages(k: int, foot: list[str], goes_on: str) -> list[str]:
    """The two pages of act ``k`` of a recueil: its first page breaks inside the decision."""
    first = [f"DÉLIBÉRATION N° 2024-{46 + k:03d}", f"OBJET : Objet numéro {k} de la séance",
             *(f"Vu le texte numéro {j} applicable à l'objet {k} de la délibération ;" for j in range(8)), *foot]
    second = [goes_on, "Article 2 : d'autoriser la Présidente à signer tout document afférent.",
              *(f"Ligne de texte numéro {j} de la suite de l'acte {k}." for j in range(8))]
    return ["\n".join(first), "\n".join(second)]


TEMPLATE_FEET = [
    # probe r19/k01: the foot of the first page of each act
    (["Après en avoir délibéré,", "DÉCIDE :",
      "Article 1 : d'approuver les dispositions présentées dans le rapport de la Présidente,"],
     "et les montants figurant dans le tableau annexé à la présente délibération."),
    # probe k05: "DÉCIDE" without its colon, above a line that runs on
    (["Après en avoir délibéré, à l'unanimité,", "DÉCIDE",
      "Article 1 : d'approuver les dispositions présentées dans le rapport de la Présidente n° 24-47,"],
     "et les montants figurant dans le tableau annexé à la présente délibération."),
    # the page breaks mid-sentence, after a word: the next page goes on in lower case
    (["Le Bureau communautaire, après en avoir délibéré,", "DÉCIDE :",
      "Article 1er – D'attribuer une subvention de fonctionnement à l'association"],
     "sportive de la commune pour la saison 2024-2025."),
    (["Considérant l'intérêt de ce projet pour le territoire ;", "Après en avoir délibéré,",
      "D'APPROUVER le plan de financement de l'opération tel que présenté dans le rapport de"],
     "la Présidente et annexé à la présente délibération."),
]

RUNNING_FEET = [
    None,
    "Recueil des actes administratifs n° 3 – page {p}",
    "Page {p} sur 8",
    "ID : 038-213803999-20240312-DEL2024046-DE",
]


@pytest.mark.parametrize("foot, goes_on", TEMPLATE_FEET)
@pytest.mark.parametrize("running", RUNNING_FEET)
def test_body_lines_of_a_template_at_the_same_height_are_not_furniture(
        foot: list[str], goes_on: str, running: str | None) -> None:
    """Four two-page acts of one template: their first pages end alike, which repeats on half
    of the pages; the running footer below them, on every page, is still cut."""
    pages = [page for k in range(4) for page in _act_pages(k, foot, goes_on)]
    if running:
        pages = [f"{page}\n{running.format(p=p)}" for p, page in enumerate(pages, start=1)]
    found = _furniture_texts("\f".join(pages))
    assert not [t for t in found if t in foot or t == goes_on]
    assert [t for t in found if running and t.startswith(running.partition("{")[0])] == \
        ([running.format(p=p) for p in range(1, 9)] if running else [])


@pytest.mark.parametrize("head", [
    # an act's letterhead, at the edge of the first page of each act (dev H)
    ["Communauté urbaine d'Arras", "Conseil de Communauté – Séance publique du 26 janvier 2023",
     "N° DEL-2023-064"],
    # the stamps of the ACTES transmission, at the head of half of the pages (dev I)
    ["Envoyé en préfecture le 04/05/2024", "Reçu en préfecture le 04/05/2024", "Mis en ligne le 04/05/2024"],
])
def test_lines_at_the_edge_on_half_of_the_pages_are_still_furniture(head: list[str]) -> None:
    pages = []
    for k in range(3):
        pages += ["\n".join(head) + f"\n{BODY}", BODY]
    found = _furniture_texts("\f".join(pages))
    assert found == head * 3


def test_a_footer_with_the_page_number_on_fewer_pages_is_furniture() -> None:
    """A footer whose height moves with the text stands at the same height on fewer than half
    of the pages; it carries the page's number, and is cut even above a line that goes on."""
    pages = [f"{BODY}\nRecueil des actes administratifs n° 3 – page {p}" for p in range(1, 5)]
    pages[1] = f"et la suite du texte de la page précédente.\n{pages[1]}"
    pages += [f"{BODY}\nligne\nligne\nautre pied de page {p}" for p in range(5, 9)]
    found = _furniture_texts("\f".join(pages))
    assert [t for t in found if t.startswith("Recueil")] == [f"Recueil des actes administratifs n° 3 – page {p}"
                                                           for p in range(1, 5)]


def _placed(lines: list[str], foot: str | None = None) -> list[tuple[float, float, str]]:
    items = [(56.0, 60.0 + 13 * i, line) for i, line in enumerate(lines)]
    return items + ([(56.0, 810.0, foot)] if foot else [])


@pytest.mark.parametrize("foot", [None, "Délibération n° 2024-046 – page {p}/4",
                                  "ID : 038-213803999-20240312-DEL2024046-DE"])
def test_a_recueil_pdf_of_one_template(tmp_path, foot: str | None) -> None:  # type: ignore[no-untyped-def]
    """Probe k01 with word boxes: two acts break at the same height; a footer at a fixed
    height on every page is furniture, the decision above it is not."""
    from pipeline.read.load import load_document
    from tests.pdfgen import placed_pdf

    pages = []
    for k in range(2):
        first, second = (page.split("\n") for page in _act_pages(k, TEMPLATE_FEET[0][0], TEMPLATE_FEET[0][1]))
        pages += [first, second]
    pdf = placed_pdf(tmp_path / "recueil.pdf",
                     [_placed(page, foot.format(p=p) if foot else None) for p, page in enumerate(pages, start=1)],
                     size=8)
    doc = load_document(pdf)
    found = [doc.text[s.start:s.end].strip() for s in detect_furniture(doc)]
    assert not [t for t in found if t in TEMPLATE_FEET[0][0]]
    assert [t for t in found if foot and t.startswith(foot[:10])] == \
        ([foot.format(p=p) for p in range(1, 5)] if foot else [])
