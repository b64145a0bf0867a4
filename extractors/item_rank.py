"""The rank of an item of minutes, as its heading prints it ("3. Tarifs …" → 3).

Minutes say what changes through the meeting by item ranks: a member "arrivé au point 4",
"Questions 11 à 17 : 31 présents". The attendance and the header's counts read the rank of
the act they are filling from here.
"""

from __future__ import annotations

import re

from pipeline.model import Act, Span

#: The rank an item of minutes prints in its heading: "3. Tarifs …", "Point n°2 : …",
#: "Délibération n° 4 –", "III - …" is not read (roman ranks are rare in these remarks).
ITEM_RANK_RE = re.compile(r"^\W{0,3}(?:(?:point|question|d[ée]lib[ée]ration|dossier|rapport)\s*(?:n\s*[°o]\s*)?)?"
                          r"(?P<n>\d{1,3})\s*(?:[.):–—-]|\s)", re.I)


def item_rank(act: Act) -> int | None:
    """The rank printed in the heading of a minutes item ("3. Tarifs …" → 3), or None."""
    own = [s for s in act.sections if not s.shared]
    if not own:
        return None
    first = act.doc.clean(Span(own[0].span.start, min(own[0].span.end, own[0].span.start + 200)))
    m = ITEM_RANK_RE.match(first.lstrip())
    return int(m.group("n")) if m else None
