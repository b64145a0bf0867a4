"""Persons across documents: every name printed for one authority → one person, one id.

The same councillor is printed "M. Jean-Paul LERAY", "Jean-Paul LERAY, Maire", "LERAY
Jean-Paul" and, in a named vote, "J.-P. LERAY"; a line break leaves "BIC-ZYSKO" for
"BICZYSKO", OCR "Bemard" for "Bernard". Each printed name is a :class:`Mention` (already
split into first and last name by :func:`pipeline.normalize.names.parse_person`, the
project's one parser); mentions are linked within one authority (its ``scope``) in four
steps:

1. **Same name**: mentions whose surname and first name keys are equal
   (:func:`~pipeline.normalize.names.surname_key`, :func:`~pipeline.normalize.names.given_key`:
   case, accents, hyphens and spaces, compounds, OCR's glyph slips folded) are one form.
2. **Variants of one name**, for forms with the same full first name: a surname one or two
   letters apart (rapidfuzz's Levenshtein distance: 1 from 5 letters, 2 from 9 — OCR or
   typing slips), or a compound surname and one of its parts ("PENNETIER-BIGOT",
   "BIGOT"); a first name printed where the surname should be ("Dupont Jean" read in
   lower case, the parser's guess) joins the form it is the inversion of. Never two forms
   whose first names differ, and never two forms named in the same attendance list (two
   people).
3. **Initials and surnames alone** ("J. DUPONT", "DUPONT"): the one person of the authority
   they fit, preferring those seen in the same term; none fits: a person of its own;
   several: not linked, a quality row says who could be meant.
4. **Ids**: ``<authority key>/<surname key>-<first name key>`` of the spelling most of a
   person's mentions share ("commune-chemere/lecleve-georges"): the same names give the
   same ids whatever the order of the documents or the number of workers, and adding a
   document leaves the others' ids as they were (a person whose spelling changes majority
   is the exception). Two people of one name in one authority (seen in one list) are told
   apart by "~2".

Record linkage at this scale (hundreds of names per authority, blocked by surname) needs
no probabilistic model (Splink): the rules above are exact about what they merge.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Hashable

from rapidfuzz.distance import Levenshtein

from pipeline.normalize.names import fold, given_key, initials, is_initial, surname_key
from pipeline.normalize.organisations import slug
from schemas.rows import PersonRow


@dataclass(frozen=True)
class Mention:
    """One printed name, with where it stands."""

    ref: Hashable  # the row (and place in it) the name comes from, to write the id back
    scope: str  # authority key: names are linked within one authority
    authority: str | None
    act_id: str
    doc_id: str
    day: dt.date | None  # meeting date
    first: str | None
    last: str
    civility: str | None = None
    printed: str | None = None  # the name as printed, to tell "NOM Prénom" from a guess
    listed: bool = False  # named in the act's attendance list
    term: dt.date | None = None  # start of the term the meeting belongs to

    @property
    def skey(self) -> str:
        return surname_key(self.last)

    @property
    def gkey(self) -> str | None:
        return given_key(self.first)


@dataclass
class Unresolved:
    """A mention the linker could not give a person to, and why."""

    mention: Mention
    reason: str


@dataclass
class PersonLinks:
    """What :func:`link_persons` found: an id per mention (None when unresolved), the persons."""

    ids: dict[Hashable, str | None] = field(default_factory=dict)
    persons: list[PersonRow] = field(default_factory=list)
    unresolved: list[Unresolved] = field(default_factory=list)


Form = tuple[str, str | None]  # (surname key, first name key)


def _full(form: Form) -> bool:
    return form[1] is not None and not form[1].endswith(".")


def surnames_close(a: str, b: str) -> bool:
    """Surname keys one slip apart: 1 edit from 5 letters, 2 from 9 (rapidfuzz Levenshtein).

    >>> surnames_close("lecleve", "lecleue"), surnames_close("martin", "martine"), surnames_close("roy", "ray")
    (True, True, False)
    """
    if a == b:
        return True
    n = min(len(a), len(b))
    limit = 2 if n >= 9 else 1 if n >= 5 else 0
    return limit > 0 and Levenshtein.distance(a, b, score_cutoff=limit) <= limit


def _compound_part(a: str, b: str) -> bool:
    """One surname is a part of the other's compound ("PENNETIER-BIGOT" and "BIGOT")."""
    ta, tb = _tokens(a), _tokens(b)
    if len(ta) == len(tb):
        return False
    small, big = (ta, tb) if len(ta) < len(tb) else (tb, ta)
    return bool(small) and set(small) < set(big) and all(len(t) >= 3 for t in small)


def _tokens(last: str) -> tuple[str, ...]:
    return tuple(t for t in "".join(c if c.isalnum() else " " for c in fold(last)).split())


