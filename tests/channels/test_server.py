"""The Rasa server launcher: the cached action response check accepts and refuses as Rasa's does."""

import pytest
from jsonschema import ValidationError, validate
from rasa.core.actions.action import RemoteAction

from channels import server

GOOD = {"events": [{"event": "slot", "name": "x", "value": 1}], "responses": [{"text": "Dag"}]}
BAD = {"events": [{"event": 5}], "responses": "geen lijst"}


def test_valid_responses_pass_like_rasa_checks_them():
    validate(GOOD, RemoteAction.action_response_format_spec())
    assert server.validate_action_result(None, GOOD) is True
    assert server.validate_action_result(None, {"events": [], "responses": []}) is True


def test_invalid_responses_are_refused_with_rasa_s_message():
    with pytest.raises(ValidationError):
        validate(BAD, RemoteAction.action_response_format_spec())
    with pytest.raises(ValidationError, match="Failed to validate Action server response"):
        server.validate_action_result(None, BAD)


def test_install_replaces_rasa_s_check(monkeypatch):
    monkeypatch.setattr(RemoteAction, "_validate_action_result", RemoteAction._validate_action_result)
    server.install()
    assert RemoteAction._validate_action_result is server.validate_action_result


def test_a_schema_error_that_is_no_validation_error_is_raised_as_it_is(monkeypatch):
    class Odd(Exception):
        pass

    import jsonschema.exceptions as jsonschema_exceptions

    monkeypatch.setattr(jsonschema_exceptions, "best_match", lambda errors: Odd("anders"))
    with pytest.raises(Odd, match="anders"):
        server.validate_action_result(None, BAD)


def test_main_installs_both_changes_then_runs_rasa_s_command_line(monkeypatch):
    import rasa.__main__

    calls = []
    monkeypatch.setattr(server, "install", lambda: calls.append("validator"))
    monkeypatch.setattr(server.log_privacy, "install", lambda: calls.append("logs"))
    monkeypatch.setattr(rasa.__main__, "main", lambda: calls.append(list(server.sys.argv)))
    monkeypatch.setattr(server.sys, "argv", ["server.py", "run", "--port", "5005"])
    server.main()
    assert calls == ["validator", "logs", ["rasa", "run", "--port", "5005"]]
