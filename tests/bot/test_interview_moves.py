"""Moving through the interview: storing, confirming, refusing, going back and offering answers."""

import pytest

from bot import messages
from bot.interview.catalogue import SIGNATORIES_KEY, SIGNATORY_KEY, load_catalogue
from bot.interview.moves import (
    FROM_BACK, FROM_EARLIER, HISTORY_SLOT, OFFERED_SLOT, PENDING_SLOT, Move, ask_to_confirm,
    clear_interview_state, confirm_pending, go_back, offer_for, pending_for, prompt_for,
    refuse_pending, reopen, store,
)


def step(key):
    return load_catalogue().get(key)


def test_confirming_a_correction_stores_the_earlier_step_and_asks_this_one_again():
    pending = {"key": "route_type", "value": ["A"], "target": "vmbo_parties"}
    move = confirm_pending(step("route_type"), pending, {PENDING_SLOT: pending, "route_type": "x"})
    assert move.updates == {HISTORY_SLOT: ["vmbo_parties"], "vmbo_parties": ["A"], "route_type": None,
                            PENDING_SLOT: None}
    assert move.utterances == [{"text": messages.CORRECTED.format(
        label=step("vmbo_parties").part_label, answer="A"), "buttons": []}]
    same = confirm_pending(step("route_type"), {"value": "y", "target": "route_type"}, {})
    assert same.updates == {HISTORY_SLOT: ["route_type"], "route_type": "y"} and same.utterances == []
