"""Popolo JSON of a run: persons, organizations, memberships, vote events.

`Popolo <http://www.popoloproject.com>`_ is the international data format for people in
politics, their organizations and their votes. ``delib export popolo OUT`` writes
``OUT/popolo/popolo.json``::

    {"persons": [...], "organizations": [...], "memberships": [...], "vote_events": [...]}

from the linked tables (:mod:`pipeline.link`): one person per ``persons`` row (the
spellings met as ``other_names``); organizations for each council and each political
group (its ``parent_id`` the council); one membership per person, council and term (from
the first to the last meeting the person is named at) and per group a vote names the
person with; one vote event per act with a vote, its ``counts`` per option as printed
(``yes`` / ``no`` / ``abstain`` / ``not voting``), the ``votes`` of the persons named for a
position, ``group_results`` for the groups named for one position only. Nothing is
inferred: an act voted "à l'unanimité" without figures has a result and no counts.

Every item is validated against the official Popolo JSON Schemas (draft 3) shipped in
``schemas/popolo/`` (source and commit in its README), their ``$ref`` resolved to those
files, never over the network; ids are checked to point at items of the file. The file is
written (temporary name, fsync, rename) whatever the problems, which are listed.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import schemas
from pipeline.version import PIPELINE_VERSION

SCHEMA_DIR = Path(schemas.__file__).parent / "popolo"
SCHEMA_URL = "http://www.popoloproject.com/schemas/{}.json#"

#: votes.position → Popolo's vote options.
OPTIONS = {"for": "yes", "against": "no", "abstain": "abstain", "not_voting": "not voting"}
#: acts.outcome → the vote event's result.
RESULTS = {"adopted": "pass", "rejected": "fail"}


def validators() -> dict[str, Any]:
    """A Draft 3 validator per Popolo schema, resolving ``$ref`` to the shipped files."""
    from jsonschema import Draft3Validator
    from referencing import Registry
    from referencing.jsonschema import DRAFT3

    docs = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(SCHEMA_DIR.glob("*.json"))}
    registry: Registry = Registry()
    for doc in docs.values():
        resource = DRAFT3.create_resource(doc)
        registry = registry.with_resources([(doc["id"], resource), (doc["id"].rstrip("#"), resource)])
    return {name: Draft3Validator(doc, registry=registry, format_checker=Draft3Validator.FORMAT_CHECKER)
            for name, doc in docs.items()}


@dataclass
class PopoloReport:
    """What the export wrote and the problems validation found."""

    path: Path
    counts: dict[str, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        parts = ", ".join(f"{n} {k}" for k, n in self.counts.items())
        lines = [f"popolo.json: {parts}, {len(self.problems)} problems"]
        lines += [f"  {p}" for p in self.problems[:20]]
        if len(self.problems) > 20:
            lines.append(f"  … and {len(self.problems) - 20} more")
        lines.append(f"written: {self.path}")
        return "\n".join(lines)


def _clean(item: dict[str, Any]) -> dict[str, Any]:
    """Without the keys whose value is unknown (null) or an empty list."""
    return {k: v for k, v in item.items() if v is not None and v != []}


def _date(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def build_popolo(tables: dict[str, list[dict[str, Any]]], scopes: dict[str, str]) -> dict[str, Any]:
    """The Popolo document of a run's linked tables (rows as dicts, by table name);
    ``scopes``: each act's authority key as the linker read it (:func:`pipeline.link.read_acts`)."""
    persons = [_clean({
        "id": p["person_id"], "name": p["full_name"], "given_name": p["first_name"],
        "family_name": p["last_name"], "honorific_prefix": p["civility"],
        "sort_name": ", ".join(x for x in (p["last_name"], p["first_name"]) if x),
        "other_names": [{"name": s} for s in p["spellings"] or [] if s != p["full_name"]],
    }) for p in tables["persons"]]
    organizations = [_clean({
        "id": o["organization_id"], "name": o["name"], "classification": o["classification"],
        "parent_id": o["parent_id"],
    }) for o in tables["organizations"]]
    names = {o["organization_id"]: o["name"] for o in tables["organizations"]}
    memberships = [_clean({
        "id": m["membership_id"], "person_id": m["person_id"], "organization_id": m["organization_id"],
        "role": "member", "label": _term_label(names.get(m["organization_id"]), m),
        "start_date": _date(m["first_meeting"]), "end_date": _date(m["last_meeting"]),
    }) for m in tables["memberships"]]
    return {
        "meta": {"generator": "delib", "pipeline_version": PIPELINE_VERSION,
                 "schemas": "Popolo JSON Schemas, popolo-project/popolo-spec b6225682"},
        "persons": persons, "organizations": organizations, "memberships": memberships,
        "vote_events": _vote_events(tables["acts"], tables["votes"], scopes),
    }


def _term_label(org: str | None, m: dict[str, Any]) -> str | None:
    if m["term_start"] is None:
        return org
    end = m["term_end"].year if m["term_end"] else ""
    return f"{org}, mandat {m['term_start'].year}–{end}"


