"""Review, completeness against topics a-j, and which answers a change request means."""

from bot.interview.answers import NOT_APPLICABLE, PLACEHOLDER
from bot.interview.catalogue import load_catalogue
from bot.interview.editing import keys_to_clear, steps_meant
from bot.interview.review import COVERED, MISSING, NOT_USED, OPEN, completeness, review_text
from tests.conftest import complete_answers


def _status(answers):
    return {s.topic: s.status for s in completeness(answers)}


def test_a_complete_interview_covers_every_topic():
    assert set(_status(complete_answers()).values()) == {COVERED}


def test_placeholders_and_gaps_are_named():
    statuses = _status(complete_answers(clause_5_transfer_option=PLACEHOLDER, clause_8_disputes=None))
    assert statuses["f"] == OPEN and statuses["i"] == MISSING


def test_skipping_the_optional_clause_is_not_a_gap():
    assert _status(complete_answers(clause_7_codetermination=NOT_APPLICABLE))["h"] == NOT_USED


def test_review_lists_every_clause_and_escapes_user_text():
    text = review_text(complete_answers(clause_2_business="**vet** <script>x</script> [a](b)"))
    for step in load_catalogue().clauses():
        if step.applies(complete_answers()):
            assert step.label in text
    assert "\\*\\*vet\\*\\* \\<script\\>" in text and "\\[a\\](b)" in text
    assert "Ondertekening namens Stichting VO Noord" in text


def test_change_requests_name_the_right_steps():
    answers = complete_answers()
    assert steps_meant("wijzig artikel 5", answers) == ["clause_5_transfer_option"]
    assert steps_meant("pas de overstapoptie aan", answers) == ["clause_5_transfer_option"]
    assert steps_meant("artikel 4b", answers) == ["clause_4b_facilities"]
    assert steps_meant("iets anders", answers) == []


def test_changing_funding_or_parties_clears_what_depends_on_it():
    assert "clause_6_funding_amount" in keys_to_clear(["clause_6_funding_transfer"])
    assert "signatories" in keys_to_clear(["vmbo_parties"])
