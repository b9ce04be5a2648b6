"""Both servers start and stop together, and conversations survive a restart."""

import os
import signal
import sqlite3
import time

from bot.knowledge import load_knowledge
from bot.settings import Settings
from channels.heap import FROZEN_MESSAGE
from tests.integration.servers import RunningAssistant, pid_alive, reply_text


FROZEN_PREFIX = FROZEN_MESSAGE.split("%")[0]


def _events(database, sender):
    with sqlite3.connect(database) as connection:
        rows = connection.execute(
            "select type_name, data from events where sender_id = ? order by id", (sender,)
        ).fetchall()
    return rows


def test_sigterm_stops_both_servers(model_path, tmp_path):
    running = RunningAssistant(tmp_path).start()
    children = running.children()
    assert len(children) == 2 and all(pid_alive(pid) for pid in children)
    assert running.stop(signal.SIGTERM) == 0
    assert not any(pid_alive(pid) for pid in children)


def test_ctrl_c_stops_both_servers(model_path, tmp_path):
    running = RunningAssistant(tmp_path).start()
    children = running.children()
    assert len(children) == 2 and all(pid_alive(pid) for pid in children)
    assert running.stop(signal.SIGINT) == 0
    assert not any(pid_alive(pid) for pid in children)


def test_when_one_server_dies_the_other_is_stopped(model_path, tmp_path):
    running = RunningAssistant(tmp_path).start()
    action_server, rasa_server = running.children()
    os.kill(action_server, signal.SIGKILL)
    assert running.process.wait(timeout=60) != 0
    deadline = time.monotonic() + 20
    while pid_alive(rasa_server) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not pid_alive(rasa_server)


def test_a_conversation_survives_a_restart(model_path, tmp_path):
    knowledge = load_knowledge()
    sender = "restart-user"
    first = RunningAssistant(tmp_path).start()
    first.send(sender, "moet de mr de overeenkomst goedkeuren")
    first.stop()
    database = tmp_path / "conversations.db"
    before = _events(database, sender)
    assert any(t == "user" and "moet de mr" in d for t, d in before)

    second = RunningAssistant(tmp_path).start()
    try:
        replies = second.send(sender, "wat houdt de teambevoegdheid in")
        assert knowledge.get("teambevoegdheid").answer in reply_text(replies)
    finally:
        second.stop()
    after = _events(database, sender)
    assert after[: len(before)] == before and len(after) > len(before)


def test_each_worker_and_the_action_server_freeze_what_they_loaded_at_start(assistant):
    """A full garbage collection then no longer walks the model (channels/heap.py)."""
    processes = Settings.from_environment().workers + 1
    deadline = time.monotonic() + 60
    while True:
        counts = [int(line.rsplit(":", 1)[1]) for line in assistant.log_path.read_text(
            errors="replace").splitlines() if FROZEN_PREFIX in line]
        if len(counts) >= processes or time.monotonic() > deadline:
            break
        time.sleep(1)
    assert len(counts) == processes
    # The workers hold the model and spaCy's Dutch data, the action server the knowledge.
    assert sorted(counts)[0] > 50_000 and sorted(counts)[1] > 300_000