def _vote_events(acts: list[dict[str, Any]], votes: list[dict[str, Any]],
                 scopes: dict[str, str]) -> list[dict[str, Any]]:
    from pipeline.link.terms import council_id, group_id, group_name

    by_act: dict[str, list[dict[str, Any]]] = {}
    for v in votes:
        by_act.setdefault(v["act_id"], []).append(v)
    events = []
    for a in sorted(acts, key=lambda a: (a["session_date"] or a["act_id"], a["act_id"])):
        rows = by_act.get(a["act_id"], [])
        if not rows and a["unanimous"] is None and a["outcome"] is None:
            continue
        scope = scopes.get(a["act_id"]) or f"doc-{a['doc_id'][:12]}"
        org = council_id(scope, a["body"])
        counts = _counts(a, rows)
        ballots = []
        positions_of: dict[str, set[str]] = {}
        for v in rows:
            option = OPTIONS.get(v["position"])
            ids = v.get("person_ids") or []
            for k, name in enumerate(v["persons"] or []):
                pid = ids[k] if k < len(ids) else None
                ballots.append(_clean({"voter_id": pid, "voter": None if pid else {"name": name},
                                       "option": option}))
            for g in v["groups"] or []:
                if (name := group_name(g)):
                    positions_of.setdefault(group_id(scope, name), set()).add(option or "")
        group_results = [{"group_id": gid, "result": next(iter(opts))}
                         for gid, opts in sorted(positions_of.items()) if len(opts) == 1]
        day = _date(a["session_date"])
        events.append(_clean({
            "id": a["act_id"], "identifier": a["act_number"], "organization_id": org,
            "motion": _clean({"id": a["act_id"], "organization_id": org, "text": a["title"],
                              "result": a["outcome"]}),
            "legislative_session_id": f"{org}/{day}" if day else None,
            "legislative_session": {"id": f"{org}/{day}", "start_date": day} if day else None,
            "result": RESULTS.get(a["outcome"] or ""),
            "counts": counts, "votes": ballots, "group_results": group_results,
        }))
    return events


def _counts(act: dict[str, Any], rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The counts per option printed: the act's tallies, else the vote rows' counts."""
    printed = {"yes": act["votes_for"], "no": act["votes_against"], "abstain": act["votes_abstain"],
               "not voting": act["votes_not_voting"]}
    if not any(v is not None for v in printed.values()):
        printed = {}
        for v in rows:
            option = OPTIONS.get(v["position"])
            if option and v["count"] is not None:
                printed[option] = printed.get(option, 0) + v["count"]
    return [{"option": k, "value": int(n)} for k, n in printed.items() if n is not None]


def validate_popolo(doc: dict[str, Any]) -> list[str]:
    """Problems of a Popolo document: schema errors of each item, ids that point nowhere."""
    checks = validators()
    problems = []
    for key, schema in (("persons", "person"), ("organizations", "organization"),
                        ("memberships", "membership"), ("vote_events", "vote_event")):
        for item in doc.get(key, []):
            for err in checks[schema].iter_errors(item):
                where = "/".join(str(p) for p in err.absolute_path)
                problems.append(f"{key} {item.get('id')}: {where or '(item)'}: {err.message}")
    ids = {k: {i["id"] for i in doc.get(k, [])} for k in ("persons", "organizations")}
    for m in doc.get("memberships", []):
        if m.get("person_id") not in ids["persons"]:
            problems.append(f"memberships {m.get('id')}: person_id {m.get('person_id')} is no person")
        if m.get("organization_id") not in ids["organizations"]:
            problems.append(f"memberships {m.get('id')}: organization_id {m.get('organization_id')} is no organization")
    for o in doc.get("organizations", []):
        if o.get("parent_id") and o["parent_id"] not in ids["organizations"]:
            problems.append(f"organizations {o['id']}: parent_id {o['parent_id']} is no organization")
    for e in doc.get("vote_events", []):
        for v in e.get("votes", []):
            if v.get("voter_id") and v["voter_id"] not in ids["persons"]:
                problems.append(f"vote_events {e['id']}: voter_id {v['voter_id']} is no person")
        for g in e.get("group_results", []):
            if g["group_id"] not in ids["organizations"]:
                problems.append(f"vote_events {e['id']}: group_id {g['group_id']} is no organization")
    return problems


def export_popolo(out_dir: str | os.PathLike[str]) -> PopoloReport:
    """Write ``OUT/popolo/popolo.json`` from the run's linked tables and validate it."""
    from pipeline.link import read_acts
    from pipeline.runner.write import read_table

    out = Path(out_dir)
    tables = {name: read_table(out, name).to_pylist() if (out / name).is_dir() else []
              for name in ("persons", "organizations", "memberships", "acts", "votes")}
    doc = build_popolo(tables, {a.act_id: a.scope for a in read_acts(out).values()})
    path = out / "popolo" / "popolo.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=1)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)
    counts = {k: len(doc[k]) for k in ("persons", "organizations", "memberships", "vote_events")}
    return PopoloReport(path, counts, validate_popolo(doc))
