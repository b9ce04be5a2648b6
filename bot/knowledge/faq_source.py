"""Parse the FAQ source text into questions and answers."""

from dataclasses import dataclass
from typing import List, Tuple

from bot.knowledge.text import join_lines

BULLET = "•"


@dataclass(frozen=True)
class SourceQuestion:
    """One FAQ entry as it stands in the source: the question and its answer paragraphs."""

    question: str
    paragraphs: Tuple[str, ...]


def parse_faq(text: str) -> List[SourceQuestion]:
    """Split the FAQ text into entries; each starts with a bullet line holding the question.

    In the answers, a blank line separates paragraphs; a line break without a blank line is
    kept as a separate paragraph too, as the source shows them as separate lines.
    """
    entries: List[SourceQuestion] = []
    blocks = text.split(BULLET)[1:]
    for block in blocks:
        question_part, _, answer_part = block.strip().partition("\n")
        paragraphs = tuple(
            join_lines(line) for line in answer_part.splitlines() if line.strip()
        )
        entries.append(SourceQuestion(question=join_lines(question_part), paragraphs=paragraphs))
    return entries
