"""The system-design capacity scratchpad: arithmetic lines with readable units.

Each line is an expression (`100e6 * 20 / 86400`) or an assignment (`qps = users * 20 / day`).
Numbers may carry a suffix (`100M`, `2.5bn`, `4KB`); bytes and seconds are tracked as units,
so that results print with theirs: `1.73 TB`, `11,574 /s (11.6K)`, `46.3 MB/s`, `86,400 s
(1 day)`; plain counts print with separators and a short form.
Evaluation walks a whitelisted AST: no names but units and earlier assignments, no calls.

The text may be another person's (the pair interviewer's mirror evaluates the candidate's
scratchpad), so what is parsed is bounded (line length, number of lines, nesting depth,
number size) and `evaluate` never raises: a line it cannot evaluate gets an error instead.
"""

from __future__ import annotations

import ast
import math
import operator
import re
from dataclasses import dataclass

# name -> (value, power of bytes, power of seconds)
UNITS: dict[str, tuple[float, int, int]] = {
    "K": (1e3, 0, 0),
    "thousand": (1e3, 0, 0),
    "M": (1e6, 0, 0),
    "million": (1e6, 0, 0),
    "bn": (1e9, 0, 0),
    "billion": (1e9, 0, 0),
    "T": (1e12, 0, 0),
    "trillion": (1e12, 0, 0),
    "bytes": (1.0, 1, 0),
    "KB": (1e3, 1, 0),
    "MB": (1e6, 1, 0),
    "GB": (1e9, 1, 0),
    "TB": (1e12, 1, 0),
    "PB": (1e15, 1, 0),
    "KiB": (2.0**10, 1, 0),
    "MiB": (2.0**20, 1, 0),
    "GiB": (2.0**30, 1, 0),
    "TiB": (2.0**40, 1, 0),
    "sec": (1.0, 0, 1),
    "minute": (60.0, 0, 1),
    "hour": (3600.0, 0, 1),
    "day": (86400.0, 0, 1),
    "week": (604800.0, 0, 1),
    "month": (2_592_000.0, 0, 1),
    "year": (31_536_000.0, 0, 1),
}
_SUFFIX = re.compile(
    r"(?<![\w.])(\d+(?:\.\d*)?(?:[eE][+-]?\d+)?)\s?("
    + "|".join(sorted(UNITS, key=len, reverse=True))
    + r")\b"
)
_NAME = re.compile(r"^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=(?!=)\s*(.+)$")
_BIN = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
    ast.Pow: operator.pow,
    ast.FloorDiv: operator.floordiv,
}


MAX_LINE = 300  # characters of a line (its comment not counted)
MAX_LINES = 500  # lines evaluated; the rest are listed as not evaluated
MAX_DEPTH = 64  # nesting of an expression: `_eval` recurses once per level
MAX_NUMBER = 1e30  # no capacity estimate writes a larger number


class PadError(ValueError):
    pass


@dataclass(frozen=True)
class Quantity:
    value: float
    dim: int = 0  # power of bytes
    time: int = 0  # power of seconds: -1 is a rate (per second), 1 a duration

    def unit(self) -> str:
        """The unit as written after a number: "", "bytes", "/s", "bytes/s", "s", "bytes^2"."""
        if self.time == -1:
            return "bytes/s" if self.dim == 1 else f"bytes^{self.dim}/s" if self.dim else "/s"
        parts = [] if self.dim == 0 else ["bytes" if self.dim == 1 else f"bytes^{self.dim}"]
        if self.time:
            parts.append("s" if self.time == 1 else f"s^{self.time}")
        return " ".join(parts)

    def text(self) -> str:
        if self.time == 0 and self.dim == 1:
            return format_bytes(self.value)
        if self.time == -1 and self.dim == 1:
            return format_bytes(self.value) + "/s"
        if self.time == 1 and self.dim == 0:
            return format_duration(self.value)
        return format_count(self.value, self.unit())


@dataclass(frozen=True)
class LineResult:
    line: int
    source: str
    name: str | None
    quantity: Quantity | None
    error: str | None

    def text(self) -> str:
        if self.error:
            return f"error: {self.error}"
        assert self.quantity is not None
        shown = self.quantity.text()
        return f"{self.name} = {shown}" if self.name else shown


def format_count(x: float, unit: str = "") -> str:
    """`11,574 /s (11.6K)`: separators, the unit, then a short form of large numbers."""
    unit = f" {unit}" if unit else ""
    if not math.isfinite(x):
        return f"{x}{unit}"
    if abs(x) >= 1e3:
        for size, suffix in ((1e12, "T"), (1e9, "bn"), (1e6, "M"), (1e3, "K")):
            if abs(x) >= size:
                short = f"{x / size:.3g}{suffix}"
                break
        return f"{x:,.0f}{unit} ({short})"
    return f"{int(x)}{unit}" if x == int(x) else f"{x:.4g}{unit}"


def format_bytes(x: float) -> str:
    for size, suffix in ((1e15, "PB"), (1e12, "TB"), (1e9, "GB"), (1e6, "MB"), (1e3, "KB")):
        if abs(x) >= size:
            return f"{x / size:.3g} {suffix}"
    return f"{x:.4g} bytes"


_DURATIONS = (("year", 31_536_000.0), ("day", 86400.0), ("hour", 3600.0), ("minute", 60.0))


