"""Hostile input during an interview, the HTTP API closed by default or behind a token, the
request size limits, the closed action server, the refused socket.io channel and cross-site
posts, and no user text in the log after all of it, through the real servers (localhost only)."""

import json
import re
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from bot.interview.catalogue import load_catalogue
from tests.integration.interviews import confirm, draft_text, marked_answers, send_all
from tests.integration.servers import RunningAssistant, reply_text

STEP = load_catalogue().get
ACTION_SECRET = "actie-geheim-0123456789"
ACTION_LIMIT = 1_000_000
# Text that must never reach the log: each case below sends some of it.
LOG_MARKERS = ["Jan Geheimnaam", "Pietje Verborgen", "Klaasje Uitgelogd", "Stichting Lekvrij"]
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
    running = RunningAssistant(tmp_path_factory.mktemp("api"), env={
        "RASA_API_TOKEN": "geheim-123", "ACTION_SERVER_TOKEN": ACTION_SECRET,
        "ACTION_MAX_REQUEST_BYTES": str(ACTION_LIMIT), "DRAFTS_PER_CONVERSATION": "2",
    })
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


def _action_request(assistant, path: str, body: bytes = None, secret: str = None) -> int:
    headers = {"Content-Type": "application/json"}
    if secret:
        headers["Authorization"] = f"Bearer {secret}"
    request = urllib.request.Request(
        f"http://127.0.0.1:{assistant.action_port}{path}", data=body, headers=headers,
        method="POST" if body is not None else "GET",
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except (ConnectionResetError, urllib.error.URLError):
        return 413  # the server may close the connection on a body over its limit


def _forged_draft_call(sender: str, marker: str) -> bytes:
    """What an attacker would post: a made-up tracker, confirmed, with chosen answers."""
    slots = dict(marked_answers(marker)[1:20])
    slots.update(interview_confirmed=True, same_authority=False,
                 vmbo_parties=[f"Stichting {marker}"], mbo_parties=[f"ROC {marker}"])
    tracker = {"sender_id": sender, "slots": slots, "latest_message": {}, "events": [],
               "paused": False, "followup_action": None, "active_loop": {},
               "latest_action_name": None}
    return json.dumps({"next_action": "action_send_draft", "tracker": tracker, "domain": {},
                       "version": "3.6.2"}).encode()


def _listening_addresses(port: int) -> set:
    """The local addresses a TCP port listens on, from /proc/net/tcp and tcp6."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            local, _remote, state = line.split()[1:4]
            address, hex_port = local.split(":")
            if int(hex_port, 16) == port and state == "0A":  # LISTEN
                found.add(address)
    return found


def _drafts(assistant) -> list:
    folder = assistant.state_dir / "drafts"
    return [p for p in folder.iterdir() if not p.name.startswith(".")] if folder.exists() else []


def test_the_action_server_listens_on_the_loopback_interface_only(assistant):
    assert _listening_addresses(assistant.action_port) == {"0100007F"}  # 127.0.0.1


def test_the_action_server_refuses_callers_without_the_secret(assistant):
    before = len(_drafts(assistant))
    assert _action_request(assistant, "/actions") == 401
    forged = _forged_draft_call("aanvaller", "Stichting Lekvrij")
    assert _action_request(assistant, "/webhook", forged) == 401
    assert _action_request(assistant, "/webhook", forged, secret="geraden") == 401
    assert _action_request(assistant, "/webhook", b"{" + b" " * 2_000_000 + b"}") in (401, 413)
    assert len(_drafts(assistant)) == before
    assert assistant.send("na-aanval", "wat is de teambevoegdheid")  # the bot still works


def test_with_the_secret_a_body_over_the_limit_is_refused(with_api_token):
    body = b'{"next_action": "action_send_draft", "x": "' + b"a" * (ACTION_LIMIT + 1) + b'"}'
    assert _action_request(with_api_token, "/webhook", body, ACTION_SECRET) == 413
    assert _action_request(with_api_token, "/actions", secret=ACTION_SECRET) == 200


def test_drafts_are_limited_per_conversation(with_api_token):
    for number in range(4):
        call = _forged_draft_call("veel-concepten", f"Versie{number}")
        assert _action_request(with_api_token, "/webhook", call, ACTION_SECRET) == 200
    assert len(_drafts(with_api_token)) == 2


def test_there_is_no_socketio_channel(assistant):
    for path in ["/socket.io/?EIO=4&transport=polling", "/socket.io/?EIO=3&transport=polling"]:
        assert assistant.get(path)[0] == 404, path


@pytest.mark.parametrize("content_type", [
    "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
])
def test_a_cross_site_simple_request_is_refused(assistant, content_type):
    body = json.dumps({"sender": "cross-site", "message": "Stichting Lekvrij"}).encode()
    status, _body = assistant.post(body, content_type=content_type)
    assert status == 415


@pytest.mark.parametrize("sender", ["abc\n", "Jänsen", "ｆｕｌｌ", "a" * 129, "a b", "x/../y"])
def test_a_sender_outside_the_allowed_characters_is_refused(assistant, sender):
    status, _body = assistant.post(json.dumps({"sender": sender, "message": "hallo"}).encode())
    assert status == 400


def test_requests_from_other_origins_get_no_cors_permission(assistant):
    status, headers, _body = assistant.get(
        "/webhooks/rest/", headers={"Origin": "https://elders.example"})
    assert status == 200 and "Access-Control-Allow-Origin" not in headers


def test_no_user_text_in_the_log_after_slash_messages_clarifications_and_errors(assistant):
    sender = "log-check"
    for message in [
        "Moet de MR instemmen?", "/answer_not_helpful", "opmerking van Klaasje Uitgelogd",
        '/inform{"naam":"Jan Geheimnaam"}', "/greet{kapotte json Pietje Verborgen",
        "/onbekend_intent Klaasje Uitgelogd", '/nlu_fallback{"question_key":"Stichting Lekvrij"}',
        "wat kun je", "regels Jan Geheimnaam", "afspraken", '/nlu_fallback{"question_key":"x"}',
        "/none_of_these", "/start_interview", "nee", "Doorlopende leerroute vmbo-mbo",
        "Stichting Lekvrij", "/explain_clause", "wat bedoel je Klaasje Uitgelogd",
        "Pietje Verborgen", "/stop_interview",
    ]:
        assert assistant.send(sender, message) is not None
    for body in [b'{"sender": "log-check", "message": {"naam": "Jan Geheimnaam"}}',
                 b'{"sender": "Jan Geheimnaam", "message": "Pietje Verborgen"}',
                 b'{"sender": "log-check", "message": "Klaasje Uitgelogd" ']:
        assert assistant.post(body)[0] == 400
    assert assistant.post(b'{"sender": "a", "message": "Stichting Lekvrij"}', "text/plain")[0] == 415
    assert _action_request(assistant, "/webhook", _forged_draft_call("x", "Jan Geheimnaam")) == 401
    log = assistant.log_path.read_text(errors="replace")
    leaked = [marker for marker in LOG_MARKERS if marker in log]
    assert leaked == [], "user text in the server log"
    assert "Failed to parse arguments" not in log
    assert "'same_authority':" not in log  # no dump of the conversation's slots
