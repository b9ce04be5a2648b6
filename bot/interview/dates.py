"""Dutch dates: reading what users type and writing them the Dutch way."""

import re
from datetime import date
from typing import Optional

MONTHS = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)
_NUMERIC = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_WRITTEN = re.compile(r"^(\d{1,2})\s+([a-z]+)\.?\s+(\d{4})$")


def _month_number(word: str) -> Optional[int]:
    for number, name in enumerate(MONTHS, start=1):
        if len(word) >= 3 and name.startswith(word):
            return number
    return None


def parse_dutch_date(text: str) -> Optional[date]:
    """A date from "1 september 2025", "1 sept 2025", "01-09-2025", "1/9/2025" or "2025-09-01"."""
    cleaned = " ".join(text.lower().strip().rstrip(".").split())
    try:
        if match := _NUMERIC.match(cleaned):
            day, month, year = (int(part) for part in match.groups())
            return date(year, month, day)
        if match := _ISO.match(cleaned):
            year, month, day = (int(part) for part in match.groups())
            return date(year, month, day)
        if match := _WRITTEN.match(cleaned):
            month = _month_number(match.group(2))
            if month is not None:
                return date(int(match.group(3)), month, int(match.group(1)))
    except ValueError:
        return None
    return None


_ANYWHERE = re.compile(
    r"\b(\d{1,2}[-/.]\d{1,2}[-/.]\d{4}|\d{4}-\d{1,2}-\d{1,2}|\d{1,2}\s+[a-z]{3,}\.?\s+\d{4})\b"
)


def find_dutch_date(text: str) -> Optional[date]:
    """The first date written anywhere in a text ("ergens half juni, 15 juni 2025 denk ik")."""
    for match in _ANYWHERE.finditer(" ".join(text.lower().split())):
        found = parse_dutch_date(match.group(1))
        if found is not None:
            return found
    return None


def date_span(text: str) -> Optional[tuple]:
    """(start, end) of the first real date in ``text`` (as typed), or ``None``."""
    for match in _ANYWHERE.finditer(text.lower()):
        if parse_dutch_date(match.group(1)) is not None:
            return match.span(1)
    return None


# Words that name a time, and numbers: what a try at a date holds ("volgende week", "morgen").
_TIME = re.compile(
    r"\d|\b(vandaag|morgen|overmorgen|gisteren|dag|dagen|week|weken|maand|maanden|jaar|"
    r"maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|" + "|".join(MONTHS) + r")\b"
)


def names_a_time(text: str) -> bool:
    """Whether ``text`` names a time or holds a number, as a try at a date does."""
    return bool(_TIME.search(text.lower()))


def format_dutch_date(value: date) -> str:
    """The date as Dutch text: "1 september 2025"."""
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def completed_date(text: str, earlier: object) -> str:
    """"2 september" completed with the year of the earlier date answer ("1 september 2026")."""
    if parse_dutch_date(text) is not None or not isinstance(earlier, str):
        return text
    year = re.search(r"\b(\d{4})\s*$", earlier)
    return f"{text.strip()} {year.group(1)}" if year else text
