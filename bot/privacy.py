"""Deleting what the assistant keeps about a conversation, on request (AVG/GDPR), and by age.

    python -m bot.privacy forget <conversation id>    (or: make forget CONVERSATION=<id>)
    python -m bot.privacy expire                      (or: make expire-drafts)
"""

import json
import os
import sys
from typing import List, Optional

import sqlalchemy

from bot.draft.store import DraftStore
from bot.feedback.store import ReportStore
from bot.settings import Settings

EVENTS_TABLE = "events"
# The state at each turn that the bounded tracker store keeps beside the events (it holds slots).
CHECKPOINTS_TABLE = "tracker_checkpoints"
# The slot holding the token of a conversation's interview in the report data.
REPORT_INTERVIEW_SLOT = "report_interview"


def tracker_database_url(settings: Settings) -> sqlalchemy.engine.URL:
    """The address of the conversation database the settings choose."""
    if settings.tracker_db_dialect == "sqlite":
        return sqlalchemy.engine.URL.create("sqlite", database=settings.tracker_db)
    return sqlalchemy.engine.URL.create(
        settings.tracker_db_dialect,
        username=settings.tracker_db_user or None,
        password=os.environ.get("TRACKER_DB_PASSWORD") or None,
        host=settings.tracker_db_host or None,
        port=settings.tracker_db_port or None,
        database=settings.tracker_db,
    )


def _texts_and_interviews(rows) -> tuple:
    """What a conversation's stored events left in the report data: the texts it typed and the
    tokens of its interviews."""
    texts, tokens = [], []
    for type_name, data in rows:
        try:
            event = json.loads(data)
        except (TypeError, ValueError):  # no data, or not JSON
            continue
        if type_name == "user" and event.get("text"):
            texts.append(str(event["text"]))
        elif type_name == "slot" and event.get("name") == REPORT_INTERVIEW_SLOT and event.get("value"):
            tokens.append(str(event["value"]))
    return texts, tokens


def forget_conversation(conversation_id: str, settings: Optional[Settings] = None) -> dict:
    """Delete every stored event of a conversation (and the bounded store's checkpoints), all
    its drafts, the reports of the agreements it had checked and the answers taken from them,
    and what it left in the report data (the texts it typed, its
    interviews); returns the counts."""
    settings = settings or Settings.from_environment()
    drafts = DraftStore(settings.drafts_dir).delete_conversation(conversation_id)
    reports = DraftStore(settings.reports_dir).delete_conversation(conversation_id)
    answers = DraftStore(settings.completions_dir).delete_conversation(conversation_id)
    events = report_rows = 0
    engine = sqlalchemy.create_engine(tracker_database_url(settings))
    try:
        if sqlalchemy.inspect(engine).has_table(EVENTS_TABLE):
            with engine.begin() as connection:
                rows = connection.execute(
                    sqlalchemy.text(
                        f"SELECT type_name, data FROM {EVENTS_TABLE} WHERE sender_id = :sender"),
                    {"sender": conversation_id},
                ).fetchall()
                texts, tokens = _texts_and_interviews(rows)
                report_rows = ReportStore(settings.report_db).forget(texts, tokens)
                result = connection.execute(
                    sqlalchemy.text(f"DELETE FROM {EVENTS_TABLE} WHERE sender_id = :sender"),
                    {"sender": conversation_id},
                )
                events = result.rowcount
                if sqlalchemy.inspect(connection).has_table(CHECKPOINTS_TABLE):
                    connection.execute(
                        sqlalchemy.text(f"DELETE FROM {CHECKPOINTS_TABLE} WHERE sender_id = :sender"),
                        {"sender": conversation_id},
                    )
    finally:
        engine.dispose()
    return {"events": events, "drafts": drafts, "reports": reports, "agreement_answers": answers,
            "report_data": report_rows}


def expire_drafts(settings: Optional[Settings] = None) -> int:
    """Delete the drafts, the agreement reports and the answers taken from checked agreements
    older than the retention period; returns how many."""
    settings = settings or Settings.from_environment()
    folders = (settings.drafts_dir, settings.reports_dir, settings.completions_dir)
    return sum(DraftStore(folder).delete_older_than(settings.draft_retention_days) for folder in folders)


def expire_report_data(settings: Optional[Settings] = None) -> int:
    """Delete the report data older than REPORT_RETENTION_DAYS; returns how many rows."""
    settings = settings or Settings.from_environment()
    return ReportStore(settings.report_db).expire(settings.report_retention_days)


def main(argv: List[str]) -> int:
    if len(argv) == 2 and argv[0] == "forget" and argv[1].strip():
        counts = forget_conversation(argv[1])
        print(f"Deleted conversation {argv[1]!r}: {counts['events']} events, {counts['drafts']} drafts, "
              f"{counts['reports']} agreement reports, {counts['agreement_answers']} sets of answers taken "
              f"from agreements, {counts['report_data']} rows of report data.")
        return 0
    if argv == ["expire"]:
        settings = Settings.from_environment()
        print(f"Deleted {expire_drafts(settings)} drafts and reports older than {settings.draft_retention_days} days.")
        print(f"Deleted {expire_report_data(settings)} rows of report data older than "
              f"{settings.report_retention_days} days.")
        return 0
    print(__doc__.strip(), file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
