"""The widget's files: all served from the bot, none pointing at another host."""

import re

from channels.widget import FILES, WIDGET_DIR, widget_path

URL = re.compile(r"""(?:https?:)?//[A-Za-z0-9.-]+""")


def test_every_served_file_exists():
    for name in FILES:
        assert widget_path(name).is_file(), name


def test_nothing_is_loaded_from_another_host():
    for name in FILES:
        text = widget_path(name).read_text(encoding="utf-8")
        code = re.sub(r"/\*.*?\*/", "", text, flags=re.S)  # the usage comment names <bot-host>
        assert URL.findall(code) == [], name


def test_only_the_listed_files_are_served():
    served = {filename for filename, _media_type in FILES.values()}
    assert served == {"widget.js", "demo.html", "demo-nieuws.html"}
    assert {p.name for p in WIDGET_DIR.iterdir()} == served


def test_messages_are_never_inserted_as_html():
    script = widget_path("widget.js").read_text(encoding="utf-8")
    assert "innerHTML" not in script and "insertAdjacentHTML" not in script
    assert "document.write" not in script and "eval(" not in script


async def test_the_routes_serve_the_script_and_the_demo_pages_with_their_headers(monkeypatch):
    from sanic import Sanic

    from channels.widget import DEMO_POLICY, WidgetInput
    from tests.channels.conftest import served

    monkeypatch.setattr(Sanic, "test_mode", True)
    channel = WidgetInput()
    assert channel.name() == "widget"
    app = Sanic("widget_test")
    app.blueprint(channel.blueprint(lambda message: None), url_prefix=channel.url_prefix())
    async with served(app) as client:
        script_status, script_headers, script = await client.request("GET", "/widget/widget.js")
        demo_status, demo_headers, _demo = await client.request("GET", "/widget/demo")
        news_status, news_headers, _news = await client.request("GET", "/widget/demo/nieuws")
        missing, _h, _b = await client.request("GET", "/widget/demo.html")
    assert script_status == 200 and script == widget_path("widget.js").read_bytes()
    assert script_headers["Content-Type"] == "application/javascript; charset=utf-8"
    assert script_headers["X-Content-Type-Options"] == "nosniff"
    assert "Content-Security-Policy" not in script_headers
    assert demo_status == news_status == 200
    assert demo_headers["Content-Security-Policy"] == news_headers["Content-Security-Policy"] == DEMO_POLICY
    assert missing == 404
