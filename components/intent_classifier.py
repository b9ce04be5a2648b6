"""Classify the intent of a message with a linear model over the message's features.

Rasa's LogisticRegressionClassifier reads raw counts with fixed regularisation; on this data it
read some interview answers ("Bedrijven uit de regio ... bieden stages.") as the command to
explain the clause. Scaled features and weaker regularisation (``components.linear_model``)
classify better in cross-validation and keep such answers apart from the commands.

A retrieval intent such as ``faq`` gathers some forty unrelated topics; one linear boundary
around all of them is a poor fit ("wat is de teambevoegdheid 7?" came out as out of scope).
The model therefore learns each answer (``faq/<key>``) as a class of its own, and the intent's
confidence is the sum over its answers.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Dict, List, Text, Tuple

import numpy as np
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from components import linear_model


@lru_cache(maxsize=4)
def _intents_and_columns(classes: Tuple[str, ...]) -> Tuple[List[str], np.ndarray]:
    """The intents (``faq`` for ``faq/<key>``) and, for each class, its intent's index."""
    intents = sorted({label.split("/")[0] for label in classes})
    index = {intent: number for number, intent in enumerate(intents)}
    return intents, np.array([index[label.split("/")[0]] for label in classes])


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class LinearIntentClassifier(linear_model.LinearModelComponent):
    """Sets ``intent`` and ``intent_ranking`` like Rasa's intent classifiers."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        """``C``: inverse strength of the regularisation (100 scored best in 5-fold
        cross-validation on the training examples); ``ranking_length``: intents listed."""
        return {"C": 100.0, "ranking_length": 10, "max_iter": 3000}

    def train(self, training_data: TrainingData) -> Resource:
        """Fit the model on every example that has an intent, answers of a retrieval intent
        each as a class of their own."""
        examples = training_data.intent_examples  # NLU examples: each has an intent and text
        labels = [str(e.get_full_intent()) for e in examples]
        if len(set(labels)) < 2:
            return self._resource
        return self._keep(linear_model.fit(examples, labels, self.config["C"], self.config["max_iter"]))

    def process(self, messages: List[Message]) -> List[Message]:
        """Add the most likely intent and the ranking of the intents."""
        if not self._model or not messages:
            return messages
        intents, columns = _intents_and_columns(tuple(self._model["classes"]))
        for message, row in zip(messages, linear_model.probabilities(self._model, messages)):
            per_intent = np.bincount(columns, weights=row)  # every intent has a class
            order = np.argsort(-per_intent)[: self.config["ranking_length"]]
            ranking = [{"name": intents[i], "confidence": float(per_intent[i])} for i in order]
            message.set("intent", dict(ranking[0]), add_to_output=True)
            message.set("intent_ranking", ranking, add_to_output=True)
        return messages
