"""Validate SCDL CSV files: the Table Schema with frictionless, then the SCDL custom checks.

The schemas are the official files of schema.data.gouv.fr shipped in
``schemas/scdl/`` (SCDL Délibérations 2.1.5, Subventions 2.1.1). Their
``custom_checks`` are run by Validata, not by frictionless; this module writes them out:

* ``sum-columns-value``: VOTE_REEL = VOTE_POUR + VOTE_CONTRE + VOTE_ABSTENTION (42 = 41 + 0 + 1);
* ``compare-columns-value``: VOTE_EFFECTIF ≥ VOTE_REEL, VOTE_REEL ≥ each of the three,
  PREF_DATE ≥ DELIB_DATE (sent to the préfecture on 2023-04-19, adopted on 2023-03-20);
* ``cohesive-columns-value``: the five vote columns all filled or all empty (same for
  BUDGET_ANNEE and BUDGET_NOM);
* ``french-siret-value``: a SIRET passes the Luhn key (``21860194600013``, the schema's example);
* ``nomenclature-actes-value``: DELIB_MATIERE_NOM reads ``<level 1>/<level 2>`` with one
  of the nine ACTES level-1 matières (``finances locales/subventions``);
* ``year-interval-value``: BUDGET_ANNEE is ``2023`` or ``2023/2024`` with a rising interval;
* ``one-of-required``: idBeneficiaire or rnaBeneficiaire.

Empty required fields are counted apart (:attr:`Validation.missing`): they are values the
documents do not print, reported to the user rather than invented. With ``strict=True``
they make the file invalid too, as they do for a portal that checks it (validata,
data.gouv.fr).
"""

from __future__ import annotations

import csv
import json
import os
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Callable

from schemas.actes import LEVEL1
from pipeline.normalize.identifiers import siret_key_ok

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "schemas" / "scdl"
DELIBERATIONS_SCHEMA = SCHEMA_DIR / "scdl-deliberations-2.1.5.json"
SUBVENTIONS_SCHEMA = SCHEMA_DIR / "scdl-subventions-2.1.1.json"


@dataclass(frozen=True)
class Problem:
    row: int | None  # 1-based data row (the header is row 1 in frictionless; not here)
    column: str | None
    check: str
    message: str


@dataclass
class Validation:
    """What is wrong with one CSV: ``problems`` block publication, ``missing`` is reported
    (and blocks it too when ``strict``)."""

    rows: int = 0
    problems: list[Problem] = field(default_factory=list)
    missing: Counter = field(default_factory=Counter)  # required column → rows left empty
    strict: bool = False

    @property
    def valid(self) -> bool:
        return not self.problems and not (self.strict and self.missing)

    def summary(self) -> str:
        lines = [f"{self.rows} rows, {len(self.problems)} problems"
                 + (", required columns empty (--strict)" if self.strict and self.missing else "")]
        for column, n in sorted(self.missing.items()):
            lines.append(f"  required {column} empty in {n} of {self.rows} rows")
        for p in self.problems[:20]:
            lines.append(f"  row {p.row} {p.column or ''}: {p.check} — {p.message}")
        if len(self.problems) > 20:
            lines.append(f"  … and {len(self.problems) - 20} more")
        return "\n".join(lines)


def load_schema(path: str | os.PathLike[str]) -> dict[str, Any]:
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def _frictionless(csv_path: Path, descriptor: dict[str, Any]) -> list[Problem]:
    from frictionless import Resource, Schema

    schema = Schema.from_descriptor({k: v for k, v in descriptor.items() if k != "custom_checks"})
    resource = Resource(path=csv_path.name, basepath=str(csv_path.parent), schema=schema)
    report = resource.validate()
    out = []
    for row, column, kind, note in report.flatten(["rowNumber", "fieldName", "type", "note"]):
        if kind == "constraint-error" and '"required"' in (note or ""):
            continue  # counted in Validation.missing
        out.append(Problem(row - 1 if row else None, column, kind, note or ""))
    return out


def _date(value: str) -> date | None:
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _int(value: str) -> int | None:
    return int(value) if value.strip().lstrip("-").isdigit() else None


