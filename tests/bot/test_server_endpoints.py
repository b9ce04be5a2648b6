"""The endpoints `make run` serves with: the bounded tracker store, and the lock store the
workers of one machine share unless Redis is set."""

import os

from bot.settings import BOUNDED_TRACKER_STORE, MACHINE_LOCK_STORE, Settings
from scripts import serve


def test_by_default_the_tracker_store_loads_the_last_five_turns(tmp_path):
    settings = Settings.from_environment({"ASSISTANT_STATE_DIR": str(tmp_path), "RASA_WORKERS": "2"})
    endpoints = settings.server_endpoints()
    assert endpoints["tracker_store"] == {
        **settings.endpoints()["tracker_store"], "type": BOUNDED_TRACKER_STORE, "window_turns": 5}
    assert endpoints["lock_store"] == {"type": MACHINE_LOCK_STORE, "db": str(tmp_path / "locks.db")}


def test_a_window_of_zero_and_one_worker_are_rasas_own_stores(tmp_path):
    settings = Settings.from_environment({"ASSISTANT_STATE_DIR": str(tmp_path),
                                          "CONVERSATION_WINDOW_TURNS": "0", "RASA_WORKERS": "1"})
    assert settings.server_endpoints() == settings.endpoints()


def test_one_worker_per_core_unless_set():
    assert Settings.from_environment({}).workers == max(1, os.cpu_count() or 1)
    settings = Settings.from_environment({"RASA_WORKERS": "3"})
    assert settings.workers == 3
    assert serve.rasa_server_environment(settings, {})["SANIC_WORKERS"] == "3"
