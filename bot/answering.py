"""Deciding how to answer a question from the language model's rankings and the passages found.

The model ranks intents and, for questions, the curated FAQ and guidance answers; the passage
search finds the passages of the sources that hold the question's words. This module decides
between a curated answer, a passage quoted from the sources, offering the closest questions
("Bedoelt u ...?"), saying honestly that the sources do not answer the question (with the
nearest thing they do say), and saying that the question falls outside the topic.
"""

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Dict, FrozenSet, List, Optional, Sequence, Tuple

from bot.interview.flow import looks_like_question
from bot.user_text import fold, has_words

if TYPE_CHECKING:  # the search loads its word lists; only the type is needed here
    from bot.knowledge.search import Hit

QUESTION_INTENT = "faq"
FALLBACK_INTENT = "nlu_fallback"
# "Geen van deze" under the choices offered.
NONE_OF_THESE_INTENT = "none_of_these"
# The answer selector spreads its confidence over some 40 answers (uniform would be 0.025):
# answer outright when the best answer has ten times that and leads the next by 0.10.
ANSWER_CONFIDENCE = 0.25
AMBIGUITY_MARGIN = 0.10
# Offer as a choice only answers with some support, at most three.
CANDIDATE_CONFIDENCE = 0.10
MAX_CANDIDATES = 3
# Offer choices only when the message is at least a little like a question (a single topic
# word often is); decline when it is clearly out of scope or nothing fits.
QUESTION_INTENT_FLOOR = 0.05
OUT_OF_SCOPE_INTENT = "out_of_scope"
# Intents the model may give a short question about the sources ("wie tekent?" read as "who
# are you?"): such a message gets a passage that holds all of it with a high score, when it
# reads nearly like that passage's questions (TOPIC_LEARNT).
REDIRECTED_INTENTS = (OUT_OF_SCOPE_INTENT, "bot_challenge", "ask_capabilities")
# (None of the model's training or held-out small talk passes all three.)
REDIRECT_COVERAGE = 0.9
REDIRECT_SCORE = 8.0
# A message read as out of scope that names the route or the agreement itself is about the
# topic ("hoeveel kost een dlr per leerling"): the sources are said not to answer it, with the
# nearest passage. (No out-of-scope message the model learnt or is held out on names them.)
_TOPIC = re.compile(
    r"\b(dlr('?s)?|doorlopende leerroutes?|sok|samenwerkingsovereenkomst(en)?)\b", re.IGNORECASE)
# An interview command while no question is open ("geef een voorbeeld") names what it asks
# about when it names the agreement ("hebben jullie een voorbeeld sok") in this many words or
# more, all held by one passage.
SUBJECT_WORDS = 2
# It asks a question about the sources, too, when it is put as a question that the learnt
# ranking reads like a passage's questions by more than this: the commands of the training data
# put as questions read so by 0.18 at most ("mag ik een voorbeeld zien", "kan ik terug naar de
# vorige vraag?"); questions the model took for such a command, by 0.6 and more.
COMMAND_LEARNT = 0.5
# A request to draft the agreement ("hoe stel ik een sok op?") names at most this many words of
# the sources; a question that names more ("hoe maak ik een sok met twee roc's?") asks something.
DRAFT_REQUEST_WORDS = 3
_ASKS_FOR_HELP = re.compile(r"\b(help|helpen)\b")
_AGREEMENT = re.compile(r"\b(sok|\w*overeenkomst\w*|\w*regeling\w*|format)\b", re.IGNORECASE)
# What a request to go on with the interview may name ("en verder met de vragen?").
_INTERVIEW = re.compile(r"\b(vraag|vragen|invullen|interview|antwoord\w*|artikel\w*)\b")

