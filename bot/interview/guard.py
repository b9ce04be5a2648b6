"""What a message during the interview is: an answer, a command, a question, or small talk.

One guard reads every message given while a question is open, before anything is stored. A
command word, a question, a greeting or thanks is never stored as an answer. A message that is
most likely an answer but reads like something else (a party really named "Terug") is stored
only after the user confirms it. The guard reads words, not the language model's guess alone,
so it holds when the model is unsure.
"""

import re
from dataclasses import dataclass
from typing import Optional

from bot.interview.catalogue import PARTIES, TEXT, YES_NO, Step
from bot.user_text import fold

ANSWER = "answer"
BACK = "back"
EXPLAIN = "explain"
EXAMPLE = "example"
STOP = "stop"
QUESTION = "question"
SMALL_TALK = "small_talk"
AFFIRM = "affirm"
RESUME = "resume"
DENY = "deny"

_PHRASES = {
    BACK: [
        r"(ga |graag |even |een )?(een )?(vraag |stap )?terug( naar de vorige( vraag)?)?( aub| graag)?",
        r"(ga |graag )?(naar )?(de )?vorige( vraag)?( aub| graag)?",
        r"terug naar (de )?vorige( vraag)?", r"ik wil (een vraag |graag )?terug",
        r"(maak )?(dat|het|mijn laatste antwoord)? ?ongedaan( maken)?", r"dat was fout",
        r"ongedaan maken", r"undo", r"back",
    ],
    EXPLAIN: [
        r"wat bedoel (je|jij|u)( precies| daarmee| hiermee| met deze vraag)?",
        r"wat wordt (er )?(hiermee|daarmee|hier) bedoeld", r"wat (betekent|houdt) (dit|deze vraag)( in)?",
        r"ik (snap|begrijp) (de|deze|die|uw|je) vraag niet", r"ik (snap|begrijp) het niet",
        r"waarom (wordt|word) (dit|dat|deze vraag) gevraagd", r"waarom (vraag je|vraagt u) (dit|dat)",
        r"waarom is dit nodig", r"wat moet ik hier (invullen|antwoorden|zeggen)",
        r"(graag |geef )?(wat )?(meer )?uitleg( graag| aub)?", r"leg (dit|dat|het) (eens )?uit",
        r"help", r"hulp",
    ],
    EXAMPLE: [r"(geef )?(een )?voorbeeld( graag| aub)?", r"heb je een voorbeeld", r"hebt u een voorbeeld"],
    STOP: [r"stop", r"pauze", r"ik stop( even)?", r"later verder", r"ik ga later verder"],
    RESUME: [r"verder", r"ga (maar )?verder", r"door", r"doorgaan", r"volgende( vraag)?"],
    SMALL_TALK: [
        r"(hallo|hoi|hey|goedemorgen|goedemiddag|goedenavond|dag)( daar)?",
        r"(heel |hartelijk )?(dank|bedankt|dankjewel|dankuwel|dank je( wel)?|dank u( wel)?|thanks|top)( hoor| voor( de)? (hulp|uitleg))?",
        r"(ok|oke|okay|prima|goed|top|mooi|fijn|super) (bedankt|dank je)",
    ],
    AFFIRM: [
        r"ja( hoor| graag| zeker| klopt| dat klopt| prima| akkoord| dat is goed| is goed| precies)?",
        r"klopt( helemaal| zo)?", r"akkoord", r"prima", r"correct", r"inderdaad", r"precies",
        r"zeker", r"is goed", r"dat is goed", r"dat klopt", r"ziet er goed uit", r"goed zo",
        r"in orde", r"ok(e|ay)?", r"bevestig(en)?", r"yes", r"dit is mijn antwoord",
        r"sla (het|dit) zo op", r"opslaan", r"behouden", r"houden", r"laat (maar )?staan",
    ],
    DENY: [
        r"nee( hoor| dank je| bedankt| dat klopt niet| klopt niet)?", r"neen", r"nog niet",
        r"klopt niet", r"dat klopt niet", r"niet akkoord", r"no", r"nope",
    ],
}
_COMPILED = {kind: re.compile(r"(?:%s)" % "|".join(patterns)) for kind, patterns in _PHRASES.items()}
# A word that reads as a command, but could also be a real name (a party called "Terug").
_COMMAND_WORDS = {
    "terug", "vorige", "stop", "pauze", "uitleg", "help", "voorbeeld", "hallo", "dag", "verder",
}


