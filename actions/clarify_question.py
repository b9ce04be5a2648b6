"""Answer a question the curated answers do not settle: a passage of the sources, the closest
questions ("Bedoelt u ...?"), or honestly that the sources do not say; a follow-up is read with
the question before it."""

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction
from rasa_sdk.executor import CollectingDispatcher

from actions.feedback import answered, clarified, offer_contact, unanswered
from bot import messages
from bot.answering import (
    ANSWER, CLARIFY, FALLBACK_INTENT, NO_WORDS, NONE_OF_THESE_INTENT, NOT_IN_SOURCES, PASSAGE,
    QUESTION_INTENT,
    Decision, asks_follow_up, decide_follow_up, decide_from_passages, decide_parse, is_follow_up,
    names_its_subject,
)
from bot.interview.correction import find_correction
from bot.knowledge import load_knowledge
from bot.knowledge.passages import load_passages
from bot.knowledge.quotes import not_in_sources, passage_answer

QUESTION_KEY_ENTITY = "question_key"
CLARIFY_INTENT = "nlu_fallback"
NONE_OF_THESE_PAYLOAD = f"/{NONE_OF_THESE_INTENT}"
QUESTION_INTENTS = (QUESTION_INTENT, FALLBACK_INTENT)
# "Geen van deze" without a question before it: ask to put the question differently.
REPHRASE = "rephrase"


def question_payload(key: str) -> str:
    """The button payload that picks the question with this key."""
    return f'/{CLARIFY_INTENT}{{"{QUESTION_KEY_ENTITY}":"{key}"}}'


def question_buttons(decision: Decision) -> List[Dict[str, str]]:
    """A button per candidate question, then "Geen van deze"."""
    knowledge = load_knowledge()
    buttons = [
        {"title": knowledge.get(key).title, "payload": question_payload(key)}
        for key in decision.candidates
        if key in knowledge
    ]
    buttons.append({"title": messages.NONE_OF_THESE, "payload": NONE_OF_THESE_PAYLOAD})
    return buttons


class ActionClarifyQuestion(Action):
    """Answers a picked or clear question, offers "Bedoelt u ...?" buttons, or declines."""

    def name(self) -> Text:
        return "action_clarify_question"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        corrected = self._correction_at_the_review(dispatcher, tracker)
        if corrected is not None:
            return corrected
        knowledge = load_knowledge()
        picked = self._picked_key(tracker)
        if picked is not None:
            dispatcher.utter_message(response=knowledge.get(picked).response_name)
            return answered(dispatcher, tracker, picked, True, previous_question(tracker))
        decision = self.decision(tracker)
        say(dispatcher, decision)
        return self.noted(dispatcher, tracker, decision)

    @staticmethod
    def noted(
        dispatcher: CollectingDispatcher, tracker: Tracker, decision: Decision,
    ) -> List[Dict[Text, Any]]:
        """Note the outcome for the report; ask for feedback on an answer, or offer the way to a
        person when there is none after "Geen van deze" or twice in a row."""
        latest = tracker.latest_message or {}
        after_choice = (latest.get("intent") or {}).get("name") == NONE_OF_THESE_INTENT
        question = previous_question(tracker) if after_choice else str(latest.get("text") or "")
        if decision.kind == ANSWER:
            return answered(dispatcher, tracker, str(decision.key), after_choice, question)
        if decision.kind == PASSAGE:
            return answered(dispatcher, tracker, f"passage:{decision.passage}", after_choice, question)
        if decision.kind == CLARIFY:
            return clarified(tracker)
        if decision.kind == REPHRASE:
            offer_contact(dispatcher, after_failure=True)
            return []
        if decision.kind == NO_WORDS:
            return []
        return unanswered(dispatcher, tracker, question, after_choice)

    @staticmethod
    def decision(tracker: Tracker) -> Decision:
        """The decision for the latest message, read with the question before it where needed."""
        latest = tracker.latest_message or {}
        text = str(latest.get("text") or "")
        previous = previous_question(tracker)
        if (latest.get("intent") or {}).get("name") == NONE_OF_THESE_INTENT:
            return decide_from_passages(previous) if previous else Decision(REPHRASE)
        if previous and is_follow_up(text):
            return decide_follow_up(previous, text)
        return decide_parse(latest)

    @staticmethod
    def _correction_at_the_review(
        dispatcher: CollectingDispatcher, tracker: Tracker,
    ) -> Optional[List[Dict[Text, Any]]]:
        """'bij artikel 4b bedoelde ik: ...' after the interview, when the model took it for a
        question: the answer is changed, then the review shows the change."""
        from actions.interview_review import ActionEditClause  # the review imports this module

        if tracker.active_loop.get("name") or tracker.get_slot("same_authority") is None:
            return None
        correction = find_correction(tracker.latest_message.get("text") or "", tracker.slots)
        if correction is None or not correction.value:
            return None
        events = ActionEditClause.correct(correction, tracker.slots, dispatcher, interviewing=False)
        return None if events is None else events + [FollowupAction("action_show_review")]

    @staticmethod
    def _picked_key(tracker: Tracker) -> Optional[str]:
        """The question the user picked with a button, if it is a known one."""
        key = next(tracker.get_latest_entity_values(QUESTION_KEY_ENTITY), None)
        return key if key in load_knowledge() else None


