"""The knowledge base reproduces the official texts, and the training data covers it."""

from collections import Counter

import pytest
import yaml

from bench.examples import held_out_examples, training_examples
from bot.knowledge import load_knowledge
from bot.knowledge.base import FAQ, FAQ_SOURCE, GUIDANCE, GUIDANCE_SOURCE
from bot.knowledge.responses import render
from bot.knowledge.text import letters_only, quotes_source
from bot.settings import PROJECT_ROOT

KNOWLEDGE = load_knowledge()
FAQ_TEXT = FAQ_SOURCE.read_text(encoding="utf-8")
GUIDANCE_TEXT = GUIDANCE_SOURCE.read_text(encoding="utf-8")


def test_every_faq_entry_of_the_source_is_answered():
    assert FAQ_TEXT.count("•") == 26
    assert len(KNOWLEDGE.from_source(FAQ)) == 26


def test_guidance_topics_named_by_the_assignment_are_answered():
    expected = {
        "waarom_overeenkomst", "verplicht_sinds_2020", "verplichte_onderwerpen",
        "teambevoegdheid", "vmbo_examens_spreiding", "mbo_examens_bpv",
        "geintegreerde_route", "klacht_mbo_docent", "medezeggenschap_wetten",
        "melden_leerroute", "format_overeenkomst",
    }
    assert expected <= {entry.key for entry in KNOWLEDGE.from_source(GUIDANCE)}


@pytest.mark.parametrize("entry", KNOWLEDGE.from_source(FAQ), ids=lambda e: e.key)
def test_faq_answers_reproduce_the_source(entry):
    block = FAQ_TEXT[FAQ_TEXT.index(entry.question[:40]):]
    for paragraph in entry.paragraphs:
        assert letters_only(paragraph) in letters_only(block)


@pytest.mark.parametrize("entry", KNOWLEDGE.from_source(GUIDANCE), ids=lambda e: e.key)
def test_guidance_answers_reproduce_the_source(entry):
    for paragraph in entry.paragraphs:
        for line in paragraph.splitlines():
            line = line.lstrip("abcdefghij0123456789. ")
            also = entry.also_from == FAQ and quotes_source(line, FAQ_TEXT)
            assert quotes_source(line, GUIDANCE_TEXT) or also, line


def test_answers_quote_no_clause_of_the_format_as_an_answer():
    clauses = ("Op grond van deze samenwerkingsovereenkomst", "Ondergetekenden melden")
    for entry in KNOWLEDGE:
        assert not any(clause in entry.answer for clause in clauses), entry.key
    assert KNOWLEDGE.get("melden_leerroute").also_from == FAQ
    assert "melden bij DUO" in KNOWLEDGE.get("melden_leerroute").answer


def test_no_answer_shows_double_or_non_breaking_spaces():
    for entry in KNOWLEDGE:
        assert "  " not in entry.answer and "\u00a0" not in entry.answer, entry.key


def test_the_format_answer_keeps_the_formats_colons():
    answer = KNOWLEDGE.get("format_overeenkomst").answer
    assert "Doel en wijze van samenwerking:\nAfspraken\n" in answer


def test_faithfulness_check_rejects_a_reworded_sentence():
    original = "De mbo-examinering en BPV zijn mogelijk vanaf het 1e jaar van de route."
    assert quotes_source(original, GUIDANCE_TEXT)
    assert not quotes_source(original.replace("1e", "2e"), GUIDANCE_TEXT)
    assert not quotes_source("Een samenwerkingsovereenkomst is nooit verplicht.", GUIDANCE_TEXT)


def test_faithfulness_check_skips_page_furniture_inside_a_sentence():
    sentence = (
        "De organisatorische en onderwijskundige inrichting van de doorlopende leerroute, "
        "waaronder de inzet van personeel en het gebruik van faciliteiten van de aan de "
        "overeenkomst deelnemende partijen;"
    )
    assert quotes_source(sentence, GUIDANCE_TEXT)


def test_extraction_line_breaks_are_repaired():
    for entry in KNOWLEDGE:
        for paragraph in entry.paragraphs:
            assert "  " not in paragraph and not paragraph.startswith(" ")


def test_committed_responses_match_the_knowledge_base():
    committed = (PROJECT_ROOT / "data" / "responses" / "faq.yml").read_text(encoding="utf-8")
    assert committed == render(KNOWLEDGE), "run `make responses`"


def test_every_response_carries_its_answer():
    responses = yaml.safe_load(render(KNOWLEDGE))["responses"]
    assert set(responses) == {entry.response_name for entry in KNOWLEDGE}
    for entry in KNOWLEDGE:
        assert entry.answer in responses[entry.response_name][0]["text"]


def test_every_entry_has_at_least_twelve_training_examples():
    counts = Counter(example.expected_key for example in training_examples())
    assert {entry.key: counts[entry.key] for entry in KNOWLEDGE if counts[entry.key] < 12} == {}
    assert set(counts) - {None} == {entry.key for entry in KNOWLEDGE}


def test_held_out_set_covers_every_entry_and_out_of_scope():
    held_out = held_out_examples()
    counts = Counter(example.expected_key for example in held_out)
    assert all(counts[entry.key] >= 4 for entry in KNOWLEDGE.from_source(FAQ))
    assert sum(counts[entry.key] for entry in KNOWLEDGE.from_source(GUIDANCE)) >= 15
    assert counts[None] >= 25


def test_held_out_questions_are_never_training_examples():
    trained = {letters_only(example.text) for example in training_examples()}
    leaked = [e.text for e in held_out_examples() if letters_only(e.text) in trained]
    assert leaked == []


def test_faq_entries_carry_the_faq_s_own_questions_and_guidance_entries_their_titles():
    from bot.knowledge.base import KNOWLEDGE_DIR, _load_faq_entries, _load_guidance_entries
    from bot.knowledge.faq_source import parse_faq

    parsed = parse_faq(FAQ_TEXT)
    assert [e.question for e in _load_faq_entries()] == [item.question for item in parsed]
    topics = yaml.safe_load((KNOWLEDGE_DIR / "guidance.yml").read_text(encoding="utf-8"))
    guidance = _load_guidance_entries()
    assert [(e.key, e.title, e.question) for e in guidance] == [(t["key"], t["title"], t["title"]) for t in topics]
    assert [e.also_from for e in guidance] == [t.get("also_from", "") for t in topics]
    assert "" in [e.also_from for e in guidance]
    assert any(len(e.paragraphs) > 1 for e in guidance)
    assert not any("\n\n" in p or p != p.strip() for e in guidance for p in e.paragraphs)


def test_a_faq_topic_list_that_does_not_match_the_source_is_refused(monkeypatch):
    import bot.knowledge.base
    from bot.knowledge.faq_source import parse_faq

    monkeypatch.setattr(bot.knowledge.base, "parse_faq", lambda text: parse_faq(text)[:-1])
    count = len(parse_faq(FAQ_TEXT))
    with pytest.raises(ValueError, match=f"^faq_topics.yml names {count} entries but the FAQ source has {count - 1}$"):
        bot.knowledge.base._load_faq_entries()


def test_two_entries_with_one_key_are_refused():
    from bot.knowledge.base import KnowledgeBase

    entry = next(iter(KNOWLEDGE))
    with pytest.raises(ValueError, match=f"^duplicate knowledge key: {entry.key}$"):
        KnowledgeBase([entry, entry])
