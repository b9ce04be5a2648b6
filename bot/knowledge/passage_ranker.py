"""A learnt ranking of the passages: which passage's phrasings a question reads most like.

BM25 finds the passages that share a question's words. School staff often ask in other words,
with typos and abbreviations; the phrasings (``phrasings.yml``) put each passage's questions
that way. A linear classifier over character and word n-grams, fitted on every passage's text
and phrasings, reads a question against all of them at once: it weighs the words that tell one
passage from another, and character n-grams carry typos and inflections. It is fitted when
the search loads (about 3 seconds on 2 cores), so nothing is stored or downloaded. Questions
near the topic that the sources do not answer (``unanswered.yml``) are one more class: a
question that reads more like those than like any passage's is one the sources most likely do
not answer.
"""

from typing import Dict, List, Optional, Sequence, Tuple

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import FeatureUnion
from sklearn.svm import LinearSVC

from bot.knowledge.passages import Passage
from bot.user_text import fold

# Character n-grams within words (typos, inflections, compounds) and words and word pairs.
CHARACTER_NGRAMS = (3, 5)
WORD_NGRAMS = (1, 2)
# The classifier's regularisation (LinearSVC's default); chosen on the development questions.
REGULARISATION = 1.0
# The class of the questions the sources do not answer (passage ids count from 0).
NOT_IN_SOURCES = -1


class PassageRanker:
    """Scores every passage for a question by how much it reads like that passage's phrasings."""

    def __init__(self, passages: Sequence[Passage], unanswered: Sequence[str] = ()) -> None:
        texts: List[str] = []
        labels: List[int] = []
        for passage in passages:
            for text in (passage.text,) + passage.phrasings:
                texts.append(fold(text))
                labels.append(passage.id)
        for question in unanswered:
            texts.append(fold(question))
            labels.append(NOT_IN_SOURCES)
        self._features = FeatureUnion([
            ("characters", TfidfVectorizer(
                analyzer="char_wb", ngram_range=CHARACTER_NGRAMS, sublinear_tf=True)),
            ("words", TfidfVectorizer(ngram_range=WORD_NGRAMS, sublinear_tf=True)),
        ])
        self._ids = sorted(set(labels))
        self._last: Tuple[Optional[str], Dict[int, float]] = (None, {})
        self._model = LinearSVC(C=REGULARISATION, random_state=0)
        if len(self._ids) > 1:
            self._model.fit(self._features.fit_transform(texts), labels)

    def scores(self, text: str) -> Dict[int, float]:
        """Per passage id, the classifier's score for ``text``: above 0 where it reads the
        question as one of that passage's (all 0 when there is only one passage)."""
        return {key: value for key, value in self._classes(text).items() if key != NOT_IN_SOURCES}

    def beyond_sources(self, text: str) -> float:
        """How much more ``text`` reads like the questions the sources do not answer than like
        the best passage's (above 0: more; 0 without such questions)."""
        classes = self._classes(text)
        if NOT_IN_SOURCES not in classes:
            return 0.0
        passages = [value for key, value in classes.items() if key != NOT_IN_SOURCES]
        return classes[NOT_IN_SOURCES] - max(passages, default=0.0)

    def _classes(self, text: str) -> Dict[int, float]:
        """Per class, the classifier's score for ``text`` (the last text's are kept: the search
        asks for the passages' scores and then for ``beyond_sources`` of the same question)."""
        if self._last[0] == text:
            return self._last[1]
        if len(self._ids) < 2:
            return {key: 0.0 for key in self._ids}
        values = self._model.decision_function(self._features.transform([fold(text)]))[0]
        if len(self._ids) == 2:  # one score, for the second class against the first
            values = [-values, values]
        classes = {key: float(value) for key, value in zip(self._ids, values)}
        self._last = (text, classes)
        return classes


def scaled(scores: Dict[int, float]) -> Dict[int, float]:
    """``scores`` scaled so that the best has 1 and the worst 0 (all 0 when they are equal)."""
    if not scores:
        return {}
    low, high = min(scores.values()), max(scores.values())
    spread = high - low
    return {key: (value - low) / spread if spread > 0 else 0.0 for key, value in scores.items()}
