"""Start the real Rasa server and action server (scripts/serve.py) for a test, and talk to them."""

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any, Dict, List, Optional

from bot.settings import PROJECT_ROOT

START_TIMEOUT_SECONDS = 240


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class RunningAssistant:
    """The assistant as ``make run`` starts it, on free ports with its own state folder."""

    def __init__(
        self, state_dir: Path, rasa_port: Optional[int] = None,
        env: Optional[Dict[str, str]] = None,
    ) -> None:
        self.state_dir = state_dir
        self.extra_env = dict(env or {})
        self.rasa_port = rasa_port or free_port()
        self.action_port = free_port()
        self.process: Optional[subprocess.Popen] = None
        self.log_path = state_dir / f"serve-{self.rasa_port}.log"

    @property
    def webhook(self) -> str:
        return f"http://127.0.0.1:{self.rasa_port}/webhooks/rest/webhook"

    def start(self) -> "RunningAssistant":
        self.state_dir.mkdir(parents=True, exist_ok=True)
        env = dict(os.environ)
        env.update(
            RASA_PORT=str(self.rasa_port),
            ACTION_PORT=str(self.action_port),
            ASSISTANT_STATE_DIR=str(self.state_dir),
            PYTHONUNBUFFERED="1",
        )
        env.update(self.extra_env)
        log = self.log_path.open("ab")
        self.process = subprocess.Popen(
            [sys.executable, "scripts/serve.py"], cwd=PROJECT_ROOT, env=env,
            stdout=log, stderr=subprocess.STDOUT,
        )
        self._wait_until_ready()
        return self

    def _wait_until_ready(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the assistant exited early:\n{self.log_tail()}")
            if self._port_open(self.rasa_port) and self._port_open(self.action_port):
                try:
                    self.send("readiness-probe", "hallo")
                    return
                except (OSError, urllib.error.URLError):
                    pass
            time.sleep(1)
        raise RuntimeError(f"the assistant did not start in time:\n{self.log_tail()}")

    @staticmethod
    def _port_open(port: int) -> bool:
        with socket.socket() as sock:
            return sock.connect_ex(("127.0.0.1", port)) == 0

    def log_tail(self, lines: int = 40) -> str:
        if not self.log_path.exists():
            return ""
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])

    def children(self) -> List[int]:
        """Process ids of the servers that the supervisor started."""
        path = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(pid) for pid in path.read_text().split()] if path.exists() else []

    def stop(self, signum: int = signal.SIGTERM) -> int:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signum)
            return self.process.wait(timeout=60)
        return self.process.returncode if self.process else 0

    def kill(self) -> None:
        """Kill the supervisor and both servers at once (SIGKILL), as a crash or power cut would."""
        pids = self.children() + [self.process.pid]
        for pid in pids:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        self.process.wait(timeout=30)
        deadline = time.monotonic() + 30
        while any(pid_alive(pid) for pid in pids) and time.monotonic() < deadline:
            time.sleep(0.2)

    def post(self, body: bytes, content_type: str = "application/json", timeout: float = 60) -> tuple:
        request = urllib.request.Request(
            self.webhook, data=body, headers={"Content-Type": content_type}, method="POST"
        )
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()

    def get(self, path: str, headers: Optional[Dict[str, str]] = None) -> tuple:
        """GET a path on the Rasa server: (status, headers (any case), body)."""
        request = urllib.request.Request(f"http://127.0.0.1:{self.rasa_port}{path}", headers=headers or {})
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return response.status, response.headers, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read()

    def send(self, sender: str, text: str, timeout: float = 60) -> List[Dict[str, Any]]:
        """Send one message through the REST channel; the bot's replies."""
        body_out = json.dumps({"sender": sender, "message": text}).encode()
        status, body = self.post(body_out, timeout=timeout)
        assert status == 200, (status, body[:300])
        return json.loads(body)


def pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    stat = Path(f"/proc/{pid}/stat")
    return not (stat.exists() and stat.read_text().split()[2] == "Z")


def reply_text(replies: List[Dict[str, Any]]) -> str:
    """The bot's replies as one text; the REST channel sends each paragraph as a message."""
    return "\n\n".join(reply.get("text", "") for reply in replies)
