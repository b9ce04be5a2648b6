"""What a document says about itself: its parties, its kind, its route and its funding."""

import re
from dataclasses import dataclass
from typing import List, Optional, Sequence, Tuple

from bot.agreement.checker import Evidence, quote
from bot.agreement.structure import Passage
from bot.agreement.topics import Terms, load_topics, normalise, without_boilerplate

AGREEMENT, INTERNAL, UNKNOWN = "agreement", "interne_regeling", "unknown"
CONTINUOUS, INTEGRATED = "doorlopende_leerroute", "geintegreerd_onderwijsprogramma"
VMBO, MBO, OTHER = "vmbo", "mbo", "other"
# The passages before the first article, or at most this many, introduce the parties.
MAX_PREAMBLE = 25
TITLE_PASSAGES = 4

_ORGANISATION = re.compile(
    r"(?<![\w-])((?:Stichting|Vereniging|Co[öo]peratie|ROC|Regionaal Opleidingscentrum|AOC|"
    r"Onderwijsgroep|Onderwijsstichting|Scholengroep|Scholengemeenschap|Openbare Scholengroep|"
    r"Het bevoegd gezag van|Bestuur van|Vereniging voor)\b[^,;:()\n\u201c\u201d\"]{2,90})"
)
_NAME_END = re.compile(
    r"\s+(?:te\s+[A-Z]|(?:gevestigd|statutair|hierna|vertegenwoordigd|rechtsgeldig|als bevoegd|"
    r"in dit verband|en\s+(?:de|het)\s|dat|die|welke|namens)\b).*$"
)
_NAME_JOINERS = {"de", "het", "van", "voor", "en", "der", "den", "op", "aan", "in", "'t", "te"}
# "A en B", "A & B": two names, wherever the second starts with a capital.
_BETWEEN_NAMES = re.compile(r"\s+(?:en|&)\s+(?=[A-Z])")
_MBO_WORDS = Terms.of(["roc$", "regionaal opleidingscentrum", "mbo", "beroepsonderwijs", "de instelling",
                       "aoc$", "agrarisch opleidingscentrum", "vakschool", "vakcollege groep"])
_VMBO_WORDS = Terms.of(["vmbo", "voortgezet onderwijs", "de school", "scholengemeenschap", "scholengroep",
                        "lyceum", "vo school", "vo scholen", "college$", "middelbare school"])
_INTERNAL = Terms.of(["interne regeling"])
_AGREEMENT = Terms.of(["samenwerkingsovereenkomst", "overeenkomst", "convenant"])
_ADDENDUM = Terms.of(["addendum", "aanvulling op de samenwerkingsovereenkomst", "aanvulling op de overeenkomst",
                      "wijziging van de samenwerkingsovereenkomst", "aanvullende overeenkomst"])
_INTEGRATED = Terms.of(["geintegreerd onderwijsprogramma", "geintegreerde route", "geintegreerde leerroute",
                        "geintegreerd programma", "zonder vmbo examen", "geen vmbo examen"])
_CONTINUOUS = Terms.of(["doorlopende leerroute", "doorlopende leerlijn", "doorlopende route",
                        "vakmanschapsroute", "technologieroute"])
_TRANSFER = Terms.of(["overgedragen", "overdraagt", "draagt over", "dragen over", "draagt de", "betaalt",
                      "betalen", "vergoedt", "vergoeden", "ontvangt van", "stort", "overgemaakt",
                      "overdracht van", "af aan", "ter beschikking"])
@dataclass(frozen=True)
class Party:
    """A competent authority named in the document, and its side."""

    name: str
    side: str


@dataclass(frozen=True)
class Funding:
    """Whether funding is transferred (None: not said), with how much and for what."""

    transferred: Optional[bool]
    amount: Tuple[Evidence, ...] = ()
    destination: Tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Facts:
    """What the document says about its parties, kind, route and funding."""

    parties: Tuple[Party, ...]
    kind: str
    is_addendum: bool
    route: str
    funding: Funding

    def names(self, side: str) -> List[str]:
        """The parties' names on one side."""
        return [party.name for party in self.parties if party.side == side]


def _preamble(passages: Sequence[Passage]) -> List[Passage]:
    """The passages before the first article (where the parties are named)."""
    before = []
    for passage in passages[:MAX_PREAMBLE]:
        if passage.article:
            break
        before.append(passage)
    return before


