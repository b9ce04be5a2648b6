"""Completing a checked agreement from the chat: the answer to the offer, the choice, the start."""

import pytest

from bot.agreement import messages
from bot.agreement.check import check_document
from bot.agreement.completion import completion_store, store_prefill
from bot.agreement.prefill import Prefill
from bot.draft.store import DraftFormat, DraftStore
from actions.agreement_completion import ActionCompleteAgreement
from bot.interview.catalogue import COMPLETION_SLOT
from bot.interview.moves import OFFERED_SLOT
from bot.settings import PROJECT_ROOT
from tests.conftest import make_tracker, slots_of

HELDOUT = PROJECT_ROOT / "tests" / "heldout" / "agreements"


def _stored(state_dir, conversation="test-user"):
    result = check_document((HELDOUT / "vakmanschapsroute_old.docx").read_bytes())
    return store_prefill(result, conversation, completion_store(state_dir / "agreement-answers", 30, 3))


async def _run(dispatcher, domain, intent="complete_agreement", text="", entities=(), active_loop=None,
               slots=None):
    tracker = make_tracker({"text": text, "intent": {"name": intent, "confidence": 0.6},
                            "entities": list(entities)}, slots=slots, active_loop=active_loop)
    return await ActionCompleteAgreement().run(dispatcher, tracker, domain)


def _entities(**values):
    return [{"entity": name, "value": value} for name, value in values.items()]


async def test_declining_deletes_the_kept_answers_and_says_how_to_come_back(dispatcher, domain, state_dir):
    _stored(state_dir)
    other = _stored(state_dir, conversation="iemand-anders")
    assert await _run(dispatcher, domain, intent="decline_completion") == []
    assert dispatcher.messages[0]["text"] == messages.COMPLETE_DECLINED
    assert DraftStore(state_dir / "agreement-answers").tokens() == [other]


async def test_without_a_checked_agreement_it_says_to_check_one_first(dispatcher, domain, state_dir):
    assert await _run(dispatcher, domain, text="aanvullen") == []
    assert dispatcher.messages[0]["text"] == messages.COMPLETE_NOTHING


async def test_another_conversations_answers_are_never_used(dispatcher, domain, state_dir):
    token = _stored(state_dir, conversation="iemand-anders")
    assert await _run(dispatcher, domain, entities=_entities(completion=token)) == []
    assert dispatcher.messages[0]["text"] == messages.COMPLETE_NOTHING


async def test_yes_asks_which_document_to_make(dispatcher, domain, state_dir):
    token = _stored(state_dir)
    assert await _run(dispatcher, domain, entities=_entities(completion=token)) == []
    [asked] = dispatcher.messages
    assert asked["text"] == messages.COMPLETE_HOW
    assert [b["title"] for b in asked["buttons"]] == ["Aanvulling", "Nieuwe volledige versie"]
    assert token in asked["buttons"][0]["payload"]


@pytest.mark.parametrize("how", [
    {"entities": "mode"}, {"text": "als aanvulling graag"},
])
async def test_choosing_the_addendum_starts_the_interview_with_the_documents_answers(
        dispatcher, domain, state_dir, how):
    token = _stored(state_dir)
    entities = _entities(completion=token, completion_mode="addendum") if "entities" in how else []
    events = await _run(dispatcher, domain, text=how.get("text", ""), entities=entities)
    slots = slots_of(events)
    assert slots[COMPLETION_SLOT]["mode"] == "addendum" and slots[COMPLETION_SLOT]["topics"] == ["f", "h", "i"]
    assert set(slots[OFFERED_SLOT]) == {"same_authority", "route_type", "vmbo_parties", "mbo_parties",
                                        "clause_5_transfer_option"}
    assert slots["clause_1_programme"] is None and slots["interview_confirmed"] is False
    assert events[-1] == {"event": "followup", "name": "interview_form", "timestamp": None}
    assert dispatcher.messages[0]["text"] == messages.COMPLETE_START_ADDENDUM.format(topics="f, h, i")


async def test_choosing_a_new_draft_during_the_interview_leaves_the_form_to_its_rule(
        dispatcher, domain, state_dir):
    token = _stored(state_dir)
    events = await _run(dispatcher, domain, entities=_entities(completion=token, completion_mode="draft"),
                        active_loop={"name": "interview_form"})
    assert all(event["event"] == "slot" for event in events)
    assert slots_of(events)[COMPLETION_SLOT]["mode"] == "draft"
    assert "clause_1_programme" in slots_of(events)[OFFERED_SLOT]