class _Union:
    """Union-find over forms; the smallest form (sorted) stands for its set. A union that
    would put two forms named in one list (``apart``) in one set is refused."""

    def __init__(self, items: list[Form], apart: set[frozenset[Form]]) -> None:
        self.up: dict[Form, Form] = {i: i for i in items}
        self.sets: dict[Form, list[Form]] = {i: [i] for i in items}
        self.apart = apart

    def find(self, x: Form) -> Form:
        while self.up[x] != x:
            self.up[x] = self.up[self.up[x]]
            x = self.up[x]
        return x

    def union(self, a: Form, b: Form) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        if any(frozenset((x, y)) in self.apart for x in self.sets[ra] for y in self.sets[rb]):
            return False
        lo, hi = sorted((ra, rb), key=_sort_key)
        self.up[hi] = lo
        self.sets[lo] += self.sets.pop(hi)
        return True


def _sort_key(form: Form) -> tuple[str, str]:
    return form[0], form[1] or ""


def _clear_order(m: Mention) -> bool:
    """The print tells the surname: a word in capitals ("DUPONT Jean", "Jean DUPONT")."""
    words = (m.printed or "").replace(",", " ").split()
    return any(len(w) > 1 and w.isupper() and any(c.isalpha() for c in w) for w in words)


def _accented(text: str) -> int:
    return sum(1 for c in unicodedata.normalize("NFD", text) if unicodedata.combining(c))


def link_persons(mentions: list[Mention]) -> PersonLinks:
    """Link every mention to a person of its authority (see the module's docstring)."""
    out = PersonLinks()
    by_scope: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        if m.skey:
            by_scope[m.scope].append(m)
        else:
            out.ids[m.ref] = None
    for scope in sorted(by_scope):
        _link_scope(scope, sorted(by_scope[scope], key=_mention_order), out)
    return out


def _mention_order(m: Mention) -> tuple:
    return (m.day or dt.date.min, m.act_id, str(m.ref))


def _link_scope(scope: str, mentions: list[Mention], out: PersonLinks) -> None:
    forms: dict[Form, list[Mention]] = defaultdict(list)
    for m in mentions:
        forms[(m.skey, m.gkey)].append(m)
    # forms named in one attendance list are different people
    lists: dict[str, set[Form]] = defaultdict(set)
    for form, ms in forms.items():
        for m in ms:
            if m.listed:
                lists[m.act_id].add(form)
    apart: set[frozenset[Form]] = set()
    for listed in lists.values():
        ordered = sorted(listed, key=_sort_key)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1:]:
                if a[0] == b[0] or surnames_close(a[0], b[0]) or _compound_part(a[0], b[0]):
                    apart.add(frozenset((a, b)))  # only pairs the rules below could merge

    full = sorted((f for f in forms if _full(f)), key=_sort_key)
    union = _Union(full, apart)
    _merge_inversions(full, forms, union)
    by_first: dict[str | None, list[Form]] = defaultdict(list)
    for f in full:
        by_first[f[1]].append(f)
    for first in sorted(by_first, key=lambda k: k or ""):
        group = by_first[first]
        # slips: surnames one or two letters apart
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                if surnames_close(a[0], b[0]):
                    union.union(a, b)
        # a compound surname and its one part printed alone ("PENNETIER-BIGOT", "BIGOT"),
        # only when the part fits one compound and the compound one part
        parts: dict[Form, list[Form]] = defaultdict(list)
        for a in group:
            for b in group:
                if a != b and len(_tokens(_last_of(forms[a]))) < len(_tokens(_last_of(forms[b]))) \
                        and _compound_part(_last_of(forms[a]), _last_of(forms[b])):
                    parts[a].append(b)
        wholes = Counter(b for bs in parts.values() for b in bs)
        for a, bs in sorted(parts.items(), key=lambda kv: _sort_key(kv[0])):
            if len(bs) == 1 and wholes[bs[0]] == 1:
                union.union(a, bs[0])

    clusters: dict[Form, list[Form]] = defaultdict(list)
    for f in full:
        clusters[union.find(f)].append(f)
    members: dict[Form, list[Mention]] = {root: [m for f in fs for m in forms[f]] for root, fs in clusters.items()}

    _attach_partials(scope, forms, members, apart, out)

    ids = _assign_ids(scope, members)
    for root, ms in sorted(members.items(), key=lambda kv: _sort_key(kv[0])):
        pid = ids[root]
        for m in ms:
            out.ids[m.ref] = pid
        out.persons.append(_person_row(pid, ms))


def _last_of(ms: list[Mention]) -> str:
    return ms[0].last


def _merge_inversions(full: list[Form], forms: dict[Form, list[Mention]], union: _Union) -> None:
    """"Dupont Jean" printed without capitals, which the parser read as first name Dupont:
    it joins "Jean DUPONT" when that form exists and no mention of it was clear."""
    keys = set(full)
    for f in full:
        swapped = (surname_key(forms[f][0].first), given_key(forms[f][0].last))
        if swapped == f or swapped not in keys:
            continue
        if not any(_clear_order(m) for m in forms[f]) and len(forms[swapped]) >= len(forms[f]):
            union.union(f, swapped)


