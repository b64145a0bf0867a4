"""SCDL open-data exports of a run: ``OUT/scdl/deliberations.csv`` and ``OUT/scdl/subventions.csv``.

One row of ``deliberations.csv`` (SCDL Délibérations 2.1.5) per act, e.g.::

    Département du Pas-de-Calais,<SIRET>,2023-122,2023-03-20,7.5,finances locales/subventions,
    ACTEURS POUR UNE ÉCONOMIE SOLIDAIRE - CONTRIBUTION …,,,,2023-04-19,,,,,,

and one row of ``subventions.csv`` (SCDL Subventions 2.1.1) per row of the ``grants``
table (every grant the act awards, not only those above the 23 000 € legal threshold).

Values come from the tables, i.e. from what the documents print. What a deliberation
does not print is taken from the user (``coll_siret``/``coll_nom`` options, or a mapping
file giving, per authority as the ``acts`` table names it, its SIRET and default values of
SCDL columns), never invented: the collectivité's SIRET (the @ctes identifier
"034-213401722-20140424-…-DE" gives the SIREN only, used to check the SIRET given), the
convention's date, payment terms. Derived values, each following from the SCDL definition:
VOTE_REEL = POUR + CONTRE + ABSTENTION; ``nature`` = "aide en numéraire" (a grants row is
an amount of money); ``pourcentageSubvention`` = 1 (a grants row is one beneficiary's own
amount). The five vote columns are written only when the whole tally and the members in
office are known (the schema wants them all filled or all empty).
"""

from __future__ import annotations

import csv
import json
import os
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from pipeline.identifiers import siret_key_ok
from pipeline.scdl_validate import DELIBERATIONS_SCHEMA, SUBVENTIONS_SCHEMA, Validation, load_schema, validate_csv

OBJET_MAX = 256


@dataclass
class Authority:
    """What the user says of one authority: its SIRET and default SCDL values."""

    siret: str | None = None
    defaults: dict[str, str] = field(default_factory=dict)


def load_mapping(path: str | os.PathLike[str] | None) -> dict[str, Authority]:
    """Read a mapping file: CSV ``authority,siret`` or JSON.

    JSON: ``{"Département du Pas-de-Calais": {"siret": "22620001600013",
    "defaults": {"notificationUE": "non", "conditionsVersement": "unique"}}}`` or simply
    ``{"Commune de Cognac": "21160102500011"}``. A key ``"*"`` applies to every authority.
    """
    if not path:
        return {}
    text = Path(path).read_text(encoding="utf-8")
    out: dict[str, Authority] = {}
    if str(path).lower().endswith(".json"):
        for name, value in json.loads(text).items():
            if isinstance(value, str):
                out[name] = Authority(siret=value)
            else:
                out[name] = Authority(siret=value.get("siret"), defaults=dict(value.get("defaults", {})))
        return out
    for row in csv.reader(text.splitlines()):
        if len(row) >= 2 and row[1].strip().replace(" ", "").isdigit():
            out[row[0].strip()] = Authority(siret=row[1].replace(" ", "").strip())
    return out


def _s(value: Any) -> str:
    """A table value as CSV text: null → empty, dates ISO, decimals with a point."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value == value.to_integral() else str(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ".join(str(value).split())


DELIB_COLUMNS = [f["name"] for f in load_schema(DELIBERATIONS_SCHEMA)["fields"]]
SUBV_COLUMNS = [f["name"] for f in load_schema(SUBVENTIONS_SCHEMA)["fields"]]


@dataclass
class Context:
    mapping: dict[str, Authority]
    coll_siret: str | None = None
    coll_nom: str | None = None
    notes: list[str] = field(default_factory=list)

    def authority(self, act: dict[str, Any]) -> tuple[str, str, dict[str, str]]:
        """(name, SIRET, defaults) of an act's authority; SIRET "" when nobody said it."""
        name = act.get("authority") or self.coll_nom or ""
        entry = self.mapping.get(name) or self.mapping.get("*") or Authority()
        siret = (self.coll_siret or entry.siret or "").replace(" ", "")
        siren = act.get("authority_siren")
        if siret and siren and not siret.startswith(siren):
            self.notes.append(f"{act['act_id']}: SIRET {siret} given for {name!r} does not start with "
                              f"the SIREN {siren} the document prints; left empty")
            siret = ""
        return name, siret, {**(self.mapping.get("*", Authority()).defaults), **entry.defaults}


def _votes(act: dict[str, Any]) -> dict[str, str]:
    tally = [act.get("votes_for"), act.get("votes_against"), act.get("votes_abstain")]
    effectif = act.get("members_in_office")
    if any(v is None for v in tally) or effectif is None or effectif < sum(tally):
        return {}
    return {"VOTE_EFFECTIF": _s(effectif), "VOTE_REEL": _s(sum(tally)), "VOTE_POUR": _s(tally[0]),
            "VOTE_CONTRE": _s(tally[1]), "VOTE_ABSTENTION": _s(tally[2])}


