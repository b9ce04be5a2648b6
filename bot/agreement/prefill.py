"""What a checked agreement already says, as answers to the interview's steps (no Rasa here).

When a user completes the missing topics of an existing agreement, the interview starts with
what the document says filled in, to confirm or change each, and asks only the rest. ``prefill``
turns the document's passages, the findings and the facts into those answers:

- the kind of document, the route and the parties from the facts;
- per topic that is covered, partly or unsurely covered, its passages as the answer to the
  topic's step (for a topic with several steps, each passage goes to the steps whose words it
  uses, see ``vocabulary.yml``); a topic that is not covered marks its steps as unclear;
- for topic g, whether funding is transferred, and the passages on its amount and destination.

Only these answers are kept (never the document), and only when the user goes on with them.
"""

from dataclasses import dataclass, field
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple

from bot.agreement.checker import (
    COVERED, NOT_APPLICABLE, PARTLY, UNSURE, TopicFinding, read_passages, topic_passages,
)
from bot.agreement.facts import AGREEMENT, CONTINUOUS, INTEGRATED, INTERNAL, MBO, OTHER, VMBO, Facts
from bot.agreement.structure import Passage
from bot.agreement.topics import load_topics, normalise, step_terms, without_boilerplate
from bot.interview.catalogue import TEXT, load_catalogue

FUNDING_TOPIC = "g"
FUNDING_TRANSFER, FUNDING_AMOUNT, FUNDING_PURPOSE = (
    "clause_6_funding_transfer", "clause_6_funding_amount", "clause_6_funding_purpose",
)
# A passage needs this many words of its own to be part of an answer; a title at most this many
# characters to name the existing agreement.
MIN_ANSWER_WORDS = 4
MAX_TITLE_CHARS = 120
# Statuses whose passages become answers; of these, the ones the user should look at again.
USABLE = (COVERED, PARTLY, UNSURE)
UNCLEAR = (PARTLY, UNSURE)


@dataclass(frozen=True)
class Prefill:
    """Answers taken from a document, which of them are unclear, and the topics to complete."""

    answers: Mapping[str, Any] = field(default_factory=dict)
    unclear: Tuple[str, ...] = ()
    topics: Tuple[str, ...] = ()
    reference: str = ""

    def as_json(self) -> Dict[str, Any]:
        """The prefill as plain JSON values, to store until the user goes on with it."""
        return {"answers": dict(self.answers), "unclear": list(self.unclear),
                "topics": list(self.topics), "reference": self.reference}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "Prefill":
        """The prefill from its stored JSON; unknown steps are left out."""
        known = set(load_catalogue().keys)
        answers = {key: value for key, value in dict(data.get("answers") or {}).items() if key in known}
        return cls(answers, tuple(k for k in data.get("unclear") or [] if k in known),
                   tuple(str(t) for t in data.get("topics") or []), str(data.get("reference") or ""))


def _joined(passages: Sequence[Passage]) -> Optional[str]:
    """Passages as one answer, a paragraph each; ``None`` when none has words of its own."""
    texts = [" ".join(p.text.split()) for p in passages
             if not p.is_heading and len(without_boilerplate(normalise(p.text)).split()) >= MIN_ANSWER_WORDS]
    return "\n".join(texts) or None


def _whole_articles(found: Sequence[Passage], passages: Sequence[Passage]) -> List[Passage]:
    """Every passage of the articles the found passages stand in (and the found ones)."""
    articles = {p.article for p in found if p.article}
    indexes = {p.index for p in found}
    return [p for p in passages if p.index in indexes or (p.article and p.article in articles)]


def _parties(facts: Facts) -> Dict[str, List[str]]:
    """The parties per side; a party whose side is unclear fills a side that has none."""
    vmbo, mbo, other = facts.names(VMBO), facts.names(MBO), facts.names(OTHER)
    if not vmbo and other:
        vmbo = [other.pop(0)]
    if not mbo and other:
        mbo = [other.pop(0)]
    return {"vmbo_parties": vmbo, "mbo_parties": mbo}


def _structural(facts: Facts) -> Dict[str, Any]:
    """The kind of document, the route and the parties, as far as the facts say them."""
    answers: Dict[str, Any] = {}
    if facts.route in (CONTINUOUS, INTEGRATED):
        answers["route_type"] = facts.route
    if facts.kind == INTERNAL:
        answers["same_authority"] = True
        if facts.parties:
            answers["authority_name"] = [facts.parties[0].name]
    elif facts.kind == AGREEMENT:
        answers["same_authority"] = False
        answers.update({key: names for key, names in _parties(facts).items() if names})
    return answers


def _funding(facts: Facts, passages: Sequence[Passage], unclear: bool) -> Dict[str, Any]:
    """Topic g: whether funding is transferred, and the passages on amount and destination.

    Where the topic is not clearly covered, whether funding is transferred is left to the user.
    """
    transferred = facts.funding.transferred
    if transferred is None:
        return {}
    answers: Dict[str, Any] = {} if unclear else {FUNDING_TRANSFER: transferred}
    by_place = {p.place: p for p in passages}
    for key, evidence in ((FUNDING_AMOUNT, facts.funding.amount),
                          (FUNDING_PURPOSE, facts.funding.destination)):
        text = _joined([by_place[e.place] for e in evidence if e.place in by_place]) if transferred else None
        if text:
            answers[key] = text
    return answers


def prefill(passages: Sequence[Passage], findings: Sequence[TopicFinding], facts: Facts) -> Prefill:
    """The answers a document gives, for the interview that completes it."""
    catalogue = load_catalogue()
    reads = read_passages(passages)
    status = {finding.topic: finding.status for finding in findings}
    answers = _structural(facts)
    unclear: List[str] = []
    for topic in load_topics():
        steps = [step for step in catalogue.clauses() if step.topic == topic.letter]
        if topic.letter == FUNDING_TOPIC:
            usable = status[topic.letter] in USABLE + (NOT_APPLICABLE,)
            given = _funding(facts, passages, status[topic.letter] in UNCLEAR) if usable else {}
        elif status[topic.letter] not in USABLE:
            continue
        elif len(steps) == 1:
            given = {steps[0].key: _joined(topic_passages(topic, reads))}
        else:
            found = _whole_articles(topic_passages(topic, reads), passages)
            terms = step_terms()
            given = {
                step.key: _joined([p for p in found if terms[step.key].found_in(normalise(p.text))])
                for step in steps if step.kind == TEXT
            }
        given = {key: value for key, value in given.items() if value is not None}
        answers.update(given)
        if status[topic.letter] in UNCLEAR:
            unclear += list(given)
    to_complete = tuple(f.topic for f in findings if f.status not in (COVERED, NOT_APPLICABLE))
    first = passages[0] if passages else None
    reference = (" ".join(first.text.split())
                 if first is not None and first.is_heading and len(first.text) <= MAX_TITLE_CHARS else "")
    return Prefill(answers, tuple(unclear), to_complete, reference)
