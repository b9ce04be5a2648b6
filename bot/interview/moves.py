"""Moving through the interview: storing an answer, going back, confirming before storing.

Every function takes the conversation's answers (a mapping of slot names to values) and returns
a ``Move``: the slot changes to make, and what to say. Nothing here knows Rasa.

Three slots besides the answers keep the interview's own state:
- ``interview_history``: the steps in the order they were answered, for going back;
- ``offered_answers``: answers to show when a step is asked (after going back, or taken from an
  earlier message), ``{step: {"value": ..., "source": "back" | "earlier"}}``;
- ``pending_answer``: an answer shown for confirmation before it is stored,
  ``{"key", "value", "alternative"}``; "ja" stores ``value``, "nee" stores ``alternative`` when
  there is one, and anything else is read as a new answer.
"""

from dataclasses import dataclass, field
from typing import Any, Dict, List, Mapping, Optional

from bot import messages
from bot.interview.catalogue import (
    PARTIES, SIGNATORIES_KEY, SIGNATORY_KEY, YES_NO, Step, load_catalogue,
)
from bot.interview.review import display_answer
from bot.text_markup import escape_markdown

HISTORY_SLOT = "interview_history"
OFFERED_SLOT = "offered_answers"
PENDING_SLOT = "pending_answer"
FROM_BACK, FROM_EARLIER = "back", "earlier"
# Answers taken from a checked agreement: as it stands, or for a topic it covers only partly.
FROM_DOCUMENT, FROM_UNCLEAR = "document", "unclear"
_OFFER_TEMPLATES = {
    FROM_BACK: messages.OFFER_BACK, FROM_EARLIER: messages.OFFER_EARLIER,
    FROM_DOCUMENT: messages.OFFER_DOCUMENT, FROM_UNCLEAR: messages.OFFER_UNCLEAR,
}


@dataclass
class Move:
    """Slot changes, and what to say: texts (with buttons) or responses of the domain."""

    updates: Dict[str, Any] = field(default_factory=dict)
    utterances: List[Dict[str, Any]] = field(default_factory=list)

    def say(self, text: str, buttons: Optional[List[Dict[str, str]]] = None) -> "Move":
        """Add a text to say, with buttons if given."""
        self.utterances.append({"text": text, "buttons": list(buttons or [])})
        return self

    def respond(self, response: str) -> "Move":
        """Add a response of the domain (an FAQ answer) to say."""
        self.utterances.append({"response": response})
        return self


def history(answers: Mapping[str, Any]) -> List[str]:
    """The steps in the order they were answered."""
    return list(answers.get(HISTORY_SLOT) or [])


def offered(answers: Mapping[str, Any]) -> Dict[str, Dict[str, Any]]:
    """The answers waiting to be shown when their step is asked."""
    return dict(answers.get(OFFERED_SLOT) or {})


def pending_for(answers: Mapping[str, Any], key: str) -> Optional[Dict[str, Any]]:
    """The answer waiting for confirmation at this step, if any."""
    pending = answers.get(PENDING_SLOT)
    return pending if isinstance(pending, dict) and pending.get("key") == key else None


def store(
    step: Step, value: Any, answers: Mapping[str, Any], offers: Optional[Dict[str, Any]] = None,
) -> Move:
    """Store ``value`` as the answer to ``step``; ``offers`` are answers for later steps."""
    order = [key for key in history(answers) if key != step.key or step.key == SIGNATORY_KEY]
    updates: Dict[str, Any] = {HISTORY_SLOT: order + [step.key]}
    waiting = offered(answers)
    changed = waiting.pop(step.key, None) is not None
    for key, value_for_later in (offers or {}).items():
        if answers.get(key) is None:
            waiting[key] = {"value": value_for_later, "source": FROM_EARLIER}
            changed = True
    if changed:
        updates[OFFERED_SLOT] = waiting
    if answers.get(PENDING_SLOT) is not None:
        updates[PENDING_SLOT] = None
    if step.key == SIGNATORY_KEY:
        given = list(answers.get(SIGNATORIES_KEY) or [])
        updates.update({SIGNATORY_KEY: None, SIGNATORIES_KEY: given + [value]})
    else:
        updates[step.key] = value
        given = answers.get(SIGNATORIES_KEY) or []
        if step.kind == PARTIES and given and len(given) != _party_count({**answers, step.key: value}):
            updates[SIGNATORIES_KEY] = []  # the signatories no longer match the parties
    return Move(updates)


def _party_count(answers: Mapping[str, Any]) -> int:
    keys = ("authority_name",) if answers.get("same_authority") is True else ("vmbo_parties", "mbo_parties")
    return sum(len(answers.get(key) or []) for key in keys)