def _attach_partials(scope: str, forms: dict[Form, list[Mention]], members: dict[Form, list[Mention]],
                     apart: set[frozenset[Form]], out: PersonLinks) -> None:
    """Initials ("J. DUPONT") and surnames alone ("DUPONT"): to the one person they fit."""
    partial = sorted((f for f in forms if not _full(f)), key=lambda f: (f[1] is None, _sort_key(f)))
    for form in partial:
        ms = forms[form]
        fits = [root for root, rms in members.items() if _fits(form, root, rms, apart)]
        if len(fits) > 1:
            # prefer the persons seen in the same term as the mentions, then the one of
            # the same civility ("M. DUPONT" and Jean, Jeanne DUPONT)
            terms = {m.term for m in ms}
            same = [r for r in fits if any(m.term in terms for m in members[r])]
            fits = same if len(same) == 1 else fits
        civility = Counter(m.civility for m in ms if m.civility)
        if len(fits) > 1 and len(civility) == 1:
            same = [r for r in fits if _civility(members[r]) == next(iter(civility))]
            fits = same if len(same) == 1 else fits
        if len(fits) == 1:
            members[fits[0]].extend(ms)
        elif not fits:
            members[form] = list(ms)
        else:
            names = ", ".join(sorted({_display(members[r]) for r in fits}))
            for m in ms:
                out.ids[m.ref] = None
                out.unresolved.append(Unresolved(m, f"{len(fits)} persons of {m.authority or scope} fit: {names}"))


def _fits(form: Form, root: Form, rms: list[Mention], apart: set[frozenset[Form]]) -> bool:
    skeys = {m.skey for m in rms}
    if form[0] not in skeys:
        return False
    if any(frozenset((form, (m.skey, m.gkey))) in apart for m in rms):
        return False
    if form[1] is None:
        return True
    want = form[1].replace(".", "")
    return any(m.first and not is_initial(m.first) and initials(m.first).startswith(want) for m in rms) \
        or any(m.gkey == form[1] for m in rms)


def _civility(ms: list[Mention]) -> str | None:
    counts = Counter(m.civility for m in ms if m.civility)
    return min(counts, key=lambda c: (-counts[c], c)) if counts else None


def _spelling(m: Mention) -> str:
    return " ".join(p for p in (m.first, m.last) if p)


def _display(ms: list[Mention]) -> str:
    """The spelling most mentions share; ties: the one with accents, then the first in order."""
    full = [m for m in ms if m.first and not is_initial(m.first)] or ms
    counts = Counter(_spelling(m) for m in full)
    return min(counts, key=lambda s: (-counts[s], -_accented(s), -len(s), s))


def _id_key(m: Mention) -> tuple[str, str]:
    """The spelling an id is made of: surname key, first name slugged as printed (the OCR
    reading-back of :func:`given_key` is for comparing, not for naming)."""
    return m.skey, slug(m.first or "")


def _assign_ids(scope: str, members: dict[Form, list[Mention]]) -> dict[Form, str]:
    base: dict[Form, str] = {}
    for root, ms in members.items():
        keys = Counter(_id_key(m) for m in ms if m.first and not is_initial(m.first))
        if not keys:
            keys = Counter(_id_key(m) for m in ms)
        # the spelling most mentions share; ties: the longer surname (a compound over its
        # part), then the first in order
        skey, first = min(keys, key=lambda k: (-keys[k], -len(k[0]), k))
        base[root] = f"{scope}/{skey}" + (f"-{first}" if first else "")
    ids: dict[Form, str] = {}
    taken: dict[str, list[Form]] = defaultdict(list)
    for root in sorted(base, key=_sort_key):
        taken[base[root]].append(root)
    for pid, roots in sorted(taken.items()):
        roots.sort(key=lambda r: (min((m.day or dt.date.max) for m in members[r]), _sort_key(r)))
        for k, root in enumerate(roots):
            ids[root] = pid if k == 0 else f"{pid}~{k + 1}"
    return ids


def _person_row(pid: str, ms: list[Mention]) -> PersonRow:
    name = _display(ms)
    best = [m for m in ms if _spelling(m) == name][0]
    days = [m.day for m in ms if m.day]
    listed_days = {m.day for m in ms if m.listed and m.day}
    return PersonRow(
        person_id=pid, authority=best.authority,
        civility=_civility(ms),
        first_name=best.first, last_name=best.last, full_name=name,
        spellings=sorted({_spelling(m) for m in ms}),
        first_seen=min(days) if days else None, last_seen=max(days) if days else None,
        n_meetings=len(listed_days), n_mentions=len(ms))