def deliberation_rows(acts: list[dict[str, Any]], ctx: Context) -> list[dict[str, str]]:
    rows = []
    for act in acts:
        name, siret, defaults = ctx.authority(act)
        row = dict.fromkeys(DELIB_COLUMNS, "")
        row.update({k: v for k, v in defaults.items() if k in row})
        pref = act.get("prefecture_date")
        if pref and act.get("session_date") and pref < act["session_date"]:
            ctx.notes.append(f"{act['act_id']}: prefecture date {pref} before the session; left empty")
            pref = None
        row.update({
            "COLL_NOM": name, "COLL_SIRET": siret,
            "DELIB_ID": _s(act.get("act_number") or act.get("actes_id")),
            "DELIB_DATE": _s(act.get("session_date")),
            "DELIB_MATIERE_CODE": _s(act.get("matiere_code")),
            "DELIB_MATIERE_NOM": _s(act.get("matiere_name")),
            "DELIB_OBJET": _s(act.get("title")),
            "PREF_DATE": _s(pref),
        })
        row.update(_votes(act))
        rows.append(row)
    return rows


def subvention_rows(grants: list[dict[str, Any]], acts: dict[str, dict[str, Any]],
                    ctx: Context) -> list[dict[str, str]]:
    rows = []
    for grant in grants:
        act = acts.get(grant["act_id"], {"act_id": grant["act_id"]})
        name, siret, defaults = ctx.authority(act)
        row = dict.fromkeys(SUBV_COLUMNS, "")
        row.update({k: v for k, v in defaults.items() if k in row})
        beneficiary_siret = (grant.get("beneficiary_siret") or "").replace(" ", "")
        if beneficiary_siret and not siret_key_ok(beneficiary_siret):
            ctx.notes.append(f"{grant['act_id']}: beneficiary SIRET {beneficiary_siret} fails the key; left empty")
            beneficiary_siret = ""
        objet = _s(grant.get("purpose") or act.get("title"))
        amount = grant.get("amount")
        row.update({
            "nomAttribuant": name, "idAttribuant": siret,
            "referenceDecision": _s(act.get("act_number") or act.get("actes_id")),
            "nomBeneficiaire": _s(grant.get("beneficiary")),
            "idBeneficiaire": beneficiary_siret,
            "objet": objet[:OBJET_MAX - 1] + "…" if len(objet) > OBJET_MAX else objet,
            "montant": _s(amount),
        })
        if amount is not None:
            row["nature"] = row["nature"] or "aide en numéraire"
            row["pourcentageSubvention"] = row["pourcentageSubvention"] or "1.00"
        rows.append(row)
    return rows


@dataclass
class ExportReport:
    deliberations: Validation
    subventions: Validation
    paths: dict[str, Path]
    notes: list[str]

    @property
    def valid(self) -> bool:
        return self.deliberations.valid and self.subventions.valid

    def summary(self) -> str:
        parts = [f"deliberations.csv: {self.deliberations.summary()}",
                 f"subventions.csv: {self.subventions.summary()}"]
        parts += [f"note: {n}" for n in self.notes]
        parts.append("written: " + ", ".join(str(p) for p in self.paths.values()) if self.paths
                     else "nothing written: fix the problems above")
        return "\n".join(parts)


def _write(rows: list[dict[str, str]], columns: list[str], path: Path) -> None:
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def export_scdl(out_dir: str | os.PathLike[str], *, coll_siret: str | None = None,
                coll_nom: str | None = None, mapping: str | os.PathLike[str] | None = None) -> ExportReport:
    """Write OUT/scdl/deliberations.csv and subventions.csv, each only if it validates."""
    from pipeline.write import read_table

    out = Path(out_dir)
    acts = read_table(out, "acts").to_pylist()
    grants = read_table(out, "grants").to_pylist() if (out / "grants").is_dir() else []
    acts.sort(key=lambda a: (str(a.get("session_date") or ""), a["doc_id"], a["act_index"]))
    ctx = Context(load_mapping(mapping), coll_siret=coll_siret, coll_nom=coll_nom)
    target = out / "scdl"
    target.mkdir(parents=True, exist_ok=True)
    results: dict[str, Validation] = {}
    paths: dict[str, Path] = {}
    by_id = {a["act_id"]: a for a in acts}
    for name, rows, columns, schema in (
            ("deliberations", deliberation_rows(acts, ctx), DELIB_COLUMNS, DELIBERATIONS_SCHEMA),
            ("subventions", subvention_rows(grants, by_id, ctx), SUBV_COLUMNS, SUBVENTIONS_SCHEMA)):
        tmp = target / f".{name}.{os.getpid()}.csv"
        _write(rows, columns, tmp)
        results[name] = validate_csv(tmp, schema)
        final = target / f"{name}.csv"
        if results[name].valid:
            (target / f"{name}.invalid.csv").unlink(missing_ok=True)
            os.replace(tmp, final)
            paths[name] = final
        else:  # no stale file of an earlier export may pass for this one
            final.unlink(missing_ok=True)
            os.replace(tmp, target / f"{name}.invalid.csv")
    return ExportReport(results["deliberations"], results["subventions"], paths, ctx.notes)
