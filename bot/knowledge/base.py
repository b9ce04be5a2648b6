"""The knowledge base: every question the assistant answers, with its official answer."""

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Dict, Iterator, List, Tuple

import yaml

from bot.knowledge.faq_source import parse_faq

KNOWLEDGE_DIR = Path(__file__).resolve().parent
SOURCES_DIR = KNOWLEDGE_DIR.parent / "sources"
FAQ_SOURCE = SOURCES_DIR / "faq.txt"
GUIDANCE_SOURCE = SOURCES_DIR / "bouwsteen.txt"

FAQ = "faq"
GUIDANCE = "bouwsteen"


@dataclass(frozen=True)
class Entry:
    """One answerable question: its key, a short title, the question and the official answer."""

    key: str
    title: str
    question: str
    paragraphs: Tuple[str, ...]
    source: str
    # A second source some paragraphs quote (the FAQ beside the guidance), or "".
    also_from: str = ""

    @property
    def answer(self) -> str:
        """The answer as Markdown: paragraphs separated by blank lines."""
        return "\n\n".join(self.paragraphs)

    @property
    def response_name(self) -> str:
        """The name of the Rasa response that carries this answer."""
        return f"utter_faq/{self.key}"


class KnowledgeBase:
    """All entries, in source order, addressable by key."""

    def __init__(self, entries: List[Entry]) -> None:
        self._entries = list(entries)
        self._by_key: Dict[str, Entry] = {}
        for entry in self._entries:
            if entry.key in self._by_key:
                raise ValueError(f"duplicate knowledge key: {entry.key}")
            self._by_key[entry.key] = entry

    def __iter__(self) -> Iterator[Entry]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, key: object) -> bool:
        return key in self._by_key

    def get(self, key: str) -> Entry:
        """The entry for ``key``; raises ``KeyError`` for an unknown key."""
        return self._by_key[key]

    def from_source(self, source: str) -> List[Entry]:
        """The entries answered from one source document (``FAQ`` or ``GUIDANCE``)."""
        return [entry for entry in self._entries if entry.source == source]


def _load_faq_entries() -> List[Entry]:
    topics = yaml.safe_load((KNOWLEDGE_DIR / "faq_topics.yml").read_text(encoding="utf-8"))
    parsed = parse_faq(FAQ_SOURCE.read_text(encoding="utf-8"))
    if len(topics) != len(parsed):
        raise ValueError(
            f"faq_topics.yml names {len(topics)} entries but the FAQ source has {len(parsed)}"
        )
    return [
        Entry(topic["key"], topic["title"], item.question, item.paragraphs, FAQ)
        for topic, item in zip(topics, parsed)
    ]


def _load_guidance_entries() -> List[Entry]:
    topics = yaml.safe_load((KNOWLEDGE_DIR / "guidance.yml").read_text(encoding="utf-8"))
    return [
        Entry(
            topic["key"],
            topic["title"],
            topic["title"],
            tuple(part.strip() for part in topic["answer"].split("\n\n") if part.strip()),
            GUIDANCE,
            topic.get("also_from", ""),
        )
        for topic in topics
    ]


@lru_cache(maxsize=1)
def load_knowledge() -> KnowledgeBase:
    """Load the FAQ and guidance entries (once per process)."""
    return KnowledgeBase(_load_faq_entries() + _load_guidance_entries())
