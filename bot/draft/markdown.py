"""The draft as Markdown: for the chat preview, and for reading changes line by line."""

from typing import List

from bot.draft.document import (
    ANSWER, ANSWER_TEXT, CLAUSE, FIELD, HEADING, JOINER, NOTE, NOT_USED, OPEN, PARTY, POINT,
    ROLE, STATUS, TEXT, TITLE, Block, Draft, Span,
)
from bot.text_markup import escape_markdown


def _span(span: Span) -> str:
    if span.kind == ANSWER:
        return escape_markdown(span.text)
    if span.kind == OPEN:
        return f"**{escape_markdown(span.text)}**"
    if span.kind == NOT_USED:
        return f"*{escape_markdown(span.text)}*"
    return span.text


def _inline(block: Block) -> str:
    return "".join(_span(span) for span in block.spans)


def _block(block: Block) -> str:
    text = _inline(block)
    if block.kind == TITLE:
        return f"# {text}"
    if block.kind == HEADING:
        return f"## {text}"
    if block.kind == CLAUSE:
        return f"### {block.label} {text}"
    if block.kind == POINT:
        return f"{block.label} {text}"
    if block.kind == TEXT and block.label:
        return f"**{block.label}** {text}"
    if block.kind == ANSWER_TEXT:
        return f"> {text}"
    if block.kind in (NOTE, ROLE):
        return f"*{text}*"
    if block.kind == PARTY:
        return f"**{text}**"
    if block.kind == STATUS:
        return f"- {block.label} {text}"
    if block.kind in (TEXT, JOINER, FIELD):
        return text
    raise ValueError(f"unknown block kind {block.kind}")


def to_markdown(draft: Draft) -> str:
    """The whole draft as Markdown; user text is escaped so it shows literally."""
    parts: List[str] = []
    for block in draft.blocks:
        parts.append(_block(block))
        if block.kind == TITLE:
            parts.append(f"*{draft.footer}*")
    return "\n\n".join(parts) + "\n"
