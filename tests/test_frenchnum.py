"""French number words as minutes spell out years, days and hours."""

from __future__ import annotations

import pytest

from pipeline.normalize.frenchnum import NUMBER_WORDS_RE, parse_french_number, replace_number_words


@pytest.mark.parametrize("text, expected", [
    ("deux mille vingt-deux", 2022),
    ("deux mille vingt et un", 2021),
    ("deux mille vingt-et-un", 2021),
    ("Deux Mille Vingt", 2020),
    ("deux mil dix-huit", 2018),          # "mil" in years (Fargues-Saint-Hilaire)
    ("deux mille DIX NEUF", 2019),        # capitals, no hyphen (Saint-Restitut scan)
    ("deux mille quinze", 2015),
    ("mil neuf cent quatre-vingt-dix-neuf", 1999),
    ("vingt et un", 21),
    ("vingt trois", 23),                  # "Le vingt trois Juillet" (Preuilly-sur-Claise)
    ("vingt-huit", 28),
    ("trente et un", 31),
    ("quatre-vingt-dix-sept", 97),
    ("quatre-vingts", 80),
    ("soixante-et-onze", 71),
    ("soixante dix", 70),
    ("soixante-douze", 72),
    ("dix-sept", 17),
    ("douze", 12),
    ("deux cents", 200),
    ("cent", 100),
    ("premier", 1),
    ("première", 1),
    ("1er", 1),
    ("zéro", 0),
    ("2022", 2022),
])
def test_frenchnum_reads_number_words(text: str, expected: int) -> None:
    assert parse_french_number(text) == expected


@pytest.mark.parametrize("text", ["cheval", "", "trois vingt", "dix trois", "vingt cent", "mille mille x"])
def test_frenchnum_rejects_what_is_not_a_number(text: str) -> None:
    assert parse_french_number(text) is None


def test_frenchnum_replaces_runs_of_words_in_a_sentence() -> None:
    assert replace_number_words("L'an deux mille vingt-deux, le dix mai à vingt heures") == "L'an 2022, le 10 mai à 20 heures"


def test_frenchnum_finds_runs_with_offsets() -> None:
    text = "Le vingt trois Juillet deux mille vingt"
    runs = [(m.group(0), m.start()) for m in NUMBER_WORDS_RE.finditer(text)]
    assert runs == [("vingt trois", 3), ("deux mille vingt", 23)]


@pytest.mark.parametrize("text, expected", [
    ("deux millions", 2_000_000), ("un million cinq cent mille", 1_500_000),
    ("trois milliards deux cents millions", 3_200_000_000), ("cent cinquante", 150),
])
def test_frenchnum_reads_millions(text: str, expected: int) -> None:
    assert parse_french_number(text) == expected
