"""One message at an open question: what is stored, what is confirmed first, what never is."""

import pytest

from bot import messages
from bot.interview import moves
from bot.interview.answers import NOT_APPLICABLE, PLACEHOLDER
from bot.interview.catalogue import load_catalogue
from bot.interview.moves import HISTORY_SLOT, OFFERED_SLOT, PENDING_SLOT
from bot.interview.turn import interview_turn

STEP = load_catalogue().get
TWO_BOARDS = {"same_authority": False, "route_type": "doorlopende_leerroute"}
NO_PARSE = {"intent": {"name": "faq", "confidence": 0.3}, "entities": []}


def turn(key, text, answers=None, parse=None):
    return interview_turn(STEP(key), text, parse or NO_PARSE, answers or dict(TWO_BOARDS))


def said(move):
    return " ".join(u.get("text", u.get("response", "")) for u in move.utterances)


def test_an_answer_is_stored_and_remembered_in_order():
    move = turn("clause_2_business", "Bedrijven uit de regio bieden stages.",
                {**TWO_BOARDS, HISTORY_SLOT: ["same_authority", "route_type"]})
    assert move.updates == {"clause_2_business": "Bedrijven uit de regio bieden stages.",
                            HISTORY_SLOT: ["same_authority", "route_type", "clause_2_business"]}


@pytest.mark.parametrize("text", ["terug", "vorige vraag", "maak dat ongedaan"])
def test_going_back_reopens_the_last_answer_and_offers_it(text):
    answers = {**TWO_BOARDS, "vmbo_parties": ["Stichting A"],
               HISTORY_SLOT: ["same_authority", "route_type", "vmbo_parties"]}
    move = turn("mbo_parties", text, answers)
    assert move.updates["vmbo_parties"] is None and move.updates["mbo_parties"] is None
    assert move.updates[HISTORY_SLOT] == ["same_authority", "route_type"]
    assert move.updates[OFFERED_SLOT] == {"vmbo_parties": {"value": ["Stichting A"], "source": "back"}}


def test_going_back_from_the_first_question_says_so():
    move = turn("same_authority", "terug", {})
    assert move.updates == {"same_authority": None, PENDING_SLOT: None}
    assert said(move) == messages.FIRST_QUESTION


def test_going_back_from_signing_reopens_the_last_signatory():
    signed = {"name": "A. Jansen", "position": "bestuurder"}
    answers = {**TWO_BOARDS, "signatories": [signed], HISTORY_SLOT: ["signing_date", "signatory"]}
    move = turn("signatory", "terug", answers)
    assert move.updates["signatories"] == [] and move.updates[HISTORY_SLOT] == ["signing_date"]
    assert move.updates[OFFERED_SLOT]["signatory"]["value"] == signed


def test_an_offered_answer_is_kept_with_yes_or_behouden():
    offered = {"vmbo_parties": {"value": ["Stichting A"], "source": "back"}}
    prompt = moves.prompt_for(STEP("vmbo_parties"), {**TWO_BOARDS, OFFERED_SLOT: offered})
    assert "Stichting A" in said(prompt) and prompt.updates[OFFERED_SLOT] == {}
    answers = {**TWO_BOARDS, **prompt.updates}
    for keep in ("behouden", "ja", "klopt"):
        assert turn("vmbo_parties", keep, answers).updates["vmbo_parties"] == ["Stichting A"]
    assert turn("vmbo_parties", "Stichting B", answers).updates["vmbo_parties"] == ["Stichting B"]


def test_at_a_yes_no_step_an_earlier_answer_is_only_shown():
    offered = {"same_authority": {"value": False, "source": "back"}}
    prompt = moves.prompt_for(STEP("same_authority"), {OFFERED_SLOT: offered})
    assert said(prompt) == messages.EARLIER_YES_NO.format(answer="Nee")
    assert PENDING_SLOT not in prompt.updates


def test_a_list_of_boards_is_split_after_confirmation_or_kept_as_one_name():
    move = turn("vmbo_parties", "Stichting Het Rijnlands Lyceum en Stichting VO Oost")
    assert move.updates["vmbo_parties"] is None
    pending = move.updates[PENDING_SLOT]
    assert pending["prompt"] == messages.CONFIRM_PARTIES.format(
        count=2, names="Stichting Het Rijnlands Lyceum en Stichting VO Oost")
    answers = {**TWO_BOARDS, PENDING_SLOT: pending}
    assert turn("vmbo_parties", "ja", answers).updates["vmbo_parties"] == [
        "Stichting Het Rijnlands Lyceum", "Stichting VO Oost"]
    assert turn("vmbo_parties", "nee", answers).updates["vmbo_parties"] == [
        "Stichting Het Rijnlands Lyceum en Stichting VO Oost"]


def test_a_chatty_answer_is_reduced_and_confirmed():
    move = turn("vmbo_parties", "dat zei ik al, Stichting Carolus Clusius College")
    pending = move.updates[PENDING_SLOT]
    assert pending["value"] == ["Stichting Carolus Clusius College"]
    confirmed = turn("vmbo_parties", "klopt", {**TWO_BOARDS, PENDING_SLOT: pending})
    assert confirmed.updates["vmbo_parties"] == ["Stichting Carolus Clusius College"]


def test_a_refused_reading_without_alternative_asks_again():
    pending = turn("vmbo_parties", "ik denk Stichting X").updates[PENDING_SLOT]
    move = turn("vmbo_parties", "nee", {**TWO_BOARDS, PENDING_SLOT: pending})
    assert move.updates == {"vmbo_parties": None, PENDING_SLOT: None}


def test_a_party_named_like_a_command_is_stored_only_after_confirmation():
    move = turn("vmbo_parties", "Terug")
    assert move.updates["vmbo_parties"] is None
    assert move.updates[PENDING_SLOT]["value"] == ["Terug"]
    assert messages.BACK_BUTTON in move.updates[PENDING_SLOT]["buttons"]
    assert move.updates[PENDING_SLOT]["prompt"] == messages.CONFIRM_COMMAND_WORD.format(answer="Terug")
    stored = turn("vmbo_parties", "ja", {**TWO_BOARDS, PENDING_SLOT: move.updates[PENDING_SLOT]})
    assert stored.updates["vmbo_parties"] == ["Terug"]


