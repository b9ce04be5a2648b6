"""Quoting a passage of the sources, and saying that they do not answer."""

from bot import messages
from bot.knowledge.passages import Passage
from bot.knowledge.quotes import not_in_sources, passage_answer, quoted

PASSAGE = Passage(3, "Bouwsteen, onderwerp e", "Een *vet* [link](x) <b>", "bouwsteen")


def test_a_passage_is_quoted_with_its_place_and_no_markup_of_its_own():
    assert quoted(PASSAGE) == (
        "> Een \\*vet\\* \\[link\\](x) \\<b\\>\n\n_Bron: Bouwsteen, onderwerp e_"
    )
    assert passage_answer(PASSAGE) == f"{messages.PASSAGE_INTRO}\n\n{quoted(PASSAGE)}"


def test_saying_the_sources_do_not_answer_names_the_nearest_passage_when_there_is_one():
    assert not_in_sources(None) == f"{messages.NOT_IN_SOURCES}\n\n{messages.ASK_OTHERWISE}"
    assert not_in_sources(PASSAGE) == (
        f"{messages.NOT_IN_SOURCES}\n\n{messages.NEAREST_INTRO}\n\n{quoted(PASSAGE)}\n\n"
        f"{messages.ASK_OTHERWISE}"
    )
