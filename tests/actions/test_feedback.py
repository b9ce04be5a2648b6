"""Feedback under answers, the way to a person, and what the report data keeps of it."""

from datetime import date

import pytest

from actions.clarify_question import ActionClarifyQuestion, question_payload
from actions.feedback import (
    ActionAfterAnswer, ActionOfferContact, ActionRecordFeedback, ActionRecordRemark,
    ValidateFeedbackRemarkForm,
    draft_made, interview_finished, interview_step_reached,
)
from actions.interview_questions import ASK_ACTIONS
from bot import messages
from bot.feedback import store as kinds
from bot.feedback.store import ReportStore
from bot.settings import Settings
from tests.conftest import complete_answers, make_tracker, parse_result, slots_of

ALL_TIME = (date.min, date.max)


def _report():
    return ReportStore(Settings.from_environment().report_db)


def _faq(text, key):
    parse = parse_result(text, [("faq", 0.9)], [(key, 0.9)])
    parse["response_selector"]["faq"]["response"] = {"intent_response_key": f"faq/{key}"}
    return parse


def _texts(dispatcher):
    return [m.get("text") for m in dispatcher.messages]


async def test_a_curated_answer_is_noted_and_asks_for_feedback(dispatcher, domain):
    tracker = make_tracker(_faq("Wat houdt de teambevoegdheid in?", "teambevoegdheid"))
    events = await ActionAfterAnswer().run(dispatcher, tracker, domain)
    [feedback] = dispatcher.messages
    assert feedback["text"] == "Was dit antwoord nuttig?"
    assert feedback["buttons"] == [{"title": "Ja", "payload": "/answer_helpful"},
                                   {"title": "Nee", "payload": "/answer_not_helpful"}]
    assert slots_of(events) == {
        "report_counted": True, "unanswered_in_a_row": 0,
        "last_answer": {"key": "teambevoegdheid", "question": "Wat houdt de teambevoegdheid in?"}}
    assert [(e.kind, e.answer, e.question) for e in _report().events(*ALL_TIME)] == [
        (kinds.ANSWERED, "teambevoegdheid", None), (kinds.CONVERSATION, None, None)]


async def test_a_conversation_is_counted_once(dispatcher, domain):
    tracker = make_tracker(_faq("x", "teambevoegdheid"), slots={"report_counted": True})
    events = await ActionAfterAnswer().run(dispatcher, tracker, domain)
    assert "report_counted" not in slots_of(events)
    assert [e.kind for e in _report().events(*ALL_TIME)] == [kinds.ANSWERED]


async def test_no_feedback_is_asked_during_an_interview_question(dispatcher, domain):
    tracker = make_tracker(_faq("x", "teambevoegdheid"), active_loop={"name": "interview_form"})
    events = await ActionAfterAnswer().run(dispatcher, tracker, domain)
    assert dispatcher.messages == [] and "last_answer" not in slots_of(events)


async def test_the_second_question_in_a_row_without_an_answer_offers_a_person(dispatcher, domain):
    parse = parse_result("Hoe laat gaat de bus?", [("out_of_scope", 0.9)])
    first = await ActionAfterAnswer().run(dispatcher, make_tracker(parse), domain)
    assert dispatcher.messages == [] and slots_of(first)["unanswered_in_a_row"] == 1
    second = await ActionAfterAnswer().run(
        dispatcher, make_tracker(parse, slots=slots_of(first)), domain)
    [contact] = _texts(dispatcher)
    assert contact.startswith(messages.CONTACT_AFTER_FAILURE)
    assert slots_of(second)["unanswered_in_a_row"] == 0
    kinds_stored = [e.kind for e in _report().events(*ALL_TIME)]
    assert kinds_stored.count(kinds.UNANSWERED) == 2 and kinds.CONTACT_OFFERED in kinds_stored
    assert _report().events(*ALL_TIME)[0].question == "Hoe laat gaat de bus?"


async def test_an_answer_resets_the_count_of_questions_without_an_answer(dispatcher, domain):
    tracker = make_tracker(_faq("x", "teambevoegdheid"), slots={"unanswered_in_a_row": 1})
    assert slots_of(await ActionAfterAnswer().run(dispatcher, tracker, domain))[
        "unanswered_in_a_row"] == 0


