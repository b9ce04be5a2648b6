"""`make bench`: quality, speed and cost of the assistant, side by side with stock Rasa.

Trains the assistant from scratch and after a response change, creates and trains the stock
assistant of `rasa init`, cross-validates intent classification, evaluates the held-out set
against BM25, renders drafts, and puts both assistants under the same REST load (1, 10 and 50
conversations at once, repeated; medians reported), then long conversations: latency at turns
1-500 and load with every user mid-interview, beside the same assistant on Rasa's own stores
with one worker (bench/long_conversations.py). Prints the tables and writes
results/bench/bench.md, bench.json, latency.png and length.png.
"""

import json
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any, Dict, List

from bench import long_conversations
from bench.cross_validation import cross_validate
from bench.examples import held_out_examples
from bench.load import as_dict, median_result, run_load
from bench.nlu_quality import assistant_quality, bm25_quality, fitted_bm25, parse_all, parse_times_ms
from bench.servers import server_memory, start_assistant, start_stock
from bench.training import init_stock, train_assistant
from bot.draft.document import build_draft
from bot.draft.example import example_answers
from bot.draft.markdown import to_markdown
from bot.draft.word import to_docx
from bot.settings import PROJECT_ROOT, Settings

RESULTS = PROJECT_ROOT / "results" / "bench"
LEVELS = {1: 30, 10: 10, 50: 4}  # concurrent conversations: messages each
REPEATS = 3
INTERVIEW = [
    "/start_interview", "nee", "Doorlopende leerroute vmbo-mbo", "Stichting VO Bench",
    "ROC Bench", "Profiel Techniek met opleidingsdomein Techniek en procesindustrie.",
    "Bedrijven uit de regio bieden stages en gastlessen.", "/use_example", "/use_example",
    "Op de locaties van beide scholen.",
]
STOCK_MESSAGES = ["hello there", "I am feeling sad", "yes", "great, thanks", "goodbye", "are you a bot?"]


def _faq_questions() -> List[str]:
    return [e.text for e in held_out_examples() if e.expected_key]


def render_times_ms(repeats: int = 20) -> Dict[str, float]:
    answers = example_answers()
    word, markdown = [], []
    for _ in range(repeats):
        started = time.perf_counter()
        draft = build_draft(answers, date(2026, 11, 23))
        to_markdown(draft)
        markdown.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        to_docx(build_draft(answers, date(2026, 11, 23)))
        word.append((time.perf_counter() - started) * 1000)
    return {"markdown_ms": statistics.median(markdown), "word_ms": statistics.median(word)}


def loads(url: str, script_for, name: str) -> Dict[int, Dict[str, float]]:
    results = {}
    for users, per_user in LEVELS.items():
        runs = [run_load(url, users, lambda u: script_for(u)[:per_user], f"{name}-{users}-{r}-{time.time_ns()}")
                for r in range(REPEATS)]
        results[users] = as_dict(median_result(runs))
    return results


