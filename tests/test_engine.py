import pytest

from mockint.engine.alerts import crossed, phase
from mockint.engine.clock import FakeClock
from mockint.engine.session import Session, StageState, TransitionError
from mockint.engine.timefmt import clock_text, elapsed_text
from mockint.scenario.catalog import find_scenario


@pytest.fixture
def loop():
    clock = FakeClock()
    return Session(find_scenario("aiml-engineer"), clock), clock


def test_stage_runs_only_while_started(loop):
    s, clock = loop
    assert s.run.state is StageState.NOT_STARTED
    clock.advance(100)
    assert s.elapsed() == 0
    s.start()
    clock.advance(61)
    assert s.elapsed() == 61
    assert s.remaining() == 45 * 60 - 61


def test_pause_stops_the_clock(loop):
    s, clock = loop
    s.start()
    clock.advance(10)
    s.pause()
    clock.advance(500)
    assert s.elapsed() == 10
    s.resume()
    clock.advance(5)
    assert s.elapsed() == 15


def test_overtime_is_counted(loop):
    s, clock = loop
    s.start()
    clock.advance(45 * 60 + 90)
    assert s.remaining() == -90
    assert s.overtime() == 90
    ev = s.finish_stage()
    assert ev.kind == "stage_finished"
    assert ev.data["overtime"] == 90
    assert s.current == 1


def test_skip_is_recorded_and_moves_on(loop):
    s, _ = loop
    ev = s.skip_stage()
    assert ev.kind == "stage_skipped"
    assert s.runs[0].skipped and s.runs[0].state is StageState.FINISHED
    assert s.current == 1


def test_every_transition_is_an_event_and_the_loop_ends(loop):
    s, clock = loop
    seen = []
    s.subscribe(lambda ev, sess: seen.append(ev.kind))
    for i in range(len(s.runs)):
        if i == 2:
            s.skip_stage()
            continue
        s.start()
        clock.advance(30)
        s.pause()
        s.resume()
        s.finish_stage()
    assert s.finished
    assert seen.count("stage_started") == 5
    assert seen.count("stage_skipped") == 1
    assert seen[-1] == "session_finished"
    assert [e.kind for e in s.events] == seen


@pytest.mark.parametrize(
    "action",
    ["pause", "resume", "finish_stage"],
)
def test_illegal_transitions_raise(loop, action):
    s, _ = loop
    with pytest.raises(TransitionError):
        getattr(s, action)()


def test_cannot_start_twice_or_skip_a_running_stage(loop):
    s, _ = loop
    s.start()
    with pytest.raises(TransitionError):
        s.start()
    with pytest.raises(TransitionError):
        s.skip_stage()


def test_recover_pauses_and_does_not_charge_dead_time(loop):
    s, clock = loop
    s.start()
    clock.advance(20)
    ev = s.recover(dead_seconds=300)
    assert ev.kind == "recovered" and ev.data == {"dead_seconds": 300, "was": "running"}
    assert s.run.state is StageState.PAUSED
    clock.advance(1000)
    assert s.elapsed() == 20


def test_paced_and_subset():
    sc = find_scenario("aiml-engineer")
    assert sc.total_minutes == 330
    assert sc.paced(0.25).total_minutes == 82.5
    sub = sc.subset(["behavioural", "coding"])
    assert [s.id for s in sub.stages] == ["coding", "behavioural"]
    with pytest.raises(KeyError):
        sc.subset(["nope"])


def test_alert_thresholds_fire_once_on_the_way_down():
    assert crossed(301, 299) == ["five_minutes"]
    assert crossed(299, 298) == []
    assert crossed(61, 59) == ["one_minute"]
    assert crossed(0.5, -0.1) == ["time_up"]
    assert crossed(400, -1) == ["five_minutes", "one_minute", "time_up"]
    assert [phase(x) for x in (301, 300, 60, 0, -1)] == [
        "normal",
        "warn",
        "critical",
        "critical",
        "overtime",
    ]


def test_clock_text():
    assert clock_text(45 * 60) == "45:00"
    assert clock_text(59.2) == "01:00"
    assert clock_text(90 * 60) == "1:30:00"
    assert clock_text(3599.5) == "1:00:00"
    assert clock_text(0) == "00:00"
    assert elapsed_text(61.9) == "01:01"
    assert elapsed_text(3725) == "1:02:05"
