"""Checking an agreement in the chat: how to upload it, or the check of a pasted agreement."""

from bot.agreement import messages
from bot.draft.store import DraftStore
from actions.agreement_check import ActionCheckAgreement
from bot.settings import PROJECT_ROOT
from tests.conftest import make_tracker

HELDOUT = PROJECT_ROOT / "tests" / "heldout" / "agreements"


async def _run(dispatcher, domain, text):
    tracker = make_tracker({"text": text, "intent": {"name": "check_agreement"}})
    return await ActionCheckAgreement().run(dispatcher, tracker, domain)


async def test_asking_for_the_check_explains_how_to_upload(dispatcher, domain, state_dir):
    events = await _run(dispatcher, domain, "kun je mijn overeenkomst controleren")
    assert events == []
    assert dispatcher.messages[0]["text"] == messages.CHECK_HOW.format(limit="5 MB")
    assert "Overeenkomst uploaden" in dispatcher.messages[0]["text"]
    assert not (state_dir / "agreement-reports").exists()


async def test_a_pasted_agreement_is_checked_and_its_report_linked(dispatcher, domain, state_dir):
    text = (HELDOUT / "format_two_missing.md").read_text(encoding="utf-8")
    events = await _run(dispatcher, domain, text)
    assert events == []
    reply, offer = dispatcher.messages
    assert reply["text"].startswith(messages.CHAT_CHECKED + " 8 van de 10 onderwerpen zijn geregeld.")
    assert "\n- f. inhoud van de overstapoptie: ontbreekt\n" in reply["text"]
    assert "\n- c. vormgeving van de leiding: geregeld (artikel 3a)\n" in reply["text"]
    report = reply["custom"]["agreement_report"]
    assert report["docx"] == f"http://localhost:5005/agreements/reports/{report['token']}/docx"
    stored = DraftStore(state_dir / "agreement-reports")
    assert stored.tokens() == [report["token"]]
    assert stored.delete_conversation("test-user") == 1
    # Then the offer to complete it, with the answers the document gives kept for this conversation.
    assert offer["text"] == messages.OFFER_COMPLETION
    [yes, no] = offer["buttons"]
    answers = DraftStore(state_dir / "agreement-answers")
    [token] = answers.tokens()
    assert yes["payload"] == f'/complete_agreement{{"completion":"{token}"}}'
    assert no["payload"] == "/decline_completion"
    assert answers.belongs_to(token, "test-user") and not answers.belongs_to(token, "someone-else")


async def test_a_pasted_text_over_the_limit_gets_the_reason(dispatcher, domain, monkeypatch,
                                                          state_dir):
    monkeypatch.setenv("AGREEMENT_MAX_PAGES", "1")
    text = (HELDOUT / "format_two_missing.md").read_text(encoding="utf-8")
    await _run(dispatcher, domain, text)
    assert dispatcher.messages[0]["text"] == messages.TOO_MANY_PAGES.format(pages=1)
    assert not dispatcher.messages[0]["custom"]
    assert not (state_dir / "agreement-reports").exists()


async def test_a_complete_agreement_gets_no_offer_to_complete_it(dispatcher, domain, state_dir):
    text = (HELDOUT / "full_format.md").read_text(encoding="utf-8")
    assert await _run(dispatcher, domain, text) == []
    [reply] = dispatcher.messages
    assert "10 van de 10 onderwerpen zijn geregeld" in reply["text"]
    assert not (state_dir / "agreement-answers").exists()


async def test_a_conversation_keeps_only_the_configured_number_of_reports(dispatcher, domain, state_dir,
                                                                          monkeypatch):
    monkeypatch.setenv("DRAFTS_PER_CONVERSATION", "1")
    text = (HELDOUT / "format_two_missing.md").read_text(encoding="utf-8")
    await _run(dispatcher, domain, text)
    await _run(dispatcher, domain, text)
    newest = dispatcher.messages[-2]["custom"]["agreement_report"]["token"]
    assert DraftStore(state_dir / "agreement-reports").tokens() == [newest]
