"""Feedback under answers, the remark after "Nee" and the way to a person, through the real
Rasa server and action server over the REST channel; what the report keeps is read back from
the assistant's own report database."""

from datetime import date
from typing import List, Tuple

from bot import messages
from bot.feedback import store as kinds
from bot.feedback.store import ReportStore
from bot.knowledge import load_knowledge
from bot.privacy import forget_conversation
from bot.settings import Settings
from tests.integration.servers import reply_text

QUESTION = "moet de mr de samenwerkingsovereenkomst goedkeuren"
ANSWER_KEY = "medezeggenschap_goedkeuring"
FEEDBACK_PAYLOADS = [button["payload"] for button in messages.FEEDBACK_BUTTONS]


def _feedback_rows(assistant, question: str) -> List[Tuple[str, str, str]]:
    """(kind, answer, remark) of the report's feedback about one question text."""
    report = ReportStore(assistant.state_dir / "report.db")
    return [(e.kind, e.answer, e.remark) for e in report.events(date.min, date.max)
            if e.question == question and e.kind in (kinds.HELPFUL, kinds.NOT_HELPFUL)]


def _helpful_count(assistant, answer: str) -> int:
    report = ReportStore(assistant.state_dir / "report.db")
    return sum(1 for e in report.events(date.min, date.max)
               if e.kind == kinds.HELPFUL and e.answer == answer)


def test_an_answer_asks_whether_it_helped_with_two_buttons(assistant):
    replies = assistant.send("feedback-buttons", QUESTION)
    assert load_knowledge().get(ANSWER_KEY).answer in reply_text(replies)
    last = replies[-1]
    assert last["text"] == messages.FEEDBACK_QUESTION
    assert [b["payload"] for b in last["buttons"]] == FEEDBACK_PAYLOADS
    assert [b["title"] for b in last["buttons"]] == ["Ja", "Nee"]


def test_yes_is_thanked_and_counted_for_that_answer(assistant):
    before = _helpful_count(assistant, ANSWER_KEY)
    assistant.send("feedback-yes", QUESTION)
    assert reply_text(assistant.send("feedback-yes", "/answer_helpful")) == messages.FEEDBACK_THANKS
    assert _helpful_count(assistant, ANSWER_KEY) == before + 1
    # A second click rates nothing more.
    again = reply_text(assistant.send("feedback-yes", "/answer_helpful"))
    assert again == messages.FEEDBACK_NOTHING_TO_RATE
    assert _helpful_count(assistant, ANSWER_KEY) == before + 1


def test_no_offers_a_person_and_keeps_the_remark_with_the_question(assistant):
    question = "Moet de medezeggenschapsraad instemmen met de overeenkomst?"
    assistant.send("feedback-no", question)
    replies = assistant.send("feedback-no", "/answer_not_helpful")
    text = reply_text(replies)
    assert messages.FEEDBACK_SORRY in text and messages.CONTACT_AFTER_FAILURE in text
    assert messages.CONTACT_DEFAULT in text
    assert replies[-1]["buttons"] == [{"title": "Geen opmerking", "payload": "/no_remark"}]
    thanks = reply_text(assistant.send("feedback-no", "Ik zocht wie de instemming moet geven"))
    assert thanks == messages.REMARK_THANKS
    [(kind, _answer, remark)] = _feedback_rows(assistant, question)
    assert (kind, remark) == (kinds.NOT_HELPFUL, "Ik zocht wie de instemming moet geven")


def test_a_remark_that_reads_like_feedback_is_kept_as_the_remark(assistant):
    question = "Moet de medezeggenschapsraad instemmen met de samenwerkingsovereenkomst?"
    assistant.send("feedback-like", question)
    assistant.send("feedback-like", "/answer_not_helpful")
    thanks = reply_text(assistant.send("feedback-like", "het antwoord was te lang"))
    assert thanks == messages.REMARK_THANKS
    assert [(kind, remark) for kind, _a, remark in _feedback_rows(assistant, question)] == [
        (kinds.NOT_HELPFUL, "het antwoord was te lang")]
    # The remark is done: a click on the old "Nee" rates nothing more.
    again = reply_text(assistant.send("feedback-like", "/answer_not_helpful"))
    assert again.startswith(messages.FEEDBACK_NOTHING_TO_RATE)
    assert len(_feedback_rows(assistant, question)) == 1


