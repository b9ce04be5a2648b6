"""Deciding between answering, offering choices and declining."""

import dataclasses

import pytest

from bot.answering import (
    AMBIGUITY_MARGIN, ANSWER, ANSWER_CONFIDENCE, CANDIDATE_CONFIDENCE, CLARIFY, NO_WORDS,
    OUT_OF_SCOPE, OUT_OF_SCOPE_INTENT, QUESTION_INTENT, QUESTION_INTENT_FLOOR, Decision, answer_ranking, decide, decide_parse,
    intent_ranking,
)
from tests.conftest import parse_result

QUESTION = [("faq", 0.95), ("out_of_scope", 0.03)]


@pytest.mark.parametrize(
    "text, intents, answers, kind, key",
    [
        ("moet de mr instemmen", QUESTION, [("a", 0.9), ("b", 0.05)], ANSWER, "a"),
        ("moet de mr instemmen", QUESTION, [("a", 0.5), ("b", 0.45)], CLARIFY, None),
        ("moet de mr instemmen", QUESTION, [("a", 0.2), ("b", 0.1)], CLARIFY, None),
        ("moet de mr instemmen", QUESTION, [("a", 0.3), ("b", 0.1)], ANSWER, "a"),
        ("wat is het weer", [("out_of_scope", 0.9), ("faq", 0.08)], [("a", 0.9)], OUT_OF_SCOPE, None),
        ("iets", [("nlu_fallback", 0.4), ("faq", 0.35)], [("a", 0.9), ("b", 0.01)], ANSWER, "a"),
        ("iets", [("nlu_fallback", 0.4), ("faq", 0.35)], [("a", 0.3), ("b", 0.25)], CLARIFY, None),
        ("iets", [("nlu_fallback", 0.4), ("greet", 0.38), ("faq", 0.35)], [("a", 0.9)], CLARIFY, None),
        ("😀", QUESTION, [("a", 0.99)], NO_WORDS, None),
        ("   ", QUESTION, [("a", 0.99)], NO_WORDS, None),
        ("vraag", QUESTION, [], OUT_OF_SCOPE, None),
    ],
)
def test_decide(text, intents, answers, kind, key):
    decision = decide(text, intents, answers)
    assert decision.kind == kind
    assert decision.key == key


def test_choices_are_the_closest_few_above_a_floor():
    answers = [("a", 0.40), ("b", 0.35), ("c", 0.15), ("d", 0.05)]
    assert decide("vraag", QUESTION, answers).candidates == ["a", "b", "c"]
    answers = [("a", 0.40), ("b", 0.35), ("c", 0.05)]
    assert decide("vraag", QUESTION, answers).candidates == ["a", "b"]


def test_rankings_are_read_from_a_parse_result():
    parse = parse_result(
        "mag de mr meebeslissen", [("faq", 0.9), ("greet", 0.1)],
        [("medezeggenschap_goedkeuring", 0.8), ("medezeggenschap_wetten", 0.1)],
    )
    assert intent_ranking(parse) == [("faq", 0.9), ("greet", 0.1)]
    assert answer_ranking(parse)[0] == ("medezeggenschap_goedkeuring", 0.8)
    assert decide_parse(parse).key == "medezeggenschap_goedkeuring"


def test_a_parse_without_rankings_is_out_of_scope():
    assert decide_parse({"text": "hallo"}).kind == OUT_OF_SCOPE


def test_a_message_that_is_hardly_a_question_and_not_about_the_faq_is_declined():
    intents = [("greet", 0.9), ("faq", QUESTION_INTENT_FLOOR - 0.01)]
    assert decide("hallo daar", intents, [("a", 0.3), ("b", 0.25)]).kind == OUT_OF_SCOPE
    intents = [("greet", 0.9), ("faq", QUESTION_INTENT_FLOOR)]
    assert decide("hallo daar", intents, [("a", 0.3), ("b", 0.25)]).kind == CLARIFY


def test_the_thresholds_are_inclusive():
    assert decide("vraag", QUESTION, [("a", ANSWER_CONFIDENCE), ("b", 0.15)]) == Decision(ANSWER, key="a")
    just_close = [("a", 0.5), ("b", 0.5 - AMBIGUITY_MARGIN + 0.001)]
    assert decide("vraag", QUESTION, just_close).kind == CLARIFY
    floor = [("a", 0.2), ("b", CANDIDATE_CONFIDENCE), ("c", CANDIDATE_CONFIDENCE - 0.001)]
    assert decide("vraag", QUESTION, floor).candidates == ["a", "b"]


def test_a_message_with_only_the_fallback_intent_is_declined():
    decision = decide("iets", [("nlu_fallback", 0.6)], [("a", 0.3), ("b", 0.25)])
    assert decision.kind == OUT_OF_SCOPE  # no question confidence at all: nothing to offer


def test_rankings_read_missing_and_foreign_entries_safely():
    parse = {"text": "x", "intent": {"name": "greet", "confidence": None},
             "response_selector": {"faq": {"ranking": [
                 {"intent_response_key": "chitchat/weer", "confidence": 0.9},
                 {"intent_response_key": "faq/teambevoegdheid"}]}}}
    assert intent_ranking(parse) == [("greet", 0.0)]
    assert answer_ranking(parse) == [("teambevoegdheid", 0.0)]
    assert intent_ranking({}) == [] and answer_ranking({"response_selector": None}) == []


def test_a_single_confident_answer_is_given_without_a_runner_up():
    assert decide("vraag", QUESTION, [("a", 0.3)]) == Decision(ANSWER, key="a")
    assert intent_ranking({"intent": {"name": "greet", "confidence": 0.7}}) == [("greet", 0.7)]


# Deciding with the passages the search found.

from bot.answering import (  # noqa: E402
    ANSWER_COVERAGE, NOT_IN_SOURCES, OVERRULE_BELOW, OVERRULE_COVERAGE, PASSAGE, PASSAGE_SCORE,
    SHORT_QUESTION,
    SOURCES_SILENT_COVERAGE, Found, Search, decide_follow_up, decide_from_passages, is_follow_up,
    search_from_parse, search_passages, search_to_parse,
)
from bot.knowledge.passages import load_passages  # noqa: E402

CONFIDENT = [("a", 0.9), ("b", 0.05)]


def _search(*found, words=3, quantity=False, uncovered=False, beyond=0.0):
    """A search's findings; a hit without a relevance of its own gets its score relative to the
    first hit's (as the search gives it when the learnt ranking tells nothing apart)."""
    top = found[0].score if found and found[0].score else 1.0
    found = tuple(
        hit if hit.relevance else dataclasses.replace(hit, relevance=hit.score / top)
        for hit in found
    )
    return Search(found, words, quantity, uncovered, beyond)


def _hit(passage, score, coverage, *keys, quantity=False, learnt=0.0):
    return Found(passage, score, coverage, frozenset(keys), quantity, learnt=learnt)


# A learnt score of a passage whose questions the question does not read like.
UNLIKE = -0.5


def test_a_confident_answer_that_quotes_a_passage_found_is_given():
    search = _search(_hit(7, 8.0, 1.0, "b", learnt=UNLIKE), _hit(3, 6.0, 0.8, "a"))
    assert decide("vraag", QUESTION, CONFIDENT, search) == Decision(ANSWER, key="a")


def test_a_confident_answer_quoting_only_weak_passages_gives_way_to_a_passage_that_answers():
    search = _search(_hit(7, 10.0, 0.95, "b"), _hit(3, 3.0, 0.5, "a"))
    assert decide("vraag", QUESTION, CONFIDENT, search) == Decision(PASSAGE, passage=7)


def test_a_confident_answer_that_no_passage_found_bears_out_is_declined_with_the_nearest():
    search = _search(_hit(7, 10.0, OVERRULE_COVERAGE - 0.01, "b", learnt=UNLIKE), words=SHORT_QUESTION + 4)
    assert decide("vraag", QUESTION, CONFIDENT, search) == Decision(NOT_IN_SOURCES, passage=7)
    # Not even when the model is all but sure of it: the passages found do not show it.
    all_but_sure = [("a", 1.0), ("b", 0.0)]
    assert decide("vraag", QUESTION, all_but_sure, search) == Decision(NOT_IN_SOURCES, passage=7)


