"""The review screens in a real terminal (tmux): `mockint replay`, and home -> history."""

import os

import pytest

from mockint.store.sessions import Store
from tests.review import data

pytestmark = pytest.mark.tmux


@pytest.fixture
def term(tmux):
    return tmux(100, 30)


def test_replay_from_the_command_line_and_history_from_home(term, tmp_path, utc):
    store, _, ids = data.build(tmp_path / "t.db")
    store.close()
    os.environ["MOCKINT_DB"] = str(tmp_path / "t.db")
    term.start("replay", str(ids["moving"]))
    term.wait_for(r"Replay · session \d+ · stage 1 · moving-average")
    term.wait_for(r"00:00 / 02:30 · paused 1x")
    term.send("n")  # the first run, with its verdict
    term.wait_for(r"00:56 run ✗ wrong answer 1/3")
    term.wait_for(r"class MovingAverage:")
    term.send("Escape")  # back to the home screen under it
    term.wait_for(r"What next: \d+ due today")
    term.send("h")
    term.wait_for(r"Practice: Moving average of…")
    term.wait_for(r"4 sessions")
    term.type("/edit")  # one burst: "/" then the text, as a fast typist or a paste sends it
    term.wait_for(r"1 session\b")
    Store(tmp_path / "t.db").close()
