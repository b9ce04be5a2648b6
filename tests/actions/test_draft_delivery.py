"""Sending the draft: made once per set of answers, sent again on request, stored on disk."""

from actions.draft_delivery import ActionSendDraft
from actions.interview_review import ActionConfirmInterview
from bot import messages
from bot.draft.store import DraftStore
from tests.conftest import complete_answers, docx_texts, make_tracker, slots_of


async def _confirm(dispatcher, domain, answers):
    events = await ActionConfirmInterview().run(dispatcher, make_tracker({}, slots=answers), domain)
    return slots_of(events)["draft"]


async def test_confirming_stores_a_draft_that_holds_the_answers(dispatcher, domain, state_dir):
    answers = complete_answers()
    draft = await _confirm(dispatcher, domain, answers)
    found = DraftStore(state_dir / "drafts").find(draft["token"], "docx")
    texts = docx_texts(found.path.read_bytes())
    assert answers["clause_5_transfer_option"] in texts
    payload = dispatcher.messages[-1]["custom"]["draft"]
    assert payload["token"] == draft["token"]
    assert payload["docx"] == f"http://localhost:5005/drafts/{draft['token']}/docx"


async def test_asking_again_sends_the_same_draft(dispatcher, domain):
    answers = complete_answers()
    draft = await _confirm(dispatcher, domain, answers)
    slots = {**answers, "interview_confirmed": True, "draft": draft}
    events = await ActionSendDraft().run(dispatcher, make_tracker({}, slots=slots), domain)
    assert events == []
    assert dispatcher.messages[-1]["custom"]["draft"]["token"] == draft["token"]


async def test_changed_answers_give_a_new_version(dispatcher, domain, state_dir):
    answers = complete_answers()
    first = await _confirm(dispatcher, domain, answers)
    changed = {**answers, "clause_5_transfer_option": "Terug naar het reguliere vmbo-programma.",
               "draft": first}
    second = await _confirm(dispatcher, domain, changed)
    assert second["token"] != first["token"]
    store = DraftStore(state_dir / "drafts")
    assert store.exists(first["token"]) and store.exists(second["token"])
    markdown = store.find(second["token"], "md").path.read_text(encoding="utf-8")
    assert "Terug naar het reguliere vmbo-programma." in markdown


async def test_a_deleted_draft_is_made_again(dispatcher, domain, state_dir):
    answers = complete_answers()
    draft = await _confirm(dispatcher, domain, answers)
    DraftStore(state_dir / "drafts").delete_conversation("test-user")
    slots = {**answers, "interview_confirmed": True, "draft": draft}
    events = await ActionSendDraft().run(dispatcher, make_tracker({}, slots=slots), domain)
    assert slots_of(events)["draft"]["token"] != draft["token"]


async def test_no_draft_before_confirmation(dispatcher, domain):
    events = await ActionSendDraft().run(dispatcher, make_tracker({}, slots=complete_answers()), domain)
    assert events == [] and dispatcher.messages[0]["text"] == messages.NO_DRAFT_YET
    assert [b["payload"] for b in dispatcher.messages[0]["buttons"]] == [
        "/resume_interview", "/confirm_review",
    ]


async def test_no_draft_yet_offers_both_ways_on_by_name(dispatcher, domain):
    await ActionSendDraft().run(dispatcher, make_tracker({}, slots=complete_answers()), domain)
    assert dispatcher.messages[0]["buttons"] == [
        {"title": "Verder met invullen", "payload": "/resume_interview"},
        {"title": "Bevestigen", "payload": "/confirm_review"},
    ]


async def test_a_draft_slot_of_another_shape_gives_a_new_draft(dispatcher, domain):
    slots = {**complete_answers(), "interview_confirmed": True, "draft": "geen woordenboek"}
    events = await ActionSendDraft().run(dispatcher, make_tracker({}, slots=slots), domain)
    assert len(slots_of(events)["draft"]["token"]) == 32


async def test_the_draft_sent_keeps_only_the_configured_number_per_conversation(dispatcher, domain, state_dir,
                                                                                monkeypatch):
    from bot.draft.service import summary_text

    monkeypatch.setenv("DRAFTS_PER_CONVERSATION", "1")
    answers = complete_answers()
    first = await _confirm(dispatcher, domain, answers)
    changed = {**answers, "clause_5_transfer_option": "Terug naar het reguliere vmbo-programma.", "draft": first}
    second = await _confirm(dispatcher, domain, changed)
    assert DraftStore(state_dir / "drafts").tokens() == [second["token"]]
    assert dispatcher.messages[-1]["text"] == summary_text(changed)
