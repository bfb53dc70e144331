"""`mockint replay`: the errors a user can make get one line, never a traceback."""

from mockint.engine.clock import FakeClock
from mockint.recording import start_session
from mockint.scenario.catalog import find_scenario
from tests.review.sessions import solve


def test_replay_errors(store, clock, cli):
    db = str(store.path)
    sid = solve(store, clock, "top-k", "accepted")
    talk = find_scenario("aiml-engineer").subset(["phone-screen"])
    _, rec = start_session(store, talk, FakeClock(), pace=1.0)
    res = cli("replay", "999", "--db", db)
    assert res.returncode == 2 and res.stderr.strip().startswith("mockint: no session 999 in ")
    res = cli("replay", str(rec.session_id), "--db", db)
    assert res.returncode == 2
    assert res.stderr.strip() == (
        f"mockint: session {rec.session_id} has no coding round to replay"
    )
    res = cli("replay", str(sid), "--problem", "edit-distance", "--db", db)
    assert res.returncode == 2
    assert res.stderr.strip() == (
        f"mockint: --problem: session {sid} has no round of 'edit-distance' (it has: top-k)"
    )
    assert "Traceback" not in res.stderr
