"""Checking answers: valid ones are kept as values, invalid ones get a helpful Dutch message."""

import pytest

from bot.interview.answers import Checked, check_answer, clean_answer
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
        ("route_type", "iets anders", "Kies een van"),
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


KEEP_IT_SHORT = ("Dat antwoord is te kort voor dit artikel. Wilt u het in een of twee zinnen beschrijven? U kunt "
                 "ook om 'uitleg' of een 'voorbeeld' vragen, of 'weet ik nog niet' antwoorden.")


@pytest.mark.parametrize(
    "key, text, message",
    [
        ("clause_2_business", " \u0000 ", "Ik heb geen antwoord ontvangen. Wilt u de vraag beantwoorden?"),
        ("clause_2_business", "x" * 4001, "Uw antwoord is 4001 tekens lang; het maximum is 4000. Wilt u het "
                                          "inkorten? Details kunt u later in Word toevoegen."),
        ("clause_2_business", "Mediation", KEEP_IT_SHORT),
        ("signing_place", "Z", "Dat antwoord is te kort."),
        ("same_authority", "tja", "Wilt u deze vraag met ja of nee beantwoorden?"),
        ("route_type", "iets", "Kies een van de mogelijkheden: 'Doorlopende leerroute vmbo-mbo' of "
                               "'Geïntegreerd onderwijsprogramma (geïntegreerde route)'."),
        ("vmbo_parties", ";;", "Wilt u de naam van het bevoegd gezag noemen?"),
        ("vmbo_parties", "A" * 201, "Een naam mag hoogstens 200 tekens lang zijn. Scheid meerdere namen "
                                    "met een puntkomma (;)."),
        ("vmbo_parties", "Stichting A; X", "Die naam is te kort. Wilt u de volledige naam van het bevoegd "
                                           "gezag noemen?"),
        ("vmbo_parties", "ROC A; roc a", "U noemt dezelfde naam twee keer. Wilt u elke partij één keer noemen?"),
        ("signing_date", "gisteren", "Dat herken ik niet als datum. Wilt u de datum zo noteren: "
                                     "1 september 2025 of 01-09-2025?"),
        ("signatory", "J. de Vries", "Wilt u naam en functie noemen, gescheiden door een komma? "
                                     "Bijvoorbeeld: J. de Vries, voorzitter college van bestuur."),
    ],
)
def test_each_refusal_says_exactly_what_to_change(key, text, message):
    assert check_answer(STEP(key), text) == Checked(message=message)


def test_a_clash_with_the_other_side_names_the_party():
    checked = check_answer(STEP("mbo_parties"), "ROC Midden", other_parties=["roc midden"])
    assert checked.message == ("'ROC Midden' is al als andere partij genoemd. De partijen aan beide kanten "
                               "moeten verschillend zijn. Wilt u de naam controleren?")


@pytest.mark.parametrize(
    "key, text, value",
    [
        ("same_authority", "Ja, dat klopt", True), ("same_authority", "ja zeker", True),
        ("same_authority", "Nee, twee besturen", False), ("same_authority", "nee dus", False),
        ("same_authority", "Ja!", True), ("route_type", "1", "doorlopende_leerroute"),
        ("route_type", "doorlopende_leerroute", "doorlopende_leerroute"),
        ("route_type", "geïntegreerd", "geintegreerd_onderwijsprogramma"),
        ("vmbo_parties", "AB", ["AB"]), ("vmbo_parties", "A" * 200, ["A" * 200]),
        ("clause_2_business", "x" * 3990 + " en meer", "x" * 3990 + " en meer"),
        ("clause_2_business", "Eerste regel\r\ntweede regel\rderde", "Eerste regel\ntweede regel\nderde"),
        ("signing_place", "Ede", "Ede"), ("signing_place", "Ee", "Ee"),
        ("clause_2_business", "x" * 3992 + " en meer", "x" * 3992 + " en meer"),
        ("signatory", "Jo, rector", {"name": "Jo", "position": "rector"}),
        ("signatory", "J. de Vries, dg", {"name": "J. de Vries", "position": "dg"}),
        ("signatory", "J. de Vries - lid - cvb", {"name": "J. de Vries", "position": "lid - cvb"}),
    ],
)
def test_answers_at_the_edges_are_kept(key, text, value):
    assert check_answer(STEP(key), text) == Checked(value)


def test_no_text_at_all_is_no_answer():
    assert clean_answer(None) == "" and clean_answer("  a \n\n  b  ") == "a\n\nb"


@pytest.mark.parametrize("text, value", [
    ("1 september 2025.", "1 september 2025"), ("  01-09-2025 ", "1 september 2025"),
    ("1 Sept. 2025", "1 september 2025"),
])
def test_dates_with_a_closing_full_stop_or_spaces_are_read(text, value):
    assert check_answer(STEP("signing_date"), text).value == value


def test_a_leading_full_stop_is_no_date():
    assert not check_answer(STEP("signing_date"), ".1 september 2025").ok
