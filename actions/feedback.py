"""Feedback under answers, the report's data, and the way to a person.

After an answer the user is asked "Was dit antwoord nuttig?" (never during an interview
question). What the report needs is stored in ``bot.feedback.store``, without the conversation:
this module keeps, in the conversation's own slots, whether it was counted, its interview's
token, how many questions in a row got no answer, and the answer that may get feedback.
"""

import functools
from pathlib import Path
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from bot import messages
from bot.feedback import store as kinds
from bot.feedback.contact import contact_text
from bot.feedback.store import ReportStore
from bot.interview.flow import asks_something, is_complete
from bot.interview.guard import is_denial
from bot.settings import Settings

COUNTED_SLOT = "report_counted"
CONFIRMED_SLOT = "interview_confirmed"
INTERVIEW_SLOT = "report_interview"
UNANSWERED_SLOT = "unanswered_in_a_row"
LAST_ANSWER_SLOT = "last_answer"
REMARK_SLOT = "feedback_remark"
# After this many questions in a row without an answer, the way to a person is offered.
UNANSWERED_BEFORE_CONTACT = 2
HELPFUL_INTENT = "answer_helpful"
NO_REMARK_INTENT = "no_remark"
AFFIRM_INTENT, DENY_INTENT = "affirm", "deny"
# Typed requests that are handled as usual where a remark is asked, not stored as one.
REQUEST_INTENTS = frozenset({
    "start_interview", "check_agreement", "ask_contact", "restart_interview",
    "resume_interview", "show_review", "request_draft",
})
# What a typed "ja" or "nee" gets when it answers nothing.
ANYTHING_ELSE_RESPONSE = "utter_anything_else"
# A typed "ja" that answers nothing while the review waits gets this action's question.
CONFIRM_OFFER_ACTION = "action_offer_review_confirmation"
# A question asked instead of a remark is answered by this action.
QUESTION_ACTION = "action_clarify_question"
FAQ_PREFIX = "faq/"


def report_store() -> ReportStore:
    return _report_store_at(Settings.from_environment().report_db)


@functools.lru_cache(maxsize=8)
def _report_store_at(path: Path) -> ReportStore:
    """One store, and so one open connection, per file."""
    return ReportStore(path)


def counted(tracker: Tracker) -> List[Dict[Text, Any]]:
    """Count the conversation in the report once; the events that remember it was counted."""
    if tracker.get_slot(COUNTED_SLOT):
        return []
    report_store().record(kinds.CONVERSATION)
    return [SlotSet(COUNTED_SLOT, True)]


def offer_contact(dispatcher: CollectingDispatcher, after_failure: bool) -> None:
    """Send the contact route, and count that it was offered."""
    dispatcher.utter_message(text=contact_text(Settings.from_environment(), after_failure))
    report_store().record(kinds.CONTACT_OFFERED)


def in_interview(tracker: Tracker) -> bool:
    return bool((tracker.active_loop or {}).get("name"))


def answered(
    dispatcher: CollectingDispatcher, tracker: Tracker, answer: str, after_choice: bool,
    question: Optional[str],
) -> List[Dict[Text, Any]]:
    """Note an answer given, and ask whether it helped (not during an interview question)."""
    report_store().record(kinds.ANSWERED_AFTER_CHOICE if after_choice else kinds.ANSWERED,
                          answer=answer)
    events = counted(tracker) + [SlotSet(UNANSWERED_SLOT, 0)]
    if not in_interview(tracker):
        dispatcher.utter_message(text=messages.FEEDBACK_QUESTION, buttons=messages.FEEDBACK_BUTTONS)
        events.append(SlotSet(LAST_ANSWER_SLOT, {"key": answer, "question": question}))
    return events


