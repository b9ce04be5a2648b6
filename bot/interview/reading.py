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
    r"(?:ik denk|denk ik|ik geloof|geloof ik|volgens mij|ik meen)(?: dat)?(?: het)?[,:]?\s+(?:is\s+)?|"
    r"(?:dat|het|die|dit) (?:is|zijn|wordt|worden|heet|heten)[,:]?\s+|"
    r"(?:wij|we) (?:zijn|heten)[,:]?\s+|(?:ons bestuur|onze school|het bestuur) (?:is|heet)[,:]?\s+|"
    r"(?:wij|we) (?:vallen|horen) (?:onder|bij) (?:het bestuur van |de )?|"
    r"(?:eh+m*|uh+m*|nou|nou ja|tja|o ja|oja|oh)[,.]?\s+)+",
    re.IGNORECASE,
)
_CHATTY_SUFFIX = re.compile(
    r"(?:[,\s]+(?:denk ik|geloof ik|volgens mij|toch|hoor|als het goed is)[.!?]*\s*$|"
    r"\s*[,;]\s*(?:daar|want|omdat|dus|dat is|die|zo heet|zo heten)\b.*$)",
    re.IGNORECASE | re.DOTALL,
)
# Said before a clause answer: only what is clearly chatter, so a real sentence stays whole.
_CLAUSE_CHATTER = re.compile(
    r"^\s*(?:(?:dat |die |wat )?(?:zei|heb) ik (?:al|toch al|net)(?: gezegd| genoemd)?|"
    r"ik denk(?: dat)?|denk ik|volgens mij|ik geloof(?: dat)?|eh+m*|uh+m*)\s*[,:;.]?\s+",
    re.IGNORECASE,
)
_YES_NO_LEAD = re.compile(r"^\s*(?:ja|nee|neen)(?:\s+(?:hoor|zeker|hoor zeker|inderdaad))?\s*[,.!:]?\s*", re.IGNORECASE)
# Words that join two names in a list; "en" only between words that start a name.
_LIST_SEPARATORS = re.compile(r"\s*(?:;|\n|,\s*(?:en\s+)?|\s+en\s+(?=[A-Z0-9\"'(]))\s*")
_NEGATION = re.compile(r"\b(nee|neen|niet|geen|nooit|niks|niets)\b|\b(houdt|houden|behoudt|behouden)\b.*\beigen\b")
_AFFIRMATIVE = re.compile(
    r"\b(ja|jazeker|zeker|wel|klopt|draagt|dragen|draag|overgedragen|overdragen|betaalt|betalen|"
    r"ontvangt|ontvangen|krijgt|krijgen|gaat over|gaan over)\b"
)
_AMOUNT = re.compile(r"(€|\beuro\b|\beur\b|\d+[.,]?\d*\s*(%|procent)|\bper (leerling|student|jaar)\b)")
_NAME_WORD = r"(?:[A-Z0-9][\w'.&-]*|van|de|der|den|het|voor|aan|op|in)"
_ORGANISATION = re.compile(
    r"\b((?:Stichting|Vereniging|Scholengroep|Scholengemeenschap|ROC|Roc|AOC|Onderwijsgroep|"
    r"Christelijke|Openbare|Openbaar|Regionaal Opleidingen ?[Cc]entrum)(?:\s+" + _NAME_WORD + r")*"
    r"|[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)*\s+(?:College|Lyceum|Groep|Academie|Scholen))"
)
_TRAILING_CONNECTORS = re.compile(r"(?:\s+(?:van|de|der|den|het|voor|aan|op|in))+$")
_MBO_NAME = re.compile(r"\b(roc|aoc)\b|\b(mbo|opleidingscentrum|opleidingen|beroepsonderwijs)\b")
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
    stripped = re.sub(r"^(?:een|de|het)\s+(?=[a-zà-ÿ])", "", stripped) if stripped != text.strip() else stripped
    if not stripped or stripped == text.strip():
        return Reading(text.strip())
    return Reading(stripped[0].upper() + stripped[1:], False)