def test_a_new_answer_replaces_a_pending_one():
    pending = turn("vmbo_parties", "ik denk Stichting X").updates[PENDING_SLOT]
    move = turn("vmbo_parties", "Stichting Y", {**TWO_BOARDS, PENDING_SLOT: pending})
    assert move.updates["vmbo_parties"] == ["Stichting Y"] and move.updates[PENDING_SLOT] is None


@pytest.mark.parametrize("key", ["same_authority", "route_type", "vmbo_parties", "mbo_parties"])
def test_structural_questions_cannot_be_left_open(key):
    parse = {"intent": {"name": "dont_know_yet", "confidence": 0.95}, "entities": []}
    move = turn(key, "/dont_know_yet", parse=parse)
    assert move.updates == {key: None} and said(move) == messages.STRUCTURAL_NEEDED


def test_other_questions_can_be_left_open_skipped_or_filled_with_the_example():
    command = lambda name: {"intent": {"name": name, "confidence": 1.0}, "entities": []}  # noqa: E731
    assert turn("clause_8_disputes", "/dont_know_yet", parse=command("dont_know_yet")
                ).updates["clause_8_disputes"] == PLACEHOLDER
    assert turn("clause_7_codetermination", "/skip_clause", parse=command("skip_clause")
                ).updates["clause_7_codetermination"] == NOT_APPLICABLE
    assert turn("clause_8_disputes", "/skip_clause", parse=command("skip_clause")).updates == {
        "clause_8_disputes": None}
    assert turn("clause_8_disputes", "/use_example", parse=command("use_example")
                ).updates["clause_8_disputes"] == STEP("clause_8_disputes").example


def test_a_short_command_the_model_is_sure_of_is_a_command_even_as_a_question():
    from bot.answering import search_passages, search_to_parse
    from tests.conftest import parse_result

    def parse(text, intent, confidence):
        result = parse_result(text, [(intent, confidence), ("faq", 0.05)], [("x", 0.2)])
        result["passages"] = search_to_parse(search_passages(text))
        return result

    # The passage search alone would quote a passage with "weten" in it.
    left_open = turn("clause_8_disputes", "weet ik nog niet?", parse=parse("weet ik nog niet?", "dont_know_yet", 0.9))
    assert left_open.updates["clause_8_disputes"] == PLACEHOLDER
    skipped = turn("clause_7_codetermination", "kan ik dit overslaan?",
                   parse=parse("kan ik dit overslaan?", "skip_clause", 0.9))
    assert skipped.updates["clause_7_codetermination"] == NOT_APPLICABLE
    # Unsure of the command: a question, not stored.
    unsure = turn("clause_8_disputes", "weet ik nog niet?", parse=parse("weet ik nog niet?", "dont_know_yet", 0.5))
    assert unsure.updates.get("clause_8_disputes") is None


@pytest.mark.parametrize("text", [
    "geen aanvullende afspraken", "geen", "n.v.t.", "nee, die hebben we niet",
    "we maken geen extra afspraken over medezeggenschap",
    "nee, daar maken we geen aanvullende afspraken over", "nee dat hoeft niet",
    "we hebben hier nog niets over afgesproken",
])
def test_nothing_to_add_leaves_an_optional_clause_out_and_says_how_to_undo_it(text):
    move = turn("clause_7_codetermination", text)
    assert move.updates["clause_7_codetermination"] == NOT_APPLICABLE
    assert said(move) == messages.OPTIONAL_LEFT_OUT


@pytest.mark.parametrize("text", [
    "Geen leerling neemt deel aan de studentenraad, wel aan de ouderraad",
    "Leerlingen mogen ook in de studentenraad van het mbo",
    "Leerlingen krijgen geen stemrecht in de studentenraad",
])
def test_a_real_answer_to_an_optional_clause_is_stored_as_written(text):
    assert turn("clause_7_codetermination", text).updates["clause_7_codetermination"] == text


def test_nothing_to_add_needs_a_no_among_its_words():
    from bot.interview.guard import says_nothing_to_add

    assert not says_nothing_to_add("aanvullende afspraken over de medezeggenschap")
    assert says_nothing_to_add("geen aanvullende afspraken over de medezeggenschap")


@pytest.mark.parametrize("text", ["geen aanvullende afspraken", "n.v.t.", "nee, dat hoeft niet"])
def test_nothing_to_add_is_no_answer_where_a_clause_is_required_and_says_so(text):
    move = turn("clause_5_transfer_option", text)
    assert move.updates == {"clause_5_transfer_option": None}
    assert said(move) == messages.CANNOT_SKIP


def test_no_is_an_answer_where_yes_or_no_is_asked_though_it_says_nothing_to_add():
    assert turn("clause_6_funding_transfer", "nee, dat hoeft niet").updates["clause_6_funding_transfer"] is False


def test_a_sentence_answers_the_funding_question_and_gives_the_amount():
    sentence = "Het vmbo draagt 1.250 euro per leerling per jaar over aan het ROC"
    move = turn("clause_6_funding_transfer", sentence)
    pending = move.updates[PENDING_SLOT]
    assert pending["value"] is True
    assert pending["prompt"] == messages.CONFIRM_FUNDING.format(details=sentence)
    stored = turn("clause_6_funding_transfer", "ja", {**TWO_BOARDS, PENDING_SLOT: pending})
    assert stored.updates["clause_6_funding_transfer"] is True
    assert stored.updates["clause_6_funding_amount"] == sentence
    assert stored.updates[HISTORY_SLOT][-2:] == ["clause_6_funding_transfer", "clause_6_funding_amount"]
    assert "clause_6_funding_purpose" not in stored.updates  # asked next


def test_ja_hoor_before_the_amount_is_not_part_of_it():
    move = turn("clause_6_funding_transfer", "Ja hoor, het ROC maakt jaarlijks 45.000 euro over.")
    assert move.updates[PENDING_SLOT]["also"] == {
        "clause_6_funding_amount": "Het ROC maakt jaarlijks 45.000 euro over."}


