"""The interview form's validation with real trackers and the real domain."""

import pytest

from actions.interview_form import ValidateInterviewForm
from bot import messages
from bot.interview.answers import NOT_APPLICABLE, PLACEHOLDER
from bot.interview.catalogue import load_catalogue
from tests.conftest import make_tracker, slots_of

FORM = {"name": "interview_form", "validate": True}


def _tracker(slot, text, slots=None, intent="nlu_fallback", confidence=0.5, **parse):
    values = {"requested_slot": slot, slot: text, **(slots or {})}
    message = {"text": text, "intent": {"name": intent, "confidence": confidence},
               "intent_ranking": [{"name": intent, "confidence": confidence}], **parse}
    events = [{"event": "slot", "name": slot, "value": text}]
    return make_tracker(message, slots=values, events=events, active_loop=FORM)


async def _run(dispatcher, domain, tracker):
    return await ValidateInterviewForm().run(dispatcher, tracker, domain)


async def test_a_valid_answer_is_kept_and_the_next_step_requested(dispatcher, domain):
    events = await _run(dispatcher, domain, _tracker("same_authority", "nee"))
    assert slots_of(events) == {"same_authority": False, "requested_slot": "route_type"}
    assert dispatcher.messages == []


@pytest.mark.parametrize(
    "slot, text, hint",
    [
        ("clause_2_business", "ja", "te kort"),
        ("signing_date", "morgen", "datum"),
        ("same_authority", "geen idee eigenlijk", "ja of nee"),
    ],
)
async def test_an_invalid_answer_is_asked_again_with_a_reason(dispatcher, domain, slot, text, hint):
    events = await _run(dispatcher, domain, _tracker(slot, text, {"same_authority": False}))
    assert slots_of(events)[slot] is None
    assert hint in dispatcher.messages[0]["text"]


async def test_identical_party_names_are_refused(dispatcher, domain):
    tracker = _tracker("mbo_parties", "Stichting Noord", {"same_authority": False, "vmbo_parties": ["Stichting Noord"]})
    events = await _run(dispatcher, domain, tracker)
    assert slots_of(events)["mbo_parties"] is None


async def test_a_question_in_between_is_answered_and_the_step_asked_again(dispatcher, domain):
    parse = {"response_selector": {"faq": {"ranking": [
        {"intent_response_key": "faq/teambevoegdheid", "confidence": 0.9},
        {"intent_response_key": "faq/klacht_mbo_docent", "confidence": 0.05}]}}}
    tracker = _tracker("clause_4c_staff", "Wat houdt de teambevoegdheid in?",
                       {"same_authority": False}, intent="faq", confidence=0.99, **parse)
    events = await _run(dispatcher, domain, tracker)
    assert slots_of(events)["clause_4c_staff"] is None
    assert dispatcher.messages[0]["response"] == "utter_faq/teambevoegdheid"


async def test_the_example_can_be_adopted(dispatcher, domain):
    tracker = _tracker("clause_5_transfer_option", "/use_example", intent="use_example", confidence=1.0)
    events = await _run(dispatcher, domain, tracker)
    assert slots_of(events)["clause_5_transfer_option"] == load_catalogue().get("clause_5_transfer_option").example


async def test_only_the_optional_clause_can_be_skipped(dispatcher, domain):
    skip = dict(intent="skip_clause", confidence=1.0)
    events = await _run(dispatcher, domain, _tracker("clause_7_codetermination", "/skip_clause", **skip))
    assert slots_of(events)["clause_7_codetermination"] == NOT_APPLICABLE
    events = await _run(dispatcher, domain, _tracker("clause_8_disputes", "/skip_clause", **skip))
    assert slots_of(events)["clause_8_disputes"] is None
    assert dispatcher.messages[-1]["text"] == messages.CANNOT_SKIP


async def test_not_known_yet_keeps_a_visible_placeholder(dispatcher, domain):
    tracker = _tracker("clause_8_disputes", "weet ik nog niet", intent="dont_know_yet", confidence=0.97)
    events = await _run(dispatcher, domain, tracker)
    assert slots_of(events)["clause_8_disputes"] == PLACEHOLDER


async def test_signatories_are_collected_per_party(dispatcher, domain):
    slots = {"same_authority": False, "vmbo_parties": ["A"], "mbo_parties": ["B"], "signatories": []}
    events = await _run(dispatcher, domain, _tracker("signatory", "J. Jansen, bestuurder", slots))
    values = slots_of(events)
    assert values["signatories"] == [{"name": "J. Jansen", "position": "bestuurder"}]
    assert values["signatory"] is None


async def test_stored_answers_survive_the_form_being_activated_again(dispatcher, domain):
    slots = {"same_authority": True, "route_type": "doorlopende_leerroute",
             "authority_name": ["Stichting Groen"], "requested_slot": None}
    message = {"text": "verder", "intent": {"name": "resume_interview", "confidence": 0.99}}
    events = [{"event": "slot", "name": key, "value": value} for key, value in slots.items()]
    tracker = make_tracker(message, slots=slots, events=events, active_loop=FORM)
    result = slots_of(await ValidateInterviewForm().run(dispatcher, tracker, domain))
    assert result["same_authority"] is True and result["authority_name"] == ["Stichting Groen"]
    assert result["requested_slot"] == "clause_1_programme"
    assert dispatcher.messages == []
