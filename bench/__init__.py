"""Benchmarks that print figures: answer quality, speed and resources."""

import sys
from pathlib import Path

# The `rasa` command of the Python that runs the benchmark.
RASA = str(Path(sys.executable).with_name("rasa"))
