"""The way to a person: the configured routes, or the default text."""

from bot import messages
from bot.feedback.contact import contact_text
from bot.settings import Settings


def test_without_routes_the_default_text_follows_the_request():
    text = contact_text(Settings.from_environment({}))
    assert text == f"{messages.CONTACT_ASKED} {messages.CONTACT_DEFAULT}"


def test_every_configured_route_is_listed_after_a_failure_too():
    settings = Settings.from_environment({
        "CONTACT_EMAIL": "vragen@school.nl", "CONTACT_PHONE": "010 123 45 67",
        "CONTACT_URL": "https://school.nl/contact"})
    text = contact_text(settings, after_failure=True)
    assert text.startswith(f"{messages.CONTACT_AFTER_FAILURE} {messages.CONTACT_CONFIGURED}\n\n")
    assert text.splitlines()[-3:] == [
        "- " + messages.CONTACT_EMAIL.format(value="vragen@school.nl"),
        "- " + messages.CONTACT_PHONE.format(value="010 123 45 67"),
        "- " + messages.CONTACT_URL.format(value="https://school.nl/contact")]
