"""Start the Rasa server and the action server together, and stop them together.

Ctrl-C or SIGTERM stops both; if either one exits, the other is stopped too, so no process is
left behind. ``--shell`` opens ``rasa shell`` against a running action server instead.

Usage: python scripts/serve.py [--shell]
"""

import os
import secrets
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Dict, List, Optional

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.language import available_pipeline  # noqa: E402
from bot.settings import ACTION_TOKEN_VARIABLE, PROJECT_ROOT, Settings  # noqa: E402

STOP_TIMEOUT_SECONDS = 15
RASA = str(Path(sys.executable).with_name("rasa"))


def _environment(settings: Settings) -> Dict[str, str]:
    """Both servers' environment, with the action server's secret: the one set, or a new one."""
    env = dict(os.environ)
    env[ACTION_TOKEN_VARIABLE] = settings.action_server_token or secrets.token_urlsafe(32)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(PROJECT_ROOT), env.get("PYTHONPATH")]))
    env.setdefault("RASA_TELEMETRY_ENABLED", "false")
    env.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    env.setdefault("SQLALCHEMY_SILENCE_UBER_WARNING", "1")
    return env


def action_server_command(settings: Settings) -> List[str]:
    """The command that runs the action server (rasa-sdk's app, see channels/action_server.py)."""
    return [sys.executable, "-m", "channels.action_server"]


def write_endpoints(settings: Settings) -> Path:
    """Write the endpoints the settings choose to the state folder; returns its path."""
    path = settings.state_dir / f"endpoints-{settings.rasa_port}.yml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(settings.server_endpoints(), sort_keys=False), encoding="utf-8")
    return path


def rasa_server_command(settings: Settings, endpoints: Path) -> List[str]:
    """The command that runs the Rasa server with its channels.

    The HTTP API (trackers, model, conversations) is off unless RASA_API_TOKEN is set; then it
    answers only requests that carry that token. The chat channels are always public.
    """
    command = [
        sys.executable, "-m", "channels.server", "run",  # `rasa run`, see channels/server.py
        "--model", str(settings.model_path),
        "--endpoints", str(endpoints),
        "--credentials", "credentials.yml",
        "--interface", settings.host,
        "--port", str(settings.rasa_port),
        "--cors", *settings.allowed_origins,
    ]
    if settings.api_token:
        command += ["--enable-api", "--auth-token", settings.api_token]
    return command


def rasa_server_environment(settings: Settings, env: Dict[str, str]) -> Dict[str, str]:
    """The Rasa server's environment: requests larger than the limit are refused (413), and
    as many Sanic workers as the settings ask (Rasa allows more than one only with a lock store
    that works across processes, which ``Settings.server_endpoints`` chooses)."""
    return {**env, "SANIC_REQUEST_MAX_SIZE": str(settings.max_request_bytes),
            "SANIC_WORKERS": str(settings.workers)}


def _start(command: List[str], env: Dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen(command, cwd=PROJECT_ROOT, env=env, start_new_session=True)


def _stop(processes: List[subprocess.Popen]) -> None:
    """Ask each process group to stop, then kill what is still there after the timeout."""
    for process in processes:
        if process.poll() is None:
            _signal_group(process, signal.SIGTERM)
    deadline = time.monotonic() + STOP_TIMEOUT_SECONDS
    for process in processes:
        try:
            process.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            _signal_group(process, signal.SIGKILL)
            process.wait()


def _signal_group(process: subprocess.Popen, signum: int) -> None:
    try:
        os.killpg(process.pid, signum)
    except ProcessLookupError:
        pass


def _wait_until_up(url: str, process: subprocess.Popen, timeout: float = 180) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return True
        except OSError:
            time.sleep(0.5)
    return False


def main(argv: List[str]) -> int:
    """Run both servers (or the action server and a shell) until stopped."""
    settings = Settings.from_environment()
    if not settings.model_path.exists():
        print(f"No trained model at {settings.model_path}: run `make train` first.", file=sys.stderr)
        return 1
    settings.state_dir.mkdir(parents=True, exist_ok=True)
    env = _environment(settings)
    print(f"Language: {available_pipeline().describe()}.", flush=True)
    processes: List[subprocess.Popen] = []
    stopping: Optional[int] = None

    def request_stop(signum: int, _frame: object) -> None:
        nonlocal stopping
        stopping = signum

    signal.signal(signal.SIGTERM, request_stop)
    signal.signal(signal.SIGINT, request_stop)
    try:
        endpoints = write_endpoints(settings)
        processes.append(_start(action_server_command(settings), env))
        if "--shell" in argv:
            shell = ["--model", str(settings.model_path), "--endpoints", str(endpoints)]
            return subprocess.call([RASA, "shell", *shell], cwd=PROJECT_ROOT, env=env)
        command = rasa_server_command(settings, endpoints)
        processes.append(_start(command, rasa_server_environment(settings, env)))
        if _wait_until_up(f"http://127.0.0.1:{settings.rasa_port}/", processes[-1]):
            print(f"The assistant is ready: {settings.rest_webhook_url}", flush=True)
            print(f"Demo intranet page with the chat widget: {settings.bot_url}/widget/demo", flush=True)
        while stopping is None and all(p.poll() is None for p in processes):
            time.sleep(0.3)
        return 0 if stopping is not None else 1
    finally:
        _stop(processes)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
