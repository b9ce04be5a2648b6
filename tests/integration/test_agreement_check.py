"""Checking an existing agreement through the real servers: the upload route with a held-out
agreement and its report downloaded, the refusals, and the check asked for and pasted in the chat."""

from io import BytesIO
from urllib.parse import urlparse

import docx
import requests
import yaml

from bot.agreement import messages
from bot.privacy import forget_conversation
from bot.settings import PROJECT_ROOT, Settings
from tests.integration.interviews import FULL_MBO_NAME, SIGNATORIES, TYPED, completion_answer
from tests.integration.servers import reply_text

FOLDER = PROJECT_ROOT / "tests" / "heldout" / "agreements"
MANIFEST = {entry["file"]: entry for entry in yaml.safe_load((FOLDER / "manifest.yml").read_text("utf-8"))}


def _upload(assistant, name, sender=None, headers=None):
    data = {"sender": sender} if sender else {}
    with (FOLDER / name).open("rb") as handle:
        answer = requests.post(
            f"http://127.0.0.1:{assistant.rasa_port}/agreements/check",
            files={"file": (name, handle, "application/octet-stream")}, data=data,
            headers=headers or {}, timeout=60,
        )
    return answer.status_code, answer.json()


def _download(assistant, url):
    return assistant.get(urlparse(url).path)


def test_an_uploaded_agreement_is_checked_and_its_report_downloaded(assistant):
    status, body = _upload(assistant, "format_two_missing.docx", sender="e2e-upload-1")
    assert status == 200, body
    expected = MANIFEST["format_two_missing.docx"]["topics"]
    assert body["missing"] == [t for t, v in sorted(expected.items()) if v["status"] == "missing"]
    assert body["covered"] == [t for t, v in sorted(expected.items()) if v["status"] == "covered"]
    assert body["facts"]["kind"] == "agreement" and body["facts"]["route"] == "doorlopende_leerroute"
    assert "f. inhoud van de overstapoptie: ontbreekt" in body["topic_lines"]
    assert body["summary"].startswith("8 van de 10 onderwerpen zijn geregeld.")

    report = body["report"]
    assert urlparse(report["docx"]).path == f"/agreements/reports/{report['token']}/docx"
    md_status, md_headers, markdown = _download(assistant, report["markdown"])
    assert md_status == 200 and md_headers["X-Content-Type-Options"] == "nosniff"
    markdown = markdown.decode("utf-8")
    assert markdown.startswith(f"# {messages.REPORT_TITLE}")
    assert "### f. inhoud van de overstapoptie" in markdown
    assert "gebruik van de teambevoegdheid" in markdown  # topic e quoted from the document
    word_status, word_headers, word = _download(assistant, report["docx"])
    assert word_status == 200 and "attachment" in word_headers["Content-Disposition"]
    paragraphs = [p.text for p in docx.Document(BytesIO(word)).paragraphs]
    assert messages.REPORT_TITLE in paragraphs and "i. geschilbeslechting" in paragraphs

    # The uploaded file itself is never kept; `make forget` removes the report.
    settings = Settings.from_environment({"ASSISTANT_STATE_DIR": str(assistant.state_dir)})
    assert forget_conversation("e2e-upload-1", settings)["reports"] == 1
    assert _download(assistant, report["docx"])[0] == 404


def test_unreadable_and_foreign_uploads_get_their_dutch_reason(assistant):
    status, body = _upload(assistant, "damaged.docx")
    assert (status, body) == (422, {"error": "damaged", "message": messages.DAMAGED})
    status, body = _upload(assistant, "scan_no_text.pdf")
    assert (status, body) == (422, {"error": "scan", "message": messages.SCAN})
    status, body = _upload(assistant, "full_format.docx", headers={"Origin": "https://elders.example"})
    assert (status, body["message"]) == (403, messages.UPLOAD_FOREIGN_ORIGIN)


def test_the_check_asked_for_and_pasted_in_the_chat(assistant):
    sender = "e2e-chat-check"
    how = reply_text(assistant.send(sender, "Ik heb al een overeenkomst, klopt die nog?"))
    assert how == messages.CHECK_HOW.format(limit="5 MB")
    pasted = (FOLDER / "format_two_missing.md").read_text(encoding="utf-8")
    replies = assistant.send(sender, pasted)
    text = reply_text(replies)
    assert text.startswith(messages.CHAT_CHECKED + " 8 van de 10 onderwerpen zijn geregeld.")
    assert "- i. geschilbeslechting: ontbreekt" in text
    [report] = [r["custom"]["agreement_report"] for r in replies if r.get("custom")]
    md_status, _headers, markdown = _download(assistant, report["markdown"])
    assert md_status == 200 and "### i. geschilbeslechting" in markdown.decode("utf-8")
    # The conversation goes on as before.
    assert "Goedendag" in reply_text(assistant.send(sender, "hallo"))


# Completing the missing topics of the held-out vakmanschapsroute agreement (f, h and i missing).
VAKMANSCHAP = "vakmanschapsroute_old.docx"


