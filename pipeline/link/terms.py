"""Councils, their terms and their members, read from the attendance lists of a run.

A council (``organizations``: one per authority and body, "Commune de Chemere — conseil
municipal") meets; each meeting's attendance lists name its members, present or not. A
person named with a vote in a council's lists between two general elections
(:mod:`pipeline.link.elections`) is a member of that term: one ``memberships`` row per
person, council and term, from the first to the last meeting the person is named at, with
the meetings held meanwhile and how the person attended them. The renewal after an
election is a new term, so a councillor re-elected in 2014 has two rows.

Political groups are organizations too ("Groupe Communistes et Républicains", within their
council) when the votes name them; a person belongs to a group when a vote names the group
and the person together, alone for that position ("Contre : groupe X — M. A, Mme B").
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass

from pipeline.link.elections import calendar_of, term_of
from pipeline.normalize.organisations import slug
from schemas.rows import MembershipRow, OrganizationRow

#: Best status first: a member present at one act of the meeting was at the meeting.
STATUS_RANK = {"present": 0, "represented": 1, "excused": 2, "absent": 3}

BODY_LABELS = {
    "conseil_municipal": "conseil municipal", "conseil_communautaire": "conseil communautaire",
    "conseil_departemental": "conseil départemental", "conseil_regional": "conseil régional",
    "commission_permanente": "commission permanente", "bureau": "bureau", "other": "assemblée",
}


@dataclass(frozen=True)
class Sitting:
    """One person named in one act's attendance list."""

    person_id: str
    scope: str
    authority: str | None
    body: str | None
    day: dt.date
    status: str
    voting: bool


@dataclass(frozen=True)
class GroupVote:
    """The groups and persons one vote position names."""

    scope: str
    authority: str | None
    body: str | None
    day: dt.date | None
    groups: tuple[str, ...]
    person_ids: tuple[str, ...]


def council_id(scope: str, body: str | None) -> str:
    return f"{scope}/{body or 'other'}"


def group_id(scope: str, name: str) -> str:
    """``<authority key>/groupe-<name>``, the word "Groupe" the name starts with left out."""
    bare = re.sub(r"(?i)^groupe\s+", "", name)
    return f"{scope}/groupe-{slug(bare)}"


def group_name(raw: str) -> str | None:
    """A group's name as printed, or None for what a vote line left of one ("–", a word cut off)."""
    name = " ".join(raw.strip(" -–—,;:.").split())
    return name if re.search(r"[A-ZÀ-Ý]\w{2}", name) and re.search(r"\w{4}", name) else None


def councils(sittings: list[Sitting]) -> tuple[list[OrganizationRow], list[MembershipRow]]:
    """The councils met in ``sittings`` and their members per term."""
    held: dict[str, set[dt.date]] = defaultdict(set)
    info: dict[str, tuple[str | None, str | None]] = {}
    seen: dict[tuple[str, str], dict[dt.date, str]] = defaultdict(dict)
    for s in sittings:
        org = council_id(s.scope, s.body)
        held[org].add(s.day)
        info.setdefault(org, (s.authority, s.body))
        if not s.voting:
            continue  # staff, or members sans voix délibérative: not members of the council
        days = seen[(org, s.person_id)]
        if s.day not in days or STATUS_RANK.get(s.status, 9) < STATUS_RANK.get(days[s.day], 9):
            days[s.day] = s.status
    orgs = [OrganizationRow(org, _council_name(*info[org]), info[org][1] or "other", info[org][0],
                            None, min(held[org]), max(held[org])) for org in sorted(held)]
    members: list[MembershipRow] = []
    for (org, pid), days in sorted(seen.items()):
        authority, body = info[org]
        calendar = calendar_of(authority, body)
        by_term: dict[tuple[dt.date | None, dt.date | None], list[dt.date]] = defaultdict(list)
        for day in days:
            by_term[term_of(calendar, day)].append(day)
        for (start, end), listed in sorted(by_term.items(), key=lambda kv: min(kv[1])):
            first, last = min(listed), max(listed)
            window = [d for d in held[org] if first <= d <= last]
            counts = {k: sum(1 for d in window if days.get(d) == k) for k in STATUS_RANK}
            members.append(MembershipRow(
                membership_id=f"{org}/{start.isoformat() if start else 'na'}/{pid}", person_id=pid,
                organization_id=org, kind="council", term_start=start, term_end=end,
                first_meeting=first, last_meeting=last, meetings=len(window),
                present=counts["present"], represented=counts["represented"], excused=counts["excused"],
                absent=counts["absent"], attendance_rate=round(counts["present"] / len(window), 4)))
    return orgs, members


def groups(votes: list[GroupVote]) -> tuple[list[OrganizationRow], list[MembershipRow]]:
    """Political groups named in votes, and the persons a vote names with one group alone."""
    orgs: dict[str, OrganizationRow] = {}
    spans: dict[tuple[str, tuple[dt.date | None, dt.date | None], str], list[dt.date | None]] = defaultdict(list)
    for v in sorted(votes, key=lambda v: (v.scope, v.day or dt.date.min, v.groups)):
        names = [n for n in (group_name(g) for g in v.groups) if n]
        for name in names:
            gid = group_id(v.scope, name)
            old = orgs.get(gid)
            days = [d for d in (old.first_seen if old else None, old.last_seen if old else None, v.day) if d]
            orgs[gid] = OrganizationRow(gid, old.name if old else name, "group", v.authority,
                                        council_id(v.scope, v.body),
                                        min(days) if days else None, max(days) if days else None)
        if len(names) == 1:
            gid = group_id(v.scope, names[0])
            term = term_of(calendar_of(v.authority, v.body), v.day)
            for pid in v.person_ids:
                spans[(gid, term, pid)].append(v.day)
    members = []
    for (gid, (start, end), pid), days in sorted(spans.items(), key=lambda kv: (kv[0][0], str(kv[0][1]), kv[0][2])):
        known = [d for d in days if d]
        members.append(MembershipRow(
            membership_id=f"{gid}/{start.isoformat() if start else 'na'}/{pid}", person_id=pid,
            organization_id=gid, kind="group", term_start=start, term_end=end,
            first_meeting=min(known) if known else None, last_meeting=max(known) if known else None))
    return [orgs[k] for k in sorted(orgs)], members


def _council_name(authority: str | None, body: str | None) -> str:
    label = BODY_LABELS.get(body or "other", body or "assemblée")
    return f"{authority} — {label}" if authority else label
