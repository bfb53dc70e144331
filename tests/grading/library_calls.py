"""Submitted code that imports and calls a broad list of NumPy, torch and standard-library
functions, at import time, and raises one RuntimeError naming every call that failed.

`test_sandbox_libraries.py` puts a correct solution after it and expects it accepted: the
sandbox must run ordinary library code, including what is imported lazily, on the first
call (numpy.ma for `np.median`, numpy.random, torch.distributions).
"""

import importlib
import io
import os
import pkgutil

import numpy as np
import torch

FAILED: list[str] = []


def attempt(name, call):
    try:
        call()
    except Exception as exc:
        FAILED.append(f"{name}: {type(exc).__name__}: {exc}"[:300])


# Every public name of numpy and of its public submodules resolves (lazy attributes import
# their modules on first use).
NUMPY_MODULES = [
    "numpy.ma", "numpy.random", "numpy.linalg", "numpy.fft", "numpy.polynomial",
    "numpy.lib", "numpy.lib.stride_tricks", "numpy.char", "numpy.strings", "numpy.rec",
    "numpy.exceptions", "numpy.dtypes", "numpy.ctypeslib", "numpy.testing",
]  # fmt: skip
for module_name in ["numpy", *NUMPY_MODULES]:
    try:
        module = importlib.import_module(module_name)
    except Exception as exc:
        FAILED.append(f"import {module_name}: {type(exc).__name__}: {exc}")
        continue
    for attr in getattr(module, "__all__", None) or [n for n in dir(module) if n[0] != "_"]:
        attempt(f"{module_name}.{attr}", lambda m=module, a=attr: getattr(m, a))
try:
    random_path = importlib.import_module("numpy.random").__path__
except Exception:
    random_path = []  # already reported above
for info in pkgutil.iter_modules(random_path):  # its compiled bit generators too
    if info.name != "tests":
        full = f"numpy.random.{info.name}"
        attempt(f"import {full}", lambda n=full: importlib.import_module(n))

