"""The report's data: only what the report may show is kept, and it can be forgotten and expires."""

import sqlite3
from datetime import date

import pytest

from bot.feedback import store as kinds
from bot.feedback.store import MAX_TEXT, ReportStore

DAY = date(2025, 9, 15)


@pytest.fixture
def store(tmp_path):
    return ReportStore(tmp_path / "report.db")


def _columns(store):
    with sqlite3.connect(store.path) as connection:
        return {table: [row[1] for row in connection.execute(f"PRAGMA table_info({table})")]
                for table in ("events", "interviews")}


def test_no_column_can_hold_a_conversation_id(store):
    store.record(kinds.CONVERSATION, day=DAY)
    assert _columns(store) == {
        "events": ["id", "day", "kind", "answer", "question", "remark"],
        "interviews": ["token", "started", "last_step", "steps", "finished"],
    }


def test_a_question_text_is_kept_only_when_unanswered_or_not_helpful(store):
    store.record(kinds.ANSWERED, answer="teambevoegdheid", question="Wat is teambevoegdheid?", day=DAY)
    store.record(kinds.UNANSWERED, question="Hoeveel kost het?", day=DAY)
    store.record(kinds.HELPFUL, answer="teambevoegdheid", question="Wat is X?", remark="top", day=DAY)
    store.record(kinds.NOT_HELPFUL, answer="teambevoegdheid", question="Wat is Y?", remark="vaag",
                 day=DAY)
    events = store.events(DAY, DAY)
    assert [(e.kind, e.answer, e.question, e.remark) for e in events] == [
        (kinds.ANSWERED, "teambevoegdheid", None, None),
        (kinds.UNANSWERED, None, "Hoeveel kost het?", None),
        (kinds.HELPFUL, "teambevoegdheid", None, None),
        (kinds.NOT_HELPFUL, "teambevoegdheid", "Wat is Y?", "vaag"),
    ]


def test_texts_are_trimmed_to_one_short_line(store):
    store.record(kinds.UNANSWERED, question="  een\nvraag \t over  " + "x" * 400, day=DAY)
    [event] = store.events(DAY, DAY)
    assert event.question.startswith("een vraag over x")
    assert len(event.question) == MAX_TEXT


def test_an_unknown_kind_is_refused(store):
    with pytest.raises(ValueError, match="^unknown report event 'naam'$"):
        store.record("naam", day=DAY)


def test_a_remark_goes_to_the_newest_not_helpful_on_that_question(store):
    store.record(kinds.NOT_HELPFUL, answer="a", question="Vraag één?", day=DAY)
    store.record(kinds.NOT_HELPFUL, answer="b", question="Vraag twee?", day=DAY)
    assert store.add_remark("  te lang  ", "Vraag één?") is True
    assert store.add_remark("nog een", "Vraag één?") is False
    assert store.add_remark("   ", "Vraag twee?") is False
    assert [e.remark for e in store.events(DAY, DAY)] == ["te lang", None]


def test_the_period_includes_both_days(store):
    for day in (date(2025, 9, 1), date(2025, 9, 2), date(2025, 9, 3), date(2025, 9, 4)):
        store.record(kinds.CONVERSATION, day=day)
    assert [e.day.day for e in store.events(date(2025, 9, 2), date(2025, 9, 3))] == [2, 3]


def test_an_interview_keeps_only_its_last_step_and_whether_it_was_finished(store):
    first, second = store.start_interview(day=DAY), store.start_interview(day=DAY)
    assert first != second and len(first) >= 20
    for step in ("same_authority", "route_type", "route_type", "vmbo_parties"):
        store.reach_step(first, step)
    store.reach_step(second, "same_authority")
    store.finish_interview(second, day=DAY)
    store.reach_step(second, "route_type")  # after finishing, nothing changes
    [one, two] = store.interviews(DAY, DAY)
    assert (one.last_step, one.steps, one.finished) == ("vmbo_parties", 3, None)
    assert (two.last_step, two.steps, two.finished) == ("same_authority", 1, DAY)


def test_forgetting_blanks_the_texts_a_conversation_typed_and_deletes_its_interviews(store):
    store.record(kinds.UNANSWERED, question="Mag Jan de Vries tekenen?", day=DAY)
    store.record(kinds.UNANSWERED, question="Hoeveel kost het?", day=DAY)
    store.record(kinds.NOT_HELPFUL, question="Wat is X?", remark="bel Jan", day=DAY)
    mine, other = store.start_interview(day=DAY), store.start_interview(day=DAY)
    changed = store.forget(["Mag Jan de Vries  tekenen?", "bel Jan"], [mine])
    assert changed == 3
    assert [(e.kind, e.question, e.remark) for e in store.events(DAY, DAY)] == [
        (kinds.UNANSWERED, None, None), (kinds.UNANSWERED, "Hoeveel kost het?", None),
        (kinds.NOT_HELPFUL, None, None),
    ]
    assert len(store.interviews(DAY, DAY)) == 1
    store.reach_step(other, "route_type")
    assert store.interviews(DAY, DAY)[0].last_step == "route_type"


