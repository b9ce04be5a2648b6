"""The answers a checked agreement gives to the interview that completes it."""

import pytest

from bot.agreement.check import check_document, check_pasted_text
from bot.agreement.checker import COVERED, MISSING, PARTLY, UNSURE, Evidence, TopicFinding
from bot.agreement.facts import AGREEMENT, CONTINUOUS, MBO, OTHER, VMBO, Facts, Funding, Party
from bot.agreement.prefill import (
    MAX_TITLE_CHARS, MIN_ANSWER_WORDS, Prefill, _joined, _parties, prefill,
)
from bot.agreement.structure import Passage
from bot.agreement.topics import load_topics
from bot.interview.catalogue import load_catalogue
from bot.settings import PROJECT_ROOT

HELDOUT = PROJECT_ROOT / "tests" / "heldout" / "agreements"


# Made for each test (not once per module): mutation testing runs only the tests that call the
# code under test, and a shared result would be made inside the first test alone.
@pytest.fixture
def vakmanschap() -> Prefill:
    return check_document((HELDOUT / "vakmanschapsroute_old.docx").read_bytes()).prefill


def test_the_kind_route_and_parties_come_from_the_facts(vakmanschap):
    answers = vakmanschap.answers
    assert answers["same_authority"] is False and answers["route_type"] == "doorlopende_leerroute"
    assert answers["vmbo_parties"] == ["Stichting voor Christelijk Voortgezet Onderwijs Lingestreek"]
    # The checker could not tell this party's side: it fills the side that has none.
    assert answers["mbo_parties"] == ["Stichting Regionaal Opleidingencentrum Lek"]
    assert "authority_name" not in answers


def test_a_covered_topic_gives_its_passages_whole_one_paragraph_each(vakmanschap):
    leadership = vakmanschap.answers["clause_3a_leadership"].split("\n")
    assert leadership[0].startswith("Er is een stuurgroep, bestaande uit de directeur vmbo")
    assert len(leadership) == 4 and leadership[3].endswith("toestemming van beide besturen.")
    assert vakmanschap.answers["clause_2_business"].startswith("Het bouwbedrijfsleven in de regio")


def test_each_passage_of_a_topic_with_several_steps_goes_to_the_steps_whose_words_it_uses(vakmanschap):
    answers = vakmanschap.answers
    assert answers["clause_4a_locations"].startswith("Het derde leerjaar wordt volledig verzorgd in het gebouw")
    assert answers["clause_4_exams"].startswith("Toetsing en examinering zijn beschreven")
    assert "Toetsing en examinering" not in answers["clause_4a_locations"]
    assert "clause_4c_complaints" not in answers  # the agreement says nothing about complaints
    assert answers["clause_9_joining"].startswith("Andere scholen voor vmbo in de regio kunnen")
    assert "opzeggen" in answers["clause_10_termination"] and "opzeggen" not in answers["clause_9_joining"]


def test_funding_its_amount_and_destination(vakmanschap):
    answers = vakmanschap.answers
    assert answers["clause_6_funding_transfer"] is True
    assert "€ 900,- per schooljaar" in answers["clause_6_funding_amount"]
    assert answers["clause_6_funding_purpose"].startswith("Deze vergoeding dient ter dekking")


def test_missing_topics_are_to_complete_and_a_partly_covered_one_is_unclear(vakmanschap):
    assert vakmanschap.topics == ("f", "h", "i")
    assert vakmanschap.unclear == ("clause_5_transfer_option",)
    assert "clause_7_codetermination" not in vakmanschap.answers
    assert "clause_8_disputes" not in vakmanschap.answers


def test_the_title_names_the_existing_agreement(vakmanschap):
    assert vakmanschap.reference == "OVEREENKOMST VAKMANSCHAPSROUTE BOUW"


def test_an_interne_regeling_has_one_authority_and_no_transfer_of_funding():
    answers = check_document((HELDOUT / "aoc_interne_regeling.docx").read_bytes()).prefill.answers
    assert answers["same_authority"] is True
    assert len(answers["authority_name"]) == 1 and "vmbo_parties" not in answers
    assert answers["clause_6_funding_transfer"] is False
    assert "clause_6_funding_amount" not in answers and "clause_6_funding_purpose" not in answers


def test_where_funding_is_only_partly_covered_the_user_says_whether_it_is_transferred():
    text = (HELDOUT / "geen_overdracht.md").read_text(encoding="utf-8")
    prefill = check_pasted_text(text).prefill
    assert "g" in prefill.topics and "clause_6_funding_transfer" not in prefill.answers
    funding = [key for key in ("clause_6_funding_amount", "clause_6_funding_purpose") if key in prefill.answers]
    assert all(key in prefill.unclear for key in funding)


