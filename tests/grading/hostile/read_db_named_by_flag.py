# problem: prune-weights
# expect: verdict=accepted
# A database named with --db (the app passes it to the judge; no environment variable
# says where it is) holds other people's stories and notes: it and its folder are hidden.
import os

import torch

DB = '{{DB_FLAG}}'


def prune_weights(weights, threshold):
    leaks = []
    for path in (DB, DB + '-wal', DB + '-journal'):
        try:
            with open(path, 'rb') as f:
                leaks.append(path + ': %r' % f.read(20))
        except OSError:
            pass
    try:
        leaks.append('its folder lists ' + ', '.join(os.listdir(os.path.dirname(DB))))
    except OSError:
        pass
    if leaks:
        raise RuntimeError('LEAK: ' + '; '.join(leaks))
    if threshold < 0:
        raise ValueError('negative')
    return torch.where(weights.abs() >= threshold, weights, torch.zeros_like(weights))
