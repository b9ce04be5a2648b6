"""Making user text safe to place inside Markdown: it shows literally, never as markup."""

import re

# Characters that are markup wherever they stand (or start HTML, entities, links, code, tables).
_INLINE = re.compile(r"([\\`*_\[\]<>&|~])")
# Characters that are markup only at the start of a line: headings, lists, quotes, rules.
_LINE_START = re.compile(r"^(\s*)([#+\-=])", re.MULTILINE)
_ORDERED_ITEM = re.compile(r"^(\s*\d+)([.)])", re.MULTILINE)


def escape_markdown(text: str) -> str:
    """Escape what Markdown (or HTML inside it) could read as markup; the rest stays readable."""
    escaped = _INLINE.sub(r"\\\1", text)
    escaped = _LINE_START.sub(r"\1\\\2", escaped)
    return _ORDERED_ITEM.sub(r"\1\\\2", escaped)
