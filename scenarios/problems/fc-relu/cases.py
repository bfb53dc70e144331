"""Trusted cases for fc-relu. Initial weights are random, so a validator checks the results."""

import numpy as np

from mockint.grading.compare import compare
from mockint.grading.values import Tensor, tensor


def _x(rng, batch, n_in):
    return tensor(rng.normal(size=(batch, n_in)), "float32")


def _init_case(cid, n_in, n_out, batch, seed, note=""):
    rng = np.random.default_rng(seed)
    return {
        "id": cid,
        "note": note,
        "ops": [
            ["FullyConnectedReLU", [n_in, n_out]],
            ["__params__", []],
            ["__call__", [_x(rng, batch, n_in)]],
        ],
    }


def _loaded_case(cid, n_in, n_out, batch, seed, note=""):
    rng = np.random.default_rng(seed)
    w = tensor(rng.normal(0, 0.5, size=(n_out, n_in)), "float32")
    b = tensor(rng.normal(0, 0.5, size=(n_out,)), "float32")
    return {
        "id": cid,
        "note": note,
        "ops": [
            ["FullyConnectedReLU", [n_in, n_out]],
            ["__load__", [{"weight": w, "bias": b}]],
            ["__call__", [_x(rng, batch, n_in)]],
        ],
    }


def visible():
    return [
        _init_case("init-and-forward", 256, 128, 4, 1),
        _loaded_case("loaded-weights", 5, 3, 4, 2),
        _loaded_case("single-row", 8, 2, 1, 3),
    ]


def hidden():
    return [
        _init_case("wide-init", 1024, 64, 2, 4, note="initial spread with 1024 inputs"),
        _loaded_case("one-output", 16, 1, 7, 5, note="a single output feature"),
    ]


def generate(rng):
    n_in, n_out, batch = (int(v) for v in rng.integers(1, 30, size=3))
    return _loaded_case(
        None,
        n_in,
        n_out,
        batch,
        int(rng.integers(1 << 30)),
        note=f"loaded weights, {n_in} -> {n_out}, batch {batch}",
    )


def _forward(x, w, b):
    z = x.data.astype(np.float64) @ w.data.astype(np.float64).T + b.data.astype(np.float64)
    return tensor(np.maximum(z, 0.0), "float32")


def _check_params(params, n_in, n_out):
    if not isinstance(params, dict):
        return "could not list the module's parameters (is it a torch.nn.Module?)"
    for name, shape in (("weight", (n_out, n_in)), ("bias", (n_out,))):
        p = params.get(name)
        if not isinstance(p, Tensor) or not p.param:
            return f"no torch.nn.Parameter named {name!r} (found {sorted(params)})"
        if p.shape != shape or p.dtype != "float32":
            return f"{name} has shape {p.shape} and dtype {p.dtype}, expected {shape} float32"
    w = params["weight"].data.astype(np.float64)
    spread = w.std() * np.sqrt(n_in)
    if not 0.3 <= spread <= 2.0 or abs(w.mean()) * np.sqrt(n_in) > 0.1:
        return (
            f"weight has mean {w.mean():.3g} and std {w.std():.3g}; Kaiming-style init has mean 0 "
            f"and std of order 1/sqrt(in_features) = {1 / np.sqrt(n_in):.3g}"
        )
    if np.max(np.abs(params["bias"].data)) > 2.0 / np.sqrt(n_in):
        return "bias starts too large (zero or within +-1/sqrt(in_features) is expected)"
    return None


def validate(case, got):
    if not isinstance(got, list) or len(got) != len(case["ops"]):
        return f"ran {len(got) if isinstance(got, list) else 0} of {len(case['ops'])} operations"
    n_in, n_out = case["ops"][0][1]
    x = case["ops"][2][1][0]
    if case["ops"][1][0] == "__params__":
        problem = _check_params(got[1], n_in, n_out)
        if problem:
            return problem
        want = _forward(x, got[1]["weight"], got[1]["bias"])
    else:
        if got[1] is not None:
            return compare(None, got[1], 0, 0, "loading weights")
        loaded = case["ops"][1][1][0]
        want = _forward(x, loaded["weight"], loaded["bias"])
    return compare(want, got[2], 1e-4, 1e-5, "forward(x)")


def sized(n, rng):
    return {"ops": [["FullyConnectedReLU", [16, 8]], ["__call__", [_x(rng, n, 16)]]]}
