"""Deciding how to answer a question from the language model's rankings.

The model ranks intents and, for questions, the FAQ and guidance answers. This module decides
between answering, offering the closest questions ("Bedoelt u ...?"), and saying honestly that
the question falls outside what the assistant knows.
"""

from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Sequence, Tuple

from bot.user_text import has_words

QUESTION_INTENT = "faq"
FALLBACK_INTENT = "nlu_fallback"
# The answer selector spreads its confidence over some 40 answers (uniform would be 0.025):
# answer outright when the best answer has ten times that and leads the next by 0.10.
ANSWER_CONFIDENCE = 0.25
AMBIGUITY_MARGIN = 0.10
# Offer as a choice only answers with some support, at most three.
CANDIDATE_CONFIDENCE = 0.10
MAX_CANDIDATES = 3
# Offer choices only when the message is at least a little like a question (a single topic
# word often is); decline when it is clearly out of scope or nothing fits.
QUESTION_INTENT_FLOOR = 0.05
OUT_OF_SCOPE_INTENT = "out_of_scope"

ANSWER = "answer"
CLARIFY = "clarify"
OUT_OF_SCOPE = "out_of_scope"
NO_WORDS = "no_words"

Ranking = Sequence[Tuple[str, float]]


@dataclass(frozen=True)
class Decision:
    """What to do with a question: answer one key, offer candidate keys, or neither."""

    kind: str
    key: Optional[str] = None
    candidates: List[str] = field(default_factory=list)


def decide(text: str, intent_ranking: Ranking, answer_ranking: Ranking) -> Decision:
    """Decide how to answer ``text``.

    ``intent_ranking`` holds (intent, confidence) pairs, ``answer_ranking`` (answer key,
    confidence) pairs for the question intent, both best first.
    """
    if not has_words(text):
        return Decision(NO_WORDS)
    question_confidence = dict(intent_ranking).get(QUESTION_INTENT, 0.0)
    # The fallback marks an unsure intent; the best real intent still tells what was meant.
    real_intents = [name for name, _ in intent_ranking if name != FALLBACK_INTENT]
    top_intent = real_intents[0] if real_intents else None
    if not answer_ranking or top_intent == OUT_OF_SCOPE_INTENT:
        return Decision(OUT_OF_SCOPE)
    best_key, best = answer_ranking[0]
    runner_up = answer_ranking[1][1] if len(answer_ranking) > 1 else 0.0
    confident = top_intent == QUESTION_INTENT and best >= ANSWER_CONFIDENCE
    if confident and best - runner_up >= AMBIGUITY_MARGIN:
        return Decision(ANSWER, key=best_key)
    candidates = [
        key for key, confidence in answer_ranking[:MAX_CANDIDATES]
        if confidence >= CANDIDATE_CONFIDENCE
    ]
    if not candidates or question_confidence < QUESTION_INTENT_FLOOR:
        return Decision(OUT_OF_SCOPE)
    return Decision(CLARIFY, candidates=candidates)


def intent_ranking(parse_data: Dict[str, Any]) -> List[Tuple[str, float]]:
    """(intent, confidence) pairs, best first, from a parse result of the language model."""
    ranking = parse_data.get("intent_ranking") or []
    if not ranking and parse_data.get("intent"):
        ranking = [parse_data["intent"]]
    return [(str(item.get("name")), float(item.get("confidence") or 0.0)) for item in ranking]


def answer_ranking(parse_data: Dict[str, Any]) -> List[Tuple[str, float]]:
    """(answer key, confidence) pairs, best first, from a parse result of the language model."""
    selector = (parse_data.get("response_selector") or {}).get(QUESTION_INTENT) or {}
    prefix = f"{QUESTION_INTENT}/"
    return [
        (str(item["intent_response_key"])[len(prefix):], float(item.get("confidence") or 0.0))
        for item in selector.get("ranking") or []
        if str(item.get("intent_response_key", "")).startswith(prefix)
    ]


def decide_parse(parse_data: Dict[str, Any]) -> Decision:
    """``decide`` applied to a parse result of the language model."""
    return decide(
        str(parse_data.get("text") or ""), intent_ranking(parse_data), answer_ranking(parse_data)
    )
