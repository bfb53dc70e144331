"""Replay of a coding round: the editor's timeline, its runs and submits, and pastes.

A round is one problem in one coding stage of a session. Its timeline is the recorded code
snapshots (at most a second apart) on the stage clock (`elapsed_s`, pauses left out); when
a snapshot has no stage time, wall-clock time since the first snapshot is used instead.

Only the snapshots' times and sizes are loaded up front; the code of a position is read by
row id when it is shown, so a 60-minute round (3,600 snapshots) opens and jumps quickly.
At a run or submit the replay shows the code that was graded, exactly (the coding screen
saves a snapshot right before each run, and the run row keeps its own copy).
"""

from __future__ import annotations

import bisect
import json
from dataclasses import dataclass, field
from typing import Any

from mockint.store.sessions import Store

PASTE_CHARS = 120  # more characters added between two snapshots than anyone types in a second
IDLE_S = 15.0  # a stretch without a snapshot this long is "idle" and can be skipped
SPEEDS = (1, 2, 5, 10, 20)


@dataclass(frozen=True)
class Mark:
    """A run or submit on the timeline."""

    t: float
    kind: str  # "run" or "submit"
    verdict: str | None
    passed: int | None
    total: int | None
    run_id: int


@dataclass(frozen=True)
class Paste:
    t: float
    chars: int


@dataclass
class Round:
    session_id: int
    stage_idx: int
    problem: str
    ids: list[int] = field(default_factory=list)  # snapshot row ids, in time order
    times: list[float] = field(default_factory=list)  # seconds on the round's clock
    sizes: list[int] = field(default_factory=list)
    marks: list[Mark] = field(default_factory=list)
    pastes: list[Paste] = field(default_factory=list)
    _lines: dict[int, str] = field(default_factory=dict, repr=False, compare=False)

    @property
    def duration(self) -> float:
        ends = self.times[-1:] + [m.t for m in self.marks[-1:]]
        return max(ends) if ends else 0.0

    def index_at(self, t: float) -> int | None:
        """The snapshot shown at time t: the last one at or before it (None before the first)."""
        i = bisect.bisect_right(self.times, t + 1e-9) - 1
        return i if i >= 0 else None

    def next_time(self, t: float) -> float | None:
        """When the picture next changes after t (a snapshot or a mark)."""
        i = bisect.bisect_right(self.times, t + 1e-9)
        cands = [self.times[i]] if i < len(self.times) else []
        j = bisect.bisect_right([m.t for m in self.marks], t + 1e-9)
        if j < len(self.marks):
            cands.append(self.marks[j].t)
        return min(cands) if cands else None

    def mark_near(self, t: float, direction: int) -> Mark | None:
        """The next (direction 1) or previous (-1) run or submit from t."""
        if direction > 0:
            later = [m for m in self.marks if m.t > t + 1e-6]
            return later[0] if later else None
        earlier = [m for m in self.marks if m.t < t - 1e-6]
        return earlier[-1] if earlier else None


@dataclass(frozen=True)
class Frame:
    """What the replay shows at a time."""

    t: float
    code: str
    cursor: tuple[int, int]
    mark: Mark | None  # a run or submit exactly at t
    snapshot: int | None  # index into the round's snapshots


def rounds(store: Store, session_id: int) -> list[tuple[int, str]]:
    """(stage_idx, problem) of every coding round that has something to replay."""
    rows = store.conn.execute(
        "SELECT stage_idx, problem, min(id) AS first FROM code_snapshots WHERE session_id = ?"
        " GROUP BY stage_idx, problem"
        " UNION SELECT stage_idx, problem, min(id) + 1e12 FROM grading_runs WHERE session_id = ?"
        " GROUP BY stage_idx, problem ORDER BY 1, 3",
        (session_id, session_id),
    ).fetchall()
    return list(dict.fromkeys((r[0], r[1]) for r in rows))


