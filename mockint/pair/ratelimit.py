"""Failed logins per address: after `limit` failures within `window` seconds, the address is
refused for `block` seconds (every further failure restarts the block).

A failure is counted when it happens, not when its connection closes, and a success clears
nothing: failures leave the count only by growing older than the window. So guessing on many
connections at once, or many guesses on one, meets the same limit, and a right code between
wrong ones does not reset it.
"""

from __future__ import annotations

import time
from collections.abc import Callable

MAX_ADDRESSES = 10_000  # past this many, addresses without a recent failure are forgotten


class FailureLimiter:
    def __init__(
        self,
        limit: int = 5,
        window: float = 60.0,
        block: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.limit = limit
        self.window = window
        self.block = block
        self._clock = clock
        self._failures: dict[str, list[float]] = {}
        self._blocked_until: dict[str, float] = {}

    def blocked_for(self, address: str) -> float:
        """Seconds this address must still wait (0 when it may try)."""
        until = self._blocked_until.get(address, 0.0)
        left = until - self._clock()
        if left <= 0:
            self._blocked_until.pop(address, None)
            return 0.0
        return left

    def failed(self, address: str) -> None:
        now = self._clock()
        recent = [t for t in self._failures.get(address, []) if now - t < self.window]
        recent.append(now)
        self._failures[address] = recent
        if len(recent) >= self.limit or self.blocked_for(address) > 0:
            self._blocked_until[address] = now + self.block
        if len(self._failures) > MAX_ADDRESSES:
            self._forget(now)

    def _forget(self, now: float) -> None:
        for address, times in list(self._failures.items()):
            if now - times[-1] >= self.window and self.blocked_for(address) == 0:
                del self._failures[address]
