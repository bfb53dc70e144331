"""A pair round's report for one side: the session's usual report plus the round's own part
(who played which role, the hints and follow-ups pushed with their times, the clock actions,
both sides' feedback once both were given). Only the interviewer's copy has the private
notes and the rubric; the candidate's copy never reads them."""

from __future__ import annotations

from typing import Any

from mockint.engine.timefmt import elapsed_text
from mockint.store.sessions import Store

CLOCK_EVENTS = {
    "stage_started": "started",
    "paused": "paused",
    "resumed": "resumed",
    "time_added": "+5 minutes",
    "stage_finished": "finished",
    "stage_skipped": "skipped",
}


def pair_part(store: Store, session_id: int, view: str) -> dict[str, Any]:
    from mockint.store import pair as records

    rnd = records.get_round(store, session_id)
    if rnd is None:
        raise ValueError(f"session {session_id} is not a pair round")
    pushes, clock = [], []
    for e in store.events(session_id):
        if e["kind"] == "pair_push":
            d = e["data"]
            pushes.append(
                {"stage": e["stage_idx"], "elapsed": d.get("elapsed"), "kind": d.get("kind"),
                 "text": d.get("text")}
            )  # fmt: skip
        elif e["kind"] in CLOCK_EVENTS:
            clock.append(
                {"stage": e["stage_idx"], "elapsed": e["elapsed_s"], "action": CLOCK_EVENTS[e["kind"]]}
            )  # fmt: skip
    fb = records.feedback(store, session_id)
    part: dict[str, Any] = {
        "room": rnd.room,
        "round": rnd.round,
        "interviewer": rnd.interviewer,
        "candidate": rnd.candidate,
        "pushes": pushes,
        "clock": clock,
        # Each side's feedback is shown only once both have given theirs.
        "feedback": {k: {"rating": v["rating"], "text": v["text"]} for k, v in fb.items()}
        if len(fb) == 2
        else {},
    }
    if view == "interviewer":
        private = records.private(store, session_id, rnd.interviewer)
        part["private_notes"] = private.get("notes", "")
        part["rubric"] = private.get("rubric", {})
    return part


def render_pair_markdown(part: dict[str, Any]) -> str:
    lines = ["", "## Pair round", ""]
    lines.append(f"Round {part['round']} of room {part['room']}: interviewer "
                 f"`{part['interviewer']}`, candidate `{part['candidate'] or '-'}`.")  # fmt: skip
    if part["pushes"]:
        lines += ["", "Pushed by the interviewer:", ""]
        for p in part["pushes"]:
            at = elapsed_text(p["elapsed"] or 0)
            lines.append(
                f"- stage {p['stage'] + 1}, {at}: {p['kind'].replace('_', '-')}: {p['text']}"
            )
    if part["clock"]:
        lines += ["", "Clock:", ""]
        for c in part["clock"]:
            at = elapsed_text(c["elapsed"] or 0)
            lines.append(f"- stage {(c['stage'] or 0) + 1}, {at}: {c['action']}")
    if part["feedback"]:
        lines += ["", "Feedback:", ""]
        for role, f in sorted(part["feedback"].items()):
            lines.append(f"- from the {role}: {f['rating']}/4 {f['text']}")
    if "private_notes" in part:
        lines += ["", "### Interviewer only", "", "Private notes:", ""]
        lines.append(part["private_notes"] or "(none)")
        rubric = part.get("rubric") or {}
        labels = rubric.get("labels", {})
        lines += ["", "Rubric:", ""]
        for k, v in (rubric.get("scores") or {}).items():
            lines.append(f"- {labels.get(k, k)}: {v}/4")
        call = rubric.get("call")
        lines.append(f"- call: {call.replace('_', '-') if call else '(none)'}")
    return "\n".join(lines) + "\n"


def render_pair_html(part: dict[str, Any]) -> str:
    """The same content as `render_pair_markdown`, as an HTML section (every text escaped)."""
    from html import escape

    def items(lines: list[str]) -> str:
        return "<ul>" + "".join(f"<li>{escape(x)}</li>" for x in lines) + "</ul>"

    md = render_pair_markdown(part)
    out, bullets = [], []
    for line in md.splitlines():
        if line.startswith("- "):
            bullets.append(line[2:])
            continue
        if bullets:
            out.append(items(bullets))
            bullets = []
        if line.startswith("### "):
            out.append(f"<h3>{escape(line[4:])}</h3>")
        elif line.startswith("## "):
            out.append(f"<h2>{escape(line[3:])}</h2>")
        elif line.strip():
            out.append(f"<p>{escape(line.replace('`', ''))}</p>")
    if bullets:
        out.append(items(bullets))
    return "\n".join(out) + "\n"
