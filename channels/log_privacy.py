"""Keep what users type, and what their conversations hold, out of the Rasa server's logs.

Rasa 3.6 writes such text in three ways, whatever the log level:
1. structlog events whose keys are user text, responses or slot values (``user_text``,
   ``response``, ``slot_values``, ...). Rasa's log set-up runs every event through
   ``rasa.utils.log_utils._anonymizer``, which changes nothing unless Rasa Pro is installed;
   ours replaces the value of every such key with ``REDACTED``.
2. Tracebacks rendered as dictionaries: ``structlog.processors.dict_tracebacks``, which Rasa's
   log set-up uses, shows every frame's local variables (a whole conversation's slots). It is
   replaced by one that shows no locals.
3. Warnings about a message that starts with "/" and does not parse quote the whole message:
   they join Rasa's list of expected warnings (``rasa.utils.common.EXPECTED_WARNINGS``), which
   Rasa does not show above the DEBUG level (a user's typing is nothing an operator can act on).

Both replacements are looked up by Rasa when it configures logging, so ``install`` must run
before that; tests compare them with Rasa's own and fail when an upgrade moves them.
"""

from typing import Any, Dict

REDACTED = "[verborgen]"
UNPARSED_COMMAND_WARNING = r"Failed to parse arguments in line"
# The keys Rasa 3.6's own anonymiser treats as personal data (rasa/utils/log_utils.py).
PERSONAL_KEYS = frozenset({
    "text", "response_text", "user_text", "slot_values", "parse_data_text",
    "parse_data_entities", "prediction_events", "tracker_latest_message", "prefilled_slots",
    "message", "response", "slot_candidates", "rasa_event", "rasa_events", "tracker_states",
    "current_states", "old_states", "successes", "current_entity", "next_entity", "states",
    "entity", "token_text", "user_message", "json_message",
})


def redact(_logger: Any, _method: str, event_dict: Dict[str, Any]) -> Dict[str, Any]:
    """A structlog processor: the value of every personal key becomes ``REDACTED``."""
    for key in PERSONAL_KEYS & event_dict.keys():
        event_dict[key] = REDACTED
    return event_dict


def tracebacks_without_locals() -> Any:
    """structlog's dictionary traceback renderer, without the frames' local variables."""
    from structlog.processors import ExceptionRenderer
    from structlog.tracebacks import ExceptionDictTransformer

    return ExceptionRenderer(ExceptionDictTransformer(show_locals=False))


def install() -> None:
    """Apply all three protections; call before Rasa configures its logging."""
    import structlog.processors
    from rasa.utils import common, log_utils

    log_utils._anonymizer = redact
    structlog.processors.dict_tracebacks = tracebacks_without_locals()
    expected = (UserWarning, UNPARSED_COMMAND_WARNING)
    if expected not in common.EXPECTED_WARNINGS:
        common.EXPECTED_WARNINGS.append(expected)
