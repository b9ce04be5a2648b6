"""The domain, the rules and the actions agree with each other."""

import json
import re

import yaml
from rasa_sdk.executor import ActionExecutor

from bot.settings import PROJECT_ROOT

DOMAIN = yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text(encoding="utf-8"))


def _rule_steps():
    for path in (PROJECT_ROOT / "data").rglob("*.yml"):
        document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for block in document.get("rules", []) + document.get("stories", []):
            yield from block.get("steps", [])


def test_the_action_server_serves_exactly_the_actions_the_domain_declares():
    executor = ActionExecutor()
    executor.register_package("actions")
    assert sorted(executor.actions) == sorted(DOMAIN["actions"])


def test_the_domain_is_sent_to_exactly_the_actions_that_read_it():
    """The action endpoint sends the domain only to the actions Rasa's domain says need it (by
    name, `validate_...`, or marked `send_domain`): rasa-sdk's form validations read the form's
    slots from it, and no other action of ours reads it."""
    from rasa.shared.core.domain import Domain
    from rasa_sdk.forms import ValidationAction

    executor = ActionExecutor()
    executor.register_package("actions")
    readers = {name for name, action in executor.actions.items()
               if isinstance(getattr(action, "__self__", None), ValidationAction)}
    domain = Domain.load(str(PROJECT_ROOT / "domain.yml"))
    assert readers == {"validate_interview_form", "validate_feedback_remark_form"}
    assert {n for n in DOMAIN["actions"] if domain.does_custom_action_explicitly_need_domain(n)} == readers


def test_every_response_the_actions_use_exists():
    source = "\n".join(p.read_text(encoding="utf-8") for p in (PROJECT_ROOT / "actions").glob("*.py"))
    used = set(re.findall(r'response="(utter_[a-z_]+)"', source))
    assert used and used <= set(DOMAIN["responses"])


def test_button_payloads_name_known_intents():
    intents = set(DOMAIN["intents"]) | {"nlu_fallback"}
    for name, variants in DOMAIN["responses"].items():
        for variant in variants:
            for button in variant.get("buttons", []):
                intent = re.match(r"/(\w+)", button["payload"]).group(1)
                assert intent in intents, (name, button)


def test_user_facing_texts_address_the_reader_formally():
    informal = re.compile(r"\b(je|jij|jou|jouw)\b", re.IGNORECASE)
    for name, variants in DOMAIN["responses"].items():
        for variant in variants:
            assert not informal.search(variant["text"]), name


def _response_strings():
    for variants in DOMAIN["responses"].values():
        for variant in variants:
            yield variant.get("text", "")
            for button in variant.get("buttons", []):
                yield button["payload"]


def test_rasa_fills_every_response_without_an_error():
    """Rasa treats {...} as a slot placeholder; a literal brace must be doubled to survive."""
    from rasa.core.nlg.interpolator import interpolate_text

    for text in _response_strings():
        filled = interpolate_text(text, {})
        assert "{{" not in filled and "{0[" not in filled, text
        if text.startswith("/") and "{" in text:
            json.loads(filled[filled.index("{"):])  # the entities stay valid JSON
        placeholders = re.findall(r"(?<!\{)\{([^{}\n]+)\}(?!\})", text)
        assert placeholders == [], f"response fills unknown slots {placeholders}: {text[:60]}"


def test_the_messages_the_code_composes_address_the_reader_formally():
    from bot import messages

    informal = re.compile(r"\b(je|jij|jou|jouw)\b", re.IGNORECASE)
    texts = {name: value for name, value in vars(messages).items()
             if name.isupper() and isinstance(value, (str, dict))}
    assert len(texts) > 30
    for name, value in texts.items():
        text = value if isinstance(value, str) else value["title"]
        assert not informal.search(text), name
