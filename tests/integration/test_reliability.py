"""Nothing lost, nobody else's answers: hard kills, expired sessions and 50 interviews at once,
through the real servers."""

import sqlite3
import time
from concurrent.futures import ThreadPoolExecutor

from bot.interview.catalogue import load_catalogue
from tests.integration.interviews import confirm, draft_text, marked_answers, send_all
from tests.integration.servers import RunningAssistant, reply_text

STEP = load_catalogue().get
CONCURRENT_INTERVIEWS = 50


def _events(state_dir, sender, kind=None):
    with sqlite3.connect(state_dir / "conversations.db") as db:
        query = "SELECT COUNT(*) FROM events WHERE sender_id = ?"
        args = [sender]
        if kind:
            query += " AND type_name = ?"
            args.append(kind)
        return db.execute(query, args).fetchone()[0]


def test_a_hard_kill_mid_interview_loses_no_answer(model_path, tmp_path):
    answers = marked_answers("Kill9")
    assistant = RunningAssistant(tmp_path).start()
    try:
        asked = send_all(assistant, "kill-9", answers[:10])
        assert STEP("clause_4b_facilities").question in asked
        assistant.kill()
        assert not assistant.children()
        assistant.start()
        resumed = reply_text(assistant.send("kill-9", "verder"))
        assert STEP("clause_4b_facilities").question in resumed
        review = send_all(assistant, "kill-9", answers[10:])
        assert "Uw antwoorden" in review
        text = draft_text(assistant, confirm(assistant, "kill-9")["docx"])
    finally:
        assistant.stop()
    for step, answer in answers:
        if step.startswith("clause_") and not answer.startswith("/") and answer != "nee":
            assert answer in text, step
    assert "Namens Stichting VO Kill9" in text and "Naam: B. Kill9" in text


def test_answers_carry_over_when_a_session_expires(model_path, tmp_path):
    answers = marked_answers("Sessie")
    assistant = RunningAssistant(tmp_path).start()
    try:
        send_all(assistant, "returning-user", answers[:8])
        sessions_before = _events(tmp_path, "returning-user", "session_started")
        three_days = 3 * 24 * 3600
        with sqlite3.connect(tmp_path / "conversations.db") as db:
            # Rasa reads each event's time from its stored JSON.
            db.execute(
                "UPDATE events SET timestamp = timestamp - ?, data = json_set(data, '$.timestamp', "
                "json_extract(data, '$.timestamp') - ?) WHERE sender_id = ?",
                (three_days, three_days, "returning-user"),
            )
        resumed = reply_text(assistant.send("returning-user", "verder"))
        assert _events(tmp_path, "returning-user", "session_started") == sessions_before + 1
        assert STEP("clause_3b_accountability").question in resumed
        review = send_all(assistant, "returning-user", answers[8:])
        assert "Een stuurgroep onder leiding van Sessie." in review
        assert "Stichting VO Sessie" in review
    finally:
        assistant.stop()


def _interview(assistant, number):
    marker = f"Nummer{number:02d}x"
    sender = f"concurrent-{number:02d}"
    review = send_all(assistant, sender, marked_answers(marker))
    assert "Uw antwoorden" in review, review[-500:]
    return marker, draft_text(assistant, confirm(assistant, sender)["docx"])


def test_fifty_interviews_at_once_each_get_only_their_own_answers(assistant):
    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=CONCURRENT_INTERVIEWS) as pool:
        results = list(pool.map(lambda n: _interview(assistant, n), range(CONCURRENT_INTERVIEWS)))
    elapsed = time.monotonic() - started
    markers = [marker for marker, _text in results]
    for marker, text in results:
        assert text.count(marker) >= 10, marker
        others = [other for other in markers if other != marker and other in text]
        assert others == [], (marker, others)
    messages = CONCURRENT_INTERVIEWS * (len(marked_answers("x")) + 1)
    print(f"\n{CONCURRENT_INTERVIEWS} interviews at once: {messages} messages in {elapsed:.0f} s, "
          "no cross-talk")
    log = assistant.log_path.read_text(errors="replace")
    leaked = [marker for marker in markers if marker in log]
    assert leaked == [], "answer text or names in the server log"