def test_no_remark_stores_the_no_without_a_remark(assistant):
    question = "Moet de ondernemingsraad de samenwerkingsovereenkomst goedkeuren?"
    assistant.send("feedback-skip", question)
    assistant.send("feedback-skip", "/answer_not_helpful")
    assert assistant.send("feedback-skip", "/no_remark") == []
    assert [(kind, remark) for kind, _a, remark in _feedback_rows(assistant, question)] == [
        (kinds.NOT_HELPFUL, None)]


def test_a_question_instead_of_a_remark_is_answered_not_stored(assistant):
    question = "Moet de MR instemmen met de samenwerkingsovereenkomst?"
    assistant.send("feedback-question", question)
    assistant.send("feedback-question", "/answer_not_helpful")
    replies = assistant.send("feedback-question", "Wat houdt de teambevoegdheid in?")
    text = reply_text(replies)
    assert load_knowledge().get("teambevoegdheid").answer in text
    assert messages.REMARK_THANKS not in text
    assert replies[-1]["text"] == messages.FEEDBACK_QUESTION
    assert [(kind, remark) for kind, _a, remark in _feedback_rows(assistant, question)] == [
        (kinds.NOT_HELPFUL, None)]
    # The new answer can be rated in its turn.
    assert reply_text(assistant.send("feedback-question", "/answer_helpful")) == messages.FEEDBACK_THANKS


def test_asking_for_a_person_gives_the_contact_route(assistant):
    for sender, text in [("contact-1", "kan ik iemand spreken?"), ("contact-2", "contact")]:
        reply = reply_text(assistant.send(sender, text))
        assert messages.CONTACT_DEFAULT in reply, (text, reply)


def test_no_feedback_question_interrupts_an_interview_question(assistant):
    sender = "feedback-interview"
    assistant.send(sender, "/start_interview")
    replies = assistant.send(sender, "Wat houdt de teambevoegdheid in?")
    assert load_knowledge().get("teambevoegdheid").answer in reply_text(replies)
    assert messages.FEEDBACK_QUESTION not in reply_text(replies)
    assert not any(b["payload"] in FEEDBACK_PAYLOADS
                   for r in replies for b in r.get("buttons") or [])


def test_forget_removes_the_question_and_remark_from_the_report_data(assistant):
    question = "Moet de GMR de samenwerkingsovereenkomst goedkeuren?"
    assistant.send("feedback-forget", question)
    assistant.send("feedback-forget", "/answer_not_helpful")
    assistant.send("feedback-forget", "Graag meer over de GMR van Stichting Vergeetmij")
    assert _feedback_rows(assistant, question) == [
        (kinds.NOT_HELPFUL, "medezeggenschap_goedkeuring",
         "Graag meer over de GMR van Stichting Vergeetmij")]
    settings = Settings.from_environment({"ASSISTANT_STATE_DIR": str(assistant.state_dir)})
    assert forget_conversation("feedback-forget", settings)["report_data"] >= 1
    assert _feedback_rows(assistant, question) == []
    report = ReportStore(assistant.state_dir / "report.db")
    assert not any("Vergeetmij" in (e.remark or "") for e in report.events(date.min, date.max))
    # The "Nee" itself is still counted, without its texts.
    assert any(e.kind == kinds.NOT_HELPFUL and e.question is None and e.remark is None
               for e in report.events(date.min, date.max))


def test_a_typed_no_on_the_feedback_question_counts_and_a_later_yes_rates_nothing(assistant):
    question = "Moet de deelnemersraad de samenwerkingsovereenkomst goedkeuren?"
    assistant.send("feedback-typed", question)
    text = reply_text(assistant.send("feedback-typed", "nee hoor"))
    assert messages.FEEDBACK_SORRY in text and messages.CONTACT_DEFAULT in text
    assert [kind for kind, _a, _r in _feedback_rows(assistant, question)] == [kinds.NOT_HELPFUL]
    assistant.send("feedback-typed", "hallo")
    assert reply_text(assistant.send("feedback-typed", "ja")) == "Waarmee kan ik u verder helpen?"
    assert [kind for kind, _a, _r in _feedback_rows(assistant, question)] == [kinds.NOT_HELPFUL]
