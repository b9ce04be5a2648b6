"""Mutation testing of bot/, components/, actions/ and channels/ with mutmut and the unit tests.

    python scripts/mutation.py run [MODULE...]     (make mutation [MODULE="bot.answering ..."])
    python scripts/mutation.py report [MODULE...]  (make mutation-report [MODULE=...])

``run`` lets mutmut test every mutant it has no result for (it keeps results in ``mutants/``
and tests again only the functions that changed), then tests every survivor again by name,
module by module, so tests added since count. MODULE limits both to some modules (a shard),
e.g. ``bot.language channels.rest``; a package (``bot.interview``) stands for its modules.
``report`` prints the score per module and every surviving mutant; the survivors listed in
``tests/mutation/equivalent.md`` behave exactly like the code (equivalent mutants) and count as
neither killed nor survived. It exits 1 when a module scores below the target or a survivor is
not explained.
"""

import fnmatch
import json
import os
import re
import subprocess
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Iterable, List, Optional

ROOT = Path(__file__).resolve().parent.parent
MUTANTS = ROOT / "mutants"
EQUIVALENT_FILE = ROOT / "tests" / "mutation" / "equivalent.md"
# mutmut's map of which tests reach which function, and the functions no test reached when it
# was last made in full (this script's note).
STATS_FILE = "mutmut-stats.json"
UNREACHED_FILE = "unreached-functions.json"
TARGET = 80.0
WORKERS = int(os.environ.get("MUTATION_WORKERS", "2"))
# mutmut's exit codes per mutant (mutmut/stats.py): which count as killed, and which as not tested.
KILLED = {1, 3, 24, 36, 37, 152, 255, -24}
SURVIVED = {0, 5, 33, 35}
_EQUIVALENT_LINE = re.compile(r"^[-*]\s+`([^`]+)`")


@dataclass
class ModuleScore:
    """Mutants of one module by outcome."""

    killed: List[str] = field(default_factory=list)
    survived: List[str] = field(default_factory=list)
    equivalent: List[str] = field(default_factory=list)
    unchecked: List[str] = field(default_factory=list)

    @property
    def score(self) -> float:
        counted = len(self.killed) + len(self.survived)
        return 100.0 * len(self.killed) / counted if counted else 100.0


def equivalent_mutants(path: Path = EQUIVALENT_FILE) -> Dict[str, str]:
    """The mutants explained as equivalent: name -> the line that explains it."""
    if not path.exists():
        return {}
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = _EQUIVALENT_LINE.match(line.strip())
        if match:
            found[match.group(1)] = line.strip()
    return found


def results(mutants: Path = MUTANTS) -> Dict[str, Optional[int]]:
    """Every mutant mutmut made, with its exit code (None: not tested yet)."""
    codes: Dict[str, Optional[int]] = {}
    for meta in sorted(mutants.rglob("*.py.meta")):
        codes.update(json.loads(meta.read_text(encoding="utf-8")).get("exit_code_by_key", {}))
    return codes


def module_of(mutant: str) -> str:
    """``bot.answering.x_decide__mutmut_6`` -> ``bot.answering``."""
    return mutant.rsplit(".", 1)[0]


def scores(codes: Dict[str, Optional[int]], equivalent: Iterable[str]) -> Dict[str, ModuleScore]:
    """The outcome of every mutant, grouped by module."""
    equivalent = set(equivalent)
    by_module: Dict[str, ModuleScore] = defaultdict(ModuleScore)
    for mutant, code in codes.items():
        module = by_module[module_of(mutant)]
        if code is None or code == 34:
            module.unchecked.append(mutant)
        elif code in KILLED:
            module.killed.append(mutant)
        elif mutant in equivalent:
            module.equivalent.append(mutant)
        else:
            module.survived.append(mutant)
    return dict(sorted(by_module.items()))


