"""The review of all answers, and the completeness check against the legal topics a-j."""

from dataclasses import dataclass
from typing import Any, List, Mapping, Optional

from bot.interview import model
from bot.interview.model import read_answer
from bot.interview.catalogue import (
    CHOICE, LEGAL_TOPICS, SIGNATORY_KEY, YES_NO, Catalogue, Step, addendum_topics, is_internal,
    load_catalogue,
)
from bot.interview.flow import parties, signatories
from bot.text_markup import escape_markdown

TOPIC_NAMES = {
    "a": "profiel en opleidingsdomein of kwalificatie",
    "b": "betrokkenheid van het bedrijfsleven",
    "c": "vormgeving van de leiding",
    "d": "inlichtingen en verantwoording door de leiding",
    "e": "organisatorische en onderwijskundige inrichting",
    "f": "inhoud van de overstapoptie",
    "g": "overdracht van bekostiging",
    "h": "aanvullende afspraken over medezeggenschap",
    "i": "geschilbeslechting",
    "j": "toetreding, opzegging en wijziging",
}
# An interne regeling has no parties to join or to give notice: its own name for topic j.
TOPIC_NAMES_INTERNAL = {**TOPIC_NAMES, "j": "deelname van andere scholen, intrekking en wijziging"}
COVERED, OPEN, MISSING, NOT_USED = "ingevuld", "nog in te vullen", "ontbreekt", "niet van toepassing"
# In an addendum, a topic it does not add stands in the existing agreement.
EXISTING = "in de bestaande overeenkomst"


@dataclass(frozen=True)
class TopicStatus:
    """How far one legal topic is covered by the answers."""

    topic: str
    name: str
    status: str
    steps: List[str]


def display_answer(step: Step, value: Any) -> str:
    """An answer as plain text for people (not yet escaped for Markdown)."""
    if value is None:
        return "(nog niet beantwoord)"
    if isinstance(value, list):
        return "; ".join(str(item) for item in value)
    if isinstance(value, dict) and "name" in value:
        return f"{value['name']}, {value.get('position', '')}".strip(", ")
    if step.kind == YES_NO and isinstance(value, bool):
        return "Ja" if value else "Nee"
    if step.kind == CHOICE:
        return next((c.title for c in step.choices if c.value == value), str(value))
    return str(value)


def completeness(answers: Mapping[str, Any], catalogue: Optional[Catalogue] = None) -> List[TopicStatus]:
    """The status of each legal topic a-j, judged on the clause steps that are asked."""
    catalogue = catalogue or load_catalogue()
    asked = catalogue.applicable(answers)
    added = addendum_topics(answers)
    statuses = []
    for topic in LEGAL_TOPICS:
        steps = [step for step in asked if step.topic == topic]
        states = [read_answer(answers.get(step.key)).state for step in steps]
        if added is not None and topic not in added:
            status = EXISTING
        elif not steps or model.MISSING in states:
            status = MISSING
        elif model.OPEN in states:
            status = OPEN
        elif all(state == model.SKIPPED for state in states):
            status = NOT_USED
        else:
            status = COVERED
        names = TOPIC_NAMES_INTERNAL if is_internal(answers) else TOPIC_NAMES
        statuses.append(TopicStatus(topic, names[topic], status, [s.key for s in steps]))
    return statuses


def completeness_text(answers: Mapping[str, Any]) -> str:
    """The completeness check as a message."""
    statuses = completeness(answers)
    lines = [f"- {s.topic}. {s.name}: {s.status}" for s in statuses]
    gaps = [s for s in statuses if s.status in (OPEN, MISSING)]
    if gaps:
        summary = (
            f"Nog niet alle wettelijk verplichte onderwerpen zijn ingevuld: "
            f"{', '.join(s.topic for s in gaps)}."
        )
    elif addendum_topics(answers) is not None:
        summary = "Alle onderwerpen van de aanvulling zijn ingevuld; de andere staan in de bestaande overeenkomst."
    else:
        summary = "Alle wettelijk verplichte onderwerpen (a tot en met j) zijn ingevuld."
    return "**Volledigheid (onderwerpen a-j uit de wet)**\n\n" + "\n".join(lines) + f"\n\n{summary}"


def review_answer(step: Step, value: Any) -> str:
    """An answer for the review, with open and skipped places said in words (Markdown)."""
    answer = read_answer(value)
    if not answer.given:
        return {model.MISSING: "_nog niet beantwoord_", model.OPEN: "_nog open_",
                model.SKIPPED: "_niet opgenomen (overgeslagen)_"}[answer.state]
    answer = escape_markdown(display_answer(step, value))
    # Every paragraph of the answer stays inside its list item: no blank line, indented.
    return "\n  ".join(line for line in answer.split("\n") if line.strip())


def review_text(
    answers: Mapping[str, Any], catalogue: Optional[Catalogue] = None,
    only: Optional[List[str]] = None,
) -> str:
    """Every answer (or ``only`` these steps) by clause and part, user text escaped for Markdown."""
    catalogue = catalogue or load_catalogue()
    lines = []
    for step in catalogue.applicable(answers):
        if step.key == SIGNATORY_KEY or (only is not None and step.key not in only):
            continue
        lines.append(f"- **{step.part_label}**: {review_answer(step, answers.get(step.key))}")
    if only is None or SIGNATORY_KEY in only:
        for (_side, party), signatory in zip(parties(answers), signatories(answers)):
            who = review_answer(catalogue.get(SIGNATORY_KEY), signatory)
            signing = "Vaststelling" if is_internal(answers) else "Ondertekening"
            lines.append(f"- **{signing} namens {escape_markdown(party)}**: {who}")
    heading = "**Uw antwoorden**" if only is None else "**Aangepast**"
    return heading + "\n\n" + "\n".join(lines)


def open_steps(answers: Mapping[str, Any], catalogue: Optional[Catalogue] = None) -> List[Step]:
    """Steps answered with a placeholder, to offer for completion."""
    catalogue = catalogue or load_catalogue()
    return [
        step for step in catalogue.applicable(answers)
        if step.key != SIGNATORY_KEY and read_answer(answers.get(step.key)).open
    ]

