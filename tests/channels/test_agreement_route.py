"""The upload route: a file or pasted text in, per-topic JSON and a report to download out."""

import logging

import aiohttp
import pytest
from sanic import Sanic

from bot.agreement import messages
from bot.draft.store import DraftStore
from channels.agreements import AgreementCheckInput, allowed_origin
from bot.settings import Settings
from tests.bot.test_agreement_reading import pdf_file, word_file
from tests.channels.conftest import served

AGREEMENT = """Samenwerkingsovereenkomst doorlopende leerroute vmbo-mbo

Stichting Geheim Lyceum, hierna: de school, en Stichting ROC Verborgen, hierna: de instelling.

Artikel 8 Geschillen
Een geschil wordt voorgelegd aan een geheime mediator.
"""


@pytest.fixture
def settings(tmp_path, monkeypatch):
    monkeypatch.setenv("ASSISTANT_STATE_DIR", str(tmp_path))
    monkeypatch.setenv("AGREEMENT_MAX_BYTES", "200000")
    monkeypatch.setenv("ALLOWED_ORIGINS", "https://intranet.school.nl")
    return Settings.from_environment()


def _app() -> Sanic:
    channel = AgreementCheckInput()
    app = Sanic("agreements_test")
    app.blueprint(channel.blueprint(lambda message: None), url_prefix=channel.url_prefix())
    return app


def _form(content: bytes = None, text: str = None, sender: str = None) -> aiohttp.FormData:
    form = aiohttp.FormData()
    if sender:
        form.add_field("sender", sender)
    if content is not None:
        form.add_field("file", content, filename="overeenkomst.pdf",
                       content_type="application/octet-stream")
    if text is not None:
        form.add_field("text", text)
    return form


async def _post(client, form, headers=None):
    async with client.session.post(client.base + "/agreements/check", data=form,
                                   headers=headers or {}) as answer:
        return answer.status, await answer.json()


async def test_an_uploaded_file_is_checked_and_its_report_stored_not_the_file(settings, caplog):
    caplog.set_level(logging.DEBUG)
    async with served(_app()) as client:
        status, body = await _post(client, _form(word_file(*AGREEMENT.splitlines()), sender="gesprek-1"))
        report = body["report"]
        md = await client.request("GET", f"/agreements/reports/{report['token']}/md")
        word = await client.request("GET", f"/agreements/reports/{report['token']}/docx")
    assert status == 200 and body["file_type"] == "docx"
    assert body["covered"] == ["i"] and "a" in body["missing"]
    i = body["topics"][8]
    assert i["status"] == "covered" and i["evidence"][0]["place"] == "artikel 8"
    assert report["docx"].endswith(f"/agreements/reports/{report['token']}/docx")
    assert body["summary"].startswith("1 van de 10 onderwerpen zijn geregeld.")
    assert body["topic_lines"][8] == "i. geschilbeslechting: geregeld (artikel 8)"
    assert len(body["topic_lines"]) == 10
    assert md[0] == 200 and "### i. geschilbeslechting" in md[2].decode()
    assert md[1]["X-Content-Type-Options"] == "nosniff"
    assert word[0] == 200 and word[2].startswith(b"PK")
    stored = DraftStore(settings.reports_dir)
    assert stored.tokens() == [report["token"]]
    folder = settings.reports_dir / report["token"]
    assert sorted(p.name for p in folder.iterdir()) == ["draft.docx", "draft.json", "draft.md"]
    assert "Geheim" not in caplog.text and "geheime" not in caplog.text
    assert DraftStore(settings.reports_dir).delete_conversation("gesprek-1") == 1


async def test_pasted_text_is_checked_too(settings):
    async with served(_app()) as client:
        status, body = await _post(client, _form(text=AGREEMENT))
    assert status == 200 and body["file_type"] == "text" and body["covered"] == ["i"]


async def test_an_unreadable_file_gets_its_dutch_reason_and_nothing_is_stored(settings):
    async with served(_app()) as client:
        status, body = await _post(client, _form(pdf_file([""])))
    assert status == 422 and body == {"error": "scan", "message": messages.SCAN}
    assert DraftStore(settings.reports_dir).tokens() == []


