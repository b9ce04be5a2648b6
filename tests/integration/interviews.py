"""A complete interview through the REST channel, with answers marked so that a draft shows
whose answers it holds."""

from io import BytesIO
from typing import Any, Dict, List, Tuple
from urllib.parse import urlparse

import docx

from tests.integration.servers import RunningAssistant, reply_text


def marked_answers(marker: str) -> List[Tuple[str, str]]:
    """(step, message) for a whole interview; every free answer carries the marker."""
    return [
        ("start", "/start_interview"),
        ("same_authority", "nee"),
        ("route_type", "Doorlopende leerroute vmbo-mbo"),
        ("vmbo_parties", f"Stichting VO {marker}"),
        ("mbo_parties", f"ROC {marker}"),
        ("clause_1_programme", f"Profiel Techniek met opleidingsdomein Techniek, route {marker}."),
        ("clause_2_business", f"Bedrijven uit de regio {marker} bieden stages."),
        ("clause_3a_leadership", f"Een stuurgroep onder leiding van {marker}."),
        ("clause_3b_accountability", "/use_example"),
        ("clause_4a_locations", f"Op de locaties van {marker}."),
        ("clause_4b_facilities", "/use_example"),
        ("clause_4c_staff", "/use_example"),
        ("clause_4c_complaints", f"Een klacht over een mbo-docent handelt de mbo-instelling {marker} af."),
        ("clause_4_exams", "/use_example"),
        ("clause_5_transfer_option", f"Overstappen naar een andere opleiding bij {marker}."),
        ("clause_6_funding_transfer", "nee"),
        ("clause_7_codetermination", "/skip_clause"),
        ("clause_8_disputes", f"Geschillen gaan naar de geschillencommissie {marker}."),
        ("clause_9_joining", "/use_example"),
        ("clause_10_termination", "/use_example"),
        ("signing_place", f"Plaats {marker}"),
        ("signing_date", "1 september 2026"),
        ("signatory", f"A. {marker}, bestuurder"),
        ("signatory", f"B. {marker}, voorzitter college van bestuur"),
    ]


def draft_payload(replies: List[Dict[str, Any]]) -> Dict[str, str]:
    """The draft's links from the bot's replies."""
    payloads = [r["custom"]["draft"] for r in replies if "draft" in (r.get("custom") or {})]
    assert len(payloads) == 1, reply_text(replies)
    return payloads[0]


def send_all(assistant: RunningAssistant, sender: str, answers: List[Tuple[str, str]]) -> str:
    """Send the answers in order; the text of the last replies."""
    last: List[Dict[str, Any]] = []
    for _step, text in answers:
        last = assistant.send(sender, text, timeout=180)
    return reply_text(last)


def confirm(assistant: RunningAssistant, sender: str) -> Dict[str, str]:
    """Confirm the review; the draft's links."""
    return draft_payload(assistant.send(sender, "/confirm_review", timeout=180))


def draft_text(assistant: RunningAssistant, url: str) -> str:
    """The downloaded Word file's text, one paragraph per line."""
    status, _headers, body = assistant.get(urlparse(url).path)
    assert status == 200, body[:200]
    return "\n".join(p.text for p in docx.Document(BytesIO(body)).paragraphs)


# Completing the held-out vakmanschapsroute agreement: what the user types at the steps the
# document does not answer (f, h, i missing), and the mbo board's full name (the checker reads
# "Stichting Regionaal Opleidingencentrum Lek").
FULL_MBO_NAME = "Stichting Regionaal Opleidingencentrum Lek en Linge"
TYPED = {
    "Artikel 5 - Overstapoptie": "Een deelnemer die de route niet met succes afrondt, kan overstappen "
    "naar de Entree-opleiding of een andere opleiding op niveau 2 van het ROC.",
    "Artikel 7 - Aanvullende afspraken": "Deelnemers die nog op De Lingeborgh staan ingeschreven, "
    "kunnen vanaf het vierde leerjaar deelnemen aan de studentenraad van het ROC.",
    "Artikel 8 - Geschilbeslechting": "Een geschil wordt eerst besproken in de stuurgroep en daarna "
    "voorgelegd aan een onafhankelijke mediator die partijen samen aanwijzen.",
    "Plaats van ondertekening": "Leerdam",
    "Datum van ondertekening": "1 september 2026",
}
SIGNATORIES = ["H.J. van Wijk, bestuurder", "M.C. Brouwer-Lindeman, voorzitter college van bestuur"]
OWN_WORDS = "Over {label} spreken partijen af dat zij dit samen in de stuurgroep regelen."


def completion_answer(text: str, buttons: List[str], signatories: List[str]) -> str:
    """What the user answers to a turn of the completing interview (its text without Markdown):
    the typed answer for the step, else keep the document's answer, else words of their own."""
    if "Bedoelt u 2 besturen" in text:
        return "nee"
    if "Klopt dat?" in text:
        return "ja"
    for label, answer in TYPED.items():
        if f"· {label}" in text:
            return answer
    if "· Bevoegd gezag van de instelling voor beroepsonderwijs" in text:
        return FULL_MBO_NAME
    if "Wie ondertekent namens" in text:
        return signatories.pop(0)
    said = "Volgens uw overeenkomst is het antwoord: "
    if said in text:
        return text.split(said)[1][:3].strip(".").lower()
    if "Behouden" in buttons:
        return "behouden"
    label = text.split("· ")[1].split("\n")[0] if "· " in text else "dit onderwerp"
    return OWN_WORDS.format(label=label.lower())
