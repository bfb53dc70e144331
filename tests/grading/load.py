"""A busy machine on purpose: processes that only burn CPU, started and stopped by whoever
needs them (the contention test, benchmarks/advice_under_load.py).

They run at the judge's own niceness (`worker.NICENESS`): beside plain `nice 0` loops the
judge, at +10, gets about 5 % of a core here (measured 2-11 % with other work running), so
every grading would take 10-40 times as long and the test would cost minutes of a whole
machine. Beside equal loops it gets a fair share and is preempted all the time, which is
what the timing has to survive.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from collections.abc import Iterator

from mockint.grading.worker import NICENESS

BUSY_LOOP = "import os\nos.nice({nice})\nwhile True: pass"


def busy_count(per_core: int = 2) -> int:
    return per_core * (os.cpu_count() or 1)


@contextlib.contextmanager
def busy_machine(per_core: int = 2, nice: int = NICENESS) -> Iterator[list[int]]:
    """`per_core` busy processes per core while the block runs; their pids are yielded."""
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", BUSY_LOOP.format(nice=nice)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(busy_count(per_core))
    ]
    try:
        yield [p.pid for p in procs]
    finally:
        for p in procs:
            p.kill()
        for p in procs:
            p.wait()
