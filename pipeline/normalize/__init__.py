"""Normalisers: pure functions from French as printed to typed values — dates
(:mod:`.dates`), amounts (:mod:`.money`), numbers in words (:mod:`.frenchnum`), person
names (:mod:`.names`), SIREN/SIRET (:mod:`.identifiers`), sentences (:mod:`.sentences`)."""
