"""Starting the servers a benchmark measures: the assistant as `make run` starts it, and the
stock assistant of `rasa init`; time to the first answer and peak memory."""

import json
import os
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path
from typing import Dict, List, Optional

from bench import RASA
from bot.settings import PROJECT_ROOT



def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def peak_memory_mb(pid: int) -> float:
    """Peak resident memory of a process (VmHWM), in MB."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def children(pid: int) -> List[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in path.read_text().split()] if path.exists() else []


class Server:
    """A started server process group, reachable at ``url``."""

    def __init__(self, command: List[str], port: int, env: Dict[str, str], cwd: Path, log: Path):
        self.port = port
        self.url = f"http://127.0.0.1:{port}/webhooks/rest/webhook"
        self.started = time.perf_counter()
        self.log = log
        self.process = subprocess.Popen(
            command, cwd=cwd, env=env, stdout=log.open("ab"), stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.first_answer_seconds = self._wait_for_first_answer()

    def _wait_for_first_answer(self, timeout: float = 600) -> float:
        deadline = time.monotonic() + timeout
        body = json.dumps({"sender": "bench-probe", "message": "hallo"}).encode()
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited; see {self.log}")
            try:
                request = urllib.request.Request(self.url, data=body, headers={"Content-Type": "application/json"})
                with urllib.request.urlopen(request, timeout=10) as response:
                    if response.status == 200:
                        return time.perf_counter() - self.started
            except OSError:
                time.sleep(0.5)
        raise RuntimeError(f"no answer within {timeout} s; see {self.log}")

    def pids(self) -> List[int]:
        """The process and all its descendants."""
        found, queue = [], [self.process.pid]
        while queue:
            pid = queue.pop()
            found.append(pid)
            queue.extend(children(pid))
        return found

    def stop(self) -> None:
        try:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=30)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            try:
                os.killpg(self.process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass


def start_assistant(state_dir: Path, settings: Optional[Dict[str, str]] = None) -> Server:
    """The assistant as `make run` starts it (install and training are already done), with
    ``settings`` (environment variables) on top."""
    state_dir.mkdir(parents=True, exist_ok=True)
    rasa_port, action_port = free_port(), free_port()
    env = {**os.environ, "RASA_PORT": str(rasa_port), "ACTION_PORT": str(action_port),
           "ASSISTANT_STATE_DIR": str(state_dir), **(settings or {})}
    return Server(["make", "--no-print-directory", "run"], rasa_port, env, PROJECT_ROOT,
                  state_dir / "serve.log")


def start_stock(project: Path, state_dir: Path) -> Server:
    """The stock `rasa init` assistant, served the stock way (`rasa run`)."""
    port = free_port()
    env = {**os.environ, "RASA_TELEMETRY_ENABLED": "false"}
    command = [RASA, "run", "--port", str(port), "--model", "models"]
    return Server(command, port, env, project, state_dir / "stock.log")


def resident_mb(pid: int) -> Dict[str, float]:
    """Peak and current resident memory of a process, and its proportional share (PSS: pages
    shared with other processes counted in part), in MB."""
    figures = {"peak_rss": peak_memory_mb(pid), "rss": float("nan"), "pss": float("nan")}
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            name, _, value = line.partition(":")
            if name in ("Rss", "Pss"):
                figures[name.lower()] = int(value.split()[0]) / 1024
    except OSError:
        pass
    return figures


def _pids_running(server: Server, name_hint: str) -> List[int]:
    """The server's processes whose command line contains ``name_hint``."""
    found = []
    for pid in server.pids():
        try:
            command = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        if name_hint in command:
            found.append(pid)
    return found


def rasa_processes(server: Server, name_hint: str = "run --model") -> List[Dict[str, float]]:
    """The memory of each process of the Rasa server: Sanic's main process and its workers."""
    return [{"pid": pid, **resident_mb(pid)} for pid in _pids_running(server, name_hint)]


def server_memory(server: Server, name_hint: str) -> Optional[float]:
    """Peak memory of the process whose command line contains ``name_hint``."""
    pids = _pids_running(server, name_hint)
    return peak_memory_mb(pids[0]) if pids else None
