"""How well the agreement check finds the legal topics a-j in real-looking agreements.

The agreements and their expected statuses (tests/heldout/agreements/manifest.yml) were decided
by hand before the checker existed. Per topic, this prints the precision and recall of
"covered" (a topic the checker calls covered that the manifest does not is a false positive;
"unsure", "partly" and "missing" all count as "not covered"), the share of exact statuses, how
the unreadable files were refused, and the time to check one document.

Usage: python -m bench.agreement_check [--manifest PATH] [--out results/bench/agreements.md]
"""

import argparse
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

import yaml

from bot.agreement.check import CheckResult, check_document
from bot.agreement.checker import COVERED
from bot.agreement.reading import Unreadable
from bot.interview.catalogue import LEGAL_TOPICS
from bot.settings import PROJECT_ROOT

MANIFEST = PROJECT_ROOT / "tests" / "heldout" / "agreements" / "manifest.yml"
UNREADABLE = "unreadable"


@dataclass(frozen=True)
class Checked:
    """One agreement of the manifest and what the checker made of it."""

    file: str
    expected: Dict[str, str]
    expected_kind: str
    result: Optional[CheckResult]
    refused: Optional[str]
    seconds: float


@dataclass(frozen=True)
class Score:
    """Precision and recall of "covered" for one topic (None where undefined)."""

    topic: str
    true_positive: int
    false_positive: int
    false_negative: int
    exact: int
    total: int

    @property
    def precision(self) -> Optional[float]:
        predicted = self.true_positive + self.false_positive
        return self.true_positive / predicted if predicted else None

    @property
    def recall(self) -> Optional[float]:
        actual = self.true_positive + self.false_negative
        return self.true_positive / actual if actual else None


def check_all(manifest: Path = MANIFEST) -> List[Checked]:
    """Check every file the manifest lists, timing each."""
    entries = yaml.safe_load(manifest.read_text(encoding="utf-8"))
    checked = []
    for entry in entries:
        data = (manifest.parent / entry["file"]).read_bytes()
        started = time.perf_counter()
        try:
            result, refused = check_document(data), None
        except Unreadable as error:
            result, refused = None, error.reason
        seconds = time.perf_counter() - started
        expected = {letter: entry["topics"][letter]["status"] for letter in LEGAL_TOPICS}
        checked.append(Checked(entry["file"], expected, entry["kind"], result, refused, seconds))
    return checked


def scores(checked: Sequence[Checked]) -> List[Score]:
    """Per topic, over the readable files the manifest expects to be read."""
    found = []
    for letter in LEGAL_TOPICS:
        tp = fp = fn = exact = total = 0
        for item in checked:
            if item.expected_kind == UNREADABLE or item.result is None:
                continue
            status = next(f.status for f in item.result.findings if f.topic == letter)
            expected = item.expected[letter]
            total += 1
            exact += status == expected
            if status == COVERED and expected == COVERED:
                tp += 1
            elif status == COVERED:
                fp += 1
            elif expected == COVERED:
                fn += 1
        found.append(Score(letter, tp, fp, fn, exact, total))
    return found


def _percent(value: Optional[float]) -> str:
    return "-" if value is None else f"{100 * value:.0f}%"


def report(checked: Sequence[Checked]) -> Tuple[str, bool]:
    """The figures as Markdown, and whether every file was read or refused as expected."""
    per_topic = scores(checked)
    lines = ["| topic | precision of covered | recall of covered | exact status | covered (tp/fp/fn) |",
             "|---|---:|---:|---:|---|"]
    for score in per_topic:
        lines.append(f"| {score.topic} | {_percent(score.precision)} | {_percent(score.recall)} | "
                     f"{score.exact}/{score.total} | {score.true_positive}/{score.false_positive}/"
                     f"{score.false_negative} |")
    total = Score("all", *[sum(getattr(s, name) for s in per_topic) for name in
                           ("true_positive", "false_positive", "false_negative", "exact", "total")])
    lines.append(f"| **all** | {_percent(total.precision)} | {_percent(total.recall)} | "
                 f"{total.exact}/{total.total} | {total.true_positive}/{total.false_positive}/"
                 f"{total.false_negative} |")
    handled = True
    refusals = []
    for item in checked:
        expected_refusal = item.expected_kind == UNREADABLE
        if expected_refusal != (item.refused is not None):
            handled = False
        if item.refused or expected_refusal:
            refusals.append(f"- {item.file}: {item.refused or 'read, but expected to be refused'}")
    read = [item.seconds for item in checked if item.result is not None]
    timing = (f"Time to check one document: median {1000 * statistics.median(read):.0f} ms, "
              f"slowest {1000 * max(read):.0f} ms ({len(read)} documents read, "
              f"{len(checked) - len(read)} refused).") if read else "No document was read."
    text = "\n".join(["## Agreement check on the held-out agreements", "", *lines, "",
                      "Refused files:", *refusals, "", timing, ""])
    return text, handled


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--manifest", type=Path, default=MANIFEST)
    parser.add_argument("--out", type=Path, default=None, help="also write the report here")
    arguments = parser.parse_args(argv)
    text, handled = report(check_all(arguments.manifest))
    print(text)
    if arguments.out:
        arguments.out.parent.mkdir(parents=True, exist_ok=True)
        arguments.out.write_text(text, encoding="utf-8")
    if not handled:
        print("Some files were not read or refused as the manifest expects.", file=sys.stderr)
    return 0 if handled else 1


if __name__ == "__main__":
    sys.exit(main())
