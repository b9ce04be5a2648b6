"""The report's figures for a period, counted from the stored events and interviews."""

from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Dict, List, Tuple

from bot.feedback import store as kinds
from bot.feedback.store import ReportStore

# The key of an answer or interview step that was not recorded (an interview left before its
# first question).
UNKNOWN = "?"


@dataclass(frozen=True)
class Figures:
    """What happened in a period, in counts; no text but the questions the report groups."""

    start: date
    end: date
    conversations: int
    questions: int
    answered_at_once: int
    answered_after_choice: int
    unanswered: int
    choice_left_open: int
    interviews_started: int
    interviews_finished: int
    abandoned_at: Tuple[Tuple[str, int], ...]
    drafts: int
    helpful: int
    not_helpful: int
    feedback_per_answer: Tuple[Tuple[str, int, int], ...]
    contact_offered: int
    unanswered_questions: Tuple[str, ...]
    not_helpful_questions: Tuple[str, ...]
    remarks: Tuple[str, ...]

    @property
    def interviews_abandoned(self) -> int:
        """Interviews started in the period and not finished (stopped, left, or still open)."""
        return self.interviews_started - self.interviews_finished


def count(store: ReportStore, start: date, end: date) -> Figures:
    """The figures from ``start`` to ``end``, both days included."""
    events = store.events(start, end)
    per_kind = Counter(event.kind for event in events)
    answered_after = per_kind[kinds.ANSWERED_AFTER_CHOICE]
    unanswered_after = per_kind[kinds.UNANSWERED_AFTER_CHOICE]
    feedback: Dict[str, List[int]] = {}
    for event in events:
        if event.kind in (kinds.HELPFUL, kinds.NOT_HELPFUL):
            votes = feedback.setdefault(event.answer or UNKNOWN, [0, 0])
            votes[event.kind == kinds.NOT_HELPFUL] += 1
    interviews = store.interviews(start, end)
    abandoned = Counter(i.last_step or UNKNOWN for i in interviews if i.finished is None)
    return Figures(
        start=start,
        end=end,
        conversations=per_kind[kinds.CONVERSATION],
        questions=sum(per_kind[kind] for kind in kinds.QUESTION_KINDS),
        answered_at_once=per_kind[kinds.ANSWERED],
        answered_after_choice=answered_after,
        unanswered=per_kind[kinds.UNANSWERED] + unanswered_after,
        choice_left_open=max(per_kind[kinds.CLARIFIED] - answered_after - unanswered_after, 0),
        interviews_started=len(interviews),
        interviews_finished=sum(1 for i in interviews if i.finished is not None),
        abandoned_at=tuple(sorted(abandoned.items(), key=lambda item: (-item[1], item[0]))),
        drafts=per_kind[kinds.DRAFT],
        helpful=per_kind[kinds.HELPFUL],
        not_helpful=per_kind[kinds.NOT_HELPFUL],
        feedback_per_answer=tuple(sorted(
            ((answer, yes, no) for answer, (yes, no) in feedback.items()),
            key=lambda item: (-item[2], -item[1], item[0]))),
        contact_offered=per_kind[kinds.CONTACT_OFFERED],
        unanswered_questions=tuple(
            e.question for e in events
            if e.kind in (kinds.UNANSWERED, kinds.UNANSWERED_AFTER_CHOICE) and e.question),
        not_helpful_questions=tuple(
            e.question for e in events if e.kind == kinds.NOT_HELPFUL and e.question),
        remarks=tuple(e.remark for e in events if e.kind == kinds.NOT_HELPFUL and e.remark),
    )
