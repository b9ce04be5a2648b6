"""A process forked by the Rasa server's launcher (a Sanic worker) dies when the launcher dies."""

import subprocess
import sys
import time

import pytest

CHILD_OUTLIVES_PARENT = """
import os, sys, time
from channels.server import make_forked_processes_die_with_parent
make_forked_processes_die_with_parent()
child = os.fork()
if child == 0:
    time.sleep(60)
    os._exit(0)
print(child, flush=True)
os._exit(0)
"""


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/status") as status:
            return "zombie" not in status.read()
    except FileNotFoundError:
        return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl is Linux's")
def test_a_forked_worker_dies_with_its_parent():
    output = subprocess.run([sys.executable, "-c", CHILD_OUTLIVES_PARENT], capture_output=True,
                            text=True, timeout=30, check=True).stdout
    child = int(output.split()[0])
    deadline = time.monotonic() + 10
    while _alive(child) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _alive(child)
