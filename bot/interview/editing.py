"""Which steps a user means when asking to change an answer ("wijzig artikel 5")."""

import re
from typing import Any, List, Mapping, Optional

from bot.interview.catalogue import PARTIES, SIGNATORIES_KEY, SIGNATORY_KEY, Catalogue, load_catalogue
from bot.user_text import fold

_CLAUSE_NUMBER = re.compile(r"\b(10|[1-9])\s*([abc])?\b")
# Words that ask for a change. Without one, a message that mentions a clause ("op de locaties
# van ...") is an answer, not a change request.
_EDIT_CUE = re.compile(
    r"\b(wijzig\w*|aan te passen|aanpass\w*|pas\b.*\baan|verander\w*|klopt\b.*\bniet|"
    r"anders|herzie\w*|verkeerd|fout|corrigeer\w*|correctie|verbeter\w*|terug naar|bewerk\w*)\b"
)


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
        wanted = number.group(1) + (number.group(2) or "")
        exact = [s.key for s in asked if s.clause == wanted]
        if exact:
            return exact
        return [s.key for s in asked if s.clause and re.fullmatch(rf"{number.group(1)}[abc]?", s.clause)]
    by_alias = [
        s.key for s in asked
        if any(re.search(rf"\b{re.escape(_folded(alias))}\b", text) for alias in s.aliases)
        or _folded(s.title) in text
    ]
    return by_alias


def keys_to_clear(keys: List[str], catalogue: Optional[Catalogue] = None) -> List[str]:
    """The slots to clear to ask these steps again, with the answers that depend on them."""
    catalogue = catalogue or load_catalogue()
    cleared = list(keys)
    for step in catalogue.steps:
        if any(slot in keys for slot in step.when) and step.key not in cleared:
            cleared.append(step.key)
    if SIGNATORY_KEY in cleared or any(
        key in catalogue and catalogue.get(key).kind == PARTIES for key in cleared
    ) or "same_authority" in cleared:
        cleared += [key for key in (SIGNATORY_KEY, SIGNATORIES_KEY) if key not in cleared]
    return cleared
