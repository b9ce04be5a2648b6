"""Finding the passages of the sources that answer a question: BM25 over Dutch terms.

Questions and passages are reduced to terms (``bot.knowledge.dutch_words``); a passage is read
together with the questions it answers in everyday words (``phrasings.yml``). A question word
the sources never use is read as a source word it is a typo of, or as the compounds of the
sources that hold it, and a few words people use for what the sources name otherwise
("tekenen" for "gesloten") bring the sources' words along (``synonyms.yml``). Besides the BM25
score, each hit says how much of the question (weighted by how rare each word is in the
sources) the passage holds: a question about something the sources never mention finds
passages with its common words only. A learnt ranking (``passage_ranker``), fitted on the
passages and their phrasings, adds how much the question reads like each passage's questions,
and how much it reads like questions near the topic that the sources do not answer
(``unanswered.yml``).
"""

import difflib
import math
import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Dict, List, Optional, Sequence, Set, Tuple

import yaml
from rank_bm25 import BM25Okapi

from bot.knowledge.base import KNOWLEDGE_DIR
from bot.knowledge.dutch_words import Analyser, dutch_analyser
from bot.knowledge.passage_ranker import PassageRanker, scaled
from bot.knowledge.passages import Passage, load_passages
from bot.settings import PROJECT_ROOT
from bot.user_text import fold

SYNONYMS_FILE = KNOWLEDGE_DIR / "synonyms.yml"
UNCOVERED_FILE = KNOWLEDGE_DIR / "uncovered.yml"
UNANSWERED_FILE = KNOWLEDGE_DIR / "unanswered.yml"
TRAINING_DIR = PROJECT_ROOT / "data" / "nlu"
# A question word this close to a word of the sources (difflib's ratio) is read as that word.
TYPO_SIMILARITY = 0.84
TYPO_MIN_LENGTH = 5
# BM25's saturation and length normalisation: the passages are short and of uneven length, so
# length counts less than in BM25's defaults (1.5, 0.75); chosen on the development questions.
BM25_K1 = 1.2
BM25_B = 0.5
# A question word of this length may stand for the compounds of the sources that hold it.
COMPOUND_MIN_LENGTH = 5
COMPOUND_MATCHES = 3
# A word that neither the sources, the phrasings nor the training questions use is often the
# question's subject ("notaris", "laptop"): it weighs this many times a typical word of the
# sources in the share of the question a passage holds. Chosen on the development questions.
UNKNOWN_WEIGHT = 4.0
# A question that asks for an amount, a number, a limit, a duration, a frequency, a price or a
# date by which something must be done.
_QUANTITY = re.compile(
    r"\b(hoeveel|maximum|minimum|maximaal aantal|minimaal aantal|bedrag|bedragen|euro|procent|"
    r"percentage|hoe lang|hoelang|hoe vaak|hoevaak|hoe hoog|hoe groot|wat kost|wat kosten|deadline|"
    r"uiterste datum)\b|€"
)
# A passage that states an amount of money or a percentage, and a question that asks for one
# (also by asking what something costs or how much money).
_AMOUNT_WORDS = "euro|bedrag|bedragen|procent|percentage"
_AMOUNT = re.compile(rf"\b({_AMOUNT_WORDS})\b|€|%")
_ASKS_AMOUNT = re.compile(rf"\b({_AMOUNT_WORDS}|kost|kosten|geld)\b|€|%")
# A number that states a quantity: one standing alone ("de eerste 2 jaar", "leerjaar 3", "1e"),
# not one in a name or a reference ("mbo-2", "artikel 96t", "8.5a.16", "p.5", a web address).
_STATED_NUMBER = re.compile(r"(?<![\w\-./])\d+(e|ste|de)?(?![\w\-./])")
_NUMBER = re.compile(r"\d")
# A Dutch compound names what its last part names: one that ends in an uncovered subject's word
# names that subject too ("busvervoer"), when the part before it has this many letters or more.
UNCOVERED_MODIFIER = 3
# How much the learnt ranking (``passage_ranker``, scaled 0 to 1) adds to a passage's BM25 score
# relative to the best (also 0 to 1). Chosen on the development questions.
LEARNT_WEIGHT = 1.0
# A follow-up is most often answered in the same place of the sources (the same FAQ answer, the
# same topic of the guidance) as the question before it: what the passages there add to their
# relevance. Chosen on the development questions.
CONTEXT_WEIGHT = 0.4
# A question that names a part of the sources ("volgens het format", "staat dat in de faq?"):
# what the passages of that part add to their relevance. Chosen on the development questions.
NAMED_PART_WEIGHT = 0.1
_NAMED_PARTS = ((re.compile(r"\bformat\b"), "format"), (re.compile(r"\bfaq\b"), "FAQ"))
# "artikel 7", "art. 4a", "punt 3", "voetnoot 1": a numbered part of the format or the guidance
# is one term ("artikel7"), since a number alone carries no meaning.
_NUMBERED = re.compile(r"\b(artikel|art|punt|voetnoot)\.?\s*(\d+[a-z]?)\b", re.IGNORECASE)


