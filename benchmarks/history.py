"""The review features on a large history: 10,000 sessions written through the store's API.

Generates the sessions (80 % single-problem practice with snapshots, runs and submits, 15 %
two-stage loops with answers, 5 % pair sessions) over two years on a fake clock, brings the
summaries and cards up to date once (as the app does after each session), adds one
60-minute coding round with 3,600 snapshots, then measures:

- open_ms: the history screen, from being pushed until its first page of rows is shown
  (Pilot, headless app, median of several openings);
- filter_ms: one filter change on that screen (mode and a search word) until the rows are
  back (median);
- replay_jump_ms: a jump in the replay screen of the 60-minute round to a random time until
  the editor holds that snapshot's code (median; the max is printed too);
- next_ms: `mockint next --json` as a user runs it, a whole process (median of 5).

Prints figures, never asserts; the last line is
`open_ms=... filter_ms=... replay_jump_ms=... next_ms=...` (targets: 300, 100, 50, 300).
`--keep FILE` keeps the generated database (benchmarks/startup.py --db FILE reuses it).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

DAY = 86400.0
START = 1_700_000_000.0


def _problems() -> list[tuple[str, str, str]]:
    from mockint.grading.problems import list_problems

    return [(p.slug, p.title, p.difficulty) for p in list_problems()]


def generate(path: Path, n: int, seed: int = 11, progress: bool = True) -> dict[str, float]:
    """Write n sessions to the database at path through the store and recording APIs."""
    from mockint.engine.clock import FakeClock
    from mockint.recording import start_session
    from mockint.review import queue
    from mockint.scenario.bank_load import bank_for_kind
    from mockint.scenario.catalog import find_scenario
    from mockint.scenario.practice import practice_scenario
    from mockint.store.answers import AnswerRow, save_answer
    from mockint.store.coding import add_snapshot, finish_run, start_run
    from mockint.store.sessions import Store

    rng = random.Random(seed)
    problems = _problems()
    phone = bank_for_kind("phone_screen")
    assert phone is not None
    loop = find_scenario("aiml-engineer").subset(["phone-screen", "coding"])
    store = Store(path)
    clock = FakeClock(START)
    step = 2 * 365 * DAY / n
    t0 = time.perf_counter()
    for i in range(n):
        clock.advance(rng.uniform(0.2, 1.8) * step)
        slug, title, difficulty = rng.choice(problems)
        kind = rng.random()
        if kind < 0.15:
            from dataclasses import replace

            from mockint.scenario.model import ProblemPick

            q = rng.choice(phone.questions)
            stages = (
                replace(loop.stages[0], questions=(q.id,)),
                replace(loop.stages[1], problems=(ProblemPick(slug=slug),)),
            )
            sc = replace(loop, stages=stages)
            session, rec = start_session(store, sc, clock, pace=0.25)
            session.start()
            clock.advance(rng.uniform(60, 400))
            words = " ".join(rng.choice(q.terminology or ("model",)) for _ in range(20))
            save_answer(
                store,
                rec.session_id,
                AnswerRow(
                    0, q.id, 0, {"answer": words}, {"answer": 200.0}, {"clarity": 3}, None, 0, True
                ),
                clock.now(),
            )
            session.finish_stage()
            stage = 1
        else:
            sc = practice_scenario(slug, title, difficulty)
            mode = "pair" if kind > 0.95 else "solo"
            session, rec = start_session(store, sc, clock, pace=1.0, mode=mode)
            stage = 0
        sid = rec.session_id
        session.start()
        code = f"def solve(xs):\n    # attempt {i}\n"
        for _ in range(rng.randint(2, 5)):
            clock.advance(rng.uniform(20, 120))
            code += "    x = sum(xs)\n"
            add_snapshot(
                store,
                sid,
                stage,
                slug,
                at=clock.now(),
                elapsed=session.elapsed(stage),
                code=code,
                cursor=(2, 0),
            )
        for kind_ in ("run", "submit"):
            clock.advance(rng.uniform(10, 300))
            verdict = rng.choice(("accepted", "accepted", "wrong_answer", "time_limit"))
            total = 5
            passed = total if verdict == "accepted" else rng.randint(0, 4)
            run = start_run(
                store,
                sid,
                stage,
                slug,
                kind=kind_,
                at=clock.now(),
                elapsed=session.elapsed(stage),
                code=code,
            )
            tests = [
                {"id": f"t{j}", "visible": j < 3, "verdict": "accepted" if j < passed else verdict}
                for j in range(total)
            ]
            result = {
                "problem": slug,
                "verdict": verdict,
                "passed": passed,
                "total": total,
                "tests": tests,
            }
            finish_run(store, run, at=clock.now(), result=result, verdict=verdict)
        session.finish_stage()
        if progress and (i + 1) % 1000 == 0:
            print(f"  {i + 1} sessions written", file=sys.stderr)
    written = time.perf_counter() - t0
    t1 = time.perf_counter()
    queue.refresh_all(store)
    summarised = time.perf_counter() - t1
    store.close()
    return {"write_s": written, "summaries_s": summarised}


def long_round(path: Path) -> tuple[int, int, str]:
    """One 60-minute round: a snapshot every second (3,600), a run every 5 minutes; the code
    grows to about 150 lines, as a long interview solution does."""
    from mockint.engine.clock import FakeClock
    from mockint.recording import start_session
    from mockint.scenario.practice import practice_scenario
    from mockint.store.coding import add_snapshot, finish_run, start_run
    from mockint.store.sessions import Store

    store = Store(path)
    clock = FakeClock(START + 800 * DAY)
    session, rec = start_session(
        store, practice_scenario("top-k", "Top k scores", "easy", 60), clock, pace=1.0
    )
    session.start()
    # About 150 lines typed over the hour, a little more in each snapshot.
    target = "import heapq\n\n\ndef top_k(xs, k):\n" + "".join(
        f"    total_{i} = sum(x * {i} for x in xs if x > k)  # step {i}\n" for i in range(150)
    )
    for s in range(3600):
        clock.advance(1.0)
        code = target[: len(target) * (s + 1) // 3600]
        add_snapshot(
            store,
            rec.session_id,
            0,
            "top-k",
            at=clock.now(),
            elapsed=session.elapsed(0),
            code=code,
            cursor=(code.count("\n"), 0),
        )
        if s % 300 == 299:
            run = start_run(
                store,
                rec.session_id,
                0,
                "top-k",
                kind="run",
                at=clock.now(),
                elapsed=session.elapsed(0),
                code=code,
            )
            finish_run(
                store,
                run,
                at=clock.now(),
                result={"verdict": "wrong_answer", "passed": 1, "total": 3, "tests": []},
                verdict="wrong_answer",
            )
    session.finish_stage()
    store.close()
    return rec.session_id, 0, "top-k"


async def measure_screens(path: Path, replay_sid: int, runs: int) -> dict[str, list[float]]:
    from mockint.engine.clock import FakeClock
    from mockint.scenario.catalog import find_scenario
    from mockint.store.sessions import Store
    from mockint.tui.app import MockintApp
    from mockint.tui.screens.history import HistoryScreen
    from mockint.tui.screens.replay import ReplayScreen
    from mockint.tui.screens.review_nav import open_review

    out: dict[str, list[float]] = {
        k: [] for k in ("open", "filter", "jump", "open_cpu", "filter_cpu", "jump_cpu")
    }
    app = MockintApp(
        Store(path), default_scenario=find_scenario(None), clock=FakeClock(START + 900 * DAY)
    )
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(1.0)
        for _ in range(runs):
            t, c = time.perf_counter(), time.process_time()
            open_review(app, "history")
            while not (
                isinstance(app.screen, HistoryScreen) and app.screen.is_mounted and app.screen.rows
            ):
                await asyncio.sleep(0)
            await pilot.pause()  # drawn
            out["open"].append((time.perf_counter() - t) * 1000)
            out["open_cpu"].append((time.process_time() - c) * 1000)
            screen = app.screen
            for mode, word in (("practice", "dynamic"), ("solo", ""), (None, "heap"), (None, "")):
                t, c = time.perf_counter(), time.process_time()
                screen.query_.mode = mode
                screen.query_.search = word or None
                screen.reload()
                await pilot.pause()
                out["filter"].append((time.perf_counter() - t) * 1000)
                out["filter_cpu"].append((time.process_time() - c) * 1000)
            app.pop_screen()
            await pilot.pause()
        open_review(app, "replay", replay_sid, 0, "top-k")
        while not (isinstance(app.screen, ReplayScreen) and app.screen.is_mounted):
            await asyncio.sleep(0)
        await pilot.pause()
        screen = app.screen
        rng = random.Random(3)
        code = screen.query_one("#replay-code")
        from mockint.review import replay as rp

        for _ in range(runs * 10):
            target = rng.uniform(0, screen.round.duration)
            expected = rp.frame(app.store, screen.round, target).code
            t, c = time.perf_counter(), time.process_time()
            screen.seek(target)
            out["jump"].append((time.perf_counter() - t) * 1000)
            out["jump_cpu"].append((time.process_time() - c) * 1000)
            assert code.text == expected
            await pilot.pause()
    return out


def next_ms(path: Path, runs: int = 5) -> list[float]:
    env = dict(os.environ, MOCKINT_DB=str(path))
    times = []
    subprocess.run(
        [sys.executable, "-m", "mockint", "next", "--json"],
        env=env,
        capture_output=True,
        check=True,
    )
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "mockint", "next", "--json"],
            env=env,
            capture_output=True,
            check=True,
        )
        times.append((time.perf_counter() - t) * 1000)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="Keep the generated database here.")
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="mockint-history-"))
    os.environ["XDG_DATA_HOME"] = str(tmp / "data")
    path = args.keep or tmp / "history.db"
    if path.exists():
        raise SystemExit(f"{path} exists; give a new file to --keep")
    print(f"writing {args.sessions} sessions to {path} ...", file=sys.stderr)
    made = generate(path, args.sessions)
    replay = long_round(path)
    from mockint.review import queue
    from mockint.store.sessions import Store

    store = Store(path)
    queue.refresh_all(store)
    sessions = store.conn.execute("SELECT count(*) FROM sessions").fetchone()[0]
    cards = store.conn.execute("SELECT count(*) FROM review_cards").fetchone()[0]
    store.close()
    print(
        f"written in {made['write_s']:.1f} s; summaries and cards of all {sessions} sessions "
        f"built in {made['summaries_s']:.1f} s (once, as the app does after each session); "
        f"{cards} cards"
    )
    times = asyncio.run(measure_screens(path, replay[0], args.runs))
    nxt = next_ms(path, args.runs)
    med = {k: statistics.median(v) for k, v in times.items()}
    print(
        f"history open: median {med['open']:.0f} ms, max {max(times['open']):.0f}; "
        f"filter: median {med['filter']:.0f} ms, max {max(times['filter']):.0f}"
    )
    print(
        f"replay jump (3,600 snapshots): median {med['jump']:.1f} ms, max {max(times['jump']):.1f}"
    )
    print(f"mockint next --json: median {statistics.median(nxt):.0f} ms, max {max(nxt):.0f}")
    print(
        f"CPU time of this process (the machine may be shared): open {med['open_cpu']:.0f} ms, "
        f"filter {med['filter_cpu']:.0f} ms, jump {med['jump_cpu']:.1f} ms; load average "
        f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs"
    )
    print(
        f"open_ms={med['open']:.0f} filter_ms={med['filter']:.0f} "
        f"replay_jump_ms={med['jump']:.1f} next_ms={statistics.median(nxt):.0f}"
    )


if __name__ == "__main__":
    main()
