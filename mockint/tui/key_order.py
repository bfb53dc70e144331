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

Typing stays quick: a printable key for a text field is inserted by the field itself and
goes no further, so the keys after it need not wait for it, only a key that is not such a
character (it could move the focus or read the text) waits until the field has taken them.
"""

from __future__ import annotations

from collections import deque
from typing import Any

from textual import events
from textual.app import App
from textual.message_pump import MessagePump
from textual.timer import Timer
from textual.widget import Widget

CHECK_S = 0.25  # how often held keys check that the key before them is still on its way
# Widgets that insert a printable key themselves; matched by name, so that start-up (home has
# no text field) does not import them.
TEXT_FIELDS = {("textual.widgets._text_area", "TextArea"), ("textual.widgets._input", "Input")}


class KeysInOrder(App[Any]):
    """A mixin for an App (put it before `App` in the bases)."""

    _key_waiting: MessagePump | None = None  # the queue the pending key's marker is in
    _key_generation = 0
    _typed_into: Widget | None = None  # the field that has typed characters still queued
    _typed_pending = 0
    _held_keys: deque[events.Key] | None = None
    _key_check: Timer | None = None

    async def on_event(self, event: events.Event) -> None:
        if not isinstance(event, events.Key) or event.is_forwarded:
            await super().on_event(event)
            return
        if self._held_keys or self._key_waiting is not None or not self._may_go(event):
            if self._held_keys is None:
                self._held_keys = deque()
            self._held_keys.append(event)
            if self._key_check is None:
                self._key_check = self.set_interval(CHECK_S, self._check_waiting)
            return
        await self._dispatch_key_in_order(event)

    def _typing(self, event: events.Key) -> Widget | None:
        """The focused field, if `event` is a character it will insert itself."""
        target = self.focused
        if target is None or not event.is_printable or getattr(target, "read_only", False):
            return None
        if not any((c.__module__, c.__name__) in TEXT_FIELDS for c in type(target).__mro__):
            return None
        return target

    def _may_go(self, event: events.Key) -> bool:
        """Nothing is pending, or only characters typed into the field this one goes to."""
        if not self._typed_pending:
            return True
        return self._typing(event) is self._typed_into

    async def _dispatch_key_in_order(self, event: events.Key) -> None:
        target = self.focused or self.screen
        field = self._typing(event)
        await super().on_event(event)
        if not event.is_forwarded:  # taken by a priority binding, already done
            return
        if field is not None:
            self._typed_into = field
            self._typed_pending += 1
            if not field.call_later(self._typed, self._key_generation):
                self._typed(self._key_generation)
            return
        self._key_generation += 1
        self._follow_key(target, self._key_generation)

    def _typed(self, generation: int) -> None:
        if generation != self._key_generation:
            return  # given up on by _check_waiting
        self._typed_pending -= 1
        if not self._typed_pending:
            self._typed_into = None
            self.call_later(self._release)

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
        await self._release()

    async def _release(self) -> None:
        """Dispatch held keys while nothing stops them."""
        while self._held_keys and self._key_waiting is None:
            if not self._may_go(self._held_keys[0]):
                return  # characters still queued in a field: their marker releases the rest
            await self._dispatch_key_in_order(self._held_keys.popleft())
        if not self._held_keys and self._key_check is not None:
            self._key_check.stop()
            self._key_check = None

    async def _check_waiting(self) -> None:
        """A widget removed with a marker still in its queue drops the marker: the keys
        held behind it go on rather than wait for ever."""
        gone = [
            n
            for n in (self._key_waiting, self._typed_into)
            if n is not None and n is not self and (n._closing or n._closed)
        ]
        if gone:
            self._key_generation += 1
            self._key_waiting = None
            self._typed_into = None
            self._typed_pending = 0
            await self._release()
