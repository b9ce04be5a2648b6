"""How the assistant answers held-out questions at the level of the sources' passages.

The questions (tests/heldout/passage_questions.yml) were written from the sources and the
behaviour alone, without the implementation: questions a passage of the guidance or the FAQ
answers (with the passage's key sentence), questions the sources do not answer, and
follow-ups asked after another question. Each is asked in a new conversation through the REST
channel; a follow-up after its earlier question.

- answerable and follow-up: right when the reply quotes the expected sentence; right
  elsewhere when it quotes another sentence that two annotators, each alone and without seeing
  a reply, found to answer the question as well (tests/heldout/passage_alternatives.yml);
  "offered" when the reply offers choices ("Bedoelt u ...?"); honest when it says the sources
  do not answer; wrong when it answers with something else;
- unanswerable: honest when the reply says the sources do not answer (or that the question
  is outside the topic, or offers the way to a person) or offers choices; wrong when it answers
  as if the sources did.

Usage: python -m bench.passage_heldout [--url http://127.0.0.1:5005] [--show-misses]
Without --url it starts the assistant as `make run` does, on free ports.
"""

import argparse
import sys
import uuid
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Sequence

import yaml

from bench.interview_heldout import assistant_url, http_client, reply_text
from bot import messages
from bot.knowledge.text import letters_only
from bot.settings import PROJECT_ROOT

QUESTIONS = PROJECT_ROOT / "tests" / "heldout" / "passage_questions.yml"
# The nine sets, each written without the implementation by someone else.
QUESTION_FILES = (QUESTIONS,) + tuple(
    PROJECT_ROOT / "tests" / "heldout" / f"passage_questions_{n}.yml" for n in (2, 3, 4, 5, 6, 7, 8, 9)
)
# Other sentences that answer a question as well as its own, by "<file stem>:<id>".
ALTERNATIVES = PROJECT_ROOT / "tests" / "heldout" / "passage_alternatives.yml"
Send = Callable[[str, str], List[Dict[str, Any]]]

RIGHT, RIGHT_ELSEWHERE, OFFERED, HONEST, WRONG = (
    "right", "right elsewhere", "offered", "honest", "wrong")
VERDICTS = (RIGHT, RIGHT_ELSEWHERE, OFFERED, HONEST, WRONG)
# How the out-of-scope reply starts (domain.yml, utter_out_of_scope).
OUT_OF_SCOPE_START = "Daar kan ik u helaas niet mee helpen"


@dataclass(frozen=True)
class Outcome:
    """One question's result."""

    id: str
    kind: str
    verdict: str
    reply: str


def load_questions(path: Optional[Path] = None) -> List[Dict[str, Any]]:
    """The held-out questions: of one file, or of every set. A follow-up with no quote asks
    what the sources do not answer, and counts as such (it is still asked after its question)."""
    paths = [path] if path is not None else list(QUESTION_FILES)
    alternatives = yaml.safe_load(ALTERNATIVES.read_text(encoding="utf-8")) or {}
    items = [dict(item, also=alternatives.get(f"{p.stem}:{item['id']}", []))
             for p in paths for item in yaml.safe_load(p.read_text(encoding="utf-8"))]
    return [
        dict(item, kind="unanswerable") if item["kind"] == "followup" and not item.get("quote")
        else item
        for item in items
    ]


def verdict(item: Dict[str, Any], reply: str) -> str:
    """Judge one reply."""
    # Saying the sources do not answer, that the question is outside the topic, or offering the
    # way to a person all claim nothing the sources do not say.
    declined = (messages.NOT_IN_SOURCES in reply or reply.startswith(OUT_OF_SCOPE_START)
                or reply.startswith(messages.CONTACT_ASKED))
    offered = messages.DID_YOU_MEAN in reply
    if item["kind"] == "unanswerable":
        return HONEST if declined or offered else WRONG
    # A decline may quote the nearest passage: only an answer counts as quoting.
    if not declined and letters_only(item["quote"]) in letters_only(reply):
        return RIGHT
    if not declined and any(letters_only(other) in letters_only(reply)
                            for other in item.get("also", ())):
        return RIGHT_ELSEWHERE
    if offered:
        return OFFERED
    return HONEST if declined else WRONG


def ask(item: Dict[str, Any], send: Send, run: str) -> Outcome:
    """Ask one held-out question (after its earlier question, for a follow-up), in a
    conversation of its own: ``run`` tells this run's conversations from those of earlier runs
    against the same server, whose questions would otherwise be read as the one before."""
    sender = f"passage-heldout-{run}-{item['id']}"
    if item.get("previous"):
        send(sender, item["previous"])
    reply = reply_text(send(sender, item["question"]))
    return Outcome(item["id"], item["kind"], verdict(item, reply), reply)


def run_all(send: Send, items: Optional[Sequence[Dict[str, Any]]] = None) -> List[Outcome]:
    """Every held-out question's outcome, each in a new conversation."""
    run = uuid.uuid4().hex[:8]
    return [ask(item, send, run) for item in items or load_questions()]


def shares(outcomes: Sequence[Outcome]) -> Dict[str, Dict[str, float]]:
    """Per kind of question, the share of each verdict."""
    totals = Counter(o.kind for o in outcomes)
    counts = Counter((o.kind, o.verdict) for o in outcomes)
    return {
        kind: {v: counts[(kind, v)] / total for v in VERDICTS}
        for kind, total in totals.items()
    }


def summary(outcomes: Sequence[Outcome]) -> str:
    """The figures as a Markdown table."""
    totals = Counter(o.kind for o in outcomes)
    lines = ["| questions | n | right passage | another answering passage | choices offered | "
             "\"the sources do not say\" | wrong |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    for kind in ("answerable", "followup", "unanswerable"):
        if kind not in totals:
            continue
        share = shares(outcomes)[kind]
        lines.append(f"| {kind} | {totals[kind]} | " + " | ".join(
            f"{share[v]:.1%}" for v in VERDICTS) + " |")
    return "\n".join(lines)


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="a running assistant; default: start one")
    parser.add_argument("--show-misses", action="store_true")
    parser.add_argument("--set", type=Path, help="one file of questions; default: every set")
    args = parser.parse_args(argv)
    with assistant_url(args.url, "passages-") as base:
        outcomes = run_all(http_client(base)[0], load_questions(args.set))
    print(summary(outcomes))
    if args.show_misses:
        for outcome in outcomes:
            if outcome.verdict not in ((HONEST,) if outcome.kind == "unanswerable"
                                       else (RIGHT, RIGHT_ELSEWHERE)):
                print(f"- {outcome.id} [{outcome.kind}, {outcome.verdict}]: {outcome.reply[:150]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
