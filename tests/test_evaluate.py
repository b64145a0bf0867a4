"""The accuracy report: alignment by content, wrong values cost precision and recall."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pipeline.evaluate.gold import Counts, _align, normalise


@pytest.mark.parametrize("a, b", [
    ("L’avis  de la\ncommission", "L'avis de la commission"),
    (Decimal("57000.00"), Decimal("57000")),
    (["b", "a"], ["a", "b"]),
    ([], None),
    ("", None),
])
def test_evaluate_normalise_makes_equal_values_equal(a: object, b: object) -> None:
    assert normalise(a) == normalise(b)


def test_evaluate_counts_wrong_value_as_false_positive_and_negative() -> None:
    c = Counts()
    c.add("a", "a")      # right
    c.add("a", "b")      # wrong: fp and fn
    c.add("a", None)     # missing: fn
    c.add(None, "x")     # invented: fp
    c.add(None, None)    # nothing to say
    s = c.scores()
    assert (s["tp"], s["fp"], s["fn"]) == (1, 2, 2)
    assert s["precision"] == pytest.approx(1 / 3, abs=1e-3)


def test_evaluate_align_pairs_rows_by_content_not_order() -> None:
    gold = [{"name": "A", "status": "present"}, {"name": "B", "status": "absent"}]
    pred = [{"name": "B", "status": "absent"}, {"name": "C", "status": "present"}]
    pairs = _align(gold, pred, ["name", "status"])
    assert ({"name": "B", "status": "absent"}, {"name": "B", "status": "absent"}) in pairs
    assert ({"name": "A", "status": "present"}, {"name": "C", "status": "present"}) in pairs
