"""Runs inside the sandboxed child: load the submission, run one request, write a frame.

Everything here is in the same process as untrusted code, so nothing here decides a
verdict: it only turns what the submission returned into data (see `values` for the wire
form). The helpers it relies on are bound before the submission runs, so replacing
builtins or timers from the submission cannot change how results are encoded or timed.

Frame (on its own pipe, never stdout), one line each:
  `I`               the module finished loading
  `T <i> <secs>`    timing of sized case i (mode "time"), written as it goes
  `R <json>`        the final result
"""

from __future__ import annotations

import builtins
import json
import linecache
import os
import sys
import time
import traceback

import numpy as np
import torch

FILENAME = "solution.py"

_type = type
_len = len
_write = os.write
_dumps = json.dumps
_perf = time.perf_counter
_settrace = sys.settrace
_gettrace = sys.gettrace
_format_exception = traceback.format_exception
_Tensor = torch.Tensor
_Parameter = torch.nn.Parameter
_Module = torch.nn.Module
_detach = torch.Tensor.detach
_to_numpy = torch.Tensor.numpy
_contiguous = torch.Tensor.contiguous
_no_grad = torch.no_grad
_ndarray = np.ndarray
_np_scalars = {np.float64: float, np.float32: float, np.int64: int, np.int32: int, np.bool_: bool}
_NPY_OK = {"float16", "float32", "float64", "int8", "int16", "int32", "int64", "uint8", "bool"}


class _Frame:
    def __init__(self, fd: int):
        self.fd = fd

    def line(self, text: str) -> None:
        data = (text + "\n").encode("utf-8", "replace")
        while data:
            n = _write(self.fd, data)
            data = data[n:]


def _npy(arr) -> str:
    import base64
    import io

    buf = io.BytesIO()
    np.save(buf, arr, allow_pickle=False)
    return base64.b64encode(buf.getvalue()).decode("ascii")


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
        d = _detach(v)
        dtype = str(d.dtype).replace("torch.", "")
        if dtype not in _NPY_OK:
            return {"$other": f"torch.Tensor of dtype {dtype}"}
        arr = _to_numpy(_contiguous(d.cpu()))
        return {"$tensor": _npy(arr), "dtype": dtype, "param": t is _Parameter}
    if t is _ndarray:
        if v.dtype.name not in _NPY_OK:
            return {"$other": f"numpy.ndarray of dtype {v.dtype}"}
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


def _error(exc: BaseException) -> dict:
    t = _type(exc)
    tb = "".join(_format_exception(t, exc, exc.__traceback__))
    mro = [c.__name__ for c in t.__mro__]
    try:
        message = str(exc)[:2000]
    except BaseException:  # noqa: BLE001 - a hostile __str__
        message = "<unprintable>"
    return {"$raises": {"name": t.__name__, "mro": mro, "message": message, "traceback": tb[-8000:]}}


def _run_ops(entry, ops) -> list:
    out = []
    obj = None
    for i, (name, args) in enumerate(ops):
        args = decode(args)
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
        except Exception as exc:  # noqa: BLE001 - recorded as the op's result
            out.append(_error(exc))
            if i == 0:
                break
    return out


def _run_case(kind: str, entry, case: dict) -> dict:
    if kind == "function":
        args = decode(case.get("args", []))
        kwargs = decode(case.get("kwargs", {"$dict": {}}))
        try:
            value = encode(entry(*args, **kwargs))
        except Exception as exc:  # noqa: BLE001
            value = _error(exc)
        return {"value": value, "args": [encode(args[i]) for i in case.get("check_args", [])]}
    return {"value": _run_ops(entry, case["ops"])}


def _time_case(kind: str, entry, case: dict, reps: int) -> float:
    best = float("inf")
    for _ in range(reps):
        args = decode(case.get("args", []))
        ops = case.get("ops")
        start = _perf()
        if kind == "function":
            entry(*args)
        else:
            _run_ops(entry, ops)
        best = min(best, _perf() - start)
    return best


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

    args = decode(case.get("args", []))
    _settrace(tracer)
    try:
        if kind == "function":
            entry(*args)
        else:
            _run_ops(entry, case["ops"])
    finally:
        still_ours = _gettrace() is tracer
        _settrace(None)
    return count[0], still_ours


def run(request: dict, frame_fd: int) -> None:
    frame = _Frame(frame_fd)
    code = request["code"]
    try:
        compiled = compile(code, FILENAME, "exec", dont_inherit=True)
    except (SyntaxError, ValueError, RecursionError, MemoryError) as exc:
        detail = "".join(traceback.format_exception_only(_type(exc), exc))
        frame.line("R " + _dumps({"status": "compile_error", "message": detail[-4000:]}))
        return
    linecache.cache[FILENAME] = (len(code), None, code.splitlines(True), FILENAME)
    namespace = {"__name__": "solution", "__file__": FILENAME, "__builtins__": builtins}
    try:
        exec(compiled, namespace)
    except BaseException as exc:  # noqa: BLE001 - SystemExit at import is a runtime error too
        frame.line("R " + _dumps({"status": "import_error", "error": _error(exc)}))
        return
    frame.line("I")
    entry = namespace.get(request["entry"])
    if entry is None:
        frame.line("R " + _dumps({"status": "missing_entry"}))
        return
    kind, mode, cases = request["kind"], request["mode"], request["cases"]
    try:
        if mode == "case":
            result = {"status": "ok", "results": [_run_case(kind, entry, c) for c in cases]}
        elif mode == "time":
            for i, c in enumerate(cases):
                frame.line(f"T {i} {_time_case(kind, entry, c, request.get('reps', 3))!r}")
            result = {"status": "ok"}
        elif mode == "trace":
            counts = [_count_lines(kind, entry, c) for c in cases]
            result = {"status": "ok", "lines": [n for n, _ in counts], "traced": all(ok for _, ok in counts)}
        else:
            raise ValueError(mode)
    except BaseException as exc:  # noqa: BLE001
        result = {"status": "raised", "error": _error(exc)}
    frame.line("R " + _dumps(result))
