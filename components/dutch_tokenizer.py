"""A tokenizer that reads Dutch with spaCy and records which spaCy pipeline it was trained on.

The pipeline is ``nl_core_news_sm`` where installed, else spaCy's built-in Dutch language data
(see ``bot.language``). A model trained on one is never served with the other: loading a model
whose recorded pipeline differs from the installed one fails with a clear message.
"""

from __future__ import annotations

import json
import logging
from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.tokenizers.tokenizer import Token, Tokenizer
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.language import PipelineChoice, available_pipeline, load_pipeline
from bot.user_text import clean_for_reading

logger = logging.getLogger(__name__)

RECORD_FILE = "spacy_pipeline.json"


class PipelineMismatch(Exception):
    """The model was trained on another spaCy pipeline than the one installed now."""


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER, is_trainable=True
)
class DutchTokenizer(Tokenizer):
    """Tokenizes with the available Dutch spaCy pipeline; tokens carry spaCy's lemmas."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        """Default config: the options Rasa's tokenizers require (``token_pattern`` and
        ``prefix_separator_symbol`` may be added) plus how much of a message is read."""
        return {"intent_tokenization_flag": False, "intent_split_symbol": "_", "max_chars": 2000}

    def __init__(
        self,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        choice: PipelineChoice,
    ) -> None:
        super().__init__(config)
        self._model_storage = model_storage
        self._resource = resource
        self._choice = choice
        self._max_chars = int(config["max_chars"])
        self._nlp = load_pipeline(choice)
        logger.info("Language: %s.", choice.describe())

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> DutchTokenizer:
        """Creates the tokenizer on the pipeline that is installed."""
        return cls(
            {**cls.get_default_config(), **config},
            model_storage,
            resource,
            available_pipeline(),
        )

    @classmethod
    def load(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> DutchTokenizer:
        """Loads the tokenizer, refusing a model trained on another pipeline."""
        trained_on = cls._read_record(model_storage, resource)
        installed = available_pipeline()
        if trained_on is not None and trained_on != installed.identity:
            raise PipelineMismatch(
                f"This model was trained with the spaCy pipeline '{trained_on}', but "
                f"'{installed.identity}' is installed. Retrain the model (make train)."
            )
        return cls.create(config, model_storage, resource, execution_context)

    @staticmethod
    def _read_record(model_storage: ModelStorage, resource: Resource) -> Optional[str]:
        try:
            with model_storage.read_from(resource) as directory:
                record = json.loads((directory / RECORD_FILE).read_text(encoding="utf-8"))
                return str(record["pipeline"])
        except (ValueError, FileNotFoundError, KeyError):
            return None

    def train(self, training_data: TrainingData) -> Resource:
        """Records which pipeline the model is trained on."""
        with self._model_storage.write_to(self._resource) as directory:
            record = {"pipeline": self._choice.identity}
            (directory / RECORD_FILE).write_text(json.dumps(record), encoding="utf-8")
        return self._resource

    def tokenize(self, message: Message, attribute: Text) -> List[Token]:
        """Tokens of the cleaned text; white space and control characters are never tokens."""
        text = clean_for_reading(message.get(attribute) or "", self._max_chars)
        tokens = [
            Token(token.text, token.idx, lemma=(token.lemma_ or token.text).lower())
            for token in self._nlp(text)
            if not token.is_space
        ]
        return self._apply_token_pattern(tokens)
