"""SCDL open-data exports of a run: ``OUT/scdl/deliberations.csv`` and ``OUT/scdl/subventions.csv``.

One row of ``deliberations.csv`` (SCDL Délibérations 2.1.5) per act, e.g.::

    Département du Pas-de-Calais,<SIRET>,2023-122,2023-03-20,7.5,finances locales/subventions,
    ACTEURS POUR UNE ÉCONOMIE SOLIDAIRE - CONTRIBUTION …,,,,2023-04-19,,,,,,

and one row of ``subventions.csv`` (SCDL Subventions 2.1.1) per row of the ``grants``
table (every grant the act awards, not only those above the 23 000 € legal threshold).

Values come from the tables, i.e. from what the documents print: the grant's terms come
from the convention annexed to the act (``grant_terms``: its signature date, single or
staged payment, payment dates, de minimis), a beneficiary's SIRET from wherever the act
prints it for that beneficiary. What the documents do not print is taken from the user
(``coll_siret``/``coll_nom`` options, or a mapping file giving, per authority as the
``acts`` table names it, its SIRET and default values of SCDL columns, and per decision or
grant the values of its row), never invented: the collectivité's SIRET (the @ctes
identifier "034-213401722-20140424-…-DE" gives the SIREN only, used to check the SIRET
given), a convention's date left blank. Derived values, each following from the SCDL definition:
VOTE_REEL = POUR + CONTRE + ABSTENTION; ``nature`` = "aide en numéraire" (a grants row is
an amount of money); ``pourcentageSubvention`` = 1 (a grants row is one beneficiary's own
amount). The five vote columns are written only when the whole tally and the members in
office are known (the schema wants them all filled or all empty).
"""

from __future__ import annotations

import csv
import json
import os
import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from pipeline.normalize.identifiers import siret_key_ok
from pipeline.model import strip_accents
from pipeline.export.scdl_validate import DELIBERATIONS_SCHEMA, SUBVENTIONS_SCHEMA, Validation, load_schema, validate_csv

OBJET_MAX = 256


@dataclass
class Authority:
    """What the user says of one authority: its SIRET and default SCDL values."""

    siret: str | None = None
    defaults: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class GrantValues:
    """What the user says of the grants of one decision (``act``: its number as
    ``referenceDecision`` shows it), or of one beneficiary's grant in it: SCDL values."""

    act: str
    beneficiary: str | None
    values: dict[str, str]

    def applies(self, reference: str, beneficiary: str | None) -> bool:
        return self.act == reference and (self.beneficiary is None or name_key(self.beneficiary) == name_key(beneficiary))


@dataclass
class Mapping:
    """A mapping file: authorities by name (``"*"``: every one), and per-grant values."""

    authorities: dict[str, Authority] = field(default_factory=dict)
    grants: list[GrantValues] = field(default_factory=list)

    def grant_values(self, reference: str, beneficiary: str | None) -> dict[str, str]:
        """The user's values for one grant: a decision's, then its beneficiary's over them."""
        general = [g for g in self.grants if g.beneficiary is None and g.applies(reference, beneficiary)]
        own = [g for g in self.grants if g.beneficiary is not None and g.applies(reference, beneficiary)]
        out: dict[str, str] = {}
        for g in general + own:
            out.update(g.values)
        return out


