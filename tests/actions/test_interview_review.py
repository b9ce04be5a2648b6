"""Review, change, confirm and start over, with real trackers and the real domain."""

from actions.interview_review import (
    ActionConfirmInterview, ActionEditClause, ActionResetInterview, ActionShowReview, edit_payload,
)
from bot import messages
from bot.interview.answers import PLACEHOLDER
from bot.interview.catalogue import load_catalogue
from tests.conftest import complete_answers, make_tracker, slots_of


async def test_review_lists_answers_completeness_and_offers_open_places(dispatcher, domain):
    answers = complete_answers(clause_8_disputes=PLACEHOLDER)
    await ActionShowReview().run(dispatcher, make_tracker({"text": "x"}, slots=answers), domain)
    review, check, options = dispatcher.messages
    assert "Artikel 8 - Geschilbeslechting**: _nog open_" in review["text"]
    assert "i. geschilbeslechting: nog in te vullen" in check["text"]
    payloads = [b["payload"] for b in options["buttons"]]
    assert payloads == ["/confirm_review", edit_payload("clause_8_disputes")]


async def test_a_change_request_clears_the_named_answer(dispatcher, domain):
    tracker = make_tracker({"text": "wijzig artikel 5", "entities": []}, slots=complete_answers())
    events = await ActionEditClause().run(dispatcher, tracker, domain)
    assert slots_of(events) == {
        "clause_5_transfer_option": None, "interview_confirmed": False,
        "interview_history": [], "pending_answer": None,
        "changed_steps": ["clause_5_transfer_option"],
    }


async def test_a_button_names_the_step_directly(dispatcher, domain):
    message = {"text": edit_payload("signing_date"),
               "entities": [{"entity": "clause", "value": "signing_date"}]}
    events = await ActionEditClause().run(dispatcher, make_tracker(message, slots=complete_answers()), domain)
    assert slots_of(events)["signing_date"] is None


async def test_an_unclear_change_request_asks_which(dispatcher, domain):
    tracker = make_tracker({"text": "ik wil iets wijzigen", "entities": []}, slots=complete_answers())
    assert await ActionEditClause().run(dispatcher, tracker, domain) == []
    assert dispatcher.messages[0]["text"] == messages.WHICH_CLAUSE


async def test_confirming_a_complete_interview_hands_it_on(dispatcher, domain):
    events = await ActionConfirmInterview().run(dispatcher, make_tracker({}, slots=complete_answers()), domain)
    slots = slots_of(events)
    assert slots["interview_confirmed"] is True and set(slots["draft"]) == {"token", "answers"}
    assert dispatcher.messages[0]["text"] == messages.CONFIRMED
    assert dispatcher.messages[1]["custom"]["draft"]["token"] == slots["draft"]["token"]


async def test_an_unfinished_interview_cannot_be_confirmed(dispatcher, domain):
    answers = complete_answers(clause_9_joining=None)
    events = await ActionConfirmInterview().run(dispatcher, make_tracker({}, slots=answers), domain)
    assert events == [] and dispatcher.messages[0]["text"] == messages.NOT_FINISHED


async def test_starting_over_clears_the_answers_and_the_signatories(dispatcher, domain):
    events = await ActionResetInterview().run(dispatcher, make_tracker({}, slots=complete_answers()), domain)
    cleared = slots_of(events)
    assert cleared["clause_1_programme"] is None and cleared["signatories"] == []


async def test_an_answer_that_mentions_a_clause_is_kept_as_the_answer(dispatcher, domain):
    message = {"text": "Op de locaties van beide scholen.", "entities": [{"entity": "clause", "value": "locaties"}]}
    answers = complete_answers(clause_4a_locations=None)
    tracker = make_tracker(message, slots={**answers, "requested_slot": "clause_4a_locations"},
                           active_loop={"name": "interview_form"})
    events = await ActionEditClause().run(dispatcher, tracker, domain)
    assert slots_of(events) == {"clause_4a_locations": "Op de locaties van beide scholen.",
                              "interview_history": ["clause_4a_locations"]}


async def test_a_change_request_during_the_interview_still_changes(dispatcher, domain):
    message = {"text": "ik wil de locaties aanpassen", "entities": [{"entity": "clause", "value": "locaties"}]}
    tracker = make_tracker(message, slots={**complete_answers(), "requested_slot": "clause_8_disputes"},
                           active_loop={"name": "interview_form"})
    events = await ActionEditClause().run(dispatcher, tracker, domain)
    assert slots_of(events)["clause_4a_locations"] is None


async def test_review_options_name_each_open_clause(dispatcher, domain):
    answers = complete_answers(clause_8_disputes=PLACEHOLDER)
    await ActionShowReview().run(dispatcher, make_tracker({"text": "x"}, slots=answers), domain)
    options = dispatcher.messages[-1]
    assert options["text"] == messages.REVIEW_OPTIONS
    assert options["buttons"] == [
        {"title": "Bevestigen", "payload": "/confirm_review"},
        {"title": "Vul aan: Artikel 8 - Geschilbeslechting", "payload": edit_payload("clause_8_disputes")},
    ]


