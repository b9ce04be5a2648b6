"""Deciding between answering, offering choices and declining."""

import pytest

from bot.answering import (
    AMBIGUITY_MARGIN, ANSWER, ANSWER_CONFIDENCE, CANDIDATE_CONFIDENCE, CLARIFY, NO_WORDS,
    OUT_OF_SCOPE, QUESTION_INTENT_FLOOR, Decision, answer_ranking, decide, decide_parse,
    intent_ranking,
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


def test_a_message_that_is_hardly_a_question_and_not_about_the_faq_is_declined():
    intents = [("greet", 0.9), ("faq", QUESTION_INTENT_FLOOR - 0.01)]
    assert decide("hallo daar", intents, [("a", 0.3), ("b", 0.25)]).kind == OUT_OF_SCOPE
    intents = [("greet", 0.9), ("faq", QUESTION_INTENT_FLOOR)]
    assert decide("hallo daar", intents, [("a", 0.3), ("b", 0.25)]).kind == CLARIFY


def test_the_thresholds_are_inclusive():
    assert decide("vraag", QUESTION, [("a", ANSWER_CONFIDENCE), ("b", 0.15)]) == Decision(ANSWER, key="a")
    just_close = [("a", 0.5), ("b", 0.5 - AMBIGUITY_MARGIN + 0.001)]
    assert decide("vraag", QUESTION, just_close).kind == CLARIFY
    floor = [("a", 0.2), ("b", CANDIDATE_CONFIDENCE), ("c", CANDIDATE_CONFIDENCE - 0.001)]
    assert decide("vraag", QUESTION, floor).candidates == ["a", "b"]


def test_a_message_with_only_the_fallback_intent_is_declined():
    decision = decide("iets", [("nlu_fallback", 0.6)], [("a", 0.3), ("b", 0.25)])
    assert decision.kind == OUT_OF_SCOPE  # no question confidence at all: nothing to offer


def test_rankings_read_missing_and_foreign_entries_safely():
    parse = {"text": "x", "intent": {"name": "greet", "confidence": None},
             "response_selector": {"faq": {"ranking": [
                 {"intent_response_key": "chitchat/weer", "confidence": 0.9},
                 {"intent_response_key": "faq/teambevoegdheid"}]}}}
    assert intent_ranking(parse) == [("greet", 0.0)]
    assert answer_ranking(parse) == [("teambevoegdheid", 0.0)]
    assert intent_ranking({}) == [] and answer_ranking({"response_selector": None}) == []


def test_a_single_confident_answer_is_given_without_a_runner_up():
    assert decide("vraag", QUESTION, [("a", 0.3)]) == Decision(ANSWER, key="a")
    assert intent_ranking({"intent": {"name": "greet", "confidence": 0.7}}) == [("greet", 0.7)]
