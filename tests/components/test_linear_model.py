"""The shared linear model: features, fit, probabilities and storage, for two classes and more."""

import warnings

import numpy as np
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.constants import FEATURE_TYPE_SENTENCE, TEXT
from rasa.shared.nlu.training_data.features import Features
from rasa.shared.nlu.training_data.message import Message
from scipy.sparse import coo_matrix
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LogisticRegression

from components.linear_model import LinearModelComponent, fit, load, probabilities, save, scaled_features

TRAINING = {"a": [[3, 0, 1], [2, 0, 0], [4, 1, 0]], "b": [[0, 3, 0], [0, 2, 1], [1, 4, 0]]}


def _message(counts):
    message = Message(data={"text": "x"})
    message.add_features(Features(coo_matrix([counts]), FEATURE_TYPE_SENTENCE, TEXT, "counts"))
    return message


def _training(classes):
    messages, labels = [], []
    for label in classes:
        for counts in TRAINING[label]:
            messages.append(_message(counts))
            labels.append(label)
    return messages, labels


def test_a_model_with_two_classes_matches_scikit_learn():
    messages, labels = _training(["a", "b"])
    model = fit(messages, labels, c=10.0, max_iter=200)
    queries = [_message([5, 0, 0]), _message([0, 5, 0]), _message([1, 1, 1])]
    reference = LogisticRegression(C=10.0, max_iter=200, class_weight="balanced")
    reference.fit(scaled_features(messages), labels)

    result = probabilities(model, queries)

    assert model["classes"] == ["a", "b"]
    assert result.shape == (3, 2)
    np.testing.assert_allclose(result, reference.predict_proba(scaled_features(queries)), atol=1e-9)
    assert result[0, 0] > 0.5 > result[1, 0]


def test_a_two_class_model_survives_storage(tmp_path):
    messages, labels = _training(["a", "b"])
    storage, resource = LocalModelStorage(tmp_path), Resource("linear")
    model = fit(messages, labels, c=10.0, max_iter=200)
    save(storage, resource, model)
    loaded = load(storage, resource)
    queries = [_message([5, 0, 0])]
    np.testing.assert_allclose(probabilities(loaded, queries), probabilities(model, queries))


def test_features_are_log_scaled_and_of_unit_length():
    [row] = scaled_features([_message([3, 0, 4])]).toarray()
    expected = np.log1p(np.array([3.0, 0.0, 4.0]))
    np.testing.assert_allclose(row, expected / np.linalg.norm(expected))


def test_a_message_of_another_width_reads_as_no_features():
    messages, labels = _training(["a", "b"])
    model = fit(messages, labels, c=10.0, max_iter=200)
    assert scaled_features([_message([1, 1])], width=3).nnz == 0
    [row] = probabilities(model, [_message([1, 1])])
    [intercept] = model["intercept"]
    scores = np.exp([0.0, intercept])
    np.testing.assert_allclose(row, scores / scores.sum())


def test_nothing_stored_loads_as_no_model(tmp_path):
    assert load(LocalModelStorage(tmp_path), Resource("never-trained")) is None


def test_the_weights_are_arranged_once_per_model():
    messages, labels = _training(["a", "b"])
    model = fit(messages, labels, c=10.0, max_iter=200)
    first = probabilities(model, [_message([5, 0, 0])])
    weights = model["_weights"]
    np.testing.assert_array_equal(probabilities(model, [_message([5, 0, 0])]), first)
    assert model["_weights"] is weights and weights.flags["C_CONTIGUOUS"]
    assert LinearModelComponent.get_default_config() == {}


def test_a_message_s_features_are_scaled_once_for_both_classifiers():
    message = _message([3, 0, 4])
    first = scaled_features([message], width=3)
    assert scaled_features([message], width=3) is first
    np.testing.assert_allclose(scaled_features([message]).toarray(), first.toarray())


def test_features_added_after_scaling_are_scaled_again():
    message = _message([3, 0, 4])
    before = scaled_features([message]).toarray()
    message.add_features(Features(coo_matrix([[0, 0, 5]]), FEATURE_TYPE_SENTENCE, TEXT, "more"))
    after = scaled_features([message]).toarray()
    assert before.shape == (1, 3) and after.shape == (1, 6)
    expected = np.log1p([3.0, 0.0, 4.0, 0.0, 0.0, 5.0])
    np.testing.assert_allclose(after[0], expected / np.linalg.norm(expected))


