"""The order of steps for each situation, progress, signatories and short commands."""

import pytest

from bot.interview.flow import (
    DONT_KNOW, SKIP, USE_EXAMPLE, asks_who_when_or_why, command_in, looks_like_question, missing_keys,
    next_signatory_party, progress, required_keys,
)

AGREEMENT = {"same_authority": False}
INTERNAL = {"same_authority": True}


def test_an_agreement_asks_both_sides_and_no_single_authority():
    keys = required_keys(AGREEMENT)
    assert "vmbo_parties" in keys and "mbo_parties" in keys and "authority_name" not in keys


def test_an_interne_regeling_asks_one_authority():
    keys = required_keys(INTERNAL)
    assert "authority_name" in keys and "vmbo_parties" not in keys


def test_funding_details_only_when_funding_is_transferred():
    assert "clause_6_funding_amount" not in required_keys({**AGREEMENT, "clause_6_funding_transfer": False})
    keys = required_keys({**AGREEMENT, "clause_6_funding_transfer": True})
    assert keys.index("clause_6_funding_amount") == keys.index("clause_6_funding_transfer") + 1


def test_a_signatory_is_asked_for_each_party_in_turn():
    answers = {**AGREEMENT, "vmbo_parties": ["A", "B"], "mbo_parties": ["C"], "signatories": []}
    assert next_signatory_party(answers) == "A"
    answers["signatories"] = [{"name": "x", "position": "y"}] * 2
    assert next_signatory_party(answers) == "C"
    answers["signatories"] = [{"name": "x", "position": "y"}] * 3
    assert next_signatory_party(answers) is None
    assert "signatory" not in required_keys(answers)


def test_missing_keys_start_with_the_situation():
    assert missing_keys({})[0] == "same_authority"


def test_progress_counts_each_question_once_and_signing_once():
    answers = {**AGREEMENT, "vmbo_parties": ["A"], "mbo_parties": ["B"]}
    assert progress(answers, "same_authority") == (1, 22)
    assert progress(answers, "clause_1_programme") == (5, 22)
    assert progress(answers, "clause_4c_complaints") == (12, 22)
    assert progress(answers, "clause_4_exams") == (13, 22)
    assert progress({**answers, "signatories": [{"name": "x", "position": "y"}]}, "signatory") == (22, 22)


def test_progress_never_moves_back_or_changes_total_while_answering_on():
    """Funding follow-ups share clause 6's number; more parties add no questions."""
    answers, seen = {"same_authority": False}, []
    for key, value in [("route_type", "x"), ("vmbo_parties", ["A", "B"]), ("mbo_parties", ["C"]),
                       ("clause_6_funding_transfer", True), ("clause_6_funding_amount", "x"),
                       ("clause_6_funding_purpose", "y")]:
        seen.append(progress(answers, key))
        answers[key] = value
    seen.append(progress(answers, "signatory"))
    numbers = [number for number, _total in seen]
    assert numbers == sorted(numbers) and {total for _n, total in seen} == {22}
    assert progress(answers, "clause_6_funding_amount") == progress(answers, "clause_6_funding_transfer")


@pytest.mark.parametrize(
    "intent, confidence, text, command",
    [
        ("skip_clause", 1.0, "/skip_clause", SKIP),
        ("dont_know_yet", 0.95, "weet ik nog niet", DONT_KNOW),
        ("use_example", 0.9, "neem het voorbeeld over", USE_EXAMPLE),
        ("dont_know_yet", 0.95, "dat weten we nog niet precies maar we denken aan een stuurgroep met twee directeuren", None),
        ("dont_know_yet", 0.5, "weet niet", None),
        ("faq", 0.99, "overslaan", None),
    ],
)
def test_short_commands_are_recognised_but_answers_are_not_taken_for_commands(intent, confidence, text, command):
    assert command_in(intent, confidence, text) == command


