"""The draft as Markdown: for the chat preview, and for reading changes line by line.

Every paragraph of the assistant's own (not the format's wording) starts with the marker
"*(assistent)*", so a reader can tell it from the format's text, as Word does with its styles.
"""

from typing import List

from bot.draft.document import (
    ANSWER, ANSWER_TEXT, CLAUSE, FIELD, HEADING, JOINER, NOTE, NOT_USED, OPEN, PARTY, POINT,
    ROLE, STATUS, TEXT, TITLE, Block, Draft, Span, load_format,
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


def own_marker() -> str:
    """How Markdown marks a paragraph of the assistant's own."""
    return f"*{load_format()['marks']['own_marker']}*"


def _body(block: Block) -> str:
    """A paragraph's text with its emphasis and label, without its line-start markup."""
    text = "".join(_span(span) for span in block.spans)
    if block.kind in (CLAUSE, POINT, STATUS):
        text = f"{block.label} {text}"
    elif block.kind == TEXT and block.label:
        text = f"**{block.label}** {text}"
    elif block.kind in (NOTE, ROLE):
        text = f"*{text}*"
    elif block.kind == PARTY:
        text = f"**{text}**"
    return f"{own_marker()} {text}" if block.own else text


_LINE_START = {TITLE: "# ", HEADING: "## ", CLAUSE: "### ", STATUS: "- ", ANSWER_TEXT: "> "}
_KINDS = (TITLE, HEADING, CLAUSE, POINT, STATUS, TEXT, ANSWER_TEXT, NOTE, ROLE, PARTY, JOINER, FIELD)


def _block(block: Block) -> str:
    if block.kind not in _KINDS:
        raise ValueError(f"unknown block kind {block.kind}")
    return _LINE_START.get(block.kind, "") + _body(block)


def to_markdown(draft: Draft) -> str:
    """The whole draft as Markdown; user text is escaped so it shows literally."""
    parts: List[str] = []
    for block in draft.blocks:
        parts.append(_block(block))
        if block.kind == TITLE:
            parts.append(f"{own_marker()} *{draft.footer}*")
    return "\n\n".join(parts) + "\n"
