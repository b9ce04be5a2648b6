"""Shared fixtures and builders: the real domain, trackers, slots, answers, parse results, Word."""

import os
from io import BytesIO
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple

import docx
import pytest
import yaml
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.interview.catalogue import TEXT, load_catalogue
from bot.settings import PROJECT_ROOT

Ranking = Sequence[Tuple[str, float]]


@pytest.fixture(autouse=True)
def fresh_loaders_under_mutation():
    """Under mutation testing (make mutation), each test loads the catalogue, knowledge and
    format afresh: cached copies, made once by whichever test came first, would hide the
    mutants of the code that builds them, and would tie that code to that one test only."""
    if os.environ.get("MUTANT_UNDER_TEST"):
        from bot.agreement.topics import boilerplate, deferral_terms, load_topics
        from bot.draft.document import load_format
        from bot.interview.catalogue import load_catalogue
        from bot.knowledge.base import load_knowledge
        from bot.knowledge.passages import load_passages
        from bot.knowledge.search import load_search
        from components.intent_classifier import _intents_and_columns

        loaders = (load_catalogue, load_knowledge, load_format, _intents_and_columns,
                   load_passages, load_search, load_topics, deferral_terms, boilerplate)
        for loader in loaders:
            loader.cache_clear()
    yield


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


def slots_of(events: Iterable[Dict[str, Any]]) -> Dict[str, Any]:
    """The slots an action's events set, by name."""
    return {e["name"]: e["value"] for e in events if e["event"] == "slot"}


def complete_answers(**overrides: Any) -> Dict[str, Any]:
    """Answers to every step of an agreement between two parties, as slots; ``overrides`` win."""
    answers: Dict[str, Any] = {
        "same_authority": False, "route_type": "doorlopende_leerroute",
        "vmbo_parties": ["Stichting VO Noord"], "mbo_parties": ["ROC Noord"],
        "clause_6_funding_transfer": False, "signing_place": "Assen",
        "signing_date": "1 september 2025",
        "signatories": [{"name": "A. Jansen", "position": "bestuurder"},
                        {"name": "B. Smit", "position": "voorzitter cvb"}],
    }
    for step in load_catalogue().clauses():
        if step.kind == TEXT:
            answers.setdefault(step.key, f"Afspraken over {step.title.lower()}.")
    answers.update(overrides)
    return answers


def parse_result(text: str, intents: Ranking, answers: Ranking = (),
                 entities: Sequence[Dict[str, Any]] = ()) -> Dict[str, Any]:
    """A parse result of the language model: intents and FAQ answers best first."""
    return {
        "text": text,
        "intent": {"name": intents[0][0], "confidence": intents[0][1]},
        "intent_ranking": [{"name": n, "confidence": c} for n, c in intents],
        "entities": list(entities),
        "response_selector": {
            "faq": {"ranking": [{"intent_response_key": f"faq/{k}", "confidence": c} for k, c in answers]}
        },
    }


def read_docx(content: bytes) -> "docx.document.Document":
    """A Word file read back with python-docx."""
    return docx.Document(BytesIO(content))


def docx_texts(content: bytes) -> List[str]:
    """The text of every paragraph of a Word file, in order."""
    return [paragraph.text for paragraph in read_docx(content).paragraphs]
