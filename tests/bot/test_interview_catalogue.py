"""The clause catalogue covers the whole official format and explains it with the source text."""

import re

import pytest

from bot.interview.catalogue import LEGAL_TOPICS, TEXT, load_catalogue
from bot.knowledge.base import FAQ_SOURCE, GUIDANCE_SOURCE
from bot.knowledge.text import quotes_source

CATALOGUE = load_catalogue()
SOURCES = {
    "bouwsteen": GUIDANCE_SOURCE.read_text(encoding="utf-8"),
    "faq": FAQ_SOURCE.read_text(encoding="utf-8"),
}


def test_every_clause_of_the_format_is_asked():
    clauses = {step.clause for step in CATALOGUE.clauses()}
    assert clauses == {"1", "2", "3a", "3b", "4", "4a", "4b", "4c", "5", "6", "7", "8", "9", "10"}


def test_topic_e_asks_for_exams_work_placement_and_complaints():
    topic_e = [step for step in CATALOGUE.clauses() if step.topic == "e"]
    questions = " ".join(step.question for step in topic_e)
    for subject in ("teambevoegdheid", "vmbo-examens", "mbo-examinering", "beroepspraktijkvorming",
                    "klacht", "mbo-docent", "PTA/OER"):
        assert subject in questions, subject
    assert [step.key for step in topic_e][-2:] == ["clause_4c_complaints", "clause_4_exams"]


def test_internal_wordings_speak_of_no_parties():
    party = re.compile(r"\b(partij|partijen|elkaar|ondertekend|overeenkomst)\b", re.IGNORECASE)
    internal = {"same_authority": True}
    for step in CATALOGUE.steps:
        if step.question_internal or party.search(step.question):
            assert not party.search(step.question_for(internal)), step.key
        assert step.question_for({"same_authority": False}) == step.question
    assert CATALOGUE.get("clause_10_termination").example_for(internal).startswith("Het bevoegd gezag")
    assert CATALOGUE.get("clause_1_programme").example_for(internal) == CATALOGUE.get("clause_1_programme").example


def test_the_examples_of_clauses_5_6_and_10_say_what_the_format_asks():
    assert CATALOGUE.get("clause_5_transfer_option").example[0].islower()  # continues "in staat gesteld om:"
    assert "mbo-2 opleiding" not in CATALOGUE.get("clause_5_transfer_option").example
    assert re.search(r"€ \d", CATALOGUE.get("clause_6_funding_amount").example)
    assert "ontbinden" in CATALOGUE.get("clause_10_termination").example


def test_every_legal_topic_is_covered_by_a_clause():
    assert {step.topic for step in CATALOGUE.clauses()} == set(LEGAL_TOPICS)


def test_only_clause_seven_is_optional():
    assert [step.key for step in CATALOGUE.steps if step.optional] == ["clause_7_codetermination"]


@pytest.mark.parametrize("step", [s for s in CATALOGUE.steps if s.explanation], ids=lambda s: s.key)
def test_explanations_quote_their_source(step):
    for line in step.explanation.splitlines():
        if line.strip():
            assert quotes_source(line, SOURCES[step.explanation_source]), line


def test_every_free_text_clause_has_an_example():
    assert [s.key for s in CATALOGUE.clauses() if s.kind == TEXT and not s.example] == []


def test_questions_are_questions_in_formal_dutch():
    informal = re.compile(r"\b(je|jij|jou|jouw)\b", re.IGNORECASE)
    for step in CATALOGUE.steps:
        assert step.question.rstrip().endswith((".", "?", ")")), step.key
        assert "?" in step.question, step.key
        assert not informal.search(step.question + step.example), step.key


def test_conditions_name_earlier_steps():
    keys = CATALOGUE.keys
    for step in CATALOGUE.steps:
        for slot in step.when:
            assert keys.index(slot) < keys.index(step.key)


def test_a_catalogue_refuses_duplicate_keys_unknown_kinds_and_conditions_on_unknown_steps():
    from bot.interview.catalogue import Catalogue, Step

    first = Step("a", TEXT, "A", "Vraag a?")
    with pytest.raises(ValueError, match="^duplicate step keys in the catalogue$"):
        Catalogue([first, Step("a", TEXT, "A2", "Vraag a2?")])
    with pytest.raises(ValueError, match="^b: unknown kind nothing$"):
        Catalogue([first, Step("b", "nothing", "B", "Vraag b?")])
    with pytest.raises(ValueError, match="^b: condition on unknown steps"):
        Catalogue([first, Step("b", TEXT, "B", "Vraag b?", when={"c": True})])
    assert [step.key for step in Catalogue([first]).steps] == ["a"]


def test_a_step_read_from_the_catalogue_file_takes_the_defaults_it_does_not_set():
    from bot.interview.catalogue import Step, _step

    minimal = _step({"key": "k", "kind": "text", "title": "Titel", "question": "Wat  is\n het?"})
    assert minimal == Step(key="k", kind="text", title="Titel", question="Wat is het?")
    assert (minimal.optional, minimal.structural, minimal.part) == (False, False, "")
    assert minimal.part_label == "Titel"
    full = _step({"key": "k", "kind": "text", "title": "Titel", "question": "Wat?", "optional": True,
                  "structural": True, "part": "omvang", "explanation": "Uitleg.",
                  "question_internal": "Wat  binnen\n het bestuur?",
                  "choices": [{"value": "a", "title": "A"}], "aliases": ["de kosten"]})
    assert (full.optional, full.structural, full.part, full.part_label) == (True, True, "omvang", "Titel (omvang)")
    assert (full.explanation, full.question_internal) == ("Uitleg.", "Wat binnen het bestuur?")
    assert [(c.value, c.title) for c in full.choices] == [("a", "A")] and full.aliases == ("de kosten",)
