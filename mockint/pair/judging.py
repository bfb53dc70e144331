"""The candidate's runs and submits in a pair round: the hub records each run, hands the
code to the local judge and forwards its events to both participants as they come."""

from __future__ import annotations

import asyncio
import secrets
from typing import TYPE_CHECKING, Any

from mockint.kinds import run_summary
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
    if room.running:
        hub._error(room, CANDIDATE, "A run is already in progress.")
        return
    hidden = msg.hidden
    kind = "submit" if hidden else "run"
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
    view = {"problem": slug, "kind": kind, "state": "running", "tests": [], "summary": ""}
    room.results[slug] = view
    hub._both(room, wire.RunResult(result=view))
    loop = asyncio.get_running_loop()

    def forward(event: dict[str, Any]) -> None:
        loop.call_soon_threadsafe(grading_event, hub, room, token, event)

    judge = ensure_judge(hub)
    judge.submit(code, slug, hidden=hidden, on_event=forward)


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


def grading_event(hub: Hub, room: Room, token: str, event: dict[str, Any]) -> None:
    run = room.running
    if not run or run.get("token") != token:
        return
    view = room.results.get(run["problem"])
    if view is None:
        return
    kind = event.get("event")
    if kind == "test":
        test = event.get("test") or {}
        view["tests"].append(
            {
                "id": clip(test.get("id", ""), 200),
                "visible": bool(test.get("visible")),
                "verdict": clip(test.get("verdict", ""), 40),
                "message": clip(test.get("message", ""), 4000),
            }
        )
    elif kind in ("done", "cancelled", "error"):
        result = event.get("result") if kind == "done" else None
        if result is not None:
            verdict = str(result.get("verdict", ""))
            view["summary"] = clip(run_summary(result), 500)
            view["verdict"] = verdict
        else:
            verdict = "cancelled" if kind == "cancelled" else "error"
            view["summary"] = clip(event.get("message", verdict), 500)
            view["verdict"] = verdict
        view["state"] = "done"
        room.running = {}
        if room.recorder is not None:
            room.recorder.finish_run(run["row"], at=hub.clock.now(), result=result, verdict=verdict)
    else:
        return
    hub._both(room, wire.RunResult(result=view))