def test_a_correction_with_a_clear_cue_is_stored_at_once_and_said_back():
    answers = {**TWO_BOARDS, "mbo_parties": ["ROC Rivierenland"], "vmbo_parties": ["Stichting A"],
               HISTORY_SLOT: ["same_authority", "route_type", "vmbo_parties", "mbo_parties"]}
    move = turn("clause_2_business", "het ROC heet eigenlijk ROC Rivor", answers)
    assert move.updates["mbo_parties"] == ["ROC Rivor"] and move.updates["clause_2_business"] is None
    assert "ROC Rivor" in said(move)


def test_names_given_at_the_first_question_are_offered_at_the_party_questions():
    move = turn("same_authority", "nee hoor, wij zijn Stichting Carolus Clusius College en het ROC is "
                "Stichting Deltion College", {})
    assert move.updates["same_authority"] is False
    assert move.updates[OFFERED_SLOT]["vmbo_parties"]["value"] == ["Stichting Carolus Clusius College"]
    assert move.updates[OFFERED_SLOT]["mbo_parties"]["value"] == ["Stichting Deltion College"]


def test_a_bare_date_as_a_clause_is_confirmed_first():
    move = turn("clause_8_disputes", "Per 1 augustus 2025")
    assert move.updates["clause_8_disputes"] is None
    assert move.updates[PENDING_SLOT]["value"] == "Per 1 augustus 2025"


def test_a_date_inside_a_sentence_is_offered():
    move = turn("signing_date", "ergens half juni, 15 juni 2025 denk ik")
    assert move.updates[PENDING_SLOT]["value"] == "15 juni 2025"
    assert turn("signing_date", "31 februari 2026").updates == {"signing_date": None}


def test_place_and_date_together():
    move = turn("signing_place", "Gorinchem, 1 september 2027")
    assert move.updates["signing_place"] == "Gorinchem"
    assert move.updates[OFFERED_SLOT]["signing_date"]["value"] == "1 september 2027"
    assert "Gorinchem" in said(move)


def test_a_question_in_between_is_answered_from_the_sources_and_not_stored():
    question = "even tussendoor: mag een docent van het ROC ook lesgeven?"
    parse = {"text": question, "intent": {"name": "faq", "confidence": 0.9}, "entities": [],
             "response_selector": {"faq": {"ranking": [
                 {"intent_response_key": "faq/teambevoegdheid", "confidence": 0.9},
                 {"intent_response_key": "faq/klacht_mbo_docent", "confidence": 0.05}]}}}
    move = turn("clause_3a_leadership", question, parse=parse)
    assert move.utterances == [{"response": "utter_faq/teambevoegdheid"}]
    assert "clause_3a_leadership" not in move.updates or move.updates["clause_3a_leadership"] is None


def test_a_question_in_between_that_a_passage_answers_gets_the_passage_and_is_not_stored():
    from bot.answering import search_passages, search_to_parse

    question = "wie moet de overeenkomst ondertekenen?"
    parse = {"text": question, "intent": {"name": "faq", "confidence": 0.9}, "entities": [],
             "response_selector": {"faq": {"ranking": [
                 {"intent_response_key": "faq/melden_leerroute", "confidence": 0.3},
                 {"intent_response_key": "faq/teambevoegdheid", "confidence": 0.25}]}},
             "passages": search_to_parse(search_passages(question))}
    move = turn("clause_3a_leadership", question, parse=parse)
    assert move.updates == {}
    assert said(move).startswith(messages.PASSAGE_INTRO)
    assert "wordt gesloten door de bevoegde gezagsorganen van de vmbo" in said(move)


def test_a_question_the_sources_do_not_answer_is_not_stored_either():
    move = turn("clause_3a_leadership", "Is er eigenlijk een maximum aantal leerlingen?")
    assert move.updates == {"clause_3a_leadership": None}
    assert said(move) == messages.QUESTION_NOT_ANSWERED


@pytest.mark.parametrize("text, expected", [
    ("bedankt", messages.THANKS_IN_INTERVIEW), ("hallo", messages.GREETING_IN_INTERVIEW),
    ("dank je wel", messages.THANKS_IN_INTERVIEW), ("top", messages.THANKS_IN_INTERVIEW),
    ("thanks", messages.THANKS_IN_INTERVIEW), ("goedemorgen", messages.GREETING_IN_INTERVIEW),
    ("stop", messages.PAUSE_HINT),
])
def test_small_talk_and_pausing_are_never_answers(text, expected):
    move = turn("clause_2_business", text)
    assert move.updates == {"clause_2_business": None} and said(move) == expected


def test_asking_what_the_question_means_gives_its_explanation():
    move = turn("clause_3a_leadership", "wat bedoel je precies?")
    assert move.updates == {"clause_3a_leadership": None}
    assert said(move).startswith("**Uitleg bij Artikel 3a")
    # Even when the model takes the phrase for a question about the agreement.
    faq = {"text": "wat bedoel je precies?", "intent": {"name": "faq", "confidence": 0.9},
           "entities": [], "response_selector": {"faq": {"ranking": [
               {"intent_response_key": "faq/teambevoegdheid", "confidence": 0.9}]}}}
    asked = turn("clause_3a_leadership", "wat bedoel je precies?", parse=faq)
    assert said(asked).startswith("**Uitleg bij Artikel 3a")


def test_a_changed_number_of_parties_clears_the_signatories_and_a_renamed_party_keeps_them():
    signed = {**TWO_BOARDS, "vmbo_parties": ["A"], "mbo_parties": ["B"],
              "signatories": [{"name": "x", "position": "y"}] * 2}
    renamed = moves.store(STEP("vmbo_parties"), ["A2"], signed)
    assert "signatories" not in renamed.updates
    more = moves.store(STEP("vmbo_parties"), ["A", "C"], signed)
    assert more.updates["signatories"] == []


@pytest.mark.parametrize("text", ["Leeuwarden", "Techniek"])
def test_a_one_word_clause_answer_is_confirmed_first(text):
    move = turn("clause_1_programme", text)
    assert move.updates["clause_1_programme"] is None
    assert move.updates[PENDING_SLOT]["value"] == text


