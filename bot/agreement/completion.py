"""Offering to complete a checked agreement: its answers kept until the user goes on with them.

After a check, the answers the document gives (``bot.agreement.prefill``) are stored under a
random token, for the conversation that asked for the check, with a draft's retention; the
document itself never is. The chat's buttons carry the token; "aanvullen" typed later finds the
conversation's newest one.
"""

import json
from datetime import datetime
from pathlib import Path
from typing import Any, Dict, List, Optional

from bot.agreement import messages
from bot.agreement.check import CheckResult
from bot.agreement.prefill import Prefill
from bot.draft.store import DraftFormat, DraftStore
from bot.interview.catalogue import ADDENDUM_MODE
from bot.settings import Settings

COMPLETE_INTENT = "complete_agreement"
DECLINE_INTENT = "decline_completion"
TOKEN_ENTITY, MODE_ENTITY = "completion", "completion_mode"
ADDENDUM, NEW_DRAFT = ADDENDUM_MODE, "draft"
MODES = (ADDENDUM, NEW_DRAFT)
# Stored as JSON in a file no route serves (not "json": the store's own record is draft.json).
ANSWERS = "answers"
FORMATS = {ANSWERS: DraftFormat(ANSWERS, "application/json", "attachment")}
NAME = "antwoorden-uit-overeenkomst"


def completion_store(root: Path, retention_days: float, per_conversation: int) -> DraftStore:
    """The store of answers taken from checked agreements."""
    return DraftStore(root, retention_days, per_conversation, formats=FORMATS)


def completion_store_for(settings: Settings) -> DraftStore:
    """The completion store these settings choose (folder, retention, drafts per conversation)."""
    return completion_store(settings.completions_dir, settings.draft_retention_days,
                            settings.drafts_per_conversation)


def store_prefill(result: CheckResult, conversation_id: str, store: DraftStore,
                  now: Optional[datetime] = None) -> Optional[str]:
    """Keep the answers a checked document gives; ``None`` when no topic is to complete."""
    if not result.to_complete:
        return None
    data = json.dumps(result.prefill.as_json(), ensure_ascii=False).encode("utf-8")
    return store.save(conversation_id, {ANSWERS: data}, NAME, now)


def load_prefill(store: DraftStore, conversation_id: str, token: Optional[str] = None) -> Optional[Prefill]:
    """The conversation's stored answers: those under ``token``, else its newest."""
    token = token if token and store.belongs_to(token, conversation_id) else store.newest(conversation_id)
    found = store.find(token, ANSWERS) if token else None
    if found is None:
        return None
    return Prefill.from_json(json.loads(found.path.read_text(encoding="utf-8")))


_MODE_WORDS = {ADDENDUM: ("aanvulling", "addendum"), NEW_DRAFT: ("nieuwe", "volledige versie")}


def mode_in(text: str) -> Optional[str]:
    """The kind of document a typed message chooses ("als aanvulling", "een nieuwe versie")."""
    lowered = (text or "").lower()
    found = [mode for mode, words in _MODE_WORDS.items() if any(word in lowered for word in words)]
    return found[0] if len(found) == 1 else None


def _payload(token: str, mode: Optional[str] = None) -> str:
    entities: Dict[str, str] = {TOKEN_ENTITY: token}
    if mode:
        entities[MODE_ENTITY] = mode
    return f"/{COMPLETE_INTENT}{json.dumps(entities, separators=(',', ':'))}"


def offer_buttons(token: str) -> List[Dict[str, str]]:
    """The buttons under "Wilt u de ontbrekende onderwerpen nu aanvullen?"."""
    return [{"title": messages.COMPLETE_YES, "payload": _payload(token)},
            {"title": messages.COMPLETE_NO, "payload": f"/{DECLINE_INTENT}"}]


def mode_buttons(token: Optional[str]) -> List[Dict[str, str]]:
    """The buttons that choose an addendum or a new complete draft."""
    def payload(mode: str) -> str:
        return _payload(token, mode) if token else f'/{COMPLETE_INTENT}{{"{MODE_ENTITY}":"{mode}"}}'
    return [{"title": messages.COMPLETE_ADDENDUM, "payload": payload(ADDENDUM)},
            {"title": messages.COMPLETE_NEW_DRAFT, "payload": payload(NEW_DRAFT)}]


def offer(token: Optional[str]) -> Optional[Dict[str, Any]]:
    """The offer to complete, as the upload route returns it; ``None`` without stored answers."""
    if token is None:
        return None
    return {"token": token, "question": messages.OFFER_COMPLETION, "buttons": offer_buttons(token)}
