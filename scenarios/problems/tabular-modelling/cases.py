"""Trusted cases for tabular-modelling: generated datasets whose test labels stay here.

Only `args` (the training data and the test features) ever reach the submission; the test
labels live under `holdout`, read by `validate` in the judge's own process. The grade is the
ROC-AUC on the holdout against a baseline fitted here the same way the statement describes.
"""

import numpy as np

from mockint.grading.values import NDArray, ndarray

MARGIN = 0.06  # AUC points above the baseline needed to pass


def _dataset(rng, n, m):
    """Two interacting features, one curved effect, one feature in large units, two noise
    columns, and about 5% missing values in two columns."""
    total = n + m
    X = rng.normal(size=(total, 8))
    X[:, 6] = X[:, 6] * 1000 + 5000
    c = rng.uniform(0.8, 1.2, size=5)
    logit = (
        -0.3
        + 1.2 * c[0] * X[:, 0]
        - 1.0 * c[1] * X[:, 1]
        + 1.8 * c[2] * X[:, 2] * X[:, 3]
        + 1.2 * c[3] * (X[:, 4] ** 2 - 1)
        + 0.8 * c[4] * (X[:, 6] - 5000) / 1000
    )
    y = (rng.random(total) < 1 / (1 + np.exp(-logit))).astype(np.float64)
    for j in (1, 6):
        X[rng.random(total) < 0.05, j] = np.nan
    return X[:n], y[:n], X[n:], y[n:]


def _case(cid, seed, n=3000, m=2000, note=""):
    Xtr, ytr, Xte, yte = _dataset(np.random.default_rng(seed), n, m)
    return {
        "id": cid,
        "args": [ndarray(Xtr), ndarray(ytr), ndarray(Xte)],
        "check_args": [0, 1, 2],
        "holdout": yte,
        "note": note,
    }


def _subgroup_case(cid, seed, n=3000, m=2000, note=""):
    """The same training data twice: first every test row, then only a subgroup of them (rows
    with a high fifth feature, whose means and scales differ from the training set's). A
    row's score must come from the training data and that row alone, so the subgroup keeps
    its order."""
    case = _case(cid, seed, n, m, note)
    Xtr, ytr, Xte = case.pop("args")
    del case["check_args"]
    case["subgroup"] = np.flatnonzero(Xte.data[:, 4] > 0.5)
    case["calls"] = [[Xtr, ytr, Xte], [Xtr, ytr, ndarray(Xte.data[case["subgroup"]])]]
    return case


def visible():
    return [_case("dataset-a", 1), _case("dataset-b", 2, n=2000, m=2000)]


def hidden():
    return [
        _case("small-train", 3, n=1200, m=3000, note="a smaller training set"),
        _subgroup_case(
            "subgroup", 4, note="scores for a subgroup of the test rows, scored on its own"
        ),
    ]


def generate(rng):
    seed = int(rng.integers(1 << 31))
    return _case(None, seed, note="a fresh dataset from the same distribution")


def auc(scores, labels):
    """ROC-AUC by the rank-sum (Mann-Whitney) formula, ties sharing their average rank."""
    order = np.argsort(scores, kind="mergesort")
    s = scores[order]
    ranks = np.empty(len(s))
    i = 0
    while i < len(s):
        j = i
        while j + 1 < len(s) and s[j + 1] == s[i]:
            j += 1
        ranks[order[i : j + 1]] = (i + j + 2) / 2
        i = j + 1
    pos = labels == 1
    n_pos, n_neg = int(pos.sum()), int((~pos).sum())
    return float((ranks[pos].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))


def baseline_scores(Xtr, ytr, Xte):
    """Mean imputation, standardisation, logistic regression by Newton steps."""
    mu = np.nanmean(Xtr, axis=0)
    A = np.where(np.isnan(Xtr), mu, Xtr)
    B = np.where(np.isnan(Xte), mu, Xte)
    m, s = A.mean(axis=0), A.std(axis=0)
    A = np.hstack([(A - m) / s, np.ones((len(A), 1))])
    B = np.hstack([(B - m) / s, np.ones((len(B), 1))])
    w = np.zeros(A.shape[1])
    for _ in range(25):
        p = 1 / (1 + np.exp(-(A @ w)))
        grad = A.T @ (p - ytr) / len(ytr) + 1e-3 * np.r_[w[:-1], 0]
        hess = (A * (p * (1 - p))[:, None]).T @ A / len(ytr) + 1e-3 * np.eye(len(w))
        w -= np.linalg.solve(hess, grad)
    return B @ w


def _scores(got, rows):
    """(scores as float64, None) or (None, what is wrong with them)."""
    if not isinstance(got, NDArray):
        return None, f"returned {type(got).__name__}, expected a numpy.ndarray of scores"
    if got.data.shape != (rows,):
        return None, f"scores of shape {got.data.shape}, expected ({rows},)"
    if got.data.dtype.kind not in "fiu" or not np.all(np.isfinite(got.data)):
        return None, "scores must be finite numbers"
    return got.data.astype(np.float64), None


def discordant_share(first, second):
    """The share of pairs of rows that `second` ranks the other way round from `first`
    (differences below a billionth of the spread are ties: rounding may differ by batch)."""
    i, j = np.triu_indices(len(first), 1)
    a, b = first[j] - first[i], second[j] - second[i]
    ta, tb = 1e-9 * np.ptp(first), 1e-9 * np.ptp(second)
    flipped = ((a > ta) & (b < -tb)) | ((a < -ta) & (b > tb))
    return float(flipped.mean()) if len(a) else 0.0


def validate(case, got):
    if "calls" in case:
        if not isinstance(got, list) or len(got) != 2:
            return "expected one result per call"
        Xtr, ytr, Xte = (a.data for a in case["calls"][0])
        sub, why = _scores(got[1], len(case["subgroup"]))
        if why:
            return f"scoring the subgroup alone: {why}"
        got = got[0]
    else:
        Xtr, ytr, Xte = (a.data for a in case["args"])
    scores, why = _scores(got, len(Xte))
    if why:
        return why
    if "calls" in case:
        flipped = discordant_share(scores[case["subgroup"]], sub)
        if flipped > 1e-3:
            return (
                f"scored alone, the subgroup's rows came in another order ({flipped:.1%} of "
                "pairs swapped): a score must depend on the training data and its row only"
            )
    yours = auc(scores, case["holdout"])
    base = auc(baseline_scores(Xtr, ytr, Xte), case["holdout"])
    if yours < base + MARGIN:
        return (
            f"holdout AUC {yours:.3f}; the baseline reaches {base:.3f}, "
            f"so at least {base + MARGIN:.3f} is needed"
        )
    return None
