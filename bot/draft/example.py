"""The example draft: a complete set of answers, rendered to Word and Markdown.

    python -m bot.draft.example results/example     (or: make draft-example)

The clause answers are the catalogue's own examples, so the example follows the catalogue.
The generation date is fixed, so the Markdown equals tests/golden/example-draft.md.
"""

import sys
from datetime import date
from pathlib import Path
from typing import Any, Dict

from bot.draft.document import build_draft
from bot.draft.markdown import to_markdown
from bot.draft.word import to_docx
from bot.interview.catalogue import SIGNATORIES_KEY, TEXT, load_catalogue

EXAMPLE_DATE = date(2026, 11, 23)
EXAMPLE_FILE_STEM = "voorbeeld-concept-samenwerkingsovereenkomst"


def example_answers() -> Dict[str, Any]:
    """Answers for two vmbo boards and one mbo board, with funding transferred."""
    answers: Dict[str, Any] = {
        step.key: step.example for step in load_catalogue().steps if step.kind == TEXT
    }
    answers.update(
        same_authority=False,
        route_type="doorlopende_leerroute",
        authority_name=None,
        vmbo_parties=["Stichting Scholengroep De Brug", "Stichting Vmbo Het Baken"],
        mbo_parties=["Stichting Mbo-college De Horizon"],
        clause_6_funding_transfer=True,
        signing_place="Utrecht",
        signing_date="1 februari 2027",
        signatory=None,
    )
    answers[SIGNATORIES_KEY] = [
        {"name": "J. de Vries", "position": "voorzitter college van bestuur"},
        {"name": "A. Bakker", "position": "bestuurder"},
        {"name": "M. El Idrissi", "position": "voorzitter college van bestuur"},
    ]
    return answers


def write_example(folder: Path) -> Dict[str, Path]:
    """Write the example draft as .docx and .md into ``folder``; returns the paths."""
    folder.mkdir(parents=True, exist_ok=True)
    draft = build_draft(example_answers(), EXAMPLE_DATE)
    paths = {"docx": folder / f"{EXAMPLE_FILE_STEM}.docx", "md": folder / f"{EXAMPLE_FILE_STEM}.md"}
    paths["docx"].write_bytes(to_docx(draft))
    paths["md"].write_text(to_markdown(draft), encoding="utf-8")
    return paths


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "results/example")
    for path in write_example(target).values():
        print(path)