async def test_a_picked_question_counts_as_answered_after_did_you_mean(dispatcher, domain):
    events = [{"event": "user", "text": "mr overeenkomst",
               "parse_data": {"intent": {"name": "nlu_fallback"}}}]
    parse = parse_result(question_payload("teambevoegdheid"), [("nlu_fallback", 1.0)], [],
                         entities=[{"entity": "question_key", "value": "teambevoegdheid"}])
    events.append({"event": "user", "text": parse["text"], "parse_data": parse})
    result = await ActionClarifyQuestion().run(dispatcher, make_tracker(parse, events=events), domain)
    assert slots_of(result)["last_answer"] == {"key": "teambevoegdheid", "question": "mr overeenkomst"}
    assert _texts(dispatcher)[-1] == messages.FEEDBACK_QUESTION
    assert [e.kind for e in _report().events(*ALL_TIME)][0] == kinds.ANSWERED_AFTER_CHOICE


async def test_did_you_mean_is_noted_without_the_question(dispatcher, domain):
    parse = parse_result("mr en de overeenkomst", [("nlu_fallback", 0.4), ("faq", 0.38)],
                         [("medezeggenschap_goedkeuring", 0.45), ("medezeggenschap_wetten", 0.40)])
    await ActionClarifyQuestion().run(dispatcher, make_tracker(parse), domain)
    [event, _conversation] = _report().events(*ALL_TIME)
    assert (event.kind, event.question) == (kinds.CLARIFIED, None)


@pytest.mark.parametrize("text", ["", "😀😀"])
async def test_a_message_without_words_is_not_a_question(dispatcher, domain, text):
    parse = parse_result(text, [("nlu_fallback", 0.3), ("faq", 0.3)], [("teambevoegdheid", 0.2)])
    assert await ActionClarifyQuestion().run(dispatcher, make_tracker(parse), domain) == []
    assert _report().events(*ALL_TIME) == []


async def test_yes_is_stored_for_the_answer_and_thanked(dispatcher, domain):
    tracker = make_tracker(parse_result("/answer_helpful", [("answer_helpful", 1.0)]),
                           slots={"last_answer": {"key": "teambevoegdheid", "question": "q?"}})
    events = await ActionRecordFeedback().run(dispatcher, tracker, domain)
    assert _texts(dispatcher) == [messages.FEEDBACK_THANKS]
    assert slots_of(events) == {"last_answer": None}
    [event] = _report().events(*ALL_TIME)
    assert (event.kind, event.answer, event.question) == (kinds.HELPFUL, "teambevoegdheid", None)


async def test_no_stores_the_question_offers_a_person_and_takes_a_remark(dispatcher, domain):
    question = "Wie tekent namens het ROC?"
    tracker = make_tracker(parse_result("/answer_not_helpful", [("answer_not_helpful", 1.0)]),
                           slots={"last_answer": {"key": "passage:3", "question": question}})
    events = await ActionRecordFeedback().run(dispatcher, tracker, domain)
    sorry, contact = _texts(dispatcher)
    assert sorry == messages.FEEDBACK_SORRY and contact.startswith(messages.CONTACT_AFTER_FAILURE)
    assert messages.CONTACT_DEFAULT in contact
    slots = slots_of(events)
    assert slots["last_answer"] == {"key": None, "question": question}
    # A second click on "Nee" rates nothing more.
    again = make_tracker(parse_result("/answer_not_helpful", [("answer_not_helpful", 1.0)]), slots=slots)
    assert await ActionRecordFeedback().run(dispatcher, again, domain) == []
    remark = make_tracker({}, slots={**slots, "feedback_remark": "  Ik zocht de  regel voor AOC's "})
    assert slots_of(await ActionRecordRemark().run(dispatcher, remark, domain)) == {
        "feedback_remark": None, "last_answer": None}
    assert _texts(dispatcher)[-2:] == [messages.FEEDBACK_NOTHING_TO_RATE, messages.REMARK_THANKS]
    rows = [(e.kind, e.answer, e.question, e.remark) for e in _report().events(*ALL_TIME)]
    assert rows == [(kinds.NOT_HELPFUL, "passage:3", question, "Ik zocht de regel voor AOC's"),
                    (kinds.CONTACT_OFFERED, None, None, None)]


async def test_no_remark_stores_nothing_and_says_nothing(dispatcher, domain):
    tracker = make_tracker({}, slots={"feedback_remark": "", "last_answer": {"question": "q"}})
    events = await ActionRecordRemark().run(dispatcher, tracker, domain)
    assert dispatcher.messages == [] and slots_of(events)["feedback_remark"] is None
    assert _report().events(*ALL_TIME) == []


