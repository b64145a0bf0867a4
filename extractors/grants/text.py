"""Grants read from the decision's sentences::

    "D'attribuer, à l'association « Acteurs Pour une Economie Solidaire », une
     participation départementale d'un montant global de 57 000 € pour l'année 2023, au
     titre de sa contribution aux politiques départementales …"
    "D'attribuer, au titre de l'année 2022, les participations départementales suivantes,
     pour un montant global de 44 500 € : 28 000 € à l'association « Société Historique et
     Archéologique » (SIRET 393 720 388 00502) pour son programme … ; 16 500 € à …"
    "ATTRIBUE un fonds de concours de 42 000,00 € à la commune du Grand-Quevilly pour la
     rénovation des vestiaires du stade ;"
    "D'attribuer à la commune de Pencran un fonds de concours de 9 400 € pour …"

One grant per clause naming one beneficiary and one awarded amount. The SIRET is the one
printed for that award — in its own clause, or beside the beneficiary's name elsewhere in
the act (the exposé "L'entreprise SAS Métallerie Salmon (SIRET 795 617 992 00578)", an
annexed convention "identifié au répertoire SIREN sous le n°440 672 020 00037") — and is
kept only when its Luhn key holds. A SIRET printed in another award clause of the same
beneficiary is not borrowed.
"""

from __future__ import annotations

import re

from extractors.amounts import running_sections
from extractors.grants.patterns import (ADOPTS_PROPOSAL_RE, AID_KIND_RE, ANNOUNCES_LIST_RE, AWARD_LINE_RE, AWARD_RE,
                                        BENEFICIARY_RE, DEHYPHEN_RE, EACH_NAME_END_RE, EACH_OF_RE, FILE_BENEFICIARY_RE,
                                        GLOBAL_RE, GRANT_RE,
                                        INLINE_ITEM_END_RE, INLINE_LIST_RE, ITEM_FOR_RE, ITEM_LEADER_RE,
                                        ITEM_LEADER_TAIL_RE, ITEM_NAMED_RE, LIST_BULLET_RE, NEXT_AWARD_RE,
                                        OPEN_END_RE, PAYMENT_RE, PER_UNIT_RE, PROPOSAL_RE, PURPOSE_RE, SIRET_RE,
                                        STRUCTURE_LABEL_RE, SUM_AWARD_RE, TEXT_TABLE_HEADER_RE, TITLE_BENEFICIARY_RE,
                                        UNDOES_RE, YEAR_RE)
from extractors.registry import Found
from pipeline.model import Act, Section, SectionKind, collapse_ws
from pipeline.normalize.identifiers import siret_valid
from pipeline.normalize.money import find_amounts, parse_amount
from pipeline.normalize.names import CIVILITY_RE
from pipeline.normalize.sentences import split_sentences
from pipeline.read.tables import fold, tables_of
from schemas.rows import GrantRow


def siret_in(text: str) -> str | None:
    """The first SIRET of ``text`` whose key holds: "(SIRET 537 751 901 00845)" → "53775190100845"."""
    for m in SIRET_RE.finditer(text):
        digits = re.sub(r"\D", "", m.group("digits"))
        if len(digits) >= 14 and siret_valid(digits[:14]):
            return digits[:14]
    return None


def sirets_printed(text: str) -> list[str]:
    """Every SIRET-like number printed after "SIRET"/"SIREN" (14 digits), valid or not."""
    out = []
    for m in SIRET_RE.finditer(text):
        digits = re.sub(r"\D", "", m.group("digits"))
        if len(digits) >= 14:
            out.append(digits[:14])
    return out


_CLAUSE_END_RE = re.compile(
    r""";|:(?=\s*(?:\d|-|•))
      |\n(?=[ \t]*(?:[-–•][ \t]*)?(?:(?:[A-ZÉÈ]{3,}E|DIT)[ \t]+[a-zéèàl]|D['’]\s*[a-zé]|Article\b|ARTICLE\b))""",
    re.X,
)


