"""The chat widget's files and a demo intranet page, served by the Rasa server at /widget/.

Everything the widget needs comes from here, so an intranet loads nothing from third parties.
"""

from pathlib import Path
from typing import Any, Awaitable, Callable, Dict, Text

from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.settings import PROJECT_ROOT

WIDGET_DIR = PROJECT_ROOT / "widget"
# The only files served, by the name in the address: nothing else under widget/ is reachable.
FILES: Dict[str, tuple] = {
    "widget.js": ("widget.js", "application/javascript; charset=utf-8"),
    "demo": ("demo.html", "text/html; charset=utf-8"),
    "demo/nieuws": ("demo-nieuws.html", "text/html; charset=utf-8"),
}
HEADERS = {"X-Content-Type-Options": "nosniff", "Cache-Control": "no-cache"}
# The demo pages run only the widget, from this server.
DEMO_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'"
)


class WidgetInput(InputChannel):
    """Not a chat channel: it serves the widget script and the demo page."""

    @classmethod
    def name(cls) -> Text:
        return "widget"

    def url_prefix(self) -> Text:
        return "/widget"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        files = Blueprint("widget_files")

        async def serve(name: str) -> HTTPResponse:
            filename, media_type = FILES[name]
            headers = dict(HEADERS)
            if media_type.startswith("text/html"):
                headers["Content-Security-Policy"] = DEMO_POLICY
            return await response.file(WIDGET_DIR / filename, mime_type=media_type, headers=headers)

        @files.route("/widget.js", methods=["GET", "HEAD"])
        async def script(request: Request) -> HTTPResponse:
            return await serve("widget.js")

        @files.route("/demo", methods=["GET", "HEAD"])
        async def demo(request: Request) -> HTTPResponse:
            return await serve("demo")

        @files.route("/demo/nieuws", methods=["GET", "HEAD"])
        async def demo_news(request: Request) -> HTTPResponse:
            return await serve("demo/nieuws")

        return files


def widget_path(name: str) -> Path:
    """Where a served widget file lives (for tests and size reports)."""
    return WIDGET_DIR / FILES[name][0]
