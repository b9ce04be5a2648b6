"""Checking an existing agreement in the chat: how to upload it, or the check of pasted text."""

import asyncio
from datetime import date
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.agreement import messages
from bot.agreement.check import check_pasted_text
from bot.agreement.completion import completion_store_for, offer_buttons, store_prefill
from bot.agreement.reading import Limits, Unreadable, megabytes
from bot.agreement.service import chat_text, looks_like_agreement, report_links, store_report
from bot.draft.store import DraftStore
from bot.settings import Settings


class ActionCheckAgreement(Action):
    """Checks a pasted agreement and sends the result with its report; else says how to upload."""

    def name(self) -> Text:
        return "action_check_agreement"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        settings = Settings.from_environment()
        limits = Limits(settings.agreement_max_bytes, settings.agreement_max_pages)
        text = tracker.latest_message.get("text") or ""
        if not looks_like_agreement(text):
            dispatcher.utter_message(
                text=messages.CHECK_HOW.format(limit=megabytes(limits.max_bytes)))
            return []
        try:
            # Checking takes up to a second: off the event loop, so other conversations go on.
            result = await asyncio.get_running_loop().run_in_executor(
                None, check_pasted_text, text, limits)
        except Unreadable as refused:
            dispatcher.utter_message(text=refused.message)
            return []
        store = DraftStore(settings.reports_dir, settings.draft_retention_days,
                           settings.drafts_per_conversation)
        token = store_report(result, tracker.sender_id, store, date.today())
        links = report_links(token, settings.bot_url)
        dispatcher.utter_message(text=chat_text(result), json_message=links.payload())
        answers = completion_store_for(settings)
        completion = store_prefill(result, tracker.sender_id, answers)
        if completion is not None:
            dispatcher.utter_message(text=messages.OFFER_COMPLETION, buttons=offer_buttons(completion))
        return []
