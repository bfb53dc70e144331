"""The harness's value codec: results into JSON-able data (exact types only) and the
judge's inputs back into Python, NumPy and torch values.

Runs in the sandboxed child beside untrusted code: every helper is bound here, when the
harness imports this module before any submission loads, so a submission that patches
builtins, NumPy or torch cannot change how its results are encoded.
"""

from __future__ import annotations

import binascii
import os

import numpy as np
import torch

_type = type
_len = len
_write = os.write
_Tensor = torch.Tensor
_Parameter = torch.nn.Parameter
_detach = torch.Tensor.detach
_cpu = torch.Tensor.cpu
_to_numpy = torch.Tensor.numpy
_contiguous = torch.Tensor.contiguous
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


class Frame:
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