async def test_a_change_request_without_text_asks_which_clause(dispatcher, domain):
    tracker = make_tracker({"entities": []}, slots=complete_answers())
    assert await ActionEditClause().run(dispatcher, tracker, domain) == []
    assert dispatcher.messages[0]["text"] == messages.WHICH_CLAUSE


async def test_changing_the_parties_reopens_them_and_keeps_the_signatories(dispatcher, domain):
    tracker = make_tracker({"text": "wijzig de partijen", "entities": [{"entity": "clause", "value": "vmbo_parties"}]},
                           slots=complete_answers())
    events = await ActionEditClause().run(dispatcher, tracker, domain)
    assert events == [
        {"event": "slot", "timestamp": None, "name": "vmbo_parties", "value": None},
        {"event": "slot", "timestamp": None, "name": "interview_history", "value": []},
        {"event": "slot", "timestamp": None, "name": "pending_answer", "value": None},
        {"event": "slot", "timestamp": None, "name": "interview_confirmed", "value": False},
        {"event": "slot", "timestamp": None, "name": "changed_steps", "value": ["vmbo_parties"]},
    ]
    assert dispatcher.messages[0]["text"] == "U past aan: Bevoegd gezag van de school."


async def test_starting_over_clears_every_answer(dispatcher, domain):
    events = await ActionResetInterview().run(dispatcher, make_tracker({}, slots=complete_answers()), domain)
    cleared = {key: None for key in load_catalogue().keys}
    assert slots_of(events) == {**cleared, "signatories": [], "interview_confirmed": False,
                                "interview_history": [], "offered_answers": {}, "pending_answer": None,
                                "report_interview": None, "agreement_completion": None}
    assert len(events) == len(cleared) + 7
    assert dispatcher.messages[0]["text"] == messages.RESET


async def test_a_change_to_a_whole_clause_names_each_part(dispatcher, domain):
    tracker = make_tracker({"text": "wijzig artikel 3", "entities": []}, slots=complete_answers())
    await ActionEditClause().run(dispatcher, tracker, domain)
    labels = [load_catalogue().get(key).label for key in ("clause_3a_leadership", "clause_3b_accountability")]
    assert dispatcher.messages[0]["text"] == f"U past aan: {labels[0]}, {labels[1]}."


async def test_after_a_change_from_the_review_only_the_change_is_shown(dispatcher, domain):
    slots = {**complete_answers(), "changed_steps": ["clause_5_transfer_option"]}
    events = await ActionShowReview().run(dispatcher, make_tracker({"text": "x"}, slots=slots), domain)
    changed, options = dispatcher.messages
    assert changed["text"].startswith("**Aangepast**\n\n- **Artikel 5 - Overstapoptie**: ")
    assert "Artikel 8" not in changed["text"]
    assert options["text"] == messages.REVIEW_AFTER_CHANGE
    assert [b["payload"] for b in options["buttons"]] == ["/confirm_review", "/show_review"]
    assert slots_of(events) == {"changed_steps": []}


async def test_a_correction_from_the_review_is_stored_at_once(dispatcher, domain):
    tracker = make_tracker({"text": "het ROC heet eigenlijk ROC Rivor", "entities": []}, slots=complete_answers())
    events = await ActionEditClause().run(dispatcher, tracker, domain)
    assert slots_of(events) == {"mbo_parties": ["ROC Rivor"], "interview_confirmed": False,
                                "changed_steps": ["mbo_parties"]}
    assert dispatcher.messages[0]["text"] == (
        "U past aan: Bevoegd gezag van de instelling voor beroepsonderwijs: ROC Rivor")


async def test_a_correction_that_does_not_check_out_asks_the_question_again(dispatcher, domain):
    tracker = make_tracker({"text": "de datum moet 31 februari 2026 zijn", "entities": []},
                           slots=complete_answers())
    events = await ActionEditClause().run(dispatcher, tracker, domain)
    assert slots_of(events)["signing_date"] is None


async def test_a_correction_during_the_interview_is_stored_as_at_the_question(dispatcher, domain):
    message = {"text": "de datum moet 2 september zijn", "entities": []}
    slots = {**complete_answers(), "requested_slot": "signatory",
             "interview_history": ["signing_date", "signing_place"]}
    tracker = make_tracker(message, slots=slots, active_loop={"name": "interview_form"})
    events = await ActionEditClause().run(dispatcher, tracker, domain)
    stored = slots_of(events)
    assert stored["signing_date"].startswith("2 september ") and stored["signatory"] is None
    assert stored["interview_history"] == ["signing_place", "signing_date"]  # so 'terug' reopens it
    assert "changed_steps" not in stored  # the review is not shortened
    assert dispatcher.messages[0]["text"] == messages.CORRECTED.format(
        label=load_catalogue().get("signing_date").part_label, answer=stored["signing_date"])


