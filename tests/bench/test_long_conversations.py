"""The long-conversation part of the benchmark: its tables, targets and chart from figures."""

from bench import long_conversations
from bench.conversations import ANSWERS, START, interview_history, interview_round, interview_turns
from bench.length import interview_by_length


def _level(p50, p95, throughput, errors=0):
    return {"p50": p50, "p95": p95, "p99": p95, "throughput": throughput, "errors": errors}


def _figures(growth: float):
    def server(scale, growth):
        length = {kind: {t: {"p50": 20.0 * (growth if t == 500 else 1), "p95": 30.0 * (growth if t == 500 else 1),
                             "samples": 20} for t in (1, 50, 200, 500)} for kind in ("faq", "interview")}
        loads = {kind: {u: _level(20.0 * scale, 40.0 * scale, 100.0 / scale) for u in (1, 10, 50)}
                 for kind in ("faq", "interview")}
        workers = [{"pid": 1, "peak_rss": 500.0, "rss": 500.0, "pss": 250.0},
                   {"pid": 2, "peak_rss": 700.0, "rss": 600.0, "pss": 450.0}]
        return {"length": length, "mid_interview": {**loads, "history": 35, "prepare_errors": 0},
                "workers": workers}
    return {"assistant": server(1, growth), "rasa_stores": server(3, 10.0)}


def test_the_targets_are_met_when_length_costs_nothing_and_throughput_doubles():
    rows = long_conversations.targets(_figures(1.1))
    assert not [row for row in rows if "| NO |" in row]
    missed = [row for row in long_conversations.targets(_figures(2.0)) if "| NO |" in row]
    assert len(missed) == 1 and "turn 500" in missed[0]


def test_the_report_has_the_length_load_and_memory_tables(tmp_path):
    text = long_conversations.report(_figures(1.0))
    assert "| assistant | FAQ question | 500 | 20 | 30 | 1.00× | 1.00× |" in text
    assert "| assistant | interview answers | 10 | 20 | 40 | 100.0 | 0 | 3.00× |" in text
    assert "| assistant | all (2 processes) | | 1100 | 700 |" in text
    long_conversations.chart(_figures(1.0), tmp_path / "length.png")
    assert (tmp_path / "length.png").stat().st_size > 0


def test_the_length_bench_measures_answers_at_the_start_of_an_interview(monkeypatch):
    sent = []
    monkeypatch.setattr("bench.length._timed", lambda url, sender, messages: (
        sent.extend(messages), [1.0] * len(messages))[1])
    results = interview_by_length("url", "run", (1, 50, 500))
    assert [results[t]["turn"] for t in (1, 50, 500)] == [1, 62, 512]
    assert sent[:2] == [START, ANSWERS[0]] and sent[61:63] == ANSWERS[:2] and sent[511] == ANSWERS[0]
    assert interview_history(0) == [] and len(interview_history(31)) == 1 + len(interview_round())
    assert interview_turns(0)[0] == START
