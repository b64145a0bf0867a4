"""Warm-up of a worker before it forks: import every stage and let lazy loads happen.

Imported by the fork server of :class:`pipeline.runner.bounds.BoundedPool` (``forkserver``
preload): the libraries and models that stages load on first use (the spaCy model of the
matière classifier, dateparser's tables…) are loaded once there, and every worker forked
from it starts warm instead of paying seconds of loading per worker. It processes a tiny
made-up deliberation such as::

    DÉLIBÉRATION N° 2024-001
    Objet : Attribution d'une subvention à l'association sportive
    Le Conseil municipal, après en avoir délibéré, DÉCIDE : d'attribuer une subvention…
"""

from __future__ import annotations

import logging
import os
import tempfile

SAMPLE = """COMMUNE DE SAINT-EXEMPLE
EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL
Séance du 12 mars 2024
L'an deux mille vingt-quatre, le douze mars à 18 heures, le Conseil municipal s'est réuni.
Présents : M. DUPONT Jean, Mme MARTIN Claire
Absent excusé : M. DURAND Paul
DÉLIBÉRATION N° 2024-001
Objet : Attribution d'une subvention à l'association sportive
Le Conseil municipal, après en avoir délibéré,
DÉCIDE : d'attribuer une subvention de 1 500 euros à l'association sportive.
Adopté à l'unanimité.
"""


def warm_up() -> None:
    """Process :data:`SAMPLE` once (errors ignored: warming must never fail a run)."""
    from pipeline.runner.process import process_document

    fd, path = tempfile.mkstemp(suffix=".txt", prefix="delib-warm-")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(SAMPLE)
        process_document(path)
    except Exception:
        logging.getLogger(__name__).debug("warm-up failed", exc_info=True)
    finally:
        os.unlink(path)


if os.environ.get("DELIB_NO_WARMUP") != "1":
    warm_up()
