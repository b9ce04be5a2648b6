"""Deleting a conversation and its drafts on request, against a real Rasa SQL tracker store."""

import asyncio
from datetime import date, datetime, timedelta, timezone

import sqlalchemy

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.draft.store import DraftStore
from bot.feedback import store as kinds
from bot.feedback.store import ReportStore
from bot import privacy
from bot.privacy import (
    expire_drafts, expire_report_data, forget_conversation, main, tracker_database_url,
)
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
    reports = DraftStore(settings.reports_dir)
    my_report, other_report = reports.save("te-vergeten", FILES, "r"), reports.save("blijft", FILES, "r")
    assert forget_conversation("te-vergeten", settings) == {"events": 2, "drafts": 1, "reports": 1,
                                                         "agreement_answers": 0, "report_data": 0}
    assert reports.find(my_report, "md") is None and reports.find(other_report, "md") is not None
    assert await store.retrieve("te-vergeten") is None
    assert len((await store.retrieve("blijft")).events) == 2
    assert drafts.find(mine, "docx") is None and drafts.find(other, "docx") is not None


def test_forgetting_without_a_database_yet_deletes_drafts(tmp_path):
    settings = Settings.from_environment({"ASSISTANT_STATE_DIR": str(tmp_path)})
    DraftStore(settings.drafts_dir).save("iemand", FILES, "c")
    assert forget_conversation("iemand", settings) == {"events": 0, "drafts": 1, "reports": 0,
                                                   "agreement_answers": 0, "report_data": 0}


def test_expiry_deletes_old_drafts(tmp_path):
    settings = Settings.from_environment({"ASSISTANT_STATE_DIR": str(tmp_path), "DRAFT_RETENTION_DAYS": "7"})
    drafts = DraftStore(settings.drafts_dir)
    drafts.save("a", FILES, "c", now=datetime.now(timezone.utc) - timedelta(days=8))
    drafts.save("a", FILES, "c")
    reports = DraftStore(settings.reports_dir)
    reports.save("a", FILES, "r", now=datetime.now(timezone.utc) - timedelta(days=8))
    reports.save("a", FILES, "r")
    assert expire_drafts(settings) == 2 and len(drafts.tokens()) == 1 and len(reports.tokens()) == 1


def test_the_command_needs_a_conversation_id(capsys):
    assert main(["forget"]) == 2 and main(["forget", " "]) == 2
    assert "make forget" in capsys.readouterr().err


POSTGRES = {"TRACKER_DB_DIALECT": "postgresql", "TRACKER_DB": "assistant", "TRACKER_DB_HOST": "db.intern",
            "TRACKER_DB_PORT": "5432", "TRACKER_DB_USER": "bot"}


def test_the_postgresql_address_takes_the_password_from_the_environment_only(tmp_path, monkeypatch):
    monkeypatch.setenv("TRACKER_DB_PASSWORD", "geheim")
    settings = Settings.from_environment({**POSTGRES, "ASSISTANT_STATE_DIR": str(tmp_path)})
    url = tracker_database_url(settings)
    assert (url.drivername, url.username, url.password, url.host, url.port, url.database) == (
        "postgresql", "bot", "geheim", "db.intern", 5432, "assistant")
    monkeypatch.delenv("TRACKER_DB_PASSWORD")
    bare = Settings.from_environment({"TRACKER_DB_DIALECT": "postgresql", "TRACKER_DB": "assistant"})
    url = tracker_database_url(bare)
    assert (url.username, url.password, url.host, url.port) == (None, None, None, None)


def test_forgetting_on_postgresql_deletes_from_that_database(tmp_path, monkeypatch):
    """The PostgreSQL path, run on an SQLite stand-in for the server: same SQL, same counts."""
    stand_in = tmp_path / "stand-in.db"
    sqlite_settings = Settings.from_environment({"TRACKER_DB": str(stand_in)})
    opened, real_create_engine = [], sqlalchemy.create_engine

    def create_engine(url):
        opened.append(url)
        return real_create_engine(tracker_database_url(sqlite_settings))

    async def fill():
        await _store_conversation(sqlite_settings, "te-vergeten")
        await _store_conversation(sqlite_settings, "blijft")

    asyncio.run(fill())
    monkeypatch.setattr(privacy.sqlalchemy, "create_engine", create_engine)
    settings = Settings.from_environment({**POSTGRES, "ASSISTANT_STATE_DIR": str(tmp_path)})
    assert forget_conversation("te-vergeten", settings) == {
        "events": 2, "drafts": 0, "reports": 0, "agreement_answers": 0, "report_data": 0}
    assert [url.drivername for url in opened] == ["postgresql"]
    assert opened[0].host == "db.intern" and opened[0].database == "assistant"
    monkeypatch.undo()
    assert forget_conversation("blijft", sqlite_settings)["events"] == 2


