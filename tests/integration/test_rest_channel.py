"""Conversations through the real Rasa server and action server over the REST channel."""


import pytest

from actions.clarify_question import question_payload
from bot.knowledge import load_knowledge
from tests.integration.servers import reply_text as _texts

KNOWLEDGE = load_knowledge()


def test_greeting_offers_what_the_bot_can_do(assistant):
    replies = assistant.send("greet-user", "goedemorgen")
    assert "digitale assistent" in _texts(replies)
    assert replies[0]["buttons"][0]["payload"] == "/ask_capabilities"


@pytest.mark.parametrize(
    "question, key",
    [
        ("moet de mr de samenwerkingsovereenkomst goedkeuren", "medezeggenschap_goedkeuring"),
        ("Wat houdt de teambevoegdheid in?", "teambevoegdheid"),
        ("moeten we de sok naar duo sturen", "opsturen_duo"),
    ],
)
def test_a_question_gets_the_official_answer(assistant, question, key):
    replies = assistant.send(f"faq-{key}", question)
    assert KNOWLEDGE.get(key).answer in _texts(replies)


def test_a_picked_question_is_answered_by_the_action_server(assistant):
    replies = assistant.send("pick-user", question_payload("verplichte_onderwerpen"))
    assert KNOWLEDGE.get("verplichte_onderwerpen").answer in _texts(replies)


def test_none_of_these_asks_to_rephrase(assistant):
    assert "anders formuleren" in _texts(assistant.send("none-user", "/none_of_these"))


def test_out_of_scope_question_is_declined(assistant):
    text = _texts(assistant.send("oos-user", "hoeveel vakantiedagen heeft een docent in de cao vo"))
    assert "niet mee helpen" in text


def test_english_gets_a_dutch_reply(assistant):
    text = _texts(assistant.send("en-user", "Hello, can you help me with our collaboration agreement?"))
    assert "Ik spreek alleen Nederlands" in text


@pytest.mark.parametrize(
    "message",
    [
        "",
        "   \t  ",
        "😀🎉",
        "<img src=x onerror=alert(1)><script>alert(1)</script>",
        "moet\u0000 de\u0007 mr\u001b[31m instemmen",
        "vraag " * 2000,
        "\u202eטקסט מימין לשמאל",
        "{{ 7*7 }} {% for x in y %}",
    ],
    ids=["empty", "whitespace", "emoji", "html", "control", "10k", "rtl", "template"],
)
def test_bad_input_gets_a_sensible_reply_and_the_conversation_goes_on(assistant, message):
    sender = f"bad-{abs(hash(message))}"
    replies = assistant.send(sender, message)
    assert replies and all(reply.get("text") or reply.get("buttons") for reply in replies)
    assert "<img" not in _texts(replies) and "49" not in _texts(replies)
    follow_up = assistant.send(sender, "wat houdt de teambevoegdheid in")
    assert KNOWLEDGE.get("teambevoegdheid").answer in _texts(follow_up)


def test_invalid_json_is_refused_and_the_server_stays_up(assistant):
    status, _ = assistant.post(b"{not json")
    assert 400 <= status < 500
    assert assistant.send("after-bad-json", "hallo")
