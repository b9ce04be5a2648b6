"""The clause catalogue: every step of the interview, in order, from ``catalogue.yml``.

This is the one source of truth for the interview: its order, keys (the Rasa slot names),
titles, questions, explanations, examples, whether a step is optional, the legal topic (a-j)
each clause covers, and the conditions under which a step is asked.
"""

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple

import yaml

CATALOGUE_FILE = Path(__file__).resolve().parent / "catalogue.yml"

YES_NO, CHOICE, PARTIES, TEXT, DATE, SIGNATORY = (
    "yes_no", "choice", "parties", "text", "date", "signatory",
)
KINDS = (YES_NO, CHOICE, PARTIES, TEXT, DATE, SIGNATORY)
SIGNATORY_KEY = "signatory"
# Set when the interview completes a checked agreement: {"mode", "topics", "reference"}; in an
# addendum only the steps of the topics to complete (and those without a topic) are asked.
COMPLETION_SLOT = "agreement_completion"
ADDENDUM_MODE = "addendum"
SIGNATORIES_KEY = "signatories"
LEGAL_TOPICS = tuple("abcdefghij")


@dataclass(frozen=True)
class Choice:
    """One option of a choice step."""

    value: str
    title: str


@dataclass(frozen=True)
class Step:
    """One question of the interview."""

    key: str
    kind: str
    title: str
    question: str
    optional: bool = False
    structural: bool = False
    part: str = ""
    clause: Optional[str] = None
    topic: Optional[str] = None
    explanation: str = ""
    explanation_source: str = ""
    example: str = ""
    question_internal: str = ""
    example_internal: str = ""
    when: Mapping[str, Any] = field(default_factory=dict)
    choices: Tuple[Choice, ...] = ()
    aliases: Tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """How the review names the step: "Artikel 5 - Overstapoptie" or just the title."""
        return f"Artikel {self.clause} - {self.title}" if self.clause else self.title

    @property
    def part_label(self) -> str:
        """The label with the part a step asks: "Artikel 6 - Financiën (omvang)"."""
        return f"{self.label} ({self.part})" if self.part else self.label

    def question_for(self, answers: Mapping[str, Any]) -> str:
        """The question in the words that fit the document: an interne regeling has no parties."""
        return (self.question_internal or self.question) if is_internal(answers) else self.question

    def example_for(self, answers: Mapping[str, Any]) -> str:
        """The example wording that fits the document (see ``question_for``)."""
        return (self.example_internal or self.example) if is_internal(answers) else self.example

    def applies(self, answers: Mapping[str, Any]) -> bool:
        """Whether the step is asked, given the answers so far (and an addendum's topics)."""
        scope = addendum_topics(answers)
        if scope is not None and self.topic and self.topic not in scope:
            return False
        return all(answers.get(slot) == value for slot, value in self.when.items())


def addendum_topics(answers: Mapping[str, Any]) -> Optional[Tuple[str, ...]]:
    """The topics an addendum adds, when the interview makes one; else ``None``."""
    completion = answers.get(COMPLETION_SLOT)
    if not isinstance(completion, Mapping) or completion.get("mode") != ADDENDUM_MODE:
        return None
    return tuple(completion.get("topics") or ())


def is_internal(answers: Mapping[str, Any]) -> bool:
    """Whether the answers make the document an interne regeling (one competent authority)."""
    return answers.get("same_authority") is True


SIGNATORY_STEP = Step(
    key=SIGNATORY_KEY,
    kind=SIGNATORY,
    title="Ondertekening",
    question="Wie ondertekent namens {party}? Noem naam en functie, gescheiden door een "
    "komma (bijvoorbeeld: J. de Vries, voorzitter college van bestuur).",
    question_internal="Wie ondertekent namens {party} de vaststelling van de interne regeling? "
    "Noem naam en functie, "
    "gescheiden door een komma (bijvoorbeeld: J. de Vries, voorzitter college van bestuur).",
    aliases=("ondertekenaars", "ondertekenaar", "ondertekening", "handtekening"),
)


class Catalogue:
    """The interview's steps in order, addressable by key."""

    def __init__(self, steps: Sequence[Step]) -> None:
        self.steps: Tuple[Step, ...] = tuple(steps)
        self._by_key: Dict[str, Step] = {step.key: step for step in self.steps}
        if len(self._by_key) != len(self.steps):
            raise ValueError("duplicate step keys in the catalogue")
        for step in self.steps:
            if step.kind not in KINDS:
                raise ValueError(f"{step.key}: unknown kind {step.kind}")
            unknown = set(step.when) - set(self._by_key)
            if unknown:
                raise ValueError(f"{step.key}: condition on unknown steps {unknown}")

    def __contains__(self, key: object) -> bool:
        return key in self._by_key

    def get(self, key: str) -> Step:
        """The step with this key; raises ``KeyError`` for an unknown key."""
        return self._by_key[key]

    @property
    def keys(self) -> List[str]:
        """Every step key, in order (the signatory step last)."""
        return [step.key for step in self.steps]

    def applicable(self, answers: Mapping[str, Any]) -> List[Step]:
        """The steps that are asked, given the answers so far, in order."""
        return [step for step in self.steps if step.applies(answers)]

    def clauses(self) -> List[Step]:
        """The steps that fill a clause of the format."""
        return [step for step in self.steps if step.clause]


def _step(raw: Dict[str, Any]) -> Step:
    return Step(
        key=raw["key"],
        kind=raw["kind"],
        title=raw["title"],
        question=" ".join(raw["question"].split()),
        optional=bool(raw.get("optional", False)),
        structural=bool(raw.get("structural", False)),
        part=raw.get("part", ""),
        clause=raw.get("clause"),
        topic=raw.get("topic"),
        explanation=raw.get("explanation", ""),
        explanation_source=raw.get("explanation_source", ""),
        example=" ".join(str(raw.get("example", "")).split()),
        question_internal=" ".join(raw.get("question_internal", "").split()),
        example_internal=" ".join(raw.get("example_internal", "").split()),
        when=dict(raw.get("when") or {}),
        choices=tuple(Choice(**choice) for choice in raw.get("choices", [])),
        aliases=tuple(raw.get("aliases", [])),
    )


@lru_cache(maxsize=1)
def load_catalogue() -> Catalogue:
    """The interview catalogue (read once per process)."""
    raw_steps = yaml.safe_load(CATALOGUE_FILE.read_text(encoding="utf-8"))
    return Catalogue([_step(raw) for raw in raw_steps] + [SIGNATORY_STEP])
