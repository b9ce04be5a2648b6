"""The answer model: every stored shape read in one place."""

import pytest

from bot.interview import model
from bot.interview.answers import NOT_APPLICABLE, PLACEHOLDER
from bot.interview.catalogue import load_catalogue
from bot.interview.model import Answer, open_value, read_answer, skipped_value

STEP = load_catalogue().get


@pytest.mark.parametrize("stored, state", [
    (None, model.MISSING), (PLACEHOLDER, model.OPEN), ([PLACEHOLDER], model.OPEN),
    ({"name": PLACEHOLDER, "position": PLACEHOLDER}, model.OPEN), (NOT_APPLICABLE, model.SKIPPED),
    ("Een stuurgroep.", model.GIVEN), (False, model.GIVEN), (["A", "B"], model.GIVEN),
    ({"name": "J. de Vries", "position": "rector"}, model.GIVEN), ("", model.GIVEN),
])
def test_every_stored_shape_has_one_state(stored, state):
    answer = read_answer(stored)
    assert answer.state == state
    assert answer.given is (state == model.GIVEN) and answer.open is (state == model.OPEN)
    assert answer.value == (stored if state == model.GIVEN else None)


def test_a_given_false_is_an_answer_not_a_gap():
    assert read_answer(False) == Answer(model.GIVEN, False)


@pytest.mark.parametrize("key, stored", [
    ("clause_8_disputes", PLACEHOLDER), ("vmbo_parties", [PLACEHOLDER]),
    ("signatory", {"name": PLACEHOLDER, "position": PLACEHOLDER}),
])
def test_not_known_yet_is_stored_in_the_step_s_own_shape_and_read_back_as_open(key, stored):
    assert open_value(STEP(key)) == stored and read_answer(open_value(STEP(key))).open


def test_a_skipped_clause_reads_back_as_skipped():
    assert read_answer(skipped_value()).state == model.SKIPPED
