"""Where the header of an act ends, and how its words are compared (accents and quotes folded)."""

from __future__ import annotations

import re

from pipeline.model import strip_accents

# ---------------------------------------------------------------------------
# Where the header of an act ends
# ---------------------------------------------------------------------------

#: The first line of the act's reasoning or decision closes its header.
HEADER_END_RE = re.compile(
    r"""^[\W\d]{0,3}(?:
        vu\b                                   # Vu le Code général…
      | consid[ée]rant\b                       # Considérant…
      | apr[èe]s\s+en\s+avoir\s+d[ée]lib[ée]r  # Après en avoir délibéré
      | D[ÉE]CIDE\b | D[ÉE]LIB[ÈE]RE\b          # DÉCIDE :
      | article\s+(?:1|premier)\b               # Article 1er
    )""",
    re.I | re.X | re.M,
)


def header_end(text: str) -> int:
    """Offset in ``text`` where the header stops (first "Vu", "Considérant", "DÉCIDE"…)."""
    m = HEADER_END_RE.search(text)
    return m.start() if m else min(len(text), 6000)


def fold(text: str) -> str:
    """Lower case without accents, typographic apostrophes straight: compared, never printed."""
    return strip_accents(text).replace("’", "'")


#: A cell of the margin block a two-column opening prints beside its sentence, read first on
#: each line by the text layer: "Présents : 17<tab>CHEMERE, dûment convoqué, …", "Procuration
#: : 2<tab>Georges LECLEVE, Maire.", "Convocation :<tab>M. Georges LECLEVE", "En exercice : 19<tab>".
MARGIN_CELL_RE = re.compile(
    r"^[ \t]*(?:pr[ée]sents?|votants?|procurations?|pouvoirs?|absents?|excus[ée]s?|en\s+exercice|convocation"
    r"|date\s+de\s+(?:la\s+)?convocation|affichage)[ \t]*:[ \t]*\d{0,3}[ \t]*\t",
    re.I | re.M,
)


def without_margin_cells(text: str) -> str:
    """``text`` without the margin block's cells at its line starts, so that the sentence
    beside them reads on ("sous la présidence de Monsieur" / "Georges LECLEVE, Maire")."""
    return MARGIN_CELL_RE.sub("", text)
