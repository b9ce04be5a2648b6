"""The passage search: Dutch words reduced to terms, typos, synonyms, compounds and coverage."""

import subprocess
import sys

import pytest

from bot.knowledge.passages import Passage
from bot.knowledge.dutch_words import Analyser, LemmaTable, dutch_analyser, dutch_lemmas
from bot.knowledge.search import (
    NAMED_PART_WEIGHT, PassageSearch, answers_quantity, asks_quantity, load_search, load_synonyms, numbered_terms,
    topic_questions,
)
from bot.settings import PROJECT_ROOT


def _plain_analyser():
    return Analyser(LemmaTable({"gesloten": "sluiten"}), frozenset({"de", "het", "een", "wie"}))


def _search(*texts, synonyms=None):
    passages = [Passage(i, f"plaats {i}", text, "test") for i, text in enumerate(texts)]
    return PassageSearch(passages, _plain_analyser(), synonyms or {})


def test_the_best_passage_holds_the_question_s_words():
    search = _search("het weer is mooi", "de overstapoptie voor een leerling", "leerling en docent")
    hits = search.search("overstapoptie leerling")
    assert [h.passage.id for h in hits[:2]] == [1, 2]
    assert hits[0].coverage == 1.0 and 0 < hits[1].coverage < 1
    assert search.search("de het een") == []


def test_a_typo_of_a_source_word_is_read_as_that_word():
    search = _search("de samenwerkingsovereenkomst wordt gesloten", "iets anders")
    reading = search.read("samenwerkingsovereenkomt")
    assert reading.asked == (("samenwerkingsovereenkomst",),) and reading.unknown == ()


def test_a_word_the_sources_never_use_is_unknown_and_counts_against_coverage():
    search = _search("bekostiging van de route", "de route in de regio")
    reading = search.read("bekostiging laptop")
    assert reading.unknown == ("laptop",)
    [hit, _] = search.search_reading(reading, 2)
    assert hit.passage.id == 0 and 0 < hit.coverage < 1


def test_a_question_word_can_stand_for_the_compounds_that_hold_it():
    search = _search("de geschilbeslechting tussen partijen", "iets anders over partijen")
    assert search.read("geschil").asked == (("geschilbeslechting",),)
    assert search.search("geschil")[0].passage.id == 0


def test_a_synonym_brings_the_sources_word_along():
    search = _search("de overeenkomst wordt gesloten door het bestuur", "de overeenkomst is er")
    plain = _search("de overeenkomst wordt gesloten door het bestuur", "de overeenkomst is er",
                    synonyms={"tekenen": ("gesloten",)})
    assert search.read("tekenen").unknown == ("tekenen",)
    assert plain.read("tekenen").asked == (("sluiten", "gesloten"),) or plain.read("tekenen").asked == (
        ("gesloten", "sluiten"),)
    assert plain.search("wie moet tekenen")[0].passage.id == 0


def test_the_synonyms_file_is_read():
    synonyms = load_synonyms()
    assert synonyms["mr"] and all(isinstance(t, tuple) for t in synonyms.values())


@pytest.mark.parametrize("question, expected", [
    ("Wie moet de samenwerkingsovereenkomst ondertekenen?", "gesloten door de bevoegde gezagsorganen"),
    ("wat houdt de teambevoegdheid in", "Met de teambevoegdheid"),
    ("mag een vmbo leerling in de studentenraad van het mbo", "studentenraad"),
    ("hoe lossen we geschillen op", "geschilbeslechting"),
])
def test_the_real_sources_answer_these_questions_first(question, expected):
    assert expected in load_search().search(question)[0].passage.text


def test_a_follow_up_finds_passages_with_its_own_words():
    hits = load_search().search_follow_up("moet de samenwerkingsovereenkomst naar DUO", "en voor een AOC?")
    assert hits and all("aoc" in f"{h.passage.place} {h.passage.text}".lower() for h in hits)
    why = load_search().search_follow_up("moet een aoc een samenwerkingsovereenkomst afsluiten", "waarom?")
    assert "AOC" in why[0].passage.place


