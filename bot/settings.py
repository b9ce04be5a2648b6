"""Every setting the assistant reads from the environment, in one place.

Defaults run the whole assistant on one machine with no other service: conversations in a
SQLite file under ``.state/``. Setting the tracker database to PostgreSQL and a Redis lock
store lets several Rasa servers share the conversations. ``.env.example`` lists the variables.
Secrets (the database password, the HTTP API token, the action server's token) are only ever
read from the environment.
"""

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, Mapping, Optional, Tuple

PROJECT_ROOT = Path(__file__).resolve().parent.parent
# Rasa expands ${...} in endpoints.yml from the environment, so the password is never written.
PASSWORD_REFERENCE = "${TRACKER_DB_PASSWORD}"
# The secret the Rasa server shows its action server; written to endpoints only as a reference.
ACTION_TOKEN_VARIABLE = "ACTION_SERVER_TOKEN"
ACTION_AUTHORIZATION_REFERENCE = "Bearer ${%s}" % ACTION_TOKEN_VARIABLE
# Rasa's extension points this project fills (custom tracker store and lock store).
BOUNDED_TRACKER_STORE = "channels.tracker_store.BoundedSQLTrackerStore"
MACHINE_LOCK_STORE = "channels.lock_store.SQLiteLockStore"


def _split(value: str) -> Tuple[str, ...]:
    return tuple(part.strip() for part in value.split(",") if part.strip())


# A conversation's window holds at least the turn before the latest: the user message and the
# assistant's reply that the actions look back for ("Was dit antwoord nuttig?", the previous
# question). 0 loads the whole session, as Rasa's own tracker store does.
MIN_WINDOW_TURNS = 2


def check_window_turns(turns: int) -> int:
    """``turns`` if it is a usable window (0, or at least MIN_WINDOW_TURNS); else ValueError."""
    if turns != 0 and turns < MIN_WINDOW_TURNS:
        raise ValueError(f"CONVERSATION_WINDOW_TURNS must be 0 (the whole session) or at least "
                         f"{MIN_WINDOW_TURNS}, not {turns}")
    return turns


def _int(env: Mapping[str, str], name: str, default: int) -> int:
    value = env.get(name) or ""
    try:
        return int(value) if value else default
    except ValueError:
        raise ValueError(f"{name} must be a whole number, not {value!r}") from None


