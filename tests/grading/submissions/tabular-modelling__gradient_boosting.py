# problem: tabular-modelling
# expect: verdict=accepted
# Gradient-boosted trees in NumPy: split candidates at training quantiles (np.quantile), a
# bin of its own for missing values, histograms of gradients per node.
import numpy as np

N_BINS = 32
MISSING = N_BINS  # the bin index of a missing value


def _edges(X):
    qs = np.linspace(0, 1, N_BINS + 1)[1:-1]
    out = []
    for j in range(X.shape[1]):
        col = X[:, j]
        out.append(np.unique(np.quantile(col[~np.isnan(col)], qs)))
    return out


def _bins(X, edges):
    B = np.empty(X.shape, dtype=np.int64)
    for j, e in enumerate(edges):
        col = X[:, j]
        b = np.searchsorted(e, col, side="right")
        b[np.isnan(col)] = MISSING
        B[:, j] = b
    return B


def _best_split(B, idx, g, h, lam, min_hess):
    G, H = g[idx].sum(), h[idx].sum()
    best_gain, best = 1e-6, None
    for j in range(B.shape[1]):
        col = B[idx, j]
        gh = np.bincount(col, weights=g[idx], minlength=N_BINS + 1)
        hh = np.bincount(col, weights=h[idx], minlength=N_BINS + 1)
        gl, hl = np.cumsum(gh[:-1]), np.cumsum(hh[:-1])
        for missing_left in (False, True):
            GL = gl + (gh[MISSING] if missing_left else 0.0)
            HL = hl + (hh[MISSING] if missing_left else 0.0)
            GR, HR = G - GL, H - HL
            gain = GL**2 / (HL + lam) + GR**2 / (HR + lam) - G**2 / (H + lam)
            gain[(HL < min_hess) | (HR < min_hess)] = -np.inf
            k = int(np.argmax(gain))
            if gain[k] > best_gain:
                best_gain, best = gain[k], (j, k, missing_left)
    return best


def _goes_left(col, k, missing_left):
    return np.where(col == MISSING, missing_left, col <= k)


def _fit_tree(B, g, h, depth, lam=1.0, min_hess=1.0):
    nodes = []

    def build(idx, d):
        node = len(nodes)
        nodes.append(None)
        split = _best_split(B, idx, g, h, lam, min_hess) if d < depth else None
        if split is None:
            nodes[node] = (-g[idx].sum() / (h[idx].sum() + lam),)
            return node
        j, k, missing_left = split
        left = _goes_left(B[idx, j], k, missing_left)
        a = build(idx[left], d + 1)
        b = build(idx[~left], d + 1)
        nodes[node] = (j, k, missing_left, a, b)
        return node

    build(np.arange(len(g)), 0)
    return nodes


def _predict_tree(nodes, B):
    out = np.empty(len(B))
    stack = [(0, np.arange(len(B)))]
    while stack:
        node, idx = stack.pop()
        spec = nodes[node]
        if len(spec) == 1:
            out[idx] = spec[0]
            continue
        j, k, missing_left, a, b = spec
        left = _goes_left(B[idx, j], k, missing_left)
        stack.append((a, idx[left]))
        stack.append((b, idx[~left]))
    return out


def fit_predict(X_train, y_train, X_test, trees=120, depth=3, lr=0.1):
    edges = _edges(X_train)
    Btr, Bte = _bins(X_train, edges), _bins(X_test, edges)
    rate = np.clip(y_train.mean(), 1e-6, 1 - 1e-6)
    f_train = np.full(len(y_train), np.log(rate / (1 - rate)))
    f_test = np.full(len(X_test), f_train[0])
    for _ in range(trees):
        p = 1 / (1 + np.exp(-f_train))
        nodes = _fit_tree(Btr, p - y_train, p * (1 - p), depth)
        f_train += lr * _predict_tree(nodes, Btr)
        f_test += lr * _predict_tree(nodes, Bte)
    return f_test
