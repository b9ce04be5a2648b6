"""Deleting what the assistant keeps about a conversation, on request (AVG/GDPR), and by age.

    python -m bot.privacy forget <conversation id>    (or: make forget CONVERSATION=<id>)
    python -m bot.privacy expire                      (or: make expire-drafts)
"""

import os
import sys
from typing import List, Optional

import sqlalchemy

from bot.draft.store import DraftStore
from bot.settings import Settings

EVENTS_TABLE = "events"


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


def forget_conversation(conversation_id: str, settings: Optional[Settings] = None) -> dict:
    """Delete every stored event of a conversation, all its drafts and the reports of the
    agreements it had checked; returns the counts."""
    settings = settings or Settings.from_environment()
    drafts = DraftStore(settings.drafts_dir).delete_conversation(conversation_id)
    reports = DraftStore(settings.reports_dir).delete_conversation(conversation_id)
    events = 0
    engine = sqlalchemy.create_engine(tracker_database_url(settings))
    try:
        if sqlalchemy.inspect(engine).has_table(EVENTS_TABLE):
            with engine.begin() as connection:
                result = connection.execute(
                    sqlalchemy.text(f"DELETE FROM {EVENTS_TABLE} WHERE sender_id = :sender"),
                    {"sender": conversation_id},
                )
                events = result.rowcount
    finally:
        engine.dispose()
    return {"events": events, "drafts": drafts, "reports": reports}


def expire_drafts(settings: Optional[Settings] = None) -> int:
    """Delete the drafts and agreement reports older than the retention period; returns how many."""
    settings = settings or Settings.from_environment()
    return sum(DraftStore(folder).delete_older_than(settings.draft_retention_days)
               for folder in (settings.drafts_dir, settings.reports_dir))


def main(argv: List[str]) -> int:
    if len(argv) == 2 and argv[0] == "forget" and argv[1].strip():
        counts = forget_conversation(argv[1])
        print(f"Deleted conversation {argv[1]!r}: {counts['events']} events, {counts['drafts']} drafts, "
              f"{counts['reports']} agreement reports.")
        return 0
    if argv == ["expire"]:
        settings = Settings.from_environment()
        print(f"Deleted {expire_drafts(settings)} drafts and reports older than {settings.draft_retention_days} days.")
        return 0
    print(__doc__.strip(), file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
