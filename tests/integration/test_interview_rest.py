"""A complete interview through the running Rasa server and action server, over REST."""

from bot.interview.catalogue import load_catalogue
from bot.knowledge import load_knowledge
from tests.integration.interviews import draft_payload, draft_text, marked_answers, send_all
from tests.integration.servers import reply_text

STEP = load_catalogue().get
ANSWERS = {
    "clause_1_programme": "Het vmbo-profiel Zorg en welzijn met het aanverwante opleidingsdomein Zorg en welzijn, kwalificatie Helpende zorg en welzijn niveau 2.",
    "clause_2_business": "Zorginstellingen uit de regio zitten in een werkveldcommissie en bieden stageplaatsen aan.",
    "clause_3a_leadership": "Een stuurgroep met twee directeuren en een projectleider, benoemd door beide besturen.",
    "clause_3b_accountability": "De stuurgroep rapporteert twee keer per jaar schriftelijk aan beide besturen.",
    "clause_4a_locations": "De eerste twee jaar op de vmbo-school, daarna op de locatie van het ROC.",
    "clause_5_transfer_option": "Een leerling die uitvalt kan naar een andere mbo-opleiding op hetzelfde niveau.",
    "clause_9_joining": "Een nieuwe school kan toetreden als alle partijen schriftelijk instemmen.",
    "clause_10_termination": "Opzeggen kan per één augustus met een opzegtermijn van een jaar, met een afbouwregeling voor zittende leerlingen.",
    "signing_place": "Zwolle",
}


def _say(assistant, sender, text):
    return reply_text(assistant.send(sender, text))


def test_a_complete_interview_keeps_every_answer(assistant):
    sender = "interview-e2e"
    first = _say(assistant, sender, "Ik wil een samenwerkingsovereenkomst opstellen")
    assert "Vraag 1 van" in first and STEP("same_authority").question in first
    assert STEP("route_type").question in _say(assistant, sender, "nee")
    assert STEP("vmbo_parties").question in _say(assistant, sender, "Doorlopende leerroute vmbo-mbo")
    assert STEP("mbo_parties").question in _say(assistant, sender, "Stichting VO Noord; Stichting VO Zuid")
    refused = _say(assistant, sender, "stichting vo noord")
    assert "verschillend" in refused and STEP("mbo_parties").question in refused
    assert STEP("clause_1_programme").question in _say(assistant, sender, "ROC Noord & Co <b>")
    for key in ("clause_1_programme", "clause_2_business", "clause_3a_leadership",
                "clause_3b_accountability", "clause_4a_locations"):
        _say(assistant, sender, ANSWERS[key])
    explained = _say(assistant, sender, "uitleg")
    assert "Uitleg bij Artikel 4b" in explained and STEP("clause_4b_facilities").question in explained
    example = _say(assistant, sender, "geef een voorbeeld")
    assert STEP("clause_4b_facilities").example in example
    assert STEP("clause_4c_staff").question in _say(assistant, sender, "/use_example")
    assert STEP("clause_4c_complaints").question in _say(assistant, sender, "/use_example")
    assert STEP("clause_4_exams").question in _say(assistant, sender, "/use_example")
    assert STEP("clause_5_transfer_option").question in _say(assistant, sender, "/use_example")
    in_between = _say(assistant, sender, "Moet de MR de samenwerkingsovereenkomst goedkeuren?")
    assert load_knowledge().get("medezeggenschap_goedkeuring").answer in in_between
    assert STEP("clause_5_transfer_option").question in in_between
    not_an_answer = _say(assistant, sender, "ja")
    assert "niet met ja of nee te beantwoorden" in not_an_answer
    assert "te kort" in _say(assistant, sender, "x")
    assert STEP("clause_6_funding_transfer").question in _say(assistant, sender, ANSWERS["clause_5_transfer_option"])
    assert STEP("clause_7_codetermination").question in _say(assistant, sender, "nee")
    assert STEP("clause_8_disputes").question in _say(assistant, sender, "/skip_clause")
    assert STEP("clause_9_joining").question in _say(assistant, sender, "weet ik nog niet")
    _say(assistant, sender, ANSWERS["clause_9_joining"])
    assert STEP("signing_place").question in _say(assistant, sender, ANSWERS["clause_10_termination"])
    assert STEP("signing_date").question in _say(assistant, sender, ANSWERS["signing_place"])
    assert "datum" in _say(assistant, sender, "ergens in september")
    assert "Stichting VO Noord" in _say(assistant, sender, "1 september 2025")
    _say(assistant, sender, "A. Jansen, voorzitter college van bestuur")
    _say(assistant, sender, "B. de Vries, bestuurder")
    review = _say(assistant, sender, "C. Smit, voorzitter college van bestuur")

    assert "Uw antwoorden" in review and "1 september 2025" in review
    for key, answer in ANSWERS.items():
        assert answer in review, key
    assert "ROC Noord \\& Co \\<b\\>" in review
    assert "i. geschilbeslechting: nog in te vullen" in review
    assert "h. aanvullende afspraken over medezeggenschap: niet van toepassing" in review

    asked_again = _say(assistant, sender, "wijzig artikel 5")
    assert STEP("clause_5_transfer_option").question in asked_again
    review = _say(assistant, sender, "Deelnemers kunnen terug naar het reguliere vmbo-programma.")
    assert review.startswith("**Aangepast**") and "terug naar het reguliere vmbo-programma." in review
    assert ANSWERS["clause_9_joining"] not in review  # only what changed ...
    assert ANSWERS["clause_9_joining"] in _say(assistant, sender, "/show_review")  # ... the rest on request
    assert "vastgelegd" in _say(assistant, sender, "/confirm_review")


