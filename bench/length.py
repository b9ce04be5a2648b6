"""Latency against conversation length: the same FAQ question, and interview answers, at turns
1, 50, 200 and 500 of one conversation, measured through the REST channel in one run.

    python -m bench.length [--url URL] [--turns 1,50,200,500]

Without --url it starts the assistant as `make run` does (in a temporary state folder).
"""

import argparse
import json
import math
import tempfile
import time
from pathlib import Path
from typing import Callable, Dict, List, Optional, Sequence

from bench.conversations import FAQ_QUESTION, START, interview_round, interview_turns
from bench.load import _post, percentile

TURNS = (1, 50, 200, 500)
FAQ_SAMPLES = 20
Progress = Optional[Callable[[str], None]]


def _timed(url: str, sender: str, messages: Sequence[str]) -> List[float]:
    """Send the messages in order; the latency of each (ms). A failed message raises."""
    latencies = []
    for text in messages:
        started = time.perf_counter()
        if not _post(url, sender, text, timeout=120):
            raise RuntimeError(f"no answer to a message of {sender}")
        latencies.append((time.perf_counter() - started) * 1000)
    return latencies


def _figures(latencies: Sequence[float]) -> Dict[str, float]:
    return {"p50": round(percentile(latencies, 0.5), 1), "p95": round(percentile(latencies, 0.95), 1),
            "samples": len(latencies)}


def faq_by_length(url: str, run_id: str, turns: Sequence[int] = TURNS,
                  progress: Progress = None) -> Dict[int, Dict[str, float]]:
    """The FAQ question at each turn: turn 1 in new conversations, later turns in one
    conversation of FAQ questions that grows to the last turn."""
    results = {}
    first = [_timed(url, f"len-faq-{run_id}-new-{i}", [FAQ_QUESTION])[0] for i in range(FAQ_SAMPLES)]
    results[1] = _figures(first)
    sender, sent = f"len-faq-{run_id}", 0
    for turn in [t for t in turns if t > 1]:
        _timed(url, sender, [FAQ_QUESTION] * max(0, turn - sent))
        results[turn] = _figures(_timed(url, sender, [FAQ_QUESTION] * FAQ_SAMPLES))
        sent = turn + FAQ_SAMPLES
        if progress:
            progress(f"FAQ at turn {turn}: {results[turn]}")
    return results


def interview_by_length(url: str, run_id: str, turns: Sequence[int] = TURNS,
                        progress: Progress = None) -> Dict[int, Dict[str, float]]:
    """Interview answers at each turn of one conversation of whole interviews (answers,
    changes from the review, the draft, starting over): the first 20 answers of the interview
    that begins at that turn or just after (turn 1: a new conversation's first interview)."""
    results: Dict[int, Dict[str, float]] = {}
    sender, position, pending = f"len-interview-{run_id}", 0, []
    rounds = interview_round()
    for turn in turns:
        target = 0 if turn <= 1 else 1 + len(rounds) * math.ceil((turn - 2) / len(rounds))
        history = list(pending) + ([START] if target and position == 0 else [])
        while position + len(history) < target:
            history += rounds
        _timed(url, sender, history)
        position += len(history)
        measured = interview_turns(position)
        results[turn] = {**_figures(_timed(url, sender, measured)), "turn": position + 1}
        pending = rounds[len(measured) - (1 if position == 0 else 0):]
        position += len(measured)
        if progress:
            progress(f"interview at turn {turn}: {results[turn]}")
    return results


def by_length(url: str, run_id: str, turns: Sequence[int] = TURNS, progress: Progress = None) -> Dict:
    """Both kinds of message against conversation length."""
    return {"faq": faq_by_length(url, run_id, turns, progress),
            "interview": interview_by_length(url, run_id, turns, progress)}


def table(results: Dict[str, Dict], name: str) -> List[str]:
    """Markdown rows: p50 and p95 per turn, and the ratio of each to turn 1."""
    rows = []
    for kind, label in (("faq", "FAQ question"), ("interview", "interview answer")):
        first = results[kind][min(results[kind], key=int)]
        for turn, figures in sorted(results[kind].items(), key=lambda item: int(item[0])):
            rows.append(f"| {name} | {label} | {turn} | {figures['p50']:.0f} | {figures['p95']:.0f} | "
                        f"{figures['p50'] / first['p50']:.2f}× | {figures['p95'] / first['p95']:.2f}× |")
    return rows


TABLE_HEAD = ["| server | message | turn | p50 ms | p95 ms | p50 vs turn 1 | p95 vs turn 1 |",
              "|---|---|---:|---:|---:|---:|---:|"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url")
    parser.add_argument("--turns", default=",".join(map(str, TURNS)))
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    turns = [int(t) for t in args.turns.split(",")]
    run_id = str(time.time_ns())
    if args.url:
        results = by_length(args.url, run_id, turns, print)
    else:
        from bench.servers import start_assistant

        with tempfile.TemporaryDirectory(prefix="bench-length-") as tmp:
            server = start_assistant(Path(tmp))
            try:
                results = by_length(server.url, run_id, turns, print)
            finally:
                server.stop()
    print("\n".join(TABLE_HEAD + table(results, "assistant")))
    if args.out:
        args.out.write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
