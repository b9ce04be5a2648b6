"""The action server: only its Rasa server may call it, with the secret, and only small bodies."""

import json
import logging

import pytest

from bot.settings import Settings
from channels import action_server
from channels.action_server import build_app, is_authorised
from tests.channels.conftest import served

TOKEN = "geheim-token-0123456789"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
LIMIT = 2000


def _settings(**overrides) -> Settings:
    return Settings(action_server_token=TOKEN, action_max_request_bytes=LIMIT, **overrides)


def _call(action: str = "action_send_draft") -> bytes:
    tracker = {"sender_id": "x", "slots": {"interview_confirmed": True}, "latest_message": {},
               "events": [], "paused": False, "followup_action": None, "active_loop": {},
               "latest_action_name": None}
    return json.dumps({"next_action": action, "tracker": tracker, "domain": {},
                       "version": "3.6.2"}).encode()


@pytest.mark.parametrize("header, expected", [
    (f"Bearer {TOKEN}", True),
    (None, False), ("", False), (TOKEN, False), (f"Bearer {TOKEN}x", False),
    (f"Bearer {TOKEN[:-1]}", False), (f"bearer {TOKEN}", False), (f"Bearer {TOKEN}\n", False),
])
def test_only_the_exact_bearer_secret_is_accepted(header, expected):
    assert is_authorised(header, TOKEN) is expected


def test_no_secret_configured_accepts_nothing():
    assert is_authorised("Bearer ", "") is False and is_authorised("Bearer x", "") is False


def test_the_app_is_not_built_without_a_secret():
    with pytest.raises(ValueError, match="ACTION_SERVER_TOKEN"):
        build_app(Settings())


@pytest.fixture(autouse=True)
def quiet_logging_set_up(monkeypatch):
    """main() sets up rasa-sdk's logging for the whole process; not inside the test run."""
    monkeypatch.setattr(action_server.utils, "configure_colored_logging", lambda level: None)
    monkeypatch.setattr(action_server.utils, "update_sanic_log_level", lambda: None)


def test_main_refuses_to_start_without_a_secret(monkeypatch, capsys):
    monkeypatch.delenv("ACTION_SERVER_TOKEN", raising=False)
    assert action_server.main() == 2
    assert "ACTION_SERVER_TOKEN" in capsys.readouterr().err


def test_main_listens_on_the_configured_interface(monkeypatch, caplog):
    started, levels = {}, []
    caplog.set_level(logging.INFO, logger="channels.action_server")
    monkeypatch.setattr(action_server.utils, "configure_colored_logging", levels.append)
    monkeypatch.setenv("ACTION_SERVER_TOKEN", TOKEN)
    monkeypatch.setenv("ACTION_PORT", "5999")
    monkeypatch.delenv("ACTION_INTERFACE", raising=False)
    monkeypatch.setattr(action_server.Sanic, "test_mode", True)
    monkeypatch.setattr(action_server.Sanic, "run", lambda self, host, port, **kw: started.update(
        host=host, port=port, **kw))
    assert action_server.main() == 0
    assert started == {"host": "127.0.0.1", "port": 5999, "workers": 1, "access_log": False}
    assert levels == [logging.INFO]
    assert [(r.name, r.getMessage()) for r in caplog.records] == [
        ("channels.action_server", "Action server on 127.0.0.1:5999 (secret required).")]


async def test_without_the_secret_every_route_but_health_is_refused():
    async with served(build_app(_settings())) as client:
        assert (await client.request("GET", "/actions"))[0] == 401
        assert (await client.request("POST", "/webhook", _call()))[0] == 401
        wrong = {"Authorization": "Bearer verkeerd"}
        assert (await client.request("POST", "/webhook", _call(), wrong))[0] == 401
        assert (await client.request("GET", "/health"))[0] == 200


async def test_with_the_secret_actions_are_listed():
    async with served(build_app(_settings())) as client:
        status, _headers, body = await client.request("GET", "/actions", headers=AUTH)
    assert status == 200
    assert {"name": "action_send_draft"} in json.loads(body)


async def test_a_body_over_the_limit_is_refused_with_413():
    async with served(build_app(_settings())) as client:
        status, _headers, _body = await client.request(
            "POST", "/webhook", b"{" + b" " * (LIMIT + 10) + b"}", AUTH)
        assert status == 413
        assert (await client.request("GET", "/actions", headers=AUTH))[0] == 200


async def test_a_compressed_body_is_refused():
    async with served(build_app(_settings())) as client:
        headers = {**AUTH, "Content-Encoding": "deflate"}
        status, _headers, _body = await client.request("POST", "/webhook", b"x\x9c", headers)
    assert status == 415


async def test_no_browser_origin_is_allowed():
    async with served(build_app(_settings())) as client:
        headers = {**AUTH, "Origin": "https://elders.example"}
        _status, answer_headers, _body = await client.request("GET", "/actions", headers=headers)
    assert "Access-Control-Allow-Origin" not in answer_headers


async def test_what_the_actions_keep_is_loaded_before_serving_and_then_frozen(monkeypatch):
    events = []
    for loader in ("load_knowledge", "load_search", "load_catalogue", "load_topics", "load_format"):
        monkeypatch.setattr(action_server, loader, lambda name=loader: events.append(name))
    monkeypatch.setattr(action_server, "freeze_after_start",
                        lambda app, loop: events.append("freeze"))
    app = build_app(_settings())
    app.signal_router.finalize()
    context = {"app": app, "loop": None}
    await app.dispatch("server.init.before", context=context, inline=True)
    assert events == ["load_knowledge", "load_search", "load_catalogue", "load_topics",
                      "load_format"]
    await app.dispatch("server.init.after", context=context, inline=True)
    assert events[-1] == "freeze"


def test_the_app_serves_the_actions_package_with_no_cross_origin_access(monkeypatch):
    made = []
    real = action_server.create_app
    monkeypatch.setattr(action_server, "create_app",
                        lambda *args, **kwargs: made.append((args, kwargs)) or real(*args, **kwargs))
    app = build_app(_settings())
    assert made == [(("actions",), {"cors_origins": None})]
    assert app.config.REQUEST_MAX_SIZE == LIMIT
