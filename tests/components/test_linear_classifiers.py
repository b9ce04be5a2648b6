"""The linear classifiers: trained on real features, saved, loaded, and read by bot.answering."""

import pytest
from rasa.engine.graph import ExecutionContext
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.nlu.featurizers.sparse_featurizer.count_vectors_featurizer import CountVectorsFeaturizer
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.answering import answer_ranking
from components.answer_selector import LinearAnswerSelector
from components.dutch_tokenizer import DutchTokenizer
from components.intent_classifier import LinearIntentClassifier

EXAMPLES = {
    "faq/medezeggenschap": ["moet de mr instemmen", "heeft de medezeggenschapsraad instemmingsrecht",
                            "welke rol heeft de mr bij de overeenkomst", "instemming van de mr nodig"],
    "faq/bekostiging": ["hoe gaat de bekostiging", "krijgt het mbo geld voor de leerlingen",
                        "wie ontvangt de bekostiging", "overdracht van middelen tussen scholen"],
    "faq/examens": ["wie neemt de examens af", "hoe gaat het vmbo examen",
                    "wie is verantwoordelijk voor het examen", "examinering in de route"],
}
RESPONSES = {f"utter_{key}": [{"text": f"Antwoord over {key[4:]}."}] for key in EXAMPLES}


@pytest.fixture
def context():
    return ExecutionContext(graph_schema=None, model_id="test")


@pytest.fixture
def storage(tmp_path):
    return LocalModelStorage(tmp_path)


def _featurizers(storage, context):
    tokenizer = DutchTokenizer.create({}, storage, Resource("tokenizer"), context)
    words = CountVectorsFeaturizer.create(
        {**CountVectorsFeaturizer.get_default_config()}, storage, Resource("words"), context)
    chars = CountVectorsFeaturizer.create(
        {**CountVectorsFeaturizer.get_default_config(), "analyzer": "char_wb", "min_ngram": 2,
         "max_ngram": 4}, storage, Resource("chars"), context)
    return tokenizer, words, chars


def _training_data():
    messages = [
        Message(data={"text": text, "intent": "faq", "intent_response_key": key})
        for key, texts in EXAMPLES.items() for text in texts
    ]
    messages += [Message(data={"text": text, "intent": "greet"})
                 for text in ("goedemorgen", "hallo", "goedendag", "hoi daar")]
    return TrainingData(messages, responses=RESPONSES)


def _featurize(parts, messages):
    tokenizer, words, chars = parts
    tokenizer.process(messages)
    words.process(messages)
    chars.process(messages)
    return messages


@pytest.fixture
def trained(storage, context):
    parts = _featurizers(storage, context)
    data = _training_data()
    parts[0].process_training_data(data)
    for featurizer in parts[1:]:
        featurizer.train(data)
        featurizer.process_training_data(data)
    resource = Resource("answers")
    selector = LinearAnswerSelector.create({}, storage, resource, context)
    selector.train(data)
    LinearIntentClassifier.create({}, storage, Resource("intents"), context).train(data)
    return parts, resource


def test_a_question_gets_its_answer_in_the_response_selector_format(trained, storage, context):
    parts, resource = trained
    selector = LinearAnswerSelector.load({}, storage, resource, context)
    [message] = selector.process(_featurize(parts, [Message(data={"text": "moet de mr daar mee instemmen?"})]))

    output = message.get("response_selector")
    assert output["all_retrieval_intents"] == ["faq"]
    response = output["faq"]["response"]
    assert response["intent_response_key"] == "faq/medezeggenschap"
    assert response["utter_action"] == "utter_faq/medezeggenschap"
    assert response["responses"] == RESPONSES["utter_faq/medezeggenschap"]
    ranking = answer_ranking(message.data)
    assert [key for key, _ in ranking][0] == "medezeggenschap"
    assert sorted(key for key, _ in ranking) == ["bekostiging", "examens", "medezeggenschap"]
    assert abs(sum(confidence for _, confidence in ranking) - 1.0) < 1e-6
    assert ranking[0][1] > ranking[1][1]


def test_each_topic_ranks_first_for_its_own_words(trained, storage, context):
    parts, resource = trained
    selector = LinearAnswerSelector.load({}, storage, resource, context)
    messages = _featurize(parts, [Message(data={"text": text}) for text in (
        "wie krijgt het geld", "wie doet het examen")])
    best = [m.get("response_selector")["faq"]["response"]["intent_response_key"]
            for m in selector.process(messages)]
    assert best == ["faq/bekostiging", "faq/examens"]


def test_an_untrained_selector_leaves_messages_alone(storage, context):
    selector = LinearAnswerSelector.load({}, storage, Resource("missing"), context)
    message = Message(data={"text": "moet de mr instemmen"})
    assert selector.process([message]) == [message]
    assert message.get("response_selector") is None


def test_intents_sum_the_confidence_of_their_answers(trained, storage, context):
    parts, _ = trained
    classifier = LinearIntentClassifier.load({}, storage, Resource("intents"), context)
    question, greeting = classifier.process(_featurize(parts, [
        Message(data={"text": "wie neemt het examen af?"}), Message(data={"text": "hallo"})]))
    assert question.get("intent")["name"] == "faq"
    assert greeting.get("intent")["name"] == "greet"
    ranking = question.get("intent_ranking")
    assert [item["name"] for item in ranking] == ["faq", "greet"]
    assert abs(sum(item["confidence"] for item in ranking) - 1.0) < 1e-6


