import time

import pytest

from mockint.engine.clock import FakeClock
from mockint.store.sessions import Store
from tests.review.sessions import START


@pytest.fixture
def utc(monkeypatch):
    """Local time is UTC, so "due today" (before local midnight) is the same everywhere."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "review.db")
    yield s
    s.close()


@pytest.fixture
def clock():
    return FakeClock(START)
