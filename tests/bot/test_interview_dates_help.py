"""A date completed with the year of the earlier answer, a try at a date, and a step's explanation's source."""

from dataclasses import replace

import pytest

from bot.interview.catalogue import load_catalogue
from bot.interview.dates import completed_date, names_a_time
from bot.interview.help import explanation


def test_a_date_without_a_year_gets_the_year_of_the_earlier_answer():
    assert completed_date("2 september", "1 september 2026") == "2 september 2026"


def test_a_whole_date_or_an_earlier_answer_without_a_year_is_left_as_it_is():
    assert completed_date("3 september 2027", "1 september 2026") == "3 september 2027"
    assert completed_date("2 september", None) == "2 september"
    assert completed_date("2 september", "ergens in september") == "2 september"


def test_an_explanation_names_a_source_it_has_no_label_for_by_its_own_name():
    step = next(s for s in load_catalogue().steps if s.explanation)
    shown = explanation(replace(step, explanation_source="Handreiking 2021"), {})
    assert shown["text"].endswith("_Bron: Handreiking 2021_")


@pytest.mark.parametrize("text, names", [
    ("volgende week", True), ("Morgen", True), ("over twee weken", True), ("eind juni", True),
    ("in 2026", True), ("ergens dit jaar", True), ("komende vrijdag", True), ("vandaag", True),
    ("volgende", False), ("overslaan", False), ("weet ik nog niet", False), ("dagelijks", False),
])
def test_a_try_at_a_date_names_a_time(text, names):
    assert names_a_time(text) is names
