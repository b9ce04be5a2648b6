"""The guard: commands, questions, greetings and thanks are never read as answers."""

import pytest

from bot.interview import guard
from bot.interview.catalogue import load_catalogue

STEP = load_catalogue().get


@pytest.mark.parametrize("text", [
    "terug", "Terug!", "vorige vraag", "ga terug", "een vraag terug", "naar de vorige vraag",
    "ik wil terug", "maak dat ongedaan", "ongedaan maken", "dat was fout", "vorige vraag graag",
])
def test_ways_to_go_back(text):
    assert guard.read_message(text.lower(), STEP("clause_2_business"), False).kind == guard.BACK


@pytest.mark.parametrize("text", [
    "wat bedoel je", "wat bedoel je precies?", "ik snap de vraag niet", "waarom wordt dit gevraagd?",
    "wat wordt hiermee bedoeld", "ik begrijp de vraag niet", "uitleg", "leg het uit",
])
def test_ways_to_ask_what_a_question_means(text):
    assert guard.read_message(text, STEP("clause_3a_leadership"), False).kind == guard.EXPLAIN


@pytest.mark.parametrize("text, kind", [
    ("bedankt", guard.SMALL_TALK), ("dank u wel", guard.SMALL_TALK), ("goedemorgen", guard.SMALL_TALK),
    ("stop", guard.STOP), ("pauze", guard.STOP), ("voorbeeld", guard.EXAMPLE),
])
def test_small_talk_and_commands(text, kind):
    assert guard.read_message(text, STEP("mbo_parties"), False).kind == kind


def test_a_question_is_never_an_answer():
    reading = guard.read_message("mag een docent van het ROC ook lesgeven?", STEP("clause_4c_staff"), True)
    assert reading == guard.Reading(guard.QUESTION)


@pytest.mark.parametrize("text", ["Terug", "Stop", "Voorbeeld"])
def test_a_capitalised_command_word_where_a_name_is_asked_is_an_answer_to_confirm(text):
    assert guard.read_message(text, STEP("vmbo_parties"), False) == guard.Reading(guard.ANSWER, False)


def test_a_capitalised_command_word_elsewhere_is_the_command():
    assert guard.read_message("Terug", STEP("signing_date"), False).kind == guard.BACK
    assert guard.read_message("TERUG", STEP("vmbo_parties"), False).kind == guard.BACK


@pytest.mark.parametrize("text", ["ja", "nee", "Ja, klopt", "klopt", "akkoord", "nog niet"])
def test_yes_and_no_are_answers(text):
    assert guard.read_message(text, STEP("same_authority"), False) == guard.Reading(guard.ANSWER)


@pytest.mark.parametrize("text", [
    "ja", "Ja!", "klopt", "akkoord", "prima", "ziet er goed uit", "ja, dat klopt", "behouden", "oké",
])
def test_affirmations(text):
    assert guard.is_affirmation(text) and not guard.is_denial(text)


@pytest.mark.parametrize("text", ["nee", "Nee.", "nog niet", "klopt niet", "nee hoor"])
def test_denials(text):
    assert guard.is_denial(text) and not guard.is_affirmation(text)


@pytest.mark.parametrize("text", [
    "Stichting Terugkeer", "ja, maar alleen voor techniek", "Een stuurgroep van vier leden leidt de route.",
    "", "   ", "?!",
])
def test_ordinary_answers_are_answers(text):
    assert guard.read_message(text, STEP("clause_3a_leadership"), False) == guard.Reading(guard.ANSWER)


@pytest.mark.parametrize("key", ["mbo_parties", "route_type", "clause_2_business", "signing_place",
                                 "signing_date", "signatory"])
@pytest.mark.parametrize("text, kind", [("ja", guard.AFFIRM), ("Oké", guard.AFFIRM), ("klopt", guard.AFFIRM),
                                        ("nee", guard.DENY), ("klopt niet", guard.DENY)])
def test_yes_and_no_where_no_yes_or_no_is_asked_are_what_they_say(key, text, kind):
    assert guard.read_message(text, STEP(key), False) == guard.Reading(kind)
