"""Failed logins per address: after `limit` failures within `window` seconds, the address is
refused for `block` seconds (every further failure restarts the block)."""

from __future__ import annotations

import time
from collections.abc import Callable


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
        if len(recent) >= self.limit or address in self._blocked_until:
            self._blocked_until[address] = now + self.block

    def succeeded(self, address: str) -> None:
        self._failures.pop(address, None)
