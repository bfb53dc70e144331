"""A mend for a memory leak in Textual (Textualize/textual#6665, still open in 8.2.8).

`StylesCache.get_inner_outer` is an `lru_cache` on an instance method, so the cache keeps up
to 1024 StylesCache objects alive after their widgets are gone, each with every line it drew
(measured: about 20 MB in the pair launcher after its rehearsal, inherited by every session
it forks, and more in each session as screens change). The result depends on the two
colours only, so here the cache is keyed on them alone and holds no StylesCache.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any

from textual._styles_cache import StylesCache


def mend() -> bool:
    """Replace the leaking method once; False if this Textual no longer has it (fixed)."""
    method = StylesCache.__dict__.get("get_inner_outer")
    body: Callable[..., Any] | None = getattr(method, "__wrapped__", None)
    if body is None or not hasattr(method, "cache_clear"):
        return False
    original = body

    @lru_cache(1024)
    def by_colours(base_background: Any, background: Any) -> Any:
        return original(None, base_background, background)  # the body never reads its `cls`

    def get_inner_outer(self: StylesCache, base_background: Any, background: Any) -> Any:
        return by_colours(base_background, background)

    StylesCache.get_inner_outer = get_inner_outer  # type: ignore[method-assign,assignment]
    return True
