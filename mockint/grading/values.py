"""Values that cross between the judge and a submission, and their JSON wire form.

Trusted side only (imports NumPy). Cases in `cases.py` are written with `tensor`,
`ndarray` and `raises`; results coming back from a child are decoded strictly into the same
classes, so the comparison never touches an object the submission created.

Wire form: JSON scalars and lists as themselves, and tagged objects for the rest:
`{"$tuple": [...]}`, `{"$dict": {...}}`, `{"$tensor": <base64 .npy>, "dtype": "float32",
"param": bool}`, `{"$ndarray": <base64 .npy>}`, `{"$raises": {"name", "mro", "message",
"traceback"}}`, `{"$other": "<type name>"}` for a value of a type the judge refuses.
"""

from __future__ import annotations

import base64
import io
from dataclasses import dataclass, field

import numpy as np


class WireError(ValueError):
    """A result frame that does not follow the wire format."""


@dataclass
class Tensor:
    data: np.ndarray
    dtype: str  # torch dtype name without "torch.", e.g. "float32"
    param: bool = False  # a torch.nn.Parameter (only meaningful in results)

    @property
    def shape(self) -> tuple[int, ...]:
        return tuple(self.data.shape)


@dataclass
class NDArray:
    data: np.ndarray


@dataclass
class Raises:
    name: str
    mro: list[str] = field(default_factory=list)
    message: str = ""
    traceback: str = ""


@dataclass
class Other:
    type_name: str


def tensor(data, dtype: str = "float32") -> Tensor:
    """A torch tensor of `dtype`; the values are stored already rounded to that dtype."""
    return Tensor(np.asarray(data).astype(dtype), dtype)


def ndarray(data) -> NDArray:
    return NDArray(np.asarray(data))


def raises(name: str) -> Raises:
    return Raises(name, [name])


_NPY_DTYPES = {"float16", "float32", "float64", "int8", "int16", "int32", "int64", "uint8", "bool"}


def npy_bytes(a: np.ndarray) -> str:
    buf = io.BytesIO()
    np.save(buf, np.array(a, order="C"), allow_pickle=False)  # keeps 0-d arrays 0-d
    return base64.b64encode(buf.getvalue()).decode("ascii")


def npy_load(text: str) -> np.ndarray:
    try:
        raw = base64.b64decode(text.encode("ascii"), validate=True)
        arr = np.load(io.BytesIO(raw), allow_pickle=False)
    except Exception as exc:
        raise WireError(f"bad array data: {exc}") from None
    if not isinstance(arr, np.ndarray) or arr.dtype.name not in _NPY_DTYPES:
        raise WireError("unsupported array")
    return arr


def to_wire(v):
    """Encode a trusted input value."""
    if v is None or type(v) in (bool, int, float, str):
        return v
    if isinstance(v, list):
        return [to_wire(x) for x in v]
    if isinstance(v, tuple):
        return {"$tuple": [to_wire(x) for x in v]}
    if isinstance(v, dict):
        return {"$dict": {str(k): to_wire(x) for k, x in v.items()}}
    if isinstance(v, Tensor):
        return {"$tensor": npy_bytes(v.data.astype(v.dtype)), "dtype": v.dtype, "param": False}
    if isinstance(v, NDArray):
        return {"$ndarray": npy_bytes(v.data)}
    if isinstance(v, np.generic):
        return v.item()
    raise TypeError(f"cannot send {type(v).__name__} to a submission")


def from_wire(obj, depth: int = 0):
    """Decode a value a child sent back; raises WireError on anything unexpected."""
    if depth > 50:
        raise WireError("nesting too deep")
    if obj is None or type(obj) in (bool, int, float, str):
        return obj
    if type(obj) is list:
        return [from_wire(x, depth + 1) for x in obj]
    if type(obj) is not dict or len(obj) == 0:
        raise WireError("unexpected value in result")
    tag = next(iter(obj))
    body = obj[tag]
    if tag == "$tuple" and type(body) is list:
        return tuple(from_wire(x, depth + 1) for x in body)
    if tag == "$dict" and type(body) is dict:
        return {str(k): from_wire(x, depth + 1) for k, x in body.items()}
    if tag == "$tensor" and type(body) is str:
        # The dtype (like the shape) is read from the array itself; a "dtype" label sent
        # beside it is ignored, since code in the sandbox could make it say anything.
        arr = npy_load(body)
        return Tensor(arr, arr.dtype.name, obj.get("param") is True)
    if tag == "$ndarray" and type(body) is str:
        return NDArray(npy_load(body))
    if tag == "$raises" and type(body) is dict:
        mro = body.get("mro")
        if type(mro) is not list or not all(type(m) is str for m in mro):
            mro = []
        return Raises(
            str(body.get("name", "?")),
            mro,
            str(body.get("message", ""))[:2000],
            str(body.get("traceback", ""))[-8000:],
        )
    if tag == "$other" and type(body) is str:
        return Other(body[:200])
    raise WireError(f"unknown tag {tag[:40]!r}")


def describe(v, limit: int = 400) -> str:
    """A short human-readable form for messages."""
    if isinstance(v, Tensor):
        body = np.array2string(v.data, threshold=24, edgeitems=3, precision=5)
        text = f"tensor({body}, dtype=torch.{v.dtype}, shape={v.shape})"
    elif isinstance(v, NDArray):
        body = np.array2string(v.data, threshold=24, edgeitems=3, precision=5)
        text = f"ndarray({body}, dtype={v.data.dtype}, shape={v.data.shape})"
    elif isinstance(v, Raises):
        text = f"raises {v.name}" + (f": {v.message}" if v.message else "")
    elif isinstance(v, Other):
        text = f"<object of type {v.type_name}>"
    elif isinstance(v, list):
        text = (
            "["
            + ", ".join(describe(x, limit) for x in v[:20])
            + (", ..." if len(v) > 20 else "")
            + "]"
        )
    elif isinstance(v, tuple):
        text = (
            "("
            + ", ".join(describe(x, limit) for x in v[:20])
            + (", ..." if len(v) > 20 else "")
            + ")"
        )
    elif isinstance(v, dict):
        text = (
            "{" + ", ".join(f"{k!r}: {describe(x, limit)}" for k, x in list(v.items())[:20]) + "}"
        )
    else:
        text = repr(v)
    return text if len(text) <= limit else text[: limit - 3] + "..."
