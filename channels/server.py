"""Start the Rasa server (`python -m channels.server run ...`, the arguments of `rasa`).

Before handing over to Rasa's command line, it makes one of Rasa's checks cheaper without
changing what it checks: Rasa 3.6 validates every action server response against its JSON
schema with ``jsonschema.validate``, which first validates the schema itself against the JSON
Schema meta-schema, on every call. That meta-check took some 40% of the Rasa server's CPU in an
interview. Here the schema is checked once and its validator reused. Each event is then checked
against the one event schema its ``event`` names, where Rasa's ``oneOf`` tries all 23 (some 2 ms
per response): a response that passes is one Rasa's check passes; any other goes through the
whole schema, so it is refused with Rasa's own message. It also keeps user text out of the logs
(channels/log_privacy.py), has each worker freeze what it loaded at start so that the garbage
collector no longer walks the model (channels/heap.py), and makes the Sanic workers it forks die
with it.
"""

import ctypes
import os
import signal
import sys
from functools import lru_cache, wraps
from typing import TYPE_CHECKING, Any, Callable, Dict, Optional, Text, Tuple

from channels import heap, log_privacy

if TYPE_CHECKING:
    from sanic import Sanic


@lru_cache(maxsize=None)
def _response_validator() -> Any:
    from jsonschema.validators import validator_for
    from rasa.core.actions.action import RemoteAction

    schema = RemoteAction.action_response_format_spec()
    validator_class = validator_for(schema)
    validator_class.check_schema(schema)
    return validator_class(schema)


EventCheckers = Tuple[Any, Dict[Text, Any]]


@lru_cache(maxsize=None)
def _event_checkers() -> Optional[EventCheckers]:
    """A validator of the response with its events only listed, and per event name a validator
    of the event schema with ``oneOf`` narrowed to that name's branch; None when the schema's
    branches are not each told apart by a distinct ``event`` constant."""
    from jsonschema.validators import validator_for
    from rasa.core.actions.action import RemoteAction

    schema = RemoteAction.action_response_format_spec()
    events = schema["properties"]["events"]
    event = events["items"]
    names = [branch.get("properties", {}).get("event", {}).get("const") for branch in event["oneOf"]]
    if not all(isinstance(name, str) for name in names) or len(set(names)) != len(names):
        return None
    base = {key: value for key, value in event.items() if key != "oneOf"}
    validator_class = validator_for(schema)
    listed = {**schema, "properties": {**schema["properties"], "events": {
        key: value for key, value in events.items() if key != "items"}}}
    return validator_class(listed), {
        name: validator_class({**base, "allOf": [branch]})
        for name, branch in zip(names, event["oneOf"])
    }


def passes_by_event_name(result: Any) -> bool:
    """Whether ``result`` passes the response schema, checked per event by its name's branch;
    False also where that shortcut cannot tell (the whole schema then decides)."""
    checkers = _event_checkers()
    if checkers is None:
        return False
    response, by_name = checkers
    if not response.is_valid(result):
        return False
    for event in result.get("events") or []:
        name = event.get("event") if isinstance(event, dict) else None
        if not isinstance(name, str) or name not in by_name or not by_name[name].is_valid(event):
            return False
    return True


def validate_action_result(self: Any, result: Dict[Text, Any]) -> bool:
    """Rasa's ``RemoteAction._validate_action_result``, with the validators made once."""
    from jsonschema import ValidationError, exceptions
    from rasa.shared.constants import DOCS_BASE_URL

    if passes_by_event_name(result):
        return True
    error = exceptions.best_match(_response_validator().iter_errors(result))
    if error is None:
        return True
    if isinstance(error, ValidationError):
        error.message += (
            ". Failed to validate Action server response from API, make sure your response from "
            f"the Action endpoint is valid. For more information about the format visit "
            f"{DOCS_BASE_URL}/custom-actions"
        )
    raise error


def install() -> None:
    """Use the cached validator in Rasa's remote actions, and have each worker freeze what it
    loaded at start (``channels.heap``) once it serves."""
    import rasa.core.run
    from rasa.core.actions.action import RemoteAction

    RemoteAction._validate_action_result = validate_action_result
    rasa.core.run.configure_app = with_frozen_heap(rasa.core.run.configure_app)


def with_frozen_heap(configure_app: Callable[..., "Sanic"]) -> Callable[..., "Sanic"]:
    """Rasa's ``configure_app`` (which builds the server's app), with ``freeze_after_start``
    listening on the app it builds: it runs in each worker after Rasa's listener that loads
    the model."""
    if getattr(configure_app, "freezes_heap", False):
        return configure_app

    @wraps(configure_app)
    def configure(*args: Any, **kwargs: Any) -> "Sanic":
        app = configure_app(*args, **kwargs)
        app.register_listener(heap.freeze_after_start, "after_server_start")
        return app

    configure.freezes_heap = True  # type: ignore[attr-defined]
    return configure


PR_SET_PDEATHSIG = 1  # linux/prctl.h
_forking_parent = {"pid": 0}


def _note_parent() -> None:
    _forking_parent["pid"] = os.getpid()


def die_with_parent() -> None:
    """Have Linux kill this process when its parent dies: a Sanic worker, when the server's
    main process is killed (kill -9 included), never stays behind serving on the port."""
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
        if os.getppid() != _forking_parent["pid"]:  # the parent died before prctl took effect
            os.kill(os.getpid(), signal.SIGKILL)


def make_forked_processes_die_with_parent() -> None:
    """Every process forked from here on dies with the process that forked it."""
    os.register_at_fork(before=_note_parent, after_in_child=die_with_parent)


def main() -> None:
    make_forked_processes_die_with_parent()
    install()
    log_privacy.install()
    from rasa.__main__ import main as rasa_main

    sys.argv = ["rasa", *sys.argv[1:]]
    rasa_main()


if __name__ == "__main__":
    main()