def _clauses(sentence: str) -> list[tuple[int, str]]:
    """Clauses of an award sentence: split on ";", on ":" before a list of awards, and before
    a line opening a new item of the dispositif ("ATTRIBUE …", "- D'attribuer …", "Article 2")
    when OCR lost the ";" that ended the line above."""
    out, pos = [], 0
    for m in _CLAUSE_END_RE.finditer(sentence):
        if m.group() == ":" and sentence.count("(", pos, m.start()) > sentence.count(")", pos, m.start()):
            continue  # a label's colon inside brackets: "(SIRET : 412 345 670 00019)"
        out.append((pos, sentence[pos:m.start()]))
        pos = m.end()
    out.append((pos, sentence[pos:]))
    return out


def _coordinated(clause: str) -> list[tuple[int, str]]:
    """A clause that awards several amounts, each to its beneficiary ("… de 1 500 € au Comité
    des fêtes et de 800 € à l'Amicale …"), cut before each amount after the first
    (:data:`NEXT_AWARD_RE`); a clause of one amount, or none that is cut, is itself."""
    if len([a for a in find_amounts(clause) if a.amount > 0]) < 2:
        return [(0, clause)]
    parts, pos = [], 0
    for m in NEXT_AWARD_RE.finditer(clause):
        if m.start() > pos:
            parts.append((pos, clause[pos:m.start()]))
            pos = m.end()
    parts.append((pos, clause[pos:]))
    return parts


def _inline_items(sentence: str) -> list[tuple[int, str]]:
    """The items of a list of awards printed in the sentence after its announcing colon
    (:data:`INLINE_LIST_RE`), with their offsets; none when there is no such list."""
    m = INLINE_LIST_RE.search(sentence)
    if not m or not (AWARD_RE.search(sentence[:m.start()]) and GRANT_RE.search(sentence[:m.start()])):
        return []
    rest, base = sentence[m.end():], m.end()
    items, pos = [], 0
    for e in INLINE_ITEM_END_RE.finditer(rest):
        items.append((base + pos, rest[pos:e.start()]))
        pos = e.end()
    items.append((base + pos, rest[pos:].rstrip(" .")))
    return [(k, t) for k, t in items if t.strip()]


def _each_of(sentence: str) -> list[tuple[int, str, object]]:
    """(offset, name, amount) of each body an award sentence gives the same amount ("2 000 € à
    chacune des deux associations suivantes : Musique en Vallée et Théâtre du Pont"); none
    unless the sentence has one amount before the list and every name looks like one."""
    m = EACH_OF_RE.search(sentence)
    if not m:
        return []
    amounts = [a for a in find_amounts(sentence[:m.start()]) if a.amount > 0]
    if len(amounts) != 1 or find_amounts(sentence[m.end():]):
        return []
    rest = sentence[m.end():].rstrip(" .;")
    out, pos = [], 0
    for e in list(EACH_NAME_END_RE.finditer(rest)) + [None]:
        end = e.start() if e else len(rest)
        name = re.sub(r"^(?:l['’]\s*|la\s+|le\s+)(?=[A-ZÀ-Ý«\"“])", "", rest[pos:end].strip())  # "et l'ADMR …"
        name = _unquoted(name)
        if not name or not name[0].isupper() or len(name.split()) > 10:
            return []
        out.append((m.end() + pos, name, amounts[0]))
        pos = e.end() if e else len(rest)
    return out if len(out) >= 2 else []


def year_in(*texts: str | None) -> int | None:
    """The year an award is for: "au titre de l'année 2022" → 2022."""
    for t in texts:
        if t:
            m = YEAR_RE.search(t)
            if m:
                return int(m.group("y"))
    return None


def _purpose(text: str) -> str | None:
    m = PURPOSE_RE.search(text)
    if not m:
        return None
    p = collapse_ws(m.group("p")).strip(" -")
    return p or None


def beneficiary_name(m: re.Match[str]) -> str:
    """The name of a beneficiary as the decision names it: a collectivité with its kind
    ("Commune du Grand-Quevilly"), anyone else by their name ("SAS Métallerie Salmon")."""
    if m.group("public"):
        kind = collapse_ws(m.group("public"))
        particle = re.sub(r"\s+", " ", m.group("particle") or "").strip()
        if particle and not particle.endswith(("'", "’")):
            particle += " "
        return collapse_ws(kind[0].upper() + kind[1:] + " " + particle + m.group("place"))
    if m.group("described"):
        described = collapse_ws(m.group("described"))
        return described[0].upper() + described[1:]  # "l'association sportive du collège" → "Association sportive du collège"
    return collapse_ws(m.group("quoted") or m.group("plain") or "")


