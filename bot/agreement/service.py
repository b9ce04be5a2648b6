"""The check for a conversation: recognise a pasted agreement, store its report, say the result.

Used by the upload route (``channels/agreements.py``) and the chat (``actions/agreement_check.py``)
alike, so both store the report the same way and say the result in the same words.
"""

import re
from dataclasses import dataclass
from datetime import date
from typing import Any, Callable, Dict, List

from bot.agreement import messages
from bot.agreement.check import CheckResult
from bot.agreement.checker import COVERED, TopicFinding
from bot.agreement.report import to_docx, to_markdown
from bot.draft.store import DraftStore
from bot.text_markup import escape_markdown

CHECK_INTENT = "check_agreement"
REPORTS_PATH = "/agreements/reports"
REPORT_NAME = "controle-samenwerkingsovereenkomst"
# A chat message is read as an agreement to check when it is at least this long and has at least
# this many article headings ("Artikel 3", "3. Inzet leiding", "## Geschillen").
PASTE_MIN_CHARS = 1500
PASTE_MIN_HEADINGS = 3
_HEADING_LINE = re.compile(
    r"^\s*(?:#{1,6}\s*\S|(?:artikel|art\.)\s*\d{1,2}[a-z]?\b|\d{1,2}[.)]?\s+[A-Z][^.!?]{0,80}$)",
    re.IGNORECASE | re.MULTILINE,
)


def looks_like_agreement(text: str) -> bool:
    """Whether a chat message is the pasted text of an agreement rather than a question."""
    text = text or ""
    return (
        len(text) >= PASTE_MIN_CHARS
        and len(_HEADING_LINE.findall(text)) >= PASTE_MIN_HEADINGS
    )


@dataclass(frozen=True)
class ReportLinks:
    """Where a stored report can be downloaded."""

    token: str
    docx: str
    markdown: str

    def as_json(self) -> Dict[str, str]:
        """The links as the upload route returns them."""
        return {"token": self.token, "docx": self.docx, "markdown": self.markdown}

    def payload(self) -> Dict[str, Any]:
        """What the chat widget reads to show the report's download links."""
        return {"agreement_report": self.as_json()}


def report_links(token: str, bot_url: str) -> ReportLinks:
    """The download addresses of a stored report."""
    base = f"{bot_url.rstrip('/')}{REPORTS_PATH}/{token}"
    return ReportLinks(token, f"{base}/docx", f"{base}/md")


def store_report(result: CheckResult, conversation_id: str, store: DraftStore, made_on: date) -> str:
    """Render the report in Word and Markdown, store both, and return the new token."""
    files = {"docx": to_docx(result, made_on), "md": to_markdown(result, made_on).encode("utf-8")}
    return store.save(conversation_id, files, f"{REPORT_NAME}-{made_on.isoformat()}")


def summary_text(result: CheckResult) -> str:
    """One sentence on how many topics are covered and which are to complete (no document text)."""
    covered = len(result.letters(COVERED))
    rest = (messages.REPORT_TO_COMPLETE.format(topics=", ".join(result.to_complete))
            if result.to_complete else messages.REPORT_ALL_COVERED)
    return messages.REPORT_SUMMARY.format(covered=covered, rest=rest)


def _topic_line(finding: TopicFinding, quote: Callable[[str], str]) -> str:
    line = messages.CHAT_TOPIC_LINE.format(
        topic=finding.topic, name=finding.name, status=messages.STATUS_NAMES[finding.status])
    if finding.evidence:
        line += messages.CHAT_TOPIC_PLACE.format(place=quote(finding.evidence[0].place))
    return line


def topic_lines(result: CheckResult, quote: Callable[[str], str] = str) -> List[str]:
    """One line per topic a-j: its status and where the document deals with it.

    ``quote`` prepares what comes from the document (a heading in a place) for where it is shown:
    as it stands for plain text, ``escape_markdown`` for a chat message.
    """
    return [_topic_line(finding, quote) for finding in result.findings]


def chat_text(result: CheckResult) -> str:
    """The chat reply to a pasted agreement, in safe Markdown; the links travel in the payload."""
    items = "\n".join(f"- {line}" for line in topic_lines(result, escape_markdown))
    return "\n\n".join(
        [f"{messages.CHAT_CHECKED} {summary_text(result)}", items, messages.CHAT_REPORT])
