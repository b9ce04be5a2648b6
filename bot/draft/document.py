"""The draft agreement as a structured document: the official format filled with the answers.

``build_draft`` turns answers into a ``Draft``: blocks of text spans, each span marked as fixed
wording, a user's answer, or an open place, and each block marked as the format's wording or the
assistant's own (``Block.own``). The Markdown and Word writers only lay these blocks out, so both
show the same text and mark the assistant's own text alike, and user text is never read as a
template.
"""

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, Iterable, Iterator, List, Mapping, Optional, Sequence, Tuple

import yaml

from bot.interview import model
from bot.interview.answers import NOT_APPLICABLE, PLACEHOLDER
from bot.interview.model import read_answer
from bot.interview.catalogue import Catalogue, load_catalogue
from bot.interview.dates import format_dutch_date
from bot.interview.flow import parties, signatories
from bot.interview.review import MISSING, OPEN as TOPIC_OPEN, completeness, display_answer

FORMAT_FILE = Path(__file__).resolve().parent / "format.yml"

# Span kinds: the format's own wording, a user's answer, a place still open, a skipped clause.
FIXED, ANSWER, OPEN, NOT_USED = "fixed", "answer", "open", "not_used"
# Block kinds, from the top of the document down.
TITLE, HEADING, POINT, CLAUSE, TEXT, ANSWER_TEXT, NOTE, PARTY, ROLE, JOINER, FIELD, STATUS = (
    "title", "heading", "point", "clause", "text", "answer", "note", "party", "role", "joiner",
    "field", "status",
)

# The variants of the document, and the key that marks a text as the assistant's own.
AGREEMENT, INTERNAL, OWN = "agreement", "internal", "own"

_TERM = re.compile(r"\{(\w+)\}")
# Characters that XML 1.0 forbids, lone surrogates, and direction overrides.
_UNSAFE = re.compile(
    "[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ud800-\udfff\ufffe\uffff"
    "\u202a-\u202e\u2066-\u2069]"
)


@dataclass(frozen=True)
class Span:
    """A run of text and where it comes from."""

    text: str
    kind: str = FIXED


@dataclass(frozen=True)
class Block:
    """A paragraph of the document; ``own`` when its text is the assistant's, not the format's."""

    kind: str
    spans: Tuple[Span, ...]
    label: str = ""
    own: bool = False

    @property
    def text(self) -> str:
        return "".join(span.text for span in self.spans)


@dataclass(frozen=True)
class Draft:
    """A rendered draft: its title, the marks for header and footer, and its paragraphs."""

    title: str
    header: str
    footer: str
    generated_on: date
    blocks: Tuple[Block, ...]

    def plain_text(self) -> str:
        """Every paragraph as plain text, one per line (for checks and previews)."""
        lines = [self.title, self.footer]
        lines += [f"{block.label} {block.text}".strip() for block in self.blocks]
        return "\n".join(lines)


def safe_text(text: Any) -> str:
    """User text as characters any document can hold: NFC, no control or direction codes."""
    normalised = unicodedata.normalize("NFC", str(text))
    return _UNSAFE.sub("", normalised.replace("\r\n", "\n").replace("\r", "\n"))


@lru_cache(maxsize=1)
def load_format() -> Dict[str, Any]:
    """The format's layout and fixed texts (read once per process)."""
    return yaml.safe_load(FORMAT_FILE.read_text(encoding="utf-8"))


def format_answer_keys(layout: Optional[Mapping[str, Any]] = None) -> List[str]:
    """Every answer key the format has a place for, and the keys that choose its variants."""
    layout = layout or load_format()
    keys = list(layout["variants"])
    for variant in (AGREEMENT, INTERNAL):
        keys += [item["answer"] for item in layout["parties"][variant] if "answer" in item]
    for clause in layout["agreements"]["clauses"]:
        keys += [part["answer"] for part in clause["parts"] if "answer" in part]
    signing = layout["signing"]
    keys += [signing["place"], signing["date"], signing["people"]]
    return keys


