"""The draft download route, without Rasa's servers: only a stored, current draft is served."""

from datetime import datetime, timedelta, timezone

import pytest
from sanic import Sanic

from bot.draft.store import DraftStore
from channels.drafts import NOT_FOUND, DraftDownloadInput
from tests.channels.conftest import served


@pytest.fixture
def store(tmp_path, monkeypatch):
    monkeypatch.setenv("ASSISTANT_STATE_DIR", str(tmp_path))
    monkeypatch.setenv("DRAFT_RETENTION_DAYS", "30")
    return DraftStore(tmp_path / "drafts")


def _app() -> Sanic:
    channel = DraftDownloadInput()
    app = Sanic("drafts_test")
    app.blueprint(channel.blueprint(lambda message: None), url_prefix=channel.url_prefix())
    return app


async def test_a_stored_draft_is_served_as_a_download_with_safe_headers(store):
    token = store.save("gesprek", {"docx": b"PK-word", "md": b"# tekst"}, "concept-x")
    async with served(_app()) as client:
        status, headers, body = await client.request("GET", f"/drafts/{token}/docx")
        md_status, md_headers, md_body = await client.request("GET", f"/drafts/{token}/md")
    assert status == 200 and body == b"PK-word"
    assert headers["Content-Disposition"] == 'attachment; filename="concept-x.docx"'
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert headers["Cache-Control"] == "private, no-store"
    assert md_status == 200 and md_body == b"# tekst"
    assert md_headers["Content-Type"] == "text/plain; charset=utf-8"
    assert md_headers["Content-Disposition"].startswith("inline;")


@pytest.mark.parametrize("path", [
    "/drafts/{token}/pdf", "/drafts/{token}x/docx", "/drafts/{short}/docx",
    "/drafts/..%2f..%2fetc/docx", "/drafts/{token}%0a/docx", "/drafts/draft.json/docx",
])
async def test_anything_else_is_not_found(store, path):
    token = store.save("gesprek", {"docx": b"PK", "md": b"x"}, "concept")
    async with served(_app()) as client:
        status, headers, body = await client.request(
            "GET", path.format(token=token, short=token[:-1]))
    assert status == 404
    assert body.decode() == NOT_FOUND and headers["X-Content-Type-Options"] == "nosniff"


async def test_an_expired_draft_is_not_served(store):
    old = datetime.now(timezone.utc) - timedelta(days=31)
    token = store.save("gesprek", {"docx": b"PK", "md": b"x"}, "concept", now=old)
    async with served(_app()) as client:
        assert (await client.request("GET", f"/drafts/{token}/docx"))[0] == 404


def test_the_channel_is_named_and_mounted_at_drafts():
    assert DraftDownloadInput.name() == "drafts" and DraftDownloadInput().url_prefix() == "/drafts"


def test_the_download_route_has_a_name_to_build_links_with():
    assert _app().url_for("draft_downloads.download", token="t", extension="md") == "/drafts/t/md"
