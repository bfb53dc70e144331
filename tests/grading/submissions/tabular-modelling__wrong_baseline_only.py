# problem: tabular-modelling
# expect: verdict=wrong_answer
import numpy as np


def fit_predict(X_train, y_train, X_test):
    # The baseline itself: a linear model on the raw features cannot see the interaction.
    mu = np.nanmean(X_train, axis=0)
    A = np.where(np.isnan(X_train), mu, X_train)
    B = np.where(np.isnan(X_test), mu, X_test)
    m, s = A.mean(0), A.std(0)
    A = np.hstack([(A - m) / s, np.ones((len(A), 1))])
    B = np.hstack([(B - m) / s, np.ones((len(B), 1))])
    w = np.zeros(A.shape[1])
    for _ in range(500):
        p = 1 / (1 + np.exp(-(A @ w)))
        w -= 0.5 * A.T @ (p - y_train) / len(y_train)
    return B @ w
