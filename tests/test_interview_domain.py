"""The domain's slots, form and ask actions agree with the clause catalogue."""

import yaml

from actions.interview_questions import ASK_ACTIONS
from bot.interview.catalogue import SIGNATORIES_KEY, load_catalogue
from bot.settings import PROJECT_ROOT

DOMAIN = yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text(encoding="utf-8"))
KEYS = load_catalogue().keys


def test_the_form_asks_exactly_the_catalogue_steps_in_order():
    assert DOMAIN["forms"]["interview_form"]["required_slots"] == KEYS


def test_every_step_has_a_slot_filled_only_while_it_is_asked():
    for key in KEYS:
        [mapping] = DOMAIN["slots"][key]["mappings"]
        assert mapping["type"] == "from_text"
        assert mapping["conditions"] == [{"active_loop": "interview_form", "requested_slot": key}]
    assert DOMAIN["slots"][SIGNATORIES_KEY]["type"] == "list"


def test_no_slot_exists_without_a_step():
    interview_slots = {
        name for name, slot in DOMAIN["slots"].items()
        if any(m.get("conditions") for m in slot["mappings"])
        and name != "feedback_remark"  # the remark form's one slot (actions/feedback.py)
    }
    assert interview_slots == set(KEYS)


def test_every_step_has_an_ask_action_declared_and_implemented():
    declared = {a for a in DOMAIN["actions"] if a.startswith("action_ask_")}
    implemented = {action().name() for action in ASK_ACTIONS}
    assert declared == implemented == {f"action_ask_{key}" for key in KEYS}


def test_interview_slots_do_not_steer_the_dialogue():
    assert all(slot["influence_conversation"] is False for slot in DOMAIN["slots"].values())


def test_the_interview_blocks_of_the_domain_are_generated_from_the_catalogue():
    """`make domain` writes them; run it after changing bot/interview/catalogue.yml."""
    from scripts.interview_domain import blocks, generated

    text = (PROJECT_ROOT / "domain.yml").read_text(encoding="utf-8")
    assert generated(text) == text, "domain.yml drifted from the catalogue: run `make domain`"
    assert all(f"requested_slot: {key}\n" in blocks()["steps"] for key in KEYS)


def test_a_domain_without_the_generated_blocks_is_refused():
    import pytest

    from scripts.interview_domain import generated

    with pytest.raises(ValueError, match="needs the blocks"):
        generated("slots:\n  x:\n    type: any\n")
