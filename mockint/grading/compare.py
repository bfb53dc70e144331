"""Compare an expected value with a decoded result: exact types, shapes, tolerant floats."""

from __future__ import annotations

import math

import numpy as np

from mockint.grading.values import NDArray, Other, Raises, Tensor, describe

_EXACT_KINDS = "biu"  # bool, signed and unsigned ints: compared exactly


def _close_arrays(want: np.ndarray, got: np.ndarray, rtol: float, atol: float) -> str | None:
    if want.shape != got.shape:
        return f"shape {tuple(got.shape)}, expected {tuple(want.shape)}"
    if want.dtype.kind in _EXACT_KINDS:
        bad = want != got
    else:
        w = want.astype(np.float64)
        g = got.astype(np.float64)
        same_special = (np.isnan(w) & np.isnan(g)) | (np.isinf(w) & (w == g))
        # An infinite expected value matches only itself (same_special): with rtol > 0 its
        # tolerance would be infinite too. inf - inf is NaN there, so no warning for it.
        with np.errstate(invalid="ignore"):
            close = np.isfinite(w) & (np.abs(g - w) <= atol + rtol * np.abs(w))
        bad = ~(same_special | close)
    if not np.any(bad):
        return None
    idx = tuple(int(i) for i in np.argwhere(bad)[0])
    where = f" at index {list(idx)}" if idx else ""
    return f"{int(np.count_nonzero(bad))} of {want.size} values differ{where}: got {got[idx].item()!r}, expected {want[idx].item()!r}"


def _close_floats(want: float, got: float, rtol: float, atol: float) -> bool:
    if math.isnan(want) or math.isnan(got):
        return math.isnan(want) and math.isnan(got)
    if math.isinf(want) or math.isinf(got):
        return want == got
    return abs(got - want) <= atol + rtol * abs(want)


def compare(want, got, rtol: float, atol: float, where: str = "") -> str | None:
    """None when `got` matches `want`, else a one-line reason."""
    at = f"{where}: " if where else ""
    if isinstance(got, Other):
        return f"{at}returned an object of type {got.type_name}, expected {_kind(want)}"
    if isinstance(want, Raises):
        if isinstance(got, Raises):
            if want.name in got.mro:
                return None
            return f"{at}raised {got.name}, expected {want.name}"
        return f"{at}returned {describe(got, 120)}, expected it to raise {want.name}"
    if isinstance(got, Raises):
        return f"{at}raised {got.name}: {got.message}"
    if isinstance(want, Tensor):
        if not isinstance(got, Tensor):
            return f"{at}returned {_kind(got)}, expected a torch.Tensor"
        if got.dtype != want.dtype:
            return f"{at}dtype torch.{got.dtype}, expected torch.{want.dtype}"
        msg = _close_arrays(want.data, got.data, rtol, atol)
        return f"{at}{msg}" if msg else None
    if isinstance(want, NDArray):
        if not isinstance(got, NDArray):
            return f"{at}returned {_kind(got)}, expected a numpy.ndarray"
        if want.data.dtype.kind == "f" and got.data.dtype.kind != "f":
            return f"{at}dtype {got.data.dtype}, expected a floating dtype"
        msg = _close_arrays(want.data, got.data, rtol, atol)
        return f"{at}{msg}" if msg else None
    if type(want) is bool or want is None or type(want) is str:
        if type(got) is type(want) and got == want:
            return None
        return f"{at}got {describe(got, 120)}, expected {describe(want, 120)}"
    if type(want) is int:
        if type(got) is int and got == want:
            return None
        return f"{at}got {describe(got, 120)}, expected {want!r}"
    if type(want) is float:
        # An int is an exact number, so it may stand for a float; a bool may not.
        if type(got) in (float, int) and _close_floats(want, float(got), rtol, atol):
            return None
        return f"{at}got {describe(got, 120)}, expected {want!r}"
    if isinstance(want, (list, tuple)):
        if not isinstance(got, (list, tuple)):
            return f"{at}returned {_kind(got)}, expected a {type(want).__name__}"
        if len(got) != len(want):
            return f"{at}length {len(got)}, expected {len(want)}"
        for i, (w, g) in enumerate(zip(want, got, strict=False)):
            msg = compare(w, g, rtol, atol, f"{where}[{i}]")
            if msg:
                return msg
        return None
    if isinstance(want, dict):
        if not isinstance(got, dict):
            return f"{at}returned {_kind(got)}, expected a dict"
        if set(got) != set(want):
            return f"{at}keys {sorted(got)}, expected {sorted(want)}"
        for k in want:
            msg = compare(want[k], got[k], rtol, atol, f"{where}[{k!r}]")
            if msg:
                return msg
        return None
    raise TypeError(f"cannot compare against {type(want).__name__}")


def _kind(v) -> str:
    if isinstance(v, Tensor):
        return "a torch.Parameter" if v.param else "a torch.Tensor"
    if isinstance(v, NDArray):
        return "a numpy.ndarray"
    if isinstance(v, Other):
        return f"an object of type {v.type_name}"
    return f"a {type(v).__name__}"
