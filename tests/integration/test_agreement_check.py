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
