"""Recognise the pasted text of an agreement, so the assistant checks it instead of answering it.

Runs last among the classifiers. A long message with several article headings is not a question
whatever the classifiers made of its first words: its intent becomes ``check_agreement``, and the
action checks the whole text (``bot.agreement.service.looks_like_agreement`` decides).
"""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.training_data.message import Message

from bot.agreement.service import CHECK_INTENT, looks_like_agreement


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False
)
class PastedAgreement(GraphComponent):
    """Marks a pasted agreement as ``check_agreement``; leaves every other message alone."""

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> PastedAgreement:
        """Creates the component (it holds nothing)."""
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        """Sets the intent of every message that is the text of an agreement."""
        for message in messages:
            if not looks_like_agreement(str(message.get("text") or "")):
                continue
            intent = {"name": CHECK_INTENT, "confidence": 1.0}
            message.data["intent"] = intent
            ranking = [entry for entry in message.data.get("intent_ranking") or []
                       if entry.get("name") != CHECK_INTENT]
            message.data["intent_ranking"] = [dict(intent)] + ranking
        return messages
