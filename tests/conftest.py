"""Shared fixtures: the real domain and tracker builders."""

from typing import Any, Dict, List, Optional

import pytest
import yaml
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.settings import PROJECT_ROOT


@pytest.fixture(autouse=True)
def state_dir(tmp_path, monkeypatch):
    """Each test keeps what it stores (drafts, conversations) in its own folder."""
    folder = tmp_path / "state"
    monkeypatch.setenv("ASSISTANT_STATE_DIR", str(folder))
    return folder


@pytest.fixture(scope="session")
def domain() -> Dict[str, Any]:
    """The assistant's real domain, as the action server receives it."""
    return yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text(encoding="utf-8"))


@pytest.fixture
def dispatcher() -> CollectingDispatcher:
    return CollectingDispatcher()


def make_tracker(
    latest_message: Dict[str, Any],
    slots: Optional[Dict[str, Any]] = None,
    events: Optional[List[Dict[str, Any]]] = None,
    active_loop: Optional[Dict[str, Any]] = None,
) -> Tracker:
    """A tracker as the action server builds it, with the given latest user message."""
    return Tracker(
        sender_id="test-user",
        slots=slots or {},
        latest_message=latest_message,
        events=events or [],
        paused=False,
        followup_action=None,
        active_loop=active_loop or {},
        latest_action_name="action_listen",
    )
