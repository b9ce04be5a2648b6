"""Dutch words as search terms: stop words, lookup lemmas and stems."""

import importlib.machinery
import importlib.util

import pytest

from bot.knowledge.dutch_words import (
    Analyser, LemmaTable, dutch_analyser, dutch_lemmas, dutch_stop_words,
)


def _plain_analyser():
    return Analyser(LemmaTable({"gesloten": "sluiten"}), frozenset({"de", "het", "een", "wie"}))


def test_the_analyser_keeps_content_words_with_the_forms_of_their_lemma():
    analyser = _plain_analyser()
    assert analyser.words("Wie heeft het gesloten? De vmbo-school, in 2020!") == [
        ("heeft", ("heeft",)), ("gesloten", ("gesloten", "sluiten")), ("vmbo", ("vmbo",)),
        ("school", ("school",)), ("in", ("in",)),
    ]
    assert analyser.terms("gesloten x") == ["gesloten", "sluiten"]


def test_the_dutch_analyser_stems_and_lemmatises():
    analyser = dutch_analyser()
    assert analyser.terms("leerroutes") == analyser.terms("leerroute")
    assert analyser.terms("ging") == ["ging", "gaan"]
    assert analyser.terms("de en van het") == []
    assert dutch_lemmas().lemma("leerlingen") == "leerling" and dutch_lemmas().knows("tekenen")
    assert not dutch_lemmas().knows("samenwerkingsovereenkomt")


def test_spacy_s_dutch_stop_words_are_read_folded():
    words = dutch_stop_words()
    assert {"de", "het", "een", "wie", "eigenlijk", "namens"} <= words and "zo'n" not in words and "overeenkomst" not in words
    assert all(word == word.lower() for word in words)


def test_a_question_word_written_as_one_word_is_a_stop_word_as_its_parts_are():
    words = dutch_stop_words()
    assert {"hoe", "lang", "vaak"} <= words and {"hoelang", "hoevaak"} <= words


def test_greetings_and_fillers_of_chat_are_stop_words():
    assert {"hoi", "hallo", "ehh", "ehm", "wacht", "trouwens", "ok", "oke"} <= dutch_stop_words()


def test_the_table_knows_its_word_forms_and_its_lemmas():
    table = LemmaTable({"scholen": "school", "gesloten": "sluiten"})
    assert table.knows("scholen") and table.knows("school") and table.knows("sluiten")
    assert not table.knows("route")
    assert table.lemma("scholen") == "school" and table.lemma("route") == "route"


@pytest.mark.parametrize("spec", [None, importlib.machinery.ModuleSpec("spacy", None)])
def test_the_stop_words_need_spacy_installed(monkeypatch, spec):
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: spec)
    with pytest.raises(RuntimeError, match="^spaCy is not installed$"):
        dutch_stop_words()
