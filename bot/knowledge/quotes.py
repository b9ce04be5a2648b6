"""Messages that quote a passage of the sources, with the place it comes from."""

from typing import Optional

from bot import messages
from bot.knowledge.passages import Passage
from bot.text_markup import escape_markdown


def quoted(passage: Passage) -> str:
    """The passage as a Markdown quote, then its place."""
    return f"> {escape_markdown(passage.text)}\n\n_Bron: {escape_markdown(passage.place)}_"


def passage_answer(passage: Passage) -> str:
    """The answer to a question that a passage of the sources answers."""
    return f"{messages.PASSAGE_INTRO}\n\n{quoted(passage)}"


def not_in_sources(nearest: Optional[Passage]) -> str:
    """The reply to a question the sources do not answer, with the nearest passage if any."""
    parts = [messages.NOT_IN_SOURCES]
    if nearest is not None:
        parts += [messages.NEAREST_INTRO, quoted(nearest)]
    parts.append(messages.ASK_OTHERWISE)
    return "\n\n".join(parts)
