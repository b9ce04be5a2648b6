"""Asking the questions: progress, clause, buttons; explanation and example on request."""

from actions.interview_questions import (
    ASK_ACTIONS, ActionExplainClause, ActionShowExample, step_buttons,
)
from bot import messages
from bot.interview.catalogue import load_catalogue
from tests.conftest import make_tracker, slots_of

STEP = load_catalogue().get


def _ask(key):
    return next(action for action in ASK_ACTIONS if action().name() == f"action_ask_{key}")()


async def test_a_question_shows_progress_clause_and_buttons(dispatcher, domain):
    slots = {"same_authority": False, "vmbo_parties": ["A"], "mbo_parties": ["B"]}
    await _ask("clause_5_transfer_option").run(dispatcher, make_tracker({}, slots=slots), domain)
    [message] = dispatcher.messages
    assert message["text"].startswith("Vraag 14 van 22 · **Artikel 5 - Overstapoptie**")
    assert STEP("clause_5_transfer_option").question in message["text"]
    titles = [b["title"] for b in message["buttons"]]
    assert titles == ["Uitleg", "Voorbeeld", "Weet ik nog niet"]


def test_the_optional_clause_can_be_skipped_and_yes_no_has_both_answers():
    assert "Overslaan" in [b["title"] for b in step_buttons(STEP("clause_7_codetermination"))]
    assert [b["payload"] for b in step_buttons(STEP("same_authority"))][:2] == ["ja", "nee"]


async def test_the_signatory_question_names_the_party_escaped(dispatcher, domain):
    slots = {"same_authority": False, "vmbo_parties": ["Stichting *Noord*"], "mbo_parties": ["ROC"],
             "signatories": []}
    await _ask("signatory").run(dispatcher, make_tracker({}, slots=slots), domain)
    assert "namens Stichting \\*Noord\\*?" in dispatcher.messages[0]["text"]


async def test_explanation_quotes_the_guidance_for_the_open_question(dispatcher, domain):
    tracker = make_tracker({}, slots={"requested_slot": "clause_4c_staff"})
    await ActionExplainClause().run(dispatcher, tracker, domain)
    assert "teambevoegdheid" in dispatcher.messages[0]["text"]
    assert "_Bron: Bouwsteen samenwerkingsovereenkomst_" in dispatcher.messages[0]["text"]


async def test_example_can_be_adopted_with_one_click(dispatcher, domain):
    tracker = make_tracker({}, slots={"requested_slot": "clause_8_disputes"})
    await ActionShowExample().run(dispatcher, tracker, domain)
    assert STEP("clause_8_disputes").example in dispatcher.messages[0]["text"]
    assert dispatcher.messages[0]["buttons"] == [{"title": "Voorbeeld overnemen", "payload": "/use_example"}]


async def test_help_without_an_open_question_says_so(dispatcher, domain):
    await ActionShowExample().run(dispatcher, make_tracker({}, slots={}), domain)
    assert dispatcher.messages[0]["response"] == "utter_no_open_question"


async def test_a_step_without_example_says_so(dispatcher, domain):
    await ActionShowExample().run(dispatcher, make_tracker({}, slots={"requested_slot": "same_authority"}), domain)
    assert dispatcher.messages[0]["text"] == messages.NO_EXAMPLE


def test_every_kind_of_step_gets_its_own_buttons():
    route = STEP("route_type")
    assert [b["payload"] for b in step_buttons(route)] == [c.title for c in route.choices] + ["/explain_clause"]
    assert [b["title"] for b in step_buttons(STEP("signing_place"))] == ["Voorbeeld", "Weet ik nog niet"]
    assert [b["title"] for b in step_buttons(STEP("signatory"))] == ["Weet ik nog niet"]
    assert [b["title"] for b in step_buttons(STEP("vmbo_parties"))] == ["Uitleg"]  # can't stay open
    assert [b["title"] for b in step_buttons(STEP("signing_place"), can_go_back=True)] == [
        "Voorbeeld", "Weet ik nog niet", "Vorige vraag"]


async def test_a_step_without_explanation_repeats_its_question(dispatcher, domain):
    tracker = make_tracker({}, slots={"requested_slot": "signing_date"})
    await ActionExplainClause().run(dispatcher, tracker, domain)
    assert dispatcher.messages[0]["text"] == (
        f"Bij **{STEP('signing_date').label}** is geen nadere uitleg nodig: {STEP('signing_date').question}")


async def test_an_unknown_requested_slot_is_no_open_question(dispatcher, domain):
    await ActionExplainClause().run(dispatcher, make_tracker({}, slots={"requested_slot": "draft"}), domain)
    assert dispatcher.messages[0]["response"] == "utter_no_open_question"


def test_buttons_are_exactly_what_the_widget_shows_and_sends():
    assert step_buttons(STEP("same_authority")) == [
        {"title": "Ja", "payload": "ja"}, {"title": "Nee", "payload": "nee"},
        {"title": "Uitleg", "payload": "/explain_clause"}]
    assert step_buttons(STEP("route_type")) == [
        {"title": choice.title, "payload": choice.title} for choice in STEP("route_type").choices
    ] + [{"title": "Uitleg", "payload": "/explain_clause"}]
    assert step_buttons(STEP("clause_7_codetermination")) == [
        {"title": "Uitleg", "payload": "/explain_clause"}, {"title": "Voorbeeld", "payload": "/ask_example"},
        {"title": "Overslaan", "payload": "/skip_clause"}]


