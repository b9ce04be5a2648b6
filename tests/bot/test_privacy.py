"""Deleting a conversation and its drafts on request, against a real Rasa SQL tracker store."""

from datetime import datetime, timedelta, timezone

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.draft.store import DraftStore
from bot.privacy import expire_drafts, forget_conversation, main
from bot.settings import Settings

FILES = {"docx": b"PK", "md": b"# x"}


async def _store_conversation(settings, sender):
    store = SQLTrackerStore(Domain.empty(), dialect="sqlite", db=settings.tracker_db)
    tracker = DialogueStateTracker.from_events(
        sender, [UserUttered("Stichting Geheim"), SlotSet("vmbo_parties", ["Stichting Geheim"])]
    )
    await store.save(tracker)
    return store


async def test_forgetting_deletes_the_conversation_and_its_drafts_only(tmp_path):
    settings = Settings.from_environment({"ASSISTANT_STATE_DIR": str(tmp_path)})
    store = await _store_conversation(settings, "te-vergeten")
    await _store_conversation(settings, "blijft")
    drafts = DraftStore(settings.drafts_dir)
    mine, other = drafts.save("te-vergeten", FILES, "c"), drafts.save("blijft", FILES, "c")
    assert forget_conversation("te-vergeten", settings) == {"events": 2, "drafts": 1}
    assert await store.retrieve("te-vergeten") is None
    assert len((await store.retrieve("blijft")).events) == 2
    assert drafts.find(mine, "docx") is None and drafts.find(other, "docx") is not None


def test_forgetting_without_a_database_yet_deletes_drafts(tmp_path):
    settings = Settings.from_environment({"ASSISTANT_STATE_DIR": str(tmp_path)})
    DraftStore(settings.drafts_dir).save("iemand", FILES, "c")
    assert forget_conversation("iemand", settings) == {"events": 0, "drafts": 1}


def test_expiry_deletes_old_drafts(tmp_path):
    settings = Settings.from_environment({"ASSISTANT_STATE_DIR": str(tmp_path), "DRAFT_RETENTION_DAYS": "7"})
    drafts = DraftStore(settings.drafts_dir)
    drafts.save("a", FILES, "c", now=datetime.now(timezone.utc) - timedelta(days=8))
    drafts.save("a", FILES, "c")
    assert expire_drafts(settings) == 1 and len(drafts.tokens()) == 1


def test_the_command_needs_a_conversation_id(capsys):
    assert main(["forget"]) == 2 and main(["forget", " "]) == 2
    assert "make forget" in capsys.readouterr().err