def load_mapping(path: str | os.PathLike[str] | None) -> Mapping:
    """Read a mapping file: CSV ``authority,siret`` or JSON.

    JSON: ``{"Département du Pas-de-Calais": {"siret": "22620001600013",
    "defaults": {"notificationUE": "non", "conditionsVersement": "unique"}}}`` or simply
    ``{"Commune de Cognac": "21160102500011"}``. A key ``"*"`` applies to every authority.
    The key ``"grants"`` lists values for the grants of one decision, or of one
    beneficiary in it: ``[{"act": "2022-372", "beneficiary": "Association Lire et Faire
    Lire", "dateConvention": "2022-06-01", "datesPeriodeVersement": "2022-06-01/2022-12-31"}]``.
    """
    if not path:
        return Mapping()
    text = Path(path).read_text(encoding="utf-8")
    out = Mapping()
    if str(path).lower().endswith(".json"):
        for name, value in json.loads(text).items():
            if name == "grants":
                for entry in value:
                    entry = dict(entry)
                    act = str(entry.pop("act", None) or entry.pop("referenceDecision", ""))
                    beneficiary = entry.pop("beneficiary", None) or entry.pop("nomBeneficiaire", None)
                    out.grants.append(GrantValues(act, beneficiary, {k: str(v) for k, v in entry.items()}))
            elif isinstance(value, str):
                out.authorities[name] = Authority(siret=value)
            else:
                out.authorities[name] = Authority(siret=value.get("siret"), defaults=dict(value.get("defaults", {})))
        return out
    for row in csv.reader(text.splitlines()):
        if len(row) >= 2 and row[1].strip().replace(" ", "").isdigit():
            out.authorities[row[0].strip()] = Authority(siret=row[1].replace(" ", "").strip())
    return out


#: Words that do not tell two beneficiaries apart: "l'association", quotes, the legal form.
_NAME_NOISE_RE = re.compile(r"\b(?:l'|la|le|les|association|asso)\b|[«»\"“”'’.,()-]")


def name_key(name: str | None) -> str:
    """A beneficiary's name for matching: "Association « Terres d'Avenir »" and "Terres
    d’Avenir" give the same key."""
    return " ".join(_NAME_NOISE_RE.sub(" ", strip_accents((name or "").replace("’", "'"))).split())


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
    mapping: Mapping
    coll_siret: str | None = None
    coll_nom: str | None = None
    period_from_convention: bool = False
    notes: list[str] = field(default_factory=list)

    def authority(self, act: dict[str, Any]) -> tuple[str, str, dict[str, str]]:
        """(name, SIRET, defaults) of an act's authority; SIRET "" when nobody said it."""
        name = act.get("authority") or self.coll_nom or ""
        authorities = self.mapping.authorities
        entry = authorities.get(name) or authorities.get("*") or Authority()
        siret = (self.coll_siret or entry.siret or "").replace(" ", "")
        siren = act.get("authority_siren")
        if siret and siren and not siret.startswith(siren):
            self.notes.append(f"{act['act_id']}: SIRET {siret} given for {name!r} does not start with "
                              f"the SIREN {siren} the document prints; left empty")
            siret = ""
        return name, siret, {**(authorities.get("*", Authority()).defaults), **entry.defaults}


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


def _beneficiary_siret(grant: dict[str, Any], same_act: list[dict[str, Any]],
                       terms: dict[str, Any] | None) -> str:
    """The SIRET the act prints for this beneficiary: beside this award, beside another award
    to the same beneficiary in the act ("Association Terres d'Avenir (SIRET …)" in article 2
    for the one named without it in article 1), or in its convention."""
    own = (grant.get("beneficiary_siret") or "").replace(" ", "")
    if own:
        return own
    key = name_key(grant.get("beneficiary"))
    printed = {g["beneficiary_siret"] for g in same_act
               if g.get("beneficiary_siret") and key and name_key(g.get("beneficiary")) == key}
    if len(printed) == 1:
        return printed.pop()
    return (terms or {}).get("beneficiary_siret") or ""


