"""The report's data: what happened to questions and interviews, never who asked.

Privacy by design: a row holds the day (no time), what kind of thing happened and, where the
report needs it, the answer's key or the interview step. Only a question that got no answer or a
"nee" keeps its text (and the optional remark on that "nee"). There is no conversation id: an
interview is followed by a random token that the conversation holds in a slot, so ``forget``
can find its row through the conversation, and nothing here leads back to it. Rows older than
the retention period are deleted by ``expire``.
"""

import secrets
import sqlite3
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Iterable, Iterator, List, Optional, Tuple

# What a question led to. A question is counted once, by the first of these it gets.
ANSWERED = "answered"                # answered at once
CLARIFIED = "clarify_offered"        # "Bedoelt u ...?" offered
UNANSWERED = "unanswered"            # no answer (not in the sources, out of scope, no words)
# What followed a "Bedoelt u ...?": a question picked, or "Geen van deze" and a passage search.
ANSWERED_AFTER_CHOICE = "answered_after_choice"
UNANSWERED_AFTER_CHOICE = "unanswered_after_choice"
HELPFUL = "helpful"
NOT_HELPFUL = "not_helpful"
CONTACT_OFFERED = "contact_offered"
CONVERSATION = "conversation"
DRAFT = "draft"
QUESTION_KINDS = (ANSWERED, CLARIFIED, UNANSWERED)
KINDS = frozenset(QUESTION_KINDS + (
    ANSWERED_AFTER_CHOICE, UNANSWERED_AFTER_CHOICE, HELPFUL, NOT_HELPFUL, CONTACT_OFFERED,
    CONVERSATION, DRAFT,
))
# Only these keep the question's text; a remark only with NOT_HELPFUL.
KINDS_WITH_TEXT = frozenset({UNANSWERED, UNANSWERED_AFTER_CHOICE, NOT_HELPFUL})
MAX_TEXT = 300

_SCHEMA = """
CREATE TABLE IF NOT EXISTS events (
    id INTEGER PRIMARY KEY,
    day TEXT NOT NULL,
    kind TEXT NOT NULL,
    answer TEXT,
    question TEXT,
    remark TEXT
);
CREATE INDEX IF NOT EXISTS events_day ON events (day);
CREATE TABLE IF NOT EXISTS interviews (
    token TEXT PRIMARY KEY,
    started TEXT NOT NULL,
    last_step TEXT,
    steps INTEGER NOT NULL DEFAULT 0,
    finished TEXT
);
"""


@dataclass(frozen=True)
class Event:
    """One stored row of the report's data."""

    day: date
    kind: str
    answer: Optional[str] = None
    question: Optional[str] = None
    remark: Optional[str] = None


@dataclass(frozen=True)
class Interview:
    """One interview: when it started, the last question it reached, whether it was finished."""

    started: date
    last_step: Optional[str]
    steps: int
    finished: Optional[date]


def today() -> date:
    return datetime.now(timezone.utc).date()


def _short(text: Optional[str]) -> Optional[str]:
    """A stored text: trimmed, on one line, at most MAX_TEXT characters; empty is None."""
    if text is None:
        return None
    cleaned = " ".join(str(text).split())[:MAX_TEXT]
    return cleaned or None


