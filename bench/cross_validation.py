"""5-fold cross-validation of intent classification on the training data.

The pipeline is the assistant's own up to and including the intent classifier; the
answer selector and the fallback components, which do not classify intents, are left out.
"""

import json
import re
import subprocess
import time
from pathlib import Path
from typing import Dict

import yaml

from bench import RASA
from bot.settings import PROJECT_ROOT

FOLDS = 5
NOT_INTENT_CLASSIFIERS = ("AnswerSelector", "FallbackClassifier", "QuestionConfidence")
_ACCURACY = re.compile(r"test Accuracy:\s*([0-9.]+)\s*\(([0-9.]+)\)")


def intent_config(work: Path) -> Path:
    config = yaml.safe_load((PROJECT_ROOT / "config.yml").read_text(encoding="utf-8"))
    config["pipeline"] = [
        component for component in config["pipeline"]
        if not component["name"].endswith(NOT_INTENT_CLASSIFIERS)
    ]
    config["policies"] = []
    path = work / "config-intents.yml"
    path.write_text(yaml.safe_dump(config), encoding="utf-8")
    return path


def cross_validate(work: Path) -> Dict[str, float]:
    """Mean and spread of intent accuracy and F1 over the test folds."""
    out = work / "cv"
    log = work / "cv.log"
    started = time.perf_counter()
    subprocess.run(
        [RASA, "test", "nlu", "--nlu", "data/nlu", "--config", str(intent_config(work)),
         "--cross-validation", "--folds", str(FOLDS), "--out", str(out), "--no-plot"],
        cwd=PROJECT_ROOT, check=True, stdout=log.open("ab"), stderr=subprocess.STDOUT,
    )
    elapsed = time.perf_counter() - started
    text = log.read_text(errors="replace")
    section = text[text.rfind("Intent evaluation results"):]
    for later in ("Entity evaluation results", "Response Selection evaluation results"):
        section = section.split(later)[0]
    accuracies = _ACCURACY.findall(section)
    report = json.loads((out / "intent_report.json").read_text()) if (out / "intent_report.json").exists() else {}
    weighted = report.get("weighted avg", {})
    return {
        "folds": FOLDS,
        "test_accuracy": float(accuracies[0][0]) if accuracies else report.get("accuracy", float("nan")),
        "test_accuracy_std": float(accuracies[0][1]) if accuracies else float("nan"),
        "test_f1_weighted": weighted.get("f1-score", float("nan")),
        "seconds": elapsed,
    }
