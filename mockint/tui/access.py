"""The one typed way from a screen or widget to the app that runs it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.dom import DOMNode

if TYPE_CHECKING:
    from mockint.tui.app import MockintApp


def mockint_app(node: DOMNode) -> MockintApp:
    from mockint.tui.app import MockintApp

    app = node.app
    if not isinstance(app, MockintApp):
        raise TypeError(f"{type(node).__name__} runs outside mockint's app")
    return app
