"""Which steps a user means when asking to change an answer ("wijzig artikel 5")."""

import re
from typing import Any, List, Mapping, Optional

from bot.interview.catalogue import PARTIES, SIGNATORIES_KEY, SIGNATORY_KEY, Catalogue, load_catalogue
from bot.user_text import fold

# "artikel 3a", "art. 5", or a message that is only a clause number ("3a").
_CLAUSE_NUMBER = re.compile(
    r"(?:\bartikel|\bart\.?|^)\s*(10|[1-9])\s*([abc])?\b"
    r"(?!\s*(?:jan|feb|maa|mrt|apr|mei|jun|jul|aug|sep|okt|nov|dec)[a-z]*\b)"
)
# Words that ask for a change. Without one, a message that mentions a clause ("op de locaties
# van ...") is an answer, not a change request.
_EDIT_CUE = re.compile(
    r"\b(wijzig\w*|aan te passen|aanpass\w*|pas\b.*\baan|verander\w*|klopt\b.*\bniet|"
    r"anders|herzie\w*|verkeerd|fout|corrigeer\w*|correctie|verbeter\w*|terug naar|bewerk\w*)\b"
)


# During the interview a longer message with "wijzigen" in it is an answer, not a change request.
MAX_EDIT_REQUEST_WORDS = 12


def _folded(text: str) -> str:
    return " ".join(fold(text).split())


def is_edit_request(text: str) -> bool:
    """Whether a message asks to change an answer, rather than giving one."""
    return text.startswith("/edit_clause") or bool(_EDIT_CUE.search(_folded(text)))


def steps_meant(reference: str, answers: Mapping[str, Any], catalogue: Optional[Catalogue] = None) -> List[str]:
    """The step keys a reference names, among the steps that are asked; empty if unclear."""
    catalogue = catalogue or load_catalogue()
    asked = [step for step in catalogue.applicable(answers)]
    text = _folded(reference)
    number = _CLAUSE_NUMBER.search(text)
    if number:
        # "artikel 4c" names the steps of 4c; "artikel 4" every step of clause 4.
        if number.group(2):
            exact = [s.key for s in asked if s.clause == number.group(1) + number.group(2)]
            if exact:
                return exact
        return [s.key for s in asked if s.clause and re.fullmatch(rf"{number.group(1)}[abc]?", s.clause)]
    matched = {}
    for s in asked:
        names = [_folded(alias) for alias in s.aliases] + [_folded(s.title)]
        lengths = [len(name) for name in names if re.search(rf"\b{re.escape(name)}\b", text)]
        if lengths:
            matched[s.key] = max(lengths)
    # The most specific name wins: "bevoegd gezag van de school" over "bevoegd gezag".
    longest = max(matched.values(), default=0)
    return [key for key, length in matched.items() if length == longest]


def keys_to_clear(keys: List[str], catalogue: Optional[Catalogue] = None) -> List[str]:
    """The slots to clear to ask these steps again, with the answers that depend on them."""
    catalogue = catalogue or load_catalogue()
    cleared = list(keys)
    for step in catalogue.steps:
        if any(slot in keys for slot in step.when) and step.key not in cleared:
            cleared.append(step.key)
    # Renaming a party keeps its signatory; a changed number of parties clears them when stored.
    if SIGNATORY_KEY in cleared or "same_authority" in cleared:
        cleared += [key for key in (SIGNATORY_KEY, SIGNATORIES_KEY) if key not in cleared]
    return cleared
