"""The clause catalogue covers the whole official format and explains it with the source text."""

import re

import pytest

from bot.interview.catalogue import LEGAL_TOPICS, TEXT, load_catalogue
from bot.knowledge.base import FAQ_SOURCE, GUIDANCE_SOURCE
from bot.knowledge.text import quotes_source

CATALOGUE = load_catalogue()
SOURCES = {
    "bouwsteen": GUIDANCE_SOURCE.read_text(encoding="utf-8"),
    "faq": FAQ_SOURCE.read_text(encoding="utf-8"),
}


def test_every_clause_of_the_format_is_asked():
    clauses = {step.clause for step in CATALOGUE.clauses()}
    assert clauses == {"1", "2", "3a", "3b", "4a", "4b", "4c", "5", "6", "7", "8", "9", "10"}


def test_every_legal_topic_is_covered_by_a_clause():
    assert {step.topic for step in CATALOGUE.clauses()} == set(LEGAL_TOPICS)


def test_only_clause_seven_is_optional():
    assert [step.key for step in CATALOGUE.steps if step.optional] == ["clause_7_codetermination"]


@pytest.mark.parametrize("step", [s for s in CATALOGUE.steps if s.explanation], ids=lambda s: s.key)
def test_explanations_quote_their_source(step):
    for line in step.explanation.splitlines():
        if line.strip():
            assert quotes_source(line, SOURCES[step.explanation_source]), line


def test_every_free_text_clause_has_an_example():
    assert [s.key for s in CATALOGUE.clauses() if s.kind == TEXT and not s.example] == []


def test_questions_are_questions_in_formal_dutch():
    informal = re.compile(r"\b(je|jij|jou|jouw)\b", re.IGNORECASE)
    for step in CATALOGUE.steps:
        assert step.question.rstrip().endswith((".", "?", ")")), step.key
        assert "?" in step.question, step.key
        assert not informal.search(step.question + step.example), step.key


def test_conditions_name_earlier_steps():
    keys = CATALOGUE.keys
    for step in CATALOGUE.steps:
        for slot in step.when:
            assert keys.index(slot) < keys.index(step.key)