def _keep(figures: Dict[str, Any]) -> None:
    """Write the figures so far, so that a failure later keeps what was measured."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "partial.json").write_text(json.dumps(figures, indent=2, default=str), encoding="utf-8")


def measure(work: Path, quick: bool = False) -> Dict[str, Any]:
    figures: Dict[str, Any] = {}
    nan = float("nan")
    figures["training"] = (
        {"from_scratch_s": nan, "after_response_change_s": nan} if quick else train_assistant(work)
    )
    _keep(figures)
    stock = init_stock(work)
    figures["stock_training"] = {"init_and_train_s": stock["stock_init_and_train_s"]}
    _keep(figures)
    figures["cross_validation"] = (
        {"folds": 0, "test_accuracy": nan, "test_accuracy_std": nan, "test_f1_weighted": nan}
        if quick else cross_validate(work)
    )
    _keep(figures)
    examples = held_out_examples()
    model = Settings.from_environment().model_path
    quality, _misses = assistant_quality(examples, parse_all(model, [e.text for e in examples]))
    figures["held_out"] = {"assistant": quality.__dict__, "bm25": bm25_quality(examples, fitted_bm25()).__dict__}
    figures["render"] = render_times_ms()
    questions = _faq_questions()
    figures["parse_ms"] = {"assistant": parse_times_ms(model, questions[:60])}
    stock_models = sorted((Path(stock["project"]) / "models").glob("*.tar.gz"))
    figures["parse_ms"]["stock"] = parse_times_ms(stock_models[-1], STOCK_MESSAGES * 10)
    _keep(figures)

    server = start_assistant(work / "assistant-state")
    try:
        figures["first_answer_s"] = server.first_answer_seconds
        figures["assistant_faq"] = loads(server.url, lambda u: questions[u % len(questions):] + questions, "faq")
        _keep(figures)
        figures["assistant_interview"] = loads(server.url, lambda u: INTERVIEW, "interview")
        figures["memory_mb"] = {"rasa_server": server_memory(server, "run --model"),
                                "action_server": server_memory(server, "channels.action_server")}
    finally:
        server.stop()
    figures["long"] = long_conversations.measure(work)
    _keep(figures)
    stock_server = start_stock(Path(stock["project"]), work)
    try:
        figures["stock_first_answer_s"] = stock_server.first_answer_seconds
        figures["stock"] = loads(stock_server.url, lambda u: STOCK_MESSAGES * 10, "stock")
        figures["memory_mb"]["stock_rasa_server"] = server_memory(stock_server, "rasa run")
    finally:
        stock_server.stop()
    return figures


def _ratio(ours: float, theirs: float) -> str:
    return f"{ours / theirs:.2f}×" if theirs else "-"


def report(figures: Dict[str, Any], commit: str) -> str:
    faq, interview, stock = figures["assistant_faq"], figures["assistant_interview"], figures["stock"]
    lines = [f"Benchmark on commit {commit}, {date.today().isoformat()} (2 cores; medians of {REPEATS} runs).", ""]
    lines += ["| latency through REST | users | p50 ms | p95 ms | p99 ms | msg/s | errors | p50 vs stock | msg/s vs stock |",
              "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for name, results in (("assistant, FAQ answers", faq), ("assistant, interview turns", interview),
                          ("stock `rasa init`", stock)):
        for users, r in results.items():
            s = stock[users]
            lines.append(
                f"| {name} | {users} | {r['p50']:.0f} | {r['p95']:.0f} | {r['p99']:.0f} | {r['throughput']:.1f} | "
                f"{r['errors']} | {_ratio(r['p50'], s['p50'])} | {_ratio(r['throughput'], s['throughput'])} |"
            )
    held = figures["held_out"]
    cv, training, memory = figures["cross_validation"], figures["training"], figures["memory_mb"]
    parse = figures["parse_ms"]
    lines += [
        "", "| measure | value |", "|---|---:|",
        f"| held-out right answers (assistant / BM25) | {held['assistant']['right_answers']:.1%} / {held['bm25']['right_answers']:.1%} |",
        f"| held-out wrong answers (assistant / BM25) | {held['assistant']['wrong_answers']:.1%} / {held['bm25']['wrong_answers']:.1%} |",
        f"| out-of-scope rejected (assistant / BM25) | {held['assistant']['out_of_scope_rejected']:.1%} / {held['bm25']['out_of_scope_rejected']:.1%} |",
        f"| intent accuracy, {cv['folds']}-fold cross-validation | {cv['test_accuracy']:.1%} (± {cv['test_accuracy_std']:.1%}), weighted F1 {cv['test_f1_weighted']:.3f} |",
        f"| Rasa parse time per message, assistant / stock | {parse['assistant']:.0f} ms / {parse['stock']:.0f} ms |",
        f"| REST p50 (1 user) / parse time: overhead around the model | {faq[1]['p50'] / parse['assistant']:.1f}× (stock {stock[1]['p50'] / parse['stock']:.1f}×) |",
        f"| render a draft: Word / Markdown | {figures['render']['word_ms']:.0f} ms / {figures['render']['markdown_ms']:.1f} ms |",
        f"| training from scratch / after a response change | {training['from_scratch_s']:.0f} s / {training['after_response_change_s']:.0f} s |",
        f"| stock `rasa init` create and train | {figures['stock_training']['init_and_train_s']:.0f} s |",
        f"| `make run` to first answer (stock `rasa run`) | {figures['first_answer_s']:.0f} s ({figures['stock_first_answer_s']:.0f} s) |",
        f"| peak memory: Rasa server / action server (stock Rasa server) | {memory['rasa_server']:.0f} MB / {memory['action_server']:.0f} MB ({memory['stock_rasa_server']:.0f} MB) |",
    ]
    return "\n".join(lines)


def targets(figures: Dict[str, Any]) -> str:
    """Each target of the benchmark, the figure measured, and whether it is met."""
    faq, stock, interview = figures["assistant_faq"], figures["stock"], figures["assistant_interview"]
    held, memory = figures["held_out"]["assistant"], figures["memory_mb"]
    bm25 = figures["held_out"]["bm25"]
    checks = [
        ("throughput at 10 users ≥ 2× stock (FAQ / interview)",
         f"{faq[10]['throughput'] / stock[10]['throughput']:.1f}× / {interview[10]['throughput'] / stock[10]['throughput']:.1f}×",
         min(faq[10]["throughput"], interview[10]["throughput"]) >= 2 * stock[10]["throughput"]),
        ("p95 at 10 users < 250 ms (FAQ / interview)", f"{faq[10]['p95']:.0f} / {interview[10]['p95']:.0f} ms",
         max(faq[10]["p95"], interview[10]["p95"]) < 250),
        ("no errors at 50 users", f"{faq[50]['errors'] + interview[50]['errors']} errors",
         faq[50]["errors"] + interview[50]["errors"] == 0),
        ("p50 for one user < 60 ms (FAQ / interview)", f"{faq[1]['p50']:.0f} / {interview[1]['p50']:.0f} ms",
         max(faq[1]["p50"], interview[1]["p50"]) < 60),
        ("right answers ≥ 95%", f"{held['right_answers']:.1%} (BM25 {bm25['right_answers']:.1%})",
         held["right_answers"] >= 0.95 and held["right_answers"] > bm25["right_answers"]),
        ("out of scope rejected ≥ 90%", f"{held['out_of_scope_rejected']:.1%} (BM25 {bm25['out_of_scope_rejected']:.1%})",
         held["out_of_scope_rejected"] >= 0.90),
        ("full training < 5 min", f"{figures['training']['from_scratch_s']:.0f} s",
         figures["training"]["from_scratch_s"] < 300),
        ("first answer within 30 s of start", f"{figures['first_answer_s']:.0f} s", figures["first_answer_s"] <= 30),
        ("Rasa server < 1.5 GB resident", f"{memory['rasa_server']:.0f} MB", memory["rasa_server"] < 1536),
    ]
    lines = ["| target | measured | met |", "|---|---:|:---:|"]
    lines += [f"| {name} | {value} | {'yes' if ok else 'NO'} |" for name, value, ok in checks]
    return "\n".join(lines)


def chart(figures: Dict[str, Any], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7, 4.2))
    for key, label, colour in (("assistant_faq", "assistant: FAQ", "tab:blue"),
                               ("assistant_interview", "assistant: interview", "tab:green"),
                               ("stock", "stock rasa init", "tab:grey")):
        users = sorted(figures[key], key=int)
        ax.plot(users, [figures[key][u]["p95"] for u in users], marker="o", color=colour, label=f"{label} p95")
        ax.plot(users, [figures[key][u]["p50"] for u in users], marker=".", linestyle="--", color=colour,
                label=f"{label} p50")
    ax.set_xlabel("concurrent conversations")
    ax.set_ylabel("latency per message (ms)")
    ax.set_xscale("log")
    ax.set_xticks(list(LEVELS))
    ax.set_xticklabels([str(u) for u in LEVELS])
    ax.axhline(250, color="grey", linewidth=0.8, linestyle=":")
    ax.legend(fontsize=8)
    ax.set_title("Latency through the REST channel (2 cores)")
    fig.tight_layout()
    fig.savefig(path, dpi=120)


def main() -> None:
    import subprocess
    import sys

    quick = "--quick" in sys.argv  # skips training and cross-validation, for re-runs of the load

    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=PROJECT_ROOT,
                            capture_output=True, text=True).stdout.strip() or "unknown"
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        figures = measure(Path(tmp), quick)
    figures["total_s"] = time.perf_counter() - started
    long = figures["long"]
    text = (report(figures, commit) + "\n\n" + long_conversations.report(long) + "\n\n"
            + targets(figures) + "\n" + "\n".join(long_conversations.targets(long))
            + f"\n\nWhole benchmark: {figures['total_s'] / 60:.1f} minutes.")
    print(text)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "bench.md").write_text(text + "\n", encoding="utf-8")
    (RESULTS / "bench.json").write_text(json.dumps({"commit": commit, **figures}, indent=2, default=str), encoding="utf-8")
    chart(figures, RESULTS / "latency.png")
    long_conversations.chart(long, RESULTS / "length.png")


if __name__ == "__main__":
    main()