async def test_the_example_message_word_for_word(dispatcher, domain):
    step = STEP("clause_8_disputes")
    await ActionShowExample().run(dispatcher, make_tracker({}, slots={"requested_slot": step.key}), domain)
    assert dispatcher.messages[0]["text"] == (
        f"**Voorbeeldformulering bij {step.label}**\n\n{step.example}\n\n"
        "U kunt deze tekst overnemen en later in Word aanpassen, of zelf een antwoord typen.")


async def test_the_explanation_names_its_source(dispatcher, domain):
    step = STEP("same_authority")
    await ActionExplainClause().run(dispatcher, make_tracker({}, slots={"requested_slot": step.key}), domain)
    assert dispatcher.messages[0]["text"].startswith(f"**Uitleg bij {step.label}**\n\n{step.explanation}\n\n_Bron: ")
    assert not dispatcher.messages[0]["text"].endswith(f"_Bron: {step.explanation_source}_")


async def test_the_signatory_question_after_the_last_party_names_none(dispatcher, domain):
    slots = {"same_authority": False, "vmbo_parties": ["A"], "mbo_parties": ["B"],
             "signatories": [{"name": "x", "position": "y"}] * 2}
    await _ask("signatory").run(dispatcher, make_tracker({}, slots=slots), domain)
    assert "namens ?" in dispatcher.messages[0]["text"]


async def test_a_pending_answer_is_asked_instead_of_the_question(dispatcher, domain):
    pending = {"key": "vmbo_parties", "value": ["A", "B"], "prompt": "Bedoelt u 2 besturen: A en B?",
               "buttons": [messages.YES_BUTTON, messages.NO_BUTTON]}
    slots = {"same_authority": False, "pending_answer": pending}
    events = await _ask("vmbo_parties").run(dispatcher, make_tracker({}, slots=slots), domain)
    assert set(slots_of(events)) == {"report_counted", "report_interview"}
    assert dispatcher.messages[0]["text"] == "Bedoelt u 2 besturen: A en B?"
    assert dispatcher.messages[0]["buttons"] == [messages.YES_BUTTON, messages.NO_BUTTON]


async def test_an_answer_given_before_going_back_is_offered_with_the_question(dispatcher, domain):
    slots = {"same_authority": False, "interview_history": ["same_authority"],
             "offered_answers": {"route_type": {"value": "doorlopende_leerroute", "source": "back"}}}
    events = await _ask("route_type").run(dispatcher, make_tracker({}, slots=slots), domain)
    question, offer = dispatcher.messages
    assert question["text"].startswith("Vraag 2 van 22 · **Soort leerroute**")
    assert messages.BACK_BUTTON in question["buttons"]
    assert offer["text"] == messages.OFFER_BACK.format(answer="Doorlopende leerroute vmbo-mbo")
    assert offer["buttons"] == [messages.KEEP_BUTTON]
    set_slots = {e["name"]: e["value"] for e in events}
    assert set_slots["offered_answers"] == {}
    assert set_slots["pending_answer"]["value"] == "doorlopende_leerroute"


async def test_the_signatory_question_names_the_party_and_which_of_several(dispatcher, domain):
    slots = {"same_authority": False, "vmbo_parties": ["Stichting <A>"], "mbo_parties": ["ROC B"],
             "signatories": [{"name": "x", "position": "y"}]}
    await _ask("signatory").run(dispatcher, make_tracker({}, slots=slots), domain)
    assert "**Ondertekening** (2 van 2)" in dispatcher.messages[0]["text"]
    assert "namens ROC B?" in dispatcher.messages[0]["text"]


async def test_help_without_an_open_question_answers_a_follow_up_question(dispatcher, domain):
    before = "mogen vmbo en mbo bekostiging aan elkaar overdragen in een dlr?"
    asked = {"text": "waarvoor dan bijvoorbeeld?", "intent": {"name": "ask_example", "confidence": 0.8},
             "entities": []}
    user = [{"event": "user", "text": before, "parse_data": {"intent": {"name": "faq"}}}, {"event": "bot"},
            {"event": "user", "text": asked["text"], "parse_data": {"intent": {"name": "ask_example"}}}]
    events = await ActionShowExample().run(dispatcher, make_tracker(asked, slots={}, events=user), domain)
    assert "examineringskosten" in dispatcher.messages[0]["text"]
    assert dispatcher.messages[1]["text"] == messages.FEEDBACK_QUESTION
    assert any(e["event"] == "slot" and e["name"] == "last_answer" for e in events)


def test_the_example_button_shows_only_for_a_text_step_with_an_example():
    from dataclasses import replace

    assert "Voorbeeld" not in [b["title"] for b in step_buttons(replace(STEP("signing_place"), example=None))]
    assert "Voorbeeld" not in [b["title"] for b in step_buttons(replace(STEP("signing_date"), example="1 maart"))]


async def test_a_question_shows_its_progress_label_and_question_and_notes_the_step(dispatcher, domain):
    from bot.feedback.store import ReportStore
    from bot.settings import Settings
    from datetime import date

    step = STEP("same_authority")
    await _ask("same_authority").run(dispatcher, make_tracker({}), domain)
    assert dispatcher.messages[0]["text"] == f"Vraag 1 van 22 · **{step.label}**\n\n{step.question}"
    [interview] = ReportStore(Settings.from_environment().report_db).interviews(date.min, date.max)
    assert interview.last_step == "same_authority"


async def test_the_signatory_question_of_one_party_counts_no_parties(dispatcher, domain):
    slots = {"same_authority": True, "authority_name": ["Stichting AOC Groenhorst"], "signatories": []}
    await _ask("signatory").run(dispatcher, make_tracker({}, slots=slots), domain)
    first_line = dispatcher.messages[0]["text"].split("\n")[0]
    assert first_line.endswith(f"**{STEP('signatory').label}**")