def format_duration(seconds: float) -> str:
    """`86,400 s (1 day)`: seconds, then the largest whole unit that fits."""
    text = format_count(seconds, "s").split(" (")[0]
    if not math.isfinite(seconds):
        return text
    for name, size in _DURATIONS:
        if abs(seconds) >= size:
            n = seconds / size
            return f"{text} ({n:.3g} {name}{'' if n == 1 else 's'})"
    return text


def _eval(node: ast.AST, names: dict[str, Quantity]) -> Quantity:
    if isinstance(node, ast.Expression):
        return _eval(node.body, names)
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
        if isinstance(node.value, bool):
            raise PadError("True and False are not numbers here")
        if not abs(node.value) <= MAX_NUMBER:
            raise PadError(f"number too large (over {MAX_NUMBER:g})")
        return Quantity(float(node.value))
    if isinstance(node, ast.Name):
        if node.id in names:
            return names[node.id]
        if node.id in UNITS:
            return Quantity(*UNITS[node.id])
        raise PadError(f"unknown name '{node.id}'")
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.UAdd, ast.USub)):
        q = _eval(node.operand, names)
        return Quantity(-q.value if isinstance(node.op, ast.USub) else q.value, q.dim, q.time)
    if isinstance(node, ast.BinOp) and type(node.op) in _BIN:
        a, b = _eval(node.left, names), _eval(node.right, names)
        op = type(node.op)
        if op in (ast.Add, ast.Sub) and (a.dim, a.time) != (b.dim, b.time):
            units = " and ".join(q.unit() or "a plain number" for q in (a, b))
            raise PadError(f"cannot add numbers in different units ({units})")
        if op is ast.Pow:
            if b.dim or b.time:
                raise PadError("an exponent cannot have units")
            if not abs(b.value) <= 64:  # NaN too
                raise PadError("exponent too large")
            whole = b.value == int(b.value)
            dim = a.dim * int(b.value) if whole else a.dim
            time = a.time * int(b.value) if whole else a.time
        else:
            sign = 1 if op is ast.Mult else -1 if op in (ast.Div, ast.FloorDiv) else 0
            dim = a.dim + sign * b.dim if sign else a.dim
            time = a.time + sign * b.time if sign else a.time
        if op is ast.Pow and a.value < 0 and b.value != int(b.value):
            raise PadError("a negative number has no fractional power")
        try:
            return Quantity(float(_BIN[op](a.value, b.value)), dim, time)
        except ZeroDivisionError:
            raise PadError("division by zero") from None
        except OverflowError:
            raise PadError("number too large") from None
    raise PadError("only numbers, units, names and + - * / ** ( ) are allowed")


def _depth(tree: ast.AST) -> int:
    """How deeply the expression nests, found without recursion."""
    deepest, stack = 0, [(tree, 1)]
    while stack:
        node, depth = stack.pop()
        deepest = max(deepest, depth)
        if depth <= MAX_DEPTH:
            stack.extend((child, depth + 1) for child in ast.iter_child_nodes(node))
    return deepest


def _line(expr: str, names: dict[str, Quantity]) -> Quantity:
    expr = _SUFFIX.sub(r"(\1*\2)", expr)
    try:
        tree = ast.parse(expr, mode="eval")
    except (SyntaxError, ValueError):
        raise PadError("not an expression") from None
    except (RecursionError, MemoryError):
        raise PadError("too deeply nested") from None
    if _depth(tree) > MAX_DEPTH:
        raise PadError(f"too deeply nested (over {MAX_DEPTH} levels); split it over lines")
    return _eval(tree, names)


def evaluate(text: str) -> list[LineResult]:
    """One result per non-blank, non-comment line, in order; later lines see earlier names.
    Never raises: a line that cannot be evaluated has its `error`."""
    names: dict[str, Quantity] = {}
    out: list[LineResult] = []
    for no, raw in enumerate(text.splitlines(), start=1):
        source = raw.split("#", 1)[0].strip()
        if not source:
            continue
        if no > MAX_LINES:
            out.append(LineResult(no, raw, None, None, f"not evaluated (over {MAX_LINES} lines)"))
            continue
        if len(source) > MAX_LINE:  # checked before any parsing
            too_long = f"line too long (over {MAX_LINE} characters); split it over lines"
            out.append(LineResult(no, raw, None, None, too_long))
            continue
        name = None
        m = _NAME.match(source)
        expr = source
        if m:
            name, expr = m.group(1), m.group(2)
            if name in UNITS:
                out.append(LineResult(no, raw, name, None, f"'{name}' is a unit name"))
                continue
        try:
            q = _line(expr, names)
        except PadError as exc:
            out.append(LineResult(no, raw, name, None, str(exc)))
            continue
        except Exception as exc:  # a case the checks above missed: this line only fails
            out.append(LineResult(no, raw, name, None, f"cannot evaluate ({type(exc).__name__})"))
            continue
        if name:
            names[name] = q
        out.append(LineResult(no, raw, name, q, None))
    return out


def pad_results(text: str) -> str:
    """The results as shown beside the scratchpad: line for line with the text, blank
    beside blank lines and comments."""
    results = {r.line: r.text() for r in evaluate(text)}
    return "\n".join(results.get(i + 1, "") for i in range(len(text.splitlines())))