x = np.arange(24.0).reshape(4, 6) % 7
v = np.array([3.0, 1.0, np.nan, 2.0, 5.0, 1.0])
a = np.array([[4.0, 1.0], [1.0, 3.0]])
NUMPY_CALLS = {
    "quantile": lambda: np.quantile(x, [0.1, 0.5, 0.9], axis=0),
    "median": lambda: np.median(x, axis=1),
    "percentile": lambda: np.percentile(x, 25),
    "nanmedian": lambda: np.nanmedian(v),
    "nanquantile": lambda: np.nanquantile(v, 0.3),
    "nanpercentile": lambda: np.nanpercentile(v, 70),
    "nanmean": lambda: np.nanmean(v),
    "unique": lambda: np.unique(x, return_counts=True, return_inverse=True),
    "unique_values": lambda: np.unique_values(x),
    "setdiff1d": lambda: np.setdiff1d(x, [1.0, 2.0]),
    "intersect1d": lambda: np.intersect1d(x, v, return_indices=True),
    "union1d": lambda: np.union1d(x, v),
    "isin": lambda: np.isin(x, [1.0, 3.0]),
    "histogram": lambda: np.histogram(x, bins=5),
    "bincount": lambda: np.bincount(np.array([0, 2, 2, 5])),
    "digitize": lambda: np.digitize(x, [1.0, 3.0, 5.0]),
    "searchsorted": lambda: np.searchsorted(np.sort(x.ravel()), 2.5),
    "lexsort": lambda: np.lexsort((x[0], x[1])),
    "partition": lambda: np.partition(x.ravel(), 5),
    "argpartition": lambda: np.argpartition(x.ravel(), 5),
    "gradient": lambda: np.gradient(x),
    "interp": lambda: np.interp(2.5, [1, 2, 3], [10, 20, 30]),
    "convolve": lambda: np.convolve(x[0], [1, 0, -1]),
    "polyfit": lambda: np.polyfit(x[0], x[1], 2),
    "cov": lambda: np.cov(x),
    "corrcoef": lambda: np.corrcoef(x + np.arange(6)),
    "einsum": lambda: np.einsum("ij,kj->ik", x, x, optimize=True),
    "tensordot": lambda: np.tensordot(x, x, axes=([1], [1])),
    "pad": lambda: np.pad(x, 1, mode="reflect"),
    "apply_along_axis": lambda: np.apply_along_axis(np.sort, 1, x),
    "vectorize": lambda: np.vectorize(lambda t: t + 1)(x),
    "trapezoid": lambda: np.trapezoid(x[0]),
    "emath.sqrt": lambda: np.emath.sqrt(-1.0),
    "nan_to_num": lambda: np.nan_to_num(v),
    "sliding_window_view": lambda: np.lib.stride_tricks.sliding_window_view(x[0], 3),
    "linalg.inv": lambda: np.linalg.inv(a),
    "linalg.solve": lambda: np.linalg.solve(a, [1.0, 2.0]),
    "linalg.lstsq": lambda: np.linalg.lstsq(x, np.ones(4), rcond=None),
    "linalg.svd": lambda: np.linalg.svd(x),
    "linalg.eig": lambda: np.linalg.eig(a),
    "linalg.eigh": lambda: np.linalg.eigh(a),
    "linalg.qr": lambda: np.linalg.qr(x),
    "linalg.cholesky": lambda: np.linalg.cholesky(a),
    "linalg.det": lambda: np.linalg.det(a),
    "linalg.pinv": lambda: np.linalg.pinv(x),
    "linalg.matrix_rank": lambda: np.linalg.matrix_rank(x),
    "linalg.norm": lambda: np.linalg.norm(x, ord="fro"),
    "fft.fft": lambda: np.fft.fft(x[0]),
    "fft.rfft2": lambda: np.fft.irfft2(np.fft.rfft2(x)),
    "fft.fftfreq": lambda: np.fft.fftfreq(8),
    "random.default_rng": lambda: np.random.default_rng(0).normal(size=(3, 2)),
    "random.Generator": lambda: np.random.default_rng(1).choice(10, 4, replace=False),
    "random.permutation": lambda: np.random.default_rng(2).permutation(10),
    "random.integers": lambda: np.random.default_rng(3).integers(0, 5, 10),
    "random.seed+rand": lambda: (np.random.seed(0), np.random.rand(3), np.random.randn(2)),
    "random.shuffle": lambda: np.random.shuffle(np.arange(5)),
    "random.RandomState": lambda: np.random.RandomState(4).uniform(size=3),
    "ma.masked_invalid": lambda: np.ma.masked_invalid(v).mean(),
    "ma.median": lambda: np.ma.median(np.ma.masked_invalid(v)),
    "polynomial.Polynomial.fit": lambda: np.polynomial.Polynomial.fit(x[0], x[1], 2),
    "strings.upper": lambda: np.strings.upper(np.array(["a", "b"])),
    "save/load": lambda: np.load(io.BytesIO(_saved(x)), allow_pickle=False),
    "savetxt/loadtxt": lambda: _text_round_trip(x),
    "datetime64": lambda: np.arange("2024-01", "2024-03", dtype="datetime64[D]"),
    "testing.assert_allclose": lambda: np.testing.assert_allclose(x, x),
}


def _saved(arr):
    buf = io.BytesIO()
    np.save(buf, arr)
    return buf.getvalue()


def _text_round_trip(arr):
    path = os.path.join(os.getcwd(), "matrix.txt")  # the work folder, a private tmpfs
    np.savetxt(path, arr)
    return np.loadtxt(path)


for call_name, call in NUMPY_CALLS.items():
    attempt(f"np.{call_name}", call)

TORCH_MODULES = [
    "torch.nn", "torch.nn.functional", "torch.nn.init", "torch.linalg", "torch.fft",
    "torch.special", "torch.distributions", "torch.optim",
    "torch.utils.data", "torch.autograd", "torch.func", "torch.testing",
]  # fmt: skip
for module_name in TORCH_MODULES:
    attempt(f"import {module_name}", lambda n=module_name: importlib.import_module(n))

t = torch.arange(24.0).reshape(4, 6) % 7
m = torch.tensor([[4.0, 1.0], [1.0, 3.0]])


def _train_step():
    # By hand: building a torch.optim optimizer imports torch._dynamo (over 1 s of CPU).
    torch.manual_seed(0)
    net = torch.nn.Sequential(torch.nn.Linear(6, 8), torch.nn.ReLU(), torch.nn.Linear(8, 1))
    data = torch.utils.data.DataLoader(
        torch.utils.data.TensorDataset(t, t.sum(1, keepdim=True)), batch_size=2, shuffle=True
    )
    for xb, yb in data:
        loss = torch.nn.functional.mse_loss(net(xb), yb)
        net.zero_grad()
        loss.backward()
        with torch.no_grad():
            for p in net.parameters():
                p -= 0.01 * p.grad


