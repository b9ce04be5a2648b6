"""Training times: from scratch, after changing only a response text, and the stock assistant."""

import os
import shutil
import subprocess
import time
from pathlib import Path
from typing import Dict

import yaml

from bench import RASA
from bot.settings import PROJECT_ROOT

CHANGED_RESPONSE = "utter_goodbye"


def _train(out: Path, cache: Path, log: Path, domain: Path = PROJECT_ROOT / "domain.yml") -> float:
    started = time.perf_counter()
    subprocess.run(
        [RASA, "train", "--config", "config.yml", "--domain", str(domain), "--data", "data",
         "--out", str(out), "--fixed-model-name", "assistant"],
        cwd=PROJECT_ROOT, check=True, stdout=log.open("ab"), stderr=subprocess.STDOUT,
        env={**os.environ, "RASA_CACHE_DIRECTORY": str(cache)},
    )
    return time.perf_counter() - started


def train_assistant(work: Path) -> Dict[str, float]:
    """Train from scratch (empty cache), then again with one response text changed."""
    cache, out, log = work / "cache", work / "models", work / "train.log"
    from_scratch = _train(out, cache, log)
    domain = yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text(encoding="utf-8"))
    domain["responses"][CHANGED_RESPONSE][0]["text"] += " Fijne dag nog."
    changed = work / "domain-changed.yml"
    changed.write_text(yaml.safe_dump(domain, allow_unicode=True), encoding="utf-8")
    after_change = _train(work / "models-changed", cache, log, domain=changed)
    return {"from_scratch_s": from_scratch, "after_response_change_s": after_change,
            "model": str(out / "assistant.tar.gz")}


def init_stock(work: Path) -> Dict[str, float]:
    """`rasa init --no-prompt` in a temporary folder; it trains the stock model."""
    project = work / "stock"
    if project.exists():
        shutil.rmtree(project)
    project.mkdir(parents=True)
    started = time.perf_counter()
    subprocess.run(
        [RASA, "init", "--no-prompt", "--init-dir", str(project)], cwd=project, check=True,
        stdout=(work / "stock-init.log").open("ab"), stderr=subprocess.STDOUT,
        env={**os.environ, "RASA_TELEMETRY_ENABLED": "false"},
    )
    return {"stock_init_and_train_s": time.perf_counter() - started, "project": str(project)}