def numbered_terms(text: str) -> str:
    """``text`` with each numbered part written as one word ("art. 7" -> "artikel7")."""

    def joined(match: "re.Match[str]") -> str:
        kind = match[1].lower()
        return f"{'artikel' if kind == 'art' else kind}{match[2].lower()}"

    return _NUMBERED.sub(joined, text)


def asks_quantity(text: str) -> bool:
    """Whether the question asks for an amount, a number, a limit, a duration or a frequency."""
    return bool(_QUANTITY.search(fold(text)))


def answers_quantity(question: str, passage: str) -> bool:
    """Whether ``passage`` states the kind of quantity ``question`` asks for: an amount of
    money or a percentage for a question about one, else a number."""
    if _ASKS_AMOUNT.search(fold(question)):
        return _states_amount(passage)
    return bool(_STATED_NUMBER.search(passage))


@lru_cache(maxsize=None)
def _states_amount(passage: str) -> bool:
    """Whether a passage of the sources states an amount of money or a percentage."""
    return bool(_AMOUNT.search(fold(passage)))


@dataclass(frozen=True)
class Hit:
    """A passage found for a question: its BM25 score, the share of the question it covers, the
    learnt ranking's score (above 0: the question reads like the passage's phrasings), and its
    relevance (the BM25 score relative to the best, plus the learnt score scaled likewise)."""

    passage: Passage
    score: float
    coverage: float
    relevance: float = 0.0
    learnt: float = 0.0


@dataclass(frozen=True)
class Reading:
    """A question as the search read it: per word the terms that stand for it in the sources
    (its own forms, a repaired typo, the sources' words for it, compounds that contain it),
    the words the sources never use, the text the learnt ranking reads, and whether it names a
    subject the sources do not discuss (``uncovered.yml``)."""

    asked: Tuple[Tuple[str, ...], ...]
    unknown: Tuple[str, ...]
    text: str = ""
    uncovered: bool = False

    @property
    def terms(self) -> Tuple[str, ...]:
        """Every term of the question, once."""
        return tuple(dict.fromkeys(term for word in self.asked for term in word))


