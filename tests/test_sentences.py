"""French sentence splitting: abbreviations, decimals, list items and headings."""

from __future__ import annotations

import pytest

from pipeline.normalize.sentences import sentence_at, split_sentences


def _split(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


@pytest.mark.parametrize("text", [
    "M. Jean DUPONT présente le rapport.",
    "Mme Martine MONNIER, Maire, expose le projet.",
    "Vu la délibération n° 2023-122 du 20 mars 2023.",
    "Conformément à l'art. 5 de la convention, le solde est versé.",
    "Vu les articles L. 2121-29 et R. 2122-8 du code.",
    "Voir les art. 3 et ss. de la loi.",
    "Le repas coûte 3.30 € par enfant.",
    "Cf. annexe 2 pour le détail.",
    "Le projet de J.-C. Martin est retenu.",
])
def test_sentences_do_not_break_on_abbreviations(text: str) -> None:
    assert _split(text) == [text]


def test_sentences_break_on_periods_items_and_headings() -> None:
    text = ("Vu le Code général ;\nVu l'avis de la commission ;\nDÉCIDE :\nArticle 1 :\n"
            "D'attribuer 57 000 €. Dit que la dépense est imputée.\n- 24 000 € au titre des axes ;\n"
            "- 33 000 € au titre de l'action.")
    assert _split(text) == [
        "Vu le Code général ;", "Vu l'avis de la commission ;", "DÉCIDE :", "Article 1 :",
        "D'attribuer 57 000 €.", "Dit que la dépense est imputée.", "- 24 000 € au titre des axes ;",
        "- 33 000 € au titre de l'action.",
    ]


def test_sentences_sentence_at() -> None:
    text = "Premier point. La subvention est de 2 500 €. Fin."
    a, b = sentence_at(text, text.index("2 500"))
    assert text[a:b] == "La subvention est de 2 500 €."


@pytest.mark.parametrize("text, first", [
    # a sentence left without its full stop at a line end, then a speaker's turn in the minutes
    ("il est demandé au Conseil Municipal de bien vouloir accorder une subvention de 394 euros au Tennis Club de\n"
     "l’Arbresle\nMonsieur PERRAUD : Il faut savoir qu’il y a une tolérance.",
     "il est demandé au Conseil Municipal de bien vouloir accorder une subvention de 394 euros au Tennis Club de\n"
     "l’Arbresle"),
    ("Le maire propose de verser 500 € au comité\nMme DUPONT : Je m'abstiendrai.", "Le maire propose de verser 500 € au comité"),
    ("La commission a rendu son avis\nM. le Maire : Nous passons au vote.", "La commission a rendu son avis"),
])
def test_sentences_break_before_a_speakers_turn(text: str, first: str) -> None:
    a, b = split_sentences(text)[0]
    assert text[a:b] == first


def test_sentences_a_name_in_a_sentence_is_no_speaker() -> None:
    text = "La subvention est attribuée à l'association présidée par\nMonsieur DURAND, qui en a fait la demande."
    assert len(split_sentences(text)) == 1
