"""Judging replies to the held-out passage questions."""

from bench.passage_heldout import (
    HONEST, OFFERED, OUT_OF_SCOPE_START, RIGHT, WRONG, Outcome, shares, summary, verdict,
)
from bot import messages

QUOTE = "De samenwerkingsovereenkomst wordt gesloten door de bevoegde gezagsorganen."
ANSWERABLE = {"kind": "answerable", "quote": QUOTE}
UNANSWERABLE = {"kind": "unanswerable", "quote": None}


def test_an_answer_is_right_when_it_quotes_the_sentence_in_any_layout():
    assert verdict(ANSWERABLE, f"Hierover:\n> De samenwerkingsovereenkomst wordt\ngesloten door de "
                               f"bevoegde gezagsorganen.") == RIGHT
    assert verdict(ANSWERABLE, "Iets anders.") == WRONG
    assert verdict(ANSWERABLE, f"{messages.DID_YOU_MEAN}\nWie tekent?") == OFFERED


def test_a_decline_that_quotes_the_sentence_as_nearest_is_not_an_answer():
    reply = f"{messages.NOT_IN_SOURCES}\n{messages.NEAREST_INTRO}\n> {QUOTE}"
    assert verdict(ANSWERABLE, reply) == HONEST


def test_a_question_the_sources_do_not_answer_needs_an_honest_reply():
    assert verdict(UNANSWERABLE, f"{messages.NOT_IN_SOURCES} Stel uw vraag anders.") == HONEST
    assert verdict(UNANSWERABLE, f"{OUT_OF_SCOPE_START}. Ik beantwoord ...") == HONEST
    assert verdict(UNANSWERABLE, f"{messages.CONTACT_ASKED} Neem contact op.") == HONEST
    assert verdict(UNANSWERABLE, f"{messages.DID_YOU_MEAN}\nWie tekent?") == HONEST
    assert verdict(UNANSWERABLE, "**Wat is een samenwerkingsovereenkomst?** ...") == WRONG


def test_shares_per_kind_and_the_table():
    outcomes = [Outcome("a1", "answerable", RIGHT, ""), Outcome("a2", "answerable", WRONG, ""),
                Outcome("u1", "unanswerable", HONEST, "")]
    assert shares(outcomes)["answerable"] == {RIGHT: 0.5, OFFERED: 0.0, HONEST: 0.0, WRONG: 0.5}
    assert "| answerable | 2 | 50% | 0% | 0% | 50% |" in summary(outcomes)
    assert "| unanswerable | 1 | 0% | 0% | 100% | 0% |" in summary(outcomes)
    assert "followup" not in summary(outcomes)
