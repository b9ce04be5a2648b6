"""Deciding between answering, offering choices and declining."""

import pytest

from bot.answering import (
    ANSWER, CLARIFY, NO_WORDS, OUT_OF_SCOPE, answer_ranking, decide, decide_parse, intent_ranking,
)
from tests.conftest import parse_result

QUESTION = [("faq", 0.95), ("out_of_scope", 0.03)]


@pytest.mark.parametrize(
    "text, intents, answers, kind, key",
    [
        ("moet de mr instemmen", QUESTION, [("a", 0.9), ("b", 0.05)], ANSWER, "a"),
        ("moet de mr instemmen", QUESTION, [("a", 0.5), ("b", 0.45)], CLARIFY, None),
        ("moet de mr instemmen", QUESTION, [("a", 0.2), ("b", 0.1)], CLARIFY, None),
        ("moet de mr instemmen", QUESTION, [("a", 0.3), ("b", 0.1)], ANSWER, "a"),
        ("wat is het weer", [("out_of_scope", 0.9), ("faq", 0.08)], [("a", 0.9)], OUT_OF_SCOPE, None),
        ("iets", [("nlu_fallback", 0.4), ("faq", 0.35)], [("a", 0.9), ("b", 0.01)], ANSWER, "a"),
        ("iets", [("nlu_fallback", 0.4), ("faq", 0.35)], [("a", 0.3), ("b", 0.25)], CLARIFY, None),
        ("iets", [("nlu_fallback", 0.4), ("greet", 0.38), ("faq", 0.35)], [("a", 0.9)], CLARIFY, None),
        ("😀", QUESTION, [("a", 0.99)], NO_WORDS, None),
        ("   ", QUESTION, [("a", 0.99)], NO_WORDS, None),
        ("vraag", QUESTION, [], OUT_OF_SCOPE, None),
    ],
)
def test_decide(text, intents, answers, kind, key):
    decision = decide(text, intents, answers)
    assert decision.kind == kind
    assert decision.key == key


def test_choices_are_the_closest_few_above_a_floor():
    answers = [("a", 0.40), ("b", 0.35), ("c", 0.15), ("d", 0.05)]
    assert decide("vraag", QUESTION, answers).candidates == ["a", "b", "c"]
    answers = [("a", 0.40), ("b", 0.35), ("c", 0.05)]
    assert decide("vraag", QUESTION, answers).candidates == ["a", "b"]


def test_rankings_are_read_from_a_parse_result():
    parse = parse_result(
        "mag de mr meebeslissen", [("faq", 0.9), ("greet", 0.1)],
        [("medezeggenschap_goedkeuring", 0.8), ("medezeggenschap_wetten", 0.1)],
    )
    assert intent_ranking(parse) == [("faq", 0.9), ("greet", 0.1)]
    assert answer_ranking(parse)[0] == ("medezeggenschap_goedkeuring", 0.8)
    assert decide_parse(parse).key == "medezeggenschap_goedkeuring"


def test_a_parse_without_rankings_is_out_of_scope():
    assert decide_parse({"text": "hallo"}).kind == OUT_OF_SCOPE