class Builder:
    """Lays out one draft; holds the chosen variants and terms while it does."""

    def __init__(self, answers: Mapping[str, Any], catalogue: Catalogue, layout: Mapping[str, Any]):
        self.answers = answers
        self.catalogue = catalogue
        self.layout = layout
        self.asked = {step.key for step in catalogue.applicable(answers)}
        self.variants = self._variants()
        self.terms: Dict[str, str] = {}
        for variant in self.variants:
            self.terms.update(layout["terms"].get(variant, {}))

    def _variants(self) -> List[str]:
        chosen = []
        for key, options in self.layout["variants"].items():
            value = self.answers.get(key)
            default = next(iter(options.values())) if key == "route_type" else options[False]
            chosen.append(options.get(value, default))
        return chosen

    def pick(self, text: Any) -> Optional[Tuple[str, bool]]:
        """The variant of a text that the answers choose, and whether it is the assistant's own;
        ``None`` when the chosen variant has no text."""
        while isinstance(text, Mapping) and OWN not in text:
            text = next((text[variant] for variant in self.variants if variant in text), None)
        if text is None:
            return None
        if isinstance(text, Mapping):
            return " ".join(str(text[OWN]).split()), True
        return " ".join(str(text).split()), False

    def fixed(self, text: Any, **answer_spans: Span) -> Tuple[Tuple[Span, ...], bool]:
        """A text with its {terms} filled, and whether it is the assistant's own; named answer
        spans take their own place."""
        template, own = self.pick(text) or ("", False)
        spans: List[Span] = []
        position = 0
        for match in _TERM.finditer(template):
            spans.append(Span(template[position:match.start()]))
            name = match.group(1)
            spans.append(answer_spans[name] if name in answer_spans else Span(self.terms[name]))
            position = match.end()
        spans.append(Span(template[position:]))
        return tuple(span for span in spans if span.text), own

    def block(self, kind: str, text: Any, label: str = "", **answer_spans: Span) -> Block:
        """A paragraph of a text from the layout, marked as the assistant's own where it is."""
        spans, own = self.fixed(text, **answer_spans)
        return Block(kind, spans, label=label, own=own)

    def build(self, generated_on: date) -> Draft:
        layout = self.layout
        title = self.block(TITLE, layout["title"])
        marks = layout["marks"]
        when = format_dutch_date(generated_on)
        blocks = [title, self.block(NOTE, marks["legend"])]
        blocks += self._parties()
        blocks += self._purpose()
        blocks += self._agreements()
        blocks += self._signing()
        blocks += self._completeness()
        return Draft(
            title=title.text,
            header=f"{marks['concept']} - {title.text}",
            footer=marks["generated"].format(date=when),
            generated_on=generated_on,
            blocks=tuple(blocks),
        )

    def _parties(self, closing: Any = None) -> Iterator[Block]:
        section = self.layout["parties"]
        variant = INTERNAL if INTERNAL in self.variants else AGREEMENT
        named = [
            (name, item["label"])
            for item in section[variant]
            for name in (self.answers.get(item["answer"]) or [PLACEHOLDER])
        ]
        for index, (name, label) in enumerate(named):
            if index and index == len(named) - 1:
                yield Block(JOINER, (Span(section["joiner"]),))
            yield Block(PARTY, (answer_span(name),))
            yield self.block(ROLE, label)
        yield self.block(TEXT, closing if closing is not None else section["closing"])

    def _purpose(self) -> Iterator[Block]:
        section = self.layout["purpose"]
        yield self.block(HEADING, section["heading"])
        for number, point in enumerate(section["points"], start=1):
            yield self.block(POINT, point, label=f"{number}.")
        yield self.block(NOTE, section["note"])

    def _agreements(self) -> Iterator[Block]:
        section = self.layout["agreements"]
        yield self.block(HEADING, section["heading"])
        for clause in section["clauses"]:
            yield self.block(CLAUSE, clause["title"], label=f"{clause['number']}.")
            for part in clause["parts"]:
                yield from self._part(part)

    def _part(self, part: Mapping[str, Any]) -> Iterator[Block]:
        key = part.get("answer")
        if key is not None and key not in self.asked:
            return
        value = self.answers.get(key) if key is not None else None
        if isinstance(value, bool) and "if_yes" in part:
            yield self.block(TEXT, part["if_yes"] if value else part["if_no"])
            return
        yield self.block(TEXT, part["text"], label=part.get("label", ""))
        if key is None:
            return
        if value is not None:
            value = display_answer(self.catalogue.get(key), value)
        lines = answer_lines(value)
        instruction = self.pick(part.get("instruction"))
        if instruction is not None and [span.kind for span in lines] == [OPEN]:
            # An open place shows what the format asks to write there, then the open mark.
            yield Block(ANSWER_TEXT, (Span(instruction[0]), Span(" "), lines[0]))
            return
        for line in lines:
            yield Block(ANSWER_TEXT, (line,))

    def _signing(self) -> Iterator[Block]:
        section = self.layout["signing"]
        yield self.block(HEADING, section["heading"])
        place = answer_span(self.answers.get(section["place"]))
        when = answer_span(self.answers.get(section["date"]))
        yield self.block(TEXT, section["text"], place=place, date=when)
        given = signatories(self.answers)
        for index, (_side, party) in enumerate(parties(self.answers)):
            person = given[index] if index < len(given) else {}
            yield self.block(PARTY, section["on_behalf"], party=answer_span(party))
            for field, value in (("name", person.get("name")), ("position", person.get("position"))):
                spans, own = self.fixed(section[field])
                yield Block(FIELD, spans + (Span(" "), answer_span(value)), own=own)
            spans, own = self.fixed(section["signature"])
            yield Block(FIELD, spans + (Span(" " + "." * 40),), own=own)

    def _completeness(
        self, section: Optional[Mapping[str, Any]] = None, topics: Optional[Iterable[str]] = None,
    ) -> Iterator[Block]:
        """Whether each topic (or each of ``topics``) is filled in, to remove before signing."""
        section = section or self.layout["completeness"]
        yield self.block(HEADING, section["heading"])
        yield self.block(NOTE, section["intro"])
        statuses = completeness(self.answers, self.catalogue)
        if topics is not None:
            wanted = set(topics)
            statuses = [s for s in statuses if s.topic in wanted]
        for status in statuses:
            yield Block(STATUS, (Span(f"{status.name}: {status.status}"),), label=f"{status.topic}.",
                        own=True)
        gaps = [s.topic for s in statuses if s.status in (TOPIC_OPEN, MISSING)]
        if gaps:
            yield self.block(TEXT, section["open"], topics=Span(", ".join(gaps)))
        else:
            yield self.block(TEXT, section["all_covered"])