def test_the_interview_pauses_and_resumes_where_it_was(assistant):
    sender = "interview-pause"
    _say(assistant, sender, "overeenkomst opstellen")
    _say(assistant, sender, "ja")
    assert STEP("authority_name").question in _say(assistant, sender, "2")
    paused = _say(assistant, sender, "stop")
    assert "gepauzeerd" in paused
    assert "digitale assistent" in _say(assistant, sender, "hallo")
    assert STEP("authority_name").question in _say(assistant, sender, "verder")
    assert STEP("clause_1_programme").question in _say(assistant, sender, "Stichting Groen Onderwijs")


def test_starting_over_needs_confirmation(assistant):
    sender = "interview-restart"
    _say(assistant, sender, "overeenkomst opstellen")
    _say(assistant, sender, "nee")
    assert "echt opnieuw beginnen" in _say(assistant, sender, "opnieuw beginnen")
    restarted = _say(assistant, sender, "/affirm")
    assert "gewist" in restarted and "Vraag 1 van" in restarted


def test_a_correction_in_own_words_is_kept_and_a_yes_after_it_is_no_name(assistant):
    sender = "interview-correction"
    _say(assistant, sender, "ik wil een samenwerkingsovereenkomst opstellen")
    _say(assistant, sender, "nee, verschillende besturen")
    _say(assistant, sender, "1")
    assert STEP("mbo_parties").question in _say(assistant, sender, "Stichting VO De Brug")
    corrected = _say(assistant, sender, "het bestuur van de vmbo-school heet eigenlijk Stichting VO De Nieuwe Brug")
    assert "Stichting VO De Nieuwe Brug" in corrected and STEP("mbo_parties").question in corrected
    yes = _say(assistant, sender, "ja")
    assert "niets opgeslagen" in yes and STEP("mbo_parties").question in yes
    back = _say(assistant, sender, "terug")  # reopens the corrected answer, offering it
    assert STEP("vmbo_parties").question in back and "Stichting VO De Nieuwe Brug" in back
    assert STEP("mbo_parties").question in _say(assistant, sender, "ja")
    review_later = _say(assistant, sender, "ROC De Brug")
    assert STEP("clause_1_programme").question in review_later


def test_at_the_review_own_words_change_an_answer_and_a_later_yes_confirms(assistant):
    """Nothing to add to article 7, a correction that only names the old answer, a question,
    and a typed "ja" that then answers nothing: the draft holds what was meant."""
    sender = "interview-review-own-words"
    answers = [(step, "geen aanvullende afspraken" if step == "clause_7_codetermination" else text)
               for step, text in marked_answers("Brink")]
    review = send_all(assistant, sender, answers)
    assert "h. aanvullende afspraken over medezeggenschap: niet van toepassing" in review
    changed = _say(assistant, sender, "we tekenen toch in Deventer, niet in Plaats Brink")
    assert "Deventer" in changed and "Bevestigen" in changed
    answered = _say(assistant, sender, "Moet de MR de samenwerkingsovereenkomst goedkeuren?")
    assert load_knowledge().get("medezeggenschap_goedkeuring").answer in answered
    assert "Waarmee kan ik u verder helpen" not in _say(assistant, sender, "ja")  # on "nuttig?"
    assert "overzicht bevestigen" in _say(assistant, sender, "ja")
    text = draft_text(assistant, draft_payload(assistant.send(sender, "ja", timeout=180))["docx"])
    assert "Deventer" in text and "Plaats Brink" not in text
    assert "geen aanvullende afspraken" not in text
