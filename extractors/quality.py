"""Per-act consistency checks, written to the ``quality`` table.

A check is a function ``(act, found) -> list[QualityRow]`` registered with
:func:`quality_check` next to the extractor whose values it checks (``vote_sum`` in
``votes.py``, ``budget_balance`` in ``budget_lines.py``…). This extractor runs last and
calls every registered check. A check whose inputs are missing returns no row: it is
never written as passed.
"""

from __future__ import annotations

from typing import Callable

from extractors.registry import Found, extractor
from pipeline.errors import ErrorCode, IssueLog
from pipeline.model import Act
from schemas.rows import QualityRow

CheckFn = Callable[[Act, Found], list[QualityRow]]
CHECKS: dict[str, CheckFn] = {}


def quality_check(name: str) -> Callable[[CheckFn], CheckFn]:
    """Register a check producing rows named ``name`` in the quality table."""

    def register(func: CheckFn) -> CheckFn:
        CHECKS[name] = func
        return func

    return register


def result(act: Act, check: str, passed: bool, detail: str) -> QualityRow:
    """One row of the quality table for ``act``."""
    return QualityRow(act.act_id, act.doc.doc_id, check, bool(passed), detail)


# ---------------------------------------------------------------------------
# Checks across tables: attendance against votes
# ---------------------------------------------------------------------------


@quality_check("votes_within_attendance")
def check_votes_within_attendance(act: Act, found: Found) -> list[QualityRow]:
    """No more votes cast than members listed present or represented (with a vote).

    A tally that exceeds the attendance list means a name was missed in the list, or a
    count read from another vote (CGCT L.2121-20: a member present or represented votes once).
    """
    rows = [r for r in found.get("attendance") if r.voting_rights]
    f = found.field("votes_for")
    if not rows or f is None:
        return []
    cast = f + (found.field("votes_against") or 0) + (found.field("votes_abstain") or 0)
    voters = sum(1 for r in rows if r.status in ("present", "represented"))
    return [result(act, "votes_within_attendance", cast <= voters,
                   f"{cast} votes cast, {voters} members present or represented listed")]


@quality_check("represented_count")
def check_represented_count(act: Act, found: Found) -> list[QualityRow]:
    """Members represented in the list against the printed voters minus the printed présents
    ("Présents : 51 – Votants : 59": eight proxies)."""
    present, voting = found.field("members_present"), found.field("members_voting")
    rows = found.get("attendance")
    if present is None or voting is None or not rows:
        return []
    listed = sum(1 for r in rows if r.status == "represented" and r.voting_rights)
    return [result(act, "represented_count", listed == voting - present,
                   f"{listed} represented members listed, {voting} voting - {present} present printed")]


@extractor("quality", feeds=("quality",))
def run_checks(act: Act, found: Found, issues: IssueLog) -> list[QualityRow]:
    rows: list[QualityRow] = []
    for name, check in CHECKS.items():
        try:
            rows.extend(check(act, found))
        except Exception as exc:  # noqa: BLE001 - a broken check must not lose the act
            issues.warn("quality", ErrorCode.EXTRACTOR_CRASHED, f"check {name} crashed: {exc!r}", act.page_start)
    return rows