def answer_span(value: Any) -> Span:
    """A single-line answer as a span; a missing answer or placeholder is an open place."""
    answer = read_answer(value)
    if answer.state in (model.MISSING, model.OPEN):
        return Span(PLACEHOLDER, OPEN)
    if answer.state == model.SKIPPED:
        return Span(NOT_APPLICABLE, NOT_USED)
    return Span(" ".join(safe_text(value).split()), ANSWER)


def answer_lines(value: Any) -> List[Span]:
    """A clause answer as one span per paragraph the user wrote."""
    if not read_answer(value).given:
        return [answer_span(value)]
    lines = [" ".join(line.split()) for line in safe_text(value).split("\n")]
    return [Span(line, ANSWER) for line in lines if line] or [answer_span(None)]


def build_draft(
    answers: Mapping[str, Any],
    generated_on: date,
    catalogue: Optional[Catalogue] = None,
    layout: Optional[Mapping[str, Any]] = None,
) -> Draft:
    """The draft for these answers; the same answers and date give the same draft."""
    return Builder(answers, catalogue or load_catalogue(), layout or load_format()).build(generated_on)


def open_places(draft: Draft) -> Sequence[Span]:
    """Every place the draft still leaves open."""
    return [span for block in draft.blocks for span in block.spans if span.kind == OPEN]