@pytest.mark.parametrize(
    "text, question",
    [
        ("Moet de MR de overeenkomst goedkeuren?", True),
        ("wat is teambevoegdheid", True),
        ("hoeveel kost een dlr per leerling", True),
        ("hoelang geldt de wms", True),
        ("hoevaak moet de leiding verantwoording afleggen", True),
        ("De leiding bestaat uit twee directeuren.", False),
        ("Hoeveelheid lesuren wordt per jaar afgesproken.", False),
        ("Wordt georganiseerd door de stuurgroep", False),
    ],
)
def test_questions_in_between_are_told_from_answers(text, question):
    assert looks_like_question(text) is question


@pytest.mark.parametrize(
    "text, asks",
    [
        ("wie moet de sok opstellen?", True),
        ("  Wanneer stellen we de overeenkomst op", True),
        ("waarom", True),
        ("door wie wordt de sok opgesteld", True),
        ("namens wie tekent u", True),
        ("tot wanneer loopt de overeenkomst", True),
        ("met wie sluiten we die", True),
        ("hoe stel ik een sok op?", False),
        ("kan ik de overeenkomst hier opstellen?", False),
        ("wiebelen", False),
        ("sok opstellen met wie dan ook", False),
        ("bij wie", False),
    ],
)
def test_who_when_and_why_are_told_from_a_request_to_draft(text, asks):
    assert asks_who_when_or_why(text) is asks


def test_change_requests_are_told_from_answers_that_mention_a_clause():
    from bot.interview.editing import is_edit_request

    for request in ["wijzig artikel 5", "pas de overstapoptie aan", "artikel 10 moet anders",
                    "het antwoord bij geschilbeslechting klopt niet", "ik wil terug naar artikel 8",
                    '/edit_clause{"clause":"clause_2_business"}', "bij faciliteiten heb ik iets verkeerd ingevuld"]:
        assert is_edit_request(request), request
    for answer in ["Op de locaties van beide scholen.", "De leiding berust bij een stuurgroep.",
                   "Het personeel blijft in dienst van de eigen school."]:
        assert not is_edit_request(answer), answer


@pytest.mark.parametrize(
    "answers, key, expected",
    [
        ({}, "same_authority", (1, 22)),
        (INTERNAL, "authority_name", (3, 21)),
        (AGREEMENT, "signatory", (22, 22)),
        ({**AGREEMENT, "vmbo_parties": ["A", "B"], "mbo_parties": ["C"], "signatories": [{}]}, "signatory", (22, 22)),
        ({**AGREEMENT, "clause_6_funding_transfer": True}, "clause_6_funding_amount", (15, 22)),
        ({**AGREEMENT, "clause_6_funding_transfer": True}, "clause_7_codetermination", (16, 22)),
    ],
)
def test_progress_counts_the_questions_this_situation_asks(answers, key, expected):
    assert progress(answers, key) == expected


@pytest.mark.parametrize(
    "intent, confidence, text, command",
    [
        (USE_EXAMPLE, 0.1, "/use_example", USE_EXAMPLE),
        (SKIP, 0.8, "sla maar over", SKIP),
        (SKIP, 0.79, "sla maar over", None),
        (DONT_KNOW, 0.99, "dat weet ik nu echt nog niet zo", DONT_KNOW),
        (DONT_KNOW, 0.99, "dat weet ik nu echt nog niet zo goed", None),
        ("faq", 0.99, "/use_example", None),
    ],
)
def test_commands_are_short_and_sure_or_a_button(intent, confidence, text, command):
    assert command_in(intent, confidence, text) == command


@pytest.mark.parametrize("text, question", [
    ("Wat is dat?", True), ("klopt dat ?  ", True), ("Welke scholen doen mee", True),
    ("Wie", True), ("Wiebe de Vries, rector", False), ("De scholen. ", False),
])
def test_questions_are_told_from_answers(text, question):
    assert looks_like_question(text) is question


def test_progress_of_a_question_this_situation_does_not_ask_counts_as_the_last_before_signing():
    # The name of the one board is asked only under one competent authority, the two
    # sides' boards only under two.
    assert progress({}, "authority_name") == (21, 22)
    assert progress({"same_authority": True}, "mbo_parties") == (20, 21)
