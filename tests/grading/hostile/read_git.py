# problem: prune-weights
# expect: verdict=accepted
# The checkout's git directory holds every version of the cases and solutions as objects;
# reading it (or the checkout around the package) must fail.
import glob
import os

import mockint
import torch

GIT = '{{GIT_DIR}}'


def prune_weights(weights, threshold):
    leaks = []
    for path in [GIT + '/HEAD', GIT + '/config', GIT + '/index'] + glob.glob(GIT + '/objects/*/*')[:3]:
        try:
            with open(path, 'rb') as f:
                leaks.append(path + ': %r' % f.read(20))
        except OSError:
            pass
    # Next to the package: the checkout's other folders (tests, .git, dist, build...).
    checkout = os.path.dirname(os.path.dirname(mockint.__file__))
    try:
        extra = set(os.listdir(checkout)) - {'mockint', '.venv', 'venv'}
        if extra:
            leaks.append('the checkout shows ' + ', '.join(sorted(extra)[:8]))
    except OSError:
        pass
    if leaks:
        raise RuntimeError('LEAK: ' + '; '.join(leaks))
    if threshold < 0:
        raise ValueError('negative')
    return torch.where(weights.abs() >= threshold, weights, torch.zeros_like(weights))
