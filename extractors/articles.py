"""Articles: one row per article of the decision itself, with its text and page.

Reads the operative part after "DÉCIDE", whatever the label::

    Article 1:
    D'attribuer, à l'association « Acteurs Pour une Economie Solidaire », une participation …
    Article 1er : D'adopter la décision modificative n°3 du budget principal 2022 …
    ARTICLE 1 - D'attribuer une subvention de 29 000 € à l'association « … »
    ARTICLE PREMIER : …            Art. 2 – …

An article runs to the next article, the vote ("Dans les conditions de vote ci-dessous",
"Adopté à la majorité", "Pour : 41 voix"), the signature ("Fait à …", "Pour extrait
conforme", "Fait et délibéré") or the end of the act's own sections, across page breaks
(running headers and footers cut out). A budget table inside an article is not its text
("… imputée sur le budget départemental comme suit :" ends article 3).

A decision without labels written as one paragraph after "DÉCIDE :" is one article,
number 1; a decision written as a dash list ("- APPROUVE …", "- D'attribuer …") has none.
Articles of annexed conventions, programmes and regulations are never the decision's:
annex sections are not read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractors.legal_references import own_lines
from extractors.registry import Found, extractor
from extractors.textlines import TextLine, join_lines, repair_ocr
from pipeline.errors import IssueLog
from pipeline.model import Act, SectionKind, TextSource, strip_accents
from pipeline.normalize.frenchnum import parse_french_number
from schemas.rows import ArticleRow

#: An article's number in words, cardinal or ordinal, as some acts spell every label
#: ("Article premier", "Article deux :", "Article deuxième :", "ARTICLE TROISIÈME -",
#: "Article dix-septième", "Article vingt et unième"): the words of one to thirty-nine, an
#: ordinal's stem written without its last letter ("quatr|ième", "onz|ième", "cinqu|ième",
#: "neuv|ième"). :func:`_number` reads the value; a run of these words that is no number
#: ("Article quatr") is not a label.
_NUMBER_WORD = r"""(?:un|deux|trois|quatre?|cinqu?|six|sept|huit|neu[fv]|dix|onze?|douze?|treize?|quatorze?
                   |quinze?|seize?|vingt|trente?)(?:i[eè]me)?"""
_NUMBER_WORDS = rf"""(?i:{_NUMBER_WORD}(?:(?:[\s-]+et)?[\s-]+{_NUMBER_WORD}){{0,2}})"""

#: An article's label at a line start: "Article 1 :", "Article 1er", "ARTICLE PREMIER",
#: "Art. 2 –", "ARTICLE 1 - …", "Article 2.", "Article n° 2 :", "Article deuxième :" (OCR
#: may read "1er" as "ler").
LABEL_RE = re.compile(
    rf"""^\W{{0,2}}(?:ARTICLE|Article|Art\.?|ART\.?)\s*(?:[Nn]\s?[°o]\.?\s*)?
        (?P<n>\d{{1,2}}|PREMIER|[Pp]remier|UNIQUE|[Uu]nique|(?<=\s){_NUMBER_WORDS})\s*(?:er|ER|[eè]me|°)?(?!\w)\s*
        (?P<sep>[:.\-–—]\s*|$|(?<=\s)(?=D['’]\s?[a-zà-ÿ]|[A-ZÀ-Ý][a-zà-ÿ]))   # "ARTICLE 1 D'attribuer …" (no separator)
    """,
    re.X,
)

#: The vote or the signature: an article stops there.
AFTER_ARTICLES_RE = re.compile(
    r"""^\W{0,3}(?:
        dans\s+les\s+conditions\s+de\s+vote | adopt[ée]e?s?\s+(?:[àa]\s|par\s) | \(adopt
      | pour\s*:\s*\d | pour\s*:\s*\w+\s+voix | contre\s*:\s*\d | abstentions?\s*:
      | (?:POUR|CONTRE|ABSTENTIONS?)\s+\d
      | vote\s*: | r[ée]sultat\s+du\s+vote | ainsi\s+d[ée]lib[ée]r[ée]
      | fait\s+(?:[àa]\s|et\s+d[ée]lib[ée]r[ée]) | pour\s+extrait | ont\s+sign[ée] | pour\s+copie
      | l[ea]\s+(?:maire|pr[ée]sidente?)\b       # the signer's title: "Le Maire,", "Le Maire de Lannion",
        (?-i:(?!\s+(?!d[eu]s?\s|d['’])[a-zà-ÿ]))  # "La Présidente du Conseil départemental,", "Le Président,
        (?-i:(?!.*[a-zà-ÿ)»][.;]\s*$))           # Laurent WAUQUIEZ"; not the subject of an article's sentence
        (?!.*\b(?:est|sont|sera|seront|peut|pourra|a|doit)\s)  # even wrapped ("Le Maire de la commune est autorisé à signer")
        .{0,40},?\s*$                            # ("Le Maire est autorisé à signer …", "le Maire, ou son
                                                 # représentant, signe la convention.")
      | (?-i:(?:LE|LA)\s+PR[ÉE]SIDENTE?\b)       # in capitals: "LE PRÉSIDENT DU CONSEIL DÉPARTEMENTAL"
      | acte\s+rendu\s+ex[ée]cutoire | transmis\s+au\s+contr[ôo]le | certifi[ée]\s+ex[ée]cutoire
      | d[ée]lib[ée]ration\s+certifi[ée]e | (?:toutes\s+les\s+)?d[ée]lib[ée]rations?\s+prises?\s+en\s+ce\s+sens
      | la\s+s[ée]ance\s+est\s+lev[ée]e
      | d[ée]lib[ée]r[ée]\s+en\s+s[ée]ance | sign[ée]\s+[ée]lectroniquement     # Délibéré en séance les jour…
      | le\s+vote\s+a\s+(?:lieu|donn[ée]) | il\s+est\s+proc[ée]d[ée]\s+(?:au|[àa])\s+(?:un\s+)?(?:vote|scrutin)
      | [àa]\s+la\s+demande\s+d[eu']\S*\s[^.]{0,80}?(?:scrutin|vote|appel\s+nominal)   # À la demande du Groupe …, il est procédé à un scrutin
      | (?:Monsieur|Madame|M\.|Mme)\s+(?:le\s+|la\s+)?[\w'’.-]+(?:\s+[\w'’.-]+){0,3}\s*,?\s+   # minutes: a speaker
        (?:pr[ée]cise|indique|rappelle|expose|rapporte|propose|demande|r[ée]pond|souligne|ajoute|explique
          |estime|remercie|constate|note|s['’]interroge|regrette|intervient)
    )""",
    re.I | re.X,
)

#: A heading naming another document, which a decision may reproduce after its articles
#: ("Article unique : D'approuver la convention ci-après reproduite." ⏎ "CONVENTION" ⏎
#: "Article 1 – Objet …"): in capitals, the rest of the line too ("ANNEXE 1", "CONVENTION DE
#: MISE À DISPOSITION DE LOCAUX", "RÈGLEMENT INTÉRIEUR", "STATUTS DU SYNDICAT", "CAHIER DES
#: CHARGES"), without the punctuation that ends or continues a sentence. The decision's
#: articles end there: the document's own articles are not the act's.
OTHER_DOCUMENT_RE = re.compile(
    r"""^\W{0,3}(?:ANNEXES?|CONVENTIONS?|AVENANTS?|R[ÈE]GLEMENTS?|STATUTS|CAHIER\s+DES\s+CHARGES|CONTRATS?
        |PROTOCOLES?|CHARTES?)\b[^a-zà-ÿ]*(?<![.;,])$""",
    re.X,
)

#: "DÉCIDE :", "DECIDE", "DÉCIDE, à l'unanimité :" alone at the end of its line, or with
#: the decision after the colon on the same line.
DECIDE_RE = re.compile(r"\bD[ÉE]CIDE(?:NT)?\b(?P<rest>\s*(?:,[^:\n]{0,60})?:\s*(?P<text>.*)|\s*$)")

#: A dash or bullet list item: such decisions have no articles.
BULLET_RE = re.compile(r"^[-–—•*·▪➢]\s*")

#: A decision item opened by a verb in capitals: "D'AUTORISER Monsieur le Maire …",
#: "APPROUVE …", "DIT que …".
ITEM_VERB_RE = re.compile(r"^(?:D['’]\s?)?[A-ZÀ-Ý]{3,}\b(?!\s*[A-ZÀ-Ý]{2,})")

#: A money amount or a code of a budget table cell ("209 285,00", "6568/9365").
CELL_RE = re.compile(r"\d[\d  .]*,\d{2}\b|\b\d{2,5}/\d{2,6}\b")

#: An article's last words that announce a table: "comme suit :", "ci-dessous :".
ANNOUNCES_RE = re.compile(r":\s*$")


@dataclass
class Article:
    number: int
    start: int
    page: int
    lines: list[str] = field(default_factory=list)
    #: where its text is printed: from its first kept line to its last (a table or a page
    #: head it runs over is inside the range, and not in ``lines``)
    span: tuple[int, int] | None = None


def _number(raw: str) -> int | None:
    """The number of a label: "2", "premier", "unique", "deux", "deuxième", "vingt et unième"."""
    if raw.isdigit():
        return int(raw)
    word = strip_accents(raw.lower())
    if word in ("premier", "unique"):
        return 1
    if not word.endswith("ieme"):
        return parse_french_number(word)
    # an ordinal: the cardinal is its stem, or its stem and the "e" the suffix elided
    # ("troisième" → "trois", "quatrième" → "quatre"; "cinquième", "neuvième" respelt)
    stem = re.sub(r"cinqu$", "cinq", re.sub(r"neuv$", "neuf", word[:-4]))
    return parse_french_number(stem) or parse_french_number(stem + "e")


def _is_tabular(line: str) -> bool:
    return "\t" in line and (line.count("\t") >= 2 or bool(CELL_RE.search(line)))


def _is_prose(line: str) -> bool:
    return "\t" not in line and len(line.split()) >= 7 and not CELL_RE.search(line)


def _drop_tables(lines: list[TextLine]) -> list[TextLine]:
    """The lines of an article without the budget table it announces with ":"."""
    out: list[TextLine] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        out.append(line)
        i += 1
        if not ANNOUNCES_RE.search(line.text) or i >= len(lines):
            continue
        ahead = lines[i:i + 4]
        if not any(_is_tabular(a.text) or CELL_RE.search(a.text) for a in ahead):
            continue
        if _is_prose(lines[i].text):
            continue
        while i < len(lines) and not _is_prose(lines[i].text):
            i += 1  # cells, headers and wrapped cell text
    return out


def _drop_page_heads(lines: list[TextLine]) -> list[TextLine]:
    """Cut a running header that page furniture missed: at the top of a new page, short
    lines without punctuation after a sentence that ended the previous page
    ("… jeunes »." ⏎ page 2: "Communauté d'agglomération du Boulonnais")."""
    out: list[TextLine] = []
    for k, line in enumerate(lines):
        prev = out[-1] if out else None
        if (prev is not None and line.page != prev.page and re.search(r"[.;!?»)]$", prev.text)
                and len(line.text.split()) <= 8 and not re.search(r"[.;:,]$", line.text)
                and not line.full and (k + 1 == len(lines) or lines[k + 1].page == line.page)):
            continue
        out.append(line)
    return out


def find_articles(lines: list[TextLine]) -> list[Article]:
    """Articles among ``lines``, numbered 1, 2, 3… in order (other labels are text)."""
    articles: list[Article] = []
    current: list[TextLine] = []

    def close() -> None:
        if articles:
            kept = _drop_tables(_drop_page_heads(current))
            articles[-1].lines = [ln.text for ln in kept]
            articles[-1].span = (kept[0].start, kept[-1].end) if kept else None

    sole = False  # "Article unique": the decision has no other article
    for line in lines:
        m = LABEL_RE.match(line.text)
        n = _number(m.group("n")) if m else None
        expected = articles[-1].number + 1 if articles else 1
        if n is not None and n == expected and not sole:
            close()
            rest = line.text[m.end():].strip()
            articles.append(Article(n, line.start, line.page))
            current = [TextLine(line.start + m.end(), line.end, rest, line.page, line.full)] if rest else []
            sole = m.group("n").lower() == "unique"
            continue
        if not articles:
            continue
        if AFTER_ARTICLES_RE.match(line.text) or OTHER_DOCUMENT_RE.match(line.text) or (sole and n is not None):
            break  # the vote, the signature, or a document the decision reproduces (its own articles)
        current.append(line)
    close()
    return articles


def single_paragraph(lines: list[TextLine]) -> Article | None:
    """The decision as one article when it is one paragraph after "DÉCIDE :"."""
    for k, line in enumerate(lines):
        m = DECIDE_RE.search(line.text)
        if not m or BULLET_RE.match(line.text) or not re.match(r"^\W{0,3}(?:.*,\s*)?D[ÉE]CIDE", line.text):
            continue
        body: list[TextLine] = []
        if m.group("text"):
            body.append(TextLine(line.start + m.start("text"), line.end, m.group("text").strip(), line.page, line.full))
        for nxt in lines[k + 1:]:
            if AFTER_ARTICLES_RE.match(nxt.text) or OTHER_DOCUMENT_RE.match(nxt.text):
                break
            body.append(nxt)
        if not body or any(BULLET_RE.match(b.text) or LABEL_RE.match(b.text) for b in body):
            return None
        if any(ITEM_VERB_RE.match(b.text) for b in body[1:]):
            return None  # "D'APPROUVER …" ⏎ "D'AUTORISER …": several decisions, no articles
        # one paragraph: every line but the last runs to the margin or does not end a sentence
        for b in body[:-1]:
            if re.search(r"[.;:!?]$", b.text) and not b.full:
                return None
        kept = _drop_tables(_drop_page_heads(body))
        if not kept or not re.match(r"[A-ZÀ-Ýa-zà-ÿ'’]", kept[0].text):
            return None
        return Article(1, kept[0].start, kept[0].page, [b.text for b in kept], (kept[0].start, kept[-1].end))
    return None


def _decision_lines(act: Act) -> list[TextLine]:
    """Own lines from the decision ("DÉCIDE", "Article 1") on; all own lines without one."""
    lines = own_lines(act)
    starts = [s.span.start for s in act.sections
              if s.kind in (SectionKind.DECISION, SectionKind.ARTICLES) and not s.shared]
    if not starts:
        return lines
    first = min(starts)
    return [ln for ln in lines if ln.start >= first]


#: The headings of a convention's articles, which minutes copy into an item ("Article 1er. -
#: Objet", "ARTICLE 2 : DUREE DE LA CONVENTION", "Article 4 - Obligations des membres",
#: "Dispositions financières", "Résiliation", "Litiges"): a decision's articles decide, they
#: carry no such heading.
CONVENTION_HEADING_RE = re.compile(
    r"""^\W{0,3}(?:objet|dur[ée]e|obligations?\s+des?|engagements?\s+(?:de|des|du)|dispositions?\s+financi[èe]res?
        |r[ée]siliation|litiges?|contentieux|entr[ée]e\s+en\s+vigueur|date\s+d['’]effet|moyens\s+mis\s+[àa]
        |composition\s+du|missions?\s+du|dissolution|clauses?\s+particuli[èe]res?|assurances?|responsabilit[ée]s?
        |modalit[ée]s\s+de\s+(?:versement|paiement|financement)|modifications?\s+de\s+la\s+convention)\b""",
    re.I | re.X,
)


def _convention_runs(rows: list[ArticleRow]) -> list[ArticleRow]:
    """The rows without the runs of articles (numbered from 1 again) that read as a
    convention's: two of their articles or more open with a convention's heading."""
    runs: list[list[ArticleRow]] = []
    for r in rows:
        if not runs or r.number == 1 or r.number <= runs[-1][-1].number:
            runs.append([])
        runs[-1].append(r)
    return [r for run in runs if sum(1 for a in run if CONVENTION_HEADING_RE.match(a.text)) < 2 for r in run]


#: The deliberating formula, printed after articles: the decision is taken after them. It opens
#: its line, or follows the assembly that deliberates ("Le Conseil municipal, après avoir entendu
#: son rapporteur en son exposé et délibéré, décide", "Après délibération, le Conseil …"); not a
#: convention's "adhésion … après délibération de celui-ci".
DELIBERATES_RE = re.compile(
    r"""^\W{0,3}(?:(?:l[ea]s?|l['’])\s*(?:conseil|membres|assembl[ée]e|bureau|comit[ée]|commission)\b[^.;:]{0,80}?)?
        (?:apr[èe]s\s+(?:en\s+)?avoir\s+(?:[^.;]{0,160}?\s)?d[ée]lib[ée]r[ée]|apr[èe]s\s+d[ée]lib[ée]ration)""",
    re.I | re.X)

#: What in that decision points back at the articles printed above it: their numbers ("de
#: modifier les articles 1 et 8 tels sus-mentionnés"), "ci-dessus", "susvisés", "précités",
#: "la nouvelle rédaction", "ainsi modifiés".
REFERS_BACK_RE = re.compile(
    r"""\barticles?\s+(?:n[°o]\s*)?(?:\d{1,2}|premier|1er)\b | \bsus-?\s?mentionn\w* | \bsus-?\s?vis[ée]\w*
      | \bci-dessus\b | \bpr[ée]cit[ée]\w* | \bsusdit\w* | \bnouvelle\s+r[ée]daction\b | \bainsi\s+(?:modifi|r[ée]dig)\w*""",
    re.I | re.X,
)


#: The decision adopts the proposal the articles above it made ("adopte les propositions
#: ci-dessus", "approuve la proposition de Monsieur le Maire"): they are its own — not "la
#: convention proposée ci-dessus", a document it approves.
PROPOSAL_RE = re.compile(r"\b(?:la|les|cette|ces|sa|ses)\s+propositions?\b", re.I)


def decision_after(lines: list[TextLine], found: list[Article]) -> int | None:
    """Index in ``lines`` of the deliberating formula when it follows the first article
    ``found``: the articles before it are then not the decision's."""
    if not found:
        return None
    for i, ln in enumerate(lines):
        if ln.start <= found[0].start:
            continue
        first = next((c for c in ln.text if c.isalpha()), "")
        if first.islower() and i and not re.search(r"[.;:!]\s*$", lines[i - 1].text):
            continue  # a wrapped line of an article: "…l'adhésion de la commune," / "après délibération concordante …"
        pair = ln.text + (" " + lines[i + 1].text if i + 1 < len(lines) else "")  # "après en avoir" / "délibéré"
        m = DELIBERATES_RE.search(pair)
        if m and m.start() < len(ln.text):
            return i
    return None


def refers_back(lines: list[TextLine]) -> bool:
    """Whether the deciding sentence that opens ``lines`` (up to its full stop, or to an
    article of its own) points back at articles printed above it (:data:`REFERS_BACK_RE`)."""
    sentence: list[str] = []
    for ln in lines:
        if sentence and LABEL_RE.match(ln.text):
            break
        sentence.append(ln.text)
        if re.search(r"(?<!\bM)\.\s*$", ln.text):
            break
    text = re.sub(r"(?<=\w)-\n(?=\w)", "-", "\n".join(sentence))  # "sus-" / "mentionnés"
    # "adopte les propositions ci-dessus": the articles above were the proposal, now the decision's
    return bool(REFERS_BACK_RE.search(text)) and not PROPOSAL_RE.search(text)


def decision_articles(lines: list[TextLine]) -> list[Article] | None:
    """The articles of the decision among ``lines``, read after the deliberating formula when
    articles are printed before it; None when those are text the decision quotes and it has
    none of its own.

    Minutes print in the exposé the new wording of an older deliberation's articles, or of a
    convention's, then decide to adopt it ("Cette délibération doit être modifiée dans ses
    articles 1 et 8 comme suit : / Article 1 : Il est institué … / Article 8 : … / Le Conseil
    municipal, après avoir entendu son rapporteur en son exposé et délibéré, décide … de modifier
    les articles 1 et 8 tels sus-mentionnés", Chéméré 2011): those are another act's articles.
    Or the proposal in articles, then the decision that takes them again ("Monsieur le Maire
    propose : Article 1 : … / Le Conseil municipal, … et délibéré, décide … : / Article 1 : …"):
    the decision's are the second. Articles the formula neither quotes nor repeats end where it
    starts ("Article 2 : … / Après en avoir délibéré, le Conseil municipal adopte à l'unanimité.")."""
    found = find_articles(lines)
    k = decision_after(lines, found)
    if k is None:
        return found
    own = find_articles(lines[k:])
    if own:
        return own
    # else they are quoted, or the proposal the formula then votes: they end where it starts
    return None if refers_back(lines[k:]) else find_articles(lines[:k])


@extractor("articles", feeds=("articles",))
def articles(act: Act, found: Found, issues: IssueLog) -> list[ArticleRow]:
    """One :class:`ArticleRow` per article of the decision of ``act``."""
    lines = _decision_lines(act)
    found_articles = decision_articles(lines)
    if found_articles is None:
        return []  # the new wording of another act's articles, which the decision adopts
    if not found_articles and any(s.kind is SectionKind.DECISION for s in act.sections):
        one = single_paragraph(lines)
        found_articles = [one] if one else []
    vocabulary = act.doc.text
    rows = []
    for art in found_articles:
        text = join_lines(art.lines, vocabulary)
        if act.doc.page(art.page).source is TextSource.OCR:
            text = repair_ocr(text)
        if not text:
            continue
        start, end = art.span if art.span else (None, None)
        rows.append(ArticleRow(act_id=act.act_id, doc_id=act.doc.doc_id, number=art.number, text=text,
                               page=art.page, char_start=start, char_end=end))
    return _convention_runs(rows)
