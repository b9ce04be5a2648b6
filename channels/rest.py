"""The REST channel at /webhooks/rest/webhook, with the request checked before Rasa reads it.

Rasa's own REST channel answers a malformed body with a 500, and a body without a sender joins
the shared "default" conversation. Here both get a clear 400, and a failure while handling a
message is logged without the message text and answered in Dutch.
"""

import logging
import re
from typing import Any, Awaitable, Callable, Dict, Optional, Text

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint
from sanic.exceptions import InvalidUsage
from sanic.request import Request

from bot import messages

logger = logging.getLogger(__name__)
MAX_SENDER_CHARS = 128
_SENDER = re.compile(r"^[\w.:@-]+$")


def _body(request: Request) -> Dict[str, Any]:
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
        if not isinstance(sender, str) or not sender or len(sender) > MAX_SENDER_CHARS:
            raise InvalidUsage(f'"sender" must be a conversation id of 1-{MAX_SENDER_CHARS} characters.')
        if not _SENDER.match(sender):
            raise InvalidUsage('"sender" may hold letters, digits and . : @ _ - only.')
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
