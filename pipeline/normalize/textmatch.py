"""How a value is compared with the text it was printed in: one convention for the runner
that places rows (``pipeline.runner.locate``) and the evaluation that checks them
(``pipeline.evaluate.provenance``).
"""

from __future__ import annotations

#: Characters left out when comparing (a regex character class): whitespace (line and page
#: breaks), hyphens (a word cut at a line end), soft hyphens, dashes (a title's "–" that OCR
#: reads "—" or "-").
SKIPPED = r"\s\-\u00ad\u2010-\u2015"

#: A text of at least this many letters (whitespace and hyphens left out) may be found
#: *near* as printed: a title, a visa or an article the reader repaired from OCR …
NEAR_MIN_LENGTH = 40
#: … when it differs from the printed text by at most this share of its characters
#: (Levenshtein distance, normalised).
NEAR_DISTANCE = 0.05
