"""Search the sources' passages for every message, and send a question on to the answering
action when the curated answer does not fit it.

Runs after the answer selector. It adds what the passage search found to the parse result
(``passages``). Where the message is a question (intent ``faq``) but ``bot.answering.decide``
would not give the curated answer outright (the choice is weak or ambiguous, a passage of the
sources answers it instead, or the sources do not answer it), or where it is a follow-up that
needs the question before it (also one the model read as out of scope), or a question the model
read as a change to an answer ("wie tekent de sok?"), as a request to draft the agreement
("wie moet de sok opstellen?", "hoe maak ik een sok met twee roc's?") or to go on with it ("en
verder nog tips?"), the intent becomes
``nlu_fallback``, exactly as Rasa's FallbackClassifier does, and the answering action decides.
"""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.constants import DEFAULT_NLU_FALLBACK_INTENT_NAME
from rasa.shared.nlu.training_data.message import Message

from bot.answering import (
    ANSWER, OUT_OF_SCOPE_INTENT, PASSAGES_KEY, QUESTION_INTENT, REDIRECTED_INTENTS, asks_beyond_drafting,
    asks_beyond_resuming, asks_follow_up, decide_parse, is_follow_up, is_redirected, search_passages,
    search_to_parse,
)
from bot.interview.editing import is_edit_request
from bot.interview.flow import asks_who_when_or_why, looks_like_question
from bot.knowledge.search import load_search

# The model's intent for "wijzig artikel 5"; "wie tekent de sok?" can read like it.
EDIT_INTENT = "edit_clause"
# The model's intent for "sok opstellen"; "wie moet de sok opstellen?" can read like it.
START_INTENT = "start_interview"
# The model's intent for "verder"; "en verder nog tips?" after a question can read like it.
RESUME_INTENT = "resume_interview"


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False
)
class QuestionConfidence(GraphComponent):
    """Turns an unclear question into ``nlu_fallback``; leaves every other message alone."""

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> QuestionConfidence:
        """Creates the component and loads the passage search (so the first message is quick)."""
        load_search()
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        """Adds the passages found; marks questions the curated answer does not fit, and
        follow-ups, as ``nlu_fallback``."""
        for message in messages:
            text = str(message.get("text") or "")
            message.set(PASSAGES_KEY, search_to_parse(search_passages(text)), add_to_output=True)
            intent = (message.get("intent") or {}).get("name")
            if intent in REDIRECTED_INTENTS:
                # A short question that leans on the one before ("hoeven we het dan nergens te
                # melden?") reads as out of scope on its own; the answering action reads it
                # with that question.
                unsure = is_redirected(message.data) or (
                    intent == OUT_OF_SCOPE_INTENT and asks_follow_up(text))
            elif intent == QUESTION_INTENT:
                unsure = is_follow_up(text) or decide_parse(message.data).kind != ANSWER
            elif intent == EDIT_INTENT:
                # A question that asks for no change is a question, not a change to an answer.
                unsure = looks_like_question(text) and not is_edit_request(text)
            elif intent == START_INTENT:
                # Who, when or why asks about the agreement, not to start drafting it; so does
                # a question that says more, which the sources answer.
                unsure = asks_who_when_or_why(text) or asks_beyond_drafting(message.data)
            elif intent == RESUME_INTENT:
                # A follow-up about something else asks a question, not to go on.
                unsure = asks_beyond_resuming(message.data)
            else:
                continue
            if unsure:
                confidence = message.get("intent").get("confidence", 0.0)
                fallback = {"name": DEFAULT_NLU_FALLBACK_INTENT_NAME, "confidence": confidence}
                message.data["intent"] = fallback
                message.data.setdefault("intent_ranking", []).insert(0, dict(fallback))
        return messages
