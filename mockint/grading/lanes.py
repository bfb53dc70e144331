"""Run a list of jobs on a few threads ("lanes") and hand their results out in order."""

from __future__ import annotations

import threading


class Cancelled(Exception):
    """The candidate (or the app) cancelled the grading run."""


class Lanes:
    """Runs jobs (callables taking a lane number) on `lanes` threads, in order of index."""

    def __init__(self, jobs: list, lanes: int, is_cancelled):
        self.jobs, self.is_cancelled = jobs, is_cancelled
        self.results: dict[int, object] = {}
        self.error: BaseException | None = None
        self.next = 0
        self.stopped = False
        self.cond = threading.Condition()
        self.threads = [
            threading.Thread(target=self._lane, args=(lane,), daemon=True) for lane in range(lanes)
        ]
        for t in self.threads:
            t.start()

    def _lane(self, lane: int) -> None:
        while True:
            with self.cond:
                if self.stopped or self.error or self.next >= len(self.jobs):
                    return
                index, self.next = self.next, self.next + 1
            try:
                if self.is_cancelled():
                    raise Cancelled()
                value = self.jobs[index](lane)
            except BaseException as exc:
                with self.cond:
                    self.error = self.error or exc
                    self.cond.notify_all()
                return
            with self.cond:
                self.results[index] = value
                self.cond.notify_all()

    def result(self, index: int):
        with self.cond:
            while index not in self.results:
                if self.error:
                    raise self.error
                self.cond.wait(0.5)
            return self.results[index]

    def stop(self) -> None:
        with self.cond:
            self.stopped = True

    def join(self) -> None:
        for t in self.threads:
            t.join()