def test_an_answer_no_passage_bears_out_is_never_given():
    from bot.answering import SURE_ANSWER

    search = _search(_hit(7, 10.0, ANSWER_COVERAGE - 0.01, "b"), _hit(3, 2.0, 0.3, "a"),
                     words=SHORT_QUESTION + 4)
    unsure = [("a", SURE_ANSWER - 0.01), ("b", 0.01)]
    assert decide("vraag", QUESTION, unsure, search) == Decision(NOT_IN_SOURCES, passage=3)
    sure = [("a", SURE_ANSWER), ("b", 0.01)]
    assert decide("vraag", QUESTION, sure, search) == Decision(NOT_IN_SOURCES, passage=3)
    assert decide("vraag", QUESTION, [("a", OVERRULE_BELOW - 0.01), ("b", 0.01)], search).kind == NOT_IN_SOURCES
    assert decide("vraag", QUESTION, [("a", 1.0), ("b", 0.0)], search) == Decision(NOT_IN_SOURCES, passage=3)
    # The same search with the answer's passage among the best gives the answer.
    borne_out = _search(_hit(7, 10.0, ANSWER_COVERAGE - 0.01, "b"), _hit(3, 9.0, 0.5, "a"),
                        words=SHORT_QUESTION + 4)
    assert decide("vraag", QUESTION, sure, borne_out) == Decision(ANSWER, key="a")
    borne_out = _search(_hit(3, 10.0, 0.5, "a"), words=SHORT_QUESTION + 4)
    assert decide("vraag", QUESTION, unsure, borne_out) == Decision(ANSWER, key="a")


def test_a_passage_overrules_an_answer_the_model_is_sure_of_only_when_it_holds_more_of_the_question():
    from bot.answering import SURE_ANSWER

    sure = [("a", SURE_ANSWER), ("b", 0.01)]
    unsure = [("a", SURE_ANSWER - 0.01), ("b", 0.01)]
    answers = _search(_hit(7, 10.0, ANSWER_COVERAGE, "b", learnt=UNLIKE), words=SHORT_QUESTION + 4)
    assert decide("vraag", QUESTION, unsure, answers) == Decision(PASSAGE, passage=7)
    assert decide("vraag", QUESTION, sure, answers) == Decision(NOT_IN_SOURCES, passage=7)
    overrules = _search(_hit(7, 10.0, OVERRULE_COVERAGE, "b", learnt=UNLIKE), words=SHORT_QUESTION + 4)
    assert ANSWER_COVERAGE < OVERRULE_COVERAGE
    assert decide("vraag", QUESTION, sure, overrules) == Decision(PASSAGE, passage=7)


def test_an_answer_the_model_is_all_but_sure_of_that_a_passage_bears_out_is_not_overruled_nor_declined():
    sure = [("a", OVERRULE_BELOW), ("b", 0.01)]
    search = _search(_hit(7, 10.0, 0.95, "b"), _hit(3, 9.0, 0.5, "a"))
    assert decide("vraag", QUESTION, sure, search) == Decision(ANSWER, key="a")
    silent = _search(_hit(3, 4.0, SOURCES_SILENT_COVERAGE - 0.01, "a"), words=SHORT_QUESTION)
    assert decide("vraag", QUESTION, sure, silent) == Decision(ANSWER, key="a")
    # Without a passage of its own: the passage that answers, or the sources do not say.
    assert decide("vraag", QUESTION, sure, _search(_hit(7, 10.0, 0.95, "b"))) == Decision(PASSAGE, passage=7)
    elsewhere = _search(_hit(7, 4.0, SOURCES_SILENT_COVERAGE - 0.01, "b"), words=SHORT_QUESTION)
    assert decide("vraag", QUESTION, sure, elsewhere) == Decision(NOT_IN_SOURCES, passage=7)


def test_a_short_question_the_sources_hardly_hold_is_declined_with_the_nearest_passage():
    search = _search(_hit(7, 4.0, SOURCES_SILENT_COVERAGE - 0.01, "b"), words=SHORT_QUESTION)
    assert decide("vraag", QUESTION, CONFIDENT, search) == Decision(NOT_IN_SOURCES, passage=7)
    weak = _search(_hit(7, 1.0, 0.1, "b"), words=2)
    assert decide("vraag", QUESTION, CONFIDENT, weak) == Decision(NOT_IN_SOURCES)


def test_a_short_question_the_sources_hardly_hold_is_declined_though_the_answer_quotes_a_passage():
    search = _search(_hit(7, 4.0, SOURCES_SILENT_COVERAGE - 0.01, "a"), words=SHORT_QUESTION)
    assert decide("vraag", QUESTION, CONFIDENT, search) == Decision(NOT_IN_SOURCES, passage=7)


def test_a_long_question_is_not_declined_for_words_the_sources_do_not_use():
    search = _search(_hit(7, 4.0, 0.2, "a"), words=SHORT_QUESTION + 1)
    assert decide("vraag", QUESTION, CONFIDENT, search).kind == ANSWER


def test_a_quantity_the_passages_do_not_give_is_declined_even_for_a_confident_answer():
    search = _search(_hit(7, 9.0, 0.9, "a"), quantity=True)
    assert decide("hoeveel", QUESTION, CONFIDENT, search) == Decision(NOT_IN_SOURCES, passage=7)
    given = _search(_hit(7, 9.0, ANSWER_COVERAGE, "a", quantity=True), quantity=True)
    assert decide("hoeveel", QUESTION, CONFIDENT, given) == Decision(ANSWER, key="a")


def test_a_question_for_a_quantity_gets_the_passage_that_gives_it_over_an_answer_without():
    search = _search(_hit(7, 9.0, 0.9, "a"), _hit(8, 8.0, 0.9, quantity=True), quantity=True)
    assert decide("hoe lang", QUESTION, CONFIDENT, search) == Decision(PASSAGE, passage=8)
    # A question that asks for no quantity keeps its answer, whatever numbers a passage gives.
    plain = _search(_hit(7, 9.0, 0.9, "a"), _hit(8, 8.0, 0.9, quantity=True))
    assert decide("wie tekent", QUESTION, CONFIDENT, plain) == Decision(ANSWER, key="a")
    assert decide("hoe lang", QUESTION, [("a", OVERRULE_BELOW), ("b", 0.01)], search) == Decision(
        ANSWER, key="a")
    # An answer that gives a quantity itself ("Vanaf 2020 ...") keeps its place.
    dated = [("verplicht_sinds_2020", 0.9), ("b", 0.05)]
    search = _search(_hit(7, 9.0, 0.9, "verplicht_sinds_2020"), _hit(8, 8.0, 0.9, quantity=True),
                     quantity=True)
    assert decide("hoe lang al", QUESTION, dated, search) == Decision(
        ANSWER, key="verplicht_sinds_2020")
    # So does an answer that quotes the passage that gives it.
    quoted = _search(_hit(8, 9.0, 0.9, "a", quantity=True), quantity=True)
    assert decide("hoe lang", QUESTION, CONFIDENT, quoted) == Decision(ANSWER, key="a")
    # A passage that does not answer the question is no ground to set the answer aside.
    weak = _search(_hit(7, 9.0, 0.9, "a"), _hit(8, PASSAGE_SCORE - 0.01, 0.9, quantity=True),
                   quantity=True)
    assert decide("hoe lang", QUESTION, CONFIDENT, weak) == Decision(ANSWER, key="a")


def test_an_unsure_question_for_a_quantity_the_passage_does_not_give_is_declined():
    unsure = [("a", 0.2), ("b", 0.15)]
    strong = _hit(4, PASSAGE_SCORE, ANSWER_COVERAGE, learnt=0.5)
    assert decide("hoeveel", QUESTION, unsure, _search(strong, quantity=True)) == Decision(
        NOT_IN_SOURCES, passage=4)
    given = dataclasses.replace(strong, answers_quantity=True)
    assert decide("hoeveel", QUESTION, unsure, _search(given, quantity=True)) == Decision(
        PASSAGE, passage=4)


