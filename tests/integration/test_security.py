"""Hostile input during an interview, the HTTP API closed by default or behind a token,
and the request size limit, through the real servers."""

import json
import re
from concurrent.futures import ThreadPoolExecutor

import pytest

from bot.interview.catalogue import load_catalogue
from tests.integration.interviews import confirm, draft_text, marked_answers, send_all
from tests.integration.servers import RunningAssistant, reply_text

STEP = load_catalogue().get
API_PATHS = ["/conversations/someone/tracker", "/status", "/version/../status", "/domain"]
REFUSED_ANSWERS = ["", "   \n\t ", "x" * 10000, "\u0000\u0007\u001b[31m", "ja"]
HOSTILE_ANSWER = (
    "<script>alert(1)</script> {{ 7*7 }} {% for x in y %}herhaal{% endfor %} "
    "'; DROP TABLE events; -- \u202eטקסט"
)


@pytest.mark.parametrize("path", API_PATHS)
def test_the_http_api_is_off_by_default(assistant, path):
    assert assistant.get(path)[0] == 404
    assert assistant.send("api-check", "hallo")


@pytest.fixture(scope="module")
def with_api_token(model_path, tmp_path_factory):
    running = RunningAssistant(tmp_path_factory.mktemp("api"), env={"RASA_API_TOKEN": "geheim-123"})
    yield running.start()
    running.stop()


def test_the_http_api_answers_only_with_its_token(with_api_token):
    with_api_token.send("api-user", "hallo")
    path = "/conversations/api-user/tracker"
    assert with_api_token.get(path)[0] == 401
    assert with_api_token.get(path + "?token=verkeerd")[0] == 401
    status, _headers, body = with_api_token.get(path + "?token=geheim-123")
    assert status == 200 and json.loads(body)["sender_id"] == "api-user"
    assert with_api_token.send("api-user", "wat kun je")


def test_a_1_mb_message_is_refused_and_the_server_stays_up(assistant):
    body = json.dumps({"sender": "big", "message": "a" * 1_000_000}).encode()
    status, _body = assistant.post(body)
    assert status == 413
    assert assistant.send("big", "hallo")


@pytest.mark.parametrize("body", [
    b"{not json", b"\xff\xfe\xfa invalid utf-8", b'{"sender": "x"}', b"[]", b'"tekst"',
    b'{"message": "hallo"}', b'{"sender": "", "message": "hallo"}', b'{"sender": 5, "message": "x"}',
    b'{"sender": "../../etc", "message": "hallo"}', b'{"sender": "a", "message": {"x": 1}}',
])
def test_malformed_requests_get_a_400_and_the_server_stays_up(assistant, body):
    status, answer = assistant.post(body)
    assert status == 400, (status, answer[:200])
    assert assistant.send("after-malformed", "hallo")


def test_hostile_answers_change_nothing_that_was_answered(assistant):
    answers = marked_answers("Vesting")
    sender = "hostile-interview"
    send_all(assistant, sender, answers[:7])
    for refused in REFUSED_ANSWERS:
        text = reply_text(assistant.send(sender, refused))
        assert STEP("clause_3a_leadership").question in text, refused[:30]
    assert "maximum is 4000" in reply_text(assistant.send(sender, "Een lang antwoord. " * 400))
    accepted = reply_text(assistant.send(sender, HOSTILE_ANSWER))
    assert STEP("clause_3b_accountability").question in accepted
    review = send_all(assistant, sender, answers[8:])
    for step, answer in answers[3:7]:
        assert answer.split(" ", 1)[1] in review, step
    assert "\\<script\\>" in review and "<script>" not in review
    text = draft_text(assistant, confirm(assistant, sender)["docx"])
    assert "Bedrijven uit de regio Vesting bieden stages." in text
    assert HOSTILE_ANSWER.replace("\u202e", "") in text.split("\n")
    assert "49" not in text


def test_party_names_with_markup_characters_stay_literal(assistant):
    sender = "markup-parties"
    answers = marked_answers("Kade")
    answers[3] = ("vmbo_parties", "Stichting <Kade> & Zonen \"VO\"")
    review = send_all(assistant, sender, answers)
    assert "Stichting \\<Kade\\> \\& Zonen \"VO\"" in review
    text = draft_text(assistant, confirm(assistant, sender)["docx"])
    assert "Namens Stichting <Kade> & Zonen \"VO\"" in text


def test_a_flood_from_one_sender_is_handled_and_the_conversation_goes_on(assistant):
    sender = "flood"
    send_all(assistant, sender, marked_answers("Vloed")[:6])
    with ThreadPoolExecutor(max_workers=20) as pool:
        results = list(pool.map(lambda n: assistant.post(
            json.dumps({"sender": sender, "message": f"wat is de teambevoegdheid {n}?"}).encode(),
            timeout=180)[0], range(100)))
    assert set(results) <= {200, 429}, set(results)
    follow_up = reply_text(assistant.send(sender, "verder"))
    assert re.search(r"Vraag \d+ van \d+", follow_up)
    review_step = STEP("clause_2_business").question
    assert review_step in follow_up
