"""The interview form's validation with real trackers and the real domain."""

import pytest

from actions.interview_form import ValidateInterviewForm
from bot import messages
from bot.interview.answers import NOT_APPLICABLE, PLACEHOLDER
from bot.interview.catalogue import load_catalogue
from tests.conftest import make_tracker, parse_result, slots_of

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
    assert slots_of(events) == {
        "same_authority": False, "interview_history": ["same_authority"], "requested_slot": "route_type",
    }
    assert dispatcher.messages == []


@pytest.mark.parametrize(
    "slot, text, hint",
    [
        ("clause_2_business", "x", "te kort"),
        ("clause_2_business", "ja", "niet met ja of nee"),
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


async def test_a_step_without_an_example_says_so(dispatcher, domain):
    tracker = _tracker("signing_date", "/use_example", intent="use_example", confidence=1.0)
    events = await _run(dispatcher, domain, tracker)
    assert slots_of(events)["signing_date"] is None
    assert dispatcher.messages[-1]["text"] == messages.NO_EXAMPLE


async def test_not_known_yet_keeps_a_placeholder_of_the_step_s_own_shape(dispatcher, domain):
    dont_know = dict(intent="dont_know_yet", confidence=0.97)
    tracker = _tracker("vmbo_parties", "weet ik nog niet", {"same_authority": False}, **dont_know)
    events = await _run(dispatcher, domain, tracker)
    assert slots_of(events)["vmbo_parties"] is None  # structural: can't stay open
    assert dispatcher.messages[-1]["text"] == messages.STRUCTURAL_NEEDED
    tracker = _tracker("clause_8_disputes", "weet ik nog niet", {"same_authority": False}, **dont_know)
    assert slots_of(await _run(dispatcher, domain, tracker))["clause_8_disputes"] == PLACEHOLDER
    slots = {"same_authority": False, "vmbo_parties": ["A"], "mbo_parties": ["B"],
             "signatories": [{"name": "J. Jansen", "position": "rector"}]}
    events = await _run(dispatcher, domain, _tracker("signatory", "weet ik nog niet", slots, **dont_know))
    assert slots_of(events)["signatories"] == [
        {"name": "J. Jansen", "position": "rector"}, {"name": PLACEHOLDER, "position": PLACEHOLDER}]


async def test_a_command_in_a_long_answer_is_read_as_the_answer(dispatcher, domain):
    text = "Dat weten we nog niet precies, maar de scholen overleggen er dit voorjaar samen over."
    tracker = _tracker("clause_8_disputes", text, intent="dont_know_yet", confidence=0.99)
    events = await _run(dispatcher, domain, tracker)
    assert slots_of(events)["clause_8_disputes"] == text


async def test_a_picked_question_in_between_is_answered(dispatcher, domain):
    entities = [{"entity": "question_key", "value": "teambevoegdheid"}]
    tracker = _tracker("clause_4c_staff", '/choose_question{"question_key":"teambevoegdheid"}',
                       intent="choose_question", confidence=1.0, entities=entities)
    events = await _run(dispatcher, domain, tracker)
    assert slots_of(events)["clause_4c_staff"] is None
    assert dispatcher.messages == [dict(dispatcher.messages[0], response="utter_faq/teambevoegdheid")]


async def _unclear(dispatcher, domain, key, text):
    """Run the form on ``text`` at ``key``, read as a question between two curated answers."""
    parse = parse_result(text, [("faq", 0.6)],
                         [("medezeggenschap_goedkeuring", 0.45), ("medezeggenschap_wetten", 0.40)])
    tracker = _tracker(key, text, intent="faq", confidence=0.6, response_selector=parse["response_selector"])
    return await _run(dispatcher, domain, tracker)


async def test_an_unclear_question_in_between_gets_choices(dispatcher, domain):
    events = await _unclear(dispatcher, domain, "clause_4c_staff", "mr en de overeenkomst?")
    assert slots_of(events)["clause_4c_staff"] is None
    assert dispatcher.messages[0]["text"] == messages.DID_YOU_MEAN
    assert dispatcher.messages[0]["buttons"][-1]["payload"] == "/none_of_these"


async def test_an_unclear_question_in_between_without_a_question_mark_gets_choices(dispatcher, domain):
    events = await _unclear(dispatcher, domain, "clause_8_disputes", "wat als we het niet eens worden")
    assert slots_of(events)["clause_8_disputes"] is None
    assert dispatcher.messages[0]["text"] == messages.DID_YOU_MEAN
    # An answer that starts with a verb is no question: stored as typed.
    text = "Kan alleen in overleg tussen de besturen"
    events = await _unclear(dispatcher, domain, "clause_8_disputes", text)
    assert slots_of(events)["clause_8_disputes"] == text


async def test_an_out_of_scope_question_in_between_is_declined(dispatcher, domain):
    tracker = _tracker("clause_4c_staff", "Wat voor weer wordt het morgen?", intent="out_of_scope",
                       confidence=0.9, response_selector={"faq": {"ranking": []}})
    events = await _run(dispatcher, domain, tracker)
    assert slots_of(events)["clause_4c_staff"] is None
    assert [m["text"] for m in dispatcher.messages] == [messages.QUESTION_NOT_ANSWERED]


async def test_an_answer_that_starts_like_a_question_is_still_an_answer(dispatcher, domain):
    text = "Wie het eerst klaar is, meldt het bij de andere school?"
    tracker = _tracker("clause_4c_staff", text.rstrip("?"), intent="out_of_scope", confidence=0.5,
                       response_selector={"faq": {"ranking": []}})
    events = await _run(dispatcher, domain, tracker)
    assert slots_of(events)["clause_4c_staff"] == text.rstrip("?")
    assert dispatcher.messages == []


def test_only_catalogue_steps_have_a_validator():
    form = ValidateInterviewForm()
    assert form.validate_signing_date.args[0].key == "signing_date"
    for name in ("validate_unknown_step", "something_else"):
        with pytest.raises(AttributeError, match=name):
            getattr(form, name)


async def test_a_command_without_a_confidence_is_read_as_an_answer(dispatcher, domain):
    message = {"text": "overslaan graag", "intent": {"name": "skip_clause"}, "intent_ranking": []}
    events = [{"event": "slot", "name": "clause_8_disputes", "value": message["text"]}]
    tracker = make_tracker(message, slots={"requested_slot": "clause_8_disputes", "clause_8_disputes": message["text"]},
                           events=events, active_loop=FORM)
    result = slots_of(await _run(dispatcher, domain, tracker))
    assert result["clause_8_disputes"] == "overslaan graag"


async def test_an_answer_the_knowledge_base_does_not_hold_is_not_given(dispatcher, domain):
    parse = {"response_selector": {"faq": {"ranking": [
        {"intent_response_key": "faq/bestaat_niet", "confidence": 0.9},
        {"intent_response_key": "faq/teambevoegdheid", "confidence": 0.05}]}}}
    tracker = _tracker("clause_4c_staff", "Wat is dat eigenlijk?", {"same_authority": False},
                       intent="faq", confidence=0.99, **parse)
    events = await _run(dispatcher, domain, tracker)
    assert slots_of(events)["clause_4c_staff"] is None  # a question is never stored as an answer
    assert dispatcher.messages[-1]["text"] == messages.QUESTION_NOT_ANSWERED
