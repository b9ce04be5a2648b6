"""How often the assistant answers right on the held-out set, against a BM25 search.

Usage: python -m bench.nlu_quality [--model PATH] [--show-misses]
Prints a table and writes results/nlu_quality.json and .md.
"""

import argparse
import asyncio
import json
import logging
import statistics
import time
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple

from bench import passage_heldout
from bench.bm25_baseline import Bm25Search
from bench.examples import OUT_OF_SCOPE, Example, held_out_examples, training_examples
from bot.answering import (
    ANSWER, CLARIFY, FALLBACK_INTENT, QUESTION_INTENT, answer_ranking, decide_parse,
)
from bot import messages
from bot.knowledge import load_knowledge
from bot.settings import PROJECT_ROOT, Settings

RESULTS_DIR = PROJECT_ROOT / "results"
# Asking for a person gets the contact route (data/rules/questions.yml).
CONTACT_INTENT = "ask_contact"


@dataclass
class Quality:
    """Shares over the held-out set (0..1) and the counts behind them."""

    questions: int
    right_answers: float
    offered_among_choices: float
    wrong_answers: float
    out_of_scope_questions: int
    out_of_scope_rejected: float
    out_of_scope_without_choices: float


def _outcome(parse: Dict[str, Any]) -> Tuple[Optional[str], List[str]]:
    """(the key answered outright or None, the keys offered as "Bedoelt u ...?" choices)."""
    intent = (parse.get("intent") or {}).get("name")
    if intent == QUESTION_INTENT:
        ranking = answer_ranking(parse)
        return (ranking[0][0] if ranking else None), []
    if intent != FALLBACK_INTENT:
        return None, []
    decision = decide_parse(parse)
    if decision.kind == ANSWER:
        return decision.key, []
    return None, (decision.candidates if decision.kind == CLARIFY else [])


def assistant_quality(
    examples: Sequence[Example], parses: Sequence[Dict[str, Any]]
) -> Tuple[Quality, List[str]]:
    """Quality of the assistant's decisions, and a line per miss."""
    counts: Counter = Counter()
    misses: List[str] = []
    for example, parse in zip(examples, parses):
        answered, offered = _outcome(parse)
        if example.expected_key is None:
            counts["oos"] += 1
            counts["oos_rejected"] += answered is None
            counts["oos_clean"] += answered is None and not offered
            if answered is not None:
                misses.append(f"out of scope, answered {answered}: {example.text}")
            continue
        counts["questions"] += 1
        if answered == example.expected_key:
            counts["right"] += 1
        elif answered is not None:
            counts["wrong"] += 1
            misses.append(f"{example.expected_key}, answered {answered}: {example.text}")
        else:
            counts["offered"] += example.expected_key in offered
            misses.append(
                f"{example.expected_key}, offered {offered or 'nothing'}: {example.text}"
            )
    return _quality(counts), misses


def bm25_quality(examples: Sequence[Example], search: Bm25Search) -> Quality:
    """Quality of a BM25 search that answers with its best hit above its threshold."""
    counts: Counter = Counter()
    for example in examples:
        answered = search.answer(example.text)
        if example.expected_key is None:
            counts["oos"] += 1
            counts["oos_rejected"] += answered is None
            counts["oos_clean"] += answered is None
        else:
            counts["questions"] += 1
            counts["right"] += answered == example.expected_key
            counts["wrong"] += answered is not None and answered != example.expected_key
    return _quality(counts)


def _quality(counts: Counter) -> Quality:
    questions, oos = counts["questions"], counts["oos"]
    return Quality(
        questions=questions,
        right_answers=counts["right"] / max(1, questions),
        offered_among_choices=counts["offered"] / max(1, questions),
        wrong_answers=counts["wrong"] / max(1, questions),
        out_of_scope_questions=oos,
        out_of_scope_rejected=counts["oos_rejected"] / max(1, oos),
        out_of_scope_without_choices=counts["oos_clean"] / max(1, oos),
    )


def fitted_bm25() -> Bm25Search:
    """BM25 over the knowledge base, its threshold fitted on the training examples."""
    search = Bm25Search(load_knowledge())
    train = training_examples()
    search.fit_threshold(
        [e.text for e in train if e.expected_key is not None],
        [e.text for e in train if e.intent == OUT_OF_SCOPE],
    )
    return search


def parse_all(model_path: Path, texts: Sequence[str]) -> List[Dict[str, Any]]:
    """Parse every text with the trained model."""
    from rasa.core.agent import Agent
    from rasa.utils.log_utils import configure_structlog

    configure_structlog(logging.WARNING)
    agent = Agent.load(str(model_path))

    async def run() -> List[Dict[str, Any]]:
        return [await agent.parse_message(text) for text in texts]

    return asyncio.run(run())


def parse_times_ms(model: Path, texts: Sequence[str]) -> float:
    """Median time Rasa itself spends parsing one message (in process, no HTTP)."""
    from rasa.core.agent import Agent
    from rasa.utils.log_utils import configure_structlog

    configure_structlog(logging.WARNING)
    agent = Agent.load(str(model))

    async def run() -> List[float]:
        times = []
        for text in texts:
            started = time.perf_counter()
            await agent.parse_message(text)
            times.append((time.perf_counter() - started) * 1000)
        return times

    return statistics.median(asyncio.run(run())[5:])