def printed_siret(act: Act, name: str, award_spans: list[tuple[int, int]]) -> str | None:
    """A valid SIRET printed beside ``name`` anywhere in the act (exposé, annexes), outside
    the clauses that award something (a SIRET in another award belongs to that award)."""
    key = fold(name)
    text = act.text
    if key not in fold(text.replace("\n", " ")):
        return None
    base = act.span.start
    for m in SIRET_RE.finditer(text):
        at = base + m.start()
        if any(a <= at < b for a, b in award_spans):
            continue
        window = fold(text[max(0, m.start() - 400): m.start()].replace("\n", " "))
        if key in window:
            digits = re.sub(r"\D", "", m.group("digits"))
            if len(digits) >= 14 and siret_valid(digits[:14]):
                return digits[:14]
    return None


def _session_year(found: Found) -> int | None:
    d = found.field("session_date")
    return getattr(d, "year", None)


def decision_sections(act: Act) -> list[Section]:
    """Where the act decides: its decision and articles; in minutes, the item's own text."""
    own = running_sections(act)
    decided = [s for s in own if s.kind in (SectionKind.DECISION, SectionKind.ARTICLES)]
    return decided or [s for s in own if s.kind in (SectionKind.HEADER, SectionKind.CONSIDERANTS)]


def _awards(text: str) -> bool:
    return any(AWARD_RE.search(text[s:e]) and GRANT_RE.search(text[s:e]) for s, e in split_sentences(text))


def adopted_proposals(act: Act) -> list[Section]:
    """The exposé, when the decision adopts what it proposed without restating it ("Il est
    demandé au Conseil de bien vouloir accorder une subvention de 394 euros au Tennis Club" /
    "les membres du conseil adoptent, à l'unanimité, la présente délibération"); else none."""
    own = running_sections(act)
    decided = [s for s in own if s.kind in (SectionKind.DECISION, SectionKind.ARTICLES)]
    if not decided or any(_awards(s.text) for s in decided):
        return []
    if not any(ADOPTS_PROPOSAL_RE.search(s.text) for s in decided):
        return []
    return [s for s in own if s.kind in (SectionKind.HEADER, SectionKind.CONSIDERANTS)]


def _award_lines(act: Act, found: Found, title: str | None) -> list:  # type: ignore[type-arg]
    """Awards listed one per line ("Cyclo club (demande non précisée) : Proposition initial
    d'attribution du conseil municipal 230€"): the amount after the award words, never the
    one requested in brackets."""
    out = []
    for section in decision_sections(act):
        text = section.text
        for m in AWARD_LINE_RE.finditer(text):
            amounts = [a for a in find_amounts(m.group("rest")) if a.amount > 0]
            if len(amounts) != 1:
                continue
            name = collapse_ws(m.group("name"))
            if AWARD_RE.search(name) or GRANT_RE.fullmatch(name) or STRUCTURE_LABEL_RE.match(name):
                continue
            start = section.span.start + m.start()
            year = year_in(m.group(0), title) or _session_year(found)
            at = section.span.start + m.start("rest")
            out.append((name, start, section.span.start + m.end(), "", amounts[0].amount, None, year,
                        (at + amounts[0].start, at + amounts[0].end)))
    return out


def _intro(lines: list[str], k: int) -> str:
    """The words before the list that starts at line ``k``: up to three lines back, to the end
    of the sentence before them, a bulleted line or a table's header line (skipped)."""
    intro_lines: list[str] = []
    j0 = k - 1
    if j0 > 0 and TEXT_TABLE_HEADER_RE.match(lines[j0]):
        j0 -= 1  # "Association\t\tMontant" between the announcing words and the lines
    for j in range(j0, max(-1, j0 - 3), -1):
        if LIST_BULLET_RE.match(lines[j]):
            break
        intro_lines.insert(0, lines[j])
        if j < j0 and re.search(r"[.;:]\s*$", lines[j]):
            intro_lines.pop(0)
            break
    return " ".join(intro_lines).strip()