class PassageSearch:
    """Ranks the passages for a question."""

    def __init__(
        self,
        passages: Sequence[Passage],
        analyser: Analyser,
        synonyms: Dict[str, Tuple[str, ...]],
        domain_text: str = "",
        uncovered: Sequence[str] = (),
        unanswered: Sequence[str] = (),
    ) -> None:
        self.passages = tuple(passages)
        self._analyser = analyser
        self._uncovered = frozenset(term for word in uncovered for term in analyser.terms(word))
        self._documents = [
            analyser.terms(numbered_terms(
                " ".join((passage.place, passage.heading, passage.text) + passage.phrasings)))
            for passage in self.passages
        ]
        self._sets: List[Set[str]] = [set(document) for document in self._documents]
        self._vocabulary = sorted(set().union(*self._sets))
        self._known = frozenset(self._vocabulary)
        self._index = BM25Okapi(self._documents, k1=BM25_K1, b=BM25_B)
        self._ranker = PassageRanker(self.passages, unanswered)
        # How rare a word is, in the sources' own text: the phrasings must not make a word rare
        # (or common), or each one added would move what a question's words weigh.
        own_sets = [
            set(analyser.terms(numbered_terms(" ".join((p.place, p.heading, p.text)))))
            for p in self.passages
        ]
        frequency = Counter(term for terms in own_sets for term in terms)
        count = len(self.passages)
        self._weights = {
            term: math.log(1 + (count - seen + 0.5) / (seen + 0.5)) for term, seen in frequency.items()
        }
        # A word the sources never use weighs as much as a typical word of theirs: it may be
        # the question's subject ("laptop") or a word that carries little ("namens").
        typical = sum(self._weights.values()) / max(len(self._weights), 1)
        self._unknown_weight = UNKNOWN_WEIGHT * typical
        # Words that questions about the topic use (the phrasings, the language model's training
        # questions) but the sources' text does not are not the sign of another subject: they
        # weigh as a typical word.
        self._domain = (
            frozenset(analyser.terms(numbered_terms(domain_text))) | self._known
        ) - set(self._weights)
        self._domain_weight = typical
        self._synonyms: Dict[str, Tuple[str, ...]] = {}
        for word, targets in synonyms.items():
            added = [t for target in targets for t in analyser.terms(target)]
            for key in analyser.terms(word):
                self._synonyms[key] = tuple(dict.fromkeys(self._synonyms.get(key, ()) + tuple(added)))

    def read(self, text: str) -> Reading:
        """The question's words as terms of the sources."""
        asked: List[Tuple[str, ...]] = []
        unknown: List[str] = []
        uncovered = False
        for word, forms in self._analyser.words(numbered_terms(text)):
            uncovered = uncovered or any(self._names_uncovered(form) for form in forms)
            terms = [form for form in forms if form in self._known]
            for form in forms:
                terms.extend(self._synonyms.get(form, ()))
            if not terms:
                terms = self._compounds(forms[0])
            if not terms and not self._analyser.lemmas.knows(word) and not _NUMBER.search(word):
                repaired = self._repair(forms[0])
                terms = [repaired] if repaired else []
            if terms:
                asked.append(tuple(dict.fromkeys(terms)))
            else:
                unknown.append(forms[0])
                asked.append((forms[0],))
        return Reading(tuple(asked), tuple(unknown), text, uncovered)

    def _names_uncovered(self, form: str) -> bool:
        """Whether a word names a subject the sources do not discuss: it is one of those
        words, or a compound that ends in one and that the sources do not use."""
        if form in self._uncovered:
            return True
        return form not in self._known and any(
            len(form) - len(head) >= UNCOVERED_MODIFIER and form.endswith(head)
            for head in self._uncovered
        )

    def _compounds(self, term: str) -> List[str]:
        """Source words that start or end with ``term`` ("geschil" in "geschilbeslechting")."""
        if len(term) < COMPOUND_MIN_LENGTH:
            return []
        return [
            word for word in self._vocabulary
            if word != term and (word.startswith(term) or word.endswith(term))
        ][:COMPOUND_MATCHES]

    def beyond_sources(self, text: str) -> float:
        """How much more ``text`` reads like the questions the sources do not answer than like
        any passage's (above 0: more)."""
        return self._ranker.beyond_sources(text)

    def search(self, text: str, limit: int = 5) -> List[Hit]:
        """The best passages for ``text``, best first (none when it has no content words)."""
        return self.search_reading(self.read(text), limit)

    def search_reading(self, reading: Reading, limit: int) -> List[Hit]:
        """``search`` for a question already read."""
        if not reading.terms:
            return []
        scores = self._index.get_scores(list(reading.terms))
        top = max(float(max(scores)), 0.0) or 1.0  # a tiny corpus can score below 0
        learnt = self._ranker.scores(reading.text)
        learnt_scaled = scaled(learnt)
        named = [part for pattern, part in _NAMED_PARTS if pattern.search(fold(reading.text))]
        relevance = [
            float(score) / top + LEARNT_WEIGHT * learnt_scaled.get(passage.id, 0.0)
            + NAMED_PART_WEIGHT * any(part in passage.place for part in named)
            for score, passage in zip(scores, self.passages)
        ]
        order = sorted(range(len(scores)), key=lambda index: -relevance[index])[:limit]
        return [
            Hit(self.passages[i], float(scores[i]), self._coverage(reading, self._sets[i]),
                relevance[i], learnt.get(self.passages[i].id, 0.0))
            for i in order
        ]

    def search_follow_up(self, previous: str, follow_up: str, limit: int = 5) -> List[Hit]:
        """The best passages for a follow-up question read with the question before it:
        passages that hold a word of the follow-up itself, when it has any, those in the place
        that answers the question before it first among equals."""
        own = self.read(follow_up)
        # BM25 reads both questions; the learnt ranking only what the follow-up itself asks.
        combined = replace(self.read(f"{previous} {follow_up}"), text=follow_up)
        hits = self.search_reading(combined, len(self.passages))
        if own.asked:
            hits = [
                hit for hit in hits
                if any(term in self._sets[hit.passage.id] for word in own.asked for term in word)
            ]
        before = self.search(previous, 1)
        if before:
            place = before[0].passage.place
            hits = sorted(hits, key=lambda hit: -(
                hit.relevance + CONTEXT_WEIGHT * (hit.passage.place == place)))
        return [hit for hit in hits if hit.score > 0][:limit]

    def _coverage(self, reading: Reading, passage_terms: Set[str]) -> float:
        """The share of the question's weight that the passage holds (unknown words weigh most)."""
        weights = [max(self._weight(term) for term in word) for word in reading.asked]
        total = sum(weights)
        if not total:
            return 0.0
        held = sum(
            weight for weight, word in zip(weights, reading.asked)
            if any(term in passage_terms for term in word)
        )
        return held / total

    def _weight(self, term: str) -> float:
        if term in self._domain:
            return self._domain_weight
        return self._weights.get(term, self._unknown_weight)

    def _repair(self, term: str) -> Optional[str]:
        """The source word ``term`` is a typo of, if any."""
        if len(term) < TYPO_MIN_LENGTH:
            return None
        return _closest(term, tuple(self._vocabulary))


