"""From a confirmed interview to the Word file, through the real servers: links, downloads,
a new version after a change, downloads after a restart, and refused addresses."""

from io import BytesIO
from urllib.parse import urlparse

import docx
import pytest

from bot.interview.catalogue import load_catalogue
from tests.integration.servers import RunningAssistant, reply_text

STEP = load_catalogue().get
HOSTILE_PARTY = "Stichting <b>Noord</b> & {{ 7*7 }}"
ANSWERS = [
    ("start", "Ik wil een samenwerkingsovereenkomst opstellen"),
    ("same_authority", "nee"),
    ("route_type", "Doorlopende leerroute vmbo-mbo"),
    ("vmbo_parties", HOSTILE_PARTY),
    ("mbo_parties", "ROC Zuid"),
    ("clause_1_programme", "Profiel Techniek met het opleidingsdomein Techniek en procesindustrie."),
    ("clause_2_business", "Technische bedrijven uit de regio bieden stages en gastlessen."),
    ("clause_3a_leadership", "Een stuurgroep van twee directeuren {% if x %}en{% endif %} een projectleider."),
    ("clause_3b_accountability", "De stuurgroep rapporteert twee keer per jaar aan de besturen."),
    ("clause_4a_locations", "Leerjaar 1 en 2 op de vmbo-school, daarna op het ROC."),
    ("clause_4b_facilities", "/use_example"),
    ("clause_4c_staff", "/use_example"),
    ("clause_4c_complaints", "/use_example"),
    ("clause_4_exams", "De vmbo-examens in leerjaar 3 en 4, de bpv vanaf het eerste jaar van de route."),
    ("clause_5_transfer_option", "Uitvallers kunnen naar een andere mbo-opleiding op niveau 2."),
    ("clause_6_funding_transfer", "nee"),
    ("clause_7_codetermination", "/skip_clause"),
    ("clause_8_disputes", "weet ik nog niet"),
    ("clause_9_joining", "Toetreden kan als alle partijen schriftelijk instemmen."),
    ("clause_10_termination", "Opzeggen per 1 augustus met een termijn van een jaar."),
    ("signing_place", "Deventer"),
    ("signing_date", "1 september 2026"),
    ("signatory", "K. Jansen, bestuurder"),
    ("signatory", "L. de Boer, voorzitter college van bestuur"),
]


def _draft_payload(replies):
    payloads = [r["custom"]["draft"] for r in replies if "draft" in (r.get("custom") or {})]
    assert len(payloads) == 1, replies
    return payloads[0]


def _document(assistant, url):
    status, headers, body = assistant.get(urlparse(url).path)
    assert status == 200, body[:200]
    assert headers["Content-Type"].startswith("application/vnd.openxmlformats")
    assert headers["Content-Disposition"].startswith("attachment; filename=\"concept-samenwerkingsovereenkomst-")
    return [p.text for p in docx.Document(BytesIO(body)).paragraphs]


@pytest.fixture(scope="module")
def confirmed(model_path, tmp_path_factory):
    assistant = RunningAssistant(tmp_path_factory.mktemp("drafts-state")).start()
    sender = "draft-e2e"
    for _key, text in ANSWERS:
        last = assistant.send(sender, text)
    assert "Uw antwoorden" in reply_text(last)
    replies = assistant.send(sender, "/confirm_review")
    yield assistant, sender, replies
    assistant.stop()


def test_confirming_sends_a_summary_and_both_links(confirmed):
    assistant, _sender, replies = confirmed
    text = reply_text(replies)
    payload = _draft_payload(replies)
    assert "Uw concept staat klaar" in text and payload["token"] not in text  # the links travel once
    assert f"http://localhost:{assistant.rasa_port}/drafts/{payload['token']}/docx" == payload["docx"]
    assert "nog open: i" in text and len(payload["token"]) == 32


def test_the_word_file_holds_every_answer_literally(confirmed):
    assistant, _sender, replies = confirmed
    texts = _document(assistant, _draft_payload(replies)["docx"])
    assert HOSTILE_PARTY in texts and f"Namens {HOSTILE_PARTY}" in texts
    for key, answer in ANSWERS:
        if key.startswith("clause_") and not answer.startswith("/") and key != "clause_6_funding_transfer":
            if answer != "weet ik nog niet":
                assert answer in texts, key
    assert STEP("clause_4b_facilities").example in texts
    assert "[nog in te vullen]" in texts and "[niet van toepassing]" in texts
    assert "Er wordt geen bekostiging overgedragen." in texts
    assert "Aldus overeengekomen en ondertekend te Deventer op 1 september 2026." in texts
    assert "Naam: L. de Boer" in texts


def test_the_markdown_preview_is_plain_text(confirmed):
    assistant, _sender, replies = confirmed
    status, headers, body = assistant.get(urlparse(_draft_payload(replies)["markdown"]).path)
    assert status == 200 and headers["Content-Type"] == "text/plain; charset=utf-8"
    assert headers["X-Content-Type-Options"] == "nosniff"
    markdown = body.decode("utf-8")
    assert markdown.startswith("# Samenwerkingsovereenkomst doorlopende leerroute vmbo-mbo")
    assert "Stichting \\<b\\>Noord\\</b\\> \\& {{ 7\\*7 }}" in markdown


@pytest.mark.parametrize("path", [
    "/drafts/" + "A" * 32 + "/docx",
    "/drafts/../../etc/passwd/docx",
    "/drafts/%2e%2e%2f%2e%2e%2fetc%2fpasswd/docx",
    "/drafts/" + "A" * 31 + "/docx",
    "/drafts/..%2F..%2Fbot%2Fsettings.py/md",
])
def test_unknown_or_malformed_addresses_get_a_404(confirmed, path):
    assistant, _sender, _replies = confirmed
    status, _headers, body = assistant.get(path)
    assert status == 404 and b"import" not in body and b"root:" not in body


def test_a_wrong_format_of_a_real_token_gets_a_404(confirmed):
    assistant, _sender, replies = confirmed
    token = _draft_payload(replies)["token"]
    for extension in ("json", "exe", "docx.bak"):
        assert assistant.get(f"/drafts/{token}/{extension}")[0] == 404


def test_asking_again_gives_the_same_link(confirmed):
    assistant, sender, replies = confirmed
    again = assistant.send(sender, "stuur de downloadlink nog een keer")
    assert _draft_payload(again)["token"] == _draft_payload(replies)["token"]


def test_a_change_from_the_review_gives_a_new_version_and_it_survives_a_restart(confirmed):
    assistant, sender, replies = confirmed
    first = _draft_payload(replies)
    asked = reply_text(assistant.send(sender, "wijzig artikel 5"))
    assert STEP("clause_5_transfer_option").question in asked
    review = reply_text(assistant.send(sender, "Leerlingen kunnen terug naar het reguliere vmbo."))
    assert review.startswith("**Aangepast**") and "Leerlingen kunnen terug naar het reguliere vmbo." in review
    second = _draft_payload(assistant.send(sender, "/confirm_review"))
    assert second["token"] != first["token"]
    assert "Leerlingen kunnen terug naar het reguliere vmbo." in _document(assistant, second["docx"])

    assistant.stop()
    assistant.start()
    assert "Leerlingen kunnen terug naar het reguliere vmbo." in _document(assistant, second["docx"])
    old = _document(assistant, first["docx"])
    assert "Uitvallers kunnen naar een andere mbo-opleiding op niveau 2." in old
    again = _draft_payload(assistant.send(sender, "stuur mij de ingevulde overeenkomst in Word"))
    assert again["token"] == second["token"]
