"""Handing over the draft document: made on confirmation, sent again on request."""

from datetime import date
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.feedback import CONFIRMED_SLOT, draft_made
from bot import messages
from bot.draft.service import fingerprint, links_for, store_draft, summary_text
from bot.draft.store import DraftStore
from bot.settings import Settings

DRAFT_SLOT = "draft"


def deliver_draft(dispatcher: CollectingDispatcher, tracker: Tracker) -> List[Dict[Text, Any]]:
    """Send the links to the draft of the current answers, making it if it is not stored yet."""
    settings = Settings.from_environment()
    store = DraftStore(
        settings.drafts_dir, settings.draft_retention_days, settings.drafts_per_conversation
    )
    store.delete_older_than(settings.draft_retention_days)
    answers = tracker.slots
    current = fingerprint(answers)
    stored = tracker.get_slot(DRAFT_SLOT) or {}
    events: List[Dict[Text, Any]] = []
    token = stored.get("token") if isinstance(stored, dict) else None
    if not token or stored.get("answers") != current or not store.exists(token):
        token = store_draft(answers, tracker.sender_id, store, date.today())
        events.append(SlotSet(DRAFT_SLOT, {"token": token, "answers": current}))
        draft_made()
    links = links_for(token, settings.bot_url)
    dispatcher.utter_message(text=summary_text(answers), json_message=links.payload())
    return events


class ActionSendDraft(Action):
    """Sends the draft again, or says what is needed before there is one."""

    def name(self) -> Text:
        return "action_send_draft"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        if not tracker.get_slot(CONFIRMED_SLOT):
            dispatcher.utter_message(
                text=messages.NO_DRAFT_YET,
                buttons=[
                    {"title": "Verder met invullen", "payload": "/resume_interview"},
                    {"title": "Bevestigen", "payload": "/confirm_review"},
                ],
            )
            return []
        return deliver_draft(dispatcher, tracker)
