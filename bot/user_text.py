"""Cleaning what a user types before the assistant reads it.

The cleaned text is only what the language model reads; nothing here changes what is stored
or shown, and no user text is ever interpreted as markup or code.
"""

import re
import unicodedata

MAX_CHARS_READ = 2000
_CONTROL = re.compile(r"[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
_WHITESPACE = re.compile(r"\s+")


def clean_for_reading(text: str, max_chars: int = MAX_CHARS_READ) -> str:
    """Normalise Unicode, drop control and direction characters, collapse white space, cut."""
    text = unicodedata.normalize("NFC", text or "")
    text = _CONTROL.sub(" ", text)
    text = _WHITESPACE.sub(" ", text).strip()
    return text[:max_chars]


def fold(text: str) -> str:
    """Lower case with accents removed, for comparing what people type ("één" == "een")."""
    decomposed = unicodedata.normalize("NFKD", (text or "").lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def has_words(text: str) -> bool:
    """Whether the text holds at least one letter or digit (not only emoji or punctuation)."""
    return any(ch.isalnum() for ch in text or "")