def ask_to_confirm(
    step: Step, value: Any, question: str, alternative: Any = None,
    buttons: Optional[List[Dict[str, str]]] = None, offers: Optional[Dict[str, Any]] = None,
    target: Optional[str] = None, also: Optional[Dict[str, Any]] = None,
) -> Move:
    """Hold ``value`` back; the step's question becomes ``question``, to confirm it.

    ``offers`` are answers for later steps, kept when the value is confirmed. With ``target``,
    the value corrects that earlier step, and ``step`` is asked again afterwards.
    """
    pending = {
        "key": step.key, "value": value, "alternative": alternative, "prompt": question,
        "buttons": list(buttons or [messages.YES_BUTTON, messages.NO_BUTTON]),
        "offers": dict(offers or {}), "target": target, "also": dict(also or {}),
    }
    return Move({step.key: None, PENDING_SLOT: pending})


def confirm_pending(step: Step, pending: Mapping[str, Any], answers: Mapping[str, Any]) -> Move:
    """The user said yes to the pending answer: store it and its offers."""
    target = pending.get("target")
    if target and target != step.key:
        corrected = load_catalogue().get(target)
        move = store(corrected, pending["value"], answers)
        move.updates[step.key] = None
        shown = escape_markdown(display_answer(corrected, pending["value"]))
        return move.say(messages.CORRECTED.format(label=corrected.part_label, answer=shown))
    move = store(step, pending["value"], answers, pending.get("offers"))
    for key, value in (pending.get("also") or {}).items():
        also = store(load_catalogue().get(key), value, {**answers, **move.updates})
        move.updates.update(also.updates)
    return move


def refuse_pending(step: Step, pending: Mapping[str, Any], answers: Mapping[str, Any]) -> Move:
    """The user said no: store the alternative reading if there is one, else ask again."""
    if pending.get("alternative") is not None:
        return store(step, pending["alternative"], answers)
    return Move({step.key: None, PENDING_SLOT: None})


def go_back(step: Step, answers: Mapping[str, Any]) -> Move:
    """Reopen the step answered last, with its answer offered to keep or change."""
    order = history(answers)
    if not order:
        return Move({step.key: None, PENDING_SLOT: None}).say(messages.FIRST_QUESTION)
    last = order.pop()
    updates: Dict[str, Any] = {step.key: None, HISTORY_SLOT: order, PENDING_SLOT: None}
    if last == SIGNATORY_KEY:
        given = list(answers.get(SIGNATORIES_KEY) or [])
        old = given.pop() if given else None
        updates[SIGNATORIES_KEY] = given
    else:
        old = answers.get(last)
        updates[last] = None
    waiting = offered(answers)
    if old is not None:
        waiting[last] = {"value": old, "source": FROM_BACK}
    updates[OFFERED_SLOT] = waiting
    return Move(updates)


def offer_for(step: Step, answers: Mapping[str, Any]) -> Optional[Dict[str, Any]]:
    """The answer to show with the question of ``step``, if one is waiting."""
    return offered(answers).get(step.key)


def prompt_for(step: Step, answers: Mapping[str, Any]) -> Move:
    """What to say with the question of ``step`` about a waiting answer, and the slots to set.

    A waiting answer (after going back, or from an earlier message) becomes the pending answer,
    kept with "Behouden". At a yes/no step "ja" is an answer, not a confirmation, so the earlier
    answer is only shown there.
    """
    offer = offer_for(step, answers)
    if offer is None:
        return Move()
    waiting = offered(answers)
    waiting.pop(step.key, None)
    move = Move({OFFERED_SLOT: waiting})
    shown = escape_markdown(display_answer(step, offer["value"]))
    if step.kind == YES_NO:
        from_document = offer["source"] in (FROM_DOCUMENT, FROM_UNCLEAR)
        template = messages.DOCUMENT_YES_NO if from_document else messages.EARLIER_YES_NO
        return move.say(template.format(answer=shown))
    move.updates[PENDING_SLOT] = {
        "key": step.key, "value": offer["value"], "alternative": None, "offers": {},
    }
    template = _OFFER_TEMPLATES.get(offer["source"], messages.OFFER_EARLIER)
    return move.say(template.format(answer=shown), [messages.KEEP_BUTTON])


def clear_interview_state() -> Dict[str, Any]:
    """Slot changes that forget the interview's own state (with a reset of the answers)."""
    return {HISTORY_SLOT: [], OFFERED_SLOT: {}, PENDING_SLOT: None}


def reopen(keys: List[str], answers: Mapping[str, Any]) -> Dict[str, Any]:
    """Slot changes for asking ``keys`` again: they leave the history, nothing is pending."""
    return {HISTORY_SLOT: [key for key in history(answers) if key not in keys], PENDING_SLOT: None}