async def test_asking_for_a_person_gives_the_configured_route(dispatcher, domain, monkeypatch):
    monkeypatch.setenv("CONTACT_EMAIL", "leerroute@school.nl")
    monkeypatch.setenv("CONTACT_URL", "https://school.nl/contact")
    parse = parse_result("kan ik iemand spreken?", [("ask_contact", 0.9)])
    events = await ActionOfferContact().run(dispatcher, make_tracker(parse), domain)
    [text] = _texts(dispatcher)
    assert text == (f"{messages.CONTACT_ASKED} {messages.CONTACT_CONFIGURED}\n\n"
                    "- per e-mail: leerroute@school.nl\n- via de website: https://school.nl/contact")
    assert slots_of(events) == {"report_counted": True}
    assert sorted(e.kind for e in _report().events(*ALL_TIME)) == [
        kinds.CONTACT_OFFERED, kinds.CONVERSATION]


async def test_an_interview_is_followed_by_its_token_only(dispatcher, domain):
    ask = {a().step_key: a() for a in ASK_ACTIONS}
    events = await ask["same_authority"].run(dispatcher, make_tracker({}), domain)
    slots = slots_of(events)
    token = slots["report_interview"]
    assert slots["report_counted"] is True and len(token) >= 20
    assert interview_step_reached(make_tracker({}, slots=slots), "route_type") == []
    [interview] = _report().interviews(*ALL_TIME)
    assert (interview.last_step, interview.steps, interview.finished) == ("route_type", 2, None)
    interview_finished(make_tracker({}, slots=slots))
    interview_finished(make_tracker({}))  # no interview: nothing to finish
    draft_made()
    [interview] = _report().interviews(*ALL_TIME)
    assert interview.finished is not None
    assert [e.kind for e in _report().events(*ALL_TIME)] == [kinds.CONVERSATION, kinds.DRAFT]


@pytest.mark.parametrize("text", [
    "Ik zocht de regel voor AOC's", "het antwoord was te algemeen", "Wie uitvalt krijgt in dit antwoord geen enkele informatie over wat er dan gebeurt",
])
async def test_a_remark_is_kept_as_the_remark(dispatcher, domain, text):
    tracker = make_tracker(parse_result(text, [("nlu_fallback", 0.4)]), active_loop={"name": "feedback_remark_form"})
    validated = await ValidateFeedbackRemarkForm().validate_feedback_remark(text, dispatcher, tracker, domain)
    assert validated == {"feedback_remark": text}


async def _run_remark_form(dispatcher, domain, text, intent):
    """The events of the remark form's validation action for ``text``, as Rasa calls it when a
    remark is asked."""
    tracker = make_tracker(parse_result(text, [(intent, 0.9)]), active_loop={"name": "feedback_remark_form"},
                           slots={"requested_slot": "feedback_remark"},
                           events=[{"event": "user", "text": text}])
    return await ValidateFeedbackRemarkForm().run(dispatcher, tracker, domain)


@pytest.mark.parametrize("text, intent", [
    ("het antwoord was te lang", "answer_not_helpful"), ("het hielp wel een beetje", "answer_helpful"),
    ("geen van de antwoorden ging over AOC's", "none_of_these"), ("ik miste de wettekst", "nlu_fallback"),
])
async def test_typed_text_where_a_remark_is_asked_is_the_remark_whatever_it_reads_like(
        dispatcher, domain, text, intent):
    events = await _run_remark_form(dispatcher, domain, text, intent)
    assert slots_of(events)["feedback_remark"] == text


@pytest.mark.parametrize("text, intent", [
    ("/answer_not_helpful", "answer_not_helpful"), ("/answer_helpful", "answer_helpful"),
    ("/no_remark", "no_remark"), ("geen opmerking", "no_remark"), ("   ", "nlu_fallback"),
    ("ik wil een overeenkomst opstellen", "start_interview"), ("kan ik iemand spreken", "ask_contact"),
    ("controleer mijn overeenkomst", "check_agreement"), ("opnieuw beginnen", "restart_interview"),
    ("verder met het interview", "resume_interview"), ("laat het overzicht zien", "show_review"),
    ("maak het document", "request_draft"),
])
async def test_a_click_or_a_request_where_a_remark_is_asked_is_left_to_the_rules(
        dispatcher, domain, text, intent):
    assert await ValidateFeedbackRemarkForm().extract_feedback_remark(
        dispatcher, make_tracker(parse_result(text, [(intent, 0.9)]),
                                 slots={"requested_slot": "feedback_remark"}), domain) == {}
    assert "feedback_remark" not in slots_of(await _run_remark_form(dispatcher, domain, text, intent))


async def test_a_message_without_text_is_no_remark(dispatcher, domain):
    tracker = make_tracker({"intent": {"name": "nlu_fallback"}}, slots={"requested_slot": "feedback_remark"})
    assert await ValidateFeedbackRemarkForm().extract_feedback_remark(dispatcher, tracker, domain) == {}


