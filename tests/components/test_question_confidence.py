"""Unclear questions become nlu_fallback; clear ones and other intents stay as they are."""

from rasa.shared.nlu.training_data.message import Message

from components.question_confidence import EDIT_INTENT, RESUME_INTENT, START_INTENT, QuestionConfidence
from tests.conftest import parse_result


def _message(intent, confidence, answers, text="moet de mr instemmen met de sok"):
    return Message(data=parse_result(text, [(intent, confidence)], answers))


def _process(message):
    [processed] = QuestionConfidence().process([message])
    return processed.get("intent")["name"], processed.get("intent_ranking")[0]["name"]


def test_a_clear_question_keeps_its_intent():
    message = _message("faq", 0.97, [("medezeggenschap_goedkeuring", 0.9), ("x", 0.02)])
    assert _process(message) == ("faq", "faq")


def test_a_question_between_two_answers_becomes_fallback():
    message = _message("faq", 0.97, [("medezeggenschap_goedkeuring", 0.5), ("x", 0.45)])
    assert _process(message) == ("nlu_fallback", "nlu_fallback")


def test_an_emoji_only_message_becomes_fallback():
    message = _message("faq", 0.9, [("x", 0.9)], text="😀")
    assert _process(message) == ("nlu_fallback", "nlu_fallback")


def test_other_intents_are_left_alone():
    message = _message("greet", 0.6, [("x", 0.2), ("y", 0.19)], text="hallo")
    assert _process(message) == ("greet", "greet")


def test_the_fallback_keeps_the_question_s_confidence_and_each_message_is_judged():
    unclear = _message("faq", 0.91, [("medezeggenschap_goedkeuring", 0.5), ("x", 0.45)])
    greeting = _message("greet", 0.8, [], text="hallo")
    clear = _message("faq", 0.97, [("medezeggenschap_goedkeuring", 0.9), ("x", 0.02)])
    QuestionConfidence().process([greeting, unclear, clear])
    assert unclear.get("intent") == {"name": "nlu_fallback", "confidence": 0.91}
    assert unclear.get("intent_ranking")[:2] == [{"name": "nlu_fallback", "confidence": 0.91},
                                                 {"name": "faq", "confidence": 0.91}]
    assert greeting.get("intent")["name"] == "greet" and clear.get("intent")["name"] == "faq"


def test_a_question_without_a_confidence_falls_back_at_zero():
    message = Message(data={"text": "mr?", "intent": {"name": "faq"}, "response_selector": {}})
    QuestionConfidence().process([message])
    assert message.get("intent") == {"name": "nlu_fallback", "confidence": 0.0}
    assert message.get("intent_ranking") == [{"name": "nlu_fallback", "confidence": 0.0}]


def test_every_message_carries_the_passages_found():
    message = _message("greet", 0.9, [], text="wie moet de samenwerkingsovereenkomst ondertekenen")
    [processed] = QuestionConfidence().process([message])
    found = processed.get("passages")["found"]
    assert found and found[0]["score"] >= found[-1]["score"]
    assert processed.get("passages")["words"] == 2
    assert "passages" in processed.as_dict(only_output_properties=True)


def test_a_follow_up_goes_to_the_answering_action_even_when_the_model_is_sure():
    message = _message("faq", 0.97, [("aoc_overeenkomst_nodig", 0.9), ("x", 0.02)], text="en voor een AOC?")
    assert _process(message) == ("nlu_fallback", "nlu_fallback")


def test_a_confident_answer_the_sources_do_not_bear_out_goes_to_the_answering_action():
    text = "Hoeveel euro bekostiging krijgt een mbo-instelling per student?"
    message = _message("faq", 0.97, [("financiele_afspraken", 0.9), ("x", 0.02)], text=text)
    assert _process(message) == ("nlu_fallback", "nlu_fallback")


