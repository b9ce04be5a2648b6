"""Making user text safe to place inside Markdown: it shows literally, never as markup."""

import re

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~])")


def escape_markdown(text: str) -> str:
    """Escape every character Markdown (or HTML inside it) could read as markup."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)
