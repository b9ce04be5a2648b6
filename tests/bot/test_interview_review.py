"""Review, completeness against topics a-j, and which answers a change request means."""

from bot.interview.answers import NOT_APPLICABLE, PLACEHOLDER
from bot.interview.catalogue import load_catalogue
from bot.interview.editing import keys_to_clear, steps_meant
from bot.interview.review import (
    COVERED, MISSING, NOT_USED, OPEN, completeness, completeness_text, display_answer, open_steps,
    review_text,
)
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


def test_changing_funding_or_the_situation_clears_what_depends_on_it():
    assert "clause_6_funding_amount" in keys_to_clear(["clause_6_funding_transfer"])
    assert "signatories" in keys_to_clear(["same_authority"])
    assert "signatories" not in keys_to_clear(["vmbo_parties"])  # renaming keeps the signatory


def test_a_topic_is_covered_only_when_every_one_of_its_steps_is():
    partly = complete_answers(clause_4b_facilities=None)
    statuses = completeness(partly)
    topic_e = next(s for s in statuses if s.topic == "e")
    assert topic_e.status == MISSING
    assert topic_e.steps == ["clause_4a_locations", "clause_4b_facilities", "clause_4c_staff",
                             "clause_4c_complaints", "clause_4_exams"]
    assert _status(complete_answers(clause_4_exams=None))["e"] == MISSING
    assert _status(complete_answers(clause_4c_complaints=PLACEHOLDER))["e"] == OPEN
    assert _status(complete_answers(clause_4c_staff=PLACEHOLDER))["e"] == OPEN
    assert _status(complete_answers(clause_4a_locations=[PLACEHOLDER]))["e"] == OPEN


def test_a_topic_is_not_used_only_when_all_its_steps_are_skipped():
    answers = complete_answers(clause_4a_locations=NOT_APPLICABLE)
    assert _status(answers)["e"] == COVERED


def test_a_missing_answer_outweighs_a_placeholder():
    answers = complete_answers(clause_4a_locations=PLACEHOLDER, clause_4b_facilities=None)
    assert _status(answers)["e"] == MISSING


def test_the_completeness_message_names_the_gaps_or_says_all_is_covered():
    assert completeness_text(complete_answers()).endswith(
        "Alle wettelijk verplichte onderwerpen (a tot en met j) zijn ingevuld.")
    text = completeness_text(complete_answers(clause_5_transfer_option=PLACEHOLDER, clause_8_disputes=None))
    assert "- f. inhoud van de overstapoptie: nog in te vullen" in text
    assert "- i. geschilbeslechting: ontbreekt" in text
    assert text.endswith("Nog niet alle wettelijk verplichte onderwerpen zijn ingevuld: f, i.")


def test_answers_are_shown_as_people_read_them():
    step = load_catalogue().get
    assert display_answer(step("same_authority"), True) == "Ja"
    assert display_answer(step("same_authority"), False) == "Nee"
    assert display_answer(step("route_type"), "doorlopende_leerroute") == "Doorlopende leerroute vmbo-mbo"
    assert display_answer(step("route_type"), "onbekend") == "onbekend"
    assert display_answer(step("vmbo_parties"), ["A", "B"]) == "A; B"
    assert display_answer(step("clause_8_disputes"), None) == "(nog niet beantwoord)"


def test_open_steps_are_the_placeholders_not_the_skipped_clause():
    answers = complete_answers(clause_5_transfer_option=PLACEHOLDER, clause_7_codetermination=NOT_APPLICABLE,
                               vmbo_parties=[PLACEHOLDER])
    assert [step.key for step in open_steps(answers)] == ["vmbo_parties", "clause_5_transfer_option"]


def test_an_answer_of_several_paragraphs_stays_in_its_review_item():
    text = review_text(complete_answers(clause_2_business="Eerste alinea.\n\nTweede alinea."))
    assert "Betrokkenheid bedrijfsleven**: Eerste alinea.\n  Tweede alinea.\n- **" in text


