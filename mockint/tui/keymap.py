"""Your own keys: `keymap.toml` in mockint's config directory maps binding ids to keys.

    # ~/.config/mockint/keymap.toml (Linux)
    "coding.submit" = "f9"
    "stage.pause" = "ctrl+p,f2"

A broken file never stops the app: its one-line error is shown and the default keys stay.
"""

from __future__ import annotations

import re
from pathlib import Path

from textual.binding import Binding

KEYMAP_FILE = "keymap.toml"


def keymap_path() -> Path:
    from platformdirs import user_config_dir

    return Path(user_config_dir("mockint", appauthor=False)) / KEYMAP_FILE


def known_bindings(app_class: type) -> dict[str, Binding]:
    """Every binding with an id, from the app class and each screen, by id."""
    import importlib
    import pkgutil

    from mockint.tui import screens

    classes: list[type] = [app_class]
    for info in pkgutil.iter_modules(screens.__path__):
        module = importlib.import_module(f"mockint.tui.screens.{info.name}")
        classes += [v for v in vars(module).values() if isinstance(v, type)]
    found: dict[str, Binding] = {}
    for cls in classes:
        for b in getattr(cls, "BINDINGS", []):
            if isinstance(b, Binding) and b.id:
                found.setdefault(b.id, b)
    return found


def load_keymap(app_class: type, path: Path | None = None) -> tuple[dict[str, str], str | None]:
    """The keymap in `path` (default: the config directory's), and an error line or None.
    A missing file is an empty keymap, not an error."""
    path = path or keymap_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}, None
    except (OSError, UnicodeDecodeError) as exc:
        return {}, f"{path}: cannot read: {exc}"
    import tomllib  # here, not at the top: the app imports this module at every start

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        # Python 3.11's error has no line attribute; its message ends "(at line N, column M)".
        m = re.search(r"\(at line (\d+), column \d+\)$", str(exc))
        where = f"{path}:{m.group(1)}" if m else str(path)
        what = str(exc)[: m.start()].strip() if m else str(exc)
        return {}, f"{where}: not valid TOML ({what}); default keys kept"
    known = known_bindings(app_class)
    keymap: dict[str, str] = {}
    for binding_id, keys in data.items():
        if binding_id not in known:
            return {}, (
                f"{path}: unknown binding id '{binding_id}' (run `mockint keys` to list them); "
                "default keys kept"
            )
        if not isinstance(keys, str) or not keys.strip():
            return {}, f'{path}: \'{binding_id}\' needs a string of keys like "f9" or "ctrl+s,f9"'
        keymap[binding_id] = keys.replace(" ", "")
    return keymap, None
