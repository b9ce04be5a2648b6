"""Summarise a py-spy profile (``py-spy record --format raw``: one collapsed stack a line)
as text: the functions with the largest share of samples, inclusive and own.

    python -m bench.profile_summary profile.txt [--top 25]
"""

import argparse
import re
from collections import Counter
from pathlib import Path
from typing import Dict, List, Tuple

# py-spy frames look like "function (path/to/module.py:123)"; the line number is dropped.
# Frames on nearly every stack (the event loop, Sanic, the request handler) say nothing.
SCAFFOLDING = 0.85
FRAME = re.compile(r"^(?P<function>.*?) \((?P<path>[^:()]*)(?::\d+)?\)$")


def _frame_name(frame: str) -> str:
    match = FRAME.match(frame.strip())
    if not match:
        return frame.strip()
    path = match["path"]
    for marker in ("site-packages/", "/lib/python3.10/"):
        if marker in path:
            path = path.split(marker, 1)[1]
            break
    else:
        path = Path(path).name if "/" in path and "wt" not in path else path
    return f"{match['function']} ({path})"


def summarise(lines: List[str], within: str = "") -> Tuple[int, Counter, Counter]:
    """Total samples, and the samples per function: anywhere in the stack, and at its top.
    With ``within``, only the samples with that function on the stack (a busy worker, not one
    waiting for a request) count."""
    total, inclusive, own = 0, Counter(), Counter()
    for line in lines:
        stack, _, count = line.rstrip().rpartition(" ")
        if not stack or not count.isdigit():
            continue
        samples = int(count)
        # --subprocesses labels each stack with its process (pid and command line): left out
        frames = [_frame_name(f) for f in stack.split(";") if not f.startswith("process ")]
        if within and within not in frames:
            continue
        total += samples
        for name in set(frames):
            inclusive[name] += samples
        own[frames[-1]] += samples
    return total, inclusive, own


def report(path: Path, top: int = 25, within: str = "") -> str:
    total, inclusive, own = summarise(path.read_text(encoding="utf-8").splitlines(), within)
    lines = [f"{total} samples" + (f" with {within} on the stack" if within else ""), "",
             "inclusive (share of samples with the function on the stack; the server's "
             f"frames common to over {SCAFFOLDING:.0%} of samples left out):"]
    below = [(name, n) for name, n in inclusive.most_common() if n / total <= SCAFFOLDING]
    lines += [f"  {n / total:6.1%}  {name}" for name, n in below[:top]]
    lines += ["", "own (share of samples where the function itself runs):"]
    lines += [f"  {n / total:6.1%}  {name}" for name, n in own.most_common(top)]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("profile", type=Path)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--within", default="", help='e.g. "handle_message (agent.py)"')
    args = parser.parse_args()
    print(report(args.profile, args.top, args.within))


if __name__ == "__main__":
    main()
