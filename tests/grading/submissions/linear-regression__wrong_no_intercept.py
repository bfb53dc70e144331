# problem: linear-regression
# expect: verdict=wrong_answer
import numpy as np


def fit_linear_regression(X, y):
    coef, *_ = np.linalg.lstsq(X, y, rcond=None)
    return coef, 0.0
