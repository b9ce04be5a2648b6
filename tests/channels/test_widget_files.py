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
