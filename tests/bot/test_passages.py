"""The passages of the sources: faithful to them, each with its place and the answers quoting it."""

import pytest
import yaml

from bot.knowledge import load_knowledge
from bot.knowledge.base import FAQ, FAQ_SOURCE, GUIDANCE, GUIDANCE_SOURCE
from bot.knowledge.faq_source import parse_faq
from bot.knowledge.passages import (
    PASSAGES_FILE, PHRASINGS_FILE, PLACE_WORDS, _named_passage, faq_place, load_passages,
    phrasings_by_passage,
)
from bot.knowledge.text import quotes_source


def test_every_guidance_passage_reproduces_the_guidance():
    source = GUIDANCE_SOURCE.read_text(encoding="utf-8")
    listed = yaml.safe_load(PASSAGES_FILE.read_text(encoding="utf-8"))
    assert len(listed) >= 45
    for item in listed:
        assert item["place"].startswith("Bouwsteen, ")
        assert quotes_source(item["text"], source), item["place"]


def test_every_faq_answer_paragraph_is_a_passage_named_after_its_question():
    parsed = parse_faq(FAQ_SOURCE.read_text(encoding="utf-8"))
    faq = [p for p in load_passages() if p.source == FAQ]
    assert [p.text for p in faq] == [paragraph for item in parsed for paragraph in item.paragraphs]
    first = parsed[0]
    assert faq[0].place == f"FAQ: {first.question}" and faq[0].heading == first.question


def test_passages_are_numbered_in_order_guidance_first():
    passages = load_passages()
    assert [p.id for p in passages] == list(range(len(passages)))
    sources = [p.source for p in passages]
    assert sources == sorted(sources, key=lambda s: s != GUIDANCE)


def test_a_passage_knows_the_curated_answers_that_quote_it():
    by_text = {p.text[:40]: p for p in load_passages()}
    team = next(p for p in load_passages() if p.text.startswith("Met de teambevoegdheid"))
    assert "teambevoegdheid" in team.entry_keys
    faq_first = next(p for p in load_passages() if p.source == FAQ)
    assert faq_first.entry_keys == frozenset({load_knowledge().from_source(FAQ)[0].key})
    assert by_text  # every passage has a text


def test_a_very_short_answer_paragraph_does_not_link_an_answer_to_every_passage():
    # The SBB answer starts with "Nee.": that alone is in nearly every passage.
    linked = [p for p in load_passages() if "sbb_eisen" in p.entry_keys]
    assert 1 <= len(linked) <= 3


def test_a_long_faq_question_is_named_by_its_first_words():
    long_question = "Een " + " ".join(["lange"] * 20) + " vraag?"
    assert faq_place(long_question) == "FAQ: " + " ".join(long_question.split()[:PLACE_WORDS]) + " ...?"
    assert faq_place("Wie tekent, vraagt u?") == "FAQ: Wie tekent, vraagt u?"
    assert faq_place("één twee drie vier vijf zes zeven acht negen, tien") == (
        "FAQ: één twee drie vier vijf zes zeven acht negen ...?"
    )


def test_a_very_short_passage_belongs_only_to_the_answer_it_is_a_paragraph_of():
    short = [p for p in load_passages() if len(p.text) < 10]
    assert short and all(len(p.entry_keys) <= 1 for p in short)


def _entry(key, *paragraphs):
    from bot.knowledge.base import Entry

    return Entry(key, key, f"{key}?", tuple(paragraphs), FAQ)


def test_an_answer_quotes_a_passage_that_is_one_of_its_paragraphs_or_long_enough():
    from bot.knowledge.passages import MIN_QUOTED_LETTERS, _quoting_entries

    long_text = "De leerroute duurt vier jaar en eindigt met een diploma van het mbo."
    assert len(long_text) > MIN_QUOTED_LETTERS
    entries = [
        _entry("paragraph", "Nee.", "Iets anders."),
        _entry("inside", f"Kort gezegd: {long_text} Meer niet."),
        _entry("part", "De leerroute duurt vier jaar en eindigt met een diploma"),
        _entry("none", "Een heel ander antwoord over iets anders dan de leerroute."),
    ]
    assert _quoting_entries("nee", entries) == {"paragraph"}  # whole paragraph, letters only
    assert _quoting_entries(long_text, entries) == {"inside", "part"}
    assert _quoting_entries("Kort gezegd", entries) == frozenset()  # too short to be quoted inside