def _gradient():
    w = t.clone().requires_grad_()
    return torch.autograd.grad((w**2).sum(), [w])


TORCH_CALLS = {
    "quantile": lambda: torch.quantile(t, 0.3, dim=0),
    "median": lambda: torch.median(t, dim=1),
    "unique": lambda: torch.unique(t, return_counts=True),
    "topk": lambda: torch.topk(t, 2, dim=1),
    "sort": lambda: torch.sort(t, dim=0, stable=True),
    "einsum": lambda: torch.einsum("ij,kj->ik", t, t),
    "cdist": lambda: torch.cdist(t, t),
    "F.softmax": lambda: torch.nn.functional.softmax(t, dim=1),
    "F.conv2d": lambda: torch.nn.functional.conv2d(t[None, None], torch.ones(1, 1, 2, 2)),
    "F.layer_norm": lambda: torch.nn.functional.layer_norm(t, (6,)),
    "F.cross_entropy": lambda: torch.nn.functional.cross_entropy(t, torch.tensor([0, 1, 2, 3])),
    "nn.LSTM": lambda: torch.nn.LSTM(6, 4, batch_first=True)(t[None]),
    "nn.MultiheadAttention": lambda: torch.nn.MultiheadAttention(6, 2)(t, t, t),
    "nn.init": lambda: torch.nn.init.kaiming_uniform_(torch.empty(3, 4)),
    "linalg.solve": lambda: torch.linalg.solve(m, torch.ones(2)),
    "linalg.svd": lambda: torch.linalg.svd(t),
    "linalg.eigh": lambda: torch.linalg.eigh(m),
    "linalg.qr": lambda: torch.linalg.qr(t),
    "linalg.cholesky": lambda: torch.linalg.cholesky(m),
    "linalg.lstsq": lambda: torch.linalg.lstsq(t, torch.ones(4, 1)),
    "linalg.norm": lambda: torch.linalg.norm(t),
    "fft.rfft": lambda: torch.fft.rfft(t),
    "special.logsumexp": lambda: torch.special.logsumexp(t, dim=1),
    "distributions.Normal": lambda: torch.distributions.Normal(0.0, 1.0).log_prob(t),
    "distributions.Categorical": lambda: torch.distributions.Categorical(logits=t).sample(),
    "autograd.grad": lambda: _gradient(),
    "train step": _train_step,
    "from_numpy": lambda: torch.from_numpy(x).numpy(),
}
for call_name, call in TORCH_CALLS.items():
    attempt(f"torch.{call_name}", call)

for module_name in ("heapq", "bisect", "collections", "statistics", "fractions", "decimal",
                    "dataclasses", "random", "itertools", "functools", "math", "re", "json"):  # fmt: skip
    attempt(f"import {module_name}", lambda n=module_name: importlib.import_module(n))
attempt("statistics.median", lambda: importlib.import_module("statistics").median([3, 1, 2]))

# The wheel-style copy of the hidden cases beside numpy stays hidden wherever Python lives.
_data = os.path.join(os.path.dirname(os.path.dirname(np.__file__)), "mockint", "_data")
try:
    _shown = os.listdir(_data)
except OSError:  # masked (an empty folder nobody may read) or absent
    _shown = []
if _shown:
    FAILED.append(f"{_data} is visible: {sorted(_shown)[:5]}")


def _mount_options(path):
    """The options of the mount that holds `path`, from this process's mountinfo."""
    best, options = "", ""
    with open("/proc/self/mountinfo") as f:
        for line in f:
            fields = line.split()
            point = fields[4].encode().decode("unicode_escape")
            inside = path == point or path.startswith(point.rstrip("/") + "/")
            if inside and len(point) >= len(best):
                best, options = point, fields[5]
    return best, options.split(",")


_point, _options = _mount_options(os.path.realpath(os.path.dirname(np.__file__)))
if "ro" not in _options:  # else a submission could change the libraries of the host
    FAILED.append(f"numpy's folder is on a writable mount ({_point}: {_options})")

if FAILED:
    raise RuntimeError(f"{len(FAILED)} library calls failed:\n" + "\n".join(FAILED))