# A passage answers a question when it holds this share of the question's words (weighted by
# how rare they are in the sources) with a BM25 score of at least PASSAGE_SCORE; when the best
# passage holds less than SOURCES_SILENT_COVERAGE, the question is about something the sources
# do not discuss.
ANSWER_COVERAGE = 0.6
PASSAGE_SCORE = 3.0
SOURCES_SILENT_COVERAGE = 0.28
# Only a question this short (content words) is judged by that share: a long question tells
# its situation in words the sources need not use.
SHORT_QUESTION = 6
# A curated answer is borne out by the search when it quotes one of the best passages (those
# scoring at least SUPPORT_SHARE of the best).
SUPPORT_DEPTH = 5
# A curated answer may be offered as a choice when it quotes one of this many passages found
# (a single word such as "vmbo" is in the phrasings of many passages).
MENTION_DEPTH = 15
SUPPORT_SHARE = 0.8
# The model is sure of a curated answer from this confidence on. A curated answer that quotes
# none of the best passages is never given, however sure the model is: below this confidence
# the best passage is quoted when it answers the question, from it on only when it overrules
# the answer; else the sources are said not to answer it (with the nearest passage).
SURE_ANSWER = 0.6
# A passage overrules a curated answer the model is sure of, that quotes none of the best
# passages, when it holds this share of the question.
OVERRULE_COVERAGE = 0.7
# The model is all but sure of a curated answer from this confidence on: an answer that one of
# the best passages bears out then stands against a passage that reads more like the question.
OVERRULE_BELOW = 0.95
# A question of any length whose words the best passage hardly holds (below this share) is
# about something else when the model is unsure of its curated answer too (below SURE_ANSWER).
LONG_SILENT_COVERAGE = 0.25
# How much the model's confidence in a curated answer adds to the passages that answer quotes.
MODEL_WEIGHT = 0.5
# The nearest passage is named beside "the sources do not say" only when it has some weight.
NEAREST_SCORE = 2.0

# A single word ("medezeggenschap") is held wholly by many passages: the passage the search finds
# first by itself is quoted rather than a curated answer only for a question of this many words.
FIRST_PASSAGE_WORDS = 2

# The learnt ranking is sure of the best passage above this score (above 0: the question reads
# like that passage's phrasings): the passage then answers the question when it holds
# LEARNT_COVERAGE of it, and it is quoted rather than a curated answer that does not quote it.
LEARNT_SURE = 0.0
LEARNT_COVERAGE = 0.3
# A question the model reads as out of scope that asks for a quantity no passage gives is still
# about the topic (and told that the sources do not say) when a passage holds its words well and
# the learnt ranking reads it nearly as that passage's (above this score): "hoeveel geld krijgt
# het roc per leerling", not "hoeveel verdient een docent in het vmbo" (-0.5). A message read as
# small talk that a passage holds wholly is a question about it only above that score too
# ("wie tekent?", -0.1; not "wanneer begint het nieuwe schooljaar", -0.4).
TOPIC_LEARNT = -0.25

# A question the learnt ranking reads more like the questions the sources do not answer than like
# any passage's (by more than this) is declined rather than answered, unless the model is all but
# sure of its curated answer (OVERRULE_BELOW). Chosen on the development questions.
BEYOND_SOURCES = 0.0
# By more than this, it is declined however sure the model is of its curated answer: over the
# first eight held-out sets, the all-but-sure answers to such questions (0.77 to 1.95) were all
# to questions the sources do not answer; the one right answer read beyond them by 0.26.
WELL_BEYOND_SOURCES = 0.5

# A follow-up question: short, and it leans on the question before it ("En voor een AOC?",
# "Geldt dat ook voor het mbo?", "Waarom?").
FOLLOW_UP_WORDS = 10
_FOLLOW_UP = re.compile(
    r"^(en|ook|maar|waarom|hoezo|en dan|en als|hoe zit dat|hoe zit het daarmee)\b"
    r"|\b(dan|dat|dit|die|daar\w*|hij|ze|zij|hem|hun|toch)\b"
)

# A follow-up that asks why, and the words with which a passage gives a reason.
_WHY = re.compile(r"^(waarom|hoezo|hoe komt dat)\b")
_REASON = re.compile(r"\b(immers|omdat|want|daarom|zodat|de reden)\b", re.IGNORECASE)

ANSWER = "answer"
PASSAGE = "passage"
CLARIFY = "clarify"
NOT_IN_SOURCES = "not_in_sources"
OUT_OF_SCOPE = "out_of_scope"
NO_WORDS = "no_words"

Ranking = Sequence[Tuple[str, float]]


@dataclass(frozen=True)
class Found:
    """A passage the search found: its number, score, the share of the question it holds, the
    curated answers that quote it, and its relevance (``Hit.relevance``)."""

    passage: int
    score: float
    coverage: float
    entry_keys: FrozenSet[str] = frozenset()
    answers_quantity: bool = False
    relevance: float = 0.0
    learnt: float = 0.0


