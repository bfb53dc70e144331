# problem: tabular-modelling
# expect: verdict=time_limit
import math

import numpy as np


def fit_predict(X_train, y_train, X_test):
    # k nearest neighbours with Python loops: m * n distance computations, far too slow.
    mu = np.nanmean(X_train, axis=0)
    A = np.where(np.isnan(X_train), mu, X_train).tolist()
    B = np.where(np.isnan(X_test), mu, X_test).tolist()
    sd = [float(v) for v in np.std(np.array(A), axis=0)]
    labels = y_train.tolist()
    out = []
    for b in B:
        dists = []
        for a, lab in zip(A, labels):
            d = 0.0
            for k in range(len(b)):
                d += ((a[k] - b[k]) / sd[k]) ** 2
            dists.append((math.sqrt(d), lab))
        dists.sort()
        out.append(sum(lab for _, lab in dists[:25]) / 25)
    return np.array(out)
