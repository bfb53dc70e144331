"""What a participant types or pastes, carried to their app's pty whole and in order.

A pty takes a few KB at a time and the app reads it at its own pace, so a paste of
100 KB meets a full pty within the first write. Nothing is dropped here: bytes wait in a
queue that is written as the pty drains (the event loop says when it is writable), and
while the queue is long the SSH channel stops reading, so the client holds the rest (SSH
flow control) instead of this server. Before the app is ready for input the queue is
held, so keys typed early land in its first screen.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
from collections.abc import Callable

HIGH_WATER = 256 * 1024  # queued bytes at which the channel stops reading
LOW_WATER = 64 * 1024  # ... and below which it reads again


class PtyInput:
    def __init__(self, pause: Callable[[], None], resume: Callable[[], None]) -> None:
        self._pause, self._resume = pause, resume
        self._queue = bytearray()
        self._fd: int | None = None
        self._held = True
        self._writing = False
        self._paused = False

    @property
    def queued(self) -> int:
        return len(self._queue)

    def attach(self, fd: int) -> None:
        """A new app's pty (non-blocking); input is held until `release`."""
        self.detach()
        self._fd = fd
        self._held = True

    def release(self) -> None:
        """The app is ready: what was typed meanwhile goes to it now."""
        self._held = False
        self._flush()

    def detach(self) -> None:
        """The app is gone; what is still queued waits for the next one."""
        self._stop_writer()
        self._fd = None
        self._held = True

    def write(self, data: bytes) -> None:
        self._queue += data
        self._flush()

    def _flush(self) -> None:
        fd = self._fd
        if fd is not None and not self._held:
            while self._queue:
                try:
                    n = os.write(fd, self._queue)
                except BlockingIOError:
                    self._start_writer()
                    break
                except OSError:  # the app is gone; the session ends on its own
                    self._queue.clear()
                    break
                del self._queue[:n]
            if not self._queue:
                self._stop_writer()
        if len(self._queue) >= HIGH_WATER and not self._paused:
            self._paused = True
            self._pause()
        elif len(self._queue) <= LOW_WATER and self._paused:
            self._paused = False
            self._resume()

    def _start_writer(self) -> None:
        if not self._writing and self._fd is not None:
            asyncio.get_running_loop().add_writer(self._fd, self._flush)
            self._writing = True

    def _stop_writer(self) -> None:
        if self._writing and self._fd is not None:
            with contextlib.suppress(Exception):
                asyncio.get_running_loop().remove_writer(self._fd)
        self._writing = False
