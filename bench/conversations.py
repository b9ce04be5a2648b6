"""Realistic long conversations for the benchmarks: whole interviews with changes from the
review, started over again, and a user who keeps asking FAQ questions."""

import math
from typing import List

FAQ_QUESTION = "Moet de MR de samenwerkingsovereenkomst goedkeuren?"
START = "/start_interview"
# The answers of one whole interview, from the first question to the last signatory.
ANSWERS = [
    "nee", "Doorlopende leerroute vmbo-mbo", "Stichting VO Bench", "ROC Bench",
    "Profiel Techniek met opleidingsdomein Techniek en procesindustrie.",
    "Bedrijven uit de regio bieden stages en gastlessen.", "Een stuurgroep van beide besturen.",
    "/use_example", "Op de locaties van beide scholen.", "/use_example", "/use_example",
    "Een klacht over een mbo-docent handelt de mbo-instelling af.", "/use_example",
    "Overstappen naar een andere opleiding.", "nee", "/skip_clause",
    "Geschillen gaan naar de geschillencommissie.", "/use_example", "/use_example",
    "Plaats Bench", "1 september 2026", "A. Jansen, bestuurder",
    "B. Pietersen, voorzitter college van bestuur",
]
# Changes from the review, the draft, and starting over: the rest of one round.
CHANGES = [
    "wijzig artikel 5", "Overstappen naar een opleiding bij ROC Bench.",
    "wijzig artikel 8", "Geschillen gaan naar een commissie van beide besturen.",
]
ROUND_END = ["/confirm_review", "opnieuw beginnen", "ja"]
# Answers given mid-interview (no review, no draft): what an "interview turn" is measured on.
MID_INTERVIEW = ANSWERS[:20]


def interview_round() -> List[str]:
    """One round after the first: the answers, changes, the draft and starting over (30)."""
    return ANSWERS + CHANGES + ROUND_END


def interview_history(length: int) -> List[str]:
    """At least ``length`` messages of whole interviews, one after another, ending where a new
    interview's first question is open; none for a new conversation."""
    if length <= 0:
        return []
    rounds = math.ceil(max(0, length - 1) / len(interview_round()))
    return [START] + interview_round() * rounds


def interview_turns(length: int) -> List[str]:
    """The interview answers measured after a history of ``length`` messages (that ends where
    an interview's first question is open, or is empty)."""
    return MID_INTERVIEW if length > 0 else [START] + MID_INTERVIEW[:-1]


def mid_interview_history(answers: int) -> List[str]:
    """A conversation in the middle of its first interview, ``answers`` answers in."""
    return [START] + ANSWERS[:answers]