@pytest.mark.parametrize("question, asks", [
    ("Hoeveel euro krijgt een mbo-instelling?", True), ("wat is het maximum aantal leerlingen", True),
    ("hoe lang duurt de route", True), ("hoelang duurt de route", True),
    ("hoevaak overleggen we", True), ("kost het €100?", True),
    ("wat is de deadline voor de melding", True), ("wat is de uiterste datum voor de melding", True),
    ("wat kost de toolkit", True), ("wat kosten de webinars", True),
    ("wat moet er minimaal in staan", False), ("wie tekent", False),
])
def test_questions_that_ask_for_a_quantity(question, asks):
    assert asks_quantity(question) is asks


def test_a_quantity_is_answered_only_by_a_passage_that_states_one():
    assert answers_quantity("hoeveel euro", "een bedrag van 100 euro")
    assert not answers_quantity("hoeveel euro", "in 2020 werd het verplicht")
    assert answers_quantity("hoeveel euro", "Een BEDRAG wordt jaarlijks vastgesteld")  # any case
    assert answers_quantity("hoeveel jaar", "de eerste 2 jaar")
    assert not answers_quantity("hoeveel jaar", "de eerste jaren")
    # A question about what something costs asks for an amount.
    assert not answers_quantity("wat kost de toolkit", "in 2020 werd het verplicht")
    assert not answers_quantity("hoeveel geld krijgt het roc", "zie artikel 8 van de wet")
    assert answers_quantity("hoeveel kosten de webinars", "een bedrag van 100 euro")
    assert not answers_quantity("hoeveel kosten de webinars", "de kosten worden verdeeld")


@pytest.mark.parametrize("passage, states", [
    ("de eerste 2 jaar", True), ("leerjaar 3 en 4 vmbo", True), ("vanaf het 1e jaar", True),
    ("tussen de 2 – 3 jaar", True), ("Vanaf 2020 is het verplicht.", True), ("(2 jaar)", True),
    ("naar een mbo-2 opleiding", False), ("basis-mbo2", False), ("artikel 96t", False),
    ("artikel 8.5a.16 van de wet", False), ("rapportage, p.5", False),
    ("[https://zoek.officielebekendmakingen.nl/stb-2020-157]", False), ("vm2-experimenten", False),
])
def test_a_number_states_a_quantity_only_when_it_stands_alone(passage, states):
    assert answers_quantity("hoe vaak", passage) is states


def test_the_search_loads_without_spacy_s_machine_learning_stack():
    code = ("import sys; from bot.knowledge.search import load_search; load_search().search('wie tekent'); "
            "print('thinc' in sys.modules, 'tensorflow' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], cwd=PROJECT_ROOT, capture_output=True,
                            text=True, check=True)
    assert result.stdout.split() == ["False", "False"]


def test_compounds_stand_in_only_for_long_enough_words_and_a_few_of_them():
    search = _search("de geschilbeslechting", "geschilpunten", "geschilcommissie", "geschilregeling", "ge")
    assert search.read("gesc").asked == (("gesc",),)  # shorter than a compound part may be
    found = search.read("geschil").asked[0]
    assert len(found) == 3 and all(term.startswith("geschil") for term in found)
    assert _search("de beslechting van geschillen").read("slechting").asked == (("beslechting",),)


def test_a_short_word_is_not_taken_for_a_typo():
    search = _search("de route")
    assert search.read("rote").unknown == ("rote",)
    assert search.read("routte").asked == (("route",),)


def test_a_passage_that_holds_none_of_the_question_covers_nothing():
    search = _search("alpha beta", "gamma delta")
    [first, second] = search.search("alpha", 2)
    assert first.coverage == 1.0 and second.coverage == 0.0
    assert search.search("de het") == []


def test_a_follow_up_without_words_of_its_own_keeps_every_passage_found():
    search = _search("alpha beta", "gamma delta", "epsilon")
    assert sorted(h.passage.id for h in search.search_follow_up("alpha gamma", "het?")) == [0, 1]
    assert [h.passage.id for h in search.search_follow_up("alpha", "gamma?")] == [1]
    assert search.search_follow_up("alpha", "zeta?") == []


