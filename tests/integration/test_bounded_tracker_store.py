"""The assistant on the bounded tracker store (a window of two turns, two workers) beside the
assistant on Rasa's own SQLTrackerStore (one worker), the same long conversation sent to both:
the same replies to every message, the same actions and slots stored."""

import json
import re
import sqlite3
import tarfile
from pathlib import Path

import pytest

from bench.conversations import ANSWERS, CHANGES, START
from channels.tracker_store import DEFAULT_WINDOW_TURNS
from tests.integration.servers import RunningAssistant

WINDOW = 2
# A long conversation: questions and follow-ups, an interview with going back, pausing,
# "Geen van deze", changes from the review, the draft, starting over, and more questions.
CONVERSATION = (
    ["hallo", "Moet de MR de samenwerkingsovereenkomst goedkeuren?", "En voor een AOC?", "Waarom?",
     START] + ANSWERS[:5] + ["Wat is een doorlopende leerroute?", "En voor een AOC?", "terug",
                             "behouden", "stop", "Hoeveel kost een stage?", "verder", "uitleg",
                             "Wat moet er in artikel 4 staan?", "geen van deze", "voorbeeld"]
    + ANSWERS[5:] + CHANGES + ["/confirm_review", "Wie tekent de overeenkomst?", "opnieuw beginnen",
                               "ja"] + ANSWERS[:3] + ["dank je", "Moet het mbo ook tekenen?", "tot ziens"]
)
# What differs between two runs by design: download tokens, and the port in links.
TOKEN = re.compile(r"[A-Za-z0-9_-]{16,}|localhost:[0-9]+")


def _replies(assistant: RunningAssistant, sender: str):
    return [TOKEN.sub("<token>", json.dumps(assistant.send(sender, text, timeout=180), sort_keys=True))
            for text in CONVERSATION]


def _stored(state_dir: Path, sender: str):
    """The actions, slots and user messages stored for the conversation, in order."""
    with sqlite3.connect(state_dir / "conversations.db") as connection:
        rows = connection.execute(
            "SELECT type_name, data FROM events WHERE sender_id = ? ORDER BY id", (sender,)).fetchall()
    kept = []
    for type_name, data in rows:
        event = json.loads(data)
        if type_name == "action":
            kept.append(("action", event["name"]))
        elif type_name == "slot":
            kept.append(("slot", event["name"], TOKEN.sub("<token>", json.dumps(event["value"]))))
        elif type_name in ("user", "active_loop"):
            kept.append((type_name, event.get("text") or event.get("name")))
    return kept


@pytest.fixture(scope="module")
def both(tmp_path_factory):
    ours = RunningAssistant(tmp_path_factory.mktemp("bounded"), env={
        "CONVERSATION_WINDOW_TURNS": str(WINDOW), "RASA_WORKERS": "2"}).start()
    try:
        rasas = RunningAssistant(tmp_path_factory.mktemp("rasa"), env={
            "CONVERSATION_WINDOW_TURNS": "0", "RASA_WORKERS": "1"}).start()
        try:
            yield ours, rasas
        finally:
            rasas.stop()
    finally:
        ours.stop()


def test_the_same_replies_and_the_same_history_as_on_rasas_own_store(both):
    ours, rasas = both
    for reply, stock_reply in zip(_replies(ours, "gelijk"), _replies(rasas, "gelijk")):
        assert reply == stock_reply
    assert _stored(ours.state_dir, "gelijk") == _stored(rasas.state_dir, "gelijk")


def test_the_window_is_longer_than_the_longest_rule(model_path, tmp_path):
    with tarfile.open(model_path) as archive:
        member = next(m for m in archive.getmembers() if m.name.endswith("rule_policy.json"))
        lookup = json.load(archive.extractfile(member))["lookup"]
    longest = max(len(json.loads(key)) for kind in ("rules", "rules_for_loop_unhappy_path")
                  for key in lookup[kind])
    # a window of n user turns gives the policy at least n + 1 states (besides its first one);
    # the test above runs a narrower window still, where each turn's several actions suffice
    assert longest < DEFAULT_WINDOW_TURNS + 1
