"""The typed answer model: what a stored answer means, decided in one place.

Answers are kept in the conversation as plain values (a text, a yes/no, a choice, a list of
party names, a date as Dutch text, a signatory ``{"name", "position"}``), with two markers: the
open place ``PLACEHOLDER`` ("weet ik nog niet") and ``NOT_APPLICABLE`` (the optional clause
skipped). ``read_answer`` turns any stored value into an ``Answer`` with its state; the review,
the completeness check and the draft ask it instead of comparing with the markers themselves.
"""

from dataclasses import dataclass
from typing import Any

from bot.interview.answers import NOT_APPLICABLE, PLACEHOLDER
from bot.interview.catalogue import PARTIES, SIGNATORY_KEY, Step

GIVEN, OPEN, SKIPPED, MISSING = "given", "open", "skipped", "missing"


@dataclass(frozen=True)
class Answer:
    """A stored answer: its state, and for a given answer its value."""

    state: str
    value: Any = None

    @property
    def given(self) -> bool:
        return self.state == GIVEN

    @property
    def open(self) -> bool:
        return self.state == OPEN


def read_answer(stored: Any) -> Answer:
    """What a stored value means: given, open ("weet ik nog niet"), skipped, or missing."""
    if stored is None:
        return Answer(MISSING)
    if stored == NOT_APPLICABLE:
        return Answer(SKIPPED)
    if stored == PLACEHOLDER or stored == [PLACEHOLDER]:
        return Answer(OPEN)
    if isinstance(stored, dict) and stored.get("name") == PLACEHOLDER:
        return Answer(OPEN)
    return Answer(GIVEN, stored)


def open_value(step: Step) -> Any:
    """The value that stores "not known yet" for a step, in the step's own shape."""
    if step.key == SIGNATORY_KEY:
        return {"name": PLACEHOLDER, "position": PLACEHOLDER}
    return [PLACEHOLDER] if step.kind == PARTIES else PLACEHOLDER


def skipped_value() -> str:
    """The value that stores a skipped optional clause."""
    return NOT_APPLICABLE