def test_a_sentence_given_as_a_board_name_is_confirmed_first():
    move = turn("mbo_parties", "we werken samen met het mbo hier in de buurt")
    assert move.updates["mbo_parties"] is None and PENDING_SLOT in move.updates


def test_a_choice_in_own_words_is_confirmed():
    move = turn("route_type", "ik denk een geïntegreerd onderwijsprogramma, want het is basis naar mbo 2")
    assert move.updates[PENDING_SLOT]["value"] == "geintegreerd_onderwijsprogramma"


def test_a_long_answer_that_starts_like_a_question_is_an_answer():
    text = "Wie uitvalt na de vmbo-examens, kan een andere mbo-opleiding op niveau 2 of 3 kiezen."
    assert turn("clause_5_transfer_option", text).updates["clause_5_transfer_option"] == text


def test_a_date_typed_at_the_place_question_is_confirmed_first():
    move = turn("signing_place", "1 september 2026")
    assert move.updates["signing_place"] is None and PENDING_SLOT in move.updates


@pytest.mark.parametrize("text", ["x" * 10000, "\u0000\u0007\u001b[31m", "ja", "31m"])
def test_what_is_no_word_is_refused_not_confirmed(text):
    move = turn("clause_3a_leadership", text)
    assert move.updates == {"clause_3a_leadership": None} and move.utterances


def test_a_long_clause_answer_that_holds_a_cue_is_no_correction():
    answers = {"same_authority": True, "authority_name": ["Stichting X"]}
    text = "Het college van bestuur kan de regeling wijzigen; de wijziging moet eerst met de MR besproken worden."
    move = turn("clause_10_termination", text, answers)
    assert move.updates["clause_10_termination"] == text and "authority_name" not in move.updates


@pytest.mark.parametrize("text, value", [
    ("Doorlopende leerroute vmbo-mbo", "doorlopende_leerroute"),
    ("we kiezen doorlopende", "doorlopende_leerroute"),
    ("geintegreerd", "geintegreerd_onderwijsprogramma"),
])
def test_a_choice_by_its_title_or_its_own_words_is_stored(text, value):
    move = turn("route_type", text, {})
    assert move.updates == {HISTORY_SLOT: ["route_type"], "route_type": value} and move.utterances == []


@pytest.mark.parametrize("text", ["geïntegreerde leerroute", "banaan"])
def test_a_choice_naming_both_or_neither_is_asked_again_with_the_choices(text):
    move = turn("route_type", text, {})
    assert move.updates == {"route_type": None}
    assert said(move).startswith("Kies een van de mogelijkheden: 'Doorlopende leerroute vmbo-mbo' of ")


def test_a_choice_among_chatter_is_confirmed_by_its_title():
    move = turn("route_type", "ik denk doorlopende leerroute", {})
    assert move.updates["route_type"] is None
    pending = move.updates[PENDING_SLOT]
    assert pending["value"] == "doorlopende_leerroute"
    assert pending["prompt"] == messages.CONFIRM_READING.format(answer="Doorlopende leerroute vmbo-mbo")


def test_the_choice_meant_is_the_one_whose_own_long_words_are_used():
    from dataclasses import replace

    from bot.interview.catalogue import Choice
    from bot.interview.turn import _choice_meant

    step = replace(STEP("route_type"), choices=(
        Choice("early", "Vroeg ochtend lesuur"), Choice("late", "Laat middag lesuur")))
    assert _choice_meant(step, "in de middag").value == "late"  # six letters are enough
    assert _choice_meant(step, "ochtend").value == "early"
    assert _choice_meant(step, "middag lesuur").value == "late"  # "lesuur" is in both
    assert _choice_meant(step, "lesuur") is None
    assert _choice_meant(step, "vroeg") is None  # own, but too short to tell
    assert _choice_meant(step, "ochtend of middag") is None and _choice_meant(step, "") is None


def test_at_the_place_question_a_date_or_chatter_is_confirmed_and_a_name_stored():
    date_only = turn("signing_place", "1 september 2027", {}).updates
    assert date_only["signing_place"] is None
    assert date_only[PENDING_SLOT]["value"] == "1 september 2027"
    assert date_only[PENDING_SLOT]["prompt"] == messages.CONFIRM_DATE_AS_PLACE.format(answer="1 september 2027")
    chatty = turn("signing_place", "ik denk Gorinchem", {}).updates
    assert chatty["signing_place"] is None and chatty[PENDING_SLOT]["value"] == "Gorinchem"
    assert chatty[PENDING_SLOT]["prompt"] == messages.CONFIRM_READING.format(answer="Gorinchem")
    assert turn("signing_place", "Gorinchem", {}).updates == {
        HISTORY_SLOT: ["signing_place"], "signing_place": "Gorinchem"}
    short = turn("signing_place", "x", {})
    assert short.updates == {"signing_place": None} and said(short) == "Dat antwoord is te kort."


def test_a_text_answer_like_a_command_word_is_confirmed_as_text():
    move = turn("signing_place", "Terug", {})
    assert move.updates[PENDING_SLOT]["value"] == "Terug"
    assert move.updates[PENDING_SLOT]["buttons"] == [messages.YES_BUTTON, messages.BACK_BUTTON]


CORRECTABLE = {**TWO_BOARDS, "mbo_parties": ["ROC Rivierenland"], "vmbo_parties": ["Stichting A"],
               "signing_date": "1 september 2027",
               HISTORY_SLOT: ["same_authority", "route_type", "vmbo_parties", "mbo_parties"]}


def test_a_corrected_date_takes_the_year_of_the_date_it_corrects():
    move = turn("clause_2_business", "de datum is eigenlijk 3 juli", CORRECTABLE)
    assert move.updates == {HISTORY_SLOT: CORRECTABLE[HISTORY_SLOT] + ["signing_date"],
                            "signing_date": "3 juli 2027", "clause_2_business": None}
    assert said(move) == messages.CORRECTED.format(label="Datum van ondertekening", answer="3 juli 2027")


