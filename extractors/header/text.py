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