def report(patterns: Optional[List[str]] = None) -> int:
    """Print the score per module and the survivors; 1 when a target is missed."""
    codes = {m: c for m, c in results().items() if not patterns or _matching([m], patterns)}
    if not codes:
        print("No mutation results yet: run `make mutation` first.")
        return 1
    explained = equivalent_mutants()
    by_module = scores(codes, explained)
    print(f"{'module':<34} {'mutants':>7} {'killed':>7} {'equiv.':>7} {'survived':>8} {'score':>7}")
    totals = ModuleScore()
    for name, module in by_module.items():
        total = len(module.killed) + len(module.survived) + len(module.equivalent) + len(module.unchecked)
        print(f"{name:<34} {total:>7} {len(module.killed):>7} {len(module.equivalent):>7} "
              f"{len(module.survived):>8} {module.score:>6.1f}%"
              + (f"  ({len(module.unchecked)} not tested yet)" if module.unchecked else ""))
        for kind in ("killed", "survived", "equivalent", "unchecked"):
            getattr(totals, kind).extend(getattr(module, kind))
    print(f"{'all':<34} {len(codes):>7} {len(totals.killed):>7} {len(totals.equivalent):>7} "
          f"{len(totals.survived):>8} {totals.score:>6.1f}%")
    if totals.survived:
        print("\nSurviving mutants (see them with `.venv/bin/mutmut show NAME`):")
        for mutant in sorted(totals.survived):
            print(f"  {mutant}  [{'no test runs it' if codes[mutant] in (5, 33) else 'survived'}]")
    below = [name for name, module in by_module.items() if module.score < TARGET]
    if below:
        print(f"\nBelow the target of {TARGET:g}% killed: {', '.join(below)}")
    return 1 if below or totals.survived or totals.unchecked else 0


def _mutmut_setting(name: str, root: Path = ROOT) -> List[str]:
    """A list setting of ``[mutmut]`` in setup.cfg (``source_paths``, ``also_copy``)."""
    import configparser

    config = configparser.ConfigParser()
    config.read(root / "setup.cfg", encoding="utf-8")
    return [line.strip().rstrip("/") for line in config.get("mutmut", name, fallback="").splitlines()
            if line.strip()]


def sync_data_files(root: Path = ROOT, mutants: Path = MUTANTS) -> List[Path]:
    """Copy into the mutated copy what changed since mutmut made it: the source folders' other
    files (YAML, text) and everything it copies beside the code (``also_copy``). mutmut copies
    them once, and the tests would run against stale data ever after."""
    import shutil

    copied: List[Path] = []
    if not mutants.exists():
        return copied
    sources = [(root / folder, True) for folder in _mutmut_setting("source_paths", root)]
    sources += [(root / name, False) for name in _mutmut_setting("also_copy", root)]
    for top, skip_code in sources:
        files = [top] if top.is_file() else sorted(top.rglob("*"))
        for source in files:
            if not source.is_file() or "__pycache__" in source.parts:
                continue
            if skip_code and source.suffix in (".py", ".pyc"):
                continue
            target = mutants / source.relative_to(root)
            if not target.exists() or target.read_bytes() != source.read_bytes():
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source, target)
                copied.append(target)
    return copied


def function_of(mutant: str) -> str:
    """``bot.answering.x_decide__mutmut_6`` -> ``bot.answering.x_decide`` (mutmut's name for it)."""
    return mutant.rsplit("__mutmut_", 1)[0]


def unmapped_functions(mutants: Path = MUTANTS) -> List[str]:
    """Functions with mutants that mutmut's map names no test for."""
    stats = json.loads((mutants / STATS_FILE).read_text(encoding="utf-8"))
    mapped = {name for name, tests in stats.get("tests_by_mangled_function_name", {}).items() if tests}
    return sorted({function_of(mutant) for mutant in results(mutants)} - mapped)


