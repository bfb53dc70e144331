"""Plain-text lines for the review commands and screens (no markup, no Textual)."""

from __future__ import annotations

import re
from typing import Any

_CONTROL = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b.?|[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def safe(text: str) -> str:
    """Text from a candidate (their code, in pair mode another person's) as it may reach a
    screen: escape sequences and control characters become U+FFFD; newlines and tabs stay."""
    return _CONTROL.sub("\ufffd", text)


AREA_SHORT = {"coding": "cod", "system_design": "des", "behavioural": "beh"}


def when(ts: float) -> str:
    from datetime import datetime  # lazily: the home screen imports this module

    return datetime.fromtimestamp(ts).strftime("%Y-%m-%d %H:%M")


def score(v: float | None) -> str:
    return "-" if v is None else f"{v:.0f}"


def minutes(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    m = round(seconds / 60)
    return f"{m // 60}h{m % 60:02d}" if m >= 60 else f"{m} min"


def areas(a: dict[str, float | None]) -> str:
    return " ".join(f"{AREA_SHORT.get(k, k[:3])} {score(v)}" for k, v in sorted(a.items()))


def history_line(r: Any) -> str:
    return (
        f"{r.id:>5}  {when(r.created_at)}  {r.mode:<8} {r.status:<9} "
        f"{minutes(r.used_s):>7}  {score(r.overall):>3}  {r.title}"
        + (f"  ({areas(r.areas)})" if r.areas else "")
    )


def due_in(due: float, now: float) -> str:
    days = (due - now) / 86400
    if days <= 0:
        late = -days
        return "due now" if late < 1 else f"{late:.0f} d overdue"
    if days < 1:
        return f"due in {days * 24:.0f} h"
    return f"due in {days:.0f} d"


KIND_LABEL = {"problem": "problem", "question": "question", "star": "STAR", "story": "story"}


def due_line(d: Any, now: float) -> str:
    title = d.title if len(d.title) <= 70 else d.title[:69] + "…"
    return f"[{KIND_LABEL.get(d.kind, d.kind)}] {title}  ({due_in(d.due, now)})"


def plan_lines(spec: Any, weeks: list[Any]) -> list[str]:
    head = f"Plan: {spec.weeks} weeks from {spec.start.isoformat()}"
    if spec.until:
        head += f" to the interview on {spec.until.isoformat()}"
    out = [head + " (> this week; done/target)"]
    for w in weeks:
        mark = {"past": " ", "current": ">", "future": " "}[w.status]
        t, d = w.targets, w.done
        out.append(f"{mark} Week {w.number} ({w.start.isoformat()}): {w.theme}")
        if w.focus:
            out.append("    focus: " + ", ".join(w.focus))
        out.append(
            f"    loops {d['loops']}/{t['loops']}, practice {d['practice']}/{t['practice']},"
            f" reviews {d['reviews']}/{t['reviews']}"
        )
        for title in w.due[:5]:
            out.append("    - " + (title if len(title) <= 70 else title[:69] + "…"))
        if len(w.due) > 5:
            out.append(f"    ... and {len(w.due) - 5} more due")
    return out


BARS = "▁▂▃▄▅▆▇█"


def spark(values: list[float], width: int = 12, lo: float = 0.0, hi: float = 100.0) -> str:
    """The last `width` values (scores 0-100) as block characters, for table cells."""
    out = []
    for v in values[-width:]:
        share = 0.0 if hi <= lo else (min(hi, max(lo, v)) - lo) / (hi - lo)
        out.append(BARS[min(len(BARS) - 1, int(share * len(BARS)))])
    return "".join(out)


HISTORY_HEADER = (
    f"{'#':>5}  {'Started':<16}  {'Score':>5}  {'Time':>7}  {'Scenario':<28}  {'Mode':<8}  "
    f"{'Status':<9}  Areas"
)


def history_row(r: Any) -> str:
    """One fixed-width line of the history screen (columns as in HISTORY_HEADER): what
    tells sessions apart first, so a narrow terminal cuts only the last columns."""
    title = safe(r.title if len(r.title) <= 28 else r.title[:27] + "…")
    return (
        f"{r.id:>5}  {when(r.created_at):<16}  {score(r.overall):>5}  {minutes(r.used_s):>7}  "
        f"{title:<28}  {r.mode:<8}  {r.status:<9}  {areas(r.areas)}"
    ).rstrip()
