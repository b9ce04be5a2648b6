"""The interview that completes a checked agreement: the document's answers offered, only the
addendum's topics asked, and confirming or changing each answer as after going back."""

from bot import messages
from bot.interview.catalogue import COMPLETION_SLOT, load_catalogue
from bot.interview.completion import start_completion
from bot.interview.flow import missing_keys, progress, required_keys
from bot.interview.moves import FROM_DOCUMENT, FROM_UNCLEAR, OFFERED_SLOT, PENDING_SLOT, prompt_for
from bot.interview.review import EXISTING, MISSING, completeness, completeness_text, review_text
from bot.interview.turn import interview_turn

DOCUMENT = {
    "same_authority": False, "route_type": "doorlopende_leerroute",
    "vmbo_parties": ["Stichting VO Linge"], "mbo_parties": ["ROC Lek"],
    "clause_1_programme": "Profiel BWI, opleiding Timmerman (niveau 2).",
    "clause_5_transfer_option": "De stuurgroep rapporteert over de uitval.",
    "clause_6_funding_transfer": True,
}
TOPICS = ("f", "h", "i")


def _start(mode, **earlier):
    updates = start_completion(mode, DOCUMENT, ["clause_5_transfer_option"], TOPICS, "OVEREENKOMST BOUW")
    return {**earlier, **updates}


def _answered(slots):
    """The slots after every offered answer is kept."""
    answers = dict(slots)
    for key, offer in slots[OFFERED_SLOT].items():
        answers[key] = offer["value"]
    return answers


def test_starting_clears_every_earlier_answer_and_offers_the_documents():
    slots = _start("addendum", clause_8_disputes="Eerder antwoord", signatories=[{"name": "X"}])
    assert slots["clause_8_disputes"] is None and slots["signatories"] == []
    assert slots[COMPLETION_SLOT] == {"mode": "addendum", "topics": ["f", "h", "i"],
                                      "reference": "OVEREENKOMST BOUW"}
    offered = slots[OFFERED_SLOT]
    assert offered["vmbo_parties"] == {"value": ["Stichting VO Linge"], "source": FROM_DOCUMENT}
    assert offered["clause_5_transfer_option"]["source"] == FROM_UNCLEAR


def test_an_addendum_offers_and_asks_only_its_topics_the_parties_and_the_signing():
    slots = _start("addendum")
    assert "clause_1_programme" not in slots[OFFERED_SLOT]
    assert "clause_6_funding_transfer" not in slots[OFFERED_SLOT]
    assert required_keys(_answered(slots)) == [
        "same_authority", "route_type", "vmbo_parties", "mbo_parties", "clause_5_transfer_option",
        "clause_7_codetermination", "clause_8_disputes", "signing_place", "signing_date", "signatory"]
    assert progress(_answered(slots), "clause_8_disputes") == (7, 10)


def test_a_new_draft_asks_every_step_and_offers_every_answer_of_the_document():
    slots = _start("draft")
    assert set(slots[OFFERED_SLOT]) == set(DOCUMENT)
    assert "clause_2_business" in missing_keys(_answered(slots))
    assert len(required_keys(_answered(slots))) == len(required_keys(DOCUMENT))


def test_the_documents_answer_is_shown_with_its_question_and_kept_with_behouden():
    slots = _start("draft")
    step = load_catalogue().get("clause_1_programme")
    shown = prompt_for(step, slots)
    assert shown.utterances == [{
        "text": messages.OFFER_DOCUMENT.format(answer="Profiel BWI, opleiding Timmerman (niveau 2)."),
        "buttons": [messages.KEEP_BUTTON]}]
    slots.update(shown.updates)
    kept = interview_turn(step, "behouden", {"intent": {"name": "affirm", "confidence": 1.0}}, slots)
    assert kept.updates["clause_1_programme"] == "Profiel BWI, opleiding Timmerman (niveau 2)."
    assert kept.updates[PENDING_SLOT] is None


def test_a_new_answer_replaces_the_documents():
    slots = _start("addendum")
    step = load_catalogue().get("clause_5_transfer_option")
    shown = prompt_for(step, slots)
    assert shown.utterances[0]["text"] == messages.OFFER_UNCLEAR.format(
        answer="De stuurgroep rapporteert over de uitval.")
    slots.update(shown.updates)
    text = "Een leerling die uitvalt, kan overstappen naar de Entree-opleiding van het ROC."
    changed = interview_turn(step, text, {"intent": {"name": "inform", "confidence": 0.9}}, slots)
    assert changed.updates["clause_5_transfer_option"] == text


def test_a_yes_no_answer_of_the_document_is_only_shown():
    slots = _start("draft")
    shown = prompt_for(load_catalogue().get("same_authority"), slots)
    assert shown.utterances[0]["text"] == messages.DOCUMENT_YES_NO.format(answer="Nee")
    assert PENDING_SLOT not in shown.updates


def test_the_review_of_an_addendum_counts_the_other_topics_as_in_the_existing_agreement():
    answers = _answered(_start("addendum"))
    answers.update(clause_7_codetermination="Leerlingen in de studentenraad.", clause_8_disputes="Mediation.")
    statuses = {s.topic: s.status for s in completeness(answers)}
    assert statuses["a"] == EXISTING and statuses["g"] == EXISTING
    assert statuses["i"] != MISSING and statuses["f"] != MISSING
    assert completeness_text(answers).endswith(
        "\n\nAlle onderwerpen van de aanvulling zijn ingevuld; de andere staan in de bestaande "
        "overeenkomst.")
    assert "Artikel 1 " not in review_text(answers) and "Artikel 8 - Geschilbeslechting" in review_text(answers)


def test_a_completion_without_a_reference_keeps_none():
    updates = start_completion("complete", DOCUMENT, [], TOPICS)
    assert updates[COMPLETION_SLOT]["reference"] == ""