def test_an_unsure_question_gets_the_passage_that_answers_it():
    unsure = [("a", 0.3), ("b", 0.25)]
    search = _search(_hit(4, PASSAGE_SCORE, ANSWER_COVERAGE))
    assert decide("vraag", QUESTION, unsure, search) == Decision(PASSAGE, passage=4)
    below = _search(_hit(4, PASSAGE_SCORE - 0.1, ANSWER_COVERAGE, "a", "b"))
    assert decide("vraag", QUESTION, unsure, below).kind == CLARIFY


def test_only_choices_that_quote_a_passage_found_are_offered():
    unsure = [("a", 0.3), ("b", 0.25), ("c", 0.2)]
    search = _search(_hit(4, 2.0, 0.5, "b"), _hit(5, 1.5, 0.5, "c"), _hit(6, 0.5, 0.5, "x"))
    assert decide("vraag", QUESTION, unsure, search).candidates == ["b", "c"]
    nothing = _search(_hit(4, 2.5, 0.5, "x"))
    assert decide("vraag", QUESTION, unsure, nothing) == Decision(NOT_IN_SOURCES, passage=4)


def test_the_search_survives_the_parse_result():
    search = _search(_hit(4, 2.123456, 0.5, "b", "a", quantity=True), words=5, quantity=True)
    kept = search_to_parse(search)
    assert kept["found"][0]["entry_keys"] == ["a", "b"] and kept["found"][0]["score"] == 2.1235
    back = search_from_parse({"passages": kept})
    assert back == _search(_hit(4, 2.1235, 0.5, "a", "b", quantity=True), words=5, quantity=True)
    uncovered = search_from_parse({"passages": search_to_parse(_search(_hit(4, 2.0, 0.5), uncovered=True))})
    assert uncovered.uncovered is True and back.uncovered is False
    assert search_from_parse({}) is None and search_from_parse({"passages": []}) is None
    # The learnt ranking's figures are kept to four places, and read back as 0 when missing.
    ranked = search_to_parse(Search((Found(4, 2.0, 0.5, frozenset(), False, 0.123456, -0.654321),), 3, False))
    assert (ranked["found"][0]["relevance"], ranked["found"][0]["learnt"]) == (0.1235, -0.6543)
    bare = search_from_parse({"passages": {"found": [{"passage": 4, "score": 2.0, "coverage": 0.5}]}})
    assert (bare.found[0].relevance, bare.found[0].learnt) == (0.0, 0.0)
    parse = parse_result("vraag", QUESTION, CONFIDENT)
    parse["passages"] = search_to_parse(_search(_hit(7, 10.0, 0.95, "b")))
    assert decide_parse(parse) == Decision(PASSAGE, passage=7)


@pytest.mark.parametrize("text, follows", [
    ("En voor een AOC?", True), ("Geldt dat ook voor het mbo?", True), ("Waarom?", True),
    ("waarom niet", True), ("en als er drie scholen zijn", True), ("moet het daarvoor ook?", True),
    ("welk recht hebben ze dan wel?", True), ("voor wie is dat handig?", True),
    ("Wie moet de samenwerkingsovereenkomst ondertekenen?", False), ("", False),
    ("en dan nog een hele lange vraag over iets heel anders dan dit of dat", False),
    ("wat is een interne regeling", False),
])
def test_follow_up_questions_are_recognised(text, follows):
    assert is_follow_up(text) is follows


def _passage_text(decision):
    return load_passages()[decision.passage].text


def test_a_follow_up_is_answered_in_the_context_of_the_question_before_it():
    decision = decide_follow_up("Moet een aoc een samenwerkingsovereenkomst afsluiten?", "Waarom niet?")
    assert decision.kind == PASSAGE and "Hetzelfde bevoegd gezag" in _passage_text(decision)
    aoc = decide_follow_up("Moeten we een samenwerkingsovereenkomst sluiten?", "en voor een AOC?")
    assert aoc.kind == PASSAGE and "aoc" in _passage_text(aoc).lower()
    # The FAQ's "geen samenwerkingsovereenkomst nodig" or the guidance's "interne regeling".
    assert any(words in _passage_text(aoc) for words in ("geen samenwerkingsovereenkomst nodig",
                                                         "interne regeling"))
    none = decide_follow_up("Moet de MR instemmen?", "en voor de kantine?")
    assert none.kind == NOT_IN_SOURCES


@pytest.mark.parametrize("question, expected", [
    ("Wie moet de samenwerkingsovereenkomst ondertekenen?", "gesloten door de bevoegde gezagsorganen"),
    ("welke wet regelt de doorlopende leerroutes", "Stb. 2020,157"),
])
def test_the_passages_alone_answer_questions_without_a_curated_answer(question, expected):
    decision = decide_from_passages(question)
    assert decision.kind == PASSAGE and expected in _passage_text(decision)


@pytest.mark.parametrize("question", [
    "Hoeveel euro bekostiging krijgt een mbo-instelling per student in een doorlopende leerroute?",
    "Is er eigenlijk een maximum aantal leerlingen voor zo'n route?",
    "welke kleur heeft het logo",
])
def test_questions_the_sources_do_not_answer_are_declined(question):
    assert decide_from_passages(question).kind == NOT_IN_SOURCES
    assert decide(question, QUESTION, CONFIDENT, search_passages(question)).kind == NOT_IN_SOURCES


def test_a_choice_may_be_any_answer_that_quotes_a_passage_found():
    unsure = [("a", 0.3), ("b", 0.25), ("c", 0.2)]
    search = _search(_hit(4, 3.0, 0.5, "b"), _hit(5, 0.2, 0.5, "a"))
    assert decide("vraag", QUESTION, unsure, search).candidates == ["a", "b"]


def test_the_model_s_confidence_lifts_the_passages_its_answer_quotes():
    unsure = [("a", 0.3), ("b", 0.25)]
    search = _search(_hit(1, 10.0, 0.9), _hit(2, 9.0, 0.9, "a"))
    # 10/10 + 0 against 9/10 + 0.5 * 0.3: the passage quoted by the likelier answer comes first.
    assert decide("vraag", QUESTION, unsure, search) == Decision(PASSAGE, passage=2)
    assert decide("vraag", QUESTION, [("a", 0.1)], search) == Decision(PASSAGE, passage=1)


def test_a_decline_names_the_passage_of_the_model_s_answer_when_there_is_one():
    search = _search(_hit(1, 9.0, 0.9), _hit(2, 2.5, 0.9, "a"), _hit(3, 1.0, 0.9, "a"),
                     quantity=True)
    assert decide("hoeveel", QUESTION, CONFIDENT, search) == Decision(NOT_IN_SOURCES, passage=2)
    far = _search(_hit(1, 9.0, 0.9), _hit(3, 1.0, 0.9, "a"), quantity=True)
    assert decide("hoeveel", QUESTION, CONFIDENT, far) == Decision(NOT_IN_SOURCES, passage=1)


def test_the_passages_alone_decline_a_quantity_they_do_not_give():
    decision = decide_from_passages("Hoeveel euro krijgt een roc voor de bekostiging van de overstapoptie?")
    assert decision.kind == NOT_IN_SOURCES


def test_a_why_follow_up_prefers_a_passage_that_gives_a_reason():
    decision = decide_follow_up("Moet een aoc een samenwerkingsovereenkomst afsluiten?", "hoezo?")
    assert "immers" in _passage_text(decision)


def test_a_long_question_hardly_held_by_any_passage_is_declined_when_the_model_is_unsure_too():
    from bot.answering import SURE_ANSWER, LONG_SILENT_COVERAGE

    unsure = [("a", SURE_ANSWER - 0.01), ("b", 0.01)]
    search = _search(_hit(7, 8.0, LONG_SILENT_COVERAGE - 0.01, "a"), words=SHORT_QUESTION + 4)
    assert decide("vraag", QUESTION, unsure, search) == Decision(NOT_IN_SOURCES, passage=7)
    sure = [("a", SURE_ANSWER), ("b", 0.01)]
    assert decide("vraag", QUESTION, sure, search) == Decision(ANSWER, key="a")
    held = _search(_hit(7, 8.0, LONG_SILENT_COVERAGE, "a"), words=SHORT_QUESTION + 4)
    assert decide("vraag", QUESTION, unsure, held) == Decision(ANSWER, key="a")


