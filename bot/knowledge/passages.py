"""The passages of the sources that the assistant can quote, each with the place it comes from.

The guidance's passages are listed in ``passages.yml`` (the extracted PDF text needs its line
breaks and hyphenation repaired); the FAQ's are its answer paragraphs. Each passage knows which
curated entries quote it, so that a curated answer can be checked against the passages a
question finds. ``phrasings.yml`` adds to each passage questions it answers in everyday words,
which the search reads with the passage.
"""

from dataclasses import dataclass
from functools import lru_cache
from typing import Dict, FrozenSet, Iterable, List, Tuple

import yaml

from bot.knowledge.base import FAQ, FAQ_SOURCE, GUIDANCE, KNOWLEDGE_DIR, Entry, load_knowledge
from bot.knowledge.faq_source import parse_faq
from bot.knowledge.text import letters_only, link_labels

PASSAGES_FILE = KNOWLEDGE_DIR / "passages.yml"
PHRASINGS_FILE = KNOWLEDGE_DIR / "phrasings.yml"
# A FAQ question longer than this many words is named by its first words and "...".
PLACE_WORDS = 9
# A text this short ("Nee.") is in nearly every answer: it links a passage and an answer only
# when it is a whole paragraph of that answer.
MIN_QUOTED_LETTERS = 40


@dataclass(frozen=True)
class Passage:
    """A quotable passage: its text, where it stands, and the curated entries that quote it."""

    id: int
    place: str
    text: str
    source: str
    heading: str = ""
    entry_keys: FrozenSet[str] = frozenset()
    phrasings: Tuple[str, ...] = ()


def faq_place(question: str) -> str:
    """"FAQ: <question>", shortened to its first words when the question is long."""
    words = question.split()
    if len(words) <= PLACE_WORDS:
        return f"FAQ: {question}"
    return f"FAQ: {' '.join(words[:PLACE_WORDS]).rstrip(',;:')} ...?"


def _quoting_entries(text: str, entries: Iterable[Entry]) -> FrozenSet[str]:
    """The entries whose answer contains ``text``, or one of whose paragraphs ``text`` contains
    (a link in an answer read as its label)."""
    wanted = letters_only(text)
    keys = set()
    for entry in entries:
        paragraphs = [letters_only(link_labels(paragraph)) for paragraph in entry.paragraphs]
        if (
            wanted in paragraphs
            or (len(wanted) >= MIN_QUOTED_LETTERS
                and wanted in letters_only(link_labels(entry.answer)))
            or any(len(p) >= MIN_QUOTED_LETTERS and p in wanted for p in paragraphs)
        ):
            keys.add(entry.key)
    return frozenset(keys)


def _guidance_passages(entries: List[Entry]) -> List[Tuple[str, str, str, FrozenSet[str]]]:
    listed = yaml.safe_load(PASSAGES_FILE.read_text(encoding="utf-8"))
    return [
        (item["place"], item["text"].strip(), "", _quoting_entries(item["text"], entries))
        for item in listed
    ]


def _faq_passages(entries: List[Entry]) -> List[Tuple[str, str, str, FrozenSet[str]]]:
    found = []
    for item in parse_faq(FAQ_SOURCE.read_text(encoding="utf-8")):
        place = faq_place(item.question)
        for paragraph in item.paragraphs:
            keys = _quoting_entries(paragraph, entries)
            found.append((place, paragraph, item.question, keys))
    return found


def _named_passage(place: str, starts: str, rows: List[Tuple[str, str]]) -> int:
    """The number of the one passage at ``place`` whose text starts with ``starts``."""
    matches = [
        number for number, (row_place, text) in enumerate(rows)
        if row_place == place and " ".join(text.split()).startswith(" ".join(starts.split()))
    ]
    if len(matches) != 1:
        raise ValueError(
            f"{PHRASINGS_FILE.name}: {place!r} / {starts!r} names {len(matches)} passages"
        )
    return matches[0]


def phrasings_by_passage(rows: List[Tuple[str, str]]) -> Dict[int, Tuple[str, ...]]:
    """Per passage number (of ``rows``: place and text), the questions ``phrasings.yml`` lists
    for it; an entry that names no passage, or more than one, is an error."""
    found: Dict[int, Tuple[str, ...]] = {}
    for item in yaml.safe_load(PHRASINGS_FILE.read_text(encoding="utf-8")):
        number = _named_passage(str(item["place"]), str(item["starts"]), rows)
        found[number] = found.get(number, ()) + tuple(str(q) for q in item["questions"])
    return found


@lru_cache(maxsize=1)
def load_passages() -> Tuple[Passage, ...]:
    """Every passage of the guidance, then of the FAQ, numbered in that order (once per process)."""
    knowledge = list(load_knowledge())
    rows = [(GUIDANCE, row) for row in _guidance_passages(knowledge)]
    rows += [(FAQ, row) for row in _faq_passages(knowledge)]
    phrasings = phrasings_by_passage([(place, text) for _, (place, text, _, _) in rows])
    return tuple(
        Passage(number, place, text, source, heading, keys, phrasings.get(number, ()))
        for number, (source, (place, text, heading, keys)) in enumerate(rows)
    )