def _complete(assistant, sender, mode):
    """Upload the agreement, accept the offer, choose the document, answer until the review,
    confirm; returns the replies on the way and the Word text of the result."""
    status, body = _upload(assistant, VAKMANSCHAP, sender=sender)
    assert status == 200 and body["to_complete"] == ["f", "h", "i"], body
    offer = body["completion"]
    assert offer["question"] == "Wilt u de ontbrekende onderwerpen nu aanvullen?"
    how = assistant.send(sender, offer["buttons"][0]["payload"])
    assert reply_text(how) == messages.COMPLETE_HOW
    [choice] = [b for r in how for b in r.get("buttons") or [] if mode in b["payload"]]
    replies = assistant.send(sender, choice["payload"])
    conversation = [(choice["title"], replies)]
    signatories = list(SIGNATORIES)
    for _turn in range(60):
        if "**Uw antwoorden**" in reply_text(replies):
            break
        buttons = [b.get("title") for r in replies for b in r.get("buttons") or []]
        message = completion_answer(reply_text(replies).replace("**", ""), buttons, signatories)
        replies = assistant.send(sender, message)
        conversation.append((message, replies))
    else:
        raise AssertionError(reply_text(replies))
    done = assistant.send(sender, "/confirm_review")
    conversation.append(("Bevestigen", done))
    [draft] = [r["custom"]["draft"] for r in done if r.get("custom", {}).get("draft")]
    word_status, _headers, word = _download(assistant, draft["docx"])
    md_status, _headers, markdown = _download(assistant, draft["markdown"])
    assert word_status == md_status == 200
    paragraphs = [p.text for p in docx.Document(BytesIO(word)).paragraphs]
    return conversation, paragraphs, markdown.decode("utf-8"), done


def test_the_missing_topics_of_an_uploaded_agreement_completed_as_an_addendum(assistant):
    conversation, paragraphs, markdown, done = _complete(assistant, "e2e-complete-addendum", "addendum")
    start = reply_text(conversation[0][1])
    assert start.startswith(messages.COMPLETE_START_ADDENDUM.format(topics="f, h, i"))
    assert "Vraag 1 van 10" in start and "Volgens uw overeenkomst is het antwoord: Nee." in start
    asked = [message for message, _replies in conversation]
    assert asked.count("behouden") == 2  # the route and the vmbo board, kept as the document says
    assert "aanvulling op de samenwerkingsovereenkomst" in reply_text(done)

    assert paragraphs[0] == "Aanvulling op de samenwerkingsovereenkomst doorlopende leerroute vmbo-mbo"
    assert "Stichting voor Christelijk Voortgezet Onderwijs Lingestreek" in paragraphs
    assert FULL_MBO_NAME in paragraphs
    assert any("OVEREENKOMST VAKMANSCHAPSROUTE BOUW" in p for p in paragraphs)
    for answer in TYPED.values():
        assert any(answer in p for p in paragraphs), answer
    for signatory in ("H.J. van Wijk", "M.C. Brouwer-Lindeman"):
        assert any(signatory in p for p in paragraphs)
    # Only the added topics: the format's clauses 5, 7 and 8, numbered afresh.
    clauses = [p for p in paragraphs if p[:3] in ("1. ", "2. ", "3. ", "4. ")]
    assert clauses == ["1. Overstapoptie",
                       "2. Aanvullende afspraken t.a.v. geldende medezeggenschap-regime (optioneel)",
                       "3. Geschilbeslechting"]
    assert not any("klankbordgroep" in p for p in paragraphs)
    assert markdown.startswith("# *(assistent)* Aanvulling op de samenwerkingsovereenkomst")
    # The servers' log holds nothing of the document, nor of the answers.
    log = assistant.log_path.read_text(encoding="utf-8", errors="replace")
    for text in ("Lingeborgh", "klankbordgroep", "Lek en Linge", "Brouwer-Lindeman", *TYPED.values()):
        assert text not in log, text


def test_the_missing_topics_of_an_uploaded_agreement_completed_as_a_new_draft(assistant):
    conversation, paragraphs, markdown, _done = _complete(assistant, "e2e-complete-draft", "draft")
    start = reply_text(conversation[0][1])
    assert start.startswith(messages.COMPLETE_START_DRAFT.format(topics="f, h, i"))
    assert paragraphs[0] == "Samenwerkingsovereenkomst doorlopende leerroute vmbo-mbo"
    # What the document said, kept; what was missing, as typed; the rest in the user's words.
    assert any(p.startswith("Het bouwbedrijfsleven in de regio is vertegenwoordigd") for p in paragraphs)
    assert any("€ 900,- per schooljaar" in p for p in paragraphs)
    for answer in TYPED.values():
        assert any(answer in p for p in paragraphs), answer
    typed = [message for message, _replies in conversation if message.startswith("Over ")]
    for answer in typed:
        assert any(answer in p for p in paragraphs), answer
    assert "Alle wettelijk verplichte onderwerpen (a tot en met j) zijn ingevuld." in paragraphs
    # `make forget` removes the kept answers with the conversation.
    settings = Settings.from_environment({"ASSISTANT_STATE_DIR": str(assistant.state_dir)})
    assert forget_conversation("e2e-complete-draft", settings)["agreement_answers"] == 1


def test_a_pasted_agreement_is_offered_for_completion_in_the_chat(assistant):
    sender = "e2e-chat-complete"
    pasted = (FOLDER / "vakmanschapsroute_old.md").read_text(encoding="utf-8")
    replies = assistant.send(sender, pasted)
    assert replies[-1]["text"] == messages.OFFER_COMPLETION
    assert [b["title"] for b in replies[-1]["buttons"]] == ["Ja, aanvullen", "Nee, nu niet"]
    assert reply_text(assistant.send(sender, "aanvullen")) == messages.COMPLETE_HOW
    started = reply_text(assistant.send(sender, "als aanvulling graag"))
    assert started.startswith(messages.COMPLETE_START_ADDENDUM.format(topics="f, h, i"))
    assert "Vraag 1 van 10" in started
