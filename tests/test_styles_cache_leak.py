"""The mend for Textual's StylesCache leak: a widget's style cache is freed with the widget,
while the colours it computed stay the same."""

from __future__ import annotations

import asyncio
import gc
import weakref

from textual._styles_cache import StylesCache
from textual.app import App
from textual.color import Color
from textual.style import Style
from textual.widgets import Label

import mockint.tui.app  # noqa: F401  (mends on import, as the app does)
from mockint.tui.styles_cache_leak import mend


def test_a_style_cache_dies_with_its_widget():
    assert not mend(), "a second mend must find nothing left to replace"
    cache = StylesCache()
    base, background = Color(18, 18, 18), Color(36, 47, 56, 0.5)
    assert cache.get_inner_outer(base, background) == (
        Style(background=base + background),
        Style(background=base),
    )
    assert StylesCache().get_inner_outer(base, background) == cache.get_inner_outer(
        base, background
    )
    gone = weakref.ref(cache)
    del cache
    gc.collect()
    assert gone() is None, "the colour cache still holds the StylesCache"


def test_widgets_removed_from_a_screen_leave_no_style_cache_behind():
    class Cards(App[None]):
        def compose(self):
            yield from (Label(f"card {i}") for i in range(40))

    async def cards_removed() -> list[weakref.ref]:
        app = Cards()
        async with app.run_test(size=(40, 50)) as pilot:
            await pilot.pause()
            caches = [weakref.ref(w._styles_cache) for w in app.query(Label)]
            await app.query(Label).remove()
            await pilot.pause()
        return caches

    caches = asyncio.run(cards_removed())
    gc.collect()
    assert sum(c() is not None for c in caches) == 0
