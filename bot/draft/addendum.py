"""The addendum to an existing agreement: only the topics it adds, in the format's wording.

As the FAQ suggests, a school whose agreement misses topics can complete it. The addendum names
the parties (with the format's labels), refers to the existing agreement, and holds the
format's clauses of the topics it adds, each with the format's wording verbatim and the answer
after it, then the signing and a check of the added topics. Everything that is not the format's
wording is the assistant's own (``addendum`` in ``format.yml``), shown in its own style.
"""

from datetime import date
from typing import Any, Iterator, Mapping, Optional

from bot.draft.document import (
    CLAUSE, HEADING, NOTE, TEXT, TITLE, Block, Draft, Builder, answer_span, load_format,
)
from bot.interview.catalogue import COMPLETION_SLOT, Catalogue, addendum_topics, load_catalogue
from bot.interview.dates import format_dutch_date


class _AddendumBuilder(Builder):
    """Lays out one addendum, with the variants and terms of the agreement it completes."""

    def build(self, generated_on: date) -> Draft:
        section = self.layout["addendum"]
        title = self.block(TITLE, section["title"])
        marks = self.layout["marks"]
        blocks = [title, self.block(NOTE, section["legend"])]
        blocks += self._parties(closing=section["closing"])
        completion = self.answers.get(COMPLETION_SLOT) or {}
        existing = answer_span(completion.get("reference") or None)
        blocks.append(self.block(TEXT, section["reference"], existing=existing))
        blocks += self._added_clauses()
        blocks += self._signing()
        blocks += self._completeness(section["check"], addendum_topics(self.answers) or ())
        return Draft(
            title=title.text,
            header=f"{marks['concept']} - {title.text}",
            footer=marks["generated"].format(date=format_dutch_date(generated_on)),
            generated_on=generated_on,
            blocks=tuple(blocks),
        )

    def _added_clauses(self) -> Iterator[Block]:
        """The format's clauses that hold a step asked in this addendum, numbered afresh."""
        section = self.layout["agreements"]
        clauses = [clause for clause in section["clauses"]
                   if any(part.get("answer") in self.asked for part in clause["parts"])]
        if not clauses:
            return
        yield self.block(HEADING, section["heading"])
        for number, clause in enumerate(clauses, start=1):
            yield self.block(CLAUSE, clause["title"], label=f"{number}.")
            for part in clause["parts"]:
                yield from self._part(part)


def build_addendum(
    answers: Mapping[str, Any], generated_on: date, catalogue: Optional[Catalogue] = None,
    layout: Optional[Mapping[str, Any]] = None,
) -> Draft:
    """The addendum for these answers; the same answers and date give the same addendum."""
    builder = _AddendumBuilder(answers, catalogue or load_catalogue(), layout or load_format())
    return builder.build(generated_on)
