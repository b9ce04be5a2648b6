"""The REST channel's checks, without Rasa's servers: JSON only, a well-formed sender, a text.

Our channel replaces three of Rasa's private methods; the valid request is also sent to Rasa's
own ``RestInput``, so an upgrade that changes what Rasa does with it fails here.
"""

import json
import logging

import pytest
from rasa.core.channels.channel import UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Sanic

from bot import messages
from channels.rest import CheckedRestInput, is_sender
from tests.channels.conftest import served

JSON = {"Content-Type": "application/json"}
received = []


async def _echo(message: UserMessage) -> None:
    received.append((message.sender_id, message.text, message.input_channel, message.metadata))
    await message.output_channel.send_text_message(message.sender_id, f"u zei: {message.text}")


async def _fail(message: UserMessage) -> None:
    raise RuntimeError("kapot")


def _app(channel, on_new_message=_echo) -> Sanic:
    app = Sanic("rest_test")
    app.blueprint(channel.blueprint(on_new_message), url_prefix="/webhooks/rest")
    return app


async def _post(client, body, headers=JSON):
    data = body if isinstance(body, bytes) else json.dumps(body).encode()
    return await client.request("POST", "/webhooks/rest/webhook", data, headers)


@pytest.mark.parametrize("sender", ["a", "w-0123abcdef", "x" * 128, "user@school.nl", "a.b:c_d-e"])
def test_well_formed_senders(sender):
    assert is_sender(sender)


@pytest.mark.parametrize("sender", [
    "", "x" * 129, "abc\n", "\nabc", "a b", "../x", "a/b", "é", "ｆｕｌｌ", "a\u0000", 5, None, ["a"],
])
def test_malformed_senders(sender):
    assert not is_sender(sender)


async def test_a_valid_message_is_handled_as_rasa_s_own_channel_handles_it():
    received.clear()
    body = {"sender": "gebruiker-1", "message": "hallo", "metadata": {"naam": "x"}}
    async with served(_app(RestInput())) as client:
        rasa_status, _h, rasa_body = await _post(client, body)
    async with served(_app(CheckedRestInput())) as client:
        our_status, _h, our_body = await _post(client, body)
    assert rasa_status == our_status == 200
    assert json.loads(our_body) == json.loads(rasa_body) == [
        {"recipient_id": "gebruiker-1", "text": "u zei: hallo"}]
    rasa_call, our_call = received
    assert rasa_call[:3] == our_call[:3] == ("gebruiker-1", "hallo", "rest")
    assert rasa_call[3] == {"naam": "x"} and our_call[3] is None  # client metadata is dropped


@pytest.mark.parametrize("content_type", [
    "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "",
    "application/jsonx", "text/json",
])
async def test_anything_but_json_is_refused_with_415(content_type):
    received.clear()
    headers = {"Content-Type": content_type} if content_type else {}
    async with served(_app(CheckedRestInput())) as client:
        status, _h, _b = await _post(client, {"sender": "a", "message": "hallo"}, headers)
    assert status == 415 and received == []


async def test_a_refused_body_is_not_logged_as_an_error(caplog):
    caplog.set_level(logging.INFO)
    async with served(_app(CheckedRestInput())) as client:
        status, _h, _b = await _post(client, {"sender": "a", "message": "hallo"}, {"Content-Type": "text/plain"})
    assert status == 415 and "Traceback" not in caplog.text and "UnsupportedMediaType" not in caplog.text


async def test_json_with_a_charset_is_accepted():
    async with served(_app(CheckedRestInput())) as client:
        headers = {"Content-Type": "Application/JSON; charset=utf-8"}
        status, _h, _b = await _post(client, {"sender": "a", "message": "hallo"}, headers)
    assert status == 200


@pytest.mark.parametrize("body", [
    b"{not json", b"[]", b'"tekst"', {"message": "hallo"}, {"sender": "a\n", "message": "x"},
    {"sender": "Jänsen", "message": "x"}, {"sender": "a"}, {"sender": "a", "message": 5},
    {"sender": "a", "message": {"text": "x"}},
])
async def test_malformed_bodies_get_400_and_reach_nothing(body):
    received.clear()
    async with served(_app(CheckedRestInput())) as client:
        status, _h, _b = await _post(client, body)
    assert status == 400 and received == []


async def test_a_failure_is_answered_in_dutch_and_logged_without_the_text(caplog):
    caplog.set_level(logging.INFO)
    async with served(_app(CheckedRestInput(), _fail)) as client:
        status, _h, body = await _post(client, {"sender": "pech", "message": "Jan Geheimnaam"})
    assert status == 200
    assert json.loads(body) == [{"recipient_id": "pech", "text": messages.FAILURE}]
    assert "pech" in caplog.text and "Geheimnaam" not in caplog.text
    failures = [r for r in caplog.records if r.name == "channels.rest"]
    assert [r.getMessage() for r in failures] == ["Handling a message failed (conversation pech)."]
    assert failures[0].exc_info is not None


@pytest.mark.parametrize("body, headers, status, said", [
    (b"[]", JSON, 400, 'Send a JSON object: {"sender": "<conversation id>", "message": "<text>"}.'),
    ({"sender": "a"}, JSON, 400, '"message" must be text.'),
    ({"message": "x"}, JSON, 400,
     '"sender" must be a conversation id of 1-128 characters: letters A-Z, digits and . : @ _ - only.'),
    ({"sender": "a", "message": "x"}, {"Content-Type": "text/plain"}, 415,
     "Send the message as application/json."),
])
async def test_a_refusal_says_what_to_send(body, headers, status, said):
    async with served(_app(CheckedRestInput())) as client:
        answer_status, _h, answer = await _post(client, body, headers)
    assert answer_status == status and json.loads(answer)["message"] == said
