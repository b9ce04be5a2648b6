"""Stored drafts: unguessable tokens, nothing outside the drafts folder, deletion on request."""

import os
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from bot.draft.store import DraftStore, conversation_key, is_token

FILES = {"docx": b"PK-word", "md": "# Concept".encode("utf-8")}
NOW = datetime(2026, 11, 23, 12, 0, tzinfo=timezone.utc)


@pytest.fixture
def store(tmp_path):
    return DraftStore(tmp_path / "drafts")


def test_a_saved_draft_is_found_by_its_token(store):
    token = store.save("gesprek-1", FILES, "concept-samenwerkingsovereenkomst-2026-11-23")
    assert is_token(token) and len(token) == 32  # 24 random bytes: 192 bits
    found = store.find(token, "docx")
    assert found.path.read_bytes() == b"PK-word"
    assert found.download_name == "concept-samenwerkingsovereenkomst-2026-11-23.docx"
    assert found.disposition == "attachment"
    preview = store.find(token, "md")
    assert preview.media_type.startswith("text/plain") and preview.disposition == "inline"


def test_tokens_are_never_reused(store):
    tokens = {store.save("gesprek-1", FILES, "concept") for _ in range(50)}
    assert len(tokens) == 50 and store.tokens() == sorted(tokens)


@pytest.mark.parametrize("token", [
    "", "..", "../../etc/passwd", "%2e%2e%2fetc", "A" * 31, "A" * 33, "A" * 31 + "/",
    "A" * 31 + ".", "A" * 30 + "\x00A", "Ａ" * 32, "A" * 32 + "\n", "\n" + "A" * 32, " " + "A" * 32,
])
def test_anything_but_a_token_is_refused(store, token):
    store.save("gesprek-1", FILES, "concept")
    assert store.find(token, "docx") is None


def test_unknown_tokens_and_formats_find_nothing(store, tmp_path):
    token = store.save("gesprek-1", FILES, "concept")
    assert store.find("B" * 32, "docx") is None
    (tmp_path / "drafts" / token / "draft.exe").write_bytes(b"x")
    for extension in ("exe", "json", "../md", ""):
        assert store.find(token, extension) is None


def test_a_conversation_and_all_its_drafts_can_be_deleted(store):
    mine = [store.save("gesprek-1", FILES, "concept") for _ in range(2)]
    other = store.save("gesprek-2", FILES, "concept")
    assert store.delete_conversation("gesprek-1") == 2
    assert all(store.find(token, "docx") is None for token in mine)
    assert store.find(other, "docx") is not None


def test_old_drafts_expire(store):
    old = store.save("gesprek-1", FILES, "concept", now=NOW - timedelta(days=31))
    recent = store.save("gesprek-1", FILES, "concept", now=NOW - timedelta(days=29))
    assert store.delete_older_than(30, now=NOW) == 1
    assert store.find(old, "docx") is None and store.find(recent, "docx") is not None


def test_stored_metadata_does_not_name_the_conversation(store, tmp_path):
    token = store.save("school-x-gebruiker-42", FILES, "concept")
    meta = (tmp_path / "drafts" / token / "draft.json").read_text(encoding="utf-8")
    assert "school-x" not in meta and conversation_key("school-x-gebruiker-42") in meta


def test_unknown_formats_cannot_be_saved(store):
    with pytest.raises(ValueError):
        store.save("gesprek-1", {"html": b"<p>"}, "concept")


def test_an_expired_draft_is_not_found_even_before_it_is_deleted(tmp_path):
    keeping = DraftStore(tmp_path / "drafts", retention_days=30)
    old = keeping.save("gesprek-1", FILES, "concept", now=datetime.now(timezone.utc) - timedelta(days=31))
    fresh = keeping.save("gesprek-1", FILES, "concept")
    assert keeping.find(old, "docx") is None and keeping.find(fresh, "docx") is not None
    assert DraftStore(tmp_path / "drafts").find(old, "docx") is not None


