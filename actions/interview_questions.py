"""Asking the interview's questions, and explaining them or giving an example on request.

There is one ``action_ask_<step>`` per step of the catalogue; each shows the progress
("Vraag 5 van 21"), the clause, the question and the buttons that fit the step.
"""

from abc import ABC, abstractmethod
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.clarify_question import ActionNoOpenQuestion
from actions.feedback import interview_step_reached
from bot import messages
from bot.interview.catalogue import (
    CHOICE, DATE, PARTIES, SIGNATORY_KEY, TEXT, YES_NO, Step, load_catalogue,
)
from bot.interview.flow import next_signatory_party, parties, progress, signatories
from bot.interview.help import example, explanation
from bot.interview.moves import history, pending_for, prompt_for
from bot.text_markup import escape_markdown

EXPLAIN = {"title": "Uitleg", "payload": "/explain_clause"}
EXAMPLE = {"title": "Voorbeeld", "payload": "/ask_example"}
SKIP = {"title": "Overslaan", "payload": "/skip_clause"}
DONT_KNOW = {"title": "Weet ik nog niet", "payload": "/dont_know_yet"}


def step_buttons(step: Step, can_go_back: bool = False) -> List[Dict[str, str]]:
    """The buttons shown with a step's question."""
    if step.kind == YES_NO:
        buttons = [{"title": "Ja", "payload": "ja"}, {"title": "Nee", "payload": "nee"}]
    elif step.kind == CHOICE:
        buttons = [{"title": c.title, "payload": c.title} for c in step.choices]
    else:
        buttons = []
    if step.explanation:
        buttons.append(EXPLAIN)
    if step.example and step.kind == TEXT:
        buttons.append(EXAMPLE)
    if step.optional:
        buttons.append(SKIP)
    elif not step.structural and (step.kind in (TEXT, DATE, YES_NO) or step.key == SIGNATORY_KEY):
        buttons.append(DONT_KNOW)
    if can_go_back:
        buttons.append(messages.BACK_BUTTON)
    return buttons


def question_text(step: Step, slots: Dict[str, Any]) -> str:
    """Progress, clause and question, as Markdown."""
    number, total = progress(slots, step.key)
    question, part = step.question_for(slots), ""
    if step.key == SIGNATORY_KEY:
        party = next_signatory_party(slots) or ""
        question = question.format(party=escape_markdown(party))
        count = len(parties(slots))
        if count > 1:
            part = f" ({len(signatories(slots)) + 1} van {count})"
    return f"Vraag {number} van {total} · **{step.label}**{part}\n\n{question}"


def requested_step(tracker: Tracker) -> Optional[Step]:
    """The step the interview is asking now, if any."""
    key = tracker.get_slot("requested_slot")
    catalogue = load_catalogue()
    return catalogue.get(key) if key in catalogue else None


class AskStepAction(Action, ABC):
    """Asks one step of the interview."""

    @property
    @abstractmethod
    def step_key(self) -> str:
        """The catalogue key of the step this action asks."""

    def name(self) -> Text:
        return f"action_ask_{self.step_key}"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        step = load_catalogue().get(self.step_key)
        answers = tracker.slots
        reached = interview_step_reached(tracker, step.key)
        pending = pending_for(answers, step.key)
        if pending is not None and pending.get("prompt"):
            # An answer waits for confirmation: ask that instead of the question.
            dispatcher.utter_message(text=pending["prompt"], buttons=pending.get("buttons") or None)
            return reached
        can_go_back = bool(history(answers))
        dispatcher.utter_message(
            text=question_text(step, answers), buttons=step_buttons(step, can_go_back))
        offer = prompt_for(step, answers)
        for utterance in offer.utterances:
            dispatcher.utter_message(text=utterance["text"], buttons=utterance["buttons"] or None)
        return reached + [SlotSet(name, value) for name, value in offer.updates.items()]


def _ask_action(key: str) -> type:
    return type(f"ActionAsk_{key}", (AskStepAction,), {"step_key": key})


ASK_ACTIONS = [_ask_action(key) for key in load_catalogue().keys]


class StepHelpAction(Action, ABC):
    """Helps with the question being asked; when no question is open, says so (or answers a
    follow-up question)."""

    @abstractmethod
    def help_for(self, step: Step, answers: Dict[str, Any]) -> Dict[str, Any]:
        """The message (``text`` and optional ``buttons``) that helps with this step."""

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        step = requested_step(tracker)
        if step is None:
            return await ActionNoOpenQuestion().run(dispatcher, tracker, domain)
        dispatcher.utter_message(**self.help_for(step, tracker.slots))
        return []


class ActionExplainClause(StepHelpAction):
    """Explains the question being asked, with the guidance's own text."""

    def name(self) -> Text:
        return "action_explain_clause"

    def help_for(self, step: Step, answers: Dict[str, Any]) -> Dict[str, Any]:
        return explanation(step, answers)


class ActionShowExample(StepHelpAction):
    """Shows an example wording for the question being asked, to adopt with one click."""

    def name(self) -> Text:
        return "action_show_example"

    def help_for(self, step: Step, answers: Dict[str, Any]) -> Dict[str, Any]:
        return example(step, answers)
