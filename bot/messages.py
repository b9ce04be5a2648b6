"""Texts that actions compose at run time (static replies live in domain.yml)."""

DID_YOU_MEAN = "Ik weet niet zeker welke vraag u bedoelt. Bedoelt u een van deze vragen?"
NONE_OF_THESE = "Geen van deze"
NO_WORDS = (
    "Ik heb in uw bericht geen vraag gevonden. Typt u uw vraag in een paar woorden, "
    "bijvoorbeeld: Moet de medezeggenschap de overeenkomst goedkeuren?"
)