def test_several_messages_are_the_rows_of_each_alone():
    messages = [_message([3, 0, 4]), _message([0, 1, 0]), _message([2, 2, 0])]
    together = scaled_features(messages, width=3).toarray()
    alone = np.vstack([scaled_features([m], width=3).toarray() for m in
                       [_message([3, 0, 4]), _message([0, 1, 0]), _message([2, 2, 0])]])
    np.testing.assert_allclose(together, alone)
    assert scaled_features(messages, width=3).format == "csr"


def _with_dense(message, values):
    message.add_features(Features(np.array([values], dtype=float), FEATURE_TYPE_SENTENCE, TEXT, "dense"))
    return message


def test_dense_features_follow_the_sparse_ones():
    [row] = scaled_features([_with_dense(_message([3, 0, 4]), [1.0, 2.0])]).toarray()
    expected = np.log1p([3.0, 0.0, 4.0, 1.0, 2.0])
    np.testing.assert_allclose(row, expected / np.linalg.norm(expected))


def test_a_message_with_dense_features_only_has_just_those():
    message = _with_dense(Message(data={"text": "x"}), [0.0, 3.0])
    [row] = scaled_features([message]).toarray()
    np.testing.assert_allclose(row, [0.0, 1.0])


def test_the_classes_are_weighted_by_their_share_of_the_examples():
    messages, labels = _training(["a", "b"])
    messages, labels = messages[:4], labels[:4]  # three of a, one of b
    model = fit(messages, labels, c=10.0, max_iter=200)
    queries = [_message([1, 1, 1]), _message([0, 0, 0])]
    balanced = LogisticRegression(C=10.0, max_iter=200, class_weight="balanced")
    plain = LogisticRegression(C=10.0, max_iter=200)
    for reference in (balanced, plain):
        reference.fit(scaled_features(messages), labels)
    result = probabilities(model, queries)
    np.testing.assert_allclose(result, balanced.predict_proba(scaled_features(queries)), atol=1e-9)
    assert not np.allclose(result, plain.predict_proba(scaled_features(queries)), atol=1e-3)


def test_the_number_of_iterations_is_the_one_asked_for():
    messages, labels = _training(["a", "b"])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        short = fit(messages, labels, c=1000.0, max_iter=1)
    full = fit(messages, labels, c=1000.0, max_iter=200)
    assert not np.allclose(short["coef"], full["coef"], atol=1e-3)


def test_extreme_scores_still_give_probabilities():
    model = {"classes": ["a", "b", "c"], "coef": np.array([[900.0, 0.0], [0.0, 0.0], [-900.0, 0.0]]),
             "intercept": np.array([0.0, 0.0, 0.0])}
    result = probabilities(model, [_message([1, 0]), _message([0, 1])])
    assert np.isfinite(result).all()
    np.testing.assert_allclose(result.sum(axis=1), [1.0, 1.0])
    np.testing.assert_allclose(result[1], [1 / 3, 1 / 3, 1 / 3])
    assert result[0, 0] == 1.0


def test_a_model_in_use_is_stored_without_its_working_copies(tmp_path):
    messages, labels = _training(["a", "b"])
    storage, resource = LocalModelStorage(tmp_path), Resource("linear")
    model = fit(messages, labels, c=10.0, max_iter=200)
    before = probabilities(model, [_message([5, 0, 0])])
    save(storage, resource, model)
    loaded = load(storage, resource)
    assert "_weights" not in loaded
    np.testing.assert_allclose(probabilities(loaded, [_message([5, 0, 0])]), before)


def test_a_loaded_component_stores_a_new_model_where_it_was_loaded_from(tmp_path):
    messages, labels = _training(["a", "b"])
    storage, resource = LocalModelStorage(tmp_path), Resource("linear")
    component = LinearModelComponent.load({}, storage, resource, None)
    assert component._model is None
    assert component._keep(fit(messages, labels, c=10.0, max_iter=200)) == resource
    assert load(storage, resource)["classes"] == ["a", "b"]
