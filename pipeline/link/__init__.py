"""Linking: the stage after extraction that works across the documents of a run.

Extraction reads one document at a time; the questions researchers ask span many: how
often each councillor attended over a term, how each group voted, which associations
received what over ten years. :func:`link_run` reads a run's tables (never the PDFs),
and

* gives every person named in attendance lists, proxies and named votes a ``person_id``
  (:mod:`.persons`: one person per authority however the name is printed), filled in
  ``attendance.person_id``, ``attendance.proxy_holder_id`` and ``votes.person_ids``, with a
  ``persons`` table;
* infers the councils, their terms (:mod:`.elections`) and their members from the
  attendance lists, and the political groups the votes name (:mod:`.terms`):
  ``organizations`` and ``memberships``;
* gives every grant and convention a ``beneficiary_id`` (:mod:`.beneficiaries`), with a
  ``beneficiaries`` table;
* writes a ``quality`` row (check ``person_link``) for every name it could not link, and
  one (``person_scope``) for every act whose authority is unknown (its names are linked
  within their document only).

It runs at the end of ``delib extract`` (:func:`pipeline.runner.run`) and alone as
``delib link OUT``. It is deterministic: the same tables give the same ids whatever the
order the documents were processed in or the number of workers, and the columns it fills
are rewritten part by part, atomically (:mod:`.store`).
"""

from __future__ import annotations

import datetime as dt
import os
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.link import store
from pipeline.link.beneficiaries import Award, link_beneficiaries
from pipeline.link.elections import calendar_of, term_of
from pipeline.link.persons import Mention, link_persons
from pipeline.link.terms import GroupVote, Sitting, councils, groups
from pipeline.normalize.names import parse_person
from pipeline.normalize.organisations import authority_key
from schemas.rows import QualityRow


@dataclass
class LinkReport:
    """What a linking pass found, for the closing summary."""

    persons: int = 0
    mentions: int = 0
    unresolved: int = 0
    memberships: int = 0
    organizations: int = 0
    beneficiaries: int = 0
    rewritten: int = 0  # part files whose linked columns changed
    seconds: float = 0.0

    def summary(self) -> str:
        return (f"linked: {self.persons} persons ({self.mentions} names, {self.unresolved} unresolved), "
                f"{self.memberships} memberships of {self.organizations} councils and groups, "
                f"{self.beneficiaries} beneficiaries")


@dataclass(frozen=True)
class ActInfo:
    act_id: str
    doc_id: str
    scope: str
    authority: str | None
    body: str | None
    day: dt.date | None

    @property
    def term(self) -> dt.date | None:
        return term_of(calendar_of(self.authority, self.body), self.day)[0]


def read_acts(out: Path) -> dict[str, ActInfo]:
    """Each act's authority (else its document's), body and meeting date."""
    rows = [r for _, part in store.iter_rows(out, "acts") for r in part]
    by_doc: dict[str, Counter[str]] = defaultdict(Counter)
    for r in rows:
        if r["authority"]:
            by_doc[r["doc_id"]][r["authority"]] += 1
    acts = {}
    for r in rows:
        authority = r["authority"]
        if not authority and by_doc[r["doc_id"]]:
            c = by_doc[r["doc_id"]]
            authority = min(c, key=lambda a: (-c[a], a))
        key = authority_key(authority)
        scope = key or f"doc-{r['doc_id'][:12]}"
        acts[r["act_id"]] = ActInfo(r["act_id"], r["doc_id"], scope, authority if key else None,
                                    r["body"], r["session_date"])
    return acts


def link_run(out_dir: str | os.PathLike[str], *, lock: bool = True) -> LinkReport:
    """Link the persons, councils and beneficiaries of the run in ``out_dir`` (see above).

    Holds the output folder's lock while it rewrites parts (a concurrent ``delib extract``
    of the same folder raises :class:`pipeline.runner.manifest.OutputLocked`); ``lock=False``
    when the caller holds it already (:func:`pipeline.runner.run`, at the end of its run).
    """
    if lock:
        from pipeline.runner.manifest import Lock

        held = Lock(Path(out_dir))
        try:
            return link_run(out_dir, lock=False)
        finally:
            held.release()
    t0 = time.perf_counter()
    out = Path(out_dir)
    report = LinkReport()
    acts = read_acts(out)
    attendance = list(store.iter_rows(out, "attendance"))
    votes = list(store.iter_rows(out, "votes"))

    mentions = _mentions(acts, attendance, votes)
    links = link_persons(mentions)
    report.mentions, report.persons, report.unresolved = len(mentions), len(links.persons), len(links.unresolved)

    for path, rows in attendance:
        new = [dict(r, person_id=links.ids.get(("a", str(path), i, "p")),
                    proxy_holder_id=links.ids.get(("a", str(path), i, "h"))) for i, r in enumerate(rows)]
        report.rewritten += _rewrite_if_changed(path, "attendance", rows, new, ("person_id", "proxy_holder_id"))
    for path, rows in votes:
        new = [dict(r, person_ids=[links.ids.get(("v", str(path), i, k)) for k in range(len(r["persons"] or []))])
               for i, r in enumerate(rows)]
        report.rewritten += _rewrite_if_changed(path, "votes", rows, new, ("person_ids",))

    sittings = [Sitting(links.ids[("a", str(path), i, "p")], a.scope, a.authority, a.body, a.day, r["status"],
                        r["voting_rights"] is not False)
                for path, rows in attendance for i, r in enumerate(rows)
                if (a := acts.get(r["act_id"])) and a.day and links.ids.get(("a", str(path), i, "p"))]
    group_votes = [GroupVote(a.scope, a.authority, a.body, a.day, tuple(r["groups"] or ()),
                             tuple(p for k in range(len(r["persons"] or []))
                                   if (p := links.ids.get(("v", str(path), i, k)))))
                   for path, rows in votes for i, r in enumerate(rows)
                   if (a := acts.get(r["act_id"])) and r["groups"]]
    council_orgs, council_members = councils(sittings)
    group_orgs, group_members = groups(group_votes)
    report.organizations = len(council_orgs) + len(group_orgs)
    report.memberships = len(council_members) + len(group_members)

    report.beneficiaries, rewritten = _link_beneficiaries(out, acts)
    report.rewritten += rewritten

    store.write_owned(out, "persons", links.persons)
    store.write_owned(out, "organizations", council_orgs + group_orgs)
    store.write_owned(out, "memberships", council_members + group_members)
    store.write_owned(out, "quality", _quality(acts, attendance, links.unresolved))
    report.seconds = time.perf_counter() - t0
    return report


