"""The end of the interview: review, changing an answer, confirming, and starting over."""

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.draft_delivery import CONFIRMED_SLOT, deliver_draft
from bot import messages
from bot.interview.catalogue import COMPLETION_SLOT, SIGNATORIES_KEY, load_catalogue
from bot.interview.correction import Correction, find_correction
from bot.interview.editing import MAX_EDIT_REQUEST_WORDS, is_edit_request, keys_to_clear, steps_meant
from bot.interview.flow import is_complete
from bot.interview.moves import clear_interview_state, reopen
from bot.interview.review import display_answer
from bot.interview.turn import checked_correction, interview_turn
from bot.text_markup import escape_markdown
from actions.clarify_question import question_buttons
from actions.feedback import CONFIRM_OFFER_ACTION, INTERVIEW_SLOT, interview_finished
from actions.interview_form import say
from bot.interview.review import completeness_text, open_steps, review_text

CLAUSE_ENTITY = "clause"
REQUESTED_SLOT = "requested_slot"
CHANGED_SLOT = "changed_steps"
CONFIRM = {"title": "Bevestigen", "payload": "/confirm_review"}
WHOLE_REVIEW = {"title": "Hele overzicht tonen", "payload": "/show_review"}


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
        changed = [key for key in tracker.get_slot(CHANGED_SLOT) or [] if key in load_catalogue()]
        open_buttons = [
            {"title": f"Vul aan: {step.part_label}", "payload": edit_payload(step.key)}
            for step in open_steps(answers)
        ]
        if changed:
            # After a change, only what changed; the whole overview is one click away.
            dispatcher.utter_message(text=review_text(answers, only=changed))
            dispatcher.utter_message(
                text=messages.REVIEW_AFTER_CHANGE, buttons=[CONFIRM, WHOLE_REVIEW] + open_buttons)
            return [SlotSet(CHANGED_SLOT, [])]
        dispatcher.utter_message(text=review_text(answers))
        dispatcher.utter_message(text=completeness_text(answers))
        dispatcher.utter_message(text=messages.REVIEW_OPTIONS, buttons=[CONFIRM] + open_buttons)
        return []


class ActionOfferReviewConfirmation(Action):
    """A typed "ja" that answers nothing while the review waits: asks whether it confirms it."""

    def name(self) -> Text:
        return CONFIRM_OFFER_ACTION

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        dispatcher.utter_message(text=messages.CONFIRM_REVIEW_QUESTION, buttons=[CONFIRM, WHOLE_REVIEW])
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
        asks_change = is_edit_request(text) and len(text.split()) <= MAX_EDIT_REQUEST_WORDS
        if tracker.active_loop.get("name") and requested in catalogue and not asks_change:
            # During the interview the guard reads it: an answer, a command or a correction in
            # own words, which is stored (so 'terug' reopens it) as if typed at the question.
            move = interview_turn(catalogue.get(requested), text, tracker.latest_message, answers,
                                  question_buttons)
            say(dispatcher, move)
            return [SlotSet(slot, value) for slot, value in {requested: None, **move.updates}.items()]
        correction = None if reference else find_correction(text, answers)
        if correction is not None and correction.value:
            corrected = self.correct(
                correction, answers, dispatcher, bool(tracker.active_loop.get("name")))
            if corrected is not None:
                return corrected
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
        changed = [] if tracker.active_loop.get("name") else keys  # a short review only from the review
        return events + [SlotSet(CONFIRMED_SLOT, False), SlotSet(CHANGED_SLOT, changed)]

    @staticmethod
    def correct(
        correction: Correction, answers: Dict[str, Any], dispatcher: CollectingDispatcher,
        interviewing: bool,
    ) -> Optional[List[Dict[Text, Any]]]:
        """Store a correction that gives the new answer; ``None`` if it does not check out."""
        step, checked = checked_correction(correction, answers)
        if not checked.ok:
            return None
        shown = escape_markdown(display_answer(step, checked.value))
        dispatcher.utter_message(text=f"U past aan: {step.part_label}: {shown}")
        return [SlotSet(step.key, checked.value), SlotSet(CONFIRMED_SLOT, False),
                SlotSet(CHANGED_SLOT, [] if interviewing else [step.key])]


class ActionConfirmInterview(Action):
    """Ends the interview once every step has an answer and hands the answers on."""

    def name(self) -> Text:
        return "action_confirm_interview"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        answers = tracker.slots
        if not is_complete(answers):
            dispatcher.utter_message(text=messages.NOT_FINISHED)
            return []
        dispatcher.utter_message(text=messages.CONFIRMED)
        interview_finished(tracker)
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
        # A new interview starts: the report counts the one reset as not finished.
        # A completed agreement's scope goes too: the new interview makes a whole agreement.
        return events + [SlotSet(SIGNATORIES_KEY, []), SlotSet(CONFIRMED_SLOT, False),
                         SlotSet(INTERVIEW_SLOT, None), SlotSet(COMPLETION_SLOT, None)]
