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
    s = Server.with_alice(tmp_path)
    yield s
    s.stop()
