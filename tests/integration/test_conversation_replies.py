"""Small talk and vague questions get the reply meant for them, not just any reply."""

import pytest
import yaml

from bot import messages
from bot.knowledge import load_knowledge
from bot.settings import PROJECT_ROOT
from tests.integration.servers import reply_text

RESPONSES = yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text(encoding="utf-8"))["responses"]
KNOWLEDGE = load_knowledge()


def _variants(response: str):
    return [" ".join(variant["text"].split()) for variant in RESPONSES[response]]


@pytest.mark.parametrize(
    "message, response",
    [
        ("wie ben jij", "utter_bot_challenge"),
        ("wat kun je", "utter_capabilities"),
        ("bedankt!", "utter_thank"),
        ("doei", "utter_goodbye"),
    ],
)
def test_small_talk_gets_its_own_reply(assistant, message, response):
    replies = assistant.send(f"smalltalk-{response}", message)
    assert " ".join(reply_text(replies).split()) in _variants(response)


def test_a_word_that_fits_several_questions_offers_them(assistant):
    replies = assistant.send("vague-vmbo-user", "vmbo")
    assert reply_text(replies) == messages.DID_YOU_MEAN
    buttons = [button for reply in replies for button in reply.get("buttons", [])]
    assert buttons[-1] == {"title": messages.NONE_OF_THESE, "payload": "/none_of_these"}
    offered = [button["title"] for button in buttons[:-1]]
    assert 2 <= len(offered) <= 3 and all("vmbo" in title for title in offered)


def test_a_topic_word_with_one_clear_question_gets_its_official_answer(assistant):
    text = reply_text(assistant.send("vague-mr-user", "medezeggenschap"))
    answered = [entry for entry in KNOWLEDGE if entry.answer in text]
    assert len(answered) == 1 and "medezeggenschap" in answered[0].title


def test_a_word_outside_the_topic_is_declined(assistant):
    text = reply_text(assistant.send("vague-stage-user", "leerlingen"))
    assert "niet mee helpen" in text
    assert not any(entry.answer in text for entry in KNOWLEDGE)
