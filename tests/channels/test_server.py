"""The Rasa server launcher: the cached action response check accepts and refuses as Rasa's does."""

import pytest
from jsonschema import ValidationError, validate
from rasa.core.actions.action import RemoteAction

from channels import server

RASAS_OWN_CHECK = RemoteAction._validate_action_result
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


async def _start(app) -> None:
    """Run what Sanic runs once a worker serves (``after_server_start``)."""
    import asyncio

    app.signal_router.finalize()
    await app.dispatch("server.init.after", inline=True,
                       context={"app": app, "loop": asyncio.get_running_loop()})


@pytest.fixture(autouse=True)
def rasa_s_app_builder_restored(monkeypatch):
    """``install`` replaces Rasa's ``configure_app``; each test gets Rasa's own back after."""
    import rasa.core.run

    monkeypatch.setattr(rasa.core.run, "configure_app", rasa.core.run.configure_app)
    monkeypatch.setattr(RemoteAction, "_validate_action_result", RASAS_OWN_CHECK)


async def test_install_has_each_worker_freeze_what_it_loaded_once_it_serves(monkeypatch):
    import rasa.core.run

    rasas_own = rasa.core.run.configure_app
    assert not hasattr(rasas_own, "freezes_heap")
    frozen = []

    async def freeze(app, loop):
        frozen.append(app)

    monkeypatch.setattr(server.heap, "freeze_after_start", freeze)
    server.install()
    server.install()  # installing twice wraps Rasa's function once
    ours = rasa.core.run.configure_app(enable_api=True, auth_token="t")
    theirs = rasas_own(enable_api=True, auth_token="t")
    assert sorted(r.path for r in ours.router.routes) == sorted(r.path for r in theirs.router.routes)
    await _start(ours)
    assert frozen == [ours]


class _RecordingApp:
    def __init__(self):
        self.listeners = []

    def register_listener(self, listener, event):
        self.listeners.append((listener, event))


def test_the_freeze_is_added_once_however_often_the_builder_is_wrapped():
    built = []

    def configure_app(*args, **kwargs):
        built.append((args, kwargs))
        return _RecordingApp()

    once = server.with_frozen_heap(configure_app)
    assert server.with_frozen_heap(once) is once and once.freezes_heap is True
    app = server.with_frozen_heap(once)("kanalen", port=5005)
    assert built == [(("kanalen",), {"port": 5005})]
    assert app.listeners == [(server.heap.freeze_after_start, "after_server_start")]


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


class _FakeLibc:
    def __init__(self):
        self.calls = []

    def prctl(self, *args):
        self.calls.append(args)


@pytest.mark.parametrize("parent_alive", [True, False])
def test_a_forked_worker_asks_to_die_with_its_parent_and_dies_if_it_is_gone(monkeypatch, parent_alive):
    import signal

    libc, killed = _FakeLibc(), []
    monkeypatch.setattr(server.sys, "platform", "linux")
    opened = []
    monkeypatch.setattr(server.ctypes, "CDLL", lambda *args, **kwargs: opened.append(args) or libc)
    monkeypatch.setattr(server.os, "kill", lambda pid, signum: killed.append((pid, signum)))
    server._note_parent()  # in the parent, before the fork; the child's parent is then this process
    monkeypatch.setattr(server.os, "getppid", server.os.getpid)
    if not parent_alive:
        monkeypatch.setitem(server._forking_parent, "pid", -1)
    server.die_with_parent()
    assert opened == [(None,)]  # the C library the process already has
    assert libc.calls == [(server.PR_SET_PDEATHSIG, signal.SIGKILL)]
    assert killed == ([] if parent_alive else [(server.os.getpid(), signal.SIGKILL)])


def test_on_other_systems_a_worker_is_left_as_it_is(monkeypatch):
    monkeypatch.setattr(server.sys, "platform", "darwin")
    monkeypatch.setattr(server.ctypes, "CDLL", lambda *args, **kwargs: pytest.fail("no prctl"))
    server.die_with_parent()


def test_every_fork_notes_its_parent_and_the_child_asks_to_die_with_it(monkeypatch):
    hooks = []
    monkeypatch.setattr(server.os, "register_at_fork", lambda **kwargs: hooks.append(kwargs))
    server.make_forked_processes_die_with_parent()
    assert hooks == [{"before": server._note_parent, "after_in_child": server.die_with_parent}]


# One event of each kind Rasa's schema names, as Rasa's own events write themselves.
def _rasa_events():
    from rasa.shared.core import events as ev

    return [
        ev.UserUttered("Hallo", {"name": "greet", "confidence": 0.9}, parse_data={
            "intent": {"name": "greet", "confidence": 0.9}, "entities": [], "text": "Hallo"}),
        ev.ActionExecuted("action_listen", policy="RulePolicy", confidence=1.0),
        ev.SlotSet("school", "Het Vakcollege"), ev.SlotSet("leeg", None),
        ev.EntitiesAdded([{"entity": "school", "value": "X"}]),
        ev.UserUtteranceReverted(), ev.ActionReverted(), ev.Restarted(), ev.AllSlotsReset(),
        ev.ReminderScheduled("EXTERNAL_x", __import__("datetime").datetime(2030, 1, 1)),
        ev.ReminderCancelled(name="x"), ev.ActionExecutionRejected("a"), ev.LoopInterrupted(True),
        ev.ActiveLoop("interview_form"), ev.ActiveLoop(None), ev.ConversationPaused(),
        ev.ConversationResumed(), ev.FollowupAction("action_x"), ev.StoryExported(),
        ev.BotUttered("Dag", {"buttons": [{"title": "Ja", "payload": "/affirm"}]}),
        ev.SessionStarted(), ev.AgentUttered("Dag"), ev.DefinePrevUserUtteredFeaturization(False),
    ]


