"""Replay of a scripted coding round: exact code at every run and submit, the scrubber."""

import random

from mockint.review import replay as rp
from mockint.store.coding import runs, timeline
from tests.review.sessions import Step, coding_session

BODY = "class MovingAverage:\n    def __init__(self, window):\n        self.w = window\n"
PASTED = "\n".join(f"    # pasted line {i} with some text" for i in range(10)) + "\n"


def scripted_round(store, clock):
    steps = [Step(1, code="c")]
    text = "c"
    for ch in BODY[1:40]:  # typing, one snapshot a second
        text += ch
        steps.append(Step(1, code=text))
    steps.append(Step(2, run="run", verdict="wrong_answer", passed=1))
    steps.append(Step(60))  # an idle minute with nothing recorded
    text += BODY[40:]
    steps.append(Step(1, code=text, run="run", verdict="runtime_error", passed=0))
    text += PASTED  # a large paste
    steps.append(Step(1, code=text))
    steps.append(Step(1, code=text + "    pass\n", run="submit", verdict="accepted"))
    return coding_session(store, clock, "moving-average", steps)


def test_the_code_at_every_run_and_submit_is_exactly_what_was_graded(store, clock):
    sid = scripted_round(store, clock)
    assert rp.rounds(store, sid) == [(0, "moving-average")]
    rnd = rp.load(store, sid, 0, "moving-average")
    graded = runs(store, sid, 0)
    assert [m.kind for m in rnd.marks] == ["run", "run", "submit"]
    assert [m.verdict for m in rnd.marks] == ["wrong_answer", "runtime_error", "accepted"]
    snaps = timeline(store, sid, 0, "moving-average")
    for mark, run in zip(rnd.marks, graded, strict=True):
        assert mark.t == run["elapsed_s"]
        f = rp.frame(store, rnd, mark.t)
        assert f.mark == mark and f.code == run["code"]
        # ...and the snapshot timeline itself holds that code at that time.
        assert snaps[rnd.index_at(mark.t)].code == run["code"]


def test_the_scrubber_lands_on_the_snapshot_for_a_given_time(store, clock):
    sid = scripted_round(store, clock)
    rnd = rp.load(store, sid, 0, "moving-average")
    snaps = timeline(store, sid, 0, "moving-average")
    rng = random.Random(7)
    times = [rng.uniform(-1, rnd.duration + 1) for _ in range(200)] + [s.elapsed_s for s in snaps]
    for t in times:
        expected = [s for s in snaps if s.elapsed_s <= t]
        f = rp.frame(store, rnd, t)
        if f.mark is not None:
            continue  # a run's own code (checked above)
        assert f.code == (expected[-1].code if expected else "")
        if expected:
            assert f.cursor == expected[-1].cursor


def test_pastes_idle_stretches_and_the_timeline_line(store, clock):
    sid = scripted_round(store, clock)
    rnd = rp.load(store, sid, 0, "moving-average")
    assert [p.chars for p in rnd.pastes] == [len(PASTED)]
    run1 = rnd.marks[0]
    # Playing from the first run: the idle minute is skipped in one step when asked.
    assert rp.advance(rnd, run1.t, 1.0, skip_idle=False) == run1.t + 1
    assert rp.advance(rnd, run1.t, 1.0, skip_idle=True) == rnd.marks[1].t
    assert rnd.mark_near(run1.t, 1) == rnd.marks[1]
    assert rnd.mark_near(run1.t, -1) is None
    line = rp.timeline_text(rnd, 240)
    assert len(line) == 240 and line.count("r") == 2 and "S" in line and "P" in line
    assert "┃" in rp.timeline_text(rnd, 60, at=0.0)


def test_control_characters_never_reach_the_screen():
    from mockint.review.format import safe

    shown = safe("print('\x1b[2J\x1b]0;owned\x07')\n\tx = 1\r\x00")
    assert "\x1b" not in shown and "\x07" not in shown and "\x00" not in shown
    assert "\n\tx = 1" in shown
