"""Property-based tests (hypothesis) over every normaliser of ``pipeline.normalize``.

Each normaliser is a pure function from French as printed to a typed value. Whatever text
it is given — any Unicode, superscript or Arabic-Indic digits, numbers of a hundred
digits — it returns its documented result (a value, ``None``, spans inside the text) and
never raises anything else; values it reads from a form it also writes are read back.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from pipeline.normalize.dates import find_dates, month_number, parse_date_fr
from pipeline.normalize.frenchnum import parse_french_number, replace_number_words
from pipeline.normalize.identifiers import luhn_ok, siren_valid, siret_key_ok, siret_valid
from pipeline.normalize.money import amount_qualifier, find_amounts, parse_amount
from pipeline.normalize.names import fold, parse_person, same_person, strip_functions
from pipeline.normalize.sentences import sentence_at, split_sentences

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

#: Text that looks like what deliberations print: digits of every script, separators,
#: currency words, month names, letters with accents, and any other character.
_PIECES = st.sampled_from([
    " ", "\u00a0", "\u202f", ",", ".", "'", "’", "-", "–", "(", ")", "/", "€", "euros", "EUR", "HT",
    "TTC", "M€", "k€", "million", "mars", "février", "le", "l'an", "deux", "mille", "vingt", "cent",
    "SIRET", "²", "¹", "³", "٣", "٤", "۵", "𝟗", "\ud800", "\n", "\t", "0", "1", "9", "00", "2100",
    "1900", "31", "12", "2023", "M.", "Mme", "DUPONT", "Jean",
])
french_like = st.lists(st.one_of(_PIECES, st.text(max_size=4)), max_size=30).map("".join)
digit_runs = st.text(alphabet="0123456789", min_size=1, max_size=120)


# ---------------------------------------------------------------------------- money

@SETTINGS
@given(french_like)
@example("9" * 28 + " €")
@example("1" * 40)
@example("1" * 120 + ",00 €")
def test_parse_amount_is_none_or_cents(text: str) -> None:
    value = parse_amount(text)
    assert value is None or (isinstance(value, Decimal) and value == value.quantize(Decimal("0.01")))
    amount_qualifier(text)  # never raises


@SETTINGS
@given(french_like)
@example("un montant de " + "9" * 28 + " € est inscrit")
@example("999 " * 50 + "€")
def test_find_amounts_spans_are_the_text(text: str) -> None:
    previous = -1
    for a in find_amounts(text):
        assert 0 <= a.start < a.end <= len(text)
        assert a.raw == text[a.start:a.end].strip() or a.raw == text[a.start:a.end]
        assert a.amount == a.amount.quantize(Decimal("0.01"))
        assert a.start >= previous
        previous = a.start


def _french(value: Decimal) -> str:
    """A value printed the French way: "1 250 000,50"."""
    units, cents = f"{value:.2f}".split(".")
    groups = []
    while units:
        groups.insert(0, units[-3:])
        units = units[:-3]
    return " ".join(groups) + "," + cents


@SETTINGS
@given(st.decimals(min_value=0, max_value=Decimal("9999999999999.99"), places=2))
def test_amounts_printed_the_french_way_are_read_back(value: Decimal) -> None:
    printed = _french(value)
    assert parse_amount(printed) == value
    assert parse_amount(printed + " €") == value
    assert [a.amount for a in find_amounts(f"une dépense de {printed} € HT")] == [value]


@pytest.mark.parametrize("text", ["9" * 28, "9" * 28 + " €", "1" * 60 + ",00", "(" + "9" * 30 + ")"])
def test_parse_amount_of_too_many_digits_is_none(text: str) -> None:
    """28 digits and more are no amount (and used to raise decimal.InvalidOperation)."""
    assert parse_amount(text) is None


def test_find_amounts_skips_a_number_of_too_many_digits() -> None:
    text = "un total de " + "9" * 30 + " € et une subvention de 1 500 €"
    assert [a.amount for a in find_amounts(text)] == [Decimal("1500.00")]


# ---------------------------------------------------------------------------- dates

@SETTINGS
@given(french_like)
@example("01/01/2020 " * 50)
@example("²²/¹¹/²⁰²⁰")
def test_find_dates_are_real_dates_in_the_text(text: str) -> None:
    for m in find_dates(text):
        assert 0 <= m.start < m.end <= len(text) and m.raw == text[m.start:m.end]
        assert 1900 <= m.date.year <= 2100
    d = parse_date_fr(text)
    assert d is None or isinstance(d, dt.date)


@SETTINGS
@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_dates_in_every_numeric_form_are_read_back(d: dt.date) -> None:
    for printed in (d.strftime("%d/%m/%Y"), d.strftime("%d.%m.%Y"), d.isoformat()):
        assert parse_date_fr(f"Séance du {printed}") == d, printed


@pytest.mark.parametrize("printed", ["2100-01-01", "01/01/2100", "1900-01-01", "01/01/1900"])
def test_the_bounds_of_years_are_the_same_in_every_form(printed: str) -> None:
    """1900–2100 is the range of years; the ISO form refused 2100 while "01/01/2100" was read."""
    assert parse_date_fr(printed) is not None


@SETTINGS
@given(st.text(max_size=12))
def test_month_number_is_a_month_or_none(text: str) -> None:
    n = month_number(text)
    assert n is None or 1 <= n <= 12


# ---------------------------------------------------------------------------- numbers in words

@SETTINGS
@given(french_like)
@example("cent " * 200)
def test_parse_french_number_is_none_or_a_natural(text: str) -> None:
    n = parse_french_number(text)
    assert n is None or (isinstance(n, int) and n >= 0)
    assert isinstance(replace_number_words(text), str)


@SETTINGS
@given(st.integers(min_value=0, max_value=999_999))
def test_numbers_in_digits_are_read_back(n: int) -> None:
    assert parse_french_number(str(n)) == n


# ---------------------------------------------------------------------------- identifiers

def _with_luhn_key(body: str) -> str:
    for key in "0123456789":
        if luhn_ok(body + key):
            return body + key
    raise AssertionError(body)


@SETTINGS
@given(french_like)
@example("²" * 14)
@example("٣" * 9)
def test_identifier_checks_never_raise(text: str) -> None:
    for check in (luhn_ok, siren_valid, siret_key_ok, siret_valid):
        assert check(text) in (True, False)


@SETTINGS
@given(st.text(alphabet="0123456789", min_size=13, max_size=13))
def test_a_luhn_keyed_siret_of_a_keyed_siren_is_valid(body: str) -> None:
    siren = _with_luhn_key(body[:8])
    siret = _with_luhn_key(siren + body[8:12])
    assert siren_valid(siren) and siret_key_ok(siret)
    assert siret_valid(siret) or siren.startswith("356000000")


@pytest.mark.parametrize("digits", [
    "²¹³⁴⁵⁶⁷⁸⁹⁰¹²³⁴",        # superscripts pass str.isdigit() and made int() raise
    "٢١٨٦٠١٩٤٦٠٠٠١٣",        # Arabic-Indic digits of a valid SIRET (21860194600013)
    "۲۱۸۶۰۱۹۴۶۰۰۰۱۳",        # Extended Arabic-Indic
    "𝟐𝟏𝟖𝟔𝟎𝟏𝟗𝟒𝟔𝟎𝟎𝟎𝟏𝟑",        # mathematical digits
])
def test_only_ascii_digits_make_an_identifier(digits: str) -> None:
    assert not luhn_ok(digits) and not siret_key_ok(digits) and not siret_valid(digits)
    assert not siren_valid(digits[:9])


# ---------------------------------------------------------------------------- names, sentences

@SETTINGS
@given(french_like)
def test_parse_person_keeps_its_print(text: str) -> None:
    p = parse_person(text)
    assert p.printed == text
    for part in (p.first_name, p.last_name, p.civility):
        assert part is None or (isinstance(part, str) and part.strip())
    assert same_person(p, p) in (True, False)
    assert isinstance(strip_functions(text), str)
    assert fold(text) == fold(fold(text))


@SETTINGS
@given(french_like)
def test_sentences_cover_the_text_in_order(text: str) -> None:
    spans = split_sentences(text)
    end = 0
    for a, b in spans:
        assert end <= a < b <= len(text)
        end = b
    for offset in range(0, len(text), max(1, len(text) // 5)):
        a, b = sentence_at(text, offset, spans)
        assert 0 <= a <= b <= len(text)