def _award_list(act: Act, found: Found, title: str | None) -> list:  # type: ignore[type-arg]
    """Awards listed one per line under an award that ends on a colon ("DE VERSER la somme
    maximum (…) de : / - 750€ pour le Centre Culturel Breton / - 500€ pour DMT"): one grant
    per line with one amount and a beneficiary — named on the line, or, when the line names a
    kind of grant ("• Subvention ex-Urhaj (volet culture) : 12.000€"), the one the title names
    ("Subvention à l'association Habitat jeunes en Trégor").

    Lines without a bullet ("Comité des fêtes ........ 1 200 €", "Comité des fêtes\t1 200 €",
    "Comité des fêtes – 1 200 €", "Comité des fêtes 1 200 €", under "Association\t\tMontant",
    down to a "Total" line) are read only under words that award grants and announce the list
    ("D'attribuer les subventions suivantes :"): the name first, the amount ending the line, in
    no table the reader of tables holds."""
    titled = TITLE_BENEFICIARY_RE.match(collapse_ws(title)) if title else None
    tables = tables_of(act.doc, act.span)
    out = []
    for section in decision_sections(act):
        text = section.text
        lines = text.split("\n")
        pos, offsets = 0, []
        for ln in lines:
            offsets.append(pos)
            pos += len(ln) + 1
        k = 0
        while k < len(lines):
            bulleted = bool(LIST_BULLET_RE.match(lines[k]))
            if k == 0 or not (bulleted or _leader_item(lines[k], None)):
                k += 1
                continue
            intro = _intro(lines, k)
            grants = GRANT_RE.search(intro) or (bulleted and title and GRANT_RE.search(title))
            opens = intro.endswith(":") and AWARD_RE.search(intro) and grants
            if not bulleted:
                opens = opens and ANNOUNCES_LIST_RE.search(intro)
            while k < len(lines):
                m = LIST_BULLET_RE.match(lines[k])
                if bulleted != bool(m) or not (m or _leader_item(lines[k], None)):
                    break
                if opens:
                    item = m.group("item") if m else lines[k]
                    at = section.span.start + offsets[k] + (m.start("item") if m else 0)
                    found_one = _list_item(item, titled)
                    if found_one and not (found_one[3] and any(t.covers(at) for t in tables)):
                        name, purpose, amount, _ = found_one
                        year = year_in(item, intro, title) or _session_year(found)
                        out.append((name, at, at + len(item), "", amount.amount, purpose, year,
                                    (at + amount.start, at + amount.end)))
                k += 1
    return out


def _leader_item(item: str, titled: re.Match[str] | None) -> tuple[str, str | None, object] | None:
    """(name, purpose, amount) of a listed award printed name first, its amount ending the
    line, after dots, a column gap, a dash or a space (:data:`ITEM_LEADER_RE`); None else."""
    amounts = [a for a in find_amounts(item) if a.amount > 0]
    if len(amounts) != 1 or amounts[0].start == 0 or not ITEM_LEADER_TAIL_RE.match(item[amounts[0].end:]):
        return None
    amount = amounts[0]
    m = ITEM_LEADER_RE.match(item[:amount.start])
    if not m:
        return None
    return _named_item(collapse_ws(m.group("name")), amount, titled)


def _named_item(label: str, amount: object, titled: re.Match[str] | None) -> tuple[str, str | None, object] | None:
    """The award of a listed line whose label comes first: the label is the beneficiary, or —
    a kind of grant ("Subvention ex-Urhaj (volet culture)") — the purpose of an award to the
    title's beneficiary; a total, a sum, an award's words or a part of the act is none."""
    if GRANT_RE.match(label):
        if not titled:
            return None
        return _unquoted(titled.group("name").strip()), label, amount
    if AWARD_RE.search(label) or parse_amount(label) is not None or OPEN_END_RE.search(label) \
            or re.match(r"(?i)(?:sous[\s-]?)?total|soit\b", label) or GLOBAL_RE.search(label + " ") \
            or STRUCTURE_LABEL_RE.match(label) or len(label.split()) > 12:
        return None
    return _unquoted(label), None, amount


