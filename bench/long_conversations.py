"""Long conversations in `make bench`: latency against conversation length, load with every
user in the middle of an interview, and the Rasa workers' memory, for the assistant as served
and for the same assistant on Rasa's own stores with one worker, in the same run.

    python -m bench.long_conversations      (only this part; `make bench` runs it too)
"""

import json
import tempfile
import time
from pathlib import Path
from typing import Any, Dict, List

from bench.conversations import ANSWERS, START, interview_round
from bench.examples import held_out_examples
from bench.length import TABLE_HEAD, TURNS, by_length, table
from bench.load import as_dict, prepare, run_load
from bench.servers import rasa_processes, server_memory, start_assistant

# Concurrent conversations: timed messages each (at 10 users 150 in all, so that the p95 is not
# the fourth-worst of a few dozen).
MID_LEVELS = {1: 15, 10: 15, 50: 4}
# 35 messages in: a whole interview with changes, the draft, and four answers into the next.
MID_ANSWERS = 4
MID_HISTORY = [START] + interview_round() + ANSWERS[:MID_ANSWERS]
# The same assistant on Rasa's own stores: SQLTrackerStore, in-memory lock store, one worker.
RASA_STORES = {"CONVERSATION_WINDOW_TURNS": "0", "RASA_WORKERS": "1"}
SERVERS = (("assistant", "assistant"), ("rasa_stores", "same assistant, Rasa's stores, 1 worker"))


def mid_interview_loads(url: str, name: str) -> Dict[str, Any]:
    """FAQ questions and interview answers from users who are each mid-interview."""
    questions = [e.text for e in held_out_examples() if e.expected_key]
    results: Dict[str, Any] = {"faq": {}, "interview": {}, "history": len(MID_HISTORY)}
    failed = 0
    for users, per_user in MID_LEVELS.items():
        run_id = f"{name}-mid-{users}-{time.time_ns()}"
        failed += prepare(url, users, MID_HISTORY, run_id)
        results["faq"][users] = as_dict(run_load(
            url, users, lambda u: (questions[u % len(questions):] + questions)[:per_user], run_id))
        results["interview"][users] = as_dict(run_load(
            url, users, lambda u: ANSWERS[MID_ANSWERS:MID_ANSWERS + per_user], run_id))
    results["prepare_errors"] = failed
    return results


def measure_server(url: str, name: str) -> Dict[str, Any]:
    """Length and mid-interview load on one running server."""
    return {"length": by_length(url, f"{name}-{time.time_ns()}", TURNS),
            "mid_interview": mid_interview_loads(url, name)}


def measure_rasa_stores(work: Path) -> Dict[str, Any]:
    """The same measures on the assistant served with Rasa's own stores and one worker."""
    server = start_assistant(work / "rasa-stores-state", RASA_STORES)
    try:
        figures = measure_server(server.url, "rasa-stores")
        figures["workers"] = rasa_processes(server)
    finally:
        server.stop()
    return figures


def measure(work: Path) -> Dict[str, Any]:
    """Both servers, one after the other, in this run."""
    server = start_assistant(work / "assistant-state")
    try:
        ours = measure_server(server.url, "assistant")
        ours["workers"] = rasa_processes(server)
        ours["action_server_mb"] = server_memory(server, "channels.action_server")
    finally:
        server.stop()
    return {"assistant": ours, "rasa_stores": measure_rasa_stores(work)}


def _ratio(ours: float, theirs: float) -> str:
    return f"{ours / theirs:.2f}×" if theirs else "-"


