"""Keys handled one at a time, in the order they were typed.

Textual hands each key to the focused widget's queue and goes on to the next key at once.
A key that a binding handles (Backspace, Delete, arrows, Tab to the next field) travels up
the widget tree before its action runs, so a printable key sent right after it was already
inserted: after a line ending in `:`, Enter + Backspace + `w = 3` in one read gave `w =`, and
the text after a Tab landed in the field it left (Textualize/textual#6605, still open). Keys
arrive like that over SSH and from fast typists.

So the app gives a widget the next key only once the previous one has been handled all the
way up: a marker follows the key through each queue on its path (widget, its ancestors,
screen, app). Each queue is first in, first out, so the marker reaches the app right after
the key's last handler there; then the next held key is dispatched, to whatever has the
focus by then.
"""

from __future__ import annotations

from collections import deque
from typing import Any

from textual import events
from textual.app import App
from textual.message_pump import MessagePump
from textual.timer import Timer

CHECK_S = 0.25  # how often a held key checks that the key before it is still on its way


class KeysInOrder(App[Any]):
    """A mixin for an App (put it before `App` in the bases)."""

    _key_waiting: MessagePump | None = None  # the queue the pending key's marker is in
    _key_generation = 0
    _held_keys: deque[events.Key] | None = None
    _key_check: Timer | None = None

    async def on_event(self, event: events.Event) -> None:
        if not isinstance(event, events.Key) or event.is_forwarded:
            await super().on_event(event)
            return
        if self._key_waiting is not None:
            if self._held_keys is None:
                self._held_keys = deque()
            self._held_keys.append(event)
            if self._key_check is None:
                self._key_check = self.set_interval(CHECK_S, self._check_waiting)
            return
        await self._dispatch_key_in_order(event)

    async def _dispatch_key_in_order(self, event: events.Key) -> None:
        target = self.focused or self.screen
        await super().on_event(event)
        if event.is_forwarded:  # given to the focused widget, not taken by a priority binding
            self._key_generation += 1
            self._follow_key(target, self._key_generation)

    def _follow_key(self, node: MessagePump, generation: int) -> None:
        """Put a marker behind the key in `node`'s queue; when it runs, the key is done
        there and has gone on to the parent (if it bubbles), so the marker follows it."""
        if node is self:
            self._key_waiting = self
            self.call_later(self._key_done, generation)  # fails only when the app is closing
            return
        parent = node._parent
        self._key_waiting = node
        if not node.call_later(self._follow_key, parent or self, generation):
            self._follow_key(parent or self, generation)  # node is closing: skip it

    async def _key_done(self, generation: int) -> None:
        if generation != self._key_generation:
            return  # a stale marker (its key was given up on by _check_waiting)
        self._key_waiting = None
        while self._held_keys and self._key_waiting is None:
            await self._dispatch_key_in_order(self._held_keys.popleft())
        if not self._held_keys and self._key_check is not None:
            self._key_check.stop()
            self._key_check = None

    async def _check_waiting(self) -> None:
        """A widget removed with the marker still in its queue drops the marker: the keys
        held behind it go on rather than wait for ever."""
        node = self._key_waiting
        if node is not None and node is not self and (node._closing or node._closed):
            self._key_generation += 1
            await self._key_done(self._key_generation)
