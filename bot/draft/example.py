"""The example drafts: complete sets of answers, rendered to Word and Markdown.

    python -m bot.draft.example results/example     (or: make draft-example)

writes three drafts: the agreement for a doorlopende leerroute (one vmbo board and one mbo board,
funding transferred), the agreement for a geïntegreerd onderwijsprogramma (no funding
transferred, clause 7 skipped), and the interne regeling of one competent authority. The clause
answers are the catalogue's own examples (its examples for an interne regeling there), so the
examples follow the catalogue. The generation date is fixed, so each Markdown file equals its
golden file in tests/golden/.
"""

import sys
from datetime import date
from pathlib import Path
from typing import Any, Dict

from bot.draft.document import build_draft
from bot.draft.markdown import to_markdown
from bot.draft.word import to_docx
from bot.interview.answers import NOT_APPLICABLE
from bot.interview.catalogue import SIGNATORIES_KEY, TEXT, load_catalogue

EXAMPLE_DATE = date(2026, 11, 23)
EXAMPLE_FILE_STEM = "voorbeeld-concept-samenwerkingsovereenkomst"
# File stem of each example, and the golden file its Markdown equals.
EXAMPLES = {
    "agreement": ("voorbeeld-concept-samenwerkingsovereenkomst", "example-draft.md"),
    "integrated": ("voorbeeld-concept-geintegreerd-onderwijsprogramma", "example-integrated.md"),
    "internal": ("voorbeeld-concept-interne-regeling", "example-internal.md"),
}


def _clause_examples(answers: Dict[str, Any]) -> Dict[str, Any]:
    return {step.key: step.example_for(answers) for step in load_catalogue().steps if step.kind == TEXT}


def example_answers() -> Dict[str, Any]:
    """Answers for one vmbo board and one mbo board, with funding transferred."""
    answers: Dict[str, Any] = dict(
        same_authority=False,
        route_type="doorlopende_leerroute",
        authority_name=None,
        vmbo_parties=["Stichting Scholengroep De Brug"],
        mbo_parties=["Stichting Mbo-college De Horizon"],
        clause_6_funding_transfer=True,
    )
    answers.update(_clause_examples(answers))
    answers.update(signing_date="1 februari 2027", signatory=None)  # the place is the example, Utrecht
    answers[SIGNATORIES_KEY] = [
        {"name": "J. de Vries", "position": "voorzitter college van bestuur"},
        {"name": "M. El Idrissi", "position": "voorzitter college van bestuur"},
    ]
    return answers


def integrated_answers() -> Dict[str, Any]:
    """The agreement for a geïntegreerd onderwijsprogramma: no funding moves, clause 7 skipped."""
    return {**example_answers(), "route_type": "geintegreerd_onderwijsprogramma",
            "clause_6_funding_transfer": False, "clause_6_funding_amount": None,
            "clause_6_funding_purpose": None, "clause_7_codetermination": NOT_APPLICABLE}


def internal_answers() -> Dict[str, Any]:
    """The interne regeling of one competent authority (an AOC), with funding transferred."""
    answers: Dict[str, Any] = dict(
        same_authority=True,
        route_type="doorlopende_leerroute",
        authority_name=["Stichting AOC Groenhorst"],
        vmbo_parties=None,
        mbo_parties=None,
        clause_6_funding_transfer=True,
    )
    answers.update(_clause_examples(answers))
    answers.update(signing_place="Ede", signing_date="1 februari 2027", signatory=None)
    answers[SIGNATORIES_KEY] = [{"name": "P. Smit", "position": "voorzitter college van bestuur"}]
    return answers


ANSWERS = {"agreement": example_answers, "integrated": integrated_answers, "internal": internal_answers}


def write_example(folder: Path) -> Dict[str, Path]:
    """Write every example draft as .docx and .md into ``folder``; returns the paths, by
    "docx" and "md" for the agreement and by "<example>.docx" / "<example>.md" for all."""
    folder.mkdir(parents=True, exist_ok=True)
    paths: Dict[str, Path] = {}
    for name, (stem, _golden) in EXAMPLES.items():
        draft = build_draft(ANSWERS[name](), EXAMPLE_DATE)
        paths[f"{name}.docx"] = folder / f"{stem}.docx"
        paths[f"{name}.md"] = folder / f"{stem}.md"
        paths[f"{name}.docx"].write_bytes(to_docx(draft))
        paths[f"{name}.md"].write_text(to_markdown(draft), encoding="utf-8")
    paths["docx"], paths["md"] = paths["agreement.docx"], paths["agreement.md"]
    return paths


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "results/example")
    for key, path in write_example(target).items():
        if "." in key:
            print(path)