def refresh_stale_test_map(patterns: List[str], mutants: Path = MUTANTS) -> bool:
    """Make mutmut trace the whole suite again when a function of the shard has no tests in its map
    that a full trace did find unreached: mutmut traces only new tests later on, so code written
    after the map (a new module, a new function) would keep "no tests" and count as survived.
    Returns whether the map was dropped."""
    if not (mutants / STATS_FILE).exists():
        return False
    unreached = mutants / UNREACHED_FILE
    known = set(json.loads(unreached.read_text(encoding="utf-8"))) if unreached.exists() else set()
    stale = [name for name in _matching(unmapped_functions(mutants), patterns or ["*"]) if name not in known]
    if not stale:
        return False
    print(f"No test is mapped to {len(stale)} function(s), e.g. {stale[0]}: tracing the tests again.")
    (mutants / STATS_FILE).unlink()
    return True


def note_unreached_functions(mutants: Path = MUTANTS) -> None:
    """After a full trace: the functions no test reaches, so they do not force another."""
    if (mutants / STATS_FILE).exists():
        (mutants / UNREACHED_FILE).write_text(json.dumps(unmapped_functions(mutants)), encoding="utf-8")


def shard_patterns(modules: Iterable[str]) -> List[str]:
    """The mutant-name globs of a shard: ``bot.language`` (or ``bot/language.py``) ->
    ``bot.language.*``; a package (``bot.interview``) takes in its modules."""
    patterns = []
    for module in modules:
        name = module.strip().replace("/", ".")
        name = name[:-len(".py")] if name.endswith(".py") else name
        name = name.rstrip(".*")
        if name:
            patterns.append(f"{name}.*")
    return patterns


def _matching(codes: Iterable[str], patterns: List[str]) -> List[str]:
    return [mutant for mutant in codes if any(fnmatch.fnmatch(mutant, p) for p in patterns)]


def mutmut_command(arguments: List[str], workers: int = WORKERS) -> List[str]:
    """mutmut at the lowest priority, on at most ``workers`` processes."""
    return ["nice", "-n", "19", sys.executable, "-m", "mutmut", "run",
            "--max-children", str(workers)] + arguments


def _mutmut(arguments: List[str]) -> int:
    """Run mutmut; the tests must import the mutated copy, not the project."""
    sync_data_files()
    environment = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    return subprocess.call(mutmut_command(arguments), cwd=ROOT, env=environment)


def run(modules: Iterable[str] = (), mutants: Path = MUTANTS) -> int:
    """Test the mutants without a result, then every survivor again by name; then report.

    With modules (a shard), mutmut tests every mutant of those modules, and only those, by
    name; a module without mutants is refused before anything runs. When a function of the
    shard has no test in mutmut's map, the map is made again first (see refresh_stale_test_map).
    """
    patterns = shard_patterns(modules)
    known = results(mutants) if mutants.exists() else {}
    unknown = [p for p in patterns if known and not _matching(known, [p])]
    if unknown:
        print(f"No mutants match {', '.join(unknown)}: name modules such as bot.language.", file=sys.stderr)
        return 2
    traced_again = not (mutants / STATS_FILE).exists() or refresh_stale_test_map(patterns, mutants)
    if patterns:
        status = _mutmut(patterns)
        if traced_again:
            note_unreached_functions(mutants)
        return status if status != 0 else report(patterns)
    status = _mutmut([])
    if status != 0:
        return status
    if traced_again:
        note_unreached_functions(mutants)
    # A run over everything forks its workers from a process that ran the whole suite, and
    # some mutants passed there that fail when tested by name: every survivor is tested again,
    # one module at a time.
    again: Dict[str, List[str]] = defaultdict(list)
    for mutant, code in results(mutants).items():
        if code in SURVIVED:
            again[module_of(mutant)].append(mutant)
    for module, names in sorted(again.items()):
        print(f"Testing the {len(names)} survivors of {module} again")
        status = _mutmut(sorted(names))
        if status != 0:
            return status
    return report()


def main(argv: List[str]) -> int:
    if argv[:1] == ["run"]:
        return run(argv[1:])
    if argv[:1] == ["report"]:
        return report(shard_patterns(argv[1:]))
    print(__doc__.strip(), file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
