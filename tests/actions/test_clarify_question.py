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


# What is said and noted for each decision, with the question it is noted for.

from actions.clarify_question import say  # noqa: E402
from actions.feedback import report_store  # noqa: E402
from bot.answering import ANSWER, NOT_IN_SOURCES, PASSAGE, Decision  # noqa: E402
from bot.feedback import store as kinds  # noqa: E402
from datetime import date  # noqa: E402
from tests.conftest import slots_of  # noqa: E402


def _noted():
    return [(e.kind, e.answer, e.question) for e in report_store().events(date.min, date.max)
            if e.kind != kinds.CONVERSATION]


def test_a_decline_names_the_nearest_passage_when_there_is_one(dispatcher):
    nearest = _passage("De samenwerkingsovereenkomst wordt gesloten")
    say(dispatcher, Decision(NOT_IN_SOURCES, passage=nearest.id))
    say(dispatcher, Decision(NOT_IN_SOURCES))
    with_passage, without = [m["text"] for m in dispatcher.messages]
    assert messages.NEAREST_INTRO in with_passage and "bevoegde gezagsorganen" in with_passage
    assert messages.NEAREST_INTRO not in without


def test_an_answer_or_passage_is_noted_for_the_question_typed(dispatcher):
    tracker = make_tracker({"text": "wie tekent?", "intent": {"name": "nlu_fallback"}})
    events = ActionClarifyQuestion.noted(dispatcher, tracker, Decision(PASSAGE, passage=3))
    assert slots_of(events)["last_answer"] == {"key": "passage:3", "question": "wie tekent?"}
    events = ActionClarifyQuestion.noted(dispatcher, tracker, Decision(ANSWER, key="teambevoegdheid"))
    assert slots_of(events)["last_answer"] == {"key": "teambevoegdheid", "question": "wie tekent?"}
    ActionClarifyQuestion.noted(dispatcher, tracker, Decision(NOT_IN_SOURCES))
    assert _noted() == [(kinds.ANSWERED, "passage:3", None), (kinds.ANSWERED, "teambevoegdheid", None),
                        (kinds.UNANSWERED, None, "wie tekent?")]


def test_after_none_of_these_the_answer_is_noted_for_the_question_before(dispatcher):
    events = [_user("wie tekent?"), {"event": "bot"}, _user("/none_of_these", "none_of_these")]
    tracker = make_tracker(parse_result("/none_of_these", [("none_of_these", 1.0)]), events=events)
    noted = ActionClarifyQuestion.noted(dispatcher, tracker, Decision(PASSAGE, passage=3))
    assert slots_of(noted)["last_answer"] == {"key": "passage:3", "question": "wie tekent?"}
    ActionClarifyQuestion.noted(dispatcher, tracker, Decision(NOT_IN_SOURCES))
    assert _noted() == [(kinds.ANSWERED_AFTER_CHOICE, "passage:3", None),
                        (kinds.UNANSWERED_AFTER_CHOICE, None, "wie tekent?"), (kinds.CONTACT_OFFERED, None, None)]


async def test_a_question_that_is_no_follow_up_gets_its_curated_answer_after_another(dispatcher, domain):
    text = "Wat houdt de teambevoegdheid in?"
    parse = parse_result(text, [("nlu_fallback", 0.9), ("faq", 0.9)], [("teambevoegdheid", 0.95), ("x", 0.01)])
    parse["passages"] = search_to_parse(search_passages(text))
    tracker = make_tracker(parse, events=[_user("moet de mr instemmen?", "faq"), {"event": "bot"}, _user(text)])
    assert ActionClarifyQuestion.decision(tracker) == Decision(ANSWER, key="teambevoegdheid")


async def test_a_correction_at_the_review_is_stored_and_the_review_shown(dispatcher, domain):
    from tests.conftest import complete_answers

    message = {"text": "het ROC heet eigenlijk ROC Rivor", "intent": {"name": "nlu_fallback", "confidence": 0.3},
               "entities": []}
    events = await ActionClarifyQuestion().run(dispatcher, make_tracker(message, slots=complete_answers()), domain)
    assert slots_of(events)["mbo_parties"] == ["ROC Rivor"]
    assert events[-1] == {"event": "followup", "name": "action_show_review", "timestamp": None}