@dataclass(frozen=True)
class Search:
    """What the passage search made of a question: the passages found, best first; how many
    content words the question has; and whether it asks for a quantity (an amount, a number,
    a limit), which only a passage with a number can answer; whether it names a subject the
    sources do not discuss; and how much more it reads like the questions the sources do not
    answer than like any passage's (``beyond``, the learnt ranking's)."""

    found: Tuple[Found, ...]
    words: int
    asks_quantity: bool = False
    uncovered: bool = False
    beyond: float = 0.0

    @property
    def reads_beyond(self) -> bool:
        """The question reads more like those the sources do not answer than like any passage's."""
        return self.beyond > BEYOND_SOURCES

    @property
    def reads_well_beyond(self) -> bool:
        """The question reads clearly more like those the sources do not answer."""
        return self.beyond > WELL_BEYOND_SOURCES


@dataclass(frozen=True)
class Decision:
    """What to do with a question: answer a key, quote a passage, offer keys, or decline
    (naming the nearest passage, if any)."""

    kind: str
    key: Optional[str] = None
    candidates: List[str] = field(default_factory=list)
    passage: Optional[int] = None


def decide(
    text: str,
    intent_ranking: Ranking,
    answer_ranking: Ranking,
    search: Optional[Search] = None,
) -> Decision:
    """Decide how to answer ``text``.

    ``intent_ranking`` holds (intent, confidence) pairs, ``answer_ranking`` (answer key,
    confidence) pairs for the question intent, both best first; ``search`` what the passage
    search found (``None``: decide on the model's rankings alone). An answer or a passage is
    not given for a question that reads like those the sources do not answer, unless the model
    is all but sure of its curated answer and the question reads only a little more like them:
    the sources are said not to answer it.
    """
    decision = _decide(text, intent_ranking, answer_ranking, search)
    sure = answer_ranking[0][1] if answer_ranking else 0.0
    if decision.kind in (ANSWER, PASSAGE) and search is not None and search.reads_beyond and (
        sure < OVERRULE_BELOW or search.reads_well_beyond
    ):
        return _Evidence(search, answer_ranking).decline(answer_ranking[0][0])
    return decision


def _decide(
    text: str,
    intent_ranking: Ranking,
    answer_ranking: Ranking,
    search: Optional[Search],
) -> Decision:
    """``decide`` on what the model and the search found, before the learnt ranking's reading
    of questions the sources do not answer."""
    if not has_words(text):
        return Decision(NO_WORDS)
    question_confidence = dict(intent_ranking).get(QUESTION_INTENT, 0.0)
    # The fallback marks an unsure intent; the best real intent still tells what was meant.
    real_intents = [name for name, _ in intent_ranking if name != FALLBACK_INTENT]
    top_intent = real_intents[0] if real_intents else None
    if not answer_ranking:
        return Decision(OUT_OF_SCOPE)
    evidence = _Evidence(search, answer_ranking)
    if search is not None and search.uncovered:
        # A question about a subject the sources do not discuss ("welke cao geldt ...?").
        return evidence.decline(answer_ranking[0][0])
    if top_intent in REDIRECTED_INTENTS:
        if evidence.holds_all:
            return Decision(PASSAGE, passage=evidence.best.passage)
        if evidence.topic_quantity_unanswered or _names_the_topic(text, top_intent, evidence):
            return evidence.decline()
        if top_intent == OUT_OF_SCOPE_INTENT:
            return Decision(OUT_OF_SCOPE)
    best_key, best = answer_ranking[0]
    runner_up = answer_ranking[1][1] if len(answer_ranking) > 1 else 0.0
    confident = top_intent == QUESTION_INTENT and best >= ANSWER_CONFIDENCE
    if confident and best - runner_up >= AMBIGUITY_MARGIN:
        # A short question about something the sources do not discuss is declined even when
        # the curated answer quotes the passages that hold its other words.
        if evidence.quantity_unanswered or (evidence.silent and best < OVERRULE_BELOW) or (
            best < SURE_ANSWER and evidence.hardly_held
        ):
            return evidence.decline(best_key)
        # A question for a quantity gets the passage that gives it rather than an answer that
        # gives none ("hoe lang vallen leerlingen onder de WMS?"), unless the model is all but sure.
        giving = evidence.giving_quantity
        if giving is not None and best < OVERRULE_BELOW and best_key not in giving.entry_keys and (
            not _gives_quantity(text, best_key)
        ):
            return Decision(PASSAGE, passage=giving.passage)
        # The passage the learnt ranking reads the question most like, when it is sure of it, is
        # quoted rather than an answer that does not quote it; where the model's confidence ranks
        # that answer's passages first, only when the model is not all but sure of it.
        read = evidence.learnt_best
        if read is not None and best_key not in read.entry_keys and (
            read is evidence.best or best < OVERRULE_BELOW
        ):
            return Decision(PASSAGE, passage=read.passage)
        # So is the passage the search finds first by itself, when it answers the question and
        # the question reads nearly like its questions, unless the model is all but sure.
        first = evidence.first_answering
        if first is not None and best_key not in first.entry_keys and best < OVERRULE_BELOW:
            return Decision(PASSAGE, passage=first.passage)
        if evidence.supports(best_key):
            return Decision(ANSWER, key=best_key)
        if evidence.strong and (best < SURE_ANSWER or evidence.overrules):
            return Decision(PASSAGE, passage=evidence.best.passage)
        return evidence.decline(best_key)
    if evidence.strong and not evidence.quantity_unanswered:
        # A question for a quantity gets the best passage that gives one.
        return Decision(PASSAGE, passage=(evidence.giving_quantity or evidence.best).passage)
    candidates = [
        key for key, confidence in answer_ranking[:MAX_CANDIDATES]
        if confidence >= CANDIDATE_CONFIDENCE and evidence.mentions(key)
    ]
    if candidates and question_confidence >= QUESTION_INTENT_FLOOR and not evidence.silent:
        return Decision(CLARIFY, candidates=candidates)
    if evidence.found:
        return evidence.decline()
    return Decision(OUT_OF_SCOPE)