@pytest.mark.parametrize("text", ["is het toch handig om iets vast te leggen?"])
def test_a_question_with_toch_leans_on_the_one_before_it(text):
    assert is_follow_up(text)


def test_a_message_read_as_outside_the_topic_gets_a_passage_that_holds_all_of_it():
    from bot.answering import REDIRECT_COVERAGE, REDIRECT_SCORE, TOPIC_LEARNT

    outside = [("out_of_scope", 0.8), ("faq", 0.1)]
    held = _search(_hit(7, REDIRECT_SCORE, REDIRECT_COVERAGE, "b"))
    assert decide("vraag", outside, CONFIDENT, held) == Decision(PASSAGE, passage=7)
    partly = _search(_hit(7, REDIRECT_SCORE, REDIRECT_COVERAGE - 0.01, "b"))
    assert decide("vraag", outside, CONFIDENT, partly) == Decision(OUT_OF_SCOPE)
    weak = _search(_hit(7, REDIRECT_SCORE - 0.1, 1.0, "b"))
    assert decide("vraag", outside, CONFIDENT, weak) == Decision(OUT_OF_SCOPE)
    # Held wholly, but in words that read unlike the passage's questions ("wanneer begint het
    # nieuwe schooljaar"): small talk.
    unlike = _search(_hit(7, REDIRECT_SCORE, 1.0, "b", learnt=TOPIC_LEARNT))
    assert decide("vraag", outside, CONFIDENT, unlike) == Decision(OUT_OF_SCOPE)
    nearly = _search(_hit(7, REDIRECT_SCORE, 1.0, "b", learnt=TOPIC_LEARNT + 0.01))
    assert decide("vraag", outside, CONFIDENT, nearly) == Decision(PASSAGE, passage=7)
    quantity = _search(_hit(7, 9.0, 1.0, "b", learnt=-0.5), quantity=True)
    assert decide("hoeveel", outside, CONFIDENT, quantity) == Decision(OUT_OF_SCOPE)
    chat = [("bot_challenge", 0.8), ("faq", 0.1)]
    assert decide("wie tekent", chat, CONFIDENT, held) == Decision(PASSAGE, passage=7)


def test_a_question_read_as_small_talk_that_a_passage_holds_wholly_is_redirected():
    from bot.answering import is_redirected

    parse = parse_result("wie tekent?", [("bot_challenge", 0.9)], [("x", 0.1)])
    parse["passages"] = search_to_parse(search_passages("wie tekent?"))
    assert is_redirected(parse)
    parse["intent_ranking"] = [{"name": "greet", "confidence": 0.9}]
    assert not is_redirected(parse)
    assert not is_redirected({"text": "wie tekent?"})


# A follow-up decided on the passages found, at the decision's bounds.

from bot.answering import NEAREST_SCORE, SUPPORT_DEPTH, follow_up_decision  # noqa: E402
from bot.knowledge.passages import Passage  # noqa: E402
from bot.knowledge.search import Hit  # noqa: E402


def _found(number, score, coverage=0.0, text="Een zin."):
    return Hit(Passage(number, f"plaats {number}", text, "test"), score, coverage)


def test_a_follow_up_gets_the_best_passage_from_the_bounds_on():
    bounds = _found(1, PASSAGE_SCORE, SOURCES_SILENT_COVERAGE)
    assert follow_up_decision([bounds, _found(2, 0.1)], "en dan?") == Decision(PASSAGE, passage=1)
    low_score = _found(1, PASSAGE_SCORE - 0.01, 1.0)
    assert follow_up_decision([low_score, _found(2, 9.0, 1.0)], "en dan?") == Decision(
        NOT_IN_SOURCES, passage=1)
    low_share = _found(1, 9.0, SOURCES_SILENT_COVERAGE - 0.01)
    assert follow_up_decision([low_share, _found(2, 9.0, 1.0)], "en dan?") == Decision(
        NOT_IN_SOURCES, passage=1)


def test_a_follow_up_for_a_quantity_the_best_passage_does_not_give_is_declined_with_it():
    signers = _found(1, 9.0, 1.0, "De overeenkomst wordt gesloten door de bevoegde gezagsorganen.")
    assert follow_up_decision([signers], "hoeveel handtekeningen zijn er dan nodig?") == Decision(
        NOT_IN_SOURCES, passage=1)
    counted = _found(1, 9.0, 1.0, "Er zijn 2 handtekeningen nodig.")
    assert follow_up_decision([counted], "hoeveel handtekeningen zijn er dan nodig?") == Decision(
        PASSAGE, passage=1)
    assert follow_up_decision([signers], "wie tekent er dan?") == Decision(PASSAGE, passage=1)
    # An amount asked for: a passage with a number but no amount does not give it.
    dated = _found(1, 9.0, 1.0, "Vanaf 2020 is de overeenkomst verplicht.")
    assert follow_up_decision([dated], "hoeveel euro kost dat dan?") == Decision(NOT_IN_SOURCES, passage=1)
    assert follow_up_decision([dated], "hoeveel jaar dan?") == Decision(PASSAGE, passage=1)


def test_a_follow_up_for_a_quantity_is_declined_with_the_passage_of_the_question_before_it():
    decision = decide_follow_up("Wie moet de samenwerkingsovereenkomst ondertekenen?",
                                "hoeveel handtekeningen zijn er dan nodig?")
    assert decision.kind == NOT_IN_SOURCES and "bevoegde gezagsorganen" in _passage_text(decision)


def test_a_follow_up_the_sources_do_not_answer_names_the_nearest_passage_from_its_bound_on():
    assert follow_up_decision([_found(1, NEAREST_SCORE), _found(2, 0.1)], "en dan?") == Decision(
        NOT_IN_SOURCES, passage=1)
    assert follow_up_decision([_found(1, NEAREST_SCORE - 0.01), _found(2, 9.0)], "en dan?") == Decision(
        NOT_IN_SOURCES)
    assert follow_up_decision([], "waarom?") == Decision(NOT_IN_SOURCES)


def test_a_why_takes_a_reason_only_from_the_passages_near_the_best():
    best = _found(1, 10.0, 1.0)
    at_floor = _found(2, 8.0, 1.0, "Dat is zo, omdat de wet het zegt.")
    below = _found(3, 7.9, 1.0, "Dat is zo, omdat de wet het zegt.")
    assert follow_up_decision([best, at_floor], "waarom?") == Decision(PASSAGE, passage=2)
    assert follow_up_decision([best, below], "waarom?") == Decision(PASSAGE, passage=1)
    assert follow_up_decision([best, at_floor], "en dan?") == Decision(PASSAGE, passage=1)
    assert follow_up_decision([best, _found(4, 5.0, 1.0, "Omdat het moet."), _found(5, 4.0, 1.0)],
                              "waarom?") == Decision(PASSAGE, passage=1)


def test_a_follow_up_asks_the_search_for_the_best_few_passages(monkeypatch):
    import bot.knowledge.search

    asked = []

    class Search:
        def search_follow_up(self, previous, follow_up, limit=None):
            asked.append((previous, follow_up, limit))
            return [_found(1, 9.0, 1.0, "Omdat het moet.")]

        def read(self, text):
            return bot.knowledge.search.Reading((), (), text)

    monkeypatch.setattr(bot.knowledge.search, "load_search", Search)
    assert decide_follow_up("Moet dat?", "Waarom?") == Decision(PASSAGE, passage=1)
    assert asked == [("Moet dat?", "Waarom?", SUPPORT_DEPTH)]


