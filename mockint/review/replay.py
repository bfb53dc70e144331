"""Replay of a coding round: the editor's timeline, its runs and submits, and pastes.

A round is one problem in one coding stage of a session. Its timeline is the recorded code
snapshots (at most a second apart) on the stage clock (`elapsed_s`, pauses left out); when
a snapshot has no stage time, wall-clock time since the first snapshot is used instead.

Only the snapshots' times and sizes are loaded up front; the code of a position is read by
row id when it is shown, so a 60-minute round (3,600 snapshots) opens and jumps quickly.
At a run or submit the replay shows the code that was graded, exactly (the coding screen
saves a snapshot right before each run, and the run row keeps its own copy).

A pair round has a second track, the interviewer's: the hints, follow-ups and curveballs
pushed and the clock actions (both sides saw those), and, in the interviewer's own view
only, the private notes as they were typed.
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
class Cue:
    """Something the interviewer did in a pair round, on the round's clock."""

    t: float
    kind: str  # hint, follow_up, curveball, paused, resumed, time_added
    text: str


CUE_EVENTS = {"paused": "paused the clock", "resumed": "resumed the clock",
              "time_added": "added 5 minutes"}  # fmt: skip
# On the stage clock a pause and its resume fall at the same time: the line shows the pause.
CUE_LETTERS = {"hint": "h", "follow_up": "f", "curveball": "c", "paused": "‖", "time_added": "+"}
VIEWS = ("candidate", "interviewer")


@dataclass
class PairTrack:
    """The interviewer's side of a pair round."""

    interviewer: str
    candidate: str | None
    view: str  # whose replay: "candidate" (no private notes) or "interviewer"
    cues: list[Cue] = field(default_factory=list)
    note_ids: list[int] = field(default_factory=list)  # interviewer's view only
    note_times: list[float] = field(default_factory=list)  # -1: typed in an earlier stage

    def note_index_at(self, t: float) -> int | None:
        i = bisect.bisect_right(self.note_times, t + 1e-9) - 1
        return i if i >= 0 else None


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
    pair: PairTrack | None = None
    _lines: dict[int, str] = field(default_factory=dict, repr=False, compare=False)

    @property
    def duration(self) -> float:
        ends = self.times[-1:] + [m.t for m in self.marks[-1:]]
        if self.pair is not None:
            ends += [c.t for c in self.pair.cues[-1:]] + self.pair.note_times[-1:]
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
        if self.pair is not None:
            cands += [c.t for c in self.pair.cues if c.t > t + 1e-9][:1]
            k = bisect.bisect_right(self.pair.note_times, t + 1e-9)
            cands += self.pair.note_times[k : k + 1]
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
    notes: str | None = None  # a pair round in the interviewer's view: the notes then


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


def default_view(store: Store, session_id: int) -> str | None:
    """Whose replay a pair round opens in (see `store.pair.own_view`); None for solo."""
    from mockint.store.pair import own_view

    return own_view(store, session_id)


def load(
    store: Store, session_id: int, stage_idx: int, problem: str, view: str | None = None
) -> Round:
    """A round's timeline; for a pair round, `view` picks whose (default: `default_view`)."""
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
    rnd.pair = _pair_track(store, session_id, stage_idx, view)
    return rnd


def _pair_track(
    store: Store, session_id: int, stage_idx: int, view: str | None
) -> PairTrack | None:
    from mockint.store import pair as records

    pr = records.get_round(store, session_id)
    if pr is None:
        return None
    if view is None:
        view = records.own_view(store, session_id) or "candidate"
    if view not in VIEWS:
        raise ValueError(f"view: {view!r} is not one of {', '.join(VIEWS)}")
    track = PairTrack(pr.interviewer, pr.candidate, view)
    for e in store.events(session_id):
        if e["stage_idx"] != stage_idx or e["elapsed_s"] is None:
            continue
        if e["kind"] == "pair_push":
            d = e["data"]
            track.cues.append(Cue(float(e["elapsed_s"]), str(d.get("kind")), str(d.get("text"))))
        elif e["kind"] in CUE_EVENTS:
            track.cues.append(Cue(float(e["elapsed_s"]), e["kind"], CUE_EVENTS[e["kind"]]))
    track.cues.sort(key=lambda c: c.t)
    if view == "interviewer":
        last = -1.0
        for row_id, stage, _at, elapsed in records.note_times(store, session_id, pr.interviewer):
            if stage is not None and stage > stage_idx:
                break
            t = -1.0 if stage is None or stage < stage_idx else float(elapsed or 0.0)
            last = max(last, t)  # never backwards
            track.note_ids.append(row_id)
            track.note_times.append(last)
    return track


def frame(store: Store, rnd: Round, t: float) -> Frame:
    """The code on screen at time t. At a run or submit, the code that was graded."""
    mark = next((m for m in rnd.marks if abs(m.t - t) < 1e-6), None)
    i = rnd.index_at(t)
    notes = notes_at(store, rnd, t)
    if mark is not None:
        row = store.conn.execute(
            "SELECT code FROM grading_runs WHERE id = ?", (mark.run_id,)
        ).fetchone()
        cursor = _cursor(store, rnd, i)
        return Frame(t, row["code"] if row else "", cursor, mark, i, notes)
    if i is None:
        return Frame(t, "", (0, 0), None, None, notes)
    row = store.conn.execute(
        "SELECT code, cursor_row, cursor_col FROM code_snapshots WHERE id = ?", (rnd.ids[i],)
    ).fetchone()
    return Frame(t, row["code"], (row["cursor_row"], row["cursor_col"]), None, i, notes)


def notes_at(store: Store, rnd: Round, t: float) -> str | None:
    """The interviewer's notes at time t (interviewer's view of a pair round), else None."""
    from mockint.store.pair import note_body

    if rnd.pair is None or rnd.pair.view != "interviewer":
        return None
    i = rnd.pair.note_index_at(t)
    return "" if i is None else note_body(store, rnd.pair.note_ids[i])


def cue_line_text(rnd: Round, width: int, at: float | None = None) -> str:
    """The interviewer's track on the same scale as `timeline_text`: `h` hints, `f`
    follow-ups, `c` curveballs, `‖` pauses, `+` added time, `·` notes typed."""
    width = max(10, width)
    cells = [" "] * width
    if rnd.pair is not None:
        for nt in rnd.pair.note_times:
            if nt >= 0:
                cells[_col(rnd, width, nt)] = "·"
        for c in rnd.pair.cues:
            if c.kind in CUE_LETTERS:
                cells[_col(rnd, width, c.t)] = CUE_LETTERS[c.kind]
    if at is not None:
        i = _col(rnd, width, at)
        cells[i] = "┃"
    return "".join(cells)


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
