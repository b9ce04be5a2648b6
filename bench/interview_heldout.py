"""How many held-out interview conversations reach a correct draft.

The conversations (tests/heldout/interview_conversations*.yml) were written from the sources and
the interview's specification, without the implementation. Each is a script of user messages,
with words the replies must (not) show and the answers the Word draft must (not) hold.

Usage: python -m bench.interview_heldout [--url http://127.0.0.1:5005] [--show-failures]
Without --url it starts the assistant as `make run` does, on free ports.
"""

import argparse
import json
import sys
import tempfile
import urllib.error
import urllib.request
from contextlib import contextmanager
from collections import Counter
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import Any, Callable, Dict, Iterator, List, Optional

import docx
import yaml

from bot.settings import PROJECT_ROOT

HELDOUT = PROJECT_ROOT / "tests" / "heldout"
CONVERSATIONS = HELDOUT / "interview_conversations.yml"
# Every set, each written without the implementation by someone else.
CONVERSATION_FILES = (CONVERSATIONS, HELDOUT / "interview_conversations_2.yml")
Send = Callable[[str, str], List[Dict[str, Any]]]
Fetch = Callable[[str], bytes]


@dataclass(frozen=True)
class Outcome:
    """One conversation's result: whether it reached a correct draft, and if not, why."""

    id: str
    covers: List[str]
    passed: bool
    reason: str = ""


def load_conversations(path: Optional[Path] = None) -> List[Dict[str, Any]]:
    """The held-out conversations: of one file, or of every set."""
    paths = [path] if path is not None else list(CONVERSATION_FILES)
    return [c for p in paths for c in yaml.safe_load(p.read_text(encoding="utf-8"))]


def reply_text(replies: List[Dict[str, Any]]) -> str:
    """The replies' texts and button titles, as one text."""
    parts = []
    for reply in replies:
        parts.append(reply.get("text") or "")
        parts += [button.get("title", "") for button in reply.get("buttons") or []]
    return "\n".join(parts)


def docx_text(body: bytes) -> str:
    """A Word file's text, one paragraph per line."""
    return "\n".join(p.text for p in docx.Document(BytesIO(body)).paragraphs)


def run_conversation(conversation: Dict[str, Any], send: Send, fetch: Fetch) -> Outcome:
    """Play one conversation through ``send`` and check its replies and draft."""
    sender = f"heldout-{conversation['id']}"
    replies: List[Dict[str, Any]] = []
    draft_token: Optional[str] = None
    for number, turn in enumerate(conversation["turns"], start=1):
        replies = send(sender, turn["say"])
        text = reply_text(replies).lower()
        wanted = [w for w in turn.get("expect_any") or []]
        if wanted and not any(w.lower() in text for w in wanted):
            return _failed(conversation, f"turn {number} ({turn['say'][:40]!r}): none of {wanted} "
                                         f"in {text[:160]!r}")
        unwanted = [w for w in turn.get("expect_none") or [] if w.lower() in text]
        if unwanted:
            return _failed(conversation, f"turn {number} ({turn['say'][:40]!r}): {unwanted} shown")
        for reply in replies:
            token = ((reply.get("custom") or {}).get("draft") or {}).get("token")
            draft_token = token or draft_token
    if draft_token is None:
        return _failed(conversation, f"no draft after the last turn: {reply_text(replies)[:160]!r}")
    draft = docx_text(fetch(f"/drafts/{draft_token}/docx")).lower()
    expected = conversation.get("draft") or {}
    missing = [w for w in expected.get("contains") or [] if w.lower() not in draft]
    present = [w for w in expected.get("not_contains") or [] if w.lower() in draft]
    if missing or present:
        return _failed(conversation, f"draft: missing {missing[:4]}, must not hold {present[:4]}")
    return Outcome(conversation["id"], list(conversation.get("covers") or []), True)


def _failed(conversation: Dict[str, Any], reason: str) -> Outcome:
    return Outcome(conversation["id"], list(conversation.get("covers") or []), False, reason)


def run_all(send: Send, fetch: Fetch, conversations: Optional[List[Dict[str, Any]]] = None) -> List[Outcome]:
    """Every held-out conversation's outcome."""
    return [run_conversation(c, send, fetch) for c in conversations or load_conversations()]


def summary(outcomes: List[Outcome]) -> str:
    """The share that reached a correct draft, overall and per behaviour."""
    passed = sum(o.passed for o in outcomes)
    lines = [f"conversations reaching a correct draft: {passed}/{len(outcomes)} "
             f"({100 * passed / max(len(outcomes), 1):.0f}%)", "", "| behaviour | passed |", "|---|---:|"]
    total, good = Counter(), Counter()
    for outcome in outcomes:
        for tag in outcome.covers:
            total[tag] += 1
            good[tag] += outcome.passed
    lines += [f"| {tag} | {good[tag]}/{total[tag]} |" for tag in sorted(total)]
    return "\n".join(lines)


def http_client(base_url: str) -> tuple:
    """``send`` and ``fetch`` against a running assistant."""
    webhook = f"{base_url.rstrip('/')}/webhooks/rest/webhook"

    def send(sender: str, text: str) -> List[Dict[str, Any]]:
        body = json.dumps({"sender": sender, "message": text}).encode()
        request = urllib.request.Request(webhook, body, {"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=120) as response:
            return json.load(response)

    def fetch(path: str) -> bytes:
        with urllib.request.urlopen(f"{base_url.rstrip('/')}{path}", timeout=60) as response:
            return response.read()

    return send, fetch


@contextmanager
def assistant_url(url: Optional[str], prefix: str) -> Iterator[str]:
    """The given assistant's URL, or that of one started as `make run` does on free ports (in a
    fresh state folder named with ``prefix``), stopped afterwards."""
    if url:
        yield url
        return
    from tests.integration.servers import RunningAssistant

    running = RunningAssistant(Path(tempfile.mkdtemp(prefix=prefix))).start()
    try:
        yield f"http://127.0.0.1:{running.rasa_port}"
    finally:
        running.stop()


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="a running assistant; default: start one")
    parser.add_argument("--show-failures", action="store_true")
    args = parser.parse_args(argv)
    with assistant_url(args.url, "heldout-") as base:
        outcomes = run_all(*http_client(base))
    print(summary(outcomes))
    if args.show_failures:
        for outcome in outcomes:
            if not outcome.passed:
                print(f"- {outcome.id}: {outcome.reason}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
