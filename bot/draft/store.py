"""Where drafts wait to be downloaded: one folder per draft, named by an unguessable token.

Drafts are files under the state folder, so they survive a restart. A token is 192 random bits;
anything that is not exactly a token's shape is refused before the file system is touched, so a
download address can never reach a file outside the drafts folder.
"""

import hashlib
import json
import os
import re
import secrets
import shutil
import tempfile
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Dict, List, Mapping, Optional

TOKEN_BYTES = 24
_TOKEN = re.compile(r"[A-Za-z0-9_-]{32}")
META_FILE = "draft.json"


@dataclass(frozen=True)
class DraftFormat:
    """A file format a draft is stored in."""

    extension: str
    media_type: str
    disposition: str


FORMATS: Dict[str, DraftFormat] = {
    "docx": DraftFormat(
        "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "attachment",
    ),
    # Shown in the browser as plain text: a preview, never interpreted as a page.
    "md": DraftFormat("md", "text/plain; charset=utf-8", "inline"),
}


@dataclass(frozen=True)
class StoredFile:
    """A draft file found for a download: where it is and the name to save it under."""

    path: Path
    download_name: str
    media_type: str
    disposition: str


def conversation_key(conversation_id: str) -> str:
    """The conversation's id as stored beside its drafts: hashed, so files name nobody."""
    return hashlib.sha256(conversation_id.encode("utf-8")).hexdigest()


def is_token(token: str) -> bool:
    """Whether a string has exactly the shape of a draft token."""
    return bool(_TOKEN.fullmatch(token or ""))


class DraftStore:
    """Drafts on disk under ``root``: saved, found by token, deleted by conversation or age.

    With ``retention_days``, a draft older than that is no longer found, even before it is
    deleted. With ``per_conversation``, saving a draft deletes that conversation's older drafts
    beyond the newest ``per_conversation``, so no conversation can fill the disk.
    """

    def __init__(
        self, root: Path, retention_days: Optional[float] = None,
        per_conversation: Optional[int] = None, formats: Mapping[str, DraftFormat] = FORMATS,
    ) -> None:
        self.root = Path(root)
        self.retention_days = retention_days
        self.per_conversation = per_conversation
        self.formats = dict(formats)
        if any(f"draft.{stored.extension}" == META_FILE for stored in self.formats.values()):
            raise ValueError(f"a draft format may not be stored as the record {META_FILE}")

    def save(
        self, conversation_id: str, files: Mapping[str, bytes], name: str,
        now: Optional[datetime] = None,
    ) -> str:
        """Store one draft's files and return its new token. ``name`` is the download name stem."""
        unknown = set(files) - set(self.formats)
        if unknown:
            raise ValueError(f"unknown draft formats {sorted(unknown)}")
        self.root.mkdir(parents=True, exist_ok=True)
        token = secrets.token_urlsafe(TOKEN_BYTES)
        staging = Path(tempfile.mkdtemp(prefix=".new-", dir=self.root))
        for extension, content in files.items():
            (staging / f"draft.{extension}").write_bytes(content)
        created = (now or datetime.now(timezone.utc)).isoformat()
        meta = {"conversation": conversation_key(conversation_id), "created": created, "name": name}
        (staging / META_FILE).write_text(json.dumps(meta), encoding="utf-8")
        os.replace(staging, self.root / token)
        if self.per_conversation is not None:
            self._keep_newest(meta["conversation"], self.per_conversation)
        return token

    def find(self, token: str, extension: str) -> Optional[StoredFile]:
        """The stored file for a token and format, or ``None`` for anything else."""
        draft_format = self.formats.get(extension)
        if draft_format is None or not is_token(token):
            return None
        folder = self.root / token
        path = folder / f"draft.{draft_format.extension}"
        meta = self._meta(folder)
        if meta is None or not path.is_file() or self._expired(meta):
            return None
        return StoredFile(
            path, f"{meta['name']}.{draft_format.extension}", draft_format.media_type,
            draft_format.disposition,
        )

    def exists(self, token: str) -> bool:
        """Whether a draft with this token is still stored."""
        return self.find(token, next(iter(self.formats))) is not None

    def belongs_to(self, token: str, conversation_id: str) -> bool:
        """Whether a stored, unexpired draft with this token was saved for this conversation."""
        meta = self._meta(self.root / token) if is_token(token) else None
        return (meta is not None and not self._expired(meta)
                and meta.get("conversation") == conversation_key(conversation_id))

    def newest(self, conversation_id: str) -> Optional[str]:
        """The token of the conversation's newest unexpired draft, if it has one."""
        key = conversation_key(conversation_id)
        found = []
        for token in self.tokens():
            meta = self._meta(self.root / token)
            if meta is not None and meta.get("conversation") == key and not self._expired(meta):
                found.append((meta["created"], token))
        return max(found)[1] if found else None

    def delete_conversation(self, conversation_id: str) -> int:
        """Delete every draft of a conversation; returns how many were deleted."""
        key = conversation_key(conversation_id)
        return self._delete(lambda meta: meta.get("conversation") == key)

    def delete_older_than(self, days: float, now: Optional[datetime] = None) -> int:
        """Delete drafts created more than ``days`` ago; returns how many were deleted."""
        limit = (now or datetime.now(timezone.utc)) - timedelta(days=days)
        return self._delete(lambda meta: datetime.fromisoformat(meta["created"]) < limit)

    def tokens(self) -> List[str]:
        """Every stored draft's token."""
        if not self.root.is_dir():
            return []
        return sorted(p.name for p in self.root.iterdir() if is_token(p.name) and p.is_dir())

    def _expired(self, meta: Mapping[str, str], now: Optional[datetime] = None) -> bool:
        if self.retention_days is None:
            return False
        limit = (now or datetime.now(timezone.utc)) - timedelta(days=self.retention_days)
        return datetime.fromisoformat(meta["created"]) < limit

    def _meta(self, folder: Path) -> Optional[Dict[str, str]]:
        try:
            return json.loads((folder / META_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def _keep_newest(self, key: str, keep: int) -> None:
        """Delete a conversation's drafts beyond its ``keep`` newest ones."""
        drafts = []
        for token in self.tokens():
            meta = self._meta(self.root / token)
            if meta is not None and meta.get("conversation") == key:
                drafts.append((meta["created"], token))
        for _created, token in sorted(drafts, reverse=True)[max(keep, 1):]:
            shutil.rmtree(self.root / token, ignore_errors=True)

    def _delete(self, matches) -> int:
        deleted = 0
        for token in self.tokens():
            meta = self._meta(self.root / token)
            if meta is not None and matches(meta):
                shutil.rmtree(self.root / token, ignore_errors=True)
                deleted += 1
        return deleted
