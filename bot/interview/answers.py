"""Reading and checking answers to the interview's steps.

Every check returns either the value to keep or a friendly Dutch message saying what to change.
"""

import re
import unicodedata
from dataclasses import dataclass
from typing import Any, List, Optional, Sequence

from bot.interview.catalogue import (
    CHOICE, DATE, PARTIES, SIGNATORY, TEXT, YES_NO, Step,
)
from bot.interview.dates import format_dutch_date, parse_dutch_date
from bot.user_text import fold

PLACEHOLDER = "[nog in te vullen]"
NOT_APPLICABLE = "[niet van toepassing]"
MAX_ANSWER_CHARS = 4000
MIN_ANSWER_WORDS = 2
MAX_PARTY_NAME_CHARS = 200

# Control and direction codes, lone surrogates and non-characters: nothing a document can hold.
_CONTROL = re.compile(
    r"[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069"
    r"\ud800-\udfff\ufffe\uffff]"
)
_YES = {"ja", "jazeker", "zeker", "klopt", "inderdaad", "correct", "j", "yes", "jawel", "ja hoor"}
_NO = {"nee", "neen", "nee hoor", "niet", "n", "no", "nope", "zeker niet", "klopt niet"}


@dataclass(frozen=True)
class Checked:
    """The outcome of checking an answer: a value to keep, or a message to show."""

    value: Any = None
    message: Optional[str] = None

    @property
    def ok(self) -> bool:
        return self.message is None


def clean_answer(text: str) -> str:
    """Unicode-normalised text without control, direction or non-characters; line breaks kept."""
    text = unicodedata.normalize("NFC", text or "")
    text = _CONTROL.sub("", text).replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(" ".join(line.split()) for line in text.split("\n")).strip()


def check_answer(step: Step, text: str, other_parties: Sequence[str] = ()) -> Checked:
    """Check what the user typed for a step; ``other_parties`` are names already given."""
    cleaned = clean_answer(text)
    if not cleaned:
        return Checked(message="Ik heb geen antwoord ontvangen. Wilt u de vraag beantwoorden?")
    if len(cleaned) > MAX_ANSWER_CHARS:
        return Checked(
            message=f"Uw antwoord is {len(cleaned)} tekens lang; het maximum is "
            f"{MAX_ANSWER_CHARS}. Wilt u het inkorten? Details kunt u later in Word toevoegen."
        )
    if step.kind == PARTIES:
        return _check_parties(cleaned, other_parties)
    checker = {
        YES_NO: _check_yes_no, CHOICE: _check_choice, TEXT: _check_text,
        DATE: _check_date, SIGNATORY: _check_signatory,
    }[step.kind]
    return checker(step, cleaned)


def _folded(text: str) -> str:
    return fold(text).strip(" .!?")


def _check_yes_no(step: Step, text: str) -> Checked:
    answer = _folded(text)
    if answer in _YES or answer.startswith("ja,") or answer.startswith("ja "):
        return Checked(True)
    if answer in _NO or answer.startswith("nee,") or answer.startswith("nee "):
        return Checked(False)
    return Checked(message="Wilt u deze vraag met ja of nee beantwoorden?")


def _check_choice(step: Step, text: str) -> Checked:
    answer = _folded(text)
    for number, choice in enumerate(step.choices, start=1):
        if answer in (str(number), _folded(choice.value), _folded(choice.title)):
            return Checked(choice.value)
    matches = [c for c in step.choices if answer and answer in _folded(c.title)]
    if len(matches) == 1:
        return Checked(matches[0].value)
    titles = " of ".join(f"'{choice.title}'" for choice in step.choices)
    return Checked(message=f"Kies een van de mogelijkheden: {titles}.")


def split_parties(text: str) -> List[str]:
    """Party names from one answer: separated by semicolons or line breaks."""
    return [" ".join(name.split()) for name in re.split(r"[;\n]", text) if name.strip()]


def _check_parties(text: str, other_parties: Sequence[str]) -> Checked:
    names = split_parties(text)
    if not names:
        return Checked(message="Wilt u de naam van het bevoegd gezag noemen?")
    too_long = [name for name in names if len(name) > MAX_PARTY_NAME_CHARS]
    if too_long:
        return Checked(
            message=f"Een naam mag hoogstens {MAX_PARTY_NAME_CHARS} tekens lang zijn. "
            "Scheid meerdere namen met een puntkomma (;)."
        )
    if any(len(_folded(name)) < 2 for name in names):
        return Checked(message="Die naam is te kort. Wilt u de volledige naam van het bevoegd gezag noemen?")
    seen = [_folded(name) for name in names]
    if len(set(seen)) != len(seen):
        return Checked(message="U noemt dezelfde naam twee keer. Wilt u elke partij één keer noemen?")
    taken = {_folded(name) for name in other_parties}
    clash = [name for name in names if _folded(name) in taken]
    if clash:
        return Checked(
            message=f"'{clash[0]}' is al als andere partij genoemd. De partijen aan beide kanten "
            "moeten verschillend zijn. Wilt u de naam controleren?"
        )
    return Checked(names)


def _check_text(step: Step, text: str) -> Checked:
    words = re.findall(r"\w+", text)
    if not step.clause:
        return Checked(text) if len(text) >= 2 else Checked(message="Dat antwoord is te kort.")
    if len(words) < MIN_ANSWER_WORDS:
        return Checked(
            message="Dat antwoord is te kort voor dit artikel. Wilt u het in een of twee zinnen "
            "beschrijven? U kunt ook om 'uitleg' of een 'voorbeeld' vragen, of 'weet ik nog niet' "
            "antwoorden."
        )
    return Checked(text)


def _check_date(step: Step, text: str) -> Checked:
    parsed = parse_dutch_date(text)
    if parsed is None:
        return Checked(
            message="Dat herken ik niet als datum. Wilt u de datum zo noteren: 1 september 2025 "
            "of 01-09-2025?"
        )
    return Checked(format_dutch_date(parsed))


def _check_signatory(step: Step, text: str) -> Checked:
    name, separator, position = text.partition(",")
    if not separator:
        name, separator, position = text.partition(" - ")
    if not separator or _letters(name) < 2 or _letters(position) < 2:
        return Checked(
            message="Wilt u naam en functie noemen, gescheiden door een komma? Bijvoorbeeld: "
            "J. de Vries, voorzitter college van bestuur."
        )
    return Checked({"name": name.strip(), "position": position.strip()})


def _letters(text: str) -> int:
    """How many letters and digits a text holds: punctuation alone is no name or position."""
    return sum(ch.isalnum() for ch in text)