def _list_item(item: str, titled: re.Match[str] | None) -> tuple[str, str | None, object, bool] | None:
    """(beneficiary, purpose, amount, read without a colon) of one listed award, or None when unsure."""
    amounts = [a for a in find_amounts(item) if a.amount > 0]
    if len(amounts) != 1 or GLOBAL_RE.search(item[: amounts[0].start]):
        return None
    amount = amounts[0]
    if amount.start <= 3:  # "750€ pour le Centre Culturel Breton", "1 200 € à la coopérative scolaire …"
        rest = item[amount.end:]
        lead = re.match(r"\s*(?:HT|TTC|nets?)?\s*,?\s*", rest)
        ben = BENEFICIARY_RE.match(rest, lead.end() if lead else 0)
        if ben and (name := beneficiary_name(ben)) and not GRANT_RE.match(name) and parse_amount(name) is None:
            return name, _purpose(rest[ben.end():]), amount, False
        m = ITEM_FOR_RE.match(rest)
        if m and not GRANT_RE.match(m.group("name")):
            return _unquoted(collapse_ws(m.group("name"))), None, amount, False
        return None
    m = ITEM_NAMED_RE.match(item)
    if m and m.end("name") <= amount.start:
        found = _named_item(collapse_ws(m.group("name")), amount, titled)
        return (*found, False) if found else None
    found = _leader_item(item, titled)
    return (*found, True) if found else None


def _unquoted(name: str) -> str:
    """A name without the quotes around it: "« Les Amis du Moulin »" → "Les Amis du Moulin";
    quotes inside it stay ("Club des aînés « Les Joyeux Retraités »"), and so does a quote
    that is closed inside ("« Les Joyeux » de Loué")."""
    name = name.strip()
    opens, closes = "«\"“", "»\"”"
    if name[:1] in opens and name[-1:] in closes and not any(c in name[1:-1] for c in opens + closes):
        return name[1:-1].strip()
    if name[:1] in opens and not any(c in name[1:] for c in closes):
        return name[1:].strip()  # a quote the line or the clause left open
    if name[-1:] in closes and not any(c in name[:-1] for c in opens):
        return name[:-1].strip()
    return name


def _without_civility(name: str) -> str:
    """A person's name without its civility ("M. Kévin LEBRUN" → "Kévin LEBRUN", "Mme Odile
    FERRAND" → "Odile FERRAND"): the beneficiary is the person. A couple keeps it ("M. et Mme
    Gérard PICHON": the civilities say there are two); "M Bricolage", without its dot, is no
    civility."""
    m = CIVILITY_RE.match(name)
    if not m or m.group().strip() in ("M", "MM", "Mr"):
        return name
    rest = name[m.end():].lstrip()
    if not rest[:1].isupper() or re.match(r"(?i)et\b", rest):
        return name
    return rest


def awarded_file(clause: str, start: int = 0) -> tuple[str, str | None, int] | None:
    """(beneficiary, purpose, end) of an aid awarded to a person's file, named only by its
    number (:data:`FILE_BENEFICIARY_RE`): "d'accorder une bourse au permis de conduire d'un
    montant de 350,00 € au dossier n°BPC 2011/1" → ("dossier n°BPC 2011/1", "Bourse au permis
    de conduire"); the purpose is the kind of aid when the clause says what it is for
    (:data:`AID_KIND_RE`), else None. None when the clause names no numbered file."""
    m = FILE_BENEFICIARY_RE.search(clause, start)
    if not m:
        return None
    ref = m.group("ref").rstrip("./-_")
    if not re.search(r"\d", ref):
        return None  # "au dossier n° ci-joint", a file without its number
    name = collapse_ws(clause[m.start("name"):m.start("ref")] + ref)
    kind = AID_KIND_RE.search(clause, start)
    purpose = collapse_ws(kind.group("kind")) if kind else None
    return name, (purpose[0].upper() + purpose[1:] if purpose else None), m.start("ref") + len(ref)


