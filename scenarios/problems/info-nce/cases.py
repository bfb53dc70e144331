"""Trusted cases for info-nce: float64 NumPy, each row's loss in plain Python floats."""

import math

import numpy as np

from mockint.grading.values import raises, tensor


def _case(cid, q, k, temperature, symmetric=None, dtype="float32", note=""):
    args = [tensor(np.asarray(q, dtype=np.float64), dtype)]
    args += [tensor(np.asarray(k, dtype=np.float64), dtype), temperature]
    if symmetric is not None:
        args.append(symmetric)
    case = {"id": cid, "args": args, "check_args": [0, 1], "note": note}
    if dtype == "float32" and temperature > 0:
        case["atol"] = 1e-5 + 4e-6 / temperature
    return case


def _random(rng, n, d, temperature, symmetric=None, dtype="float32", cid=None, note=""):
    q = rng.normal(size=(n, d))
    k = q + rng.normal(0, 0.8, size=(n, d))  # positives resemble their queries
    return _case(cid, q, k, temperature, symmetric, dtype, note)


def visible():
    rng = np.random.default_rng(30)
    eye = [[1.0, 0.0], [0.0, 1.0]]
    return [
        _case("example", eye, eye, 1.0),
        _random(rng, 4, 3, 0.5, cid="batch"),
        _random(rng, 5, 8, 0.1, True, cid="symmetric"),
        _case("zero-temperature", eye, eye, 0.0),
    ]


def hidden():
    rng = np.random.default_rng(31)
    zero_row = rng.normal(size=(3, 4))
    zero_row[1] = 0.0
    return [
        _random(rng, 6, 4, 0.01, True, note="temperature 0.01 (stability)", cid="cold"),
        _random(rng, 1, 5, 0.2, note="a batch of one", cid="one-pair"),
        _case("zero-row", zero_row, rng.normal(size=(3, 4)), 0.3, note="a zero query"),
        _random(rng, 4, 6, 0.07, False, "float64", note="float64", cid="float64"),
        _case("shape-mismatch", np.ones((2, 3)), np.ones((3, 3)), 1.0, note="N differs"),
    ]


def generate(rng):
    n, d = int(rng.integers(1, 40)), int(rng.integers(1, 32))
    temperature = float(rng.choice([0.02, 0.07, 0.5, 1.0]))
    symmetric = bool(rng.random() < 0.5)
    note = f"N={n}, D={d}, temperature {temperature}, symmetric={symmetric}"
    return _random(rng, n, d, temperature, symmetric, note=note)


def _loss(logits):
    rows = []
    for i, row in enumerate(logits):
        m = max(row)
        rows.append(m + math.log(math.fsum(math.exp(v - m) for v in row)) - row[i])
    return math.fsum(rows) / len(rows)


def expected(case):
    q, k = (a.data.astype(np.float64) for a in case["args"][:2])
    temperature = case["args"][2]
    symmetric = case["args"][3] if len(case["args"]) > 3 else False
    if q.ndim != 2 or q.shape != k.shape or q.shape[0] == 0 or temperature <= 0:
        return raises("ValueError")
    qn = q / np.maximum(np.linalg.norm(q, axis=1, keepdims=True), 1e-12)
    kn = k / np.maximum(np.linalg.norm(k, axis=1, keepdims=True), 1e-12)
    logits = (qn @ kn.T / temperature).tolist()
    loss = _loss(logits)
    if symmetric:
        loss = (loss + _loss([list(col) for col in zip(*logits, strict=True)])) / 2
    return tensor(np.array(loss), case["args"][0].dtype)


def sized(n, rng):
    return _random(rng, n, 16, 0.1, True)


def examples():
    """The statement's worked examples, as FORMAT.md describes."""
    eye = [[1.0, 0.0], [0.0, 1.0]]
    return [
        dict(
            _case("example", eye, eye, 1.0),
            shows=[
                "`queries = keys = [[1, 0], [0, 1]]` and `temperature = 1`",
                "a loss of `log(1 + e^-1) = 0.3133`",
            ],
            want=tensor(0.3133, "float32"),
            atol=1e-4,
        )
    ]
