"""The clarify action: picked questions, "Bedoelt u ...?" choices, and honest refusals."""

import pytest

from actions.clarify_question import ActionClarifyQuestion, question_payload
from bot import messages
from bot.knowledge import load_knowledge
from tests.conftest import make_tracker, parse_result


REPORT_SLOTS = {"report_counted", "unanswered_in_a_row", "last_answer"}


async def _run(dispatcher, domain, parse):
    """The replies, without the feedback question and the way to a person (tests/actions/
    test_feedback.py covers those)."""
    events = await ActionClarifyQuestion().run(dispatcher, make_tracker(parse), domain)
    assert {event["name"] for event in events} <= REPORT_SLOTS
    return [m for m in dispatcher.messages
            if m.get("text") != messages.FEEDBACK_QUESTION
            and not str(m.get("text") or "").startswith(messages.CONTACT_AFTER_FAILURE)]


async def test_close_answers_are_offered_as_choices(dispatcher, domain):
    parse = parse_result(
        "mr en de overeenkomst",
        [("nlu_fallback", 0.4), ("faq", 0.38)],
        [("medezeggenschap_goedkeuring", 0.45), ("medezeggenschap_wetten", 0.40)],
    )
    [message] = await _run(dispatcher, domain, parse)
    assert message["text"] == messages.DID_YOU_MEAN
    knowledge = load_knowledge()
    assert message["buttons"] == [
        {"title": knowledge.get("medezeggenschap_goedkeuring").title,
         "payload": question_payload("medezeggenschap_goedkeuring")},
        {"title": knowledge.get("medezeggenschap_wetten").title,
         "payload": question_payload("medezeggenschap_wetten")},
        {"title": messages.NONE_OF_THESE, "payload": "/none_of_these"},
    ]


async def test_a_picked_question_is_answered(dispatcher, domain):
    parse = parse_result(
        question_payload("teambevoegdheid"), [("nlu_fallback", 1.0)], [],
        entities=[{"entity": "question_key", "value": "teambevoegdheid"}],
    )
    [message] = await _run(dispatcher, domain, parse)
    assert message["response"] == "utter_faq/teambevoegdheid"


async def test_an_unknown_picked_key_is_not_answered(dispatcher, domain):
    parse = parse_result(
        "x", [("nlu_fallback", 1.0)], [],
        entities=[{"entity": "question_key", "value": "../../etc/passwd"}],
    )
    [message] = await _run(dispatcher, domain, parse)
    assert message["response"] == "utter_out_of_scope"


@pytest.mark.parametrize("text", ["", "   ", "😀😀", "???", "\u0000\u0007"])
async def test_a_message_without_words_gets_a_hint(dispatcher, domain, text):
    parse = parse_result(text, [("nlu_fallback", 0.3), ("faq", 0.3)], [("teambevoegdheid", 0.2)])
    [message] = await _run(dispatcher, domain, parse)
    assert message["text"] == messages.NO_WORDS


async def test_a_message_far_from_any_question_is_declined(dispatcher, domain):
    parse = parse_result(
        "hoe laat gaat de bus", [("nlu_fallback", 0.35), ("out_of_scope", 0.34), ("faq", 0.1)],
        [("teambevoegdheid", 0.3)],
    )
    [message] = await _run(dispatcher, domain, parse)
    assert message["response"] == "utter_out_of_scope"
    assert "utter_out_of_scope" in domain["responses"]


async def test_an_unsure_intent_with_a_clear_answer_is_answered(dispatcher, domain):
    parse = parse_result(
        "een lange vraag over de teambevoegdheid van ons docententeam",
        [("nlu_fallback", 0.4), ("faq", 0.38), ("start_interview", 0.3)],
        [("teambevoegdheid", 0.8), ("klacht_mbo_docent", 0.05)],
    )
    [message] = await _run(dispatcher, domain, parse)
    assert message["response"] == "utter_faq/teambevoegdheid"


async def test_an_answer_the_knowledge_base_does_not_hold_is_declined(dispatcher, domain):
    parse = parse_result("iets heel specifieks", [("faq", 0.95)], [("bestaat_niet", 0.9), ("teambevoegdheid", 0.05)])
    [message] = await _run(dispatcher, domain, parse)
    assert message["response"] == "utter_out_of_scope"


async def test_a_correction_after_the_interview_taken_for_a_question_changes_the_answer(dispatcher, domain):
    from tests.bot.test_interview_review import complete_answers

    message = {"text": "bij artikel 4b bedoelde ik: De school gebruikt het leerrestaurant van het ROC.",
               "intent": {"name": "nlu_fallback", "confidence": 0.3}, "entities": []}
    events = await ActionClarifyQuestion().run(dispatcher, make_tracker(message, slots=complete_answers()), domain)
    slots = {e["name"]: e["value"] for e in events if e["event"] == "slot"}
    assert slots["clause_4b_facilities"] == "De school gebruikt het leerrestaurant van het ROC"
    assert slots["changed_steps"] == ["clause_4b_facilities"]
    assert events[-1] == {"event": "followup", "timestamp": None, "name": "action_show_review"}


async def test_the_same_words_before_any_interview_are_an_ordinary_question(dispatcher, domain):
    message = {"text": "bij artikel 4b bedoelde ik het leerrestaurant", "intent": {"name": "nlu_fallback",
               "confidence": 0.3}, "entities": []}
    events = await ActionClarifyQuestion().run(dispatcher, make_tracker(message, slots={}), domain)
    assert all(e["event"] != "followup" for e in events)


