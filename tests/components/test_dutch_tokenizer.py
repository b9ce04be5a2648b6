"""The Dutch tokenizer: lemmas, hostile text, and the record of its spaCy pipeline."""

import json
import logging

import pytest
from rasa.engine.graph import ExecutionContext
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.language import PREFERRED_PACKAGE, available_pipeline
from components.dutch_tokenizer import RECORD_FILE, DutchTokenizer, PipelineMismatch

RESOURCE = Resource("dutch_tokenizer")


@pytest.fixture
def storage(tmp_path):
    return LocalModelStorage(tmp_path)


@pytest.fixture
def context():
    return ExecutionContext(graph_schema=None, model_id="test")


@pytest.fixture
def tokenizer(storage, context):
    return DutchTokenizer.create({}, storage, RESOURCE, context)


def _words(tokenizer, text):
    return [token.text for token in tokenizer.tokenize(Message(data={"text": text}), "text")]


def test_tokens_carry_dutch_lemmas(tokenizer):
    tokens = tokenizer.tokenize(Message(data={"text": "De docenten sloten overeenkomsten"}), "text")
    lemmas = {token.text: token.lemma for token in tokens}
    assert lemmas["docenten"] == "docent"
    assert lemmas["overeenkomsten"] == "overeenkomst"


def test_control_and_direction_characters_are_not_read(tokenizer):
    assert _words(tokenizer, "moet\u0000 de\u202e MR\u0007 instemmen") == ["moet", "de", "MR", "instemmen"]


def test_a_very_long_message_is_read_up_to_the_limit(tokenizer):
    tokens = tokenizer.tokenize(Message(data={"text": "woord " * 10_000}), "text")
    assert 0 < len(tokens) <= 2000 // len("woord ") + 1


def test_empty_and_emoji_messages_do_not_fail(tokenizer):
    assert _words(tokenizer, "") == []
    assert _words(tokenizer, "   ") == []
    assert _words(tokenizer, "😀") == ["😀"]


def test_training_records_the_pipeline_and_loading_accepts_it(storage, context, tokenizer):
    tokenizer.train(TrainingData([Message(data={"text": "hallo"})]))
    with storage.read_from(RESOURCE) as directory:
        record = json.loads((directory / RECORD_FILE).read_text())
    assert record == {"pipeline": available_pipeline().identity}
    loaded = DutchTokenizer.load({}, storage, RESOURCE, context)
    assert _words(loaded, "hallo daar") == ["hallo", "daar"]
    with storage.write_to(RESOURCE) as directory:
        (directory / RECORD_FILE).unlink()
    assert loaded.train(TrainingData([Message(data={"text": "hallo"})])) == RESOURCE
    with storage.read_from(RESOURCE) as directory:
        assert json.loads((directory / RECORD_FILE).read_text()) == record


def test_a_model_trained_on_another_pipeline_is_refused(storage, context):
    with storage.write_to(RESOURCE) as directory:
        (directory / RECORD_FILE).write_text(json.dumps({"pipeline": "some-other-pipeline"}))
    with pytest.raises(PipelineMismatch, match="make train"):
        DutchTokenizer.load({}, storage, RESOURCE, context)


@pytest.mark.skipif(
    not available_pipeline().preferred,
    reason=f"{PREFERRED_PACKAGE} 3.4.0 is not installed (its download is not reachable here)",
)
def test_the_trained_dutch_pipeline_is_used_where_installed(tokenizer):
    tokens = tokenizer.tokenize(Message(data={"text": "De scholen werkten samen"}), "text")
    assert [token.lemma for token in tokens][:2] == ["de", "school"]


def test_the_reading_limit_is_configurable_and_the_language_is_logged(storage, context, caplog):
    with caplog.at_level(logging.INFO, logger="components.dutch_tokenizer"):
        short = DutchTokenizer.create({"max_chars": 11}, storage, RESOURCE, context)
    assert _words(short, "moet de mr instemmen") == ["moet", "de", "mr"]
    assert caplog.messages == [f"Language: {available_pipeline().describe()}."]
    assert DutchTokenizer.get_default_config()["max_chars"] == 2000
    default = DutchTokenizer.create({}, storage, RESOURCE, context)
    tokens = default.tokenize(Message(data={"text": "ab " * 700}), "text")
    assert len(tokens) == 667  # 2000 characters: 666 whole "ab " and one "ab"


def test_intent_names_are_one_token_unless_splitting_is_asked_for(storage, context, tokenizer):
    def intent_tokens(component):
        message = Message(data={"text": "leg dit uit", "intent": "explain_clause"})
        component.process_training_data(TrainingData([message]))
        return [token.text for token in message.get("intent_tokens")]

    assert intent_tokens(tokenizer) == ["explain_clause"]
    splitting = DutchTokenizer.create({"intent_tokenization_flag": True}, storage, RESOURCE, context)
    assert intent_tokens(splitting) == ["explain", "clause"]