def test_the_commands_report_what_they_deleted(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("ASSISTANT_STATE_DIR", str(tmp_path))
    monkeypatch.setenv("DRAFT_RETENTION_DAYS", "7")
    settings = Settings.from_environment()
    DraftStore(settings.drafts_dir).save("iemand", FILES, "c")
    DraftStore(settings.drafts_dir).save("a", FILES, "c", now=datetime.now(timezone.utc) - timedelta(days=8))
    assert main(["forget", "iemand"]) == 0
    assert main(["expire"]) == 0
    assert main(["expire", "nu"]) == 2
    output = capsys.readouterr().out.splitlines()
    assert output == [
        "Deleted conversation 'iemand': 0 events, 1 drafts, 0 agreement reports, "
        "0 sets of answers taken from agreements, 0 rows of report data.",
        "Deleted 1 drafts and reports older than 7 days.",
        "Deleted 0 rows of report data older than 90 days."]


async def test_forgetting_blanks_the_conversations_texts_in_the_report_data(tmp_path):
    settings = Settings.from_environment({"ASSISTANT_STATE_DIR": str(tmp_path)})
    report = ReportStore(settings.report_db)
    mine, other = report.start_interview(), report.start_interview()
    tracker_store = SQLTrackerStore(Domain.empty(), dialect="sqlite", db=settings.tracker_db)
    await tracker_store.save(DialogueStateTracker.from_events("te-vergeten", [
        UserUttered("Mag meneer Jansen tekenen?"), SlotSet("report_interview", mine),
        UserUttered("nee"), UserUttered("Jansen weet het beter")]))
    await tracker_store.save(DialogueStateTracker.from_events("blijft", [
        UserUttered("Wat kost het?"), SlotSet("report_interview", other)]))
    report.record(kinds.UNANSWERED, question="Mag meneer Jansen tekenen?")
    report.record(kinds.NOT_HELPFUL, answer="a", question="Wie tekent?", remark="Jansen weet het beter")
    report.record(kinds.UNANSWERED, question="Wat kost het?")
    counts = forget_conversation("te-vergeten", settings)
    assert counts["events"] == 4 and counts["report_data"] == 3
    events = report.events(date.min, date.max)
    assert [(e.question, e.remark) for e in events] == [
        (None, None), (None, None), ("Wat kost het?", None)]
    assert len(report.interviews(date.min, date.max)) == 1


def test_report_data_expires_after_its_own_retention(tmp_path):
    settings = Settings.from_environment(
        {"ASSISTANT_STATE_DIR": str(tmp_path), "REPORT_RETENTION_DAYS": "10"})
    report = ReportStore(settings.report_db)
    report.record(kinds.CONVERSATION, day=date.today() - timedelta(days=11))
    report.record(kinds.CONVERSATION, day=date.today() - timedelta(days=9))
    assert expire_report_data(settings) == 1
    assert len(report.events(date.min, date.max)) == 1


def test_a_conversation_s_typed_texts_and_interviews_are_read_from_its_events():
    rows = [
        ("user", "geen JSON"), ("user", None), ("user", '{"text": "Wie tekent?"}'), ("user", '{"text": ""}'),
        ("bot", '{"text": "Het bevoegd gezag."}'),
        ("slot", '{"name": "report_interview", "value": "token-1"}'),
        ("slot", '{"name": "vmbo_parties", "value": "Stichting Geheim"}'),
        ("slot", '{"name": "report_interview", "value": null}'),
        ("user", '{"text": "En voor een AOC?"}'),
    ]
    assert privacy._texts_and_interviews(rows) == (["Wie tekent?", "En voor een AOC?"], ["token-1"])


def test_the_sqlite_address_holds_no_password_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("TRACKER_DB_PASSWORD", "geheim")
    settings = Settings.from_environment({"ASSISTANT_STATE_DIR": str(tmp_path), "TRACKER_DB_HOST": "db.intern"})
    url = tracker_database_url(settings)
    assert (url.drivername, url.password, url.host, url.database) == ("sqlite", None, None, settings.tracker_db)