async def test_typed_text_is_no_remark_when_no_remark_is_asked(dispatcher, domain):
    tracker = make_tracker(parse_result("het antwoord was te lang", [("answer_not_helpful", 0.9)]),
                           slots={"requested_slot": None})
    assert await ValidateFeedbackRemarkForm().extract_feedback_remark(dispatcher, tracker, domain) == {}


@pytest.mark.parametrize("text", [
    "Wie tekent de overeenkomst?", "wie tekent de overeenkomst", "Moet de MR instemmen",
    '/nlu_fallback{"question_key":"teambevoegdheid"}',
])
async def test_a_question_instead_of_a_remark_ends_the_remark_and_is_answered(dispatcher, domain, text):
    tracker = make_tracker(parse_result(text, [("faq", 0.9)]), active_loop={"name": "feedback_remark_form"},
                           slots={"last_answer": {"key": None, "question": "Wie tekent?"}})
    validated = await ValidateFeedbackRemarkForm().validate_feedback_remark(text, dispatcher, tracker, domain)
    assert validated == {"feedback_remark": None, "requested_slot": None}
    events = await ActionRecordRemark().run(dispatcher, tracker, domain)
    assert slots_of(events) == {"feedback_remark": None, "last_answer": None}
    assert [e["name"] for e in events if e["event"] == "followup"] == ["action_clarify_question"]
    assert dispatcher.messages == [] and _report().events(*ALL_TIME) == []


async def test_no_remark_chosen_is_not_taken_for_a_question(dispatcher, domain):
    tracker = make_tracker(parse_result("/no_remark", [("no_remark", 1.0)]),
                           slots={"feedback_remark": "", "last_answer": {"question": "q"}})
    events = await ActionRecordRemark().run(dispatcher, tracker, domain)
    assert [e["event"] for e in events] == ["slot", "slot"]


def _after(bot_text, user_text, intent):
    """A tracker whose latest user message follows the assistant's ``bot_text``."""
    events = [{"event": "user", "text": "vraag"}, {"event": "bot", "text": "antwoord"},
              {"event": "bot", "text": bot_text}, {"event": "user", "text": user_text}]
    return make_tracker(parse_result(user_text, [(intent, 0.9)]), events=events,
                        slots={"last_answer": {"key": "teambevoegdheid", "question": "Wat is X?"}})


async def test_a_typed_yes_right_after_the_feedback_question_counts(dispatcher, domain):
    events = await ActionRecordFeedback().run(
        dispatcher, _after(messages.FEEDBACK_QUESTION, "ja hoor", "affirm"), domain)
    assert slots_of(events) == {"last_answer": None}
    assert _texts(dispatcher) == [messages.FEEDBACK_THANKS]
    assert [(e.kind, e.answer) for e in _report().events(*ALL_TIME)] == [(kinds.HELPFUL, "teambevoegdheid")]


async def test_a_typed_no_right_after_the_feedback_question_counts_and_offers_a_person(dispatcher, domain):
    events = await ActionRecordFeedback().run(
        dispatcher, _after(messages.FEEDBACK_QUESTION, "nee", "deny"), domain)
    assert slots_of(events) == {"last_answer": None}
    assert _texts(dispatcher)[0] == messages.FEEDBACK_SORRY
    assert [(e.kind, e.question) for e in _report().events(*ALL_TIME)][0] == (kinds.NOT_HELPFUL, "Wat is X?")


@pytest.mark.parametrize("intent", ["affirm", "deny"])
async def test_a_typed_yes_or_no_after_something_else_rates_nothing(dispatcher, domain, intent):
    events = await ActionRecordFeedback().run(dispatcher, _after("Goedendag!", "ja", intent), domain)
    assert events == [] and dispatcher.messages[0]["response"] == "utter_anything_else"
    assert _report().events(*ALL_TIME) == []
    fresh = make_tracker(parse_result("ja", [(intent, 0.9)]), events=[
        {"event": "bot", "text": messages.FEEDBACK_QUESTION}, {"event": "user", "text": "ja"}])
    assert await ActionRecordFeedback().run(dispatcher, fresh, domain) == []
    assert dispatcher.messages[1]["response"] == "utter_anything_else"