def _awards_a_grant(sentence: str, title: str | None) -> bool:
    """A sentence that awards a grant: an award of a subsidy, a participation, an aid …
    ("D'attribuer une subvention de …"), or of a sum whose kind it does not name ("De verser la
    somme de 1 000 € à …", "D'attribuer un montant de 750 € à …", "D'attribuer 500 € à chacun
    des clubs suivants : …") in an act whose title calls it a grant ("Subventions 2024", "Aide
    d'urgence") and that pays for nothing (:data:`SUM_AWARD_RE`, :data:`PAYMENT_RE`)."""
    if AWARD_RE.search(sentence) and GRANT_RE.search(sentence):
        return True
    return bool(title and GRANT_RE.search(title) and not PAYMENT_RE.search(title)
                and SUM_AWARD_RE.search(sentence) and not PAYMENT_RE.search(sentence))


def _rate_total(clause: str, amounts: list) -> list:  # type: ignore[type-arg]
    """The total of an award per unit, when the clause states it after "soit": "une subvention
    de 150 € par licencié de moins de 18 ans à l'Union cycliste, soit 2 250 € pour 15
    licenciés" → [2 250 €]; none when no rate, or no one total after it."""
    rates = [a for a in amounts if PER_UNIT_RE.match(clause[a.end:])]
    if not rates:
        return []
    after = [a for a in amounts if a.start > rates[-1].end]
    if len(after) != 1 or len(rates) + 1 != len(amounts):
        return []
    if not re.search(r"\bsoit\b[^.;]{0,30}$", clause[rates[-1].end:after[0].start]):
        return []  # "soit 2 250 €", "soit au total 2 250 €", "soit un total de 2 250 €"
    return after


