"""Texts that actions compose at run time (static replies live in domain.yml)."""

DID_YOU_MEAN = "Ik weet niet zeker welke vraag u bedoelt. Bedoelt u een van deze vragen?"
NONE_OF_THESE = "Geen van deze"
NO_WORDS = (
    "Ik heb in uw bericht geen vraag gevonden. Typ uw vraag in een paar woorden, "
    "bijvoorbeeld: Moet de medezeggenschap de overeenkomst goedkeuren?"
)
NO_EXAMPLE = "Bij deze vraag heb ik geen voorbeeldformulering. Wilt u de vraag in eigen woorden beantwoorden?"
CANNOT_SKIP = (
    "Deze vraag is verplicht: de wet vraagt afspraken over dit onderwerp. Weet u het antwoord nog "
    "niet, typ dan 'weet ik nog niet'; dan komt er een open plek in het concept."
)
# For a required step that is not one of the law's topics (place, date, signatory).
CANNOT_SKIP_DOCUMENT = (
    "Deze vraag is verplicht: het antwoord hoort in het document. Weet u het antwoord nog niet, "
    "typ dan 'weet ik nog niet'; dan komt er een open plek in het concept."
)
REVIEW_OPTIONS = (
    "Klopt alles? Kies dan 'Bevestigen'. Wilt u iets wijzigen, typ dan bijvoorbeeld "
    "'wijzig artikel 5' of 'pas de overstapoptie aan'."
)
WHICH_CLAUSE = (
    "Welk antwoord wilt u wijzigen? Noem het artikelnummer of de titel, bijvoorbeeld "
    "'wijzig artikel 5' of 'pas de partijen aan'."
)
NOT_FINISHED = (
    "Het invullen is nog niet klaar, dus bevestigen kan nog niet. Typ 'verder' om verder te gaan "
    "waar u was gebleven."
)
CONFIRMED = (
    "Dank u. Uw antwoorden zijn vastgelegd als basis voor het concept. Open plekken blijven "
    "zichtbaar als [nog in te vullen], zodat u ze later kunt aanvullen."
)
NO_DRAFT_YET = (
    "Een concept maak ik zodra alle vragen zijn beantwoord en u het overzicht hebt bevestigd. "
    "Wilt u verder met invullen, of uw antwoorden nu bevestigen?"
)
RESET = "Alle antwoorden zijn gewist. We beginnen opnieuw."
FAILURE = (
    "Er ging iets mis bij het verwerken van uw bericht. Uw eerdere antwoorden zijn bewaard. "
    "Probeer het opnieuw."
)

