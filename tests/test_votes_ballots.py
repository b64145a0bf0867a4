"""A vote between two options (``extractors.votes.read_option_ballot``): the council chooses by
ballot between two possibilities, then decides for one of them (Chéméré, 13 September 2011,
DE-2011/86: "Agence postale dans les locaux de la mairie : 15, / Aucune présence postale sur la
commune : 2", then "décide à la majorité … de choisir la création d'une agence postale").

The votes of the option taken are for the decision, the other's against it; three options or
more, candidates, a decision that names neither option or takes the minority's, a tie, a
unanimity give no count.
"""

from __future__ import annotations

import pytest

from extractors.registry import ActFields, Found
from extractors.votes import extract_votes, read_vote
from pipeline.errors import IssueLog
from pipeline.model import SectionKind
from schemas.rows import VoteRow
from tests.test_attendance import make_act

_POSTE = ("Il ne reste plus que deux solutions :\n1) Création d’une agence postale dans les locaux de la mairie,\n"
          "2) Aucune présence postale sur la commune.\n"
          "Il est décidé de procéder à un vote à bulletin secret sur le choix entre ces deux possibilités.\n"
          "Il ressort de ce vote les résultats suivants :\n")
_DECIDE = ("Le Conseil municipal, après en avoir délibéré, décide à la majorité des membres présents\n"
           "de choisir la création d’une agence postale dans les locaux de la mairie.")


def _act(expose: str, decision: str):  # type: ignore[no-untyped-def]
    return make_act((SectionKind.HEADER, "DE-2011/86 – Agence postale\n" + expose, False),
                    (SectionKind.DECISION, decision, False))


@pytest.mark.parametrize("expose, decision, counts", [
    # the Chéméré wording: dashes, a comma and a full stop after the counts
    (_POSTE + "-\tAgence postale dans les locaux de la mairie : 15,\n-\tAucune présence postale sur la commune : 2.\n",
     _DECIDE, (15, 2)),
    # the options in the other order, "voix" after the counts, no dash
    (_POSTE + "Aucune présence postale sur la commune : 2 voix\nAgence postale dans les locaux de la mairie : 15 voix\n",
     _DECIDE, (15, 2)),
    # options named by a rank, the decision retaining one
    ("Deux scénarios sont soumis au vote à bulletin secret.\nRésultats du scrutin :\n• Scénario 1 : 12 voix\n"
     "• Scénario 2 : 5 voix\n", "Le Conseil municipal, après en avoir délibéré, décide de retenir le scénario 1.",
     (12, 5)),
    ("Après dépouillement des bulletins :\n- Maintien de l’école à quatre classes : 10\n"
     "- Fermeture d’une classe à la rentrée : 7\n",
     "Le Conseil municipal opte pour le maintien de l’école à quatre classes.", (10, 7)),
    # the ballot's own counts printed above the options (review)
    (_POSTE + "Suffrages exprimés : 17\n-\tAgence postale dans les locaux de la mairie : 15,\n"
     "-\tAucune présence postale sur la commune : 2.\n", _DECIDE, (15, 2)),
])
def test_votes_ballot_between_two_options(expose: str, decision: str, counts: tuple[int, int]) -> None:
    tally = read_vote(_act(expose, decision))
    assert tally is not None
    assert (tally.counts.get("for"), tally.counts.get("against"), tally.unanimous, tally.outcome) == \
        (*counts, False, "adopted")


def test_votes_ballot_counts_go_to_the_act_not_to_vote_rows() -> None:
    """No position "pour" or "contre" is printed: the act's columns hold the counts, no vote row."""
    act = _act(_POSTE + "- Agence postale dans les locaux de la mairie : 15,\n"
               "- Aucune présence postale sur la commune : 2.\n", _DECIDE)
    out = extract_votes(act, Found(), IssueLog())
    fields = [r for r in out if isinstance(r, ActFields)][0]
    assert not [r for r in out if isinstance(r, VoteRow)]
    assert (fields.values["votes_for"], fields.values["votes_against"], fields.values["unanimous"]) == (15, 2, False)
    assert act.doc.text[slice(*fields.spans["votes_for"])] == "15"


@pytest.mark.parametrize("expose, decision", [
    # three options: the others' votes are not against one another
    ("Résultats du vote :\n- Option A : 8\n- Option B : 5\n- Option C : 4\n",
     "Le Conseil municipal décide de retenir l’option A."),
    # candidates: an election, whose results are read elsewhere
    ("Il est procédé au vote à bulletin secret :\n- M. Jean DUPONT : 12 voix\n- Mme Anne MARTIN : 5 voix\n",
     "Le Conseil municipal décide de désigner M. Jean DUPONT."),
    ("Résultats du scrutin :\nJean DUPONT : 12 voix\nAnne MARTIN : 5 voix\n",
     "Le Conseil municipal décide de désigner Jean DUPONT."),
    # a ballot's bookkeeping and an ordinary tally are no options
    ("Résultats du vote :\nVotants : 17\nSuffrages exprimés : 17\n", "Le Conseil municipal décide de créer l’agence."),
    # the decision names neither option, or the one that lost, or says it was unanimous
    (_POSTE + "- Agence postale dans les locaux de la mairie : 15,\n- Aucune présence postale sur la commune : 2.\n",
     "Le Conseil municipal, après en avoir délibéré, décide à la majorité de suivre cet avis."),
    (_POSTE + "- Agence postale dans les locaux de la mairie : 15,\n- Aucune présence postale sur la commune : 2.\n",
     "Le Conseil municipal décide de renoncer à toute présence postale sur la commune (aucune présence)."),
    (_POSTE + "- Agence postale dans les locaux de la mairie : 15,\n- Aucune présence postale sur la commune : 2.\n",
     "Le Conseil municipal décide à l’unanimité de choisir la création d’une agence postale dans les locaux de la "
     "mairie."),
    # a tie, and counts that no ballot announces (a list of figures)
    (_POSTE + "- Agence postale dans les locaux de la mairie : 8,\n- Aucune présence postale sur la commune : 8.\n",
     _DECIDE),
    ("La répartition des sièges est la suivante :\n- Agence postale dans les locaux de la mairie : 15\n"
     "- Aucune présence postale sur la commune : 2\n", _DECIDE),
])
def test_votes_no_ballot_count(expose: str, decision: str) -> None:
    tally = read_vote(_act(expose, decision))
    assert tally is None or ("for" not in tally.counts and "against" not in tally.counts)
