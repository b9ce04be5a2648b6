"""Cleaning what a user types before the language model reads it."""

from bot.user_text import clean_for_reading, fold, has_words


def test_reading_drops_controls_collapses_space_and_cuts():
    assert clean_for_reading(" moet\u0000de\u200b mr\u202e\n\n instemmen ") == "moet de mr instemmen"
    assert clean_for_reading("woord " * 10, max_chars=9) == "woord woo"
    assert clean_for_reading(None) == ""


def test_folding_compares_without_case_or_accents():
    assert fold("Één GEÏNTEGREERD") == "een geintegreerd"
    assert fold(None) == "" and fold("") == ""


def test_words_are_letters_or_digits():
    assert has_words("ok") and has_words("7") and not has_words("😀 !?") and not has_words(None)