async def test_a_file_over_the_limit_is_refused_before_it_is_read(settings):
    async with served(_app()) as client:
        status, body = await _post(client, _form(b"a" * 300_000))
    assert status == 413 and body["error"] == "too_large" and "0,2 MB" in body["message"]


async def test_a_request_without_a_file_or_text_is_a_clear_400(settings):
    async with served(_app()) as client:
        status, body = await _post(client, _form(sender="x"))
        plain = await client.request("POST", "/agreements/check", b"tekst",
                                     {"Content-Type": "text/plain"})
    assert status == 400 and body["message"] == messages.UPLOAD_NO_FILE
    assert plain[0] == 400


async def test_a_page_on_another_site_may_not_upload(settings):
    async with served(_app()) as client:
        status, body = await _post(client, _form(text=AGREEMENT),
                                   {"Origin": "https://kwaadwillend.example"})
        allowed, _ = await _post(client, _form(text=AGREEMENT),
                                 {"Origin": "https://intranet.school.nl"})
    assert status == 403 and body["error"] == "origin" and allowed == 200


def test_the_bot_itself_is_an_allowed_origin(settings):
    assert allowed_origin(None, settings) and allowed_origin(settings.bot_url, settings)
    assert not allowed_origin("http://elders", settings)


@pytest.mark.parametrize("path", [
    "/agreements/reports/{token}/pdf", "/agreements/reports/{short}/md",
    "/agreements/reports/..%2f..%2fetc/md",
])
async def test_only_a_stored_report_is_served(settings, path):
    token = DraftStore(settings.reports_dir).save("x", {"md": b"# r", "docx": b"PK"}, "r")
    async with served(_app()) as client:
        status, _headers, body = await client.request("GET", path.format(token=token, short=token[:-1]))
    assert status == 404 and body.decode() == messages.REPORT_NOT_FOUND


async def test_a_failure_while_checking_is_logged_without_the_document(settings, monkeypatch, caplog):
    def broken(*_args):
        raise RuntimeError("Stichting Geheim Lyceum")

    monkeypatch.setattr("channels.agreements.check_upload", broken)
    async with served(_app()) as client:
        status, body = await _post(client, _form(text=AGREEMENT))
    assert status == 500 and body["message"] == messages.UPLOAD_FAILED
    assert "RuntimeError" in caplog.text and "Geheim" not in caplog.text


async def test_the_upload_may_be_larger_than_the_chats_request_limit(settings):
    app = _app()
    app.config.REQUEST_MAX_SIZE = 1000  # the chat's MAX_REQUEST_BYTES, made small
    content = word_file(*AGREEMENT.splitlines())
    assert len(content) > 1000
    async with served(app) as client:
        status, body = await _post(client, _form(content))
    assert status == 200 and body["covered"] == ["i"]


class _Stream:
    def __init__(self, chunks):
        self.chunks = list(chunks)

    async def read(self):
        return self.chunks.pop(0) if self.chunks else None


class _StreamedRequest:
    def __init__(self, chunks, headers=None):
        self.headers, self.stream = headers or {}, _Stream(chunks)


async def test_a_streamed_body_without_its_length_is_cut_off_past_the_limit():
    from channels.agreements import read_body

    assert await read_body(_StreamedRequest([b"abc", b"de"]), 5) == b"abcde"
    assert await read_body(_StreamedRequest([b"abc", b"def"]), 5) is None
    assert await read_body(_StreamedRequest([b"x"], {"Content-Length": "6"}), 5) is None


async def test_a_malformed_form_is_answered_as_no_file(settings):
    async with served(_app()) as client:
        headers = {"Content-Type": "multipart/form-data; boundary=zz"}
        async with client.session.post(client.base + "/agreements/check", data=b"--zz\r\nkapot",
                                       headers=headers) as answer:
            status, body = answer.status, await answer.json()
    assert status == 400 and body["error"] == "no_file"
