"""Send a question on to clarification when the choice of answer is weak or ambiguous.

Runs after the answer selector. Where the message is a question (intent ``faq``) but
``bot.answering.decide`` would not answer it outright, the intent becomes ``nlu_fallback``,
exactly as Rasa's FallbackClassifier does, and the dialogue offers the closest questions.
"""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.constants import DEFAULT_NLU_FALLBACK_INTENT_NAME
from rasa.shared.nlu.training_data.message import Message

from bot.answering import ANSWER, QUESTION_INTENT, decide_parse


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
        """Creates the component; it has no state."""
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        """Marks questions whose answer is not clear enough as ``nlu_fallback``."""
        for message in messages:
            if (message.get("intent") or {}).get("name") != QUESTION_INTENT:
                continue
            if decide_parse(message.data).kind != ANSWER:
                confidence = message.get("intent").get("confidence", 0.0)
                fallback = {"name": DEFAULT_NLU_FALLBACK_INTENT_NAME, "confidence": confidence}
                message.data["intent"] = fallback
                message.data.setdefault("intent_ranking", []).insert(0, dict(fallback))
        return messages
