"""Draft downloads, served by the Rasa server at /drafts/<token>/<docx|md>."""

from typing import Any, Awaitable, Callable, Text

from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.draft.store import DraftStore
from bot.settings import Settings

NOT_FOUND = "Dit concept bestaat niet (meer). Vraag de assistent om een nieuwe downloadlink."
SAFE_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "private, no-store",
    "Referrer-Policy": "no-referrer",
    "Content-Security-Policy": "default-src 'none'; sandbox",
}


class DraftDownloadInput(InputChannel):
    """Not a chat channel: it only serves stored drafts to whoever holds their token."""

    @classmethod
    def name(cls) -> Text:
        return "drafts"

    def url_prefix(self) -> Text:
        # An absolute prefix puts the routes at /drafts rather than under /webhooks/.
        return "/drafts"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        settings = Settings.from_environment()
        store = DraftStore(settings.drafts_dir, settings.draft_retention_days)
        downloads = Blueprint("draft_downloads")

        @downloads.route("/<token>/<extension>", methods=["GET", "HEAD"])
        async def download(request: Request, token: Text, extension: Text) -> HTTPResponse:
            found = store.find(token, extension)
            if found is None:
                return response.text(NOT_FOUND, status=404, headers=SAFE_HEADERS)
            disposition = f'{found.disposition}; filename="{found.download_name}"'
            return await response.file(
                found.path, mime_type=found.media_type,
                headers={**SAFE_HEADERS, "Content-Disposition": disposition},
            )

        return downloads