@pytest.mark.parametrize("text, beyond", [
    ("en verder nog tips?", True), ("en verder nog iets over de bekostiging?", True),
    ("en verder nog tips", False), ("zijn er verder nog tips?", False), ("en verder?", False),
    ("en verder met de overeenkomst?", False), ("en verder met de sok?", False),
    ("en verder met het format?", False), ("en verder met vraag 5?", False),
    ("en nu verder met invullen?", False), ("en verder met de antwoorden?", False),
    ("en verder met artikel 4?", False),
])
def test_a_follow_up_about_something_else_asks_beyond_going_on(text, beyond):
    from bot.answering import asks_beyond_resuming

    parse = {"text": text, "passages": search_to_parse(search_passages(text))}
    assert asks_beyond_resuming(parse) is beyond
    assert not asks_beyond_resuming({"text": text})  # nothing searched: nothing named


def test_a_follow_up_of_exactly_the_most_words_is_one():
    assert is_follow_up("en " + " ".join(["woord"] * 9))
    assert not is_follow_up("en " + " ".join(["woord"] * 10))


def test_a_question_without_words_the_search_knows_is_not_in_the_sources():
    assert decide_from_passages("de het een") == Decision(NOT_IN_SOURCES)


def test_the_parse_result_keeps_no_words_and_coverage_to_four_places():
    kept = search_to_parse(_search(_hit(4, 2.0, 0.123456, "a"), words=0))
    assert kept["found"][0]["coverage"] == 0.1235
    assert search_from_parse({"passages": kept}).words == 0


def test_a_message_read_as_small_talk_is_judged_with_the_model_s_answer_lifting_its_passages():
    from bot.answering import REDIRECT_COVERAGE, REDIRECT_SCORE, is_redirected

    parse = parse_result("vraag", [("out_of_scope", 0.9)], [("a", 0.9)])
    parse["passages"] = search_to_parse(_search(
        _hit(1, REDIRECT_SCORE + 2, 0.5), _hit(2, REDIRECT_SCORE + 1, REDIRECT_COVERAGE, "a")))
    assert is_redirected(parse)
    parse["response_selector"] = {}
    assert not is_redirected(parse)


def test_a_curated_answer_is_borne_out_by_a_passage_at_exactly_the_share_of_the_best_score():
    # Lifted by the model (0.5 * 0.35), the answer's passage still ranks below the best.
    fairly_sure = [("a", 0.35), ("b", 0.05)]
    search = _search(_hit(7, 10.0, 0.95, learnt=UNLIKE), _hit(3, 8.0, 0.5, "a"))
    assert decide("vraag", QUESTION, fairly_sure, search) == Decision(ANSWER, key="a")
    below = _search(_hit(7, 10.0, 0.95, learnt=UNLIKE), _hit(3, 7.99, 0.5, "a"))
    assert decide("vraag", QUESTION, fairly_sure, below) == Decision(PASSAGE, passage=7)


def test_the_search_marks_the_passages_that_state_a_quantity():
    found = search_passages("hoeveel jaar duurt een doorlopende leerroute").found
    assert any(hit.answers_quantity for hit in found) and not all(hit.answers_quantity for hit in found)


def test_the_search_for_a_decision_looks_at_fifteen_passages_unless_told_otherwise():
    from bot.answering import MENTION_DEPTH

    assert MENTION_DEPTH == 15
    assert len(search_passages("de samenwerkingsovereenkomst van de school").found) == MENTION_DEPTH
    assert len(search_passages("de samenwerkingsovereenkomst van de school", limit=3).found) == 3


def test_a_question_about_money_is_answered_only_by_a_passage_that_names_an_amount():
    import re

    found = search_passages("hoeveel euro bekostiging krijgt de instelling per student").found
    with_numbers = [hit for hit in found if re.search(r"\d", load_passages()[hit.passage].text)]
    assert with_numbers and not any(hit.answers_quantity for hit in with_numbers)


def test_the_learnt_and_relevance_scores_survive_the_parse_result():
    search = _search(_hit(4, 2.0, 0.5, learnt=0.123456), _hit(5, 1.0, 0.5, learnt=-0.5))
    kept = search_to_parse(search)
    assert kept["found"][0]["learnt"] == 0.1235 and kept["found"][1]["relevance"] == 0.5
    back = search_from_parse({"passages": kept})
    assert [(hit.learnt, hit.relevance) for hit in back.found] == [(0.1235, 1.0), (-0.5, 0.5)]


def test_hits_are_ranked_by_relevance_not_by_bm25_score():
    search = _search(_hit(4, 2.0, 0.9), dataclasses.replace(_hit(5, 9.0, 0.9), relevance=1.5),
                     words=SHORT_QUESTION + 4)
    unsure = [("a", 0.2), ("b", 0.15)]
    assert decide("vraag", QUESTION, unsure, search) == Decision(PASSAGE, passage=5)


@pytest.mark.parametrize("learnt, coverage, score, kind", [
    (0.01, 0.3, PASSAGE_SCORE, PASSAGE),  # the ranking is sure, and the passage holds enough
    (0.0, 0.3, PASSAGE_SCORE, NOT_IN_SOURCES),  # not above 0: not sure
    (0.01, 0.29, PASSAGE_SCORE, NOT_IN_SOURCES),  # holds too little of the question
    (0.01, 0.3, PASSAGE_SCORE - 0.01, NOT_IN_SOURCES),  # too weak a BM25 score
])
def test_a_passage_the_learnt_ranking_is_sure_of_answers_with_less_of_the_question(
        learnt, coverage, score, kind):
    from bot.answering import LEARNT_COVERAGE, LEARNT_SURE

    assert (LEARNT_SURE, LEARNT_COVERAGE) == (0.0, 0.3)
    unsure = [("a", 0.2), ("b", 0.15)]
    search = _search(_hit(6, score, coverage, learnt=learnt), words=SHORT_QUESTION + 4)
    assert decide("vraag", QUESTION, unsure, search).kind == kind


def test_a_sure_passage_is_quoted_rather_than_a_curated_answer_that_does_not_quote_it():
    confident = [("a", 0.9), ("b", 0.05)]

    def best(learnt, *keys):  # first by BM25 and by the learnt ranking
        return dataclasses.replace(_hit(7, 10.0, 0.9, *keys, learnt=learnt), relevance=2.0)

    # The curated answer quotes the runner-up, which bears it out.
    search = _search(best(0.4), _hit(3, 9.0, 0.8, "a"))
    assert decide("vraag", QUESTION, confident, search) == Decision(PASSAGE, passage=7)
    unsure_ranking = _search(best(UNLIKE), _hit(3, 9.0, 0.8, "a"))
    assert decide("vraag", QUESTION, confident, unsure_ranking) == Decision(ANSWER, key="a")
    quoted = _search(best(0.4, "a"))
    assert decide("vraag", QUESTION, confident, quoted) == Decision(ANSWER, key="a")
    # No passage bears the answer out: the sure passage wins even over a model all but sure.
    all_but_sure = [("a", 0.99), ("b", 0.005)]
    alone = _search(best(0.4))
    assert decide("vraag", QUESTION, all_but_sure, alone) == Decision(PASSAGE, passage=7)
    # So does a passage the learnt ranking is not sure of, when it answers the question.
    assert decide("vraag", QUESTION, all_but_sure, _search(best(0.0))) == Decision(PASSAGE, passage=7)