class ReportStore:
    """The report's data in a SQLite file (``Settings.report_db``)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._connection: Optional[sqlite3.Connection] = None
        self._opened: Optional[Tuple[int, int]] = None
        self._lock = threading.Lock()

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        """The store's connection, one caller at a time. It stays open between calls: opening
        the file and closing it again cost more than a row. A file removed since is made
        again."""
        with self._lock:
            if self._connection is None or self._opened != self._file_id():
                self._open()
            assert self._connection is not None
            yield self._connection

    def _file_id(self) -> Optional[Tuple[int, int]]:
        try:
            status = self.path.stat()
        except FileNotFoundError:
            return None
        return status.st_dev, status.st_ino

    def _open(self) -> None:
        self.close()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(self.path, timeout=10, check_same_thread=False)
        # Write-ahead logging, synced at its checkpoints: a row survives the process being
        # killed; a power cut may lose the last rows of the counts, never the file.
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=NORMAL")
        connection.executescript(_SCHEMA)
        self._connection, self._opened = connection, self._file_id()

    def close(self) -> None:
        """Close the connection (the next call opens it again)."""
        if self._connection is not None:
            self._connection.close()
        self._connection, self._opened = None, None

    def record(
        self, kind: str, answer: Optional[str] = None, question: Optional[str] = None,
        remark: Optional[str] = None, day: Optional[date] = None,
    ) -> None:
        """Store one event; a question's text and a remark only where the kind allows them."""
        if kind not in KINDS:
            raise ValueError(f"unknown report event {kind!r}")
        if kind not in KINDS_WITH_TEXT:
            question = None
        if kind != NOT_HELPFUL:
            remark = None
        with self._connect() as connection, connection:
            connection.execute(
                "INSERT INTO events (day, kind, answer, question, remark) VALUES (?, ?, ?, ?, ?)",
                ((day or today()).isoformat(), kind, answer, _short(question), _short(remark)),
            )

    def add_remark(self, remark: str, question: Optional[str]) -> bool:
        """Add a remark to the newest "nee" on this question that has none; whether one was found."""
        text = _short(remark)
        if text is None:
            return False
        with self._connect() as connection, connection:
            row = connection.execute(
                "SELECT id FROM events WHERE kind = ? AND remark IS NULL AND question IS ? "
                "ORDER BY id DESC LIMIT 1", (NOT_HELPFUL, _short(question)),
            ).fetchone()
            if row is None:
                return False
            connection.execute("UPDATE events SET remark = ? WHERE id = ?", (text, row[0]))
            return True

    def start_interview(self, day: Optional[date] = None) -> str:
        """Note a new interview; returns its random token."""
        token = secrets.token_urlsafe(16)
        with self._connect() as connection, connection:
            connection.execute(
                "INSERT INTO interviews (token, started) VALUES (?, ?)",
                (token, (day or today()).isoformat()),
            )
        return token

    def reach_step(self, token: str, step: str) -> None:
        """Note the question an interview has reached."""
        with self._connect() as connection, connection:
            connection.execute(
                "UPDATE interviews SET last_step = ?, steps = steps + 1 "
                "WHERE token = ? AND finished IS NULL AND (last_step IS NULL OR last_step != ?)",
                (step, token, step),
            )

    def finish_interview(self, token: str, day: Optional[date] = None) -> None:
        """Note that an interview was finished (its review confirmed)."""
        with self._connect() as connection, connection:
            connection.execute(
                "UPDATE interviews SET finished = ? WHERE token = ? AND finished IS NULL",
                ((day or today()).isoformat(), token),
            )

    def events(self, start: date, end: date) -> List[Event]:
        """The events from ``start`` to ``end``, both included."""
        if not self.path.is_file():
            return []
        with self._connect() as connection:
            rows = connection.execute(
                "SELECT day, kind, answer, question, remark FROM events "
                "WHERE day >= ? AND day <= ? ORDER BY id", (start.isoformat(), end.isoformat()),
            ).fetchall()
        return [Event(date.fromisoformat(r[0]), r[1], r[2], r[3], r[4]) for r in rows]

    def interviews(self, start: date, end: date) -> List[Interview]:
        """The interviews started from ``start`` to ``end``, both included."""
        if not self.path.is_file():
            return []
        with self._connect() as connection:
            rows = connection.execute(
                "SELECT started, last_step, steps, finished FROM interviews "
                "WHERE started >= ? AND started <= ? ORDER BY rowid",
                (start.isoformat(), end.isoformat()),
            ).fetchall()
        return [Interview(date.fromisoformat(r[0]), r[1], r[2],
                          date.fromisoformat(r[3]) if r[3] else None) for r in rows]

    def forget(self, texts: Iterable[str], interview_tokens: Iterable[str]) -> int:
        """Remove what a conversation left: the question texts and remarks it typed (the counts
        stay, they name nobody) and its interviews; returns how many rows changed."""
        shortened = sorted({t for t in (_short(text) for text in texts) if t})
        tokens = sorted(set(interview_tokens))
        if not self.path.is_file() or not (shortened or tokens):
            return 0
        changed = 0
        with self._connect() as connection, connection:
            for text in shortened:
                changed += connection.execute(
                    "UPDATE events SET question = NULL, remark = NULL "
                    "WHERE question = ? OR remark = ?", (text, text)).rowcount
            for token in tokens:
                changed += connection.execute(
                    "DELETE FROM interviews WHERE token = ?", (token,)).rowcount
        return changed

    def expire(self, days: int, now: Optional[date] = None) -> int:
        """Delete everything from before the last ``days`` days; returns how many rows."""
        limit = ((now or today()) - timedelta(days=days)).isoformat()
        if not self.path.is_file():
            return 0
        with self._connect() as connection, connection:
            deleted = connection.execute("DELETE FROM events WHERE day < ?", (limit,)).rowcount
            deleted += connection.execute(
                "DELETE FROM interviews WHERE started < ?", (limit,)).rowcount
        return deleted