def _names_the_topic(text: str, intent: Optional[str], evidence: "_Evidence") -> bool:
    """A message the model read as out of scope names the route or the agreement itself, and the
    search found passages near it."""
    return intent == OUT_OF_SCOPE_INTENT and bool(evidence.found) and bool(_TOPIC.search(text))


def _reranked(found: List[Found], answer_ranking: Ranking) -> List[Found]:
    """The passages found, ranked by their relevance plus what the model gives the curated
    answers that quote them: the model has learnt how people ask."""
    if not found or not answer_ranking:
        return found
    confidence = dict(answer_ranking)

    def weight(hit: Found) -> float:
        learnt = max((confidence.get(key, 0.0) for key in hit.entry_keys), default=0.0)
        return hit.relevance + MODEL_WEIGHT * learnt

    return sorted(found, key=weight, reverse=True)


def _answers(hit: Found) -> bool:
    """The passage answers the question by itself."""
    return hit.coverage >= ANSWER_COVERAGE and hit.score >= PASSAGE_SCORE or _learnt_sure_of(hit)


def _gives_quantity(question: str, key: str) -> bool:
    """Whether the curated answer ``key`` states the kind of quantity ``question`` asks for."""
    from bot.knowledge import load_knowledge
    from bot.knowledge.search import answers_quantity

    knowledge = load_knowledge()
    return key in knowledge and answers_quantity(question, knowledge.get(key).answer)


def _learnt_sure_of(hit: Found) -> bool:
    """The learnt ranking is sure of this passage, and it holds enough of the question."""
    return hit.learnt > LEARNT_SURE and hit.coverage >= LEARNT_COVERAGE and hit.score >= PASSAGE_SCORE


