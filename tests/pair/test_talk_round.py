"""A talking round over real ssh: the candidate's terminal receives a question's text only
once the interviewer has asked it (every byte the candidate's pane gets is captured with
tmux's pipe-pane), and a follow-up the interviewer sends appears."""

from __future__ import annotations

import re
import time
from pathlib import Path

from mockint.scenario.bank_load import bank_for_kind
from tests.pair.sshterm import Panes, Server, open_room


def marker_words() -> dict[str, str]:
    """Per phone-screen question, its longest word (6 letters or more) that occurs in no
    other question's prompt, not even inside a longer word. Every question has one: the
    stage picks its questions at random, and one without a marker made this test fail."""
    texts = {q.id: q.prompt.lower() for q in bank_for_kind("phone_screen").questions}
    out = {}
    for qid, text in texts.items():
        others = [t for other, t in texts.items() if other != qid]
        own = {w for w in re.findall(r"[a-z]{6,}", text) if not any(w in t for t in others)}
        assert own, f"{qid} has no word of its own to recognise it by"
        out[qid] = max(sorted(own), key=len)
    return out


def wait_bytes(path: Path, word: str, timeout: float = 30.0) -> None:
    end = time.monotonic() + timeout
    while word.encode() not in path.read_bytes().lower():
        assert time.monotonic() < end, f"{word!r} never reached the candidate's terminal"
        time.sleep(0.1)


def now_asked(panes: Panes, n: int, markers: dict[str, str]) -> str:
    """The question shown as "Now · Qn." on the candidate's screen, once its text is drawn
    (the line can be on screen a frame before the prompt under it)."""
    words = "|".join(re.escape(w) for w in markers.values())
    m = panes.wait_for("cand", rf"(?is)Now · Q{n}\.(?:(?!asked before).)*?\b({words})\b")
    return next(q for q, w in markers.items() if w == m.group(1).lower())


def test_the_candidate_receives_only_the_questions_asked(server: Server, panes: Panes, tmp_path):
    markers = marker_words()
    code = open_room(server, panes, server.alice, stages=(0,))  # the phone screen
    got = tmp_path / "candidate.bytes"
    # The pane waits for a key before ssh starts, so the capture holds every byte.
    panes.open("cand", ["sh", "-c", 'read _ && exec "$@"', "sh", *server.ssh_args(code)])
    panes.pipe("cand", got)
    panes.send("cand", "Enter")
    panes.wait_for("cand", "Waiting for the interviewer's first")
    assert not [w for w in markers.values() if w.encode() in got.read_bytes().lower()]

    panes.send("int", "F5")  # the list of the stage's questions
    panes.wait_for("int", r"Ask which question")
    panes.send("int", "Enter")  # asks the first
    first = now_asked(panes, 1, markers)
    wait_bytes(got, markers[first])
    panes.type("cand", "I ship ranking models")
    panes.wait_for("int", "I ship ranking models")

    panes.send("int", "F3")  # the current question's first follow-up
    panes.wait_for("cand", r"Follow-up at|Curveball at")

    panes.send("int", "F5")
    panes.wait_for("int", r"Ask which question")
    panes.send("int", "Enter")  # the next question not asked yet
    second = now_asked(panes, 2, markers)
    assert second != first
    wait_bytes(got, markers[second])
    assert "Asked before" in panes.screen("cand")
    time.sleep(0.5)  # whatever else was on its way has arrived
    data = got.read_bytes().lower()
    never = [w for q, w in markers.items() if q not in (first, second) and w.encode() in data]
    assert not never, f"questions not asked reached the candidate: {never}"


async def test_the_hub_sends_a_question_only_once_asked_and_takes_answers_only_to_those(
    tmp_path,
):
    import json

    from mockint.engine.clock import FakeClock
    from mockint.pair import wire
    from tests.pair.hubclient import ask, live_room, started_hub

    hub, path = await started_hub(tmp_path / "h.db", FakeClock(), tmp_path / "sock")
    try:
        room, inter, cand = await live_room(hub, path, ["phone-screen"])
        qs = room.plans[0]["questions"]
        first, second = (f"answer:{q['id']}" for q in qs[:2])
        cstate = await cand.until("state")
        assert cstate["stage"]["questions"] == [] and cstate["stage"]["fields"] == []
        cand.send({"op": "field", "id": first, "text": "too early", "cursor": [0, 1]})
        await ask(inter, cand, second)
        await ask(inter, cand, first)
        # Reconnecting, the candidate is told the questions asked, the current one first.
        t = next(t for t in room.seats.values() if t and t.role == "candidate")
        state = wire.to_builtins(hub.state_for(room, t))
        assert [q["id"] for q in state["stage"]["questions"]] == [qs[0]["id"], qs[1]["id"]]
        assert [q["n"] for q in state["stage"]["questions"]] == [2, 1]
        everything = json.dumps(state) + json.dumps(await cand.drain(0.3))
        for q in qs[2:]:
            assert q["prompt"] not in everything
        assert "too early" not in json.dumps(room.fields)
        for c in (inter, cand):
            c.writer.close()
    finally:
        await hub.close()
