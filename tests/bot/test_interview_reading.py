"""Reading answers as people write them."""

import pytest

from bot.interview.reading import (
    Reading, looks_like_sentence, mentions_amount, organisations, party_names, place_and_date,
    strip_chatter, strip_clause_chatter, without_yes_no, yes_no_sentence,
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
    assert looks_like_sentence(name) is sentence


@pytest.mark.parametrize("text, meant", [
    ("het is een stichting uit Zwolle", Reading("Stichting uit Zwolle", certain=False)),
    ("het bestuur", Reading("het bestuur")),  # no chatter: the article stays
    ("  ROC Rivor  ", Reading("ROC Rivor")),
    ("nou, ", Reading("nou,")),  # nothing but chatter: the text as it was
    ("ik denk Stichting VO Oost.", Reading("Stichting VO Oost", certain=False)),
    ("ik denk Stichting Groep X", Reading("Stichting Groep X", certain=False)),
    ("ik denk x", Reading("X", certain=False)),
])
def test_an_article_goes_only_with_chatter_and_chatter_alone_is_kept(text, meant):
    assert strip_chatter(text) == meant


@pytest.mark.parametrize("text, meant", [
    ("ik denk dat de kosten worden gedeeld", Reading("De kosten worden gedeeld", certain=False)),
    ("ik denk twee woorden", Reading("Twee woorden", certain=False)),
    ("eh, eh, we delen de kosten", Reading("Eh, we delen de kosten", certain=False)),
    ("ik denk ja", Reading("ik denk ja")),  # one word left is no clause
    (" De kosten worden gedeeld ", Reading("De kosten worden gedeeld")),
])
def test_clause_answers_lose_only_the_chatter_before_them(text, meant):
    assert strip_clause_chatter(text) == meant


@pytest.mark.parametrize("text, rest", [
    ("ja hoor, dat doen we", "Dat doen we"), ("Nee, niet", "Niet"), ("ja, ja, prima", "Ja, prima"),
    ("nee", "nee"), ("Wij dragen over", "Wij dragen over"),
])
def test_the_yes_or_no_a_sentence_starts_with_is_taken_off(text, rest):
    assert without_yes_no(text) == rest


@pytest.mark.parametrize("text, names, certain", [
    ("Stichting A;;", ["Stichting A"], True),
    ("Stichting   A ;  Stichting B", ["Stichting A", "Stichting B"], True),
    ("Stichting A, ; Stichting B", ["Stichting A", "Stichting B"], True),
    ("Stichting A, X", ["Stichting A", "X"], False),
])
def test_empty_parts_and_extra_spaces_are_left_out_of_a_party_list(text, names, certain):
    assert party_names(text) == Reading(names, certain)


def test_four_words_make_a_sentence_three_do_not():
    assert looks_like_sentence("we werken samen hier") and not looks_like_sentence("we werken samen")
    assert looks_like_sentence("Wij vallen onder Stichting") and not looks_like_sentence("Roc Van Twente Oost")
    assert looks_like_sentence("eBay werkt met ons")  # starts in lower case


def test_amounts_are_found_in_any_case():
    assert mentions_amount("1250 EURO") and mentions_amount("5 Procent") and not mentions_amount("")


@pytest.mark.parametrize("text, found", [
    ("we tekenen in Dronten op 3 juli 2026", {"place": "Dronten", "date": "3 juli 2026"}),
    ("Gorinchem op 1 september 2027", {"place": "Gorinchem", "date": "1 september 2027"}),
    ("te Den Bosch, 2 mei 2026.", {"place": "Den Bosch", "date": "2 mei 2026"}),
    (", 1 september 2027", None),
    ("Xanten, 1 mei 2026", {"place": "Xanten", "date": "1 mei 2026"}),
    ("Gorinchem op, 1 september 2027", {"place": "Gorinchem", "date": "1 september 2027"}),
    ("Gorinchem, op 1 mei 2026", {"place": "Gorinchem", "date": "1 mei 2026"}),
])
def test_the_place_is_what_is_left_beside_the_date(text, found):
    assert place_and_date(text) == found


def test_unplaced_names_fill_vmbo_first_then_mbo_and_are_named_once():
    assert organisations("Stichting Alfa en Stichting Beta") == {
        "vmbo": ["Stichting Alfa"], "mbo": ["Stichting Beta"]}
    assert organisations("Stichting Alfa, Stichting Alfa") == {"vmbo": ["Stichting Alfa"], "mbo": []}
    assert organisations("wij zijn Stichting Alfa van") == {"vmbo": ["Stichting Alfa"], "mbo": []}
    assert organisations("Stichting de") == {"vmbo": [], "mbo": []}
    assert organisations("Stichting Groep X") == {"vmbo": ["Stichting Groep X"], "mbo": []}


def test_the_side_comes_from_the_name_or_the_words_just_before_it():
    assert organisations("Stichting Alfa en Stichting ROC Beta") == {
        "vmbo": ["Stichting Alfa"], "mbo": ["Stichting ROC Beta"]}
    assert organisations("de mbo-instelling Stichting Beta en Stichting Alfa") == {
        "vmbo": ["Stichting Alfa"], "mbo": ["Stichting Beta"]}
    assert organisations("Stichting Beta en wij zijn Stichting Alfa") == {
        "vmbo": ["Stichting Alfa"], "mbo": ["Stichting Beta"]}
    assert organisations("het ROC van hier en al lang Stichting Alfa") == {
        "vmbo": ["Stichting Alfa"], "mbo": []}  # "ROC" more than 20 characters before the name
    assert organisations("mbo Stichting Beta") == {"vmbo": [], "mbo": ["Stichting Beta"]}
    within = "mbo " + "a" * 15 + " Stichting Beta"  # "mbo" starts 20 characters before the name
    assert organisations(within) == {"vmbo": [], "mbo": ["Stichting Beta"]}
    too_far = "mbo " + "a" * 16 + " Stichting Beta"  # 21 characters before: too far
    assert organisations(too_far) == {"vmbo": ["Stichting Beta"], "mbo": []}
    assert organisations("ons bestuur heet Stichting Alfa, het mbo Stichting Beta") == {
        "vmbo": ["Stichting Alfa"], "mbo": ["Stichting Beta"]}