def test_synonyms_of_words_with_the_same_term_are_merged():
    search = _search("overeenkomst gesloten", "ondergetekenden", synonyms={
        "tekenen": ("gesloten",), "TEKENEN": ("ondergetekenden",)})
    assert set(search.read("tekenen").asked[0]) >= {"gesloten", "ondergetekenden"}


def test_a_passage_is_found_through_the_phrasings_of_what_it_answers():
    passages = [Passage(0, "plaats 0", "de overeenkomst wordt gesloten", "test",
                        phrasings=("wie tekent",)),
                Passage(1, "plaats 1", "de overeenkomst is er", "test")]
    search = PassageSearch(passages, _plain_analyser(), {})
    assert search.search("tekent")[0].passage.id == 0


def test_every_phrasing_finds_its_own_passage_among_the_first_three():
    search = load_search()
    for passage in search.passages:
        for question in passage.phrasings:
            found = [hit.passage.id for hit in search.search(question, 3)]
            assert passage.id in found, question


@pytest.mark.parametrize("text, written", [
    ("wat vul ik in bij Art. 4a", "wat vul ik in bij artikel4a"),
    ("artikel 10 en punt 3", "artikel10 en punt3"),
    ("voetnoot 1 van 2020", "voetnoot1 van 2020"),
])
def test_a_numbered_part_is_one_term(text, written):
    assert numbered_terms(text) == written


def test_a_numbered_part_is_found_and_never_taken_for_a_typo():
    search = load_search()
    assert "artikel 7" in search.search("wat vul ik in bij art 7")[0].passage.place
    assert search.read("artikel 11").unknown == ("artikel11",)


def test_a_question_asked_with_fillers_reads_as_the_question_alone():
    search = load_search()
    plain = search.read("hoe lang vallen leerlingen onder de wms?")
    assert search.read("ehh wacht, hoelang vallen leerlingen eigenlijk onder de wms?").asked == plain.asked
    assert search.read("hoi! ok, trouwens: hoe lang vallen leerlingen onder de wms?").asked == plain.asked


def test_a_question_that_names_a_part_of_the_sources_puts_that_part_s_passages_first(monkeypatch):
    passages = [Passage(0, "Bouwsteen, onderwerp j", "de overeenkomst opzeggen", "test"),
                Passage(1, "Bouwsteen, format, artikel 10", "de overeenkomst opzeggen", "test"),
                Passage(2, "FAQ: Kan dat?", "de overeenkomst opzeggen", "test")]
    search = PassageSearch(passages, _plain_analyser(), {})

    def gain(question):
        """What naming a part adds to each passage's relevance for ``question``."""
        named = {hit.passage.id: hit.relevance for hit in search.search(question)}
        monkeypatch.setattr("bot.knowledge.search.NAMED_PART_WEIGHT", 0.0)
        plain = {hit.passage.id: hit.relevance for hit in search.search(question)}
        monkeypatch.undo()
        return {key: round(named[key] - plain[key], 9) for key in plain}

    weight = NAMED_PART_WEIGHT
    assert gain("opzeggen volgens het format") == {0: 0.0, 1: weight, 2: 0.0}
    assert gain("opzeggen, staat dat in de FAQ?") == {0: 0.0, 1: 0.0, 2: weight}
    assert gain("opzeggen formats") == gain("opzeggen") == {0: 0.0, 1: 0.0, 2: 0.0}
    assert search.search("opzeggen volgens het format")[0].passage.id == 1


def test_a_word_of_the_topic_questions_weighs_as_a_typical_word_not_as_another_subject():
    passages = [Passage(0, "plaats 0", "bekostiging van de route", "test"),
                Passage(1, "plaats 1", "de route in de regio", "test")]
    plain = PassageSearch(passages, _plain_analyser(), {})
    topical = PassageSearch(passages, _plain_analyser(), {}, domain_text="bekostiging per leerjaar")
    question = "bekostiging leerjaar"
    assert plain.read(question).unknown == topical.read(question).unknown == ("leerjaar",)
    assert topical.search(question)[0].coverage > plain.search(question)[0].coverage