def test_a_question_a_passage_holds_wholly_goes_to_the_answering_action_whatever_its_intent():
    answers = [("x", 0.2), ("y", 0.1)]
    message = _message("bot_challenge", 0.8, answers, text="wie tekent de overeenkomst?")
    assert _process(message) == ("nlu_fallback", "nlu_fallback")
    outside = _message("out_of_scope", 0.8, answers, text="hoe laat is het in Tokio")
    assert _process(outside) == ("out_of_scope", "out_of_scope")


def test_small_talk_that_a_passage_holds_only_weakly_keeps_its_intent():
    message = _message("ask_capabilities", 0.8, [("x", 0.2), ("y", 0.1)], text="wat kun je")
    assert _process(message) == ("ask_capabilities", "ask_capabilities")


def test_a_message_without_text_carries_no_passages():
    message = _message("greet", 0.9, [], text=None)
    [processed] = QuestionConfidence().process([message])
    assert processed.get("passages") == {"words": 0, "asks_quantity": False, "uncovered": False, "beyond": 0.0,
                                         "found": []}


def test_a_follow_up_question_read_as_out_of_scope_goes_to_the_answering_action():
    answers = [("x", 0.2), ("y", 0.1)]
    follow_up = _message("out_of_scope", 0.6, answers, text="hoeven we het dan nergens te melden?")
    assert _process(follow_up) == ("nlu_fallback", "nlu_fallback")
    # Not a question, not leaning on another, or small talk: left alone.
    for intent, text in (("out_of_scope", "dan ga ik nu koffie halen"),
                         ("out_of_scope", "hoeveel vakantiedagen heeft een docent?"),
                         ("ask_capabilities", "wat kun je dan?")):
        assert _process(_message(intent, 0.6, answers, text=text)) == (intent, intent)


def test_a_question_read_as_a_change_to_an_answer_goes_to_the_answering_action():
    answers = [("x", 0.2), ("y", 0.1)]
    asked = _message("edit_clause", 0.62, answers, text="wie tekent de sok eigenlijk")
    assert _process(asked) == ("nlu_fallback", "nlu_fallback")
    for text in ("wijzig artikel 5", "kan ik artikel 5 nog aanpassen?", "de partijen"):
        assert _process(_message("edit_clause", 0.9, answers, text=text)) == ("edit_clause", "edit_clause")


def test_a_who_when_or_why_question_read_as_a_request_to_draft_goes_to_the_answering_action():
    answers = [("x", 0.2), ("y", 0.1)]
    for text in ("wie moet de sok opstellen?", "Met wie stellen we de overeenkomst op",
                 "wanneer moet ik de sok opstellen", "waarom een sok opstellen?"):
        assert _process(_message("start_interview", 0.83, answers, text=text)) == (
            "nlu_fallback", "nlu_fallback"), text
    # A question that says more than a request to draft, and that a passage answers.
    assert _process(_message("start_interview", 0.77, answers,
                             text="hoe maak ik een samenwerkingsovereenkomst met twee roc's")) == (
        "nlu_fallback", "nlu_fallback")
    for text in ("kan ik de overeenkomst hier opstellen?", "hoe stel ik een sok op?",
                 "sok opstellen", "wiebelen we even de sok"):
        assert _process(_message("start_interview", 0.83, answers, text=text)) == (
            "start_interview", "start_interview"), text


def test_a_follow_up_about_something_else_taken_for_going_on_is_a_question():
    answers = [("faq/x", 0.1)]
    for text in ("en verder nog tips?", "en verder nog iets over de bekostiging?"):
        assert _process(_message("resume_interview", 0.6, answers, text=text)) == (
            "nlu_fallback", "nlu_fallback"), text
    for text in ("verder", "en verder?", "en dan verder?", "en verder met de overeenkomst?",
                 "en verder met vraag 5?", "en nu verder met invullen?", "ga verder met de sok"):
        assert _process(_message("resume_interview", 0.6, answers, text=text)) == (
            "resume_interview", "resume_interview"), text


def test_the_intents_the_component_watches_are_in_the_domain(domain):
    assert {EDIT_INTENT, RESUME_INTENT, START_INTENT} <= set(domain["intents"])