def answer_follow_up(dispatcher: CollectingDispatcher, tracker: Tracker) -> Optional[List[Dict[Text, Any]]]:
    """A follow-up question the model took for help with the interview while no question is
    open ("mogen we daar nog wat bovenop afspreken?" after a question): answered with the
    passage that answers it, read with the question before it. ``None`` when the message is
    no such follow-up, or no passage answers it."""
    text = str((tracker.latest_message or {}).get("text") or "")
    previous = previous_question(tracker)
    if not (previous and asks_follow_up(text)):
        return None
    return answer_with_passage(dispatcher, tracker, decide_follow_up(previous, text))


def answer_named_subject(dispatcher: CollectingDispatcher, tracker: Tracker) -> Optional[List[Dict[Text, Any]]]:
    """A question the model took for help with the interview while no question is open, that
    names what it asks about ("hebben jullie een voorbeeld sok"): answered with the passage that
    answers it. ``None`` when the message names nothing, or no passage answers it."""
    parse = tracker.latest_message or {}
    if not names_its_subject(parse):
        return None
    return answer_with_passage(dispatcher, tracker, decide_parse(parse))


def answer_with_passage(
    dispatcher: CollectingDispatcher, tracker: Tracker, decision: Decision
) -> Optional[List[Dict[Text, Any]]]:
    """Quote the passage a decision names, and note it; ``None`` when it names none."""
    if decision.kind != PASSAGE:
        return None
    say(dispatcher, decision)
    return ActionClarifyQuestion.noted(dispatcher, tracker, decision)


class ActionNoOpenQuestion(Action):
    """An interview command ("weet ik nog niet") while no question is open: says so, unless
    the message is a question that a passage answers (a follow-up, or one that names what it
    asks about)."""

    def name(self) -> Text:
        return "action_no_open_question"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        events = answer_follow_up(dispatcher, tracker)
        if events is None:
            events = answer_named_subject(dispatcher, tracker)
        if events is None:
            dispatcher.utter_message(response="utter_no_open_question")
        return events or []


def say(dispatcher: CollectingDispatcher, decision: Decision) -> None:
    """Send the reply a decision calls for."""
    knowledge, passages = load_knowledge(), load_passages()
    if decision.kind == ANSWER and decision.key in knowledge:
        dispatcher.utter_message(response=knowledge.get(decision.key).response_name)
    elif decision.kind == PASSAGE and decision.passage is not None:
        dispatcher.utter_message(text=passage_answer(passages[decision.passage]))
    elif decision.kind == CLARIFY:
        dispatcher.utter_message(text=messages.DID_YOU_MEAN, buttons=question_buttons(decision))
    elif decision.kind == NO_WORDS:
        dispatcher.utter_message(text=messages.NO_WORDS)
    elif decision.kind == REPHRASE:
        dispatcher.utter_message(response="utter_default")
    elif decision.kind == NOT_IN_SOURCES:
        nearest = passages[decision.passage] if decision.passage is not None else None
        dispatcher.utter_message(text=not_in_sources(nearest))
    else:
        dispatcher.utter_message(response="utter_out_of_scope")


def previous_question(tracker: Tracker) -> Optional[str]:
    """The text of the user's question before the latest message, if there was one."""
    users = [event for event in tracker.events if event.get("event") == "user"]
    for event in reversed(users[:-1]):
        text = str(event.get("text") or "")
        intent = ((event.get("parse_data") or {}).get("intent") or {}).get("name")
        if intent in QUESTION_INTENTS and text and not text.startswith("/"):
            return text
    return None