def test_a_word_only_the_phrasings_use_weighs_as_a_typical_word_whatever_its_rarity_there():
    def search(*other_phrasings):
        passages = [Passage(0, "plaats 0", "bekostiging van de route", "test"),
                    Passage(1, "plaats 1", "de route in de regio", "test",
                            phrasings=("geld per leerjaar",)),
                    Passage(2, "plaats 2", "leerling en docent", "test", phrasings=other_phrasings)]
        return PassageSearch(passages, _plain_analyser(), {}, domain_text="leerjaar")

    rare, common = search(), search("geld voor de leerling")
    question = "bekostiging geld leerjaar"
    assert rare.read(question).unknown == ()
    # "geld" weighs as "leerjaar" (a typical word), however many passages' phrasings use it.
    assert rare._weight("geld") == rare._weight("leerjaar") == common._weight("geld")
    assert rare._weight("bekostiging") != rare._weight("geld")

    def coverage_of_first(search):
        return next(h.coverage for h in search.search(question, 3) if h.passage.id == 0)

    assert 0 < coverage_of_first(rare) < 1
    assert coverage_of_first(rare) == pytest.approx(coverage_of_first(common))


def test_the_topic_questions_are_the_language_model_s_training_questions_about_the_sources():
    questions = topic_questions().splitlines()
    assert len(questions) >= 300 and all(questions)
    assert not any(q.lower() in {"hallo", "doei"} for q in questions)


def test_a_word_of_exactly_the_minimum_length_is_read_as_a_typo_or_a_compound_part():
    search = _search("de ouders", "de geschilbeslechting")
    assert search.read("oudrs").asked == (("ouders",),)
    assert search.read("gesch").asked == (("geschilbeslechting",),)


def test_a_search_gives_five_passages_unless_asked_for_more():
    search = _search(*(f"alpha {word}" for word in ("aap", "noot", "mies", "wim", "zus", "jet", "teun")))
    assert len(search.search("alpha")) == 5
    assert len(search.search("alpha", 7)) == 7


def test_a_follow_up_keeps_its_own_passage_however_low_the_two_questions_rank_it():
    search = _search("aap", "noot", "mies", "wim", "zus", "jet", "gamma")
    assert [h.passage.id for h in search.search_follow_up("aap noot mies wim zus jet", "gamma?")] == [6]


def test_the_topic_questions_are_the_examples_of_the_faq_intents_only(tmp_path, monkeypatch):
    import bot.knowledge.search

    (tmp_path / "a.yml").write_text('version: "3.1"\nresponses: {}\n', encoding="utf-8")
    (tmp_path / "b.yml").write_text(
        'nlu:\n- intent: faq/tekenen\n  examples: |\n    - wie tekent\n    - moet de mr instemmen\n'
        '- intent: greet\n  examples: |\n    - hallo\n- synonym: mr\n  examples: |\n    - ondernemingsraad\n'
        '- intent: faq/leeg\n- intent: faq/lijst\n  examples: |\n    geen regel van een lijst\n    - welke wet\n',
        encoding="utf-8")
    monkeypatch.setattr(bot.knowledge.search, "TRAINING_DIR", tmp_path)
    assert topic_questions() == "wie tekent\nmoet de mr instemmen\nwelke wet"


def test_words_weigh_by_how_rare_they_are_in_the_sources_own_text():
    import math

    search = _search("alpha beta", "alpha", "gamma", "delta")
    common, rare = math.log(1 + 2.5 / 2.5), math.log(1 + 3.5 / 1.5)
    [hit] = [h for h in search.search("alpha beta") if h.passage.id == 1]
    assert hit.coverage == pytest.approx(common / (common + rare))


def test_a_word_neither_the_sources_nor_the_topic_questions_use_weighs_as_four_typical_words():
    # "xxxx": a word no topic question holds, whatever stands in for no topic questions.
    from bot.knowledge.search import UNKNOWN_WEIGHT

    passages = [Passage(0, "", "alpha", "test")]  # one word in all
    [hit] = PassageSearch(passages, _plain_analyser(), {}).search("alpha xxxx")
    assert hit.coverage == pytest.approx(1 / (1 + UNKNOWN_WEIGHT))
    with_topic = PassageSearch(passages, _plain_analyser(), {}, domain_text="xxxx")
    [hit] = with_topic.search("alpha xxxx")
    assert hit.coverage == pytest.approx(0.5)