@pytest.mark.parametrize("text, reason", [
    ("het ROC heet eigenlijk Stichting A", "'Stichting A' is al als andere partij genoemd."),
    ("het ROC heet eigenlijk x", "Die naam is te kort."),
])
def test_a_correction_that_is_no_valid_answer_is_refused_and_the_question_stays(text, reason):
    move = turn("clause_2_business", text, CORRECTABLE)
    assert move.updates == {"clause_2_business": None} and said(move).startswith(reason)


def test_a_date_is_stored_as_typed_or_offered_from_a_sentence():
    assert turn("signing_date", "15 juni 2025", {}).updates == {
        HISTORY_SLOT: ["signing_date"], "signing_date": "15 juni 2025"}
    offered = turn("signing_date", "ergens half juni, 15 juni 2025 denk ik", {}).updates[PENDING_SLOT]
    assert (offered["value"], offered["prompt"]) == ("15 juni 2025", messages.CONFIRM_DATE.format(answer="15 juni 2025"))
    refused = turn("signing_date", "morgen", {})
    assert refused.updates == {"signing_date": None} and said(refused).startswith("Dat herken ik niet als datum.")


@pytest.mark.parametrize("text, value, named", [
    ("we werken samen met Stichting Alfa Beta", ["Stichting Alfa Beta"], "Stichting Alfa Beta"),
    ("we werken samen met Stichting Alfa en met Stichting Beta", ["Stichting Alfa"], "Stichting Alfa"),
    ("we werken samen met het mbo hier", ["we werken samen met het mbo hier"], "we werken samen met het mbo hier"),
])
def test_a_sentence_given_as_a_name_is_confirmed_by_the_board_named_in_it(text, value, named):
    pending = turn("vmbo_parties", text).updates[PENDING_SLOT]
    assert pending["value"] == value and pending["prompt"] == messages.CONFIRM_NAME.format(answer=named)


def test_party_names_are_refused_with_a_reason_or_joined_for_confirmation():
    refused = turn("vmbo_parties", "x")
    assert refused.updates == {"vmbo_parties": None} and said(refused).startswith("Die naam is te kort.")
    three = turn("vmbo_parties", "Stichting A, Stichting B en Stichting C").updates[PENDING_SLOT]
    assert three["prompt"] == messages.CONFIRM_PARTIES.format(
        count=3, names="Stichting A, Stichting B en Stichting C")
    one = turn("vmbo_parties", "ik denk Stichting X").updates[PENDING_SLOT]
    assert one["prompt"] == messages.CONFIRM_READING.format(answer="Stichting X")
    two = turn("vmbo_parties", "ik denk Stichting X; Stichting Y").updates[PENDING_SLOT]
    assert two["prompt"] == messages.CONFIRM_READING.format(answer="Stichting X en Stichting Y")


def test_a_clear_yes_with_an_amount_stays_yes_even_if_the_amount_says_not():
    pending = turn("clause_6_funding_transfer", "ja, maar niet meer dan 100 euro per leerling").updates[PENDING_SLOT]
    assert pending["value"] is True
    assert pending["also"] == {"clause_6_funding_amount": "Maar niet meer dan 100 euro per leerling"}


def test_a_board_named_with_a_clear_yes_is_offered_for_its_side_and_as_the_authority():
    move = turn("same_authority", "ja, wij zijn Stichting Alfa", {})
    assert move.updates == {
        HISTORY_SLOT: ["same_authority"], "same_authority": True,
        OFFERED_SLOT: {"vmbo_parties": {"value": ["Stichting Alfa"], "source": "earlier"},
                       "authority_name": {"value": ["Stichting Alfa"], "source": "earlier"}}}


def test_a_no_in_a_sentence_is_confirmed_with_the_boards_it_names():
    text = "wij hebben niet hetzelfde bestuur, wij zijn Stichting Alfa en het ROC is Stichting Beta"
    pending = turn("same_authority", text, {}).updates[PENDING_SLOT]
    assert pending["value"] is False and pending["prompt"] == messages.CONFIRM_YES_NO.format(answer="Nee")
    assert pending["offers"] == {"vmbo_parties": ["Stichting Alfa"], "mbo_parties": ["Stichting Beta"],
                                 "authority_name": ["Stichting Alfa"]}
    assert pending["also"] == {}


def test_a_yes_in_a_sentence_is_confirmed_as_yes():
    pending = turn("same_authority", "het is hetzelfde bestuur, klopt", {}).updates[PENDING_SLOT]
    assert pending["value"] is True and pending["prompt"] == messages.CONFIRM_YES_NO.format(answer="Ja")
    assert pending["offers"] == {} and pending["also"] == {}


def test_no_funding_transferred_drops_the_amount_it_mentions():
    pending = turn("clause_6_funding_transfer", "er wordt geen 100 euro overgedragen", {}).updates[PENDING_SLOT]
    assert pending["value"] is False and pending["prompt"] == messages.CONFIRM_YES_NO.format(answer="Nee")
    assert pending["offers"] == {} and pending["also"] == {}


@pytest.mark.parametrize("key, text, value", [
    ("same_authority", "ja, 100 euro", True),  # an amount means something at the funding question only
    ("clause_6_funding_transfer", "ja, Stichting Alfa Beta betaalt het", True),  # names at the first only
])
def test_amounts_and_names_are_taken_only_at_their_own_question(key, text, value):
    assert turn(key, text, {}).updates == {HISTORY_SLOT: [key], key: value}


def test_a_question_of_the_document_itself_cannot_be_skipped_and_says_so():
    parse = {"intent": {"name": "skip_clause", "confidence": 1.0}, "entities": []}
    clause = turn("clause_8_disputes", "/skip_clause", parse=parse)
    assert said(clause) == messages.CANNOT_SKIP
    place = turn("signing_place", "/skip_clause", parse=parse)
    assert place.updates == {"signing_place": None} and said(place) == messages.CANNOT_SKIP_DOCUMENT


def test_a_list_of_boards_is_confirmed_with_buttons_that_name_the_count():
    pending = turn("vmbo_parties", "Stichting A, Stichting B en Stichting C").updates[PENDING_SLOT]
    assert pending["buttons"] == [{"title": messages.PARTIES_YES.format(count=3), "payload": "ja"},
                                  {"title": messages.PARTIES_NO, "payload": "nee"}]
    assert pending["alternative"] == ["Stichting A, Stichting B en Stichting C"]


