"""The candidate's runs and submits in a pair round: the hub records each run, hands the
code to the local judge and forwards its events to both participants as they come, with the
same verdict line and advice as a solo coding screen (mockint/tui/port.py), the runs so far,
and once a submit is accepted the problem's discussion and reference solution."""

from __future__ import annotations

import asyncio
import secrets
from typing import TYPE_CHECKING, Any

from mockint.pair import wire
from mockint.pair.text import clip

if TYPE_CHECKING:
    from mockint.pair.hub import Hub, Room

CANDIDATE = wire.CANDIDATE


def run(hub: Hub, room: Room, msg: wire.Run) -> None:
    s = room.session
    plan = hub._plan(room)
    if s is None or plan is None or plan["kind"] != "coding" or room.recorder is None:
        return
    slug = msg.problem
    if slug not in {p["slug"] for p in plan["problems"]}:
        return
    hidden = msg.hidden
    kind = "submit" if hidden else "run"
    if room.running:
        # To the candidate's screen alone, as the end of the run it asked for.
        refused = {"id": "", "problem": slug, "kind": kind, "state": "done", "tests": []}
        refused |= {"verdict": "error", "summary": "A run is already in progress."}
        hub._send(room, CANDIDATE, wire.RunResult(result=refused))
        return
    code = room.fields.get(f"code:{slug}", {}).get("text", "")
    hub._flush(room)
    row = room.recorder.start_run(
        s.current,
        slug,
        kind=kind,
        at=hub.clock.now(),
        elapsed=s.elapsed(),
        code=code,
    )
    token = secrets.token_hex(4)
    room.running = {"token": token, "row": row, "problem": slug, "kind": kind}
    view: dict[str, Any] = {"id": token, "problem": slug, "kind": kind, "state": "running"}
    view |= {"tests": [], "summary": "", "total": 0}
    room.results[slug] = view
    hub._both(room, wire.RunResult(result=view))
    loop = asyncio.get_running_loop()

    def forward(event: dict[str, Any]) -> None:
        loop.call_soon_threadsafe(grading_event, hub, room, token, event)

    judge = ensure_judge(hub)
    room.running["handle"] = judge.submit(code, slug, hidden=hidden, on_event=forward)


def cancel(room: Room) -> None:
    handle = room.running.get("handle")
    if handle is not None:
        handle.cancel()  # its last event, "cancelled", ends the run on both screens


def ensure_judge(hub: Hub) -> Any:
    if hub._judge is None:
        if hub._judge_factory is not None:
            hub._judge = hub._judge_factory()
        else:
            from mockint.grading.client import GradingClient
            from mockint.paths import user_data_dir

            hub._judge = GradingClient(
                log_path=str(user_data_dir() / "logs" / "grading-worker.log"),
                secrets=[str(hub.store.path)],  # the rooms' database: never visible
            )
    hub._judge.start()
    return hub._judge


def solved(hub: Hub, room: Room, slug: str) -> bool:
    """Whether a submit of this problem was accepted in the current stage."""
    return bool(stats(hub, room, slug).get("accepted_s") is not None)


def stats(hub: Hub, room: Room, slug: str) -> dict[str, Any]:
    from mockint.store.coding import run_stats

    s = room.session
    if s is None or room.session_id is None or s.finished:
        return {}
    if room.recorder is not None:
        room.recorder.flush()  # the verdict just queued is counted
    return run_stats(hub.store, room.session_id, s.current, slug)


def claim(room: Room, slug: str) -> tuple[str, str]:
    """The candidate's stated complexity for a problem, as last recorded."""
    out = ("", "")
    for ev in room.stage_events:
        data = ev["data"]
        if ev["kind"] == "complexity_claimed" and data.get("problem") == slug:
            out = (str(data.get("time", "")), str(data.get("space", "")))
    return out


def _finished(hub: Hub, room: Room, view: dict[str, Any], result: dict[str, Any] | None) -> None:
    """The verdict line, advice, runs so far and (once solved) the discussion."""
    from mockint.grading.problems import ProblemError, load_problem
    from mockint.tui.port import run_done

    slug = view["problem"]
    try:
        problem = load_problem(slug)
    except ProblemError:
        problem = None
    if result is not None and problem is not None:
        done = run_done(problem, claim(room, slug), result)
        view["headline"], view["advice"] = clip(done.headline, 500), clip(done.advice, 4000)
    view["stats"] = stats(hub, room, slug)
    if problem is not None and view["stats"].get("accepted_s") is not None:
        from mockint.tui.local_session import discussion_of

        view["discussion"], view["reference"] = discussion_of(problem)


def test_row(test: dict[str, Any]) -> dict[str, Any]:
    """One test's row of a run's view, its texts bounded."""
    return {
        "id": clip(test.get("id", ""), 200),
        "visible": bool(test.get("visible")),
        "verdict": clip(test.get("verdict", ""), 40),
        "message": clip(test.get("message", ""), 4000),
        "time_ms": float(test.get("time_ms") or 0.0),
    }


def last_results(hub: Hub, room: Room) -> dict[str, dict[str, Any]]:
    """Each problem's last finished run in the current stage, as the screens showed it (a
    room reopened after its server stopped shows them again); a run the stop cut short is
    left out."""
    from mockint.kinds import run_summary
    from mockint.store.coding import runs

    s, plan = room.session, hub._plan(room)
    if s is None or plan is None or plan["kind"] != "coding" or room.session_id is None:
        return {}
    out: dict[str, dict[str, Any]] = {}
    for r in runs(hub.store, room.session_id, s.current):
        if not r.get("verdict"):
            continue
        result = r.get("result")
        tests = [test_row(t) for t in (result or {}).get("tests") or [] if isinstance(t, dict)]
        view: dict[str, Any] = {"id": f"stored-{r['id']}", "problem": r["problem"]}
        view |= {"kind": r["kind"], "state": "done", "verdict": r["verdict"]}
        view |= {"tests": tests, "total": int((result or {}).get("total") or len(tests))}
        view["summary"] = clip(run_summary(result), 500) if result else "Run ended."
        _finished(hub, room, view, result)
        out[str(r["problem"])] = view
    return out


def grading_event(hub: Hub, room: Room, token: str, event: dict[str, Any]) -> None:
    from mockint.kinds import run_summary

    run = room.running
    if not run or run.get("token") != token:
        return
    view = room.results.get(run["problem"])
    if view is None:
        return
    kind = event.get("event")
    if kind == "started":
        view["total"] = int(event.get("total") or 0)
    elif kind == "test":
        view["tests"].append(test_row(event.get("test") or {}))
    elif kind in ("done", "cancelled", "error"):
        result = event.get("result") if kind == "done" else None
        if result is not None:
            verdict = str(result.get("verdict", ""))
            view["summary"] = clip(run_summary(result), 500)
            view["verdict"] = verdict
        else:
            from mockint.tui.port import judge_failed

            verdict = "cancelled" if kind == "cancelled" else "error"
            failed = judge_failed(event).message if kind == "error" else "Run cancelled."
            view["summary"] = clip(failed, 500)
            view["verdict"] = verdict
        view["state"] = "done"
        room.running = {}
        if room.recorder is not None:
            room.recorder.finish_run(run["row"], at=hub.clock.now(), result=result, verdict=verdict)
        _finished(hub, room, view, result)
    else:
        return
    hub._both(room, wire.RunResult(result=view))
