"""Which legal topics a-j a document covers, with the passages that show it.

For each topic the checker collects the passages that name it (a word of its anchor) or stand
under a heading of it (a title or alias from the catalogue), after taking out the sentences of
the official format and the guidance, which repeat the law instead of making an arrangement.
It then looks, per article (or heading), for each element the law asks for that topic:

- covered: one article makes every element, and puts none of it off;
- partly: the topic is touched, but an element is missing or the text puts it off;
- unsure: every element is there, but only spread over several articles; or the text names the
  topic in a way the checker cannot judge. It is never shown as covered;
- missing: nothing in the document makes the arrangement;
- not_applicable: g when the document says no funding is transferred.

Topic h is "additional arrangements, if made": a document that says none were made covers it.
"""

import re
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence, Tuple

from bot.agreement import messages
from bot.agreement.structure import Passage
from bot.interview.review import COVERED as REVIEW_COVERED
from bot.interview.review import EXISTING as REVIEW_EXISTING
from bot.interview.review import MISSING as REVIEW_MISSING
from bot.interview.review import NOT_USED as REVIEW_NOT_USED
from bot.interview.review import OPEN as REVIEW_OPEN
from bot.agreement.topics import Topic, deferral_terms, load_topics, normalise, without_boilerplate

COVERED, PARTLY, MISSING, UNSURE, NOT_APPLICABLE = (
    "covered", "partly", "missing", "unsure", "not_applicable",
)
STATUSES = (COVERED, PARTLY, UNSURE, MISSING, NOT_APPLICABLE)
# A passage needs this many words of its own (beyond the format's sentences) to count.
MIN_OWN_WORDS = 4
MAX_QUOTE_CHARS = 320
MAX_EVIDENCE = 3
FUNDING_TOPIC, CODETERMINATION_TOPIC = "g", "h"
HEADING_GROUP = "under the topic's headings"
STATUS_WORDS = {word.lower() for word in (
    REVIEW_COVERED, REVIEW_OPEN, REVIEW_MISSING, REVIEW_NOT_USED, REVIEW_EXISTING)}
STATUS_WORDS |= set(messages.STATUS_NAMES.values())
# "h. medezeggenschap: ontbreekt"; in Word the letter may be the list's own numbering, not text.
_STATUS_LINE = re.compile(
    r"^[-*\u2022]?\s*(?:([a-j])[.)]\s)?([^:]{3,90}):\s*([^:]{3,40}?)\.?$", re.IGNORECASE)
_SENTENCE = re.compile(r"(?<=[.;!?])\s+(?=[A-Z0-9\u00C0-\u00DD(\"'\u2018\u201c])")


@dataclass(frozen=True)
class Evidence:
    """A passage of the user's document, quoted, with its place."""

    quote: str
    place: str


@dataclass(frozen=True)
class TopicFinding:
    """What the checker found for one legal topic."""

    topic: str
    name: str
    law: str
    status: str
    evidence: Tuple[Evidence, ...] = ()
    missing_elements: Tuple[str, ...] = ()
    notes: Tuple[str, ...] = ()


@dataclass
class _Read:
    """A passage with its normalised text, the format's sentences taken out."""

    passage: Passage
    own: str
    heading: str


@dataclass
class _Group:
    """The candidate passages of one topic within one article or heading."""

    passages: List[_Read] = field(default_factory=list)
    elements: Dict[int, _Read] = field(default_factory=dict)
    deferred: bool = False


def is_status_line(text: str) -> bool:
    """A line of a completeness list ("h. medezeggenschap: ontbreekt"), as the assistant's own
    drafts end with: it names a topic, it makes no arrangement."""
    found = _STATUS_LINE.match(" ".join(text.split()))
    if not found or found.group(3).lower() not in STATUS_WORDS:
        return False
    # Without its letter, only a topic's own name makes it a status line: "Overdracht van
    # bekostiging: niet van toepassing" is the document's arrangement, said in its own words.
    return bool(found.group(1)) or found.group(2).strip().lower() in {
        topic.name.lower() for topic in load_topics()}


def _group_key(passage: Passage) -> str:
    if passage.article:
        return f"article {passage.article}"
    if passage.heading:
        return f"heading {passage.heading}"
    return f"passage {passage.index}"


def quote(text: str, matching: Sequence[str] = ()) -> str:
    """The passage as a quote of at most MAX_QUOTE_CHARS: whole if short, else its sentences
    that hold the most of the given (normalised) terms, in document order."""
    text = " ".join(text.split())
    if len(text) <= MAX_QUOTE_CHARS:
        return text
    sentences = _SENTENCE.split(text)
    scored = sorted(
        range(len(sentences)),
        key=lambda i: -sum(1 for term in matching if term in normalise(sentences[i])),
    )
    chosen: List[int] = []
    length = 0
    for index in scored:
        if chosen and length + len(sentences[index]) > MAX_QUOTE_CHARS:
            continue
        chosen.append(index)
        length += len(sentences[index]) + 3
    picked = " \u2026 ".join(sentences[i] for i in sorted(chosen))
    if len(picked) > MAX_QUOTE_CHARS:
        picked = picked[:MAX_QUOTE_CHARS].rsplit(" ", 1)[0] + " \u2026"
    return picked


def read_passages(passages: Sequence[Passage]) -> List[_Read]:
    """Each passage with its own words (normalised, without the format's sentences)."""
    return [
        _Read(passage, without_boilerplate(normalise(passage.text)), normalise(passage.heading))
        for passage in passages
    ]


def _under_other_topic(topic: Topic, heading: str) -> bool:
    return bool(heading.strip()) and any(
        other.headings.found_in(heading) for other in load_topics() if other.letter != topic.letter)


