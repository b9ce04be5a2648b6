"""The baseline a school already has: a BM25 search over the FAQ and guidance text."""

import re
from typing import List, Optional, Sequence, Tuple

from rank_bm25 import BM25Okapi

from bot.knowledge import KnowledgeBase
from bot.knowledge.text import letters_only

_WORD = re.compile(r"\w+", re.UNICODE)


def words(text: str) -> List[str]:
    """Lower-case words with accents folded."""
    return [letters_only(word) for word in _WORD.findall(text) if letters_only(word)]


class Bm25Search:
    """Ranks the entries by BM25 over their question and answer; rejects below a threshold."""

    def __init__(self, knowledge: KnowledgeBase) -> None:
        self._keys = [entry.key for entry in knowledge]
        self._index = BM25Okapi([words(f"{entry.question} {entry.answer}") for entry in knowledge])
        self.threshold = 0.0

    def best(self, text: str) -> Tuple[str, float]:
        """The best-scoring entry key and its score."""
        scores = self._index.get_scores(words(text))
        best = max(range(len(scores)), key=lambda index: scores[index])
        return self._keys[best], float(scores[best])

    def answer(self, text: str) -> Optional[str]:
        """The key it would answer with, or ``None`` when the best score is below the threshold."""
        key, score = self.best(text)
        return key if score >= self.threshold else None

    def fit_threshold(self, in_scope: Sequence[str], out_of_scope: Sequence[str]) -> float:
        """Choose the threshold that best separates in-scope from out-of-scope questions.

        Fitted on training examples only, never on the held-out set.
        """
        inside = [self.best(text)[1] for text in in_scope]
        outside = [self.best(text)[1] for text in out_of_scope]
        candidates = sorted(set(inside + outside))

        def balanced_accuracy(threshold: float) -> float:
            kept = sum(score >= threshold for score in inside) / max(1, len(inside))
            rejected = sum(score < threshold for score in outside) / max(1, len(outside))
            return kept + rejected

        self.threshold = max(candidates, key=balanced_accuracy) if candidates else 0.0
        return self.threshold