def test_the_quoting_lengths_are_at_least_forty_letters():
    from bot.knowledge.passages import _quoting_entries

    forty = "a" * 40
    assert _quoting_entries(forty, [_entry("in", "b" + forty + "b")]) == {"in"}
    assert _quoting_entries(forty[:-1], [_entry("in", "b" + forty + "b")]) == frozenset()
    assert _quoting_entries("b" + forty + "b", [_entry("part", forty)]) == {"part"}
    assert _quoting_entries("b" + forty + "b", [_entry("part", forty[:-1])]) == frozenset()


def test_a_question_of_exactly_the_place_words_is_named_whole():
    nine = " ".join(["woord"] * PLACE_WORDS) + "?"
    assert faq_place(nine) == f"FAQ: {nine}"
    ten = "Nu, " + nine
    assert faq_place(ten) == "FAQ: Nu, " + " ".join(["woord"] * (PLACE_WORDS - 1)) + " ...?"


def test_a_guidance_passage_has_no_heading_and_a_place_word_may_end_in_x():
    assert all(p.heading == "" for p in load_passages() if p.source == GUIDANCE)
    assert faq_place("een twee drie vier vijf zes zeven acht BOX tien elf") == (
        "FAQ: een twee drie vier vijf zes zeven acht BOX ...?")


def test_every_passage_has_phrasings_of_the_questions_it_answers():
    passages = load_passages()
    assert all(len(p.phrasings) >= 1 for p in passages)
    assert sum(len(p.phrasings) for p in passages) >= 2 * len(passages)


def test_each_phrasing_entry_names_exactly_one_passage():
    listed = yaml.safe_load(PHRASINGS_FILE.read_text(encoding="utf-8"))
    rows = [(p.place, p.text) for p in load_passages()]
    named = phrasings_by_passage(rows)
    assert sum(len(questions) for questions in named.values()) == sum(
        len(item["questions"]) for item in listed)


def test_a_phrasing_that_names_no_passage_or_several_is_an_error():
    rows = [("Bouwsteen, inleiding", "Vanaf 2020 is het"),
            ("Bouwsteen, inleiding", "Vanaf 2020 was")]
    with pytest.raises(ValueError, match="names 0 passages"):
        phrasings_by_passage(rows[:0])
    with pytest.raises(ValueError, match="names 2 passages"):
        _named_passage("Bouwsteen, inleiding", "Vanaf  2020", rows)
    assert _named_passage("Bouwsteen, inleiding", "Vanaf 2020 is", rows) == 0


def test_phrasings_of_one_passage_in_several_entries_are_all_kept(tmp_path, monkeypatch):
    phrasings = tmp_path / "phrasings.yml"
    phrasings.write_text(
        "- {place: 'Bouwsteen, inleiding', starts: 'Vanaf 2020', questions: ['Sinds wanneer?']}\n"
        "- {place: 'Bouwsteen, inleiding', starts: 'Vanaf 2020', questions: ['Vanaf welk jaar?', 'En nu?']}\n",
        encoding="utf-8")
    monkeypatch.setattr("bot.knowledge.passages.PHRASINGS_FILE", phrasings)
    named = phrasings_by_passage([("Bouwsteen, inleiding", "Vanaf 2020 is het")])
    assert named == {0: ("Sinds wanneer?", "Vanaf welk jaar?", "En nu?")}


def test_an_answer_that_quotes_a_passage_with_links_added_still_quotes_it():
    [footnote] = [p for p in load_passages() if p.place == "Bouwsteen, voetnoot 4"]
    assert "melden_leerroute" in footnote.entry_keys


def test_the_law_is_quoted_with_its_address_in_the_staatsblad():
    address = "https://zoek.officielebekendmakingen.nl/stb-2020-157"
    [footnote] = [p for p in load_passages() if p.place == "Bouwsteen, voetnoot 1"]
    assert footnote.text.endswith(f"Stb. 2020,157 [{address}]")
    assert f"[Stb. 2020, 157]({address})" in load_knowledge().get("verplicht_sinds_2020").answer