async def test_no_correction_is_read_during_the_interview_or_from_an_ordinary_question(dispatcher, domain):
    from tests.conftest import complete_answers

    message = {"text": "het ROC heet eigenlijk ROC Rivor", "intent": {"name": "nlu_fallback", "confidence": 0.3},
               "entities": []}
    during = make_tracker(message, slots=complete_answers(), active_loop={"name": "interview_form"})
    assert ActionClarifyQuestion._correction_at_the_review(dispatcher, during) is None
    question = make_tracker({"text": "wat is een sok", "entities": []}, slots=complete_answers())
    assert ActionClarifyQuestion._correction_at_the_review(dispatcher, question) is None
    assert dispatcher.messages == []


async def test_a_command_that_is_a_question_but_no_follow_up_says_no_question_is_open(dispatcher, domain):
    text = "hoe laat is het?"
    parse = _question(text, intents=(("dont_know_yet", 0.8),))
    await ActionNoOpenQuestion().run(dispatcher, make_tracker(parse), domain)
    before = "moet de mr instemmen?"
    later = _question("weet ik nog niet", intents=(("dont_know_yet", 0.8),))
    tracker = make_tracker(later, events=[_user(before, "faq"), {"event": "bot"}, _user("weet ik nog niet", "dont_know_yet")])
    await ActionNoOpenQuestion().run(dispatcher, tracker, domain)
    assert [m["response"] for m in dispatcher.messages] == ["utter_no_open_question"] * 2


def test_a_message_without_text_is_noted_without_question_text(dispatcher):
    ActionClarifyQuestion.noted(dispatcher, make_tracker({"intent": {"name": "nlu_fallback"}}), Decision(NOT_IN_SOURCES))
    assert [question for _kind, _answer, question in _noted()] in ([""], [None])


async def test_a_correction_at_the_review_that_does_not_check_out_is_answered_as_a_question(dispatcher, domain):
    from tests.conftest import complete_answers

    message = {"text": "de datum moet 31 februari 2026 zijn", "entities": []}
    assert ActionClarifyQuestion._correction_at_the_review(
        dispatcher, make_tracker(message, slots=complete_answers())) is None


async def test_a_command_that_names_its_subject_is_answered_with_the_passage(dispatcher, domain):
    parse = _question("hebben jullie een voorbeeld sok", intents=(("ask_example", 0.7),))
    events = await ActionNoOpenQuestion().run(dispatcher, make_tracker(parse), domain)
    [message, feedback] = dispatcher.messages
    assert "vindt u een format en voorbeelden" in message["text"]
    assert "_Bron: FAQ: Zijn er voorbeelden van samenwerkingsovereenkomsten beschikbaar?_" in message["text"]
    assert feedback["text"] == messages.FEEDBACK_QUESTION
    assert events  # noted as answered


async def test_a_bare_command_or_one_no_passage_answers_says_no_question_is_open(dispatcher, domain):
    # One word, a command in two words the passage hardly holds, and a subject without an answer.
    for text, intent in (("voorbeeld", "ask_example"), ("geef een voorbeeld", "ask_example"),
                         ("weet ik nog niet", "dont_know_yet"), ("leg de sok in het engels uit", "explain_clause")):
        dispatcher.messages.clear()
        parse = _question(text, intents=((intent, 0.9),))
        assert await ActionNoOpenQuestion().run(dispatcher, make_tracker(parse), domain) == [], text
        assert [m["response"] for m in dispatcher.messages] == ["utter_no_open_question"], text


def test_a_decision_without_a_passage_is_not_quoted(dispatcher):
    from actions.clarify_question import answer_with_passage
    from bot.answering import NOT_IN_SOURCES, Decision

    tracker = make_tracker(parse_result("leg de sok uit", [("explain_clause", 0.9)]))
    assert answer_with_passage(dispatcher, tracker, Decision(NOT_IN_SOURCES, passage=3)) is None
    assert dispatcher.messages == []