def _side(name: str, context: str) -> str:
    own = normalise(name)
    if _MBO_WORDS.found_in(own):
        return MBO
    if _VMBO_WORDS.found_in(own):
        return VMBO
    text = normalise(context)
    if _MBO_WORDS.found_in(text) and not _VMBO_WORDS.found_in(text):
        return MBO
    if _VMBO_WORDS.found_in(text) and not _MBO_WORDS.found_in(text):
        return VMBO
    return OTHER


def _name(words: str) -> str:
    """An organisation's name: its words up to the first that is neither capitalised, a number
    nor a joining word ("Stichting ROC Zuid vullen ..." is "Stichting ROC Zuid")."""
    kept: List[str] = []
    for word in _NAME_END.sub("", words).split():
        if not (word[:1].isupper() or word[:1].isdigit() or word.lower() in _NAME_JOINERS):
            break
        kept.append(word)
    while kept and kept[-1].lower() in _NAME_JOINERS:
        kept.pop()
    return " ".join(kept).strip(" .-\u2013")


def find_parties(passages: Sequence[Passage]) -> Tuple[Party, ...]:
    """The organisations named as parties, with their side (vmbo school or mbo institution)."""
    found: List[Party] = []
    for passage in _preamble(passages) or list(passages[:MAX_PREAMBLE]):
        text = _BETWEEN_NAMES.sub(",", passage.text)
        matches = list(_ORGANISATION.finditer(text))
        for number, match in enumerate(matches):
            name = _name(match.group(1))
            if len(name.split()) < 2 or any(name == party.name for party in found):
                continue
            # What follows a name up to the next one says its side: "..., hierna: de school".
            end = matches[number + 1].start() if number + 1 < len(matches) else len(text)
            found.append(Party(name, _side(name, text[match.start():end])))
    return tuple(found)


def _title_and_whole(passages: Sequence[Passage]) -> Tuple[str, str]:
    """The normalised title (the first passages) and the whole text without the format's
    sentences, each one string, so that a term broken over two paragraphs is still found."""
    title = normalise(" ".join(p.text for p in passages[:TITLE_PASSAGES]))
    whole = " ".join(without_boilerplate(normalise(p.text)) for p in passages)
    return title, " " + " ".join(whole.split()) + " "


def _kind(title: str, whole: str) -> Tuple[str, bool]:
    addendum = _ADDENDUM.found_in(title)
    if _INTERNAL.found_in(title):
        return INTERNAL, addendum
    if _AGREEMENT.found_in(title):
        return AGREEMENT, addendum
    if _INTERNAL.found_in(whole):
        return INTERNAL, addendum
    return (AGREEMENT if _AGREEMENT.found_in(whole) else UNKNOWN), addendum


def _route(title: str, whole: str) -> str:
    for text in (title, whole):
        if _INTEGRATED.found_in(text):
            return INTEGRATED
        if _CONTINUOUS.found_in(text):
            return CONTINUOUS
    return UNKNOWN


def find_funding(passages: Sequence[Passage]) -> Funding:
    """Whether the document transfers funding, and the passages on its amount and destination."""
    topic = next(t for t in load_topics() if t.letter == "g")
    under_heading, anchored = [], []
    for passage in passages:
        if passage.is_heading:
            continue
        own = without_boilerplate(normalise(passage.text))
        if topic.headings.found_in(normalise(passage.heading)):
            under_heading.append((passage, own))
        elif topic.anchor.found_in(own):
            anchored.append((passage, own))
    # Where the document has a heading for its finances, that is where it speaks of them.
    relevant = under_heading or anchored
    negated = any(topic.not_applicable.found_in(own) for _p, own in relevant)
    stated = [(p, own) for p, own in relevant
              if _TRANSFER.found_in(own) and not topic.not_applicable.found_in(own)]
    amount_terms, destination_terms = (element.terms for element in topic.elements)
    amount = tuple(Evidence(quote(p.text), p.place) for p, own in relevant
                   if amount_terms.found_in(own) and not topic.not_applicable.found_in(own))
    destination = tuple(Evidence(quote(p.text), p.place) for p, own in relevant
                        if destination_terms.found_in(own) and not topic.not_applicable.found_in(own))
    if stated or amount:
        transferred: Optional[bool] = True
    elif negated:
        transferred = False
    else:
        transferred = None
    return Funding(transferred, amount[:2], destination[:2])


def find_facts(passages: Sequence[Passage]) -> Facts:
    """Parties, kind, route and funding of a document."""
    title, whole = _title_and_whole(passages)
    kind, addendum = _kind(title, whole)
    return Facts(find_parties(passages), kind, addendum, _route(title, whole), find_funding(passages))
