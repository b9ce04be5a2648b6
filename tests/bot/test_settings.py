"""Settings from the environment: embedded defaults, scale-out, and secrets kept out of files."""

import pytest

from bot.settings import PASSWORD_REFERENCE, Settings


def test_the_defaults_need_no_other_service(tmp_path):
    settings = Settings.from_environment({"ASSISTANT_STATE_DIR": str(tmp_path)})
    endpoints = settings.endpoints()
    assert endpoints["tracker_store"] == {
        "type": "SQL", "dialect": "sqlite", "db": str(tmp_path / "conversations.db"),
    }
    assert "lock_store" not in endpoints
    assert endpoints["action_endpoint"]["url"] == "http://127.0.0.1:5055/webhook"
    # Only the actions marked `send_domain` in domain.yml are sent the domain.
    assert endpoints["action_endpoint"]["enable_selective_domain"] is True
    assert settings.allowed_origins == ("http://localhost:5005", "http://127.0.0.1:5005")
    assert settings.api_token == "" and settings.draft_retention_days == 30


def test_postgresql_and_redis_are_chosen_by_environment_variables():
    settings = Settings.from_environment({
        "TRACKER_DB_DIALECT": "postgresql", "TRACKER_DB": "assistant",
        "TRACKER_DB_HOST": "db.intern", "TRACKER_DB_PORT": "5432", "TRACKER_DB_USER": "rasa",
        "TRACKER_DB_PASSWORD": "s3cret", "LOCK_STORE_REDIS_HOST": "redis.intern",
        "ACTION_HOST": "10.0.0.5", "ALLOWED_ORIGINS": "https://intranet.school.nl, https://x.nl",
    })
    endpoints = settings.endpoints()
    assert endpoints["tracker_store"] == {
        "type": "SQL", "dialect": "postgresql", "db": "assistant", "url": "db.intern",
        "port": 5432, "username": "rasa", "password": PASSWORD_REFERENCE,
    }
    assert endpoints["lock_store"] == {
        "type": "redis", "url": "redis.intern", "port": 6379, "db": 1, "key_prefix": "assistant",
    }
    assert endpoints["action_endpoint"]["url"] == "http://10.0.0.5:5055/webhook"
    assert settings.allowed_origins == ("https://intranet.school.nl", "https://x.nl")
    assert "s3cret" not in repr(endpoints) and "s3cret" not in repr(settings)


def test_the_api_token_is_never_shown():
    settings = Settings.from_environment({"RASA_API_TOKEN": "heel-geheim"})
    assert settings.api_token == "heel-geheim" and "heel-geheim" not in repr(settings)


def test_a_malformed_number_is_a_clear_error():
    with pytest.raises(ValueError, match="RASA_PORT must be a whole number"):
        Settings.from_environment({"RASA_PORT": "vijf"})


def test_the_action_server_listens_locally_and_its_secret_is_only_referenced():
    settings = Settings.from_environment({"ACTION_SERVER_TOKEN": "zeer-geheim"})
    assert settings.action_interface == "127.0.0.1"
    assert settings.action_max_request_bytes == 16 * 1024 * 1024
    assert settings.drafts_per_conversation == 3
    endpoint = settings.endpoints()["action_endpoint"]
    assert endpoint["headers"] == {"Authorization": "Bearer ${ACTION_SERVER_TOKEN}"}
    assert "zeer-geheim" not in repr(settings) and "zeer-geheim" not in repr(settings.endpoints())
    assert settings.action_server_token == "zeer-geheim"


def test_the_action_server_limits_come_from_the_environment():
    settings = Settings.from_environment({
        "ACTION_INTERFACE": "10.1.2.3", "ACTION_MAX_REQUEST_BYTES": "1000",
        "DRAFTS_PER_CONVERSATION": "5",
    })
    assert (settings.action_interface, settings.action_max_request_bytes,
            settings.drafts_per_conversation) == ("10.1.2.3", 1000, 5)


def test_report_retention_and_contact_route_settings():
    default = Settings.from_environment({})
    assert (default.report_retention_days, default.contact_email, default.contact_phone,
            default.contact_url) == (90, "", "", "")
    settings = Settings.from_environment({
        "REPORT_RETENTION_DAYS": "30", "CONTACT_EMAIL": " vragen@school.nl ",
        "CONTACT_PHONE": "010 123 45 67", "CONTACT_URL": "https://school.nl/contact",
        "ASSISTANT_STATE_DIR": "/tmp/s"})
    assert (settings.report_retention_days, settings.contact_email, settings.contact_phone,
            settings.contact_url) == (30, "vragen@school.nl", "010 123 45 67",
                                      "https://school.nl/contact")
    assert settings.report_db.name == "report.db" and settings.report_db.parent.name == "s"


def test_an_empty_environment_gives_the_embedded_defaults_exactly():
    import dataclasses

    settings = Settings.from_environment({})
    defaults = Settings()
    assert settings == dataclasses.replace(defaults, tracker_db=str(defaults.state_dir / "conversations.db"))
    assert (settings.action_server_token, settings.tracker_db_host, settings.tracker_db_user,
            settings.lock_store_host, settings.tracker_db_port) == ("", "", "", "", 0)


def test_the_server_s_address_model_limits_and_redis_database_come_from_the_environment(tmp_path):
    settings = Settings.from_environment({
        "ASSISTANT_HOST": "10.1.2.3", "ASSISTANT_MODEL": str(tmp_path / "model.tar.gz"),
        "ASSISTANT_PUBLIC_URL": "https://intranet.school.nl/assistentX/", "MAX_REQUEST_BYTES": "1234",
        "LOCK_STORE_REDIS_HOST": "redis.intern", "LOCK_STORE_REDIS_PORT": "6380", "LOCK_STORE_REDIS_DB": "3",
    })
    assert settings.host == "10.1.2.3" and settings.model_path == tmp_path / "model.tar.gz"
    assert settings.public_url == "https://intranet.school.nl/assistentX" and settings.max_request_bytes == 1234
    assert (settings.lock_store_port, settings.lock_store_db) == (6380, 3)
    assert settings.bot_url == "https://intranet.school.nl/assistentX"
