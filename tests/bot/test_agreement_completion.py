"""Keeping the answers of a checked agreement until the user completes it, and the offer."""

import json
from datetime import datetime, timedelta, timezone

from bot.agreement import messages
from bot.agreement.check import check_document
from bot.agreement.completion import (
    completion_store, load_prefill, mode_buttons, mode_in, offer, store_prefill,
)
from bot.draft.store import DraftStore
from bot.privacy import expire_drafts, forget_conversation
from bot.settings import PROJECT_ROOT, Settings

HELDOUT = PROJECT_ROOT / "tests" / "heldout" / "agreements"


def _result(name):
    return check_document((HELDOUT / name).read_bytes())


def test_the_answers_are_kept_for_the_conversation_that_checked_and_never_the_document(tmp_path):
    store = completion_store(tmp_path, 30, 3)
    result = _result("vakmanschapsroute_old.docx")
    token = store_prefill(result, "gesprek-1", store)
    folder = tmp_path / token
    assert sorted(p.name for p in folder.iterdir()) == ["draft.answers", "draft.json"]
    stored = json.loads((folder / "draft.answers").read_text(encoding="utf-8"))
    assert set(stored) == {"answers", "unclear", "topics", "reference"}
    assert load_prefill(store, "gesprek-1", token) == result.prefill
    assert load_prefill(store, "gesprek-1") == result.prefill  # "aanvullen" typed: the newest
    assert load_prefill(store, "iemand-anders", token) is None


def test_nothing_is_kept_when_every_topic_is_covered(tmp_path):
    store = completion_store(tmp_path, 30, 3)
    assert store_prefill(_result("full_format.docx"), "gesprek", store) is None
    assert offer(None) is None and store.tokens() == []


def test_answers_older_than_the_retention_are_not_found(tmp_path):
    store = completion_store(tmp_path, 30, 3)
    old = datetime.now(timezone.utc) - timedelta(days=31)
    store_prefill(_result("vakmanschapsroute_old.docx"), "gesprek", store, old)
    assert load_prefill(store, "gesprek") is None


def test_forget_and_the_retention_job_delete_the_kept_answers(tmp_path):
    settings = Settings.from_environment({"ASSISTANT_STATE_DIR": str(tmp_path), "DRAFT_RETENTION_DAYS": "7"})
    store = completion_store(settings.completions_dir, 7, 3)
    result = _result("vakmanschapsroute_old.docx")
    store_prefill(result, "te-vergeten", store)
    store_prefill(result, "blijft", store, datetime.now(timezone.utc) - timedelta(days=8))
    kept = store_prefill(result, "blijft", store)
    assert forget_conversation("te-vergeten", settings)["agreement_answers"] == 1
    assert expire_drafts(settings) == 1
    assert DraftStore(settings.completions_dir).tokens() == [kept]


def test_the_offer_and_its_buttons():
    token = "A" * 32
    made = offer(token)
    assert made["question"] == messages.OFFER_COMPLETION == "Wilt u de ontbrekende onderwerpen nu aanvullen?"
    assert made["token"] == token and set(made) == {"token", "question", "buttons"}
    assert made["buttons"] == [
        {"title": "Ja, aanvullen", "payload": '/complete_agreement{"completion":"' + token + '"}'},
        {"title": "Nee, nu niet", "payload": "/decline_completion"},
    ]
    assert [b["payload"] for b in mode_buttons(token)] == [
        '/complete_agreement{"completion":"' + token + '","completion_mode":"addendum"}',
        '/complete_agreement{"completion":"' + token + '","completion_mode":"draft"}',
    ]
    assert mode_buttons(None)[0]["payload"] == '/complete_agreement{"completion_mode":"addendum"}'


def test_the_kind_of_document_in_own_words():
    assert mode_in("als aanvulling graag") == "addendum"
    assert mode_in("een addendum") == "addendum"
    assert mode_in("liever een nieuwe versie") == "draft"
    assert mode_in("aanvullen") is None and mode_in("een nieuwe aanvulling") is None
    assert mode_in("") is None and mode_in(None) is None


def test_the_store_takes_the_retention_and_the_number_per_conversation_from_the_settings(tmp_path):
    from bot.agreement.completion import completion_store_for

    settings = Settings.from_environment({"ASSISTANT_STATE_DIR": str(tmp_path),
                                          "DRAFT_RETENTION_DAYS": "7", "DRAFTS_PER_CONVERSATION": "2"})
    store = completion_store_for(settings)
    assert (store.root, store.retention_days, store.per_conversation) == (
        settings.completions_dir, 7, 2)
    made = completion_store(tmp_path, 30, 3)
    assert (made.retention_days, made.per_conversation) == (30, 3)


def test_a_token_of_another_conversation_gives_the_conversation_s_own_newest(tmp_path):
    store = completion_store(tmp_path, 30, 3)
    result = _result("vakmanschapsroute_old.docx")
    mine = store_prefill(result, "gesprek", store)
    theirs = store_prefill(result, "ander-gesprek", store)
    assert mine != theirs
    assert load_prefill(store, "gesprek", theirs) == result.prefill
    assert load_prefill(store, "nog-een-gesprek", None) is None


def test_a_button_s_token_finds_its_own_answers_though_newer_ones_were_kept(tmp_path):
    store = completion_store(tmp_path, 30, 3)
    older, newer = _result("vakmanschapsroute_old.docx"), _result("format_two_missing.docx")
    assert older.prefill != newer.prefill
    first = store_prefill(older, "gesprek", store, datetime.now(timezone.utc) - timedelta(days=1))
    store_prefill(newer, "gesprek", store)
    assert load_prefill(store, "gesprek", first) == older.prefill
    assert load_prefill(store, "gesprek") == newer.prefill


def test_the_answers_are_kept_as_readable_utf8_json_under_the_assistant_s_name(tmp_path):
    store = completion_store(tmp_path, 30, 3)
    result = _result("vakmanschapsroute_old.docx")
    token = store_prefill(result, "gesprek", store)
    raw = (tmp_path / token / "draft.answers").read_bytes()
    assert "€".encode("utf-8") in raw and b"\\u20ac" not in raw
    record = json.loads((tmp_path / token / "draft.json").read_text(encoding="utf-8"))
    assert "antwoorden-uit-overeenkomst" in json.dumps(record)
