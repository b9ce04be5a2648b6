"""The way to a person: the contact route the school configures, as a Dutch message."""

from bot import messages
from bot.settings import Settings


def contact_text(settings: Settings, after_failure: bool = False) -> str:
    """The contact route from the settings (e-mail, phone, web page), or the default text."""
    routes = []
    if settings.contact_email:
        routes.append(messages.CONTACT_EMAIL.format(value=settings.contact_email))
    if settings.contact_phone:
        routes.append(messages.CONTACT_PHONE.format(value=settings.contact_phone))
    if settings.contact_url:
        routes.append(messages.CONTACT_URL.format(value=settings.contact_url))
    lead = messages.CONTACT_AFTER_FAILURE if after_failure else messages.CONTACT_ASKED
    if not routes:
        return f"{lead} {messages.CONTACT_DEFAULT}"
    return f"{lead} {messages.CONTACT_CONFIGURED}\n\n" + "\n".join(f"- {r}" for r in routes)
