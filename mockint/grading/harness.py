"""Runs inside the sandboxed child: load the submission, run one request, write a frame.

Everything here is in the same process as untrusted code, so nothing here decides a
verdict: it only turns what the submission returned into data (see `values` for the wire
form). The helpers it relies on are bound before the submission runs, so replacing
builtins or timers from the submission cannot change how results are encoded or timed.

Frame (on its own pipe, never stdout), one line each:
  `I`               the module finished loading
  `R <json>`        the final result
The trusted side reads a frame only if the runner then exits with the request's seal (see
`session._runner`), and never takes timings from it: in mode "time" the harness asks the
session's init, through its clock pipe, to read this process's CPU clock before and after
each call (`T <tag>`: pass and size, answered by one byte), so the numbers come from the kernel.
"""

from __future__ import annotations

import builtins
import gc
import io
import json
import linecache
import os
import sys
import time
import traceback
from typing import Any

import numpy as np
import torch

from mockint.grading.harness_values import Frame, decode, encode

FILENAME = "solution.py"

_type = type
_str = str
_len = len
_write = os.write
# JSONEncoder.encode and json.dumps call builtins.isinstance (patchable); the C encoder
# behind iterencode(_one_shot=True) does not.
_encoder = json.JSONEncoder(allow_nan=True)
_iterencode = _encoder.iterencode
_dumps = lambda obj: "".join(_iterencode(obj, _one_shot=True))  # noqa: E731
_cpu_time = time.process_time
_gc_collect, _gc_disable, _gc_enable, _gc_freeze = gc.collect, gc.disable, gc.enable, gc.freeze
_settrace = sys.settrace
_gettrace = sys.gettrace
_format_exception = traceback.format_exception
_read = os.read
_close = os.close
_Tensor = torch.Tensor
_Parameter = torch.nn.Parameter
_Module = torch.nn.Module
_no_grad = torch.no_grad
_ndarray = np.ndarray
_nd_copy = np.ndarray.copy
_tensor_clone = torch.Tensor.clone
_int_str = int.__repr__
_str_encode = str.encode
_getattr = getattr
_BUILT_IN_OPS = {"__params__", "__load__"}
_IMMUTABLE = {int, float, str, bool, type(None)}
# The real built-in exception classes, captured before any submission runs: a class of its
# own that a submission names ValueError is reported by its module and name, not as this.
_BUILTIN_EXCEPTIONS = {
    obj: name
    for name, obj in vars(builtins).items()
    if isinstance(obj, type) and issubclass(obj, BaseException)
}


def _class_name(c: type) -> str:
    """A built-in exception by its name; any other class by its module and name."""
    if c in _BUILTIN_EXCEPTIONS:
        return _BUILTIN_EXCEPTIONS[c]
    return f"{getattr(c, '__module__', '?')}.{getattr(c, '__qualname__', '?')}"


def _error(exc: BaseException) -> dict:
    t = _type(exc)
    mro = [_class_name(c) for c in _type.__dict__["__mro__"].__get__(t) if c is not object]
    try:
        message = str(exc)[:2000]
        # Start the traceback at the submission's first frame: the judge's own are noise.
        frames = exc.__traceback__
        while frames is not None and frames.tb_frame.f_code.co_filename != FILENAME:
            frames = frames.tb_next
        tb = "".join(_format_exception(t, exc, frames or exc.__traceback__))[-8000:]
        if t is SystemExit:
            message = f"the program called sys.exit({getattr(exc, 'code', None)!r})"
    except BaseException:
        message, tb = "<unprintable>", ""
    return {"$raises": {"name": mro[0], "mro": mro, "message": message, "traceback": tb}}


def _decode_case(case: dict) -> dict:
    """Inputs are decoded before the submission is loaded (np.load runs patchable Python)."""
    out = {
        "args": decode(case.get("args", [])),
        "kwargs": decode(case.get("kwargs", {"$dict": {}})),
        "check_args": case.get("check_args", []),
    }
    if "ops" in case:
        # Most ops take plain numbers or strings, which decode to themselves: kept as parsed.
        out["ops"] = [
            (name, args if all(_type(a) in _IMMUTABLE for a in args) else decode(args))
            for name, args in case["ops"]
        ]
    if "calls" in case:
        out["calls"] = [decode(args) for args in case["calls"]]
    if "runs" in case:
        out["runs"] = [[(name, decode(args)) for name, args in ops] for ops in case["runs"]]
    return out


def _reseed() -> None:
    """The global generators of random, NumPy and torch at a fixed state, so the calls of a
    `calls` case (or the objects of a `runs` case) that use them unseeded repeat each other."""
    import random

    random.seed(0)
    np.random.seed(0)
    torch.manual_seed(0)


