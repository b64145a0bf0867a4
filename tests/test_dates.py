"""French dates in every form deliberations print them."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.normalize.dates import find_dates, month_number, parse_date_fr

D = dt.date


@pytest.mark.parametrize("text, expected", [
    # numeric
    ("20/03/2023", D(2023, 3, 20)),
    ("20.03.2023", D(2023, 3, 20)),
    ("20-03-23", D(2023, 3, 20)),
    ("Le 26/2/2019 :", D(2019, 2, 26)),
    ("14/05/ 2022", D(2022, 5, 14)),                      # OCR space after the separator
    ("2022-05-10", D(2022, 5, 10)),
    # month names, any case, accents optional, weekday
    ("1er juillet 2021", D(2021, 7, 1)),
    ("1 er juillet 2021", D(2021, 7, 1)),
    ("ler juillet 2021", D(2021, 7, 1)),                   # OCR reads "1er" as "ler"
    ("20 MARS 2023", D(2023, 3, 20)),
    ("jeudi 7 avril 2022", D(2022, 4, 7)),
    ("MARDI 12 MARS 2019 à 20H30", D(2019, 3, 12)),
    ("3 fevrier 2020", D(2020, 2, 3)),
    ("15 aout 2019", D(2019, 8, 15)),
    ("15 août 2019", D(2019, 8, 15)),
    ("13 décembre 2018", D(2018, 12, 13)),
    ("13 decembre 2018", D(2018, 12, 13)),
    ("12 févr. 2021", D(2021, 2, 12)),
    ("le 7 sept. 2021", D(2021, 9, 7)),
    ("Séance du\nlundi 08 juin 2020", D(2020, 6, 8)),
    # spelled out
    ("le douze décembre deux mille vingt-deux", D(2022, 12, 12)),
    ("Le vingt trois Juillet deux mille vingt", D(2020, 7, 23)),
    ("vingt-sept juillet 2020", D(2020, 7, 27)),
    # the year first, in the opening of minutes
    ("L'an deux mille vingt-deux, le dix mai à vingt heures", D(2022, 5, 10)),
    ("L'an deux mil dix-huit, le treize décembre, le Conseil Municipal", D(2018, 12, 13)),
    ("L'an deux mille DIX NEUF, le 12 MARS, le Conseil Municipal", D(2019, 3, 12)),
    ("L'an deux mille vingt et un, le 28 octobre à 18 h 00", D(2021, 10, 28)),
    ("L’an deux mille vingt-et-un et le vingt-huit du mois d’octobre", D(2021, 10, 28)),
    ("L'an deux mille vingt, le huit juin,", D(2020, 6, 8)),
])
def test_dates_parse_french_forms(text: str, expected: dt.date) -> None:
    assert parse_date_fr(text) == expected


@pytest.mark.parametrize("text", [
    "", "31/02/2022", "1.264.50 €", "INVESTISSEMENT -152.877,17", "le 9.100 € HT", "sept. 2021",
    "034-213401722-20140424-0000071251-DE", "2019-09-390", "mars", "le 32 mars 2020",
])
def test_dates_reject_what_is_not_a_date(text: str) -> None:
    assert parse_date_fr(text) is None


def test_dates_find_every_date_with_offsets() -> None:
    text = "Séance du 10 mai 2022\nDate de convocation : 04/05/2022\nL'an deux mille vingt-deux, le dix mai"
    found = list(find_dates(text))
    assert [m.date for m in found] == [D(2022, 5, 10), D(2022, 5, 4), D(2022, 5, 10)]
    for m in found:
        assert text[m.start:m.end] == m.raw


@pytest.mark.parametrize("name, number", [("Février", 2), ("aout", 8), ("DÉCEMBRE", 12), ("juil.", 7), ("juin", 6)])
def test_dates_month_names(name: str, number: int) -> None:
    assert month_number(name) == number
