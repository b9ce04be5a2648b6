"""Help with the question being asked: its explanation from the sources, and an example."""

from typing import Any, Dict, Mapping

from bot import messages
from bot.interview.catalogue import Step
from bot.knowledge.responses import SOURCE_LABELS

USE_EXAMPLE_BUTTON = {"title": "Voorbeeld overnemen", "payload": "/use_example"}


def explanation(step: Step, answers: Mapping[str, Any]) -> Dict[str, Any]:
    """The message that explains a step, with the guidance's or the FAQ's own text."""
    if not step.explanation:
        return {"text": f"Bij **{step.label}** is geen nadere uitleg nodig: {step.question_for(answers)}"}
    source = SOURCE_LABELS.get(step.explanation_source, step.explanation_source)
    return {"text": f"**Uitleg bij {step.label}**\n\n{step.explanation}\n\n_Bron: {source}_"}


def example(step: Step, answers: Mapping[str, Any]) -> Dict[str, Any]:
    """The message that shows a step's example wording, to adopt with one click."""
    wording = step.example_for(answers)
    if not wording:
        return {"text": messages.NO_EXAMPLE}
    return {
        "text": f"**Voorbeeldformulering bij {step.label}**\n\n{wording}\n\n"
        "U kunt deze tekst overnemen en later in Word aanpassen, of zelf een antwoord typen.",
        "buttons": [USE_EXAMPLE_BUTTON],
    }