@lru_cache(maxsize=4096)
def _closest(term: str, vocabulary: Tuple[str, ...]) -> Optional[str]:
    matches = difflib.get_close_matches(term, vocabulary, n=1, cutoff=TYPO_SIMILARITY)
    return matches[0] if matches else None


def load_synonyms() -> Dict[str, Tuple[str, ...]]:
    """Words people use -> the words the sources use for the same thing."""
    listed = yaml.safe_load(SYNONYMS_FILE.read_text(encoding="utf-8")) or {}
    return {str(word): tuple(str(t) for t in targets) for word, targets in listed.items()}


def load_uncovered() -> Tuple[str, ...]:
    """Words that name subjects the sources do not discuss."""
    return tuple(str(word) for word in yaml.safe_load(UNCOVERED_FILE.read_text(encoding="utf-8")) or ())


def load_unanswered() -> Tuple[str, ...]:
    """Questions near the topic that the sources do not answer."""
    return tuple(str(q) for q in yaml.safe_load(UNANSWERED_FILE.read_text(encoding="utf-8")) or ())


def topic_questions() -> str:
    """The training questions of the language model that ask about the sources (intent
    ``faq/...``), one a line: the words people use for the topic."""
    found = []
    for path in sorted(TRAINING_DIR.glob("*.yml")):
        for block in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("nlu") or []:
            # A block without an intent or examples reads as "None": no "faq/", no "- " line.
            if str(block.get("intent")).startswith("faq/"):
                found += [line[2:].strip() for line in str(block.get("examples")).splitlines()
                          if line.strip().startswith("- ")]
    return "\n".join(found)


@lru_cache(maxsize=1)
def load_search() -> PassageSearch:
    """The search over every passage, with spaCy's lemmas (once per process)."""
    return PassageSearch(
        load_passages(), dutch_analyser(), load_synonyms(), topic_questions(), load_uncovered(),
        load_unanswered())