# The interview: going back, confirming an answer before it is stored, and what is never stored.
YES_BUTTON = {"title": "Ja", "payload": "ja"}
NO_BUTTON = {"title": "Nee", "payload": "nee"}
KEEP_BUTTON = {"title": "Behouden", "payload": "behouden"}
BACK_BUTTON = {"title": "Vorige vraag", "payload": "vorige vraag"}
FIRST_QUESTION = "Dit is de eerste vraag; verder terug kan niet."
EARLIER_YES_NO = "Eerder antwoordde u: {answer}."
OFFER_BACK = (
    "Uw antwoord was: {answer}\n\nKies 'Behouden' om het te houden, of typ een nieuw antwoord."
)
OFFER_EARLIER = (
    "U noemde eerder: {answer}\n\nKies 'Behouden' als dat het antwoord op deze vraag is, of typ "
    "het juiste antwoord."
)
OFFER_DOCUMENT = (
    "In uw overeenkomst staat:\n\n{answer}\n\nKies 'Behouden' om dit over te nemen, of typ een "
    "nieuw antwoord."
)
OFFER_UNCLEAR = (
    "In uw overeenkomst staat hierover:\n\n{answer}\n\nDit onderwerp is daarin niet volledig "
    "geregeld. Typ een aangevuld antwoord, of kies 'Behouden' om de tekst zo over te nemen."
)
DOCUMENT_YES_NO = "Volgens uw overeenkomst is het antwoord: {answer}."
CONFIRM_PARTIES = "Bedoelt u {count} besturen: {names}?"
PARTIES_YES = "Ja, {count} besturen"
PARTIES_NO = "Nee, het is één naam"
CONFIRM_READING = "Ik noteer als antwoord: {answer}\n\nKlopt dat?"
CONFIRM_COMMAND_WORD = (
    "Is '{answer}' uw antwoord op deze vraag? Kies 'Ja' om het op te slaan, of 'Vorige vraag' om "
    "terug te gaan."
)
CONFIRM_DATE_AS_CLAUSE = (
    "Uw antwoord is alleen een datum: {answer}. Past dat bij deze vraag? Kies 'Ja' om het zo op "
    "te slaan, of typ een ander antwoord."
)
CONFIRM_DATE = "Bedoelt u {answer}?"
CONFIRM_YES_NO = "Ik begrijp uw antwoord als '{answer}'. Klopt dat?"
FOUND_DATE_TOO = "Ik noteer {place} als plaats. De datum {date} bied ik bij de volgende vraag aan."
STRUCTURAL_NEEDED = (
    "Deze vraag moet ik nu beantwoord hebben: het antwoord bepaalt welke partijen en artikelen in "
    "het concept komen. Vraag om 'uitleg' als u twijfelt."
)
PAUSE_HINT = "Wilt u pauzeren? Kies 'Stop'; uw antwoorden blijven bewaard."
PAUSE_BUTTON = {"title": "Stop", "payload": "/stop_interview"}
THANKS_IN_INTERVIEW = "Graag gedaan. We gaan verder waar we waren."
GREETING_IN_INTERVIEW = "Goedendag. We gaan verder waar we waren."
YES_AT_OPEN_QUESTION = (
    "Goed. Deze vraag is niet met ja of nee te beantwoorden, dus ik heb niets opgeslagen. Typ uw "
    "antwoord op de vraag hieronder."
)
NO_AT_OPEN_QUESTION = (
    "Ik heb niets opgeslagen. Typ 'terug' om uw vorige antwoord te wijzigen, of typ uw antwoord op "
    "de vraag hieronder."
)
QUESTION_NOT_ANSWERED = (
    "Op die vraag vind ik geen antwoord in de FAQ of de bouwsteen. Ik heb haar niet als antwoord "
    "opgeslagen; we gaan verder met de vraag."
)
CONFIRM_QUESTION_AS_ANSWER = (
    "Uw bericht lijkt een vraag: {answer}. Daarop geven de bouwsteen en de FAQ geen antwoord. Is "
    "het toch uw antwoord? Kies dan 'Ja' om het zo op te slaan, of typ uw antwoord."
)
CONFIRM_CORRECTION = "Wilt u het antwoord bij **{label}** wijzigen in: {answer}?"
OPTIONAL_LEFT_OUT = (
    "Dit optionele artikel neem ik niet op in het concept. Wilt u toch afspraken opnemen, typ dan "
    "'terug'."
)
CORRECTED = (
    "Aangepast: **{label}** is nu: {answer}\n\nKlopt dat niet, typ dan 'terug'. We gaan verder waar "
    "we waren."
)
CONFIRM_REVIEW_QUESTION = (
    "Wilt u het overzicht bevestigen? Kies dan 'Bevestigen' of typ 'ja'; dan maak ik het concept."
)
REVIEW_AFTER_CHANGE = (
    "Klopt het zo? Kies 'Bevestigen' om het concept te maken, of 'Hele overzicht tonen' om alle "
    "antwoorden te zien. Wilt u nog iets wijzigen, typ dan bijvoorbeeld 'wijzig artikel 5'."
)
CONFIRM_SHORT = (
    "Uw antwoord is kort: {answer}. Is dit wat er in dit artikel moet staan? Kies 'Ja' om het zo "
    "op te slaan, of typ een uitgebreider antwoord."
)
CONFIRM_DATE_AS_PLACE = (
    "Uw antwoord is een datum: {answer}. Hier vraag ik de plaats van ondertekening. Kies 'Ja' "
    "om het toch zo op te slaan, of typ de plaatsnaam."
)
CONFIRM_NAME = "Is '{answer}' de naam van het bevoegd gezag?"
CONFIRM_FUNDING = (
    "Ik begrijp uw antwoord als 'Ja', en ik noteer als omvang van de middelen: {details}\n\n"
    "Klopt dat? Daarna vraag ik nog naar de bestemming."
)

# Answers quoted from a passage of the sources, and questions the sources do not answer.
PASSAGE_INTRO = "Hierover staat dit in de bronnen:"
NOT_IN_SOURCES = (
    "Op deze vraag geven de bouwsteen en de FAQ over de samenwerkingsovereenkomst geen antwoord."
)
NEAREST_INTRO = "Het dichtst in de buurt komt deze passage:"
ASK_OTHERWISE = "Stel uw vraag eventueel anders, bijvoorbeeld met het onderwerp erin."

# Feedback under an answer, and the way to a person (bot/feedback/contact.py).
FEEDBACK_QUESTION = "Was dit antwoord nuttig?"
FEEDBACK_BUTTONS = [
    {"title": "Ja", "payload": "/answer_helpful"},
    {"title": "Nee", "payload": "/answer_not_helpful"},
]
FEEDBACK_THANKS = "Dank u voor uw reactie."
FEEDBACK_SORRY = "Jammer dat dit antwoord u niet hielp. Dank u dat u het laat weten."
FEEDBACK_NOTHING_TO_RATE = "Dank u. Stel gerust een vraag; daarna kunt u zeggen of het antwoord hielp."
REMARK_THANKS = "Dank u voor uw opmerking. Daarmee verbeteren we de antwoorden."
CONTACT_ASKED = "Wilt u iemand spreken?"
CONTACT_AFTER_FAILURE = "Komt u er met mij niet uit? Dan helpt een medewerker u verder."
CONTACT_CONFIGURED = "U kunt contact opnemen:"
CONTACT_EMAIL = "per e-mail: {value}"
CONTACT_PHONE = "per telefoon: {value}"
CONTACT_URL = "via de website: {value}"
CONTACT_DEFAULT = (
    "Neem contact op met de coördinator van de doorlopende leerroute op uw school of instelling. "
    "Die kan ook met de partnerschool overleggen."
)
