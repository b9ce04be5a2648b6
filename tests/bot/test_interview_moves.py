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


def test_a_move_says_texts_with_buttons_and_responses_in_order():
    move = Move().say("Hallo").say("Kies", [messages.YES_BUTTON]).respond("utter_faq/x")
    assert move.updates == {} and move.utterances == [
        {"text": "Hallo", "buttons": []}, {"text": "Kies", "buttons": [messages.YES_BUTTON]},
        {"response": "utter_faq/x"}]


def test_storing_an_answer_records_it_last_in_the_history():
    answers = {HISTORY_SLOT: ["same_authority", "route_type"], "route_type": "x"}
    assert store(step("route_type"), "y", answers).updates == {
        HISTORY_SLOT: ["same_authority", "route_type"], "route_type": "y"}
    assert store(step("vmbo_parties"), ["A"], {}).updates == {
        HISTORY_SLOT: ["vmbo_parties"], "vmbo_parties": ["A"]}


def test_storing_takes_the_offer_of_the_step_and_keeps_offers_for_unanswered_steps():
    answers = {OFFERED_SLOT: {"route_type": {"value": "x", "source": FROM_BACK}},
               PENDING_SLOT: {"key": "route_type"}, "mbo_parties": ["B"]}
    move = store(step("route_type"), "x", answers, {"vmbo_parties": ["A"], "mbo_parties": ["C"]})
    assert move.updates == {
        HISTORY_SLOT: ["route_type"], "route_type": "x", PENDING_SLOT: None,
        OFFERED_SLOT: {"vmbo_parties": {"value": ["A"], "source": FROM_EARLIER}}}
    unchanged = store(step("route_type"), "x", {"mbo_parties": ["B"]}, {"mbo_parties": ["C"]})
    assert OFFERED_SLOT not in unchanged.updates and PENDING_SLOT not in unchanged.updates


def test_each_signatory_is_added_to_the_list_and_may_appear_twice_in_the_history():
    answers = {HISTORY_SLOT: [SIGNATORY_KEY], SIGNATORIES_KEY: [{"name": "A"}]}
    assert store(step(SIGNATORY_KEY), {"name": "B"}, answers).updates == {
        HISTORY_SLOT: [SIGNATORY_KEY, SIGNATORY_KEY], SIGNATORY_KEY: None,
        SIGNATORIES_KEY: [{"name": "A"}, {"name": "B"}]}
    assert store(step(SIGNATORY_KEY), {"name": "A"}, {}).updates[SIGNATORIES_KEY] == [{"name": "A"}]


@pytest.mark.parametrize("answers, key, value, cleared", [
    ({"mbo_parties": ["B"], SIGNATORIES_KEY: ["s1", "s2"]}, "vmbo_parties", ["A"], False),
    ({"mbo_parties": ["B"], SIGNATORIES_KEY: ["s1", "s2"]}, "vmbo_parties", ["A", "C"], True),
    ({"same_authority": True, SIGNATORIES_KEY: ["s1"]}, "authority_name", ["A"], False),
    ({"same_authority": True, SIGNATORIES_KEY: ["s1"]}, "authority_name", ["A", "B"], True),
    ({"mbo_parties": ["B"]}, "vmbo_parties", ["A", "C"], False),
])
def test_signatories_are_cleared_when_the_parties_no_longer_match_them(answers, key, value, cleared):
    updates = store(step(key), value, answers).updates
    assert (updates.get(SIGNATORIES_KEY) == []) is cleared
    assert (SIGNATORIES_KEY in updates) is cleared


def test_an_answer_to_confirm_is_held_back_with_its_question_and_buttons():
    move = ask_to_confirm(step("route_type"), "x", "Bedoelt u x?")
    assert move.updates == {"route_type": None, PENDING_SLOT: {
        "key": "route_type", "value": "x", "alternative": None, "prompt": "Bedoelt u x?",
        "buttons": [messages.YES_BUTTON, messages.NO_BUTTON], "offers": {}, "target": None, "also": {}}}
    assert move.utterances == []
    custom = ask_to_confirm(step("route_type"), "x", "?", alternative="y", buttons=[messages.KEEP_BUTTON],
                            offers={"a": 1}, target="vmbo_parties", also={"b": 2}).updates[PENDING_SLOT]
    assert (custom["alternative"], custom["buttons"], custom["offers"], custom["target"], custom["also"]) == (
        "y", [messages.KEEP_BUTTON], {"a": 1}, "vmbo_parties", {"b": 2})


def test_the_pending_answer_belongs_to_one_step():
    answers = {PENDING_SLOT: {"key": "route_type", "value": "x"}}
    assert pending_for(answers, "route_type") == {"key": "route_type", "value": "x"}
    assert pending_for(answers, "vmbo_parties") is None
    assert pending_for({PENDING_SLOT: "route_type"}, "route_type") is None


def test_confirming_stores_the_value_its_offers_and_what_comes_with_it():
    pending = {"key": "vmbo_parties", "value": ["A"], "offers": {"mbo_parties": ["B"]},
               "also": {"route_type": "x"}}
    move = confirm_pending(step("vmbo_parties"), pending, {PENDING_SLOT: pending})
    assert move.updates == {
        HISTORY_SLOT: ["vmbo_parties", "route_type"], "vmbo_parties": ["A"], "route_type": "x",
        OFFERED_SLOT: {"mbo_parties": {"value": ["B"], "source": FROM_EARLIER}}, PENDING_SLOT: None}
    assert move.utterances == []


