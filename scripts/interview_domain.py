"""Write the interview's part of domain.yml from the clause catalogue (`make domain`).

The catalogue (bot/interview/catalogue.yml) is the one source of the interview. Three blocks of
domain.yml are generated from it, each between a "# BEGIN interview ..." and "# END interview
..." line: a slot per step, the form's required slots, and an ask action per step. Everything
else in domain.yml is written by hand. tests/test_interview_domain.py fails when they drift.

Usage: python scripts/interview_domain.py [domain.yml]
"""

import re
import sys
from pathlib import Path
from typing import Dict, List

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.interview.catalogue import load_catalogue  # noqa: E402
from bot.settings import PROJECT_ROOT  # noqa: E402

FORM = "interview_form"
# Intents that a rule handles while a question is open; their messages never fill a slot.
NOT_AN_ANSWER = [
    "explain_clause", "ask_example", "stop_interview", "restart_interview", "edit_clause",
    "check_agreement", "complete_agreement", "decline_completion",
]
BLOCK = re.compile(r"(?P<begin>  # BEGIN interview (?P<name>\w+):[^\n]*\n)(?P<body>.*?)(?P<end>  # END interview (?P=name)\n)", re.S)


def _slot(key: str) -> List[str]:
    return [
        f"  {key}:",
        "    type: any",
        "    influence_conversation: false",
        "    mappings:",
        "      - type: from_text",
        f"        not_intent: [{', '.join(NOT_AN_ANSWER)}]",
        "        conditions:",
        f"          - active_loop: {FORM}",
        f"            requested_slot: {key}",
    ]


def blocks() -> Dict[str, str]:
    """The text of each generated block, by name."""
    keys = load_catalogue().keys
    steps = [line for key in keys for line in _slot(key)]
    form = [f"  {FORM}:", "    required_slots:"] + [f"      - {key}" for key in keys]
    questions = [f"  - action_ask_{key}" for key in keys]
    return {name: "\n".join(lines) + "\n"
            for name, lines in (("steps", steps), ("form", form), ("questions", questions))}


def generated(domain_text: str) -> str:
    """``domain_text`` with every generated block written anew."""
    fresh = blocks()
    found = {match.group("name") for match in BLOCK.finditer(domain_text)}
    if found != set(fresh):
        raise ValueError(f"domain.yml needs the blocks {sorted(fresh)}, has {sorted(found)}")
    return BLOCK.sub(lambda m: m.group("begin") + fresh[m.group("name")] + m.group("end"), domain_text)


def main(argv: List[str]) -> int:
    path = Path(argv[0]) if argv else PROJECT_ROOT / "domain.yml"
    text = path.read_text(encoding="utf-8")
    new = generated(text)
    if new != text:
        path.write_text(new, encoding="utf-8")
        print(f"{path.name}: interview blocks written from the catalogue")
    else:
        print(f"{path.name}: interview blocks already match the catalogue")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