async def test_a_typed_yes_that_answers_nothing_while_the_review_waits_asks_to_confirm_it(dispatcher, domain):
    def after_an_answer(intent, **slots):
        return make_tracker(parse_result("ja", [(intent, 0.9)]), slots=complete_answers(**slots), events=[
            {"event": "bot", "text": messages.FEEDBACK_THANKS}, {"event": "user", "text": "ja"}])

    asked = await ActionRecordFeedback().run(dispatcher, after_an_answer("affirm"), domain)
    assert asked == [{"event": "followup", "name": "action_offer_review_confirmation", "timestamp": None}]
    # Not for a no, nor once confirmed, nor while answers are missing.
    for tracker in (after_an_answer("deny"), after_an_answer("affirm", interview_confirmed=True),
                    after_an_answer("affirm", clause_8_disputes=None)):
        assert await ActionRecordFeedback().run(dispatcher, tracker, domain) == []
    assert [m["response"] for m in dispatcher.messages] == ["utter_anything_else"] * 3


async def test_the_question_to_confirm_the_review_offers_the_buttons(dispatcher, domain):
    from actions.interview_review import CONFIRM, WHOLE_REVIEW, ActionOfferReviewConfirmation

    assert await ActionOfferReviewConfirmation().run(dispatcher, make_tracker({"text": "ja"}), domain) == []
    assert dispatcher.messages[0]["text"] == messages.CONFIRM_REVIEW_QUESTION
    assert dispatcher.messages[0]["buttons"] == [CONFIRM, WHOLE_REVIEW]


async def test_a_no_where_a_remark_is_asked_means_no_remark(dispatcher, domain):
    tracker = make_tracker(parse_result("nee", [("deny", 0.9)]), active_loop={"name": "feedback_remark_form"})
    validated = await ValidateFeedbackRemarkForm().validate_feedback_remark("nee", dispatcher, tracker, domain)
    assert validated == {"feedback_remark": ""}


@pytest.mark.parametrize("events", [
    [{"event": "user", "text": "vraag"}, {"event": "user", "text": "ja"}],
    [{"event": "bot", "text": messages.FEEDBACK_QUESTION}],
    [{"event": "user", "text": "ja"}],
])
def test_a_yes_answers_the_feedback_question_only_right_after_it(events):
    from actions.feedback import just_asked_for_feedback

    assert just_asked_for_feedback(make_tracker({}, events=events)) is False
    answered = [{"event": "bot", "text": messages.FEEDBACK_QUESTION}, {"event": "action"},
                {"event": "user", "text": "ja"}]
    assert just_asked_for_feedback(make_tracker({}, events=answered)) is True


def test_the_actions_keep_one_report_store_per_file(monkeypatch, tmp_path):
    from actions.feedback import report_store

    first = report_store()
    assert report_store() is first
    monkeypatch.setenv("ASSISTANT_STATE_DIR", str(tmp_path / "elsewhere"))
    other = report_store()
    assert other is not first and other.path == Settings.from_environment().report_db


async def test_a_question_without_an_answer_after_choosing_is_noted_as_such(dispatcher, domain):
    from actions.feedback import unanswered

    unanswered(dispatcher, make_tracker({}, slots={"report_counted": True}), "wie tekent?", after_choice=True)
    assert [(e.kind, e.question) for e in _report().events(*ALL_TIME)] == [
        (kinds.UNANSWERED_AFTER_CHOICE, "wie tekent?"), (kinds.CONTACT_OFFERED, None)]


async def test_a_question_intent_without_a_curated_answer_counts_as_unanswered(dispatcher, domain):
    parse = parse_result("wie tekent?", [("faq", 0.9)], [])
    parse["response_selector"] = {}
    events = await ActionAfterAnswer().run(dispatcher, make_tracker(parse, slots={"report_counted": True}), domain)
    assert slots_of(events) == {"unanswered_in_a_row": 1, "last_answer": None}
    assert [(e.kind, e.question) for e in _report().events(*ALL_TIME)] == [(kinds.UNANSWERED, "wie tekent?")]


async def test_a_reply_to_a_message_without_text_notes_no_question_text(dispatcher, domain):
    tracker = make_tracker({"intent": {"name": "out_of_scope"}}, slots={"report_counted": True})
    await ActionAfterAnswer().run(dispatcher, tracker, domain)
    assert [e.question for e in _report().events(*ALL_TIME)] in ([""], [None])


async def test_a_remark_without_an_answer_before_it_is_kept_without_a_question(dispatcher, domain):
    tracker = make_tracker({}, slots={"feedback_remark": "Ik mis de regels voor AOC's", "last_answer": None})
    events = await ActionRecordRemark().run(dispatcher, tracker, domain)
    assert slots_of(events) == {"feedback_remark": None, "last_answer": None}
    assert _texts(dispatcher) == [messages.REMARK_THANKS]