def test_a_complete_agreement_leaves_nothing_to_complete():
    result = check_document((HELDOUT / "full_format.docx").read_bytes())
    assert result.prefill.topics == () and result.prefill.unclear == ()


def test_the_stored_form_keeps_every_answer_and_drops_unknown_steps(vakmanschap):
    data = vakmanschap.as_json()
    assert Prefill.from_json(data) == Prefill(dict(vakmanschap.answers), vakmanschap.unclear,
                                              vakmanschap.topics, vakmanschap.reference)
    data["answers"]["not_a_step"] = "x"
    data["unclear"].append("not_a_step")
    again = Prefill.from_json(data)
    assert "not_a_step" not in again.answers and "not_a_step" not in again.unclear
    assert Prefill.from_json({}) == Prefill()


def _facts(*parties, funding=Funding(None)):
    return Facts(tuple(Party(name, side) for name, side in parties), AGREEMENT, False, CONTINUOUS,
                 funding)


def _prefill_of(passages, facts, g_status=MISSING):
    """The prefill of a document whose every topic is missing, but funding (topic g)."""
    findings = [TopicFinding(t.letter, t.letter, "", g_status if t.letter == "g" else MISSING)
                for t in load_topics()]
    return prefill(passages, findings, facts)


def test_parties_whose_side_is_unclear_fill_the_sides_that_have_none_in_order():
    assert _parties(_facts(("A", OTHER), ("B", OTHER), ("C", OTHER))) == {
        "vmbo_parties": ["A"], "mbo_parties": ["B"]}
    assert _parties(_facts(("ROC", MBO), ("A", OTHER), ("B", OTHER))) == {
        "vmbo_parties": ["A"], "mbo_parties": ["ROC"]}
    assert _parties(_facts(("VO", VMBO), ("ROC", MBO), ("A", OTHER))) == {
        "vmbo_parties": ["VO"], "mbo_parties": ["ROC"]}


def test_every_partly_or_unsurely_covered_topic_marks_its_answers_unclear():
    result = check_document((HELDOUT / "partly.docx").read_bytes())
    unsure_topics = {f.topic for f in result.findings if f.status in (PARTLY, UNSURE)}
    assert len(unsure_topics) >= 3
    topic_of = {step.key: step.topic for step in load_catalogue().clauses()}
    assert {topic_of[key] for key in result.prefill.unclear} == unsure_topics
    assert all(key in result.prefill.answers for key in result.prefill.unclear)


def test_a_passage_of_exactly_the_fewest_words_of_its_own_is_part_of_an_answer():
    words = ["leerlingen", "volgen", "lessen", "samen", "daar", "vaak"]
    enough = Passage(" ".join(words[:MIN_ANSWER_WORDS]), 1)
    too_few = Passage(" ".join(words[:MIN_ANSWER_WORDS - 1]), 2)
    heading = Passage(" ".join(words), 3, is_heading=True)
    assert _joined([enough, too_few, heading]) == enough.text
    assert _joined([too_few, heading]) is None
    spaced = Passage("  De  stuurgroep\n komt vier keer per jaar  bijeen. ", 4)
    assert _joined([enough, spaced]) == enough.text + "\nDe stuurgroep komt vier keer per jaar bijeen."


def _funding_prefill(g_status, transferred):
    amount = Passage("De vergoeding bedraagt 900 euro per leerling per schooljaar.", 0, article="8")
    funding = Funding(transferred, (Evidence(amount.text, amount.place),), ())
    return _prefill_of([amount], _facts(funding=funding), g_status).answers


def test_funding_is_offered_only_where_the_topic_is_found_and_money_is_transferred():
    assert _funding_prefill(COVERED, True)["clause_6_funding_amount"].startswith("De vergoeding")
    assert "clause_6_funding_amount" not in _funding_prefill(COVERED, False)
    assert _funding_prefill(COVERED, False)["clause_6_funding_transfer"] is False
    assert not any(key.startswith("clause_6") for key in _funding_prefill(MISSING, True))


@pytest.mark.parametrize("first, reference", [
    (None, ""),
    ("Samenwerkingsovereenkomst bouw", ""),  # not a heading: no title
    ("T" * 120, "T" * 120),
    ("T" * 121, ""),
    ("  OVEREENKOMST   BOUW ", "OVEREENKOMST BOUW"),
])
def test_the_existing_agreement_is_named_by_a_short_heading_at_its_start(first, reference):
    assert MAX_TITLE_CHARS == 120
    heading = first is not None and first != "Samenwerkingsovereenkomst bouw"
    passages = [] if first is None else [Passage(first, 0, is_heading=heading)]
    assert _prefill_of(passages, _facts()).reference == reference