def _candidates(topic: Topic, reads: Sequence[_Read]) -> Tuple[Dict[str, _Group], bool]:
    """The topic's passages grouped per article or heading; and whether a heading names it."""
    groups: Dict[str, _Group] = {}
    heading_seen = False
    for read in reads:
        if read.passage.is_heading or is_status_line(read.passage.text):
            heading_seen = heading_seen or topic.headings.found_in(read.own + normalise(read.passage.text))
            continue
        if len(read.own.split()) < MIN_OWN_WORDS:
            continue
        under_heading = bool(read.heading.strip()) and topic.headings.found_in(read.heading)
        if not (under_heading or topic.anchor.found_in(read.own)):
            continue
        # "geen aanvullende afspraken" says none were made: its words make no element.
        stated = topic.not_applicable.taken_out(read.own)
        elements = [n for n, e in enumerate(topic.elements) if e.terms.found_in(stated)]
        if not under_heading and not elements and _under_other_topic(topic, read.heading):
            continue  # a word of this topic said in passing in another topic's article
        # Everything under the topic's own headings is one group: j spans articles 9 and 10.
        key = HEADING_GROUP if under_heading else _group_key(read.passage)
        group = groups.setdefault(key, _Group())
        group.passages.append(read)
        group.deferred = group.deferred or deferral_terms().found_in(read.own)
        for number in elements:
            group.elements.setdefault(number, read)
    return groups, heading_seen


def _evidence(topic: Topic, reads: Sequence[_Read]) -> Tuple[Evidence, ...]:
    terms = [term.strip("*$") for element in topic.elements for term in element.terms.terms]
    terms += [term.strip("*$") for term in topic.anchor.terms]
    seen, found = set(), []
    for read in reads:
        if read.passage.index in seen:
            continue
        seen.add(read.passage.index)
        found.append(Evidence(quote(read.passage.text, [normalise(t).strip() for t in terms]),
                              read.passage.place))
    return tuple(found[:MAX_EVIDENCE])


def _best(groups: Dict[str, _Group]) -> Optional[_Group]:
    """The group under the topic's own headings if the document has one, else the fullest."""
    if HEADING_GROUP in groups:
        return groups[HEADING_GROUP]
    if not groups:
        return None
    return max(groups.values(), key=lambda g: (len(g.elements), -len(g.passages)))


def _finding(topic: Topic, status: str, evidence=(), missing=(), notes=()) -> TopicFinding:
    return TopicFinding(topic.letter, topic.name, topic.law, status, tuple(evidence),
                        tuple(missing), tuple(notes))


def _states_not_applicable(topic: Topic, group: _Group) -> List[_Read]:
    return [read for read in group.passages if topic.not_applicable.found_in(read.own)]


def check_topic(topic: Topic, reads: Sequence[_Read]) -> TopicFinding:
    """The finding for one topic."""
    groups, heading_seen = _candidates(topic, reads)
    best = _best(groups)
    if best is None:
        notes = (messages.NOTE_HEADING_ONLY,) if heading_seen else ()
        return _finding(topic, MISSING, missing=[e.name for e in topic.elements], notes=notes)
    # Under the topic's own headings, the document says where the topic is: look only there.
    considered = [best] if HEADING_GROUP in groups else list(groups.values())
    everywhere = {number for group in considered for number in group.elements}
    missing = [e.name for n, e in enumerate(topic.elements) if n not in everywhere]
    negations = _states_not_applicable(topic, best)
    if topic.letter == FUNDING_TOPIC and negations and not best.elements:
        return _finding(topic, NOT_APPLICABLE, _evidence(topic, negations),
                        notes=[messages.NOTE_NO_TRANSFER])
    if topic.letter == CODETERMINATION_TOPIC and negations and not best.elements:
        return _finding(topic, COVERED, _evidence(topic, negations), notes=[messages.NOTE_NO_EXTRA])
    complete = len(best.elements) == len(topic.elements)
    if complete and best.deferred:
        return _finding(topic, PARTLY, _evidence(topic, best.passages), notes=[messages.NOTE_DEFERRED])
    if complete:
        contributing = sorted(best.elements.values(), key=lambda r: r.passage.index)
        return _finding(topic, COVERED, _evidence(topic, contributing + best.passages))
    if not missing:
        scattered = [next(g.elements[n] for g in considered if n in g.elements)
                     for n in range(len(topic.elements))]
        return _finding(topic, UNSURE, _evidence(topic, scattered), notes=[messages.NOTE_SCATTERED])
    if topic.letter == CODETERMINATION_TOPIC:
        return _finding(topic, UNSURE, _evidence(topic, best.passages), missing,
                        [messages.NOTE_NOT_MADE_UNSURE])
    notes = [messages.NOTE_MISSING_ELEMENTS.format(elements="; ".join(missing))]
    if best.deferred:
        notes.append(messages.NOTE_DEFERRED)
    return _finding(topic, PARTLY, _evidence(topic, best.passages), missing, notes)


def topic_passages(topic: Topic, reads: Sequence[_Read]) -> List[Passage]:
    """The passages a finding rests on, in document order: the group under the topic's own
    headings, else the fullest group."""
    best = _best(_candidates(topic, reads)[0])
    return [] if best is None else sorted((read.passage for read in best.passages), key=lambda p: p.index)


def check_passages(passages: Sequence[Passage]) -> List[TopicFinding]:
    """The finding for every topic a-j, in order."""
    reads = read_passages(passages)
    return [check_topic(topic, reads) for topic in load_topics()]
