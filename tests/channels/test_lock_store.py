"""The lock store the workers of one machine share: Rasa lets it run several workers, and two
processes never hold one conversation's lock at the same moment."""

import asyncio
import sqlite3
import multiprocessing
import time
from pathlib import Path

import pytest
from rasa.core.lock_store import InMemoryLockStore, LockError, LockStore
from rasa.core.utils import number_of_sanic_workers
from rasa.utils.endpoints import EndpointConfig

from bot.settings import MACHINE_LOCK_STORE, Settings
from channels.lock_store import SQLiteLockStore


def _endpoint(path: Path) -> EndpointConfig:
    return EndpointConfig.from_dict({"type": MACHINE_LOCK_STORE, "db": str(path)})


def test_rasa_serves_several_workers_with_it_and_one_without(monkeypatch, tmp_path):
    # Rasa's own check: an upgrade that changes which lock stores allow workers fails here.
    monkeypatch.setenv("SANIC_WORKERS", "2")
    assert number_of_sanic_workers(_endpoint(tmp_path / "locks.db")) == 2
    assert number_of_sanic_workers(InMemoryLockStore()) == 1
    assert number_of_sanic_workers(None) == 1


def test_rasa_creates_it_from_the_endpoints_the_settings_write(tmp_path):
    settings = Settings(state_dir=tmp_path, rasa_workers=2)
    config = settings.server_endpoints()["lock_store"]
    store = LockStore.create(EndpointConfig.from_dict(config))
    assert isinstance(store, SQLiteLockStore) and store.path == tmp_path / "locks.db"
    assert "lock_store" not in Settings(state_dir=tmp_path, rasa_workers=1).server_endpoints()
    redis = Settings(state_dir=tmp_path, rasa_workers=2, lock_store_host="redis.intern")
    assert redis.server_endpoints()["lock_store"]["type"] == "redis"


async def test_tickets_are_served_in_order_and_removed(tmp_path):
    store = SQLiteLockStore(db=str(tmp_path / "locks.db"))
    first, second = store.issue_ticket("c"), store.issue_ticket("c")
    assert (first, second) == (0, 1)
    lock = store.get_lock("c")
    assert not lock.is_locked(first) and lock.is_locked(second)
    store.cleanup("c", first)
    assert not store.get_lock("c").is_locked(second)
    store.cleanup("c", second)
    assert store.get_lock("c") is None and not store.is_someone_waiting("c")


async def test_an_expired_ticket_no_longer_holds_the_lock(tmp_path):
    store = SQLiteLockStore(db=str(tmp_path / "locks.db"))
    store.issue_ticket("c", lock_lifetime=0.01)
    time.sleep(0.05)
    store.update_lock("c")
    async with store.lock("c", wait_time_in_seconds=0.01) as lock:
        assert lock.conversation_id == "c"


async def test_a_lock_is_saved_and_deleted_as_a_whole(tmp_path):
    store = SQLiteLockStore(db=str(tmp_path / "locks.db"))
    lock = store.create_lock("c")
    lock.issue_ticket(60)
    store.save_lock(lock)
    assert store.get_lock("c").last_issued == 0
    store.delete_lock("c")
    assert store.get_lock("c") is None


def test_a_broken_database_is_a_lock_error(tmp_path):
    store = SQLiteLockStore(db=str(tmp_path / "locks.db"))
    (tmp_path / "locks.db").unlink()
    (tmp_path / "locks.db").mkdir()
    with pytest.raises(LockError, match="(?s)^Error while acquiring lock. Error:\n.+"):
        store.issue_ticket("c")


def test_the_folders_of_a_new_state_directory_are_made(tmp_path):
    store = SQLiteLockStore(db=str(tmp_path / "state" / "locks" / "locks.db"))
    assert store.issue_ticket("c") == 0
    assert (tmp_path / "state" / "locks" / "locks.db").is_file()


def _hold_the_lock(path: str, name: str, rounds: int, log: str) -> None:
    async def run() -> None:
        store = SQLiteLockStore(db=path)
        for _ in range(rounds):
            async with store.lock("gedeeld", wait_time_in_seconds=0.001):
                with open(log, "a") as out:
                    out.write(f"start {name}\n")
                await asyncio.sleep(0.002)
                with open(log, "a") as out:
                    out.write(f"end {name}\n")

    asyncio.run(run())


def test_two_processes_never_hold_one_conversation_at_once(tmp_path):
    log = tmp_path / "log.txt"
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_hold_the_lock, args=(str(tmp_path / "locks.db"), name, 15, str(log)))
               for name in ("a", "b")]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=120)
        assert worker.exitcode == 0
    lines = log.read_text().splitlines()
    assert len(lines) == 60
    for start, end in zip(lines[::2], lines[1::2]):
        assert start.startswith("start") and end == "end" + start[len("start"):]


class _RefusingConnection:
    """A SQLite connection that refuses the change to write-ahead mode a few times, as SQLite
    does at once (without waiting) while another worker changes it."""

    def __init__(self, connection, refusals):
        self._connection, self._refusals = connection, refusals

    def execute(self, sql, *args):
        if sql.startswith("PRAGMA journal_mode") and self._refusals:
            self._refusals.pop()
            raise sqlite3.OperationalError("database is locked")
        return self._connection.execute(sql, *args)

    def __getattr__(self, name):
        return getattr(self._connection, name)


def _refusing(monkeypatch, times):
    from channels import lock_store

    refusals = [True] * times
    real_connect = sqlite3.connect
    monkeypatch.setattr(lock_store.sqlite3, "connect",
                        lambda *args, **kwargs: _RefusingConnection(real_connect(*args, **kwargs), refusals))
    monkeypatch.setattr(lock_store, "START_RETRY_SECONDS", 0.01)
    return refusals


def test_a_worker_starting_while_another_changes_the_file_s_mode_tries_again(tmp_path, monkeypatch):
    connect = sqlite3.connect
    refusals = _refusing(monkeypatch, 3)
    store = SQLiteLockStore(db=str(tmp_path / "locks.db"))
    assert refusals == [] and store.issue_ticket("c") == 0
    with connect(tmp_path / "locks.db") as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_file_that_stays_refused_is_an_error_after_the_busy_timeout(tmp_path, monkeypatch):
    from channels import lock_store

    refusals = _refusing(monkeypatch, 1000)
    monkeypatch.setattr(lock_store, "BUSY_TIMEOUT_SECONDS", 1.0)
    monkeypatch.setattr(lock_store, "START_RETRY_SECONDS", 0.25)
    slept = []
    monkeypatch.setattr(lock_store.time, "sleep", slept.append)
    with pytest.raises(sqlite3.OperationalError, match="locked"):
        SQLiteLockStore(db=str(tmp_path / "locks.db"))
    # tried at once and after 0.25, 0.5, 0.75 and 1.0 seconds, then given up
    assert 1000 - len(refusals) == 5 and slept == [0.25] * 4
