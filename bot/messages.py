"""Texts that actions compose at run time (static replies live in domain.yml)."""

DID_YOU_MEAN = "Ik weet niet zeker welke vraag u bedoelt. Bedoelt u een van deze vragen?"
NONE_OF_THESE = "Geen van deze"
NO_WORDS = (
    "Ik heb in uw bericht geen vraag gevonden. Typt u uw vraag in een paar woorden, "
    "bijvoorbeeld: Moet de medezeggenschap de overeenkomst goedkeuren?"
)
NO_EXAMPLE = "Bij deze vraag heb ik geen voorbeeldformulering. Wilt u de vraag in eigen woorden beantwoorden?"
CANNOT_SKIP = (
    "Deze vraag is verplicht: de wet vraagt afspraken over dit onderwerp. Weet u het antwoord nog "
    "niet, antwoordt u dan 'weet ik nog niet'; dan komt er een open plek in het concept."
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
    "Probeert u het opnieuw?"
)