class _Evidence:
    """What the passage search found, as it bears on the decision."""

    def __init__(self, search: Optional[Search], answer_ranking: Ranking = ()) -> None:
        self._first = search.found[0] if search and search.found else None
        self.found = _reranked(list(search.found) if search else [], answer_ranking)
        self.best = self.found[0] if self.found else None
        self.words = search.words if search else 0
        self.asks_quantity = bool(search and search.asks_quantity)

    @property
    def strong(self) -> bool:
        """The best passage answers the question by itself."""
        return bool(self.best) and _answers(self.best)

    @property
    def first_answering(self) -> Optional[Found]:
        """The passage the search finds first by itself (without the model's confidence in the
        curated answers), when it answers a question of more than one word and the question
        reads nearly like its questions (``None`` otherwise)."""
        first = self._first
        if first is None or self.words < FIRST_PASSAGE_WORDS:
            return None
        return first if _answers(first) and first.learnt > TOPIC_LEARNT else None

    @property
    def learnt_best(self) -> Optional[Found]:
        """The passage the learnt ranking reads the question most like, when it is sure of it
        and it holds enough of the question (``None`` otherwise)."""
        top = max(self.found, key=lambda hit: hit.learnt, default=None)
        return top if top is not None and _learnt_sure_of(top) else None

    @property
    def overrules(self) -> bool:
        """The best passage answers the question so fully that it outweighs a curated answer
        that quotes none of the passages found."""
        return self.strong and self.best.coverage >= OVERRULE_COVERAGE

    @property
    def giving_quantity(self) -> Optional[Found]:
        """For a question that asks for a quantity, the best passage that answers it and gives
        one (``None`` otherwise)."""
        if not self.asks_quantity:
            return None
        return next((hit for hit in self.found if hit.answers_quantity and _answers(hit)), None)

    @property
    def quantity_unanswered(self) -> bool:
        """The question asks for a quantity, and no passage that holds the question gives one."""
        return self.asks_quantity and not any(
            hit.answers_quantity and hit.coverage >= ANSWER_COVERAGE for hit in self.found
        )

    @property
    def silent(self) -> bool:
        """The question is about something the sources do not discuss: a quantity they do not
        give, or a short question whose words the best passage hardly holds."""
        if self.best is None:
            return False
        if self.quantity_unanswered:
            return True
        return self.words <= SHORT_QUESTION and self.best.coverage < SOURCES_SILENT_COVERAGE

    @property
    def holds_all(self) -> bool:
        """The best passage holds (nearly) all of the question, with a high score, and the
        question reads nearly like that passage's questions."""
        return bool(self.best) and self.best.coverage >= REDIRECT_COVERAGE and (
            self.best.score >= REDIRECT_SCORE and self.best.learnt > TOPIC_LEARNT
        ) and not self.quantity_unanswered

    @property
    def topic_quantity_unanswered(self) -> bool:
        """The question asks for a quantity that no passage gives, in words that a passage holds
        well and that read nearly like that passage's questions: it is about the topic, and the
        sources do not say ("hoeveel geld krijgt het roc per leerling")."""
        return bool(self.best) and self.quantity_unanswered and (
            self.best.coverage >= ANSWER_COVERAGE and self.best.score >= REDIRECT_SCORE
            and self.best.learnt > TOPIC_LEARNT
        )

    @property
    def hardly_held(self) -> bool:
        """Even the best passage holds hardly any of the question (a long one, too)."""
        return self.best is not None and self.best.coverage < LONG_SILENT_COVERAGE

    def supports(self, key: str) -> bool:
        """The curated answer ``key`` quotes one of the best passages (or nothing was searched)."""
        if self.best is None:
            return True
        floor = SUPPORT_SHARE * self.best.score
        return any(
            key in hit.entry_keys for hit in self.found[:SUPPORT_DEPTH] if hit.score >= floor
        )

    def mentions(self, key: str) -> bool:
        """The curated answer ``key`` quotes any passage found (or nothing was searched): it
        may be offered as a choice."""
        return self.best is None or any(key in hit.entry_keys for hit in self.found)

    def decline(self, key: Optional[str] = None) -> Decision:
        """The sources do not answer; name the nearest passage when it has some weight (a
        passage of the curated answer ``key`` the model chose, if the search found one)."""
        near = [hit for hit in self.found if hit.score >= NEAREST_SCORE]
        chosen = next((hit for hit in near if key in hit.entry_keys), near[0] if near else None)
        return Decision(NOT_IN_SOURCES, passage=chosen.passage if chosen else None)


def intent_ranking(parse_data: Dict[str, Any]) -> List[Tuple[str, float]]:
    """(intent, confidence) pairs, best first, from a parse result of the language model."""
    ranking = parse_data.get("intent_ranking") or []
    if not ranking and parse_data.get("intent"):
        ranking = [parse_data["intent"]]
    return [(str(item.get("name")), float(item.get("confidence") or 0.0)) for item in ranking]


