"""Reading answers as people write them: lists of names, chatty answers, sentences for yes/no.

Each reader returns what the answer says, and whether that reading is certain; an uncertain
reading is shown to the user for confirmation before it is stored.
"""

import re
from dataclasses import dataclass
from typing import Dict, List, Optional

from bot.interview.dates import date_span, find_dutch_date, format_dutch_date
from bot.user_text import fold

# Said before the answer itself: "dat zei ik al, X", "ik denk X", "het is X".
_CHATTY_PREFIX = re.compile(
    r"^\s*(?:(?:dat |die |wat )?(?:zei|heb) ik (?:al|toch al|net)(?: gezegd| genoemd)?[,:.]?\s*|"
    r"(?:ik denk|ik geloof|volgens mij|ik meen)(?: dat)?(?: het)?[,:]?\s+(?:is\s+)?|"
    r"(?:dat|het|die|dit) (?:is|zijn|wordt|worden|heet|heten)[,:]?\s+|"
    r"(?:wij|we) (?:zijn|heten)[,:]?\s+|(?:ons bestuur|onze school|het bestuur) (?:is|heet)[,:]?\s+|"
    r"(?:eh+m*|uh+m*|nou|nou ja|tja|o ja|oja|oh)[,.]?\s+)+",
    re.IGNORECASE,
)
_CHATTY_SUFFIX = re.compile(r"[,\s]+(?:denk ik|geloof ik|volgens mij|toch|hoor|als het goed is)[.!?]*\s*$", re.IGNORECASE)
# Words that join two names in a list; "en" only between words that start a name.
_LIST_SEPARATORS = re.compile(r"\s*(?:;|\n|,\s*(?:en\s+)?|\s+en\s+(?=[A-Z0-9\"'(]))\s*")
_NEGATION = re.compile(r"\b(nee|neen|niet|geen|nooit|niks|niets)\b")
_AFFIRMATIVE = re.compile(
    r"\b(ja|jazeker|zeker|wel|klopt|draagt|dragen|draag|overgedragen|overdragen|betaalt|betalen|"
    r"ontvangt|ontvangen|krijgt|krijgen|gaat over|gaan over)\b"
)
_AMOUNT = re.compile(r"(€|\beuro\b|\beur\b|\d+[.,]?\d*\s*(%|procent)|\bper (leerling|student|jaar)\b)")
_ORGANISATION = re.compile(
    r"((?:Stichting|Vereniging|Scholengroep|Scholengemeenschap|ROC|Roc|AOC|Onderwijsgroep|"
    r"Christelijke|Openbare|Openbaar|Regionaal Opleidingen ?[Cc]entrum)\b[^,.;:\n?!]*?"
    r"|[A-Z][\w'-]+(?: [A-Z][\w'-]+)* (?:College|Lyceum|Groep|Academie|Scholen))"
    r"(?=\s+(?:en|is|zijn|heet|als)\b|[,.;:\n?!]|$)"
)
_MBO_NAME = re.compile(r"^(roc|aoc)\b|\b(mbo|opleidingscentrum|opleidingen|beroepsonderwijs)\b")
_MBO_CONTEXT = re.compile(r"\b(roc|aoc|mbo|mbo-instelling|instelling|beroepsonderwijs)\b")
_DONT_KNOW = re.compile(r"\bgeen (flauw )?idee\b|\bgeen flauw\b|\b(weet|weten)\b.*\bniet\b|\bnog niet (bekend|duidelijk|zeker)\b|\bonbekend\b")


@dataclass(frozen=True)
class Reading:
    """What an answer says; ``certain`` is False when it must be confirmed before storing."""

    value: object
    certain: bool = True


def strip_chatter(text: str) -> Reading:
    """The answer without "dat zei ik al", "ik denk", "denk ik" around it."""
    stripped = _CHATTY_SUFFIX.sub("", _CHATTY_PREFIX.sub("", text, count=1)).strip(" ,.")
    if not stripped or stripped == text.strip():
        return Reading(text.strip())
    return Reading(stripped[0].upper() + stripped[1:] if stripped[0].islower() else stripped, False)


def party_names(text: str) -> Reading:
    """Names from one answer: separated by ";", line breaks, commas or " en " before a name.

    A split on commas or "en" is uncertain ("Stichting Jan en Piet" may be one name); a split on
    semicolons or line breaks is what the user asked for.
    """
    firm = [" ".join(part.split()) for part in re.split(r"[;\n]", text) if part.strip()]
    names: List[str] = []
    for part in firm:
        names += [" ".join(n.split()) for n in _LIST_SEPARATORS.split(part) if n and n.strip()]
    return Reading(names, certain=len(names) == len(firm))


def yes_no_sentence(text: str) -> Optional[bool]:
    """The yes or no a sentence gives ("Het vmbo draagt 1.250 euro ... over"), or ``None``."""
    folded = fold(text)
    if _DONT_KNOW.search(folded):
        return None
    if _NEGATION.search(folded):
        return False
    if _AFFIRMATIVE.search(folded) or _AMOUNT.search(folded):
        return True
    return None


def mentions_amount(text: str) -> bool:
    """Whether a text names an amount of money or a share."""
    return bool(_AMOUNT.search(fold(text)))


def place_and_date(text: str) -> Optional[Dict[str, str]]:
    """{"place", "date"} from "Gorinchem, 1 september 2027"; ``None`` without a date in it."""
    span = date_span(text)
    found = find_dutch_date(text)
    if span is None or found is None:
        return None
    place = (text[:span[0]] + " " + text[span[1]:]).strip(" ,.;-")
    place = re.sub(r"^(?:in|te)\s+", "", re.sub(r"\s+(?:op|per)$", "", place), flags=re.IGNORECASE)
    return {"place": place.strip(" ,"), "date": format_dutch_date(found)} if place else None


def organisations(text: str) -> Dict[str, List[str]]:
    """Names of school boards in a message, by side: {"vmbo": [...], "mbo": [...]}."""
    sides: Dict[str, List[str]] = {"vmbo": [], "mbo": []}
    for match in _ORGANISATION.finditer(text):
        name = " ".join(match.group(1).split()).strip(" ,")
        if len(name.split()) < 2:
            continue
        before = fold(text[max(0, match.start() - 20):match.start()])
        side = "mbo" if _MBO_NAME.search(fold(name)) or _MBO_CONTEXT.search(before) else "vmbo"
        if name not in sides[side]:
            sides[side].append(name)
    return sides
