"""Drive a complete example interview through a running assistant and print the transcript.

Usage: python scripts/demo_interview.py [webhook-url]
(default http://localhost:5005/webhooks/rest/webhook; start the assistant with `make run`).
"""

import json
import sys
import urllib.request
import uuid
from typing import List

EXAMPLE = [
    "Ik wil een samenwerkingsovereenkomst opstellen",
    "nee",
    "Doorlopende leerroute vmbo-mbo",
    "Stichting Openbaar Voortgezet Onderwijs Noord; Stichting Christelijk VO Zuid",
    "ROC Noorderpoort",
    "Het vmbo-profiel Zorg en welzijn met het aanverwante mbo-opleidingsdomein Zorg en welzijn.",
    "Zorginstellingen uit de regio zitten in een werkveldcommissie en bieden stageplaatsen aan.",
    "Een stuurgroep met de twee directeuren en een projectleider, benoemd door de besturen.",
    "De stuurgroep rapporteert twee keer per jaar schriftelijk aan de besturen.",
    "De eerste twee jaar op de vmbo-scholen, daarna op de locatie van het ROC.",
    "uitleg",
    "voorbeeld",
    "/use_example",
    "Eén docententeam met teambevoegdheid; elk programmaonderdeel heeft een bevoegde docent.",
    "Moet de MR de samenwerkingsovereenkomst goedkeuren?",
    "ja",
    "Een leerling die uitvalt kan naar een andere mbo-opleiding op hetzelfde niveau.",
    "nee",
    "overslaan",
    "weet ik nog niet",
    "Een nieuwe school kan toetreden als alle partijen schriftelijk instemmen.",
    "Opzeggen kan per 1 augustus met een jaar opzegtermijn en een afbouwregeling.",
    "Groningen",
    "1 september 2025",
    "A. Jansen, voorzitter college van bestuur",
    "B. de Vries, bestuurder",
    "C. Smit, voorzitter college van bestuur",
    "wijzig artikel 8",
    "Geschillen gaan eerst naar de stuurgroep en daarna naar een onafhankelijke mediator.",
    "bevestigen",
]


def send(url: str, sender: str, text: str) -> List[dict]:
    body = json.dumps({"sender": sender, "message": text}).encode()
    request = urllib.request.Request(url, body, {"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.loads(response.read())


def main(argv: List[str]) -> int:
    url = argv[0] if argv else "http://localhost:5005/webhooks/rest/webhook"
    sender = f"demo-{uuid.uuid4().hex[:8]}"
    for text in EXAMPLE:
        print(f"\nGebruiker: {text}")
        for reply in send(url, sender, text):
            if reply.get("text"):
                print(f"Assistent: {reply['text']}")
            for button in reply.get("buttons", []):
                print(f"   [{button['title']}]")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