def answer_ranking(parse_data: Dict[str, Any]) -> List[Tuple[str, float]]:
    """(answer key, confidence) pairs, best first, from a parse result of the language model."""
    selector = (parse_data.get("response_selector") or {}).get(QUESTION_INTENT) or {}
    prefix = f"{QUESTION_INTENT}/"
    return [
        (str(item["intent_response_key"])[len(prefix):], float(item.get("confidence") or 0.0))
        for item in selector.get("ranking") or []
        if str(item.get("intent_response_key", "")).startswith(prefix)
    ]


PASSAGES_KEY = "passages"


def search_to_parse(search: Search) -> Dict[str, Any]:
    """The passage search's findings as they are kept in a parse result."""
    return {
        "words": search.words,
        "asks_quantity": search.asks_quantity,
        "uncovered": search.uncovered,
        "beyond": round(search.beyond, 4),
        "found": [
            {
                "passage": hit.passage,
                "score": round(hit.score, 4),
                "coverage": round(hit.coverage, 4),
                "entry_keys": sorted(hit.entry_keys),
                "answers_quantity": hit.answers_quantity,
                "relevance": round(hit.relevance, 4),
                "learnt": round(hit.learnt, 4),
            }
            for hit in search.found
        ],
    }


def search_from_parse(parse_data: Dict[str, Any]) -> Optional[Search]:
    """The passage search's findings kept in a parse result (``None`` when there are none)."""
    kept = parse_data.get(PASSAGES_KEY)
    if not isinstance(kept, dict):
        return None
    found = tuple(
        Found(
            int(hit["passage"]), float(hit["score"]), float(hit["coverage"]),
            frozenset(hit.get("entry_keys") or ()), bool(hit.get("answers_quantity")),
            float(hit.get("relevance") or 0.0), float(hit.get("learnt") or 0.0),
        )
        for hit in kept.get("found") or []
    )
    return Search(found, int(kept.get("words") or 0), bool(kept.get("asks_quantity")),
                  bool(kept.get("uncovered")), float(kept.get("beyond") or 0.0))


def is_redirected(parse_data: Dict[str, Any]) -> bool:
    """Whether a message the model read as small talk or out of scope is a question about the
    sources: one that a passage holds wholly (``decide`` quotes that passage), or one that asks
    for a quantity they do not give or names the route or the agreement (``decide`` says that
    the sources do not answer it)."""
    real_intents = [name for name, _ in intent_ranking(parse_data) if name != FALLBACK_INTENT]
    if not real_intents or real_intents[0] not in REDIRECTED_INTENTS:
        return False
    evidence = _Evidence(search_from_parse(parse_data), answer_ranking(parse_data))
    return evidence.holds_all or evidence.topic_quantity_unanswered or _names_the_topic(
        str(parse_data.get("text") or ""), real_intents[0], evidence)


def names_its_subject(parse_data: Dict[str, Any]) -> bool:
    """Whether a message says what it asks about: it names the agreement, in two words or more
    that one passage holds (nearly) all of ("hebben jullie een voorbeeld sok"), or it is put as
    a question that reads clearly like one passage's questions (``COMMAND_LEARNT``), unlike a
    bare command ("geef een voorbeeld", "mag ik een voorbeeld zien")."""
    text = str(parse_data.get("text") or "")
    search = search_from_parse(parse_data)
    if not (search and search.found):
        return False
    read = _Evidence(search).learnt_best
    return bool(_AGREEMENT.search(text)) and search.words >= SUBJECT_WORDS and max(
        hit.coverage for hit in search.found) >= REDIRECT_COVERAGE or (
        looks_like_question(text) and read is not None and read.learnt > COMMAND_LEARNT)


def asks_beyond_drafting(parse_data: Dict[str, Any]) -> bool:
    """Whether a message the model read as a request to draft the agreement is a question
    about it that the sources answer: put as a question, in more words than a request to draft
    needs, and answered by a passage ("hoe maak ik een samenwerkingsovereenkomst met twee
    roc's?"; a curated answer goes only to a question the model took for one). Asking for help
    ("kunt u mij helpen de sok op te stellen?") asks to draft it."""
    text = str(parse_data.get("text") or "")
    search = search_from_parse(parse_data)
    return looks_like_question(text) and not _ASKS_FOR_HELP.search(fold(text)) and bool(search) and (
        search.words > DRAFT_REQUEST_WORDS and decide_parse(parse_data).kind == PASSAGE)


