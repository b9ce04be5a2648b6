"""Corrections in people's own words: "het ROC heet eigenlijk ROC Rivor", "bij artikel 3a
bedoelde ik ...", "de datum moet 2 september zijn".

A correction names an answered step (by clause number, title or a word for it) and gives the new
answer after a cue ("heet eigenlijk", "bedoelde ik", "moet ... zijn", "is eigenlijk", "klopt
niet, het is"). Without a new answer it is a request to change that step. The old answer
named as wrong after the new one ("Aventus, niet ROC Oost", "... in plaats van ROC Oost") is not
part of it. Without a cue, that old answer names the step: "we tekenen toch in Deventer, niet in
Zwolle".
"""

import re
from dataclasses import dataclass
from typing import Any, Mapping, Optional

from bot.interview.catalogue import load_catalogue
from bot.interview.editing import steps_meant
from bot.user_text import fold

# A word between the cue and the new answer that is not part of it.
_FILLER = r"(?:eigenlijk|toch|dus|juist)"
# Cue, then the new answer. The reference is what comes before the cue.
_CUES = re.compile(
    r"^(?P<ref>.+?)\s+(?:"
    r"heet(?:en)?\s+eigenlijk|is\s+eigenlijk|zijn\s+eigenlijk|moet(?:en)?\s+(?:zijn|worden)|"
    r"klopt\s+niet[,:;.]?\s*(?:het\s+is|dat\s+is|het\s+moet\s+zijn|het\s+wordt)|"
    r"bedoelde\s+ik|bedoel\s+ik|heet(?:en)?"
    # A filler word after the cue ("bedoelde ik eigenlijk X") is not part of the answer.
    r")(?:\s+" + _FILLER + r")?[:,]?\s+(?P<value>.+?)\s*[.!]?$",
    re.IGNORECASE | re.DOTALL,
)
_MUST_BE = re.compile(
    r"^(?P<ref>.+?)\s+moet(?:en)?\s+(?:" + _FILLER + r"\s+)?(?P<value>.+?)\s+(?:zijn|worden)\s*[.!]?$",
    re.IGNORECASE)
MAX_REFERENCE_WORDS = 6
_LEADING_BIJ = re.compile(r"^\s*(?:bij|in|voor|en)\s+", re.IGNORECASE)
# "Aventus, niet ROC Oost", "Aventus in plaats van ROC Oost": the new answer, then the old one.
_INSTEAD_OF = re.compile(
    r"^(?P<new>.+?)[,;]?\s+(?:en\s+)?(?:niet|in\s+plaats\s+van)\s+(?P<old>.+)$", re.IGNORECASE | re.DOTALL)

# "in Zwolle": the word before an old answer that the new one shares ("... in Deventer").
_PREPOSITION = re.compile(r"^(?P<word>in|te|op|bij|door|van|met|per|vanaf|tot)\s+", re.IGNORECASE)
# "nee, het is X", "de datum wordt X": the words before a new answer given without a preposition.
_BEFORE_THE_NEW = re.compile(
    r"^(?:.*?\b(?:is|wordt|worden|zijn|heet|heten|moet\s+zijn)\s+|(?:nee|sorry|oeps)\b[,:]?\s*)"
    r"(?:" + _FILLER + r"\s+)?", re.IGNORECASE)


@dataclass(frozen=True)
class Correction:
    """The step a message corrects, and the new answer it gives (``None``: ask it again)."""

    key: str
    value: Optional[str]


def find_correction(text: str, answers: Mapping[str, Any]) -> Optional[Correction]:
    """The correction a message makes to one answered step, if it makes one."""
    stripped = " ".join(text.split())
    for pattern in (_MUST_BE, _CUES):
        match = pattern.match(stripped)
        if not match:
            continue
        reference = _LEADING_BIJ.sub("", match.group("ref"))
        if len(reference.split()) > MAX_REFERENCE_WORDS:
            continue  # a sentence that happens to hold a cue, not a correction
        keys = [key for key in steps_meant(reference, answers) if answers.get(key) is not None]
        if len(keys) == 1:
            value = _without_the_old_answer(match.group("value").strip(" \"'"), answers[keys[0]])
            return Correction(keys[0], value or None)
    return _correction_naming_the_old_answer(stripped, answers)


def _correction_naming_the_old_answer(text: str, answers: Mapping[str, Any]) -> Optional[Correction]:
    """"we tekenen toch in Deventer, niet in Zwolle": the one answer equal to the old one is
    changed to the new one (after the same preposition, if the old one has one)."""
    match = _INSTEAD_OF.match(text)
    if not match:
        return None
    old, new = _plain(match.group("old")), match.group("new")
    preposition = _PREPOSITION.match(old)
    bare_old = old[preposition.end():] if preposition else old
    keys = [step.key for step in load_catalogue().applicable(answers)
            if bare_old and bare_old in _single_answer(answers.get(step.key))]
    if len(keys) != 1:
        return None
    if preposition:
        parts = re.split(rf"\b{preposition.group('word')}\s+", new, flags=re.IGNORECASE)
        value = parts[-1] if len(parts) > 1 else ""
    else:
        value = _BEFORE_THE_NEW.sub("", new)
    value = value.strip(" ,;:\"'")
    return Correction(keys[0], value) if value else None


def _single_answer(answer: Any) -> set:
    """The one answer a step holds, as compared with an old answer; empty for none or several."""
    if isinstance(answer, (list, tuple)):
        answer = answer[0] if len(answer) == 1 else None
    return {_plain(answer)} if isinstance(answer, str) else set()


def _without_the_old_answer(value: str, old: Any) -> str:
    """The new answer without the old one it names as wrong ("Aventus, niet ROC Oost")."""
    match = _INSTEAD_OF.match(value)
    answers = old if isinstance(old, (list, tuple)) else [old]
    if match and _plain(match.group("old")) in {_plain(str(answer)) for answer in answers}:
        return match.group("new").strip(" \"'")
    return value


def _plain(text: str) -> str:
    """``text`` as compared with an answer: folded, without end punctuation or quotes."""
    return fold(text).strip(" .!'\"")
