# problem: prune-weights
# expect: verdict=accepted
# The installed package's own copy of the problems and solutions (mockint/_data under
# site-packages, present even for an editable install) must be as hidden as the checkout's.
import glob
import os

import torch

DATA = '{{DATA_COPY}}'


def prune_weights(weights, threshold):
    leaks = []
    for pattern in ('/scenarios/problems/prune-weights/cases.py', '/solutions/prune-weights.py',
                    '/scenarios/problems/*/cases.py', '/solutions/*.py'):
        for path in glob.glob(DATA + pattern) + [DATA + pattern]:
            try:
                with open(path) as f:
                    leaks.append(path + ': ' + f.read(40))
            except OSError:
                pass
    try:
        leaks.append('listed ' + ', '.join(os.listdir(DATA)))
    except OSError:
        pass
    if leaks:
        raise RuntimeError('LEAK: ' + '; '.join(leaks))
    if threshold < 0:
        raise ValueError('negative')
    return torch.where(weights.abs() >= threshold, weights, torch.zeros_like(weights))