def test_the_passage_the_learnt_ranking_reads_best_is_quoted_though_the_model_ranks_another_first():
    confident = [("a", 0.9), ("b", 0.05)]
    # Passage 3 is first by BM25 and by the model (it is quoted by the answer "a"); the learnt
    # ranking reads the question most like passage 7's questions.
    quoted = dataclasses.replace(_hit(3, 10.0, 0.9, "a", learnt=-0.2), relevance=2.0)

    def read(learnt, coverage=0.9, score=6.0, *keys):
        return dataclasses.replace(_hit(7, score, coverage, *keys, learnt=learnt), relevance=0.5)

    assert decide("vraag", QUESTION, confident, _search(quoted, read(0.3))) == Decision(PASSAGE, passage=7)
    # A model all but sure of an answer that the best passage bears out keeps it.
    all_but_sure = [("a", OVERRULE_BELOW), ("b", 0.01)]
    assert decide("vraag", QUESTION, all_but_sure, _search(quoted, read(0.3))) == Decision(ANSWER, key="a")
    nearly = [("a", OVERRULE_BELOW - 0.01), ("b", 0.01)]
    assert decide("vraag", QUESTION, nearly, _search(quoted, read(0.3))) == Decision(PASSAGE, passage=7)
    # Not sure of it, or it holds too little of the question, or too weak a score: the answer.
    for unsure in (read(0.0), read(0.3, coverage=0.29), read(0.3, score=PASSAGE_SCORE - 0.01)):
        assert decide("vraag", QUESTION, confident, _search(quoted, unsure)) == Decision(ANSWER, key="a")
    # The answer quotes it too: the answer.
    assert decide("vraag", QUESTION, confident, _search(quoted, read(0.3, 0.9, 6.0, "a"))) == Decision(
        ANSWER, key="a")
    # Of two passages the ranking is sure of, the one it reads best.
    second = dataclasses.replace(_hit(8, 6.0, 0.9, learnt=0.2), relevance=0.9)
    assert decide("vraag", QUESTION, confident, _search(quoted, second, read(0.3))) == Decision(
        PASSAGE, passage=7)



def test_an_out_of_scope_question_for_a_quantity_in_the_topic_s_words_is_told_the_sources_do_not_say():
    from bot.answering import REDIRECT_SCORE, TOPIC_LEARNT, is_redirected

    assert TOPIC_LEARNT == -0.25
    parse = parse_result("hoeveel geld krijgt het roc per leerling", [("out_of_scope", 0.85)],
                         [("a", 0.2)])
    on_topic = _hit(9, REDIRECT_SCORE, ANSWER_COVERAGE, "a", learnt=-0.24)
    parse["passages"] = search_to_parse(_search(on_topic, quantity=True))
    assert is_redirected(parse)
    assert decide_parse(parse) == Decision(NOT_IN_SOURCES, passage=9)
    # Words a passage holds less well, a weaker score, a question that reads less like the
    # passage's, or a passage that gives the quantity: out of scope, as the model read it.
    for other in (dataclasses.replace(on_topic, coverage=ANSWER_COVERAGE - 0.01),
                  dataclasses.replace(on_topic, score=REDIRECT_SCORE - 0.01),
                  dataclasses.replace(on_topic, learnt=TOPIC_LEARNT),
                  dataclasses.replace(on_topic, answers_quantity=True)):
        parse["passages"] = search_to_parse(_search(other, quantity=True))
        assert not is_redirected(parse)
        assert decide_parse(parse).kind == OUT_OF_SCOPE


def test_small_talk_that_no_passage_holds_wholly_goes_on_to_the_curated_answers():
    unsure = [("a", 0.3), ("b", 0.25)]
    search = _search(_hit(7, 4.0, 0.5, "a"))
    decision = decide("wie ben jij", [("bot_challenge", 0.8), ("faq", 0.1)], unsure, search)
    assert decision == Decision(CLARIFY, candidates=["a"])


def test_a_quantity_no_passage_gives_is_declined_rather_than_offered_as_a_choice():
    unsure = [("a", 0.3), ("b", 0.25)]
    hit = _hit(7, 4.0, 0.5, "a", learnt=-0.5)
    asked = decide("hoeveel kost het", [("faq", 0.5)], unsure, _search(hit, quantity=True))
    assert asked == Decision(NOT_IN_SOURCES, passage=7)
    assert decide("wat kost het", [("faq", 0.5)], unsure, _search(hit)) == Decision(
        CLARIFY, candidates=["a"])


def test_an_out_of_scope_question_for_a_quantity_without_any_passage_found_stays_out_of_scope():
    from bot.answering import is_redirected

    parse = parse_result("hoeveel?", [("out_of_scope", 0.9)], [("a", 0.2)])
    parse["passages"] = search_to_parse(_search(quantity=True))
    assert not is_redirected(parse) and decide_parse(parse) == Decision(OUT_OF_SCOPE)


# A command while no question is open that names what it asks about.

from bot.answering import REDIRECT_COVERAGE, SUBJECT_WORDS, names_its_subject  # noqa: E402


def _named(text, *found, words=SUBJECT_WORDS):
    parse = parse_result(text, [("ask_example", 0.9)], [("x", 0.1)])
    parse["passages"] = search_to_parse(_search(*found, words=words)) if found else None
    return names_its_subject(parse)


@pytest.mark.parametrize("text", ["hebben jullie een voorbeeld sok", "voorbeeld SOK", "voorbeeld Samenwerkingsovereenkomsten",
                                  "een voorbeeld van een interne regeling", "het format als voorbeeld"])
def test_a_command_that_names_the_agreement_in_words_a_passage_holds_names_its_subject(text):
    assert _named(text, _hit(3, 2.0, 0.2), _hit(7, 4.0, REDIRECT_COVERAGE))


def test_a_command_names_no_subject_without_the_agreement_enough_words_or_a_passage_holding_them():
    full = _hit(7, 4.0, 1.0)
    assert not _named("mag ik een voorbeeld zien", full)
    assert not _named("sokken", full) and not _named("formatie van de sok", _hit(7, 4.0, 0.89))
    assert not _named("voorbeeld sok", full, words=SUBJECT_WORDS - 1)
    assert not _named("voorbeeld sok")
    parse = parse_result("voorbeeld sok", [("ask_example", 0.9)], [("x", 0.1)])
    parse["passages"] = search_to_parse(_search(words=3))
    assert not names_its_subject(parse)


def test_a_command_put_as_a_question_that_reads_clearly_like_a_passage_names_its_subject():
    from bot.answering import COMMAND_LEARNT

    def read(learnt, coverage=0.5):
        return _hit(7, 6.0, coverage, learnt=learnt)

    question = "kan een leerling een voorbeeld nemen aan de docent?"
    assert _named(question, read(COMMAND_LEARNT + 0.01))
    assert not _named(question, read(COMMAND_LEARNT))
    # Not put as a question, or the passage holds too little of it to be read so.
    assert not _named("een leerling een voorbeeld laten nemen aan de docent", read(COMMAND_LEARNT + 0.01))
    assert not _named(question, read(COMMAND_LEARNT + 0.01, coverage=0.2))


def test_the_model_lifts_only_the_passages_of_the_answers_it_ranks():
    from bot.answering import _Evidence

    # Passage 1 belongs to an answer the model does not rank; passage 2 to one it ranks low.
    search = _search(_hit(1, 10.0, 1.0, "unranked"), _hit(2, 9.5, 1.0, "a"))
    assert _Evidence(search, [("a", 0.2)]).best.passage == 2
    # Without the model's ranking the search's order stands, whatever the relevance says.
    ordered = Search((Found(1, 9.0, 1.0, frozenset(), False, 0.5), Found(2, 9.5, 1.0, frozenset(), False, 0.9)),
                     3, False)
    assert [hit.passage for hit in _Evidence(ordered, []).found] == [1, 2]


# A question the model read as a request to draft the agreement.

from bot.answering import DRAFT_REQUEST_WORDS, asks_beyond_drafting  # noqa: E402


def _drafting(text, search):
    parse = parse_result(text, [("start_interview", 0.8)], [("x", 0.1)])
    parse["passages"] = search_to_parse(search) if search is not None else None
    return asks_beyond_drafting(parse)


def test_a_question_in_more_words_than_a_request_to_draft_that_a_passage_answers_asks_beyond_drafting():
    strong = _hit(7, 10.0, 1.0)
    assert _drafting("hoe maak ik een sok met twee roc's?", _search(strong, words=DRAFT_REQUEST_WORDS + 1))
    assert _drafting("hoe maak ik een sok met twee roc's", _search(strong, words=DRAFT_REQUEST_WORDS + 1))
    # A request in few words, no question, no passage that answers it, or nothing searched.
    assert not _drafting("hoe maak ik een sok?", _search(strong, words=DRAFT_REQUEST_WORDS))
    assert not _drafting("ik wil een sok met twee roc's maken", _search(strong, words=DRAFT_REQUEST_WORDS + 1))
    # Asking for help asks to draft it.
    assert not _drafting("kunt u mij helpen een sok met twee roc's te maken?", _search(strong, words=DRAFT_REQUEST_WORDS + 1))
    assert not _drafting("hoe maak ik een sok met twee roc's?", _search(_hit(7, 1.0, 0.3), words=DRAFT_REQUEST_WORDS + 1))
    assert not _drafting("hoe maak ik een sok met twee roc's?", None)
    # Two curated answers the model hesitates between are no answer either.
    parse = parse_result("hoe maak ik een sok met twee roc's?", [("start_interview", 0.5), ("faq", 0.45)],
                         [("a", 0.4), ("b", 0.35)])
    parse["passages"] = search_to_parse(_search(_hit(7, 2.0, 0.5, "a"), _hit(8, 1.5, 0.5, "b"),
                                                words=DRAFT_REQUEST_WORDS + 1))
    assert decide_parse(parse).kind == CLARIFY and not asks_beyond_drafting(parse)