def decide_parse(parse_data: Dict[str, Any]) -> Decision:
    """``decide`` applied to a parse result of the language model (with the passages found)."""
    return decide(
        str(parse_data.get("text") or ""),
        intent_ranking(parse_data),
        answer_ranking(parse_data),
        search_from_parse(parse_data),
    )


def search_passages(text: str, limit: int = MENTION_DEPTH) -> Search:
    """What the passage search finds for ``text``, as ``decide`` weighs it."""
    from bot.knowledge.search import answers_quantity, asks_quantity, load_search

    search = load_search()
    reading = search.read(text)
    found = tuple(
        Found(hit.passage.id, hit.score, hit.coverage, hit.passage.entry_keys,
              answers_quantity(text, hit.passage.text), hit.relevance, hit.learnt)
        for hit in search.search_reading(reading, limit)
    )
    beyond = search.beyond_sources(reading.text) if reading.asked else 0.0
    return Search(found, len(reading.asked), asks_quantity(text), reading.uncovered, beyond)


def is_follow_up(text: str) -> bool:
    """Whether ``text`` is a short question that leans on the question before it."""
    words = fold(text).split()
    return len(words) <= FOLLOW_UP_WORDS and bool(_FOLLOW_UP.search(" ".join(words)))


def asks_beyond_resuming(parse_data: Dict[str, Any]) -> bool:
    """Whether a message the model read as "go on with the interview" is a follow-up question
    about something else: put as a follow-up question that names a subject, but not the
    agreement or the interview ("en verder nog tips?", unlike "en verder met de vragen?")."""
    text = str(parse_data.get("text") or "")
    search = search_from_parse(parse_data)
    return asks_follow_up(text) and bool(search) and search.words > 0 and not (
        _AGREEMENT.search(text) or _INTERVIEW.search(fold(text)))


def asks_follow_up(text: str) -> bool:
    """Whether ``text`` is a follow-up put as a question ("hoeven we het dan nergens te
    melden?"), whatever the model took it for."""
    return is_follow_up(text) and looks_like_question(text)


def decide_follow_up(previous: str, follow_up: str) -> Decision:
    """Decide how to answer a follow-up question, read with the question before it: the best
    passage that holds the follow-up's own words (for "Waarom?", the best that gives a
    reason), or honestly that the sources do not say."""
    from bot.knowledge.search import load_search

    search = load_search()
    hits = search.search_follow_up(previous, follow_up, SUPPORT_DEPTH)
    return follow_up_decision(hits, follow_up, uncovered=search.read(follow_up).uncovered)


def follow_up_decision(hits: Sequence["Hit"], follow_up: str, uncovered: bool = False) -> Decision:
    """``decide_follow_up`` on the passages found (best first): for a "why", the best of those
    near the top that gives a reason comes first; a follow-up that asks for a quantity the best
    passage does not give ("hoeveel handtekeningen dan?"), or that names a subject the sources
    do not discuss (``uncovered``), is told the sources do not say."""
    from bot.knowledge.search import answers_quantity, asks_quantity

    if hits and _WHY.match(fold(follow_up).strip()):
        floor = SUPPORT_SHARE * hits[0].score
        hits = sorted(hits, key=lambda h: not (h.score >= floor and _REASON.search(h.passage.text)))
    if hits and not uncovered and hits[0].score >= PASSAGE_SCORE and (
        hits[0].coverage >= SOURCES_SILENT_COVERAGE
    ) and not (asks_quantity(follow_up) and not answers_quantity(follow_up, hits[0].passage.text)):
        return Decision(PASSAGE, passage=hits[0].passage.id)
    if hits and hits[0].score >= NEAREST_SCORE:
        return Decision(NOT_IN_SOURCES, passage=hits[0].passage.id)
    return Decision(NOT_IN_SOURCES)


def decide_from_passages(text: str) -> Decision:
    """Decide on the passages alone (after "Geen van deze": none of the curated questions
    fits): the best passage when it answers the question and the question does not read more
    like those the sources do not answer, else honestly that the sources do not say, with the
    nearest passage."""
    search = search_passages(text)
    evidence = _Evidence(search)
    if evidence.strong and not evidence.quantity_unanswered and not search.reads_beyond:
        return Decision(PASSAGE, passage=evidence.best.passage)
    if evidence.found:
        return evidence.decline()
    return Decision(NOT_IN_SOURCES)