async def test_a_message_taken_for_a_change_request_that_is_none_is_read_by_the_guard(dispatcher, domain):
    message = {"text": "terug", "entities": []}
    answers = complete_answers(clause_4a_locations=None)
    slots = {**answers, "requested_slot": "clause_4a_locations", "interview_history": ["clause_3b_accountability"]}
    tracker = make_tracker(message, slots=slots, active_loop={"name": "interview_form"})
    events = await ActionEditClause().run(dispatcher, tracker, domain)
    assert slots_of(events)["clause_3b_accountability"] is None
    assert slots_of(events)["interview_history"] == []


async def test_a_long_answer_that_mentions_a_change_is_an_answer_during_the_interview(dispatcher, domain):
    text = ("Het college van bestuur kan de regeling wijzigen na overleg met de medezeggenschapsraad; "
            "leerlingen ronden hun route af.")
    slots = {"same_authority": True, "authority_name": ["Stichting X"], "requested_slot": "clause_10_termination"}
    tracker = make_tracker({"text": text, "entities": []}, slots=slots, active_loop={"name": "interview_form"})
    events = await ActionEditClause().run(dispatcher, tracker, domain)
    assert slots_of(events)["clause_10_termination"] == text and "authority_name" not in slots_of(events)


async def test_changing_the_signatories_from_the_review_asks_each_again(dispatcher, domain):
    tracker = make_tracker({"text": "wijzig de ondertekening", "entities": [{"entity": "clause", "value": "signatory"}]},
                           slots=complete_answers())
    events = await ActionEditClause().run(dispatcher, tracker, domain)
    stored = slots_of(events)
    assert stored["signatory"] is None and stored["signatories"] == []
    assert stored["changed_steps"] == ["signatory"] and stored["interview_confirmed"] is False


async def test_a_change_request_during_the_interview_keeps_the_whole_review(dispatcher, domain):
    message = {"text": "ik wil de locaties aanpassen", "entities": [{"entity": "clause", "value": "locaties"}]}
    tracker = make_tracker(message, slots={**complete_answers(), "requested_slot": "clause_8_disputes"},
                           active_loop={"name": "interview_form"})
    stored = slots_of(await ActionEditClause().run(dispatcher, tracker, domain))
    assert stored["changed_steps"] == [] and stored["interview_confirmed"] is False


async def test_a_change_request_of_exactly_the_longest_length_still_changes_during_the_interview(dispatcher, domain):
    text = "ik wil graag de locaties van de route nog even snel aanpassen"
    assert len(text.split()) == 12
    tracker = make_tracker({"text": text, "entities": [{"entity": "clause", "value": "locaties"}]},
                           slots={**complete_answers(), "requested_slot": "clause_8_disputes"},
                           active_loop={"name": "interview_form"})
    stored = slots_of(await ActionEditClause().run(dispatcher, tracker, domain))
    assert stored["clause_4a_locations"] is None and "clause_8_disputes" not in stored


async def test_a_correction_asked_for_during_the_interview_keeps_the_whole_review(dispatcher, domain):
    text = "wijzig het roc: het ROC heet eigenlijk ROC Rivor"
    tracker = make_tracker({"text": text, "entities": []},
                           slots={**complete_answers(), "requested_slot": "clause_8_disputes"},
                           active_loop={"name": "interview_form"})
    stored = slots_of(await ActionEditClause().run(dispatcher, tracker, domain))
    assert stored == {"mbo_parties": ["ROC Rivor"], "interview_confirmed": False, "changed_steps": []}


async def test_a_named_clause_wins_over_a_correction_in_the_text(dispatcher, domain):
    message = {"text": "het ROC heet eigenlijk ROC Rivor",
               "entities": [{"entity": "clause", "value": "clause_4a_locations"}]}
    stored = slots_of(await ActionEditClause().run(dispatcher, make_tracker(message, slots=complete_answers()), domain))
    assert stored["clause_4a_locations"] is None and "mbo_parties" not in stored


async def test_a_changed_answer_leaves_the_history_so_it_is_asked_again(dispatcher, domain):
    slots = {**complete_answers(), "interview_history": ["vmbo_parties", "clause_4a_locations", "clause_8_disputes"]}
    message = {"text": "wijzig de locaties", "entities": [{"entity": "clause", "value": "clause_4a_locations"}]}
    stored = slots_of(await ActionEditClause().run(dispatcher, make_tracker(message, slots=slots), domain))
    assert stored["interview_history"] == ["vmbo_parties", "clause_8_disputes"]


async def test_a_question_between_that_two_answers_fit_offers_both_during_the_interview(dispatcher, domain):
    from tests.conftest import parse_result

    text = "moet de mr daar iets mee?"
    parse = parse_result(text, [("faq", 0.9)], [("medezeggenschap_goedkeuring", 0.5), ("teambevoegdheid", 0.45)])
    parse["entities"] = []
    tracker = make_tracker(parse, slots={**complete_answers(clause_8_disputes=None), "requested_slot": "clause_8_disputes"},
                           active_loop={"name": "interview_form"})
    await ActionEditClause().run(dispatcher, tracker, domain)
    offer = dispatcher.messages[0]
    assert offer["text"] == messages.DID_YOU_MEAN
    assert [b["payload"] for b in offer["buttons"]][-1] == "/none_of_these"
    assert len(offer["buttons"]) == 3
