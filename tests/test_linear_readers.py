"""Every reader linear in its input (issue 18 point 4): inputs large enough that a reader
quadratic in them would run for minutes, under a bound generous for a loaded machine."""

from __future__ import annotations

import pytest

import pipeline.read.furniture as furniture
from extractors import grants
from extractors.attendance import patterns as P
from extractors.textlines import join_lines
from pipeline.normalize.dates import find_dates
from pipeline.normalize.money import find_amounts
from tests.conftest import make_document

pytestmark = pytest.mark.timeout(60)


@pytest.mark.parametrize("pattern", [P.RECUSAL_RE, P.ARRIVAL_RE, P.DEPARTURE_RE])
def test_names_in_a_line_of_capitals(pattern) -> None:  # noqa: ANN001
    text = "A" * 200_000 + " et le conseil"
    list(pattern.finditer(text))


def test_recusal_still_read_after_an_elided_particle() -> None:
    text = "Mme d'ORNANO ne prend pas part au vote."
    cue = P.RECUSAL_RE.search(text)
    assert cue is not None
    # the subject is looked for before the cue (extractors.attendance.apply_recusals)
    names = [m.group(0) for m in P.NAME_RE.finditer(text[:cue.start()])]
    assert any(n.endswith("ORNANO") for n in names), names


def test_amounts_in_a_run_of_numbers() -> None:
    assert find_amounts("999 " * 50_000) == []
    assert [a.raw for a in find_amounts("999 " * 50_000 + "soit 1 500 €")] == ["1 500 €"]


def test_amounts_in_a_run_of_number_words() -> None:
    assert find_amounts("cent " * 50_000) == []


def test_dates_in_a_run_of_number_words() -> None:
    assert list(find_dates("cent " * 50_000)) == []


def test_many_dates() -> None:
    assert len(list(find_dates("01/01/2020 " * 60_000))) == 60_000


def test_joining_many_lines() -> None:
    assert join_lines(["Article"] * 100_000) == " ".join(["Article"] * 100_000)
    assert join_lines(["la rete-", "nues par le conseil"]) == "la retenues par le conseil"


def test_sirets_in_a_long_line() -> None:
    assert grants.sirets_printed("SIRET 123 456 789 " * 20_000) == []


def test_running_heads_of_a_long_document_cost_pages_not_their_square(monkeypatch: pytest.MonkeyPatch) -> None:
    import random

    rnd = random.Random(18)
    words = lambda: " ".join("".join(rnd.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(7))  # noqa: E731
                             for _ in range(5))
    pages = ["\n".join([words() for _ in range(8)] + [f"Commune de Saint-Exemple – séance du 12 mars 2024 – "
                                                      f"page {i + 1}"]) for i in range(1000)]
    doc = make_document("\f".join(pages))
    calls = 0
    real = furniture._same_running_line
    budget = 1000 * 6 * 6 * (furniture.COMPARED_PAGES + 1)

    def counted(a, b):  # noqa: ANN001
        nonlocal calls
        calls += 1
        if calls > budget:
            raise AssertionError(f"more than {budget} comparisons: quadratic in the pages")
        return real(a, b)

    monkeypatch.setattr(furniture, "_same_running_line", counted)
    spans = furniture.detect_furniture(doc)
    footers = [doc.text[s.start:s.end] for s in spans]
    assert len(footers) == 1000 and all(f.startswith("Commune de Saint-Exemple") for f in footers)