@dataclass(frozen=True)
class Settings:
    """The assistant's settings; ``from_environment`` reads them."""

    host: str = "127.0.0.1"
    rasa_port: int = 5005
    action_port: int = 5055
    action_host: str = "127.0.0.1"
    action_interface: str = "127.0.0.1"
    action_server_token: str = field(default="", repr=False)
    action_max_request_bytes: int = 16 * 1024 * 1024
    state_dir: Path = PROJECT_ROOT / ".state"
    model_path: Path = PROJECT_ROOT / "models" / "assistant.tar.gz"
    tracker_db_dialect: str = "sqlite"
    tracker_db: str = ""
    tracker_db_host: str = ""
    tracker_db_port: int = 0
    tracker_db_user: str = ""
    tracker_db_has_password: bool = False
    lock_store_host: str = ""
    lock_store_port: int = 6379
    lock_store_db: int = 1
    api_token: str = field(default="", repr=False)
    allowed_origins: Tuple[str, ...] = field(
        default=("http://localhost:5005", "http://127.0.0.1:5005")
    )
    public_url: str = ""
    draft_retention_days: int = 30
    drafts_per_conversation: int = 3
    max_request_bytes: int = 65536
    agreement_max_bytes: int = 5 * 1024 * 1024
    agreement_max_pages: int = 60
    report_retention_days: int = 90
    contact_email: str = ""
    contact_phone: str = ""
    contact_url: str = ""
    conversation_window_turns: int = 5
    rasa_workers: int = 0

    @classmethod
    def from_environment(cls, environ: Optional[Mapping[str, str]] = None) -> "Settings":
        """Settings from environment variables, with the embedded defaults for what is unset."""
        env = os.environ if environ is None else environ
        defaults = cls()
        state_dir = Path(env.get("ASSISTANT_STATE_DIR") or defaults.state_dir)
        return cls(
            host=env.get("ASSISTANT_HOST") or defaults.host,
            rasa_port=_int(env, "RASA_PORT", defaults.rasa_port),
            action_port=_int(env, "ACTION_PORT", defaults.action_port),
            action_host=env.get("ACTION_HOST") or defaults.action_host,
            action_interface=env.get("ACTION_INTERFACE") or defaults.action_interface,
            action_server_token=env.get(ACTION_TOKEN_VARIABLE, ""),
            action_max_request_bytes=_int(
                env, "ACTION_MAX_REQUEST_BYTES", defaults.action_max_request_bytes
            ),
            state_dir=state_dir,
            model_path=Path(env.get("ASSISTANT_MODEL") or defaults.model_path),
            tracker_db_dialect=env.get("TRACKER_DB_DIALECT") or defaults.tracker_db_dialect,
            tracker_db=env.get("TRACKER_DB") or str(state_dir / "conversations.db"),
            tracker_db_host=env.get("TRACKER_DB_HOST", ""),
            tracker_db_port=_int(env, "TRACKER_DB_PORT", 0),
            tracker_db_user=env.get("TRACKER_DB_USER", ""),
            tracker_db_has_password=bool(env.get("TRACKER_DB_PASSWORD")),
            lock_store_host=env.get("LOCK_STORE_REDIS_HOST", ""),
            lock_store_port=_int(env, "LOCK_STORE_REDIS_PORT", defaults.lock_store_port),
            lock_store_db=_int(env, "LOCK_STORE_REDIS_DB", defaults.lock_store_db),
            api_token=env.get("RASA_API_TOKEN", ""),
            allowed_origins=_split(env.get("ALLOWED_ORIGINS", "")) or defaults.allowed_origins,
            public_url=env.get("ASSISTANT_PUBLIC_URL", "").rstrip("/"),
            draft_retention_days=_int(env, "DRAFT_RETENTION_DAYS", defaults.draft_retention_days),
            drafts_per_conversation=_int(
                env, "DRAFTS_PER_CONVERSATION", defaults.drafts_per_conversation
            ),
            max_request_bytes=_int(env, "MAX_REQUEST_BYTES", defaults.max_request_bytes),
            agreement_max_bytes=_int(env, "AGREEMENT_MAX_BYTES", defaults.agreement_max_bytes),
            agreement_max_pages=_int(env, "AGREEMENT_MAX_PAGES", defaults.agreement_max_pages),
            report_retention_days=_int(
                env, "REPORT_RETENTION_DAYS", defaults.report_retention_days
            ),
            contact_email=env.get("CONTACT_EMAIL", "").strip(),
            contact_phone=env.get("CONTACT_PHONE", "").strip(),
            contact_url=env.get("CONTACT_URL", "").strip(),
            conversation_window_turns=check_window_turns(_int(
                env, "CONVERSATION_WINDOW_TURNS", defaults.conversation_window_turns
            )),
            rasa_workers=_int(env, "RASA_WORKERS", defaults.rasa_workers),
        )

    @property
    def bot_url(self) -> str:
        """The address users reach the bot at (for download links); localhost by default."""
        return self.public_url or f"http://localhost:{self.rasa_port}"

    @property
    def drafts_dir(self) -> Path:
        """Where draft documents wait to be downloaded (shared by every server of one site)."""
        return self.state_dir / "drafts"

    @property
    def reports_dir(self) -> Path:
        """Where the reports of checked agreements wait to be downloaded (never the uploads)."""
        return self.state_dir / "agreement-reports"

    @property
    def completions_dir(self) -> Path:
        """Where the answers taken from a checked agreement wait until the user completes it."""
        return self.state_dir / "agreement-answers"

    @property
    def report_db(self) -> Path:
        """The content owners' report data: counts, and only the texts the report may show."""
        return self.state_dir / "report.db"

    @property
    def lock_db(self) -> Path:
        """The lock store the Rasa workers of this machine share when there is no Redis."""
        return self.state_dir / "locks.db"

    @property
    def workers(self) -> int:
        """Rasa server worker processes: RASA_WORKERS, or one per core of the machine."""
        return self.rasa_workers if self.rasa_workers > 0 else max(1, os.cpu_count() or 1)

    @property
    def action_server_url(self) -> str:
        """Where the Rasa server reaches its action server."""
        return f"http://{self.action_host}:{self.action_port}/webhook"

    @property
    def rest_webhook_url(self) -> str:
        """The REST channel's address."""
        return f"http://localhost:{self.rasa_port}/webhooks/rest/webhook"

    def tracker_store(self) -> Dict[str, Any]:
        """Where conversations are stored: SQLite by default, or a database server."""
        store: Dict[str, Any] = {
            "type": "SQL", "dialect": self.tracker_db_dialect, "db": self.tracker_db,
        }
        if self.tracker_db_host:
            store["url"] = self.tracker_db_host
        if self.tracker_db_port:
            store["port"] = self.tracker_db_port
        if self.tracker_db_user:
            store["username"] = self.tracker_db_user
        if self.tracker_db_has_password:
            store["password"] = PASSWORD_REFERENCE
        return store

    def endpoints(self) -> Dict[str, Any]:
        """The Rasa server's endpoints: action server, tracker store and, if set, lock store."""
        endpoints: Dict[str, Any] = {
            "action_endpoint": {
                "url": self.action_server_url,
                "headers": {"Authorization": ACTION_AUTHORIZATION_REFERENCE},
                # The domain (some 46 KB of JSON) goes only to the actions that read it: the
                # form validations (`validate_...`, which Rasa's domain marks as needing it).
                "enable_selective_domain": True,
            },
            "tracker_store": self.tracker_store(),
        }
        if self.lock_store_host:
            endpoints["lock_store"] = {
                "type": "redis", "url": self.lock_store_host, "port": self.lock_store_port,
                "db": self.lock_store_db, "key_prefix": "assistant",
            }
        return endpoints

    def server_endpoints(self) -> Dict[str, Any]:
        """The endpoints ``make run`` serves with: those of ``endpoints()``, with the tracker
        store that loads only the recent part of a conversation (unless
        CONVERSATION_WINDOW_TURNS is 0) and, without Redis, a lock store that the workers of
        one machine share (channels/tracker_store.py, channels/lock_store.py)."""
        endpoints = self.endpoints()
        if self.conversation_window_turns > 0:
            endpoints["tracker_store"] = {
                **endpoints["tracker_store"], "type": BOUNDED_TRACKER_STORE,
                "window_turns": self.conversation_window_turns,
            }
        if "lock_store" not in endpoints and self.workers > 1:
            endpoints["lock_store"] = {"type": MACHINE_LOCK_STORE, "db": str(self.lock_db)}
        return endpoints
