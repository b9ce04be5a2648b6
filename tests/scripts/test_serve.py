"""The supervisor gives both servers one action-server secret and starts the closed action server."""

import sys

from bot.settings import Settings
from scripts import serve


def test_a_new_secret_is_made_when_none_is_set(monkeypatch):
    monkeypatch.delenv("ACTION_SERVER_TOKEN", raising=False)
    first = serve._environment(Settings.from_environment())["ACTION_SERVER_TOKEN"]
    second = serve._environment(Settings.from_environment())["ACTION_SERVER_TOKEN"]
    assert len(first) >= 40 and first != second


def test_a_configured_secret_is_passed_on(monkeypatch):
    monkeypatch.setenv("ACTION_SERVER_TOKEN", "gedeeld-geheim")
    env = serve._environment(Settings.from_environment())
    assert env["ACTION_SERVER_TOKEN"] == "gedeeld-geheim"


def test_the_action_server_is_the_closed_one():
    assert serve.action_server_command(Settings()) == [sys.executable, "-m", "channels.action_server"]


def test_the_endpoints_file_holds_no_secret(monkeypatch, tmp_path):
    monkeypatch.setenv("ACTION_SERVER_TOKEN", "gedeeld-geheim")
    settings = Settings.from_environment({"ASSISTANT_STATE_DIR": str(tmp_path),
                                          "ACTION_SERVER_TOKEN": "gedeeld-geheim"})
    text = serve.write_endpoints(settings).read_text()
    assert "${ACTION_SERVER_TOKEN}" in text and "gedeeld-geheim" not in text
