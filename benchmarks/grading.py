"""Warm grading latency against a cold torch import, measured in one run.

warm_ms: median time from submit to the full verdict (all visible and hidden cases plus
the vectorization advice) for pairwise-distances through the already-warm worker.
cold_import_ms: median wall time of a fresh `python -c "import torch"`.
Target: ratio = warm_ms / cold_import_ms <= 0.15. The last line is machine-readable.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mockint.grading.client import GradingClient
from mockint.grading.problems import solutions_dir

WARM_RUNS = 15
COLD_RUNS = 5


def main() -> None:
    code = (solutions_dir() / "pairwise-distances.py").read_text()
    with GradingClient() as client:
        if not client.wait_ready(120):
            sys.exit("the grading worker did not start")
        client.submit(code, "pairwise-distances", hidden=True).result(timeout=60)  # first-use costs
        warm = []
        for _ in range(WARM_RUNS):
            start = time.perf_counter()
            result = client.submit(code, "pairwise-distances", hidden=True).result(timeout=60)
            warm.append((time.perf_counter() - start) * 1000)
            assert result["verdict"] == "accepted", result
        tests = result["total"]
    cold = []
    for _ in range(COLD_RUNS):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import torch"], check=True)
        cold.append((time.perf_counter() - start) * 1000)
    warm_ms, cold_ms = statistics.median(warm), statistics.median(cold)
    print(
        f"pairwise-distances: {tests} tests + vectorization advice per verdict, {WARM_RUNS} verdicts"
    )
    print(
        f"warm min/median/max: {min(warm):.0f}/{warm_ms:.0f}/{max(warm):.0f} ms; "
        f"cold import torch min/median/max: {min(cold):.0f}/{cold_ms:.0f}/{max(cold):.0f} ms"
    )
    print(f"warm_ms={warm_ms:.1f} cold_import_ms={cold_ms:.1f} ratio={warm_ms / cold_ms:.3f}")


if __name__ == "__main__":
    main()
