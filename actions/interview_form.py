"""Validation of the interview form: which step comes next, and checking every answer.

The order of the steps comes from the clause catalogue (``bot/interview``), never from slot
names. Besides answers, a message may be a short command (use the example, skip, not known
yet) or a question in the middle, which is answered before the step is asked again.
"""

from functools import partial
from typing import Any, Callable, Dict, List, Optional, Text

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction
from rasa_sdk.types import DomainDict

from actions.clarify_question import QUESTION_KEY_ENTITY, question_buttons
from bot.answering import ANSWER, CLARIFY, decide_parse
from bot.interview.answers import NOT_APPLICABLE, PLACEHOLDER, check_answer
from bot.interview.catalogue import PARTIES, SIGNATORIES_KEY, SIGNATORY_KEY, Step, load_catalogue
from bot.interview.flow import (
    DONT_KNOW, SKIP, USE_EXAMPLE, command_in, looks_like_question, required_keys,
)
from bot.knowledge import load_knowledge
from bot import messages

OTHER_SIDE = {"vmbo_parties": "mbo_parties", "mbo_parties": "vmbo_parties"}


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
        text = str(value)
        if self._answer_question_in_between(message, text, dispatcher):
            return {step.key: None}
        intent = (message.get("intent") or {}).get("name")
        confidence = float((message.get("intent") or {}).get("confidence") or 0.0)
        command = command_in(intent, confidence, text)
        if command is not None:
            result = self._apply_command(command, step, dispatcher)
        else:
            checked = check_answer(step, text, self._other_parties(step, tracker))
            if not checked.ok:
                dispatcher.utter_message(text=checked.message)
                return {step.key: None}
            result = checked.value
        if result is None:
            return {step.key: None}
        if step.key == SIGNATORY_KEY:
            given = list(tracker.get_slot(SIGNATORIES_KEY) or [])
            return {SIGNATORY_KEY: None, SIGNATORIES_KEY: given + [result]}
        return {step.key: result}

    @staticmethod
    def _apply_command(command: str, step: Step, dispatcher: CollectingDispatcher) -> Optional[Any]:
        """The value a command gives the step, or ``None`` with a message when it cannot."""
        if command == USE_EXAMPLE:
            if step.example:
                return step.example
            dispatcher.utter_message(text=messages.NO_EXAMPLE)
            return None
        if command == SKIP:
            if step.optional:
                return NOT_APPLICABLE
            dispatcher.utter_message(text=messages.CANNOT_SKIP)
            return None
        if command == DONT_KNOW:
            if step.kind == PARTIES:
                return [PLACEHOLDER]
            if step.key == SIGNATORY_KEY:
                return {"name": PLACEHOLDER, "position": PLACEHOLDER}
            return PLACEHOLDER
        return None

    @staticmethod
    def _other_parties(step: Step, tracker: Tracker) -> List[str]:
        """Names on the other side, which this side's names may not repeat."""
        other = OTHER_SIDE.get(step.key)
        return list(tracker.get_slot(other) or []) if other else []

    @staticmethod
    def _answer_question_in_between(
        message: Dict[str, Any], text: str, dispatcher: CollectingDispatcher
    ) -> bool:
        """Answer a question asked instead of an answer; whether it was one."""
        knowledge = load_knowledge()
        picked = next(
            (e.get("value") for e in message.get("entities") or []
             if e.get("entity") == QUESTION_KEY_ENTITY), None,
        )
        if picked in knowledge:
            dispatcher.utter_message(response=knowledge.get(picked).response_name)
            return True
        if not looks_like_question(text):
            return False
        decision = decide_parse(message)
        intent = (message.get("intent") or {}).get("name")
        if decision.kind == ANSWER and decision.key in knowledge:
            dispatcher.utter_message(response=knowledge.get(decision.key).response_name)
            return True
        if decision.kind == CLARIFY and text.strip().endswith("?"):
            dispatcher.utter_message(text=messages.DID_YOU_MEAN, buttons=question_buttons(decision))
            return True
        if intent == "out_of_scope" and text.strip().endswith("?"):
            dispatcher.utter_message(response="utter_out_of_scope")
            return True
        return False
