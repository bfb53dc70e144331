"""The one typed way from a screen or widget to the app that runs it."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.dom import DOMNode

if TYPE_CHECKING:
    from mockint.tui.app import MockintApp


def mockint_app(node: DOMNode) -> MockintApp:
    # Every screen of this package runs in MockintApp; the cast keeps app.py (which imports
    # the screens) out of the screens' run-time imports.
    return cast("MockintApp", node.app)
