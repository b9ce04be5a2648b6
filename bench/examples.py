"""Labelled questions from Rasa NLU YAML files: the held-out set and the training data."""

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, List, Optional

import yaml

from bot.answering import QUESTION_INTENT
from bot.settings import PROJECT_ROOT

HELD_OUT = PROJECT_ROOT / "tests" / "nlu_heldout.yml"
TRAINING_DIR = PROJECT_ROOT / "data" / "nlu"
OUT_OF_SCOPE = "out_of_scope"


@dataclass(frozen=True)
class Example:
    """A question and the answer key it should get (``None``: it should get no answer)."""

    text: str
    intent: str
    expected_key: Optional[str]


def read_examples(paths: Iterable[Path]) -> List[Example]:
    """Examples from NLU YAML files, each with the answer key its intent names."""
    examples: List[Example] = []
    prefix = f"{QUESTION_INTENT}/"
    for path in paths:
        for block in yaml.safe_load(path.read_text(encoding="utf-8")).get("nlu", []):
            intent = block.get("intent")
            if not intent:
                continue
            key = intent[len(prefix):] if intent.startswith(prefix) else None
            for line in str(block.get("examples", "")).splitlines():
                text = line.strip()
                if text.startswith("- "):
                    examples.append(Example(text[2:].strip(), intent, key))
    return examples


def held_out_examples() -> List[Example]:
    """The held-out set: questions with an answer key, and out-of-scope questions."""
    return read_examples([HELD_OUT])


def training_examples() -> List[Example]:
    """Every training example under data/nlu."""
    return read_examples(sorted(TRAINING_DIR.glob("*.yml")))
