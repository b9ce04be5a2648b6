"""Checking answers: valid ones are kept as values, invalid ones get a helpful Dutch message."""

import pytest

from bot.interview.answers import check_answer, clean_answer
from bot.interview.catalogue import load_catalogue

STEP = load_catalogue().get


@pytest.mark.parametrize(
    "key, text, value",
    [
        ("same_authority", "Ja", True),
        ("same_authority", "nee hoor", False),
        ("same_authority", "Nee, we zijn twee besturen", False),
        ("route_type", "Doorlopende leerroute vmbo-mbo", "doorlopende_leerroute"),
        ("route_type", "2", "geintegreerd_onderwijsprogramma"),
        ("route_type", "geïntegreerd onderwijsprogramma", "geintegreerd_onderwijsprogramma"),
        ("vmbo_parties", "Stichting Openbaar VO Noord", ["Stichting Openbaar VO Noord"]),
        ("vmbo_parties", "Stichting A ;  Vereniging B ", ["Stichting A", "Vereniging B"]),
        ("clause_5_transfer_option", "Leerlingen kunnen overstappen naar een andere opleiding.",
         "Leerlingen kunnen overstappen naar een andere opleiding."),
        ("signing_date", "1 september 2025", "1 september 2025"),
        ("signing_date", "01-09-2025", "1 september 2025"),
        ("signing_date", "2025-9-1", "1 september 2025"),
        ("signing_date", "15 jan 2026", "15 januari 2026"),
        ("signatory", "J. de Vries, voorzitter college van bestuur",
         {"name": "J. de Vries", "position": "voorzitter college van bestuur"}),
        ("signatory", "J. de Vries - rector", {"name": "J. de Vries", "position": "rector"}),
        ("signatory", "de Vries, J., lid cvb", {"name": "de Vries", "position": "J., lid cvb"}),
    ],
)
def test_valid_answers_are_kept(key, text, value):
    checked = check_answer(STEP(key), text)
    assert checked.ok and checked.value == value


@pytest.mark.parametrize(
    "key, text, hint",
    [
        ("same_authority", "misschien", "ja of nee"),
        ("route_type", "iets anders", "Kiest u"),
        ("clause_2_business", "ja", "te kort"),
        ("clause_2_business", "   ", "geen antwoord"),
        ("clause_2_business", "woord " * 1000, "maximum"),
        ("vmbo_parties", "Stichting A; stichting a", "twee keer"),
        ("signing_date", "volgende week", "datum"),
        ("signing_date", "31-02-2025", "datum"),
        ("signatory", "Jan de Vries", "naam en functie"),
        ("signatory", "J. de Vries,", "naam en functie"),
        ("signatory", "J. de Vries, ,,", "naam en functie"),
        ("signatory", "J. de Vries, -", "naam en functie"),
        ("signatory", ", voorzitter", "naam en functie"),
        ("signatory", "J., voorzitter", "naam en functie"),
        ("signatory", "J. de Vries - ", "naam en functie"),
    ],
)
def test_invalid_answers_get_a_helpful_message(key, text, hint):
    checked = check_answer(STEP(key), text)
    assert not checked.ok and hint in checked.message


def test_party_names_may_not_repeat_the_other_side():
    checked = check_answer(STEP("mbo_parties"), "ROC Midden", other_parties=["roc midden"])
    assert not checked.ok and "verschillend" in checked.message


def test_control_characters_are_removed_and_text_is_kept_literally():
    text = "Het <b>bestuur</b> & {{ 7*7 }}\u0000 beslist\u202e samen."
    assert clean_answer(text) == "Het <b>bestuur</b> & {{ 7*7 }} beslist samen."


def test_a_place_may_be_one_word_but_a_clause_may_not():
    assert check_answer(STEP("signing_place"), "Zwolle").value == "Zwolle"
    assert not check_answer(STEP("clause_8_disputes"), "mediation").ok


def test_what_no_document_can_hold_is_removed_from_answers():
    text = "Stichting\ufffe Noord\uffff en\ud800 ROC\udfff"
    assert clean_answer(text) == "Stichting Noord en ROC"
    assert check_answer(STEP("vmbo_parties"), text).value == ["Stichting Noord en ROC"]
