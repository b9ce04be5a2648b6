"""Making a draft for a conversation: render it, store it, and say in the chat where it is."""

import hashlib
import json
from dataclasses import dataclass
from datetime import date
from typing import Any, Dict, Mapping

from bot.draft.addendum import build_addendum
from bot.draft.document import Draft, build_draft
from bot.draft.markdown import to_markdown
from bot.draft.store import DraftStore
from bot.draft.word import to_docx
from bot.interview.catalogue import (
    COMPLETION_SLOT, SIGNATORIES_KEY, addendum_topics, load_catalogue,
)
from bot.interview.flow import parties
from bot.interview.review import MISSING, OPEN, completeness
from bot.text_markup import escape_markdown

DOWNLOAD_PATH = "/drafts"


@dataclass(frozen=True)
class DraftLinks:
    """Where a stored draft can be downloaded."""

    token: str
    docx: str
    markdown: str

    def payload(self) -> Dict[str, Any]:
        """What the chat widget reads to show download buttons."""
        return {"draft": {"token": self.token, "docx": self.docx, "markdown": self.markdown}}


def answers_of(slots: Mapping[str, Any]) -> Dict[str, Any]:
    """Only the interview's answers (and what it completes), out of everything a conversation holds."""
    keys = load_catalogue().keys + [SIGNATORIES_KEY, COMPLETION_SLOT]
    return {key: slots.get(key) for key in keys}


def fingerprint(answers: Mapping[str, Any]) -> str:
    """A short digest of the answers, to tell whether a stored draft is still current."""
    encoded = json.dumps(answers_of(answers), sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(encoded.encode("utf-8")).hexdigest()[:32]


def download_name(answers: Mapping[str, Any], generated_on: date) -> str:
    """The file name stem: "concept-samenwerkingsovereenkomst-2026-11-23" (no user text)."""
    kind = "interne-regeling" if answers.get("same_authority") is True else "samenwerkingsovereenkomst"
    if addendum_topics(answers) is not None:
        kind = f"aanvulling-{kind}"
    return f"concept-{kind}-{generated_on.isoformat()}"


def links_for(token: str, bot_url: str) -> DraftLinks:
    """The download addresses of a stored draft."""
    base = f"{bot_url.rstrip('/')}{DOWNLOAD_PATH}/{token}"
    return DraftLinks(token, f"{base}/docx", f"{base}/md")


def store_draft(
    answers: Mapping[str, Any], conversation_id: str, store: DraftStore, generated_on: date,
) -> str:
    """Render the draft in Word and Markdown, store both, and return the new token."""
    build = build_addendum if addendum_topics(answers) is not None else build_draft
    draft: Draft = build(answers_of(answers), generated_on)
    files = {"docx": to_docx(draft), "md": to_markdown(draft).encode("utf-8")}
    return store.save(conversation_id, files, download_name(answers, generated_on))


def summary_text(answers: Mapping[str, Any]) -> str:
    """The chat message that hands over a draft: what it is and what is open. The links travel
    once, in the message's payload (``DraftLinks.payload``), which the widget shows as buttons."""
    internal = answers.get("same_authority") is True
    draft_kind = "interne regeling van" if internal else "samenwerkingsovereenkomst tussen"
    added = addendum_topics(answers)
    if added is not None:
        draft_kind = "aanvulling op de " + draft_kind
    named = [escape_markdown(name) for _side, name in parties(answers)]
    names = named[0] if len(named) == 1 else f"{', '.join(named[:-1])} en {named[-1]}"
    statuses = [s for s in completeness(answers) if added is None or s.topic in added]
    gaps = [status.topic for status in statuses if status.status in (OPEN, MISSING)]
    covered = len(statuses) - len(gaps)
    if gaps:
        state = (
            f"{covered} van de {len(statuses)} wettelijk verplichte onderwerpen zijn ingevuld; "
            f"nog open: {', '.join(gaps)}. Open plekken staan in het document als "
            "[nog in te vullen]."
        )
    elif added is not None:
        state = f"Alle onderwerpen van de aanvulling ({', '.join(added)}) zijn ingevuld."
    else:
        state = "Alle wettelijk verplichte onderwerpen (a tot en met j) zijn ingevuld."
    return (
        f"**Uw concept staat klaar.** Het is een {draft_kind} {names}.\n\n"
        f"{escape_markdown(state)}\n\n"
        "Download het concept als Word-bestand met de knop hieronder en maak het met uw "
        "collega's af; met 'Bekijk de tekst' leest u het eerst in de browser. Wilt u nog iets wijzigen? "
        "Typ bijvoorbeeld 'wijzig artikel 5'; daarna maak ik een nieuwe versie."
    )