_LEVEL1 = {v.lower() for v in LEVEL1.values()}


def _check(name: str, params: dict[str, Any], row: dict[str, str]) -> str | None:
    """The message of custom check ``name`` failing on ``row``, or None."""
    get = lambda col: (row.get(col) or "").strip()  # noqa: E731
    if name == "french-siret-value":
        v = get(params["column"])
        return None if not v or siret_key_ok(v) else f"{v} fails the SIRET Luhn key"
    if name == "sum-columns-value":
        values = [_int(get(c)) for c in [params["column"], *params["columns"]]]
        if any(v is None for v in values):
            return None
        return None if values[0] == sum(values[1:]) else f"{params['column']} is not the sum of {params['columns']}"
    if name == "compare-columns-value":
        a, b = get(params["column"]), get(params["column2"])
        if not a or not b:
            return None
        x, y = (_int(a), _int(b)) if _int(a) is not None and _int(b) is not None else (_date(a), _date(b))
        if x is None or y is None:
            return None
        ok = {">=": x >= y, ">": x > y, "<=": x <= y, "<": x < y, "==": x == y}[params["op"]]
        return None if ok else f"{params['column']} {a} is not {params['op']} {params['column2']} {b}"
    if name == "cohesive-columns-value":
        cols = [params["column"], *params["othercolumns"]]
        filled = [bool(get(c)) for c in cols]
        return None if all(filled) or not any(filled) else f"{cols} must be all filled or all empty"
    if name == "nomenclature-actes-value":
        v = get(params["column"])
        if not v:
            return None
        if "/" not in v:
            return f"{v!r} has no '/' between the two levels"
        return None if v.split("/")[0].lower() in _LEVEL1 else f"{v!r} does not start with an ACTES matière"
    if name == "year-interval-value":
        v = get(params["column"])
        if not v:
            return None
        years = v.split("/")
        if len(years) == 1:
            return None if params.get("allow-year-only") == "yes" and v.isdigit() else f"{v!r} is not a year interval"
        return None if all(y.isdigit() for y in years) and years[0] < years[1] else f"{v!r} is not a rising interval"
    if name == "one-of-required":
        return None if get(params["column1"]) or get(params["column2"]) else \
            f"{params['column1']} or {params['column2']} is required"
    return None


def custom_checks(rows: list[dict[str, str]], descriptor: dict[str, Any],
                  skip: Callable[[str], bool] = lambda name: False) -> list[Problem]:
    """Problems of ``rows`` (CSV dicts) under the schema's ``custom_checks``."""
    out = []
    for check in descriptor.get("custom_checks", []):
        if skip(check["name"]):
            continue
        for i, row in enumerate(rows, start=1):
            message = _check(check["name"], check.get("params", {}), row)
            if message:
                out.append(Problem(i, check["params"].get("column") or check["params"].get("column1"),
                                   check["name"], message))
    return out


def validate_csv(csv_path: str | os.PathLike[str], schema_path: str | os.PathLike[str],
                 *, strict: bool = False) -> Validation:
    """Validate one CSV against a SCDL schema file: frictionless, custom checks, empty required."""
    csv_path = Path(csv_path)
    descriptor = load_schema(schema_path)
    with open(csv_path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    result = Validation(rows=len(rows), strict=strict)
    required = [fd["name"] for fd in descriptor["fields"] if fd.get("constraints", {}).get("required")]
    for row in rows:
        for column in required:
            if not (row.get(column) or "").strip():
                result.missing[column] += 1
    # one-of-required is a "required" constraint too: count it as missing, not as a problem
    result.problems = _frictionless(csv_path, descriptor) + custom_checks(
        rows, descriptor, skip=lambda name: name == "one-of-required")
    for check in descriptor.get("custom_checks", []):
        if check["name"] == "one-of-required":
            p = check["params"]
            n = sum(1 for r in rows if not (r.get(p["column1"]) or r.get(p["column2"])))
            if n:
                result.missing[f"{p['column1']} or {p['column2']}"] += n
    return result
