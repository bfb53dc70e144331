"""Fixtures shared by the pair tests: tmux panes for ssh clients, and a running server."""

from __future__ import annotations

import pytest

from tests.pair.sshterm import Panes, Server


@pytest.fixture
def panes():
    p = Panes()
    yield p
    p.close()


@pytest.fixture
def server(tmp_path):
    s = Server(tmp_path)
    s.alice = s.add_interviewer("alice")  # type: ignore[attr-defined]
    s.start()
    yield s
    s.stop()