def _mentions(acts: dict[str, ActInfo], attendance: list[tuple[Path, list[dict[str, Any]]]],
              votes: list[tuple[Path, list[dict[str, Any]]]]) -> list[Mention]:
    out = []

    def mention(ref: tuple, a: ActInfo, first: str | None, last: str | None, civility: str | None,
                printed: str | None, listed: bool) -> None:
        if last:
            out.append(Mention(ref, a.scope, a.authority, a.act_id, a.doc_id, a.day, first, last,
                               civility, printed, listed, a.term))

    for path, rows in attendance:
        for i, r in enumerate(rows):
            a = acts.get(r["act_id"])
            if a is None:
                continue
            mention(("a", str(path), i, "p"), a, r["first_name"], r["last_name"], r["civility"],
                    r["printed"] or r["full_name"], True)
            if r["proxy_holder"]:
                p = parse_person(r["proxy_holder"])
                mention(("a", str(path), i, "h"), a, p.first_name, p.last_name, p.civility,
                        r["proxy_holder"], False)
    for path, rows in votes:
        for i, r in enumerate(rows):
            a = acts.get(r["act_id"])
            for k, name in enumerate(r["persons"] or []):
                if a is not None and name:
                    p = parse_person(name)
                    mention(("v", str(path), i, k), a, p.first_name, p.last_name, p.civility, name, False)
    return out


def _rewrite_if_changed(path: Path, table: str, rows: list[dict[str, Any]], new: list[dict[str, Any]],
                        columns: tuple[str, ...]) -> int:
    if all(r.get(c) == n.get(c) for r, n in zip(rows, new) for c in columns):
        return 0
    store.rewrite_part(path, table, new)
    return 1


def _link_beneficiaries(out: Path, acts: dict[str, ActInfo]) -> tuple[int, int]:
    parts = {t: list(store.iter_rows(out, t)) for t in ("grants", "grant_terms")}
    awards = []
    for table, items in parts.items():
        for path, rows in items:
            for i, r in enumerate(rows):
                a = acts.get(r["act_id"])
                scope = a.scope if a else f"doc-{r['doc_id'][:12]}"
                awards.append(Award((f"{table}:{path}", i), scope, a.authority if a else None, r["beneficiary"],
                                    r["beneficiary_siret"], r.get("amount"), r.get("year"), table == "grants"))
    ids, rows_out = link_beneficiaries(awards)
    rewritten = 0
    for table, items in parts.items():
        for path, rows in items:
            new = [dict(r, beneficiary_id=ids.get((f"{table}:{path}", i))) for i, r in enumerate(rows)]
            rewritten += _rewrite_if_changed(path, table, rows, new, ("beneficiary_id",))
    store.write_owned(out, "beneficiaries", rows_out)
    return len(rows_out), rewritten


def _quality(acts: dict[str, ActInfo], attendance: list[tuple[Path, list[dict[str, Any]]]],
             unresolved: list[Any]) -> list[QualityRow]:
    rows = []
    listed_acts = sorted({r["act_id"] for _, part in attendance for r in part})
    for act_id in listed_acts:
        a = acts.get(act_id)
        if a is not None and a.authority is None:
            rows.append(QualityRow(act_id, a.doc_id, "person_scope", False,
                                   "the act names no authority: its persons are linked within its document only"))
    for u in sorted(unresolved, key=lambda u: (u.mention.act_id, str(u.mention.ref))):
        m = u.mention
        rows.append(QualityRow(m.act_id, m.doc_id, "person_link", False,
                               f"{m.printed or ' '.join(p for p in (m.first, m.last) if p)}: {u.reason}"))
    return rows