@pytest.mark.parametrize("key, text, value, prompt", [
    ("signatory", "ik denk A. Jansen, bestuurder", {"name": "A. Jansen", "position": "bestuurder"},
     messages.CONFIRM_READING.format(answer="A. Jansen, bestuurder")),
    ("clause_2_business", "Per 1 augustus 2025", "Per 1 augustus 2025",
     messages.CONFIRM_DATE_AS_CLAUSE.format(answer="Per 1 augustus 2025")),
    ("clause_2_business", "per 1 augustus 2025 ongeveer", "per 1 augustus 2025 ongeveer",
     messages.CONFIRM_DATE_AS_CLAUSE.format(answer="per 1 augustus 2025 ongeveer")),  # five words
    ("clause_2_business", "ik denk dat bedrijven stages bieden", "Bedrijven stages bieden",
     messages.CONFIRM_READING.format(answer="Bedrijven stages bieden")),
    ("clause_2_business", "Leeuwarden", "Leeuwarden", messages.CONFIRM_SHORT.format(answer="Leeuwarden")),
])
def test_readings_to_confirm_say_what_would_be_stored(key, text, value, prompt):
    move = turn(key, text)
    assert move.updates[key] is None
    assert (move.updates[PENDING_SLOT]["value"], move.updates[PENDING_SLOT]["prompt"]) == (value, prompt)


def test_a_name_already_given_for_the_other_side_is_refused():
    move = turn("vmbo_parties", "Stichting B", {**TWO_BOARDS, "mbo_parties": ["Stichting B"]})
    assert move.updates == {"vmbo_parties": None}
    assert said(move).startswith("'Stichting B' is al als andere partij genoemd.")


@pytest.mark.parametrize("text, helper", [("geef een voorbeeld", "example"), ("wat betekent dit", "explanation")])
@pytest.mark.parametrize("route", ["doorlopende_leerroute", "geintegreerd_onderwijsprogramma"])
def test_help_at_a_question_is_the_help_for_this_conversation(text, helper, route):
    from bot.interview import help as interview_help

    answers = {**TWO_BOARDS, "route_type": route}
    expected = getattr(interview_help, helper)(STEP("clause_1_programme"), answers)
    move = turn("clause_1_programme", text, answers)
    assert move.updates == {"clause_1_programme": None}
    assert move.utterances == [{"text": expected["text"], "buttons": list(expected.get("buttons") or [])}]


def test_a_corrected_clause_is_stored_as_typed_even_after_an_answer_ending_in_a_year():
    answers = {**TWO_BOARDS, "clause_2_business": "Bedrijven bieden stages sinds 2020",
               HISTORY_SLOT: ["clause_2_business"]}
    move = turn("clause_3a_leadership", "bij artikel 2 bedoelde ik Bedrijven bieden stages aan leerlingen", answers)
    assert move.updates == {HISTORY_SLOT: ["clause_2_business"], "clause_3a_leadership": None,
                            "clause_2_business": "Bedrijven bieden stages aan leerlingen"}


@pytest.mark.parametrize("text, asks", [
    ("Stichting A?", True), ("Wie tekent?", True), ("Stichting A", False),
    ("Wie tekent de overeenkomst namens de school en het ROC", True),  # ten words
    ("Wie tekent de overeenkomst namens de school en het ROC dan", False),  # eleven: an answer
    ("Mag een docent van het ROC ook lesgeven op de vmbo-school als de leerroute al loopt?", True),
])
def test_a_question_ends_with_a_question_mark_or_is_short_and_starts_like_one(text, asks):
    from bot.interview.flow import asks_something

    assert asks_something(text) is asks


def test_a_place_that_is_refused_offers_no_date():
    move = turn("signing_place", "x, 1 september 2027", {})
    assert move.updates == {"signing_place": None} and said(move) == "Dat antwoord is te kort."
    found = turn("signing_place", "Gorinchem, 1 september 2027", {})
    assert said(found) == messages.FOUND_DATE_TOO.format(place="Gorinchem", date="1 september 2027")


def test_a_sentence_after_a_name_is_confirmed_as_the_sentence():
    pending = turn("vmbo_parties", "Stichting A; we werken samen met het mbo hier").updates[PENDING_SLOT]
    assert pending["value"] == ["Stichting A", "we werken samen met het mbo hier"]
    assert pending["prompt"] == messages.CONFIRM_NAME.format(answer="we werken samen met het mbo hier")


@pytest.mark.parametrize("text, short", [
    ("Ede", True), ("a" * 40, True),  # one word of 3 to 40 letters: maybe a slip, confirmed first
    ("a" * 41, False), ("klopt", False),  # too long to be a slip; a yes is no clause at all
])
def test_one_word_at_a_clause_is_confirmed_only_if_it_could_be_a_slip(text, short):
    move = turn("clause_2_business", text)
    assert (PENDING_SLOT in move.updates) is short
    if short:
        assert move.updates[PENDING_SLOT]["prompt"] == messages.CONFIRM_SHORT.format(answer=text)
    else:
        assert move.updates == {"clause_2_business": None}


def test_any_other_message_drops_the_pending_answer():
    pending = turn("vmbo_parties", "ik denk Stichting X").updates[PENDING_SLOT]
    move = turn("vmbo_parties", "x", {**TWO_BOARDS, PENDING_SLOT: pending})
    assert move.updates == {"vmbo_parties": None, PENDING_SLOT: None}


def test_a_question_without_an_explanation_says_so_with_the_question():
    move = turn("signing_place", "wat betekent dit")
    assert move.updates == {"signing_place": None}
    assert said(move) == ("Bij **Plaats van ondertekening** is geen nadere uitleg nodig: "
                          "In welke plaats wordt de overeenkomst ondertekend (alleen de plaatsnaam)?")


def test_going_on_asks_again_and_stopping_offers_the_pause_button():
    assert turn("clause_2_business", "ga verder").updates == {"clause_2_business": None}
    assert turn("clause_2_business", "ga verder").utterances == []
    stop = turn("clause_2_business", "pauze")
    assert stop.updates == {"clause_2_business": None}
    assert stop.utterances == [{"text": messages.PAUSE_HINT, "buttons": [messages.PAUSE_BUTTON]}]


