"""Freezing what a server loaded at start: a full collection no longer walks it."""

import asyncio
import gc
import logging
import weakref

import pytest

from channels import heap


class _Node:
    """An object the garbage collector tracks, that can hold a cycle."""

    def __init__(self) -> None:
        self.other = None


@pytest.fixture
def unfrozen_afterwards():
    """Give the test run its collector back as it was."""
    yield
    gc.unfreeze()


def test_objects_alive_at_the_freeze_are_left_out_of_collections(unfrozen_afterwards):
    kept = _Node()
    assert any(obj is kept for obj in gc.get_objects())
    count = heap.freeze_loaded_objects()
    assert count == gc.get_freeze_count() > 0
    assert not any(obj is kept for obj in gc.get_objects())
    made_later = _Node()
    assert any(obj is made_later for obj in gc.get_objects())


def test_garbage_that_exists_at_the_freeze_is_collected_first(unfrozen_afterwards):
    first, second = _Node(), _Node()
    first.other, second.other = second, first  # a cycle: only a collection frees it
    gone = weakref.ref(first)
    del first, second
    heap.freeze_loaded_objects()
    assert gone() is None


def test_the_listener_freezes_and_logs_only_the_count(monkeypatch, caplog):
    caplog.set_level(logging.INFO, logger="channels.heap")
    monkeypatch.setattr(heap, "freeze_loaded_objects", lambda: 560761)
    asyncio.run(heap.freeze_after_start(None, None))
    assert [(r.name, r.getMessage()) for r in caplog.records] == [
        ("channels.heap", "Objects loaded at start, left out of garbage collections from now "
                          "on: 560761")]
