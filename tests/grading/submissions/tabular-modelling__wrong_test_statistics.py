# problem: tabular-modelling
# expect: verdict=wrong_answer
# Imputes and standardises the test rows with the test rows' own means and scales (the
# statement says every statistic comes from the training data).
import numpy as np


def _prepare(X):
    means = np.nanmean(X, axis=0)
    filled = np.where(np.isnan(X), means, X)
    z = (filled - filled.mean(axis=0)) / (filled.std(axis=0) + 1e-9)
    i, j = np.triu_indices(z.shape[1])
    return np.hstack([z, z[:, i] * z[:, j], np.ones((len(z), 1))])


def fit_predict(X_train, y_train, X_test):
    A, B = _prepare(X_train), _prepare(X_test)
    w = np.zeros(A.shape[1])
    for _ in range(20):  # Newton steps on the L2-regularised log-loss
        p = 1 / (1 + np.exp(-np.clip(A @ w, -30, 30)))
        grad = A.T @ (p - y_train) / len(A) + 1e-2 * w
        hess = (A * (p * (1 - p))[:, None]).T @ A / len(A) + 1e-2 * np.eye(len(w))
        w -= np.linalg.solve(hess, grad)
    return B @ w