def test_a_dutch_word_the_sources_do_not_use_is_not_taken_for_a_typo_of_one_they_do():
    analyser = Analyser(LemmaTable({"leerroutes": "leerroute"}), frozenset({"de"}))
    search = PassageSearch([Passage(0, "plaats", "de leerrouten", "test")], analyser, {})
    assert search.read("leerroutes").unknown == ("leerroutes",)
    assert search.read("leerrouts").asked == (("leerrouten",),)


def test_a_passage_s_relevance_is_its_bm25_score_relative_to_the_best_plus_the_learnt_ranking():
    from bot.knowledge.passage_ranker import scaled
    from bot.knowledge.search import LEARNT_WEIGHT

    search = _search("de overstapoptie voor een leerling", "leerling en docent", "het weer")
    question = "overstapoptie leerling docent"
    hits = search.search(question, 3)
    learnt = search._ranker.scores(question)
    top = max(hit.score for hit in hits)
    for hit in hits:
        expected = hit.score / top + LEARNT_WEIGHT * scaled(learnt)[hit.passage.id]
        assert hit.relevance == pytest.approx(expected)
        assert hit.learnt == learnt[hit.passage.id]
    assert [h.relevance for h in hits] == sorted((h.relevance for h in hits), reverse=True)


def test_the_learnt_ranking_finds_a_passage_where_bm25_finds_none():
    passages = [
        Passage(0, "plaats 0", "de overeenkomst wordt gesloten door het bestuur", "test",
                phrasings=("wie ondertekent het", "de ondertekening door het bestuur")),
        Passage(1, "plaats 1", "de school en de overeenkomst voor de school", "test"),
        Passage(2, "plaats 2", "de route duurt vier jaar", "test"),
    ]
    search = PassageSearch(passages, _plain_analyser(), {})
    # No word of the question is a word of a passage; its character n-grams are.
    hits = search.search("wie tekende het", 3)
    assert [hit.score for hit in hits] == [0.0, 0.0, 0.0]
    assert hits[0].passage.id == 0 and hits[0].relevance == 1.0


def test_the_learnt_ranking_of_a_follow_up_reads_the_follow_up_alone(monkeypatch):
    search = _search("alpha beta", "gamma delta", "epsilon")
    read = []
    monkeypatch.setattr(search._ranker, "scores", lambda text: read.append(text) or {})
    search.search_follow_up("alpha gamma", "en delta?")
    # The follow-up's passages are ranked on it alone; the question before it is searched on
    # its own, for the place that answers it.
    assert read == ["en delta?", "alpha gamma"]


def _places_search():
    passages = [Passage(0, "FAQ: opsturen", "de overeenkomst hoeft niet naar duo", "test"),
                Passage(1, "FAQ: opsturen", "de route melden bij rio", "test"),
                Passage(2, "FAQ: melden", "de route melden bij ocw", "test"),
                Passage(3, "FAQ: anders", "iets heel anders", "test")]
    passages += [Passage(i, f"plaats {i}", f"nog iets anders {i}", "test") for i in range(4, 10)]
    return PassageSearch(passages, _plain_analyser(), {})


def test_a_follow_up_is_answered_first_from_the_place_that_answered_the_question_before_it(monkeypatch):
    import bot.knowledge.search

    search = _places_search()
    previous, follow_up = "moet de overeenkomst naar duo", "en de route melden?"
    assert [hit.passage.id for hit in search.search_follow_up(previous, follow_up)[:2]] == [1, 2]
    # Without that place, the two passages that hold the follow-up are as good as equal, and
    # the other one comes first.
    monkeypatch.setattr(bot.knowledge.search, "CONTEXT_WEIGHT", 0.0)
    hits = search.search_follow_up(previous, follow_up)
    assert [hit.passage.id for hit in hits[:2]] == [2, 1]
    assert 0 < hits[0].relevance - hits[1].relevance < 0.1


