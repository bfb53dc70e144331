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
each call (`T <size index>`, answered by one byte), so the numbers come from the kernel.
"""

from __future__ import annotations

import binascii
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
_perf = time.perf_counter
_gc_collect, _gc_disable, _gc_enable = gc.collect, gc.disable, gc.enable
_settrace = sys.settrace
_gettrace = sys.gettrace
_format_exception = traceback.format_exception
_read = os.read
_close = os.close
_Tensor = torch.Tensor
_Parameter = torch.nn.Parameter
_Module = torch.nn.Module
_detach = torch.Tensor.detach
_cpu = torch.Tensor.cpu
_to_numpy = torch.Tensor.numpy
_contiguous = torch.Tensor.contiguous
_no_grad = torch.no_grad
_ndarray = np.ndarray
_np_scalars = {np.float64: float, np.float32: float, np.int64: int, np.int32: int, np.bool_: bool}
_str_join = str.join
_int_str = int.__repr__
_str_encode = str.encode
_bytes_decode = bytes.decode
_int_to_bytes = int.to_bytes
_tobytes = np.ndarray.tobytes
_dtype_str = lambda dt: np.dtype.str.__get__(dt)  # noqa: E731
_b2a = binascii.b2a_base64
_NPY_OK = {"float16", "float32", "float64", "int8", "int16", "int32", "int64", "uint8", "bool"}
# dtype.str is C code; dtype.name is Python code that calls (patchable) builtins.
_DTYPE_BY_STR = {
    np.dtype(n).str: n
    for n in ("float16", "float32", "float64", "int8", "int16", "int32", "int64", "uint8", "bool")
}
_dtype_name = lambda arr: _DTYPE_BY_STR.get(_dtype_str(np.ndarray.dtype.__get__(arr)), "other")  # noqa: E731
# The real built-in exception classes, captured before any submission runs: a class of its
# own that a submission names ValueError is reported by its module and name, not as this.
_BUILTIN_EXCEPTIONS = {
    obj: name
    for name, obj in vars(builtins).items()
    if isinstance(obj, type) and issubclass(obj, BaseException)
}


class _Frame:
    def __init__(self, fd: int):
        self.fd = fd

    def line(self, text: str) -> None:
        data = (text + "\n").encode("utf-8", "replace")
        while data:
            n = _write(self.fd, data)
            data = data[n:]


def _npy(arr) -> str:
    """An .npy file (format 1.0) built by hand: np.save runs Python code the submission can patch."""
    shape = arr.shape
    dims = _str_join(", ", [_int_str(d) for d in shape]) + ("," if _len(shape) == 1 else "")
    header = (
        "{'descr': '"
        + _dtype_str(arr.dtype)
        + "', 'fortran_order': False, 'shape': ("
        + dims
        + "), }"
    )
    pad = 64 - (10 + _len(header) + 1) % 64
    header = _str_encode(header + " " * pad + "\n", "latin-1")
    blob = b"\x93NUMPY\x01\x00" + _int_to_bytes(_len(header), 2, "little") + header + _tobytes(arr)
    return _bytes_decode(_b2a(blob, newline=False), "ascii")


def encode(v, depth: int = 0):
    """Exact types only; anything else becomes {"$other": type name}."""
    t = _type(v)
    if depth > 40:
        return {"$other": "nesting too deep"}
    if v is None or t is bool or t is str or t is int or t is float:
        return v
    if t in _np_scalars:
        return _np_scalars[t](v.item())
    if t is list:
        return [encode(x, depth + 1) for x in v]
    if t is tuple:
        return {"$tuple": [encode(x, depth + 1) for x in v]}
    if t is dict:
        if not all(_type(k) is str for k in v):
            return {"$other": "dict with non-str keys"}
        return {"$dict": {k: encode(x, depth + 1) for k, x in v.items()}}
    if t is _Tensor or t is _Parameter:
        # The dtype is the data's own (through NumPy's C types), never Tensor.dtype, which a
        # submission can patch; the judge reads it again from the .npy header anyway.
        try:
            arr = _to_numpy(_contiguous(_cpu(_detach(v))))
        except (TypeError, RuntimeError):
            return {"$other": "torch.Tensor of a dtype NumPy cannot hold"}
        dtype = _dtype_name(arr)
        if dtype not in _NPY_OK:
            return {"$other": f"torch.Tensor of dtype {dtype}"}
        return {"$tensor": _npy(arr), "dtype": dtype, "param": t is _Parameter}
    if t is _ndarray:
        dtype = _dtype_name(v)
        if dtype not in _NPY_OK:
            return {"$other": f"numpy.ndarray of dtype {dtype}"}
        return {"$ndarray": _npy(np.array(v, order="C"))}
    return {"$other": f"{getattr(t, '__module__', '?')}.{getattr(t, '__qualname__', '?')}"}


def decode(obj):
    """Inputs from the judge (trusted) into Python, NumPy and torch values."""
    import base64
    import io

    if _type(obj) is list:
        return [decode(x) for x in obj]
    if _type(obj) is not dict:
        return obj
    if "$tuple" in obj:
        return tuple(decode(x) for x in obj["$tuple"])
    if "$dict" in obj:
        return {k: decode(x) for k, x in obj["$dict"].items()}
    if "$tensor" in obj:
        arr = np.load(io.BytesIO(base64.b64decode(obj["$tensor"])), allow_pickle=False)
        return torch.from_numpy(arr.copy())
    if "$ndarray" in obj:
        return np.load(io.BytesIO(base64.b64decode(obj["$ndarray"])), allow_pickle=False)
    raise ValueError("bad input")


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
        out["ops"] = [(name, decode(args)) for name, args in case["ops"]]
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


def _time_case(kind: str, entry, copies: list[dict], max_s: float, tick) -> float:
    """Call once per copy of the input, asking for the CPU clock around each call (the
    trusted side keeps the best); one call is enough when it is slow. Returns the slowest
    wall time, only to decide whether larger sizes are worth trying."""
    slowest = 0.0
    # The cyclic collector is off while a size is timed, and runs before it, outside every
    # timed interval (the init pairs only ticks of the same size): its passes cost in
    # proportion to everything alive, which made an O(n) solution that keeps many objects
    # measure as O(n^1.6) now and then.
    _gc_collect()
    _gc_disable()
    try:
        tick()
        for case in copies:
            start = _perf()
            if kind == "function":
                entry(*case["args"])
            else:
                _run_ops(entry, case["ops"])
            elapsed = _perf() - start
            tick()
            slowest = elapsed if elapsed > slowest else slowest
            if elapsed > max_s:
                break
    finally:
        _gc_enable()
    return slowest


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
    frame = _Frame(frame_fd)
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
    reps = request.get("reps", 3) if mode == "time" else 1
    try:
        cases = [[_decode_case(c) for _ in range(reps)] for c in request["cases"]]
    except Exception as exc:
        frame.line("S " + _dumps({"sandbox_error": f"bad input: {exc}"}))
        return
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
            result = {"status": "ok", "results": [_run_case(kind, entry, c[0]) for c in cases]}
        elif mode == "time":
            max_s = float(request.get("max_case_s", 1.0))
            done = 0
            for i, copies in enumerate(cases):
                secs = _time_case(
                    kind, entry, copies, max_s, lambda i=i: _clock(clock_fd, ack_fd, i)
                )
                done += 1
                if secs > max_s:
                    break  # larger sizes would only take longer
            result = {"status": "ok", "sizes": done}
        elif mode == "trace":
            counts = [_count_lines(kind, entry, c[0]) for c in cases]
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