# No message the model learnt (or is held out on) for small talk, an interview command or a
# request to draft is taken for a question about the sources.

from bot.answering import REDIRECTED_INTENTS, is_redirected  # noqa: E402

INTERVIEW_COMMANDS = ("dont_know_yet", "skip_clause", "ask_example", "explain_clause", "use_example",
                      "go_back")


@pytest.mark.parametrize("intents, taken_for_a_question", [
    (REDIRECTED_INTENTS, is_redirected),
    (INTERVIEW_COMMANDS, names_its_subject),
    (("start_interview",), asks_beyond_drafting),
])
def test_no_example_the_model_learnt_for_another_intent_is_taken_for_a_question(intents, taken_for_a_question):
    from bench.examples import held_out_examples, training_examples

    examples = [e for e in training_examples() + held_out_examples() if e.intent in intents]
    assert examples
    for example in examples:
        parse = parse_result(example.text, [(example.intent, 0.9)], [("x", 0.1)])
        parse["passages"] = search_to_parse(search_passages(example.text))
        assert not taken_for_a_question(parse), example.text


def test_a_question_about_a_subject_the_sources_do_not_discuss_is_declined_however_sure_the_model_is():
    sure = [("a", 0.99), ("b", 0.005)]
    found = (_hit(7, 10.0, 0.95, "b"), _hit(3, 9.0, 0.9, "a"))
    assert decide("vraag", QUESTION, sure, _search(*found)) == Decision(ANSWER, key="a")
    # The nearest passage named is one of the curated answer the model chose, if found, even
    # where another comes first.
    assert decide("vraag", QUESTION, sure, _search(*found, uncovered=True)) == Decision(NOT_IN_SOURCES, passage=3)
    weak = (_hit(7, 10.0, 0.95, "b"), _hit(3, 2.5, 0.9, "a"))
    assert decide("vraag", QUESTION, sure, _search(*weak, uncovered=True)) == Decision(NOT_IN_SOURCES, passage=3)
    # Also where the model reads it as out of scope and a passage holds all its words.
    redirected = [(OUT_OF_SCOPE_INTENT, 0.9), (QUESTION_INTENT, 0.1)]
    holds_all = _search(_hit(7, 10.0, 0.95, "b"), uncovered=True)
    assert decide("vraag", redirected, sure, holds_all) == Decision(NOT_IN_SOURCES, passage=7)


@pytest.mark.parametrize("question, uncovered", [
    ("Welke cao geldt voor een docent in de route?", True),
    ("Moet er btw betaald worden over de bekostiging?", True),
    ("hoe zit het met de aansprakelijkheids- en ongevallenverzekering?", True),
    ("Wie betaalt de reiskosten van de leerlingen?", True),
    ("Mogen we toelatingseisen stellen?", True),
    # A compound that ends in such a subject names it too, when both parts are long enough.
    ("Wie betaalt het busvervoer van de leerlingen?", True),
    ("Geldt het minimumloon voor de stagiairs?", True),
    ("Hoe beloon je de docenten in de route?", False),
    ("Wie moet de samenwerkingsovereenkomst ondertekenen?", False),
    ("Onze contactpersoon gaat met pensioen, wat nu?", False),
])
def test_the_search_tells_which_questions_name_a_subject_the_sources_do_not_discuss(question, uncovered):
    assert search_passages(question).uncovered is uncovered


def test_a_follow_up_about_a_subject_the_sources_do_not_discuss_is_declined():
    previous = "Kunnen wij een deel van onze bekostiging overdragen aan het ROC?"
    decision = decide_follow_up(previous, "en de btw over die bekostiging dan?")
    assert decision.kind == NOT_IN_SOURCES and decision.passage is not None
    assert decide_follow_up(previous, "waarom zou je dat doen?").kind == PASSAGE
    # Where no passage holds a word of the follow-up, none is named.
    assert decide_follow_up(previous, "en de btw dan?") == Decision(NOT_IN_SOURCES)


@pytest.mark.parametrize("score, named", [(NEAREST_SCORE, 1), (NEAREST_SCORE - 0.01, None)])
def test_a_declined_follow_up_names_the_nearest_passage_only_when_it_has_weight(monkeypatch, score, named):
    import bot.knowledge.search

    class Search:
        def search_follow_up(self, previous, follow_up, limit=None):
            return [_found(1, score, 1.0, "Omdat het moet.")]

        def read(self, text):
            return bot.knowledge.search.Reading((), (), text, uncovered=True)

    monkeypatch.setattr(bot.knowledge.search, "load_search", Search)
    assert decide_follow_up("Moet dat?", "en de cao?") == Decision(NOT_IN_SOURCES, passage=named)


def test_a_question_that_reads_beyond_the_sources_is_declined_unless_the_model_is_all_but_sure():
    from bot.answering import BEYOND_SOURCES, OVERRULE_BELOW, WELL_BEYOND_SOURCES

    passage = _search(_hit(7, 9.0, 0.9, "b", learnt=0.5))
    beyond = dataclasses.replace(passage, beyond=BEYOND_SOURCES + 0.01)
    unsure = [("a", 0.3), ("b", 0.25)]
    assert decide("vraag", QUESTION, unsure, passage) == Decision(PASSAGE, passage=7)
    assert decide("vraag", QUESTION, unsure, beyond) == Decision(NOT_IN_SOURCES, passage=7)
    at = dataclasses.replace(passage, beyond=BEYOND_SOURCES)
    assert decide("vraag", QUESTION, unsure, at) == Decision(PASSAGE, passage=7)
    # A curated answer too, unless the model is all but sure of it and the question reads only
    # a little beyond the sources; the decline names the passage of that answer.
    supported = _search(_hit(7, 9.0, 0.9, "b"), _hit(3, 8.0, 0.9, "a"), beyond=WELL_BEYOND_SOURCES)
    assert BEYOND_SOURCES < WELL_BEYOND_SOURCES
    assert decide("vraag", QUESTION, [("a", OVERRULE_BELOW - 0.01), ("b", 0.01)], supported) == Decision(
        NOT_IN_SOURCES, passage=3)
    assert decide("vraag", QUESTION, [("a", OVERRULE_BELOW), ("b", 0.01)], supported) == Decision(ANSWER, key="a")
    well_beyond = dataclasses.replace(supported, beyond=WELL_BEYOND_SOURCES + 0.01)
    assert decide("vraag", QUESTION, [("a", 1.0), ("b", 0.0)], well_beyond) == Decision(NOT_IN_SOURCES, passage=3)
    # The decline names the passage of the model's answer even where another comes first.
    overruled = _search(_hit(7, 9.0, 0.9, "b"), _hit(3, 2.5, 0.9, "a"), beyond=1.0)
    assert decide("vraag", QUESTION, [("a", 0.9), ("b", 0.01)], overruled) == Decision(NOT_IN_SOURCES, passage=3)
    assert search_passages("wie betaalt de laptops van de leerlingen in de route").beyond > 0
    # Choices and out-of-scope replies stay as they are.
    outside = [("out_of_scope", 0.8), ("faq", 0.1)]
    assert decide("vraag", outside, CONFIDENT, _search(_hit(7, 1.0, 0.1), beyond=1.0)).kind == OUT_OF_SCOPE
    weak = [("a", 0.2), ("b", 0.15)]
    assert decide("vraag", QUESTION, weak, _search(_hit(7, 2.0, 0.5, "a"), beyond=1.0)).kind == CLARIFY