def test_a_corpus_that_scores_below_zero_keeps_its_scores_as_relevance():
    from bot.knowledge.search import LEARNT_WEIGHT, scaled

    # A word in every passage scores below 0 in BM25; the relevance is then the score itself.
    search = _search("de route", "de route loopt")
    reading = search.read("route")
    hits = search.search_reading(reading, 2)
    assert len(hits) == 2 and all(hit.score < 0 for hit in hits)
    learnt = scaled(search._ranker.scores(reading.text))
    for hit in hits:
        assert hit.relevance == pytest.approx(hit.score + LEARNT_WEIGHT * learnt[hit.passage.id])


def test_the_search_weighs_with_its_own_bm25_settings_and_learnt_scores_for_every_passage():
    from bot.knowledge.search import BM25_B, BM25_K1

    search = load_search()
    assert (search._index.k1, search._index.b) == (BM25_K1, BM25_B) and (BM25_K1, BM25_B) != (1.5, 0.75)
    # The learnt ranking scores every passage, so a hit never lacks its learnt score.
    assert set(search._ranker.scores("wie tekent de sok")) == {p.id for p in search.passages}


def test_the_synonyms_name_the_sources_words():
    synonyms = load_synonyms()
    assert synonyms["sok"] == ("samenwerkingsovereenkomst",)
    assert all(targets and all(isinstance(t, str) and t != "None" for t in targets) for targets in synonyms.values())


def test_a_compound_names_the_uncovered_subject_of_its_last_part():
    search = PassageSearch([Passage(0, "plaats", "de route en het plan", "test")], _plain_analyser(), {},
                           uncovered=["vervoer"])
    assert search.read("wie regelt het vervoer").uncovered
    assert search.read("wie regelt het busvervoer").uncovered
    # A plan is no transport, and "xvervoer" has too short a first part to be a compound.
    assert not search.read("wie maakt het vervoerplan").uncovered
    assert not search.read("wie regelt xvervoer").uncovered
    # A word of the sources is theirs, whatever it ends in.
    known = PassageSearch([Passage(0, "plaats", "het schoolvervoer", "test")], _plain_analyser(), {},
                          uncovered=["vervoer"])
    assert not known.read("het schoolvervoer").uncovered and known.read("het busvervoer").uncovered


def test_no_subject_listed_as_uncovered_is_one_the_sources_or_the_questions_about_them_use():
    from bot.knowledge.passages import load_passages
    from bot.knowledge.search import load_uncovered, topic_questions

    analyser = dutch_analyser()
    listed = {term: word for word in load_uncovered() for term in analyser.terms(word)}
    assert len(load_uncovered()) >= 20 and len(listed) >= 15
    texts = [" ".join((p.place, p.heading, p.text) + p.phrasings) for p in load_passages()]
    used = set(analyser.terms(" ".join(texts + [topic_questions()])))
    assert {word for term, word in listed.items() if term in used} == set()
    # Nor does any of them use a compound that ends in one.
    assert {term for term in used if load_search()._names_uncovered(term)} == set()


def test_the_unanswered_questions_are_many_and_none_is_close_to_a_held_out_question():
    import difflib

    from bench.passage_heldout import load_questions
    from bot.knowledge.passages import load_passages
    from bot.knowledge.search import load_unanswered
    from bot.user_text import fold

    unanswered = [fold(q) for q in load_unanswered()]
    assert len(unanswered) >= 200 and len(set(unanswered)) == len(unanswered)
    held_out = [fold(text) for item in load_questions() for text in (item["question"], item.get("previous")) if text]
    assert [q for q in unanswered if difflib.get_close_matches(q, held_out, n=1, cutoff=0.75)] == []
    phrasings = {fold(q) for p in load_passages() for q in p.phrasings}
    assert phrasings.isdisjoint(unanswered)


def test_the_search_reads_how_far_a_question_is_beyond_the_sources():
    search = load_search()
    assert search.beyond_sources("wie betaalt de laptops van de leerlingen in de route") > 0
    assert search.beyond_sources("wie moet de samenwerkingsovereenkomst ondertekenen") < 0


def test_a_follow_up_to_a_question_without_words_of_the_sources_is_ranked_on_its_own():
    search = _places_search()
    hits = search.search_follow_up("de het een", "en de route melden?")
    assert [hit.passage.id for hit in hits[:2]] == [2, 1]
