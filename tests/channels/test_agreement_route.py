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
    assert plain[0] == 400 and plain[1]["X-Content-Type-Options"] == "nosniff"
    assert plain[1]["Cache-Control"] == "private, no-store"


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


class _FormRequest:
    """What ``upload_of`` reads of a request: its headers, case-insensitive as Sanic's."""

    def __init__(self, content_type: str) -> None:
        from sanic.compat import Header

        self.headers = Header({"Content-Type": content_type})


def _multipart(boundary: str, **fields: str) -> bytes:
    parts = [f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'
             for name, value in fields.items()]
    return ("".join(parts) + f"--{boundary}--\r\n").encode("utf-8")


def test_a_url_encoded_form_gives_its_text_and_sender():
    from channels.agreements import upload_of

    request = _FormRequest("application/x-www-form-urlencoded; charset=UTF-8")
    assert upload_of(request, b"text=Artikel+8+Geschillen&sender=gesprek-7") == (
        None, "Artikel 8 Geschillen", "gesprek-7")
    assert upload_of(request, b"text=t%C3%A9kst") == (None, "tékst", "")
    assert upload_of(request, b"") == (None, None, "")
    # a form of more than ten fields is refused (the route answers it as having no file)
    with pytest.raises(ValueError):
        upload_of(request, "&".join(f"v{n}=x" for n in range(11)).encode())
    assert upload_of(request, "&".join(f"v{n}=x" for n in range(9)).encode() + b"&text=y")[1] == "y"


@pytest.mark.parametrize("parameters, boundary", [
    ("boundary=grens", "grens"),
    ('boundary="grens met spatie"', "grens met spatie"),
    ("boundary=grens; charset=utf-8", "grens"),
    ("charset=utf-8; boundary=a=boundary=b", "a=boundary=b"),
    ('boundary="XgrensX"', "XgrensX"),
])
def test_a_multipart_form_gives_its_file_text_and_sender(parameters, boundary):
    from channels.agreements import upload_of

    request = _FormRequest(f"multipart/form-data; {parameters}")
    body = _multipart(boundary, text="Artikel 8", sender="gesprek-7")
    assert upload_of(request, body) == (None, "Artikel 8", "gesprek-7")
    assert upload_of(request, _multipart(boundary, text="Artikel 8")) == (None, "Artikel 8", "")


@pytest.mark.parametrize("content_type", ["", "text/plain", "multipart/form-data",
                                          "text/plain; boundary=grens"])
def test_a_body_that_is_no_form_gives_nothing(content_type):
    from channels.agreements import upload_of

    assert upload_of(_FormRequest(content_type), _multipart("grens", text="x")) == (None, None, "")


def test_an_upload_is_checked_within_the_configured_limits():
    from bot.agreement.reading import Limits, Unreadable
    from channels.agreements import check_upload

    one_page = Limits(max_bytes=200_000, max_pages=1)
    with pytest.raises(Unreadable) as refused:
        check_upload(None, AGREEMENT * 100, one_page)
    assert refused.value.reason == "too_many_pages"
    with pytest.raises(Unreadable) as empty:
        check_upload(None, None, one_page)
    assert empty.value.reason != "too_many_pages"
    with pytest.raises(Unreadable) as large:
        check_upload(word_file(*AGREEMENT.splitlines()), None, Limits(max_bytes=100))
    assert large.value.reason == "too_large"


async def test_a_body_of_exactly_the_limit_is_read():
    from channels.agreements import read_body

    assert await read_body(_StreamedRequest([b"abcde"], {"Content-Length": "5"}), 5) == b"abcde"


async def test_the_route_keeps_to_the_configured_pages_retention_and_reports_per_conversation(
        settings, monkeypatch):
    from datetime import datetime, timedelta, timezone

    monkeypatch.setenv("AGREEMENT_MAX_PAGES", "1")
    monkeypatch.setenv("DRAFT_RETENTION_DAYS", "30")
    monkeypatch.setenv("DRAFTS_PER_CONVERSATION", "2")
    stored = DraftStore(settings.reports_dir)
    now = datetime.now(timezone.utc)
    recent = stored.save("oud", {"md": b"# r"}, "r", now=now - timedelta(days=10))
    expired = stored.save("oud", {"md": b"# r"}, "r", now=now - timedelta(days=40))
    async with served(_app()) as client:
        too_long, body = await _post(client, _form(text=AGREEMENT * 100))
        statuses = [(await _post(client, _form(text=AGREEMENT, sender="g-1")))[0] for _ in range(3)]
        served_recent = await client.request("GET", f"/agreements/reports/{recent}/md")
        served_expired = await client.request("GET", f"/agreements/reports/{expired}/md")
    assert too_long == 422 and body["error"] == "too_many_pages"
    assert statuses == [200, 200, 200]
    assert sum(1 for token in stored.tokens() if stored.belongs_to(token, "g-1")) == 2
    assert served_recent[0] == 200 and served_expired[0] == 404
    assert served_recent[1]["X-Content-Type-Options"] == "nosniff"


def test_rasa_knows_the_channel_by_its_name_and_serves_it_under_its_prefix():
    # Rasa matches a request's output channel against ``name()``.
    assert AgreementCheckInput.name() == "agreements"
    assert AgreementCheckInput().url_prefix() == "/agreements"
