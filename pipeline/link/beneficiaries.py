"""Grant beneficiaries across documents: one ``beneficiary_id`` per organisation.

An association's grants of two years are printed under two spellings ("Comité des Fêtes
de Chéméré", "COMITE DES FETES CHEMERE"), with or without its SIRET. The id is its SIRET
(14 digits, key checked) when a grant or a convention prints it; else ``nom:<authority
key>/<normalised name>`` (:func:`pipeline.normalize.organisations.organisation_key`: legal
form words, quotes, case, accents folded), scoped to the awarding authority, since two
communes' "Comité des fêtes" are two associations. A name printed without SIRET takes the
SIRET printed for the same name by the same authority when there is exactly one; two names
of one authority one OCR slip apart (rapidfuzz, from 12 letters, digits equal) are one.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from decimal import Decimal

from rapidfuzz.distance import Levenshtein

from pipeline.normalize.identifiers import siret_key_ok
from pipeline.normalize.organisations import organisation_key, slug
from schemas.rows import BeneficiaryRow


@dataclass(frozen=True)
class Award:
    """One grant or convention row naming a beneficiary."""

    ref: tuple[str, int]  # (part file, row index) to write the id back
    scope: str
    authority: str | None
    name: str | None
    siret: str | None
    amount: Decimal | None = None
    year: int | None = None
    is_grant: bool = True  # grants rows count in the totals; grant_terms rows only link


def link_beneficiaries(awards: list[Award]) -> tuple[dict[tuple[str, int], str | None], list[BeneficiaryRow]]:
    """An id per award row (None without name nor SIRET) and one row per beneficiary."""
    keys: dict[tuple[str, int], str | None] = {}
    names: dict[tuple[str, int], str | None] = {}
    for a in awards:
        names[a.ref] = organisation_key(a.name)
    canon = _canonical_names(awards, names)
    sirets: dict[tuple[str, str], set[str]] = defaultdict(set)
    for a in awards:
        siret = _siret(a.siret)
        key = canon.get((a.scope, names[a.ref] or ""))
        if siret and key:
            sirets[(a.scope, key)].add(siret)
    for a in awards:
        siret = _siret(a.siret)
        key = canon.get((a.scope, names[a.ref] or ""))
        if siret:
            keys[a.ref] = siret
        elif key and len(sirets.get((a.scope, key), ())) == 1:
            keys[a.ref] = next(iter(sirets[(a.scope, key)]))
        elif key:
            keys[a.ref] = f"nom:{a.scope}/{slug(key)}"
        else:
            keys[a.ref] = None
    return keys, _rows(awards, keys, names)


def _siret(raw: str | None) -> str | None:
    digits = re.sub(r"\D", "", raw or "")
    return digits if siret_key_ok(digits) else None


def _canonical_names(awards: list[Award], names: dict[tuple[str, int], str | None]) -> dict[tuple[str, str], str]:
    """Each (scope, name key) → the key it is one with: itself, or a more frequent key one
    OCR slip away."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for a in awards:
        if names[a.ref]:
            counts[a.scope][names[a.ref]] += 1
    out: dict[tuple[str, str], str] = {}
    for scope, c in counts.items():
        ordered = sorted(c, key=lambda k: (-c[k], k))
        for i, key in enumerate(ordered):
            out[(scope, key)] = key
            for better in ordered[:i]:
                if _slip(key, better):
                    out[(scope, key)] = out[(scope, better)]
                    break
    return out


def _slip(a: str, b: str) -> bool:
    if min(len(a), len(b)) < 12 or re.sub(r"\D", "", a) != re.sub(r"\D", "", b):
        return False
    return Levenshtein.distance(a, b, score_cutoff=1) <= 1


def _rows(awards: list[Award], keys: dict[tuple[str, int], str | None],
          names: dict[tuple[str, int], str | None]) -> list[BeneficiaryRow]:
    by_id: dict[str, list[Award]] = defaultdict(list)
    for a in awards:
        if keys[a.ref]:
            by_id[keys[a.ref]].append(a)  # type: ignore[index]
    rows = []
    for bid in sorted(by_id):
        group = by_id[bid]
        printed = Counter(" ".join(a.name.split()) for a in group if a.name)
        name = min(printed, key=lambda n: (-printed[n], n)) if printed else bid
        grants = [a for a in group if a.is_grant]
        amounts = [a.amount for a in grants if a.amount is not None]
        years = [a.year for a in grants if a.year is not None]
        normalized = Counter(names[a.ref] for a in group if names[a.ref])
        rows.append(BeneficiaryRow(
            beneficiary_id=bid, siret=bid if bid.isdigit() else None, name=name,
            normalized_name=min(normalized, key=lambda n: (-normalized[n], n)) if normalized else bid,
            spellings=sorted(printed), authorities=sorted({a.authority for a in group if a.authority}),
            n_grants=len(grants), total_amount=sum(amounts, Decimal("0.00")) if amounts else None,
            first_year=min(years) if years else None, last_year=max(years) if years else None))
    return rows