def normalised(text: str) -> str:
    """Lower case, accents and surrounding punctuation removed, white space collapsed."""
    words = re.sub(r"[^\w\s/-]", " ", fold(text)).split()
    return " ".join(words)


def phrase_kind(text: str) -> Optional[str]:
    """The kind of a message that is exactly one of the known phrases, if it is one."""
    plain = normalised(text)
    if not plain:
        return None
    for kind, pattern in _COMPILED.items():
        if pattern.fullmatch(plain):
            return kind
    return None


# "Geen aanvullende afspraken", "nee, niet nodig", "n.v.t.": nothing to add where a clause is
# optional. Every word must be one of these, and one of them a "no".
_NONE_WORDS = {"nee", "neen", "geen", "niets", "niks", "nvt", "n/v/t", "niet"}
_NOTHING_TO_ADD_WORDS = _NONE_WORDS | {
    # What is (not) added, and where
    "aanvullende", "aanvullend", "aanvullingen", "extra", "verdere", "andere", "bijzondere",
    "afspraken", "afspraak", "regelingen", "regels", "bepalingen", "iets", "medezeggenschap",
    "artikel", "route", "leerroute", "hierover", "daarover", "hier", "daar", "hiervoor",
    "daarvoor", "over", "voor", "in", "op", "bovenop", "aan", "toe", "van", "toepassing",
    # Verbs and the words around them
    "nodig", "hoeft", "hoeven", "hebben", "heb", "maken", "gemaakt", "opnemen", "opgenomen",
    "nemen", "te", "vastleggen", "vastgelegd", "regelen", "geregeld", "afspreken", "afgesproken",
    "willen", "wil", "zijn", "is", "wordt", "worden", "gaan", "zullen", "overslaan",
    # Small words
    "de", "het", "er", "we", "wij", "ik", "u", "je", "dat", "dit", "die", "onze", "ons", "nog",
    "nu", "momenteel", "vooralsnog", "ook", "dus", "hoor", "helaas", "eigenlijk", "verder",
    "graag", "dank", "bedankt", "wel",
}


def says_nothing_to_add(text: str) -> bool:
    """Whether a message says there is nothing to add ("geen aanvullende afspraken", "n.v.t."),
    where an optional clause asks what to add. A bare "nee" is not enough: it may say that the
    answer before was wrong."""
    words = normalised(text.replace(".", "")).split()
    return (phrase_kind(text) is None and bool(set(words) & _NONE_WORDS)
            and not set(words) - _NOTHING_TO_ADD_WORDS)


def is_affirmation(text: str) -> bool:
    """Whether a message says yes ("ja", "klopt", "akkoord", "ziet er goed uit", ...)."""
    return phrase_kind(text) == AFFIRM


def is_denial(text: str) -> bool:
    """Whether a message says no ("nee", "nog niet", "klopt niet", ...)."""
    return phrase_kind(text) == DENY


@dataclass(frozen=True)
class Reading:
    """What a message is. For an answer, ``certain`` is False when it must be confirmed first."""

    kind: str
    certain: bool = True


def read_message(text: str, step: Step, asks_question: bool) -> Reading:
    """Decide what a message given at ``step`` is; ``asks_question`` comes from the caller.

    A known phrase is what it says, except that at a yes/no step "ja" and "nee" are answers,
    and a single capitalised command word where a name or text is asked is an answer to confirm.
    Elsewhere a bare yes or no (say, after an earlier answer was corrected) is never stored.
    """
    kind = phrase_kind(text)
    if kind in (AFFIRM, DENY):
        return Reading(ANSWER) if step.kind == YES_NO else Reading(kind)
    if kind is not None:
        if _could_be_meant(text, step):
            return Reading(ANSWER, certain=False)
        return Reading(kind)
    if asks_question:
        return Reading(QUESTION)
    return Reading(ANSWER)


def _could_be_meant(text: str, step: Step) -> bool:
    """A single command word written as a name ("Terug") where a name or a text is asked."""
    stripped = text.strip()
    return (
        step.kind in (PARTIES, TEXT)
        and normalised(stripped) in _COMMAND_WORDS
        and stripped[:1].isupper()
        and not stripped.isupper()
    )