def test_the_reading_beyond_the_sources_is_kept_in_the_parse_result():
    kept = search_from_parse({"passages": search_to_parse(_search(_hit(4, 2.0, 0.5), beyond=0.123456))})
    assert kept.beyond == 0.1235
    assert search_from_parse({"passages": {"found": [], "words": 1}}).beyond == 0.0


def test_a_decline_beyond_the_sources_names_the_nearest_passage_as_the_model_ranks_them():
    # No passage found quotes the model's answer "a"; the second passage is the likelier
    # answer "b"'s, which the model's ranking puts first.
    search = _search(_hit(1, 9.0, 0.9, "c"), _hit(2, 8.5, 0.9, "b"), beyond=1.0)
    assert decide("vraag", QUESTION, [("a", 0.5), ("b", 0.45)], search) == Decision(NOT_IN_SOURCES, passage=2)


@pytest.mark.parametrize("beyond, kind", [(0.0, PASSAGE), (0.01, NOT_IN_SOURCES)])
def test_after_none_of_these_a_question_that_reads_beyond_the_sources_is_declined(monkeypatch, beyond, kind):
    import bot.answering

    found = _search(_hit(7, 10.0, 1.0, learnt=0.5), beyond=beyond)
    monkeypatch.setattr(bot.answering, "search_passages", lambda text: found)
    assert bot.answering.decide_from_passages("vraag") == Decision(kind, passage=7)


def test_the_passage_the_search_finds_first_by_itself_is_quoted_rather_than_an_answer_that_does_not_quote_it():
    from bot.answering import TOPIC_LEARNT

    confident = [("a", 0.9), ("b", 0.05)]
    # The model lifts the answer's passage 3 above passage 7, which the search finds first by
    # itself; passage 7 answers the question, and the question reads nearly like its questions.
    def first(learnt=-0.2, coverage=ANSWER_COVERAGE, score=PASSAGE_SCORE, *keys):
        return dataclasses.replace(_hit(7, score, coverage, *keys, learnt=learnt), relevance=1.0)

    quoted = dataclasses.replace(_hit(3, 10.0, 0.9, "a", learnt=UNLIKE), relevance=0.9)
    assert decide("vraag", QUESTION, confident, _search(first(), quoted)) == Decision(PASSAGE, passage=7)
    # A single word ("medezeggenschap") is held wholly by many passages: the answer.
    from bot.answering import FIRST_PASSAGE_WORDS

    assert FIRST_PASSAGE_WORDS == 2
    one_word = _search(first(), quoted, words=FIRST_PASSAGE_WORDS - 1)
    assert decide("medezeggenschap", QUESTION, confident, one_word) == Decision(ANSWER, key="a")
    two_words = _search(first(), quoted, words=FIRST_PASSAGE_WORDS)
    assert decide("vraag", QUESTION, confident, two_words) == Decision(PASSAGE, passage=7)
    # The question does not read like its questions, it answers too little of it, its score is
    # too weak, the answer quotes it too, or the model is all but sure: the answer.
    for other in (first(TOPIC_LEARNT), first(coverage=ANSWER_COVERAGE - 0.01),
                  first(score=PASSAGE_SCORE - 0.01), first(-0.2, ANSWER_COVERAGE, PASSAGE_SCORE, "a")):
        assert decide("vraag", QUESTION, confident, _search(other, quoted)) == Decision(ANSWER, key="a")
    all_but_sure = [("a", OVERRULE_BELOW), ("b", 0.01)]
    assert decide("vraag", QUESTION, all_but_sure, _search(first(), quoted)) == Decision(ANSWER, key="a")
    nearly = [("a", OVERRULE_BELOW - 0.01), ("b", 0.01)]
    assert decide("vraag", QUESTION, nearly, _search(first(), quoted)) == Decision(PASSAGE, passage=7)


def test_a_confident_answer_stands_when_the_search_finds_no_passage():
    assert decide("vraag over iets", QUESTION, CONFIDENT, _search(words=3)) == Decision(ANSWER, key="a")


def test_an_unsure_question_for_a_quantity_gets_the_passage_that_gives_one():
    unsure = [("a", 0.2), ("b", 0.15)]
    found = (_hit(7, 10.0, 1.0, "b"), _hit(8, 9.0, ANSWER_COVERAGE, quantity=True))
    assert decide("hoe lang", QUESTION, unsure, _search(*found, quantity=True)) == Decision(PASSAGE, passage=8)
    # Asked for no quantity, or with no passage that gives one and answers: the best passage.
    assert decide("wie", QUESTION, unsure, _search(*found)) == Decision(PASSAGE, passage=7)
    weak = (_hit(7, 10.0, 1.0, "b"), _hit(8, 9.0, ANSWER_COVERAGE - 0.01, quantity=True))
    assert decide("hoe lang", QUESTION, unsure, _search(*weak, quantity=True)).kind == NOT_IN_SOURCES


def test_a_question_for_an_amount_gets_the_passage_that_gives_one_over_an_answer_with_only_a_year():
    dated = [("verplicht_sinds_2020", 0.9), ("b", 0.05)]
    search = _search(_hit(7, 9.0, 0.9, "verplicht_sinds_2020"), _hit(8, 8.0, 0.9, quantity=True),
                     quantity=True)
    assert decide("hoeveel euro kost het", QUESTION, dated, search) == Decision(PASSAGE, passage=8)
    assert decide("hoe lang geldt het", QUESTION, dated, search) == Decision(ANSWER, key="verplicht_sinds_2020")


def test_the_passages_found_keep_the_searchs_scores_and_the_question_its_quantity():
    from bot.answering import MENTION_DEPTH
    from bot.knowledge.search import load_search

    text = "hoelang vallen leerlingen onder de wms?"
    search = load_search()
    hits = search.search_reading(search.read(text), MENTION_DEPTH)
    found = search_passages(text)
    assert [(hit.passage, hit.score, hit.relevance, hit.learnt) for hit in found.found] == [
        (hit.passage.id, hit.score, hit.relevance, hit.learnt) for hit in hits]
    assert found.asks_quantity and not search_passages("wie tekent de sok namens het roc?").asks_quantity


@pytest.mark.parametrize("text", ["hoeveel kost een dlr per leerling", "Wat kost een doorlopende leerroute?",
                                  "mag de SOK in het Engels", "samenwerkingsovereenkomsten vertalen",
                                  "wat kosten dlr's gemiddeld"])
def test_a_message_read_as_out_of_scope_that_names_the_route_or_the_agreement_is_said_not_to_be_answered(text):
    outside = [(OUT_OF_SCOPE_INTENT, 0.9), (QUESTION_INTENT, 0.1)]
    near = _search(_hit(7, 3.0, 0.4, "a"))
    assert decide(text, outside, [("a", 0.2)], near) == Decision(NOT_IN_SOURCES, passage=7)
    parse = parse_result(text, outside, [("a", 0.2)])
    parse["passages"] = search_to_parse(near)
    assert is_redirected(parse)
    # Nothing found near it: outside the topic after all.
    assert decide(text, outside, [("a", 0.2)], _search()) == Decision(OUT_OF_SCOPE)
    parse["passages"] = search_to_parse(_search())
    assert not is_redirected(parse)
    # Read as small talk, it stays small talk.
    parse = parse_result(text, [("bot_challenge", 0.9)], [("a", 0.2)])
    parse["passages"] = search_to_parse(near)
    assert not is_redirected(parse)


def test_a_message_read_as_out_of_scope_that_names_neither_stays_out_of_scope():
    outside = [(OUT_OF_SCOPE_INTENT, 0.9), (QUESTION_INTENT, 0.1)]
    near = _search(_hit(7, 3.0, 0.4, "a"))
    for text in ("hoeveel verdient een docent in het vmbo", "sokken kopen", "wat is een dlrx-kabel"):
        assert decide(text, outside, [("a", 0.2)], near) == Decision(OUT_OF_SCOPE)