def test_a_clause_number_alone_means_all_its_parts():
    agreement = {"same_authority": False, "clause_6_funding_transfer": True}
    assert steps_meant("wijzig artikel 4", agreement) == [
        "clause_4a_locations", "clause_4b_facilities", "clause_4c_staff", "clause_4c_complaints",
        "clause_4_exams"]
    assert steps_meant("wijzig artikel 4c", agreement) == ["clause_4c_staff", "clause_4c_complaints"]
    assert steps_meant("wijzig artikel 4b", agreement) == ["clause_4b_facilities"]
    assert steps_meant("artikel 6", agreement) == [
        "clause_6_funding_transfer", "clause_6_funding_amount", "clause_6_funding_purpose"]
    assert steps_meant("artikel 11", agreement) == []


def test_changing_the_situation_clears_everything_that_depends_on_it():
    assert keys_to_clear(["same_authority"]) == [
        "same_authority", "authority_name", "vmbo_parties", "mbo_parties", "signatory", "signatories"]
    assert keys_to_clear(["clause_8_disputes"]) == ["clause_8_disputes"]
    assert keys_to_clear(["signatory"]) == ["signatory", "signatories"]


def test_the_review_word_for_word_at_its_start_and_end():
    text = review_text(complete_answers())
    assert text.startswith("**Uw antwoorden**\n\n- **Hetzelfde bevoegd gezag**: Nee\n")
    assert text.endswith("- **Ondertekening namens Stichting VO Noord**: A. Jansen, bestuurder\n"
                         "- **Ondertekening namens ROC Noord**: B. Smit, voorzitter cvb")
    assert completeness_text(complete_answers()).startswith(
        "**Volledigheid (onderwerpen a-j uit de wet)**\n\n- a. profiel en opleidingsdomein of kwalificatie: ingevuld\n"
        "- b. betrokkenheid van het bedrijfsleven: ingevuld\n")


def test_an_internal_regulation_is_adopted_not_signed_between_parties():
    answers = complete_answers(same_authority=True, vmbo_parties=None, mbo_parties=None,
                               authority_name=["Stichting AOC Oost"],
                               signatories=[{"name": "A. Jansen", "position": "bestuurder"}])
    text = review_text(answers)
    assert text.endswith("- **Vaststelling namens Stichting AOC Oost**: A. Jansen, bestuurder")
    assert "Ondertekening" not in text
    assert _status(answers)["j"] == COVERED
    assert "opzegging" not in completeness_text(answers)


def test_the_most_specific_name_of_a_step_wins():
    answers = {"same_authority": False, "route_type": "doorlopende_leerroute"}
    assert steps_meant("bevoegd gezag van de school", answers) == ["vmbo_parties"]
    assert steps_meant("bevoegd gezag", answers) == ["same_authority"]


def test_a_signatory_without_a_position_is_shown_by_name_alone():
    step = load_catalogue().get("signatory")
    assert display_answer(step, {"name": "J. de Vries", "position": "voorzitter"}) == (
        "J. de Vries, voorzitter")
    assert display_answer(step, {"name": "J. de Vries"}) == "J. de Vries"
    assert display_answer(step, {"name": "J. de Vries", "position": ""}) == "J. de Vries"
    assert display_answer(step, {"name": "Xander de Vries", "position": "lid X"}) == (
        "Xander de Vries, lid X")


def test_an_answer_not_given_is_said_in_words_in_the_review():
    from bot.interview.model import open_value, skipped_value
    from bot.interview.review import review_answer

    step = load_catalogue().get("clause_2_business")
    assert review_answer(step, None) == "_nog niet beantwoord_"
    assert review_answer(step, open_value(step)) == "_nog open_"
    assert review_answer(step, skipped_value()) == "_niet opgenomen (overgeslagen)_"


def test_a_review_of_some_steps_shows_the_signatories_only_when_they_are_among_them():
    answers = complete_answers()
    assert "namens" not in review_text(answers, only=["clause_2_business"])
    assert "A. Jansen, bestuurder" in review_text(answers, only=["signatory"])
    assert "A. Jansen, bestuurder" in review_text(answers)