def strip_clause_chatter(text: str) -> Reading:
    """A clause answer without "dat zei ik al," or "ik denk" before it (to be confirmed)."""
    stripped = _CLAUSE_CHATTER.sub("", text, count=1).strip()
    if stripped == text.strip() or len(stripped.split()) < 2:
        return Reading(text.strip())
    return Reading(stripped[0].upper() + stripped[1:], False)


def party_names(text: str) -> Reading:
    """Names from one answer: separated by ";", line breaks, commas or " en " before a name.

    A split on commas or "en" is uncertain ("Stichting Jan en Piet" may be one name); a split on
    semicolons or line breaks is what the user asked for.
    """
    firm = [part for part in text.split(";") if part.strip()]
    names: List[str] = []
    for part in firm:
        names += [" ".join(n.split()) for n in _LIST_SEPARATORS.split(part) if n and n.strip(" ,")]
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


def without_yes_no(text: str) -> str:
    """A sentence without the "ja hoor," or "nee," it starts with."""
    rest = _YES_NO_LEAD.sub("", text, count=1).strip()
    return rest[:1].upper() + rest[1:] if rest else text


def looks_like_sentence(name: str) -> bool:
    """Whether a "name" reads as a sentence ("we werken samen met het mbo hier")."""
    words = name.split()
    return len(words) >= 4 and (name[:1].islower() or fold(words[0]) in _SENTENCE_STARTS)


def mentions_amount(text: str) -> bool:
    """Whether a text names an amount of money or a share."""
    return bool(_AMOUNT.search(fold(text)))


_PLACE_AFTER = re.compile(r"\b(?:in|te)\s+([A-Z][\w'-]*(?:(?:[\s-]+(?:aan|den|der|de|op|in|bij))*[\s-]+[A-Z][\w'-]*)*)")


def place_and_date(text: str) -> Optional[Dict[str, str]]:
    """{"place", "date"} from "Gorinchem, 1 september 2027" or "we tekenen in Dronten op 3 juli
    2026"; ``None`` without a date, or without anything besides it."""
    span = date_span(text)
    found = find_dutch_date(text)
    if span is None or found is None:
        return None
    rest = (text[:span[0]] + " " + text[span[1]:]).strip(" ,.;-")
    named = _PLACE_AFTER.search(rest)
    place = named.group(1) if named else re.sub(r"\s+(?:op|per|om)$", "", rest)
    place = place.strip(" ,.;-")
    return {"place": place, "date": format_dutch_date(found)} if place else None


_SENTENCE_STARTS = {"wij", "we", "ons", "onze", "ik", "het", "de", "dat", "die", "dit", "er", "zij"}
_SPEAKER = re.compile(r"\b(wij|we|ons bestuur|onze school|ik werk bij)\b[^.]{0,12}$")


def organisations(text: str) -> Dict[str, List[str]]:
    """Names of school boards in a message, by side: {"vmbo": [...], "mbo": [...]}.

    A name with an mbo word in it or just before it is mbo; the speaker's own ("wij zijn ...")
    is vmbo; any other name goes to the side that has none yet, vmbo first.
    """
    sides: Dict[str, List[str]] = {"vmbo": [], "mbo": []}
    unplaced: List[str] = []
    for match in _ORGANISATION.finditer(text):
        name = _TRAILING_CONNECTORS.sub("", " ".join(match.group(1).split()).strip(" ,."))
        if len(name.split()) < 2 or name in sides["vmbo"] + sides["mbo"] + unplaced:
            continue
        before = fold(text[max(0, match.start() - 20):match.start()])
        if _MBO_NAME.search(fold(name)) or _MBO_CONTEXT.search(before):
            sides["mbo"].append(name)
        elif _SPEAKER.search(before):
            sides["vmbo"].append(name)
        else:
            unplaced.append(name)
    for name in unplaced:
        sides["vmbo" if not sides["vmbo"] else "mbo"].append(name)
    return sides
