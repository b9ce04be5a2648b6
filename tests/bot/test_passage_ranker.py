"""The learnt ranking of the passages: which passage's phrasings a question reads like."""

import pytest

from bot.knowledge.passage_ranker import PassageRanker, scaled
from bot.knowledge.passages import Passage


def _passages(*phrasings_per_passage):
    return [
        Passage(number, f"plaats {number}", f"tekst {number}", "test", phrasings=tuple(questions))
        for number, questions in enumerate(phrasings_per_passage)
    ]


@pytest.fixture
def ranker():
    """Three passages' phrasings, learnt in each test that reads them (so that mutation testing
    maps the ranker's making to every such test, and a mutant of it is the one learnt)."""
    return PassageRanker(_passages(
        ("wie tekent de overeenkomst", "wie ondertekent namens het bestuur"),
        ("moet de medezeggenschapsraad instemmen", "heeft de mr instemmingsrecht"),
        ("hoe lang duurt de route", "hoeveel jaar duurt een leerroute"),
    ))


def test_a_question_reads_most_like_the_phrasings_of_its_passage(ranker):
    scores = ranker.scores("moet de MR er mee instemmen?")
    assert max(scores, key=scores.get) == 1
    assert scores[1] > 0 > scores[0] and scores[2] < 0


def test_typos_and_accents_are_read_through_character_ngrams(ranker):
    scores = ranker.scores("wie ondertekend namens het bestuur")
    assert max(scores, key=scores.get) == 0
    assert ranker.scores("hoeveel jáár duurt een leerroute") == ranker.scores(
        "hoeveel jaar duurt een leerroute")


def test_the_passage_s_own_text_is_learnt_too():
    ranker = PassageRanker([
        Passage(0, "plaats", "de overstapoptie voor een leerling", "test"),
        Passage(1, "plaats", "de financiele afspraken over bekostiging", "test"),
        Passage(2, "plaats", "het bevoegd gezag sluit de overeenkomst", "test"),
    ])
    scores = ranker.scores("afspraken over de bekostiging")
    assert max(scores, key=scores.get) == 1


def test_two_passages_get_opposite_scores_and_one_passage_none():
    two = PassageRanker(_passages(("wie tekent de overeenkomst",), ("hoe lang duurt de route",)))
    scores = two.scores("hoe lang duurt het")
    assert scores[1] > 0 and scores[0] == pytest.approx(-scores[1])
    assert PassageRanker(_passages(("wie tekent",))).scores("wie tekent") == {0: 0.0}


def test_scaled_gives_the_best_one_and_the_worst_nought():
    assert scaled({3: -1.0, 4: 0.0, 5: 1.0}) == {3: 0.0, 4: 0.5, 5: 1.0}
    assert scaled({3: 0.2, 4: 0.6}) == {3: 0.0, 4: 1.0}
    assert scaled({3: 0.2, 4: 0.2}) == {3: 0.0, 4: 0.0}
    assert scaled({}) == {}


def test_phrasings_are_read_without_accents_as_questions_are():
    ranker = PassageRanker(_passages(("één",), ("twee",), ("drie",)))
    scores = ranker.scores("EEN")
    assert max(scores, key=scores.get) == 0 and scores[0] > 0


def test_the_features_are_character_ngrams_within_words_and_words_and_pairs_with_damped_counts(ranker):
    # Damped counts (sublinear tf): a word repeated in one phrasing does not outweigh the rest.
    parts = dict(ranker._features.transformer_list)
    characters, words = parts["characters"], parts["words"]
    assert (characters.analyzer, characters.ngram_range, characters.sublinear_tf) == (
        "char_wb", (3, 5), True)
    assert (words.analyzer, words.ngram_range, words.sublinear_tf) == ("word", (1, 2), True)
    assert (ranker._model.C, ranker._model.random_state) == (1.0, 0)


def test_a_question_like_those_the_sources_do_not_answer_reads_beyond_the_passages():
    passages = _passages(
        ("wie tekent de overeenkomst", "wie ondertekent namens het bestuur"),
        ("moet de medezeggenschapsraad instemmen", "heeft de mr instemmingsrecht"),
    )
    unanswered = ("wie betaalt de laptops van de leerlingen", "welke laptop krijgen de leerlingen",
                  "wie regelt de laptops voor de klas")
    ranker = PassageRanker(passages, unanswered)
    # The passages keep their scores; the class of the unanswered questions is not one of them.
    assert set(ranker.scores("wie tekent")) == {0, 1}
    assert ranker.beyond_sources("wie betaalt de laptops?") > 0
    assert ranker.beyond_sources("wie ondertekent de overeenkomst?") < 0
    # Against the best passage, not against any one.
    classes = ranker._classes("wie betaalt de laptops?")
    assert ranker.beyond_sources("wie betaalt de laptops?") == pytest.approx(classes[-1] - max(classes[0], classes[1]))
    # Without such questions nothing reads beyond the passages.
    assert PassageRanker(passages).beyond_sources("wie betaalt de laptops?") == 0.0


def test_one_passage_and_the_unanswered_questions_make_two_classes():
    ranker = PassageRanker(_passages(("wie tekent de overeenkomst",)), ("wie betaalt de laptops",))
    assert ranker.scores("wie tekent") == {0: pytest.approx(-ranker._classes("wie tekent")[-1])}
    assert ranker.beyond_sources("wie betaalt de laptops") > 0 > ranker.beyond_sources("wie tekent")


def test_the_scores_of_one_question_are_reckoned_once_for_the_passages_and_beyond_them(ranker, monkeypatch):
    calls = []
    decide = ranker._model.decision_function
    monkeypatch.setattr(ranker._model, "decision_function", lambda x: calls.append(1) or decide(x))
    first = ranker.scores("wie tekent")
    ranker.beyond_sources("wie tekent")
    assert len(calls) == 1
    other = ranker.scores("hoe lang duurt de route")
    assert len(calls) == 2 and other != first and ranker.scores("wie tekent") == first and len(calls) == 3


def test_without_passages_nothing_reads_beyond_them():
    assert PassageRanker([], ("wie betaalt de laptops",)).beyond_sources("wie betaalt de laptops") == 0.0
