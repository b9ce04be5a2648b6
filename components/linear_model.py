"""What the linear classifiers share: their features, the model fit, and its plain-JSON storage.

Features are the message's sentence features from the pipeline's featurizers (word, word-pair
and character n-gram counts), log-scaled and of unit length, so that long messages and frequent
character n-grams do not outweigh the rest. The model is a multinomial logistic regression,
stored as plain numbers: loading a model never runs code.
"""

import json
from typing import Any, Dict, List, Optional, Sequence, Text, Tuple, Type, TypeVar

import numpy as np
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from scipy.sparse import csr_matrix, hstack, vstack
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import normalize

MODEL_FILE = "linear_model.json"
# The attribute of a message that keeps its scaled features (see _scaled_row).
_SCALED = "_linear_model_scaled_features"


def _row(message: Message, width: Optional[int]) -> csr_matrix:
    sparse = message.get_sparse_features(TEXT)[1]
    dense = message.get_dense_features(TEXT)[1]
    row = hstack([
        csr_matrix(sparse.features if sparse else np.zeros((1, 0))),
        csr_matrix(dense.features if dense else np.zeros((1, 0))),
    ]).tocsr()
    if width is not None and row.shape[1] != width:
        return csr_matrix((1, width))  # a message without features (no words) is all zeros
    return row


def scaled_features(messages: Sequence[Message], width: Optional[int] = None) -> csr_matrix:
    """One row per message: its sentence features, log-scaled and of unit length."""
    rows = [_scaled_row(message, width) for message in messages]
    return rows[0] if len(rows) == 1 else vstack(rows).tocsr()


def _scaled_row(message: Message, width: Optional[int]) -> csr_matrix:
    """The message's scaled features, made once per message and width: the intent classifier
    and the answer selector both read them (kept on the message, with the number of features
    it had, so that a featurizer adding features after it makes them again)."""
    key = (width, len(message.features))
    cached = getattr(message, _SCALED, None)
    if cached is not None and cached[0] == key:
        return cached[1]
    row = _row(message, width).astype(np.float64)
    row.data = np.log1p(np.abs(row.data)) * np.sign(row.data)
    row = normalize(row).tocsr()
    setattr(message, _SCALED, (key, row))
    return row


def fit(messages: Sequence[Message], labels: List[str], c: float, max_iter: int) -> Dict[str, Any]:
    """Fit the model; returns its classes, coefficients and intercepts."""
    # The default solver (lbfgs) is deterministic: no random state to fix.
    classifier = LogisticRegression(C=c, max_iter=max_iter, class_weight="balanced")
    classifier.fit(scaled_features(messages), labels)
    return {"classes": [str(label) for label in classifier.classes_],
            "coef": classifier.coef_, "intercept": classifier.intercept_}


def probabilities(model: Dict[str, Any], messages: Sequence[Message]) -> np.ndarray:
    """One row of class probabilities per message (columns in the order of ``classes``)."""
    weights, intercept = _arrays(model)
    scores = np.asarray(scaled_features(messages, weights.shape[0]) @ weights) + intercept
    if weights.shape[1] == 1:  # two classes: one score, for the second class
        scores = np.hstack([np.zeros_like(scores), scores])
    scores -= scores.max(axis=1, keepdims=True)
    exp = np.exp(scores)
    return exp / exp.sum(axis=1, keepdims=True)


def _arrays(model: Dict[str, Any]) -> Tuple[np.ndarray, np.ndarray]:
    """The coefficients as features x classes (contiguous) and the intercepts, as arrays made
    once per model: converting the stored lists, or multiplying by the transposed view, on
    every message cost some 50 ms per message."""
    if "_weights" not in model:
        model["_weights"] = np.ascontiguousarray(np.asarray(model["coef"]).T)
        model["_intercept"] = np.asarray(model["intercept"])
    return model["_weights"], model["_intercept"]


def save(storage: ModelStorage, resource: Resource, model: Dict[str, Any]) -> None:
    """Store the model as JSON (arrays as lists)."""
    plain = {key: value.tolist() if isinstance(value, np.ndarray) else value
             for key, value in model.items() if not key.startswith("_")}
    with storage.write_to(resource) as directory:
        (directory / MODEL_FILE).write_text(json.dumps(plain), encoding="utf-8")


def load(storage: ModelStorage, resource: Resource) -> Optional[Dict[str, Any]]:
    """The stored model, or None where there is none (the component was never trained)."""
    try:
        with storage.read_from(resource) as directory:
            return json.loads((directory / MODEL_FILE).read_text(encoding="utf-8"))
    except (ValueError, FileNotFoundError):
        return None


Component = TypeVar("Component", bound="LinearModelComponent")


class LinearModelComponent(GraphComponent):
    """What both linear classifiers share as Rasa components: config, creating and loading."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {}

    def __init__(self, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
                 model: Optional[Dict[str, Any]] = None) -> None:
        self.config = {**self.get_default_config(), **config}
        self._storage = model_storage
        self._resource = resource
        self._model = model

    @classmethod
    def create(cls: Type[Component], config: Dict[Text, Any], model_storage: ModelStorage,
               resource: Resource, execution_context: ExecutionContext) -> Component:
        """An untrained component."""
        return cls(config, model_storage, resource)

    @classmethod
    def load(cls: Type[Component], config: Dict[Text, Any], model_storage: ModelStorage,
             resource: Resource, execution_context: ExecutionContext, **kwargs: Any) -> Component:
        """The trained component (or an untrained one where nothing was stored), its arrays
        made now, when the server starts, rather than on the first message."""
        model = load(model_storage, resource)
        if model is not None:
            _arrays(model)
        return cls(config, model_storage, resource, model)

    def _keep(self, model: Dict[str, Any]) -> Resource:
        """Use and store a newly trained model."""
        self._model = model
        save(self._storage, self._resource, model)
        return self._resource
