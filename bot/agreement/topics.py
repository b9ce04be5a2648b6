"""The legal topics a-j as the checker uses them, built from the catalogue and the format.

The letter, the law's text and the format's clauses and titles of each topic come from
``bot/interview/catalogue.yml``; its name from the review's completeness check. What the
checker adds (``vocabulary.yml``) is how to recognise a topic in a school's own words. The
official format's fixed sentences (``bot/draft/format.yml``) and the guidance's own lines are
"boilerplate": copied into an agreement they repeat the law, they do not make an arrangement.
"""

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, Iterator, List, Pattern, Tuple

import yaml

from bot.draft.document import load_format
from bot.interview.catalogue import LEGAL_TOPICS, load_catalogue
from bot.interview.model import PLACEHOLDER
from bot.interview.review import TOPIC_NAMES
from bot.user_text import fold

VOCABULARY_FILE = Path(__file__).resolve().parent / "vocabulary.yml"
_AUTHORITY = re.compile(r"\bbevoegde?n? gezag(?:sorganen|sorgaan|en)?\b")
_NON_WORD = re.compile(r"[^a-z0-9]+")
_PLACEHOLDER = re.compile(r"\{[a-z_A-Z]+\}")
_SENTENCES = re.compile(r"(?<=[.;:])\s+|\n+")
MIN_BOILERPLATE_WORDS = 5


def normalise(text: str) -> str:
    """Folded text for matching: lower case, no accents, words separated by single spaces."""
    folded = fold(text).replace("€", " euro ").replace("%", " procent ")
    folded = _AUTHORITY.sub("bevoegdgezag", folded)
    return " " + " ".join(_NON_WORD.sub(" ", folded).split()) + " "


_OPEN_PLACE = normalise(PLACEHOLDER)


def term_pattern(term: str) -> Pattern[str]:
    """A vocabulary term as a pattern over normalised text (see vocabulary.yml)."""
    inside = term.startswith("*")
    whole = term.endswith("$")
    words = normalise(term.strip("*$")).strip()
    pattern = re.escape(words)
    if not inside:
        pattern = r"(?<![a-z0-9])" + pattern
    if whole:
        pattern += r"(?![a-z0-9])"
    return re.compile(pattern)


@dataclass(frozen=True)
class Terms:
    """A set of vocabulary terms matched together."""

    terms: Tuple[str, ...]
    patterns: Tuple[Pattern[str], ...]

    @classmethod
    def of(cls, terms: List[str]) -> "Terms":
        return cls(tuple(terms), tuple(term_pattern(term) for term in terms))

    def found_in(self, normalised: str) -> bool:
        """Whether any of the terms occurs in normalised text."""
        return any(pattern.search(normalised) for pattern in self.patterns)

    def taken_out(self, normalised: str) -> str:
        """Normalised text with every occurrence of the terms replaced by a space."""
        for pattern in self.patterns:
            normalised = pattern.sub(" ", normalised)
        return normalised


@dataclass(frozen=True)
class Element:
    """One part of what the law asks for a topic."""

    name: str
    terms: Terms


@dataclass(frozen=True)
class Topic:
    """One legal topic: what the law asks, and how to recognise it in a document."""

    letter: str
    name: str
    law: str
    clauses: Tuple[str, ...]
    titles: Tuple[str, ...]
    headings: Terms
    anchor: Terms
    elements: Tuple[Element, ...]
    not_applicable: Terms


def _law_text(letter: str, explanations: List[str]) -> str:
    """The law's own text of a topic, as the catalogue quotes it ("c. De vormgeving ...")."""
    for explanation in explanations:
        for line in explanation.splitlines():
            if line.startswith(f"{letter}. "):
                text = line[3:].strip()
                return text[:-len("; en")] if text.endswith("; en") else text.rstrip(";,")
    raise ValueError(f"the catalogue quotes no law text for topic {letter}")


@lru_cache(maxsize=1)
def load_topics() -> Tuple[Topic, ...]:
    """Topics a-j, in order (read once per process)."""
    vocabulary = yaml.safe_load(VOCABULARY_FILE.read_text(encoding="utf-8"))
    steps = load_catalogue().clauses()
    topics = []
    for letter in LEGAL_TOPICS:
        own = [step for step in steps if step.topic == letter]
        words = vocabulary[letter]
        titles = tuple(dict.fromkeys(step.title for step in own))
        heading_terms = list(titles) + [alias for step in own for alias in step.aliases]
        topics.append(Topic(
            letter=letter,
            name=TOPIC_NAMES[letter],
            law=_law_text(letter, [step.explanation for step in own]),
            clauses=tuple(dict.fromkeys(step.clause for step in own)),
            titles=titles,
            headings=Terms.of(heading_terms),
            anchor=Terms.of(words["anchor"]),
            elements=tuple(Element(e["name"], Terms.of(e["terms"])) for e in words["elements"]),
            not_applicable=Terms.of(words.get("not_applicable", [])),
        ))
    return tuple(topics)


@lru_cache(maxsize=1)
def deferral_terms() -> Terms:
    """Words that put an arrangement off or leave it open."""
    vocabulary = yaml.safe_load(VOCABULARY_FILE.read_text(encoding="utf-8"))
    return Terms.of(vocabulary["deferred"])


@lru_cache(maxsize=1)
def step_terms() -> Dict[str, Terms]:
    """For the steps of a topic with several steps: the words by which a passage belongs to
    that step (the vocabulary's words and the step's aliases in the catalogue)."""
    vocabulary = yaml.safe_load(VOCABULARY_FILE.read_text(encoding="utf-8"))
    catalogue = load_catalogue()
    unknown = set(vocabulary["steps"]) - set(catalogue.keys)
    if unknown:
        raise ValueError(f"vocabulary.yml names unknown steps {sorted(unknown)}")
    return {key: Terms.of(list(words) + list(catalogue.get(key).aliases))
            for key, words in vocabulary["steps"].items()}


def _format_texts(node: Any) -> Iterator[str]:
    """Every fixed text of the official format, each variant of it."""
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for key, value in node.items():
            if key not in ("answer", "label", "number", "if_yes", "if_no", "variants", "terms"):
                yield from _format_texts(value)
    elif isinstance(node, list):
        for item in node:
            yield from _format_texts(item)


@lru_cache(maxsize=1)
def boilerplate() -> Tuple[str, ...]:
    """The normalised sentences of the format and of the catalogue's quotes of the guidance,
    longest first: in an agreement, they repeat the law instead of making an arrangement."""
    texts = list(_format_texts(load_format()))
    texts += [step.explanation for step in load_catalogue().steps if step.explanation]
    pieces = set()
    for text in texts:
        for sentence in _SENTENCES.split(text):
            for piece in _PLACEHOLDER.split(sentence):
                words = normalise(piece).strip()
                if len(words.split()) >= MIN_BOILERPLATE_WORDS:
                    pieces.add(" " + words + " ")
    return tuple(sorted(pieces, key=len, reverse=True))


def without_boilerplate(normalised: str) -> str:
    """Normalised text with every sentence of the format or the guidance, and the draft's open
    places ("[nog in te vullen]"), taken out."""
    for piece in boilerplate() + (_OPEN_PLACE,):
        if piece in normalised:
            normalised = normalised.replace(piece, " ")
    return normalised
