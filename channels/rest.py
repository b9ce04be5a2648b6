"""The REST channel at /webhooks/rest/webhook, with the request checked before Rasa reads it.

Rasa's own REST channel answers a malformed body with a 500, and a body without a sender joins
the shared "default" conversation. Here both get a clear 400; anything but a JSON body gets a
415, so a page on another site cannot post into a conversation without the browser asking first
(a cross-site ``text/plain`` request needs no preflight); and a failure while handling a message
is logged without the message text and answered in Dutch.
"""

import logging
import re
from typing import Any, Awaitable, Callable, Dict, Optional, Text

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint
from sanic.exceptions import InvalidUsage, SanicException
from sanic.request import Request

from bot import messages

logger = logging.getLogger(__name__)
MAX_SENDER_CHARS = 128
SENDER = re.compile(r"[A-Za-z0-9._:@-]{1,%d}" % MAX_SENDER_CHARS)
JSON_MEDIA_TYPE = "application/json"


class UnsupportedMediaType(SanicException):
    """A body that is not JSON (415): the client's mistake, so not logged as an error."""

    status_code = 415
    quiet = True


def is_sender(sender: Any) -> bool:
    """Whether a value is an acceptable conversation id: 1-128 of A-Z a-z 0-9 . _ : @ -."""
    return isinstance(sender, str) and SENDER.fullmatch(sender) is not None


def _body(request: Request) -> Dict[str, Any]:
    media_type = (request.headers.get("Content-Type") or "").split(";")[0].strip().lower()
    if media_type != JSON_MEDIA_TYPE:
        raise UnsupportedMediaType(f"Send the message as {JSON_MEDIA_TYPE}.")
    body = request.json
    if not isinstance(body, dict):
        raise InvalidUsage('Send a JSON object: {"sender": "<conversation id>", "message": "<text>"}.')
    return body


class CheckedRestInput(RestInput):
    """Rasa's REST channel, refusing malformed requests with a 400."""

    @classmethod
    def name(cls) -> Text:
        return "rest"

    async def _extract_sender(self, req: Request) -> Optional[Text]:
        sender = _body(req).get("sender")
        if not is_sender(sender):
            raise InvalidUsage(
                f'"sender" must be a conversation id of 1-{MAX_SENDER_CHARS} characters: '
                "letters A-Z, digits and . : @ _ - only."
            )
        return sender

    def _extract_message(self, req: Request) -> Optional[Text]:
        message = _body(req).get("message")
        if not isinstance(message, str):
            raise InvalidUsage('"message" must be text.')
        return message

    def _extract_input_channel(self, req: Request) -> Text:
        return self.name()

    def get_metadata(self, request: Request) -> Optional[Dict[Text, Any]]:
        return None

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        async def handle(message: UserMessage) -> None:
            try:
                await on_new_message(message)
            except Exception:  # noqa: BLE001 - answer the user, log without their text
                logger.exception("Handling a message failed (conversation %s).", message.sender_id)
                await message.output_channel.send_text_message(message.sender_id, messages.FAILURE)

        return super().blueprint(handle)
