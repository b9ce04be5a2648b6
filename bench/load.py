"""Load through the real REST channel: concurrent conversations, latency per message."""

import json
import math
import statistics
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Callable, Dict, List, Sequence

Script = Callable[[int], Sequence[str]]


@dataclass
class LoadResult:
    """Latency (ms) percentiles, throughput and errors of one load level."""

    users: int
    messages: int
    errors: int
    p50: float
    p95: float
    p99: float
    throughput: float


def percentile(values: Sequence[float], share: float) -> float:
    """The value below which ``share`` of the values lie (nearest rank)."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, math.ceil(round(share * len(ordered), 9)) - 1))
    return ordered[index]


def _post(url: str, sender: str, text: str, timeout: float) -> bool:
    body = json.dumps({"sender": sender, "message": text}).encode()
    request = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            json.loads(response.read())
            return response.status == 200
    except (urllib.error.URLError, OSError, ValueError):
        return False


def run_load(url: str, users: int, script: Script, run_id: str, timeout: float = 60) -> LoadResult:
    """``users`` conversations at once, each sending its script's messages one after another."""
    latencies: List[float] = []
    errors = 0
    lock = threading.Lock()

    def conversation(user: int) -> None:
        nonlocal errors
        sender = f"bench-{run_id}-{user}"
        for text in script(user):
            started = time.perf_counter()
            ok = _post(url, sender, text, timeout)
            elapsed = (time.perf_counter() - started) * 1000
            with lock:
                latencies.append(elapsed)
                errors += 0 if ok else 1

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=users) as pool:
        list(pool.map(conversation, range(users)))
    duration = time.perf_counter() - started
    return LoadResult(
        users=users, messages=len(latencies), errors=errors,
        p50=percentile(latencies, 0.50), p95=percentile(latencies, 0.95),
        p99=percentile(latencies, 0.99), throughput=len(latencies) / duration,
    )


def median_result(results: Sequence[LoadResult]) -> LoadResult:
    """The median of each figure over repeated runs of one level; errors are summed."""
    first = results[0]
    return LoadResult(
        users=first.users, messages=sum(r.messages for r in results),
        errors=sum(r.errors for r in results),
        p50=statistics.median(r.p50 for r in results), p95=statistics.median(r.p95 for r in results),
        p99=statistics.median(r.p99 for r in results),
        throughput=statistics.median(r.throughput for r in results),
    )


def as_dict(result: LoadResult) -> Dict[str, float]:
    return {key: round(value, 1) if isinstance(value, float) else value
            for key, value in result.__dict__.items()}


def prepare(url: str, users: int, history: Sequence[str], run_id: str, timeout: float = 120) -> int:
    """Bring ``users`` conversations (those ``run_load`` with the same ``run_id`` continues) to
    the end of ``history``, untimed, ten at a time; returns how many messages failed."""
    def conversation(user: int) -> int:
        sender = f"bench-{run_id}-{user}"
        return sum(0 if _post(url, sender, text, timeout) else 1 for text in history)

    with ThreadPoolExecutor(max_workers=min(users, 10)) as pool:
        return sum(pool.map(conversation, range(users)))
