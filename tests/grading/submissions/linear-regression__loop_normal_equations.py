# problem: linear-regression
# expect: verdict=not_vectorized vectorized=bad
import numpy as np


def fit_linear_regression(X, y):
    d = X.shape[1] + 1
    xtx = np.zeros((d, d))
    xty = np.zeros(d)
    for row, target in zip(X, y):  # one sample at a time
        a = np.append(row, 1.0)
        xtx += np.outer(a, a)
        xty += a * target
    coef = np.linalg.solve(xtx, xty)
    return coef[:-1], float(coef[-1])
