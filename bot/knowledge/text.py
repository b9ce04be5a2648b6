"""Text helpers: repairing extracted text and checking that an answer quotes its source."""

import re

from bot.user_text import fold

_NOT_ALPHANUMERIC = re.compile(r"[^0-9a-z]+")
_MARKDOWN_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


def letters_only(text: str) -> str:
    """Lower-case letters and digits of ``text``, accents folded, everything else removed.

    This erases what PDF extraction damages (line breaks, hyphenation, spacing, quote styles),
    so that two texts compare on their words alone.
    """
    return _NOT_ALPHANUMERIC.sub("", fold(text))


def link_labels(text: str) -> str:
    """``text`` with each Markdown link written as its label only ("[duo.nl](https://...)" ->
    "duo.nl"), as the source reads where the answer adds a link."""
    return _MARKDOWN_LINK.sub(r"\1", text)


def join_lines(text: str) -> str:
    """Join the lines of one extracted paragraph into a single line; any run of white space (a
    non-breaking space of the source too) becomes one ordinary space."""
    return " ".join(" ".join(line.split()) for line in text.splitlines() if line.strip())


def quotes_source(passage: str, source: str, min_piece: int = 12, max_gap: int = 1200) -> bool:
    """Whether ``passage`` reproduces consecutive text of ``source``.

    Compared on letters and digits only. The passage may skip page furniture of the source
    (a footnote or running header inside a sentence): it is matched as consecutive pieces of
    at least ``min_piece`` characters, each starting at most ``max_gap`` characters after the
    previous one.
    """
    wanted, haystack = letters_only(passage), letters_only(source)
    position, end = 0, len(haystack)
    while wanted:
        window = haystack[position:end]
        found = _longest_prefix_in(wanted, window)
        if found < min(min_piece, len(wanted)):
            return False
        position += window.find(wanted[:found]) + found
        wanted = wanted[found:]
        end = position + max_gap + len(wanted)
    return True


def _longest_prefix_in(wanted: str, window: str) -> int:
    """Length of the longest prefix of ``wanted`` that occurs in ``window``."""
    low, high = 0, len(wanted)
    while low < high:
        middle = (low + high + 1) // 2
        if wanted[:middle] in window:
            low = middle
        else:
            high = middle - 1
    return low
