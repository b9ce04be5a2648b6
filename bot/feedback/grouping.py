"""Grouping similar questions, so the content owner sees which missing answer is asked most.

Each question becomes the set of its Dutch content-word stems (the passage search's analyser:
stop words dropped, lookup lemmas, Snowball stems). Two questions are as close as the Jaccard
index of their sets; average-linkage agglomerative clustering (scipy) joins them into groups
while the average closeness stays at least ``min_similarity``.
"""

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, FrozenSet, Iterable, List, Sequence, Tuple

MIN_SIMILARITY = 0.34


@dataclass(frozen=True)
class QuestionGroup:
    """Similar questions: the one asked most (the group's name), how often all were asked, and
    the other wordings with their counts."""

    name: str
    count: int
    wordings: Tuple[Tuple[str, int], ...]


@lru_cache(maxsize=1)
def _analyser():
    from bot.knowledge.dutch_words import dutch_analyser

    return dutch_analyser()


def dutch_terms(text: str) -> FrozenSet[str]:
    """The stems of the content words of a Dutch text."""
    return frozenset(_analyser().terms(text))


def jaccard(first: FrozenSet[str], second: FrozenSet[str]) -> float:
    """The share of their words two sets have in common (1.0 for two empty sets)."""
    if not first and not second:
        return 1.0
    return len(first & second) / len(first | second)


def _clusters(term_sets: Sequence[FrozenSet[str]], min_similarity: float) -> List[int]:
    """A cluster number per term set."""
    if len(term_sets) < 2:
        return [1] * len(term_sets)
    from scipy.cluster.hierarchy import fcluster, linkage

    distances = [
        1.0 - jaccard(term_sets[i], term_sets[j])
        for i in range(len(term_sets)) for j in range(i + 1, len(term_sets))
    ]
    tree = linkage(distances, method="average")
    return list(fcluster(tree, t=1.0 - min_similarity, criterion="distance"))


def group_questions(
    questions: Iterable[str], min_similarity: float = MIN_SIMILARITY,
    terms: Callable[[str], FrozenSet[str]] = dutch_terms,
) -> List[QuestionGroup]:
    """Similar questions grouped, the most asked group first (then by name)."""
    counts = Counter(" ".join(q.split()) for q in questions if q and q.strip())
    wordings = sorted(counts)
    labels = _clusters([terms(w) for w in wordings], min_similarity)
    members = {}
    for wording, label in zip(wordings, labels):
        members.setdefault(label, []).append((wording, counts[wording]))
    groups = []
    for found in members.values():
        found.sort(key=lambda item: (-item[1], len(item[0]), item[0]))
        groups.append(QuestionGroup(found[0][0], sum(n for _, n in found), tuple(found[1:])))
    return sorted(groups, key=lambda group: (-group.count, group.name))
