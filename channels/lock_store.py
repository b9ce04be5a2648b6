"""A lock store that works across the processes of one machine, without Redis.

Rasa serves with one Sanic worker unless its lock store works across processes (Rasa's own
are in memory, per process, or Redis). ``SQLiteLockStore`` (a custom lock store, Rasa's
documented extension point) keeps Rasa's ticket locks in a SQLite file that every worker on
the machine opens: issuing a ticket, serving one and removing one are each a single
transaction, so two workers never handle one conversation at the same moment, in the order the
messages arrived. The locks are short-lived state, not history: the file may be deleted
whenever the server is stopped.
"""

import sqlite3
import time
from collections import deque
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator, Optional, Text

from rasa.core.lock import Ticket, TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, LockError, LockStore

DEFAULT_DB = "locks.db"
BUSY_TIMEOUT_SECONDS = 30
START_RETRY_SECONDS = 0.05


class SQLiteLockStore(LockStore):
    """Rasa's ticket locks in a SQLite file shared by the workers of one machine."""

    def __init__(self, endpoint_config: Any = None, db: Optional[Text] = None) -> None:
        kwargs = getattr(endpoint_config, "kwargs", None) or {}
        self.path = Path(db or kwargs.get("db") or DEFAULT_DB)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._write_ahead()
        with self._transaction() as connection:
            connection.execute(
                "CREATE TABLE IF NOT EXISTS tickets (conversation_id TEXT NOT NULL, "
                "number INTEGER NOT NULL, expires REAL NOT NULL, "
                "PRIMARY KEY (conversation_id, number))")

    def _write_ahead(self) -> None:
        """Put the file in write-ahead mode (it stays so). The workers start together, and
        SQLite refuses the change at once, without waiting, while another one makes it."""
        waited = 0.0
        while True:
            connection = sqlite3.connect(self.path)  # the loop below is its busy timeout
            try:
                connection.execute("PRAGMA journal_mode=WAL")
                return
            except sqlite3.OperationalError:
                if waited >= BUSY_TIMEOUT_SECONDS:
                    raise
            finally:
                connection.close()
            time.sleep(START_RETRY_SECONDS)
            waited += START_RETRY_SECONDS

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, taken at once (BEGIN IMMEDIATE), committed on success."""
        connection = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None)
        try:
            connection.execute("PRAGMA synchronous=OFF")
            connection.execute("BEGIN IMMEDIATE")
            try:
                yield connection
            except BaseException:
                connection.execute("ROLLBACK")
                raise
            connection.execute("COMMIT")
        finally:
            connection.close()

    def get_lock(self, conversation_id: Text) -> Optional[TicketLock]:
        """The conversation's lock with its tickets that have not expired, if any."""
        with self._transaction() as connection:
            rows = connection.execute(
                "SELECT number, expires FROM tickets WHERE conversation_id = ? AND expires >= ? "
                "ORDER BY number", (conversation_id, time.time())).fetchall()
        if not rows:
            return None
        return TicketLock(conversation_id, deque(Ticket(number, expires) for number, expires in rows))

    def delete_lock(self, conversation_id: Text) -> None:
        """Remove every ticket of the conversation."""
        with self._transaction() as connection:
            connection.execute("DELETE FROM tickets WHERE conversation_id = ?", (conversation_id,))

    def save_lock(self, lock: TicketLock) -> None:
        """Replace the conversation's tickets with the lock's."""
        with self._transaction() as connection:
            connection.execute("DELETE FROM tickets WHERE conversation_id = ?", (lock.conversation_id,))
            connection.executemany(
                "INSERT INTO tickets (conversation_id, number, expires) VALUES (?, ?, ?)",
                [(lock.conversation_id, t.number, t.expires) for t in lock.tickets])

    def issue_ticket(self, conversation_id: Text, lock_lifetime: float = LOCK_LIFETIME) -> int:
        """The next ticket of the conversation, issued atomically across processes."""
        try:
            with self._transaction() as connection:
                now = time.time()
                connection.execute("DELETE FROM tickets WHERE conversation_id = ? AND expires < ?",
                                   (conversation_id, now))
                (last,) = connection.execute(
                    "SELECT MAX(number) FROM tickets WHERE conversation_id = ?",
                    (conversation_id,)).fetchone()
                number = 0 if last is None else last + 1
                connection.execute(
                    "INSERT INTO tickets (conversation_id, number, expires) VALUES (?, ?, ?)",
                    (conversation_id, number, now + lock_lifetime))
            return number
        except sqlite3.Error as error:
            raise LockError(f"Error while acquiring lock. Error:\n{error}") from error

    def update_lock(self, conversation_id: Text) -> None:
        """Remove the conversation's expired tickets."""
        with self._transaction() as connection:
            connection.execute("DELETE FROM tickets WHERE conversation_id = ? AND expires < ?",
                               (conversation_id, time.time()))

    def finish_serving(self, conversation_id: Text, ticket_number: int) -> None:
        """Remove one ticket."""
        with self._transaction() as connection:
            connection.execute("DELETE FROM tickets WHERE conversation_id = ? AND number = ?",
                               (conversation_id, ticket_number))

    def cleanup(self, conversation_id: Text, ticket_number: int) -> None:
        """Remove the ticket; the lock is gone when it was the last one."""
        self.finish_serving(conversation_id, ticket_number)
