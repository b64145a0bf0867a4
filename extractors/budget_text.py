"""Budget lines printed as lines of text rather than as a table.

Two families, read from the act's own text (not its annexes' conventions):

* a décision modificative written account by account, under its side word::

      Recettes :  c/ 238R/041   8 512.00 €   (Opérations d'ordre …
                  c/ 1323R/041  2 000.00 €
      Dépenses :  c/21534D/041 10 512.00 €
      Recettes : compte 238/041 = 8511.01 € (participation commune) et compte 1323/041 = …

  one row per account and amount: ``imputation`` as printed without "c/" or "compte",
  ``column`` the side word ("Recettes" → ``other``, "Dépenses" → ``expense``), ``label``
  the bracket closed on the same line after the amount;

* a small financing plan with dot leaders or colons, without a header::

      Dépense prévisionnelle HT ..................   57.174.14 €
      Dont frais de gestion : 2.722.58 €
      Plan de financement prévisionnel
      financements mobilisés par le SDED …...        57.174.14 €
      Participation communale …............          NEANT

  one row per amount line, ``column`` null, the spending lines ``expense`` and the lines
  after "Plan de financement" (or labelled as funding) ``other``; "NEANT" gives no row.
  A list of quotes or tariffs with dot leaders ("15 ans ...  200 €") is not a plan: a
  plan opens with a spending line and has a funding line.

* a financing plan in two lists, each under its side word on a line of its own::

      Dépenses :
      -   Séjour Centre de vacances Biabaux et transport      11 680 €
      Recettes :
      -   Mairie                                               3 540 €
      -   Conseil régional                                     2 525 €
      -   Total                                               11 680 €

  one row per item line, ``column`` the side word as printed ("Dépenses", "Recettes"),
  ``measure`` ``expense`` / ``other``; both sides must be printed, one right after the other
  (a lone "Dépenses :" list is not a plan).

* a décision modificative in two columns, the sides side by side::

      DEPENSES                          RECETTES
      Compte 023 :   + 5 000 €          Compte 777-042 : + 5 000 €
      Virement à la Section d'invest.   Recettes et Quote-Part-Subvention Investissement

  one row per account: the left one on the first side named, the right one on the other,
  ``label`` the line below, cut at the same column gap (:func:`two_sided_accounts`; the
  budget-lines extractor reads these lines before any word table over them).

* the results of a compte administratif, printed without a header, one result per line and
  section (the section word between the result's label and its figure; a line with the
  section word alone continues the result above)::

      Résultat de clôture Exercice 2014   INVESTISSEMENT   -152.877.17 €
                                          FONCTIONNEMENT    197.153.90 €
      Résultat de l'exercice 2015         INVESTISSEMENT    252.646.77 €
      Excédent de fonctionnement reporté : FONCTIONNEMENT : 12 500,00 €

  one row per figure, ``label`` the result's label and the section word as printed
  ("Résultat de clôture Exercice 2014 INVESTISSEMENT"), ``column`` null, ``measure``
  ``balance`` (a résultat, excédent, déficit or solde) or ``other`` (restes à réaliser); a
  block needs two figures and a labelled line (:func:`_results`).

These amounts are budget lines, not running-text amounts (:mod:`extractors.amounts`
skips the spans :func:`text_budget_spans` returns).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any, Callable

from pipeline.model import Act, Section, SectionKind, Span, TextSource
from pipeline.normalize.money import parse_amount
from schemas.rows import BudgetLineRow

# A figure: "8 512.00 €", "8511.01 €", "10 512.00 €", "57.174.14 €", "2.722.58 €", OCR
# "992.91 e" (the euro sign read as "e").
_FIGURE = r"""[-–+]?\s?(?:\d{1,3}(?:[ \u00a0\u202f.'’]\d{3})+|\d+)(?:[,.]\d{1,2})?\s?(?:€|euros?\b|EUR\b|e\b)"""

# The side a block of accounts stands on: "Recettes :", "Dépenses :", "DEPENSES
# D'INVESTISSEMENT :", "Recettes de fonctionnement :".
_SIDE_RE = re.compile(r"\b(?P<side>Recettes|RECETTES|D[ée]penses|D[ÉE]PENSES)"
                      r"(?:\s+(?i:de|d['’])\s*(?i:investissement|fonctionnement))?\s*:")

# One account and its amount: "c/ 238R/041 8 512.00 €", "c/21534D/041 10 512.00 €",
# "compte 238/041 = 8511.01 € (participation commune)", "article 6574 : + 500 €".
_ACCOUNT_RE = re.compile(
    rf"""(?:
          (?P<prefix>\bc\s?/\s?|\bcompte\s+|\barticle\s+|\bart\.\s?|\bchapitre\s+)
            (?P<acct1>\d{{2,6}}[DR]?(?:\s?/\s?\d{{2,6}}[DR]?|-\d{{2,4}})?)   # c/ 238R/041, compte 6574, 777-042
        | (?<![\w/.,])(?P<acct2>\d{{2,6}}[DR]?/\d{{2,4}}[DR]?)(?![\w/])  # 238/041 alone
        )
        [ \t]*(?:=|:|pour)?[ \t]*
        (?P<fig>{_FIGURE})
        (?:[ \t]*\((?P<label>[^()\n]{{2,80}})\))?""",
    re.X | re.I,
)

# One line of a plan: "Dépense prévisionnelle HT ........ 57.174.14 €", "Dont frais de
# gestion : 2.722.58 €", "-financements mobilisés par le SDED ...… 18.432.13 €".
_PLAN_LINE_RE = re.compile(
    rf"""^[ \t]*[-–•]?[ \t]*(?P<label>[^\n:.…]{{3,80}}?)[ \t]*
        (?:[.…·,]{{3,}}[ .…·,]*|[ \t]*:[ \t]*|\t)[ \t]*
        (?:(?P<fig>{_FIGURE})|(?P<none>N[ÉE]ANT|néant))
        [ \t]*(?:\([^()\n]*\))?[ \t.]*$""",
    re.X | re.M,
)
# The spending side of a plan: "Dépense prévisionnelle HT", "Coût de l'opération",
# "Montant des travaux", "Dont frais de gestion" (a part of the spending).
_PLAN_EXPENSE_RE = re.compile(r"^(?:d[ée]penses?|co[uû]ts?|montant\s+(?:des\s+travaux|de\s+l['’]op[ée]ration|total)"
                              r"|dont\b|total\s+(?:ht|ttc|des\s+d[ée]penses))", re.I)
# The funding side: "financements mobilisés", "Participation communale", "Subvention",
# "Autofinancement", "Emprunt", "Fonds propres", "DETR", "FCTVA", "Recettes".
_PLAN_INCOME_RE = re.compile(r"\b(?:financements?|participations?|subventions?|autofinancement|emprunts?"
                             r"|fonds\s+propres|DETR|DSIL|FCTVA|recettes?|aides?)\b", re.I)
# A heading turning a plan to its funding side: "Plan de financement (prévisionnel)".
_PLAN_HEADING_RE = re.compile(r"^[ \t]*(?:plan\s+de\s+financement|financements?|recettes)\b[^\n\d€]*$", re.I | re.M)


# A side word alone on its line, heading a list: "Dépenses :", "RECETTES", "Recettes
# d'investissement :".
_SIDE_HEADING_RE = re.compile(
    r"^[ \t]*(?P<side>D[ée]penses?|D[ÉE]PENSES?|Recettes|RECETTES)"
    r"(?:[ \t]+(?i:de|d['’])[ \t]*(?i:investissement|fonctionnement))?[ \t]*:?[ \t]*$", re.M)
# An item of such a list: a label, then its figure at the line end ("-\tMairie\t3 540€",
# "• Conseil régional : 2 525 €", "Participation des familles ...... 4 050 €").
_SIDE_ITEM_RE = re.compile(
    rf"""^[ \t]*(?:[-–•*▪][ \t]*)?(?P<label>[A-ZÀ-Ýa-zà-ÿ][^\n]{{1,90}}?)[ \t]*(?:[.…·]{{3,}}[ \t]*|:[ \t]*|\t|[ \t])
        (?P<fig>{_FIGURE})[ \t]*$""",
    re.X,
)


@dataclass(frozen=True)
class TextBudgetLine:
    span: Span  # document offsets of the account and its figure
    imputation: str | None
    label: str | None
    column: str | None
    measure: str
    raw: str


def _figure(raw: str) -> str:
    return re.sub(r"(?<=\d)\s?e$", " €", raw.strip())


def _sections(act: Act) -> list[Section]:
    return [s for s in act.sections if s.kind not in (SectionKind.ANNEX, SectionKind.ATTENDANCE,
                                                       SectionKind.SIGNATURE) and not s.shared]


def _accounts(text: str, base: int) -> list[TextBudgetLine]:
    out = []
    sides = list(_SIDE_RE.finditer(text))
    for m in _ACCOUNT_RE.finditer(text):
        before = [s for s in sides if s.end() <= m.start() and m.start() - s.end() < 250
                  and ". " not in text[s.end():m.start()].replace(".00", "")]
        if not before:
            continue
        side = before[-1].group("side")
        acct = re.sub(r"\s+", "", m.group("acct1") or m.group("acct2"))
        label = m.group("label")
        out.append(TextBudgetLine(Span(base + m.start(), base + m.end("fig")), acct,
                                  " ".join(label.split()) if label else None, side.capitalize(),
                                  "other" if side.lower().startswith("r") else "expense", _figure(m.group("fig"))))
    return out


def _plans(text: str, base: int) -> list[TextBudgetLine]:
    """Plans: runs of consecutive plan lines (headings inside) opening with a spending line."""
    lines = list(_PLAN_LINE_RE.finditer(text))
    out: list[TextBudgetLine] = []
    k = 0
    while k < len(lines):
        run = [lines[k]]
        while k + 1 < len(lines):
            gap = text[run[-1].end():lines[k + 1].start()]
            if gap.count("\n") > 3 or (gap.strip() and not _PLAN_HEADING_RE.search(gap)):
                break
            k += 1
            run.append(lines[k])
        k += 1
        if not _PLAN_EXPENSE_RE.match(run[0].group("label").strip()):
            continue
        income_at = None
        for i, m in enumerate(run[1:], start=1):
            gap = text[run[i - 1].end():m.start()]
            if _PLAN_HEADING_RE.search(gap) or (_PLAN_INCOME_RE.search(m.group("label"))
                                                and not _PLAN_EXPENSE_RE.match(m.group("label").strip())):
                income_at = i
                break
        if income_at is None:
            continue
        for i, m in enumerate(run):
            if not m.group("fig"):
                continue
            label = " ".join(m.group("label").split()).strip(" -–")
            out.append(TextBudgetLine(Span(base + m.start("label"), base + m.end("fig")), None, label, None,
                                      "expense" if i < income_at else "other", _figure(m.group("fig"))))
    return out


# A line naming both sides, as column heads: "DEPENSES\tRECETTES", "Dépenses    Recettes".
_TWO_SIDES_RE = re.compile(r"^[ \t]*(?P<a>D[ée]penses|D[ÉE]PENSES|Recettes|RECETTES)(?:\t|[ \t]{2,})[ \t]*"
                           r"(?P<b>D[ée]penses|D[ÉE]PENSES|Recettes|RECETTES)[ \t]*$")


def _lines_with_offsets(text: str) -> tuple[list[str], list[int]]:
    """The lines of ``text`` and the offset of each in it (a page break ends a line too)."""
    lines = re.split(r"[\n\f]", text)
    offsets, pos = [], 0
    for line in lines:
        offsets.append(pos)
        pos += len(line) + 1
    return lines, offsets


def two_sided_accounts(text: str, base: int) -> list[TextBudgetLine]:
    """Décisions modificatives in two columns (see the module's docstring)."""
    lines, offsets = _lines_with_offsets(text)
    out: list[TextBudgetLine] = []
    for i, line in enumerate(lines):
        h = _TWO_SIDES_RE.match(line)
        if not h or h.group("a")[0].lower() == h.group("b")[0].lower():
            continue
        sides = (h.group("a"), h.group("b"))
        j = i + 1
        while j < len(lines):
            accts = list(_ACCOUNT_RE.finditer(lines[j]))
            if not accts or len(accts) > 2 or not (accts[0].group("prefix") or "").strip():
                break
            below = lines[j + 1] if j + 1 < len(lines) and not _ACCOUNT_RE.search(lines[j + 1]) \
                and not _TWO_SIDES_RE.match(lines[j + 1]) else ""
            labels = [c.strip() for c in below.split("\t")] if below.count("\t") == len(accts) - 1 else []
            for k, m in enumerate(accts):
                side = sides[0] if k == 0 and len(accts) == 2 or (len(accts) == 1 and m.start() < len(lines[j]) / 2) \
                    else sides[1]
                acct = re.sub(r"\s+", "", m.group("acct1") or m.group("acct2"))
                label = m.group("label") or (labels[k] if k < len(labels) else None)
                start = base + offsets[j]
                out.append(TextBudgetLine(Span(start + m.start(), start + m.end("fig")), acct,
                                          " ".join(label.split()) if label else None, side,  # as printed
                                          "other" if side.lower().startswith("r") else "expense",
                                          _figure(m.group("fig"))))
            j += 2 if below else 1
    return out


def two_sided_spans(act: Act) -> list[Span]:
    """Where the act prints a décision modificative in two columns: a word table over these
    lines mixes the sides (its heads stand over the accounts, not over the amounts)."""
    return [b.span for s in _sections(act) for b in two_sided_accounts(s.text, s.span.start)]


def _side_lists(text: str, base: int) -> list[TextBudgetLine]:
    """Plans printed as two lists under their side words (see the module's docstring)."""
    lines, offsets = _lines_with_offsets(text)
    blocks: list[tuple[str, int, list[tuple[int, re.Match[str]]]]] = []  # (side, heading line, items)
    i = 0
    while i < len(lines):
        h = _SIDE_HEADING_RE.match(lines[i])
        if not h:
            i += 1
            continue
        items = []
        j = i + 1
        while j < len(lines):
            m = _SIDE_ITEM_RE.match(lines[j])
            if not m or _ACCOUNT_RE.search(lines[j]) or _SIDE_HEADING_RE.match(lines[j]):
                break
            items.append((j, m))
            j += 1
        if items:
            blocks.append((h.group("side"), i, items))
        i = max(j, i + 1)
    out: list[TextBudgetLine] = []
    for k, (side, at, items) in enumerate(blocks):
        # a plan: a spending list and a funding list, one right after the other
        nxt = blocks[k + 1] if k + 1 < len(blocks) else None
        prv = blocks[k - 1] if k else None
        paired = (nxt and nxt[1] == items[-1][0] + 1 and nxt[0][0].lower() != side[0].lower()) or \
                 (prv and at == prv[2][-1][0] + 1 and prv[0][0].lower() != side[0].lower())
        if not paired:
            continue
        for j, m in items:
            label = " ".join(m.group("label").split()).strip(" -–:")
            start = base + offsets[j]
            out.append(TextBudgetLine(Span(start + m.start("label"), start + m.end("fig")), None, label,
                                      side.capitalize(), "other" if side.lower().startswith("r") else "expense",
                                      _figure(m.group("fig"))))
    return out


# The results of a compte administratif (see the module's docstring). The label names a
# result: "Résultat de clôture (de l'exercice) 2014", "Résultat de l'exercice 2015",
# "Résultat cumulé", "Excédent (de fonctionnement) reporté", "Déficit d'investissement",
# "Solde d'exécution", "Restes à réaliser".
_RESULT_LABEL = (r"(?:r[ée]sultats?|exc[ée]dents?|d[ée]ficits?|soldes?|restes?\s+[àa]\s+r[ée]aliser)"
                 r"(?![\w])[^\n\t€:;]{0,70}?")
# The section of the budget: "INVESTISSEMENT", "Fonctionnement", "Section d'investissement".
_RESULT_SECTION = r"(?:section\s+(?:de\s+|d['’]\s*))?(?:investissement|fonctionnement)"
# A figure with its currency, or with its cents when the currency is left out.
_RESULT_FIGURE = rf"(?:{_FIGURE}|[-–+]?\s?(?:\d{{1,3}}(?:[ \u00a0\u202f.]\d{{3}})+|\d+)[,.]\d{{2}}(?![\d.,]))"
_RESULT_LINE_RE = re.compile(
    rf"^[ \t]*[-–•]?[ \t]*(?:(?P<label>{_RESULT_LABEL})[ \t]*:?[ \t]*)?"
    rf"(?P<sec>{_RESULT_SECTION})[ \t]*:?[ \t]*(?P<fig>{_RESULT_FIGURE})[ \t.]*$", re.I)
_RESULT_OTHER_RE = re.compile(r"^restes?\s", re.I)


def _results(text: str, base: int) -> list[TextBudgetLine]:
    """Results of a compte administratif (see the module's docstring)."""
    lines, offsets = _lines_with_offsets(text)
    out: list[TextBudgetLine] = []
    block: list[TextBudgetLine] = []
    label = None

    def close() -> None:
        if len(block) >= 2:
            out.extend(block)
        block.clear()

    for i, line in enumerate(lines):
        m = _RESULT_LINE_RE.match(line)
        if not m or (not m.group("label") and label is None):
            close()
            label = None
            continue
        if m.group("label"):
            label = " ".join(m.group("label").split()).rstrip(" :")
        section = " ".join(m.group("sec").split())
        start = base + offsets[i]
        block.append(TextBudgetLine(Span(start + m.start("label" if m.group("label") else "sec"), start + m.end("fig")),
                                    None, f"{label} {section}", None,
                                    "other" if _RESULT_OTHER_RE.match(label) else "balance", _figure(m.group("fig"))))
    close()
    return out


# The three results of a compte administratif, per section: last year's closing result,
# the year's own result, this year's closing result ("Résultat de clôture 2014", "Résultat de
# l'exercice 2015", "Résultat de clôture 2015"; "cumulé" and "reporté" close too).
_CLOSING_RE = re.compile(r"\b(?:cl[ôo]ture|cumul[ée]s?|report[ée]s?)\b", re.I)
_YEAR_RESULT_RE = re.compile(r"\bde\s+l['’]\s*exercice\b|\bexercice\s+(?:19|20)\d\d\b", re.I)
_SECTION_OF_RE = re.compile(r"\b(investissement|fonctionnement)\b", re.I)


def result_triples(rows: list[BudgetLineRow]) -> list[tuple[int, str, list[BudgetLineRow]]]:
    """(table, section, [closing N-1, year N, closing N]) for each section of a compte
    administratif whose results the rows hold (:func:`_results`), in order."""
    by: dict[tuple[int, str], list[BudgetLineRow]] = {}
    for r in rows:
        m = _SECTION_OF_RE.search(r.label or "") if r.measure == "balance" and r.column is None else None
        if m:
            by.setdefault((r.table_index, m.group(1).capitalize()), []).append(r)
    out = []
    for (ti, section), rs in sorted(by.items()):
        rs = sorted(rs, key=lambda r: r.row_index)
        kinds = ["year" if _YEAR_RESULT_RE.search(r.label or "") and not re.search(r"cl[ôo]ture", r.label or "", re.I)
                 else "closing" if _CLOSING_RE.search(r.label or "") else "?" for r in rs]
        if kinds == ["closing", "year", "closing"]:
            out.append((ti, section, rs))
    return out


#: Reads figures again from the page image: (document, page, boxes, kind) → one text per box
#: (:func:`pipeline.read.figure_reread.tesseract_cells`).
FigureReader = Callable[[Any, int, list[tuple[float, float, float, float]], str], list[Any]]


def reread_results(act: Act, rows: list[BudgetLineRow], read: FigureReader | None = None) -> list[BudgetLineRow]:
    """On a scan, the results of a section that do not add up (closing N-1 + year N ≠
    closing N) are a sign of a misread figure: each of the three is read again from the page
    image as one line of figures, and a new reading is kept only when it makes the sum hold
    (its offsets then no longer hold it as printed: they are dropped)."""
    doc = act.doc
    for _, _, triple in result_triples(rows):
        if triple[0].amount + triple[1].amount == triple[2].amount:
            continue
        if any(r.char_start is None or doc.page(r.page).source is not TextSource.OCR for r in triple):
            continue
        if read is None:
            from pipeline.read.figure_reread import tesseract_cells as read
        for k, row in enumerate(triple):
            words = [w for w in doc.page(row.page).words if row.char_start <= w.start < row.char_end]  # type: ignore[operator]
            if not words:
                continue
            box = (min(w.x0 for w in words), min(w.top for w in words), max(w.x1 for w in words),
                   max(w.bottom for w in words))
            [again] = read(doc, row.page, [box], "figure")
            value = parse_amount(again) if again else None
            others = [r.amount for j, r in enumerate(triple) if j != k]
            holds = value is not None and (value == others[1] - others[0] if k == 0 else
                                           value == others[1] - others[0] if k == 1 else value == others[0] + others[1])
            if holds:
                fixed = replace(row, amount=value, char_start=None, char_end=None)
                rows[rows.index(row)] = fixed
                break
    return rows


def _figure_span(act: Act, line: TextBudgetLine, amount: object) -> tuple[int | None, int | None]:
    """Offsets of the line's figure as printed, when it reads as the amount without repair
    (a "992.91 e" read as euros gives none: its provenance is left to the runner)."""
    at = act.doc.text.find(line.raw.strip(), line.span.start, line.span.end)
    if at < 0 or parse_amount(line.raw) != amount:
        return None, None
    return at, at + len(line.raw.strip())


def text_budget_spans(act: Act) -> list[TextBudgetLine]:
    """Every budget line the act prints as text, in order."""
    out: list[TextBudgetLine] = []
    for s in _sections(act):
        found = two_sided_accounts(s.text, s.span.start)
        found += [b for b in _accounts(s.text, s.span.start) + _plans(s.text, s.span.start)
                  if not any(f.span.start <= b.span.start < f.span.end for f in found)]
        found += [b for b in _side_lists(s.text, s.span.start)
                  if not any(f.span.start <= b.span.start < f.span.end for f in found)]
        out += found + [b for b in _results(s.text, s.span.start)
                        if not any(f.span.start <= b.span.start < f.span.end for f in found)]
    out.sort(key=lambda b: b.span.start)
    return out


def text_budget_lines(act: Act, first_table: int, covered: list[Span]) -> list[BudgetLineRow]:
    """Budget-line rows of the act's text budget lines, one table per block; lines inside a
    table already read (``covered``) are left to it."""
    rows: list[BudgetLineRow] = []
    table, last_end, ri = first_table - 1, -10_000, 0
    for b in text_budget_spans(act):
        if any(c.start <= b.span.start < c.end for c in covered):
            continue
        amount = parse_amount(b.raw)
        if amount is None:
            continue
        gap = act.doc.text[last_end:b.span.start]
        if last_end < 0 or gap.count("\n") > 4:
            table, ri = table + 1, 0
        ri += 1
        last_end = b.span.end
        start, end = _figure_span(act, b, amount)
        rows.append(BudgetLineRow(act.act_id, act.doc.doc_id, act.doc.page_at(b.span.start), table, ri, "decision",
                                  None, b.imputation, b.label, b.column, b.measure, amount, False,
                                  char_start=start, char_end=end))
    return rows