async def test_a_document_with_nothing_to_complete(dispatcher, domain, state_dir, monkeypatch):
    monkeypatch.setattr("actions.agreement_completion.load_prefill",
                        lambda *args: Prefill())
    assert await _run(dispatcher, domain, text="aanvullen") == []
    assert dispatcher.messages[0]["text"] == messages.COMPLETE_ALL_COVERED


def test_a_format_stored_as_the_stores_own_record_is_refused(tmp_path):
    with pytest.raises(ValueError, match="a draft format may not be stored as the record draft.json"):
        DraftStore(tmp_path, formats={"json": DraftFormat("json", "application/json", "attachment")})


async def test_a_long_answer_at_an_open_question_is_an_answer_not_a_request(dispatcher, domain, state_dir):
    _stored(state_dir)
    answer = "In aanvulling op het geldende regime mogen leerlingen deelnemen aan de studentenraad van het ROC."
    events = await _run(dispatcher, domain, text=answer, active_loop={"name": "interview_form"},
                        slots={"requested_slot": "clause_7_codetermination"})
    assert slots_of(events)["clause_7_codetermination"] == answer
    assert COMPLETION_SLOT not in slots_of(events)


def _stored_from(state_dir, name):
    result = check_document((HELDOUT / name).read_bytes())
    return store_prefill(result, "test-user", completion_store(state_dir / "agreement-answers", 30, 3))


async def test_the_choice_uses_the_agreement_it_was_offered_for_not_the_newest(dispatcher, domain, state_dir):
    older = _stored(state_dir)
    _stored_from(state_dir, "format_two_missing.docx")
    events = await _run(dispatcher, domain, entities=_entities(completion=older, completion_mode="addendum"))
    completion = slots_of(events)[COMPLETION_SLOT]
    assert completion["topics"] == ["f", "h", "i"] and completion["reference"]
    assert dispatcher.messages[0]["text"] == messages.COMPLETE_START_ADDENDUM.format(topics="f, h, i")


async def test_choosing_a_new_draft_says_so(dispatcher, domain, state_dir):
    token = _stored(state_dir)
    await _run(dispatcher, domain, entities=_entities(completion=token, completion_mode="draft"))
    assert dispatcher.messages[0]["text"] == messages.COMPLETE_START_DRAFT.format(topics="f, h, i")


async def test_a_request_of_the_longest_length_during_the_interview_is_a_request(dispatcher, domain, state_dir):
    _stored(state_dir)
    text = "ja graag vul de overeenkomst nu maar aan"
    assert len(text.split()) == 8
    events = await _run(dispatcher, domain, text=text, active_loop={"name": "interview_form"},
                        slots={"requested_slot": "clause_7_codetermination"})
    assert events == [] and dispatcher.messages[0]["text"] == messages.COMPLETE_HOW


async def test_a_long_request_outside_the_interview_is_a_request(dispatcher, domain, state_dir):
    _stored(state_dir)
    events = await _run(dispatcher, domain, text="ja ik wil de overeenkomst graag laten aanvullen met wat ontbreekt")
    assert events == [] and dispatcher.messages[0]["text"] == messages.COMPLETE_HOW


async def test_a_long_typed_payload_during_the_interview_is_a_request(dispatcher, domain, state_dir):
    token = _stored(state_dir)
    text = f'/complete_agreement{{"completion": "{token}", "completion_mode": "addendum"}} en nu verder met de rest'
    assert len(text.split()) > 8
    events = await _run(dispatcher, domain, text=text, active_loop={"name": "interview_form"},
                        entities=_entities(completion=token, completion_mode="addendum"),
                        slots={"requested_slot": "clause_7_codetermination"})
    assert slots_of(events)[COMPLETION_SLOT]["mode"] == "addendum"


async def test_a_long_question_at_an_open_question_offers_the_questions_it_may_mean(dispatcher, domain, state_dir):
    from tests.conftest import parse_result

    text = "moet de medezeggenschapsraad eigenlijk ook nog iets met deze aanvulling van de overeenkomst?"
    parse = parse_result(text, [("complete_agreement", 0.6)],
                         [("medezeggenschap_goedkeuring", 0.5), ("teambevoegdheid", 0.45)])
    parse["intent_ranking"] = [{"name": "faq", "confidence": 0.9}]
    parse["entities"] = []
    tracker = make_tracker(parse, slots={"requested_slot": "clause_7_codetermination"},
                           active_loop={"name": "interview_form"})
    await ActionCompleteAgreement().run(dispatcher, tracker, domain)
    assert dispatcher.messages[0]["buttons"][-1]["payload"] == "/none_of_these"
