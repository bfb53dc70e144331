"""Room codes: short, random, easy to read aloud and type as an SSH user name."""

from __future__ import annotations

import re
import secrets
from collections.abc import Container

# No 0/o, 1/l/i: a code is read over a call and typed by hand.
ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
PATTERN = re.compile(r"^[a-z2-9]{4}-[a-z2-9]{4}$")


def new_code() -> str:
    """Two groups of four characters (about 40 bits), e.g. `k7qf-m2xr`."""
    chars = "".join(secrets.choice(ALPHABET) for _ in range(8))
    return f"{chars[:4]}-{chars[4:]}"


def looks_like_code(name: str) -> bool:
    return bool(PATTERN.match(name.lower()))


def fresh_code(taken: Container[str]) -> str:
    """A new code that no live room uses."""
    code = new_code()
    while code in taken:
        code = new_code()
    return code