def _rasa_passes(result):
    try:
        validate(result, RemoteAction.action_response_format_spec())
    except ValidationError:
        return False
    return True


ODD_RESPONSES = [
    {"events": [{"event": "geen_bestaand_event"}]},
    {"events": [{"name": "x", "value": 1}]},
    {"events": [{"event": 5}]},
    {"events": [{"event": ["slot"]}]},
    {"events": [{"event": "slot", "name": "x"}]},
    {"events": [{"event": "slot", "name": 5, "value": 1}]},
    {"events": [{"event": "entities"}]},
    {"events": [{"event": "action", "name": 5}]},
    {"events": [{"event": "bot", "timestamp": "gisteren"}]},
    {"events": [{"event": "bot", "metadata": []}]},
    {"events": [{"event": "user", "parse_data": {"intent": {"name": 5}}}]},
    {"events": [{"event": "user", "parse_data": {"response_selector": {"faq": {"ranking": 5}}}}]},
    {"events": ["slot"]},
    {"events": [None]},
    {"events": "slot"},
    {"events": None},
    {"responses": "geen lijst"},
    {"responses": ["tekst"]},
    {"events": [], "responses": [{"text": "Dag"}]},
    {},
    [],
    "antwoord",
]


def test_every_event_rasa_writes_passes_as_it_passes_rasa_s_own_check():
    # Rasa's two legacy names, as older versions stored them, write themselves as the new.
    legacy = [{"event": "form", "name": "interview_form"}, {"event": "form_validation", "validate": True}]
    events = [event.as_dict() for event in _rasa_events()] + legacy
    names = {event["event"] for event in events}
    assert len(names) == 23
    for event in events:
        assert _rasa_passes({"events": [event]}), event
        assert server.passes_by_event_name({"events": [event], "responses": []}), event
    assert server.validate_action_result(None, {"events": events, "responses": [{"text": "Dag"}]})


@pytest.mark.parametrize("result", ODD_RESPONSES)
def test_the_shortcut_never_passes_what_rasa_s_check_refuses(result):
    assert server.passes_by_event_name(result) == _rasa_passes(result)


@pytest.mark.parametrize("result", [BAD] + [r for r in ODD_RESPONSES if not _rasa_passes(r) and isinstance(r, dict)])
def test_an_invalid_response_gets_the_message_rasa_s_own_check_gives(result):
    with pytest.raises(ValidationError) as theirs:
        RASAS_OWN_CHECK(RemoteAction, result)
    with pytest.raises(ValidationError) as ours:
        server.validate_action_result(None, result)
    assert ours.value.message == theirs.value.message


def test_a_response_that_passes_by_event_name_skips_the_whole_schema(monkeypatch):
    monkeypatch.setattr(server, "_response_validator", lambda: pytest.fail("the whole schema was used"))
    assert server.validate_action_result(None, GOOD) is True


def test_without_one_constant_per_branch_the_whole_schema_decides(monkeypatch):
    spec = RemoteAction.action_response_format_spec()
    event = spec["properties"]["events"]["items"]
    twice = {**event, "oneOf": event["oneOf"] + [event["oneOf"][0]]}
    changed = {**spec, "properties": {**spec["properties"], "events": {"type": "array", "items": twice}}}
    monkeypatch.setattr(RemoteAction, "action_response_format_spec", staticmethod(lambda: changed))
    server._event_checkers.cache_clear()
    server._response_validator.cache_clear()
    try:
        assert server._event_checkers() is None
        assert server.passes_by_event_name(GOOD) is False
        with pytest.raises(ValidationError):  # the user event now matches two branches
            server.validate_action_result(None, {"events": [{"event": "user"}]})
        assert server.validate_action_result(None, GOOD) is True
    finally:
        server._event_checkers.cache_clear()
        server._response_validator.cache_clear()


def test_a_branch_without_an_event_constant_also_leaves_it_to_the_whole_schema(monkeypatch):
    spec = RemoteAction.action_response_format_spec()
    event = spec["properties"]["events"]["items"]
    loose = {**event, "oneOf": event["oneOf"] + [{"properties": {"name": {"type": "string"}}}]}
    changed = {**spec, "properties": {**spec["properties"], "events": {"type": "array", "items": loose}}}
    monkeypatch.setattr(RemoteAction, "action_response_format_spec", staticmethod(lambda: changed))
    server._event_checkers.cache_clear()
    try:
        assert server._event_checkers() is None
    finally:
        server._event_checkers.cache_clear()