def _convention_of(grant: dict[str, Any], same_act: list[dict[str, Any]],
                   terms: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The convention annexed to the act that is this grant's: the one with the grant's
    beneficiary (same SIRET, or same name), or the act's only convention when the act
    awards one beneficiary only and the convention names nobody else."""
    conventions = [t for t in terms if t.get("source") == "convention"]
    siret, key = grant.get("beneficiary_siret"), name_key(grant.get("beneficiary"))
    for t in conventions:
        if siret and t.get("beneficiary_siret") == siret:
            return t
    for t in conventions:
        if key and name_key(t.get("beneficiary")) == key:
            return t
    beneficiaries = {name_key(g.get("beneficiary")) for g in same_act}
    if len(conventions) == 1 and len(beneficiaries) == 1 and not conventions[0].get("beneficiary"):
        return conventions[0]
    return None


def _terms_values(terms: dict[str, Any] | None, ctx: Context) -> dict[str, str]:
    """SCDL values of a grant's terms as the document prints them."""
    if not terms:
        return {}
    out = {}
    if terms.get("convention_date"):
        out["dateConvention"] = _s(terms["convention_date"])
    if terms.get("payment_terms"):
        out["conditionsVersement"] = terms["payment_terms"]
    start, end = terms.get("payment_start"), terms.get("payment_end")
    if not start and ctx.period_from_convention:
        start, end = terms.get("period_start"), terms.get("period_end")
    if start:
        out["datesPeriodeVersement"] = _s(start) if not end or end == start else f"{_s(start)}/{_s(end)}"
    if terms.get("de_minimis"):
        out["notificationUE"] = "oui"
    return out


def subvention_rows(grants: list[dict[str, Any]], acts: dict[str, dict[str, Any]],
                    ctx: Context, grant_terms: list[dict[str, Any]] | None = None) -> list[dict[str, str]]:
    rows = []
    by_act: dict[str, list[dict[str, Any]]] = {}
    for g in grants:
        by_act.setdefault(g["act_id"], []).append(g)
    terms_by_act: dict[str, list[dict[str, Any]]] = {}
    for t in grant_terms or []:
        terms_by_act.setdefault(t["act_id"], []).append(t)
    for grant in grants:
        act = acts.get(grant["act_id"], {"act_id": grant["act_id"]})
        name, siret, defaults = ctx.authority(act)
        reference = _s(act.get("act_number") or act.get("actes_id"))
        row = dict.fromkeys(SUBV_COLUMNS, "")
        # least to most specific: the authority's defaults, the user's values for this
        # decision or grant, then what the act itself prints
        row.update({k: v for k, v in defaults.items() if k in row})
        row.update({k: v for k, v in ctx.mapping.grant_values(reference, grant.get("beneficiary")).items()
                    if k in row})
        same_act = by_act[grant["act_id"]]
        terms = terms_by_act.get(grant["act_id"], [])
        convention = _convention_of(grant, same_act, terms)
        decision = next((t for t in terms if t.get("source") == "decision"), None)
        row.update(_terms_values(decision, ctx))
        row.update(_terms_values(convention, ctx))
        beneficiary_siret = _beneficiary_siret(grant, same_act, convention)
        if beneficiary_siret and not siret_key_ok(beneficiary_siret):
            ctx.notes.append(f"{grant['act_id']}: beneficiary SIRET {beneficiary_siret} fails the key; left empty")
            beneficiary_siret = ""
        objet = _s(grant.get("purpose") or act.get("title"))
        amount = grant.get("amount")
        row.update({
            "nomAttribuant": name, "idAttribuant": siret,
            "referenceDecision": reference,
            "nomBeneficiaire": _s(grant.get("beneficiary")),
            "idBeneficiaire": beneficiary_siret or row["idBeneficiaire"],
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
    corrections: Any = None  # pipeline.review.corrections.Applied, when corrections were applied

    @property
    def valid(self) -> bool:
        return self.deliberations.valid and self.subventions.valid

    def summary(self) -> str:
        parts = [f"deliberations.csv: {self.deliberations.summary()}",
                 f"subventions.csv: {self.subventions.summary()}"]
        if self.corrections is not None:
            parts.append(self.corrections.summary())
        parts += [f"note: {n}" for n in self.notes]
        parts.append("written: " + ", ".join(str(p) for p in self.paths.values()) if self.paths
                     else "nothing written: fix the problems above")
        return "\n".join(parts)


#: First characters that make a spreadsheet read a cell as a formula (OWASP, "CSV
#: Injection": equals, plus, minus, at sign, tab, carriage return).
FORMULA_LEADS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(cell: str) -> str:
    """A text cell that a spreadsheet would run as a formula, made inert the way OWASP's
    CSV-injection guidance says: a leading apostrophe, which spreadsheets read as "this
    is text" and do not show. ``'=HYPERLINK("http://…")'`` → ``"'=HYPERLINK(\"http://…\")"``.
    """
    return "'" + cell if cell.startswith(FORMULA_LEADS) else cell


def _text_columns(schema: Path) -> set[str]:
    """Columns of type string in an SCDL schema: only text is neutralised, never a number
    (a negative amount stays ``-150.00``)."""
    return {f["name"] for f in load_schema(schema)["fields"] if f.get("type", "string") == "string"}


def _write(rows: list[dict[str, str]], columns: list[str], path: Path, text_columns: set[str]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows({k: neutralise_formula(v) if k in text_columns and isinstance(v, str) else v
                          for k, v in row.items()} for row in rows)


def export_scdl(out_dir: str | os.PathLike[str], *, coll_siret: str | None = None,
                coll_nom: str | None = None, mapping: str | os.PathLike[str] | None = None,
                strict: bool = False, period_from_convention: bool = False,
                corrections: bool = True) -> ExportReport:
    """Write OUT/scdl/deliberations.csv and subventions.csv, each only if it validates.

    ``strict``: a required column left empty fails the file too (as it fails on
    data.gouv.fr), instead of being reported only. ``period_from_convention``: take the
    period a convention applies to as the grant's ``datesPeriodeVersement`` when it prints
    no payment date (a choice of the publisher: the schema asks for the payment period).
    ``corrections``: apply the reviewer's corrections kept in ``OUT/corrections/``
    (:mod:`pipeline.review.corrections`; the report says how many).
    """
    from pipeline.review import corrections as corr

    out = Path(out_dir)
    kept = corr.load(out) if corrections else []
    applied = corr.Applied() if kept else None
    tables: dict[str, list[dict[str, Any]]] = {}
    for name in ("acts", "grants", "grant_terms"):
        rows, done = corr.apply(name, corr.read_rows(out, name), kept)
        tables[name] = rows
        if applied is not None:
            applied.add(done)
    acts, grants, terms = tables["acts"], tables["grants"], tables["grant_terms"]
    acts.sort(key=lambda a: (str(a.get("session_date") or ""), a["doc_id"], a["act_index"]))
    ctx = Context(load_mapping(mapping), coll_siret=coll_siret, coll_nom=coll_nom,
                  period_from_convention=period_from_convention)
    target = out / "scdl"
    target.mkdir(parents=True, exist_ok=True)
    results: dict[str, Validation] = {}
    paths: dict[str, Path] = {}
    by_id = {a["act_id"]: a for a in acts}
    for name, rows, columns, schema in (
            ("deliberations", deliberation_rows(acts, ctx), DELIB_COLUMNS, DELIBERATIONS_SCHEMA),
            ("subventions", subvention_rows(grants, by_id, ctx, terms), SUBV_COLUMNS, SUBVENTIONS_SCHEMA)):
        tmp = target / f".{name}.{os.getpid()}.csv"
        _write(rows, columns, tmp, _text_columns(schema))
        results[name] = validate_csv(tmp, schema, strict=strict)
        final = target / f"{name}.csv"
        if results[name].valid:
            (target / f"{name}.invalid.csv").unlink(missing_ok=True)
            os.replace(tmp, final)
            paths[name] = final
        else:  # no stale file of an earlier export may pass for this one
            final.unlink(missing_ok=True)
            os.replace(tmp, target / f"{name}.invalid.csv")
    return ExportReport(results["deliberations"], results["subventions"], paths, ctx.notes, applied)
