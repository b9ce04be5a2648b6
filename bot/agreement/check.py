"""The agreement check as one call: a document in, per-topic findings and facts out."""

from dataclasses import dataclass
from typing import Any, Dict, List, Tuple

from bot.agreement import messages
from bot.agreement.checker import COVERED, MISSING, NOT_APPLICABLE, TopicFinding, check_passages
from bot.agreement.facts import Facts, find_facts
from bot.agreement.prefill import Prefill, prefill
from bot.agreement.reading import Limits, RawDocument, read_document, read_text
from bot.agreement.structure import split_passages


@dataclass(frozen=True)
class CheckResult:
    """The findings for topics a-j and the facts of one document."""

    file_kind: str
    findings: Tuple[TopicFinding, ...]
    facts: Facts
    prefill: Prefill = Prefill()

    def letters(self, *statuses: str) -> List[str]:
        """The topics with one of these statuses."""
        return [f.topic for f in self.findings if f.status in statuses]

    @property
    def to_complete(self) -> List[str]:
        """The topics that are not covered (and not left out on purpose)."""
        return [f.topic for f in self.findings if f.status not in (COVERED, NOT_APPLICABLE)]

    def as_json(self) -> Dict[str, Any]:
        """The result for an API client: quotes of the document go only to its uploader."""
        return {
            "file_type": self.file_kind,
            "covered": self.letters(COVERED),
            "missing": self.letters(MISSING),
            "to_complete": self.to_complete,
            "topics": [
                {
                    "topic": f.topic, "name": f.name, "status": f.status,
                    "status_text": messages.STATUS_NAMES[f.status],
                    "evidence": [{"quote": e.quote, "place": e.place} for e in f.evidence],
                    "missing_elements": list(f.missing_elements), "notes": list(f.notes),
                    "law": f.law,
                }
                for f in self.findings
            ],
            "facts": {
                "parties": [{"name": p.name, "side": p.side} for p in self.facts.parties],
                "kind": self.facts.kind,
                "is_addendum": self.facts.is_addendum,
                "route": self.facts.route,
                "funding": {
                    "transferred": self.facts.funding.transferred,
                    "amount": [{"quote": e.quote, "place": e.place} for e in self.facts.funding.amount],
                    "destination": [
                        {"quote": e.quote, "place": e.place} for e in self.facts.funding.destination
                    ],
                },
            },
        }


def check_raw(document: RawDocument) -> CheckResult:
    """Check a document that has been read."""
    passages = split_passages(document)
    findings, facts = tuple(check_passages(passages)), find_facts(passages)
    return CheckResult(document.kind, findings, facts, prefill(passages, findings, facts))


def check_document(data: bytes, limits: Limits = Limits()) -> CheckResult:
    """Check an uploaded file; raises ``Unreadable`` for a file that is not read."""
    return check_raw(read_document(data, limits))


def check_pasted_text(text: str, limits: Limits = Limits()) -> CheckResult:
    """Check pasted text; raises ``Unreadable`` when it is too long or holds no text."""
    return check_raw(read_text(text, limits))
