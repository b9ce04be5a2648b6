"""User text stays out of the Rasa server's logs: redacted events, no locals, no quoted commands.

Each protection replaces a part of Rasa's or structlog's logging; these tests run Rasa's own
beside ours, so an upgrade that changes it fails here rather than leaking text silently.
"""

import ast
import inspect
import logging
import warnings

import pytest
import structlog
from rasa.shared.utils.io import raise_warning
from rasa.utils import common, log_utils

from channels import log_privacy
from channels.log_privacy import PERSONAL_KEYS, REDACTED, UNPARSED_COMMAND_WARNING, redact

SECRET = "Jan Geheimnaam"
RASA_ANONYMIZER = log_utils._anonymizer


def _rasa_personal_keys() -> set:
    tree = ast.parse(inspect.getsource(RASA_ANONYMIZER))
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and node.targets[0].id == "anonymizable_keys":
            return {element.value for element in node.value.elts}
    raise AssertionError("Rasa's anonymiser no longer lists its keys: check the logs again")


def test_every_key_rasa_treats_as_personal_is_redacted():
    assert _rasa_personal_keys() <= PERSONAL_KEYS


def test_rasa_s_own_anonymiser_would_log_the_text_and_ours_does_not():
    event = {"event": "message.parsing.failed", "user_text": SECRET,
             "slot_values": {"vmbo_parties": SECRET}, "response": SECRET, "other": "blijft"}
    assert RASA_ANONYMIZER(None, "warning", dict(event))["user_text"] == SECRET
    cleaned = redact(None, "warning", dict(event))
    assert cleaned["user_text"] == cleaned["slot_values"] == cleaned["response"] == REDACTED
    assert cleaned["other"] == "blijft" and cleaned["event"] == "message.parsing.failed"


def test_install_puts_ours_where_rasa_s_log_set_up_looks(monkeypatch):
    monkeypatch.setattr(log_utils, "_anonymizer", RASA_ANONYMIZER)
    source = inspect.getsource(log_utils.configure_structlog)
    assert "_anonymizer," in source, "Rasa no longer uses _anonymizer: check the logs again"
    assert "structlog.processors.dict_tracebacks" in source
    log_privacy.install()
    assert log_utils._anonymizer is redact


def test_tracebacks_are_rendered_without_local_variables():
    def fails(slots):
        raise KeyError("x")

    try:
        fails({"vmbo_parties": SECRET})
    except KeyError as error:
        rasa_style = structlog.processors.ExceptionRenderer(
            structlog.tracebacks.ExceptionDictTransformer())(None, "error", {"exc_info": error})
        ours = log_privacy.tracebacks_without_locals()(None, "error", {"exc_info": error})
    assert SECRET in str(rasa_style)
    assert "fails" in str(ours["exception"]) and SECRET not in str(ours)
    log_privacy.install()
    assert structlog.processors.dict_tracebacks.format_exception.show_locals is False


@pytest.mark.parametrize("level, quoted_shown", [(logging.INFO, False), (logging.DEBUG, True)])
def test_a_slash_message_that_does_not_parse_is_quoted_only_when_debugging(level, quoted_shown):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        log_privacy.install()
        common._filter_warnings(log_level=level)  # what Rasa does when it sets up logging
        raise_warning(f"Failed to parse arguments in line '/inform{{\"naam\":\"{SECRET}\"}}'.")
        raise_warning("Een andere waarschuwing blijft zichtbaar.")
    shown = [str(w.message) for w in caught]
    assert (SECRET in " ".join(shown)) is quoted_shown
    assert "Een andere waarschuwing blijft zichtbaar." in shown


def test_installing_twice_adds_the_expected_warning_once():
    log_privacy.install()
    log_privacy.install()
    entries = [entry for entry in common.EXPECTED_WARNINGS if entry[1] == UNPARSED_COMMAND_WARNING]
    assert entries == [(UserWarning, UNPARSED_COMMAND_WARNING)]


def test_installing_adds_the_expected_warning(monkeypatch):
    monkeypatch.setattr(common, "EXPECTED_WARNINGS", [])
    log_privacy.install()
    assert common.EXPECTED_WARNINGS == [(UserWarning, UNPARSED_COMMAND_WARNING)]