def load(store: Store, session_id: int, stage_idx: int, problem: str) -> Round:
    snaps = store.conn.execute(
        "SELECT id, at, elapsed_s, length(code) AS n FROM code_snapshots"
        " WHERE session_id = ? AND stage_idx = ? AND problem = ? ORDER BY id",
        (session_id, stage_idx, problem),
    ).fetchall()
    runs = store.conn.execute(
        "SELECT id, kind, started_at, elapsed_s, verdict, passed, total FROM grading_runs"
        " WHERE session_id = ? AND stage_idx = ? AND problem = ? ORDER BY id",
        (session_id, stage_idx, problem),
    ).fetchall()
    first_at = min([r["at"] for r in snaps[:1]] + [r["started_at"] for r in runs[:1]] or [0.0])

    def clock(elapsed: float | None, at: float) -> float:
        return float(elapsed) if elapsed is not None else max(0.0, at - first_at)

    rnd = Round(session_id, stage_idx, problem)
    last_t = 0.0
    for r in snaps:
        t = max(last_t, clock(r["elapsed_s"], r["at"]))  # never backwards
        rnd.ids.append(r["id"])
        rnd.times.append(t)
        rnd.sizes.append(r["n"])
        last_t = t
    for a, b, t in zip(rnd.sizes, rnd.sizes[1:], rnd.times[1:], strict=False):
        if b - a >= PASTE_CHARS:
            rnd.pastes.append(Paste(t, b - a))
    for r in runs:
        rnd.marks.append(
            Mark(
                clock(r["elapsed_s"], r["started_at"]),
                r["kind"],
                r["verdict"],
                r["passed"],
                r["total"],
                r["id"],
            )
        )
    rnd.marks.sort(key=lambda m: (m.t, m.run_id))
    return rnd


def frame(store: Store, rnd: Round, t: float) -> Frame:
    """The code on screen at time t. At a run or submit, the code that was graded."""
    mark = next((m for m in rnd.marks if abs(m.t - t) < 1e-6), None)
    i = rnd.index_at(t)
    if mark is not None:
        row = store.conn.execute(
            "SELECT code FROM grading_runs WHERE id = ?", (mark.run_id,)
        ).fetchone()
        cursor = _cursor(store, rnd, i)
        return Frame(t, row["code"] if row else "", cursor, mark, i)
    if i is None:
        return Frame(t, "", (0, 0), None, None)
    row = store.conn.execute(
        "SELECT code, cursor_row, cursor_col FROM code_snapshots WHERE id = ?", (rnd.ids[i],)
    ).fetchone()
    return Frame(t, row["code"], (row["cursor_row"], row["cursor_col"]), None, i)


def _cursor(store: Store, rnd: Round, i: int | None) -> tuple[int, int]:
    if i is None:
        return (0, 0)
    row = store.conn.execute(
        "SELECT cursor_row, cursor_col FROM code_snapshots WHERE id = ?", (rnd.ids[i],)
    ).fetchone()
    return (row[0], row[1]) if row else (0, 0)


def run_detail(store: Store, run_id: int) -> dict[str, Any] | None:
    row = store.conn.execute("SELECT result_json FROM grading_runs WHERE id = ?", (run_id,))
    r = row.fetchone()
    return json.loads(r[0]) if r and r[0] else None


def advance(rnd: Round, t: float, dt: float, *, skip_idle: bool) -> float:
    """Playback: the time after `dt` seconds of round time from t. With `skip_idle`, a
    stretch of IDLE_S or more with nothing recorded is jumped over to its end."""
    if skip_idle:
        nxt = rnd.next_time(t)
        if nxt is not None and nxt - t >= IDLE_S:
            return nxt
    return min(rnd.duration, t + dt)


def timeline_text(rnd: Round, width: int, at: float | None = None) -> str:
    """A one-line picture of the round: `·` snapshots, `r`/`R` runs (lower case when
    not accepted), `s`/`S` submits, `P` large pastes, `┃` the position. Pure; the picture
    without the position is kept per width, so moving the position costs nothing more."""
    width = max(10, width)
    base = rnd._lines.get(width)
    if base is None:
        base = rnd._lines[width] = _timeline_base(rnd, width)
    if at is None:
        return base
    i = _col(rnd, width, at)
    return base[:i] + "┃" + base[i + 1 :]


def _col(rnd: Round, width: int, t: float) -> int:
    dur = rnd.duration or 1.0
    return min(width - 1, max(0, int(t / dur * (width - 1) + 0.5)))


def _timeline_base(rnd: Round, width: int) -> str:
    cells = [" "] * width
    for t in rnd.times:
        cells[_col(rnd, width, t)] = "·"
    for p in rnd.pastes:
        cells[_col(rnd, width, p.t)] = "P"
    for m in rnd.marks:
        letter = "s" if m.kind == "submit" else "r"
        cells[_col(rnd, width, m.t)] = letter.upper() if m.verdict == "accepted" else letter
    return "".join(cells)