@pytest.mark.parametrize("text", [
    "bij de vmbo-school bedoelde ik eigenlijk Stichting VO Twente-Noord",
    "de vmbo-school heet toch Stichting VO Twente-Noord",
    "de naam van de vmbo-school moet eigenlijk Stichting VO Twente-Noord zijn",
])
def test_a_filler_word_after_the_cue_of_a_correction_is_not_part_of_the_answer(text):
    from bot.interview.correction import find_correction

    answers = {**TWO_BOARDS, "vmbo_parties": ["Stichting VO Twente"]}
    correction = find_correction(text, answers)
    assert correction is not None and correction.key == "vmbo_parties"
    assert correction.value == "Stichting VO Twente-Noord"


@pytest.mark.parametrize("text, key", [
    ("de naam van het vo-bestuur moet eigenlijk Stichting VO Twente-Noord zijn", "vmbo_parties"),
    ("de vo-school heet Stichting VO Twente-Noord", "vmbo_parties"),
    ("het mbo-bestuur heet eigenlijk Stichting VO Twente-Noord", "mbo_parties"),
])
def test_a_board_named_as_people_call_it_is_corrected(text, key):
    from bot.interview.correction import Correction, find_correction

    answers = {**TWO_BOARDS, "vmbo_parties": ["Stichting VO Twente"], "mbo_parties": ["ROC Twente"]}
    assert find_correction(text, answers) == Correction(key, "Stichting VO Twente-Noord")


@pytest.mark.parametrize("text, value", [
    # a reference of six words is still a reference; of seven it is a sentence
    ("de volledige naam van het vo-bestuur moet eigenlijk Stichting VO Twente-Noord zijn",
     "Stichting VO Twente-Noord"),
    ("de echt volledige naam van het vo-bestuur moet Stichting VO Twente-Noord zijn", None),
    # a name that holds "moet ... zijn" is read with the cue before it
    ("het vo-bestuur heet eigenlijk Stichting Onderwijs Noord Het Moet Beter Zijn",
     "Stichting Onderwijs Noord Het Moet Beter Zijn"),
    # quotes around the new answer are not part of it; its own letters are
    ('de vo-school heet "Stichting VO Twente-Noord"', "Stichting VO Twente-Noord"),
    ("de vo-school heet 'Xaverius College'", "Xaverius College"),
    # the old answer named as wrong is not part of the new one; another name is
    ("het vo-bestuur heet eigenlijk Stichting VO Twente-Noord, niet Stichting VO Twente",
     "Stichting VO Twente-Noord"),
    ("de vo-school heet Xaverius in plaats van stichting vo twente.", "Xaverius"),
    ("de vo-school heet 'Xaverius' en niet 'Stichting VO Twente'", "Xaverius"),
    ("de vo-school heet Xaverius, niet Stichting VO", "Xaverius, niet Stichting VO"),
])
def test_what_a_correction_reads_as_the_new_answer(text, value):
    from bot.interview.correction import find_correction

    answers = {**TWO_BOARDS, "vmbo_parties": ["Stichting VO Twente"], "mbo_parties": ["ROC Twente"]}
    correction = find_correction(text, answers)
    if value is None:
        assert correction is None
    else:
        assert (correction.key, correction.value) == ("vmbo_parties", value)


@pytest.mark.parametrize("text, key, value", [
    ("we tekenen toch in Deventer, niet in Zwolle", "signing_place", "Deventer"),
    ("Deventer, niet Zwolle", "signing_place", "Deventer"),
    ("ondertekening in Kampen in plaats van in Zwolle", "signing_place", "Kampen"),
    ("nee, het is Xaverius, niet Stichting VO Twente", "vmbo_parties", "Xaverius"),
    ("Xaverius en niet Stichting VO Twente", "vmbo_parties", "Xaverius"),
    ("het is \"Xaverius\", niet \"Stichting VO Twente\"", "vmbo_parties", "Xaverius"),
    ("In Deventer, niet in Zwolle.", "signing_place", "Deventer"),
    ("we tekenen in de zomer in Deventer, niet in Zwolle", "signing_place", "Deventer"),
    # Not an answer given, or the old answer is nobody's, or the new one is missing.
    ("we tekenen in Deventer, niet in Amersfoort", None, None),
    ("geldt dit voor het vmbo, niet voor het mbo?", None, None),
    ("we tekenen toch, niet in Zwolle", None, None),
    ("ROC Twente of Xaverius, niet Stichting", None, None),
])
def test_a_correction_without_a_cue_names_the_old_answer(text, key, value):
    from bot.interview.correction import find_correction

    answers = {**TWO_BOARDS, "vmbo_parties": ["Stichting VO Twente"], "mbo_parties": ["ROC Twente"],
               "signing_place": "Zwolle"}
    correction = find_correction(text, answers)
    assert (correction.key, correction.value) == (key, value) if key else correction is None


def test_a_correction_naming_an_old_answer_reads_one_board_too():
    from bot.interview.correction import find_correction

    answers = {"same_authority": True, "route_type": "doorlopende_leerroute",
               "authority_name": ["Stichting X"], "signing_place": "Zwolle"}
    assert find_correction("Deventer, niet Zwolle", answers).key == "signing_place"
    assert find_correction("Stichting Y, niet Stichting X", answers).key == "authority_name"


def test_a_correction_naming_an_old_answer_leaves_a_list_of_boards_alone():
    from bot.interview.correction import find_correction

    answers = {**TWO_BOARDS, "vmbo_parties": ["Stichting A", "Stichting B"], "mbo_parties": ["ROC C"]}
    assert find_correction("Stichting D, niet Stichting A", answers) is None
    assert find_correction("ROC D, niet ROC C", answers).key == "mbo_parties"


