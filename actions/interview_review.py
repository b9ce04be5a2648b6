"""The end of the interview: review, changing an answer, confirming, and starting over."""

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.draft_delivery import CONFIRMED_SLOT, deliver_draft
from bot import messages
from bot.interview.catalogue import SIGNATORIES_KEY, load_catalogue
from bot.interview.editing import is_edit_request, keys_to_clear, steps_meant
from bot.interview.flow import missing_keys
from bot.interview.moves import clear_interview_state, reopen
from bot.interview.review import completeness_text, open_steps, review_text

CLAUSE_ENTITY = "clause"
REQUESTED_SLOT = "requested_slot"
CONFIRM = {"title": "Bevestigen", "payload": "/confirm_review"}


def edit_payload(key: str) -> str:
    """The button payload that asks a step again."""
    return f'/edit_clause{{"{CLAUSE_ENTITY}":"{key}"}}'


class ActionShowReview(Action):
    """Lists every answer by clause, with the completeness check and how to change things."""

    def name(self) -> Text:
        return "action_show_review"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        answers = tracker.slots
        dispatcher.utter_message(text=review_text(answers))
        dispatcher.utter_message(text=completeness_text(answers))
        buttons = [CONFIRM] + [
            {"title": f"Vul aan: {step.label}", "payload": edit_payload(step.key)}
            for step in open_steps(answers)
        ]
        dispatcher.utter_message(text=messages.REVIEW_OPTIONS, buttons=buttons)
        return []


class ActionEditClause(Action):
    """Clears the answer(s) a user wants to change, so the interview asks them again."""

    def name(self) -> Text:
        return "action_edit_clause"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        catalogue = load_catalogue()
        reference = next(tracker.get_latest_entity_values(CLAUSE_ENTITY), None)
        answers = tracker.slots
        text = tracker.latest_message.get("text") or ""
        requested = tracker.get_slot(REQUESTED_SLOT)
        if tracker.active_loop.get("name") and requested and not is_edit_request(text):
            # An answer that mentions a clause: the form checks it like any other answer.
            return [SlotSet(requested, text)]
        if reference in catalogue:
            keys = [reference]
        else:
            keys = steps_meant(reference or text, answers)
        if not keys:
            dispatcher.utter_message(text=messages.WHICH_CLAUSE)
            return []
        labels = list(dict.fromkeys(catalogue.get(key).label for key in keys))
        dispatcher.utter_message(text=f"U past aan: {', '.join(labels)}.")
        cleared = keys_to_clear(keys)
        events = [SlotSet(key, None) for key in cleared if key != SIGNATORIES_KEY]
        if SIGNATORIES_KEY in cleared:
            events.append(SlotSet(SIGNATORIES_KEY, []))
        events += [SlotSet(slot, value) for slot, value in reopen(cleared, answers).items()]
        return events + [SlotSet(CONFIRMED_SLOT, False)]


class ActionConfirmInterview(Action):
    """Ends the interview once every step has an answer and hands the answers on."""

    def name(self) -> Text:
        return "action_confirm_interview"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        answers = tracker.slots
        if answers.get("same_authority") is None or missing_keys(answers):
            dispatcher.utter_message(text=messages.NOT_FINISHED)
            return []
        dispatcher.utter_message(text=messages.CONFIRMED)
        return [SlotSet(CONFIRMED_SLOT, True)] + deliver_draft(dispatcher, tracker)


class ActionResetInterview(Action):
    """Clears every answer of the interview (after the user confirmed it)."""

    def name(self) -> Text:
        return "action_reset_interview"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        events = [SlotSet(key, None) for key in load_catalogue().keys]
        events += [SlotSet(slot, value) for slot, value in clear_interview_state().items()]
        dispatcher.utter_message(text=messages.RESET)
        return events + [SlotSet(SIGNATORIES_KEY, []), SlotSet(CONFIRMED_SLOT, False)]