def grants_from_text(act: Act, found: Found) -> list[GrantRow]:
    # (name, clause start, clause end, SIRET, amount, purpose, year, the amount's offsets)
    candidates: list[tuple[str, int, int, str, object, str | None, int | None, tuple[int, int]]] = []
    title = found.field("title")
    award_spans: list[tuple[int, int]] = []
    orphans: list[tuple[int, str, object, str]] = []  # awards naming no beneficiary: (start, clause, amount, sentence)
    # the decision's sentences, or the exposé's proposals that a decision adopts by reference
    read = [(s, False) for s in decision_sections(act)] + [(s, True) for s in adopted_proposals(act)]
    for section, proposals_only in read:
        text = section.text
        for s, e in split_sentences(text):
            sentence = DEHYPHEN_RE.sub("", text[s:e])
            if not _awards_a_grant(sentence, title):
                continue
            if proposals_only and not PROPOSAL_RE.search(sentence):
                continue  # the exposé's story ("Elle a été versée en 2010"), not what is put to the vote
            each = _each_of(sentence)
            for k, name, amount in each:
                # one amount to each of the bodies listed: one grant each, at the shared amount
                start = section.span.start + s + k
                award_spans.append((start, start + len(name)))
                year = year_in(sentence, text, title) or _session_year(found)
                candidates.append((name, start, start + len(name), "", amount.amount,  # type: ignore[attr-defined]
                                   _purpose(sentence), year,
                                   (section.span.start + s + amount.start,  # type: ignore[attr-defined]
                                    section.span.start + s + amount.end)))  # type: ignore[attr-defined]
            if each:
                continue
            inline = [(k, item, _list_item(item, None)) for k, item in _inline_items(sentence)]
            if inline and all(found_one for _, _, found_one in inline):
                # "… les subventions suivantes : Comité des fêtes : 1 500 € ; Amicale … : 800 €"
                for k, item, (name, purpose, amount, _) in inline:  # type: ignore[misc]
                    start = section.span.start + s + k
                    award_spans.append((start, start + len(item)))
                    year = year_in(item, sentence, text, title) or _session_year(found)
                    candidates.append((name, start, start + len(item), "", amount.amount, purpose, year,
                                       (start + amount.start, start + amount.end)))
                continue
            for c0, clause in [(c0 + k, part) for c0, whole in _clauses(sentence) for k, part in _coordinated(whole)]:
                # a line break inside a clause is the layout's wrapping: "… à l'association Les
                # Amis des Arbres de la Loire et de l'Arboretum des\nGrands Murcins, pour …"
                clause = clause.replace("\n", " ")
                if UNDOES_RE.match(clause):
                    continue  # "- abroge la délibération …, octroyant à l'Office … 300 000 €": undone, not awarded
                every = [a for a in find_amounts(clause) if a.amount > 0]
                amounts = [a for a in every if not GLOBAL_RE.search(clause[: a.start])]
                if not amounts and len(every) == 1:
                    amounts = every  # "une participation d'un montant global de 57 000 €" to one body
                amounts = _rate_total(clause, every) or amounts
                if len(amounts) != 1:
                    continue
                amount = amounts[0]
                if PER_UNIT_RE.match(clause[amount.end:]):
                    continue  # "1,17 € par repas servi": a rate, not the amount awarded
                # the beneficiary follows the award's verb when the clause has one: "Il est
                # proposé au Conseil de bien vouloir accorder une subvention de 394 euros au
                # Tennis Club" names the club, not the Conseil
                verb = AWARD_RE.search(clause)
                ben = BENEFICIARY_RE.search(clause, verb.start() if verb else 0)
                file = awarded_file(clause, verb.start()) if verb and not ben else None
                if file:
                    # an aid to a person named by the number of their file: "… au dossier n°BPC 2011/1"
                    name, kind, end = file
                    start = section.span.start + s + c0
                    award_spans.append((start, start + len(clause)))
                    year = year_in(clause, sentence, text, title) or _session_year(found)
                    candidates.append((name, start, start + len(clause), "", amount.amount,
                                       _purpose(clause[end:]) or kind, year,
                                       (start + amount.start, start + amount.end)))
                    continue
                if not ben:
                    if not proposals_only and verb:
                        orphans.append((section.span.start + s + c0, clause, amount, sentence))
                    continue
                name = beneficiary_name(ben)
                if not name or parse_amount(name) is not None or re.match(r"(?i)(?:lui|leur|eux)\b", name):
                    continue
                start = section.span.start + s + c0
                award_spans.append((start, start + len(clause)))
                after = clause[max(ben.end(), amount.end):]
                siret = siret_in(clause[ben.end():])
                year = year_in(clause, sentence, text, title) or _session_year(found)
                candidates.append((name, start, start + len(clause), siret or "", amount.amount,
                                   _purpose(after) or _purpose(clause[ben.end():]), year,
                                   (start + amount.start, start + amount.end)))
    candidates += _award_lines(act, found, title)
    listed = {(fold(c[0]), c[4]) for c in candidates}
    candidates += [c for c in _award_list(act, found, title) if (fold(c[0]), c[4]) not in listed]
    # one award naming no one, in an act whose title names its beneficiary ("Demande de
    # subvention : Réseau d'aides spécialisées …" / "d'accorder une subvention de 130,00 €.")
    named = TITLE_BENEFICIARY_RE.match(collapse_ws(title)) if title and not candidates and len(orphans) == 1 else None
    if named:
        start, clause, amount, sentence = orphans[0]
        name = named.group("name").strip()
        if name[:1] in "«\"“" and name[-1:] in "»\"”":
            name = name[1:-1].strip()  # « Les Amis du Moulin » → Les Amis du Moulin; "Ecole « X »" kept whole
        year = year_in(clause, sentence, title) or _session_year(found)
        candidates.append((name, start, start + len(clause), "", amount.amount, None, year,  # type: ignore[attr-defined]
                           (start + amount.start, start + amount.end)))  # type: ignore[attr-defined]
    # a person is named without a civility: "M. Kévin LEBRUN" → "Kévin LEBRUN"
    candidates = [(_without_civility(c[0]), *c[1:]) for c in candidates]  # type: ignore[misc]
    # the same award proposed, then decided ("propose … le versement d'une aide de 2500€ à
    # l'USYP" / "accepte de verser une dotation de 2500 euros à l'USYP"): one grant
    seen: dict[tuple[str, object], int] = {}
    for k, c in enumerate(candidates):
        seen[(fold(c[0]), c[4])] = k
    candidates = [c for k, c in enumerate(candidates) if seen[(fold(c[0]), c[4])] == k]
    rows = []
    for name, a, b, siret, amount, purpose, year, (at, end) in candidates:
        siret = siret or printed_siret(act, name, award_spans)
        rows.append(GrantRow(act.act_id, act.doc.doc_id, name, siret or None, amount,  # type: ignore[arg-type]
                             purpose, year, act.doc.page_at(at), at, end))
    return rows