def test_forgetting_nothing_or_without_a_database_changes_nothing(store):
    assert store.forget(["x"], ["y"]) == 0
    assert not store.path.exists()
    store.record(kinds.UNANSWERED, question="x", day=DAY)
    assert store.forget([], []) == 0
    assert store.forget(["", "  "], []) == 0


def test_forgetting_only_texts_or_only_interviews(store):
    store.record(kinds.UNANSWERED, question="Mag Jan tekenen?", day=DAY)
    token = store.start_interview(day=DAY)
    assert store.forget([], [token]) == 1 and store.interviews(DAY, DAY) == []
    assert store.forget(["Mag Jan tekenen?"], []) == 1
    assert store.events(DAY, DAY)[0].question is None


def test_an_interview_token_carries_128_random_bits(store):
    tokens = {store.start_interview(day=DAY) for _ in range(3)}
    assert len(tokens) == 3 and {len(token) for token in tokens} == {22}


def test_the_folders_of_a_new_state_directory_are_made(tmp_path):
    nested = ReportStore(tmp_path / "state" / "report" / "report.db")
    nested.record(kinds.UNANSWERED, question="x", day=DAY)
    assert len(nested.events(DAY, DAY)) == 1


def test_the_store_is_used_from_the_action_server_s_worker_threads(store):
    from concurrent.futures import ThreadPoolExecutor

    store.record(kinds.UNANSWERED, question="eerst", day=DAY)
    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(store.record, kinds.UNANSWERED, None, "daarna", None, DAY).result()
    assert [e.question for e in store.events(DAY, DAY)] == ["eerst", "daarna"]


@pytest.mark.parametrize("zone", ["Etc/GMT-14", "Etc/GMT+12"])
def test_a_day_is_the_day_in_utc_whatever_the_machine_s_time_zone(monkeypatch, zone):
    import time
    from datetime import datetime, timezone

    monkeypatch.setenv("TZ", zone)
    time.tzset()
    try:
        # 26 hours apart: at any moment one of the two zones is on another day than UTC.
        assert kinds.today() == datetime.now(timezone.utc).date()
    finally:
        monkeypatch.undo()
        time.tzset()


def test_expiring_deletes_what_is_older_than_the_retention(store):
    store.record(kinds.UNANSWERED, question="oud", day=date(2025, 6, 16))
    store.record(kinds.UNANSWERED, question="net op tijd", day=date(2025, 6, 17))
    store.start_interview(day=date(2025, 6, 1))
    store.start_interview(day=date(2025, 9, 1))
    assert store.expire(90, now=date(2025, 9, 15)) == 2
    assert [e.question for e in store.events(date(2025, 1, 1), DAY)] == ["net op tijd"]
    assert [i.started for i in store.interviews(date(2025, 1, 1), DAY)] == [date(2025, 9, 1)]


def test_reading_or_expiring_without_a_database_creates_none(store):
    assert store.events(DAY, DAY) == [] and store.interviews(DAY, DAY) == []
    assert store.expire(90) == 0
    assert not store.path.exists()


def test_what_one_store_writes_another_reads_at_once(store):
    store.record(kinds.ANSWERED, answer="faq/mr", day=DAY)
    other = ReportStore(store.path)
    assert [e.answer for e in other.events(DAY, DAY)] == ["faq/mr"]
    other.record(kinds.HELPFUL, answer="faq/mr", day=DAY)
    assert [e.kind for e in store.events(DAY, DAY)] == [kinds.ANSWERED, kinds.HELPFUL]


def test_the_file_is_in_write_ahead_mode(store):
    store.record(kinds.CONVERSATION, day=DAY)
    with sqlite3.connect(store.path) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_a_file_removed_while_open_is_made_again(store):
    store.record(kinds.ANSWERED, answer="faq/a", day=DAY)
    for suffix in ("", "-wal", "-shm"):
        store.path.with_name(store.path.name + suffix).unlink(missing_ok=True)
    store.record(kinds.ANSWERED, answer="faq/b", day=DAY)
    assert [e.answer for e in ReportStore(store.path).events(DAY, DAY)] == ["faq/b"]


def test_a_closed_store_opens_again_when_used(store):
    store.record(kinds.ANSWERED, answer="faq/a", day=DAY)
    store.close()
    store.close()
    store.record(kinds.ANSWERED, answer="faq/b", day=DAY)
    assert [e.answer for e in store.events(DAY, DAY)] == ["faq/a", "faq/b"]
