"""The agreements set is complete and its expectations quote the agreements themselves."""

from pathlib import Path

import yaml

from bot.settings import PROJECT_ROOT

FOLDER = PROJECT_ROOT / "tests" / "heldout" / "agreements"
STATUSES = {"covered", "partly", "missing", "not_applicable"}


def _manifest():
    return yaml.safe_load((FOLDER / "manifest.yml").read_text(encoding="utf-8"))


def _normalised(text: str) -> str:
    return " ".join(text.split())


def test_every_agreement_is_there_with_a_status_for_each_topic():
    entries = _manifest()
    assert len(entries) >= 10
    for entry in entries:
        assert (FOLDER / entry["file"]).is_file(), entry["file"]
        assert set(entry["topics"]) == set("abcdefghij"), entry["file"]
        assert {t["status"] for t in entry["topics"].values()} <= STATUSES, entry["file"]
        assert entry["kind"] in {"agreement", "interne_regeling", "unreadable"}, entry["file"]


def test_every_quoted_passage_is_in_the_agreement_it_comes_from():
    for entry in _manifest():
        if not entry.get("source_text"):
            continue
        source = _normalised((FOLDER / entry["source_text"]).read_text(encoding="utf-8"))
        for topic, found in entry["topics"].items():
            if found.get("evidence"):
                assert _normalised(found["evidence"]) in source, (entry["file"], topic)