def test_a_conversation_keeps_only_its_newest_drafts(tmp_path):
    store = DraftStore(tmp_path / "drafts", per_conversation=2)
    made = [store.save("veel", FILES, "c", now=NOW + timedelta(minutes=n)) for n in range(4)]
    other = store.save("ander", FILES, "c", now=NOW - timedelta(days=1))
    assert sorted(store.tokens()) == sorted(made[2:] + [other])
    assert store.find(made[3], "docx") is not None and store.find(made[0], "docx") is None


def test_without_a_limit_every_draft_is_kept(store):
    made = [store.save("veel", FILES, "c", now=NOW + timedelta(minutes=n)) for n in range(4)]
    assert sorted(store.tokens()) == sorted(made)


def test_a_token_with_a_trailing_newline_is_not_a_token(store):
    token = store.save("gesprek-1", FILES, "concept")
    assert is_token(token) and not is_token(token + "\n")
    assert store.find(token + "\n", "md") is None


def test_listing_skips_what_is_not_a_draft_folder(store):
    token = store.save("gesprek-1", FILES, "concept")
    (store.root / ("B" * 32)).write_text("een bestand, geen map", encoding="utf-8")
    (store.root / "notes").mkdir()
    assert store.tokens() == [token]


def test_a_draft_exactly_at_the_age_limit_is_kept(store):
    at_limit = store.save("gesprek-1", FILES, "concept", now=NOW - timedelta(days=30))
    assert store.delete_older_than(30, now=NOW) == 0 and store.exists(at_limit)


def test_a_format_that_was_not_stored_is_not_found(store):
    token = store.save("gesprek-1", {"docx": b"PK"}, "concept")
    assert store.find(token, "md") is None and store.exists(token)
    assert sorted(p.name for p in (store.root / token).iterdir()) == ["draft.docx", "draft.json"]


def test_unknown_formats_are_named_in_the_error(store):
    with pytest.raises(ValueError, match=r"unknown draft formats \['html', 'pdf'\]"):
        store.save("gesprek-1", {"html": b"<p>", "pdf": b"%", "md": b"#"}, "concept")
    assert store.tokens() == []


def test_a_draft_without_its_record_is_not_found_and_survives_deletion_sweeps(store):
    token = store.save("gesprek-1", FILES, "concept")
    (store.root / token / "draft.json").write_text("{niet json", encoding="utf-8")
    assert store.find(token, "docx") is None
    assert store.delete_conversation("gesprek-1") == 0 and store.delete_older_than(0) == 0


def test_a_draft_is_written_beside_the_others_then_moved_into_place(store, monkeypatch):
    moves = []
    real_replace = os.replace

    def replace(source, target):
        moves.append((Path(source), Path(target)))
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", replace)
    token = store.save("gesprek-1", FILES, "concept")
    [(source, target)] = moves
    assert source.parent == store.root and source.name.startswith(".new-") and target == store.root / token


def test_retention_counts_from_the_moment_of_asking(tmp_path):
    keeping = DraftStore(tmp_path, retention_days=30)
    meta = {"created": (NOW - timedelta(days=30)).isoformat()}
    assert not keeping._expired(meta, now=NOW)
    assert keeping._expired(meta, now=NOW + timedelta(seconds=1))


def test_a_path_that_is_no_token_never_belongs_to_a_conversation(tmp_path):
    import json
    from datetime import datetime, timezone
    from bot.draft.store import META_FILE, conversation_key

    outside = tmp_path / "elsewhere"
    outside.mkdir()
    meta = {"conversation": conversation_key("c1"), "created": datetime.now(timezone.utc).isoformat(), "name": "x"}
    (outside / META_FILE).write_text(json.dumps(meta), encoding="utf-8")
    (tmp_path / "drafts").mkdir()
    store = DraftStore(tmp_path / "drafts")
    assert not store.belongs_to("../elsewhere", "c1")
