"""The held-out set: the assistant answers right, declines what it cannot answer, beats BM25."""

import pytest

from bench.examples import held_out_examples
from bench.nlu_quality import assistant_quality, bm25_quality, fitted_bm25, parse_all


@pytest.fixture(scope="module")
def qualities(model_path):
    examples = held_out_examples()
    assistant, misses = assistant_quality(examples, parse_all(model_path, [e.text for e in examples]))
    return assistant, bm25_quality(examples, fitted_bm25()), misses


def test_questions_get_the_right_answer(qualities):
    assistant, _, misses = qualities
    assert assistant.right_answers >= 0.95, "\n".join(misses)


def test_wrong_answers_are_rare(qualities):
    assistant, _, misses = qualities
    assert assistant.wrong_answers <= 0.03, "\n".join(misses)


def test_out_of_scope_questions_get_no_answer(qualities):
    assistant, _, misses = qualities
    assert assistant.out_of_scope_rejected >= 0.90, "\n".join(misses)


def test_the_assistant_is_well_ahead_of_a_bm25_search(qualities):
    assistant, baseline, _ = qualities
    assert assistant.right_answers >= baseline.right_answers + 0.20
    assert assistant.out_of_scope_rejected >= baseline.out_of_scope_rejected