@pytest.mark.parametrize("key", [step.key for step in load_catalogue().steps if step.kind != "yes_no"])
@pytest.mark.parametrize("text, expected", [
    ("ja", messages.YES_AT_OPEN_QUESTION), ("Ja.", messages.YES_AT_OPEN_QUESTION),
    ("oké", messages.YES_AT_OPEN_QUESTION), ("akkoord", messages.YES_AT_OPEN_QUESTION),
    ("nee", messages.NO_AT_OPEN_QUESTION), ("klopt niet", messages.NO_AT_OPEN_QUESTION),
])
def test_a_bare_yes_or_no_is_never_stored_where_no_yes_or_no_is_asked(key, text, expected):
    move = turn(key, text, {**TWO_BOARDS, "vmbo_parties": ["Stichting A"]})
    assert move.updates == {key: None} and said(move) == expected


def test_yes_after_a_correction_confirms_it_and_the_open_question_stays():
    answers = {**TWO_BOARDS, "vmbo_parties": ["Stichting A"],
               HISTORY_SLOT: ["same_authority", "route_type", "vmbo_parties"]}
    corrected = turn("mbo_parties", "het bestuur van de vmbo-school heet eigenlijk Stichting VO De Nieuwe Brug",
                     answers)
    assert corrected.updates["vmbo_parties"] == ["Stichting VO De Nieuwe Brug"]
    move = turn("mbo_parties", "ja", {**answers, **corrected.updates})
    assert move.updates == {"mbo_parties": None} and said(move).startswith("Goed.")


def test_a_correction_that_names_the_old_text_answer_as_wrong_keeps_only_the_new_one():
    from bot.interview.correction import Correction, find_correction

    answers = {**TWO_BOARDS, "clause_2_business": "Via de adviesraad."}
    assert find_correction("bij artikel 2 bedoelde ik: via de bpv, niet via de adviesraad", answers) == (
        Correction("clause_2_business", "via de bpv"))
    assert find_correction("bij artikel 2 bedoelde ik: via de bpv, niet via de mr", answers) == (
        Correction("clause_2_business", "via de bpv, niet via de mr"))


def test_a_question_in_between_the_sources_do_not_answer_quotes_no_passage():
    from bot.answering import NOT_IN_SOURCES, decide_parse, search_passages, search_to_parse
    from tests.conftest import parse_result

    text = "Hoeveel euro bekostiging krijgt een mbo-instelling per student?"
    parse = parse_result(text, [("faq", 0.9)], [("financiele_afspraken", 0.9), ("b", 0.01)])
    parse["passages"] = search_to_parse(search_passages(text))
    decision = decide_parse(parse)
    assert decision.kind == NOT_IN_SOURCES and decision.passage is not None  # the nearest
    move = turn("clause_8_disputes", text, parse=parse)
    assert said(move) == messages.QUESTION_NOT_ANSWERED and move.updates == {"clause_8_disputes": None}


@pytest.mark.parametrize("text", ["volgende week", "morgen", "volgende maand"])
def test_a_time_read_as_skip_at_the_date_question_is_a_date_not_written_as_one(text):
    skip = {"intent": {"name": "skip_clause", "confidence": 0.95}, "entities": []}
    move = turn("signing_date", text, parse=skip)
    assert move.updates == {"signing_date": None}
    assert "niet als datum" in said(move) and messages.CANNOT_SKIP_DOCUMENT not in said(move)
    # "overslaan" still asks to skip; a time at another question is no date.
    assert messages.CANNOT_SKIP_DOCUMENT in said(turn("signing_date", "overslaan", parse=skip))
    assert messages.CANNOT_SKIP in said(turn("clause_8_disputes", text, parse=skip))
    # Leaving it open is not a try at a date.
    later = {"intent": {"name": "dont_know_yet", "confidence": 0.95}, "entities": []}
    assert "niet als datum" not in said(turn("signing_date", "weet ik nog niet, volgende week", parse=later))


def _read_as_out_of_scope(text):
    from bot.answering import search_passages, search_to_parse

    return {"text": text, "entities": [],
            "intent": {"name": "out_of_scope", "confidence": 0.8},
            "intent_ranking": [{"name": "out_of_scope", "confidence": 0.8}, {"name": "faq", "confidence": 0.1}],
            "response_selector": {"faq": {"ranking": [{"intent_response_key": "faq/a", "confidence": 0.2}]}},
            "passages": search_to_parse(search_passages(text))}


@pytest.mark.parametrize("key", ["clause_8_disputes", "signing_place"])
def test_a_question_the_sources_do_not_answer_without_a_question_mark_is_stored_only_when_confirmed(key):
    text = "hoeveel kost een dlr per leerling"
    move = turn(key, text, parse=_read_as_out_of_scope(text))
    assert move.updates[key] is None and HISTORY_SLOT not in move.updates
    pending = move.updates[PENDING_SLOT]
    assert pending["value"] == text
    assert pending["prompt"] == messages.CONFIRM_QUESTION_AS_ANSWER.format(answer=text)
    confirmed = turn(key, "ja", {**TWO_BOARDS, PENDING_SLOT: pending})
    assert confirmed.updates[key] == text


def test_a_question_the_sources_do_not_answer_is_never_stored_as_a_date_or_choice():
    text = "wie betaalt de laptops van de leerlingen"
    for key in ("signing_date", "same_authority"):
        move = turn(key, text, parse=_read_as_out_of_scope(text))
        assert move.updates == {key: None} and said(move) == messages.QUESTION_NOT_ANSWERED


def test_an_answer_that_starts_with_a_verb_is_stored_as_before():
    text = "Kan alleen met instemming van beide partijen"
    move = turn("clause_8_disputes", text, parse=_read_as_out_of_scope(text))
    assert move.updates["clause_8_disputes"] == text
    # With a question mark the question is told unanswered, as before.
    asked = "hoeveel kost een dlr per leerling?"
    move = turn("clause_8_disputes", asked, parse=_read_as_out_of_scope(asked))
    assert move.updates == {"clause_8_disputes": None} and said(move) == messages.QUESTION_NOT_ANSWERED


def test_none_of_these_under_the_choices_stores_nothing_and_asks_the_question_again():
    none = {"intent": {"name": "none_of_these", "confidence": 1.0}, "entities": []}
    move = turn("clause_8_disputes", "/none_of_these", parse=none)
    assert move.updates == {"clause_8_disputes": None} and said(move) == messages.QUESTION_NOT_ANSWERED
