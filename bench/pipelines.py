"""`make bench-pipelines`: what each choice of pipeline and policies costs, on the same data.

Trains the assistant's language model as configured (linear classifiers) and with Rasa's neural
DIETClassifier and ResponseSelector in their place (the settings this assistant used before),
and its dialogue model with RulePolicy alone and with Rasa's default policies. Prints training
time, model size, parse time and held-out quality; writes results/bench/pipelines.md and .json.
"""

import copy
import json
import os
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any, Dict, List

import yaml

from bench import RASA
from bench.examples import held_out_examples
from bench.nlu_quality import assistant_quality, parse_all, parse_times_ms
from bot.settings import PROJECT_ROOT

RESULTS = PROJECT_ROOT / "results" / "bench"
NEURAL = {
    "components.intent_classifier.LinearIntentClassifier": {
        "name": "DIETClassifier", "epochs": 60, "number_of_transformer_layers": 0,
        "hidden_layers_sizes": {"text": [256, 128]}, "entity_recognition": False,
        "constrain_similarities": True, "random_seed": 7,
    },
    "components.answer_selector.LinearAnswerSelector": {
        "name": "ResponseSelector", "retrieval_intent": "faq", "epochs": 200,
        "constrain_similarities": True, "random_seed": 7,
    },
}
DEFAULT_POLICIES = [
    {"name": "MemoizationPolicy"}, {"name": "RulePolicy"},
    {"name": "UnexpecTEDIntentPolicy", "max_history": 5, "epochs": 100},
    {"name": "TEDPolicy", "max_history": 5, "epochs": 100, "constrain_similarities": True},
]


def _config() -> Dict[str, Any]:
    return yaml.safe_load((PROJECT_ROOT / "config.yml").read_text(encoding="utf-8"))


def neural_config() -> Dict[str, Any]:
    """The assistant's pipeline with the neural classifiers in place of the linear ones."""
    config = _config()
    config["pipeline"] = [copy.deepcopy(NEURAL.get(c["name"], c)) for c in config["pipeline"]]
    return config


def default_policies_config() -> Dict[str, Any]:
    config = _config()
    config["policies"] = copy.deepcopy(DEFAULT_POLICIES)
    return config


def _train(kind: str, config: Dict[str, Any], work: Path, name: str) -> Dict[str, Any]:
    """`rasa train nlu` or `rasa train core` from scratch; seconds and model size."""
    path = work / f"{name}.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    out = work / name
    command = [RASA, "train", kind, "--config", str(path), "--domain", "domain.yml",
               "--out", str(out), "--fixed-model-name", name]
    command += ["--nlu", "data/nlu"] if kind == "nlu" else ["--stories", "data"]
    started = time.perf_counter()
    subprocess.run(command, cwd=PROJECT_ROOT, check=True, stdout=(work / f"{name}.log").open("ab"),
                   stderr=subprocess.STDOUT,
                   env={**os.environ, "RASA_CACHE_DIRECTORY": str(work / f"cache-{name}")})
    model = out / f"{name}.tar.gz"
    return {"train_s": time.perf_counter() - started, "model_mb": model.stat().st_size / 1e6,
            "model": model}


def _nlu_figures(model: Path) -> Dict[str, float]:
    examples = held_out_examples()
    quality, _ = assistant_quality(examples, parse_all(model, [e.text for e in examples]))
    questions = [e.text for e in examples if e.expected_key]
    return {"parse_ms": parse_times_ms(model, questions[:60]), "right": quality.right_answers,
            "wrong": quality.wrong_answers, "out_of_scope_rejected": quality.out_of_scope_rejected}


def measure(work: Path) -> List[Dict[str, Any]]:
    rows = []
    for label, config, name in (("linear classifiers (this assistant)", _config(), "linear"),
                                ("DIETClassifier + ResponseSelector", neural_config(), "neural")):
        trained = _train("nlu", config, work, name)
        rows.append({"part": "language model", "choice": label, "train_s": trained["train_s"],
                     "model_mb": trained["model_mb"], **_nlu_figures(trained["model"])})
    for label, config, name in (("RulePolicy (this assistant)", _config(), "rules"),
                                ("Rasa's default policies (+ Memoization, TED, UnexpecTED)",
                                 default_policies_config(), "default-policies")):
        trained = _train("core", config, work, name)
        rows.append({"part": "dialogue policies", "choice": label, "train_s": trained["train_s"],
                     "model_mb": trained["model_mb"]})
    return rows


def report(rows: List[Dict[str, Any]]) -> str:
    def cell(row: Dict[str, Any], key: str, form: str) -> str:
        return format(row[key], form) if key in row else "-"

    lines = ["| part | choice | training s | model MB | parse ms | right | wrong | out of scope rejected |",
             "|---|---|---:|---:|---:|---:|---:|---:|"]
    for row in rows:
        lines.append(f"| {row['part']} | {row['choice']} | {row['train_s']:.0f} | {row['model_mb']:.1f} | "
                     f"{cell(row, 'parse_ms', '.1f')} | {cell(row, 'right', '.1%')} | "
                     f"{cell(row, 'wrong', '.1%')} | {cell(row, 'out_of_scope_rejected', '.1%')} |")
    return "\n".join(lines)


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="bench-pipelines-") as tmp:
        rows = measure(Path(tmp))
    text = report(rows)
    print(text)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "pipelines.md").write_text(text + "\n", encoding="utf-8")
    (RESULTS / "pipelines.json").write_text(
        json.dumps([{k: v for k, v in r.items() if k != "model"} for r in rows], indent=2),
        encoding="utf-8")


if __name__ == "__main__":
    main()
