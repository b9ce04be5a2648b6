"""Completing a checked agreement: the offer's answer, the choice of document, the start.

The answers come from the completion store (``bot.agreement.completion``); what they become in
the interview is decided in ``bot.interview.completion``. This action only carries it out.
"""

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.clarify_question import question_buttons
from actions.draft_delivery import CONFIRMED_SLOT
from actions.interview_form import say
from bot.agreement import messages
from bot.agreement.completion import (
    ADDENDUM, DECLINE_INTENT, MODE_ENTITY, MODES, TOKEN_ENTITY, completion_store_for, load_prefill,
    mode_buttons, mode_in,
)
from bot.interview.catalogue import load_catalogue
from bot.interview.completion import start_completion
from bot.interview.turn import interview_turn
from bot.settings import Settings

FORM = "interview_form"
# At an open question, a typed message longer than this is an answer, not a request to complete.
MAX_REQUEST_WORDS = 8


def _entity(tracker: Tracker, name: str) -> Optional[str]:
    value = next(tracker.get_latest_entity_values(name), None)
    return str(value) if value else None


class ActionCompleteAgreement(Action):
    """Asks which document to make, then starts the interview with the document's answers."""

    def name(self) -> Text:
        return "action_complete_agreement"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        message = tracker.latest_message or {}
        text = message.get("text") or ""
        requested = tracker.get_slot("requested_slot")
        if (tracker.active_loop or {}).get("name") and requested in load_catalogue() \
                and not text.startswith("/") and len(text.split()) > MAX_REQUEST_WORDS:
            # Read as a request to complete, but it answers the open question: the guard reads it.
            move = interview_turn(load_catalogue().get(requested), text, message, tracker.slots,
                                  question_buttons)
            say(dispatcher, move)
            return [SlotSet(slot, value) for slot, value in {requested: None, **move.updates}.items()]
        settings = Settings.from_environment()
        store = completion_store_for(settings)
        if (message.get("intent") or {}).get("name") == DECLINE_INTENT:
            # Not going on: the answers taken from the document are not kept.
            store.delete_conversation(tracker.sender_id)
            dispatcher.utter_message(text=messages.COMPLETE_DECLINED)
            return []
        token = _entity(tracker, TOKEN_ENTITY)
        prefill = load_prefill(store, tracker.sender_id, token)
        if prefill is None:
            dispatcher.utter_message(text=messages.COMPLETE_NOTHING)
            return []
        if not prefill.topics:
            dispatcher.utter_message(text=messages.COMPLETE_ALL_COVERED)
            return []
        mode = _entity(tracker, MODE_ENTITY) or mode_in(text)
        if mode not in MODES:
            dispatcher.utter_message(text=messages.COMPLETE_HOW, buttons=mode_buttons(token))
            return []
        updates = start_completion(mode, prefill.answers, prefill.unclear, prefill.topics,
                                   prefill.reference)
        start = messages.COMPLETE_START_ADDENDUM if mode == ADDENDUM else messages.COMPLETE_START_DRAFT
        dispatcher.utter_message(text=start.format(topics=", ".join(prefill.topics)))
        events = [SlotSet(slot, value) for slot, value in updates.items()]
        events.append(SlotSet(CONFIRMED_SLOT, False))
        if not (tracker.active_loop or {}).get("name"):
            # In the middle of an interview, the rule runs the form again; otherwise start it.
            events.append(FollowupAction(FORM))
        return events
