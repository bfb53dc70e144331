"""Key-press lag in the coding screen while a submission is graded, against no grading.

Drives the real coding screen with Pilot: each key press is timed from sending it until the
editor holds the new text. One phase types with the judge idle (baseline); the other keeps a
`pairwise-distances` submission (all cases, hidden too) under grading the whole time. Prints
medians and p95s; the last line is `p95_lag_ms=... baseline_p95_lag_ms=...` (target: p95 lag
during grading under 50 ms).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from textual import events

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


async def type_and_time(app, editor, keys: int) -> list[float]:
    """Each key is posted to the app as the terminal driver posts it, then timed until the
    editor holds it. Pilot.press would also wait for the screen to go idle, which measures
    Pilot more than the app. Typing goes into a comment, so the code stays valid."""
    lags = []
    for i in range(keys):
        ch = "abcdefghij"[i % 10]
        before = len(editor.text)
        start = time.perf_counter()
        app.post_message(events.Key(ch, ch))
        while len(editor.text) == before:
            await asyncio.sleep(0.0005)
        lags.append((time.perf_counter() - start) * 1000)
        await asyncio.sleep(0.03)  # about 30 keys a second, a fast typist
    return lags


async def main(keys: int) -> None:
    tmp = Path(tempfile.mkdtemp(prefix="mockint-bench-"))
    os.environ["XDG_DATA_HOME"] = str(tmp / "data")
    from mockint.paths import bundled_dir
    from mockint.scenario.catalog import find_scenario
    from mockint.scenario.practice import practice_scenario
    from mockint.store.sessions import Store
    from mockint.tui.app import MockintApp

    reference = (bundled_dir("solutions") / "pairwise-distances.py").read_text()
    app = MockintApp(
        Store(tmp / "bench.db"),
        default_scenario=find_scenario("aiml-engineer"),
        start=practice_scenario("pairwise-distances", "Pairwise Euclidean distances", "medium", 30),
    )
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")
        while type(app.screen).__name__ != "CodingScreen" or not app.screen.is_mounted:
            await pilot.pause(0.05)
        await pilot.pause(0.2)
        screen = app.screen
        judge = app.ensure_judge()
        judge.wait_ready(60)
        editor = screen.editor
        editor.load_text(reference + "\n# typing: ")
        editor.move_cursor(editor.document.end)

        baseline = await type_and_time(app, editor, keys)

        submits = 0
        stop = False

        async def keep_grading() -> None:
            nonlocal submits
            while not stop:
                if screen.run_handle is None:
                    # The code under grading is the reference plus comment lines typed below it.
                    screen.action_run(True)
                    submits += 1
                await asyncio.sleep(0.01)

        grader = asyncio.create_task(keep_grading())
        while screen.run_handle is None:
            await asyncio.sleep(0.01)
        during = await type_and_time(app, editor, keys)
        stop = True
        await grader
        while screen.run_handle is not None:
            await pilot.pause(0.05)
        verdict = str(screen.query_one("#verdict").render())

    print(
        f"keys per phase: {keys}; submissions graded during typing: {submits}; last verdict: {verdict}"
    )
    print(
        f"baseline: median {statistics.median(baseline):.1f} ms, p95 {p95(baseline):.1f} ms, max {max(baseline):.1f} ms"
    )
    print(
        f"grading:  median {statistics.median(during):.1f} ms, p95 {p95(during):.1f} ms, max {max(during):.1f} ms"
    )
    print(f"p95_lag_ms={p95(during):.1f} baseline_p95_lag_ms={p95(baseline):.1f}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", type=int, default=300)
    asyncio.run(main(parser.parse_args().keys))