# Passages of the sources, questions they do not answer, follow-ups and "Geen van deze".

from actions.clarify_question import previous_question  # noqa: E402
from bot.answering import search_passages, search_to_parse  # noqa: E402
from bot.knowledge.passages import load_passages  # noqa: E402
from bot.knowledge.quotes import passage_answer  # noqa: E402


def _question(text, intents=(("nlu_fallback", 0.5), ("faq", 0.4)), answers=(("x", 0.2),)):
    parse = parse_result(text, list(intents), list(answers))
    parse["passages"] = search_to_parse(search_passages(text))
    return parse


def _user(text, intent="nlu_fallback"):
    return {"event": "user", "text": text, "parse_data": {"intent": {"name": intent}}}


def _passage(start):
    return next(p for p in load_passages() if p.text.startswith(start))


async def test_a_question_a_passage_answers_gets_that_passage(dispatcher, domain):
    parse = _question("Wie moet de samenwerkingsovereenkomst ondertekenen?")
    [message] = await _run(dispatcher, domain, parse)
    assert message["text"] == passage_answer(_passage("De samenwerkingsovereenkomst wordt gesloten"))


async def test_a_question_the_sources_do_not_answer_is_said_to_be_so(dispatcher, domain):
    parse = _question("Is er eigenlijk een maximum aantal leerlingen voor zo'n route?")
    [message] = await _run(dispatcher, domain, parse)
    assert message["text"].startswith(messages.NOT_IN_SOURCES)


async def test_a_follow_up_is_read_with_the_question_before_it(dispatcher, domain):
    before = "Moet een aoc een samenwerkingsovereenkomst afsluiten?"
    parse = _question("waarom niet?")
    tracker = make_tracker(parse, events=[_user(before, "faq"), {"event": "bot"}, _user("waarom niet?")])
    await ActionClarifyQuestion().run(dispatcher, tracker, domain)
    [message, feedback] = dispatcher.messages
    assert "Hetzelfde bevoegd gezag" in message["text"] and "AOC" in message["text"]
    assert feedback["text"] == messages.FEEDBACK_QUESTION


async def test_none_of_these_searches_the_passages_for_the_question_before_it(dispatcher, domain):
    before = "wie moet er ondertekenen namens de school?"
    parse = parse_result("/none_of_these", [("none_of_these", 1.0)])
    events = [_user(before), {"event": "bot"}, _user("/none_of_these", "none_of_these")]
    await ActionClarifyQuestion().run(dispatcher, make_tracker(parse, events=events), domain)
    [message, feedback] = dispatcher.messages
    assert "gesloten door de bevoegde gezagsorganen" in message["text"]
    assert feedback["buttons"] == messages.FEEDBACK_BUTTONS


async def test_none_of_these_without_a_question_before_it_asks_to_rephrase(dispatcher, domain):
    parse = parse_result("/none_of_these", [("none_of_these", 1.0)])
    await ActionClarifyQuestion().run(dispatcher, make_tracker(parse), domain)
    [message, contact] = dispatcher.messages
    assert message["response"] == "utter_default"
    assert contact["text"].startswith(messages.CONTACT_AFTER_FAILURE)


async def test_none_of_these_after_a_question_the_sources_do_not_answer_says_so(dispatcher, domain):
    before = "welke kleur heeft het logo van de route"
    parse = parse_result("/none_of_these", [("none_of_these", 1.0)])
    events = [_user(before), {"event": "bot"}, _user("/none_of_these", "none_of_these")]
    await ActionClarifyQuestion().run(dispatcher, make_tracker(parse, events=events), domain)
    [message, contact] = dispatcher.messages
    assert message["text"].startswith(messages.NOT_IN_SOURCES) and "not_in_sources" not in message["text"]
    assert contact["text"].startswith(messages.CONTACT_AFTER_FAILURE)


def test_the_question_before_is_the_last_earlier_question_typed():
    events = [_user("wat is een sok", "faq"), _user("hallo", "greet"),
              _user('/nlu_fallback{"question_key":"x"}'), _user("en nu?")]
    assert previous_question(make_tracker({}, events=events)) == "wat is een sok"
    assert previous_question(make_tracker({}, events=[_user("en nu?")])) is None


# An interview command while no question is open.

from actions.clarify_question import ActionNoOpenQuestion  # noqa: E402


async def test_a_command_without_an_open_question_says_so(dispatcher, domain):
    for text in ("weet ik nog niet", "weet ik nog niet?", "hoe laat is het in Tokio?"):
        dispatcher.messages.clear()
        parse = _question(text, intents=(("dont_know_yet", 0.8),))
        assert await ActionNoOpenQuestion().run(dispatcher, make_tracker(parse), domain) == []
        assert [m["response"] for m in dispatcher.messages] == ["utter_no_open_question"]


async def test_a_follow_up_taken_for_a_command_is_answered_with_the_question_before_it(dispatcher, domain):
    before = "geldt voor leerlingen in de route die op het vmbo staan gewoon de wms?"
    text = "mogen we daar nog wat bovenop afspreken?"
    parse = _question(text, intents=(("dont_know_yet", 0.8),))
    tracker = make_tracker(parse, events=[_user(before, "faq"), {"event": "bot"}, _user(text, "dont_know_yet")])
    await ActionNoOpenQuestion().run(dispatcher, tracker, domain)
    [message, feedback] = dispatcher.messages
    assert "bovenop deze regels kunnen scholen en instellingen ook nog wat aanvullends regelen" in message["text"]
    assert feedback["text"] == messages.FEEDBACK_QUESTION
