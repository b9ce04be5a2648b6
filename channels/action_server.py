"""Start the action server (`python -m channels.action_server`): rasa-sdk's app, closed off.

rasa-sdk's own ``rasa run actions`` listens on every interface (it reads ``SANIC_HOST``), answers
anyone, lists every action, allows every origin and accepts bodies of up to 100 MB. Here the same
app, built by rasa-sdk's ``create_app``:
- listens on ``ACTION_INTERFACE`` (default 127.0.0.1);
- answers only requests that carry ``Authorization: Bearer <ACTION_SERVER_TOKEN>``, the secret
  that ``scripts/serve.py`` gives the Rasa server and the action server (``/health`` excepted);
- refuses bodies larger than ``ACTION_MAX_REQUEST_BYTES`` (413) and compressed bodies (415);
- sends no CORS headers: no browser page may call it;
- loads what the actions keep before it serves, and then freezes it (``channels.heap``).
"""

import hmac
import logging
import sys
from typing import Any, Optional

from rasa_sdk import utils
from rasa_sdk.endpoint import create_app
from sanic import Sanic, response
from sanic.exceptions import PayloadTooLarge
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.agreement.topics import load_topics
from bot.draft.document import load_format
from bot.interview.catalogue import load_catalogue
from bot.knowledge.base import load_knowledge
from bot.knowledge.search import load_search
from bot.settings import ACTION_TOKEN_VARIABLE, Settings
from channels.heap import freeze_after_start

ACTIONS_PACKAGE = "actions"
OPEN_PATHS = frozenset({"/health"})


def is_authorised(header: Optional[str], token: str) -> bool:
    """Whether an Authorization header carries exactly ``Bearer <token>``."""
    if not token or not header:
        return False
    return hmac.compare_digest(header.encode("utf-8"), f"Bearer {token}".encode("utf-8"))


async def load_what_actions_keep(app: Sanic, loop: Any) -> None:
    """Sanic listener for ``before_server_start``: load the knowledge, its passage search, the
    interview's catalogue, the agreement's topics and the format, which the actions would
    otherwise load at their first use (the search takes seconds), so that no user waits for
    them and they are frozen with the rest."""
    load_knowledge()
    load_search()
    load_catalogue()
    load_topics()
    load_format()


def build_app(settings: Settings) -> Sanic:
    """rasa-sdk's action server app with the secret, size and encoding checks in front."""
    if not settings.action_server_token:
        raise ValueError(f"{ACTION_TOKEN_VARIABLE} is not set: the action server needs a secret")
    app = create_app(ACTIONS_PACKAGE, cors_origins=None)
    app.config.REQUEST_MAX_SIZE = settings.action_max_request_bytes
    app.register_listener(load_what_actions_keep, "before_server_start")
    app.register_listener(freeze_after_start, "after_server_start")
    token = settings.action_server_token

    @app.middleware("request")
    async def check_request(request: Request) -> Optional[HTTPResponse]:
        if request.path in OPEN_PATHS:
            return None
        if not is_authorised(request.headers.get("Authorization"), token):
            return response.json({"error": "unauthorised"}, status=401)
        if request.headers.get("Content-Encoding"):
            return response.json({"error": "compressed bodies are not accepted"}, status=415)
        return None

    @app.exception(PayloadTooLarge)
    async def too_large(request: Request, exception: PayloadTooLarge) -> HTTPResponse:
        return response.json({"error": "request too large"}, status=413)

    return app


def main() -> int:
    """Run the action server with the settings from the environment."""
    settings = Settings.from_environment()
    utils.configure_colored_logging(logging.INFO)
    utils.update_sanic_log_level()
    try:
        app = build_app(settings)
    except ValueError as error:
        print(f"The action server cannot start: {error}.", file=sys.stderr)
        return 2
    logging.getLogger(__name__).info(
        "Action server on %s:%s (secret required).", settings.action_interface, settings.action_port
    )
    app.run(settings.action_interface, settings.action_port, workers=1, access_log=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
