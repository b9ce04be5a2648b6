"""Starting the interview that completes a checked agreement (no Rasa here).

The answers the document gives become offered answers (``bot.interview.moves``): each is shown
with its question, to keep with "Behouden" or to replace, as after going back. Steps the
document does not answer are asked as usual. In an addendum only the parties, the topics to
complete and the signing are asked (``catalogue.addendum_topics``).
"""

from typing import Any, Dict, Iterable, Mapping

from bot.interview.catalogue import (
    ADDENDUM_MODE, COMPLETION_SLOT, SIGNATORIES_KEY, load_catalogue,
)
from bot.interview.moves import FROM_DOCUMENT, FROM_UNCLEAR, OFFERED_SLOT, clear_interview_state


def completion_state(mode: str, topics: Iterable[str], reference: str) -> Dict[str, Any]:
    """What the interview keeps about the completion: the kind of document and its scope."""
    return {"mode": mode, "topics": sorted(set(topics)), "reference": reference}


def start_completion(
    mode: str, answers: Mapping[str, Any], unclear: Iterable[str], topics: Iterable[str],
    reference: str = "",
) -> Dict[str, Any]:
    """Slot changes that start a new interview with the document's ``answers`` offered.

    Every earlier answer is cleared; in an addendum, answers to steps outside its topics are
    not offered (they are not asked).
    """
    catalogue = load_catalogue()
    state = completion_state(mode, topics, reference)
    scope = {COMPLETION_SLOT: state}
    unclear = set(unclear)
    offered = {
        key: {"value": value, "source": FROM_UNCLEAR if key in unclear else FROM_DOCUMENT}
        for key, value in answers.items()
        if key in catalogue and value is not None
        and (mode != ADDENDUM_MODE or not catalogue.get(key).topic
             or catalogue.get(key).topic in state["topics"])
    }
    updates: Dict[str, Any] = {key: None for key in catalogue.keys}
    updates.update(clear_interview_state())
    updates.update({SIGNATORIES_KEY: [], OFFERED_SLOT: offered, **scope})
    return updates