def table(assistant: Quality, baseline: Quality) -> str:
    """The figures as a Markdown table."""
    rows: List[Tuple[str, Callable[[Quality], float]]] = [
        ("Right answer (held-out questions)", lambda q: q.right_answers),
        ('Not answered, right one offered under "Bedoelt u ...?"', lambda q: q.offered_among_choices),
        ("Wrong answer", lambda q: q.wrong_answers),
        ("Out-of-scope questions that get no answer", lambda q: q.out_of_scope_rejected),
        ("... and no choices offered either", lambda q: q.out_of_scope_without_choices),
    ]
    lines = [
        f"Held-out set: {assistant.questions} questions, "
        f"{assistant.out_of_scope_questions} out-of-scope questions.",
        "",
        "| measure | assistant | BM25 search |",
        "|---|---:|---:|",
    ]
    lines += [f"| {name} | {get(assistant):.1%} | {get(baseline):.1%} |" for name, get in rows]
    return "\n".join(lines)


def _shown_by_assistant(parse: Dict[str, Any], previous: Optional[str]) -> str:
    """The reply the assistant gives: the curated answer for a clear question, otherwise what
    its answering action says (run in process on a tracker like the real one)."""
    from rasa_sdk import Tracker
    from rasa_sdk.executor import CollectingDispatcher

    from actions.clarify_question import ActionClarifyQuestion, say

    intent = (parse.get("intent") or {}).get("name")
    if intent == QUESTION_INTENT:
        ranking = answer_ranking(parse)
        return load_knowledge().get(ranking[0][0]).answer if ranking else ""
    if intent == OUT_OF_SCOPE:
        return passage_heldout.OUT_OF_SCOPE_START
    if intent == CONTACT_INTENT:
        return messages.CONTACT_ASKED
    if intent != FALLBACK_INTENT:
        return ""
    events = [{"event": "user", "text": text, "parse_data": {"intent": {"name": FALLBACK_INTENT}}}
              for text in filter(None, [previous, parse.get("text")])]
    tracker = Tracker("bench", {}, parse, events, False, None, {}, "action_listen")
    dispatcher = CollectingDispatcher()
    say(dispatcher, ActionClarifyQuestion.decision(tracker))
    knowledge = {entry.response_name: entry.answer for entry in load_knowledge()}
    knowledge["utter_out_of_scope"] = passage_heldout.OUT_OF_SCOPE_START
    return "\n".join(m.get("text") or knowledge.get(m.get("response"), "") for m in dispatcher.messages)


def passage_table(model_path: Path) -> str:
    """Right passage, wrong answer and honest refusals on the held-out passage questions, for
    the assistant (in process, as its answering action decides) and for BM25 over the FAQ."""
    items = passage_heldout.load_questions()
    texts = [item["question"] for item in items]
    parses = dict(zip(texts, parse_all(model_path, texts)))
    search = fitted_bm25()
    knowledge = load_knowledge()
    assistant, baseline = [], []
    for item in items:
        assistant.append(passage_heldout.Outcome(item["id"], item["kind"], passage_heldout.verdict(
            item, _shown_by_assistant(parses[item["question"]], item.get("previous"))), ""))
        key = search.answer(" ".join(filter(None, [item.get("previous"), item["question"]])))
        shown = knowledge.get(key).answer if key else passage_heldout.OUT_OF_SCOPE_START
        baseline.append(passage_heldout.Outcome(item["id"], item["kind"],
                                                passage_heldout.verdict(item, shown), ""))
    ours, theirs = passage_heldout.shares(assistant), passage_heldout.shares(baseline)
    right = (passage_heldout.RIGHT, passage_heldout.RIGHT_ELSEWHERE)
    lines = ["| held-out passage questions | assistant | BM25 search |", "|---|---:|---:|"]
    for kind, verdicts, label in [
        ("answerable", right[:1], "answerable: right passage (its writer's sentence)"),
        ("answerable", right, "answerable: right passage (or another that answers it)"),
        ("answerable", (passage_heldout.WRONG,), "answerable: wrong answer"),
        ("followup", right[:1], "follow-ups: right passage (its writer's sentence)"),
        ("followup", right, "follow-ups: right passage (or another that answers it)"),
        ("followup", (passage_heldout.WRONG,), "follow-ups: wrong answer"),
        ("unanswerable", (passage_heldout.HONEST,), 'not in the sources: honest "not answered"'),
        ("unanswerable", (passage_heldout.WRONG,), "not in the sources: wrong answer"),
    ]:
        lines.append(f"| {label} | {sum(ours[kind][v] for v in verdicts):.1%} | "
                     f"{sum(theirs[kind][v] for v in verdicts):.1%} |")
    return "\n".join(lines)


def main() -> None:
    """Evaluate, print the table and write the results files."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", type=Path, default=Settings.from_environment().model_path)
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args()
    examples = held_out_examples()
    assistant, misses = assistant_quality(examples, parse_all(args.model, [e.text for e in examples]))
    baseline = bm25_quality(examples, fitted_bm25())
    report = table(assistant, baseline) + "\n\n" + passage_table(args.model)
    print(report)
    if args.show_misses:
        print("\nMisses:\n" + "\n".join(misses))
    RESULTS_DIR.mkdir(exist_ok=True)
    (RESULTS_DIR / "nlu_quality.md").write_text(report + "\n", encoding="utf-8")
    payload = {"assistant": asdict(assistant), "bm25": asdict(baseline), "misses": misses}
    (RESULTS_DIR / "nlu_quality.json").write_text(json.dumps(payload, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
