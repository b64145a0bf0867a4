"""When: the session date ("REUNION DU 20 MARS 2023", "L'an deux mille vingt-deux, le dix mai"),
and the dates of transmission to the prefecture and of publication, from text and stamps.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from extractors.header.text import fold
from pipeline.normalize.dates import find_dates

# ---------------------------------------------------------------------------
# Session date
# ---------------------------------------------------------------------------

#: A sitting as documents name it, with its kind: "Séance publique", "Séance ordinaire",
#: "SÉANCE EXTRAORDINAIRE", "Séance plénière", "Session ordinaire", "Réunion", "Assemblée
#: plénière" (the régions' and départements' full council).
_SITTING = r"""(?:s[ée]ance|r[ée]union|session|assembl[ée]e\s+pl[ée]ni[èe]re)
               (?:\s+(?:publique|ordinaire|extraordinaire|pl[ée]ni[èe]re|exceptionnelle|budg[ée]taire|priv[ée]e))*"""

#: Words that announce the meeting date: "REUNION DU 20 MARS 2023", "Séance (publique) du
#: jeudi 7 avril 2022", "Séance ordinaire du mardi 12 mars 2024 à 19h00", "Session du 12
#: mars 2024", "CONSEIL MUNICIPAL DU MARDI 12 MARS 2019", "Commission permanente du 20 mars
#: 2023", "Comité syndical du 12 mars 2024", "L'an deux mille …" (the date itself), "s'est
#: réuni … le jeudi 24 avril 2014".
SESSION_CUE_RE = re.compile(
    rf"""(?:{_SITTING}|conseil\s+(?:municipal|communautaire|syndical|m[ée]tropolitain)
        |conseil\s+d[ée]partemental|conseil\s+r[ée]gional|commission\s+permanente|bureau\s+communautaire
        |comit[ée]\s+syndical)
        \s+(?:du|le)\s*:?\s*$
      | date\s+(?:de\s+(?:la\s+)?|du\s+)(?:s[ée]ance|r[ée]union|conseil)\s*:?\s*$   # "Date de la séance : 12/03/2024"
    """,
    re.I | re.X,
)
#: A date that opens the minutes' sentence, the meeting named after it: "Le 12 mars 2024 à
#: 19 heures, le Conseil municipal …", "Le mardi 12 mars 2024, à 20h30, s'est réuni …".
_OPENING_BEFORE_RE = re.compile(r"^\W{0,2}le\s*$", re.I)
#: The hour of a sitting, in figures or in words: "à 19 heures", "à 20h30", "à 18:00", "à vingt
#: heures", "à dix-huit heures trente", "à vingt heures et quart", "à midi".
_HOUR = r"""[àa]\s+(?:\d{1,2}\s*(?:h(?:eures?)?\s*\d{0,2}|:\d{2})
                   |(?:[a-zéè]+[\s-]){1,3}?heures?(?:\s+(?:et\s+)?(?:quart|demie|[a-zéè]+(?:-[a-zéè]+)*|\d{2}))??
                   |midi|minuit)"""
_OPENING_AFTER_RE = re.compile(
    rf"""^\s*,?\s*(?:{_HOUR}\s*,?\s*)?
        (?:le\s+conseil|l['’]assembl[ée]e|le\s+bureau|la\s+commission|s['’]\s?est\s+r[ée]uni|se\s+sont\s+r[ée]unis)""",
    re.I | re.X,
)
#: A meeting's title on the lines above a date that opens its own line: "Compte-rendu de la
#: séance / Du Conseil Communautaire / 25 septembre 2025 à 19h30", "PROCÈS-VERBAL / CONSEIL
#: MUNICIPAL / Jeudi 13 décembre 2018".
_TITLE_ABOVE_RE = re.compile(
    r"""(?:s[ée]ance|r[ée]union|compte[\s-]*rendu|proc[èe]s[\s-]*verbal|conseil\s+(?:municipal|communautaire|syndical
        |d[ée]partemental|r[ée]gional|m[ée]tropolitain)|commission\s+permanente|bureau\s+communautaire)[^\n]{0,30}\n?[ \t]*$""",
    re.I | re.X,
)

#: The approval of an earlier meeting's minutes names that meeting's date: "Approbation du
#: compte-rendu de la séance du Conseil / Communautaire du 26 juin 2025", "adoption du
#: procès-verbal de la réunion du 3 mars".
_EARLIER_MINUTES_RE = re.compile(
    r"""(?:approbation|adoption|approuv\w*|adopt\w*|lecture)\s+(?:du|des|le|les)\s+
        (?:proc[èe]s[\s-]*verba\w*|comptes?[\s-]*rendus?|pv|cr)\b[^.;]{0,90}$""",
    re.I | re.X,
)
#: The convocation's date: "Date de convocation : 04/05/2022", "dûment convoqué le 5 mars
#: 2024". Not when the meeting is named between the word and the date ("dûment convoqué,
#: s'est réuni le mardi 12 mars 2024"), nor past another date ("convoqué le 5 mars 2024,
#: s'est réuni le 12 mars 2024": the second is the meeting's).
_CONVOCATION_RE = re.compile(r"convo(?:cation|qu[ée]e?s?)(?:(?!r[ée]uni|assembl|s[ée]ance)[^\n\d]){0,40}$", re.I)
#: The meeting named by its verb: "s'est réuni … le", "se sont réunis", or the participle after
#: the deliberating body ("Le Conseil régional, réuni en assemblée plénière le 12 mars 2024",
#: "L'Assemblée départementale, réunie le 12 mars 2024").
_MET_RE = re.compile(
    r"""(?:s['’]\s?est|se\s+sont|s['’]\s?étant)\s+(?:r[ée]uni|assembl)[^\n]{0,150}$|ouvrira\s+le\s*:?\s*$
      | \b(?:conseil|assembl[ée]e|bureau|comit[ée]|commission\s+permanente)\b[^.\n]{0,80}?,\s*
        (?:d[ûu]ment\s+convoqu[ée]e?s?\s*,\s*)?r[ée]unie?s?\b[^\n\d]{0,80}$""",
    re.I | re.X,
)
_WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")


def _weekday_score(raw: str, date: dt.date) -> int:
    """+1 when the printed weekday matches the date, -1 when it does not, 0 when none."""
    folded = fold(raw)
    for i, name in enumerate(_WEEKDAYS):
        if name in folded:
            return 1 if date.weekday() == i else -1
    return 0


def find_session_date(text: str) -> dt.date | None:
    """The meeting date of the header ``text`` (not the convocation, nor the signature).

    >>> find_session_date("Séance du 10 mai 2022\\nDate de convocation : 04/05/2022")
    datetime.date(2022, 5, 10)
    >>> find_session_date("L'an deux mille vingt-deux, le dix mai à vingt heures")
    datetime.date(2022, 5, 10)
    """
    if not text:
        return None
    region = text[:6000]
    candidates: list[tuple[int, int, dt.date]] = []  # (priority, weekday score, date)
    convocation: dt.date | None = None
    for m in find_dates(region):
        before = region[max(0, m.start - 160):m.start]
        line_before = before.split("\n")[-1]
        two_lines = "\n".join(before.split("\n")[-2:])
        if _CONVOCATION_RE.search(line_before):
            convocation = convocation or m.date
            continue
        if re.match(r"\W{0,2}objet\b", line_before, re.I):
            continue  # "Objet : approbation du procès-verbal de la séance du 8 octobre 2018"
        if _EARLIER_MINUTES_RE.search(before):
            continue  # "- Approbation du compte-rendu de la séance du Conseil / Communautaire du 26 juin 2025"
        if m.raw.lower().startswith("l'an") or m.raw.lower().startswith("l’an"):
            candidates.append((1, _weekday_score(m.raw, m.date), m.date))
        elif SESSION_CUE_RE.search(line_before) or SESSION_CUE_RE.search(two_lines.replace("\n", " ")):
            candidates.append((0, _weekday_score(m.raw, m.date), m.date))
        elif not line_before.strip() and _TITLE_ABOVE_RE.search(two_lines):
            candidates.append((0, _weekday_score(m.raw, m.date), m.date))  # the date under the meeting's title
        elif _OPENING_BEFORE_RE.search(line_before) and _OPENING_AFTER_RE.match(region[m.end:m.end + 120]):
            candidates.append((1, _weekday_score(m.raw, m.date), m.date))
        elif _MET_RE.search(two_lines.replace("\n", " ")):
            candidates.append((2, _weekday_score(m.raw, m.date), m.date))
    if convocation:
        # a meeting follows its convocation, within weeks
        candidates = [c for c in candidates if 0 <= (c[2] - convocation).days <= 90]
    if not candidates:
        return None
    dates = {c[2] for c in candidates}
    if len(dates) == 1:
        return dates.pop()
    # printed sources disagree: trust the one whose weekday is right, then the cue order
    candidates.sort(key=lambda c: (-c[1], c[0]))
    return candidates[0][2]


# ---------------------------------------------------------------------------
# Prefecture and publication dates
# ---------------------------------------------------------------------------

#: Sending to the prefecture ("contrôle de légalité"): "Envoi au contrôle de légalité le :",
#: "Transmis au contrôle de légalité le", "Acte rendu exécutoire après dépôt en Préfecture le",
#: "Envoi Préfecture :", "Envoyé en préfecture le" (the @ctes receipt), "Réception en Préfecture
#: :", "Date de réception préfecture :", "Reçu en préfecture le", "Télétransmis le"; a
#: sous-préfecture receives the acts of its arrondissement ("Transmis à la Sous-Préfecture de
#: Lyon le", "Reçu en sous-préfecture le"). A stamp's bare "REÇU LE" / "ARRIVÉE LE" is not
#: matched: it carries no "en préfecture".
PREFECTURE_RE = re.compile(
    r"""(?:contr[ôo]le\s+de\s+l[ée]galit[ée]
        |d[ée]p[ôo]t\s+en\s+(?:sous[\s-]?)?pr[ée]fecture|d[ée]pos[ée]e?\s+en\s+(?:sous[\s-]?)?pr[ée]fecture
        |(?:envoi|envoy[ée]e?|transmise?|transmission|r[ée]ception|re[çc]ue?|arriv[ée]e?)\s+(?:en\s+|[àa]\s+la\s+)?
            (?:sous[\s-]?)?pr[ée]fecture
        |date\s+de\s+r[ée]ception\s+(?:en\s+)?(?:sous[\s-]?)?pr[ée]fecture
        |(?:transmise?|r[ée]ception|re[çc]ue?)\s+(?:au|par\s+le)\s+(?:repr[ée]sentant\s+de\s+l['’][ÉE]tat|pr[ée]fet|sous[\s-]?pr[ée]fet)
                                 # "Réception par le représentant de l'État : 07/04/2023", "Reçu par le préfet le"
        |accus[ée]\s+de\s+r[ée]ception\s+(?:en\s+)?(?:sous[\s-]?)?pr[ée]fecture
        |t[ée]l[ée]transmise?|date\s+de\s+t[ée]l[ée]transmission)
        [^\n\d]{0,25}?(?:\s+le|\s*:)?\s*$""",
    re.I | re.X,
)

#: "Publication électronique le :", "et publication le", "Publié sur le site internet de la
#: Communauté le", "Publiée le :", "Affiché le", "Date d'affichage :", "Mis en ligne le"; a
#: posting period, whose first day is the publication: "Affiché du 16/03/2024 au 16/05/2024",
#: "Affichage en mairie du …".
PUBLICATION_RE = re.compile(
    r"""(?:publication|publi[ée]e?s?|affich[ée]e?s?|affichage|mise?\s+en\s+ligne)
        (?:[^\n\d.;]{0,60}?)(?:\s+le|\s*:|\t)\s*:?\s*$     # "Date d'affichage<tab>3 avril 2015"
      | (?:affich[ée]e?s?|affichage|mise?\s+en\s+ligne)(?:\s+en\s+mairie)?\s+du\s*$""",
    re.I | re.X,
)

# Transmission and publication are facts of the act itself, printed in its stamps and its
# certification: "Transmis en préfecture le 15 mars 2024 / Publié le 16 mars 2024" at the
# foot, "Acte rendu exécutoire après dépôt en Préfecture le … et publication le …", "Le Maire
# certifie que la présente délibération a été affichée le …". The visas, considérants and
# exposé speak of other documents with the same words: "Vu l'arrêté préfectoral du 15 juin
# 2023 publié au recueil des actes administratifs le 20 juin 2023", "Considérant que l'avis
# d'enquête publique a été publié dans Le Progrès le 3 janvier 2024", "la délibération du 12
# décembre 2023, transmise en préfecture le 14 décembre 2023". A label is read in its
# sentence — from the last full stop, semicolon, blank line, cell separator, or new line that
# opens on a capital (a stamp's line) — and the sentence rejects the date when:

#: it opens the reasoning (a visa, a considérant, an "attendu que" …),
_REASONING_RE = re.compile(
    r"""^[\W\d]{0,3}(?:vu|consid[ée]rant|attendu|rappelant|constatant|compte\s+tenu|au\s+vu|sachant
                     |[ée]tant\s+donn[ée]|par\s+(?:d[ée]lib[ée]ration|arr[êe]t[ée]|d[ée]cision|courrier|lettre))\b""",
    re.I | re.X,
)
#: it tells in the passive what happened to something ("l'avis … a été publié", "le dossier a
#: été transmis") — unless that something is the act itself ("la présente délibération a été
#: affichée", "le présent acte a été transmis"),
_PASSIVE_RE = re.compile(r"\b(?:a|ont|avait|avaient|aura|auront|sera|seront)\s+[ée]t[ée]\b", re.I)
_ACT_ITSELF_RE = re.compile(
    r"""\b(?:pr[ée]sente?s?|cet(?:te)?|ce)\s+(?:acte|d[ée]lib[ée]ration|d[ée]cision|arr[êe]t[ée])\b|\bl['’]\s?acte\b""",
    re.I | re.X,
)
#: or it holds an earlier date that no label announces: the date of the other document whose
#: transmission it tells ("la délibération du 12 décembre 2023, transmise en préfecture le").
_SENTENCE_BOUNDARY_RE = re.compile(r"[.;!?](?=\s)|\n[ \t]*\n|\f|\t|\s[–—|]\s|\n(?=[ \t]*[A-ZÀ-Ý•*–—-])")


def _sentence_lead(text: str, at: int) -> str:
    """The words of the sentence (or stamp line) of ``text`` before offset ``at``."""
    lo = max(0, at - 400)
    window = text[lo:at + 2]  # the label's first letters: a new line opening on a capital is a boundary
    ends = [m.end() for m in _SENTENCE_BOUNDARY_RE.finditer(window) if m.end() <= at - lo]
    return window[ends[-1] if ends else 0:at - lo]


#: A line that goes on with the sentence of the line above, wrapped there: it opens in lower
#: case ("Acte rendu exécutoire après transmission en préfecture" / "le 15/03/2024 et publication
#: le 16/03/2024.", "… de la présente délibération, reçue en Sous-Préfecture" / "le 15 mars 2024
#: et affichée le 16 mars 2024."), and the line above ends no sentence.
_CONTINUED_RE = re.compile(r"^[ \t]*[a-zà-ÿ]")
_SENTENCE_END_RE = re.compile(r"[.;!?]\s*$")


def _label_line(text: str, at: int) -> tuple[str, int]:
    """The words before offset ``at`` on its line, and where they start in ``text``; with the
    line above when the sentence wraps there (:data:`_CONTINUED_RE`), joined by a space: the
    label of a certification may end one line and its date open the next."""
    start = text.rfind("\n", 0, at) + 1
    line = text[start:at]
    if start and _CONTINUED_RE.match(line) and "\f" not in line:
        above_start = text.rfind("\n", 0, start - 1) + 1
        above = text[above_start:start - 1]
        if above.strip() and not _SENTENCE_END_RE.search(above) and "\f" not in above:
            return f"{above} {line}", above_start
    return line, start


def _announced(text: str, at: int) -> bool:
    """Whether the date at ``at`` of ``text`` follows a transmission or publication label."""
    line = _label_line(text, at)[0]
    return bool(PREFECTURE_RE.search(line) or PUBLICATION_RE.search(line))


def _about_another_document(lead: str) -> bool:
    """Whether the sentence ``lead`` (up to a label) tells of another document than the act."""
    if _REASONING_RE.match(lead):
        return True
    if _PASSIVE_RE.search(lead) and not _ACT_ITSELF_RE.search(lead):
        return True
    return any(not _announced(lead, d.start) for d in find_dates(lead))


def _labelled_dates(text: str, label: re.Pattern[str], max_gap: int = 100) -> Iterator[tuple[dt.date, str]]:
    """Each date whose preceding words on its line (or the line above, when the date stands
    alone or the sentence wraps) match ``label``, in a sentence about the act itself; with the
    words of its sentence up to the date."""
    if not text:
        return
    for m in find_dates(text):
        line, line_at = _label_line(text, m.start)
        if m.start - line_at > max_gap:
            line_at = m.start - max_gap
            line = text[line_at:m.start]
        found = label.search(line)
        at = line_at + found.start() if found else None
        if not found and not line.strip():
            before = text[max(0, m.start - max_gap):m.start]
            above = before.rstrip("\n").split("\n")[-1]
            found = label.search(above)
            if found:
                at = m.start - len(before) + len(before.rstrip("\n")) - len(above) + found.start()
        if found and at is not None:
            lead = _sentence_lead(text, at)
            if not _about_another_document(lead):
                yield m.date, lead + text[at:m.start]


def _labelled_date(text: str, label: re.Pattern[str]) -> dt.date | None:
    """The first of :func:`_labelled_dates`."""
    return next((d for d, _ in _labelled_dates(text, label)), None)


#: The @ctes receipt that the software of transmission prints on the act, by its heading at a
#: line start ("Accusé de réception en préfecture", "Accusé de réception – Ministère de
#: l'Intérieur", "ACCUSE DE RECEPTION") or by the act's identifier in the receipt
#: ("044-214400400-20110913-D2011-108-DE", "ID : 035-200015014-20230713-DB_2023_035-DE"; its
#: blank template "044-214400400--DE" too). An "accusé de réception" inside a sentence ("par
#: lettre recommandée avec accusé de réception") heads no receipt.
RECEIPT_HEAD_RE = re.compile(
    r"""^[^\S\n]*\W{0,2}accus[ée]\s+de\s+r[ée]ception\b
      | (?<![\w-])\d{3}-\d{9}-\d{0,8}-[\w.-]{0,30}-(?:DE|AR|AI|CC|BF|AU)(?![\w])""",
    re.I | re.X | re.M,
)

#: Inside the receipt, its labels name the prefecture's dates without naming the prefecture:
#: "Date de réception : 26/09/2011" (under "Date de signature : -", Chéméré 2011), "Date de
#: transmission :", "Date d'envoi :", "Date de l'accusé de réception :", "Reçu le", "Envoyé le",
#: "Transmis le", "Réception :". The label ends the words before the date, on its line.
#: "Date de signature", "Date de décision" and "Date d'affichage" are not the prefecture's.
RECEIPT_LABEL_RE = re.compile(
    r"""(?:^|[\s:;,–—|-])
        (?:date\s+(?:de\s+(?:la\s+|l['’]\s?)?|d['’]\s?)(?:r[ée]ception|transmission|t[ée]l[ée]transmission|envoi
                                                  |accus[ée]\s+de\s+r[ée]ception)
         |(?:re[çc]ue?|envoy[ée]e?|transmise?|t[ée]l[ée]transmise?)\s+le
         |r[ée]ception)
        [^\S\n]*:?[^\S\n]*$""",
    re.I | re.X,
)

#: How many lines above a label its receipt's heading or identifier may stand (the Chéméré box:
#: heading, identifier, "Date de signature : -", "Date de réception : …"; a running header
#: may fall inside when the box crosses a page).
_RECEIPT_REACH = 5


def _in_receipt(text: str, at: int) -> bool:
    """Whether the date at ``at`` of ``text`` follows a label of an @ctes receipt
    (:data:`RECEIPT_LABEL_RE`), the receipt's heading or identifier before it on its line
    or on the short lines just above."""
    lines = text[max(0, at - 600):at].replace("\f", "\n").split("\n")
    label = RECEIPT_LABEL_RE.search(lines[-1])
    if not label:
        return False
    lead = lines[-1][:label.start()]
    if re.search(r"\w", lead) and not RECEIPT_HEAD_RE.search(lines[-1]) and not re.search(r"[:|]", lead):
        return False  # a label opens its line, or follows the receipt's heading or another field
    block = lines[-1 - _RECEIPT_REACH:]
    blanks = [i for i, ln in enumerate(block[:-1]) if not ln.strip()]
    if blanks:  # a blank line ends a box
        block = block[blanks[-1] + 1:]
    # the lines of a box are short; a paragraph's lines are not
    return all(len(ln) <= 120 for ln in block) and any(RECEIPT_HEAD_RE.search(ln) for ln in block)


def _receipt_date(text: str) -> dt.date | None:
    """The first date of ``text`` labelled inside an @ctes receipt."""
    return next((m.date for m in find_dates(text) if _in_receipt(text, m.start)), None)


def find_prefecture_date(text: str) -> dt.date | None:
    """Date the act was sent to (or received by) the prefecture.

    >>> find_prefecture_date("Acte rendu exécutoire après dépôt en Préfecture le 14/05/2022 et publication le 15/05/2022")
    datetime.date(2022, 5, 14)
    >>> find_prefecture_date("Accusé de réception en préfecture\\n044-214400400-20110913-D2011-85-DE\\n"
    ...                      "Date de signature : -\\nDate de réception : 26/09/2011")
    datetime.date(2011, 9, 26)
    """
    # in a two-column layout, the label may stand in another column: only the last cell counts
    # else the bare labels of an @ctes receipt ("Date de réception :") under its heading or identifier
    return _labelled_date(text, PREFECTURE_RE) or _receipt_date(text)


#: The convocation is posted too (CGCT art. L.2121-10: it is "affichée ou publiée"), and the
#: header often says when: "Date de convocation et d'affichage : 05/03/2024", "Date d'affichage
#: de la convocation :", "convoqué par lettre envoyée et affichée le 5 mars 2024", "Convocation
#: affichée le 5 mars 2024". A posting in the convocation's sentence is not the act's.
_CONVOCATION_WORD_RE = re.compile(r"\bconvo(?:cation|qu[ée])", re.I)


def find_publication_date(text: str, not_before: dt.date | None = None) -> dt.date | None:
    """Date the act was published or posted: the first labelled date not in the convocation's
    sentence, and not before ``not_before`` (the sitting: an act is published after it is taken,
    a posting dated before is the convocation's, "Date d'affichage : 05/03/2024" under "Date de
    convocation : 05/03/2024").

    >>> find_publication_date("Publication électronique le : 19 avril 2023")
    datetime.date(2023, 4, 19)
    >>> find_publication_date("Date de convocation et d'affichage : 05/03/2024\\nPublié le 16/03/2024")
    datetime.date(2024, 3, 16)
    """
    for date, sentence in _labelled_dates(text, PUBLICATION_RE):
        if _CONVOCATION_WORD_RE.search(sentence) or (not_before and date < not_before):
            continue
        return date
    return None
