"""Which act: its number as printed ("2023-122", "DEL-2022-112", "2014/139"), the heading of a
minutes' item, its title (the object), and its @ctes identifier
("034-213401722-20140424-0000071251-DE", which carries the authority's SIREN).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.header.text import fold
from pipeline.model import collapse_ws
from pipeline.normalize.identifiers import siren_valid
from pipeline.segment.minutes import BULLET_HEADING_RE, OBJECT_LABEL
from pipeline.segment.recueils import ACT_NUMBER, is_header_block, number_of_opening, title_of_opening

# ---------------------------------------------------------------------------
# Act number and title
# ---------------------------------------------------------------------------

# A deliberation number: "2023-122", "DEL-2022-112", "D2022_135", "D2018-67",
# "2014 / 139", "DL-056-07-13", "CC-2021-100", "DBC 2021-082"; letters between the parts
# ("2024-DCM-045", "24_DFE_SBUD_03"), a letter prefix cut by a point or a slash ("D.2024.14",
# "AP/2024/015"), letters inside the first part (a département's commission and rank, "3C1-07"),
# letters after the last ("2024.015.SP", séance plénière), a "bis" ("D2024-14bis").
_NUMBER = (r"""(?:[A-Z]{1,6}[ \u00a0_/.-]?)?\d{1,4}(?:[A-Z]{1,3}\d{1,4})?"""
           r"""(?:[ \u00a0]?[-_/.][ \u00a0]?(?:[A-Z]{1,6}[-_/.])*\d{1,5}){1,3}(?:[-_/.][A-Z]{1,6}(?!\w))?"""
           r"""(?:[ \u00a0]?(?:bis|ter|quater)\b)?""")  # no tab: a cell boundary

#: A bare figure after "n°" is the register's sequence number ("Délibération n° 27", "N° 15",
#: "n° 015") where nothing but a title follows it on its line; "délibération n° 12 du 3 mars"
#: is a reference.
_SEQUENCE = r"\d{1,4}(?=[ \t]*(?:$|[-–—:][ \t]))"

#: The names a deliberation is numbered under before its "n°": the word, cut or not
#: ("Délibération", "Délib."), "Acte", and the registers' acronyms — DCM (délibération du
#: conseil municipal), DCC (communautaire), DCA (d'agglomération), DCS (du comité syndical),
#: DCD and DCR (départemental, régional), DCP (de la commission permanente), DB and DBC (du
#: bureau), DEL: "DCM n° 24-015".
_NUMBER_LABEL = r"(?:d[ée]lib[ée]ration|d[ée]lib\.|acte|(?-i:D(?:C[MCASDRP]|BC?|EL)))"
#: A date is no number: "délibération 12/03/2024".
_NOT_A_DATE = r"(?!\d{1,2}[/.]\d{1,2}[/.](?:19|20)?\d{2}\b)"

#: "(N°2023-122)" on its own line, "Délibération n° DEL-2022-112", "n° 2014 / 139",
#: "DELIBERATION N°2021-045", footers "Délibération n° D2022_135".
ACT_NUMBER_RES: tuple[re.Pattern[str], ...] = (
    # "(N°2023-122)" alone on its line, under the title (départements' layout)
    re.compile(rf"^\s*\(\s*n[°o]\s*(?P<num>{_NUMBER})\s*\)\s*$", re.I | re.M),
    # "Délibération n° DEL-2022-112", "DÉLIBÉRATION N°2021-045", "Acte n° 24.015", "Délib. n° 2024-015",
    # "DCM n° 24-015", "Délibération n° : 2024-015" (the label and its colon), "Délibération n° 27",
    # at the start of a line
    re.compile(rf"^\W{{0,2}}{_NUMBER_LABEL}\s*n\s?[°o]\.?\s*:?\s*(?P<num>{_NUMBER}|{_SEQUENCE})(?![\w/-])",
               re.I | re.M),
    # without "n°" the number is in capitals and figures, and no date ("Délibération du 12/03/2024")
    re.compile(rf"^\W{{0,2}}(?i:d[ée]lib[ée]ration)\s+{_NOT_A_DATE}(?P<num>{_NUMBER})(?![\w/-])", re.M),
    # "n° 2014 / 139" alone at the start of a line (left margin column), "N° : DEL2024_015", "N° 15"
    re.compile(rf"^\s*n\s?[°o]\.?\s*:?\s*(?P<num>{_NUMBER}|\d{{1,4}})(?=[ \t]*(?:\t|$))", re.I | re.M),
)

#: A number under a label of its own: "Référence : CP-2023-0673", "Réf. : DEL-2024-12",
#: "N° d'ordre : 2024-031", "Numéro de délibération : 2023/45".
LABELLED_NUMBER_RE = re.compile(
    rf"""^\W{{0,2}}(?:r[ée]f[ée]rence|r[ée]f\.|n[°o]\s+d['’]\s*ordre|num[ée]ro(?:\s+de\s+(?:la\s+)?d[ée]lib[ée]ration)?)
        \s*:?\s*(?P<num>{ACT_NUMBER})\s*$""",
    re.I | re.M | re.X,
)

#: A footer naming the act: "Commune de Cognac - Délibération n° DEL-2022-112 1/2".
FOOTER_NUMBER_RE = re.compile(r"d[ée]lib[ée]ration\s+n\s?[°o]\.?\s*(?P<num>[A-Z]{0,5}[-_]?\d{2,4}(?:[-_/.]\d{1,5}){1,3})(?![\w/-])", re.I)


def _clean_number(num: str) -> str:
    """"2014 / 139" → "2014/139": spaces around separators are layout, not the number."""
    return re.sub(r"\s*([-_/.])\s*", r"\1", num.strip())


def find_act_number(head: str, furniture: str = "") -> str | None:
    """The act's number as printed, without "N°".

    >>> find_act_number("SOUTIEN AUX STRUCTURES\\n(N°2022-372)\\nLa Commission")
    '2022-372'
    >>> find_act_number("Délibération n° DEL-2022-112\\nL'an deux mille")
    'DEL-2022-112'
    """
    for rx in ACT_NUMBER_RES:
        m = rx.search(head)
        if m:
            return _clean_number(m.group("num"))
    # the heading of an act in a file of extracts ("DÉLIBÉRATION DU BUREAU N° DB-2023-035",
    # "Bureau communautaire du 2 mai 2024 — Délibération B2024-046", "N° M-2023-134"), or a
    # labelled number ("Référence : CP-2023-0673"), in the act's first lines
    for line in head.split("\n")[:40]:
        num = number_of_opening(line.strip())
        if num:
            return num
    m = LABELLED_NUMBER_RE.search(head)
    if m:
        return _clean_number(m.group("num"))
    nums = {_clean_number(m.group("num")) for m in FOOTER_NUMBER_RE.finditer(furniture)}
    if len(nums) == 1:
        return nums.pop()
    return None


@dataclass(frozen=True)
class ItemHeading:
    number: str | None
    title: str | None


#: The heading of an item in minutes, first line of the act:
#: "Délibération D2018-67" (object on the next line), "2020-038 SUBVENTION EXCEPTIONNELLE …",
#: "N° DBC 2021-082 - Stratégies …", "DL-056-07-13 - Création de 5 postes …",
#: "1 - Création et composition des commissions municipales", "3.\tCIMETIERE …",
#: "2017.05.23 - 1  ADOPTION DU COMPTE RENDU …" (session date and rank), "1 Subventions
#: associatives" (a rank without punctuation: only read where minutes start an item).
ITEM_HEADING_RE = re.compile(
    rf"""^\W{{0,2}}(?:
        (?i:d[ée]lib[ée]ration)\s+(?:(?i:n)\s?[°o]\.?\s*:?\s*)?(?P<num1>{_NUMBER})   # Délibération D2018-67
      | (?:(?i:d[ée]lib[ée]ration)\s+)?(?i:n)\s?[°o]\.?\s*:?\s*(?P<seq>\d{{1,4}})
        (?=\s*$|\s*[-–:.)]\s*[A-ZÀ-Ý«"]|\s+[A-ZÀ-Ý])                             # Délibération n° 12, N° 1 – Approbation
      | (?i:n)\s?[°o]\.?\s*(?P<num2>{_NUMBER})                                # N° DBC 2021-082
      | (?P<num3>(?:[A-Z]{{1,6}}(?:[ \u00a0_/]|-[ \u00a0]?)?)?\d{{2,4}}(?:[ \u00a0]?[-_/][ \u00a0]?(?:[A-Z]{{1,6}}[-_/])*\d{{1,5}}){{1,3}}(?:bis|ter)?)
                                                                             # 2020-038, DL-056-07-13, DE- 2015/46, 2024-DCM-045
      | (?P<num5>[A-Z]{{1,6}}\.?\d{{2,4}}(?:\.(?:[A-Z]{{1,6}}\.)*\d{{1,5}}){{1,3}}|\d{{2,4}}\.[A-Z]{{1,6}}\.\d{{1,5}})
                                                                             # CP.2023.0673, D.2024.14, 24.SP.0576 (points need letters)
      | (?P<num4>\d{{4}}\.\d{{2}}\.\d{{2}}\s?-\s?\d{{1,3}})(?=\s)                  # 2017.05.23 - 1 (session.item)
      | (?P<bare>\d{{1,2}}(?:\.\d{{1,2}}){{0,2}})\s+(?=[A-ZÀ-Ý][a-zà-ÿA-ZÀ-Ý])       # 1 Subventions, 6.3 Verger
      | (?i:point|question|affaire|dossier|sujet)\s+(?:(?i:n)\s?[°o]\.?\s*)?(?P<lab>\d{{1,3}})(?=\s*[-–:.)]|\s+[A-ZÀ-Ý])
                                                                             # Point n°2 : (a rank, not a number)
      | (?P<ord>\d{{1,2}}|[IVX]{{1,5}})\s*(?:[.\-–)]|°\s*\)?)                  # 1 - , 3. , IV. , 1°)
      | (?P<letter>[A-LN-Z])[.)](?=\s+[A-ZÀ-Ý][a-zà-ÿ]{{2}}\S*\s+\S)              # A. Approbation du … (not "M. Dupont"
                                                                             # nor an initial, "J. Dupont")
    )\s*[-–:.]?\s*(?P<rest>.*)$""",
    re.X,
)


#: The bullet glyph before a heading in capitals ("• ENFANCE - Centre de loisirs…", OCR
#: "+ ENFANCE"): the segmenter's vocabulary, one pattern for both stages.
BULLET_RE = BULLET_HEADING_RE


def find_item_heading(head: str, vocabulary: str = "", full: LineWidths | None = None) -> ItemHeading | None:
    """Number and title of the item of minutes whose text starts ``head``.

    >>> find_item_heading("2020-038 SUBVENTION EXCEPTIONNELLE POUR L’Association\\nMonsieur le Maire rappelle")
    ItemHeading(number='2020-038', title='SUBVENTION EXCEPTIONNELLE POUR L’Association')
    """
    lines = head.split("\n")
    if not lines:
        return None
    if OBJET_RE.match(lines[0]):
        # "OBJET : Budget primitif 2025 – Budget principal": the title without its label
        return ItemHeading(None, find_title(head, objet_only=True, vocabulary=vocabulary, full=full))
    # a bulleted heading ("• ENFANCE - Centre de loisirs…", OCR "+ ENFANCE"): the title without its bullet
    bullet = BULLET_RE.match(lines[0].strip())
    if bullet:
        lines = [lines[0].strip()[bullet.end():]] + lines[1:]
        return ItemHeading(None, _join_title_lines(lines[:6], vocabulary, full))
    m = ITEM_HEADING_RE.match(lines[0].strip())
    if not m:
        # an unnumbered heading in capitals: "VOTE DU COMPTE DE GESTION 2015"; of one word
        # when it wraps onto a second line in capitals ("SUBVENTIONS / ASSOCIATIONS 2013")
        if is_capitals(lines[0]) and len(lines[0].split()) >= 2:
            return ItemHeading(None, _join_title_lines(lines[:6], vocabulary, full))
        if is_capitals(lines[0]) and len(lines) > 1 and is_capitals(lines[1]) and "\f" not in lines[0]:
            # one word cannot be the whole title: the line below goes with it
            joined = [f"{lines[0].strip()} {lines[1].strip()}"] + lines[2:6]
            return ItemHeading(None, _join_title_lines(joined, vocabulary, (full or [])[1:]))
        # or a short line of its own, where the minutes start an item: "Vote des 4 taxes"
        # (not a sentence, not "DM1 … approuvé : Vote : 14 pour")
        first = lines[0].split("\f")[0].strip()
        if 2 <= len(first.split()) and len(first) <= 100 and ":" not in first \
                and not first.endswith((".", ";", ",")) and re.match(r"[A-ZÀ-Ý]", first):
            return ItemHeading(None, clean_title(first))
        return None
    rest = m.group("rest").strip()
    num = m.group("num1") or m.group("num2") or m.group("num3") or m.group("num4") or m.group("num5")
    # "n° DBC 2019-070 du 3 juin 2019 approuvant…", "R20-53 du Code des Postes": a
    # reference quoted in the text, not a heading
    if num and re.match(r"(?:du|de|des|en|et)\b|[a-zà-ÿ]", rest):
        return None
    number = _clean_number(num) if num and not re.fullmatch(r"\d{1,2}", num.strip()) else None
    # a bare figure under "n°" is a number ("Délibération n° 12", "N° 1 – …"); after "1." or
    # "Point n° 2" it is a rank in the agenda
    number = number or m.group("seq")
    if number and re.fullmatch(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}", number):
        return None  # a date, not a number
    if not rest:
        # "Délibération D2018-67" then "Objet : …" on the next line
        title = find_title("\n".join(lines[1:8]), objet_only=True, vocabulary=vocabulary,
                           full=(full or [])[1:])
    else:
        title = _join_title_lines([rest] + lines[1:6], vocabulary, full)
    return ItemHeading(number, title)


#: "Objet : Budget principal 2022 - Décision modificative n°3", "OBJET - …", "Objet de la
#: délibération : …" (the segmenter's vocabulary: the same label heads an item of minutes).
OBJET_RE = re.compile(rf"^\W{{0,2}}{OBJECT_LABEL}\s*(?P<rest>.*)$", re.I | re.M)

#: Lines that open the text after a title: a rapporteur, the council, a visa…
_AFTER_TITLE_RE = re.compile(
    r"""^\W{0,2}(?:vu\b|consid[ée]rant|monsieur|madame|mme\b|m\.\s|le\s+(?:conseil|maire|pr[ée]sident)
        |la\s+(?:commission|pr[ée]sidente|maire)|rapporteur|expos[ée]|il\s|elle\s|apr[èe]s\b|sur\s+(?:le\s+)?rapport
        |\(\s*n[°o]|d[ée]lib[ée]ration\b|objet\b|pr[ée]sents?\b|[ée]taient\b|absents?\b)""",
    re.I | re.X,
)

# A line that ends in the middle of a phrase: the title goes on below.
_OPEN_END_RE = re.compile(
    r"""(?:\b(?:à|a|au|aux|de|du|des|d['’]|la|le|les|l['’]|et|ou|pour|par|sur|sous|en|dans|avec|entre|un|une)
        |[-–,:/(])\s*$""",
    re.I | re.X,
)


#: A line that opens a sentence of the text below a title: "La délibération D10 du …",
#: "Cette décision modificative …", "Il est proposé …", "Suite à …".
_SENTENCE_OPENER_RE = re.compile(
    r"""^(?:(?:La|Le|Les|L['’]|Cette|Ce|Ces|Cet|Un|Une|Des|Il|Elle|Ils|Elles|On|Nous|Lors|Suite|Afin|Dans|Par|Depuis
        |Compte\s+tenu|Conformément|Vu|Considérant)\s+\S+\s+\S+)""",
    re.X,
)

#: For each line of a text, whether it runs to the right margin (wrapped: the phrase goes
#: on below), or None when the page geometry is unknown.
LineWidths = list[bool | None]


def is_capitals(line: str) -> bool:
    """A line in capitals, as headings are typed: "ADOPTION DU COMPTE RENDU" (a few lower-case
    letters allowed: "2ème", "n°")."""
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 6 and sum(c.isupper() for c in letters) / len(letters) >= 0.85


#: Marks OCR reads in a margin at a line start ("_ privées en eau.", "| de la commune").
_SPECK_RE = re.compile(r"^[_~|¬]+\s+")


def _join_title_lines(lines: list[str], vocabulary: str = "", full: LineWidths | None = None) -> str | None:
    """The first line of a title and the lines that carry on its phrase, joined.

    A line is carried on when the one above runs to the right margin (``full``, from the
    page geometry), ends in the middle of a phrase ("… DES", "… -"), or when it starts in
    lower case. Without geometry, a title also runs on to the line that opens the text
    ("Monsieur X expose :", "Vu …") when that line comes within three lines.
    """
    first = lines[0].strip()
    if "\f" in first:
        # the heading is the last line of its page: the title stops there, the next page's
        # running head ("DEPARTEMENT DE LOIRE-ATLANTIQUE CM 17 juin 2014 55") is not part of it
        return clean_title(first.split("\f")[0])
    # a speck OCR reads in the margin before a wrapped line ("_ privées en eau.") is no text
    rest = [_SPECK_RE.sub("", ln.strip()) for ln in lines[1:6]]
    full = full or []
    if not any(f is not None for f in full[:4]):
        for k, line in enumerate(rest[:3]):
            if not line or "\f" in line:
                break
            if _AFTER_TITLE_RE.match(line):
                middle = rest[:k]
                # the lines between are the title's own, never the header block's ("Date de
                # convocation : …", "Nombre de délégués en exercice : 32 …")
                if all(len(m) < 150 and not m.endswith((".", ";")) and not _NOT_A_TITLE_RE.match(m)
                       and not is_header_block(m) for m in middle):
                    return clean_title(_rejoin([first] + middle, vocabulary))
                break
            if line.endswith((".", ";")):
                break
    parts = [first]
    capitals = is_capitals(first)
    if capitals and not any(f is not None for f in full[:4]):
        # no page geometry (a text file): a title in capitals goes on over the lines in
        # capitals below it, across one blank line of a double-spaced text
        blanks = 0
        for line in rest:
            if not line:
                blanks += 1
                if blanks > 1:
                    break
                continue
            if "\f" in line or not is_capitals(line) or len(" ".join(parts)) > 300:
                break
            blanks = 0
            parts.append(line)
        return clean_title(_rejoin(parts, vocabulary))
    for i, line in enumerate(rest):
        if not line or "\f" in line or _AFTER_TITLE_RE.match(line) or len(" ".join(parts)) > 300:
            break
        # a title typed in capitals does not go on with a line that opens in upper case or
        # with a dash: after "ADOPTION DU COMPTE RENDU", "Remarque de C.BOURRETTE …",
        # "Opération : Electrification" or "-approbation budget COMMUNE" is the text below
        if capitals and not is_capitals(line) and re.match(r"[A-ZÀ-Ý\-–•]", line) \
                and not _OPEN_END_RE.search(parts[-1]):
            break
        prev = parts[-1]
        if _SENTENCE_OPENER_RE.match(line) and not _OPEN_END_RE.search(prev):
            break  # "… - Plan de financement" / "La délibération D10 du conseil municipal …": the text below
        wrapped = full[i] if i < len(full) else None
        # the phrase carries on: the line above is wrapped at the margin or ends open
        # ("… DES", "… - "), or this one starts in lower case ("de l'Agence France
        # Locale") or with a reference (L2122-22)
        # a wrapped line goes on with words, not with a sentence of the text below
        wrapped = bool(wrapped) and not re.search(r",\s|[.:;]$", line)
        if wrapped or _OPEN_END_RE.search(prev) or re.match(r"[a-zà-ÿ(«\"]|[LR]\.?\s?\d", line):
            parts.append(line)
            continue
        break
    return clean_title(_rejoin(parts, vocabulary))


def _rejoin(parts: list[str], vocabulary: str = "") -> str:
    """Join title lines; a word cut at a line end is made whole again.

    "rete-" + "nues" → "retenues"; pdfium marks such cuts with U+0002 ("centre\x02" +
    "ville"). A compound the document prints whole elsewhere keeps its hyphen
    ("centre-ville"), so does any cut before a capital ("Saint-" + "Martin").
    """
    out = parts[0].rstrip()
    for p in parts[1:]:
        m = re.search(r"(\w+)[-\x02]$", out)
        if m and re.match(r"[a-zà-ÿ]", p):
            left = m.group(1)
            right = re.match(r"[\wÀ-ÿ]+", p)
            whole = f"{left}-{right.group(0)}" if right else ""
            if whole and re.search(re.escape(whole), vocabulary, re.I):
                out = out[:-1] + "-" + p
            else:
                out = out[:-1] + p
        elif out.endswith("\x02") or re.search(r"\w-$", out):
            out = out.rstrip("-\x02") + "-" + p  # "Pas-de-" + "Calais": a real hyphen
        else:
            out = out + " " + p
    return out.replace("\x02", "-")


#: OCR's readings of an en dash between words: "—", "-—", "—-" (no title prints an em dash).
_OCR_DASH_RE = re.compile(r"\s*(?:[-–]?—[-–]?)\s*")

#: "1er" read "ler" before a month or "trimestre": "à compter du ler janvier 2025".
_OCR_FIRST_RE = re.compile(r"\bler(?=\s+(?:janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[ûu]t|septembre|octobre"
                           r"|novembre|d[ée]cembre|trimestre|semestre|adjoint|vice)\b)", re.I)


def repair_ocr_title(title: str) -> str:
    """Undo OCR's slips in a title read from a scan: an en dash read as an em dash
    ("Fonds de concours — Programme 2023" → "Fonds de concours – Programme 2023"), "1er"
    read "ler" ("à compter du ler janvier" → "à compter du 1er janvier"), a hyphen read "="."""
    title = _OCR_DASH_RE.sub(" – ", title)
    # a hyphen between two words read as "=" ("PERSONNEL COMMUNAL = Remplacement d'un agent")
    title = re.sub(r"(?<=[^\W\d_])\s+=\s+(?=[^\W\d_])", " - ", title)
    return _OCR_FIRST_RE.sub("1er", title)


def restore_accents(text: str, vocabulary: str) -> str:
    """Put back the accents OCR dropped from words in capitals, when the document prints
    the same word with them elsewhere ("DEPARTEMENTALES" → "DÉPARTEMENTALES", seen as
    "départementales" in the body). Only for text read by OCR, and only when the text
    itself shows accented capitals (a typist who writes "CIMETIERE" is printed as such)."""
    if not re.search(r"[ÀÂÄÇÉÈÊËÎÏÔÖÙÛÜ]", text):
        return text
    variants: dict[str, dict[str, int]] = {}
    for w in re.findall(r"[^\W\d_]{4,}", vocabulary):
        f = fold(w)
        if f != w.lower():
            variants.setdefault(f, {}).setdefault(w.upper(), 0)
            variants[f][w.upper()] += 1

    def fix(m: re.Match[str]) -> str:
        word = m.group(0)
        if not word.isupper() or fold(word) != word.lower():
            return word
        seen = variants.get(word.lower())
        return max(seen, key=lambda k: seen[k]) if seen else word

    return re.sub(r"[^\W\d_]{4,}", fix, text)


#: Lines below a heading that are not a title: counts, attendance, the council's opening.
_NOT_A_TITLE_RE = re.compile(
    r"""^\W{0,2}(?:(?:membres|conseillers|d[ée]l[ée]gu[ée]s|nombre)\b|en\s+exercice|pr[ée]sents?\b|[ée]taient\b
        |l['’]an\s|le\s+\w+\s*,?\s+(?:r[ée]guli[èe]rement\s+)?convoqu|rapporteur\b|vu\b|consid[ée]rant
        # the dates of the header block: "Date de convocation : 29 janvier 2025", "Date
        # d'affichage", "Convocation du 3 mars", "Séance du 5 février 2025"
        |date\s+(?:de\s+(?:la\s+)?|d['’]\s*)(?:convocation|affichage|s[ée]ance|publication|transmission|r[ée]ception|envoi)
        |convocations?\b|s[ée]ance\s+(?:publique\s+)?du\b)""",
    re.I | re.X,
)


def _is_title_line(line: str) -> bool:
    """A line that can be an act's title: not a count, an attendance list or a sentence."""
    text = line.strip()
    return bool(text) and len(text) <= 200 and bool(re.match(r"[A-ZÀ-Ý«\"]", text)) and not is_header_block(text) \
        and not _NOT_A_TITLE_RE.match(text) and not _AFTER_TITLE_RE.match(text) and not text.endswith((".", ";"))


def clean_title(title: str) -> str | None:
    """A title on one line: whitespace collapsed, trailing punctuation of the layout dropped."""
    t = collapse_ws(title).strip(" -–:;,")
    return t or None


def find_title(head: str, *, objet_only: bool = False, vocabulary: str = "",
               full: LineWidths | None = None) -> str | None:
    """The object of the deliberation, on one line, without "Objet :".

    >>> find_title("Objet : Politique de la ville - Programmation 2022 du contrat de ville -\\nSubventions aux associations\\nVu le Code")
    'Politique de la ville - Programmation 2022 du contrat de ville - Subventions aux associations'
    """
    m = OBJET_RE.search(head)
    if m and m.group("rest").strip():
        rest_lines = head[m.end():].split("\n")[1:6]
        line_no = head.count("\n", 0, m.start())
        return _join_title_lines([m.group("rest")] + rest_lines, vocabulary, (full or [])[line_no:])
    if objet_only:
        return None
    # Départements: the title in capitals stands just above "(N°2023-122)".
    m = ACT_NUMBER_RES[0].search(head)
    if m:
        above = head[:m.start()].rstrip("\n").split("\n")
        block: list[str] = []
        for line in reversed(above):
            letters = [c for c in line if c.isalpha()]
            if not letters or sum(c.isupper() for c in letters) / len(letters) < 0.8:
                break
            block.insert(0, line.strip())
            if len(block) >= 6:
                break
        if block:
            return clean_title(_rejoin(block, vocabulary))
    # "Modalités et conditions … des élus" just above "Monsieur EL KANDOUSSI rapporte :"
    m = re.search(r"^(?:monsieur|madame|m\.|mme)\s[^\n]{0,60}\brapporte\s*:?\s*$", head, re.I | re.M)
    if m:
        above = head[:m.start()].rstrip("\n").split("\n")
        block = []
        for line in reversed(above):
            s = line.strip()
            if not s or s.endswith((":", ".", ";")) or len(block) >= 3:
                break
            block.insert(0, s)
        if block:
            return clean_title(_rejoin(block, vocabulary))
    # a file of extracts: the title on the line below the act's heading ("Bureau
    # communautaire du 2 mai 2024 — Délibération B2024-047" / "Tarifs 2024-2025 du centre
    # aquatique"), the session line between them skipped
    lines = head.split("\n")
    for k, line in enumerate(lines[:30]):
        if number_of_opening(line.strip()):
            # or on the heading's own line, after its number: "DÉLIBÉRATION N° 2024-015 : TARIFS DE LA
            # RESTAURATION SCOLAIRE", "Délibération n°2024-15 – Objet : Tarifs …" (its label dropped)
            own = re.sub(rf"^{OBJECT_LABEL}\s*", "", title_of_opening(line.strip()) or "", flags=re.I)
            if own and _is_title_line(own) and len(re.findall(r"[^\W\d_]{2,}", own)) >= 2:
                return _join_title_lines([own] + lines[k + 1:k + 6], vocabulary, None)
            below = [ln for ln in lines[k + 1:k + 4]]
            while below and (not below[0].strip() or re.match(r"^\W{0,2}s[ée]ance\s+du\b", below[0].strip(), re.I)):
                below = below[1:]
            if below and _is_title_line(below[0]):
                title_lines = [below[0]]
                for ln in below[1:] + lines[k + 4:k + 8]:
                    if not ln.strip() or _NOT_A_TITLE_RE.match(ln.strip()) or _AFTER_TITLE_RE.match(ln.strip()):
                        break
                    title_lines.append(ln)
                return _join_title_lines(title_lines, vocabulary, None)
            break
    return None


# ---------------------------------------------------------------------------
# @ctes identifier
# ---------------------------------------------------------------------------

#: "034-213401722-20140424-0000071251-DE": department, SIREN, date, local id, nature
#: (DE délibération, AR/AI arrêtés, CC contrat, BF budget, AU autre).
ACTES_ID_RE = re.compile(
    r"""(?<![\w-])(?P<dept>\d{3}|0?2[AB]|\d{2}[AB]?)\s?-\s?(?P<siren>\d{9})\s?-\s?(?P<date>\d{8})\s?-\s?
        (?P<local>[\w.]{1,30}?)\s?-\s?(?P<nature>DE|AR|AI|CC|BF|AU)(?![\w])""",
    re.X,
)


def find_actes_id(text: str) -> tuple[str | None, str | None]:
    """(@ctes identifier, SIREN of the authority) when printed.

    >>> find_actes_id("Accusé de réception\\n034-213401722-20140424-0000071251-DE\\n")
    ('034-213401722-20140424-0000071251-DE', '213401722')
    """
    for m in ACTES_ID_RE.finditer(text or ""):
        siren = m.group("siren")
        if not siren_valid(siren):
            continue
        ident = "-".join(m.group(k) for k in ("dept", "siren", "date", "local", "nature"))
        return ident, siren
    return None, None
