"""The accuracy report: alignment by content, wrong values cost precision and recall."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pipeline.evaluate.gold import Counts, _align, _match_acts, normalise


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


def _acts(*titles: str) -> list[dict]:
    """Acts of one meeting's minutes: the same body and date, titles apart."""
    return [{"act_index": i, "title": t, "body": "conseil_municipal", "session_date": "2015-03-31"}
            for i, t in enumerate(titles)]


FIELDS = ["body", "session_date", "title"]


@pytest.mark.parametrize("gold, pred, expected", [
    # exact segmentation: the identity
    (_acts("Budget", "Taux", "Tarifs"), _acts("Budget", "Taux", "Tarifs"), {0: 0, 1: 1, 2: 2}),
    # the first act missed: the others keep their gold acts (index alignment shifted them all)
    (_acts("Délégation", "Budget", "Taux", "Tarifs"), _acts("Budget", "Taux", "Tarifs"), {0: 1, 1: 2, 2: 3}),
    # an act found in excess in the middle is paired with nothing
    (_acts("Budget", "Tarifs"), _acts("Budget", "Annexe", "Tarifs"), {0: 0, 2: 1}),
    # a wrong title at the same place: still that act (its fields then count wrong)
    (_acts("Budget", "Taux"), _acts("Budget", "Taux communaux 2015"), {0: 0, 1: 1}),
])
def test_evaluate_acts_are_paired_in_order_by_content(gold: list[dict], pred: list[dict],
                                                      expected: dict[int, int]) -> None:
    assert _match_acts(gold, pred, FIELDS) == expected


def test_evaluate_acts_sharing_only_the_meeting_are_not_paired_away_from_their_place() -> None:
    # an act whose title matches no gold act, at an index gold does not have, pairs with nothing
    assert _match_acts(_acts("Budget"), _acts("Budget", "Questions diverses"), FIELDS) == {0: 0}
