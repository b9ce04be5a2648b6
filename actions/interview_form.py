"""Validation of the interview form: every message at an open question passes one guard.

The order of the steps comes from the clause catalogue (``bot/interview``), never from slot
names. What a message is (an answer, going back, a command, a question in between, small talk)
and what follows from it is decided in ``bot.interview.turn``; this action carries it out.
"""

from functools import partial
from typing import Any, Callable, Dict, List, Text

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction
from rasa_sdk.types import DomainDict

from actions.clarify_question import question_buttons
from bot.interview.catalogue import Step, load_catalogue
from bot.interview.flow import required_keys
from bot.interview.moves import Move
from bot.interview.turn import interview_turn


def say(dispatcher: CollectingDispatcher, move: Move) -> None:
    """Send what a move says: texts with their buttons, or responses of the domain."""
    for utterance in move.utterances:
        if "response" in utterance:
            dispatcher.utter_message(response=utterance["response"])
        else:
            dispatcher.utter_message(text=utterance["text"], buttons=utterance["buttons"] or None)


class ValidateInterviewForm(FormValidationAction):
    """Checks each answer of the interview and decides the next step from the catalogue."""

    def name(self) -> Text:
        return "validate_interview_form"

    async def required_slots(
        self, domain_slots: List[Text], dispatcher: CollectingDispatcher,
        tracker: Tracker, domain: DomainDict,
    ) -> List[Text]:
        """The steps that apply given the answers so far, in catalogue order."""
        return required_keys(tracker.slots)

    def __getattr__(self, name: str) -> Callable[..., Any]:
        """``validate_<step>`` for every step of the catalogue, all handled by ``_validate``."""
        key = name[len("validate_"):] if name.startswith("validate_") else None
        if key and key in load_catalogue():
            return partial(self._validate, load_catalogue().get(key))
        raise AttributeError(name)

    async def _validate(
        self, step: Step, value: Any, dispatcher: CollectingDispatcher,
        tracker: Tracker, domain: DomainDict,
    ) -> Dict[Text, Any]:
        message = tracker.latest_message or {}
        if value != message.get("text"):
            # A stored answer, validated when it was given: Rasa re-validates filled slots
            # whenever the form is activated again (after a pause or an edit).
            return {step.key: value}
        move = interview_turn(step, str(value), message, tracker.slots, question_buttons)
        say(dispatcher, move)
        return {step.key: None, **move.updates}
