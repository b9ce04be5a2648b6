"""Similar questions are grouped by their Dutch words, the most asked first."""

from bot.feedback.grouping import QuestionGroup, dutch_terms, group_questions, jaccard


def test_jaccard_is_the_share_of_shared_words():
    assert jaccard(frozenset("ab"), frozenset("bc")) == 1 / 3
    assert jaccard(frozenset(), frozenset()) == 1.0
    assert jaccard(frozenset("a"), frozenset()) == 0.0


def test_dutch_terms_drop_stop_words_and_share_stems():
    assert dutch_terms("Wat kost de overeenkomst?") & dutch_terms("kosten van overeenkomsten")
    assert not dutch_terms("de het een van")


def test_similar_questions_form_one_group_named_after_the_most_asked():
    questions = (
        ["Hoeveel kost een samenwerkingsovereenkomst?"] * 3
        + ["Wat kost een samenwerkingsovereenkomst?", "Kosten samenwerkingsovereenkomst"]
        + ["Hoe laat gaat de bus naar school?"] * 2
        + ["Mag een stagiair in de examencommissie?"]
    )
    groups = group_questions(questions)
    assert groups[0].name == "Hoeveel kost een samenwerkingsovereenkomst?"
    assert groups[0].count == 5
    assert {w for w, _ in groups[0].wordings} == {
        "Wat kost een samenwerkingsovereenkomst?", "Kosten samenwerkingsovereenkomst"}
    assert [(g.name, g.count) for g in groups[1:]] == [
        ("Hoe laat gaat de bus naar school?", 2), ("Mag een stagiair in de examencommissie?", 1)]


def test_a_single_question_and_blank_ones():
    assert group_questions(["  Een   vraag ", "", "   "]) == [QuestionGroup("Een vraag", 1, ())]
    assert group_questions([]) == []


def test_the_threshold_decides_what_is_similar():
    terms = lambda text: frozenset(text.split())  # noqa: E731
    questions = ["a b c", "a b d", "x y"]
    assert len(group_questions(questions, min_similarity=0.5, terms=terms)) == 2
    assert len(group_questions(questions, min_similarity=0.6, terms=terms)) == 3


def test_two_different_questions_stay_two_groups():
    terms = lambda text: frozenset(text.split())  # noqa: E731
    assert len(group_questions(["wie tekent", "wat kost"], terms=terms)) == 2


def test_a_group_holds_what_is_like_all_of_it_on_average_not_a_chain():
    # "a b" is like "b c", and "b c" like "c d", but "a b" and "c d" share nothing
    terms = lambda text: frozenset(text.split())  # noqa: E731
    groups = group_questions(["a b", "b c", "c d"], min_similarity=0.3, terms=terms)
    assert sorted(group.count for group in groups) == [1, 2]
