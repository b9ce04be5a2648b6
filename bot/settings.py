"""Every setting the assistant reads from the environment, in one place.

Defaults run the whole assistant on one machine with no other service: conversations in a
SQLite file under ``.state/``. ``.env.example`` lists the variables.
"""

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Mapping, Optional, Tuple

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def _split(value: str) -> Tuple[str, ...]:
    return tuple(part.strip() for part in value.split(",") if part.strip())


@dataclass(frozen=True)
class Settings:
    """The assistant's settings; ``from_environment`` reads them."""

    host: str = "127.0.0.1"
    rasa_port: int = 5005
    action_port: int = 5055
    state_dir: Path = PROJECT_ROOT / ".state"
    model_path: Path = PROJECT_ROOT / "models" / "assistant.tar.gz"
    tracker_db_dialect: str = "sqlite"
    tracker_db: str = ""
    allowed_origins: Tuple[str, ...] = field(
        default=("http://localhost:5005", "http://127.0.0.1:5005")
    )
    public_url: str = ""
    draft_retention_days: int = 30

    @classmethod
    def from_environment(cls, environ: Optional[Mapping[str, str]] = None) -> "Settings":
        """Settings from environment variables, with the embedded defaults for what is unset."""
        env = os.environ if environ is None else environ
        defaults = cls()
        state_dir = Path(env.get("ASSISTANT_STATE_DIR") or defaults.state_dir)
        return cls(
            host=env.get("ASSISTANT_HOST") or defaults.host,
            rasa_port=int(env.get("RASA_PORT") or defaults.rasa_port),
            action_port=int(env.get("ACTION_PORT") or defaults.action_port),
            state_dir=state_dir,
            model_path=Path(env.get("ASSISTANT_MODEL") or defaults.model_path),
            tracker_db_dialect=env.get("TRACKER_DB_DIALECT") or defaults.tracker_db_dialect,
            tracker_db=env.get("TRACKER_DB") or str(state_dir / "conversations.db"),
            allowed_origins=_split(env.get("ALLOWED_ORIGINS", "")) or defaults.allowed_origins,
            public_url=env.get("ASSISTANT_PUBLIC_URL", "").rstrip("/"),
            draft_retention_days=int(
                env.get("DRAFT_RETENTION_DAYS") or defaults.draft_retention_days
            ),
        )

    @property
    def bot_url(self) -> str:
        """The address users reach the bot at (for download links); localhost by default."""
        return self.public_url or f"http://localhost:{self.rasa_port}"

    @property
    def drafts_dir(self) -> Path:
        """Where draft documents wait to be downloaded."""
        return self.state_dir / "drafts"

    @property
    def action_server_url(self) -> str:
        """Where the Rasa server reaches the action server."""
        return f"http://127.0.0.1:{self.action_port}/webhook"

    @property
    def rest_webhook_url(self) -> str:
        """The REST channel's address."""
        return f"http://localhost:{self.rasa_port}/webhooks/rest/webhook"

    def endpoint_environment(self) -> Dict[str, str]:
        """The variables that ``endpoints.yml`` expands."""
        return {
            "ACTION_SERVER_URL": self.action_server_url,
            "TRACKER_DB_DIALECT": self.tracker_db_dialect,
            "TRACKER_DB": self.tracker_db,
        }
