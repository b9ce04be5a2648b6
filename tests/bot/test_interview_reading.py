"""Reading answers as people write them."""

import pytest

from bot.interview.reading import (
    Reading, mentions_amount, organisations, party_names, place_and_date, strip_chatter,
    yes_no_sentence,
)


@pytest.mark.parametrize("text, meant", [
    ("dat zei ik al, Stichting Carolus Clusius College", "Stichting Carolus Clusius College"),
    ("ik denk Stichting VO Oost", "Stichting VO Oost"),
    ("Stichting VO Oost denk ik", "Stichting VO Oost"),
    ("wij zijn Scholengroep Rijnland", "Scholengroep Rijnland"),
    ("het is ROC Rivor", "ROC Rivor"),
    ("uhm, roc rivor", "Roc rivor"),
])
def test_chatter_is_removed_and_the_answer_must_be_confirmed(text, meant):
    assert strip_chatter(text) == Reading(meant, certain=False)


def test_a_plain_answer_is_certain():
    assert strip_chatter("Stichting Het Rijnlands Lyceum") == Reading("Stichting Het Rijnlands Lyceum")


@pytest.mark.parametrize("text, names, certain", [
    ("Stichting A; Stichting B", ["Stichting A", "Stichting B"], True),
    ("Stichting A\nStichting B", ["Stichting A", "Stichting B"], False),
    ("Stichting A en Stichting B", ["Stichting A", "Stichting B"], False),
    ("Stichting A, Stichting B en ROC C", ["Stichting A", "Stichting B", "ROC C"], False),
    ("Stichting Jan en de Vries", ["Stichting Jan en de Vries"], True),
    ("ROC Rivor", ["ROC Rivor"], True),
])
def test_party_lists(text, names, certain):
    assert party_names(text) == Reading(names, certain)


@pytest.mark.parametrize("text, meant", [
    ("Het vmbo draagt 1.250 euro per leerling per jaar over aan het ROC", True),
    ("ja hoor, dat doen we", True),
    ("wij dragen 10% over", True),
    ("nee, er wordt niets overgedragen", False),
    ("Er gaat geen geld over", False),
    ("we weten het nog niet", None),
    ("geen idee eigenlijk", None),
    ("misschien", None),
])
def test_yes_or_no_in_a_sentence(text, meant):
    assert yes_no_sentence(text) is meant


def test_amounts():
    assert mentions_amount("1.250 euro per leerling") and mentions_amount("€ 300")
    assert not mentions_amount("het ROC en de school")


@pytest.mark.parametrize("text, found", [
    ("Gorinchem, 1 september 2027", {"place": "Gorinchem", "date": "1 september 2027"}),
    ("in Zwolle op 3 maart 2026", {"place": "Zwolle", "date": "3 maart 2026"}),
    ("Den Haag 01-09-2026", {"place": "Den Haag", "date": "1 september 2026"}),
    ("Gorinchem", None), ("1 september 2027", None), ("Utrecht, 31 februari 2026", None),
])
def test_place_and_date(text, found):
    assert place_and_date(text) == found


def test_board_names_in_a_message_by_side():
    said = "nee hoor, wij zijn Stichting Carolus Clusius College en het ROC is Stichting Deltion College"
    assert organisations(said) == {"vmbo": ["Stichting Carolus Clusius College"],
                                   "mbo": ["Stichting Deltion College"]}
    assert organisations("Wij werken met ROC Rivor.") == {"vmbo": [], "mbo": ["ROC Rivor"]}
    assert organisations("nee") == {"vmbo": [], "mbo": []}


@pytest.mark.parametrize("name, sentence", [
    ("Stichting Ons Middelbaar Onderwijs", False), ("Wij vallen onder Stichting X", True),
    ("we werken samen met het mbo", True), ("Scholengroep De Rijnlanden Noord", False),
])
def test_a_sentence_is_told_from_a_long_name(name, sentence):
    from bot.interview.reading import looks_like_sentence

    assert looks_like_sentence(name) is sentence