def test_confirming_a_correction_stores_the_earlier_step_and_asks_this_one_again():
    pending = {"key": "route_type", "value": ["A"], "target": "vmbo_parties"}
    move = confirm_pending(step("route_type"), pending, {PENDING_SLOT: pending, "route_type": "x"})
    assert move.updates == {HISTORY_SLOT: ["vmbo_parties"], "vmbo_parties": ["A"], "route_type": None,
                            PENDING_SLOT: None}
    assert move.utterances == [{"text": messages.CORRECTED.format(
        label=step("vmbo_parties").part_label, answer="A"), "buttons": []}]
    same = confirm_pending(step("route_type"), {"value": "y", "target": "route_type"}, {})
    assert same.updates == {HISTORY_SLOT: ["route_type"], "route_type": "y"} and same.utterances == []


def test_refusing_stores_the_other_reading_or_asks_again():
    assert refuse_pending(step("route_type"), {"alternative": "y"}, {}).updates == {
        HISTORY_SLOT: ["route_type"], "route_type": "y"}
    assert refuse_pending(step("route_type"), {"alternative": None}, {}).updates == {
        "route_type": None, PENDING_SLOT: None}
    assert refuse_pending(step("route_type"), {"alternative": False}, {}).updates["route_type"] is False


def test_going_back_reopens_the_last_answer_and_offers_it():
    answers = {HISTORY_SLOT: ["same_authority", "route_type"], "route_type": "x",
               OFFERED_SLOT: {"mbo_parties": {"value": ["B"], "source": FROM_EARLIER}}}
    move = go_back(step("vmbo_parties"), answers)
    assert move.updates == {
        "vmbo_parties": None, HISTORY_SLOT: ["same_authority"], PENDING_SLOT: None, "route_type": None,
        OFFERED_SLOT: {"mbo_parties": {"value": ["B"], "source": FROM_EARLIER},
                       "route_type": {"value": "x", "source": FROM_BACK}}}
    assert move.utterances == []


def test_going_back_over_a_signatory_takes_the_last_one_off_the_list():
    answers = {HISTORY_SLOT: [SIGNATORY_KEY, SIGNATORY_KEY], SIGNATORIES_KEY: ["s1", "s2"]}
    updates = go_back(step(SIGNATORY_KEY), answers).updates
    assert updates[SIGNATORIES_KEY] == ["s1"] and updates[HISTORY_SLOT] == [SIGNATORY_KEY]
    assert updates[OFFERED_SLOT] == {SIGNATORY_KEY: {"value": "s2", "source": FROM_BACK}}
    empty = go_back(step(SIGNATORY_KEY), {HISTORY_SLOT: [SIGNATORY_KEY]}).updates
    assert empty[SIGNATORIES_KEY] == [] and empty[OFFERED_SLOT] == {}


def test_going_back_from_the_first_question_says_so():
    move = go_back(step("same_authority"), {})
    assert move.updates == {"same_authority": None, PENDING_SLOT: None}
    assert move.utterances == [{"text": messages.FIRST_QUESTION, "buttons": []}]


def test_an_offered_answer_is_shown_with_its_question_to_keep():
    back = {OFFERED_SLOT: {"route_type": {"value": "integrated", "source": FROM_BACK},
                           "mbo_parties": {"value": ["B"], "source": FROM_EARLIER}}}
    assert offer_for(step("route_type"), back) == {"value": "integrated", "source": FROM_BACK}
    assert offer_for(step("vmbo_parties"), back) is None
    move = prompt_for(step("route_type"), back)
    assert move.updates == {
        OFFERED_SLOT: {"mbo_parties": {"value": ["B"], "source": FROM_EARLIER}},
        PENDING_SLOT: {"key": "route_type", "value": "integrated", "alternative": None, "offers": {}}}
    [said] = move.utterances
    assert said["buttons"] == [messages.KEEP_BUTTON]
    assert said["text"].startswith(messages.OFFER_BACK.split("{")[0])
    earlier = prompt_for(step("mbo_parties"), back)
    assert earlier.utterances[0]["text"] == messages.OFFER_EARLIER.format(answer="B")
    # An offer whose source this version does not know (kept from an older one) is an earlier answer.
    unknown = {OFFERED_SLOT: {"mbo_parties": {"value": ["C"], "source": "older_version"}}}
    assert prompt_for(step("mbo_parties"), unknown).utterances[0]["text"] == (
        messages.OFFER_EARLIER.format(answer="C"))


def test_at_a_yes_no_step_an_earlier_answer_is_only_shown():
    answers = {OFFERED_SLOT: {"same_authority": {"value": True, "source": FROM_BACK}}}
    move = prompt_for(step("same_authority"), answers)
    assert move.updates == {OFFERED_SLOT: {}}
    assert move.utterances == [{"text": messages.EARLIER_YES_NO.format(answer="Ja"), "buttons": []}]
    assert prompt_for(step("same_authority"), {}).updates == {}


def test_clearing_and_reopening_the_interview_state():
    assert clear_interview_state() == {HISTORY_SLOT: [], OFFERED_SLOT: {}, PENDING_SLOT: None}
    answers = {HISTORY_SLOT: ["same_authority", "route_type", "vmbo_parties"]}
    assert reopen(["route_type"], answers) == {HISTORY_SLOT: ["same_authority", "vmbo_parties"],
                                               PENDING_SLOT: None}


def test_a_confirmed_correction_is_said_back_as_the_corrected_step_shows_it():
    pending = {"key": "vmbo_parties", "value": "geintegreerd_onderwijsprogramma", "target": "route_type"}
    move = confirm_pending(step("vmbo_parties"), pending, {})
    assert move.updates["route_type"] == "geintegreerd_onderwijsprogramma"
    assert move.utterances[0]["text"] == messages.CORRECTED.format(
        label=step("route_type").part_label, answer="Geïntegreerd onderwijsprogramma (geïntegreerde route)")
