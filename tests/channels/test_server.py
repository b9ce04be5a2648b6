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