def _run_ops(entry, ops) -> list:
    out: list[Any] = []
    obj: Any = None
    for i, (name, args) in enumerate(ops):
        try:
            if i == 0:
                obj = entry(*args)
                out.append(None)
            elif name == "__params__":
                if not isinstance(obj, _Module):
                    out.append({"$other": "not a torch.nn.Module"})
                else:
                    out.append({"$dict": {k: encode(p) for k, p in obj.named_parameters()}})
            elif name == "__load__":
                params = dict(obj.named_parameters())
                with _no_grad():
                    for k, val in args[0].items():
                        params[k].copy_(val)
                out.append(None)
            elif name == "__call__":
                out.append(encode(obj(*args)))
            else:
                out.append(encode(getattr(obj, name)(*args)))
        except Exception as exc:
            out.append(_error(exc))
            if i == 0:
                break
    return out


def _run_case(kind: str, entry, case: dict) -> dict:
    if kind == "function" and "calls" in case:  # the same function called on several inputs
        values = []
        for args in case["calls"]:
            _reseed()
            try:
                values.append(encode(entry(*args)))
            except Exception as exc:
                values.append(_error(exc))
        return {"value": values, "args": []}
    if "runs" in case:  # several fresh objects, one after another in this process
        runs = []
        for ops in case["runs"]:
            _reseed()
            runs.append(_run_ops(entry, ops))
        return {"value": runs}
    if kind == "function":
        args = case["args"]
        try:
            value = encode(entry(*args, **case["kwargs"]))
        except Exception as exc:
            value = _error(exc)
        return {"value": value, "args": [encode(args[i]) for i in case["check_args"]]}
    return {"value": _run_ops(entry, case["ops"])}


def _clone(v):
    """A fresh copy of a decoded input, made with functions bound before the submission
    loaded; immutable values are shared."""
    t = _type(v)
    if t is list:
        return [_clone(x) for x in v]
    if t is tuple:
        return tuple([_clone(x) for x in v])
    if t is dict:
        return {k: _clone(x) for k, x in v.items()}
    if t is _ndarray:
        return _nd_copy(v)
    if t is _Tensor or t is _Parameter:
        return _tensor_clone(v)
    return v


PASS_TAG = 1000  # a clock request's tag is pass * PASS_TAG + size index


def _time_sizes(kind: str, entry, cases: list[dict], request: dict, tick) -> None:
    """Calls the entry on every size in interleaved passes (ascending, then alternating
    direction), asking the session's init to read this process's CPU clock before and
    after each call (`tick(tag)`, see PASS_TAG); the trusted side pairs the readings and
    keeps the best. In a pass a size gets more calls (each on a fresh copy of its input) until they
    add up to `min_s` of CPU, at most `max_calls`: a call of a few microseconds is timed
    many times. A call over its size's cap ends the sweep at that size."""
    passes = int(request.get("passes", 2))
    min_s, max_calls = float(request.get("min_s", 0.0)), int(request.get("max_calls", 1))
    caps = [float(c) for c in request["caps"]]
    # Ops whose arguments are all immutable are shared by every call; anything else is copied.
    fresh = [kind == "function" or not _all_immutable(c["ops"]) for c in cases]
    stop = _len(cases)
    for p in range(passes):
        order = range(_len(cases)) if p % 2 == 0 else range(_len(cases) - 1, -1, -1)
        for i in order:
            spent, calls = 0.0, 0
            # The cyclic collector is off while a size is timed and runs before it, outside
            # every interval: its passes cost in proportion to everything alive.
            _gc_collect()
            _gc_disable()
            try:
                while i < stop and calls < max_calls and (calls == 0 or spent < min_s):
                    case = _clone(cases[i]) if fresh[i] else cases[i]
                    tick(p * PASS_TAG + i)
                    start = _cpu_time()
                    if kind == "function":
                        entry(*case["args"])
                    else:
                        _time_ops(entry, case["ops"])
                    took = _cpu_time() - start
                    tick(p * PASS_TAG + i)
                    spent, calls = spent + took, calls + 1
                    if took > caps[i]:
                        stop = i  # larger sizes would only take longer
            finally:
                _gc_enable()


def _time_ops(entry, ops) -> None:
    """`_run_ops` without keeping or encoding what each op returns (that would add the
    judge's own cost to every op, the reference's and the submission's alike, and hide the
    difference between them)."""
    if any(name in _BUILT_IN_OPS for name, _ in ops):
        _run_ops(entry, ops)
        return
    obj = entry(*ops[0][1])
    for i in range(1, _len(ops)):
        name, args = ops[i]
        try:  # noqa: SIM105 (contextlib.suppress is looked up where the submission can patch it)
            _getattr(obj, name)(*args)
        except Exception:
            pass


def _all_immutable(ops) -> bool:
    return all(_type(a) in _IMMUTABLE for _, args in ops for a in args)


def _count_lines(kind: str, entry, case: dict) -> tuple[int, bool]:
    count = [0]

    def local(frame, event, arg):
        if event == "line":
            count[0] += 1
        return local

    def tracer(frame, event, arg):
        if frame.f_code.co_filename != FILENAME:
            return None
        count[0] += 1
        return local

    _settrace(tracer)
    try:
        if kind == "function":
            entry(*case["args"])
        else:
            _run_ops(entry, case["ops"])
    finally:
        still_ours = _gettrace() is tracer
        _settrace(None)
    return count[0], still_ours