def test_a_message_without_words_is_classified_without_failing(trained, storage, context):
    parts, resource = trained
    classifier = LinearIntentClassifier.load({}, storage, Resource("intents"), context)
    selector = LinearAnswerSelector.load({}, storage, resource, context)
    messages = _featurize(parts, [Message(data={"text": ""}), Message(data={"text": "\u0007 😀"})])
    for message in selector.process(classifier.process(messages)):
        assert message.get("intent")["confidence"] < 0.9
        assert message.get("response_selector")["faq"]["ranking"]


def _train_on(storage, context, messages):
    parts = _featurizers(storage, context)
    data = TrainingData(messages, responses=RESPONSES)
    parts[0].process_training_data(data)
    for featurizer in parts[1:]:
        featurizer.train(data)
        featurizer.process_training_data(data)
    classifier = LinearIntentClassifier.create({}, storage, Resource("intents"), context)
    selector = LinearAnswerSelector.create({}, storage, Resource("answers"), context)
    classifier.train(data)
    selector.train(data)
    return parts, classifier, selector


def test_two_intents_are_enough_to_classify(storage, context):
    messages = [Message(data={"text": text, "intent": "faq", "intent_response_key": "faq/examens"})
                for text in EXAMPLES["faq/examens"]]
    messages += [Message(data={"text": text, "intent": "greet"}) for text in ("goedemorgen", "hallo", "hoi")]
    parts, classifier, selector = _train_on(storage, context, messages)
    question, greeting = classifier.process(_featurize(parts, [
        Message(data={"text": "wie doet het examen"}), Message(data={"text": "hallo daar"})]))
    assert question.get("intent")["name"] == "faq" and greeting.get("intent")["name"] == "greet"
    assert [item["name"] for item in question.get("intent_ranking")] == ["faq", "greet"]
    assert selector.process([question]) == [question] and question.get("response_selector") is None


def test_one_class_trains_nothing(storage, context):
    messages = [Message(data={"text": text, "intent": "greet"}) for text in ("goedemorgen", "hallo")]
    parts, classifier, _ = _train_on(storage, context, messages)
    message = _featurize(parts, [Message(data={"text": "hallo"})])[0]
    assert classifier.process([message]) == [message] and message.get("intent") is None
    assert classifier.process([]) == []
    reloaded = LinearIntentClassifier.load({}, storage, Resource("intents"), context)
    assert reloaded.process([message]) == [message] and message.get("intent") is None


def test_the_defaults_are_the_cross_validated_settings():
    assert LinearIntentClassifier.get_default_config() == {"C": 100.0, "ranking_length": 10, "max_iter": 3000}
    assert LinearAnswerSelector.get_default_config() == {
        "retrieval_intent": "faq", "C": 300.0, "ranking_length": 10, "max_iter": 3000}


def test_the_results_are_part_of_the_parse_output(trained, storage, context):
    parts, resource = trained
    classifier = LinearIntentClassifier.load({}, storage, Resource("intents"), context)
    selector = LinearAnswerSelector.load({}, storage, resource, context)
    [message] = selector.process(classifier.process(_featurize(parts, [Message(data={"text": "wie doet het examen"})])))
    output = message.as_dict(only_output_properties=True)
    assert {"intent", "intent_ranking", "response_selector"} <= set(output)
    entry = output["response_selector"]["faq"]["ranking"][0]
    assert set(entry) == {"id", "confidence", "intent_response_key"} and isinstance(entry["id"], int)
    response = output["response_selector"]["faq"]["response"]
    assert response["confidence"] == entry["confidence"]
    assert len(output["intent_ranking"]) == 2  # faq and greet: every intent, up to ten


def test_another_selectors_output_on_the_message_is_kept(trained, storage, context):
    parts, resource = trained
    selector = LinearAnswerSelector.load({}, storage, resource, context)
    [message] = _featurize(parts, [Message(data={"text": "wie neemt het examen af?"})])
    other = {"chitchat": {"response": {"intent_response_key": "chitchat/hallo"}}}
    message.set("response_selector", dict(other))
    [message] = selector.process([message])
    output = message.get("response_selector")
    assert output["chitchat"] == other["chitchat"]
    assert output["faq"]["response"]["intent_response_key"] == "faq/examens"


def test_two_answers_are_enough_to_choose_and_examples_without_text_train_nothing(storage, context):
    messages = [Message(data={"text": text, "intent": "faq", "intent_response_key": key})
                for key in ("faq/examens", "faq/bekostiging") for text in EXAMPLES[key]]
    messages += [Message(data={"text": text, "intent": "greet"}) for text in ("goedemorgen", "hallo", "hoi")]
    messages.append(Message(data={"text": "", "intent": "goodbye"}))
    parts, classifier, selector = _train_on(storage, context, messages)
    [question] = selector.process(classifier.process(_featurize(parts, [Message(data={"text": "wie doet het examen"})])))
    assert [item["name"] for item in question.get("intent_ranking")] == ["faq", "greet"]
    ranking = question.get("response_selector")["faq"]["ranking"]
    assert [item["intent_response_key"] for item in ranking] == ["faq/examens", "faq/bekostiging"]