def report(figures: Dict[str, Any]) -> str:
    """The length table, the mid-interview load table and the workers' memory, as Markdown."""
    lines = ["Latency against conversation length (one user, through REST):", ""] + TABLE_HEAD
    for key, label in SERVERS:
        lines += table(figures[key]["length"], label)
    ours, theirs = figures["assistant"]["mid_interview"], figures["rasa_stores"]["mid_interview"]
    lines += ["", f"Load with every user mid-interview ({ours['history']} messages in):", "",
              "| server | messages | users | p50 ms | p95 ms | msg/s | errors | msg/s vs Rasa's stores |",
              "|---|---|---:|---:|---:|---:|---:|---:|"]
    for key, label in SERVERS:
        for kind, kind_label in (("faq", "FAQ questions"), ("interview", "interview answers")):
            for users, r in figures[key]["mid_interview"][kind].items():
                base = theirs[kind][users]["throughput"]
                lines.append(f"| {label} | {kind_label} | {users} | {r['p50']:.0f} | {r['p95']:.0f} | "
                             f"{r['throughput']:.1f} | {r['errors']} | {_ratio(r['throughput'], base)} |")
    lines += ["", "| server | process | peak RSS MB | RSS MB | PSS MB |", "|---|---|---:|---:|---:|"]
    for key, label in SERVERS:
        processes = figures[key]["workers"]
        for index, p in enumerate(processes):
            role = "main" if index == 0 and len(processes) > 1 else f"worker {index if len(processes) > 1 else 1}"
            lines.append(f"| {label} | {role} | {p['peak_rss']:.0f} | {p['rss']:.0f} | {p['pss']:.0f} |")
        lines.append(f"| {label} | all ({len(processes)} processes) | | "
                     f"{sum(p['rss'] for p in processes):.0f} | {sum(p['pss'] for p in processes):.0f} |")
    return "\n".join(lines)


def _ratio_to_first(results: Dict, key: str) -> float:
    ordered = sorted(results, key=int)
    return results[ordered[-1]][key] / results[ordered[0]][key]


def targets(figures: Dict[str, Any]) -> List[str]:
    """The long-conversation targets as rows of the targets table."""
    length, ours = figures["assistant"]["length"], figures["assistant"]["mid_interview"]
    theirs = figures["rasa_stores"]["mid_interview"]
    rows = []
    worst = max(_ratio_to_first(length[k], p) for k in ("faq", "interview") for p in ("p50", "p95"))
    rows.append(("p50 and p95 at turn 500 within 1.3× of turn 1 (FAQ, interview)", f"{worst:.2f}× at most", worst <= 1.3))
    ratios = [ours[k][10]["throughput"] / theirs[k][10]["throughput"] for k in ("faq", "interview")]
    rows.append(("mid-interview msg/s at 10 users ≥ 2× Rasa's stores (FAQ / interview)",
                 f"{ratios[0]:.1f}× / {ratios[1]:.1f}×", min(ratios) >= 2))
    p95 = max(ours[k][10]["p95"] for k in ("faq", "interview"))
    rows.append(("mid-interview p95 at 10 users < 250 ms", f"{p95:.0f} ms", p95 < 250))
    errors = sum(ours[k][50]["errors"] for k in ("faq", "interview")) + ours["prepare_errors"]
    rows.append(("mid-interview: no errors at 50 users", f"{errors} errors", errors == 0))
    workers = figures["assistant"]["workers"]
    largest = max(p["peak_rss"] for p in workers)
    rows.append(("each Rasa process < 1.5 GB resident", f"{largest:.0f} MB (total PSS {sum(p['pss'] for p in workers):.0f} MB)",
                 largest < 1536))
    return [f"| {name} | {value} | {'yes' if ok else 'NO'} |" for name, value, ok in rows]


def chart(figures: Dict[str, Any], path: Path) -> None:
    """Latency against conversation length, both servers, p50 and p95."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(1, 2, figsize=(10, 4), sharey=True)
    for axis, (kind, title) in zip(axes, (("faq", "FAQ question"), ("interview", "interview answer"))):
        for (key, label), colour in zip(SERVERS, ("tab:blue", "tab:grey")):
            results = figures[key]["length"][kind]
            turns = sorted(results, key=int)
            for stat, style in (("p50", "-"), ("p95", ":")):
                axis.plot([int(t) for t in turns], [results[t][stat] for t in turns], style,
                          marker="o", color=colour, label=f"{label} {stat}")
        axis.set_title(title)
        axis.set_xlabel("turn of the conversation")
    axes[0].set_ylabel("latency per message (ms)")
    axes[0].legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(path, dpi=120)


def main() -> None:
    from bench.run import RESULTS

    with tempfile.TemporaryDirectory(prefix="bench-long-") as tmp:
        figures = measure(Path(tmp))
    text = report(figures) + "\n\n| target | measured | met |\n|---|---:|:---:|\n" + "\n".join(targets(figures))
    print(text)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "long.md").write_text(text + "\n", encoding="utf-8")
    (RESULTS / "long.json").write_text(json.dumps(figures, indent=2, default=str), encoding="utf-8")
    chart(figures, RESULTS / "length.png")


if __name__ == "__main__":
    main()