def warm_up() -> None:
    """Run the judge's own paths once in the zygote, so each child does not pay for lazy setup."""
    x = decode({"$tensor": encode(torch.ones(2, 3))["$tensor"]})
    y = (x @ x.T).relu().sum(dim=1).sqrt()
    decode({"$ndarray": encode(np.ones((2, 2)) @ np.ones(2))["$ndarray"]})
    _dumps({"status": "ok", "results": [encode(y), encode((1, 2.5, None, [True], {"a": "b"}))]})
    exec(compile("def f(a):\n    return a\n", FILENAME, "exec"), {})
    _error(ValueError("warm-up"))


class ForbiddenCall(BaseException):
    """Raised by a call the statement rules out. Not an Exception, so the submission's own
    `except Exception` does not swallow it and no op after it runs: the judge finds it by
    this class's name (outcome.FORBIDDEN_CALL) and reports the rule it broke."""


def forbid(names, rule: str = "") -> None:
    """Replace the library calls a problem rules out (problem.toml `forbidden`, dotted names
    such as `torch.cdist` or `torch.Tensor.backward`) with ones that raise, before the
    submission loads, so `from torch import cdist` gets the stub too. Only this child is
    changed."""
    why = f"the statement says: {rule}" if rule else "see the statement"
    for dotted in names:
        parts = dotted.split(".")
        owner = sys.modules.get(parts[0])
        for name in parts[1:-1]:
            owner = getattr(owner, name, None)
        if owner is None or not hasattr(owner, parts[-1]):
            continue

        def blocked(*args, _name=dotted, **kwargs):
            raise ForbiddenCall(f"{_name} is off limits in this problem ({why})")

        setattr(owner, parts[-1], blocked)


def _fresh_streams() -> None:
    """sys.stdout and sys.stderr written straight through to fds 1 and 2, so what a
    submission prints is in the pipe even when it ends with os._exit (no buffer to lose)."""
    for name, fd in (("stdout", 1), ("stderr", 2)):
        raw = io.FileIO(fd, "w", closefd=False)
        stream = io.TextIOWrapper(
            raw, encoding="utf-8", errors="backslashreplace", write_through=True
        )
        setattr(sys, name, stream)
        setattr(sys, f"__{name}__", stream)
    stdin = io.TextIOWrapper(io.FileIO(0, "r", closefd=False), encoding="utf-8")
    sys.stdin = stdin
    setattr(sys, "__stdin__", stdin)  # noqa: B010 (a Final name to mypy; Python allows it)


def _clock(clock_fd: int, ack_fd: int, index: int) -> None:
    """Ask the session's init to read this process's CPU clock now (size `index`)."""
    _write(clock_fd, b"T " + _str_encode(_int_str(index), "ascii") + b"\n")
    _read(ack_fd, 1)


def run(request: dict, frame_fd: int, clock_fd: int = -1, ack_fd: int = -1) -> None:
    _fresh_streams()
    frame = Frame(frame_fd)
    if request.get("mode") != "time":  # only timing talks to the init
        for fd in (clock_fd, ack_fd):
            if fd >= 0:
                _close(fd)
    code = request["code"]
    try:
        compiled = compile(code, FILENAME, "exec", dont_inherit=True)
    except (SyntaxError, ValueError, RecursionError, MemoryError) as exc:
        detail = "".join(traceback.format_exception_only(_type(exc), exc))
        frame.line("R " + _dumps({"status": "compile_error", "message": detail[-4000:]}))
        return
    kind, mode = request["kind"], request["mode"]
    try:
        cases = [_decode_case(c) for c in request["cases"]]
    except Exception as exc:
        frame.line("S " + _dumps({"sandbox_error": f"bad input: {exc}"}))
        return
    if mode == "time":
        # What is alive now (the inputs) is never garbage: the collector that runs before each
        # size is timed then walks only what the submission made.
        _gc_collect()
        _gc_freeze()
    forbid(request.get("forbidden", ()), request.get("forbidden_rule", ""))
    linecache.cache[FILENAME] = (len(code), None, code.splitlines(True), FILENAME)
    namespace = {"__name__": "solution", "__file__": FILENAME, "__builtins__": builtins}
    try:
        exec(compiled, namespace)
    except BaseException as exc:
        frame.line("R " + _dumps({"status": "import_error", "error": _error(exc)}))
        return
    frame.line("I")
    entry = namespace.get(request["entry"])
    if entry is None:
        frame.line("R " + _dumps({"status": "missing_entry"}))
        return
    result: dict[str, Any]
    try:
        if mode == "case":
            result = {"status": "ok", "results": [_run_case(kind, entry, c) for c in cases]}
        elif mode == "time":
            _time_sizes(kind, entry, cases, request, lambda i: _clock(clock_fd, ack_fd, i))
            result = {"status": "ok"}
        elif mode == "trace":
            counts = [_count_lines(kind, entry, c) for c in cases]
            result = {
                "status": "ok",
                "lines": [n for n, _ in counts],
                "traced": all(ok for _, ok in counts),
            }
        else:
            raise ValueError(mode)
    except BaseException as exc:
        result = {"status": "raised", "error": _error(exc)}
    frame.line("R " + _dumps(result))
