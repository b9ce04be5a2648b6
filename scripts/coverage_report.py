"""Branch coverage per package, from the data `make test-unit` collects; fails below the target.

    python scripts/coverage_report.py [--target 90] [package ...]

For each package it prints the lines and the branches the unit tests ran, and exits 1 when the
share of branches taken is below the target in any package.
"""

import argparse
import json
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, Iterable, List

import coverage

PACKAGES = ("bot", "components", "actions", "channels")
TARGET = 90.0


@dataclass
class Figures:
    """Counts for one package."""

    statements: int = 0
    lines_run: int = 0
    branches: int = 0
    branches_taken: int = 0

    @property
    def line_percent(self) -> float:
        return 100.0 * self.lines_run / self.statements if self.statements else 100.0

    @property
    def branch_percent(self) -> float:
        return 100.0 * self.branches_taken / self.branches if self.branches else 100.0


def per_package(report: Dict[str, Any], packages: Iterable[str]) -> Dict[str, Figures]:
    """Figures per top-level package, from coverage's JSON report."""
    figures = {package: Figures() for package in packages}
    for path, measured in report["files"].items():
        figure = figures.get(Path(path).parts[0])
        if figure is None:
            continue
        summary = measured["summary"]
        figure.statements += summary["num_statements"]
        figure.lines_run += summary["covered_lines"]
        figure.branches += summary["num_branches"]
        figure.branches_taken += summary["covered_branches"]
    return figures


def main(argv: List[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--target", type=float, default=TARGET, help="branch coverage needed, in percent")
    parser.add_argument("packages", nargs="*", default=list(PACKAGES))
    args = parser.parse_args(argv)
    data = coverage.Coverage()
    data.load()
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "coverage.json"
        data.json_report(outfile=str(report))
        figures = per_package(json.loads(report.read_text(encoding="utf-8")), args.packages)
    print(f"{'package':<12} {'lines run':>17} {'branches taken':>17}")
    below = []
    for package in args.packages:
        figure = figures[package]
        print(f"{package + '/':<12} {figure.line_percent:6.1f}% {figure.lines_run:>4}/{figure.statements:<5}"
              f" {figure.branch_percent:6.1f}% {figure.branches_taken:>4}/{figure.branches:<5}")
        if not figure.statements or figure.branch_percent < args.target:
            below.append(package)
    if below:
        print(f"Branch coverage below {args.target:g}% in: {', '.join(p + '/' for p in below)}")
        return 1
    print(f"Branch coverage is at least {args.target:g}% in every package.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
