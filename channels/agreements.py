"""Checking an uploaded agreement: POST /agreements/check, and its report at /agreements/reports.

The upload is read as a stream, so the chat's small request limit (MAX_REQUEST_BYTES) stays as it
is for every other route while this one takes files up to AGREEMENT_MAX_BYTES. The file is only
ever held in memory: it is checked and dropped, never stored, served back or logged. What is
stored is the report (Markdown and Word), under a random token, deleted like a draft.
"""

import asyncio
import logging
import secrets
from datetime import date
from urllib.parse import parse_qs
from typing import Any, Awaitable, Callable, Dict, Optional, Text, Tuple

from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request, parse_multipart_form
from sanic.response import HTTPResponse

from bot.agreement import messages
from bot.agreement.check import CheckResult, check_document, check_pasted_text
from bot.agreement.completion import completion_store_for, offer, store_prefill
from bot.agreement.reading import Limits, Unreadable, megabytes
from bot.agreement.service import report_links, store_report, summary_text, topic_lines
from bot.draft.store import DraftStore
from bot.settings import Settings
from channels.drafts import SAFE_HEADERS
from channels.rest import is_sender

logger = logging.getLogger(__name__)
PREFIX = "/agreements"  # REPORTS_PATH in bot.agreement.service lies under it
# Room for the multipart envelope around the file: boundaries, headers, a sender field.
MULTIPART_OVERHEAD = 16 * 1024


def _json(body: Dict[str, Any], status: int = 200) -> HTTPResponse:
    return response.json(body, status=status, headers=SAFE_HEADERS)


def _error(reason: str, message: str, status: int) -> HTTPResponse:
    return _json({"error": reason, "message": message}, status)


def allowed_origin(origin: Optional[str], settings: Settings) -> bool:
    """Whether a browser page at ``origin`` may upload: the same origins as the chat."""
    return not origin or origin in settings.allowed_origins or origin == settings.bot_url


async def read_body(request: Request, limit: int) -> Optional[bytes]:
    """The streamed body, or None when it grows beyond ``limit`` bytes."""
    declared = request.headers.get("Content-Length")
    if declared and declared.isdigit() and int(declared) > limit:
        return None
    chunks, size = [], 0
    while True:
        chunk = await request.stream.read()
        if chunk is None:
            return b"".join(chunks)
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)


def upload_of(request: Request, body: bytes) -> Tuple[Optional[bytes], Optional[str], str]:
    """The uploaded file's bytes or the pasted text, and the conversation id, from a form."""
    media_type, _, parameters = (request.headers.get("Content-Type") or "").partition(";")
    media_type = media_type.strip().lower()
    if media_type == "application/x-www-form-urlencoded":
        form = parse_qs(body.decode("utf-8"), max_num_fields=10)
        return None, (form.get("text") or [None])[0], (form.get("sender") or [""])[0]
    if media_type != "multipart/form-data" or "boundary=" not in parameters:
        return None, None, ""
    boundary = parameters.split("boundary=", 1)[1].split(";")[0].strip().strip('"')
    fields, files = parse_multipart_form(body, boundary.encode("utf-8"))
    sender = fields.get("sender", "")
    upload = files.get("file")
    text = fields.get("text")
    return (upload.body if upload is not None else None), text, sender


def check_upload(data: Optional[bytes], text: Optional[str], limits: Limits) -> CheckResult:
    """Check the file, or the pasted text; raises ``Unreadable``."""
    if data is not None:
        return check_document(data, limits)
    return check_pasted_text(text or "", limits)


class AgreementCheckInput(InputChannel):
    """Not a chat channel: it checks uploaded agreements and serves their reports."""

    @classmethod
    def name(cls) -> Text:
        return "agreements"

    def url_prefix(self) -> Text:
        return PREFIX

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        settings = Settings.from_environment()
        limits = Limits(settings.agreement_max_bytes, settings.agreement_max_pages)
        store = DraftStore(settings.reports_dir, settings.draft_retention_days,
                           settings.drafts_per_conversation)
        answers = completion_store_for(settings)
        routes = Blueprint("agreement_check")

        @routes.route("/check", methods=["POST"], stream=True)
        async def check(request: Request) -> HTTPResponse:
            if not allowed_origin(request.headers.get("Origin"), settings):
                return _error("origin", messages.UPLOAD_FOREIGN_ORIGIN, 403)
            body = await read_body(request, limits.max_bytes + MULTIPART_OVERHEAD)
            if body is None:
                too_large = messages.TOO_LARGE.format(limit=megabytes(limits.max_bytes))
                return _error("too_large", too_large, 413)
            try:
                data, text, sender = upload_of(request, body)
            except Exception:  # noqa: BLE001 - a malformed form is the client's mistake
                data, text, sender = None, None, ""
            if data is None and not text:
                return _error("no_file", messages.UPLOAD_NO_FILE, 400)
            conversation = sender if is_sender(sender) else secrets.token_urlsafe(16)
            try:
                result = await asyncio.get_running_loop().run_in_executor(
                    None, check_upload, data, text, limits)
            except Unreadable as refused:
                return _error(refused.reason, refused.message, 422)
            except Exception as error:  # noqa: BLE001 - log the kind of failure, never the document
                logger.error("Checking an uploaded agreement failed: %s.", type(error).__name__)
                return _error("failed", messages.UPLOAD_FAILED, 500)
            finally:
                data = text = body = None  # the upload is not kept beyond the check
            token = store_report(result, conversation, store, date.today())
            # Only the answers the document gives are kept, for the user to go on with.
            completion = store_prefill(result, conversation, answers)
            return _json({
                **result.as_json(),
                "summary": summary_text(result),
                "topic_lines": topic_lines(result),
                "report": report_links(token, settings.bot_url).as_json(),
                "completion": offer(completion),
            })

        @routes.route("/reports/<token>/<extension>", methods=["GET", "HEAD"])
        async def report(request: Request, token: Text, extension: Text) -> HTTPResponse:
            found = store.find(token, extension)
            if found is None:
                return response.text(messages.REPORT_NOT_FOUND, status=404, headers=SAFE_HEADERS)
            disposition = f'{found.disposition}; filename="{found.download_name}"'
            return await response.file(
                found.path, mime_type=found.media_type,
                headers={**SAFE_HEADERS, "Content-Disposition": disposition},
            )

        return routes