def unanswered(
    dispatcher: CollectingDispatcher, tracker: Tracker, question: Optional[str],
    after_choice: bool,
) -> List[Dict[Text, Any]]:
    """Note a question without an answer; offer the way to a person after "Geen van deze" or
    the second question in a row without one."""
    report_store().record(
        kinds.UNANSWERED_AFTER_CHOICE if after_choice else kinds.UNANSWERED, question=question)
    in_a_row = int(tracker.get_slot(UNANSWERED_SLOT) or 0) + 1
    if after_choice or in_a_row >= UNANSWERED_BEFORE_CONTACT:
        offer_contact(dispatcher, after_failure=True)
        in_a_row = 0
    return counted(tracker) + [SlotSet(UNANSWERED_SLOT, in_a_row), SlotSet(LAST_ANSWER_SLOT, None)]


def clarified(tracker: Tracker) -> List[Dict[Text, Any]]:
    """Note that "Bedoelt u ...?" was offered for a question."""
    report_store().record(kinds.CLARIFIED)
    return counted(tracker)


class ActionAfterAnswer(Action):
    """Follows a curated answer (``utter_faq``) or an out-of-scope reply: notes it for the
    report, and asks for feedback or counts the question without an answer."""

    def name(self) -> Text:
        return "action_after_answer"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        latest = tracker.latest_message or {}
        text = str(latest.get("text") or "")
        selector = ((latest.get("response_selector") or {}).get("faq") or {}).get("response") or {}
        key = str(selector.get("intent_response_key") or "")
        if (latest.get("intent") or {}).get("name") == "faq" and key.startswith(FAQ_PREFIX):
            return answered(dispatcher, tracker, key[len(FAQ_PREFIX):], False, text)
        return unanswered(dispatcher, tracker, text, after_choice=False)


class ActionRecordFeedback(Action):
    """Stores a "Ja" or "Nee" on the latest answer, clicked or typed right after "Was dit
    antwoord nuttig?"; after "Nee" the way to a person is offered (and after the button, the
    rules ask for a remark)."""

    def name(self) -> Text:
        return "action_record_feedback"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        typed = intent in (AFFIRM_INTENT, DENY_INTENT)
        last = tracker.get_slot(LAST_ANSWER_SLOT)
        if typed and not just_asked_for_feedback(tracker):
            if intent == AFFIRM_INTENT and review_waits(tracker):
                return [FollowupAction(CONFIRM_OFFER_ACTION)]
            dispatcher.utter_message(response=ANYTHING_ELSE_RESPONSE)
            return []
        if not isinstance(last, dict) or not last.get("key"):
            if typed:
                dispatcher.utter_message(response=ANYTHING_ELSE_RESPONSE)
            else:
                dispatcher.utter_message(text=messages.FEEDBACK_NOTHING_TO_RATE)
            return []
        if intent in (HELPFUL_INTENT, AFFIRM_INTENT):
            report_store().record(kinds.HELPFUL, answer=last["key"])
            dispatcher.utter_message(text=messages.FEEDBACK_THANKS)
            return [SlotSet(LAST_ANSWER_SLOT, None)]
        report_store().record(kinds.NOT_HELPFUL, answer=last["key"], question=last.get("question"))
        dispatcher.utter_message(text=messages.FEEDBACK_SORRY)
        offer_contact(dispatcher, after_failure=True)
        if typed:
            return [SlotSet(LAST_ANSWER_SLOT, None)]
        # The question stays, so that a remark can be added to this "Nee" (the rule asks for it).
        return [SlotSet(LAST_ANSWER_SLOT, {"key": None, "question": last.get("question")})]


def review_waits(tracker: Tracker) -> bool:
    """Whether every answer of the interview is given and the review is not confirmed yet."""
    return (not in_interview(tracker) and is_complete(tracker.slots)
            and not tracker.get_slot(CONFIRMED_SLOT))


