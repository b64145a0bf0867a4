"""Dates of the header by family of wording (segment probing, round 2): a sitting's date in
words opening the minutes' sentence without "L'an".

Each family with the probe's wordings, others of the same family, and texts that must give
nothing (precision first).
"""

from __future__ import annotations

import datetime as dt

import pytest

from extractors.header.dates import find_session_date

D = dt.date

# ---------------------------------------------------------------------------
# The sitting's date in words opening the minutes' sentence, without "L'an"
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("text, expected", [
    ("Le mardi douze mars deux mille vingt-quatre, à vingt heures,\nle Conseil municipal, dûment convoqué, "
     "s'est réuni à la mairie", D(2024, 3, 12)),
    ("Le douze mars deux mille vingt-quatre, à vingt heures,\nle Conseil municipal, dûment convoqué, s'est réuni",
     D(2024, 3, 12)),
    ("Le douze mars deux mille vingt-quatre à dix-huit heures trente, le Conseil communautaire s'est réuni",
     D(2024, 3, 12)),
    ("Le 12 mars 2024 à vingt heures et quart, s'est réuni le Conseil municipal", D(2024, 3, 12)),
    ("Le 12 mars 2024, à midi, le Bureau communautaire s'est réuni", D(2024, 3, 12)),
    # figures, as before
    ("Le 12 mars 2024 à 19 heures, le Conseil municipal s'est réuni", D(2024, 3, 12)),
])
def test_header_dates_sitting_in_words(text: str, expected: dt.date) -> None:
    assert find_session_date(text) == expected


@pytest.mark.parametrize("text", [
    # a date and an hour that open no meeting
    "Le douze mars deux mille vingt-quatre, à vingt heures, les travaux ont commencé.",
    "Le 12 mars 2024 à vingt heures, nous avons reçu le courrier.",
    "La réunion publique aura lieu à vingt heures, le 12 mars 2024.",
])
def test_header_dates_no_sitting_in_words(text: str) -> None:
    assert find_session_date(text) is None
