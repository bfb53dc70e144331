"""Two app instances on one session: the second is told who holds it and asks before
taking over; the first then stops recording and goes home, overwriting nothing."""

from __future__ import annotations

import os

from mockint.scenario.catalog import find_scenario
from mockint.store.locks import Lease
from mockint.store.sessions import Store
from mockint.tui.app import MockintApp
from mockint.tui.screens.confirm import Confirm
from mockint.tui.screens.home import HomeScreen
from mockint.tui.screens.intro import StageIntro
from tests.conftest import wait_for


async def test_second_instance_asks_then_takes_over(tmp_path):
    db = tmp_path / "two.db"
    sc = find_scenario("aiml-engineer").subset(["behavioural"])
    first = MockintApp(Store(db), default_scenario=sc, start=sc)
    async with first.run_test(size=(100, 30)) as p1:
        await wait_for(p1, lambda: isinstance(first.screen, StageIntro))
        assert first.recorder is not None
        sid = first.recorder.session_id
        second = MockintApp(Store(db), default_scenario=sc, resume_id=sid)
        async with second.run_test(size=(100, 30)) as p2:
            await wait_for(p2, lambda: isinstance(second.screen, Confirm))
            text = str(second.screen.query_one("#question").render())
            assert f"Session {sid} is open in another mockint (pid {os.getpid()}" in text
            await p2.press("n")  # declined: nothing changes for the first instance
            await wait_for(p2, lambda: isinstance(second.screen, HomeScreen))
            assert second.session is None
            first.heartbeat()
            assert first.session is not None
            # From here the first app's own heartbeat may notice first: listen already.
            told: list[str] = []
            first.notify = lambda message, **kw: told.append(str(message))  # type: ignore[method-assign]
            second.resume(sid)
            await wait_for(p2, lambda: isinstance(second.screen, Confirm))
            await p2.press("y")
            await wait_for(p2, lambda: isinstance(second.screen, StageIntro))
            assert second.recorder is not None
            holder = Lease(second.store, sid).holder()
            assert holder is not None and holder.token == second.recorder.lease.token
            # The first instance notices at its next heartbeat and lets go.
            first.heartbeat()
            await wait_for(p1, lambda: isinstance(first.screen, HomeScreen))
            assert first.session is None and first.recorder is None
            assert any("was taken over by another mockint" in m for m in told), told