def just_asked_for_feedback(tracker: Tracker) -> bool:
    """Whether the assistant's last message before the user's latest was "Was dit antwoord
    nuttig?", so that a typed "ja" or "nee" answers it."""
    seen_user = False
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            if seen_user:
                return False
            seen_user = True
        elif event.get("event") == "bot" and seen_user:
            return event.get("text") == messages.FEEDBACK_QUESTION
    return False


class ValidateFeedbackRemarkForm(FormValidationAction):
    """Takes the message after "Wat miste u?" as the remark, unless it is a question: then the
    remark is left out and the question is answered (see ``ActionRecordRemark``). A plain
    "nee" means no remark."""

    def name(self) -> Text:
        return "validate_feedback_remark_form"

    async def extract_feedback_remark(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict,
    ) -> Dict[Text, Any]:
        """Takes what the user typed where a remark is asked, whatever it reads like ("het
        antwoord was te lang" reads like a "Nee"); a click or a request is left to the rules."""
        if tracker.get_slot("requested_slot") != REMARK_SLOT:
            return {}
        latest = tracker.latest_message or {}
        text = str(latest.get("text") or "")
        intent = (latest.get("intent") or {}).get("name")
        if not text.strip() or text.startswith("/") or intent in REQUEST_INTENTS | {NO_REMARK_INTENT}:
            return {}
        return {REMARK_SLOT: text}

    async def validate_feedback_remark(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict,
    ) -> Dict[Text, Any]:
        if value and is_denial(str(value)):
            return {REMARK_SLOT: ""}
        if value and not is_remark(str(value)):
            # Setting the requested slot to None ends the form without a remark.
            return {REMARK_SLOT: None, "requested_slot": None}
        return {REMARK_SLOT: value}


class ActionRecordRemark(Action):
    """Adds the optional remark given after a "nee" to it, and thanks the user; a question
    asked instead of a remark is answered."""

    def name(self) -> Text:
        return "action_record_remark"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        remark = str(tracker.get_slot(REMARK_SLOT) or "").strip()
        last = tracker.get_slot(LAST_ANSWER_SLOT)
        question = last.get("question") if isinstance(last, dict) else None
        events: List[Dict[Text, Any]] = [SlotSet(REMARK_SLOT, None), SlotSet(LAST_ANSWER_SLOT, None)]
        if remark:
            report_store().add_remark(remark, question)
            dispatcher.utter_message(text=messages.REMARK_THANKS)
        elif question_instead(tracker):
            events.append(FollowupAction(QUESTION_ACTION))
        return events


def question_instead(tracker: Tracker) -> bool:
    """Whether the user asked something (or clicked a question) where a remark was asked."""
    latest = tracker.latest_message or {}
    text = str(latest.get("text") or "")
    chose_no_remark = (latest.get("intent") or {}).get("name") == NO_REMARK_INTENT
    return bool(text.strip()) and not chose_no_remark and not is_remark(text)


def is_remark(text: str) -> bool:
    """Whether a message given where a remark is asked is one: a question is not."""
    return bool(text.strip()) and not text.startswith("/") and not asks_something(text)


class ActionOfferContact(Action):
    """Gives the way to a person when the user asks for one."""

    def name(self) -> Text:
        return "action_offer_contact"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        offer_contact(dispatcher, after_failure=False)
        return counted(tracker)


def interview_step_reached(tracker: Tracker, step: str) -> List[Dict[Text, Any]]:
    """Note the question an interview has reached, starting the interview's record if needed."""
    store = report_store()
    token = tracker.get_slot(INTERVIEW_SLOT)
    events = []
    if not token:
        token = store.start_interview()
        events = counted(tracker) + [SlotSet(INTERVIEW_SLOT, token)]
    store.reach_step(str(token), step)
    return events


def interview_finished(tracker: Tracker) -> None:
    """Note that the interview's review was confirmed."""
    token = tracker.get_slot(INTERVIEW_SLOT)
    if token:
        report_store().finish_interview(str(token))


def draft_made() -> None:
    report_store().record(kinds.DRAFT)
