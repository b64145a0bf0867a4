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


@extractor("quality", feeds=("quality",))
def run_checks(act: Act, found: Found, issues: IssueLog) -> list[QualityRow]:
    rows: list[QualityRow] = []
    for name, check in CHECKS.items():
        try:
            rows.extend(check(act, found))
        except Exception as exc:  # noqa: BLE001 - a broken check must not lose the act
            issues.warn("quality", ErrorCode.EXTRACTOR_CRASHED, f"check {name} crashed: {exc!r}", act.page_start)
    return rows
