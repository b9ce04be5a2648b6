"""Where an interview stands: the steps still to ask, progress, parties and short commands."""

import re
from typing import Any, Dict, List, Mapping, Optional, Tuple

from bot.interview.catalogue import (
    PARTIES, SIGNATORIES_KEY, SIGNATORY_KEY, YES_NO, Step, load_catalogue,
)

USE_EXAMPLE, SKIP, DONT_KNOW = "use_example", "skip_clause", "dont_know_yet"
COMMAND_INTENTS = (USE_EXAMPLE, SKIP, DONT_KNOW)
COMMAND_CONFIDENCE = 0.8
COMMAND_MAX_WORDS = 8
# A message this long that merely starts with a question word is an answer, not a question.
MAX_QUESTION_WORDS = 10
# Question words proper; a question may also start with a modal verb, as an answer may too
# ("Kan alleen met instemming van beide partijen").
_QUESTION_WORDS = r"wat|wie|waar|wanneer|waarom|hoe|hoeveel|hoelang|hoevaak|welke?"
_QUESTION_WORD_START = re.compile(rf"^({_QUESTION_WORDS})\b", re.IGNORECASE)
_QUESTION_START = re.compile(rf"^({_QUESTION_WORDS}|moet|moeten|mag|mogen|kan|kunnen)\b", re.IGNORECASE)
# Who, when or why ("wie moet de sok opstellen?", "met wie sluiten we die?") asks about the
# agreement even where it names making one; "hoe stel ik een sok op?" asks to make it.
_WHO_WHEN_WHY = re.compile(
    r"^((door|met|namens|voor|per|tot) )?(wie|wanneer|waarom)\b", re.IGNORECASE)


def parties(answers: Mapping[str, Any]) -> List[Tuple[str, str]]:
    """(side, name) of every party named so far: "vmbo", "mbo", or "bevoegd gezag"."""
    if answers.get("same_authority") is True:
        return [("bevoegd gezag", name) for name in answers.get("authority_name") or []]
    return [("vmbo", name) for name in answers.get("vmbo_parties") or []] + [
        ("mbo", name) for name in answers.get("mbo_parties") or []
    ]


def signatories(answers: Mapping[str, Any]) -> List[Dict[str, str]]:
    """The signatories given so far, one per party in party order."""
    return list(answers.get(SIGNATORIES_KEY) or [])


def next_signatory_party(answers: Mapping[str, Any]) -> Optional[str]:
    """The party whose signatory is asked next, or ``None`` when every party has one."""
    named = parties(answers)
    given = len(signatories(answers))
    return named[given][1] if given < len(named) else None


def required_keys(answers: Mapping[str, Any]) -> List[str]:
    """Every step that is asked given the answers, in order; the signatory step while needed."""
    catalogue = load_catalogue()
    keys = [step.key for step in catalogue.applicable(answers) if step.key != SIGNATORY_KEY]
    parties_known = all(answers.get(key) is not None for key in keys if catalogue.get(key).kind == PARTIES)
    if not parties_known or next_signatory_party(answers) is not None:
        keys.append(SIGNATORY_KEY)
    return keys


def missing_keys(answers: Mapping[str, Any]) -> List[str]:
    """The steps still to answer, in order."""
    return [key for key in required_keys(answers) if answers.get(key) is None]


def is_complete(answers: Mapping[str, Any]) -> bool:
    """Whether every step that is asked has an answer, so that the review can be confirmed."""
    return answers.get("same_authority") is not None and not missing_keys(answers)


def is_follow_up(step: Step) -> bool:
    """Whether a step follows up a clause's yes/no answer (the amount after "funding: yes")."""
    return any(not load_catalogue().get(key).structural for key in step.when)


def progress(answers: Mapping[str, Any], key: str) -> Tuple[int, int]:
    """(number of this question, total questions) for showing "Vraag 5 van 21".

    Follow-up questions share their clause's number and signing counts once, so neither the
    number nor the total changes as the user answers on. Until the first question is answered,
    two boards are assumed.
    """
    catalogue = load_catalogue()
    assumed = dict(answers)
    for step in catalogue.steps:
        if step.structural and step.kind == YES_NO and assumed.get(step.key) is not True:
            assumed[step.key] = False
    main = [
        s.key for s in catalogue.applicable(assumed)
        if s.key != SIGNATORY_KEY and not is_follow_up(s)
    ]
    total = len(main) + 1
    if key == SIGNATORY_KEY:
        return total, total
    step = catalogue.get(key)
    anchor = next(iter(step.when)) if is_follow_up(step) else key
    return (main.index(anchor) + 1 if anchor in main else len(main)), total


def command_in(intent: Optional[str], confidence: float, text: str) -> Optional[str]:
    """The interview command a message gives (use the example, skip, not known yet), if any.

    Only short messages count as commands, so that a real answer that happens to resemble
    one ("dat weten we nog niet precies, maar ...") is kept as an answer.
    """
    if intent not in COMMAND_INTENTS:
        return None
    if text.startswith("/"):
        return intent
    if confidence >= COMMAND_CONFIDENCE and len(text.split()) <= COMMAND_MAX_WORDS:
        return intent
    return None


def looks_like_question(text: str) -> bool:
    """Whether a message asks something rather than answers the interview question."""
    stripped = text.strip()
    return stripped.endswith("?") or bool(_QUESTION_START.match(stripped))


def starts_with_question_word(text: str) -> bool:
    """Whether a message starts with a question word proper ("hoeveel ...", not "kan ...")."""
    return bool(_QUESTION_WORD_START.match(text.strip()))


def asks_who_when_or_why(text: str) -> bool:
    """Whether a message asks who, when or why: a question about the agreement, never a request
    to start drafting it."""
    return bool(_WHO_WHEN_WHY.match(text.strip()))


def asks_something(text: str) -> bool:
    """A question: it ends with "?", or is short and starts with a question word. A long text
    that starts with "Wie" or "Hoe" is an answer ("Wie uitvalt, kan ...")."""
    stripped = text.strip()
    return stripped.endswith("?") or (
        looks_like_question(stripped) and len(stripped.split()) <= MAX_QUESTION_WORDS)

