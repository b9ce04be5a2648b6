"""Both servers start and stop together, and conversations survive a restart."""

import os
import signal
import sqlite3
import time

from bot.knowledge import load_knowledge
from tests.integration.servers import RunningAssistant, pid_alive, reply_text


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
